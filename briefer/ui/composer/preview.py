"""The Composer's live preview: the note as the export will render it, kept current lazily.

Rendering a long note costs tens of milliseconds, so the preview renders
after a pause in typing, and only while it can be seen: a change made
while the Compose tab is hidden just marks it stale until it shows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTextBrowser

from briefer.core.model import Note
from briefer.session import PASSAGE_LINK, NotePreview, section_anchor

PREVIEW_DELAY_MS = 300


class PreviewPanel(QTextBrowser):
    """Shows ``current_note()`` (the note with the editor's text); a citation click opens it."""

    passageOpenRequested = Signal(int)

    def __init__(self, source: NotePreview, current_note: Callable[[], Note | None]) -> None:
        super().__init__()
        self.setObjectName("preview")
        self.setAccessibleName("Preview of the exported note")
        self.setOpenLinks(False)
        # not "source": that would hide QTextBrowser.source(), the shown URL
        self.preview_source = source
        self._current_note = current_note
        self._stale = True
        self._section_id: int | None = None  # the section being written, to keep in sight
        self.timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.anchorClicked.connect(self._link)

    def schedule(self) -> None:
        """Render after the pause in typing that PREVIEW_DELAY_MS allows."""
        self.timer.start()

    def follow(self, section_id: int | None) -> None:
        """Bring the heading of the section now being written into sight (the preview
        otherwise stays where it was, at the title, while the analyst writes further on)."""
        if section_id == self._section_id:
            return
        self._section_id = section_id
        if section_id is not None and not self._stale:
            self.scrollToAnchor(section_anchor(section_id))

    def sources_changed(self) -> None:
        """Passages or articles changed: cached renderings of them are out of date."""
        self.preview_source.invalidate()

    def refresh(self) -> None:
        self.timer.stop()
        if not self.isVisible():
            self._stale = True  # rendered when the Compose tab shows, not at start-up
            return
        was_stale, self._stale = self._stale, False
        note = self._current_note()
        if note is None:
            self.setHtml("")
            return
        scroll = self.verticalScrollBar().value()
        self.setHtml(self.preview_source.html(note))
        self.verticalScrollBar().setValue(scroll)
        if was_stale and self._section_id is not None:  # the section chosen while hidden
            self.scrollToAnchor(section_anchor(self._section_id))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(PASSAGE_LINK):
            with contextlib.suppress(ValueError):  # not an id: nothing to open
                self.passageOpenRequested.emit(int(text[len(PASSAGE_LINK) :]))
