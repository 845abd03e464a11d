"""The Library table model: the project's articles, sortable by date, size and format."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt

from briefer.core.model import ArticleSummary
from briefer.session import Change, Entity, Session
from briefer.ui.common.citation_gaps import citation_gaps
from briefer.ui.common.rows import ID_ROLE, SORT_ROLE, Index, RowsById

FORMATS = {
    "html": "HTML", "mhtml": "MHTML", "pdf": "PDF", "docx": "Word", "email": "E-mail",
    "text": "Text", "markdown": "Markdown", "paste": "Pasted", "refi-qda": "REFI-QDA",
}  # fmt: skip
"""What the Format column calls each importer's ``source_format``."""
PASSAGES, FORMAT = 3, 4
FILTER_ROLE = Qt.ItemDataRole.UserRole + 7
"""What the filter box matches: every column's text but the format's, so typing "text" or
"word" finds titles, not every article imported from a text or Word file."""


COPY_ROLE = Qt.ItemDataRole.UserRole + 8
"""The title's suffix telling the row apart from others of the same title ("Word",
"story.html"...), or None: the title delegate keeps it in sight when it cuts the title."""
COPY_DASH = " \u2014 "
"""Between a title and its suffix: "Port deal signed — Word"."""


def format_label(source_format: str) -> str:
    return FORMATS.get(source_format, source_format.upper())


def title_key(title: str) -> str:
    """Titles that read the same: case and spacing aside."""
    return " ".join(title.casefold().split())


def copy_suffixes(copies: list[ArticleSummary]) -> dict[int, str]:
    """What tells each of several articles of one title apart, shortest first: the format
    when it is theirs alone, else the file's name, else when it was imported (the
    analyst's own time), else its number, as the import report names it ("article 12"):
    two pastes of one story a minute apart share all the rest."""
    if len(copies) < 2:
        return {}
    labels = Counter(format_label(a.source_format) for a in copies)
    names = Counter(a.source_name for a in copies)
    found = {}
    for article in copies:
        label = format_label(article.source_format)
        if labels[label] == 1:
            found[article.id] = label
        elif article.source_name and names[article.source_name] == 1:
            found[article.id] = article.source_name
        elif article.imported_at is not None:
            found[article.id] = (
                f"{label}, imported {article.imported_at.astimezone():%Y-%m-%d %H:%M}"
            )
        else:
            found[article.id] = label
    shared = Counter(found.values())
    return {
        article_id: f"{suffix}, article {article_id}" if shared[suffix] > 1 else suffix
        for article_id, suffix in found.items()
    }


def with_copy(title: str, suffix: str | None) -> str:
    """A title as the Library, search results and the import report show it: with what
    tells it from another article of the same title, when one exists."""
    title = title or "(untitled)"
    return title + COPY_DASH + suffix if suffix else title


def suffixes_among(articles: Iterable[ArticleSummary], wanted: Iterable[int]) -> dict[int, str]:
    """``copy_suffixes`` of the ``wanted`` articles, each among ``articles`` (the project's)
    of its title: what a view showing only some of them (search hits) adds to each."""
    ids = set(wanted)
    groups: dict[str, list[ArticleSummary]] = {}
    keys = set()
    for article in articles:
        key = title_key(article.title)
        groups.setdefault(key, []).append(article)
        if article.id in ids:
            keys.add(key)
    found: dict[int, str] = {}
    for key in keys:
        found |= copy_suffixes(groups[key])
    return {i: suffix for i, suffix in found.items() if i in ids}


class CopyGroups:
    """Articles by title, and what tells apart those that share one (``copy_suffixes``),
    kept up to date by the changes that touch them: a view's data() only looks a suffix
    up. The Library and the Passages panel each keep one."""

    def __init__(self) -> None:
        self._copies: dict[str, dict[int, ArticleSummary]] = {}
        self._key_of: dict[int, str] = {}
        self._suffix: dict[int, str] = {}

    def suffix(self, article_id: int) -> str | None:
        return self._suffix.get(article_id)

    def update(self, present: dict[int, ArticleSummary], touched: set[int]) -> set[int]:
        """Move the ``touched`` ids (and new ``present`` ones) to their title's group and
        work out the suffixes of the groups they left or joined; the ids whose suffix
        changed. Only those groups are looked at: a batch import adds articles one by one."""
        keys = set()
        for article_id in touched | present.keys():
            old = self._key_of.pop(article_id, None)
            if old is not None:
                self._copies[old].pop(article_id, None)
                keys.add(old)
            article = present.get(article_id)
            if article is not None:
                key = title_key(article.title)
                self._copies.setdefault(key, {})[article_id] = article
                self._key_of[article_id] = key
                keys.add(key)
        gone = {i for i in touched if i not in self._key_of and i in self._suffix}
        changed = set(gone)
        for article_id in gone:
            del self._suffix[article_id]
        for key in keys:
            group = self._copies.get(key, {})
            fresh = copy_suffixes(list(group.values()))
            for article_id in group:
                if self._suffix.get(article_id) != fresh.get(article_id):
                    changed.add(article_id)
                    if article_id in fresh:
                        self._suffix[article_id] = fresh[article_id]
                    else:
                        self._suffix.pop(article_id, None)
            if not group:
                self._copies.pop(key, None)
        return changed


class LibraryModel(RowsById):
    """Articles: title, publisher, date, number of passages, the format imported from.

    The format tells two copies of one article apart (a saved page and a Word file have
    the same title, publisher and date); the title's tooltip names the file as well, and
    a title several rows share ends in what tells each apart ("— Word"), for a Library
    too narrow for the Format column.
    """

    entity = Entity.ARTICLE
    headers = ("Title", "Publisher", "Date", "Passages", "Format")

    def __init__(self, session: Session) -> None:
        # Rows of one title, so that data() only looks a suffix up (a narrow Library
        # shows the title alone).
        self.copies = CopyGroups()
        super().__init__(session)
        self.copies.update({a.id: a for a in self.rows}, set())

    def apply_changes(self, changes: list[Change]) -> None:
        super().apply_changes(changes)
        touched = {
            i
            for c in changes
            if c.entity is Entity.ARTICLE
            for i in (*c.added, *c.updated, *c.removed)
        }
        if not touched:
            return
        changed = self.copies.update({a.id: a for a in self.rows if a.id in touched}, touched)
        rows = [row for row, article in enumerate(self.rows) if article.id in changed]
        if rows:  # one signal for the titles between: a merge may change thousands
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), 0))

    def load_all(self) -> list[ArticleSummary]:
        return self.session.query.list_articles()

    def load_one(self, record_id: int) -> ArticleSummary | None:
        # One row's query: a batch import adds articles one by one, and listing every
        # article for each of them made a batch quadratic.
        return self.session.query.article_summaries([record_id]).get(record_id)

    def load_many(self, record_ids: list[int]) -> dict[int, ArticleSummary]:
        return self.session.query.article_summaries(record_ids)

    def after_changes(self, changes: list[Change]) -> None:
        passages = [c for c in changes if c.entity is Entity.PASSAGE]
        if not passages:
            return
        if any(c.removed for c in passages):  # a deleted passage's article is unknown now
            fresh = {a.id: a for a in self.session.query.list_articles()}
        else:  # tagging: only the articles of the passages touched
            ids = [i for c in passages for i in (*c.added, *c.updated)]
            touched = {p.article_id for p in self.session.query.get_passages(ids).values()}
            fresh = dict(self.session.query.article_summaries(touched))
        for row, summary in enumerate(self.rows):
            new = fresh.get(summary.id)
            if new is not None and new.passage_count != summary.passage_count:
                self.rows[row] = new
                self.dataChanged.emit(self.index(row, PASSAGES), self.index(row, PASSAGES))

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
                format_label(article.source_format).casefold(),
            )[column]
        if role == FILTER_ROLE:  # the title as written: "word" must not find "— Word"
            if column == 0:
                return article.title or "(untitled)"
            return None if column == FORMAT else self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == COPY_ROLE:
            return self.copies.suffix(article.id) if column == 0 else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return with_copy(article.title, self.copies.suffix(article.id))
            if column == 1:
                return article.publisher
            if column == 2:
                return article.published.isoformat() if article.published else ""
            if column == FORMAT:
                return format_label(article.source_format)
            return article.passage_count
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:  # also what a narrow panel hides
            published = article.published.isoformat() if article.published else ""
            parts = (article.title, article.author, article.publisher, published, article.url)
            return " · ".join(v for v in parts if v) + _origin(article) + _missing(article)
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 2):
            return _missing(article).strip() or None
        if role == Qt.ItemDataRole.ToolTipRole and column == FORMAT:
            return _origin(article).strip() or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PASSAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _origin(article: ArticleSummary) -> str:
    """A new line naming the format and file it came from ("" if neither is known)."""
    label, name = format_label(article.source_format), article.source_name
    if article.source_format == "paste":
        return "\nPasted from the clipboard"
    if name:
        return f"\n{label} file: {name}" if label else f"\nImported from {name}"
    return f"\n{label}" if label else ""


def _missing(article: ArticleSummary) -> str:
    """What a citation of the article will lack, and where to add it ("" if nothing)."""
    gaps = citation_gaps(article.publisher, article.published)
    return f"\n{gaps}" if gaps else ""
