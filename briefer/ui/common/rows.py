"""Qt table models keyed by record id, updated row by row from the session's change news.

Every list the window shows (themes, passages, articles) is one of these: a change
that touched three rows inserts, removes or repaints three rows; a full reset is kept
for the rare reorder.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from briefer.session import Change, Entity, Session

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 3


class RowsById(QAbstractTableModel):
    """Rows keyed by record id, with targeted updates from session changes."""

    entity: Entity
    headers: tuple[str, ...] = ()

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rows: list[Any] = self.load_all()

    def load_all(self) -> list[Any]:
        raise NotImplementedError

    def load_one(self, record_id: int) -> Any | None:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def load_many(self, record_ids: list[int]) -> dict[int, Any]:
        """The records that still exist among ``record_ids``, by id; models whose store
        reads in batches override it (a merge adds thousands of rows in one change)."""
        found = {}
        for record_id in record_ids:
            record = self.load_one(record_id)
            if record is not None:
                found[record_id] = record
        return found

    def row_of(self, record_id: int) -> int | None:
        for row, record in enumerate(self.rows):
            if record.id == record_id:
                return row
        return None

    def _rows_by_id(self) -> dict[int, int]:
        return {record.id: row for row, record in enumerate(self.rows)}

    def apply_changes(self, changes: list[Change]) -> None:
        for change in changes:
            if change.entity is self.entity:
                self._apply(change)
        self.after_changes(changes)

    def after_changes(self, changes: list[Change]) -> None:
        """Hook for models whose rows show other entities too (counts, names)."""

    def _apply(self, change: Change) -> None:
        # One index of rows per kind of change, not a scan per record: a merge of projects
        # announces thousands of records at once, and a scan each made that quadratic.
        if change.removed:
            where = self._rows_by_id()
            gone = sorted((where[i] for i in change.removed if i in where), reverse=True)
            for row in gone:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()
        if change.updated:
            where = self._rows_by_id()
            fresh = self.load_many(list(change.updated))
            for record_id, record in fresh.items():
                at = where.get(record_id)
                if at is not None:
                    self.rows[at] = record
                    self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))
        if change.added:
            present = {record.id for record in self.rows}
            wanted = sorted(i for i in change.added if i not in present)
            found = self.load_many(wanted)
            new = [found[i] for i in wanted if i in found]
            if type(self).insert_position is RowsById.insert_position and new:
                first = len(self.rows)  # all at the end: one insertion, one signal
                self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
                self.rows.extend(new)
                self.endInsertRows()
                return
            for record in new:
                row = self.insert_position(record)
                self.beginInsertRows(QModelIndex(), row, row)
                self.rows.insert(row, record)
                self.endInsertRows()

    def insert_position(self, record: Any) -> int:
        return len(self.rows)

    def refresh_column(self, column: int) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))
