"""File > Merge Project… off the GUI thread: progress, a window that keeps running its
event loop, one run of the command on the undo stack, Cancel, and closing mid-merge."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from briefer.core.model import Article, Block, BlockKind, Original, Passage
from briefer.core.tempfiles import is_ours
from briefer.session import Session
from briefer.ui.library.merge_actions import MergeActions
from briefer.ui.shell.project_window import ProjectWindow
from tests.private_store import store_of
from tests.session.merge_data import make_project

ARTICLES = 300
FIXTURES = Path(__file__).resolve().parents[1] / "data" / "store"


def many_articles(path: Path, count: int = ARTICLES) -> Path:
    """A project of ``count`` small articles, each with one tagged passage."""
    with Session.create(path) as session:
        store = store_of(session)
        theme = session.query.list_themes()[0].id
        assert theme is not None
        with store.transaction():
            for index in range(count):
                text = f"Story {index}: grain exports rose by {index} tonnes this week."
                article = Article(
                    title=f"Story {index}",
                    text=text,
                    blocks=(Block(BlockKind.PARAGRAPH, 0, len(text)),),
                    url=f"https://other.example/{index}",
                )
                original = Original(f"{index}.txt", "text/plain", text.encode())
                article_id = store.add_article(article, original)
                store.add_passage(Passage(article_id, 0, 5, text[:5], theme_ids=(theme,)))
    return path


@pytest.fixture
def window_and_other(qtbot: QtBot, tmp_path: Path) -> tuple[ProjectWindow, Path]:
    session = make_project(tmp_path / "a.briefer")
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    return window, many_articles(tmp_path / "b.briefer")


def start_merge(qtbot: QtBot, actions: MergeActions, other: Path) -> None:
    """The dry run to its end, then OK in the mapping step: the merge is running."""
    assert actions.plan(other)
    qtbot.waitUntil(lambda: actions.dialog is not None, timeout=30_000)
    assert actions.dialog is not None
    actions.dialog.accept()


def counts(session: Session) -> tuple[int, int]:
    return len(session.query.list_articles()), len(session.query.list_passages())


class Ticks:
    """A 5 ms QTimer on the GUI thread: it only fires while that thread runs its loop."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += 1


def test_the_dry_run_and_the_merge_run_on_a_worker_with_progress_and_undo_once(
    qtbot: QtBot, window_and_other: tuple[ProjectWindow, Path]
) -> None:
    window, other = window_and_other
    session = window.session
    actions = window.menu_actions.merge_actions
    before = counts(session)
    ticks = Ticks()
    assert actions.plan(other)
    assert actions.runner.busy and actions.dialog is None  # returned at once; the worker plans
    progress = actions.runner.dialog
    assert progress is not None and progress.isVisible() and progress.isModal()
    qtbot.waitUntil(lambda: actions.dialog is not None, timeout=30_000)
    assert actions.runner.dialog_seen and actions.runner.last_progress == (ARTICLES, ARTICLES)
    assert counts(session) == before  # the dry run rolled back
    dialog = actions.dialog
    assert dialog is not None
    assert f"Articles: {ARTICLES} added" in dialog.summary.text()
    at_start = ticks.count
    inserted: list[tuple[int, int]] = []
    window.passages_model.rowsInserted.connect(
        lambda _p, first, last: inserted.append((first, last))
    )
    dialog.accept()
    assert actions.runner.busy  # the merge runs on; this thread is back in its loop
    qtbot.waitUntil(lambda: not actions.runner.busy, timeout=30_000)
    assert ticks.count > at_start  # the timer fired while the worker merged
    assert actions.runner.dialog_seen
    assert counts(session) == (before[0] + ARTICLES, before[1] + ARTICLES)
    assert window.undo_stack.count() == 1  # pushed once, in the applied state
    assert window.library_model.rowCount() == before[0] + ARTICLES  # the change news came
    assert inserted == [(before[1], before[1] + ARTICLES - 1)]  # one insertion, not 300 scans
    window.undo_stack.undo()
    assert counts(session) == before
    window.undo_stack.redo()
    assert counts(session) == (before[0] + ARTICLES, before[1] + ARTICLES)
    ticks.timer.stop()
    window.close()


def test_cancel_rolls_the_whole_merge_back(
    qtbot: QtBot, window_and_other: tuple[ProjectWindow, Path]
) -> None:
    window, other = window_and_other
    session = window.session
    actions = window.menu_actions.merge_actions
    before = counts(session)
    start_merge(qtbot, actions, other)
    progress = actions.runner.dialog
    assert progress is not None
    progress.findChild(QPushButton).click()  # Cancel; the worker stops at the next article
    qtbot.waitUntil(lambda: not actions.runner.busy, timeout=30_000)
    assert counts(session) == before
    assert window.undo_stack.count() == 0
    assert "cancelled" in window.statusBar().currentMessage()
    window.close()


def test_closing_the_window_waits_for_a_running_merge(
    qtbot: QtBot, window_and_other: tuple[ProjectWindow, Path]
) -> None:
    window, other = window_and_other
    path = window.session.path
    before = counts(window.session)
    actions = window.menu_actions.merge_actions
    start_merge(qtbot, actions, other)
    assert actions.runner.busy
    window.close()  # waits for the worker, then closes the session
    assert not actions.runner.busy
    with Session.open(path) as reopened:  # the merge the analyst asked for was committed
        assert counts(reopened) == (before[0] + ARTICLES, before[1] + ARTICLES)


def test_closing_during_the_dry_run_cancels_it(
    qtbot: QtBot, window_and_other: tuple[ProjectWindow, Path]
) -> None:
    window, other = window_and_other
    path = window.session.path
    before = counts(window.session)
    actions = window.menu_actions.merge_actions
    assert actions.plan(other) and actions.runner.busy
    window.close()
    assert not actions.runner.busy and actions.dialog is None
    with Session.open(path) as reopened:
        assert counts(reopened) == before


def test_an_other_made_by_an_older_briefer_merges_from_the_window(
    qtbot: QtBot, window_and_other: tuple[ProjectWindow, Path], tmp_path: Path
) -> None:
    window, _other = window_and_other
    folder = tmp_path / "theirs"
    folder.mkdir()
    old = folder / "v2.briefer"
    old.write_bytes((FIXTURES / "project-v2.briefer").read_bytes())
    before = old.read_bytes()
    actions = window.menu_actions.merge_actions
    assert actions.plan(old)
    qtbot.waitUntil(lambda: actions.dialog is not None, timeout=30_000)
    assert actions.dialog is not None and actions.message is None  # no "open it once"
    actions.dialog.accept()
    qtbot.waitUntil(lambda: not actions.runner.busy, timeout=30_000)
    titles = {a.title for a in window.session.query.list_articles()}
    assert "Grain corridor reopens" in titles and window.undo_stack.count() == 1
    assert old.read_bytes() == before and [p.name for p in folder.iterdir()] == ["v2.briefer"]
    assert not [p for p in tmp_path.iterdir() if is_ours(p.name)]
    window.close()


def test_an_unexpected_failure_on_the_worker_is_shown_and_changes_nothing(
    qtbot: QtBot, window_and_other: tuple[ProjectWindow, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, other = window_and_other
    before = counts(window.session)
    actions = window.menu_actions.merge_actions

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug in the merge")

    monkeypatch.setattr("briefer.ui.library.merge_actions.plan_merge", broken)
    assert actions.plan(other)
    qtbot.waitUntil(lambda: not actions.runner.busy, timeout=30_000)
    assert actions.dialog is None and actions.message is not None
    assert "a bug in the merge" in actions.message.text() and "Nothing was changed" in (
        actions.message.text()
    )
    assert counts(window.session) == before and window.undo_stack.count() == 0
    window.close()
