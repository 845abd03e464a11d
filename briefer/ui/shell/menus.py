"""The project window's menu bar: File, Article, Note, Edit, View and Help, with their keys.

Kept apart from the window so each menu reads as a list of what the analyst
can do. It is handed what each item does (MenuSlots, the Article and Note menus' actions,
and AppSlots for the items the application answers: New, Open, Open Recent,
Close Project, Quit) and returns what it built (WindowActions), so it never
imports the window or app.py, and the window declares one attribute for all of it.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from briefer.core.record import Record
from briefer.ui.common.context import WindowContext
from briefer.ui.library.article_actions import ArticleActions
from briefer.ui.library.merge_actions import MergeActions
from briefer.ui.library.qda_actions import QdaActions
from briefer.ui.notes.actions import NoteActions
from briefer.ui.shell.clipboard_actions import ClipboardActions
from briefer.ui.shell.file_menu import AppSlots, ProjectActions, add_project_actions
from briefer.ui.shell.help import HelpActions

# Mnemonics unique within the View menu, which also holds Previous, Passages, Tag, Themes.
DOCK_TOGGLES = {
    "themesDock": "Show Th&emes Panel",
    "searchDock": "Show &Search Panel",
    "passagesDock": "Show Passa&ges Panel",
}
IMPORT_KEYS = "Ctrl+I"  # in the Reader; the Composer takes Ctrl+I for italic


class MenuSlots(Record, frozen=True):
    """What each menu item does, named by the item: the window's methods, one by one."""

    import_articles: Callable[[], object]
    save_copy: Callable[[], object]
    restore_from_backup: Callable[[], object]
    close: Callable[[], object]
    step_article: Callable[[int], object]  # +1 next, -1 previous
    show_reader: Callable[[], object]
    show_composer: Callable[[], object]
    go_to_library: Callable[[], object]
    go_to_reader: Callable[[], object]
    go_to_themes: Callable[[], object]
    go_to_passages: Callable[[], object]
    undo: Callable[[], object]  # the window's, which first commits the Composer's typing
    redo: Callable[[], object]
    find: Callable[[], object]
    find_next: Callable[[], object]
    search: Callable[[], object]
    paste_article: Callable[[], object]
    manage_themes: Callable[[], object]
    preferences: Callable[[], object]
    theme_keys: Callable[[], list[tuple[str, str]]]  # for Help > Keyboard Shortcuts
    composer_actions: Callable[[], list[QAction]]  # the Composer's own keys, for the same


class WindowActions(Record, frozen=True):
    """The menus and actions build_menus made, for the window (Import gives Ctrl+I up in
    the Composer) and for tests and the help page to reach; the Note menu's own actions
    stay on NoteActions."""

    import_action: QAction
    save_copy_action: QAction
    restore_action: QAction
    close_action: QAction
    undo_action: QAction
    redo_action: QAction
    find_action: QAction
    find_next_action: QAction
    search_action: QAction
    paste_action: QAction
    clipboard: ClipboardActions
    themes_action: QAction
    preferences_action: QAction
    next_article_action: QAction
    previous_article_action: QAction
    reader_view_action: QAction
    composer_view_action: QAction
    file_menu: QMenu
    article_menu: QMenu
    note_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    help_actions: HelpActions
    project_actions: ProjectActions  # New, Open, Open Recent, Quit
    merge_actions: MergeActions  # Merge Project…


def add_action(
    parent: QWidget, menu: QMenu, text: str, keys: str, slot: Callable[[], object]
) -> QAction:
    """A menu action with its shortcut, parented to the window so the shortcut works everywhere."""
    action = QAction(text, parent)
    action.setShortcut(QKeySequence(keys))
    # triggered passes "checked"; the slots take no arguments
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def _history_action(
    parent: QWidget, stack: QUndoStack, text: str, slot: Callable[[], object], *, undo: bool
) -> QAction:
    """Undo/Redo named after the edit, like QUndoStack's own, but through the window.

    The window first saves what the Composer has not committed yet, so Ctrl+Z
    right after typing undoes the typing rather than the edit before it.
    """
    action = QAction(text, parent)
    action.triggered.connect(lambda _checked=False: slot())

    def update() -> None:
        # The stack announces its clearing while the window is torn down, after
        # one of the two may already be gone.
        if not (shiboken6.isValid(stack) and shiboken6.isValid(action)):
            return
        label = stack.undoText() if undo else stack.redoText()
        action.setText(f"{text} {label}".strip() if label else text)
        action.setEnabled(stack.canUndo() if undo else stack.canRedo())

    for signal in (stack.indexChanged, stack.cleanChanged, stack.canUndoChanged,
                   stack.canRedoChanged):  # fmt: skip
        signal.connect(lambda *_args: update())
    update()
    return action


def build_menus(
    window: QMainWindow,
    context: WindowContext,
    slots: MenuSlots,
    notes: NoteActions,
    qda: QdaActions,
    articles: ArticleActions,
    app: AppSlots | None = None,
    library_sort: QMenu | None = None,
) -> WindowActions:
    """Fill the window's menu bar; ``window`` is only the Qt main window that owns it."""
    writable = not context.session.read_only
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    project_actions = add_project_actions(window, file_menu, app, context.session.path)
    import_action = QAction("&Import…", window)
    import_action.setShortcut(QKeySequence(IMPORT_KEYS))
    import_action.triggered.connect(lambda _checked=False: slots.import_articles())
    import_action.setEnabled(writable)
    file_menu.addAction(import_action)
    file_menu.addAction(qda.import_action)
    merge_actions = MergeActions(context)
    file_menu.addAction(merge_actions.merge_action)
    save_copy_action = QAction("Save a Cop&y As…", window)
    save_copy_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
    save_copy_action.triggered.connect(lambda _checked=False: slots.save_copy())
    restore_action = QAction("&Restore from Backup…", window)
    restore_action.triggered.connect(lambda _checked=False: slots.restore_from_backup())
    restore_action.setEnabled(context.paths is not None)
    close_action = QAction("&Close Project", window)
    close_action.setShortcut(QKeySequence.StandardKey.Close)
    if app is None:
        close_action.triggered.connect(lambda _checked=False: slots.close())
    else:  # back to the welcome window when it was the last project open
        close_action.triggered.connect(lambda _checked=False: app.close_project(window))
    file_menu.addAction(notes.export_action)
    file_menu.addAction(qda.export_action)
    file_menu.addAction(save_copy_action)
    file_menu.addAction(restore_action)
    file_menu.addSeparator()
    file_menu.addAction(close_action)
    file_menu.addAction(project_actions.quit_action)
    article_menu = bar.addMenu("&Article")
    article_menu.addAction(articles.details_action)
    article_menu.addSeparator()
    article_menu.addAction(articles.delete_action)
    note_menu = bar.addMenu("&Note")
    notes.fill_menu(note_menu)

    edit_menu = bar.addMenu("&Edit")
    view_menu = bar.addMenu("&View")
    next_article_action = add_action(
        window, view_menu, "&Next Article", "Ctrl+PgDown", lambda: slots.step_article(1)
    )
    previous_article_action = add_action(
        window, view_menu, "&Previous Article", "Ctrl+PgUp", lambda: slots.step_article(-1)
    )
    if library_sort is not None:
        view_menu.addMenu(library_sort)  # the Library's order, whatever columns it shows
    view_menu.addSeparator()
    reader_view_action = add_action(window, view_menu, "Read and &Tag", "Ctrl+1", slots.show_reader)
    composer_view_action = add_action(window, view_menu, "&Compose", "Ctrl+2", slots.show_composer)
    view_menu.addSeparator()
    add_action(window, view_menu, "Go to &Library", "Alt+1", slots.go_to_library)
    add_action(window, view_menu, "Go to &Reader", "Alt+2", slots.go_to_reader)
    add_action(window, view_menu, "Go to T&hemes", "Alt+3", slots.go_to_themes)
    add_action(window, view_menu, "Go to P&assages", "Alt+4", slots.go_to_passages)
    view_menu.addSeparator()
    for dock in window.findChildren(QDockWidget):
        toggle = dock.toggleViewAction()
        toggle.setText(DOCK_TOGGLES.get(dock.objectName(), f"Show {dock.windowTitle()} Panel"))
        view_menu.addAction(toggle)
    stack = context.undo_stack
    undo_action = _history_action(window, stack, "&Undo", slots.undo, undo=True)
    undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    redo_action = _history_action(window, stack, "&Redo", slots.redo, undo=False)
    redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit_menu.addAction(undo_action)
    edit_menu.addAction(redo_action)
    edit_menu.addSeparator()
    paste_action = QAction("Paste as Ne&w Article", window)
    paste_action.triggered.connect(lambda _checked=False: slots.paste_article())
    paste_action.setEnabled(writable)
    clipboard = ClipboardActions(window, paste_action)
    edit_menu.addActions([clipboard.cut_action, clipboard.copy_action, clipboard.paste_action])
    edit_menu.addAction(paste_action)
    edit_menu.addAction(clipboard.select_all_action)
    edit_menu.aboutToShow.connect(clipboard.refresh)
    edit_menu.addSeparator()
    find_action = add_action(window, edit_menu, "&Find…", "Ctrl+F", slots.find)
    find_next_action = add_action(window, edit_menu, "Find &Next", "F3", slots.find_next)
    search_action = add_action(
        window, edit_menu, "&Search All Articles…", "Ctrl+Shift+F", slots.search
    )
    edit_menu.addSeparator()
    themes_action = add_action(window, edit_menu, "&Manage Themes…", "Ctrl+T", slots.manage_themes)
    preferences_action = add_action(window, edit_menu, "Pr&eferences…", "Ctrl+,", slots.preferences)
    preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
    return WindowActions(
        import_action=import_action, save_copy_action=save_copy_action,
        restore_action=restore_action, close_action=close_action, undo_action=undo_action,
        redo_action=redo_action, find_action=find_action, find_next_action=find_next_action,
        search_action=search_action, paste_action=paste_action, clipboard=clipboard,
        themes_action=themes_action,
        preferences_action=preferences_action, next_article_action=next_article_action,
        previous_article_action=previous_article_action,
        reader_view_action=reader_view_action, composer_view_action=composer_view_action,
        file_menu=file_menu, article_menu=article_menu, note_menu=note_menu,
        edit_menu=edit_menu, view_menu=view_menu,
        help_actions=HelpActions(window, slots.theme_keys, slots.composer_actions),
        project_actions=project_actions, merge_actions=merge_actions,
    )  # fmt: skip
