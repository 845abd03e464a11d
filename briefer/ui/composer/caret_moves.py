"""When the analyst moves the caret, as against the caret moving because text was typed.

The Composer ends an undo step there, as Word does: typing at the top of a section and
then at its bottom is two steps, however quickly it was done, while typing and fixing
at one place stays one. Qt says only that the caret moved; an edit moves it too (after
``contentsChange``, before ``contentsChanged``), so a move is the analyst's own when the
document has not changed since it last settled and the caret is not where it was left.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit


class CaretMoves(QObject):
    """Emits ``moved`` when ``editor``'s caret goes elsewhere with no edit moving it: a
    click, Ctrl+Home or Ctrl+End, an arrow, a find; never for typing or deleting."""

    moved = Signal()

    def __init__(self, editor: QTextEdit | QPlainTextEdit) -> None:
        super().__init__(editor)
        self._editor = editor
        document = editor.document()
        self._revision = document.revision()
        self._left_at = editor.textCursor().position()
        document.contentsChanged.connect(self._settled)
        editor.cursorPositionChanged.connect(self._caret_changed)

    def _settled(self) -> None:
        self._revision = self._editor.document().revision()
        self._left_at = self._editor.textCursor().position()

    def _caret_changed(self) -> None:
        revision = self._editor.document().revision()
        position = self._editor.textCursor().position()
        if revision != self._revision:  # the edit under way moved it
            self._revision, self._left_at = revision, position
            return
        if position == self._left_at:  # put back where the edit left it
            return
        self._left_at = position
        self.moved.emit()
