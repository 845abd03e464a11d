"""The note's outline: its sections in order, renamed in place and reordered by drag.

The model shows the sections of the note the composer last loaded; every
change the analyst makes here is asked for with a signal and done by the
composer as a command, and the model is reloaded from the note afterwards.
So a drag never moves rows by itself (dropMimeData asks, then says no),
and undo puts the outline back by the same path.
"""

from __future__ import annotations

from collections.abc import Sequence
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
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from briefer.core.citations import find_citations
from briefer.core.model import Section
from briefer.core.outline import dropped_index, moved_index, subtree_end
from briefer.core.templates import MAX_LEVEL
from briefer.ui.common.toolbar import toolbar_action

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

    def levels(self) -> list[int]:
        return [s.level for s in self._sections]

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

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
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
        moved = dropped_index(self.levels(), current, target)  # with its sub-sections
        if moved is not None and moved != current:
            self.moveRequested.emit(section_id, moved)
        return False  # never let the view remove the dragged row itself


class OutlinePanel(QWidget):
    """The outline list and its toolbar; asks for every change with a signal, as the model does.

    The panel knows which section is current and what the buttons mean for
    it (where a new section goes, which way a move or a level change can
    go); the Composer turns each request into a command.
    """

    sectionChosen = Signal(object)  # section id, or None
    addRequested = Signal(int, int)  # index to insert at, heading level
    removeRequested = Signal(int, bool)  # section id, with its sub-sections
    levelRequested = Signal(int, int)  # section id, new level

    def __init__(self) -> None:
        super().__init__()
        self.model = OutlineModel()
        self.view = QListView()
        self.view.setObjectName("outline")
        self.view.setAccessibleName("Outline of the note")
        self.view.setModel(self.model)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self._row = -1
        self.bar = QToolBar("Outline")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Outline"))
        layout.addWidget(self.view)
        layout.addWidget(self.bar)
        add_tip = "Add a section after this one"
        self.add_action = toolbar_action(
            self, self.bar, "+", "Ctrl+Shift+Return", self.request_add, add_tip
        )
        toolbar_action(self, self.bar, "−", "", self.request_remove, "Remove this section")
        self.move_up_action = toolbar_action(
            self, self.bar, "↑", "Alt+Up", lambda: self.request_move(-1), "Move up"
        )
        toolbar_action(self, self.bar, "↓", "Alt+Down", lambda: self.request_move(1), "Move down")
        toolbar_action(self, self.bar, "◂", "Alt+Left", lambda: self.request_level(-1),
                       "Raise the heading level")  # fmt: skip
        toolbar_action(self, self.bar, "▸", "Alt+Right", lambda: self.request_level(1),
                       "Make it a sub-section")  # fmt: skip
        self.view.selectionModel().currentChanged.connect(
            lambda current, _previous: self.sectionChosen.emit(self._id_at(current.row()))
        )

    def set_sections(self, sections: tuple[Section, ...]) -> None:
        self._row = self.view.currentIndex().row()  # where a removed section stood
        self.model.set_sections(sections)

    def current_id(self) -> int | None:
        return self._id_at(self.view.currentIndex().row())

    def select(self, section_id: int | None) -> int | None:
        """Make ``section_id`` current (if it is gone, the section now in its place, the
        last when it was last: not the note's first); the id now current."""
        row = self.model.row_of(section_id)
        if row < 0 and self.model.rowCount():
            row = min(max(self._row, 0), self.model.rowCount() - 1)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))
        return self._id_at(row)

    def rename_current(self) -> None:
        self.view.edit(self.view.currentIndex())

    def request_add(self) -> None:
        row = self.model.row_of(self.current_id())
        section = self.model.section(row)
        self.addRequested.emit(row + 1 if row >= 0 else self.model.rowCount(),
                               section.level if section else 1)  # fmt: skip

    def request_remove(self) -> None:
        """Remove the current section, asking first when it holds text or sub-sections:
        its sub-sections go with it, or stay (under the section before)."""
        row = self.view.currentIndex().row()
        section = self.model.section(row)
        if section is None or section.id is None:
            return
        under = subtree_end(self.model.levels(), row) - row - 1
        with_subsections = False
        if under or section.body.strip():
            answer = confirm_removal(self, section, under)
            if answer is None:
                return
            with_subsections = answer
        self.removeRequested.emit(section.id, with_subsections)

    def request_move(self, step: int) -> None:
        """Move the current section with its sub-sections, as Word's outline does."""
        section_id = self.current_id()
        row = self.model.row_of(section_id)
        target = moved_index(self.model.levels(), row, step)
        if section_id is not None and target is not None:
            self.model.moveRequested.emit(section_id, target)

    def request_level(self, step: int) -> None:
        section = self.model.section(self.model.row_of(self.current_id()))
        if section is None or section.id is None:
            return
        level = max(1, min(MAX_LEVEL, section.level + step))
        if level != section.level:
            self.levelRequested.emit(section.id, level)

    def _id_at(self, row: int) -> int | None:
        section = self.model.section(row)
        return section.id if section is not None else None


def confirm_removal(parent: QWidget, section: Section, under: int) -> bool | None:
    """Ask before removing ``section``: True to remove its ``under`` sub-sections too,
    False for the heading and its text alone, None to keep it (the default)."""
    name = f"“{section.heading}”" if section.heading.strip() else "this untitled section"
    subs = f" and its {under} sub-section{'s' if under != 1 else ''}" if under else ""
    quoted = len(find_citations(section.body))
    held = ""
    if section.body.strip():
        held = " Its text goes with it"
        held += f", {quoted} quotation{'s' if quoted != 1 else ''} included." if quoted else "."
    text = f"Remove {name}{subs}?{held} Ctrl+Z brings it back."
    box = QMessageBox(QMessageBox.Icon.Question, "Remove section?", text,
                      QMessageBox.StandardButton.Cancel, parent)  # fmt: skip
    whole = box.addButton(
        "Remove &All" if under else "&Remove", QMessageBox.ButtonRole.DestructiveRole
    )
    alone = (
        box.addButton("Remove &Heading Only", QMessageBox.ButtonRole.ActionRole) if under else None
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # a stray Enter keeps it
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is whole:
        return bool(under)
    if alone is not None and clicked is alone:
        return False
    return None
