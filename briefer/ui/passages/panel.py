"""The Passages panel: every passage, filtered by theme or words, opening where it was tagged."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefer.ui.common.rows import ID_ROLE
from briefer.ui.common.tables import sorted_table_view
from briefer.ui.passages.model import PassagesModel
from briefer.ui.themes.model import ThemesModel


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
            for column in (0, 1, 2, 4)  # words, themes, article, comment
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
        # As wide as a dozen letters, not as the longest theme's name: in a laptop's side
        # column the filter field beside it keeps its room. The list opens at full width.
        self.theme_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.theme_filter.setMinimumContentsLength(12)
        self.reload_theme_filter()
        themes.rowsInserted.connect(self.reload_theme_filter)
        themes.rowsRemoved.connect(self.reload_theme_filter)
        themes.dataChanged.connect(self.reload_theme_filter)
        themes.modelReset.connect(self.reload_theme_filter)
        self.view = sorted_table_view("passages", "Passages", self.proxy)  # reading order first
        header = self.view.horizontalHeader()
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 140)
        header.resizeSection(2, 220)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # the comment, in full
        self.view.activated.connect(self._activate)
        self.view.doubleClicked.connect(self._activate)
        self.search.textChanged.connect(self._refilter)
        self.theme_filter.currentIndexChanged.connect(self._refilter)
        self.theme_filter.currentTextChanged.connect(self.theme_filter.setToolTip)

        self.bar = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.bar.addWidget(self.search, 1)
        self.bar.addWidget(self.theme_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.bar)
        layout.addWidget(self.view)

    NARROW = 560
    """Below this width (a side column on a laptop) only the words and themes show; the
    comment mark and tooltip stay, and the other columns come back when there is room."""
    STACKED = 360
    """Below this width the theme filter goes under the filter field, each the full width."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = event.size().width() < self.NARROW
        stacked = event.size().width() < self.STACKED
        self.bar.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
        for column in (2, 3, 4):
            self.view.setColumnHidden(column, narrow)
        header = self.view.horizontalHeader()
        if narrow:
            header.resizeSection(1, max(80, event.size().width() // 3))

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
        popup = self.theme_filter.view()
        popup.setMinimumWidth(popup.sizeHintForColumn(0) + 2 * popup.frameWidth() + 24)
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
