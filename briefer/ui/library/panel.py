"""The Library panel: the project's articles, filtered and sorted; it emits the one to open."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefer.ui.common.rows import ID_ROLE, SORT_ROLE
from briefer.ui.common.tables import sorted_table_view
from briefer.ui.library.model import LibraryModel


class LibraryPanel(QWidget):
    """The project's articles: filter as you type, sort by any column."""

    articleSelected = Signal(int)  # article_id of the current row

    def __init__(self, model: LibraryModel) -> None:
        super().__init__()
        self.model = model
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SORT_ROLE)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter articles…")
        self.filter.setAccessibleName("Filter articles")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = sorted_table_view("library", "Articles", self.proxy)  # import order first
        header = self.view.horizontalHeader()
        # Fixed, adjustable widths: sizing to contents measures every row (2,000+).
        for column, width in ((1, 110), (2, 84), (3, 64)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = current.siblingAtColumn(0).data(ID_ROLE) if current.isValid() else None
        if article_id is not None:
            self.articleSelected.emit(article_id)

    def count(self) -> int:
        return self.proxy.rowCount()

    def titles(self) -> list[str]:
        return [self.proxy.index(row, 0).data() for row in range(self.proxy.rowCount())]

    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def current_title(self) -> str | None:
        index = self.view.currentIndex()
        return index.siblingAtColumn(0).data() if index.isValid() else None

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(row, 0))

    def select_id(self, article_id: int | None) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) == article_id:
                self.select_row(row)
                return True
        return False
