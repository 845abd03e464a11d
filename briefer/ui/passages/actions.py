"""The Passages panel's context menu and keys: what the Reader offers on a passage.

Right-click a row (or press the Menu key) for Go to Passage, then the Reader's own
passage items (its themes, its comment, Delete Passage), built by the Reader's menu
code; Delete or Backspace deletes the current row's passage and F2 edits its comment.
Every edit goes through the Reader's TaggingController, so deleting a quoted passage
asks the same question, naming the notes, and each edit is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QMenu

from briefer.session import ProjectError, ToggleThemeCommand
from briefer.ui.common.rows import ID_ROLE
from briefer.ui.passages.panel import PassagesPanel
from briefer.ui.reader.menu import ReaderMenuCallbacks, build_menu
from briefer.ui.reader.tagging import TaggingController

DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class PassageActions(QObject):
    """The panel's menu and keys, acting on the passage of the row under the pointer (or
    the current row) through ``tagging``; ``go_to`` opens a passage in the Reader."""

    def __init__(
        self, panel: PassagesPanel, tagging: TaggingController, go_to: Callable[[int], None]
    ) -> None:
        super().__init__(panel)
        self.panel = panel
        self.tagging = tagging
        self.go_to = go_to
        self.menu: QMenu | None = None  # the last one shown, for tests to reach
        view = panel.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._show_menu)
        # The view for the keys; its viewport, where the keyboard's menu event arrives.
        self._watched = (view, view.viewport())
        for watched in self._watched:
            watched.installEventFilter(self)

    def current_id(self) -> int | None:
        """The passage of the current row, if a row is current."""
        index = self.panel.view.currentIndex()
        return self._id_at(index.row()) if index.isValid() else None

    def _id_at(self, row: int) -> int | None:
        found = self.panel.proxy.index(row, 0).data(ID_ROLE)
        return int(found) if found is not None else None

    def menu_for(self, passage_id: int) -> QMenu | None:
        """Go to Passage, then the Reader's items for a passage; None if it is gone."""
        query = self.tagging.session.query
        try:
            passage = query.get_passage(passage_id)
        except ProjectError:
            self.tagging.report("That passage no longer exists.")
            return None
        callbacks = ReaderMenuCallbacks(
            tag=lambda _theme_id: None,  # nothing is selected here
            toggle=lambda pid, theme_id: self.tagging.run(ToggleThemeCommand(pid, theme_id)),
            comment=self.tagging.edit_comment,
            delete=self.tagging.delete_passage,
            accept=lambda _s: None,  # no suggestions here either
            dismiss=lambda _s: None,
            copy=lambda: None,
        )
        menu = build_menu(self.panel.view, query.list_themes(), False, passage, [], callbacks)
        go_to = QAction("&Go to Passage", menu)  # as Enter or a double-click on the row
        go_to.triggered.connect(lambda _checked=False: self.go_to(passage_id))
        first = menu.actions()[0]  # the themes of the passage: there is always a passage
        menu.insertAction(first, go_to)
        menu.insertSeparator(first)
        read_only = self.tagging.session.read_only
        for action in menu.actions()[2:]:  # every edit is off in a read-only project
            action.setEnabled(not read_only)
        return menu

    def _show_menu(self, pos: QPoint, *, keyboard: bool = False) -> None:
        """At the row under the pointer, or the current row for the keyboard's Menu key."""
        view = self.panel.view
        index = view.indexAt(pos)
        if keyboard or not index.isValid():
            passage_id = self.current_id()
        else:
            passage_id = self._id_at(index.row())
        if passage_id is None:
            return
        self.menu = self.menu_for(passage_id)
        if self.menu is not None:
            self.menu.popup(view.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The event's type first: nothing else is asked of an event that is not wanted,
        # for the view may be half destroyed when its last events come by.
        kind = event.type()
        if kind == QEvent.Type.ContextMenu and watched in self._watched:
            keyboard = isinstance(event, QContextMenuEvent) and (
                event.reason() == QContextMenuEvent.Reason.Keyboard
            )
            if keyboard:  # the Menu key or Shift+F10
                view = self.panel.view  # the current row's menu, under that row
                rect = view.visualRect(view.currentIndex())
                at = rect.bottomLeft() if rect.isValid() else QPoint(0, 0)
                self._show_menu(at, keyboard=True)
                return True
        elif (
            kind == QEvent.Type.KeyPress
            and watched is self._watched[0]
            and isinstance(event, QKeyEvent)
        ):
            passage_id = self.current_id()
            if passage_id is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return False
            if event.key() in DELETE_KEYS:
                self.tagging.delete_passage(passage_id)
                return True
            if event.key() == Qt.Key.Key_F2:
                self.tagging.edit_comment(passage_id)
                return True
        return False
