"""The window shell on the offscreen platform: welcome, opening projects, errors shown."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefer.app import Controller
from briefer.core.model import Article, Block, BlockKind
from briefer.session import ProjectLocked, ProjectReadOnly, Session
from briefer.settings import Settings, load_settings, resolve_paths
from briefer.ui.shell.lock_dialog import LockChoice, confirm_break_box, locked_message_box
from briefer.ui.shell.project_window import ProjectWindow
from briefer.ui.shell.welcome import WelcomeView
from tests.private_store import store_of


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "brief.briefer"
    text = "Harbour deal signed\n\nThe port authority signed a deal."
    with Session.create(path) as session:
        store_of(session).add_article(
            Article(
                title="Harbour deal signed",
                text=text,
                blocks=(
                    Block(BlockKind.HEADING, 0, 19, level=2),
                    Block(BlockKind.PARAGRAPH, 21, len(text)),
                ),
                publisher="Test Wire",
            )
        )
    return path


def test_welcome_lists_recent_projects_and_opens_one(
    qtbot: QtBot, project: Path, tmp_path: Path
) -> None:
    opened: list[Path] = []
    view = WelcomeView([str(project), str(tmp_path / "gone.briefer")], opened.append, opened.append)
    qtbot.addWidget(view)
    assert view.recent_list.count() == 2
    assert view.recent_list.item(0).text() == f"{project.stem}  —  {project.parent}"
    assert view.recent_list.currentRow() == 0  # Tab there highlights it, Enter opens it
    missing = view.recent_list.item(1)
    assert "missing" in missing.text() and not (missing.flags() & Qt.ItemFlag.ItemIsEnabled)
    view.recent_list.itemActivated.emit(view.recent_list.item(0))
    assert opened == [project]


@pytest.mark.parametrize("dialog", ["new", "open"])
def test_the_project_dialogs_open_beside_the_latest_project_never_where_briefer_started(
    qtbot: QtBot, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialog: str
) -> None:
    """A tester's New Project dialog opened in the folder the program was started from
    (a source checkout): the latest project's folder, else Documents or home, is where
    an analyst keeps projects."""
    from PySide6.QtWidgets import QFileDialog

    started_in = tmp_path / "started-here"
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    asked: list[str] = []

    def answer(_parent: object, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return "", ""

    name = "getSaveFileName" if dialog == "new" else "getOpenFileName"
    monkeypatch.setattr(QFileDialog, name, staticmethod(answer))
    elsewhere = tmp_path / "projects"
    elsewhere.mkdir()
    latest = elsewhere / "latest.briefer"
    latest.write_bytes(project.read_bytes())
    for recent, expected in (([str(latest), str(project)], elsewhere), ([], None)):
        view = WelcomeView(recent, print, print)
        qtbot.addWidget(view)
        view.choose_new() if dialog == "new" else view.choose_open()
        if expected is not None:
            assert Path(asked[-1]) == expected
        assert asked[-1] and Path(asked[-1]) != started_in and Path(asked[-1]).is_dir()


def test_project_window_shows_articles_and_saved_status(qtbot: QtBot, project: Path) -> None:
    session = Session.open(project)
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    assert window.library_panel.count() == 1
    assert "The port authority signed a deal." in window.reader.toPlainText()
    assert "All changes saved" in window.status.text()
    window.close()


def test_controller_opens_a_project_and_remembers_it(
    qtbot: QtBot, project: Path, briefer_home: Path
) -> None:
    paths = resolve_paths()
    controller = Controller(paths, Settings())
    assert controller.open_project(project)
    qtbot.addWidget(controller.window)
    assert isinstance(controller.window, ProjectWindow)
    assert load_settings(paths).settings.recent_projects == [str(project.resolve())]
    assert list(paths.backups_dir.rglob("*.briefer")), "opening for writing keeps a backup"
    controller.window.close()


def test_controller_shows_the_store_message_for_a_broken_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.briefer"
    broken.write_bytes(b"this is not a project")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    controller = Controller(resolve_paths(), Settings())
    controller.show_welcome()
    qtbot.addWidget(controller.window)
    assert not controller.open_project(broken)
    assert isinstance(controller.window, WelcomeView)
    assert shown and "broken.briefer" in shown[0]
    assert broken.read_bytes() == b"this is not a project"


def test_locked_project_offers_read_only(qtbot: QtBot, project: Path) -> None:
    asked: list[str] = []

    def answer_read_only(parent: object, error: Exception) -> LockChoice:
        asked.append(str(error))
        return LockChoice.READ_ONLY

    with Session.open(project):
        controller = Controller(resolve_paths(), Settings())
        controller.ask_locked = answer_read_only
        assert controller.open_project(project)
        qtbot.addWidget(controller.window)
        assert asked and "read-only" in asked[0]
        assert isinstance(controller.window, ProjectWindow) and controller.window.session.read_only
        assert "read-only" in controller.window.windowTitle()
        controller.window.close()


def _lock_from_another_computer(project: Path) -> Path:
    lock = project.with_name(f".~{project.name}.lock")
    lock.write_text(
        json.dumps(
            {
                "user": "sam",
                "host": "field-laptop",
                "pid": 4242,
                "since": "2026-11-30T09:00:00+00:00",
            }
        ),
        encoding="utf-8",
    )
    return lock


def test_another_computers_lock_can_be_broken_from_the_window(qtbot: QtBot, project: Path) -> None:
    lock = _lock_from_another_computer(project)
    controller = Controller(resolve_paths(), Settings())
    controller.ask_locked = lambda parent, error: LockChoice.OPEN_ANYWAY
    assert controller.open_project(project)
    qtbot.addWidget(controller.window)
    assert isinstance(controller.window, ProjectWindow)
    assert not controller.window.session.read_only
    assert json.loads(lock.read_text(encoding="utf-8"))["pid"] == os.getpid()
    controller.window.close()
    assert not lock.exists()


def test_the_lock_question_offers_open_anyway_behind_a_confirmation(
    qtbot: QtBot, project: Path
) -> None:
    _lock_from_another_computer(project)
    with pytest.raises(ProjectLocked) as locked:
        Session.open(project)
    message = str(locked.value)
    assert "field-laptop" in message and "Open Anyway" in message and "--break-lock" in message
    box = locked_message_box(None, locked.value)
    qtbot.addWidget(box)
    names = [b.objectName() for b in box.buttons()]
    assert set(names) == {"read-only", "open-anyway", "cancel"}
    confirm = confirm_break_box(None, locked.value)
    qtbot.addWidget(confirm)
    assert confirm.defaultButton().objectName() == "cancel"  # breaking is never the default
    assert "field-laptop" in confirm.text()


def test_a_running_briefer_on_this_computer_is_not_offered_open_anyway(
    qtbot: QtBot, project: Path
) -> None:
    """The box named a live holder on this very computer, and still offered to break its
    lock (a new user's trial): a dead one's lock is taken over, so it is running."""
    with Session.open(project), pytest.raises(ProjectLocked) as locked:
        Session.open(project)
    assert locked.value.here
    box = locked_message_box(None, locked.value)
    qtbot.addWidget(box)
    assert "open-anyway" not in [b.objectName() for b in box.buttons()]
    assert "switch to that window" in box.text()


def test_a_read_only_file_is_not_offered_open_anyway(qtbot: QtBot, tmp_path: Path) -> None:
    box = locked_message_box(None, ProjectReadOnly(tmp_path / "x.briefer", "the file"))
    qtbot.addWidget(box)
    assert "open-anyway" not in [b.objectName() for b in box.buttons()]


def test_save_a_copy_writes_a_project_that_opens(
    qtbot: QtBot, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "copies" / "brief copy.briefer"
    target.parent.mkdir()
    monkeypatch.setattr(
        "briefer.ui.shell.project_window.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), ""),
    )
    window = ProjectWindow(Session.open(project))
    qtbot.addWidget(window)
    window.menu_actions.save_copy_action.trigger()
    window.close()
    assert [p.name for p in target.parent.iterdir()] == [target.name], "no temp files left"
    with Session.open(target, read_only=True) as copy:
        assert [a.title for a in copy.query.list_articles()] == ["Harbour deal signed"]


def test_a_failed_copy_is_reported_not_raised(
    qtbot: QtBot, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x")
    target = blocker / "copy.briefer"
    monkeypatch.setattr(
        "briefer.ui.shell.project_window.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), ""),
    )
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    window = ProjectWindow(Session.open(project))
    qtbot.addWidget(window)
    window.menu_actions.save_copy_action.trigger()
    assert warned and not target.exists()
    assert warned[0].startswith("Could not save a copy as") and "Errno" not in warned[0]
    window.close()


def test_a_file_open_event_opens_the_project(qtbot: QtBot, project: Path) -> None:
    from PySide6.QtGui import QFileOpenEvent

    from briefer.app import FileOpenFilter

    controller = Controller(resolve_paths(), Settings())
    controller.show_welcome()
    qtbot.addWidget(controller.window)
    assert FileOpenFilter(controller).eventFilter(controller.window, QFileOpenEvent(str(project)))
    qtbot.addWidget(controller.window)
    assert isinstance(controller.window, ProjectWindow)
    controller.window.close()


def test_panel_layout_is_remembered_across_openings(qtbot: QtBot, project: Path) -> None:
    from PySide6.QtWidgets import QDockWidget

    paths = resolve_paths()
    controller = Controller(paths, load_settings(paths).settings)
    controller.open_project(project)
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.window.findChild(QDockWidget, "passagesDock").hide()
    controller.window.close()
    assert load_settings(paths).settings.window_state

    again = Controller(paths, load_settings(paths).settings)
    again.open_project(project)
    qtbot.addWidget(again.window)
    again.window.show()
    assert not again.window.findChild(QDockWidget, "passagesDock").isVisible()
    assert again.window.findChild(QDockWidget, "themesDock").isVisible()
    again.window.close()


def test_keyboard_jumps_between_panels(qtbot: QtBot, project: Path) -> None:
    from PySide6.QtWidgets import QDockWidget

    window = ProjectWindow(Session.open(project))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.findChild(QDockWidget, "passagesDock").hide()
    actions = {a.text(): a for a in window.menu_actions.view_menu.actions()}
    expected = {
        "Go to &Library": window.library_panel.filter,
        "Go to &Reader": window.reader,
        "Go to T&hemes": window.themes_panel.view,
        "Go to P&assages": window.passages_panel.view,
    }
    for text, widget in expected.items():
        actions[text].trigger()
        qtbot.waitUntil(widget.hasFocus, timeout=2000)
    assert window.findChild(QDockWidget, "passagesDock").isVisible()
    assert actions["Go to &Reader"].shortcut().toString() == "Alt+2"
    window.close()


def test_the_sample_project_is_built_once_and_opened(qtbot: QtBot, briefer_home: Path) -> None:
    paths = resolve_paths()
    controller = Controller(paths, Settings())
    controller.show_welcome()
    qtbot.addWidget(controller.window)
    assert controller.window.sample_button.isVisibleTo(controller.window)
    controller.window.sample_button.click()
    qtbot.addWidget(controller.window)
    assert isinstance(controller.window, ProjectWindow)
    titles = controller.window.library_panel.titles()
    assert any(t.startswith("Eastmark and Northland") for t in titles) and len(titles) >= 2
    sample = controller.window.session.path
    assert sample.parent == paths.data_dir and not list(paths.data_dir.glob(".*building"))
    first = [(a.id, a.imported_at) for a in controller.window.session.query.list_articles()]
    controller.window.close()

    again = Controller(paths, Settings())
    again.open_sample()  # reopened, not rebuilt: the same articles, imported at the same times
    qtbot.addWidget(again.window)
    assert again.window.session.path == sample
    assert [(a.id, a.imported_at) for a in again.window.session.query.list_articles()] == first
    again.window.close()


def test_recent_projects_of_one_name_are_told_apart_by_their_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    first, second = tmp_path / "work" / "brief.briefer", tmp_path / "home" / "brief.briefer"
    view = WelcomeView([str(first), str(second)], lambda _p: None, lambda _p: None)
    qtbot.addWidget(view)
    texts = [view.recent_list.item(i).text() for i in range(2)]
    assert texts == [
        f"brief (missing)  —  {Path('~', 'work')}",
        f"brief (missing)  —  {Path('~', 'home')}",
    ]
