"""File > Import from QDA Tools… and Export for QDA Tools… off the GUI thread: the window
keeps running its loop on a big file, the import lands on the undo stack once, a broken
file is one sentence with nothing changed, and closing the window waits for the job."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from briefer.core.model import Article, Block, BlockKind, Passage
from briefer.session import Session, export_qda
from briefer.ui.common.background import Progress
from briefer.ui.shell.project_window import ProjectWindow
from tests.private_store import store_of

SOURCES = 300


def big_qdpx(tmp_path: Path, count: int = SOURCES) -> Path:
    """A real .qdpx of ``count`` text sources, each with one coded selection, written by
    Briefer's own exporter from a project built for it."""
    with Session.create(tmp_path / "source.briefer") as session:
        store = store_of(session)
        theme = session.query.list_themes()[0].id
        assert theme is not None
        with store.transaction():
            for index in range(count):
                text = f"Report {index}: the harbour handled {index} ships in a busy week."
                article = Article(
                    title=f"Report {index}",
                    text=text,
                    blocks=(Block(BlockKind.PARAGRAPH, 0, len(text)),),
                )
                article_id = store.add_article(article)
                store.add_passage(Passage(article_id, 0, 6, text[:6], theme_ids=(theme,)))
        export_qda(session, tmp_path / "big.qdpx")
    return tmp_path / "big.qdpx"


def counts(session: Session) -> tuple[int, int, int]:
    query = session.query
    return len(query.list_articles()), len(query.list_passages()), len(query.list_themes())


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))


class Ticks:
    """A 5 ms QTimer on the GUI thread: it only fires while that thread runs its loop,
    and counts only while ``busy()`` (the job has not ended)."""

    def __init__(self, busy: Callable[[], bool]) -> None:
        self.count = 0
        self.busy = busy
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += self.busy()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> ProjectWindow:
    window = ProjectWindow(Session.create(tmp_path / "p.briefer"))
    qtbot.addWidget(window)
    return window


def test_a_big_import_runs_on_a_worker_and_one_undo_removes_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: ProjectWindow
) -> None:
    big = big_qdpx(tmp_path)
    choose(monkeypatch, big)
    actions = window.qda_actions
    before = counts(window.session)
    ticks = Ticks(lambda: actions.runner.busy)
    window.qda_actions.import_action.trigger()
    assert actions.runner.busy and actions.runner.dialog_seen  # returned at once
    assert actions.runner.dialog is not None
    qtbot.waitUntil(lambda: not actions.runner.busy, timeout=60_000)
    ticks.timer.stop()
    assert ticks.count > 0  # the GUI thread ran its loop while the worker was importing
    after = counts(window.session)
    assert after[0] == before[0] + SOURCES and after[1] == before[1] + SOURCES
    assert window.library_panel.count() == before[0] + SOURCES
    assert window.undo_stack.count() == 1  # pushed once, applied once
    box = actions.message
    assert box is not None and f"{SOURCES} new articles" in box.text()
    window.menu_actions.undo_action.trigger()
    assert counts(window.session) == before
    window.menu_actions.redo_action.trigger()
    assert counts(window.session) == after
    window.close()


def test_cancel_rolls_the_whole_qda_import_back(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: ProjectWindow
) -> None:
    choose(monkeypatch, big_qdpx(tmp_path))
    actions = window.qda_actions
    before = counts(window.session)
    actions.import_action.trigger()
    progress = actions.runner.dialog
    assert progress is not None and progress.findChild(QPushButton).isVisible()
    progress.findChild(QPushButton).click()  # Cancel; the worker stops at the next source
    qtbot.waitUntil(lambda: not actions.runner.busy, timeout=60_000)
    assert counts(window.session) == before
    assert window.undo_stack.count() == 0
    assert "cancelled" in window.statusBar().currentMessage()
    window.close()


def test_a_job_without_cancel_keeps_its_dialog_up_until_it_ends(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    release = threading.Event()
    results: list[object] = []
    runner = window.qda_actions.runner

    def job(_progress: Progress, _cancelled: Callable[[], bool]) -> str:
        assert release.wait(10)
        return "done"

    assert runner.start("Waiting", job, results.append, results.append, cancellable=False)
    dialog = runner.dialog
    assert dialog is not None and dialog.isVisible()
    assert not [b for b in dialog.findChildren(QPushButton) if b.isVisible()]  # no Cancel
    dialog.reject()  # what Escape does
    dialog.close()  # what the title bar's close button does
    assert dialog.isVisible() and runner.busy
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=30_000)
    assert results == ["done"] and runner.dialog is None
    window.close()


def test_after_cancel_the_dialog_stays_up_saying_so_until_the_rollback_ends(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    """A merge or QDA import rolls back for seconds after Cancel: its dialog stays up (the
    window stays blocked, no edit slips in under the transaction), says "Cancelling…",
    and neither a second Cancel, Escape nor the close button takes it away early."""
    rolled_back = threading.Event()
    results: list[object] = []
    runner = window.qda_actions.runner

    def job(_progress: Progress, cancelled: Callable[[], bool]) -> str:
        while not cancelled():
            threading.Event().wait(0.01)
        assert rolled_back.wait(10)  # the rollback, as long as the test says
        return "rolled back"

    assert runner.start("Merging", job, results.append, results.append)
    dialog = runner.dialog
    assert dialog is not None and dialog.isVisible()
    cancel = dialog.findChild(QPushButton)
    cancel.click()
    qtbot.wait(50)
    assert dialog.isVisible() and runner.busy
    assert dialog.labelText() == "Cancelling…"
    assert not cancel.isEnabled()
    dialog.reject()  # what Escape does
    dialog.close()  # what the title bar's close button does
    assert dialog.isVisible()
    rolled_back.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=30_000)
    assert results == ["rolled back"] and runner.dialog is None
    window.close()


def test_escape_on_a_running_job_cancels_it_as_cancel_does(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    """Escape reaching the dialog hid it and left the job running (review)."""
    release = threading.Event()
    stopped = threading.Event()
    results: list[object] = []
    runner = window.qda_actions.runner

    def job(_progress: Progress, cancelled: Callable[[], bool]) -> str:
        while not cancelled():
            if release.wait(0.01):
                return "ran to the end"
        stopped.set()
        assert release.wait(10)
        return "rolled back"

    assert runner.start("Merging", job, results.append, results.append)
    dialog = runner.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(stopped.is_set, timeout=5_000)
    assert dialog.isVisible() and dialog.labelText() == "Cancelling…"
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=30_000)
    assert results == ["rolled back"]
    window.close()


def test_a_broken_file_is_one_sentence_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: ProjectWindow
) -> None:
    broken = tmp_path / "broken.qdpx"
    broken.write_bytes(big_qdpx(tmp_path, 5).read_bytes()[:400])  # a truncated archive
    choose(monkeypatch, broken)
    before = counts(window.session)
    window.qda_actions.import_action.trigger()
    qtbot.waitUntil(lambda: window.qda_actions.message is not None, timeout=30_000)
    box = window.qda_actions.message
    assert box is not None and box.windowTitle() == "Could not import"
    assert box.text().strip() and "\n" not in box.text().strip()
    assert "Traceback" not in box.text() and "broken.qdpx" in box.text()
    assert counts(window.session) == before and not window.undo_stack.canUndo()
    window.close()


def test_a_second_job_is_refused_while_one_runs(
    qtbot: QtBot, tmp_path: Path, window: ProjectWindow
) -> None:
    big = big_qdpx(tmp_path, 50)
    actions = window.qda_actions
    assert actions.import_file(big)
    assert not actions.export_file(tmp_path / "out.qdpx")
    qtbot.waitUntil(lambda: not actions.runner.busy, timeout=60_000)
    assert not (tmp_path / "out.qdpx").exists()
    window.close()


def test_closing_the_window_waits_for_a_running_import(
    qtbot: QtBot, tmp_path: Path, window: ProjectWindow
) -> None:
    big = big_qdpx(tmp_path)
    path = window.session.path
    before = counts(window.session)
    actions = window.qda_actions
    assert actions.import_file(big) and actions.runner.busy
    window.close()  # waits for the worker, then closes the session
    assert not actions.runner.busy
    with Session.open(path) as reopened:  # the import the analyst asked for was committed
        assert counts(reopened)[0] == before[0] + SOURCES


def test_closing_the_window_waits_for_a_running_export(qtbot: QtBot, tmp_path: Path) -> None:
    big = big_qdpx(tmp_path)
    window = ProjectWindow(Session.open(tmp_path / "source.briefer"))
    qtbot.addWidget(window)
    target = tmp_path / "again.qdpx"
    assert window.qda_actions.export_file(target)
    window.close()
    assert not window.qda_actions.runner.busy
    assert target.stat().st_size > big.stat().st_size // 2  # written whole before the close
