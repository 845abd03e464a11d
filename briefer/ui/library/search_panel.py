"""Project-wide full-text search: a query box and ranked hits that open where they matched."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from briefer.core.words import counted
from briefer.session import Change, Entity, Session
from briefer.ui.library.model import suffixes_among, with_copy

HIT_ROLE = Qt.ItemDataRole.UserRole + 2


def snippet_html(snippet: str) -> str:
    """The store marks matched words with « »; show them bold instead."""
    escaped = html.escape(snippet)
    return escaped.replace("«", "<b>").replace("»", "</b>")


RERUN_DELAY_MS = 300


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
        # A batch import announces every file: search again once it pauses, not per file.
        self.rerun = QTimer(self, singleShot=True, interval=RERUN_DELAY_MS)
        self.rerun.timeout.connect(lambda: self._rerun())
        self.status.setObjectName("searchStatus")
        self.last_run: str | None = None  # the query the results and status belong to
        self.query.returnPressed.connect(self.run)
        self.query.textChanged.connect(self._query_edited)
        self.results.itemActivated.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def _query_edited(self, text: str) -> None:
        """The status speaks of the results shown, so it says when they are not for this query."""
        if self.last_run is not None and text.strip() != self.last_run:
            self.status.setText(
                "Press Enter to search." if text.strip() else "Type words to search."
            )

    def on_changes(self, changes: list[Change]) -> None:
        """Articles came or went: the results (and their count) are redone, focus left alone."""
        if any(c.entity is Entity.ARTICLE for c in changes) and self.last_run:
            self.rerun.start()

    def _rerun(self) -> None:
        if self.last_run and self.query.text().strip() == self.last_run:
            self.run(take_focus=False)

    def run(self, take_focus: bool = True) -> None:
        text = self.query.text().strip()
        self.results.clear()
        self.last_run = text
        if not text:
            self.status.setText("")
            return
        hits = self.session.query.search(text, limit=100)
        self.status.setText(
            f"{counted(len(hits), 'article')} match{'es' if len(hits) == 1 else ''}"
            if hits
            else "No article matches."
        )
        # Two copies of one story (the saved page and its PDF) are told apart as the
        # Library tells them: "Title — HTML", "Title — PDF".
        suffixes = (
            suffixes_among(self.session.query.list_articles(), (h.article_id for h in hits))
            if hits
            else {}
        )
        for hit in hits:
            item = QListWidgetItem()
            title = with_copy(hit.title, suffixes.get(hit.article_id))
            label = QLabel(f"<b>{html.escape(title)}</b><br>{snippet_html(hit.snippet)}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setContentsMargins(4, 3, 4, 3)
            first = hit.offsets[0] if hit.offsets else (-1, -1)
            item.setData(HIT_ROLE, (hit.article_id, first[0], first[1]))
            # Shown by the label; screen readers get the same words from the item.
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}: {hit.snippet}")
            width = max(200, self.results.viewport().width() - 4)
            item.setSizeHint(QSize(width, label.heightForWidth(width) + 2))
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
        if hits:
            self.results.setCurrentRow(0)
            if take_focus:
                self.results.setFocus()

    def _activate(self, item: QListWidgetItem) -> None:
        article_id, start, end = item.data(HIT_ROLE)
        self.hitActivated.emit(article_id, start, end)
