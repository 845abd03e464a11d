"""The Reader's own keys: what each does (for the help page) and the handler that answers
them. A mixin for ReaderView, kept apart so the view stays small; the keys only ask, by
the view's signals, and the window runs the commands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from briefer.ui.reader.navigation import ReaderNavigation

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from briefer.core.model import Passage
    from briefer.core.suggest import Suggestion

_ALT = Qt.KeyboardModifier.AltModifier
_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT_OR_KEYPAD = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


READER_KEYS = (
    ("Enter", "Accept the suggestion under the cursor"),
    ("Esc", "Dismiss the suggestion under the cursor for good"),
    ("Delete", "Remove the passage under the cursor"),
    ("F2", "Add or edit the comment of the passage under the cursor"),
    ("Alt+Down / Alt+Up", "Next / previous passage"),
    ("Ctrl+Alt+Down / Ctrl+Alt+Up", "Next / previous suggestion"),
)
"""The Reader's own keys (handled in ReaderKeys._handle_key), for the help page."""


class ReaderKeys(ReaderNavigation):
    """Keys in the Reader. READER_KEYS lists them for Help > Keyboard Shortcuts, and
    reader.tag_menu shows them in the Tag menu; change all three together."""

    _shortcuts: dict[str, int]

    if TYPE_CHECKING:
        # ReaderView's signals and helpers, declared for the type checker only.
        tagRequested: SignalInstance
        toggleThemeRequested: SignalInstance
        deleteRequested: SignalInstance
        passageActivated: SignalInstance
        commentRequested: SignalInstance

        def at_cursor(self) -> tuple[Passage | None, list[Suggestion]]: ...
        def _snapped_selection(self) -> tuple[int, int] | None: ...
        def accept_suggestion(self, suggestion: Suggestion) -> None: ...
        def dismiss_suggestion(self, suggestion: Suggestion) -> None: ...

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)
        self._update_focus()

    def _handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and mods & _ALT:
            forward = key == Qt.Key.Key_Down
            if mods & _CTRL:
                self.next_suggestion() if forward else self.previous_suggestion()
            else:
                self.next_passage() if forward else self.previous_passage()
            return True
        if mods & ~_SHIFT_OR_KEYPAD:
            return False
        passage, suggestions = self.at_cursor()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and passage is not None:
            self.deleteRequested.emit(passage.id)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if suggestions:
                self.accept_suggestion(suggestions[0])
                return True
            if passage is not None:
                self.passageActivated.emit(passage.id)
                return True
            return False
        if key == Qt.Key.Key_Escape and suggestions:
            self.dismiss_suggestion(suggestions[0])
            return True
        if key == Qt.Key.Key_F2 and passage is not None:
            self.commentRequested.emit(passage.id)
            return True
        theme_id = self._shortcuts.get(event.text().lower()) if event.text() else None
        if theme_id is None:
            return False
        self.theme_key(theme_id)
        return True

    def theme_key(self, theme_id: int) -> bool:
        """What a theme's key does: tag the selection (snapped to whole words) with the
        theme, or, with nothing selected, toggle the theme on the passage under the cursor.
        The Tag menu's items do this too. False if there was neither to act on."""
        span = self._snapped_selection()
        if span is not None:
            self.tagRequested.emit(span[0], span[1], theme_id)
            return True
        passage, _suggestions = self.at_cursor()
        if self.textCursor().hasSelection() or passage is None:
            return False
        self.toggleThemeRequested.emit(passage.id, theme_id)
        return True
