"""Preferences: chosen values are saved to disk and shown at once; Cancel changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QRadioButton
from pytestqt.qtbot import QtBot

from briefer.app import Controller
from briefer.core.model import Note, Section
from briefer.session import AddNoteCommand, Session
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


def shown_note(controller: Controller) -> ProjectWindow:
    """The window with a note quoting words, shown in the Composer."""
    window = controller.window
    assert isinstance(window, ProjectWindow)
    window.session.do(AddNoteCommand(Note("Brief", sections=(
        Section("Summary", 'Officials called it "a fair deal" on Tuesday.'),
    ))))  # fmt: skip
    window.show()
    window.show_composer()
    window.composer.show_preview()
    return window


def test_page_size_and_note_language_are_chosen_here_and_the_composer_follows(
    qtbot: QtBot, controller: Controller
) -> None:
    """A US analyst picks US Letter and American English here, not in settings.json: saved,
    and the Composer's preview (its quotation marks) and page count follow at once."""
    controller.settings.page_size, controller.settings.language = "A4", "en-GB"
    window = shown_note(controller)
    window.composer.refresh_preview()
    assert "‘a fair deal’" in window.composer.preview.toPlainText()
    assert window.composer.page_count.counter.profile.page_width == pytest.approx(595, abs=1)

    dialog = PreferencesDialog(controller.settings, ["Briefing note"], controller.apply_settings)
    qtbot.addWidget(dialog)
    sizes = [(dialog.page_size.itemText(i), dialog.page_size.itemData(i))
             for i in range(dialog.page_size.count())]  # fmt: skip
    assert sizes == [("A4", "A4"), ("US Letter", "Letter")]
    assert dialog.page_size.currentText() == "A4"
    languages = [(dialog.language.itemText(i), dialog.language.itemData(i))
                 for i in range(dialog.language.count())]  # fmt: skip
    assert languages[:2] == [("English (United Kingdom)", "en-GB"),
                             ("English (United States)", "en-US")]  # fmt: skip
    assert ("German (Germany)", "de-DE") in languages and ("French (France)", "fr-FR") in languages
    assert dialog.language.currentText() == "English (United Kingdom)"
    dialog.page_size.setCurrentText("US Letter")
    dialog.language.setCurrentText("English (United States)")
    dialog.accept()

    saved = load_settings(controller.paths).settings
    assert (saved.page_size, saved.language) == ("Letter", "en-US")
    window.composer.refresh_preview()
    assert "“a fair deal”" in window.composer.preview.toPlainText()
    counter = window.composer.page_count.counter
    assert (counter.page_size, counter.language) == ("Letter", "en-US")
    assert counter.profile.page_width == pytest.approx(612, abs=1)  # 8.5 in, as Word lays it
    # The next export reads the same settings object the dialog saved into.
    assert (window.settings.page_size, window.settings.language) == ("Letter", "en-US")

    dialog = PreferencesDialog(controller.settings, ["Briefing note"], controller.apply_settings)
    qtbot.addWidget(dialog)
    dialog.citation_style.setCurrentIndex(dialog.citation_style.findData("apa"))
    dialog.accept()  # a later change of style keeps the page and the language
    counter = window.composer.page_count.counter
    assert (counter.page_size, counter.language, counter.citation_style) == (
        "Letter", "en-US", "apa",
    )  # fmt: skip


def test_a_language_of_the_analysts_own_is_kept_and_named(
    qtbot: QtBot, controller: Controller
) -> None:
    controller.settings.language, controller.settings.page_size = "de_AT", "letter"
    dialog = PreferencesDialog(controller.settings, ["Briefing note"], controller.apply_settings)
    qtbot.addWidget(dialog)
    assert dialog.language.currentText() == "German (Austria)"
    assert dialog.page_size.currentText() == "US Letter"  # as the exporter spells it
    dialog.accept()
    saved = load_settings(controller.paths).settings
    assert (saved.language, saved.page_size) == ("de_AT", "Letter")


def test_each_field_has_its_own_access_key_and_the_dialog_shows_whole(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Alt and a letter reaches each field, none shared with another field or with the
    buttons as desktops mark them (&OK, &Cancel, &Apply); the new rows fit too."""
    dialog = PreferencesDialog(Settings(), ["Briefing note"], lambda _chosen: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = sorted(b.text() for b in dialog.findChildren(QDialogButtonBox)[0].buttons())
    assert buttons == ["&Apply", "&Cancel", "&OK"]  # Qt's own labels had none (a trial)
    owners: dict[str, list[str]] = {"o": ["&OK"], "c": ["&Cancel"], "a": ["&Apply"]}
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    texts += [b.text() for b in dialog.findChildren(QRadioButton)]
    assert "&Page size:" in texts and "&Note language:" in texts
    for text in texts:
        at = text.replace("&&", "").find("&")
        if at < 0:
            assert text == "Appearance:", f"{text!r} has no access key"  # its buttons have
            continue
        owners.setdefault(text.replace("&&", "")[at + 1].lower(), []).append(text)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}
    for box in (dialog.page_size, dialog.language):
        assert box.width() >= box.sizeHint().width()
        assert dialog.rect().contains(box.geometry())
    dialog.grab().save(str(tmp_path / "preferences.png"))
