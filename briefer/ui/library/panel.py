"""The Library panel: the project's articles, filtered and sorted; it emits the one to open."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefer.ui.common.rows import ID_ROLE, SORT_ROLE
from briefer.ui.common.tables import sorted_table_view
from briefer.ui.library.model import FILTER_ROLE, FORMAT, PASSAGES, LibraryModel
from briefer.ui.library.sorting import sort_menu
from briefer.ui.library.title_delegate import TitleDelegate

TITLE_MIN_WIDTH = 170
"""The title column keeps at least this much before the other columns get any."""
SIDE_COLUMNS = ((PASSAGES, 64), (FORMAT, 64), (2, 84), (1, 110))
"""Passages, Format, Date, Publisher with their widths: the order they appear as the panel
widens (the format, narrow, early: it tells apart two copies of an article)."""


class LibraryPanel(QWidget):
    """The project's articles: filter as you type, sort by any column."""

    articleSelected = Signal(int)  # article_id of the current row

    def __init__(self, model: LibraryModel) -> None:
        super().__init__()
        self.model = model
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterRole(FILTER_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SORT_ROLE)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter articles…")
        self.filter.setAccessibleName("Filter articles")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = sorted_table_view("library", "Articles", self.proxy)  # import order first
        self.title_delegate = TitleDelegate(self.view)  # keeps "— Word" of a cut title
        self.view.setItemDelegateForColumn(0, self.title_delegate)
        header = self.view.horizontalHeader()
        # Fixed, adjustable widths: sizing to contents measures every row (2,000+).
        for column, width in SIDE_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.sort_menu = sort_menu(self.view, self)  # the View menu's, and the header's
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns(event.size().width())

    def fit_columns(self, width: int) -> None:
        """Show only the columns that leave the title readable at ``width``.

        On a laptop the Library starts narrow: all four columns there meant titles cut
        to a word and a horizontal scroll bar. The title's tooltip names what a hidden
        column would show, and widening the panel brings the columns back.
        """
        room = width - TITLE_MIN_WIDTH - self.view.verticalScrollBar().sizeHint().width()
        header = self.view.horizontalHeader()
        for column, default in SIDE_COLUMNS:
            needed = header.sectionSize(column) if not header.isSectionHidden(column) else default
            shown = room >= needed
            self.view.setColumnHidden(column, not shown)
            if shown:
                room -= needed
            else:
                room = -1  # keep the order: no column appears before the one ahead of it

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
