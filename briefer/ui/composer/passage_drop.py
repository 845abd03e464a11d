"""Drops on a section editor: a passage is quoted there, a file is imported.

The same for the page view and the Markdown source, so it is a mixin both editors
take before their Qt class. The editor declares ``passageDropped`` (the Composer
turns the id into a quotation at the drop point) and ``filesDropped`` (the window
imports the files, as a drop anywhere else on it does). Files dragged from a file
manager come as a list of ``file:`` URLs, often with the same list as text: put in
the note, those paths meant nothing to its reader, so they never become text; a
list of web links does stay text, as a link the analyst could have typed, also when it
comes with files (they are imported, the links go in).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

from briefer.ui.common.file_drops import as_copy, local_files

PASSAGE_MIME = "application/x-briefer-passage"
WEB_SCHEMES = ("http", "https")

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint, SignalInstance
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QAbstractScrollArea

    class _EditorBase(QAbstractScrollArea):
        """What QTextEdit and QPlainTextEdit both offer that the drop uses."""

        def canInsertFromMimeData(self, source: QMimeData) -> bool: ...
        def insertFromMimeData(self, source: QMimeData) -> None: ...
        def setTextCursor(self, cursor: QTextCursor) -> None: ...
        def cursorForPosition(self, pos: QPoint) -> QTextCursor: ...

else:
    _EditorBase = object


def web_links(mime: QMimeData | None) -> QMimeData | None:
    """The web links a drag or a copy carries, as a drag of them alone would (no text:
    beside files, a file manager's text is their paths), else None."""
    if mime is None or not mime.hasUrls():
        return None
    links = [url for url in mime.urls() if url.scheme() in WEB_SCHEMES]
    if not links:
        return None
    alone = QMimeData()
    alone.setUrls(links)
    return alone


class PassageDrops(_EditorBase):
    if TYPE_CHECKING:
        passageDropped: SignalInstance
        filesDropped: SignalInstance  # list[Path]: for the window's import

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return (
            source.hasFormat(PASSAGE_MIME)
            or bool(local_files(source))
            or super().canInsertFromMimeData(source)
        )

    def import_files(self, source: QMimeData | None) -> bool:
        """Hand local files on to the import instead of inserting them, and insert the web
        links that come with them at the cursor; False if there are no files."""
        paths = local_files(source)
        if paths:
            links = web_links(source)
            if links is not None:
                super().insertFromMimeData(links)
            self.filesDropped.emit(paths)
        return bool(paths)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """A paste of copied files imports them, as a drop of them does."""
        if not self.import_files(source):
            super().insertFromMimeData(source)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if local_files(mime):
            as_copy(event)  # no drop caret: nothing will be inserted at the pointer
            return
        if mime.hasFormat(PASSAGE_MIME):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_files(event.mimeData()):
            as_copy(event)
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if mime.hasFormat(PASSAGE_MIME):
            self.setTextCursor(self.cursorForPosition(event.position().toPoint()))
            try:
                passage_id = int(bytes(mime.data(PASSAGE_MIME).data()).decode("ascii"))
            except ValueError:
                return
            event.acceptProposedAction()
            self.passageDropped.emit(passage_id)
            return
        if local_files(mime):
            as_copy(event)
            if web_links(mime) is not None:  # they go where they are dropped
                self.setTextCursor(self.cursorForPosition(event.position().toPoint()))
            self.import_files(mime)
            return
        super().dropEvent(event)
