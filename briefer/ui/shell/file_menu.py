"""The File menu's project items: New, Open, Open Recent, Close Project and Quit.

They reach past the window to the application, which decides which windows show:
the window is handed AppSlots (the Controller's methods in app.py) and never
imports app.py. Without them (a window built on its own, in a test) New, Open
and Open Recent are disabled, Close Project closes the window and Quit closes
every window.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

from briefer.core.record import Record
from briefer.ui.shell.project_files import ask_new_project, ask_open_project


class AppSlots(Record, frozen=True):
    """What the application does for a project window, named by the menu item."""

    new_project: Callable[[Path], object]
    open_project: Callable[[Path], object]  # the welcome window's path: lock questions too
    recent_projects: Callable[[], list[str]]  # as the welcome window lists them
    close_project: Callable[[QWidget], object]  # this window; the welcome one if it was last
    quit: Callable[[], object]  # every window, each closing cleanly


class ProjectActions(Record, frozen=True):
    new_action: QAction
    open_action: QAction
    recent_menu: QMenu
    quit_action: QAction


def quit_keys() -> list[QKeySequence]:
    """The platform's Quit key; Windows defines none, so Ctrl+Q there as elsewhere.

    Only chords: some platforms add the multimedia Exit key, which the Keyboard
    Shortcuts list would show as "Ctrl+Q, Exit", as if Quit had a second meaning."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    none = Qt.KeyboardModifier.NoModifier
    # PySide6's stubs lack QKeySequence.__getitem__ (each key of the sequence), which it has.
    chords = [k for k in keys if k.count() and k[0].keyboardModifiers() != none]  # type: ignore[index]
    return chords or [QKeySequence("Ctrl+Q")]


def fill_recent(
    menu: QMenu, recent: list[str], open_project: Callable[[Path], object]
) -> list[QAction]:
    """One item per recent project, newest first: the name shown, the path in the tip;
    a project no longer on disk stays listed, disabled, as on the welcome window."""
    menu.clear()
    items = []
    for number, entry in enumerate(recent, start=1):
        path = Path(entry)
        name = path.stem.replace("&", "&&")
        text = f"&{number} {name}" if number < 10 else name
        if not path.exists():
            text += " (missing)"
        action = menu.addAction(text)
        action.setToolTip(entry)
        action.setStatusTip(entry)
        action.setEnabled(path.exists())
        action.triggered.connect(partial(_open, open_project, path))
        items.append(action)
    if not items:
        menu.addAction("No recent projects").setEnabled(False)
    return items


def _open(open_project: Callable[[Path], object], path: Path, _checked: bool = False) -> None:
    open_project(path)


def add_project_actions(
    window: QMainWindow, file_menu: QMenu, app: AppSlots | None, current: Path
) -> ProjectActions:
    """New, Open and Open Recent at the head of ``file_menu``; Quit is added by the caller
    at its foot. ``current`` is the open project, whose folder the file dialogs start in."""
    new_action = QAction("&New Project…", window)
    new_action.setShortcut(QKeySequence.StandardKey.New)
    open_action = QAction("&Open Project…", window)
    open_action.setShortcut(QKeySequence.StandardKey.Open)
    recent_menu = QMenu("O&pen Recent", window)  # C is Close Project's
    recent_menu.setObjectName("recentMenu")
    quit_action = QAction("Q&uit", window)  # Q is Import from QDA Tools'
    quit_action.setShortcuts(quit_keys())
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    if app is None:
        for action in (new_action, open_action, recent_menu.menuAction()):
            action.setEnabled(False)
        quit_action.triggered.connect(lambda _checked=False: QApplication.closeAllWindows())
    else:

        def choose_new() -> None:
            path = ask_new_project(window, current.parent)
            if path is not None:
                app.new_project(path)

        def choose_open() -> None:
            path = ask_open_project(window, current.parent)
            if path is not None:
                app.open_project(path)

        new_action.triggered.connect(lambda _checked=False: choose_new())
        open_action.triggered.connect(lambda _checked=False: choose_open())
        # Filled as it opens: another window may have opened a project since.
        recent_menu.aboutToShow.connect(
            lambda: fill_recent(recent_menu, app.recent_projects(), app.open_project)
        )
        fill_recent(recent_menu, app.recent_projects(), app.open_project)
        quit_action.triggered.connect(lambda _checked=False: app.quit())
    file_menu.addAction(new_action)
    file_menu.addAction(open_action)
    file_menu.addMenu(recent_menu)
    file_menu.addSeparator()
    return ProjectActions(new_action, open_action, recent_menu, quit_action)
