"""Importing from the window: a worker thread, a progress dialog with Cancel, a summary.

The work is the session's batch import (one transaction per file); this
module only keeps it off the GUI thread and reports what became of each file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from briefer.core.logs import get_logger
from briefer.core.model import ArticleSummary
from briefer.session import ImportOutcome, ImportReport, ImportStatus, ProjectError, Session
from briefer.ui.common.background import JobDialog
from briefer.ui.library.model import suffixes_among, with_copy
from briefer.ui.shell.crash import log_hint

SUMMARY_LIMIT = 40
BUSY = "An import is already running; wait for it or cancel it."
log = get_logger(__name__)


class ImportWorker(QObject):
    """Runs on a QThread; signals cross back to the GUI thread queued."""

    progressed = Signal(int, int, str)  # done, total, current file name
    finished = Signal(object)  # ImportReport

    def __init__(
        self, session: Session, paths: Sequence[Path], log_file: Path | None = None
    ) -> None:
        super().__init__()
        self._session = session
        self._paths = list(paths)
        self._log_file = log_file  # named in the report of an unexpected failure
        self._cancel = False
        self.kept_after_cancel: list[str] = []
        """Sources imported after Cancel: the file in hand, finished and kept."""

    def cancel(self) -> None:
        """Thread-safe: a plain flag read between files; the current file completes."""
        self._cancel = True

    @Slot()
    def run(self) -> None:
        outcomes: list[ImportOutcome] = []
        try:
            plan = self._session.plan_import(self._paths)
            self.progressed.emit(0, plan.count, "")
            for outcome in self._session.import_files(plan, cancelled=lambda: self._cancel):
                outcomes.append(outcome)
                if self._cancel and outcome.status is ImportStatus.IMPORTED:
                    self.kept_after_cancel.append(outcome.source)
                self.progressed.emit(len(outcomes), plan.count, Path(outcome.source).name)
        except ProjectError as exc:  # the project itself failed (a full disk), not one file
            self.finished.emit(ImportReport(outcomes, stopped_by=exc))
            return
        except Exception as exc:
            log.exception("import stopped by an unexpected error")
            reason = f"Import stopped: {exc!r}. {log_hint(self._log_file)}"
            outcomes.append(ImportOutcome("(import)", ImportStatus.FAILED, reason=reason))
        self.finished.emit(ImportReport(outcomes))


def describe(
    report: ImportReport,
    articles: Sequence[ArticleSummary] = (),
    kept_after_cancel: Sequence[str] = (),
) -> tuple[str, str]:
    """A one-line summary and a per-file detail text for the summary dialog.

    A file that was being read when the analyst cancelled is finished and kept (a
    half-read article would be worse): the summary starts "Cancelled" and its line says
    so, for one who expected Cancel to leave nothing.

    A duplicate's line names the article it matched as the Library shows it (``articles``,
    the project's now): "Title — PDF" where another article has its title, so the line
    under it ("Filled in its publisher…") says which copy changed. An article not among
    them (deleted since, or none given) is named by its number, as the CLI names it.
    """
    known = {a.id: a for a in articles}
    duplicates = [o.article_id for o in report.outcomes if o.status is ImportStatus.DUPLICATE]
    suffixes = suffixes_among(articles, (i for i in duplicates if i is not None))
    lines = []
    for outcome in report.outcomes:
        name = Path(outcome.source).name or outcome.source
        if outcome.status is ImportStatus.IMPORTED:
            lines.append(f"Imported: {name} — {outcome.title}")
            lines.extend(f"    Warning: {warning}" for warning in outcome.warnings)
            if outcome.note:  # much like an article already there
                lines.append(f"    {outcome.note}")
            if outcome.source in kept_after_cancel:
                lines.append(
                    "    It was being read when you cancelled, so it was finished and kept;"
                    " delete it in the Library if you do not want it."
                )
        elif outcome.status is ImportStatus.DUPLICATE:
            kept = known.get(outcome.article_id) if outcome.article_id is not None else None
            matched = (
                with_copy(kept.title, suffixes.get(kept.id))
                if kept is not None
                else f"{outcome.title} (article {outcome.article_id})"
            )
            lines.append(f"Already in the project: {name} — {matched}")
            if outcome.note:
                lines.append(f"    {outcome.note}")
        elif outcome.status is ImportStatus.CANCELLED:
            lines.append(f"Not imported (cancelled): {name}")
        elif outcome.status is ImportStatus.SKIPPED:
            lines.append(f"Skipped: {name} — {outcome.reason}")
        else:
            lines.append(f"Failed: {name} — {outcome.reason}")
    summary = report.summary.capitalize() + "."
    if report.stopped_by is not None:
        summary = f"{report.stopped_by} {summary}"
    elif kept_after_cancel:
        summary = f"Cancelled: {summary}"
    return summary, "\n".join(lines)


class ImportController(QObject):
    """Owns one import at a time: its thread, progress dialog and final summary."""

    done = Signal(object)  # ImportReport, after the summary was shown

    def __init__(self, session: Session, parent: QWidget, log_file: Path | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self._log_file = log_file
        self._thread: QThread | None = None
        self._job: ImportWorker | None = None
        self._dialog: JobDialog | None = None
        self.show_summary = True

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(self, paths: Sequence[Path]) -> bool:
        if self.busy or not paths:
            return False
        self._dialog = JobDialog("Preparing import", True, self._parent)
        self._dialog.setWindowTitle("Importing")
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(300)
        self._thread = QThread(self)
        self._job = ImportWorker(self._session, paths, self._log_file)
        self._job.moveToThread(self._thread)
        self._thread.started.connect(self._job.run)
        self._job.progressed.connect(self._progress)
        self._job.finished.connect(self._finish)
        # To the controller, which lives on this thread: a slot of the worker itself would
        # be queued to its busy thread and run only once the import had ended.
        self._dialog.canceled.connect(self._cancel_asked)
        self._thread.start()
        return True

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _cancel_asked(self) -> None:
        """The file in hand completes (a big PDF takes seconds): the dialog says so."""
        self.cancel()
        if self._dialog is not None and self._thread is not None:
            self._dialog.show_cancelling("Cancelling: finishing the file in hand…")

    def shutdown(self) -> None:
        """Stop a running import and wait for it (the file in hand completes): used on close."""
        if self._thread is None:
            return
        self.show_summary = False
        self.cancel()
        self._thread.quit()
        self._thread.wait()
        self._clear()

    def _clear(self) -> None:
        self._thread = None
        self._job = None
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None

    def _progress(self, done: int, total: int, current: str) -> None:
        # A window-modal QProgressDialog processes events inside setValue(), so the
        # queued 'finished' may run (and drop the dialog) during this call: hold it.
        dialog = self._dialog
        if dialog is None or dialog.cancelling:
            return
        suffix = f": {current}" if current else ""
        dialog.setLabelText(f"Imported {done} of {total}{suffix}")
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)

    def _finish(self, report: ImportReport) -> None:
        if self._thread is None:  # shut down already; this is the late, queued news
            return
        self._thread.quit()
        self._thread.wait()
        kept_after_cancel = self._job.kept_after_cancel if self._job is not None else []
        self._clear()
        if self.show_summary:
            duplicates = report.count(ImportStatus.DUPLICATE)
            articles = self._session.query.list_articles() if duplicates else []
            summary, details = describe(report, articles, kept_after_cancel)
            box = QMessageBox(self._parent)
            box.setWindowTitle("Import finished")
            box.setIcon(
                QMessageBox.Icon.Warning
                if report.count(ImportStatus.FAILED)
                or report.stopped_by is not None
                or any(o.warnings for o in report.outcomes)
                else QMessageBox.Icon.Information
            )
            box.setText(summary)
            shown = details.splitlines()
            if len(shown) > SUMMARY_LIMIT:
                shown = [*shown[:SUMMARY_LIMIT], f"… and {len(shown) - SUMMARY_LIMIT} more"]
            box.setInformativeText("\n".join(shown))
            box.open()
        self.done.emit(report)
