"""Word's tables as the part reader meets them: rows to pieces, and tables that are no table.

Split from docx_body, which streams a part: this keeps the tables open around the
reading and decides what each row gives. A table's row is one piece, cells joined by
" | ", the rows of tables nested in its cells after it; a one-cell table (a box drawn
around text), a cover page's lines stacked in one column and a one-row table laying
out columns of prose read as the body would read their paragraphs. Imports core,
docx_parts and the standard library; never store, session or ui.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefer.core.model import BlockKind
from briefer.core.record import Record
from briefer.importers.docx_parts import Piece, drop, w

_VMERGE, _HMERGE, _VAL = w("vMerge"), w("hMerge"), w("val")


class Table(Record):
    """One table open around the reading, and the rows it holds back."""

    rows: int = 0
    """Rows begun."""
    row: list[list[Piece] | None] | None = None
    """The open row's cells; None for a cell that continues a merge (it adds no text)."""
    cell: list[Piece] | None = None
    merged: bool = False
    """The open cell continues a merge begun above or to the left."""
    row_deleted: bool = False
    """The open row is a tracked deletion (``w:trPr/w:del``): Word shows no row once the
    changes are accepted, whether or not its text is marked deleted too."""
    held: list[list[list[Piece] | None]] | None = None
    """The rows read while the table may still be a frame or a layout (one column so far,
    or its first row): kept until a row shows it is a table's, or the table ends."""
    one_column: bool = True
    """Every row so far has one cell: a box around text, or a cover page's stacked lines."""
    learnt: object = None
    """What ``classify`` had learnt before the first row, for rows that turn out to be a
    table's and so hold no title or heading after all."""


class TableRows:
    """The table half of PartReader (docx_body), which keeps the state declared here."""

    _tables: list[Table]
    _box_depths: list[int]
    """For each open text box, how many tables were open around it."""
    _pending: list[tuple[int, Piece]]
    """Text boxes' pieces waiting for the paragraph that anchors them."""
    emit: Callable[[Piece], None]
    _flush: Callable[[], None]

    def remember(self) -> object:
        """What ``classify`` has learnt of the document (its title, its first heading)."""
        return None

    def restore(self, learnt: object) -> None:
        """Forgets what ``classify`` learnt since ``remember`` gave ``learnt``."""
        return None

    def _in_deleted_row(self) -> bool:
        """Inside a table row deleted with Track Changes (at any depth of nesting)."""
        return any(table.row_deleted for table in self._tables)

    def _cell_properties(self, node: Any) -> None:
        if not self._tables or self._tables[-1].cell is None:
            return
        for merge in (node.find(_VMERGE), node.find(_HMERGE)):
            if merge is not None and merge.get(_VAL, "continue") != "restart":
                self._tables[-1].merged = True

    def _cell_end(self, node: Any) -> None:
        if self._tables:
            table = self._tables[-1]
            if table.row is not None and table.cell is not None:
                table.row.append(None if table.merged else table.cell)
            table.cell = None
        drop(node)

    def _row_start(self, table: Table) -> None:
        table.rows += 1
        if table.rows == 1:
            table.learnt, table.held = self.remember(), []
        table.row = []
        table.row_deleted = False

    def _row_end(self, node: Any) -> None:
        if not self._tables:
            return
        table = self._tables[-1]
        cells, table.row = table.row or [], None
        if table.row_deleted:
            cells = []  # a tracked row deletion: accepted, the row and what it held are gone
            table.row_deleted = False
        drop(node)
        if table.held is None:
            self._row_out(cells)
            return
        table.held.append(cells)
        table.one_column = table.one_column and len(cells) <= 1
        if not table.one_column and table.rows > 1:  # a table's rows after all
            self._held_rows_out(table)

    def _only_row_out(self, table: Table) -> None:
        """The table ends undecided: a box around text (one cell), a cover page's lines
        stacked in one column, columns of prose in one row (cells of several paragraphs
        each: a newsletter, a letterhead), or else a table's row."""
        rows = table.held or []
        filled = [cell for row in rows for cell in row if cell]
        if table.one_column or (len(rows) == 1 and filled and all(map(_is_prose, filled))):
            table.held = None
            self._out([piece for cell in filled for piece in cell])
        else:
            self._held_rows_out(table)

    def _held_rows_out(self, table: Table) -> None:
        self.restore(table.learnt)
        rows, table.held = table.held or [], None
        for row in rows:
            self._row_out(row)

    def _row_out(self, cells: list[list[Piece] | None]) -> None:
        """One row, cells joined by " | "; rows of tables nested in its cells follow it."""
        texts = [_cell_text(cell) if cell else "" for cell in cells]
        while texts and not texts[-1]:
            texts.pop()
        nested = [p for cell in cells if cell for p in cell if p.kind is BlockKind.TABLE_ROW]
        row = [Piece(BlockKind.TABLE_ROW, " | ".join(texts))] if any(texts) else []
        self._out(row + nested)

    def _out(self, pieces: list[Piece]) -> None:
        """What the table just read gives, where the table stands."""
        outer = self._tables[-2] if len(self._tables) > 1 else None
        if self._box_depths and self._box_depths[-1] == len(self._tables) - 1:
            self._pending.extend((self._box_depths[-1], piece) for piece in pieces)
        elif outer is not None and outer.cell is not None:
            outer.cell.extend(pieces)
        elif pieces:
            for piece in pieces:
                self.emit(piece)
            self._flush()


def _cell_text(cell: list[Piece]) -> str:
    text = " ".join(piece.text for piece in cell if piece.kind is not BlockKind.TABLE_ROW)
    return " ".join(text.split())


_PROSE_PARAGRAPHS = 2


def _is_prose(cell: list[Piece]) -> bool:
    """A cell of several paragraphs (or headings, list items): a column of text, where a
    data table's cell holds one value."""
    texts = [piece for piece in cell if piece.kind is not BlockKind.TABLE_ROW]
    return len(texts) >= _PROSE_PARAGRAPHS
