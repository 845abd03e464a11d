"""Dropping a passage from the Passages list onto a section editor quotes it there.

The same for the page view and the Markdown source, so it is a mixin both editors
take before their Qt class; the editor declares ``passageDropped`` and the Composer
turns the id into a quotation at the drop point.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QDragEnterEvent, QDropEvent

PASSAGE_MIME = "application/x-briefer-passage"

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint, SignalInstance
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QAbstractScrollArea

    class _EditorBase(QAbstractScrollArea):
        """What QTextEdit and QPlainTextEdit both offer that the drop uses."""

        def canInsertFromMimeData(self, source: QMimeData) -> bool: ...
        def setTextCursor(self, cursor: QTextCursor) -> None: ...
        def cursorForPosition(self, pos: QPoint) -> QTextCursor: ...

else:
    _EditorBase = object


class PassageDrops(_EditorBase):
    if TYPE_CHECKING:
        passageDropped: SignalInstance

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasFormat(PASSAGE_MIME) or super().canInsertFromMimeData(source)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(PASSAGE_MIME):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

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
        super().dropEvent(event)
