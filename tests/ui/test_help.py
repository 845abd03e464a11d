"""Help: pages render offline, links lead to pages, and the shortcuts are the real ones."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from briefer import __version__
from briefer.resources import resource_path
from briefer.session import Session
from briefer.ui.shell.help import PAGES, SHORTCUTS, HelpWindow
from briefer.ui.shell.project_window import ProjectWindow
from tests.ui.driving import Modals, menu_action

LINK = re.compile(r"\]\(([^)]+)\)")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ProjectWindow]:
    w = ProjectWindow(Session.create(tmp_path / "help.briefer"))
    qtbot.addWidget(w)
    yield w
    w.close()


@pytest.mark.parametrize(("page", "title"), PAGES)
def test_every_page_renders_with_words(qtbot: QtBot, page: str, title: str) -> None:
    help_window = HelpWindow()
    qtbot.addWidget(help_window)
    help_window.show_page(page)
    text = help_window.browser.toPlainText()
    assert len(text.split()) > 20 and "Page missing" not in text


@pytest.mark.parametrize("page", [p for p, _ in PAGES if p != SHORTCUTS])
def test_links_between_pages_resolve(page: str) -> None:
    names = {p for p, _ in PAGES}
    text = resource_path("help", page).read_text(encoding="utf-8")
    for target in LINK.findall(text):
        assert target in names, f"{page} links to {target}, which is not a help page"
    assert "http" not in text  # offline: nothing to fetch


def test_shortcuts_page_lists_the_windows_real_bindings(window: ProjectWindow) -> None:
    help_window = window.menu_actions.help_actions.open(SHORTCUTS)
    text = help_window.browser.toPlainText()
    native = QKeySequence("Ctrl+I").toString(QKeySequence.SequenceFormat.NativeText)
    assert (
        f"{native}\tImport…" in text
        or f"{native}\nImport…" in text
        or (native in text and "Import…" in text)
    )
    assert "Export Note…" in text and "Preferences…" in text
    assert "Tag the selection with Trade" in text and "Esc" in text
    assert "Bold" in text and "Move up" in text  # the Composer's own keys
    window.menu_actions.import_action.setShortcut(QKeySequence("Ctrl+Alt+I"))
    help_window.show_page(SHORTCUTS)
    assert QKeySequence("Ctrl+Alt+I").toString(QKeySequence.SequenceFormat.NativeText) in (
        help_window.browser.toPlainText()
    )


def test_f1_opens_the_guide_and_a_link_follows(window: ProjectWindow) -> None:
    assert window.menu_actions.help_actions.guide_action.shortcut() == QKeySequence(
        QKeySequence.StandardKey.HelpContents
    )
    window.menu_actions.help_actions.guide_action.trigger()
    help_window = window.menu_actions.help_actions.help_window
    assert help_window is not None and help_window.isVisible()
    assert "Briefer user guide" in help_window.browser.toPlainText()
    help_window._link(QUrl("templates.md"))
    assert "Your own templates" in help_window.browser.toPlainText()


def resource_url(name: str):
    from PySide6.QtCore import QUrl

    return QUrl(name)


def test_every_menu_action_has_a_shortcut_or_a_mnemonic(window: ProjectWindow) -> None:
    missing = []
    for top in window.menuBar().actions():
        menu = top.menu()
        assert menu is not None and "&" in top.text()
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            if action.objectName() == "tagMenuHint":  # a greyed note, never chosen
                continue
            if not action.shortcuts() and "&" not in action.text():
                missing.append(f"{top.text()} > {action.text()}")
    assert missing == []


@pytest.mark.parametrize(
    "key, modifier",
    [(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
     (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)],
    ids=["esc", "ctrl+w"],
)  # fmt: skip
def test_help_closes_on_esc_and_ctrl_w_from_the_page_or_the_list(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    help_window = HelpWindow()
    qtbot.addWidget(help_window)
    for focus in (help_window.browser, help_window.pages):
        help_window.show()
        qtbot.keyClick(focus, key, modifier)
        assert not help_window.isVisible()


def test_f1_brings_the_guide_forward_with_the_keyboard_in_it(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    """Shown without being activated, the guide left keys with the main window: Esc did
    not close it and a second F1 behind the main window showed nothing new."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.menu_actions.help_actions.guide_action.trigger()
    help_window = window.menu_actions.help_actions.help_window
    assert help_window is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is help_window)
    window.activateWindow()  # the analyst clicks back into the note
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.menu_actions.help_actions.guide_action.trigger()  # F1 again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is help_window)


def test_quit_is_listed_with_its_chord_only(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """X11 without a desktop binds the multimedia Exit key to Quit too; the Keyboard
    Shortcuts page read "Ctrl+Q, Exit", as if Quit had a second meaning."""
    platform = [QKeySequence("Ctrl+Q"), QKeySequence(Qt.Key.Key_Exit)]
    monkeypatch.setattr(QKeySequence, "keyBindings", lambda _key: platform)
    window = ProjectWindow(Session.create(tmp_path / "keys.briefer"))
    qtbot.addWidget(window)
    quit_action = window.menu_actions.project_actions.quit_action
    assert quit_action.shortcuts() == [QKeySequence("Ctrl+Q")]
    text = window.menu_actions.help_actions.open(SHORTCUTS).browser.toPlainText()
    assert "Exit" not in text
    window.close()


def test_help_about_names_the_version_to_report(window: ProjectWindow) -> None:
    modals = Modals()

    def read(box: QMessageBox) -> None:
        assert box.windowTitle() == "About Briefer"
        assert f"Briefer {__version__}" in box.text() and "offline" in box.text()
        box.accept()

    modals.expect(QMessageBox, read)
    menu_action(window, "Help", "About Briefer").trigger()
    modals.check()
