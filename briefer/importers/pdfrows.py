"""Rows of a page's runs: lines sharing a baseline, listing line numbers, table rows.

Where a table sets short cells side by side, each row becomes one line whose
cells are joined with CELL_SEPARATOR, so it reads left to right; a listing's
small line number is joined to its code. The first step of pdforder's reading
order. Pure geometry; standard library and briefer.importers.pdflayout only.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from briefer.core.record import replace
from briefer.importers.pdflayout import Line, join_lines

CELL_SEPARATOR = " | "
"""Joins the cells of a table row, so a row stays one line that reads left to right."""

SAME_BASELINE = 0.35  # ems
FIGURE = re.compile(r"[\d\s.,%$€£¥()+\-–−/:]*\d[\d\s.,%$€£¥()+\-–−/:]*")
_CELL_WORDS = 3.0  # table cells average at most this many words; text columns more
_TABLE_ROWS = 2
_PROSE_WORDS = 2.5
_ALIGN = 2.0
_NEAR_ROWS = 3  # points: cells of one table column start, end or centre within this
_LINE_NUMBER = re.compile(r"\d{1,4}")
_SMALLER = 0.9  # a line number at most this share of its text's size
_NUMBER_REACH = 8.0  # ems from a listing's line number to its indented code
_WRAP_PITCH = 1.6  # ems: a wrapped cell's next line stands at most this far below
_LIST_LABEL = re.compile(r"\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]|[•◦▪‣∙·*–—-]")
# A note's symbol set before its text ("†", a tab, "Data: ..."), in type smaller than
# the page's: at the body's size, "†" then "Died in office" is a key to the marks, a table.
_NOTE_LABEL = re.compile(r"[*†‡§¶‖]{1,3}")
_NOTE_SIZE = 0.95  # of the page's type: notes are set smaller (9 points under 10)


def similar(a: float, b: float) -> bool:
    """Whether two font sizes are the same size, give or take rounding and hinting."""
    return abs(a - b) <= 0.15 * max(a, b)


def _rows(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines sharing a baseline, top to bottom, each row left to right."""
    rows: list[list[Line]] = []
    for line in lines:
        if rows:
            head = rows[-1][0]
            tolerance = SAME_BASELINE * max(head.size, line.size)
            if abs(head.baseline - line.baseline) <= tolerance:
                rows[-1].append(line)
                continue
        rows.append([line])
    for row in rows:
        row.sort(key=lambda line: line.x0)
    return rows


def numbered(lines: Sequence[Line]) -> list[Line]:
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


def table_rows(lines: Sequence[Line], size: float) -> list[Line]:
    """Runs of consecutive rows of short cells joined into one line per row (a table).

    Two columns of prose also put several runs on one baseline, but their runs
    carry many words; cells of a table carry one to three.
    """
    rows = _rows(lines)
    out: list[Line] = []
    index = 0
    failed = -1  # where the failed group ended that the current look starts inside
    while index < len(rows):
        end, group, resume = _group(rows, index)
        cells = [line for row in group for line in row]
        if len(group) >= _TABLE_ROWS and _words(cells) <= _CELL_WORDS and _tabular(group, size):
            out += [_join_cells(_split_cells(row, group)) for row in group]
            index = end
            failed = -1
            continue
        # No table: one that starts after a lone line (CSS columns of prose, the
        # first running on alone, then a table under them) is looked for anew there,
        # once: when that fails too, the rest of the first group is no table either.
        # Looking again after each failure rescanned the group to its end every
        # time, quadratic in hostile pages of thousands of rows.
        if index < failed:
            end = max(end, failed)
            failed = -1
        elif resume < end:
            failed = end
            end = resume
        out += [line for row in rows[index : max(end, index + 1)] for line in row]
        index = max(end, index + 1)
    return out


def _words(cells: Sequence[Line]) -> float:
    """How many words the cells hold on average."""
    return sum(len(line.text.split()) for line in cells) / max(1, len(cells))


def _group(rows: list[list[Line]], index: int) -> tuple[int, list[list[Line]], int]:
    """Where the rows of several runs from ``index`` end, and those rows, wrapped cells put
    back, and the first row of short cells taken after a wrapped cell (``end`` if none).

    A cell too long for its column wraps onto lines of its own under it
    ("Travel between" / "harbours"); such a line, one run inside one column of
    the row above, set at that row's line spacing, with another row of cells
    after it, continues that cell instead of ending the table.
    """
    group: list[list[Line]] = []
    end = index
    resume = len(rows)
    while end < len(rows):
        if len(rows[end]) >= 2:
            group.append(list(rows[end]))
            end += 1
            continue
        if not group:
            break
        row = list(group[-1])
        above = row[0].baseline
        stop = end
        while stop < len(rows) and len(rows[stop]) == 1:
            line = rows[stop][0]
            column = _wrapped_column(line, row, above)
            if column is None:
                break
            cell = row[column]
            text = join_lines([cell.text, line.text])
            row[column] = replace(cell, text=text, x1=max(cell.x1, line.x1))
            above = line.baseline
            stop += 1
        if stop == end or stop >= len(rows) or len(rows[stop]) < 2:
            break
        group[-1] = row
        if resume == len(rows) and _words(rows[stop]) <= _CELL_WORDS:
            resume = stop
        end = stop
    return end, group, min(resume, end)


def _wrapped_column(line: Line, row: list[Line], above: float) -> int | None:
    """Which cell of ``row`` a line continues: it starts at the cell's left edge, stays
    an em clear of the next cell and stands one line below the line above (``above``).

    A figure does not wrap: a line under a listing's line number is the next line of code.
    """
    if not similar(line.size, row[0].size) or above - line.baseline > _WRAP_PITCH * line.size:
        return None
    for column, cell in enumerate(row):
        after = row[column + 1].x0 if column + 1 < len(row) else float("inf")
        if (
            abs(line.x0 - cell.x0) <= _ALIGN
            and line.x1 < after - line.size
            and not FIGURE.fullmatch(cell.text)
        ):
            return column
    return None


def _tabular(rows: list[list[Line]], size: float) -> bool:
    """Aligned cells, and three or more to a row, or figures, or columns with one edge each.

    Two side-by-side lists of short items (a list of packages in a tree, an
    index) also align, but their items are indented to several depths and read
    column by column; a two-column table (term and definition) keeps one edge
    per column.
    """
    cells = [cell for row in rows for cell in row]
    if any(not similar(cell.size, cells[0].size) for cell in cells):
        return False  # numbered headings of two levels ("2 Dues", "2.1 Winter") are no table
    # Notes are set smaller and are sentences; a key to the marks ("†", "Died in office")
    # in small type is a table still.
    notes = cells[0].size < size * _NOTE_SIZE and all(
        row[-1].text.rstrip().endswith((".", "!", "?", ")", "”", '"')) for row in rows
    )
    if all(
        len(row) == 2
        and (_LIST_LABEL.fullmatch(row[0].text) or (notes and _NOTE_LABEL.fullmatch(row[0].text)))
        for row in rows
    ):
        return False  # a list: "a)", "ii.", "•", a tab, then the item's text; or notes
    if any(cell.text.endswith(("…", ". .")) or cell.text == "." for cell in cells):
        return False  # dot leaders: a contents page or an index, read as lines in columns
    if _repeated_columns(rows):
        return False
    wide = len(cells) >= 3 * len(rows)
    figures = sum(1 for cell in cells if FIGURE.fullmatch(cell.text))
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
    the other rows show say where the cut goes, at the nearest word gap. A
    cell ending where the run ends may be in the run's column, set flush
    right: a shorter figure ("891" under "10 153") or heading ("Jul" over
    "1 642") starts inside it and says nothing of a cut, unless a cell that
    starts where the run starts ends before it (two columns, "oc" and "oc").
    """
    others = [cell for other in rows if other is not row for cell in other]
    out: list[Line] = []
    for cell in row:
        pieces = [cell]
        narrow = [o.x1 for o in others if abs(o.x0 - cell.x0) <= _ALIGN]
        starts = sorted(
            {
                round(o.x0)
                for o in others
                if abs(o.x1 - cell.x1) > _ALIGN or any(end < o.x0 for end in narrow)
            }
        )
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


_HEAD_ROWS = 3  # a table repeats at most this many heading rows on each page


def without_repeated_heads(pieces: Sequence[Sequence[Line]]) -> list[list[Line]]:
    """The pieces (pages, or a page's columns) without a table's heading rows set again
    where the table carries on.

    Word and LibreOffice repeat a long table's heading rows atop each page (and
    column) it runs onto, so the reader knows the columns; read as text they
    would be rows of data in the middle of the table. A piece that opens with
    rows equal to the first rows of the table the piece before ended in drops
    them, as long as rows of data stay after them.
    """
    out: list[list[Line]] = []
    table: list[str] = []  # the first rows of the table the text is in, if it is in one
    for piece in pieces:
        lines = list(piece)
        if table and lines:
            repeated = 0
            while (
                repeated < min(len(table) - 1, _HEAD_ROWS, len(lines) - 1)
                and lines[repeated].cells
                and _cells(lines[repeated].text) == table[repeated]
            ):
                repeated += 1
            if repeated and lines[repeated].cells:
                lines = lines[repeated:]
        for line in lines:
            if not line.cells:
                table = []
            elif len(table) <= _HEAD_ROWS:
                table.append(_cells(line.text))
        out.append(lines)
    return out


def _cells(text: str) -> str:
    return " ".join(text.split())
