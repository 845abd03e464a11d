"""The note's outline: its sections in order, renamed in place and reordered by drag.

The model shows the sections of the note the composer last loaded; every
change the analyst makes here is asked for with a signal and done by the
composer as a command, and the model is reloaded from the note afterwards.
So a drag never moves rows by itself (dropMimeData asks, then says no),
and undo puts the outline back by the same path.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from briefer.core.model import Section

SECTION_MIME = "application/x-briefer-section"
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class OutlineModel(QAbstractListModel):
    renameRequested = Signal(int, str)  # section id, new heading
    moveRequested = Signal(int, int)  # section id, new index

    def __init__(self) -> None:
        super().__init__()
        self._sections: tuple[Section, ...] = ()

    def set_sections(self, sections: tuple[Section, ...]) -> None:
        if [(s.id, s.heading, s.level) for s in sections] == [
            (s.id, s.heading, s.level) for s in self._sections
        ]:
            self._sections = sections
            return
        self.beginResetModel()
        self._sections = sections
        self.endResetModel()

    def section(self, row: int) -> Section | None:
        return self._sections[row] if 0 <= row < len(self._sections) else None

    def row_of(self, section_id: int | None) -> int:
        for row, section in enumerate(self._sections):
            if section.id == section_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sections)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sections):
            return None
        section = self._sections[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            indent = "    " * (section.level - 1)
            return indent + (section.heading or "(untitled section)")
        if role == Qt.ItemDataRole.EditRole:
            return section.heading
        if role == Qt.ItemDataRole.FontRole and section.level == 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Heading level {section.level}. F2 renames; drag or Alt+Up/Down moves."
        if role == SECTION_ID_ROLE:
            return section.id
        if role == LEVEL_ROLE:
            return section.level
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        section = self._sections[index.row()]
        heading = str(value).strip()
        if section.id is None or heading == section.heading:
            return False
        self.renameRequested.emit(section.id, heading)
        return False  # the command's change notice reloads the outline

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [SECTION_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            section = self._sections[rows[0]]
            mime.setData(SECTION_MIME, QByteArray(str(section.id).encode("ascii")))
        return mime

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not data.hasFormat(SECTION_MIME):
            return False
        try:
            section_id = int(bytes(data.data(SECTION_MIME).data()).decode("ascii"))
        except ValueError:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._sections))
        current = self.row_of(section_id)
        if current < 0:
            return False
        if target > current:
            target -= 1  # the row is taken out before it is put back
        if target != current:
            self.moveRequested.emit(section_id, target)
        return False  # never let the view remove the dragged row itself
