"""A document's own title, author and date, as far as its file can be believed.

PDF information dictionaries and Word's core properties alike hold placeholders
("Untitled", "Microsoft Office User", the "python-docx" a script's template left),
file names ("report_v2.doc", "10811.exe"), application prefixes ("Microsoft Word -
x"), Perl's "ARRAY(0x...)", paths and arXiv stamps: ``meaningful`` drops them. A
date printed on the first page is the document's (``printed_date``); the file's
creation date, often the template's or the day it was converted, counts only where
the cover's printed month vouches for it (``file_date``). Pure string rules, standard library only.
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
# English, then the languages analysts' sources most often come in: German, French,
# Spanish, Italian, Portuguese, Dutch and Russian (genitive, as "17 сентября 2024").
_MONTH_NAMES = (
    ("january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro", "januari", "января"),
    ("february", "feb", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro",
     "februari", "февраля"),
    ("march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "марта"),
    ("april", "apr", "avril", "abril", "aprile", "апреля"),
    ("may", "mai", "mayo", "maggio", "maio", "mei", "мая"),
    ("june", "jun", "juni", "juin", "junio", "giugno", "junho", "июня"),
    ("july", "jul", "juli", "juillet", "julio", "luglio", "julho", "июля"),
    ("august", "aug", "août", "aout", "agosto", "augustus", "августа"),
    ("september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro",
     "сентября"),
    ("october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro", "октября"),
    ("november", "nov", "novembre", "noviembre", "novembro", "ноября"),
    ("december", "dec", "dezember", "décembre", "decembre", "diciembre", "dicembre",
     "dezembro", "декабря"),
)  # fmt: skip
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
# Month and year alone ("October 2025") name a report's month, in the nominative too.
_MONTHS_ALONE = {
    **_MONTHS,
    **{name: number for number, name in enumerate(
        ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
         "сентябрь", "октябрь", "ноябрь", "декабрь"), start=1)},
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er)?"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)"
_OF = r"(?:de\s+|del\s+)?"  # Spanish and Portuguese: "17 de septiembre de 2024"
_PRINTED_DATES = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\.?\s+{_OF}{_MONTH},?\s+{_OF}{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20|21)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
)
_PRINTED_MONTH = re.compile(
    r"(?<![\w.])(?P<month>"
    + "|".join(sorted(_MONTHS_ALONE, key=len, reverse=True))
    + rf")\.?,?\s+{_OF}{_YEAR}\b",
    re.IGNORECASE,
)
_SHORT_LINE_WORDS = 12
_MONTH_LINE_WORDS = 8


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
        if _words(line) > _SHORT_LINE_WORDS:
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


def written_dates(line: str) -> list[tuple[int, int, dt.date]]:
    """Each date written with its month's name in ``line`` ("Feb. 26, 2015", "26. Februar
    2015"), as (start, end, date), in the order they stand; a web page's dateline reads
    them beside its numeric ones."""
    found: list[tuple[int, int, dt.date]] = []
    for pattern in _PRINTED_DATES[:2]:
        for match in pattern.finditer(line):
            month = _MONTHS[match.group("month").casefold().rstrip(".")]
            date = _date(int(match.group("year")), month, int(match.group("day")))
            if date is not None:
                found.append((match.start(), match.end(), date))
    return sorted(found)


def plausible(date: dt.date | None) -> dt.date | None:
    """``date`` if a document could have been written then: a zeroed Windows time in a
    file's properties reads as 1 January 1601, a zeroed Mac one as 1904."""
    return date if date is not None and 1990 <= date.year <= 2200 else None


def _words(line: str) -> int:
    """Words on a line, not separators: "By Jane Smith · 3 June 2025 · 14:20" has seven."""
    return sum(1 for token in line.split() if any(char.isalnum() for char in token))


def printed_month(lines: Sequence[str]) -> tuple[int, int] | None:
    """(year, month) of a month printed without a day on its own short line ("October 2025").

    A report's cover often gives only its month; it is not a publication date, but it
    tells whether the file's own date can be believed.
    """
    for line in lines:
        if _words(line) > _MONTH_LINE_WORDS:  # "Working paper 12 | October 2025"
            continue
        if any(pattern.search(line) for pattern in _PRINTED_DATES):
            continue
        match = _PRINTED_MONTH.search(line)
        if match is not None:
            year = int(match.group("year"))
            if plausible(dt.date(year, 1, 1)):
                return year, _MONTHS_ALONE[match.group("month").casefold()]
    return None


def file_date(created: dt.date | None, lines: Sequence[str]) -> dt.date | None:
    """The file's own date, only where the month its cover prints vouches for it.

    A file's creation date is when that file was made: the day a Word document
    was saved as PDF or scanned, a template's first save, a report re-exported a
    year on. Cited as the publication date it is a wrong date in a note that
    goes out, and a copy of the same article imported later takes it over. A
    cover's "October 2025" makes a file dated 14 October 2025 believable, and the
    day more exact; with nothing printed, or another month, there is no date: the
    check then asks the analyst for it, as no date is better than a wrong one.
    """
    created = plausible(created)
    month = printed_month(lines)
    if created is None or month is None:
        return None
    return created if (created.year, created.month) == month else None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return plausible(dt.date(year, month, day))
    except ValueError:
        return None
