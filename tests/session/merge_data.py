"""Projects for the merge tests: real files, built through commands as the window would."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from briefer.core.model import (
    Article,
    ArticleImage,
    Block,
    BlockKind,
    Note,
    Original,
    Section,
    Theme,
)
from briefer.session import AddNoteCommand, AddThemeCommand, Session, TagPassageCommand
from tests.private_store import store_of

TEXT = (
    "India and Russia agreed to expand trade in oil and fertiliser.\n\n"
    "Defence ties, including submarines, were also discussed.\n\n"
    "Visa rules for skilled professionals will be eased."
)
OTHER_TEXT = "Ports in Chennai will handle more grain.\n\nFreight rates fell by a third."
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24


def make_project(path: Path) -> Session:
    """A project with one article (original and image), two passages and a note."""
    session = Session.create(path)
    article = Article(
        title="India and Russia",
        text=TEXT,
        blocks=(Block(BlockKind.PARAGRAPH, 0, 62),),
        url="https://news.example/india-russia",
        images=(ArticleImage("image/png", PNG, 1, 1, 10, "a map"),),
    )
    store_of(session).add_article(article, Original("a.html", "text/html", TEXT.encode()))
    tag(session, "expand trade in oil", "Trade", "Energy")
    tag(session, "submarines", "Defence", comment="check numbers")
    passage_id = session.query.list_passages()[0].id
    session.do(
        AddNoteCommand(Note("Brief", sections=(Section("Summary", f"Oil [@p{passage_id}]"),)))
    )
    return session


def add_article(session: Session, title: str, text: str, url: str = "") -> int:
    article = Article(title=title, text=text, blocks=(Block(BlockKind.PARAGRAPH, 0, 10),), url=url)
    return store_of(session).add_article(article, Original("b.txt", "text/plain", text.encode()))


def article_id(session: Session, title: str) -> int:
    return next(a.id for a in session.query.list_articles() if a.title == title)


def tag(session: Session, words: str, *themes: str, comment: str = "", title: str = "") -> int:
    aid = article_id(session, title) if title else session.query.list_articles()[0].id
    text = session.query.get_article(aid).text
    start = text.index(words)
    ids = [session.theme_named(name).id for name in themes]  # type: ignore[union-attr]
    command = TagPassageCommand(aid, start, start + len(words), ids, comment)
    session.do(command)
    assert command.passage_id is not None
    return command.passage_id


def add_theme(session: Session, name: str, colour: str = "#123456", key: str = "") -> None:
    session.do(AddThemeCommand(Theme(name, colour, key)))


def copy_project(session: Session, target: Path) -> Session:
    session.save_copy(target)
    return Session.open(target)


def state(session: Session) -> dict[str, Any]:
    """What an analyst sees, in terms both copies share (UUIDs and names, never ids; a
    comment as its paragraphs, each copy listing its own first)."""
    q = session.query
    themes = {t.id: t.name for t in q.list_themes()}
    articles = {a.id: a.uuid for a in q.list_articles()}
    return {
        "themes": sorted((t.uuid, t.name, t.colour) for t in q.list_themes()),
        "articles": sorted(articles.values()),
        "passages": sorted(
            (
                articles[p.article_id],
                p.start,
                p.end,
                p.uuid,
                tuple(sorted(themes[t] for t in p.theme_ids)),
                tuple(sorted(p.comment.split("\n\n"))),
            )
            for p in q.list_passages()
        ),
        "notes": sorted((n.uuid, n.title) for n in q.list_notes()),
        "dismissed": sorted(
            (uuid, start, end, themes[theme])
            for aid, uuid in articles.items()
            for start, end, theme in q.dismissed_suggestions(aid)
        ),
    }


def copy_file(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target
