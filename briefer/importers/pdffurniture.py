"""Page furniture: running headers and footers, page numbers, margin line numbers, stamps.

Found by repetition across pages and by position, then removed before reading
order, so none of it lands inside a paragraph. Pure rules over plain lines;
standard library and briefer.importers.pdflayout only.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence

from briefer.importers.pdflayout import Line, Page, body_size

_PAGE_NUMBER = re.compile(
    r"^[-–—(\[]?\s*(?:page|p\.|pg\.|seite|pagina|página)?\s*"
    r"(?:\d{1,4}|[ivxlc]{1,6})\s*(?:(?:of|/|von|de|sur)\s*\d{1,4})?\s*[-–—)\]]?$",
    re.IGNORECASE,
)
_LINE_NUMBER = re.compile(r"^\d{1,4}$")
_DIGITS = re.compile(r"\d+")
_MARGIN_SHARE = 0.10
_EDGE_LINES = 5
_APART = 1.5  # ems of white space that set a top or bottom line apart from the text
_MIN_LINE_NUMBERS = 5
_MAX_STEP = 10
_HEADER_SHARE = 0.4  # of pages: running heads alternate between even and odd pages
_STAMP_WORDS = 12
_STAMP_SHARE = 0.6
_LARGER = 1.12  # times the body size: a heading's size (pdflayout's heading ratio)


def remove_furniture(pages: Sequence[Page]) -> list[list[Line]]:
    """Each page's lines without furniture.

    * Margin line numbers (transcripts, legal drafts): a column of bare numbers
      outside the text's left or right edge, counting up the page.
    * Headers and footers: in the top or bottom tenth of the page (or set apart
      from the text by white space) and either repeated (digits ignored, so
      "Report 2026 | 3" counts, unless the line is set larger than the body:
      "Chapter 2", "Chapter 3" are headings) at the same height on 40% of the
      pages (even and odd pages often differ),
      a bare page number ("7", "Page 3 of 10"), or beside one on its baseline.
    * Stamps: a short line at the same place on most pages of a longer
      document ("CONFIDENTIAL", "Downloaded from ... on 3 May").
    """
    bodies = [_without_line_numbers(page.lines) for page in pages]
    large = body_size(line for body in bodies for line in body) * _LARGER
    margins = [_margin_lines(page, body) for page, body in zip(pages, bodies, strict=True)]
    counts: Counter[tuple[str, int]] = Counter()
    stamps: Counter[tuple[str, int, int]] = Counter()
    for body, margin in zip(bodies, margins, strict=True):
        counts.update({_furniture_key(line, large) for line in margin})
        stamps.update({_stamp_key(line) for line in body if _short(line)})
    needed = max(2, math.ceil(len(pages) * _HEADER_SHARE))
    stamp_needed = max(3, round(len(pages) * _STAMP_SHARE))
    kept: list[list[Line]] = []
    for page, body, margin in zip(pages, bodies, margins, strict=True):
        edge = set(map(id, margin))
        headed = _page_number_rows(page, margin)
        kept.append(
            [
                line
                for line in body
                if not (
                    id(line) in edge
                    and (
                        counts[_furniture_key(line, large)] >= needed
                        or _PAGE_NUMBER.match(line.text)
                        or id(line) in headed
                    )
                )
                and not (_short(line) and stamps[_stamp_key(line)] >= stamp_needed)
            ]
        )
    return kept


def remove_repeated_extra(pages: Sequence[Page]) -> list[list[Line]]:
    """Each page's text in other directions minus what repeats on two or more pages.

    Text turned against the page's own is a watermark ("DRAFT" across the page)
    or a sideways stamp when it recurs; a rotated table or axis label does not.
    """
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({" ".join(line.text.casefold().split()) for line in page.extra})
    return [
        [line for line in page.extra if counts[" ".join(line.text.casefold().split())] < 2]
        for page in pages
    ]


def _without_line_numbers(lines: Sequence[Line]) -> list[Line]:
    """The page minus a column of line numbers beside the text, if it has one.

    Numbers count as line numbers when at least five of them share an edge
    (right-aligned or left-aligned within two points), lie outside every other
    line on the page (a listing's numbers beside indented code are not), and
    count up in one steady step (1, or 5 for every fifth line) from top to bottom.
    """
    numbers = [line for line in lines if _LINE_NUMBER.match(line.text)]
    if len(numbers) < _MIN_LINE_NUMBERS:
        return list(lines)
    others = [line for line in lines if not _LINE_NUMBER.match(line.text)]
    if not others:
        return list(lines)
    left = _low_end([line.x0 for line in others])
    right = -_low_end([-line.x1 for line in others])
    margin = [line for line in numbers if line.x1 <= left + 1 or line.x0 >= right - 1]
    column: list[Line] = []
    for right_aligned in (True, False):
        groups: Counter[int] = Counter(_edge(line, right_aligned) for line in margin)
        if groups:
            key, count = groups.most_common(1)[0]
            if count >= _MIN_LINE_NUMBERS and count > len(column):
                column = [line for line in margin if abs(_edge(line, right_aligned) - key) <= 1]
    if len(column) < _MIN_LINE_NUMBERS:
        return list(lines)
    ordered = sorted(column, key=lambda line: -line.baseline)
    values = [int(line.text) for line in ordered]
    steps = Counter(b - a for a, b in itertools.pairwise(values))
    step, counting = steps.most_common(1)[0]
    # Every line or every fifth, steadily; a contents page's numbers repeat and jump.
    if not 0 < step <= _MAX_STEP or counting < 0.8 * (len(values) - 1):
        return list(lines)
    drop = set(map(id, column))
    return [line for line in lines if id(line) not in drop]


def _edge(line: Line, right: bool) -> int:
    """The line's right or left edge in two-point steps."""
    return round((line.x1 if right else line.x0) / 2)


def _margin_lines(page: Page, lines: Sequence[Line]) -> list[Line]:
    """The highest and lowest lines, when they lie in the page's top or bottom band
    or stand apart from the text by a wide gap (a short text area leaves the footer
    well above the band)."""
    by_height = sorted(lines, key=lambda line: -line.baseline)
    edge = by_height[:_EDGE_LINES] + by_height[-_EDGE_LINES:]
    band = page.height * _MARGIN_SHARE
    apart = {id(line) for row in _apart_rows(by_height) for line in row}
    return [
        line for line in dict.fromkeys(edge)
        if line.top > page.height - band or line.baseline < band or id(line) in apart
    ]  # fmt: skip


def _apart_rows(by_height: list[Line]) -> list[list[Line]]:
    """The top and bottom rows of lines, each when white space sets it apart from the rest."""
    rows: list[list[Line]] = []
    for ordered in (by_height, by_height[::-1]):
        row = [line for line in ordered if abs(line.baseline - ordered[0].baseline) < 2]
        rest = ordered[len(row) :]
        if len(rest) < 2:
            continue
        size = max(line.size for line in [*row, rest[0]])
        if abs(row[0].baseline - rest[0].baseline) - size > _APART * size:
            rows.append(row)
    return rows


def _page_number_rows(page: Page, margin: Sequence[Line]) -> set[int]:
    """Lines sharing a baseline with a page number in the margin: a running head's other parts."""
    numbered = [line for line in margin if _PAGE_NUMBER.match(line.text)]
    return {
        id(line)
        for line in margin
        if any(abs(line.baseline - number.baseline) < 2 for number in numbered)
    }


def _furniture_key(line: Line, large: float) -> tuple[str, int]:
    """The line's text with its figures blurred ("Report 2026 | 3"), and its height.

    A line set larger than the body is a heading, not a running head, when only
    its number changes ("Chapter 2" and "Chapter 3", each at the top of its page).
    """
    text = line.text if line.size > large else _DIGITS.sub("#", line.text)
    text = " ".join(text.casefold().split())
    return text, round(line.baseline / 6)


def _stamp_key(line: Line) -> tuple[str, int, int]:
    # Exact text: body lines that differ only in a number ("Table 3") are not stamps.
    return " ".join(line.text.casefold().split()), round(line.baseline / 6), round(line.x0 / 6)


def _short(line: Line) -> bool:
    return len(line.text.split()) <= _STAMP_WORDS


def _low_end(values: list[float]) -> float:
    """Nearly the smallest value: one stray line (a heading in the margin) does not count."""
    ordered = sorted(values)
    return ordered[len(ordered) // 20]
