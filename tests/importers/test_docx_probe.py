"""Word markup a probe of real producers' files found read wrongly: deleted table rows,
SmartArt diagrams and merged-in documents (altChunk).

The fixtures come from tests/data/importers/docx/make_word_probe.py (python-docx plus
raw XML); each assertion lists the blocks a reader sees, in order.
"""

from __future__ import annotations

from pathlib import Path

from briefer.core.model import BlockKind
from briefer.importers.registry import import_path
from tests.importers.word_markup import shape

DATA = Path(__file__).parents[1] / "data" / "importers" / "docx"


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
