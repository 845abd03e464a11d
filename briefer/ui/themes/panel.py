"""The Themes panel: the table of themes; it emits what the analyst clicked or asked a menu for."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QVBoxLayout,
    QWidget,
)

from briefer.ui.common.rows import ID_ROLE
from briefer.ui.common.tables import table_view
from briefer.ui.themes.model import ThemesModel


class ThemesPanel(QWidget):
    themeActivated = Signal(int)  # theme_id: clicked or Enter
    menuRequested = Signal(object, QPoint)  # theme_id or None, global position

    def __init__(self, model: ThemesModel) -> None:
        super().__init__()
        self.model = model
        self.view = table_view("themes", "Themes")
        self.view.setModel(model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def _activate(self, index: QModelIndex) -> None:
        theme_id = index.data(ID_ROLE)
        if theme_id is not None:
            self.themeActivated.emit(theme_id)

    def _menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        theme_id = index.data(ID_ROLE) if index.isValid() else None
        self.menuRequested.emit(theme_id, self.view.viewport().mapToGlobal(pos))
