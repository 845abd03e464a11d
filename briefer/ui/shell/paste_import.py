"""Ctrl+V in the window: the clipboard's text or page selection as a new article.

The clipboard is read on the GUI thread (Qt requires it); the parsing, the near-copy
check and the store run on a JobRunner worker, as a file import runs on its own: the
session is used from the worker, its store's lock serialising the GUI's reads with it.
A paste records nothing on the undo stack (as a file import), so its dialog waits a
moment before showing, and a paste of a few KB shows none. Imports no window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from briefer.core.logs import get_logger
from briefer.session import ImportOutcome, ImportStatus, Session
from briefer.ui.common.background import JobRunner
from briefer.ui.library.importing import BUSY

SHOW_AFTER_MS = 300  # as file imports: a paste of a few KB is done long before
FAILED = "Could not make an article from the clipboard: {reason}"
log = get_logger(__name__)


class PasteController(QObject):
    """One paste at a time, never beside a file import; says in the status bar how it went
    and selects the article in the Library."""

    def __init__(
        self,
        session: Session,
        parent: QWidget,
        report: Callable[[str], None],
        select_article: Callable[[int | None], None],
        importing: Callable[[], bool],
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._report = report
        self._select = select_article
        self._importing = importing  # whether a file import runs
        self.runner = JobRunner(parent)

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def paste(self) -> bool:
        """Start pasting what the clipboard holds; False when refused (busy, nothing there)."""
        if self.busy or self._importing():
            self._report(BUSY)
            return False
        mime = QGuiApplication.clipboard().mimeData()
        html = mime.html() if mime is not None and mime.hasHtml() else None
        text = mime.text() if mime is not None and mime.hasText() else None
        if not ((html or "").strip() or (text or "").strip()):  # a blank HTML part, text beside
            self._report("The clipboard has no text to make an article from.")
            return False
        session = self._session

        def job(_progress: object, cancelled: Callable[[], bool]) -> object:
            outcome = session.import_paste(text=text, html=html, cancelled=cancelled)
            return outcome, cancelled()  # a cancel that came after the commit

        started = self.runner.start(
            "Pasting an article", job, self._done, self._failed, show_after=SHOW_AFTER_MS
        )
        dialog = self.runner.dialog
        if started and dialog is not None:
            size = max(len(html or ""), len(text or "")) / 1024 / 1024
            if size >= 1:  # only a paste this big lasts long enough to show the dialog
                dialog.setLabelText(f"Pasting an article from {size:.0f} MB of text…")
        return started

    def shutdown(self) -> None:
        """On close: cancel and wait, so the session is never closed under the worker."""
        self.runner.shutdown()

    def _done(self, result: object) -> None:
        outcome, cancelled = cast(tuple[ImportOutcome, bool], result)  # what ``job`` returns
        late = " It was saved before Cancel could stop it." if cancelled else ""
        if outcome.status is ImportStatus.IMPORTED:
            self._report(" ".join(filter(None, [f"Pasted as a new article: {outcome.title}.",
                                                outcome.note])) + late)  # fmt: skip
            self._select(outcome.article_id)
        elif outcome.status is ImportStatus.DUPLICATE:
            filled = " Its details were filled in before Cancel could stop it." if cancelled else ""
            stop = "" if outcome.title.endswith((".", "?", "!", "…")) else "."
            self._report(f"That text is already in the project: {outcome.title}{stop}"
                         + (filled if outcome.filled else ""))  # fmt: skip
            self._select(outcome.article_id)
        elif outcome.status is ImportStatus.CANCELLED:
            self._report("Paste cancelled: nothing was added to the project.")
        else:
            self._report(FAILED.format(reason=outcome.reason))

    def _failed(self, exc: Exception) -> None:
        """A failure the importer did not foresee (or the project's, a full disk): one line,
        and the window goes on."""
        log.error("pasting an article failed", exc_info=exc)
        reason = " ".join(str(exc).split()) or type(exc).__name__
        self._report(FAILED.format(reason=reason[:300]))
