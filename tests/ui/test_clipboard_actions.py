"""Edit > Cut, Copy, Paste and Select All act on the field with the focus.

Ctrl+V outside a text field still pastes a new article, as it always has; inside
one it pastes there, from the keyboard or the menu.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

import briefer.importers.paste  # noqa: F401 - loaded before a paste, as after the app's first
from briefer.core.model import Note, Section
from briefer.session import AddNoteCommand, Session
from briefer.ui.shell.project_window import ProjectWindow

DATA = Path(__file__).parent.parent / "data" / "cli"
PASTED = "Grain exports rose by a third, the ministry said on Friday.\n\nMore to follow."


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ProjectWindow]:
    path = tmp_path / "clipboard.briefer"
    with Session.create(path) as session:
        session.do(AddNoteCommand(Note(title="Ports", sections=(Section("Summary", ""),))))
    win = ProjectWindow(Session.open(path))
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    win.close()
    QGuiApplication.clipboard().clear()


def articles(window: ProjectWindow) -> int:
    return len(window.session.query.list_articles())


def focus(qtbot: QtBot, widget: object) -> None:
    widget.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: widget.hasFocus())  # type: ignore[attr-defined]


def test_the_edit_menu_lists_the_clipboard_items_in_the_usual_order(
    window: ProjectWindow,
) -> None:
    texts = [a.text() for a in window.menu_actions.edit_menu.actions() if a.text()]
    assert texts[:7] == [
        "&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Paste as Ne&w Article", "Select &All",
    ]  # fmt: skip
    clipboard = window.menu_actions.clipboard
    assert clipboard.paste_action.shortcut().toString() == "Ctrl+V"
    assert window.menu_actions.paste_action.shortcut().isEmpty()  # one action per key


def test_cut_and_paste_in_the_filter_field_change_the_field_not_the_project(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    clipboard = window.menu_actions.clipboard
    field = window.library_panel.filter
    focus(qtbot, field)
    QTest.keyClicks(field, "harbour")
    assert not clipboard.copy_action.isEnabled()  # nothing selected yet
    clipboard.select_all_action.trigger()
    assert clipboard.cut_action.isEnabled() and clipboard.copy_action.isEnabled()
    clipboard.cut_action.trigger()
    assert field.text() == ""
    assert QGuiApplication.clipboard().text() == "harbour"
    assert clipboard.paste_action.isEnabled()
    clipboard.paste_action.trigger()
    assert field.text() == "harbour"
    assert articles(window) == 0  # pasted into the field, not as an article


def test_paste_in_the_composer_writes_into_the_note(qtbot: QtBot, window: ProjectWindow) -> None:
    window.show_composer()
    editor = window.composer.editor
    focus(qtbot, editor)
    QGuiApplication.clipboard().setText("Ports reopen on Monday.")
    window.menu_actions.clipboard.paste_action.trigger()
    assert "Ports reopen on Monday." in editor.toPlainText()
    assert articles(window) == 0


def test_ctrl_v_outside_a_text_field_still_pastes_a_new_article(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    view = window.library_panel.view
    focus(qtbot, view)
    QGuiApplication.clipboard().setText(PASTED)
    assert window.menu_actions.clipboard.paste_action.isEnabled()
    QTest.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: articles(window) == 1, timeout=30_000)


def test_the_reader_copies_its_selection_and_pastes_only_as_a_new_article(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    window.session.import_all([DATA / "harbour-deal.txt"])
    qtbot.waitUntil(lambda: window.library_panel.count() == 1)
    window.library_panel.select_id(window.session.query.list_articles()[0].id)
    reader = window.reader
    qtbot.waitUntil(lambda: bool(reader.toPlainText().strip()))
    focus(qtbot, reader)
    cursor = reader.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    clipboard = window.menu_actions.clipboard
    assert clipboard.copy_action.isEnabled()
    assert not clipboard.cut_action.isEnabled()  # an article's text is not edited here
    word = cursor.selectedText()
    clipboard.copy_action.trigger()
    assert word and QGuiApplication.clipboard().text() == word
    QGuiApplication.clipboard().setText(PASTED)
    clipboard.paste_action.trigger()
    qtbot.waitUntil(lambda: articles(window) == 2, timeout=30_000)


def test_opening_the_menu_bar_from_the_keyboard_keeps_the_field_meant(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    window.show_composer()
    editor = window.composer.editor
    focus(qtbot, editor)
    QTest.keyClicks(editor, "tariffs")
    editor.selectAll()
    window.menuBar().setFocus(Qt.FocusReason.MenuBarFocusReason)  # what Alt+E does
    qtbot.waitUntil(lambda: not editor.hasFocus())
    clipboard = window.menu_actions.clipboard
    assert clipboard.copy_action.isEnabled() and clipboard.cut_action.isEnabled()
    clipboard.cut_action.trigger()
    assert QGuiApplication.clipboard().text() == "tariffs"
    assert "tariffs" not in editor.toPlainText()


def test_select_all_waits_for_a_text_field(qtbot: QtBot, window: ProjectWindow) -> None:
    view = window.library_panel.view
    focus(qtbot, view)
    assert not window.menu_actions.clipboard.select_all_action.isEnabled()
    assert not window.menu_actions.clipboard.copy_action.isEnabled()
    focus(qtbot, window.library_panel.filter)
    assert window.menu_actions.clipboard.select_all_action.isEnabled()


def test_the_followed_field_is_let_go_cleanly(qtbot: QtBot, window: ProjectWindow) -> None:
    """A combo box may swap its line edit while it has the focus, and a window closing
    destroys the focused field: the Edit items let go of it without libpyside's "Failed
    to disconnect" warning, and follow the next field."""
    import warnings

    from PySide6.QtWidgets import QComboBox, QLineEdit

    combo = QComboBox(window.library_panel)
    combo.setEditable(True)
    combo.show()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        focus(qtbot, combo)
        combo.setLineEdit(QLineEdit())  # the first one is deleted with it
        focus(qtbot, window.library_panel.filter)
        window.library_panel.filter.setText("harbour")
        window.library_panel.filter.selectAll()  # the filter's selection is followed now
        assert window.menu_actions.clipboard.copy_action.isEnabled()
        window.close()
        qtbot.wait(50)
    assert [str(w.message) for w in caught] == []
