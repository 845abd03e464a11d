"""The passage comment editor (F2): wrapped text, Ctrl+Enter saves, Esc cancels.

QInputDialog's multi-line box made Enter a new line with no keyboard way to save, and
Shift+Tab then Enter landed on Cancel and threw the comment away. Here the keyboard has
exactly two ways out, both deliberate: Ctrl+Enter (save) and Esc (cancel). Tab moves
focus instead of typing a tab, and the buttons take no keyboard focus, so Enter is
always a new line in the text and never a press of Cancel. The mouse can still click
either button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefer.ui.common.screens import bounded_size


class CommentDialog(QDialog):
    """Edits one passage's comment; ``text()`` is what to save after ``exec()`` accepts."""

    def __init__(self, current: str, passage_words: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Passage comment")
        self.setObjectName("comment-dialog")
        quoted = " ".join(passage_words.split())
        if len(quoted) > 140:
            quoted = quoted[:139].rstrip() + "…"
        about = QLabel(f"Comment on “{quoted}”")
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.PlainText)
        self.editor = QPlainTextEdit(current)
        self.editor.setAccessibleName("Comment")
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setTabChangesFocus(True)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        hint = QLabel("Ctrl+Enter saves · Esc cancels")
        hint.setEnabled(False)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("Save", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.save_button, cancel):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.editor.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.editor, 1)
        row = QVBoxLayout()
        row.addWidget(buttons)
        row.addWidget(hint, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(row)
        self.resize(bounded_size(self, 520, 280))
        self.editor.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in the text saves; QPlainTextEdit would take it as a new line."""
        if (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def text(self) -> str:
        return self.editor.toPlainText()
