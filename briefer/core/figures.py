"""Key figures: the sums, percentages, dates and quantities a note's sources give.

A reader of a briefing note looks for the numbers first; listing them with
their sentence and source lets the analyst check them against each other
and put them in a table. Regular expressions over plain text, standard
library only: figures are written in a handful of regular shapes in news
English ("$2 billion", "50%", "1 August", "3,000 jobs"), and a wrong or
missed one costs little because the analyst sees the list before using it.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Sequence

from briefer.core.citations import CITATION_PATTERN, citation_token
from briefer.core.mdtext import escape_inline
from briefer.core.model import Passage
from briefer.core.record import Record


class FigureKind(enum.StrEnum):
    MONEY = "money"
    PERCENT = "percent"
    DATE = "date"
    QUANTITY = "quantity"


class FigureMatch(Record, frozen=True):
    text: str
    kind: FigureKind
    start: int
    end: int


class KeyFigure(Record, frozen=True):
    figure: FigureMatch
    sentence: str
    passage_id: int
    article_id: int


_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM = rf"(?<![\w.,])(?:{_NUMBER})(?:\s?(?:-|–|to)\s?(?:{_NUMBER}))?(?![\d])"
_MAGNITUDE = r"(?:thousand|million|billion|trillion|bn|mn|tn|m|k)\b"
_SYMBOL = r"(?:US\$|A\$|C\$|HK\$|\$|€|£|¥|₹)"
_CODE = r"(?:USD|EUR|GBP|JPY|CNY|INR|RUB|CHF)"
_CURRENCY_WORD = r"(?:dollars|euros|pounds|rupees|yuan|roubles|rubles|yen|francs)"
_TAIL = (
    r"(?:\s(?:by|before|until|within)\s(?:the\s)?"
    r"(?:end\sof\s(?:the\s)?(?:decade|year|century|month|quarter)|(?:19|20)\d{2}|next\s(?:year|decade)))"
)
_AMOUNT = rf"(?:{_NUM})(?:\s?{_MAGNITUDE})?"
_MONEY_SOURCE = (
    rf"(?:{_SYMBOL}\s?{_AMOUNT}"
    rf"(?:\s?(?:-|–|to)\s?{_SYMBOL}?\s?{_AMOUNT})?"
    rf"|\b{_CODE}\s?{_AMOUNT}"
    rf"|{_AMOUNT}\s(?:{_CODE}\b|{_CURRENCY_WORD}\b))"
    rf"{_TAIL}?"
)
_PERCENT_SOURCE = (
    rf"(?:\bbetween\s(?:{_NUMBER})\s(?:and|to)\s)?(?:{_NUM})\s?"
    r"(?:%|per\s?cent\b|percent\b|percentage\spoints?\b)"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d{2}"
_DATE_SOURCE = (
    rf"(?<![\w.])(?:{_DAY}\s{_MONTH}\b(?:,?\s{_YEAR}\b)?"
    rf"|{_MONTH}\s{_DAY}\b(?:,?\s{_YEAR}\b)?"
    rf"|{_MONTH}\s{_YEAR}\b"
    rf"|{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b"
    rf"|Q[1-4]\s{_YEAR}\b"
    rf"|(?:early|mid|late)-?{_YEAR}\b)"
)
_YEAR_IN_CONTEXT_SOURCE = (
    r"\b(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Bb]efore|[Aa]fter|[Ff]rom|[Tt]hrough|[Dd]uring)"
    rf"\s({_YEAR})\b(?![\w-])"
)
_UNIT = (
    r"(?:tonnes|tons|barrels(?:\sa\sday|\sper\sday)?|bpd|cubic\smetres|cubic\smeters|"
    r"[GMkT]Wh?|km|kilometres|kilometers|miles|hectares|litres|liters|TEU|containers|"
    r"troops|soldiers|personnel|vessels|ships|aircraft|jets|tanks|missiles|drones|"
    r"jobs|workers|people|residents|refugees|migrants|visas|students|professionals|"
    r"households|homes|companies|firms|vehicles|cars|passengers|flights|berths|units)\b"
)
_QUANTITY_SOURCE = (
    rf"(?:{_AMOUNT})\s(?:(?:more|new|additional|extra|skilled)\s)?{_UNIT}"
    rf"|(?:{_NUM})\s?{_MAGNITUDE}(?!\s?{_UNIT})"
    rf"|(?<![\w.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d])"
)


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], FigureKind], ...]:
    """Compiled on first use: the patterns are large, and most runs never look for figures."""
    return (
        (re.compile(_MONEY_SOURCE), FigureKind.MONEY),
        (re.compile(_PERCENT_SOURCE, re.IGNORECASE), FigureKind.PERCENT),
        (re.compile(_DATE_SOURCE), FigureKind.DATE),
        (re.compile(_QUANTITY_SOURCE), FigureKind.QUANTITY),
    )


@functools.cache
def _year_in_context() -> re.Pattern[str]:
    return re.compile(_YEAR_IN_CONTEXT_SOURCE)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z0-9\"“‘(])")
_WORD_BEFORE = re.compile(r"([\w.]+)\.[\"'”’)]?$")
ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof sen rep gov gen col lt sgt capt cmdr adm maj cpl pte st mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri
    sat sun no nos vol vols fig figs p pp para art sec ch ed eds est approx inc ltd co
    corp plc bros dept univ assn govt vs etc al cf ie eg am pm jr sr rev hon
    """.split()  # noqa: SIM905 - a word list reads better than 80 quoted strings
)
"""Words that end in a full stop inside a sentence ("Mr. Patel", "Sept. 14", "No. 10")."""


def find_figures(text: str) -> list[FigureMatch]:
    """The figures in ``text``, in order, never overlapping; longer and richer shapes win."""
    searchable = CITATION_PATTERN.sub(lambda m: " " * len(m.group(0)), text)
    candidates: list[tuple[int, int, int, FigureKind]] = []
    for priority, (pattern, kind) in enumerate(
        _patterns()
    ):  # fmt: skip
        for match in pattern.finditer(searchable):
            candidates.append((match.start(), match.end(), priority, kind))
    for match in _year_in_context().finditer(searchable):
        candidates.append((match.start(1), match.end(1), 2, FigureKind.DATE))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    chosen: list[FigureMatch] = []
    taken_until = -1
    for start, end, _priority, kind in candidates:
        if start < taken_until or end <= start:
            continue
        chosen.append(FigureMatch(text[start:end], kind, start, end))
        taken_until = end
    return chosen


def key_figures(passages: Iterable[Passage]) -> list[KeyFigure]:
    """The figures of these passages, each with the sentence that holds it, once per passage."""
    found: list[KeyFigure] = []
    for passage in passages:
        if passage.id is None:
            continue
        seen: set[str] = set()
        for figure in find_figures(passage.text):
            if figure.text in seen:
                continue
            seen.add(figure.text)
            found.append(
                KeyFigure(figure, sentence_around(passage.text, figure.start, figure.end),
                          passage.id, passage.article_id)
            )  # fmt: skip
    return found


def _ends_sentence(text: str, boundary: re.Match[str]) -> bool:
    """Whether a full stop followed by a capital really ends a sentence: not after a known
    abbreviation, a single initial ("J. Smith") or a dotted one ("U.S.", "a.m.")."""
    word = _WORD_BEFORE.search(text, max(0, boundary.start() - 40), boundary.start())
    if word is None or text[boundary.start() - 1] != ".":
        return True
    before = word.group(1)
    if "." in before:  # U.S. / a.m. / e.g.
        return not all(len(part) <= 2 for part in before.split("."))
    return not (before.casefold() in ABBREVIATIONS or (len(before) == 1 and before.isupper()))


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding [start, end), white space folded; abbreviations
    such as "Mr." and "Sept." do not end it."""
    first = 0
    for boundary in _SENTENCE_END.finditer(text):
        if not _ends_sentence(text, boundary):
            continue
        if boundary.end() <= start:
            first = boundary.end()
        elif boundary.start() >= end:
            return " ".join(text[first : boundary.start()].split())
    return " ".join(text[first:].split())


def figures_table_markdown(figures: Sequence[KeyFigure]) -> str:
    """A pipe table with one row per sentence: its figures, the sentence and a citation,
    every cell escaped. A sentence with three figures is read once, not three times."""
    rows: dict[tuple[int, str], list[str]] = {}
    for item in figures:
        found = rows.setdefault((item.passage_id, item.sentence), [])
        if item.figure.text not in found:
            found.append(item.figure.text)
    lines = ["| Figures | Context | Source |", "| --- | --- | --- |"]
    for (passage_id, sentence), texts in rows.items():
        lines.append(
            f"| {_cell('; '.join(texts))} | {_cell(sentence)} | {citation_token(passage_id)} |"
        )
    return "\n".join(lines)


def _cell(text: str) -> str:
    return escape_inline(" ".join(text.split()))  # escapes | too, so cells stay cells
