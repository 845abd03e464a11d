"""What a CSL locale file says outside citations: its quotation marks and its dates in words.

The note's own text (its quotations, the date under its title) follows the locale its
citations render in, so the two never disagree. Read from citeproc-py's locale files
without importing citeproc; each file once per process. Standard library only.
"""

from __future__ import annotations

import datetime as dt
import functools

from briefer.core.record import Record
from briefer.exporters.csl_styles import CSL_NS, citeproc_locale_file


class DatePart(Record, frozen=True):
    """One part of a locale's date in words: "day", "month" or "year", its form and affixes."""

    name: str
    form: str
    prefix: str
    suffix: str


class LocaleFile(Record, frozen=True):
    """The terms of one locale (long forms, by name) and its text date's parts."""

    terms: dict[str, str]
    text_date: tuple[DatePart, ...]
    day_ordinals_on_first_only: bool

    def quotes(self) -> tuple[str, str, str, str] | None:
        """Open, close, open inner, close inner; None if the locale lacks one."""
        names = ("open-quote", "close-quote", "open-inner-quote", "close-inner-quote")
        marks = tuple(self.terms.get(name, "") for name in names)
        return (marks[0], marks[1], marks[2], marks[3]) if all(marks) else None

    def date_in_words(self, day: dt.date) -> str | None:
        """``day`` as the locale writes a date in words ("4. März 2025", "4 de marzo de
        2025"); None if the locale has no such date or lacks a month's name."""
        month = self.terms.get(f"month-{day.month:02d}", "")
        if not self.text_date or not month:
            return None
        out = []
        for part in self.text_date:
            if part.name == "day":
                value = self._day(day.day, part.form)
            elif part.name == "month":
                value = month
            else:
                value = str(day.year)
            out.append(f"{part.prefix}{value}{part.suffix}")
        return "".join(out)

    def date_alone(self, day: dt.date) -> str | None:
        """``date_in_words`` as a date stands on its own line: the day unpadded, and
        without what the locale sets before it inside a sentence (es-MX's "el")."""
        parts = tuple(
            DatePart(p.name, "numeric" if p.form == "numeric-leading-zeros" else p.form,
                     "" if i == 0 else p.prefix, p.suffix)
            for i, p in enumerate(self.text_date)
        )  # fmt: skip
        return LocaleFile(self.terms, parts, self.day_ordinals_on_first_only).date_in_words(day)

    def _day(self, number: int, form: str) -> str:
        if form == "numeric-leading-zeros":
            return f"{number:02d}"
        if form != "ordinal" or (self.day_ordinals_on_first_only and number != 1):
            return str(number)
        mark = self.terms.get(f"ordinal-{number:02d}", self.terms.get("ordinal", ""))
        return f"{number}{mark}"


@functools.cache
def locale_file(locale: str) -> LocaleFile | None:
    """The locale file citeproc-py renders ``locale`` (a csl_styles.citeproc_locale name)
    with; None when it is not shipped or cannot be read."""
    from xml.etree import ElementTree  # here, not at import: an English note reads no locale

    path = citeproc_locale_file(locale)
    if path is None:
        return None
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return None
    terms: dict[str, str] = {}
    for term in root.iter(f"{CSL_NS}term"):
        name = term.get("name")
        # The first long form of a name; of gendered ones (ordinals), the masculine, which
        # a month's name takes in the languages that mark it.
        masculine = term.get("gender-form") == "masculine"
        if name and term.get("form") in (None, "long") and (name not in terms or masculine):
            single = term.find(f"{CSL_NS}single")
            terms[name] = (single.text if single is not None else term.text) or ""
    parts: list[DatePart] = []
    for date in root.iter(f"{CSL_NS}date"):
        if date.get("form") == "text":
            parts = [
                DatePart(*(p.get(key, "") for key in ("name", "form", "prefix", "suffix")))
                for p in date.iter(f"{CSL_NS}date-part")
            ]
            break
    options = root.find(f"{CSL_NS}style-options")
    first_only = options is not None and options.get("limit-day-ordinals-to-day-1") == "true"
    return LocaleFile(terms, tuple(parts), first_only)
