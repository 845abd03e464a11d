"""Word markup a probe of real producers' files found read wrongly: deleted table rows,
SmartArt diagrams and merged-in documents (altChunk).

The fixtures come from tests/data/importers/docx/make_word_probe.py (python-docx plus
raw XML); each assertion lists the blocks a reader sees, in order.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from briefer.core.model import BlockKind
from briefer.importers.docx_diagrams import diagram_items
from briefer.importers.docx_parts import Relationship
from briefer.importers.registry import import_path
from tests.importers.word_markup import shape

DATA = Path(__file__).parents[1] / "data" / "importers" / "docx"
_DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def test_a_table_row_deleted_with_track_changes_is_gone() -> None:
    """Accepted, a deleted row leaves the table, also when a generator marked only the row
    (``w:trPr/w:del``) and not its text."""
    article = import_path(DATA / "deleted-rows.docx").article
    assert shape(article) == [
        (BlockKind.PARAGRAPH, 0, "The reviewer struck two sailings from the timetable."),
        (BlockKind.TABLE_ROW, 0, "Sailing | Departs"),
        (BlockKind.TABLE_ROW, 0, "Morning ferry | 07:15"),
        (BlockKind.TABLE_ROW, 0, "Evening ferry | 18:30"),
        (BlockKind.PARAGRAPH, 0, "Two sailings remain."),
    ]


def test_a_smartart_diagram_s_words_follow_its_paragraph_once_in_the_diagram_s_order() -> None:
    """The words live in the diagram's data part, not the body; the drawing part Word caches
    beside it holds them again and is not read. Steps keep the diagram's order (not the
    order they were typed in), a bullet under a step comes under it, and a box left empty
    adds nothing."""
    article = import_path(DATA / "smartart.docx").article
    steps = "Survey the basin Dredge the channel Night shifts only Pay the contractor"
    assert shape(article) == [
        (BlockKind.PARAGRAPH, 0, "The works run in three steps."),
        (BlockKind.LIST_ITEM, 1, "Survey the basin"),
        (BlockKind.LIST_ITEM, 1, "Dredge the channel"),
        (BlockKind.LIST_ITEM, 2, "Night shifts only"),
        (BlockKind.LIST_ITEM, 1, "Pay the contractor"),
        (BlockKind.TABLE_ROW, 0, f"Step | {steps}"),
        (BlockKind.PARAGRAPH, 0, "Each step is costed below."),
    ]


def test_a_diagram_from_a_generator_with_no_document_point_or_a_loop_still_reads() -> None:
    """Generators write a top box with no "doc" point above it; a damaged file may link
    boxes in a loop: each box still comes once, under the box it hangs from."""
    points = "".join(
        f'<dgm:pt modelId="{key}"><dgm:t><a:p><a:r><a:t>{text}</a:t></a:r></a:p></dgm:t></dgm:pt>'
        for key, text in (
            ("b", "Child box"),
            ("a", "Parent box"),
            ("c", "Looped box"),
            ("d", "Its pair"),
        )
    )
    links = "".join(
        f'<dgm:cxn modelId="x{n}" srcId="{source}" destId="{target}" srcOrd="0"/>'
        for n, (source, target) in enumerate((("a", "b"), ("c", "d"), ("d", "c")))
    )
    data = (
        f'<dgm:dataModel xmlns:dgm="{_DGM}" xmlns:a="{_A}"><dgm:ptLst>{points}</dgm:ptLst>'
        f"<dgm:cxnLst>{links}</dgm:cxnLst></dgm:dataModel>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/diagrams/data9.xml", data)
    reference = etree.fromstring(f'<dgm:relIds xmlns:dgm="{_DGM}" xmlns:r="{_R}" r:dm="rId9"/>')
    relationships = {"rId9": Relationship("diagramData", "word/diagrams/data9.xml", False)}
    with zipfile.ZipFile(buffer) as archive:
        items = diagram_items(archive, relationships, reference)
    assert items == [(1, "Parent box"), (2, "Child box"), (1, "Looped box"), (1, "Its pair")]


def test_merged_in_documents_are_read_where_they_stand_in_their_own_format() -> None:
    """Report generators write altChunk parts rather than WordprocessingML: an HTML page, a
    MIME HTML page (html-docx-js), plain text, another .docx, one in a table cell. An RTF
    chunk is not read, and the import report says so."""
    imported = import_path(DATA / "alt-chunks.docx")
    assert shape(imported.article) == [
        (BlockKind.HEADING, 1, "Port report"),
        (BlockKind.HEADING, 1, "Harbour traffic"),
        (BlockKind.PARAGRAPH, 0, "Calls rose to 412 in March."),
        (BlockKind.TABLE_ROW, 0, "Ferries | 301"),
        (BlockKind.TABLE_ROW, 0, "Cargo | 111"),
        (BlockKind.HEADING, 2, "Pilotage fees"),
        (BlockKind.PARAGRAPH, 0, "Fees rise by four per cent from May, the board decided."),
        (BlockKind.PARAGRAPH, 0, "Plain note one."),
        (BlockKind.PARAGRAPH, 0, "Plain note two."),
        (BlockKind.PARAGRAPH, 0, "Appendix: berth counts by quay were checked twice."),
        (BlockKind.TABLE_ROW, 0, "North quay | 14 berths"),
        (BlockKind.PARAGRAPH, 0, "Chunk in a cell."),
        (BlockKind.PARAGRAPH, 0, "End of the generated report."),
    ]
    assert "Sturgeon" not in imported.article.text
    (warning,) = imported.warnings
    assert warning.startswith("alt-chunks.docx: an embedded document in RTF or XML")
    assert "left out" in warning


def test_a_word_document_merged_into_itself_stops(tmp_path: Path) -> None:
    """A .docx chunk that holds a .docx chunk that holds ... : read a few deep, then left
    out, so a package made to contain itself cannot recurse for ever."""
    data = (DATA / "alt-chunk.docx").read_bytes()
    for level in range(6):
        data = _with_word_chunk(data, f"Level {level} words.")
    path = tmp_path / "deep.docx"
    path.write_bytes(data)
    imported = import_path(path)
    text = imported.article.text
    assert [n for n in range(6) if f"Level {n} words." in text] == [2, 3, 4, 5]
    assert "sturgeon" not in text
    assert imported.warnings[0].startswith("deep.docx: an embedded document")


def _with_word_chunk(inner: bytes, words: str) -> bytes:
    """A .docx whose body is ``words`` and then ``inner`` merged in as an altChunk."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(inner)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            if item.filename == "word/inner.docx":
                continue  # the level below, replaced by ``inner`` itself
            data = source.read(item)
            if item.filename == "word/document.xml":
                body = f'<w:p><w:r><w:t>{words}</w:t></w:r></w:p><w:altChunk r:id="rIdDeep"/>'
                start = data.index(b"<w:body>") + len(b"<w:body>")
                end = data.index(b"<w:sectPr")
                data = data[:start] + body.encode() + data[end:]
            elif item.filename == "word/_rels/document.xml.rels":
                rel = f'<Relationship Id="rIdDeep" Type="{_R}/aFChunk" Target="inner.docx"/>'
                if b"rIdDeep" not in data:
                    data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            target.writestr(item, data)
        target.writestr("word/inner.docx", inner)
    return out.getvalue()


def test_word_art_words_follow_their_paragraph_once() -> None:
    """Word 2007's WordArt keeps its words in a VML text path's ``string``, in no text box;
    Word 2010's is a text box whose VML fallback repeats them, read once."""
    article = import_path(DATA / "word-art.docx").article
    assert shape(article) == [
        (BlockKind.PARAGRAPH, 0, "Coastal Shipping Outlook"),
        (BlockKind.PARAGRAPH, 0, "Prepared for the harbour board."),
        (BlockKind.PARAGRAPH, 0, "Second Edition"),
        (BlockKind.PARAGRAPH, 0, "Freight volumes held steady through the winter."),
    ]


def test_equation_brackets_and_signs_are_read_where_word_draws_them() -> None:
    """OMML keeps a bracket's characters, a sum's sign and a root's as properties (with
    defaults: "(", ")", "∫"), not text; without them "(1+g)ᵗ" reads "1+g t"."""
    article = import_path(DATA / "equation-symbols.docx").article
    assert [article.block_text(block) for block in article.blocks] == [
        "Capacity grows as (1+g) t each year.",
        "Traffic sums to T= \u2211 i=1 n q over the berths.",
        "Draughts lie in [a, b] metres.",
        "The side is \u221a2A metres.",
    ]


def test_a_chart_s_title_follows_its_paragraph_as_a_caption() -> None:
    """A Word chart keeps its title in its chart part: its own text, or the name of its only
    series when its title has none; a chart whose title was deleted adds nothing (as
    LibreOffice's rendering of the same file shows)."""
    article = import_path(DATA / "charts.docx").article
    assert shape(article) == [
        (BlockKind.PARAGRAPH, 0, "Freight by quay is charted below."),
        (BlockKind.CAPTION, 0, "Containers by quay, 2025"),
        (BlockKind.CAPTION, 0, "Bulk tonnage"),
        (BlockKind.PARAGRAPH, 0, "The charts use harbour data."),
    ]
