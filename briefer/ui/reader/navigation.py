"""Moving through an article: passages and suggestions in document order, focus.

A mixin for ReaderView (it relies on the view's cursor and offset helpers),
kept apart so the view class stays small. No signals are emitted here.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTextEdit

    from briefer.core.model import Passage
    from briefer.core.suggest import Suggestion
    from briefer.ui.reader.paint import HighlightLayer

    # What the mixin stands on: ReaderView lists QTextEdit after it, so to the
    # type checker the mixin is a QTextEdit; at run time it adds no Qt base.
    _ReaderBase = QTextEdit
else:
    _ReaderBase = object


class ReaderNavigation(_ReaderBase):
    """Cursor movement between passages and suggestions, for ReaderView."""

    _passages: list[Passage]
    _passage_starts: list[int]
    _suggestions: list[Suggestion]
    _suggestion_starts: list[int]
    _pinned: tuple[int, int] | None
    _focus_id: int | None
    _layer: HighlightLayer

    if TYPE_CHECKING:
        # ReaderView's offset helpers, declared for the type checker only.
        def canonical_to_doc(self, offset: int) -> int: ...
        def cursor_offset(self) -> int | None: ...
        def _passage_under_cursor(self) -> Passage | None: ...
        def _colour(self, theme_id: int) -> QColor: ...

    def _move_to(self, offset: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.canonical_to_doc(offset))
        self.setTextCursor(cursor)
        rect = self.cursorRect()
        viewport = self.viewport().rect()
        if rect.top() < viewport.height() * 0.1 or rect.bottom() > viewport.height() * 0.85:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - viewport.height() // 3)
        self._update_focus()

    def select_passage(self, passage_id: int) -> bool:
        """Scroll to a passage and put the cursor at its start."""
        for passage in self._passages:
            if passage.id == passage_id:
                self._pinned = (passage_id, self.canonical_to_doc(passage.start))
                self._move_to(passage.start)
                return True
        return False

    def _step(self, starts: list[int], forward: bool, current: int | None) -> int | None:
        """Index of the item after/before the cursor, or of the focused one's neighbour."""
        offset = self.cursor_offset()
        if current is not None:
            return current + 1 if forward else current - 1
        if offset is None:
            return 0 if forward else None
        if forward:
            return bisect.bisect_right(starts, offset)
        return bisect.bisect_left(starts, offset) - 1

    def _focused_index(self) -> int | None:
        """Index of the pinned passage while the cursor still stands at its start."""
        if self._pinned is None or self._pinned[1] != self.textCursor().position():
            return None
        for i, p in enumerate(self._passages):
            if p.id == self._pinned[0]:
                return i
        return None

    def next_passage(self) -> bool:
        return self._go_passage(self._step(self._passage_starts, True, self._focused_index()))

    def previous_passage(self) -> bool:
        return self._go_passage(self._step(self._passage_starts, False, self._focused_index()))

    def _go_passage(self, index: int | None) -> bool:
        if index is None or not 0 <= index < len(self._passages):
            return False
        passage_id = self._passages[index].id
        return passage_id is not None and self.select_passage(passage_id)

    def next_suggestion(self) -> bool:
        return self._go_suggestion(self._step(self._suggestion_starts, True, None))

    def previous_suggestion(self) -> bool:
        return self._go_suggestion(self._step(self._suggestion_starts, False, None))

    def _go_suggestion(self, index: int | None) -> bool:
        if index is None or not 0 <= index < len(self._suggestions):
            return False
        self._move_to(self._suggestions[index].start)
        return True

    def _update_focus(self) -> None:
        passage = self._passage_under_cursor()
        if passage is not None and passage.id is not None:
            self._focus_id = passage.id
            colour = self._colour(passage.theme_ids[0]) if passage.theme_ids else QColor("#888")
            self._layer.focus = (
                self.canonical_to_doc(passage.start),
                self.canonical_to_doc(passage.end),
                colour,
            )
        else:
            self._focus_id = None
            self._layer.focus = None
        self.viewport().update()
