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
        # Its heading was not in the preview when it was chosen (an unwritten section is
        # not exported): brought into sight once typing puts it there.
        self._heading_awaited = False
        self._html = ""
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
        self._heading_awaited = False
        if section_id is not None and not self._stale:
            if self._shows(section_id):
                self.scrollToAnchor(section_anchor(section_id))
            else:
                self._heading_awaited = True

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
        self._html = self.preview_source.html(note)
        self.setHtml(self._html)
        self.verticalScrollBar().setValue(scroll)
        shown = self._section_id is not None and self._shows(self._section_id)
        if self._section_id is not None and (was_stale or (self._heading_awaited and shown)):
            # the section chosen while hidden, or written at last
            self._heading_awaited = not shown
            self.scrollToAnchor(section_anchor(self._section_id))

    def _shows(self, section_id: int) -> bool:
        """Whether the preview holds the section's heading (an unwritten one it does not)."""
        return f'name="{section_anchor(section_id)}"' in self._html

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(PASSAGE_LINK):
            with contextlib.suppress(ValueError):  # not an id: nothing to open
                self.passageOpenRequested.emit(int(text[len(PASSAGE_LINK) :]))
