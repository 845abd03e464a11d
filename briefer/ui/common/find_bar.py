"""Find: an inline bar under the Reader or the Composer's page, every match highlighted,
a true count.

The modal "Find:" box showed nothing but the next hit and left a stale status line.
Here the matches are counted and painted as the analyst types (the Reader's extra
selections, so the text and tags underneath stay as they are), Enter and Shift+Enter
step forward and back with wrap-around, and Esc closes the bar and clears the paint.
The count follows the Reader: a new article re-runs the search. At most ``MATCH_CAP``
matches are painted, so a one-letter search in a long report stays instant.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

MATCH_CAP = 5000


class FindBar(QWidget):
    """Finds in one QTextEdit; hidden until ``open()``."""

    closed = Signal()

    def __init__(
        self, view: QTextEdit, parent: QWidget | None = None, what: str = "article"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setAccessibleName(f"Find in {what}")
        self.field.setPlaceholderText(f"Find in {what}")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(110)
        previous = QToolButton()
        previous.setText("↑")
        previous.setToolTip("Previous match (Shift+Enter)")
        previous.setAccessibleName("Previous match")
        following = QToolButton()
        following.setText("↓")
        following.setToolTip("Next match (Enter, F3)")
        following.setAccessibleName("Next match")
        close = QToolButton()
        close.setText("×")
        close.setToolTip("Close (Esc)")
        close.setAccessibleName("Close find")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.field.textChanged.connect(self.refresh)
        self.field.installEventFilter(self)
        previous.clicked.connect(lambda: self.step(forward=False))
        following.clicked.connect(lambda: self.step(forward=True))
        close.clicked.connect(self.close_bar)
        view.textChanged.connect(self._document_changed)
        self.hide()

    # -- the analyst's keys --------------------------------------------------

    def open(self) -> None:
        """Show the bar with the field selected; a selection in the text becomes the query."""
        selected = self.view.textCursor().selectedText().strip()
        if selected and "\u2029" not in selected and len(selected) <= 200:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self.view.setExtraSelections([])
        self.view.setFocus()
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.step(forward=not shift)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.matches(QKeySequence.StandardKey.FindNext):
                self.step(forward=True)
                return True
            if event.matches(QKeySequence.StandardKey.FindPrevious):
                self.step(forward=False)
                return True
        return super().eventFilter(watched, event)

    # -- searching -------------------------------------------------------------

    def query(self) -> str:
        return self.field.text().strip()

    def step(self, forward: bool = True) -> bool:
        """Select the next (or previous) match after the cursor, wrapping; False if none."""
        if not self.matches:
            self._show_count()
            return False
        position = self.view.textCursor().selectionStart()
        if forward:
            after = [i for i, (start, _end) in enumerate(self.matches) if start > position]
            index = after[0] if after else 0
            if self.current >= 0 and self.matches[self.current][0] == position:
                index = (self.current + 1) % len(self.matches)
        else:
            before = [i for i, (start, _end) in enumerate(self.matches) if start < position]
            index = before[-1] if before else len(self.matches) - 1
        self._select(index)
        return True

    def refresh(self, *, move: bool = True) -> None:
        """Count and paint the matches of the query in the text as it is now; ``move``
        selects the first match from the cursor on (the query changed), else the cursor
        stays where the analyst is typing (the text changed)."""
        text = self.query()
        self.matches = []
        self.current = -1
        if text:
            document = self.view.document()
            cursor = QTextCursor(document)
            while len(self.matches) < MATCH_CAP:
                cursor = document.find(text, cursor)
                if cursor.isNull():
                    break
                self.matches.append((cursor.selectionStart(), cursor.selectionEnd()))
        start = self.view.textCursor().selectionStart()
        if self.matches and move:
            # Typing a query moves to the first match at or after where the analyst was.
            index = next((i for i, (s, _e) in enumerate(self.matches) if s >= start), 0)
            self._select(index)
            return
        self.current = next((i for i, (s, _e) in enumerate(self.matches) if s == start), -1)
        self._paint()
        self._show_count()

    def _document_changed(self) -> None:
        if self.isVisible():  # an edit or another article: recount, never move the cursor
            self.refresh(move=False)

    def _select(self, index: int) -> None:
        self.current = index
        start, end = self.matches[index]
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()
        self._paint()
        self._show_count()

    def _paint(self) -> None:
        every = QTextCharFormat()
        every.setBackground(QColor(255, 214, 10, 110))
        this = QTextCharFormat()
        this.setBackground(QColor(255, 150, 0, 200))
        selections = []
        document = self.view.document()
        for i, (start, end) in enumerate(self.matches):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = this if i == self.current else every
            selections.append(selection)
        self.view.setExtraSelections(selections)

    def _show_count(self) -> None:
        if not self.query():
            self.count.setText("")
        elif not self.matches:
            self.count.setText("No matches")
        else:
            more = "+" if len(self.matches) >= MATCH_CAP else ""
            total = f"{len(self.matches)}{more}"
            self.count.setText(
                f"{self.current + 1} of {total}" if self.current >= 0 else f"{total} matches"
            )
