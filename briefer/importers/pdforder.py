"""Reading order of one page's runs: table rows, column blocks, bands and gutters.

Runs (pdfwords) become rows where a table sets short cells side by side, then
blocks (lines of one column stacked at one size), and blocks are read by
recursive cuts: a horizontal cut where the column layout changes (a title over
two columns, three columns over two), else a vertical cut at each gutter, else
top to bottom. A contents entry keeps its flush-right page number; margin notes
are set aside and put back between paragraphs (pdfmargin). Pure geometry;
standard library and briefer.importers.pdflayout / pdfmargin only.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from briefer.importers.pdflayout import Line
from briefer.importers.pdfmargin import place_notes

CELL_SEPARATOR = " | "
"""Joins the cells of a table row, so a row stays one line that reads left to right."""

_SAME_BASELINE = 0.35  # ems
_EXACT_BASELINE = 0.1  # ems: a contents entry and its page number share a baseline exactly
_CELL_WORDS = 3.0  # table cells average at most this many words; text columns more
_TABLE_ROWS = 2
_PROSE_WORDS = 2.5
_FIGURE = re.compile(r"[\d\s.,%$€£¥()+\-–−/:]*\d[\d\s.,%$€£¥()+\-–−/:]*")
_ALIGN = 2.0
_NEAR_ROWS = 3  # points: cells of one table column start, end or centre within this
_STACK_PITCH = 1.9  # ems between baselines of lines stacked in one block
_LINE_NUMBER = re.compile(r"\d{1,4}")
_SMALLER = 0.9  # a line number at most this share of its text's size
_NUMBER_REACH = 8.0  # ems from a listing's line number to its indented code
_MARKER_CHARS = 4
_PAGE_REFERENCE = re.compile(r"\d{1,4}|[ivxlc]{1,6}")
_ENDS_FIGURE = re.compile(r"[\d…,-]$")  # a figure already, or a word broken at the line end
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
    rows = _table_rows(_numbered(ordered), size)
    blocks = _blocks(rows)
    notes = _margin_notes(blocks, frame)
    result: list[Line] = []
    for block in _order([b for b in blocks if b not in notes], size, 0):
        result += block.lines
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


def _rows(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines sharing a baseline, top to bottom, each row left to right."""
    rows: list[list[Line]] = []
    for line in lines:
        if rows:
            head = rows[-1][0]
            tolerance = _SAME_BASELINE * max(head.size, line.size)
            if abs(head.baseline - line.baseline) <= tolerance:
                rows[-1].append(line)
                continue
        rows.append([line])
    for row in rows:
        row.sort(key=lambda line: line.x0)
    return rows


def _numbered(lines: Sequence[Line]) -> list[Line]:
    """Lines with a bare number set smaller than the text after it joined to that text.

    Listings number their lines in a smaller font, and an indented line of
    code starts far from its number; apart, the number would start a block of
    its own and cut the listing in two.
    """
    out: list[Line] = []
    for row in _rows(lines):
        number, text = (row[0], row[1]) if len(row) > 1 else (None, None)
        if (
            number is not None
            and text is not None
            and _LINE_NUMBER.fullmatch(number.text)
            and number.size < _SMALLER * text.size
            and text.x0 - number.x1 < _NUMBER_REACH * text.size
        ):
            out.append(
                replace(
                    text,
                    text=f"{number.text} {text.text}",
                    x0=number.x0,
                    first=number.first,
                )
            )
            out += row[2:]
        else:
            out += row
    return out


def _table_rows(lines: Sequence[Line], size: float) -> list[Line]:
    """Runs of consecutive rows of short cells joined into one line per row (a table).

    Two columns of prose also put several runs on one baseline, but their runs
    carry many words; cells of a table carry one to three.
    """
    rows = _rows(lines)
    out: list[Line] = []
    index = 0
    while index < len(rows):
        end = index
        while end < len(rows) and len(rows[end]) >= 2:
            end += 1
        group = rows[index:end]
        cells = [line for row in group for line in row]
        words = sum(len(line.text.split()) for line in cells) / max(1, len(cells))
        if len(group) >= _TABLE_ROWS and words <= _CELL_WORDS and _tabular(group):
            out += [_join_cells(_split_cells(row, group)) for row in group]
            index = end
            continue
        out += rows[index] if end == index else [line for row in group for line in row]
        index = max(end, index + 1)
    return out


def _tabular(rows: list[list[Line]]) -> bool:
    """Aligned cells, and three or more to a row, or figures, or columns with one edge each.

    Two side-by-side lists of short items (a list of packages in a tree, an
    index) also align, but their items are indented to several depths and read
    column by column; a two-column table (term and definition) keeps one edge
    per column.
    """
    cells = [cell for row in rows for cell in row]
    if any(not _similar(cell.size, cells[0].size) for cell in cells):
        return False  # numbered headings of two levels ("2 Dues", "2.1 Winter") are no table
    if any(cell.text.endswith(("…", ". .")) or cell.text == "." for cell in cells):
        return False  # dot leaders: a contents page or an index, read as lines in columns
    if _repeated_columns(rows):
        return False
    wide = len(cells) >= 3 * len(rows)
    figures = sum(1 for cell in cells if _FIGURE.fullmatch(cell.text))
    if figures < len(cells) / 3 and _prose(rows):
        return False
    return (wide or figures >= len(cells) / 3 or _straight(rows)) and _aligned(rows)


def _repeated_columns(rows: list[list[Line]]) -> bool:
    """Whether the rows are a list set in columns: each column repeats one pattern of edges.

    A glossary or a list of codes with their names, in two columns, starts its
    terms, codes and names at the same offsets in each column, with a gutter
    wider than those offsets between the columns; and its columns run on
    independently, so some rows hold a term on one side and a code on the
    other. A table's rows are alike on both sides, and its evenly spaced
    columns have no gutter wider than their spacing.
    """
    edges: list[float] = []
    for x in sorted(cell.x0 for row in rows for cell in row):
        if not edges or x - edges[-1] > _ALIGN:
            edges.append(x)
    half = len(edges) // 2
    if half < 2 or len(edges) % 2:
        return False
    shift = edges[half] - edges[0]
    step = max(b - a for a, b in itertools.pairwise(edges[:half]))
    if edges[half] - edges[half - 1] <= step + _ALIGN:
        return False
    if any(abs(edges[half + i] - edges[i] - shift) > _ALIGN for i in range(half)):
        return False

    def pattern(cells: list[Line], offset: float) -> tuple[int, ...]:
        return tuple(
            min(range(half), key=lambda i: abs(edges[i] + offset - cell.x0)) for cell in cells
        )

    split = edges[half] - _ALIGN
    differ = sum(
        1
        for row in rows
        if pattern([c for c in row if c.x0 < split], 0.0)
        != pattern([c for c in row if c.x0 >= split], shift)
    )
    return differ >= max(1, len(rows) // 10)


def _prose(rows: list[list[Line]]) -> bool:
    """Narrow columns of prose: every column's lines of words nearly fill its width."""
    count = len(rows[0])
    if any(len(row) != count for row in rows):
        return False
    for column in range(count):
        cells = [row[column] for row in rows]
        widest = max(cell.x1 - cell.x0 for cell in cells)
        full = sum(1 for cell in cells if cell.x1 - cell.x0 >= 0.8 * widest)
        words = sum(len(cell.text.split()) for cell in cells) / len(cells)
        if full < 0.6 * len(cells) or words < _PROSE_WORDS:
            return False
    return True


def _straight(rows: list[list[Line]]) -> bool:
    """Every row has as many cells, and each column's cells start at one x (or end at one)."""
    count = len(rows[0])
    if any(len(row) != count for row in rows):
        return False
    for column in range(count):
        starts = sorted(row[column].x0 for row in rows)
        ends = sorted(row[column].x1 for row in rows)
        if not (_one_edge(starts) or _one_edge(ends)):
            return False
    return True


def _one_edge(values: list[float]) -> bool:
    middle = values[len(values) // 2]
    return sum(1 for v in values if abs(v - middle) <= _ALIGN) >= 0.9 * len(values)


def _aligned(rows: list[list[Line]]) -> bool:
    """Whether the cells line up in columns from row to row, as a table's do.

    Words of a justified line split at wide gaps sit anywhere; a table's cells
    share a left edge, a right edge (numbers) or a centre with cells in the rows
    just above or below.
    """
    edges = [[(cell.x0, cell.x1, (cell.x0 + cell.x1) / 2) for cell in row] for row in rows]
    aligned = total = 0
    for index, row in enumerate(edges):
        near = edges[max(0, index - _NEAR_ROWS) : index] + edges[index + 1 : index + 1 + _NEAR_ROWS]
        others = [cell for other in near for cell in other]
        for cell in row:
            total += 1
            if any(
                any(abs(a - b) <= _ALIGN for a, b in zip(cell, other, strict=True))
                for other in others
            ):
                aligned += 1
    return aligned >= 0.75 * total


def _split_cells(row: list[Line], rows: list[list[Line]]) -> list[Line]:
    """The row with each run cut where another row has a cell starting inside it.

    Two cells close together ("Passengers On time") are one run; the columns
    the other rows show say where the cut goes, at the nearest word gap.
    """
    starts = sorted({round(cell.x0) for other in rows if other is not row for cell in other})
    out: list[Line] = []
    for cell in row:
        pieces = [cell]
        for start in starts:
            last = pieces[-1]
            if not last.x0 + last.size < start < last.x1 - last.size:
                continue
            share = (start - last.x0) / (last.x1 - last.x0)
            spaces = [i for i, char in enumerate(last.text) if char == " "]
            if not spaces:
                continue
            cut = min(spaces, key=lambda i: abs(i - share * len(last.text)))
            pieces[-1:] = [
                replace(last, text=last.text[:cut], x1=start - 1),
                replace(last, text=last.text[cut + 1 :], x0=float(start)),
            ]
        out += pieces
    return out


def _join_cells(row: list[Line]) -> Line:
    first = row[0]
    return replace(
        first,
        text=CELL_SEPARATOR.join(line.text for line in row),
        x1=max(line.x1 for line in row),
        last=row[-1].last,
        bold=all(line.bold for line in row),
        cells=True,
    )


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
            if abs(pitch) <= _SAME_BASELINE * max(last.size, line.size):
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
            if pitch <= 0 or not _similar(last.size, line.size):
                continue
            overlap = min(block.x1, line.x1) - max(block.x0, line.x0)
            narrower = min(block.x1 - block.x0, line.x1 - line.x0)
            if overlap >= 0.5 * narrower and overlap > best_overlap:
                best, best_overlap = block, overlap
        if best is not None and best_overlap > 0 and _spans_neighbour(best, line, blocks):
            best = None
        if best is None:
            best = _Block()
            blocks.append(best)
            active.append(best)
        if best_overlap >= 0:
            best.add(line)
    return blocks


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
    """Whether ``line`` also reaches under a block standing right of ``block``.

    The paragraph after a borderless table spans its columns; stacked on the
    left column, it made that column as wide as the table, and the right
    column was read after it. Text that wraps back under a label on its left
    ("To:", then a tab) is one paragraph and stacks.
    """
    for other in reversed(blocks[-_NEIGHBOURS:]):
        if other is block or other.bottom - line.top > _NEIGHBOUR_REACH * line.size:
            continue
        beside = min(other.top, block.top) > max(other.bottom, block.bottom)
        under = min(other.x1, line.x1) - max(other.x0, line.x0) > line.size
        if beside and under and other.x0 >= block.x1:
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
        if reach <= below.baseline < line.baseline - _SAME_BASELINE * line.size
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
    if not _similar(last.size, line.size):
        return False
    if last.text.endswith("…"):
        return len(line.text) <= _MARKER_CHARS * 3 and bool(_FIGURE.fullmatch(line.text))
    return (
        bool(_PAGE_REFERENCE.fullmatch(line.text))
        and line.x1 >= right - line.size
        and not _ENDS_FIGURE.search(last.text)
    )


def _similar(a: float, b: float) -> bool:
    return abs(a - b) <= 0.15 * max(a, b)


def _order(blocks: list[_Block], size: float, depth: int) -> list[_Block]:
    """Recursive cuts: bands where the column layout changes, then columns, then top down."""
    if len(blocks) <= 1 or depth > _MAX_DEPTH or len(blocks) > _MAX_BLOCKS:
        return _top_down(blocks)
    bands = _bands(blocks, size)
    if len(bands) > 1:
        return [b for band in bands for b in _order(band, size, depth + 1)]
    columns = _columns(blocks, size)
    if len(columns) > 1:
        return [b for column in columns for b in _order(column, size, depth + 1)]
    return _top_down(blocks)


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
            level = abs(other.baseline - first.baseline) <= _SAME_BASELINE * min(
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
    wide, as between the parts of a form or a CV whatever their columns; a
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
            gap in wide
            or _crosses(above, _gutters(below, size))
            or _crosses(below, _gutters(above, size))
        ):
            bands.append(above)
            start = gap
    bands.append(ordered[start:])
    return bands


def _crosses(blocks: Sequence[_Block], gutters: Sequence[tuple[float, float]]) -> bool:
    """Whether a block spans a gutter or stands mostly inside one (a column the other lacks)."""
    return any(
        (b.x0 < start and b.x1 > end)
        or min(b.x1, end) - max(b.x0, start) > _IN_GUTTER * (b.x1 - b.x0)
        for b in blocks
        for start, end in gutters
    )


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0
