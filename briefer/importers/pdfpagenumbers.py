"""Page numbers among a page's top and bottom lines: alone, or a tab before a running title.

Split from pdffurniture, which finds all the page furniture: this decides which
numbers count with the pages ("7", "Page 3 of 10", "iv"; "12 <tab> Findings"), and
owns the measures of rows and margins both share. Pure rules over plain lines;
standard library, briefer.core.numerals and briefer.importers.pdflayout only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from briefer.core.numerals import roman_value
from briefer.importers.pdflayout import Line, Page

_Entry = TypeVar("_Entry", tuple[int, float, float], tuple[int, float, str])
_Titles = dict[str, dict[int, list[tuple[int, float, str]]]]

_PAGE_NUMBER = re.compile(
    r"^[-–—(\[]?\s*(?:(?:page|p\.|pg\.|seite|pagina|página)\s*)?"
    r"(?P<n>\d{1,4}|[ivxlc]{1,6})\s*(?:(?:of|/|von|de|sur)\s*(?P<of>\d{1,4}))?\s*[-–—)\]]?$",
    re.IGNORECASE,
)
_MAX_ROMAN_PAGE = 399
# A table cell's figure ("507", "1 286", "12.5%"), not a date ("12.03.2026").
_FIGURE = re.compile(r"^[-+−–(]?(?:\d+|\d{1,3}(?:[ ,.]\d{3})+)(?:[.,]\d+)?%?\)?$")
WORDS = re.compile(r"^[\"“‘'(\[]?[^\W\d_]")  # a word, perhaps after a quotation mark or bracket
MARGIN_SHARE = 0.10
HEADER_SHARE = 0.4  # of pages: running heads alternate between even and odd pages
LARGER = 1.12  # times the body size: a heading's size (pdflayout's heading ratio)
ROW = 2.0  # points between baselines of runs on one row
SAME_PLACE = 1.0  # points between the baselines of one running head on different pages
_SMALLER = 0.95  # times the body size: a footer's or running head's type


def page_numbers(
    bodies: Sequence[Sequence[Line]], margins: Sequence[Sequence[Line]], large: float
) -> list[set[int]]:
    """Each page's page numbers among its top and bottom lines.

    A page number stands alone or beside a running title ("Page 3 of 10",
    "Report | 3"), never beside other figures (a table's last row) and never
    as the label of the words a tab or a few spaces after it: a section's
    number before its title ("2 Cargo charges" at the top of a page), a
    note's before its text ("6 Ibid." opening a page); such a number is a
    page number only by ``counting_labels``. Across pages it stands at one
    height and counts up with the page. Where some numbers do that, another
    number counts only on a page that has none of them, and only at such a
    height (a slide's number, the same on each of its overlays) or with such
    a value; where none does (one page, or numbers at different places), a
    lone number in type no larger than the body counts.
    """
    found: list[tuple[int, Line, int, bool]] = []  # page, line, value, among figures
    for index, (body, margin) in enumerate(zip(bodies, margins, strict=True)):
        for line in margin:
            value = page_value(line.text)
            if value is None:
                continue
            row = [other for other in body if abs(other.baseline - line.baseline) < ROW]
            crowded = any(other is not line and _FIGURE.match(other.text) for other in row)
            found.append((index, line, value, crowded))
    together = _Together(
        (index, line.baseline, value - index, False) for index, line, value, _ in found
    )
    counted: list[set[int]] = [set() for _ in bodies]
    offsets: set[int] = set()
    heights: list[float] = []
    for index, line, value, _ in found:
        if set(together.pages(line.baseline, value - index)) - {index}:
            counted[index].add(id(line))
            offsets.add(value - index)
            heights.append(line.baseline)
    for index, line, value, crowded in found:
        if counted[index] or crowded:
            continue
        if any(abs(line.baseline - height) < ROW for height in heights) or (
            line.size <= large and (not offsets or value - index in offsets)
        ):  # where the numbers stand (a slide's number, kept for its overlays), or lone
            counted[index].add(id(line))
    return counted


def counting_labels(
    pages: Sequence[Page],
    bodies: Sequence[Sequence[Line]],
    edges: Sequence[Sequence[Line]],
    labels: Sequence[set[int]],
    notes: Sequence[set[int]],
    size: float,
) -> list[set[int]]:
    """Each page's numbers set before words ("12", a tab, "Chapter name") that are page
    numbers all the same: at one height, in type no larger than the body, they count up
    with the pages (with the page numbers beside them, if any) on at least three pages and
    on 40% of them, and their row behaves like a running title (``_running_title``). A
    footer whose running title changes with the chapter; never a note's number opening a
    page ("6", a tab, "Ibid."), which one page or two cannot show, nor a section's number
    before its title at the top of each page ("1 <tab> Summary", "2 <tab> Background"),
    nor the numbers of one note a page at one height, note n on page n, when half of
    those counting together show they are notes' (``notes``: see ``note_marks``)."""
    large = size * LARGER
    found: list[tuple[int, Line, int]] = []  # page, line, value minus page
    for index, (body, edge) in enumerate(zip(bodies, edges, strict=True)):
        for line in edge:
            value = page_value(line.text)
            if value is None or line.size > large:
                continue
            row = [other for other in body if abs(other.baseline - line.baseline) < ROW]
            if not any(other is not line and _FIGURE.match(other.text) for other in row):
                found.append((index, line, value - index))
    together = _Together(
        (index, line.baseline, offset, id(line) in notes[index]) for index, line, offset in found
    )
    needed = max(3, math.ceil(len(bodies) * HEADER_SHARE))
    titles: _Titles = {}  # words -> height -> (page, baseline, words)
    for index, edge in enumerate(edges):
        for line in edge:
            if id(line) not in labels[index]:
                words = " ".join(line.text.casefold().split())
                titles.setdefault(words, {}).setdefault(round(line.baseline), []).append(
                    (index, line.baseline, words)
                )
    counted: list[set[int]] = [set() for _ in bodies]
    for index, line, offset in found:
        if id(line) not in labels[index]:
            continue
        near = together.pages(line.baseline, offset)
        if (
            len(near) >= needed
            and 2 * sum(near.values()) < len(near)
            and _running_title(index, line, pages[index], bodies[index], titles, size)
        ):
            counted[index].add(id(line))
    return counted


def _running_title(
    index: int,
    label: Line,
    page: Page,
    body: Sequence[Line],
    titles: _Titles,
    size: float,
) -> bool:
    """Whether the row of a number before words behaves like a running title, not a
    heading: it lies below the text (the lowest row, or in the page's bottom band), is
    set smaller than the body, or its words stand at its height on another page too (a
    chapter's name over its pages). A body-size heading opening the text block, its
    number counting with the pages because each section opens a page, is none of these."""
    row = [line for line in body if abs(line.baseline - label.baseline) < ROW]
    if all(line.size < size * _SMALLER for line in row):
        return True
    if label.baseline < page.height * MARGIN_SHARE or all(
        line.baseline > label.baseline - ROW for line in body
    ):  # nothing below it: a footer
        return True
    for line in row:
        if line is label or not WORDS.match(line.text):
            continue
        words = " ".join(line.text.casefold().split())
        if any(
            page_index != index
            for page_index, _, _ in filed_near(titles.get(words, {}), line.baseline, SAME_PLACE)
        ):  # filed by words: only the same words are read, and the first other page is enough
            return True
    return False


def page_value(text: str) -> int | None:
    """The page's number when the text is one ("7", "- 7 -", "Page 3 of 10", "iv", "2/5")."""
    match = _PAGE_NUMBER.match(text)
    if match is None:
        return None
    number = match["n"]
    if number.isdigit():
        value = int(number)
    elif number.islower() or number.isupper():
        value = roman_value(number.lower())
        if not 0 < value <= _MAX_ROMAN_PAGE:
            return None  # "civil", "ill", "Vic": words in the letters of Roman numerals
    else:
        return None
    if match["of"] is not None and not 0 < value <= int(match["of"]):
        return None  # "5/3" is no page of three; "2/3" may be a fraction but reads as one
    return value


class _Together:
    """Numbers by where they stand and what they count from: for a height and an offset
    (value less the page's index), the pages whose numbers stand within two whole points
    of that height with that offset, each with whether it is a note's. Counted once per
    height and offset, so a page number on each of 2,000 pages is no square."""

    def __init__(self, entries: Iterable[tuple[int, float, int, bool]]) -> None:
        self._filed: dict[tuple[int, int], dict[int, bool]] = {}
        for page, baseline, offset, note in entries:
            pages = self._filed.setdefault((round(baseline), offset), {})
            pages[page] = pages.get(page, False) or note
        self._merged: dict[tuple[int, int], dict[int, bool]] = {}

    def pages(self, baseline: float, offset: int) -> dict[int, bool]:
        """The pages (and whether a note's) counting with ``offset`` near ``baseline``."""
        height = round(baseline)
        merged = self._merged.get((height, offset))
        if merged is None:
            merged = {}
            for near in range(height - math.ceil(ROW), height + math.ceil(ROW) + 1):
                for page, note in self._filed.get((near, offset), {}).items():
                    merged[page] = merged.get(page, False) or note
            self._merged[height, offset] = merged
        return merged


def filed_near(
    places: dict[int, list[_Entry]], baseline: float, distance: float
) -> Iterator[_Entry]:
    """The entries (page, baseline, ...) of ``places``, filed by whole points of
    height, whose baseline lies within ``distance`` of ``baseline``, one by one, so a
    caller that has seen enough stops reading."""
    height = round(baseline)
    for near in range(height - math.ceil(distance), height + math.ceil(distance) + 1):
        for entry in places.get(near, []):
            if abs(entry[1] - baseline) <= distance:
                yield entry
