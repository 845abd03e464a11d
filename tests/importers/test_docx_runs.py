"""What a run's markup shows a reader: hidden text, field codes, symbol-font characters.

Each document is made with python-docx (styles through its API, which writes the
``w:vanish`` Word writes) plus raw WordprocessingML for the runs, in the shapes Word
and LibreOffice write; each assertion is the text Word shows.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from briefer.core.model import Article
from briefer.importers.base import ImportLimits
from briefer.importers.docx import DocxImporter
from briefer.importers.symbol_font import SYMBOL


def _run(text: str, properties: str = "") -> str:
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _import(tmp_path: Path, document: docx.document.Document, *paragraphs: str) -> Article:
    return _imported(tmp_path, document, *paragraphs)[0]


def _imported(
    tmp_path: Path, document: docx.document.Document, *paragraphs: str
) -> tuple[Article, tuple[str, ...]]:
    """The document with each raw paragraph appended to its body, imported as a .docx,
    and the import report's sentences."""
    body = document.element.body
    for xml in paragraphs:
        (node,) = parse_xml(f"<w:root {nsdecls('w')}>{xml}</w:root>")
        body.sectPr.addprevious(node) if body.sectPr is not None else body.append(node)
    path = tmp_path / "runs.docx"
    document.save(str(path))
    return DocxImporter().extract_with_warnings(path.read_bytes(), path.name, ImportLimits())


def _texts(article: Article) -> list[str]:
    return [article.block_text(block) for block in article.blocks]


def test_hidden_text_is_left_out_however_it_is_hidden(tmp_path: Path) -> None:
    document = docx.Document()
    hidden = document.styles.add_style("Hidden Note", WD_STYLE_TYPE.CHARACTER)
    hidden.font.hidden = True
    reviewer = document.styles.add_style("Reviewer Note", WD_STYLE_TYPE.CHARACTER)
    reviewer.base_style = hidden  # hidden through basedOn
    shown = document.styles.add_style("Shown Note", WD_STYLE_TYPE.CHARACTER)
    shown.base_style = hidden
    shown.font.hidden = False  # <w:vanish w:val="0"/>: switched off again
    article, report = _imported(
        tmp_path,
        document,
        "<w:p>"
        + _run("The council will dredge in spring.")
        + _run(" NOTE TO SELF check the tender", "<w:vanish/>")
        + _run(" The work costs four million.")
        + "</w:p>",
        "<w:p>"
        + _run("Boats moor at the north quay ")
        + _run("[draft: ask the harbour master] ", '<w:rStyle w:val="ReviewerNote"/>')
        + _run("during the works, ")
        + _run("says the board.", '<w:rStyle w:val="ShownNote"/>')
        + "</w:p>",
        "<w:p>"
        + _run("Tenders close in May", '<w:vanish w:val="false"/>')
        + _run(" (web view only)", "<w:webHidden/>")
        + _run(".")
        + "</w:p>",
    )
    assert _texts(article) == [
        "The council will dredge in spring. The work costs four million.",
        "Boats moor at the north quay during the works, says the board.",
        "Tenders close in May (web view only).",
    ]
    (sentence,) = report
    assert sentence.startswith("runs.docx: hidden text in 2 paragraphs left out")


def test_a_paragraph_hidden_by_its_style_or_its_runs_is_gone(tmp_path: Path) -> None:
    document = docx.Document()
    instructions = document.styles.add_style("Instructions", WD_STYLE_TYPE.PARAGRAPH)
    instructions.font.hidden = True
    template_note = document.styles.add_style("Template Note", WD_STYLE_TYPE.PARAGRAPH)
    template_note.base_style = instructions
    document.add_paragraph("Harbour dredging review")
    document.add_paragraph("Delete this paragraph before sending.", style="Instructions")
    hinted = document.add_paragraph("Fill in the tender number: ", style="Template Note")
    hinted.add_run("T-2291").font.hidden = False  # the run's own setting beats the style
    article = _import(
        tmp_path,
        document,
        "<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>"
        + _run("Instructions: remove before printing.", "<w:vanish/>")
        + "</w:p>",
        "<w:p>" + _run("Dredging starts in March.") + "</w:p>",
    )
    assert _texts(article) == ["Harbour dredging review", "T-2291", "Dredging starts in March."]


def test_a_document_with_nothing_hidden_reports_nothing(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Dredging starts in March.").add_run(" Shown.").font.hidden = False
    article, report = _imported(tmp_path, document)
    assert (article.text, report) == ("Dredging starts in March. Shown.", ())


_NUMBERING = (
    '<w:numbering {ns}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)


def _numbered(text: str, hidden: bool = False) -> str:
    vanish = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
    return (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        f"{vanish}</w:pPr>" + _run(text, "<w:vanish/>" if hidden else "") + "</w:p>"
    )


def test_a_hidden_numbered_paragraph_shows_no_number_but_still_counts(tmp_path: Path) -> None:
    """Word's "advance value (skip numbers)" writes exactly such paragraphs: hidden, counted."""
    document = docx.Document()
    document.add_paragraph("Placeholder", style="List Number")  # gives the package numbering
    numbering = document.part.numbering_part
    numbering._element = parse_xml(_NUMBERING.format(ns=nsdecls("w")))
    document.element.body.remove(document.paragraphs[0]._p)
    article = _import(
        tmp_path,
        document,
        _numbered("Work stops in the herring season."),
        _numbered("Skipped number", hidden=True),
        _numbered("Noise stays below 70 dB."),
    )
    assert _texts(article) == [
        "1. Work stops in the herring season.",
        "3. Noise stays below 70 dB.",
    ]


def test_hidden_text_in_a_footnote_is_left_out(tmp_path: Path) -> None:
    path = Path(__file__).parents[1] / "data" / "importers" / "docx" / "notes.docx"
    document = docx.Document(str(path))
    footnotes = next(
        rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/footnotes")
    )
    xml = footnotes.blob.decode()
    first_text = xml.index("<w:t", xml.index('w:id="1"'))
    xml = (
        xml[:first_text]
        + "<w:rPr><w:vanish/></w:rPr><w:t>SECRET </w:t></w:r><w:r>"
        + xml[first_text:]
    )
    footnotes._blob = xml.encode()
    article = _import(tmp_path, document)
    assert "[1]" in article.text
    assert "SECRET" not in article.text


def _field(code: str, *result: str) -> str:
    """A complex field; ``code`` may hold nested fields, whose results Word keeps there."""
    separate = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' if result else ""
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>{code}{separate}{"".join(result)}'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _code(text: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'


def test_only_the_outermost_field_s_result_is_shown(tmp_path: Path) -> None:
    gender = _field(_code(" MERGEFIELD Gender "), _run("«Gender»"))
    pages = _field(_code(" NUMPAGES "), _run("12"))
    page_ref = _field(_code(" PAGEREF _Toc1 \\h "), _run("4"))
    article = _import(
        tmp_path,
        docx.Document(),
        "<w:p>"
        + _run("Dear ")
        + _field(_code(" IF ") + gender + _code(' = "F" "Ms" "Mr" '), _run("Mr"))
        + _run(" Lindqvist,")
        + "</w:p>",
        "<w:p>"
        + _run("This report has ")
        + _field(_code(" = ") + pages + _code(" - 2 "), _run("10"))
        + _run(" pages.")
        + "</w:p>",
        "<w:p>"  # a field inside a result (a TOC line's page number) shows its own result
        + _field(_code(' HYPERLINK \\l "_Toc1" '), _run("Traffic "), page_ref)
        + "</w:p>",
    )
    assert _texts(article) == ["Dear Mr Lindqvist,", "This report has 10 pages.", "Traffic 4"]


def _symbol(font: str, code: str) -> str:
    return f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>'


def test_symbol_font_characters_are_the_ones_word_draws(tmp_path: Path) -> None:
    symbol_run = '<w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/>'
    article = _import(
        tmp_path,
        docx.Document(),
        "<w:p>"  # Insert > Symbol, as Word writes it
        + _run("Give 50 ")
        + _symbol("Symbol", "F06D")
        + _run("g; the ")
        + _symbol("Symbol", "F062")
        + _run("-blocker stays below 2 mg at 37")
        + _symbol("Symbol", "F0B0")
        + _run("C ")
        + _symbol("Symbol", "F0B1")
        + _run(" 0.5, risk ")
        + _symbol("Symbol", "F0A3")
        + _run(" 5%.")
        + "</w:p>",
        "<w:p>"  # LibreOffice: the same codes as text in a run set in Symbol
        + _run("Angle ")
        + _run("\uf071 \uf0bb 90\uf0b0, \uf053 \uf0b9 \uf0a5", symbol_run)
        + _run(" in the log.")
        + "</w:p>",
        "<w:p>"  # text typed in Symbol (older files): Word draws Greek letters
        + _run("Wave ")
        + _run("lDW", symbol_run)
        + _run(" measured.")
        + "</w:p>",
        "<w:p>"
        + _symbol("Wingdings", "F0FC")
        + _run(" Approved ")
        + _symbol("Wingdings", "F0A8")
        + _run(" Rejected ")
        + _run("\uf0fe", '<w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/>')
        + _run(" Signed")
        + "</w:p>",
        "<w:p>"  # a picture with no character: the words stay apart
        + _run("Costs")
        + _symbol("Webdings", "F021")
        + _run("4 million")
        + "</w:p>",
    )
    assert _texts(article) == [
        "Give 50 μg; the β-blocker stays below 2 mg at 37°C ± 0.5, risk ≤ 5%.",
        "Angle θ ≈ 90°, Σ ≠ ∞ in the log.",
        "Wave λΔΩ measured.",
        "✓ Approved ◻ Rejected ☑ Signed",
        "Costs 4 million",
    ]


def test_the_symbol_table_gives_greek_for_every_latin_letter_and_no_private_codes() -> None:
    letters = [*range(ord("A"), ord("Z") + 1), *range(ord("a"), ord("z") + 1)]
    assert all("GREEK" in unicodedata.name(SYMBOL[code]) for code in letters)
    for char in SYMBOL.values():
        assert len(char) == 1 and unicodedata.category(char) not in ("Co", "Cc", "Cn"), char


def test_a_button_field_with_a_huge_instruction_shows_its_prompt_and_no_more(
    tmp_path: Path,
) -> None:
    """A 1 KB crafted file put 150,000 spaces in a MACROBUTTON's code: the prompt's pattern
    took minutes over them, past the import's time limit, which cannot interrupt it."""
    spaces = " " * 40_000
    paragraph = f'<w:p><w:fldSimple w:instr="MACROBUTTON NoMacro [Type here]{spaces}tail"/></w:p>'
    article = _import(tmp_path, docx.Document(), paragraph)
    assert _texts(article) == ["[Type here]"]


def _check_box(state: str) -> str:
    """A legacy FORMCHECKBOX field as Word writes it, ``state`` its w:checkBox children."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check"/><w:enabled/>'
        f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>{state}</w:checkBox></w:ffData>'
        '</w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_a_legacy_check_box_shows_whether_it_is_ticked(tmp_path: Path) -> None:
    article = _import(
        tmp_path,
        docx.Document(),
        "<w:p>"
        + _run("Hazardous cargo? ")
        + _check_box('<w:default w:val="0"/><w:checked/>')  # ticked: no val means on
        + _run(" Yes ")
        + _check_box('<w:default w:val="0"/>')  # never ticked: its default
        + _run(" No")
        + "</w:p>",
        "<w:p>"
        + _run("Crew certified? ")
        + _check_box('<w:default w:val="1"/><w:checked w:val="false"/>')  # unticked
        + _run(" Yes ")
        + _check_box('<w:default w:val="1"/>')  # ticked by default
        + _run(" No ")
        + _check_box('<w:checked w:val="0"/>')
        + _run(" Unsure")
        + "</w:p>",
    )
    assert _texts(article) == [
        "Hazardous cargo? \u2612 Yes \u2610 No",
        "Crew certified? \u2610 Yes \u2612 No \u2610 Unsure",
    ]
