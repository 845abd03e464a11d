"""The one look of the window's record tables: whole rows, one at a time, no grid."""

from __future__ import annotations

from PySide6.QtCore import (
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
)


def table_view(object_name: str, accessible: str) -> QTableView:
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
    # Tab goes to the next pane, as everywhere else: Qt's default walks the cells, which in
    # a one-row-at-a-time table moved the current row (in the Library, opened the next
    # article) on every press, so focus never left the table. Arrows move within it.
    view.setTabKeyNavigation(False)
    return view


def sorted_table_view(
    object_name: str, accessible: str, proxy: QSortFilterProxyModel
) -> QTableView:
    """A table over a proxy that sorts when a header is clicked, in the model's order until then."""
    view = table_view(object_name, accessible)
    view.setModel(proxy)
    # Indicator first: enabling sorting sorts at once by the indicator's column, which
    # for 20,000 passages meant half a million data() calls and seconds at opening.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view
