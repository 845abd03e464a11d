"""Finding things from the window: project search, find in article, article navigation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from briefer.core.model import Article, Block, BlockKind
from briefer.session import Session
from briefer.ui.shell.project_window import ProjectWindow

ARTICLES = [
    ("Grain corridor reopens", "Ukraine resumed grain exports on Monday. Insurers cut premiums."),
    ("Frigate order", "The navy ordered two frigates. The yard expects grain ships later."),
    ("Grid upgrade", "The regulator approved a grid upgrade for the northern region."),
]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> ProjectWindow:
    session = Session.create(tmp_path / "search.briefer")
    for title, text in ARTICLES:
        block = (Block(BlockKind.PARAGRAPH, 0, len(text)),)
        session.project.add_article(Article(title, text, block))
    win = ProjectWindow(session)
    qtbot.addWidget(win)
    win.show()
    return win


def selected_text(window: ProjectWindow) -> str:
    return window.reader.textCursor().selectedText()


def test_search_all_articles_opens_the_hit_with_the_words_selected(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    window.menu_actions.search_action.trigger()
    assert window.search_dock.isVisible() and not window.search_dock.visibleRegion().isEmpty()
    panel = window.search_panel
    qtbot.keyClicks(panel.query, "frigates")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.results.count() == 1 and "1 article(s) match" in panel.status.text()
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert window.library_panel.current_title() == "Frigate order"
    assert selected_text(window) == "frigates"

    panel.query.setText('"no such phrase"')
    panel.run()
    assert panel.results.count() == 0 and panel.status.text() == "No article matches."


def test_find_in_article_and_find_next(
    qtbot: QtBot, window: ProjectWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.step_article(1)
    assert window.library_panel.current_title() == "Frigate order"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("the", True))
    window.menu_actions.find_action.trigger()
    first = window.reader.textCursor().selectionStart()
    window.menu_actions.find_next_action.trigger()
    assert selected_text(window).casefold() == "the"
    assert window.reader.textCursor().selectionStart() != first
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("tariffs", True))
    window.menu_actions.find_action.trigger()
    assert "is not in this article" in window.statusBar().currentMessage()


def test_next_and_previous_article_stop_at_the_ends(window: ProjectWindow) -> None:
    assert window.library_panel.current_row() == 0
    window.menu_actions.previous_article_action.trigger()
    assert window.library_panel.current_row() == 0
    window.menu_actions.next_article_action.trigger()
    window.menu_actions.next_article_action.trigger()
    window.menu_actions.next_article_action.trigger()
    assert window.library_panel.current_row() == 2
    assert "regulator approved" in window.reader.toPlainText()
