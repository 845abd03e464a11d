"""One way to put an action on a panel's toolbar: text, shortcut in the tooltip, local scope.

The shortcut works while focus is anywhere inside ``owner`` (not window-wide),
so Ctrl+B in the Composer never reaches the reader. Qt matches a
widget-with-children shortcut against the widgets the action was added to,
so it is added to ``owner`` as well as to the toolbar: on the toolbar alone
it would only fire while the toolbar itself had focus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget


def toolbar_action(
    owner: QWidget,
    bar: QToolBar,
    text: str,
    keys: str,
    slot: Callable[[], object],
    tip: str = "",
) -> QAction:
    action = QAction(text, owner)
    tip = tip or text.replace("&", "")
    action.setToolTip(f"{tip} ({keys})" if keys else tip)
    if keys:
        action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    bar.addAction(action)
    owner.addAction(action)
    return action
