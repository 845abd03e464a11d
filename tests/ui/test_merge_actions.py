"""File > Merge Project… on the offscreen platform: the mapping step, the merge, Undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from briefer.session import Session, ThemeChoice, UpdateThemeCommand, preview_merge
from briefer.ui.library.merge_actions import MergeActions, MergeDialog
from briefer.ui.shell.project_window import ProjectWindow
from tests.session.merge_data import add_theme, copy_project, make_project, tag


def theme_names(window: ProjectWindow) -> list[str]:
    model = window.themes_panel.view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.fixture
def laptops(tmp_path: Path) -> tuple[Session, Path]:
    """This project open in the window's session; the other laptop's copy closed, with a
    new theme, a passage, and Trade recoloured."""
    a = make_project(tmp_path / "a.briefer")
    with copy_project(a, tmp_path / "b.briefer") as b:
        add_theme(b, "Ports", "#00AA00")
        tag(b, "Visa rules", "Ports")
        trade = b.theme_named("Trade")
        assert trade is not None and trade.id is not None
        b.do(UpdateThemeCommand(trade.id, colour="#000000"))
    return a, tmp_path / "b.briefer"


def test_merge_project_shows_the_mapping_step_and_undo_takes_it_back(
    qtbot: QtBot, laptops: tuple[Session, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    session, other = laptops
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    actions = window.menu_actions.merge_actions
    assert actions.merge_action in window.menu_actions.file_menu.actions()
    before = theme_names(window), len(session.query.list_passages())
    actions.merge_action.trigger()
    qtbot.waitUntil(lambda: actions.dialog is not None)
    dialog = actions.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "Trade"
    assert "#000000" in dialog.table.item(0, 1).text()
    assert "Themes: 1 added" in dialog.summary.text()
    assert theme_names(window) == before[0]  # the dry run wrote nothing
    combo = dialog.combos[0]
    combo.setCurrentIndex(combo.findData(ThemeChoice.TAKE_THEIRS.value))
    dialog.accept()
    qtbot.waitUntil(lambda: not actions.runner.busy)
    assert "Ports" in theme_names(window)
    assert session.theme_named("Trade").colour == "#000000"  # type: ignore[union-attr]
    assert len(session.query.list_passages()) == before[1] + 1
    assert actions.message is not None and "Passages: 1 added" in actions.message.text()
    window.menu_actions.undo_action.trigger()
    assert theme_names(window) == before[0]
    assert session.theme_named("Trade").colour != "#000000"  # type: ignore[union-attr]
    assert len(session.query.list_passages()) == before[1]
    window.close()


def test_a_file_that_is_not_a_project_is_shown_and_changes_nothing(
    qtbot: QtBot, laptops: tuple[Session, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, _other = laptops
    bad = tmp_path / "notes.briefer"
    bad.write_text("just some text", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    before = theme_names(window)
    window.menu_actions.merge_actions.merge_action.trigger()
    qtbot.waitUntil(lambda: window.menu_actions.merge_actions.message is not None)
    box = window.menu_actions.merge_actions.message
    assert box is not None and "notes.briefer" in box.text()
    assert window.menu_actions.merge_actions.dialog is None
    assert theme_names(window) == before and not window.undo_stack.canUndo()
    window.close()


def conflicts_dialog(
    qtbot: QtBot, session: Session, other: Path
) -> tuple[ProjectWindow, MergeActions, MergeDialog]:
    """The window with its merge of ``other`` planned and the conflicts dialog open."""
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    actions = window.menu_actions.merge_actions
    assert actions.plan(other)
    qtbot.waitUntil(lambda: actions.dialog is not None)
    dialog = actions.dialog
    assert dialog is not None
    return window, actions, dialog


def test_the_summary_follows_each_choice_at_once(
    qtbot: QtBot, laptops: tuple[Session, Path]
) -> None:
    session, other = laptops
    window, actions, dialog = conflicts_dialog(qtbot, session, other)
    combo, trade = dialog.combos[0], dialog.plan.conflicts[0].theirs
    shown = [dialog.summary.text()]
    for choice in (ThemeChoice.SEPARATE, ThemeChoice.TAKE_THEIRS, ThemeChoice.KEEP_OURS):
        combo.setCurrentIndex(combo.findData(choice.value))
        assert not actions.runner.busy  # no second dry run: the plan answers
        expected = preview_merge(session, other, {trade.uuid: choice}).lines()
        assert dialog.summary.text() == "\n".join(expected)
        shown.append(dialog.summary.text())
    assert "Themes: 2 added" in shown[1] and "Themes: 1 added" in shown[2]
    assert shown[3] == shown[0]
    dialog.reject()
    window.close()


def test_tab_leaves_the_conflicts_table_for_the_choices_and_buttons(
    qtbot: QtBot, laptops: tuple[Session, Path]
) -> None:
    """Tab walked the table's cells; now it goes on to each row's choice, then Merge."""
    session, other = laptops
    window, _actions, dialog = conflicts_dialog(qtbot, session, other)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    table = dialog.table
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.combos[0], "Tab is trapped in the table"
    assert table.currentRow() == 0  # the row's own choice, not the next cell along
    qtbot.keyClick(dialog.combos[0], Qt.Key.Key_Tab)
    after = QApplication.focusWidget()
    assert isinstance(after, QPushButton) and after.window() is dialog
    dialog.reject()
    window.close()
