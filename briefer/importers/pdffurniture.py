"""Page furniture: running headers and footers, page numbers, margin line numbers, stamps.

Found by repetition across pages and by position, then removed before reading
order, so none of it lands inside a paragraph. Pure rules over plain lines;
standard library, briefer.importers.pdflayout, briefer.importers.pdfpagenumbers
(which numbers count with the pages), briefer.importers.pdfrunning (which repeated
lines are footnotes) and briefer.importers.pdfsectionpages ("2 – 1": pages numbered
per section) only.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence

from briefer.importers.pdflayout import Line, Page, body_size
from briefer.importers.pdfpagenumbers import (
    HEADER_SHARE,
    LARGER,
    MARGIN_SHARE,
    ROW,
    SAME_PLACE,
    WORDS,
    counting_labels,
    filed_near,
    page_numbers,
    page_value,
)
from briefer.importers.pdfrunning import NOTE_SYMBOLS, Edge, note_marks, row_text, running_lines
from briefer.importers.pdfsectionpages import section_page_numbers

_LINE_NUMBER = re.compile(r"^\d{1,4}$")
_SYMBOL = re.compile(rf"^[{NOTE_SYMBOLS}]{{1,3}}$")  # a note's symbol, alone
_LABEL = re.compile(rf"^(?:\d{{1,3}}|[{NOTE_SYMBOLS}]{{1,3}})$")  # a note's number or symbol
_DIGITS = re.compile(r"\d+")
_EDGE_LINES = 5
_APART = 1.5  # ems of white space that set a top or bottom line apart from the text
_MIN_LINE_NUMBERS = 5
_MAX_STEP = 10
_STAMP_WORDS = 12
_STAMP_SHARE = 0.6
_LABEL_GAP = 6.0  # ems from a number to the words it labels (a tab stop) on its baseline
_SAME_SIZE = 0.6  # points


def remove_furniture(pages: Sequence[Page]) -> list[list[Line]]:
    """Each page's lines without furniture.

    * Margin line numbers (transcripts, legal drafts): a column of bare numbers
      outside the text's left or right edge, counting up the page.
    * Headers and footers: in the top or bottom tenth of the page (or set apart
      from the text by white space) and either repeated (digits ignored, so
      "Report 2026 | 3" counts, unless the line is set larger than the body:
      "Chapter 2", "Chapter 3" are headings) at the same height on 40% of the
      pages (even and odd pages often differ), a page number (see
      ``page_numbers``; a number a tab before words only when it counts with
      the pages at one height on many pages, see ``counting_labels``; or
      numbered per section, "2 – 1", see ``section_page_numbers``), or
      beside either on its row: the chapter's name beside a repeated report
      title, a running title beside its page number ("12 <tab> Findings").
      Repetition with digits ignored also fits footnotes: a page's last note
      stands at one height on every page, and notes often differ only by
      figures ("2 Ibid., p. 12.", "3 See Annex 2."; "6", a tab, "Ibid."). What
      tells them apart is in the figures and the note's number, never in the
      place (``pdfrunning.running_lines``): a footer's changing figure counts
      with the page index, a note's number counts with the notes and its other
      figures change at random; a note's number opens the line raised or set
      smaller, or the text above refers to it. A note marked with a symbol may
      repeat word for word ("* Figures are provisional." under each table): its
      mark, which the text above refers to, tells it from a footer. Where one note falls on each
      page, its number counts with the pages too and the rest of the line may
      repeat ("Ibid."): only the number's type, or the text's mark, tells it
      from a footer "3 <tab> Annual Report"; and the text's mark is given to
      the first row under it opening with that number, so a footer under the
      note, or a head over the text, with the same number does not borrow it.
    * A top or bottom row, set apart, at the height and in the size where other
      pages have a running head or footer: a head whose words change with the
      chapter ("CHAPTER 1. INTRODUCTION") on a page with a line or two of text.
    * Stamps: a short line at the same place on most pages of a longer
      document ("CONFIDENTIAL", "Downloaded from ... on 3 May").
    """
    bodies = [_without_line_numbers(page.lines) for page in pages]
    size = body_size(line for body in bodies for line in body)
    large = size * LARGER
    edges = [_margin_lines(page, body) for page, body in zip(pages, bodies, strict=True)]
    # A number before the words it labels (a note's, an item's) is no furniture of its own,
    # unless it counts with the pages at one height over many pages (a footer "12 <tab>
    # Chapter name"); beside a running head it goes with it.
    labels = [
        {id(line) for line in edge if _labels_text(line, body)}
        for edge, body in zip(edges, bodies, strict=True)
    ]
    margins = [
        [line for line in edge if id(line) not in labelled]
        for edge, labelled in zip(edges, labels, strict=True)
    ]
    # "6", a tab, "Ibid.": words a number labels, compared with their number as one row.
    before = [
        _labelled(body, _note_labels(body) | labelled)
        for body, labelled in zip(bodies, labels, strict=True)
    ]
    # Every line whose opening mark the evidence shows is a note's, wherever it stands.
    notes = [note_marks(body, label, body) for body, label in zip(bodies, before, strict=True)]
    running = [
        [
            Edge(line, _furniture_key(text, line, large), text, id(line) in noted)
            for line in margin
            for text in (row_text(line, label.get(id(line))),)
        ]
        for margin, label, noted in zip(margins, before, notes, strict=True)
    ]
    # A stamp stands alone: words a number labels are a note's or an item's ("2", a tab,
    # "Ibid." at one place on most pages), and so is the number; so is a line opening
    # with a raised number ("1 See the Act." on each page whose notes restart at 1), or
    # with a mark the text refers to ("* Figures are provisional." under each table).
    unstamped = [
        set(label)
        | {id(number) for number in label.values()}
        | {id(line) for line in body if line.marks and line.text.startswith(line.marks[0])}
        | noted
        for body, label, noted in zip(bodies, before, notes, strict=True)
    ]
    stamps: Counter[tuple[str, int, int]] = Counter()
    for body, alone in zip(bodies, unstamped, strict=True):
        stamps.update({_stamp_key(line) for line in body if _short(line) and id(line) not in alone})
    needed = max(2, math.ceil(len(pages) * HEADER_SHARE))
    stamp_needed = max(3, round(len(pages) * _STAMP_SHARE))
    sectioned = section_page_numbers(bodies, margins, large)  # "2 – 1": a section's page 1
    numbers = [a | b for a, b in zip(page_numbers(bodies, margins, large), sectioned, strict=True)]
    noted_labels = [
        {id(label[id(line)]) for line in margin if id(line) in noted and id(line) in label}
        for margin, label, noted in zip(margins, before, notes, strict=True)
    ]
    counted = counting_labels(pages, bodies, edges, labels, noted_labels, size)
    for index, counting in enumerate(counted):
        # A page has one page number: beside another one, a counting label is a note's.
        if not any(
            abs(line.baseline - other.baseline) >= ROW
            for line in bodies[index]
            if id(line) in numbers[index]
            for other in bodies[index]
            if id(other) in counting
        ):
            numbers[index] |= counting
    heads: list[set[int]] = []
    for edge, margin, numbered, ran, label in zip(
        edges, margins, numbers, running_lines(running, needed), before, strict=True
    ):
        repeated = [line for line in margin if id(line) in ran]
        numbers_before = {id(label[id(line)]) for line in repeated if id(line) in label}
        heads.append(
            {id(line) for line in repeated}
            | numbers_before
            | numbered
            | _row_mates(edge, repeated, numbered)
        )
    heads = _at_furniture_height(bodies, heads, large)
    return [
        [
            line
            for line in body
            if id(line) not in head
            and not (
                _short(line) and id(line) not in alone and stamps[_stamp_key(line)] >= stamp_needed
            )
        ]
        for body, head, alone in zip(bodies, heads, unstamped, strict=True)
    ]


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
    band = page.height * MARGIN_SHARE
    apart = {id(line) for row in _apart_rows(by_height) for line in row}
    return [
        line for line in dict.fromkeys(edge)
        if line.top > page.height - band or line.baseline < band or id(line) in apart
    ]  # fmt: skip


def _apart_rows(by_height: list[Line]) -> list[list[Line]]:
    """The top and bottom rows of lines, each when white space sets it apart from the rest."""
    rows: list[list[Line]] = []
    for ordered in (by_height, by_height[::-1]):
        row = [line for line in ordered if abs(line.baseline - ordered[0].baseline) < ROW]
        rest = ordered[len(row) :]
        if len(rest) >= 2 and _apart(row, rest):
            rows.append(row)
    return rows


def _apart(row: Sequence[Line], rest: Sequence[Line]) -> bool:
    """Whether white space wider than a line's set the row apart from the next line."""
    if not rest:
        return True
    size = max(line.size for line in [*row, rest[0]])
    return abs(row[0].baseline - rest[0].baseline) - size > _APART * size


def _row_mates(margin: Sequence[Line], repeated: Sequence[Line], numbered: set[int]) -> set[int]:
    """Lines on the row of a page number or of a repeated head, in the same type.

    A running head is often two parts on one baseline: a fixed title and the
    chapter's name, which changes ("Sharing the Tide · Institute <tab> Costs
    and savings"), or a title and the page number.
    """
    anchors = [(line, True) for line in margin if id(line) in numbered]
    anchors += [(line, False) for line in repeated]
    return {
        id(line)
        for line in margin
        for anchor, number in anchors
        if abs(line.baseline - anchor.baseline) < ROW
        and (number or abs(line.size - anchor.size) <= _SAME_SIZE)
    }


def _labels_text(line: Line, lines: Sequence[Line]) -> bool:
    """A number or a note's symbol set apart from the words it labels: a section's number
    before its title, a note's or a list item's before its text ("6", a tab, "Ibid."; "*",
    a tab, "Figures are provisional."). The words follow on
    its baseline within a few ems, where a running title stands across the page. Such
    a number is no furniture by itself, however it repeats, unless it counts with the
    pages at one height on many of them (``counting_labels``): "12 <tab> Findings"."""
    if not _SYMBOL.match(line.text) and (
        page_value(line.text) is None or not (line.text.isdigit() or line.text.isalpha())
    ):
        return False  # "Page 3", "3/5": a page's number, whatever follows it
    return any(
        abs(other.baseline - line.baseline) < ROW
        and 0 <= other.x0 - line.x1 + 1 < _LABEL_GAP * line.size
        and WORDS.match(other.text)
        for other in lines
    )


def _at_furniture_height(
    bodies: Sequence[Sequence[Line]], heads: Sequence[set[int]], large: float
) -> list[set[int]]:
    """Each page's furniture plus its top or bottom row when that row stands where
    running heads or footers stand on two other pages, in their size, set apart
    from the text: a head whose words changed (a new chapter's name) on a page too
    short for the head to be found by its place in the margin."""
    places: dict[int, list[tuple[int, float, float]]] = {}  # height -> (page, baseline, size)
    for index, (body, head) in enumerate(zip(bodies, heads, strict=True)):
        for line in body:
            if id(line) in head:
                places.setdefault(round(line.baseline), []).append(
                    (index, line.baseline, line.size)
                )
    out = [set(head) for head in heads]
    for index, body in enumerate(bodies):
        by_height = sorted(body, key=lambda line: -line.baseline)
        for ordered in (by_height, by_height[::-1]):
            if not ordered:
                continue
            row = [line for line in ordered if abs(line.baseline - ordered[0].baseline) < ROW]
            if any(id(line) in out[index] for line in row) or not _apart(row, ordered[len(row) :]):
                continue
            if any(line.size > large for line in row):
                continue
            size = max(line.size for line in row)
            pages: set[int] = set()
            for page, _, other in filed_near(places, row[0].baseline, SAME_PLACE):
                if page != index and abs(other - size) <= _SAME_SIZE:
                    pages.add(page)
                    if len(pages) >= 2:  # enough: a long document's pages are not all read
                        out[index].update(id(line) for line in row)
                        break
    return out


def _furniture_key(text: str, line: Line, large: float) -> tuple[str, int]:
    """The line's text (``text``: as its row reads, see ``row_text``) with its figures
    blurred ("Report 2026 | 3"), and its height.

    A line set larger than the body is a heading, not a running head, when only
    its number changes ("Chapter 2" and "Chapter 3", each at the top of its page).
    """
    text = text if line.size > large else _DIGITS.sub("#", text)
    text = " ".join(text.casefold().split())
    return text, round(line.baseline / 6)


def _stamp_key(line: Line) -> tuple[str, int, int]:
    # Exact text: body lines that differ only in a number ("Table 3") are not stamps.
    return " ".join(line.text.casefold().split()), round(line.baseline / 6), round(line.x0 / 6)


def _note_labels(lines: Sequence[Line]) -> set[int]:
    """The ids of the page's bare numbers (1 to 999) and note symbols ("*", "†") that may
    label words after them."""
    return {id(line) for line in lines if _LABEL.match(line.text)}


def _labelled(lines: Sequence[Line], labels: set[int]) -> dict[int, Line]:
    """The lines that a number a tab before them labels (``labels``: the numbers), by id,
    each with its number: the nearest words after a number on its row, within a few ems.
    Words are filed by row and sorted, so a row of a thousand runs is no square."""
    numbers = [line for line in lines if id(line) in labels]
    if not numbers:
        return {}
    rows: dict[int, list[tuple[float, int, Line]]] = {}
    for index, line in enumerate(lines):
        if id(line) not in labels and WORDS.match(line.text):
            rows.setdefault(round(line.baseline), []).append((line.x0, index, line))
    for row in rows.values():
        row.sort(key=lambda entry: entry[:2])
    starts = {height: [entry[0] for entry in row] for height, row in rows.items()}
    out: dict[int, Line] = {}
    for number in numbers:
        words: Line | None = None
        height = round(number.baseline)
        for near in range(height - math.ceil(ROW), height + math.ceil(ROW) + 1):
            at = bisect.bisect_left(starts.get(near, []), number.x1 - 1)
            for _, _, line in rows.get(near, [])[at : at + 3]:  # ties on one edge
                if (
                    abs(line.baseline - number.baseline) < ROW
                    and line.x0 - number.x1 + 1 < _LABEL_GAP * number.size
                    and (words is None or line.x0 < words.x0)
                ):
                    words = line
        if words is not None and (id(words) not in out or number.x1 > out[id(words)].x1):
            out[id(words)] = number
    return out


def _short(line: Line) -> bool:
    return len(line.text.split()) <= _STAMP_WORDS


def _low_end(values: list[float]) -> float:
    """Nearly the smallest value: one stray line (a heading in the margin) does not count."""
    ordered = sorted(values)
    return ordered[len(ordered) // 20]
