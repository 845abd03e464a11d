"""The Passages table model: every tagged passage with its themes, source and comment."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt

from briefer.core.model import ArticleSummary, Passage
from briefer.session import Change, Entity, RecordNotFound
from briefer.ui.common.marks import comment_icon
from briefer.ui.common.rows import ID_ROLE, Index, RowsById
from briefer.ui.library.model import COPY_ROLE, CopyGroups, with_copy


def _tip(text: str, tag: str = "p") -> str | None:
    """``text`` as a tooltip paragraph that wraps (Qt wraps rich text only, and a long
    passage on one line ran off the screen), or None if it is empty."""
    text = text.strip()
    if not text:
        return None
    return f"<{tag}>" + html.escape(text).replace("\n", "<br>") + f"</{tag}>"


class PassagesModel(RowsById):
    """Every passage: its words, themes, article, date and comment (marked in the first column).

    A title two articles share ends in what the Library tells them apart by ("— HTML",
    "— PDF"), so a passage says which copy it was tagged in. Each cell's tooltip holds
    its text whole: the panel's columns cut it, on one line.
    """

    entity = Entity.PASSAGE
    headers = ("Passage", "Themes", "Article", "Date", "Comment")

    def load_all(self) -> list[Passage]:
        self._names()
        return self.session.query.list_passages()

    def _names(self) -> None:
        query = self.session.query
        self.theme_names = {t.id: t.name for t in query.list_themes()}
        self.articles = {a.id: a for a in query.list_articles()}
        self.copies = CopyGroups()  # the Library's suffix for each title articles share
        self.copies.update(self.articles, set())

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
            fresh = self.session.query.article_summaries(ids)
            self.articles.update(fresh)
            touched = {i for c in articles for i in (*c.added, *c.updated, *c.removed)}
            self.copies.update(dict(fresh), touched)  # a copy's news changes its fellows'
            self.refresh_column(2)

    def theme_ids(self, row: int) -> tuple[int, ...]:
        return tuple(self.rows[row].theme_ids)

    def filter_text(self, row: int) -> str:
        """What the panel's filter matches: the words, themes, the article's title as
        written (typing "pdf" must not find every passage of a PDF copy) and the comment."""
        passage: Passage = self.rows[row]
        article = self.articles.get(passage.article_id)
        return " ".join((
            self._words(passage),
            self._themes(passage),
            article.title if article else "",
            " ".join(passage.comment.split()),
        ))  # fmt: skip

    def _words(self, passage: Passage) -> str:
        return " ".join(passage.text.split())

    def _themes(self, passage: Passage) -> str:
        return ", ".join(self.theme_names.get(t, "?") for t in passage.theme_ids)

    def _title(self, article: ArticleSummary | None) -> str:
        if article is None:
            return ""
        return with_copy(article.title, self.copies.suffix(article.id))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        passage: Passage = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return passage.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return self._words(passage)
            if column == 1:
                return self._themes(passage)
            article = self.articles.get(passage.article_id)
            if column == 2:
                return self._title(article)
            if column == 4:
                return " ".join(passage.comment.split())
            return article.published.isoformat() if article and article.published else ""
        if role == COPY_ROLE and column == 2:  # kept in sight when the title is cut
            return self.copies.suffix(passage.article_id)
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and passage.comment.strip():
            return comment_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(passage, column)
        return None

    def _tooltip(self, passage: Passage, column: int) -> str | None:
        """The cell's text whole; the passage's with its comment, which its mark stands for."""
        if column == 0:
            comment = _tip(passage.comment, "i")
            return (_tip(passage.text) or "") + (f"<p>{comment}</p>" if comment else "")
        if column == 1:
            return _tip(self._themes(passage))
        if column == 2:
            return _tip(self._title(self.articles.get(passage.article_id)))
        if column == 4:
            return _tip(passage.comment)
        return None
