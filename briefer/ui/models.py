"""Qt item models over the session: themes and passages.

They read through the session and update only the rows a change touched
(insert, remove, dataChanged); a full reset is kept for the rare reorder.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from briefer.core.model import ArticleSummary, Passage, Theme
from briefer.session import Change, Entity, RecordNotFound, Session

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 3


class _RowsById(QAbstractTableModel):
    """Rows keyed by record id, with targeted updates from session changes."""

    entity: Entity
    headers: tuple[str, ...] = ()

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rows: list[Any] = self.load_all()

    def load_all(self) -> list[Any]:
        raise NotImplementedError

    def load_one(self, record_id: int) -> Any | None:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def row_of(self, record_id: int) -> int | None:
        for row, record in enumerate(self.rows):
            if record.id == record_id:
                return row
        return None

    def apply_changes(self, changes: list[Change]) -> None:
        for change in changes:
            if change.entity is self.entity:
                self._apply(change)
        self.after_changes(changes)

    def after_changes(self, changes: list[Change]) -> None:
        """Hook for models whose rows show other entities too (counts, names)."""

    def _apply(self, change: Change) -> None:
        for record_id in change.removed:
            row = self.row_of(record_id)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()
        for record_id in change.updated:
            row = self.row_of(record_id)
            record = self.load_one(record_id)
            if row is not None and record is not None:
                self.rows[row] = record
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        for record_id in sorted(change.added):
            record = self.load_one(record_id)
            if record is not None and self.row_of(record_id) is None:
                row = self.insert_position(record)
                self.beginInsertRows(QModelIndex(), row, row)
                self.rows.insert(row, record)
                self.endInsertRows()

    def insert_position(self, record: Any) -> int:
        return len(self.rows)

    def refresh_column(self, column: int) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))


class ThemesModel(_RowsById):
    """Colour swatch and name, shortcut, passage count; ordered as the analyst ordered them."""

    entity = Entity.THEME
    headers = ("Theme", "Key", "Passages")

    def load_all(self) -> list[Theme]:
        self.counts = self.session.project.theme_passage_counts()
        return self.session.project.list_themes()

    def load_one(self, record_id: int) -> Theme | None:
        return self.session.theme(record_id)

    def insert_position(self, record: Any) -> int:
        return sum(1 for t in self.rows if (t.position, t.id) < (record.position, record.id))

    def after_changes(self, changes: list[Change]) -> None:
        if any(c.entity is Entity.PASSAGE for c in changes):
            self.counts = self.session.project.theme_passage_counts()
            self.refresh_column(2)
        if any(c.entity is Entity.THEME and c.updated for c in changes):
            order = [t.id for t in self.session.project.list_themes()]
            if order != [t.id for t in self.rows]:  # reordered: rows moved wholesale
                self.beginResetModel()
                self.rows = self.load_all()
                self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        theme: Theme = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return theme.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return theme.name
            if column == 1:
                return theme.shortcut
            return self.counts.get(theme.id or 0, 0)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QColor(theme.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return theme.description or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PassagesModel(_RowsById):
    """Every passage: its words, themes, article and date."""

    entity = Entity.PASSAGE
    headers = ("Passage", "Themes", "Article", "Date")

    def load_all(self) -> list[Passage]:
        self._names()
        return self.session.project.list_passages()

    def _names(self) -> None:
        project = self.session.project
        self.theme_names = {t.id: t.name for t in project.list_themes()}
        self.articles = {a.id: a for a in project.list_articles()}

    def load_one(self, record_id: int) -> Passage | None:
        try:
            return self.session.project.get_passage(record_id)
        except RecordNotFound:
            return None

    def after_changes(self, changes: list[Change]) -> None:
        themes = any(c.entity is Entity.THEME for c in changes)
        articles = [c for c in changes if c.entity is Entity.ARTICLE]
        if themes:  # a project has a handful of themes: read them all
            self.theme_names = {t.id: t.name for t in self.session.project.list_themes()}
            self.refresh_column(1)
        if articles:  # only the articles the change touched, not the whole library
            for change in articles:
                for article_id in change.removed:
                    self.articles.pop(article_id, None)
            ids = [i for c in articles for i in (*c.added, *c.updated)]
            self.articles.update(self.session.project.article_summaries(ids))
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
            return article.published.isoformat() if article and article.published else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return passage.comment or None
        return None


class LibraryModel(_RowsById):
    """Articles: title, publisher, date, number of passages."""

    entity = Entity.ARTICLE
    headers = ("Title", "Publisher", "Date", "Passages")

    def load_all(self) -> list[ArticleSummary]:
        return self.session.project.list_articles()

    def load_one(self, record_id: int) -> ArticleSummary | None:
        # One row's query: a batch import adds articles one by one, and listing every
        # article for each of them made a batch quadratic.
        return self.session.project.article_summaries([record_id]).get(record_id)

    def after_changes(self, changes: list[Change]) -> None:
        passages = [c for c in changes if c.entity is Entity.PASSAGE]
        if not passages:
            return
        if any(c.removed for c in passages):  # a deleted passage's article is unknown now
            fresh = {a.id: a for a in self.session.project.list_articles()}
        else:  # tagging: only the articles of the passages touched
            ids = [i for c in passages for i in (*c.added, *c.updated)]
            touched = {p.article_id for p in self.session.project.get_passages(ids).values()}
            fresh = dict(self.session.project.article_summaries(touched))
        for row, summary in enumerate(self.rows):
            new = fresh.get(summary.id)
            if new is not None and new.passage_count != summary.passage_count:
                self.rows[row] = new
                self.dataChanged.emit(self.index(row, 3), self.index(row, 3))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        article: ArticleSummary = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return article.id
        if role == SORT_ROLE:
            return (
                article.title.casefold(),
                article.publisher.casefold(),
                article.published.isoformat() if article.published else "",
                article.passage_count,
            )[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return article.title or "(untitled)"
            if column == 1:
                return article.publisher
            if column == 2:
                return article.published.isoformat() if article.published else ""
            return article.passage_count
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return " · ".join(v for v in (article.title, article.author, article.url) if v)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
