"""Preferences: chosen values are saved to disk and shown at once; Cancel changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefer.app import Controller
from briefer.session import Session
from briefer.settings import Settings, load_settings, resolve_paths
from briefer.ui.shell.preferences import PreferencesDialog
from briefer.ui.shell.project_window import ProjectWindow


@pytest.fixture
def controller(qtbot: QtBot, tmp_path: Path) -> Iterator[Controller]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style, palette, sheet = app.style().name(), app.palette(), app.styleSheet()
    paths = resolve_paths(tmp_path / "home")
    control = Controller(paths, Settings())
    session = Session.create(tmp_path / "p.briefer")
    window = ProjectWindow(session, control.settings, paths, lambda: None)
    qtbot.addWidget(window)
    control.window = window
    yield control
    window.close()
    app.setStyle(style)
    app.setPalette(palette)
    app.setStyleSheet(sheet)


def test_ok_saves_and_applies(qtbot: QtBot, controller: Controller) -> None:
    dialog = PreferencesDialog(controller.settings, ["Briefing note", "One-page brief"],
                               controller.apply_settings)  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.author.setText("  Ada Analyst ")
    dialog.template.setCurrentText("One-page brief")
    dialog.marking.setCurrentText("CONFIDENTIAL")
    dialog.appearance["dark"].setChecked(True)
    dialog.font_size.setValue(16)
    dialog.backups.setValue(25)
    dialog.accept()

    saved = load_settings(controller.paths).settings
    assert (saved.author, saved.default_template, saved.default_marking) == (
        "Ada Analyst", "One-page brief", "CONFIDENTIAL",
    )  # fmt: skip
    assert (saved.appearance, saved.editor_font_size, saved.keep_backups) == ("dark", 16, 25)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
    window = controller.window
    assert isinstance(window, ProjectWindow)
    assert window.composer.editor.font().pointSizeF() == 16
    assert window.settings.author == "Ada Analyst"  # the window sees the same settings


def test_cancel_changes_nothing(qtbot: QtBot, controller: Controller) -> None:
    dialog = PreferencesDialog(controller.settings, ["Briefing note"], controller.apply_settings)
    qtbot.addWidget(dialog)
    dialog.author.setText("Someone else")
    dialog.reject()
    assert controller.settings.author == ""
    assert not controller.paths.settings_file.exists()


def test_preferences_are_in_the_edit_menu(controller: Controller) -> None:
    window = controller.window
    assert isinstance(window, ProjectWindow)
    assert window.menu_actions.preferences_action.shortcut().toString() == "Ctrl+,"


def test_the_citation_style_is_chosen_here_and_the_preview_follows(
    qtbot: QtBot, controller: Controller
) -> None:
    dialog = PreferencesDialog(controller.settings, ["Briefing note"], controller.apply_settings)
    qtbot.addWidget(dialog)
    offered = [dialog.citation_style.itemData(i) for i in range(dialog.citation_style.count())]
    assert "chicago-notes-bibliography" in offered and "apa" in offered
    assert dialog.citation_style.currentData() == "chicago-notes-bibliography"
    dialog.citation_style.setCurrentIndex(offered.index("apa"))
    dialog.accept()
    assert load_settings(controller.paths).settings.citation_style == "apa"
    window = controller.window
    assert isinstance(window, ProjectWindow)
    assert window.composer.preview.preview_source._citation_style == "apa"
