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

    def row_of(self, record_id: int) -> int | None:
        for row, record in enumerate(self.rows):
            if record.id == record_id:
                return row
        return None

    def apply_changes(self, changes: list[Change]) -> None:
        for change in changes:
            if change.entity is self.entity:
                self._apply(change)
        self.after_changes(changes)

    def after_changes(self, changes: list[Change]) -> None:
        """Hook for models whose rows show other entities too (counts, names)."""

    def _apply(self, change: Change) -> None:
        for record_id in change.removed:
            row = self.row_of(record_id)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()
        for record_id in change.updated:
            row = self.row_of(record_id)
            record = self.load_one(record_id)
            if row is not None and record is not None:
                self.rows[row] = record
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        for record_id in sorted(change.added):
            record = self.load_one(record_id)
            if record is not None and self.row_of(record_id) is None:
                row = self.insert_position(record)
                self.beginInsertRows(QModelIndex(), row, row)
                self.rows.insert(row, record)
                self.endInsertRows()

    def insert_position(self, record: Any) -> int:
        return len(self.rows)

    def refresh_column(self, column: int) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))
