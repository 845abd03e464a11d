"""The project window's menu bar: File, Edit and View, with their shortcuts.

Kept apart from the window so each menu reads as a list of what the analyst
can do, and new features add their actions here without growing the window
class. Actions are stored on the window (``window.import_action``, ...) so
tests and other parts can trigger them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from briefer.ui.library.qda_actions import QdaActions
from briefer.ui.notes.actions import NoteActions
from briefer.ui.shell.help import HelpActions

if TYPE_CHECKING:
    from briefer.ui.shell.project_window import ProjectWindow


# Mnemonics unique within the View menu, which also holds Previous, Passages, Tag, Themes.
DOCK_TOGGLES = {
    "themesDock": "Show Th&emes Panel",
    "searchDock": "Show &Search Panel",
    "passagesDock": "Show Passa&ges Panel",
}
IMPORT_KEYS = "Ctrl+I"  # in the Reader; the Composer takes Ctrl+I for italic


def add_action(
    window: ProjectWindow, menu: QMenu, text: str, keys: str, slot: Callable[[], object]
) -> QAction:
    """A menu action with its shortcut, parented to the window so the shortcut works everywhere."""
    action = QAction(text, window)
    action.setShortcut(QKeySequence(keys))
    # triggered passes "checked"; the slots take no arguments
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def _history_action(
    window: ProjectWindow, text: str, slot: Callable[[], object], *, undo: bool
) -> QAction:
    """Undo/Redo named after the edit, like QUndoStack's own, but through the window.

    The window first saves what the Composer has not committed yet, so Ctrl+Z
    right after typing undoes the typing rather than the edit before it.
    """
    stack = window.undo_stack
    action = QAction(text, window)
    action.triggered.connect(lambda _checked=False: slot())

    def update() -> None:
        label = stack.undoText() if undo else stack.redoText()
        action.setText(f"{text} {label}".strip() if label else text)
        action.setEnabled(stack.canUndo() if undo else stack.canRedo())

    for signal in (stack.indexChanged, stack.cleanChanged, stack.canUndoChanged,
                   stack.canRedoChanged):  # fmt: skip
        signal.connect(lambda *_args: update())
    update()
    return action


def build_menus(window: ProjectWindow) -> None:
    file_menu = window.menuBar().addMenu("&File")
    window.import_action = QAction("&Import…", window)
    window.import_action.setShortcut(QKeySequence(IMPORT_KEYS))
    window.import_action.triggered.connect(window.choose_import)
    window.import_action.setEnabled(not window.session.read_only)
    file_menu.addAction(window.import_action)
    window.save_copy_action = QAction("Save a Cop&y As…", window)
    window.save_copy_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
    window.save_copy_action.triggered.connect(window.save_copy)
    window.restore_action = QAction("&Restore from Backup…", window)
    window.restore_action.triggered.connect(window.restore_from_backup)
    window.restore_action.setEnabled(window.paths is not None)
    close_action = QAction("&Close Project", window)
    close_action.setShortcut(QKeySequence.StandardKey.Close)
    close_action.triggered.connect(window.close)
    file_menu.addAction(window.save_copy_action)
    file_menu.addAction(window.restore_action)
    file_menu.addSeparator()
    file_menu.addAction(close_action)
    window.note_actions = NoteActions(window)
    window.note_menu = window.note_actions.add_menus(file_menu, window.save_copy_action)
    window.qda_actions = QdaActions(window)
    window.qda_actions.add_to(file_menu, window.save_copy_action)

    edit_menu = window.menuBar().addMenu("&Edit")
    window.view_menu = window.menuBar().addMenu("&View")
    window.next_article_action = add_action(
        window, window.view_menu, "&Next Article", "Ctrl+PgDown", lambda: window.step_article(1)
    )
    window.previous_article_action = add_action(
        window, window.view_menu, "&Previous Article", "Ctrl+PgUp", lambda: window.step_article(-1)
    )
    window.view_menu.addSeparator()
    window.reader_view_action = add_action(
        window, window.view_menu, "Read and &Tag", "Ctrl+1", window.show_reader
    )
    window.composer_view_action = add_action(
        window, window.view_menu, "&Compose", "Ctrl+2", window.show_composer
    )
    window.view_menu.addSeparator()
    targets = [
        ("Go to &Library", "Alt+1", window.library_panel.filter, None),
        ("Go to &Reader", "Alt+2", window.reader, None),
        ("Go to T&hemes", "Alt+3", window.themes_panel.view, "themesDock"),
        ("Go to P&assages", "Alt+4", window.passages_panel.view, "passagesDock"),
    ]
    for text, keys, widget, dock_name in targets:
        add_action(
            window, window.view_menu, text, keys, partial(window.focus_panel, widget, dock_name)
        )
    window.view_menu.addSeparator()
    for dock in window.findChildren(QDockWidget):
        toggle = dock.toggleViewAction()
        toggle.setText(DOCK_TOGGLES.get(dock.objectName(), f"Show {dock.windowTitle()} Panel"))
        window.view_menu.addAction(toggle)
    window.undo_action = _history_action(window, "&Undo", window.undo, undo=True)
    window.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    window.redo_action = _history_action(window, "&Redo", window.redo, undo=False)
    window.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    edit_menu.addSeparator()
    window.find_action = add_action(
        window, edit_menu, "&Find in Article…", "Ctrl+F", window.ask_find
    )
    window.find_next_action = add_action(window, edit_menu, "Find &Next", "F3", window.find_next)
    window.search_action = add_action(
        window, edit_menu, "&Search All Articles…", "Ctrl+Shift+F", window.show_search
    )
    edit_menu.addSeparator()
    window.paste_action = QAction("&Paste as New Article", window)
    window.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
    window.paste_action.triggered.connect(window.paste_article)
    window.paste_action.setEnabled(not window.session.read_only)
    edit_menu.addAction(window.paste_action)
    edit_menu.addSeparator()
    window.themes_action = add_action(
        window, edit_menu, "Manage &Themes…", "Ctrl+T", window.manage_themes
    )
    window.preferences_action = add_action(
        window, edit_menu, "Pr&eferences…", "Ctrl+,", window.preferencesRequested.emit
    )
    window.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
    window.help_actions = HelpActions(window, window.theme_keys)
