"""A document's own title, author and date, as far as its file can be believed.

PDF information dictionaries and Word's core properties alike hold placeholders
("Untitled", "Microsoft Office User", the "python-docx" a script's template left),
file names ("report_v2.doc", "10811.exe"), application prefixes ("Microsoft Word -
x"), Perl's "ARRAY(0x...)", paths and arXiv stamps: ``meaningful`` drops them. A
date printed on the first page beats the file's creation date (``printed_date``),
which is often the template's. Pure string rules, standard library only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

_PLACEHOLDERS = frozenset(
    {"untitled", "anonymous", "unknown", "none", "user", "admin", "author", "owner",
     "administrator", "default", "title", "document", "no title", "null", "test",
     "powerpoint presentation", "untitled document", "new document", "windows user",
     "microsoft office user", "valued customer", "preferred customer", "owner-pc", "pc",
     "python-docx", "docx4j", "apache poi", "phpword", "openpyxl", "unknown author",
     "hp authorized customer", "authorized user", "registered user", "windows-benutzer",
     "utilisateur windows", "usuario de windows", "utente di windows", "windows-gebruiker",
     "usuário do windows", "użytkownik systemu windows", "пользователь windows",
     "microsoft office-benutzer", "utilisateur de microsoft office",
     "usuario de microsoft office", "utente di microsoft office"}
)  # fmt: skip
_FILE_NAME = re.compile(
    r"\.(docx?|pdf|indd|odt|rtf|pages|pptx?|xlsx?|txt|tex|dvi|ps|eps|exe|html?|qxd|p65|"
    r"wpd|fm|cdr|ai|psd|tiff?|jpe?g|png|sxw|lwp|wps)$",
    re.IGNORECASE,
)
_APP_PREFIX = re.compile(
    r"^(?:microsoft (?:word|powerpoint|excel|publisher) - |untitled-?\d*$|slide \d+$|"
    r"document\d*$|doc\d+$)",
    re.IGNORECASE,
)
_JUNK = re.compile(
    r"^(?:(?:ARRAY|HASH|SCALAR)\(0x[0-9a-f]+\)|arXiv:\s*\S+(?:\s+\[[^\]]*\])?.*|"
    r"[a-z]:\\.*|/\S*|[\w.-]*\d{3,}[\w.-]*|\W+|"
    r"(?:pdf|tmp|temp)[\w-]*)$",
    re.IGNORECASE,
)


def meaningful(value: str) -> str:
    """Document information minus what producers write instead of a value.

    Placeholders ("untitled"), file names ("report_v2.doc", "10811.exe"),
    application prefixes ("Microsoft Word - x"), Perl's "ARRAY(0x55d0...)",
    paths and arXiv stamps ("arXiv:1234.5678v1 [cs.CL] 1 Jan 2020") give "".
    """
    value = " ".join(value.replace("\x00", "").split())
    if not value or value.casefold() in _PLACEHOLDERS or _FILE_NAME.search(value):
        return ""
    if _APP_PREFIX.match(value) or _JUNK.match(value):
        return ""
    if not any(char.isalpha() for char in value):
        return ""
    return value


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


def plausible(date: dt.date | None) -> dt.date | None:
    """``date`` if a document could have been written then: a zeroed Windows time in a
    file's properties reads as 1 January 1601, a zeroed Mac one as 1904."""
    return date if date is not None and 1990 <= date.year <= 2200 else None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return plausible(dt.date(year, month, day))
    except ValueError:
        return None
