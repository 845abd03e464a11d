"""Editing themes from the Themes panel's menu: each change lands in the file and undoes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from briefer.core.model import Article, Block, BlockKind, Note, Section, Theme
from briefer.session import AddNoteCommand, Session, TagPassageCommand
from briefer.ui.shell.project_window import ProjectWindow
from tests.private_store import store_of

TEXT = "Oil imports rose. The navy ordered frigates."


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> ProjectWindow:
    session = Session.create(tmp_path / "themes.briefer")
    store_of(session).add_article(Article("Oil", TEXT, (Block(BlockKind.PARAGRAPH, 0, len(TEXT)),)))
    win = ProjectWindow(session)
    qtbot.addWidget(win)
    return win


def theme(window: ProjectWindow, name: str) -> int:
    found = window.session.theme_named(name)
    assert found is not None and found.id is not None
    return found.id


def stored(window: ProjectWindow, theme_id: int) -> Theme:
    """The theme as the project holds it now, read through the session."""
    found = window.session.theme(theme_id)
    assert found is not None
    return found


def names(window: ProjectWindow) -> list[str]:
    return [t.name for t in window.session.query.list_themes()]


def trigger(menu: QMenu, *path: str) -> None:
    for label in path:
        action = next(a for a in menu.actions() if a.text().replace("&", "") == label)
        if action.menu() is not None:
            menu = action.menu()
        else:
            action.trigger()


def test_rename_recolour_shortcut_keywords_and_undo(
    window: ProjectWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    trade = theme(window, "Trade")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Commerce", True))
    trigger(window.theme_actions.menu(trade), "Rename…")
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#112233"))
    trigger(window.theme_actions.menu(trade), "Change Colour…")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("c", True))
    trigger(window.theme_actions.menu(trade), "Set Shortcut Key…")
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("port*\nharbour", True))
    trigger(window.theme_actions.menu(trade), "Edit Keywords…")
    changed = stored(window, trade)
    assert (changed.name, changed.colour, changed.shortcut, changed.keywords) == (
        "Commerce", "#112233", "c", ("port*", "harbour"),
    )  # fmt: skip
    assert window.themes_model.index(0, 0).data() == "Commerce"
    for _ in range(4):
        window.menu_actions.undo_action.trigger()
    assert stored(window, trade).name == "Trade"
    assert stored(window, trade).keywords[0] == "trade"


def test_a_taken_shortcut_is_refused_with_a_message(
    window: ProjectWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("2", True))
    trigger(window.theme_actions.menu(theme(window, "Trade")), "Set Shortcut Key…")
    assert "already used" in window.statusBar().currentMessage()
    assert stored(window, theme(window, "Trade")).shortcut == "1"


def test_new_move_merge_and_delete(window: ProjectWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Ports", True))
    trigger(window.theme_actions.menu(None), "New Theme…")
    assert names(window)[-1] == "Ports" and window.session.theme_named("Ports").shortcut == "7"
    trigger(window.theme_actions.menu(theme(window, "Ports")), "Move Up")
    assert names(window)[-2:] == ["Ports", "Sanctions & tariffs"]

    window.session.do(TagPassageCommand(1, 0, 11, [theme(window, "Energy")]))
    trigger(window.theme_actions.menu(theme(window, "Energy")), "Merge Into", "Trade")
    assert "Energy" not in names(window)
    assert window.session.query.list_passages()[0].theme_ids == (theme(window, "Trade"),)

    asked: list[str] = []

    def delete(box: QMessageBox) -> int:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Discard).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", delete)
    trigger(window.theme_actions.menu(theme(window, "Trade")), "Delete…")
    assert "on 1 passage;" in asked[0]
    assert "Trade" not in names(window) and window.session.query.list_passages() == []
    window.menu_actions.undo_action.trigger()
    assert "Trade" in names(window) and len(window.session.query.list_passages()) == 1


def test_an_ampersand_in_a_theme_name_shows_as_written(window: ProjectWindow) -> None:
    menu = window.theme_actions.menu(theme(window, "Trade"))
    merge = next(a for a in menu.actions() if a.text().replace("&", "") == "Merge Into").menu()
    labels = [a.text() for a in merge.actions()]
    assert "Sanctions && tariffs" in labels  # Qt shows '&&' as a single '&'


def test_deleting_a_theme_names_the_notes_that_quote_its_passages(
    window: ProjectWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = window.session
    session.do(TagPassageCommand(1, 0, 17, [theme(window, "Energy")]))  # Energy only: goes
    session.do(TagPassageCommand(1, 18, 44, [theme(window, "Energy"), theme(window, "Defence")]))
    only, shared = sorted(session.query.list_passages(), key=lambda p: p.start)
    assert only.id is not None and shared.id is not None
    session.do(
        AddNoteCommand(
            Note("Fuel brief", sections=(Section("Summary", f'"Oil imports rose." [@p{only.id}]'),))
        )
    )
    session.do(AddNoteCommand(Note("Navy brief", sections=(
        Section("Summary", f'"The navy ordered frigates." [@p{shared.id}]'),))))  # fmt: skip
    asked: list[str] = []

    def keep(box: QMessageBox) -> int:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", keep)
    trigger(window.theme_actions.menu(theme(window, "Energy")), "Delete…")
    assert "“Fuel brief”" in asked[0] and "[missing source]" in asked[0]
    assert "Navy brief" not in asked[0]  # its passage keeps Defence, so it stays
    assert "Energy" in names(window)  # No changed nothing
