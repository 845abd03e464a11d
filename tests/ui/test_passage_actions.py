"""The Passages panel's context menu and keys (NEWUSER s22 #10): the Reader's passage
actions on a row, Delete and Backspace deleting through the Reader's delete (its question
when notes quote the passage, one undo step), F2 the comment, Go to Passage opening it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from briefer.session import Session
from briefer.ui.reader.comment_dialog import CommentDialog
from briefer.ui.shell.project_window import ProjectWindow
from tests.ui.test_delete_warning import PLAIN, QUOTED, Answer, passage_texts
from tests.ui.test_delete_warning import project as project  # the project, a fixture


@pytest.fixture
def window(qtbot: QtBot, project: Path) -> ProjectWindow:
    window = ProjectWindow(Session.open(project))
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    qtbot.waitExposed(window)
    window.focus_panel(window.passages_panel.view, "passagesDock")
    return window


def pick_row(window: ProjectWindow, words: str) -> QPoint:
    """Make the row of ``words`` current; where it is drawn, in the view's viewport."""
    view = window.passages_panel.view
    proxy = window.passages_panel.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == words)
    view.setCurrentIndex(proxy.index(row, 0))
    return view.visualRect(proxy.index(row, 0)).center()


def labels(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_right_click_offers_go_to_themes_comment_and_delete(
    qtbot: QtBot, window: ProjectWindow, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = window.passages_panel.view
    at = pick_row(window, PLAIN)
    view.customContextMenuRequested.emit(at)
    menu = window.passage_actions.menu
    assert menu is not None and menu.isVisible()
    assert labels(menu) == ["&Go to Passage", "Themes of This Passage", "Edit Comment…",
                            "Delete Passage"]  # fmt: skip
    menu.close()

    by_text = {a.text(): a for a in menu.actions()}
    toggles = by_text["Themes of This Passage"].menu().actions()
    assert [a.isChecked() for a in toggles[:2]] == [True, False]
    toggles[1].trigger()  # Defence on, as the Reader's menu does it
    assert window.menu_actions.undo_action.text() == "&Undo Add theme to passage"

    monkeypatch.setattr(CommentDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(CommentDialog, "text", lambda dialog: "Check the month")
    by_text["Edit Comment…"].trigger()
    with Session.open(project, read_only=True) as session:
        plain = next(p for p in session.query.list_passages() if p.text == PLAIN)
        assert plain.comment == "Check the month" and len(plain.theme_ids) == 2

    by_text["&Go to Passage"].trigger()
    found = window.reader.passages_at(window.reader.cursor_offset() or 0)
    assert [p.text for p in found] == [PLAIN]

    view.setFocus()
    pick_row(window, PLAIN)
    by_text["Delete Passage"].trigger()  # not quoted: no question
    assert passage_texts(project) == [QUOTED]
    window.menu_actions.undo_action.trigger()
    assert passage_texts(project) == [PLAIN, QUOTED]
    window.close()


@pytest.mark.parametrize("key", [Qt.Key.Key_Delete, Qt.Key.Key_Backspace])
def test_delete_on_a_quoted_row_asks_as_the_reader_does_and_undo_brings_it_back(
    qtbot: QtBot,
    window: ProjectWindow,
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    key: Qt.Key,
) -> None:
    view = window.passages_panel.view
    pick_row(window, QUOTED)
    answer = Answer(QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box))
    qtbot.keyClick(view, key)
    [box] = answer.boxes
    assert box.text().startswith(f"“{QUOTED}” is quoted in 2 notes: Weekly brief, Trade note.")
    assert passage_texts(project) == [PLAIN, QUOTED]

    answer.button = QMessageBox.StandardButton.Discard
    qtbot.keyClick(view, key)
    assert passage_texts(project) == [PLAIN]
    assert window.menu_actions.undo_action.text() == "&Undo Delete passage"
    window.menu_actions.undo_action.trigger()
    assert passage_texts(project) == [PLAIN, QUOTED]
    window.close()


def test_f2_on_a_row_edits_its_comment(
    qtbot: QtBot, window: ProjectWindow, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(CommentDialog, "exec", lambda d: shown.append("shown") or 1)
    monkeypatch.setattr(CommentDialog, "text", lambda dialog: "Ask the port for figures")
    pick_row(window, QUOTED)
    qtbot.keyClick(window.passages_panel.view, Qt.Key.Key_F2)
    assert shown == ["shown"]
    with Session.open(project, read_only=True) as session:
        quoted = next(p for p in session.query.list_passages() if p.text == QUOTED)
        assert quoted.comment == "Ask the port for figures"
    window.close()


def test_a_read_only_project_offers_no_edits(
    qtbot: QtBot, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ProjectWindow(Session.open(project, read_only=True))
    qtbot.addWidget(window)
    window.show()
    at = pick_row(window, PLAIN)
    window.passages_panel.view.customContextMenuRequested.emit(at)
    menu = window.passage_actions.menu
    assert menu is not None
    enabled = {a.text(): a.isEnabled() for a in menu.actions() if not a.isSeparator()}
    assert enabled == {"&Go to Passage": True, "Themes of This Passage": False,
                       "Edit Comment…": False, "Delete Passage": False}  # fmt: skip
    menu.close()
    qtbot.keyClick(window.passages_panel.view, Qt.Key.Key_Delete)
    assert "read-only" in window.statusBar().currentMessage()
    assert passage_texts(project) == [PLAIN, QUOTED]
    window.close()


def test_the_menu_key_shows_the_current_rows_menu(qtbot: QtBot, window: ProjectWindow) -> None:
    """The keyboard's menu event comes at a corner of the table, on the first row; the
    menu is for the row the analyst moved to."""
    view = window.passages_panel.view
    pick_row(window, QUOTED)
    at = pick_row(window, PLAIN)
    first = view.visualRect(view.model().index(0, 0))
    assert first.contains(QPoint(5, 5)) and not first.contains(at)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(5, 5), view.viewport().mapToGlobal(QPoint(5, 5))
    )
    QApplication.sendEvent(view.viewport(), event)
    menu = window.passage_actions.menu
    assert menu is not None and menu.isVisible()
    menu.actions()[0].trigger()  # Go to Passage: the current row's
    found = window.reader.passages_at(window.reader.cursor_offset() or 0)
    assert [p.text for p in found] == [PLAIN]
    menu.close()
    window.close()
