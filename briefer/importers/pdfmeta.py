"""A PDF's title, author and date: document information when it is real, else the first page.

Producers fill the information dictionary with file names, application
prefixes, Perl's "ARRAY(0x...)" and arXiv's margin stamp (docinfo.meaningful
drops them); the printed date on page 1 beats the file's creation date. Pure
string rules, standard library only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)"
_PRINTED_DATES = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\.?\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20|21)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
)
_SHORT_LINE_WORDS = 12


def pdf_date(value: str) -> dt.date | None:
    """The date in a PDF date string ("D:20260415090000+00'00'"), if it is a real one."""
    match = _PDF_DATE.match(value.strip())
    if not match or not match.group(2) or not match.group(3):
        return None
    return _date(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def printed_date(lines: Sequence[str]) -> dt.date | None:
    """The first full date printed on its own short line ("January 13, 2009", "Date: 2009-01-13").

    Short lines only: a date inside a sentence of the body is an event, not
    the document's date.
    """
    for line in lines:
        if len(line.split()) > _SHORT_LINE_WORDS:
            continue
        for pattern in _PRINTED_DATES:
            match = pattern.search(line)
            if match is None:
                continue
            month = match.group("month")
            number = int(month) if month.isdigit() else _MONTHS[month.casefold().rstrip(".")]
            date = _date(int(match.group("year")), number, int(match.group("day")))
            if date is not None:
                return date
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date if 1990 <= date.year <= 2200 else None
