"""Side panels keep a useful width: their share of the window, not their pixels, when it
is resized, and never a squeezed layout brought back from the settings.

The walk that found it: shrink the window to its minimum, enlarge it to 1366x768, quit,
reopen. The Themes, Passages and Search column stayed 125 pixels wide ("T…", tabs
"Th… P…") and Compose's outline and passages were squeezed the same way.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QTabBar
from pytestqt.qtbot import QtBot

from briefer.core.model import Note, Section
from briefer.session import AddNoteCommand, Session
from briefer.session.samples import ensure_sample_project
from briefer.settings import Settings, load_settings, resolve_paths, save_settings
from briefer.ui.shell.layouts import LIBRARY_SHARE, READ_PANELS_SHARE
from briefer.ui.shell.project_window import ProjectWindow
from tests.ui.driving import keep_picture

WIDTH, HEIGHT = 1366, 768


class Opener(Protocol):
    def __call__(self, settings: Settings) -> ProjectWindow: ...


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = ensure_sample_project(tmp_path_factory.mktemp("sample"))
    with Session.open(path) as session:
        session.do(AddNoteCommand(Note("Brief", sections=(
            Section("Summary", "Main point."), Section("Background", ""),
            Section("Trade", ""), Section("Defence", ""), Section("Outlook", ""),
        ))))  # fmt: skip
    return path


@pytest.fixture
def open_window(qtbot: QtBot, sample_file: Path, tmp_path: Path) -> Iterator[Opener]:
    project = Path(shutil.copy(sample_file, tmp_path / "shares.briefer"))
    windows: list[ProjectWindow] = []

    def opener(settings: Settings) -> ProjectWindow:
        window = ProjectWindow(Session.open(project), settings, resolve_paths())
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(WIDTH, HEIGHT)
        window.show()
        qtbot.waitExposed(window)
        settle()
        return window

    yield opener
    for window in windows:
        window.close()


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def save(window: ProjectWindow, name: str) -> None:
    """Keep a picture of what the test saw, to look at."""
    keep_picture(window, name)


def panels_width(window: ProjectWindow) -> int:
    return window.docks[0].width()


def assert_tabs_whole(window: ProjectWindow) -> None:
    [bar] = [b for b in window.findChildren(QTabBar) if b.isVisible() and b.count() == 3]
    for index in range(bar.count()):
        assert bar.tabRect(index).width() >= bar.tabSizeHint(index).width(), bar.tabText(index)


def assert_read_proportions(window: ProjectWindow) -> None:
    width = window.width()
    assert panels_width(window) >= 0.9 * READ_PANELS_SHARE * width, panels_width(window)
    library = window.read_split.sizes()[0]
    assert library >= 0.9 * LIBRARY_SHARE * width, library
    assert_tabs_whole(window)


def assert_compose_proportions(window: ProjectWindow) -> None:
    split, side = window.composer.split.sizes(), window.composer.side.sizes()
    assert split[1] >= 0.25 * sum(split), f"the side column has {split[1]} of {sum(split)}"
    assert side[0] >= 0.28 * sum(side), f"the outline has {side[0]} of {sum(side)}"


def shrink_and_grow(window: ProjectWindow) -> None:
    window.resize(100, 100)  # as far as it goes
    settle()
    assert window.width() < 1000
    window.resize(WIDTH, HEIGHT)
    settle()


def test_panels_get_their_share_back_when_the_window_grows_again(
    open_window: Opener, briefer_home: Path
) -> None:
    settings = Settings()
    window = open_window(settings)
    assert_read_proportions(window)
    window.show_composer()
    settle()
    assert_compose_proportions(window)
    shrink_and_grow(window)
    save(window, "compose-after-shrink-and-grow")
    assert_compose_proportions(window)
    window.show_reader()
    settle()
    shrink_and_grow(window)
    save(window, "read-after-shrink-and-grow")
    assert_read_proportions(window)
    window.close()

    paths = resolve_paths()
    save_settings(paths, settings)
    again = open_window(load_settings(paths).settings)
    save(again, "read-reopened")
    assert_read_proportions(again)
    again.show_composer()
    settle()
    save(again, "compose-reopened")
    assert_compose_proportions(again)


def test_a_squeezed_layout_in_the_settings_is_rebalanced(open_window: Opener) -> None:
    """A layout saved squeezed (as the old build saved it) opens with sensible shares."""
    settings = Settings()
    window = open_window(settings)
    for dock in window.docks:  # the old build had no minimums
        dock.setMinimumWidth(0)
    window.library_panel.setMinimumWidth(0)
    window.resizeDocks([window.docks[0]], [100], Qt.Orientation.Horizontal)
    window.read_split.setSizes([90, WIDTH - 190])
    settle()
    assert panels_width(window) < 150 and window.read_split.sizes()[0] < 130
    window.show_composer()
    settle()
    composer = window.composer
    composer.side.setMinimumWidth(0)
    composer.outline_panel.setMinimumHeight(0)
    composer.split.setSizes([WIDTH - 120, 120])
    composer.side.setSizes([40, 500])
    settle()
    assert composer.split.sizes()[1] < 140 and composer.side.sizes()[0] < 130
    window.show_reader()
    window.close()
    assert settings.read_layout and settings.compose_layout

    again = open_window(settings)
    assert_read_proportions(again)
    again.show_composer()
    settle()
    assert_compose_proportions(again)


def test_a_panel_width_the_analyst_chose_is_kept_as_a_share(
    qtbot: QtBot, open_window: Opener
) -> None:
    window = open_window(Settings())
    dock = window.docks[0]
    before = dock.width()
    # Drag the edge between the Reader and the panels 200 pixels to the left.
    middle = (window.workspace.geometry().right() + 1 + dock.x()) // 2  # the separator
    edge = QPoint(middle, dock.y() + dock.height() // 2)
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=edge)
    for step in range(1, 11):
        qtbot.mouseMove(window, edge - QPoint(20 * step, 0))
        settle()  # Qt applies a separator's move on its next pass
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=edge - QPoint(200, 0))
    settle()
    chosen = dock.width()
    assert chosen > before + 150, f"the drag left the panels {chosen} wide (was {before})"
    share = chosen / window.width()
    window.resize(1024, 640)
    settle()
    window.resize(WIDTH, HEIGHT)
    settle()
    assert abs(dock.width() - chosen) <= 4
    window.resize(1100, 700)
    settle()
    assert abs(dock.width() / window.width() - share) < 0.02


def front_panel(window: ProjectWindow) -> str:
    [bar] = [b for b in window.findChildren(QTabBar) if b.isVisible() and b.count() == 3]
    return bar.tabText(bar.currentIndex())


@pytest.mark.parametrize("front", [0, 1, 2], ids=["themes", "passages", "search"])
def test_the_front_tab_keeps_the_share_whichever_it_is(open_window: Opener, front: int) -> None:
    """The panels behind the front tab keep the width they had before they were tabbed;
    that stale width is no share of the window, and the front panel was sized by it:
    Search in front at 1366, resized to 900 and back, was 146 pixels ("The… Pass… Se…")."""
    window = open_window(Settings())
    dock = window.docks[front]
    dock.raise_()
    settle()
    assert front_panel(window) == dock.windowTitle()
    expected = READ_PANELS_SHARE * WIDTH
    assert abs(dock.width() - expected) <= 8, dock.width()
    for width in (900, WIDTH, 1000, WIDTH):
        window.resize(width, HEIGHT)
        settle()
        save(window, f"{dock.objectName()}-front-at-{width}")
        assert abs(dock.width() - READ_PANELS_SHARE * width) <= 8, (width, dock.width())
    assert_tabs_whole(window)
    # The analyst's mode switch and back keeps it too.
    window.show_composer()
    settle()
    window.show_reader()
    settle()
    assert front_panel(window) == dock.windowTitle()
    assert abs(dock.width() - expected) <= 8, dock.width()
    window.resize(1100, HEIGHT)
    settle()
    assert abs(dock.width() - READ_PANELS_SHARE * 1100) <= 8, dock.width()


def test_a_window_deleted_after_a_mouse_release_raises_nothing(
    qtbot: QtBot, sample_file: Path, tmp_path: Path
) -> None:
    """A mouse release queues learning the panels' shares; a window deleted before that
    runs made it call into a deleted C++ object (RuntimeError in the event loop)."""
    project = Path(shutil.copy(sample_file, tmp_path / "deleted.briefer"))
    window = ProjectWindow(Session.open(project), Settings(), resolve_paths())
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    at = QPointF(5, HEIGHT - 60)
    release = QMouseEvent(
        QEvent.Type.MouseButtonRelease, at, at, Qt.MouseButton.LeftButton,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, release)
    window.close()
    shiboken6.delete(window)
    settle()  # pytest-qt fails the test on an exception raised in a slot
