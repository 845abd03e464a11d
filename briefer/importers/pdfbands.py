"""Bands and columns of a page's blocks: where the page is cut across, where down.

pdforder stacks a page's lines into blocks (lines of one column at one size)
and reads them by recursive cuts; this module decides the cuts. A horizontal
cut (a band edge) is made only where the column layout changes across a white
gap (a title over two columns, three columns over two), where the gap is wide,
or where numbered headings read in sequence only with it; a vertical cut at
each gutter no block crosses. Split out of pdforder, which had reached the
module size limit. Pure geometry; standard library and briefer.importers only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefer.core.record import Record, field
from briefer.importers.pdflayout import Line
from briefer.importers.pdfrows import SAME_BASELINE, similar

__all__ = ["Block", "split_bands", "split_columns", "top_down"]

_HEADING_NUMBER = re.compile(
    r"(\d{1,3}(?:\.\d{1,3})*)\.?\s"
)  # "5 Timetable", "2.1. Costs"  # a figure already, or a word broken at the line end
_COLUMN_LINES = 3  # a column holds at least this many lines, or is at least this wide:
_COLUMN_WIDTH = 8.0  # ems
_MIN_GUTTER = 0.5  # ems of white space between columns
_BAND_GAP = 3.0  # ems of white space across the page: a band edge whatever the columns
_SMALL_PRINT = 0.9  # of the page's usual size: a page head's print is smaller
_COLUMN_GAP = 3.0  # ems at most between a column's text and the next column
_IN_GUTTER = 0.5  # of a block's width inside the other side's gutter: the layouts differ


class Block(Record):
    lines: list[Line] = field(default_factory=list)
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0

    def add(self, line: Line) -> None:
        first = not self.lines
        self.lines.append(line)
        top, bottom = line.baseline + line.size * 0.8, line.baseline - line.size * 0.25
        self.x0 = line.x0 if first else min(self.x0, line.x0)
        self.x1 = line.x1 if first else max(self.x1, line.x1)
        self.top = top if first else max(self.top, top)
        self.bottom = bottom if first else min(self.bottom, bottom)


def top_down(blocks: list[Block]) -> list[Block]:
    """Blocks top to bottom; blocks whose first lines share a baseline, left to right.

    A label and its value, or a bold term and its text, are often set a
    fraction of a point apart in height; by the top alone the right one came first.
    """
    ordered = sorted(blocks, key=lambda b: -b.top)
    out: list[Block] = []
    for block in ordered:
        first = block.lines[0]
        at = len(out)
        while at > 0:
            other = out[at - 1].lines[0]
            level = abs(other.baseline - first.baseline) <= SAME_BASELINE * min(
                other.size, first.size
            )
            if not (level and out[at - 1].x0 > block.x0):
                break
            at -= 1
        out.insert(at, block)
    return out


def _gutters(blocks: Sequence[Block], size: float) -> list[tuple[float, float]]:
    """White vertical strips no block crosses, between the leftmost and rightmost block."""
    # A lone short line (a page number, a footnote mark) may sit in a gutter; it must not fill it.
    spans = sorted((b.x0, b.x1) for b in blocks if not _speck(b, size)) or [
        (b.x0, b.x1) for b in blocks
    ]
    spans.sort()
    gutters: list[tuple[float, float]] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= _MIN_GUTTER * size:
            gutters.append((reach, x0))
        reach = max(reach, x1)
    return gutters


def _speck(block: Block, size: float) -> bool:
    return len(block.lines) == 1 and block.x1 - block.x0 < 1.5 * size


def split_columns(blocks: list[Block], size: float) -> list[list[Block]]:
    """Blocks split at each gutter, left to right; a thin column (a margin note, a lone
    label) is no column: its text is read where it stands, with its neighbour."""
    gutters = _gutters(blocks, size)
    while gutters:
        columns = _split_at(blocks, gutters)
        thin = next((i for i, column in enumerate(columns) if _thin(column, size)), None)
        if thin is None:
            return [column for column in columns if column]
        del gutters[thin if thin < len(gutters) else thin - 1]
    return [blocks]


def _split_at(blocks: list[Block], gutters: list[tuple[float, float]]) -> list[list[Block]]:
    columns: list[list[Block]] = [[] for _ in range(len(gutters) + 1)]
    for block in blocks:
        columns[sum(1 for _, end in gutters if block.x0 >= end)].append(block)
    return columns


def _thin(column: list[Block], size: float) -> bool:
    lines = sum(len(block.lines) for block in column)
    width = max((b.x1 for b in column), default=0.0) - min((b.x0 for b in column), default=0.0)
    return lines < _COLUMN_LINES and width < _COLUMN_WIDTH * size


def split_bands(blocks: list[Block], size: float) -> list[list[Block]]:
    """Blocks split at every horizontal gap where the columns above and below differ.

    A gap is a real band edge when a block on one side crosses a gutter of the
    other side (a title over columns, three columns over two), or when it is
    wide, as between the parts of a form or a CV whatever their columns, or
    when the text above and below share no column; a
    narrow gap that only ends one column early (the right column finished
    first) is not, unless a table stands under it.
    """
    ordered = sorted(blocks, key=lambda b: -b.top)
    gaps: list[int] = []
    wide: set[int] = set()
    low = ordered[0].bottom
    for index in range(1, len(ordered)):
        if ordered[index].top < low:
            gaps.append(index)
            if low - ordered[index].top > _BAND_GAP * size:
                wide.add(index)
        low = min(low, ordered[index].bottom)
    if not gaps:
        return [blocks]
    # Each slab (between two gaps) against what lies above it since the last cut.
    bands: list[list[Block]] = []
    start = 0
    for gap, end in zip(gaps, [*gaps[1:], len(ordered)], strict=True):
        above, below = ordered[start:gap], ordered[gap:end]
        if _table_under(above, below, size):
            # A heading or a line introducing the table, set apart over it, goes with it.
            cut = gap
            for earlier in reversed([g for g in gaps if start < g < gap]):
                if cut - earlier > 1 or len(ordered[earlier].lines) > 1:
                    break
                cut = earlier
            bands.append(ordered[start:cut])
            start = cut
            continue
        if (
            (gap in wide and not _heads_columns(above, below, size))
            or (start == 0 and _head_row(above, size))
            or _side_by_side(above, below)
            or _crosses(above, _gutters(below, size), below, size)
            or _crosses(below, _gutters(above, size), above, size)
            or _numbered_band(above, below, size)
        ):
            bands.append(above)
            start = gap
    bands.append(ordered[start:])
    return bands


def _table_under(above: Sequence[Block], below: Sequence[Block], size: float) -> bool:
    """Whether ``below`` is a table standing under columns that all end above it.

    A web page's text set in CSS columns (``column-count``), then a table:
    the browser balances the columns and sets the table under them. A narrow
    table stands within the first column's width, so without a cut it was
    read as more of that column, before the second. White space across the
    page above it, rows of cells (pdfrows) under a caption or none, and
    nothing beside it: the columns are over, and the table comes after them.
    """
    if not any(line.cells for b in below for line in b.lines):
        return False
    columns = split_columns(list(above), size)
    if len(columns) < 2:
        return False
    left, right = min(b.x0 for b in below), max(b.x1 for b in below)
    return any(
        min(b.x0 for b in column) - size <= left and right <= max(b.x1 for b in column) + size
        for column in columns
    )


def _numbered_band(above: Sequence[Block], below: Sequence[Block], size: float) -> bool:
    """Whether numbered headings read in sequence only if the page is cut above ``below``.

    Two two-column sections stacked on a page, each pair of columns opened by
    a numbered heading ("3 Moorings" | "4 Lights", then "5 Timetable" |
    "6 Notices"), look like one pair of columns with two headings in each, by
    chance level: read down the columns, the sections came 3, 5, 4, 6. Text
    flowing down one pair of columns reads its headings in sequence without
    the cut, and keeps its columns.
    """
    if not any(_heading_number(b, size) for b in below):
        return False
    together = _heading_numbers([*above, *below], size)
    apart = _heading_numbers(above, size) + _heading_numbers(below, size)
    return together != sorted(together) and apart == sorted(apart)


def _heading_numbers(blocks: Sequence[Block], size: float) -> list[tuple[int, ...]]:
    """The numbers of the headings among ``blocks``, read column by column."""
    numbers = (
        _heading_number(b, size) for c in split_columns(list(blocks), size) for b in top_down(c)
    )
    return [number for number in numbers if number]


def _heading_number(block: Block, size: float) -> tuple[int, ...]:
    """The number opening a one-line heading set larger than the text ("5 Timetable"), or ()."""
    line = block.lines[0]
    if len(block.lines) > 1 or line.size <= size or similar(line.size, size):
        return ()
    match = _HEADING_NUMBER.match(line.text)
    return tuple(int(part) for part in match.group(1).split(".")) if match else ()


def _head_row(blocks: Sequence[Block], size: float) -> bool:
    """Whether the page's top slab is one row of small print: a browser's or a form's head.

    A browser prints the date left and the page's title centred above the page;
    on a one-page print nothing repeats to mark them as furniture, and the
    title was read after the site's menu below the date.
    """
    return all(len(b.lines) == 1 and b.lines[0].size < _SMALL_PRINT * size for b in blocks) and all(
        abs(b.lines[0].baseline - blocks[0].lines[0].baseline) <= SAME_BASELINE * size
        for b in blocks
    )


def _side_by_side(above: Sequence[Block], below: Sequence[Block]) -> bool:
    """Whether the text above a gap and the text below it share no column at all.

    A letter's sender block stands top right and the recipient's address
    lower left, with white space between: read as two columns, the sender
    came after the address. Nothing above continues below, so it is a band.
    """
    left = min(b.x0 for b in above), max(b.x1 for b in above)
    right = min(b.x0 for b in below), max(b.x1 for b in below)
    return left[1] <= right[0] or right[1] <= left[0]


def _crosses(
    blocks: Sequence[Block],
    gutters: Sequence[tuple[float, float]],
    across: Sequence[Block],
    size: float,
) -> bool:
    """Whether a block spans a gutter of ``across`` or stands mostly inside one (a column
    the other side lacks), unless it only runs on past a short line of its own column."""
    return any(
        (b.x0 < start and b.x1 > end)
        or (
            min(b.x1, end) - max(b.x0, start) > _IN_GUTTER * (b.x1 - b.x0)
            and not _ragged_edge(b, (start, end), blocks, across, size)
        )
        for b in blocks
        for start, end in gutters
    )


def _ragged_edge(
    block: Block,
    gutter: tuple[float, float],
    side: Sequence[Block],
    across: Sequence[Block],
    size: float,
) -> bool:
    """Whether ``block`` reaches into the gutter only past a heading of its own column.

    A column's left edge is firm and its right edge ragged: "1 Depth" and
    "2 Costs" opening two columns on one baseline leave white space from
    "Depth" to "2", which looked like a gutter the text below stood in, so
    the headings were cut off as a band and read as one line. ``block``
    starts where one of a row of headings over (or under) it starts, and
    another block on its side where the next column starts. A form's row of
    labels and values in larger print, over a heading, still stands apart.

    One heading does the same: "References" in column 1, level with the
    white space between two items of column 2, is a slab of its own between
    two gaps across the page, and its short line left the rest of column 1
    standing in a "gutter" up to column 2. The heading starts where
    ``block`` starts and the next column goes on at the gutter's far edge on
    both sides of the gap: the same two columns, so the gap is no band edge.
    Text on ``block``'s side fills its column up to a gutter's width from
    the next: a form's short labels under a heading ("Prepared by", its
    value far right) are no column of text.
    """
    start, end = gutter
    heads = [other for other in across if other.x1 <= start and abs(other.x0 - block.x0) <= size]
    return (
        bool(heads)
        and block.x1 <= end
        and any(abs(other.x0 - end) <= size for other in side)
        and (
            _heading_row(across, size)
            or (
                all(_heading(head, size) for head in heads)
                and any(abs(other.x0 - end) <= size for other in across)
                and any(
                    block.x0 - size <= other.x0 and end - _COLUMN_GAP * size <= other.x1 <= end
                    for other in side
                )
            )
        )
    )


def _heading(block: Block, size: float) -> bool:
    """Whether ``block`` is one line in print larger than the text, or bold: a heading."""
    line = block.lines[0]
    return len(block.lines) == 1 and (
        line.bold or (line.size > size and not similar(line.size, size))
    )


def _heads_columns(heads: Sequence[Block], text: Sequence[Block], size: float) -> bool:
    """Whether ``heads`` is a row of headings each opening a column of ``text`` below.

    Set with space below ("space after" in a heading style), the gap under
    the row was wide enough to cut it off whatever the columns.
    """
    lefts = sorted(head.x0 for head in heads)
    return (
        len(heads) > 1
        and _heading_row(heads, size)
        and all(any(abs(b.x0 - left) <= size for b in text) for left in lefts)
        and not any(b.x0 < left - size < left + size < b.x1 for b in text for left in lefts[1:])
    )


def _heading_row(blocks: Sequence[Block], size: float) -> bool:
    """Whether ``blocks`` are one-line headings in print larger than the text, level or
    nearly (LaTeX stretches one column to the foot of the page), as columns' heads are."""
    return all(
        len(b.lines) == 1 and b.lines[0].size > size and not similar(b.lines[0].size, size)
        for b in blocks
    ) and max(b.bottom for b in blocks) < min(b.top for b in blocks)
