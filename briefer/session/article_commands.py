"""Correcting what a source says about itself: an article's title, author, publisher,
date and address.

Importers read these from the file, and a file often says too little (a PDF has no
publisher, a pasted text no date) or something wrong (a site's name as the author).
Every citation and the note's check are made of them, so the analyst must be able to
put them right; the text itself never changes, so passages stay where they are.
A second copy of the same article (imported again as a saved page, or in a merged
project) fills in what the kept one lacks by the same rules (``details_from_copy``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefer.core.model import Article
from briefer.core.record import Record, replace
from briefer.core.safetext import (
    MAX_TITLE_CHARS,
    MAX_URL_CHARS,
    is_web_address,
    one_line,
    web_address,
    without_controls,
)
from briefer.core.typed_dates import DateNotRead, read_typed_date
from briefer.session.command import Change, Command, CommandError, Entity
from briefer.session.passage_commands import existing_article
from briefer.store import Project
from briefer.store.codec import canonical_url

MAX_CHARS = {"title": MAX_TITLE_CHARS, "publisher": 200, "author": 300, "url": MAX_URL_CHARS}
"""Longer than any real one; a footnote must still fit on a page."""
FIELDS = ("title", "publisher", "author", "published", "url")
"""An article's details: what a citation of it is made of."""


class ArticleDetails(Record, frozen=True):
    """The part of an article a citation is made of, as the analyst may edit it."""

    title: str
    publisher: str = ""
    author: str = ""
    published: dt.date | None = None
    url: str = ""

    @classmethod
    def of(cls, article: Article) -> ArticleDetails:
        return cls(article.title, article.publisher, article.author, article.published, article.url)

    def checked(self, before: ArticleDetails | None = None) -> ArticleDetails:
        """The same details on one line each, or ``CommandError`` saying what to fix.

        Only what differs from ``before`` is checked: a value an importer stored (a
        relative link, an overlong title) must not stop the analyst changing another."""
        tidy = {name: " ".join(without_controls(getattr(self, name)).split()) for name in MAX_CHARS}
        changed = {n for n in MAX_CHARS if before is None or tidy[n] != getattr(before, n)}
        if not tidy["title"]:
            raise CommandError("An article needs a title.")
        for name in changed:
            limit = MAX_CHARS[name]
            if len(tidy[name]) > limit:
                raise CommandError(
                    f"The {name if name != 'url' else 'address'} is too long "
                    f"({len(tidy[name]):,} characters; at most {limit:,})."
                )
        url = tidy["url"]
        if url and "url" in changed and not is_web_address(url):
            raise CommandError(
                f'"{url[:80]}" is not a web address: give one that starts with '
                "https:// or http://, or leave it empty."
            )
        return replace(
            self, title=tidy["title"], publisher=tidy["publisher"], author=tidy["author"], url=url
        )


def imported_details(article: Article) -> Article:
    """``article`` with details an analyst could have typed: each on one line with no
    control characters, a title cut at a word with "…" past its bound, a publisher or
    author past theirs, or an address that is not absolute http(s), left out.

    Every import (a file, a folder, the window, a paste) stores through here: a page
    can claim a 500,000-character title or a ``javascript:`` address, and both would
    reach every footnote and every printed listing.
    """
    title = one_line(article.title, MAX_CHARS["title"]) or "Untitled"
    publisher, author = (
        _whole_or_none(getattr(article, n), MAX_CHARS[n]) for n in ("publisher", "author")
    )
    url = web_address(article.url, MAX_CHARS["url"])
    language = one_line(article.language, 35)
    source_name = one_line(article.source_name, 1000)
    return replace(
        article, title=title, publisher=publisher, author=author, url=url,
        language=language, source_name=source_name,
    )  # fmt: skip


def _whole_or_none(value: str, limit: int) -> str:
    """A name cut short would name someone else: too long, it is left out."""
    value = one_line(value, len(value) + 1)
    return value if len(value) <= limit else ""


def date_from_text(text: str) -> dt.date | None:
    """A date typed as the window's date field reads it (core.typed_dates: "2025-03-14",
    "14 March 2025", "14/03/2025"); empty: no date; ``CommandError`` for anything else."""
    try:
        return read_typed_date(text)
    except DateNotRead as exc:
        raise CommandError(str(exc)) from None


def write_fields(project: Project, article_id: int, changes: dict[str, tuple[Any, Any]]) -> None:
    """Set each field from its first value to its second, where the article still holds
    the first: an import or a merge may have filled another blank meanwhile (neither is on
    the undo stack), and undoing this edit must not empty it again."""
    current = existing_article(project, article_id)
    due = {name: new for name, (old, new) in changes.items() if getattr(current, name) == old}
    if due:
        project.update_article_details(replace(current, **due))


class EditArticleDetailsCommand(Command):
    """Replaces an article's details; undo puts back the ones it changed."""

    def __init__(
        self, article_id: int, details: ArticleDetails, *, before: ArticleDetails | None = None
    ) -> None:
        self.article_id = article_id
        self.details = details.checked(before)  # refused here, before anything is written
        self.label = f'Edit details of "{self.details.title[:40]}"'
        self._changes: dict[str, tuple[Any, Any]] = {}

    def apply(self, project: Project) -> list[Change]:
        if not self._changes:  # first apply; a redo writes the same values again
            before = existing_article(project, self.article_id)
            self._changes = {
                name: (getattr(before, name), getattr(self.details, name))
                for name in FIELDS
                if getattr(before, name) != getattr(self.details, name)
            }
        write_fields(project, self.article_id, self._changes)
        return [Change.of(Entity.ARTICLE, updated=[self.article_id])]

    def revert(self, project: Project) -> list[Change]:
        back = {name: (new, old) for name, (old, new) in self._changes.items()}
        write_fields(project, self.article_id, back)
        return [Change.of(Entity.ARTICLE, updated=[self.article_id])]


DETAIL_NAMES = {"publisher": "publisher", "author": "author", "published": "date",
                "url": "web address"}  # fmt: skip
"""The details a second copy may supply, as the import report names them."""


def details_from_copy(kept: Article, copy: Article) -> tuple[dict[str, Any], list[str]]:
    """What ``copy`` says that ``kept`` lacks (field: value), and where the two say
    different things, as sentences' parts ("date 2025-03-14 (kept: 2026-11-24)").

    A second import of an article, or a merge, fills the blanks and never overwrites:
    neither knows which copy is right, so a difference is the analyst's to settle."""
    filled: dict[str, Any] = {}
    differing: list[str] = []
    for name in DETAIL_NAMES:
        mine, theirs = getattr(kept, name), getattr(copy, name)
        theirs = " ".join(without_controls(theirs).split()) if isinstance(theirs, str) else theirs
        if theirs in ("", None) or mine == theirs or not _citable(name, theirs):
            continue
        if name == "url" and canonical_url(mine) == canonical_url(theirs):
            continue  # the same page: a tracking parameter or a trailing slash apart
        if mine in ("", None):
            filled[name] = theirs
        else:
            differing.append(f"{DETAIL_NAMES[name]} {_shown(theirs)} (kept: {_shown(mine)})")
    return filled, differing


def _citable(name: str, value: object) -> bool:
    """Whether the analyst could have typed ``value`` in (a copy may be a crafted file)."""
    if not isinstance(value, str):
        return isinstance(value, dt.date)
    if len(value) > MAX_CHARS[name]:
        return False
    return name != "url" or is_web_address(value)


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else f"“{value}”"
