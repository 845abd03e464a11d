"""One job at a time off the GUI thread, behind a window-modal progress dialog.

The merge and the QDA import/export each take seconds on a big file; run on the GUI
thread they freeze the window. A job runs on a QThread and its result or exception
reaches the GUI thread queued, where the caller pushes an applied command on the undo
stack or says what went wrong. The session may be used from the worker as imports use
it: the store's connection allows other threads and its lock serialises the GUI's reads
with the worker's transaction. The dialog is shown at once and is window-modal, so the
window takes no edit while the worker's transaction runs (it would wait on the store,
then land on the undo stack before the job it followed). Cancel is offered only for a
job that checks ``cancelled()`` and rolls back; otherwise the dialog cannot be dismissed.
After Cancel it stays up too, saying "Cancelling…", until the worker has rolled back.
A job that records nothing on the undo stack (a paste) may ask for the dialog only once it
has run ``show_after`` ms, as file imports do, so a quick one shows no flash of a dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

Progress = Callable[[int, int], None]
Job = Callable[[Progress, Callable[[], bool]], object]
"""The work: given a progress callback and a cancelled() test, returns a result or raises."""


class JobWorker(QObject):
    """Runs one job on a QThread; its signals reach the GUI thread queued."""

    progressed = Signal(int, int)  # steps done, steps in all
    succeeded = Signal(object)  # the job's result
    failed = Signal(object)  # the exception it raised

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self._cancel = False

    def cancel(self) -> None:
        """Thread-safe: a plain flag the job reads between steps."""
        self._cancel = True

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self.progressed.emit, lambda: self._cancel)
        except Exception as exc:  # typed errors are shown; anything else is logged too
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


class JobDialog(QProgressDialog):
    """A progress dialog that, for a job with no Cancel or one cancelled and rolling back,
    Escape and the title bar's close button leave up: hiding it would let edits in under
    the worker's transaction."""

    def __init__(self, title: str, cancellable: bool, parent: QWidget) -> None:
        super().__init__(f"{title}…", "Cancel", 0, 0, parent)
        self.cancellable = cancellable
        if not cancellable:
            self.setCancelButton(None)
        self.was_shown = False
        self.cancelling = False

    def show_cancelling(self, text: str = "Cancelling…") -> None:
        """After Cancel: up again (QProgressDialog hides itself on cancel), saying the
        job is stopping, until the worker has rolled back and the runner drops it."""
        self.cancellable, self.cancelling = False, True
        self.setLabelText(text)
        self.setRange(0, 0)  # a rollback has no steps to count: the busy bar
        for button in self.findChildren(QPushButton):
            button.setEnabled(False)  # not removed: its own clicked signal is running
        self.show()

    def showEvent(self, event: QShowEvent) -> None:
        self.was_shown = True
        super().showEvent(event)

    def reject(self) -> None:
        """Escape: for a job with Cancel, what Cancel does (hiding the dialog alone would
        leave the job running behind a window that takes edits)."""
        if self.cancellable:
            self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.cancellable:
            super().closeEvent(event)
        else:
            event.ignore()


class JobRunner(QObject):
    """Owns one job at a time: its thread, its progress dialog, and the news of its end.

    ``done`` gets the result, ``failed`` the exception, always on the GUI thread and never
    after ``shutdown``."""

    step_text = "Step {done} of {total}"  # the dialog's label as progress arrives

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._thread: QThread | None = None
        self._job: JobWorker | None = None
        self.dialog: JobDialog | None = None
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
        cancellable: bool = True,
        show_after: int = 0,
    ) -> bool:
        """Run ``job`` on a worker; False when one is running already. ``finish_on_close``:
        closing the window waits for the job to end instead of cancelling it.
        ``cancellable``: the dialog offers Cancel (the job must honour ``cancelled()``).
        ``show_after``: ms before the dialog shows (0: at once); only for a job whose
        end pushes nothing on the undo stack (see the module's docstring)."""
        if self.busy:
            return False
        self._done, self._failed, self._finish_on_close = done, failed, finish_on_close
        self.last_progress = (0, 0)
        self.dialog = JobDialog(title, cancellable, self._parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(show_after)  # 0: at once, not after a delay
        self.dialog.setAutoReset(False)  # the last step is not the end: notes, commit
        self.dialog.setAutoClose(False)
        if show_after > 0:
            self.dialog.setValue(0)  # starts Qt's timer: shown if the job outlasts it
        else:
            self.dialog.show()
        self.dialog_seen = self.dialog.isVisible()
        self._thread = QThread(self)
        self._job = JobWorker(job)
        self._job.moveToThread(self._thread)
        self._thread.started.connect(self._job.run)
        self._job.progressed.connect(self._progress)
        self._job.succeeded.connect(self._succeeded)
        self._job.failed.connect(self._failed_now)
        # Not to the worker's slot: that object lives on the busy thread, whose event loop
        # would only deliver the cancel once the job had ended. The flag is set here.
        self.dialog.canceled.connect(self._cancel_asked)
        self._thread.start()
        return True

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _cancel_asked(self) -> None:
        """Cancel, Escape or the close button: the worker stops at its next check and
        rolls back, which for a merge takes seconds; the dialog says so meanwhile."""
        self.cancel()
        if self.dialog is not None and self._thread is not None:
            self.dialog.show_cancelling()

    def shutdown(self) -> None:
        """On close: cancel what may be cancelled, let the rest finish, and wait for the
        thread either way, so the session is never closed under a running transaction."""
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
            self.dialog_seen = self.dialog_seen or self.dialog.was_shown
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def _progress(self, done: int, total: int) -> None:
        # A window-modal QProgressDialog processes events inside setValue(), so the
        # queued end of the job may run (and drop the dialog) during this call: hold it.
        dialog = self.dialog
        if dialog is None or dialog.cancelling:  # a step counted before the worker stopped
            return
        self.last_progress = (done, total)
        dialog.setLabelText(self.step_text.format(done=done, total=total))
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
