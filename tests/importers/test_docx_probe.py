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
