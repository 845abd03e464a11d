"""Core's records are values: frozen, hashable, compared by content, validated when made.

A view or a command holds an Article or a Passage it was given; that it cannot change
one in place is what keeps "what the window shows" and "what the file holds" apart
(session.queries). The records are core.record Records (docs/ARCHITECTURE.md); these are the
promises their callers rely on, whatever implements them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from briefer.core.model import Article, Block, BlockKind, Note, Passage, Section, Theme
from briefer.core.record import Record, replace

TEXT = "Grain exports will rise by 40% this year."
RECORDS = [
    Article(title="Grain", text=TEXT, published=dt.date(2025, 3, 4),
            blocks=(Block(BlockKind.PARAGRAPH, 0, len(TEXT)),)),
    Passage(1, 0, 13, TEXT[:13], theme_ids=(2,)),
    Note(title="Grain", sections=(Section("Summary", "Exports rise."),)),
    Section("Summary", "Exports rise."),
    Theme("Trade", "#1F77B4", "1"),
    Block(BlockKind.HEADING, 0, 5, level=1),
]  # fmt: skip


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_a_record_cannot_be_changed_in_place(record: object) -> None:
    name = type(record).__struct_fields__[0]
    before = getattr(record, name)
    with pytest.raises(AttributeError):
        setattr(record, name, before)
    assert getattr(record, name) is before


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_equal_records_are_one_value_in_a_set_and_a_change_makes_another(
    record: Record,
) -> None:
    copy = replace(record)
    assert copy == record and copy is not record and hash(copy) == hash(record)
    assert len({record, copy}) == 1
    name = type(record).__struct_fields__[-1]
    changed = replace(record, **{name: None})  # any other value will do
    assert changed != record


def test_a_record_that_cannot_be_is_refused_when_made_or_replaced() -> None:
    with pytest.raises(ValueError, match="bad block span"):
        Block(BlockKind.PARAGRAPH, 5, 2)
    with pytest.raises(ValueError, match="bad block span"):
        replace(Block(BlockKind.PARAGRAPH, 0, 5), end=-1)
