"""Word markup met in a sweep of real documents: equations, boxes in cells, fields, altChunk.

The fixtures come from tests/data/importers/docx/make_word_features.py (python-docx
plus raw XML); each assertion is a phrase a reader would look for in the article.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from briefer.core.model import BlockKind
from briefer.importers.base import ImportRejected
from briefer.importers.registry import import_bytes, import_path

DATA = Path(__file__).parents[1] / "data" / "importers" / "docx"


def _blocks(path: Path) -> list[str]:
    article = import_path(path).article
    return [article.text[block.start : block.end] for block in article.blocks]


def test_equation_text_is_kept_with_its_arguments_apart() -> None:
    blocks = _blocks(DATA / "word-features.docx")
    assert "Cost follows C=k volume 2 for each cubic metre." in blocks
    assert "tonnage berths" in blocks  # a fraction's numerator and denominator, not one word


def test_text_box_in_a_cell_follows_the_cell_words_it_is_anchored_in() -> None:
    blocks = _blocks(DATA / "word-features.docx")
    assert "Anchor cell words Boxed note on silt | Neighbour cell" in blocks


def test_table_in_a_text_box_follows_the_box_paragraphs_before_it() -> None:
    blocks = _blocks(DATA / "word-features.docx")
    start = blocks.index("Sidebar follows")
    assert blocks[start : start + 3] == [
        "Sidebar follows",
        "Sidebar heading gull",
        "sidebar cell tern",
    ]


def test_field_results_smart_tags_and_custom_xml_read_as_shown() -> None:
    blocks = _blocks(DATA / "word-features.docx")
    assert "See 7 and the maritime registry." in blocks
    assert "HYPERLINK" not in "\n".join(blocks)  # the instruction is not text
    assert "Meet in Rotterdam with Vandermeer مرحبا" in blocks
    assert "Budget four million" in blocks


def test_ruby_reading_follows_its_base_text() -> None:
    assert "Port of 神戸 (こうべ) in Japan" in _blocks(DATA / "word-features.docx")


def test_an_html_alt_chunk_is_read_where_it_stands() -> None:
    imported = import_path(DATA / "alt-chunk.docx")
    assert _blocks(DATA / "alt-chunk.docx")[1:] == [
        "Annex sturgeon paragraph.",
        "Text after the annex stays.",
    ]
    assert imported.warnings == ()


def test_a_document_of_equations_only_is_imported(tmp_path: Path) -> None:
    """Found in the sweep: a formula sheet was refused as having "no text"."""
    path = tmp_path / "formulas.docx"
    with zipfile.ZipFile(DATA / "word-features.docx") as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                body_start = xml.index("<w:body>") + len("<w:body>")
                first_math = xml.index("<w:p><m:oMathPara")
                end_math = xml.index("</w:p>", first_math) + len("</w:p>")
                sect = xml.index("<w:sectPr")
                xml = xml[:body_start] + xml[first_math:end_math] + xml[sect:]
                data = xml.encode("utf-8")
            zout.writestr(info, data)
    assert import_path(path).article.text == "tonnage berths"


def test_an_rtf_file_named_docx_is_called_what_it_is() -> None:
    with pytest.raises(ImportRejected) as caught:
        import_bytes(b"{\\rtf1\\ansi Harbour minutes}", "minutes.docx")
    message = str(caught.value)
    assert message.startswith("minutes.docx is really a Rich Text Format (.rtf) file")
    assert "\n" not in message


def test_a_document_with_text_only_in_its_header_says_where_the_text_was(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Letterhead of the harbour board"
    path = tmp_path / "letterhead.docx"
    document.save(str(path))
    with pytest.raises(ImportRejected, match=r"no text in its body \(page headers and footers"):
        import_path(path)


def test_numbered_headings_and_clauses_keep_the_numbers_word_shows() -> None:
    """As LibreOffice's own export shows them: counted per level, restarted by an override."""
    article = import_path(DATA / "numbered-clauses.docx").article
    shape = [(b.kind, article.block_text(b)) for b in article.blocks]
    assert shape[1:9] == [
        (BlockKind.HEADING, "1. Scope"),
        (BlockKind.PARAGRAPH, "1.1.1 The policy covers all berths."),
        (BlockKind.HEADING, "1.2 Definitions"),
        (BlockKind.PARAGRAPH, "1.2.1 A vessel is any craft over ten metres."),
        (BlockKind.PARAGRAPH, "1.2.2 A berth is a mooring place."),
        (BlockKind.HEADING, "2. Access"),
        (BlockKind.HEADING, "2.1 Permits"),
        (BlockKind.HEADING, "2.2 Inspections"),  # numbered through its style
    ]
    assert shape[9:11] == [
        (BlockKind.HEADING, "Article I Fees"),
        (BlockKind.PARAGRAPH, "I.i Fees fall due monthly."),
    ]


def test_simple_numbered_lists_keep_word_s_labels_and_bullets_stay_list_items() -> None:
    """ "(a)" is cited content the Reader could not reproduce ("1.", restarted at every
    interruption), so a numbered item is a paragraph holding its number; a bullet is not."""
    article = import_path(DATA / "numbered-clauses.docx").article
    shape = [(b.kind, b.level, b.ordered, article.block_text(b)) for b in article.blocks]
    assert shape[11:] == [
        (BlockKind.PARAGRAPH, 1, False, "(a) first lettered point"),  # depth 1, its number
        (BlockKind.PARAGRAPH, 1, False, "(b) second lettered point"),
        (BlockKind.LIST_ITEM, 2, False, "a bullet under it"),
        (BlockKind.PARAGRAPH, 1, False, "(a) restarted lettered point"),
    ]
