"""Manage Themes: each field is one undoable command, parents included, refusals put back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefer.core.model import Article, Block, BlockKind, Theme
from briefer.session import AddThemeCommand, Session, TagPassageCommand
from briefer.ui.shell.project_window import ProjectWindow
from briefer.ui.themes.dialog import ThemesDialog
from tests.private_store import store_of

TEXT = "Gas prices rose while the navy ordered frigates."


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ProjectWindow]:
    session = Session.create(tmp_path / "themes.briefer")
    article = store_of(session).add_article(
        Article("Gas", TEXT, (Block(BlockKind.PARAGRAPH, 0, len(TEXT)),))
    )
    energy = session.theme_named("Energy")
    assert energy is not None and energy.id is not None
    session.do(TagPassageCommand(article, 0, 10, [energy.id]))
    w = ProjectWindow(session)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def pick(dialog: ThemesDialog, name: str) -> None:
    for row in range(dialog.list.count()):
        if dialog.list.item(row).text().split("  ")[0].split(" › ")[-1] == name:
            dialog.list.setCurrentRow(row)
            return
    raise AssertionError(name)


def theme(window: ProjectWindow, name: str):
    found = window.session.theme_named(name)
    assert found is not None
    return found


def labels(dialog: ThemesDialog) -> list[str]:
    return [dialog.list.item(r).text() for r in range(dialog.list.count())]


def test_lists_every_theme_with_key_and_passage_count(window: ProjectWindow) -> None:
    dialog = window.manage_themes()
    assert labels(dialog)[0] == "Trade  [1]  · 0 passages"
    assert "Energy  [4]  · 1 passage" in labels(dialog)
    assert window.menu_actions.themes_action.shortcut().toString() == "Ctrl+T"


def test_rename_then_undo(qtbot: QtBot, window: ProjectWindow) -> None:
    dialog = window.manage_themes()
    pick(dialog, "Trade")
    dialog.name.setText("Commerce")
    dialog.name.editingFinished.emit()
    qtbot.waitUntil(lambda: any(t.startswith("Commerce") for t in labels(dialog)))
    assert theme(window, "Commerce").shortcut == "1"
    window.menu_actions.undo_action.trigger()
    qtbot.waitUntil(lambda: labels(dialog)[0].startswith("Trade"))


def test_parent_theme_and_a_refused_cycle(qtbot: QtBot, window: ProjectWindow) -> None:
    dialog = window.manage_themes()
    pick(dialog, "Energy")
    dialog.parent_box.setCurrentIndex(dialog.parent_box.findText("Trade"))
    dialog.parent_box.activated.emit(dialog.parent_box.currentIndex())
    assert theme(window, "Energy").parent_id == theme(window, "Trade").id
    qtbot.waitUntil(lambda: "Trade › Energy  [4]  · 1 passage" in labels(dialog))

    pick(dialog, "Trade")
    dialog.parent_box.setCurrentIndex(dialog.parent_box.findText("Energy"))
    dialog.parent_box.activated.emit(dialog.parent_box.currentIndex())
    assert theme(window, "Trade").parent_id is None
    assert window.statusBar().currentMessage()  # the refusal is said, not swallowed
    qtbot.waitUntil(lambda: dialog.parent_box.currentText() == "(top level)")


def test_a_taken_shortcut_is_refused_and_put_back(qtbot: QtBot, window: ProjectWindow) -> None:
    dialog = window.manage_themes()
    pick(dialog, "Defence")
    dialog.shortcut.setText("1")
    dialog.shortcut.editingFinished.emit()
    assert theme(window, "Defence").shortcut == "2"
    assert "already used" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: dialog.shortcut.text() == "2")


def test_keywords_apply_when_moving_to_another_theme(window: ProjectWindow) -> None:
    dialog = window.manage_themes()
    pick(dialog, "Energy")
    dialog.keywords.setPlainText("gas\nlng, pipeline*")
    pick(dialog, "Trade")
    assert theme(window, "Energy").keywords == ("gas", "lng", "pipeline*")


def test_merge_gives_the_target_theme_to_the_passages(window: ProjectWindow) -> None:
    dialog = window.manage_themes()
    pick(dialog, "Energy")
    dialog.merge_into(theme(window, "Trade").id)
    assert window.session.theme_named("Energy") is None
    passage = window.session.query.list_passages()[0]
    assert passage.theme_ids == (theme(window, "Trade").id,)
    window.menu_actions.undo_action.trigger()
    assert window.session.theme_named("Energy") is not None


def test_a_long_theme_name_ends_in_an_ellipsis_with_the_whole_label_in_its_tooltip(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    name = "Critical infrastructure and supply-chain security in the northern ports"
    window.session.do(AddThemeCommand(Theme(name, "#884422")))
    dialog = window.manage_themes()
    qtbot.waitExposed(dialog)
    assert not dialog.list.horizontalScrollBar().isVisible()
    item = dialog.list.item(dialog.list.count() - 1)
    assert item.toolTip() == item.text() and item.text().startswith(name)
