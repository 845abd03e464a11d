"""The Passages table model: every tagged passage with its themes, source and comment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from briefer.core.model import Passage
from briefer.session import Change, Entity, RecordNotFound
from briefer.ui.common.marks import comment_icon
from briefer.ui.common.rows import ID_ROLE, Index, RowsById


class PassagesModel(RowsById):
    """Every passage: its words, themes, article, date and comment (marked in the first column)."""

    entity = Entity.PASSAGE
    headers = ("Passage", "Themes", "Article", "Date", "Comment")

    def load_all(self) -> list[Passage]:
        self._names()
        return self.session.query.list_passages()

    def _names(self) -> None:
        query = self.session.query
        self.theme_names = {t.id: t.name for t in query.list_themes()}
        self.articles = {a.id: a for a in query.list_articles()}

    def load_one(self, record_id: int) -> Passage | None:
        try:
            return self.session.query.get_passage(record_id)
        except RecordNotFound:
            return None

    def load_many(self, record_ids: list[int]) -> dict[int, Passage]:
        return self.session.query.get_passages(record_ids)

    def after_changes(self, changes: list[Change]) -> None:
        themes = any(c.entity is Entity.THEME for c in changes)
        articles = [c for c in changes if c.entity is Entity.ARTICLE]
        if themes:  # a project has a handful of themes: read them all
            self.theme_names = {t.id: t.name for t in self.session.query.list_themes()}
            self.refresh_column(1)
        if articles:  # only the articles the change touched, not the whole library
            for change in articles:
                for article_id in change.removed:
                    self.articles.pop(article_id, None)
            ids = [i for c in articles for i in (*c.added, *c.updated)]
            self.articles.update(self.session.query.article_summaries(ids))
            self.refresh_column(2)

    def theme_ids(self, row: int) -> tuple[int, ...]:
        return tuple(self.rows[row].theme_ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        passage: Passage = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return passage.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return " ".join(passage.text.split())
            if column == 1:
                return ", ".join(self.theme_names.get(t, "?") for t in passage.theme_ids)
            article = self.articles.get(passage.article_id)
            if column == 2:
                return article.title if article else ""
            if column == 4:
                return " ".join(passage.comment.split())
            return article.published.isoformat() if article and article.published else ""
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and passage.comment.strip():
            return comment_icon()
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 4):
            return passage.comment or None
        return None
