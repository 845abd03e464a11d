"""Tab moves between the window's panes, never through a table's cells: in the Library a
trapped Tab opened the next article on every press and focus never left the list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from briefer.session import Session
from briefer.session.samples import ensure_sample_project
from briefer.ui.shell.project_window import ProjectWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ProjectWindow]:
    w = ProjectWindow(Session.open(ensure_sample_project(tmp_path)))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    yield w
    w.close()


def press_tab(qtbot: QtBot, backwards: bool = False) -> QWidget:
    """Press Tab where the focus is and return where it went."""
    focused = QApplication.focusWidget()
    assert focused is not None
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(focused, key, modifier)
    after = QApplication.focusWidget()
    assert after is not None
    return after


def test_tab_leaves_the_library_without_opening_another_article(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    assert window.library_panel.count() > 1
    window.library.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.library)
    shown = window.library_panel.current_id()
    assert shown is not None
    visited = [press_tab(qtbot) for _ in range(6)]
    assert window.library_panel.current_id() == shown, "Tab opened another article"
    assert visited[0] is not window.library, "Tab is trapped in the Library"
    assert window.reader in visited, "Tab reaches the Reader next to the Library"
    assert window.themes_panel.view in visited, "and the Themes panel after it"


@pytest.mark.parametrize("table", ["themes", "passages"])
def test_tab_and_shift_tab_leave_the_panel_tables(
    qtbot: QtBot, window: ProjectWindow, table: str
) -> None:
    panel = window.themes_panel if table == "themes" else window.passages_panel
    window.focus_panel(panel.view, f"{table}Dock")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.view)
    row = panel.view.currentIndex().row()
    assert press_tab(qtbot) is not panel.view
    panel.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.view)
    assert press_tab(qtbot, backwards=True) is not panel.view
    assert panel.view.currentIndex().row() == row, "Tab moved the table's current row"
