"""File > Restore from Backup… and backup warnings in the window, on the offscreen platform."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefer.app import Controller
from briefer.core.model import Article, Block, BlockKind, Note, Section
from briefer.session import (
    AddNoteCommand,
    DeleteThemeCommand,
    Session,
    TagPassageCommand,
    project_backups,
)
from briefer.settings import Paths, Settings, resolve_paths
from briefer.store import Project
from briefer.store import backups as store_backups
from briefer.store.backups import backup_folder
from briefer.ui.shell.project_window import ProjectWindow
from briefer.ui.shell.restore_dialog import RestoreDialog
from tests.private_store import store_of

TEXT = "Harbour deal signed\n\nThe port authority signed a deal for new berths."


@pytest.fixture
def paths() -> Paths:
    return resolve_paths()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "brief.briefer"
    with Session.create(path) as session:
        article = store_of(session).add_article(
            Article(
                title="Harbour deal signed",
                text=TEXT,
                blocks=(
                    Block(BlockKind.HEADING, 0, 19, level=2),
                    Block(BlockKind.PARAGRAPH, 21, len(TEXT)),
                ),
            )
        )
        trade = session.theme_named("Trade")
        assert trade is not None and trade.id is not None
        for words in ("port authority", "new berths"):
            start = TEXT.index(words)
            session.do(TagPassageCommand(article, start, start + len(words), [trade.id]))
    return path


@pytest.fixture
def history(project: Path, paths: Paths) -> Path:
    """Three backups: opened, opened (after a note was added), before deleting Trade."""
    with Session.open(project, backup_dir=paths.backups_dir) as session:
        session.do(AddNoteCommand(Note(title="Weekly", sections=(Section("Summary"),))))
    with Session.open(project, backup_dir=paths.backups_dir) as session:
        trade = session.theme_named("Trade")
        assert trade is not None and trade.id is not None
        session.do(DeleteThemeCommand(trade.id))
    return project


def _rows(dialog: RestoreDialog) -> list[list[str]]:
    rows = []
    for index in range(dialog.list.topLevelItemCount()):
        item = dialog.list.topLevelItem(index)
        rows.append([item.text(column) for column in range(dialog.list.columnCount())])
    return rows


def _choose(monkeypatch: pytest.MonkeyPatch, target: Path, *, open_it: bool) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(
        "briefer.ui.shell.restore_dialog.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), ""),
    )

    def answer(parent: object, title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if open_it else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def test_lists_this_projects_backups_newest_first(
    qtbot: QtBot, history: Path, paths: Paths
) -> None:
    dialog = RestoreDialog(history, paths.backups_dir)
    qtbot.addWidget(dialog)
    entries = project_backups(paths.backups_dir, history)
    assert [row[0] for row in _rows(dialog)] == [e.local_time() for e in entries]
    assert entries[0].taken_at > entries[1].taken_at > entries[2].taken_at
    assert _rows(dialog) == [
        [entries[0].local_time(), 'Before deleting theme "Trade"', "1", "2", "1"],
        [entries[1].local_time(), "Opened", "1", "2", "1"],
        [entries[2].local_time(), "Opened", "1", "2", "0"],
    ]
    assert dialog.list.currentItem() is dialog.list.topLevelItem(0)
    assert dialog.restore_button.isEnabled()


def test_an_unreadable_backup_is_listed_but_cannot_be_restored(
    qtbot: QtBot, history: Path, paths: Paths
) -> None:
    folder = backup_folder(paths.backups_dir, history)
    (folder / "brief-2099-01-01T000000.000000Z.briefer").write_bytes(b"PK\x03\x04 a zip")
    dialog = RestoreDialog(history, paths.backups_dir)
    qtbot.addWidget(dialog)
    first = dialog.list.topLevelItem(0)
    assert first.text(1).startswith("Opened — unreadable")
    assert first.text(2) == "—"
    assert not first.flags() & Qt.ItemFlag.ItemIsSelectable
    assert dialog.list.currentItem() is dialog.list.topLevelItem(1)
    assert dialog.restore_button.isEnabled()


def test_no_backups_says_so(qtbot: QtBot, project: Path, paths: Paths) -> None:
    dialog = RestoreDialog(project, paths.backups_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and not dialog.list.isVisible()
    assert not dialog.restore_button.isEnabled()


def test_restores_into_a_new_file(
    qtbot: QtBot, history: Path, paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _choose(monkeypatch, tmp_path / "restored", open_it=True)
    dialog = RestoreDialog(history, paths.backups_dir)
    qtbot.addWidget(dialog)
    before = history.read_bytes()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "restored.briefer"
    assert dialog.restored == target and dialog.open_restored
    assert asked and str(target) in asked[0]
    with Project.open(target, read_only=True) as restored:
        assert [p.text for p in restored.list_passages()] == ["port authority", "new berths"]
    assert history.read_bytes() == before


def test_never_restores_over_the_open_project(
    qtbot: QtBot, history: Path, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    _choose(monkeypatch, history, open_it=True)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    before = history.read_bytes()
    dialog = RestoreDialog(history, paths.backups_dir)
    qtbot.addWidget(dialog)
    dialog.restore_selected()
    assert warned and "never restored over the open project" in warned[0]
    assert dialog.restored is None and history.read_bytes() == before


def test_file_menu_restores_and_the_controller_opens_the_copy(
    qtbot: QtBot, history: Path, paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _choose(monkeypatch, tmp_path / "back again.briefer", open_it=True)
    controller = Controller(paths, Settings())
    assert controller.open_project(history)
    window = controller.window
    assert isinstance(window, ProjectWindow)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.menu_actions.restore_action in file_menu.actions()
    window.menu_actions.restore_action.trigger()
    dialog = window.restore_dialog
    assert dialog is not None and dialog.isVisible()
    rows = [row[1] for row in _rows(dialog)]
    assert rows[0] == "Opened"  # this open's own backup, taken after the delete
    dialog.list.setCurrentItem(
        dialog.list.topLevelItem(rows.index('Before deleting theme "Trade"'))
    )
    dialog.restore_selected()
    qtbot.waitUntil(lambda: controller.window is not window)
    opened = controller.window
    assert isinstance(opened, ProjectWindow)
    qtbot.addWidget(opened)
    assert opened.session.path == tmp_path / "back again.briefer"
    assert len(opened.session.query.list_passages()) == 2
    opened.close()


def _open_with_failing_backups(
    qtbot: QtBot, paths: Paths, project: Path, monkeypatch: pytest.MonkeyPatch
) -> ProjectWindow:
    modal: list[str] = []  # a modal error would block the analyst (and this test)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: modal.append(text))
    controller = Controller(paths, Settings())
    assert controller.open_project(project), modal
    assert modal == []
    window = controller.window
    assert isinstance(window, ProjectWindow)
    qtbot.addWidget(window)
    assert not window.session.read_only
    assert window.isVisible()
    return window


FULL_DISK = {
    "ENOSPC": (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), "no space left on device"),
    "sqlite-full": (sqlite3.OperationalError("database or disk is full"), "disk is full"),
}


@pytest.mark.parametrize("kind", FULL_DISK)
def test_a_full_backups_disk_warns_in_the_window_and_opens(
    qtbot: QtBot, project: Path, paths: Paths, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    error, said = FULL_DISK[kind]

    def full(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(store_backups, "copy_database", full)
    window = _open_with_failing_backups(qtbot, paths, project, monkeypatch)
    message = window.statusBar().currentMessage()
    assert message.startswith("Warning: Could not back up brief.briefer")
    assert said in message
    window.tagging.run(DeleteThemeCommand(window.session.theme_named("Trade").id or 0))
    assert window.session.theme_named("Trade") is None  # the delete went ahead
    assert "could not back up" in window.statusBar().currentMessage().lower()
    window.close()


def test_a_read_only_backups_folder_warns_in_the_window_and_opens(
    qtbot: QtBot, project: Path, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.backups_dir.mkdir(parents=True)
    paths.backups_dir.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        window = _open_with_failing_backups(qtbot, paths, project, monkeypatch)
    finally:
        paths.backups_dir.chmod(stat.S_IRWXU)
    assert "permission denied" in window.statusBar().currentMessage().lower()
    assert window.library_panel.count() == 1
    window.close()
