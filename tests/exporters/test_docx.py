"""DOCX export read back as a user would check it: styles, real footnotes, header, footer."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from briefer.exporters import ExportError, export_note
from briefer.exporters.document import ExportDocument
from briefer.exporters.docx import TOC_PLACEHOLDER, export_docx

from .conftest import PORTS_QUOTE, SECOND_STEEL_QUOTE, STEEL_QUOTE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _xml(path: Path, name: str) -> ET.Element:
    with zipfile.ZipFile(path) as archive:
        return ET.fromstring(archive.read(name))


def _text(element: ET.Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _instructions(element: ET.Element) -> str:
    simple = [f.get(f"{W}instr", "") for f in element.iter(f"{W}fldSimple")]
    complex_ = [t.text or "" for t in element.iter(f"{W}instrText")]
    return " | ".join(simple + complex_)


@pytest.fixture
def exported(document: ExportDocument, tmp_path: Path) -> Path:
    target = tmp_path / "note.docx"
    export_docx(document, target)
    return target


def test_body_uses_built_in_styles(exported: Path) -> None:
    word = docx.Document(str(exported))
    styled = [(p.style.name, p.text) for p in word.paragraphs if p.text.strip()]
    assert styled[0] == ("Title", "Steel and ports: the week ahead")
    headings = [(s, t) for s, t in styled if s.startswith("Heading")]
    assert headings == [
        ("Heading 1", "Summary"),
        ("Heading 2", "Ports"),
        ("Heading 1", "Key figures"),
        ("Heading 1", "Sources"),
    ]
    quotes = [t for s, t in styled if s == "Quote"]
    # Word's typographic quotes, as Word types them (the Markdown keeps the straight ones).
    # The footnote mark follows the closing quote with no space, so it cannot wrap away.
    # British English by default: single marks outside (double inside).
    assert quotes == [f"‘{STEEL_QUOTE}’", f"‘{PORTS_QUOTE}’", f"‘{SECOND_STEEL_QUOTE}’"]
    lists = [(s, t) for s, t in styled if s.startswith("List")]
    assert lists == [
        ("List Bullet", "Tariffs fall"),
        ("List Bullet 2", "on flat steel"),
        ("List Bullet", "Quotas stay"),
        ("List Number", "Customs staffing"),
        ("List Number", "Lorry parks1"),  # NOTEREF shows footnote 1 again
    ]
    emphasis = [(r.text, r.bold, r.italic) for p in word.paragraphs for r in p.runs]
    assert ("good news", True, None) in emphasis and ("exporters", None, True) in emphasis


def test_title_block_and_tables(exported: Path) -> None:
    word = docx.Document(str(exported))
    meta, figures = word.tables
    rows = {r.cells[0].text: r.cells[1].text for r in meta.rows}
    assert rows == {
        "Author": "A. Analyst",
        "Date": "5 December 2025",
        "Recipient": "Head of Trade Policy",
        "Reference": "BR-2025-117",
        "Marking": "OFFICIAL-SENSITIVE",
    }
    assert figures.style.name == "Table Grid"
    assert [[c.text for c in r.cells] for r in figures.rows] == [
        ["Measure", "Value"],
        ["Tariff", "0%"],
        ["Quota a|b", "1.2 Mt"],
    ]


def test_each_citation_is_a_real_footnote_naming_its_source(exported: Path) -> None:
    with zipfile.ZipFile(exported) as archive:
        names = archive.namelist()
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
    assert "word/footnotes.xml" in names
    assert "wordprocessingml.footnotes+xml" in types and "relationships/footnotes" in rels
    notes = _xml(exported, "word/footnotes.xml")
    real = [f for f in notes.findall(f"{W}footnote") if f.get(f"{W}type") is None]
    separators = {f.get(f"{W}type") for f in notes.findall(f"{W}footnote")} - {None}
    assert separators == {"separator", "continuationSeparator"}
    texts = [_text(f).strip() for f in real]
    assert texts[0].startswith("EU and UK agree steel deal, The Courier, 4 December 2025")
    assert texts[1] == "Ports brace for a hard winter."
    assert texts[2].startswith("EU and UK agree steel deal")
    for footnote in real:
        paragraph_style = footnote.find(f"{W}p/{W}pPr/{W}pStyle")
        assert paragraph_style is not None and paragraph_style.get(f"{W}val") == "FootnoteText"
    body = _xml(exported, "word/document.xml")
    refs = [r.get(f"{W}id") for r in body.iter(f"{W}footnoteReference")]
    assert refs == [f.get(f"{W}id") for f in real]  # each once, in citation order
    assert "NOTEREF" in _instructions(body)  # the repeated citation points back to footnote 1
    styles = docx.Document(str(exported)).styles
    assert styles["footnote reference"].font.superscript


def test_header_and_footer_carry_marking_and_page_numbers(exported: Path) -> None:
    section = docx.Document(str(exported)).sections[0]
    assert "OFFICIAL-SENSITIVE" in [p.text for p in section.header.paragraphs]
    footer_text = [p.text for p in section.footer.paragraphs]
    assert "OFFICIAL-SENSITIVE" in footer_text
    assert any(t.startswith("Page ") and " of " in t for t in footer_text)
    instructions = _instructions(section.footer._element)  # type: ignore[arg-type]
    assert "PAGE" in instructions.split() and "NUMPAGES" in instructions.split()


def test_core_properties(exported: Path) -> None:
    props = docx.Document(str(exported)).core_properties
    assert props.title == "Steel and ports: the week ahead"
    assert props.author == "A. Analyst"
    assert props.subject == "BR-2025-117"
    assert props.created == dt.datetime(2025, 12, 5, 9, 30, tzinfo=dt.UTC)


def test_table_of_contents_is_a_real_field(document: ExportDocument, tmp_path: Path) -> None:
    target = tmp_path / "toc.docx"
    export_docx(document, target, table_of_contents=True)
    body = _xml(target, "word/document.xml")
    assert 'TOC \\o "1-3" \\h \\z \\u' in _instructions(body)
    # Its shown result lists the headings already; the placeholder is for a note without any.
    assert TOC_PLACEHOLDER not in _text(body)
    assert "ContentsSummaryPortsKey figuresSources" in _text(body)


def test_reference_doc_keeps_its_styles_and_page_setup(
    document: ExportDocument, tmp_path: Path
) -> None:
    reference = docx.Document()
    heading = reference.styles["Heading 1"]
    heading.font.name = "Georgia"
    heading.font.color.rgb = RGBColor(0x99, 0x00, 0x33)
    heading.font.size = Pt(21)
    section = reference.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(3.3)
    reference.add_paragraph("Template boilerplate that must not be exported.")
    reference_path = tmp_path / "house.docx"
    reference.save(str(reference_path))

    target = tmp_path / "note.docx"
    export_docx(document, target, reference_doc=reference_path)
    word = docx.Document(str(target))
    h1 = word.styles["Heading 1"]
    assert (h1.font.name, h1.font.color.rgb, h1.font.size) == (
        "Georgia",
        RGBColor(0x99, 0, 0x33),
        Pt(21),
    )
    out = word.sections[0]
    assert out.orientation == WD_ORIENT.LANDSCAPE
    assert out.left_margin is not None and out.right_margin is not None
    assert round(out.left_margin.cm, 2) == round(out.right_margin.cm, 2) == 3.3
    assert all("boilerplate" not in p.text for p in word.paragraphs)
    assert word.paragraphs[0].text == "Steel and ports: the week ahead"
    assert word.styles["Quote"].paragraph_format.left_indent is None  # theirs, untouched


def test_without_a_reference_quotations_are_set_off_from_the_text(exported: Path) -> None:
    quote = docx.Document(str(exported)).styles["Quote"]
    indents = (quote.paragraph_format.left_indent, quote.paragraph_format.right_indent)
    assert all(i is not None and round(i.cm, 1) == 1.0 for i in indents)
    assert quote.font.italic


def test_dotx_template_is_accepted(document: ExportDocument, tmp_path: Path) -> None:
    base = tmp_path / "base.docx"
    reference = docx.Document()
    reference.styles["Quote"].font.color.rgb = RGBColor(0x12, 0x34, 0x56)
    reference.save(str(base))
    template = tmp_path / "house.dotx"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(template, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(item, data)
    target = tmp_path / "note.docx"
    export_docx(document, target, reference_doc=template)
    with zipfile.ZipFile(target) as archive:
        assert b"document.main+xml" in archive.read("[Content_Types].xml")
    word = docx.Document(str(target))  # opens as a document, not a template
    assert word.styles["Quote"].font.color.rgb == RGBColor(0x12, 0x34, 0x56)


def test_template_lacking_footnote_and_quote_styles_gets_them(
    document: ExportDocument, tmp_path: Path
) -> None:
    reference = docx.Document()
    styles = reference.styles.element
    for style_id in ("Quote", "ListBullet", "ListNumber", "ListBullet2"):
        styles.remove(styles.get_by_id(style_id))
    reference_path = tmp_path / "bare.docx"
    reference.save(str(reference_path))
    target = tmp_path / "note.docx"
    export_docx(document, target, reference_doc=reference_path)
    word = docx.Document(str(target))
    used = {p.style.name for p in word.paragraphs}
    assert {"Quote", "List Bullet", "List Number", "List Bullet 2"} <= used
    bullet = word.styles["List Bullet"].element
    assert bullet.pPr is not None and bullet.pPr.numPr is not None  # still a real bullet list


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04broken"])
def test_reference_that_is_not_word_is_refused(
    document: ExportDocument, tmp_path: Path, content: bytes
) -> None:
    reference = tmp_path / "house.docx"
    reference.write_bytes(content)
    target = tmp_path / "note.docx"
    with pytest.raises(ExportError, match=r"not a Word \.docx or \.dotx file"):
        export_docx(document, target, reference_doc=reference)
    assert not target.exists()


def test_reference_that_is_another_office_file_is_refused(
    document: ExportDocument, tmp_path: Path
) -> None:
    reference = tmp_path / "sheet.docx"
    with zipfile.ZipFile(reference, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(ExportError, match="not a Word"):
        export_docx(document, tmp_path / "note.docx", reference_doc=reference)


def test_missing_source_marker_is_visible_in_word(note, passages, articles, tmp_path: Path) -> None:
    del passages[42]
    target = tmp_path / "note.docx"
    document = export_note(note, passages, articles, target, "docx")
    assert len(document.problems) == 1
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert text.count("[missing source: passage 42]") == 2
    notes = _xml(target, "word/footnotes.xml")
    first = next(f for f in notes if f.get(f"{W}type") is None)
    assert _text(first).strip().startswith("Ports")


def test_unknown_format_is_refused(note, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Choose one of"):
        export_note(note, {}, {}, tmp_path / "x.pdf", "pdf")
    assert list(tmp_path.iterdir()) == []


def test_footnote_marks_in_italic_quotations_stay_upright(exported: Path) -> None:
    body = docx.Document(str(exported)).element.body
    marks = body.findall(".//" + qn("w:footnoteReference"))
    assert marks
    for mark in marks:
        italic = mark.getparent().find(qn("w:rPr")).find(qn("w:i"))
        assert italic is not None and italic.get(qn("w:val")) == "0"


def test_arabic_footnotes_in_a_citation_style_and_arabic_cells_read_from_the_right(
    tmp_path: Path,
) -> None:
    import datetime as dt

    from lxml import etree

    from briefer.core.citations import quotation_markdown
    from briefer.core.model import Article, Note, Passage, Section
    from briefer.exporters.csl_styles import resolve_style
    from briefer.exporters.document import build_document
    from briefer.resources import resource_path

    arabic = "قال الوزير إن الاتفاق جيد"
    article = Article(arabic, arabic, publisher="الوكالة", published=dt.date(2026, 1, 5), id=1)
    passage = Passage(1, 0, len(arabic), arabic, id=3)
    body = quotation_markdown(arabic, 3) + "\n\n| البند | القيمة |\n|---|---|\n| الرسوم | خمسة |\n"
    note = Note("Brief", sections=(Section("Summary", body),))
    style = resolve_style("chicago", resource_path("csl"))
    target = tmp_path / "rtl.docx"
    export_docx(build_document(note, {3: passage}, {1: article}, style), target)
    word = docx.Document(str(target))
    footnotes = next(
        r.target_part for r in word.part.rels.values() if r.reltype.endswith("/footnotes")
    )
    root = etree.fromstring(footnotes.blob)
    notes = [n for n in root.findall(qn("w:footnote")) if int(n.get(qn("w:id"))) > 0]
    assert notes and all(n.find(".//" + qn("w:bidi")) is not None for n in notes)
    cells = word.tables[-1]._tbl.findall(".//" + qn("w:tc"))
    assert cells and all(c.find(".//" + qn("w:bidi")) is not None for c in cells)
