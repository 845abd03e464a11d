"""The hint an empty Reader shows: a word-wrapped label over the viewport.

QTextEdit paints its placeholder on one line that a narrow Reader cuts off (issue 13);
a QLabel wraps to the width it is given and asks for the height it needs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtWidgets import QLabel, QTextEdit

HINT_MARGIN = 18
"""Pixels between the hint and the viewport's edges; the Reader's narrowest text margin."""


class EmptyHint(QLabel):
    """Shown while ``editor``'s document is empty, wrapped to the viewport's width."""

    def __init__(self, editor: QTextEdit) -> None:
        super().__init__(editor.viewport())
        self.setObjectName("emptyHint")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._editor = editor
        self.busy = False  # the editor is filling a document of its own: no hint then
        editor.viewport().installEventFilter(self)
        editor.document().contentsChanged.connect(self.update_shown)
        self.hide()

    def watch(self, document: QTextDocument) -> None:
        """Follow ``document``, newly set on the editor (the reader swaps in long articles)."""
        document.contentsChanged.connect(self.update_shown)
        self.update_shown()

    def set_hint(self, text: str) -> None:
        self.setText(text)
        self.update_shown()

    def update_shown(self) -> None:
        empty = self._editor.document().isEmpty()
        self.setVisible(bool(self.text()) and empty and not self.busy)
        self.fit()

    def fit(self) -> None:
        """Wrap to the viewport's width and take the height that needs."""
        width = max(1, self._editor.viewport().width() - 2 * HINT_MARGIN)
        self.setGeometry(HINT_MARGIN, HINT_MARGIN, width, self.heightForWidth(width))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
