"""A date as an analyst types it into a field: "15 November 2025", "Nov 15, 2025", "15/11/2025".

Qt's date box made dating an article a trap: ticking "Dated" put in today without a
word, and typing over its month name gave "2 November" or "12 November" for the 15th.
A field takes the date the way it is written on the page being cited, and shows back
what it understood ("15 November 2025") when the analyst leaves it, so a misreading is
seen before it reaches every footnote. All-number dates are read day first, as in
Britain and most of the world, unless the day-first reading is impossible
("11/15/2025" is 15 November); the field's echo shows which was taken.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
_MONTH_NUMBERS = (
    {name: n for n, name in enumerate(MONTHS, 1)}
    | {name[:3]: n for n, name in enumerate(MONTHS, 1)}
    | {"sept": 9}
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>[a-z]+)\.?"
_YEAR = r"(?P<year>\d{4})"
_FORMS = (
    re.compile(rf"{_YEAR}[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})"),  # 2025-11-15
    re.compile(r"(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.]" + _YEAR),  # 15/11/2025
    re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"),  # 15 November 2025
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}"),  # November 15, 2025
)
EXAMPLE = "15 November 2025"


class DateNotRead(ValueError):
    """The text is not a date this field can read; the message says how to write one."""


def read_typed_date(text: str) -> dt.date | None:
    """The date ``text`` says, None for no text; :class:`DateNotRead` when it is no date."""
    typed = " ".join(text.split()).casefold()
    if not typed:
        return None
    for form in _FORMS:
        match = form.fullmatch(typed)
        if match is not None:
            return _date_of(match, text.strip())
    raise DateNotRead(f"“{_cut(text)}” is not a date: write it as {EXAMPLE}, or leave it empty.")


def shown_date(day: dt.date | None) -> str:
    """A date as the field shows it back: "15 November 2025" ("" for none)."""
    return f"{day.day} {MONTHS[day.month - 1].capitalize()} {day.year}" if day else ""


def _date_of(match: re.Match[str], typed: str) -> dt.date:
    found = match.groupdict()
    year = int(found["year"])
    if found.get("m") is not None:
        candidates = [(int(found["m"]), int(found["d"]))]
    elif found.get("a") is not None:
        first, second = int(found["a"]), int(found["b"])
        candidates = [(second, first), (first, second)]  # day first, unless it cannot be
    else:
        month = _MONTH_NUMBERS.get(found["month"])
        if month is None:
            raise DateNotRead(
                f"“{_cut(typed)}” names no month: write the date as {EXAMPLE}, or leave it empty."
            )
        candidates = [(month, int(found["day"]))]
    for month, day in candidates:
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise DateNotRead(f"There is no such day as “{_cut(typed)}”: check the day and the month.")


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"
