"""Project-wide full-text search: a query box and ranked hits that open where they matched."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from briefer.session import Session

HIT_ROLE = Qt.ItemDataRole.UserRole + 2


def snippet_html(snippet: str) -> str:
    """The store marks matched words with « »; show them bold instead."""
    escaped = html.escape(snippet)
    return escaped.replace("«", "<b>").replace("»", "</b>")


class SearchPanel(QWidget):
    hitActivated = Signal(int, int, int)  # article_id, start, end of the first match (-1 if none)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setAccessibleName("Search all articles")
        self.query.setPlaceholderText('Search all articles: words, "a phrase", prefix*')
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setWordWrap(True)
        self.status = QLabel()
        self.query.returnPressed.connect(self.run)
        self.results.itemActivated.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def run(self) -> None:
        text = self.query.text().strip()
        self.results.clear()
        if not text:
            self.status.setText("")
            return
        hits = self.session.query.search(text, limit=100)
        self.status.setText(f"{len(hits)} article(s) match" if hits else "No article matches.")
        for hit in hits:
            item = QListWidgetItem()
            label = QLabel(f"<b>{html.escape(hit.title)}</b><br>{snippet_html(hit.snippet)}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setContentsMargins(4, 3, 4, 3)
            first = hit.offsets[0] if hit.offsets else (-1, -1)
            item.setData(HIT_ROLE, (hit.article_id, first[0], first[1]))
            # Shown by the label; screen readers get the same words from the item.
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{hit.title}: {hit.snippet}")
            width = max(200, self.results.viewport().width() - 4)
            item.setSizeHint(QSize(width, label.heightForWidth(width) + 2))
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
        if hits:
            self.results.setCurrentRow(0)
            self.results.setFocus()

    def _activate(self, item: QListWidgetItem) -> None:
        article_id, start, end = item.data(HIT_ROLE)
        self.hitActivated.emit(article_id, start, end)
