"""Reading order of one page's runs: table rows, column blocks, then bands and columns.

Runs (pdfwords) become rows where a table sets short cells side by side
(pdfrows), then blocks (lines of one column stacked at one size), and blocks
are read by recursive cuts (pdfbands decides them): a horizontal cut where the
column layout changes (a title over two columns, three columns over two), else
a vertical cut at each gutter, else top to bottom. A contents entry keeps its
flush-right page number; margin notes and boxes that text flows around are set
aside and put back between paragraphs (pdfmargin, pdfboxes). Pure geometry;
standard library and briefer.importers modules only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefer.core.record import replace
from briefer.importers.pdfbands import Block, split_bands, split_columns, top_down
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
_MARKER_GAP = 3.0  # ems between a list marker or line number and its text
_LABEL_WORDS = 3  # a hanging label ("Description:") is this short ...
_LABEL_CHARS = 30
_LABEL_GAP = 2.0  # ... and its text starts within this many ems of it (a quad, not a tab)
_RAGGED = 0.25  # of a block's width: a ragged-right line may reach this far past it
_NEIGHBOURS = 12  # recent blocks checked for one beside the block a line joins ...
_NEIGHBOUR_REACH = 4.0  # ... ending at most this many ems above the line
_WRAP_LOOK = 8  # lines after a label's text searched for its second line
_MAX_DEPTH = 12
_BODY_SHARE = 0.5  # of the widest block: a column of the body
_NOTE_SHARE = 0.4  # of the widest block: at most this wide, outside the body, a margin note
_MAX_BLOCKS = 600  # more (a map's labels, a scatter of figures) is read top to bottom


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


def _margin_notes(blocks: list[Block], frame: tuple[float, float] | None) -> list[Block]:
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


def _blocks(lines: Sequence[Line]) -> list[Block]:
    """Lines stacked in one column at one size; pieces of one line (a wide gap) rejoined."""
    blocks: list[Block] = []
    active: list[Block] = []  # blocks whose last line is near enough above to take more
    reach = _STACK_PITCH * max((line.size for line in lines), default=0.0)
    right = max((line.x1 for line in lines), default=0.0)
    sealed: set[int] = set()  # ids of blocks closed under a label
    before: Line | None = None
    for index, line in enumerate(lines):
        best: Block | None = None
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
            best = Block()
            blocks += [best, *tails]
            active += [best, *tails]
        if best_overlap >= 0:
            best.add(line)
    return blocks


def _split_beside(active: list[Block], line: Line) -> list[Block]:
    """Blocks whose last lines stand right of ``line`` cut there: they were a column.

    Under a paragraph that spans the page, a table's wrapped last column
    stacked on that paragraph; its first column's cells, starting blocks of
    their own below the paragraph's left edge, show where the column began.
    """
    tails: list[Block] = []
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
        tail = Block()
        for moved_line in moved:
            tail.add(moved_line)
        tails.append(tail)
    return tails


def _after_in_block(block: Block, last: Line, line: Line) -> bool:
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


def _spans_neighbour(block: Block, line: Line, blocks: Sequence[Block]) -> bool:
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


def _piece_of(block: Block, last: Line, line: Line, after: Sequence[Line]) -> bool:
    """Whether ``line`` continues ``last`` on its baseline, inside the block's column.

    A lone number or bullet ("5", "•") with its text well to the right is one
    line too, though the text may reach past what the block held so far.
    """
    if last.x1 > line.x0 or line.cells or last.cells:
        return False
    inside = block.x0 - line.size < line.x0 and line.x1 < block.x1 + line.size
    marker = len(last.text) <= _MARKER_CHARS and line.x0 - last.x1 < _MARKER_GAP * line.size
    return inside or marker or _label_of(block, last, line, after)


def _label_of(block: Block, last: Line, line: Line, after: Sequence[Line]) -> bool:
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


def _labelish(block: Block, last: Line) -> bool:
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


def _order(blocks: list[Block], size: float, margin: float, depth: int) -> list[Block]:
    """Recursive cuts: bands where the column layout changes, then columns, then top down.

    ``margin`` is the text area's left edge: a column left of it is margin notes, not keys.
    """
    if len(blocks) <= 1 or depth > _MAX_DEPTH or len(blocks) > _MAX_BLOCKS:
        return top_down(blocks)
    bands = split_bands(blocks, size)
    if len(bands) > 1:
        return [b for band in bands for b in _order(band, size, margin, depth + 1)]
    columns = split_columns(blocks, size)
    if len(columns) > 1:
        keyed = _keyed(columns, margin)
        if keyed is not None:
            return keyed
        return [b for column in columns for b in _order(column, size, margin, depth + 1)]
    return top_down(blocks)


def _keyed(columns: list[list[Block]], margin: float) -> list[Block] | None:
    """The columns read row by row when the first is a column of keys (pdfkeys), or None."""
    keys = [line for b in columns[0] for line in b.lines]
    rows = keyed_rows(keys, [b.lines for column in columns[1:] for b in column], margin)
    if rows is None:
        return None
    out = []
    for lines in rows:
        block = Block()
        for line in lines:
            block.add(line)
        out.append(block)
    return out


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0
