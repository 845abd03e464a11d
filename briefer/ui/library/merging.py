"""A merge of projects off the GUI thread: the dry run and the merge each on a worker.

Merging 2,000 articles takes seconds, so both steps run on a QThread with a progress
dialog counting articles, and the window keeps painting. The session may be used from
the worker as imports use it: the store's connection allows other threads and its lock
serialises the GUI's reads with the worker's transaction (the window's models keep their
rows, so painting does not read). Cancel is offered because the command checks between
articles, inside its one transaction: cancelling rolls all of it back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from briefer.ui.shell.crash import log_hint

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Job = Callable[[Progress, Callable[[], bool]], object]
"""The work: given a progress callback and a cancelled() test, returns a result or raises."""


class MergeWorker(QObject):
    """Runs one job on a QThread; its signals reach the GUI thread queued."""

    progressed = Signal(int, int)  # articles done, articles in all
    succeeded = Signal(object)  # the job's result
    failed = Signal(object)  # the exception it raised

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self._cancel = False

    def cancel(self) -> None:
        """Thread-safe: a plain flag the command reads between articles."""
        self._cancel = True

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self.progressed.emit, lambda: self._cancel)
        except Exception as exc:  # typed errors are shown; anything else is logged too
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


class MergeRunner(QObject):
    """Owns one job at a time: its thread, its progress dialog, and the news of its end.

    ``done`` gets the result, ``failed`` the exception, always on the GUI thread and never
    after ``shutdown``."""

    def __init__(self, parent: QWidget, log_file: Path | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self.log_file = log_file
        self._thread: QThread | None = None
        self._job: MergeWorker | None = None
        self.dialog: QProgressDialog | None = None
        self.dialog_seen = False  # whether the last job's progress dialog showed, for tests
        self.last_progress = (0, 0)
        self._done: Callable[[object], None] | None = None
        self._failed: Callable[[Exception], None] | None = None
        self._finish_on_close = False

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(
        self,
        title: str,
        job: Job,
        done: Callable[[object], None],
        failed: Callable[[Exception], None],
        *,
        finish_on_close: bool = False,
    ) -> bool:
        """Run ``job`` on a worker. ``finish_on_close``: closing the window waits for the
        job to end instead of cancelling it (the merge the analyst asked for)."""
        if self.busy:
            return False
        self._done, self._failed, self._finish_on_close = done, failed, finish_on_close
        self.last_progress = (0, 0)
        self.dialog = QProgressDialog(f"{title}…", "Cancel", 0, 0, self._parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # Shown at once, not after a delay: the window must take no edit while the
        # worker's transaction runs (it would wait on the store, then land on the undo
        # stack before the merge it followed), and a window-modal dialog keeps it out.
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoReset(False)  # the last article is not the end: notes, commit
        self.dialog.setAutoClose(False)
        self.dialog.show()
        self.dialog_seen = self.dialog.isVisible()
        self._thread = QThread(self)
        self._job = MergeWorker(job)
        self._job.moveToThread(self._thread)
        self._thread.started.connect(self._job.run)
        self._job.progressed.connect(self._progress)
        self._job.succeeded.connect(self._succeeded)
        self._job.failed.connect(self._failed_now)
        # Not to the worker's slot: that object lives on the busy thread, whose event loop
        # would only deliver the cancel once the merge had ended. The flag is set here.
        self.dialog.canceled.connect(self.cancel)
        self._thread.start()
        return True

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def shutdown(self) -> None:
        """On close: cancel a dry run, let a merge finish, and wait for the thread either
        way, so the session is never closed under a running transaction."""
        if self._thread is None:
            return
        if not self._finish_on_close:
            self.cancel()
        self._thread.quit()
        self._thread.wait()
        self._clear()

    def _clear(self) -> None:
        self._thread = None
        self._job = None
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def _progress(self, done: int, total: int) -> None:
        # A window-modal QProgressDialog processes events inside setValue(), so the
        # queued end of the job may run (and drop the dialog) during this call: hold it.
        dialog = self.dialog
        if dialog is None:
            return
        self.last_progress = (done, total)
        dialog.setLabelText(f"Article {done} of {total}")
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        self.dialog_seen = self.dialog_seen or dialog.isVisible()

    def _end(self) -> bool:
        if self._thread is None:  # shut down already: this is late, queued news
            return False
        self._thread.quit()
        self._thread.wait()
        self._clear()
        return True

    def _succeeded(self, result: object) -> None:
        if self._end() and self._done is not None:
            self._done(result)

    def _failed_now(self, exc: Exception) -> None:
        if not self._end() or self._failed is None:
            return
        self._failed(exc)


def unexpected(exc: Exception, log_file: Path | None) -> str:
    """The sentence for an error no lower layer typed (it is logged with its traceback)."""
    log.error("a merge stopped by an unexpected error", exc_info=exc)
    return f"The merge stopped: {exc!r}. Nothing was changed. {log_hint(log_file)}"
