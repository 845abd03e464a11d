"""Projects of older format versions, written as those Briefers wrote them.

The store's API always writes the current format, so an old file is laid down with the
old version's schema (``schema._lay_down_version``) and filled with plain SQL of that
version's columns. Reading one back without migrating is done with plain SQL too.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefer.core.record import Record
from briefer.store import codec, schema
from tests.store.conftest import sample_article

WHEN = "2024-03-05T09:30:00+00:00"


class OldIds(Record, frozen=True):
    """What an old project holds, by id."""

    themes: dict[str, int]
    articles: list[int]
    passages: list[int]
    notes: list[int]


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def old_project(path: Path, version: int) -> OldIds:
    """Version ``version``'s schema with two themes, two articles and one passage."""
    conn = _connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("BEGIN")
        schema._lay_down_version(conn, version)
        conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {version}")
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [("title", path.stem), ("created_at", WHEN)],
        )
        themes = {name: add_theme(conn, name, position) for position, name in
                  enumerate(("Trade", "Shipping"))}  # fmt: skip
        first = add_article(conn, "First story")
        second = add_article(conn, "Second story", url="https://example.com/2")
        passage = add_passage(conn, first, 0, 7, [themes["Trade"]])
        conn.execute("COMMIT")
    finally:
        conn.close()
    return OldIds(themes, [first, second], [passage], [])


def add_theme(conn: sqlite3.Connection, name: str, position: int = 0) -> int:
    cursor = conn.execute(
        "INSERT INTO themes (name, name_key, colour, position) VALUES (?, ?, '#1F77B4', ?)",
        (name, codec.name_key(name), position),
    )
    return int(cursor.lastrowid or 0)


def add_article(conn: sqlite3.Connection, title: str, url: str = "") -> int:
    article = sample_article(title, url=url or "https://example.com/news/grain")
    cursor = conn.execute(
        "INSERT INTO articles (title, publisher, url, canonical_url, imported_at, word_count,"
        " text_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (title, article.publisher, article.url, codec.canonical_url(article.url), WHEN,
         article.word_count, codec.text_hash(article.text)),
    )  # fmt: skip
    article_id = int(cursor.lastrowid or 0)
    conn.execute(
        "INSERT INTO article_bodies (article_id, text, blocks) VALUES (?, ?, ?)",
        (article_id, article.text, codec.blocks_to_json(article.blocks)),
    )
    conn.execute(
        "INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)",
        (article_id, title, article.text),
    )
    return article_id


def add_passage(
    conn: sqlite3.Connection, article_id: int, start: int, end: int, themes: list[int],
    comment: str = "",
) -> int:  # fmt: skip
    (text,) = conn.execute(
        "SELECT substr(text, ?, ?) FROM article_bodies WHERE article_id = ?",
        (start + 1, end - start, article_id),
    ).fetchone()
    cursor = conn.execute(
        'INSERT INTO passages (article_id, start, "end", text, comment, created_at)'
        " VALUES (?, ?, ?, ?, ?, ?)",
        (article_id, start, end, text, comment, WHEN),
    )
    passage_id = int(cursor.lastrowid or 0)
    conn.executemany(
        "INSERT INTO passage_themes (passage_id, theme_id, position) VALUES (?, ?, ?)",
        [(passage_id, theme_id, position) for position, theme_id in enumerate(themes)],
    )
    return passage_id


def add_note(conn: sqlite3.Connection, title: str, bodies: list[str]) -> int:
    cursor = conn.execute(
        "INSERT INTO notes (title, created_at, modified_at) VALUES (?, ?, ?)", (title, WHEN, WHEN)
    )
    note_id = int(cursor.lastrowid or 0)
    conn.executemany(
        "INSERT INTO sections (note_id, ord, heading, body, level, position)"
        " VALUES (?, ?, ?, ?, 1, 0)",
        [(note_id, order, f"Part {order + 1}", body) for order, body in enumerate(bodies)],
    )
    return note_id


def edit(path: Path) -> sqlite3.Connection:
    """A plain connection to add more to an old file (the caller commits and closes)."""
    return _connect(path)


def count(path: Path, table: str) -> int:
    """Rows of ``table``, read with plain SQL whatever the file's version."""
    conn = _connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()
