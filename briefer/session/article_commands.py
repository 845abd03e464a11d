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

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from briefer.core.model import Article
from briefer.session.command import Change, Command, CommandError, Entity
from briefer.session.passage_commands import existing_article
from briefer.store import Project

MAX_CHARS = {"title": 500, "publisher": 200, "author": 300, "url": 2000}
"""Longer than any real one; a footnote must still fit on a page."""


@dataclass(frozen=True)
class ArticleDetails:
    """The part of an article a citation is made of, as the analyst may edit it."""

    title: str
    publisher: str = ""
    author: str = ""
    published: dt.date | None = None
    url: str = ""

    @classmethod
    def of(cls, article: Article) -> ArticleDetails:
        return cls(article.title, article.publisher, article.author, article.published, article.url)

    def checked(self) -> ArticleDetails:
        """The same details on one line each, or ``CommandError`` saying what to fix."""
        tidy = {name: " ".join(getattr(self, name).split()) for name in MAX_CHARS}
        if not tidy["title"]:
            raise CommandError("An article needs a title.")
        for name, limit in MAX_CHARS.items():
            if len(tidy[name]) > limit:
                raise CommandError(
                    f"The {name if name != 'url' else 'address'} is too long "
                    f"({len(tidy[name]):,} characters; at most {limit:,})."
                )
        url = tidy["url"]
        if url:
            parts = urlsplit(url)
            if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
                raise CommandError(
                    f'"{url[:80]}" is not a web address: give one that starts with '
                    "https:// or http://, or leave it empty."
                )
        return dataclasses.replace(
            self, title=tidy["title"], publisher=tidy["publisher"], author=tidy["author"], url=url
        )


def date_from_text(text: str) -> dt.date | None:
    """A date typed as YYYY-MM-DD (empty: no date); ``CommandError`` for anything else."""
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f'"{text[:40]}" is not a date: write it as YYYY-MM-DD (2025-03-14), or leave it empty.'
        ) from None


class EditArticleDetailsCommand(Command):
    """Replaces an article's details; undo puts the old ones back."""

    def __init__(self, article_id: int, details: ArticleDetails) -> None:
        self.article_id = article_id
        self.details = details.checked()  # refused here, before anything is written
        self.label = f'Edit details of "{self.details.title[:40]}"'
        self._before: Article | None = None

    def apply(self, project: Project) -> list[Change]:
        self._before = existing_article(project, self.article_id)
        edited = dataclasses.replace(self._before, **dataclasses.asdict(self.details))
        project.update_article_details(edited)
        return [Change.of(Entity.ARTICLE, updated=[self.article_id])]

    def revert(self, project: Project) -> list[Change]:
        assert self._before is not None
        project.update_article_details(self._before)
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
        theirs = " ".join(theirs.split()) if isinstance(theirs, str) else theirs
        if theirs in ("", None) or mine == theirs or not _citable(name, theirs):
            continue
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
    parts = urlsplit(value) if name == "url" else None
    return parts is None or (parts.scheme.lower() in ("http", "https") and bool(parts.netloc))


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else f"“{value}”"
