"""The Composer counts pages off the GUI thread, shows only the latest count, and waits
for a count in progress when the window closes."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping

from pytestqt.qtbot import QtBot

from briefer.core.model import Article, Note, Passage, Section
from briefer.session.pages import PageCounter, PageEstimate
from briefer.ui.composer.page_count import PageCountWorker, length_text


class SlowCounter(PageCounter):
    """A real counter that also notes where it ran and takes its time, as a long note does."""

    def __init__(self, delay: float) -> None:
        super().__init__(citation_style=None)
        self.delay = delay
        self.threads: list[str] = []
        self.counted: list[str] = []

    def estimate_with(
        self, note: Note, passages: Mapping[int, Passage], articles: Mapping[int, Article]
    ) -> PageEstimate:
        self.threads.append(threading.current_thread().name)
        time.sleep(self.delay)
        self.counted.append(note.title)
        return super().estimate_with(note, passages, articles)


def note(title: str, words: int) -> Note:
    return Note(title, sections=(Section("Summary", "word " * words, 1, 0),))


def test_pages_are_counted_on_a_worker_and_only_the_latest_is_shown(qtbot: QtBot) -> None:
    counter = SlowCounter(delay=0.2)
    worker = PageCountWorker(counter)
    results: list[tuple[int, float]] = []
    worker.counted.connect(lambda number, pages: results.append((number, pages)))
    started = time.perf_counter()
    worker.request(note("first", 10), {}, {})
    worker.request(note("second", 20), {}, {})  # waits for the first
    last = worker.request(note("third", 3000), {}, {})  # replaces the second
    assert time.perf_counter() - started < 0.1  # the GUI thread did not wait
    qtbot.waitUntil(lambda: any(n == last for n, _ in results), timeout=5000)
    assert counter.counted == ["first", "third"]  # the replaced request never ran
    assert threading.main_thread().name not in counter.threads
    pages = dict(results)
    assert pages[last] > pages[1] > 0  # 3,000 words fill more than 10 do
    worker.shutdown()


def test_closing_waits_for_the_count_in_progress(qtbot: QtBot) -> None:
    counter = SlowCounter(delay=0.3)
    worker = PageCountWorker(counter)
    worker.request(note("long", 500), {}, {})
    worker.request(note("after", 5), {}, {})
    worker.shutdown()  # waits for "long"; "after" is dropped
    assert counter.counted == ["long"]
    worker.request(note("too late", 5), {}, {})
    time.sleep(0.05)
    assert counter.counted == ["long"]


def test_the_status_line_says_when_pages_are_still_being_counted() -> None:
    assert length_text(1200, "", 0) == "1,200 words · counting pages… · no target length"
    assert length_text(1400, "about 3.1 pages", 1200) == (
        "1,400 words · about 3.1 pages · target 1,200 words (over)"
    )
