"""The one look of the window's record tables: whole rows, one at a time, no grid; and
Tab leaving every table, the dialogs' included."""

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
    tab_leaves(view)
    return view


def tab_leaves(view: QAbstractItemView) -> None:
    """Tab goes on to the next widget, as everywhere else; arrows move within the table.

    Qt's default for a table walks its cells, which in a one-row-at-a-time table moved the
    current row (in the Library, opened the next article) on every press, and in a dialog
    never reached its buttons: focus did not leave the table. Every table takes this.
    """
    view.setTabKeyNavigation(False)


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
