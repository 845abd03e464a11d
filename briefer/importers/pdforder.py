"""Reading order of one page's runs: table rows, column blocks, bands and gutters.

Runs (pdfwords) become rows where a table sets short cells side by side
(pdfrows), then blocks (lines of one column stacked at one size), and blocks are read by
recursive cuts: a horizontal cut where the column layout changes (a title over
two columns, three columns over two), else a vertical cut at each gutter, else
top to bottom. A contents entry keeps its flush-right page number; margin notes
and boxes that text flows around are set aside and put back between paragraphs
(pdfmargin, pdfboxes). Pure geometry; standard library and briefer.importers
modules only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from briefer.importers.pdfboxes import place_boxes, set_apart
from briefer.importers.pdfkeys import keyed_rows
from briefer.importers.pdflayout import Line
from briefer.importers.pdfmargin import place_notes
from briefer.importers.pdfrows import (
    CELL_SEPARATOR,
    FIGURE,
    SAME_BASELINE,
    numbered,
    similar,
    table_rows,
)

__all__ = ["CELL_SEPARATOR", "reading_order"]

_EXACT_BASELINE = 0.1  # ems: a contents entry and its page number share a baseline exactly
_STACK_PITCH = 1.9  # ems between baselines of lines stacked in one block
_MARKER_CHARS = 4
_PAGE_REFERENCE = re.compile(r"\d{1,4}|[ivxlc]{1,6}")
_ENDS_FIGURE = re.compile(r"[\d…,-]$")
_HEADING_NUMBER = re.compile(
    r"(\d{1,3}(?:\.\d{1,3})*)\.?\s"
)  # "5 Timetable", "2.1. Costs"  # a figure already, or a word broken at the line end
_MARKER_GAP = 3.0  # ems between a list marker or line number and its text
_LABEL_WORDS = 3  # a hanging label ("Description:") is this short ...
_LABEL_CHARS = 30
_LABEL_GAP = 2.0  # ... and its text starts within this many ems of it (a quad, not a tab)
_RAGGED = 0.25  # of a block's width: a ragged-right line may reach this far past it
_NEIGHBOURS = 12  # recent blocks checked for one beside the block a line joins ...
_NEIGHBOUR_REACH = 4.0  # ... ending at most this many ems above the line
_WRAP_LOOK = 8  # lines after a label's text searched for its second line
_COLUMN_LINES = 3  # a column holds at least this many lines, or is at least this wide:
_COLUMN_WIDTH = 8.0  # ems
_MIN_GUTTER = 0.5  # ems of white space between columns
_MAX_DEPTH = 12
_BAND_GAP = 3.0  # ems of white space across the page: a band edge whatever the columns
_SMALL_PRINT = 0.9  # of the page's usual size: a page head's print is smaller
_IN_GUTTER = 0.5  # of a block's width inside the other side's gutter: the layouts differ
_BODY_SHARE = 0.5  # of the widest block: a column of the body
_NOTE_SHARE = 0.4  # of the widest block: at most this wide, outside the body, a margin note
_MAX_BLOCKS = 600  # more (a map's labels, a scatter of figures) is read top to bottom


@dataclass
class _Block:
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


def reading_order(lines: Sequence[Line], frame: tuple[float, float] | None = None) -> list[Line]:
    """The page's lines in the order a person reads them (see the module docstring).

    ``frame`` is the document's text area (left and right edge, pdfmargin's
    ``text_frames``): narrow text wholly outside it is a margin note.
    """
    if not lines:
        return []
    ordered = sorted(lines, key=lambda line: (-round(line.baseline, 1), line.x0))
    size = _median([line.size for line in ordered]) or 10.0
    body, boxes = set_apart(ordered)
    rows = table_rows(numbered(body), size)
    blocks = _blocks(rows)
    notes = _margin_notes(blocks, frame)
    result: list[Line] = []
    margin = frame[0] if frame is not None else float("-inf")
    for block in _order([b for b in blocks if b not in notes], size, margin, 0):
        result += block.lines
    if boxes:
        # A box reads on its own, apart from the paragraph it stood in (pdfboxes).
        read = [[replace(x, aside=True, boxed=True) for x in reading_order(b.lines)] for b in boxes]
        result = place_boxes(result, list(zip(boxes, read, strict=True)))
    if not notes:
        return result
    return place_notes(result, [[replace(line, aside=True) for line in b.lines] for b in notes])


def _margin_notes(blocks: list[_Block], frame: tuple[float, float] | None) -> list[_Block]:
    """Narrow blocks wholly left or right of the text area and the page's columns: margin notes.

    The page's body is every block at least half as wide as the widest, so
    each column of a two- or three-column page counts and a sidebar does too.
    """
    if len(blocks) < 2 or frame is None:
        return []
    widest = max(b.x1 - b.x0 for b in blocks)
    wide = [b for b in blocks if b.x1 - b.x0 >= _BODY_SHARE * widest]
    left = min(frame[0], min(b.x0 for b in wide)) + 1
    right = max(frame[1], max(b.x1 for b in wide)) - 1
    return [
        b for b in blocks if b.x1 - b.x0 < _NOTE_SHARE * widest and (b.x1 <= left or b.x0 >= right)
    ]


def _blocks(lines: Sequence[Line]) -> list[_Block]:
    """Lines stacked in one column at one size; pieces of one line (a wide gap) rejoined."""
    blocks: list[_Block] = []
    active: list[_Block] = []  # blocks whose last line is near enough above to take more
    reach = _STACK_PITCH * max((line.size for line in lines), default=0.0)
    right = max((line.x1 for line in lines), default=0.0)
    sealed: set[int] = set()  # ids of blocks closed under a label
    before: Line | None = None
    for index, line in enumerate(lines):
        best: _Block | None = None
        best_overlap = 0.0
        # What stands just left of the line on its baseline, for a contents entry's number.
        beside = (
            before
            if before is not None
            and abs(before.baseline - line.baseline) <= _EXACT_BASELINE * line.size
            else None
        )
        before = line
        active = [
            b
            for b in active
            if b.lines[-1].baseline - line.baseline <= reach and id(b) not in sealed
        ]
        for block in active:
            last = block.lines[-1]
            pitch = last.baseline - line.baseline
            if pitch > _STACK_PITCH * max(last.size, line.size):
                continue
            if abs(pitch) <= SAME_BASELINE * max(last.size, line.size):
                if _piece_of(block, last, line, lines[index + 1 : index + _WRAP_LOOK]) or (
                    beside is not None
                    and abs(beside.x1 - last.x1) < 0.5
                    and _page_reference(last, line, right)
                ):
                    block.lines[-1] = replace(
                        last, text=f"{last.text} {line.text}", x1=line.x1, last=line.last
                    )
                    block.x1 = max(block.x1, line.x1)
                    best, best_overlap = block, -1.0
                    break
                if _after_in_block(block, last, line):
                    best, best_overlap = block, 0.0
                    break
                if last.x1 <= line.x0 and last.text.endswith(":") and _labelish(block, last):
                    # "Syntax:" with its text set apart beside it: what follows
                    # below is the next item, not more of this block.
                    sealed.add(id(block))
                continue
            if pitch <= 0 or not similar(last.size, line.size):
                continue
            overlap = min(block.x1, line.x1) - max(block.x0, line.x0)
            narrower = min(block.x1 - block.x0, line.x1 - line.x0)
            # Under the line above it, too: a table's first cell under a wrapped last
            # cell lies within the block's width but is no line of that text.
            under = min(last.x1, line.x1) > max(last.x0, line.x0)
            if overlap >= 0.5 * narrower and overlap > best_overlap and under:
                best, best_overlap = block, overlap
        if best is not None and best_overlap > 0 and _spans_neighbour(best, line, blocks):
            best = None
        if best is None:
            tails = _split_beside(active, line)
            best = _Block()
            blocks += [best, *tails]
            active += [best, *tails]
        if best_overlap >= 0:
            best.add(line)
    return blocks


def _split_beside(active: list[_Block], line: Line) -> list[_Block]:
    """Blocks whose last lines stand right of ``line`` cut there: they were a column.

    Under a paragraph that spans the page, a table's wrapped last column
    stacked on that paragraph; its first column's cells, starting blocks of
    their own below the paragraph's left edge, show where the column began.
    """
    tails: list[_Block] = []
    for block in active:
        last = block.lines[-1]
        pitch = last.baseline - line.baseline
        if not (0 < pitch <= _STACK_PITCH * line.size and last.x0 >= line.x1):
            continue
        if not (block.x0 - line.size <= line.x0 and line.x1 <= block.x1):
            continue
        cut = len(block.lines)
        while cut > 0 and block.lines[cut - 1].x0 >= line.x1:
            cut -= 1
        if cut == 0:
            continue
        kept, moved = block.lines[:cut], block.lines[cut:]
        block.lines = []
        for kept_line in kept:
            block.add(kept_line)
        tail = _Block()
        for moved_line in moved:
            tail.add(moved_line)
        tails.append(tail)
    return tails


def _after_in_block(block: _Block, last: Line, line: Line) -> bool:
    """Whether ``line`` stands right of ``last`` on its baseline within the block's span.

    "Subject:" then a tab and a line of text: not one run, but one block, so
    the line is not read after the lines below it. A line set ragged right may
    reach a little past the block's lines above.
    """
    width = block.x1 - block.x0
    return (
        last.x1 <= line.x0 < block.x1
        and line.x1 < block.x1 + _RAGGED * width + line.size
        and not (line.cells or last.cells)
    )


def _spans_neighbour(block: _Block, line: Line, blocks: Sequence[_Block]) -> bool:
    """Whether ``line`` also reaches under a block standing beside ``block``.

    The paragraph after a borderless table spans its columns; stacked on one
    column, it made that column as wide as the table, and the other was read
    after it. Text that wraps back under a label level with its first line
    ("To:", then a tab) is one paragraph and stacks.
    """
    for other in reversed(blocks[-_NEIGHBOURS:]):
        if other is block or other.bottom - line.top > _NEIGHBOUR_REACH * line.size:
            continue
        beside = min(other.top, block.top) > max(other.bottom, block.bottom)
        under = min(other.x1, line.x1) - max(other.x0, line.x0) > line.size
        label = abs(other.lines[0].baseline - block.lines[0].baseline) <= SAME_BASELINE * line.size
        if beside and under and (other.x0 >= block.x1 or (other.x1 <= block.x0 and not label)):
            return True
    return False


def _piece_of(block: _Block, last: Line, line: Line, after: Sequence[Line]) -> bool:
    """Whether ``line`` continues ``last`` on its baseline, inside the block's column.

    A lone number or bullet ("5", "•") with its text well to the right is one
    line too, though the text may reach past what the block held so far.
    """
    if last.x1 > line.x0 or line.cells or last.cells:
        return False
    inside = block.x0 - line.size < line.x0 and line.x1 < block.x1 + line.size
    marker = len(last.text) <= _MARKER_CHARS and line.x0 - last.x1 < _MARKER_GAP * line.size
    return inside or marker or _label_of(block, last, line, after)


def _label_of(block: _Block, last: Line, line: Line, after: Sequence[Line]) -> bool:
    """Whether ``last`` is a hanging label of ``line``: "Description:" a quad before its text.

    A description list or a manual's command reference sets a short label at
    the margin and its text a quad or a tab further on, wrapping back under
    the label. Read apart, the label was a paragraph of its own. The wrap tells
    a label from a column's last words beside the next column, and from a
    table's first column beside its second.
    """
    if not _labelish(block, last) or line.x0 - last.x1 >= _LABEL_GAP * line.size:
        return False
    reach = line.baseline - _STACK_PITCH * line.size
    return any(
        below.x0 <= last.x1 and below.x1 > line.x0 + line.size
        for below in after
        if reach <= below.baseline < line.baseline - SAME_BASELINE * line.size
    )


def _labelish(block: _Block, last: Line) -> bool:
    """Whether ``last`` is short enough for a label and ends with a colon or starts its block."""
    colon = last.text.endswith(":")
    return (
        (colon or len(block.lines) == 1)
        and len(last.text.split()) <= (_LABEL_WORDS if colon else _LABEL_WORDS - 1)
        and len(last.text) <= _LABEL_CHARS
        and not last.text.endswith("-")
    )


def _page_reference(last: Line, line: Line, right: float) -> bool:
    """A contents entry's page number, set flush right far from its title ("1 Introduction  3").

    Only the next thing on the baseline counts. After a leader ("Introduction …")
    any short figure belongs to the entry; without one, a bare page number at
    the right edge of the page's text does, when the entry has no figure yet (an
    index's "\\angle … 108" in one column and "237" in the next stay apart).
    """
    if not similar(last.size, line.size):
        return False
    if last.text.endswith("…"):
        return len(line.text) <= _MARKER_CHARS * 3 and bool(FIGURE.fullmatch(line.text))
    return (
        bool(_PAGE_REFERENCE.fullmatch(line.text))
        and line.x1 >= right - line.size
        and not _ENDS_FIGURE.search(last.text)
    )


def _order(blocks: list[_Block], size: float, margin: float, depth: int) -> list[_Block]:
    """Recursive cuts: bands where the column layout changes, then columns, then top down.

    ``margin`` is the text area's left edge: a column left of it is margin notes, not keys.
    """
    if len(blocks) <= 1 or depth > _MAX_DEPTH or len(blocks) > _MAX_BLOCKS:
        return _top_down(blocks)
    bands = _bands(blocks, size)
    if len(bands) > 1:
        return [b for band in bands for b in _order(band, size, margin, depth + 1)]
    columns = _columns(blocks, size)
    if len(columns) > 1:
        keyed = _keyed(columns, margin)
        if keyed is not None:
            return keyed
        return [b for column in columns for b in _order(column, size, margin, depth + 1)]
    return _top_down(blocks)


def _keyed(columns: list[list[_Block]], margin: float) -> list[_Block] | None:
    """The columns read row by row when the first is a column of keys (pdfkeys), or None."""
    keys = [line for b in columns[0] for line in b.lines]
    rows = keyed_rows(keys, [b.lines for column in columns[1:] for b in column], margin)
    if rows is None:
        return None
    out = []
    for lines in rows:
        block = _Block()
        for line in lines:
            block.add(line)
        out.append(block)
    return out


def _top_down(blocks: list[_Block]) -> list[_Block]:
    """Blocks top to bottom; blocks whose first lines share a baseline, left to right.

    A label and its value, or a bold term and its text, are often set a
    fraction of a point apart in height; by the top alone the right one came first.
    """
    ordered = sorted(blocks, key=lambda b: -b.top)
    out: list[_Block] = []
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


def _gutters(blocks: Sequence[_Block], size: float) -> list[tuple[float, float]]:
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


def _speck(block: _Block, size: float) -> bool:
    return len(block.lines) == 1 and block.x1 - block.x0 < 1.5 * size


def _columns(blocks: list[_Block], size: float) -> list[list[_Block]]:
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


def _split_at(blocks: list[_Block], gutters: list[tuple[float, float]]) -> list[list[_Block]]:
    columns: list[list[_Block]] = [[] for _ in range(len(gutters) + 1)]
    for block in blocks:
        columns[sum(1 for _, end in gutters if block.x0 >= end)].append(block)
    return columns


def _thin(column: list[_Block], size: float) -> bool:
    lines = sum(len(block.lines) for block in column)
    width = max((b.x1 for b in column), default=0.0) - min((b.x0 for b in column), default=0.0)
    return lines < _COLUMN_LINES and width < _COLUMN_WIDTH * size


def _bands(blocks: list[_Block], size: float) -> list[list[_Block]]:
    """Blocks split at every horizontal gap where the columns above and below differ.

    A gap is a real band edge when a block on one side crosses a gutter of the
    other side (a title over columns, three columns over two), or when it is
    wide, as between the parts of a form or a CV whatever their columns, or
    when the text above and below share no column; a
    narrow gap that only ends one column early (the right column finished
    first) is not.
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
    bands: list[list[_Block]] = []
    start = 0
    for gap, end in zip(gaps, [*gaps[1:], len(ordered)], strict=True):
        above, below = ordered[start:gap], ordered[gap:end]
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


def _numbered_band(above: Sequence[_Block], below: Sequence[_Block], size: float) -> bool:
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


def _heading_numbers(blocks: Sequence[_Block], size: float) -> list[tuple[int, ...]]:
    """The numbers of the headings among ``blocks``, read column by column."""
    numbers = (_heading_number(b, size) for c in _columns(list(blocks), size) for b in _top_down(c))
    return [number for number in numbers if number]


def _heading_number(block: _Block, size: float) -> tuple[int, ...]:
    """The number opening a one-line heading set larger than the text ("5 Timetable"), or ()."""
    line = block.lines[0]
    if len(block.lines) > 1 or line.size <= size or similar(line.size, size):
        return ()
    match = _HEADING_NUMBER.match(line.text)
    return tuple(int(part) for part in match.group(1).split(".")) if match else ()


def _head_row(blocks: Sequence[_Block], size: float) -> bool:
    """Whether the page's top slab is one row of small print: a browser's or a form's head.

    A browser prints the date left and the page's title centred above the page;
    on a one-page print nothing repeats to mark them as furniture, and the
    title was read after the site's menu below the date.
    """
    return all(len(b.lines) == 1 and b.lines[0].size < _SMALL_PRINT * size for b in blocks) and all(
        abs(b.lines[0].baseline - blocks[0].lines[0].baseline) <= SAME_BASELINE * size
        for b in blocks
    )


def _side_by_side(above: Sequence[_Block], below: Sequence[_Block]) -> bool:
    """Whether the text above a gap and the text below it share no column at all.

    A letter's sender block stands top right and the recipient's address
    lower left, with white space between: read as two columns, the sender
    came after the address. Nothing above continues below, so it is a band.
    """
    left = min(b.x0 for b in above), max(b.x1 for b in above)
    right = min(b.x0 for b in below), max(b.x1 for b in below)
    return left[1] <= right[0] or right[1] <= left[0]


def _crosses(
    blocks: Sequence[_Block],
    gutters: Sequence[tuple[float, float]],
    across: Sequence[_Block],
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
    block: _Block,
    gutter: tuple[float, float],
    side: Sequence[_Block],
    across: Sequence[_Block],
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
    """
    start, end = gutter
    return (
        _heading_row(across, size)
        and block.x1 <= end
        and any(other.x1 <= start and abs(other.x0 - block.x0) <= size for other in across)
        and any(abs(other.x0 - end) <= size for other in side)
    )


def _heads_columns(heads: Sequence[_Block], text: Sequence[_Block], size: float) -> bool:
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


def _heading_row(blocks: Sequence[_Block], size: float) -> bool:
    """Whether ``blocks`` are one-line headings in print larger than the text, level or
    nearly (LaTeX stretches one column to the foot of the page), as columns' heads are."""
    return all(
        len(b.lines) == 1 and b.lines[0].size > size and not similar(b.lines[0].size, size)
        for b in blocks
    ) and max(b.bottom for b in blocks) < min(b.top for b in blocks)


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0
