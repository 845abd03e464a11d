"""Dates typed into a field as they are written on the page being cited."""

from __future__ import annotations

import datetime as dt

import pytest

from briefer.core.typed_dates import DateNotRead, read_typed_date, shown_date

NOV_15 = dt.date(2025, 11, 15)


@pytest.mark.parametrize(
    "typed",
    [
        "15 November 2025", "15 november 2025", " 15  Nov 2025 ", "15 Nov. 2025",
        "15th November 2025", "15 of November 2025", "November 15, 2025", "Nov 15 2025",
        "2025-11-15", "2025/11/15", "15/11/2025", "15.11.2025", "15-11-2025",
        "11/15/2025",  # month first, since there is no 11th of a 15th month
    ],
)  # fmt: skip
def test_the_ways_a_date_is_written_all_read(typed: str) -> None:
    assert read_typed_date(typed) == NOV_15


def test_all_number_dates_read_day_first_and_show_back_what_was_taken() -> None:
    day = read_typed_date("3/4/2025")
    assert day == dt.date(2025, 4, 3) and shown_date(day) == "3 April 2025"
    assert read_typed_date("Sept 9, 2024") == dt.date(2024, 9, 9)


def test_no_text_is_no_date() -> None:
    assert read_typed_date("") is None and read_typed_date("   ") is None
    assert shown_date(None) == ""


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("31/02/2025", "There is no such day"),
        ("30 February 2025", "There is no such day"),
        ("15 Brumaire 2025", "names no month"),
        ("yesterday", "is not a date: write it as 15 November 2025"),
        ("15/11/25", "is not a date"),  # a two-digit year could be any century
        ("2025", "is not a date"),
        ("x" * 500, "…"),
    ],
)
def test_what_is_no_date_is_refused_saying_how_to_write_one(typed: str, says: str) -> None:
    with pytest.raises(DateNotRead, match=says) as refused:
        read_typed_date(typed)
    assert len(str(refused.value)) < 160  # one line, even for a pasted paragraph
