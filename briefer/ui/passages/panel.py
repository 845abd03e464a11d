"""The Passages panel: every passage, filtered by theme or words, opening where it was tagged."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefer.ui.common.rows import ID_ROLE
from briefer.ui.common.tables import sorted_table_view
from briefer.ui.library.title_delegate import TitleDelegate
from briefer.ui.passages.columns import ARTICLE, COMMENT, DATE, PASSAGE, THEMES, share_widths
from briefer.ui.passages.model import PassagesModel
from briefer.ui.themes.model import ThemesModel

LETTERS = {PASSAGE: 40, ARTICLE: 26, COMMENT: 24}
"""The passage's, the article's and the comment's own widths, in average letters: a
sentence's start, a headline's, a note's (the tooltips hold them whole)."""
PASSAGE_SHARE = 2 / 3
"""A table too narrow for every column gives the words at least this part of its width
(as much as they had when the other columns were hidden in a side column)."""
THEME_LETTERS = (8, 24)
"""The themes column is as wide as the longest theme's name, within these (in letters)."""


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
        haystack = model.filter_text(row).casefold()
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
        self.view = sorted_table_view("passages", "Passages", self.proxy)  # reading order first
        # Two copies of one story read apart ("— HTML", "— PDF") however narrow the column.
        self.title_delegate = TitleDelegate(self.view)
        self.view.setItemDelegateForColumn(ARTICLE, self.title_delegate)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.dragged: dict[int, int] = {}  # the widths the analyst chose, kept on resizing
        self._fitting = False
        header.sectionResized.connect(self._column_resized)
        self.view.viewport().installEventFilter(self)
        self.reload_theme_filter()
        themes.rowsInserted.connect(self.reload_theme_filter)
        themes.rowsRemoved.connect(self.reload_theme_filter)
        themes.dataChanged.connect(self.reload_theme_filter)
        themes.modelReset.connect(self.reload_theme_filter)
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

    STACKED = 360
    """Below this width the theme filter goes under the filter field, each the full width."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        stacked = event.size().width() < self.STACKED
        self.bar.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Size the columns to the table's width now (see ``columns.share_widths``): all
        of them in sight when they fit, else the words and themes, the rest in reach of
        the scroll bar. Widths the analyst dragged stay as they are."""
        room = self.view.viewport().width()
        if room <= 0:
            return
        metrics = self.view.fontMetrics()
        letter = metrics.averageCharWidth()
        style = self.view.style()
        # A cell's text sits inside its margin twice over (the item's, then the text's).
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        pad = 4 * margin + 2
        header = self.view.horizontalHeader()
        names = [
            metrics.horizontalAdvance(self.themes.index(row, 0).data() or "")
            for row in range(self.themes.rowCount())
        ]
        least, most = (n * letter for n in THEME_LETTERS)
        themes = max(min(max(names, default=0), most) + pad, least, header.sectionSizeHint(THEMES))
        date = max(metrics.horizontalAdvance("0000-00-00") + pad, header.sectionSizeHint(DATE))
        natural = [
            LETTERS[PASSAGE] * letter,
            themes,
            LETTERS[ARTICLE] * letter,
            date,
            LETTERS[COMMENT] * letter,
        ]
        widths = share_widths(
            room, natural, self.dragged, passage_least=round(room * PASSAGE_SHARE)
        )
        self._fitting = True
        try:
            for column, width in enumerate(widths):
                header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting:  # the analyst dragged its edge (or double-clicked it)
            self.dragged[column] = new

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
        self.fit_columns()  # a theme renamed or added: the themes column's width

    def _refilter(self) -> None:
        self.proxy.set_criteria(self.search.text(), self.theme_filter.currentData())

    def _activate(self, index: QModelIndex) -> None:
        passage_id = index.data(ID_ROLE)
        if passage_id is None:
            passage_id = self.proxy.index(index.row(), 0).data(ID_ROLE)
        if passage_id is not None:
            self.passageActivated.emit(passage_id)
