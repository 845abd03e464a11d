"""The section editors' right-click menu: Qt's own, with the window's Undo and Redo.

The editors' own undo is off (the window's QUndoStack holds every edit of the note),
so Qt's stock menu offered a greyed Undo and Redo while Edit > Undo Typing was
there to take. This builds the stock menu and puts the window's two actions in their
place (their text names the edit, and they are enabled as the Edit menu's are),
after saving typing not yet committed, so Undo takes it. On a citation the menu
opens with what a citation does: Open Source Passage, as Ctrl+Enter and a click do,
and Source Details…, as in the export check, to fill in a missing date or publisher.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

from briefer.core.record import Record

OPEN_SOURCE = "&Open Source Passage"
SOURCE_DETAILS = "Source &Details…"


class History(Record, frozen=True):
    """The window's Undo and Redo, and how to commit typing first so Undo names it."""

    undo: QAction
    redo: QAction
    commit: Callable[[], object]


class CitationActions(Record, frozen=True):
    """What a citation offers: its passage in the Reader (a passage id), and its source's
    details (an article id, from ``source_of``: None when the source is gone)."""

    open_passage: Callable[[int], object]
    source_of: Callable[[int], int | None]
    source_details: Callable[[int], object]


def edit_menu(
    editor: QTextEdit | QPlainTextEdit,
    at: QPoint,
    history: History | None,
    citation: int | None,
    actions: CitationActions,
) -> QMenu:
    """The menu for a right-click at ``at`` (viewport coordinates); ``citation`` is the
    passage of the chip or token there, if any."""
    if history is not None:
        history.commit()
    menu = editor.createStandardContextMenu(at)
    if history is not None:
        for name, ours in (("edit-undo", history.undo), ("edit-redo", history.redo)):
            stock = next((a for a in menu.actions() if a.objectName() == name), None)
            if stock is not None:
                menu.insertAction(stock, ours)
                menu.removeAction(stock)
    if citation is not None:
        first = menu.actions()[0]
        # The key as text only: a shortcut of its own would compete with the editor's.
        open_action = QAction(f"{OPEN_SOURCE}\tCtrl+Enter", menu)
        open_action.triggered.connect(lambda _checked=False: actions.open_passage(citation))
        source = actions.source_of(citation)
        details = QAction(SOURCE_DETAILS, menu)  # the check's button of that name does this
        details.setEnabled(source is not None)
        if source is not None:
            details.triggered.connect(lambda _checked=False: actions.source_details(source))
        menu.insertActions(first, [open_action, details])
        menu.insertSeparator(first)
    return menu


class _MenuEditor(Protocol):
    def context_menu(self, at: QPoint, *, keyboard: bool = False) -> QMenu: ...


def pop_up_menu(editor: _MenuEditor, event: QContextMenuEvent) -> None:
    """Show an editor's menu for a right-click or the Menu key (at the caret, then)."""
    keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
    menu = editor.context_menu(event.pos(), keyboard=keyboard)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.popup(event.globalPos())
