"""The Composer's page count, worked out on a thread of its own.

Counting lays the whole note out in its citation style: for 320 quotations that is up
to a second the first time (the style formats every citation once), which on the GUI
thread froze the window just after a note opened. The note's material is read on the
GUI thread (the project's connection belongs to it); laying out and counting happen on
one worker thread, one count at a time. A count asked for while one runs replaces any
other waiting, so typing queues at most one; a result for an older request is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from briefer.core.logs import get_logger
from briefer.core.model import Article, Note, Passage
from briefer.session.pages import PageCounter

log = get_logger(__name__)

_Job = tuple[int, PageCounter, Note, Mapping[int, Passage], Mapping[int, Article]]


class PageCountWorker(QObject):
    counted = Signal(int, float)  # request number, pages (-1: could not count)
    _done = Signal(int, float)  # from the worker thread; queued to this object's thread

    def __init__(self, counter: PageCounter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.counter = counter  # replaced when the style changes; a running job keeps its own
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefer-pages")
        self._requested = 0
        self._running = False
        self._waiting: _Job | None = None
        self._closed = False
        self._done.connect(self._finished)

    @property
    def latest(self) -> int:
        return self._requested

    @property
    def busy(self) -> bool:
        return self._running or self._waiting is not None

    def request(
        self, note: Note, passages: Mapping[int, Passage], articles: Mapping[int, Article]
    ) -> int:
        """Count ``note``'s pages soon; returns the request's number (``counted`` echoes it)."""
        self._requested += 1
        job: _Job = (self._requested, self.counter, note, passages, articles)
        if self._closed:
            return self._requested
        if self._running:
            self._waiting = job
        else:
            self._start(job)
        return self._requested

    def shutdown(self) -> None:
        """Stop taking requests and wait for a count in progress (closing the window)."""
        self._closed = True
        self._waiting = None
        self._executor.shutdown(wait=True, cancel_futures=True)

    def _start(self, job: _Job) -> None:
        self._running = True
        future = self._executor.submit(_count, job)
        future.add_done_callback(lambda done: self._report(job[0], done))

    def _report(self, number: int, done: Future[float]) -> None:
        try:
            pages = done.result()
        except Exception:  # a bug in counting must not take the Composer down
            log.exception("counting the pages of a note failed")
            pages = -1.0
        self._done.emit(number, pages)

    def _finished(self, number: int, pages: float) -> None:
        self._running = False
        waiting, self._waiting = self._waiting, None
        if waiting is not None and not self._closed:
            self._start(waiting)
        self.counted.emit(number, pages)


def _count(job: _Job) -> float:
    _number, counter, note, passages, articles = job
    return counter.estimate_with(note, passages, articles).length


def length_text(words: int, pages: str, target: int) -> str:
    """The status line: words, pages (or that they are being counted), the target."""
    text = f"{words:,} words · {pages or 'counting pages…'}"
    if not target:
        return text + " · no target length"
    text += f" · target {target:,} words"
    return text + (" (over)" if words > target * 1.1 else "")
