"""Where the analyst is in the Reader: the first line in sight and the selection, taken
before the article is built again (colours or fonts changed) and put back after it.
Document positions stay valid across such a rebuild: the text is the same."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QScrollBar, QTextEdit

from briefer.core.record import Record


def line_top(document: QTextDocument, position: int) -> float:
    """The top of the line holding ``position``, in the document's coordinates (asking
    lays the document out that far, so it works on one Qt is still laying out)."""
    block = document.findBlock(position)
    top = document.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    line = layout.lineForTextPosition(position - block.position()) if layout else None
    return top + (line.y() if line is not None and line.isValid() else 0.0)


def position_at(view: QTextEdit, point: QPoint) -> int:
    """The document position a pointer at a viewport point names: Qt's nearest one,
    except in the space under a paragraph's last line (where a suggestion's dotted line
    is drawn), which Qt gives to the next paragraph's start: the upper half of that gap
    belongs to the line above it, so a right-click there acts on that line's words."""
    cursor = view.cursorForPosition(point)
    block = cursor.block()
    previous = block.previous()
    layout = view.document().documentLayout()
    y = point.y() + view.verticalScrollBar().value()
    top = layout.blockBoundingRect(block).top()
    if not previous.isValid() or y >= top or previous.layout().lineCount() == 0:
        return cursor.position()
    above = layout.blockBoundingRect(previous)
    if y - above.bottom() > (top - above.bottom()) / 2:
        return cursor.position()
    lines = previous.layout()
    line = lines.lineAt(lines.lineCount() - 1)
    x = point.x() + view.horizontalScrollBar().value() - above.left()
    return previous.position() + line.xToCursor(x)


class PendingScroll(QObject):
    """A scroll value the bar cannot take yet: Qt sets a swapped-in document's range
    between events, after the place is put back (a 1.4 MB article's bar still ended at
    1,517 px then). Taken once the range allows; the analyst's own scrolling drops it."""

    def __init__(self, bar: QScrollBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.target: int | None = None
        bar.rangeChanged.connect(self._range_changed)
        bar.actionTriggered.connect(self.drop)

    def scroll_to(self, value: int) -> None:
        self.bar.setValue(value)
        self.target = None if self.bar.value() == value else value

    def drop(self, *_args: object) -> None:
        self.target = None

    def _range_changed(self, _low: int, high: int) -> None:
        if self.target is not None and high >= self.target:
            self.bar.setValue(self.target)
            self.target = None


class ReadingPlace(Record, frozen=True):
    top: int
    """The document position of the first text in sight."""
    above: float
    """How far the window's top edge is below the top of that text's line, in pixels."""
    anchor: int
    position: int

    @classmethod
    def of(cls, view: QTextEdit) -> ReadingPlace:
        document, value = view.document(), view.verticalScrollBar().value()
        point = QPointF(view.viewport().width() / 2, value)
        top = max(document.documentLayout().hitTest(point, Qt.HitTestAccuracy.FuzzyHit), 0)
        cursor = view.textCursor()
        return cls(top, value - line_top(document, top), cursor.anchor(), cursor.position())

    def restore(self, view: QTextEdit, scroll: PendingScroll) -> None:
        """The same selection, the same line at the same height (the nearest there is)."""
        document = view.document()
        last = max(document.characterCount() - 1, 0)
        cursor = QTextCursor(document)
        cursor.setPosition(min(self.anchor, last))
        cursor.setPosition(min(self.position, last), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        scroll.scroll_to(round(line_top(document, min(self.top, last)) + self.above))
