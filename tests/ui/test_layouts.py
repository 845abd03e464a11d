"""Laptop layouts: the Reader and the section editor keep most of the screen, every button
stays reachable, and Read and Tag and Compose each keep their own layout.

The sizes are logical pixels. A 1366×768 or 1280×720 screen at 125% scaling gives Qt a
1093×614 or 1024×576 logical screen: widgets are laid out in logical pixels and fonts
in points at the same logical DPI, so a window of that logical size at 100% is laid
out exactly as the full-size window at 125% (a test below checks this against a child
process started with QT_SCALE_FACTOR=1.25).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDockWidget,
    QTabBar,
    QToolBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from briefer.core.model import Note, Section
from briefer.session import AddNoteCommand, Session
from briefer.session.samples import ensure_sample_project
from briefer.settings import Settings, load_settings, resolve_paths, save_settings
from briefer.ui.shell.project_window import ProjectWindow

ROOT = Path(__file__).resolve().parents[2]
# (width, height, what screen it stands for)
LAPTOPS = [
    (1366, 768, "1366x768 at 100%"),
    (1280, 720, "1280x720 at 100%"),
    (1093, 614, "1366x768 at 125%"),
    (1024, 576, "1280x720 at 125%"),
]


class ProjectWindowFactory(Protocol):
    """Opens the project in a window of this size, shown."""

    def __call__(
        self, width: int, height: int, settings: Settings | None = None
    ) -> ProjectWindow: ...


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project (articles, themes, tagged passages) plus a note, built once."""
    path = ensure_sample_project(tmp_path_factory.mktemp("sample"))
    with Session.open(path) as session:
        session.do(AddNoteCommand(Note("Brief", sections=(
            Section("Summary", "Main point."), Section("Background", ""),
        ))))  # fmt: skip
    return path


@pytest.fixture
def project(sample_file: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(sample_file, tmp_path / "laptop.briefer"))


@pytest.fixture
def open_window(qtbot: QtBot, project: Path) -> Iterator[ProjectWindowFactory]:
    windows: list[ProjectWindow] = []

    def factory(width: int, height: int, settings: Settings | None = None) -> ProjectWindow:
        window = ProjectWindow(Session.open(project), settings or Settings(), resolve_paths())
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        settle()  # the layout's sizes take effect on the next pass of the event loop
        return window

    yield factory
    for window in windows:
        window.close()


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def in_window(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def assert_share(window: ProjectWindow, widget: QWidget, what: str) -> None:
    assert widget.isVisible(), what
    width, height = widget.width() / window.width(), widget.height() / window.height()
    assert width >= 0.6, f"{what} has {width:.0%} of the width"
    assert height >= 0.5, f"{what} has {height:.0%} of the height"


def assert_reachable(window: QWidget) -> int:
    """No toolbar keeps an action in its overflow menu and no shown button lies outside
    the window (or under its edge): each one can be seen and clicked. Returns how many
    buttons were checked."""
    checked = 0
    for bar in window.findChildren(QToolBar):
        if not bar.isVisible():
            continue
        overflow = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert overflow is None or not overflow.isVisible(), f"{bar.windowTitle()} overflows"
        for action in bar.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            button = bar.widgetForAction(action)
            assert button is not None and button.isVisible(), action.text()
            assert bar.rect().contains(button.geometry()), action.text()
    area = window.rect()
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or not button.visibleRegion().boundingRect().isValid():
            continue  # hidden, or a background tab's
        if button.objectName().startswith("qt_") and not button.isEnabled():
            continue
        checked += 1
        rect = in_window(window, button)
        assert area.contains(rect), f"{button.text() or button.toolTip()!r} lies at {rect}"
    for tabs in window.findChildren(QTabBar):  # the modes' tabs and the panels' tabs
        if not tabs.isVisible() or tabs.visibleRegion().isEmpty():
            continue  # Qt keeps spare tab bars out of sight
        for index in range(tabs.count()):
            checked += 1
            rect = tabs.tabRect(index).translated(tabs.mapTo(window, QPoint(0, 0)))
            assert area.contains(rect), f"tab {tabs.tabText(index)!r} lies at {rect}"
    return checked


@pytest.mark.parametrize(("width", "height", "screen"), LAPTOPS, ids=[s for *_, s in LAPTOPS])
def test_reader_and_editor_keep_most_of_a_laptop_screen(
    open_window: ProjectWindowFactory, width: int, height: int, screen: str
) -> None:
    window = open_window(width, height)
    assert window.size().toTuple() == (width, height), "the window fits the screen"
    assert window.workspace.currentIndex() == 0
    assert_share(window, window.reader, f"the Reader at {screen}")
    themes = window.findChild(QDockWidget, "themesDock")
    assert themes is not None and not themes.visibleRegion().isEmpty(), "Themes in front"
    passages = window.findChild(QDockWidget, "passagesDock")
    assert passages is not None and window.tabifiedDockWidgets(themes), "panels share tabs"
    assert assert_reachable(window) > 5
    shown = [b for b in window.findChildren(QTabBar) if b.isVisible() and b.count() == 3]
    assert len(shown) == 1, "the panels' tab bar"
    for index in range(shown[0].count()):  # "Passages", not "Pa…"
        tab = shown[0].tabText(index)
        assert shown[0].tabRect(index).width() >= shown[0].tabSizeHint(index).width(), tab

    window.show_composer()
    settle()
    editor = window.composer.editor
    assert editor.isEnabled(), "a note is open, so its formatting bar shows"
    assert_share(window, editor, f"the section editor at {screen}")
    bar = window.composer.toolbar
    assert bar.isVisible() and bar.width() <= editor.width() + 2
    quote = [a for a in bar.actions() if a.text().startswith("Quote")]
    assert quote and all(bar.widgetForAction(a).isVisible() for a in quote)
    assert assert_reachable(window) > 10


def docks(window: ProjectWindow) -> dict[str, bool]:
    """Which panels are open (in front or behind a tab), by object name."""
    return {d.objectName(): not d.isHidden() for d in window.findChildren(QDockWidget)}


def in_front(window: ProjectWindow, name: str) -> bool:
    dock = window.findChild(QDockWidget, name)
    return dock is not None and not dock.isHidden() and not dock.visibleRegion().isEmpty()


def test_each_mode_keeps_its_own_layout_in_the_session_and_in_the_settings(
    open_window: ProjectWindowFactory, briefer_home: Path
) -> None:
    settings = Settings()
    window = open_window(1366, 768, settings)
    # Read and Tag: Passages in front, Search closed.
    window.focus_panel(window.passages_panel.view, "passagesDock")
    window.search_dock.close()
    settle()
    read_docks = docks(window)
    assert read_docks == {"themesDock": True, "passagesDock": True, "searchDock": False}

    window.show_composer()
    settle()
    assert not any(docks(window).values()), "Compose starts with the editor, no panels"
    window.show_search()  # opened while composing: part of Compose's layout only
    split = window.composer.split
    split.setSizes([900, 400])
    settle()
    compose_sizes = split.sizes()
    compose_docks = docks(window)
    assert compose_docks["searchDock"]

    window.show_reader()
    settle()
    assert docks(window) == read_docks and in_front(window, "passagesDock")
    window.show_composer()
    settle()
    assert docks(window) == compose_docks and split.sizes() == compose_sizes
    window.close()

    assert settings.read_layout and settings.compose_layout
    paths = resolve_paths()
    save_settings(paths, settings)
    again = open_window(1366, 768, load_settings(paths).settings)
    assert docks(again) == read_docks and in_front(again, "passagesDock")
    again.show_composer()
    settle()
    assert docks(again) == compose_docks and again.composer.split.sizes() == compose_sizes


def test_switching_modes_strands_no_panel_tabs(open_window: ProjectWindowFactory) -> None:
    """Qt's restoreState leaves the replaced layout's tab bars behind, on screen at first:
    a switch must not run it each time."""
    window = open_window(1280, 720)
    bars = len(window.findChildren(QTabBar))
    for _ in range(5):
        window.show_composer()
        settle()
        window.show_reader()
        settle()
    assert len(window.findChildren(QTabBar)) <= bars + 1
    window.show_composer()
    settle()
    shown = [
        [b.tabText(i) for i in range(b.count())]
        for b in window.findChildren(QTabBar)
        if b.parent() is window and b.count() and not b.visibleRegion().isEmpty()
    ]
    assert shown == [], "no panel tabs float over the Composer"


def test_a_junk_layout_in_the_settings_gives_the_default(
    open_window: ProjectWindowFactory,
) -> None:
    settings = Settings(read_layout=["not base64!", "x"], compose_layout=["AAAA", "", "", "9"])
    window = open_window(1280, 720, settings)
    assert docks(window) == {"themesDock": True, "passagesDock": True, "searchDock": True}
    assert in_front(window, "themesDock")
    assert_share(window, window.reader, "the Reader")
    window.show_composer()
    settle()
    assert not any(docks(window).values())
    assert_share(window, window.composer.editor, "the section editor")


def test_dialogs_fit_the_smallest_laptop_screen(
    open_window: ProjectWindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """1280x720 at 125% is 1024x576 logical pixels: every dialog opened from the window
    fits in it, with its buttons inside."""
    from briefer.ui.notes.exporting import ExportOptions
    from briefer.ui.reader.comment_dialog import CommentDialog
    from briefer.ui.shell.preferences import PreferencesDialog

    window = open_window(1024, 576)
    opened: list[QDialog] = []

    def modal(dialog: QDialog) -> int:
        opened.append(dialog)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(QDialog, "exec", modal)
    window.note_actions.new_note()
    window.show_composer()
    window.note_actions.edit_details()
    window.note_actions.key_figures()
    figures = window.note_actions.dialog
    assert figures is not None
    opened += [
        figures,
        window.manage_themes(),
        PreferencesDialog(Settings(), ["Briefing note"], lambda _chosen: None, window),
        CommentDialog("A comment", "the passage's words", window),
        ExportOptions(window.session.path.parent, "Brief", window),
        window.menu_actions.help_actions.open("index.md"),
    ]
    names = {type(d).__name__ for d in opened}
    assert {"DraftDialog", "NoteDetailsDialog", "FiguresDialog", "ThemesDialog"} <= names
    for dialog in opened:
        dialog.show()
        settle()
        name = type(dialog).__name__
        for size in (dialog.size(), dialog.minimumSizeHint()):
            assert size.width() <= 1024 and size.height() <= 576, f"{name} is {size}"
        if name != "HelpWindow":  # no buttons: closed with Esc or Ctrl+W
            assert assert_reachable(dialog) >= 1, name
        dialog.close()


CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from briefer.session import Session
from briefer.settings import Settings
from briefer.ui.shell.project_window import ProjectWindow
app = QApplication([])
window = ProjectWindow(Session.open(Path(sys.argv[1])), Settings())
window.resize(1024, 576)
window.show()
for _ in range(5):
    app.processEvents()
reader = window.reader.size().toTuple()
window.show_composer()
for _ in range(5):
    app.processEvents()
print(json.dumps({
    "ratio": window.devicePixelRatioF(), "pixels": window.grab().size().toTuple(),
    "reader": reader, "editor": window.composer.editor.size().toTuple(),
}))
window.close()
"""


def test_125_percent_scaling_lays_out_as_the_logical_window(
    open_window: ProjectWindowFactory, project: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.25"}
    copy = Path(shutil.copy(project, tmp_path / "scaled.briefer"))
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(copy)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    scaled = json.loads(child.stdout.strip().splitlines()[-1])
    assert scaled["ratio"] == 1.25 and scaled["pixels"] == [1280, 720]

    window = open_window(1024, 576)
    reader = list(window.reader.size().toTuple())
    window.show_composer()
    settle()
    assert scaled["reader"] == reader
    assert scaled["editor"] == list(window.composer.editor.size().toTuple())
