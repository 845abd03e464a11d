"""The Themes and Passages panels: tables over the session's models, with filtering.

They only emit what the analyst asked for (a theme clicked, a passage to
open); the window decides what that means.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefer.ui.models import ID_ROLE, SORT_ROLE, LibraryModel, PassagesModel, ThemesModel


def _table(object_name: str, accessible: str) -> QTableView:
    view = QTableView()
    view.setObjectName(object_name)
    view.setAccessibleName(accessible)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    return view


def _sorted_table(object_name: str, accessible: str, proxy: QSortFilterProxyModel) -> QTableView:
    """A table over a proxy that sorts when a header is clicked, in the model's order until then."""
    view = _table(object_name, accessible)
    view.setModel(proxy)
    # Indicator first: enabling sorting sorts at once by the indicator's column, which
    # for 20,000 passages meant half a million data() calls and seconds at opening.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


class ThemesPanel(QWidget):
    themeActivated = Signal(int)  # theme_id: clicked or Enter
    menuRequested = Signal(object, QPoint)  # theme_id or None, global position

    def __init__(self, model: ThemesModel) -> None:
        super().__init__()
        self.model = model
        self.view = _table("themes", "Themes")
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


class PassageFilter(QSortFilterProxyModel):
    """Text typed (in the words, themes or article title) and an optional theme."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.theme_id: int | None = None

    def set_criteria(self, text: str, theme_id: int | None) -> None:
        self.beginFilterChange()
        self.text, self.theme_id = text.casefold().strip(), theme_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, PassagesModel)
        if self.theme_id is not None and self.theme_id not in model.theme_ids(row):
            return False
        if not self.text:
            return True
        haystack = " ".join(
            str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole))
            for column in range(3)
        ).casefold()
        return all(word in haystack for word in self.text.split())


class PassagesPanel(QWidget):
    passageActivated = Signal(int)  # passage_id: double-click or Enter

    def __init__(self, model: PassagesModel, themes: ThemesModel) -> None:
        super().__init__()
        self.model = model
        self.themes = themes
        self.proxy = PassageFilter()
        self.proxy.setSourceModel(model)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter passages…")
        self.search.setAccessibleName("Filter passages")
        self.search.setClearButtonEnabled(True)
        self.theme_filter = QComboBox()
        self.theme_filter.setAccessibleName("Show passages of theme")
        self.reload_theme_filter()
        themes.rowsInserted.connect(self.reload_theme_filter)
        themes.rowsRemoved.connect(self.reload_theme_filter)
        themes.dataChanged.connect(self.reload_theme_filter)
        themes.modelReset.connect(self.reload_theme_filter)
        self.view = _sorted_table("passages", "Passages", self.proxy)  # reading order first
        header = self.view.horizontalHeader()
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 140)
        header.resizeSection(2, 220)
        self.view.activated.connect(self._activate)
        self.view.doubleClicked.connect(self._activate)
        self.search.textChanged.connect(self._refilter)
        self.theme_filter.currentIndexChanged.connect(self._refilter)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.theme_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)

    def reload_theme_filter(self) -> None:
        current = self.theme_filter.currentData()
        self.theme_filter.blockSignals(True)
        self.theme_filter.clear()
        self.theme_filter.addItem("All themes", None)
        for row in range(self.themes.rowCount()):
            index = self.themes.index(row, 0)
            self.theme_filter.addItem(index.data(), index.data(ID_ROLE))
        found = self.theme_filter.findData(current)
        self.theme_filter.setCurrentIndex(max(found, 0))
        self.theme_filter.blockSignals(False)
        self._refilter()

    def _refilter(self) -> None:
        self.proxy.set_criteria(self.search.text(), self.theme_filter.currentData())

    def _activate(self, index: QModelIndex) -> None:
        passage_id = index.data(ID_ROLE)
        if passage_id is None:
            passage_id = self.proxy.index(index.row(), 0).data(ID_ROLE)
        if passage_id is not None:
            self.passageActivated.emit(passage_id)


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
        self.view = _sorted_table("library", "Articles", self.proxy)  # import order first
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
