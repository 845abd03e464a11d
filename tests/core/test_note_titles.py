"""Notes that share a title are told apart in lists by their dates, else by a number."""

from __future__ import annotations

import datetime as dt

from briefer.core.model import Note
from briefer.core.note_titles import distinct_titles


def test_titles_of_their_own_are_shown_as_they_are() -> None:
    notes = [Note("Harbour deal", id=1), Note("Grain corridor", id=2)]
    assert distinct_titles(notes) == ["Harbour deal", "Grain corridor"]


def test_a_weekly_title_is_told_apart_by_each_note_s_date() -> None:
    notes = [
        Note("Weekly brief", date=dt.date(2026, 11, 25), id=1),
        Note("Harbour deal", id=2),
        Note("weekly brief ", date=dt.date(2026, 12, 2), id=3),
    ]
    assert distinct_titles(notes) == [
        "Weekly brief (2026-11-25)",
        "Harbour deal",
        "weekly brief (2026-12-02)",
    ]


def test_the_same_date_or_none_numbers_the_later_notes_by_id() -> None:
    day = dt.date(2026, 12, 2)
    notes = [Note("Brief", date=day, id=7), Note("Brief", date=day, id=3), Note("Brief", id=9)]
    assert distinct_titles(notes) == ["Brief (2)", "Brief", "Brief (3)"]


def test_a_number_another_note_already_reads_as_is_skipped() -> None:
    notes = [Note("Brief", id=1), Note("Brief (2)", id=2), Note("Brief", id=3)]
    labels = distinct_titles(notes)
    assert labels == ["Brief", "Brief (2)", "Brief (3)"]
    assert len(set(labels)) == len(labels)
