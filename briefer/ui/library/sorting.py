"""The Library's order chosen from a menu: View > Sort Articles By, or a right-click on the
Library's header.

At the first window size the Library shows the Title column alone (panel.fit_columns keeps
titles readable), and a hidden column's header cannot be clicked: without this, sorting by
date or publisher meant widening the panel first.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from briefer.ui.library.model import FORMAT, PASSAGES

ASCENDING, DESCENDING = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
SORTS = (
    ("&Title", 0, ASCENDING),
    ("&Publisher", 1, ASCENDING),
    ("&Date, Newest First", 2, DESCENDING),
    ("Passages, &Most First", PASSAGES, DESCENDING),
    ("&Format", FORMAT, ASCENDING),
    ("&Import Order", -1, ASCENDING),
)
"""Each choice: its text, the column (-1: the order articles came in) and the order."""


def sort_menu(view: QTableView, parent: QWidget) -> QMenu:
    """The menu of ``SORTS`` for the Library's ``view``, ticking the order it has now; also
    what a right-click on the view's header opens."""
    menu = QMenu("S&ort Articles By", parent)
    menu.setObjectName("librarySortMenu")
    group = QActionGroup(menu)
    for text, column, order in SORTS:
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setData((column, order))
        group.addAction(action)
        action.triggered.connect(partial(_sort, view, column, order))
    menu.aboutToShow.connect(partial(_tick_current, view, group))
    header = view.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(
        lambda at: menu.popup(header.viewport().mapToGlobal(QPoint(at)))
    )
    return menu


def _sort(view: QTableView, column: int, order: Qt.SortOrder, _checked: bool = False) -> None:
    # sortByColumn(-1) puts the proxy back in the model's order, the import order
    view.sortByColumn(column, order)


def _tick_current(view: QTableView, group: QActionGroup) -> None:
    header = view.horizontalHeader()
    now = (header.sortIndicatorSection(), header.sortIndicatorOrder())
    if now[0] < 0 or now[0] >= header.count():
        now = (-1, ASCENDING)
    for action in group.actions():
        column, order = action.data()
        action.setChecked((column, order) == now or (column == now[0] and column < 0))


__all__ = ["SORTS", "sort_menu"]
