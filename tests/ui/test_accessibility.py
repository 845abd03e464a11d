"""Screen readers and tests find every part of the window by name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from briefer.session import Session
from briefer.ui.shell.project_window import ProjectWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ProjectWindow]:
    w = ProjectWindow(Session.create(tmp_path / "a11y.briefer"))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def test_main_panels_have_stable_object_names(window: ProjectWindow) -> None:
    for name in ("library", "reader", "themes", "passages", "composer"):
        assert window.findChild(QWidget, name) is not None, name


@pytest.mark.parametrize("tab", [0, 1])
def test_every_focusable_widget_has_an_accessible_name(window: ProjectWindow, tab: int) -> None:
    window.workspace.setCurrentIndex(tab)
    checked, unnamed = 0, []
    for widget in window.findChildren(QWidget):
        if (
            widget.focusPolicy() == Qt.FocusPolicy.NoFocus
            or isinstance(widget, QTabBar)
            or not widget.isVisibleTo(window)
            or widget.objectName().startswith("qt_")
        ):
            continue
        checked += 1
        if isinstance(widget, QAbstractButton) and widget.text().strip():
            continue  # a button's text is its name
        if not widget.accessibleName().strip():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert checked > 8
    assert unnamed == []


def test_every_menu_item_has_its_own_access_key(window: ProjectWindow) -> None:
    """Alt+V then one letter reaches any View item: no item without a letter, none shared."""
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        letters: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator() or action.objectName() == "tagMenuHint":  # a greyed note
                continue
            text = action.text()
            at = text.find("&")
            assert 0 <= at < len(text) - 1, f"{text!r} in {menu_action.text()!r} has no access key"
            letter = text[at + 1].lower()
            assert letter not in letters, f"{text!r} and {letters[letter]!r} share &{letter}"
            letters[letter] = text


@pytest.mark.parametrize("tab", [0, 1])
def test_no_two_visible_access_keys_clash_with_each_other_or_the_menus(
    window: ProjectWindow, tab: int
) -> None:
    """Alt+N must open the Note menu in Compose too: a button showing &New Note… took it
    (Qt moves focus between clashing mnemonics instead of acting)."""
    window.workspace.setCurrentIndex(tab)
    owners: dict[str, list[str]] = {}

    def key(text: str) -> None:
        at = text.replace("&&", "").find("&")
        if at >= 0:
            owners.setdefault(text.replace("&&", "")[at + 1].lower(), []).append(text)

    for action in window.menuBar().actions():
        key(action.text())
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window):
            key(button.text())
    for label in window.findChildren(QLabel):
        if label.isVisibleTo(window) and label.buddy() is not None:
            key(label.text())
    for bar in window.findChildren(QTabBar):
        if bar.isVisibleTo(window):
            for index in range(bar.count()):
                key(bar.tabText(index))
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}
