"""File > Import from QDA Tools… and Export for QDA Tools… on the offscreen platform."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from briefer.session import Session
from briefer.ui.shell.project_window import ProjectWindow
from tests.exchange.qda_data import assert_valid, atlas_qdpx, project_schema


def theme_names(window: ProjectWindow) -> list[str]:
    model = window.themes_panel.view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_import_action_brings_themes_and_articles_and_undo_removes_them(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    atlas = atlas_qdpx(tmp_path / "atlas.qdpx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(atlas), ""))
    session = Session.create(tmp_path / "p.briefer")
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    before = theme_names(window)
    window.qda_actions.import_action.trigger()
    qtbot.waitUntil(lambda: not window.qda_actions.runner.busy, timeout=30_000)
    names = theme_names(window)
    assert {"Feelings", "happiness", "delight", "Topics", "Economy"} <= set(names)
    assert window.library_panel.count() == 1
    box = window.qda_actions.message
    assert box is not None and "5 passages" in box.text() and "1 picture sources" in box.text()
    window.menu_actions.undo_action.trigger()
    assert theme_names(window) == before and window.library_panel.count() == 0
    window.close()


def test_a_bad_file_is_shown_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.qdpx"
    bad.write_text("not a zip", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(bad), ""))
    session = Session.create(tmp_path / "p.briefer")
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    before = theme_names(window)
    window.qda_actions.import_action.trigger()
    qtbot.waitUntil(lambda: window.qda_actions.message is not None, timeout=30_000)
    box = window.qda_actions.message
    assert box is not None and "not a .qdpx archive" in box.text()
    assert theme_names(window) == before and not window.undo_stack.canUndo()
    window.close()


def test_export_action_writes_a_valid_project(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out"  # no suffix: the chosen filter decides
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *args, **kwargs: (str(target), "REFI-QDA project (*.qdpx)"),
    )
    session = Session.create(tmp_path / "p.briefer")
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    window.qda_actions.export_action.trigger()
    qtbot.waitUntil(lambda: not window.qda_actions.runner.busy, timeout=30_000)
    with zipfile.ZipFile(tmp_path / "out.qdpx") as archive:
        assert_valid(project_schema(), archive.read("project.qde"))
    assert "Exported 6 themes" in window.statusBar().currentMessage()
    window.close()
