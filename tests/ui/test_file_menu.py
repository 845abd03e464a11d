"""The project window's File menu through the real Controller: New, Open, Open Recent,
Close Project back to the welcome window, and Quit closing every window cleanly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from briefer.app import Controller
from briefer.core.model import Article
from briefer.session import Session
from briefer.settings import Settings, load_settings, resolve_paths
from briefer.store.lock import lock_path
from briefer.ui.shell.lock_dialog import LockChoice
from briefer.ui.shell.project_window import ProjectWindow
from briefer.ui.shell.welcome import WelcomeView
from tests.private_store import store_of


def make_project(path: Path, title: str) -> Path:
    with Session.create(path) as session:
        store_of(session).add_article(Article(title=title, text=f"{title}\n\nSome words."))
    return path


@pytest.fixture
def first(tmp_path: Path) -> Path:
    return make_project(tmp_path / "first.briefer", "Harbour deal")


@pytest.fixture
def second(tmp_path: Path) -> Path:
    return make_project(tmp_path / "second.briefer", "Grain exports")


@pytest.fixture
def controller(qtbot: QtBot, first: Path) -> Iterator[Controller]:
    control = Controller(resolve_paths(), Settings())
    assert control.open_project(first)
    yield control
    for window in list(control.windows):
        window.close()


def shown(controller: Controller) -> list[str]:
    """What the analyst sees: each visible window by kind and project, oldest first."""
    names = []
    for window in controller.windows:
        assert window.isVisible()
        if isinstance(window, ProjectWindow):
            names.append(window.session.path.name)
        else:
            assert isinstance(window, WelcomeView)
            names.append("welcome")
    return names


def file_menu_texts(window: ProjectWindow) -> list[str]:
    menu = window.menu_actions.file_menu
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def the_window(controller: Controller) -> ProjectWindow:
    window = controller.window
    assert isinstance(window, ProjectWindow)
    return window


def test_the_file_menu_offers_the_project_items_in_order(controller: Controller) -> None:
    texts = file_menu_texts(the_window(controller))
    assert texts[:3] == ["&New Project…", "&Open Project…", "O&pen Recent"]
    assert texts[-2:] == ["&Close Project", "Q&uit"]
    keys = [t[t.index("&") + 1].lower() for t in texts]
    assert len(keys) == len(set(keys)), f"Alt+F then a letter reaches one item: {texts}"
    actions = the_window(controller).menu_actions.project_actions
    assert (
        actions.quit_action.shortcut()
        == (QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])[0]
    )
    assert actions.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)


def test_open_project_opens_it_in_its_own_window(
    controller: Controller, second: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = the_window(controller)
    asked: list[str] = []

    def pick(parent: QWidget, caption: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append(folder)
        return str(second), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    window.menu_actions.project_actions.open_action.trigger()
    assert asked == [str(second.parent)], "the dialog starts in the open project's folder"
    assert shown(controller) == ["first.briefer", "second.briefer"]
    assert the_window(controller).library_panel.count() == 1
    assert the_window(controller).pos() != window.pos(), "cascaded, not hidden behind"
    saved = load_settings(controller.paths).settings.recent_projects
    assert saved[:2] == [str(second.resolve()), str(controller.project_windows[0].session.path)]

    # The same project again: its window comes forward, no second window fights its lock.
    window.menu_actions.project_actions.open_action.trigger()
    assert shown(controller) == ["first.briefer", "second.briefer"]


def test_new_project_creates_it_in_a_window_of_its_own(
    controller: Controller, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "fresh"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: (str(target), "Briefer projects")
    )
    the_window(controller).menu_actions.project_actions.new_action.trigger()
    assert shown(controller) == ["first.briefer", "fresh.briefer"]
    assert (tmp_path / "fresh.briefer").is_file()
    assert the_window(controller).library_panel.count() == 0


def test_open_recent_lists_recent_projects_and_opens_one(
    controller: Controller, second: Path, tmp_path: Path
) -> None:
    controller.settings.add_recent(tmp_path / "gone.briefer")
    controller.settings.add_recent(second)
    window = the_window(controller)
    menu = window.menu_actions.project_actions.recent_menu
    menu.aboutToShow.emit()  # filled as it opens
    items = {a.text(): a for a in menu.actions()}
    assert list(items) == ["&1 second", "&2 gone (missing)", "&3 first"]
    assert not items["&2 gone (missing)"].isEnabled()
    assert items["&1 second"].toolTip() == str(second)
    items["&1 second"].trigger()
    assert shown(controller) == ["first.briefer", "second.briefer"]


def test_open_recent_of_a_locked_project_asks_as_the_welcome_window_does(
    controller: Controller, second: Path
) -> None:
    asked: list[str] = []

    def read_only(parent: object, error: Exception) -> LockChoice:
        asked.append(str(error))
        return LockChoice.READ_ONLY

    controller.ask_locked = read_only
    controller.settings.add_recent(second)
    menu = the_window(controller).menu_actions.project_actions.recent_menu
    with Session.open(second):  # held by another writer
        menu.aboutToShow.emit()
        menu.actions()[0].trigger()
        assert asked and "read-only" in asked[0]
        assert the_window(controller).session.read_only


def test_close_project_goes_back_to_the_welcome_window(
    qtbot: QtBot, controller: Controller, first: Path
) -> None:
    window = the_window(controller)
    window.menu_actions.close_action.trigger()
    assert shown(controller) == ["welcome"]
    assert not window.isVisible()
    assert not lock_path(first).exists(), "the project was closed, its lock let go"
    welcome = controller.window
    assert isinstance(welcome, WelcomeView)
    assert welcome.recent_list.item(0).data(Qt.ItemDataRole.UserRole) == str(first.resolve())
    # and from the welcome window, back into the project
    welcome.recent_list.itemActivated.emit(welcome.recent_list.item(0))
    assert shown(controller) == ["first.briefer"]
    assert not welcome.isVisible()


def test_close_project_with_another_open_leaves_that_one(
    controller: Controller, second: Path
) -> None:
    first_window = the_window(controller)
    assert controller.open_project(second)
    first_window.menu_actions.close_action.trigger()
    assert shown(controller) == ["second.briefer"]


def test_quit_closes_every_window_and_every_project(
    controller: Controller, first: Path, second: Path
) -> None:
    assert controller.open_project(second)
    windows = controller.project_windows
    the_window(controller).composer.flush()
    the_window(controller).menu_actions.project_actions.quit_action.trigger()
    assert controller.windows == []
    assert not any(w.isVisible() for w in windows)
    assert not lock_path(first).exists() and not lock_path(second).exists()
    with Session.open(first, read_only=True) as session:  # closed cleanly, reopens
        assert [a.title for a in session.query.list_articles()] == ["Harbour deal"]


def test_quit_waits_for_an_export_in_progress(
    controller: Controller, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = the_window(controller)
    order: list[str] = []
    monkeypatch.setattr(window.importer, "shutdown", lambda: order.append("import waited"))
    monkeypatch.setattr(
        window.note_actions.exporter, "shutdown", lambda: order.append("export waited")
    )
    monkeypatch.setattr(window.session, "close", lambda: order.append("closed"))
    window.menu_actions.project_actions.quit_action.trigger()
    assert order == ["import waited", "export waited", "closed"]


def test_a_window_without_a_controller_still_closes(qtbot: QtBot, first: Path) -> None:
    window = ProjectWindow(Session.open(first))
    qtbot.addWidget(window)
    window.show()
    actions = window.menu_actions.project_actions
    assert not actions.new_action.isEnabled() and not actions.open_action.isEnabled()
    window.menu_actions.close_action.trigger()
    assert not window.isVisible() and not lock_path(first).exists()
