"""What Word keeps outside plain paragraphs comes back once, in order; what it hides stays out.

Fixtures are in tests/data/importers/docx (see its README): python-docx plus raw
XML from make_docx.py, and harbour-survey.docx written by LibreOffice.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.docx import DocxImporter

DATA = Path(__file__).parents[1] / "data" / "importers" / "docx"


def load(name: str) -> Article:
    return DocxImporter().extract((DATA / name).read_bytes(), name, ImportLimits())


def shape(article: Article) -> list[tuple[BlockKind, int, str]]:
    return [(b.kind, b.level, article.block_text(b)) for b in article.blocks]


def test_content_controls_in_body_tables_rows_cells_and_paragraphs_keep_their_text() -> None:
    article = load("content-controls.docx")
    assert shape(article) == [
        (BlockKind.HEADING, 1, "Maria Lindqvist"),
        (BlockKind.PARAGRAPH, 0, "Port logistics analyst, Kessling harbour authority"),
        (BlockKind.PARAGRAPH, 0, "maria.lindqvist@example.org, +46 31 555 0199"),
        (
            BlockKind.PARAGRAPH,
            0,
            "Prepared for the Arvel ferry tender board on 12 March 2025, at their request.",
        ),
        (BlockKind.HEADING, 2, "Experience"),
        (BlockKind.TABLE_ROW, 0, "2019 to now | Senior analyst, freight forecasting for the quays"),
        (BlockKind.TABLE_ROW, 0, "2015 to 2019 | Planner, container yard scheduling in Lisvik"),
        (BlockKind.TABLE_ROW, 0, "2012 to 2015 | Trainee, customs clearance at Port Arvel"),
        (BlockKind.HEADING, 2, "Skills"),
        (BlockKind.LIST_ITEM, 1, "Demand forecasting with seasonal models"),
        (BlockKind.LIST_ITEM, 1, "Negotiating berth schedules with shipping lines"),
        (BlockKind.LIST_ITEM, 1, "Swedish, Norwegian and English"),
        (BlockKind.PARAGRAPH, 0, "References are available on request."),
    ]


def test_each_text_box_is_read_once_after_the_paragraph_it_is_anchored_in() -> None:
    article = load("text-boxes.docx")
    for sidebar in (
        "Forty-two vessels called at the northern quays in March.",
        "Tide tables for April are pinned at the pilot station.",
        "Archive note: the old lighthouse keeper retired in 1987.",
    ):
        assert article.text.count(sidebar) == 1, sidebar
    assert shape(article) == [
        (BlockKind.HEADING, 1, "Harbour newsletter"),
        (
            BlockKind.PARAGRAPH,
            0,
            "Spring brought the busiest month since the dredging works ended.",
        ),
        (BlockKind.HEADING, 3, "At a glance"),
        (BlockKind.PARAGRAPH, 0, "Forty-two vessels called at the northern quays in March."),
        (
            BlockKind.PARAGRAPH,
            0,
            "Pilots report that the new channel markers make night arrivals far easier.",
        ),
        (BlockKind.PARAGRAPH, 0, "Tide tables for April are pinned at the pilot station."),
        (BlockKind.PARAGRAPH, 0, "The museum will reopen the lighthouse to visitors in June."),
        (BlockKind.PARAGRAPH, 0, "Archive note: the old lighthouse keeper retired in 1987."),
    ]


def test_footnotes_and_endnotes_are_marked_in_the_text_and_listed_under_notes() -> None:
    article = load("notes.docx")
    blocks = shape(article)
    assert blocks[1][2].startswith("The regional council approved a subsidy for the Lisvik ferry")
    assert "on Tuesday.[1] The subsidy covers" in blocks[1][2]
    assert blocks[2][2].startswith("Critics argue that the electric vessel[2] is untested")
    assert blocks[2][2].endswith("on the Kessling route last year.[i]")
    assert blocks[-5] == (BlockKind.HEADING, 1, "Notes")
    assert [(kind, text) for kind, _, text in blocks[-4:]] == [
        (BlockKind.PARAGRAPH, "[1] Council minutes, item 14, published on the regional website."),
        (BlockKind.PARAGRAPH, "[2] Built by Lindmark Marine Engineering and leased for ten years."),
        (BlockKind.PARAGRAPH, "The lease includes a replacement battery after five years."),
        (BlockKind.PARAGRAPH, "[i] Kessling trial report, operator's summary, October."),
    ]
    assert "Notes continue on the next page" not in article.text  # a continuation notice


def test_a_note_with_its_own_mark_shows_that_mark_and_takes_no_number(tmp_path: Path) -> None:
    """w:customMarkFollows: the author typed "*" after the reference; Word numbers the
    other notes as if it were not there."""
    path = tmp_path / "marked.docx"
    with zipfile.ZipFile(DATA / "notes.docx") as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b'<w:footnoteReference w:id="1"/>',
                    b'<w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>*</w:t>',
                )
            target.writestr(item, data)
    blocks = shape(DocxImporter().extract(path.read_bytes(), "marked.docx", ImportLimits()))
    assert "on Tuesday.* The subsidy covers" in blocks[1][2]
    assert blocks[2][2].startswith("Critics argue that the electric vessel[1] is untested")
    assert [text for _, _, text in blocks[-4:-1]] == [
        "[*] Council minutes, item 14, published on the regional website.",
        "[1] Built by Lindmark Marine Engineering and leased for ten years.",
        "The lease includes a replacement battery after five years.",
    ]


def test_notes_are_marked_in_the_formats_the_document_settings_give(tmp_path: Path) -> None:
    """settings.xml may number footnotes *, †, ... and endnotes 1, 2, ... from any start."""
    path = tmp_path / "formats.docx"
    settings = (
        b"<w:footnotePr><w:numFmt w:val='chicago'/></w:footnotePr>"
        b"<w:endnotePr><w:numFmt w:val='decimal'/><w:numStart w:val='4'/></w:endnotePr>"
    )
    with zipfile.ZipFile(DATA / "notes.docx") as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/settings.xml":
                start = data.index(b">", data.index(b"<w:settings")) + 1
                data = data[:start] + settings + data[start:]
            target.writestr(item, data)
    blocks = shape(DocxImporter().extract(path.read_bytes(), "formats.docx", ImportLimits()))
    assert "on Tuesday.[*] The subsidy covers" in blocks[1][2]
    assert blocks[2][2].startswith("Critics argue that the electric vessel[†] is untested")
    assert blocks[2][2].endswith("on the Kessling route last year.[4]")
    assert blocks[-1][2] == "[4] Kessling trial report, operator's summary, October."


def test_the_section_s_note_formats_overrule_the_document_settings(tmp_path: Path) -> None:
    """Word's section dialog and LibreOffice write note formats in the body's w:sectPr,
    which comes after the text that cites the notes; settings.xml gives what it leaves."""
    document = docx.Document(str(DATA / "notes.docx"))
    settings = document.settings.element
    settings.insert(
        0,
        parse_xml(f"<w:footnotePr {nsdecls('w')}><w:numFmt w:val='chicago'/></w:footnotePr>"),
    )
    settings.insert(
        0,
        parse_xml(
            f"<w:endnotePr {nsdecls('w')}><w:numFmt w:val='upperRoman'/>"
            "<w:numStart w:val='4'/></w:endnotePr>"
        ),
    )
    section = document.element.body.sectPr
    section.insert(
        0,
        parse_xml(f"<w:footnotePr {nsdecls('w')}><w:numFmt w:val='lowerLetter'/></w:footnotePr>"),
    )
    section.insert(
        1,
        parse_xml(f"<w:endnotePr {nsdecls('w')}><w:numFmt w:val='decimal'/></w:endnotePr>"),
    )
    # A tracked change to the section keeps the old properties inside the new ones.
    section.append(
        parse_xml(
            f"<w:sectPrChange {nsdecls('w')} w:id='9' w:author='Ann'><w:sectPr>"
            "<w:footnotePr><w:numFmt w:val='upperRoman'/></w:footnotePr>"
            "</w:sectPr></w:sectPrChange>"
        )
    )
    # An earlier section break with formats of its own closes the title's section, which
    # cites no note: the notes after it are numbered as the last section says.
    first = document.paragraphs[0]._p
    first.get_or_add_pPr().append(
        parse_xml(
            f"<w:sectPr {nsdecls('w')}><w:footnotePr><w:numFmt w:val='upperLetter'/>"
            "</w:footnotePr></w:sectPr>"
        )
    )
    path = tmp_path / "sections.docx"
    document.save(str(path))
    blocks = shape(DocxImporter().extract(path.read_bytes(), path.name, ImportLimits()))
    assert "on Tuesday.[a] The subsidy covers" in blocks[1][2]
    assert blocks[2][2].startswith("Critics argue that the electric vessel[b] is untested")
    assert blocks[2][2].endswith("on the Kessling route last year.[4]")
    assert blocks[-1][2] == "[4] Kessling trial report, operator's summary, October."


def test_libreoffice_notes_frame_and_merged_table_come_back_once() -> None:
    article = load("harbour-survey.docx")
    text = article.text
    assert "in the autumn[1], and found corrosion" in text
    assert "over two seasons[i], with the ferry pontoon" in text
    assert text.count("Sidebar: the survey team counted forty-two mooring bollards") == 1
    rows = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows == [
        "Quay | Section | Condition",
        "Kessling wharf | North berth | Severe pitting",
        "| South berth | Sound concrete",
        "Ferry pontoon closed to heavy vehicles until repaired",
    ]
    notes = text[text.index("\n\nNotes\n\n") :]
    assert "[1] Inspection logs are held by the harbour master's office in Arvel." in notes
    assert "[2] The review date depends on the tender results." in notes
    assert "[i] Estimate prepared by Lindmark Marine Engineering in September." in notes
    assert "Restricted distribution header line" not in text
    assert "Page footer of the survey" not in text


def test_merged_cells_are_quoted_once() -> None:
    article = load("merged-cells.docx")
    rows = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows == [
        "Summer sailings, June to August",
        "Port | Route | Departures",
        "Lisvik | to Arvel | 07:10 and 16:40",
        "| to Kessling | 09:30",
        "Arvel | to Lisvik | 08:20 and 18:00",
        "| to Rugenholm | 12:15",
    ]


def test_tracked_changes_show_the_result_and_comments_headers_footers_stay_out() -> None:
    article = load("revisions.docx")
    assert [article.block_text(b) for b in article.blocks] == [
        "Statement on port tariffs",
        "The port authority will raise tariffs by four percent from the first of May.",
        "Container lines were consulted in February.",
        "Passenger ferries pay the old rate for one more year. Fishing boats are exempt until"
        " autumn.",
        "The board will review the tariffs in December.",
    ]
    for hidden in ("nine", "November", "DRAFT", "internal review copy"):
        assert hidden not in article.text


def test_a_wholly_deleted_paragraph_stays_out_and_an_insertion_is_in(tmp_path: Path) -> None:
    """Deletions out, insertions in: words the author withdrew are not quoted from."""
    document = docx.Document()
    document.add_paragraph("Kept paragraph on the heron colony.")
    deleted = document.add_paragraph()._p
    mark = '<w:del w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z">{}</w:del>'
    removed = mark.format("<w:r><w:delText>Deleted paragraph on egrets.</w:delText></w:r>")
    deleted.append(parse_xml(f"<w:root {nsdecls('w')}>{removed}</w:root>")[0])
    mixed = document.add_paragraph("Budget of ")._p
    inserted = (
        '<w:ins w:id="2" w:author="a" w:date="2025-01-01T00:00:00Z">'
        "<w:r><w:t>four</w:t></w:r></w:ins>"
        + mark.format("<w:r><w:delText>nine</w:delText></w:r>")
        + "<w:r><w:t xml:space='preserve'> million.</w:t></w:r>"
    )
    for node in list(parse_xml(f"<w:root {nsdecls('w')}>{inserted}</w:root>")):
        mixed.append(node)
    path = tmp_path / "draft.docx"
    document.save(str(path))
    article = DocxImporter().extract(path.read_bytes(), "draft.docx", ImportLimits())
    assert [article.block_text(b) for b in article.blocks] == [
        "Kept paragraph on the heron colony.",
        "Budget of four million.",
    ]


def test_outline_levels_make_headings_through_based_on_and_on_the_paragraph() -> None:
    """Word shows a style based on Heading 2 as a heading; a paragraph's own outline level
    overrides its style's (9 means body text)."""
    document = docx.Document()
    style = document.styles.add_style("Briefing Subhead", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Heading 2"]
    document.add_paragraph("Port of Arvel", style="Briefing Subhead")
    for text, style_name, level in (
        ("Traffic rose again in May.", "Briefing Subhead", "9"),
        ("Outlook for the summer", "Normal", "0"),
    ):
        ppr = document.add_paragraph(text, style=style_name)._p.get_or_add_pPr()
        outline = ppr.makeelement(qn("w:outlineLvl"))
        outline.set(qn("w:val"), level)
        ppr.append(outline)
    out = io.BytesIO()
    document.save(out)
    article = DocxImporter().extract(out.getvalue(), "subheads.docx", ImportLimits())
    assert shape(article) == [
        (BlockKind.HEADING, 2, "Port of Arvel"),
        (BlockKind.PARAGRAPH, 0, "Traffic rose again in May."),
        (BlockKind.HEADING, 1, "Outlook for the summer"),
    ]


def test_a_drop_cap_joins_the_paragraph_it_opens(tmp_path: Path) -> None:
    """Word writes a drop cap as a framed paragraph of one letter before its paragraph."""
    document = docx.Document()
    for letter, kind, rest in (("D", "drop", "redging resumed in May."), ("T", "margin", "ides")):
        cap = document.add_paragraph(letter)._p
        frame = cap.get_or_add_pPr().makeelement(qn("w:framePr"))
        frame.set(qn("w:dropCap"), kind)
        frame.set(qn("w:lines"), "3")
        cap.get_or_add_pPr().append(frame)
        document.add_paragraph(rest)
    document.add_paragraph("A framed note that is no drop cap.")._p.get_or_add_pPr().append(
        parse_xml(f'<w:framePr {nsdecls("w")} w:w="2000" w:h="500"/>')
    )
    path = tmp_path / "dropcap.docx"
    document.save(str(path))
    article = DocxImporter().extract(path.read_bytes(), "dropcap.docx", ImportLimits())
    assert [article.block_text(b) for b in article.blocks] == [
        "Dredging resumed in May.",
        "Tides",
        "A framed note that is no drop cap.",
    ]


def test_a_button_field_shows_its_prompt_and_other_fields_their_result(tmp_path: Path) -> None:
    """Letter and CV templates prompt with MACROBUTTON fields: the prompt is in the
    instruction and there is no result; a legacy drop-down shows its chosen entry; every
    other field shows its result only."""

    def field(instruction: str, result: str = "") -> str:
        shown = f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{result}</w:t></w:r>'
        return (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            + (shown if result else "")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )

    document = docx.Document()
    for runs in (
        field("MACROBUTTON NoMacro [Click here and type the recipient]"),
        '<w:fldSimple w:instr=" MACROBUTTON DoFieldClick [Company name] "/>',
        field('HYPERLINK "http://example.org"', "the harbour site"),
        field("MERGEFIELD Port", "«Port»"),
        field("FORMDROPDOWN").replace(
            '"begin"/>',
            '"begin"><w:ffData><w:ddList><w:result w:val="1"/><w:listEntry w:val="Rotterdam"/>'
            '<w:listEntry w:val="Antwerp"/></w:ddList></w:ffData></w:fldChar>',
        ),
    ):
        paragraph = document.add_paragraph("Before ")._p
        for node in list(parse_xml(f"<w:root {nsdecls('w')}>{runs}</w:root>")):
            paragraph.append(node)
    path = tmp_path / "letter.docx"
    document.save(str(path))
    article = DocxImporter().extract(path.read_bytes(), "letter.docx", ImportLimits())
    assert [article.block_text(b) for b in article.blocks] == [
        "Before [Click here and type the recipient]",
        "Before [Company name]",
        "Before the harbour site",
        "Before «Port»",
        "Before Antwerp",  # a legacy drop-down shows its chosen entry
    ]


def test_a_symbol_inserted_from_a_text_font_is_its_character(tmp_path: Path) -> None:
    """w:sym: "é" and "€" are letters and signs a reader sees; a Wingdings arrow (F0E0)
    is a picture with no character to give, which keeps what is around it apart."""
    document = docx.Document()
    paragraph = document.add_paragraph("Caf")._p
    runs = (
        '<w:r><w:sym w:font="Arial" w:char="00E9"/></w:r><w:r><w:t xml:space="preserve"> '
        'costs 5</w:t></w:r><w:r><w:sym w:font="Arial" w:char="20AC"/></w:r>'
        '<w:r><w:sym w:font="Wingdings" w:char="F0E0"/></w:r><w:r><w:t>.</w:t></w:r>'
    )
    for node in list(parse_xml(f"<w:root {nsdecls('w')}>{runs}</w:root>")):
        paragraph.append(node)
    path = tmp_path / "symbols.docx"
    document.save(str(path))
    article = DocxImporter().extract(path.read_bytes(), "symbols.docx", ImportLimits())
    assert article.text == "Café costs 5€ ."


def test_a_note_mark_on_the_headline_stays_out_of_the_title(tmp_path: Path) -> None:
    """Authors hang a note on the headline ("Ferry subsidy briefing¹"): the text keeps the
    mark, the title names the article without it."""
    path = tmp_path / "headline-note.docx"
    with zipfile.ZipFile(DATA / "notes.docx") as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"<w:t>Ferry subsidy briefing</w:t></w:r>",
                    b'<w:t>Ferry subsidy briefing</w:t></w:r><w:r><w:footnoteReference w:id="2"/>'
                    b"</w:r>",
                    1,
                )
            elif item.filename == "docProps/core.xml":  # no title of its own
                data = data.replace(b"<dc:title>Ferry subsidy briefing</dc:title>", b"")
            target.writestr(item, data)
    article = DocxImporter().extract(path.read_bytes(), "headline-note.docx", ImportLimits())
    assert shape(article)[0] == (BlockKind.HEADING, 1, "Ferry subsidy briefing[1]")
    assert article.title == "Ferry subsidy briefing"
