"""Passage rows and their ordered links to themes.

Functions over an open connection, called by ``Project`` inside its transaction. Imports
only the standard library, briefer.core and this package.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from briefer.core.model import Passage
from briefer.store import codec
from briefer.store.errors import DuplicateId, PassageExists, RecordNotFound
from briefer.store.identity import given_uuid

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any

_COLUMNS = (
    'p.id, p.article_id, p.start, p."end", p.text, p.prefix, p.suffix, p.comment, p.created_at,'
    " p.uuid"
)


def _check_refs(conn: sqlite3.Connection, passage: Passage) -> None:
    """Name the missing record instead of letting a bare foreign-key failure through."""
    if (
        conn.execute("SELECT 1 FROM articles WHERE id = ?", (passage.article_id,)).fetchone()
        is None
    ):
        raise RecordNotFound("article", passage.article_id)
    for theme_id in passage.theme_ids:
        if conn.execute("SELECT 1 FROM themes WHERE id = ?", (theme_id,)).fetchone() is None:
            raise RecordNotFound("theme", theme_id)
    if len(set(passage.theme_ids)) != len(passage.theme_ids):
        raise ValueError(f"a passage lists a theme twice: {passage.theme_ids}")
    row = conn.execute(
        'SELECT id FROM passages WHERE article_id = ? AND start = ? AND "end" = ?',
        (passage.article_id, passage.start, passage.end),
    ).fetchone()
    if row is not None and row[0] != passage.id:
        raise PassageExists(passage.article_id, passage.start, passage.end, int(row[0]))


def _link_themes(conn: sqlite3.Connection, passage_id: int, theme_ids: tuple[int, ...]) -> None:
    conn.executemany(
        "INSERT INTO passage_themes (passage_id, theme_id, position) VALUES (?, ?, ?)",
        [(passage_id, theme_id, position) for position, theme_id in enumerate(theme_ids)],
    )


def add_passage(conn: sqlite3.Connection, passage: Passage) -> int:
    _check_refs(conn, passage)
    if passage.id is not None and (
        conn.execute("SELECT 1 FROM passages WHERE id = ?", (passage.id,)).fetchone() is not None
    ):
        raise DuplicateId("passage", passage.id)
    created_at = passage.created_at or codec.now_utc()
    cursor = conn.execute(
        'INSERT INTO passages (id, article_id, start, "end", text, prefix, suffix, comment,'
        " created_at, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            passage.id,
            passage.article_id,
            passage.start,
            passage.end,
            passage.text,
            passage.prefix,
            passage.suffix,
            passage.comment,
            codec.to_utc_text(created_at),
            given_uuid(conn, "passage", passage.uuid),
        ),
    )
    passage_id = int(cursor.lastrowid or 0)
    _link_themes(conn, passage_id, passage.theme_ids)
    return passage_id


def update_passage(conn: sqlite3.Connection, passage: Passage) -> None:
    if passage.id is None:
        raise RecordNotFound("passage", None)
    if conn.execute("SELECT 1 FROM passages WHERE id = ?", (passage.id,)).fetchone() is None:
        raise RecordNotFound("passage", passage.id)
    _check_refs(conn, passage)
    created_at = passage.created_at or codec.now_utc()
    updated = conn.execute(
        'UPDATE passages SET article_id = ?, start = ?, "end" = ?, text = ?, prefix = ?,'
        " suffix = ?, comment = ?, created_at = coalesce(?, created_at) WHERE id = ?",
        (
            passage.article_id,
            passage.start,
            passage.end,
            passage.text,
            passage.prefix,
            passage.suffix,
            passage.comment,
            codec.to_utc_text(created_at) if passage.created_at else None,
            passage.id,
        ),
    )
    if updated.rowcount == 0:
        raise RecordNotFound("passage", passage.id)
    conn.execute("DELETE FROM passage_themes WHERE passage_id = ?", (passage.id,))
    _link_themes(conn, passage.id, passage.theme_ids)


def delete_passage(conn: sqlite3.Connection, passage_id: int) -> None:
    if conn.execute("DELETE FROM passages WHERE id = ?", (passage_id,)).rowcount == 0:
        raise RecordNotFound("passage", passage_id)


def _passages(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> list[Passage]:
    if not rows:
        return []
    themes: defaultdict[int, list[int]] = defaultdict(list)
    ids = [row[0] for row in rows]
    if len(ids) > 2000:  # one pass over every link beats many IN lists for big listings
        wanted = set(ids)
        for passage_id, theme_id in conn.execute(
            "SELECT passage_id, theme_id FROM passage_themes ORDER BY passage_id, position"
        ):
            if passage_id in wanted:
                themes[passage_id].append(theme_id)
        ids = []
    # Chunked IN lists stay under SQLite's variable limit on any build.
    for at in range(0, len(ids), 500):
        chunk = ids[at : at + 500]
        marks = ",".join("?" * len(chunk))
        for passage_id, theme_id in conn.execute(
            f"SELECT passage_id, theme_id FROM passage_themes WHERE passage_id IN ({marks})"
            " ORDER BY passage_id, position",
            chunk,
        ):
            themes[passage_id].append(theme_id)
    return [
        Passage(
            id=r[0],
            article_id=r[1],
            start=r[2],
            end=r[3],
            text=r[4],
            prefix=r[5],
            suffix=r[6],
            comment=r[7],
            created_at=codec.from_utc_text(r[8]),
            uuid=r[9],
            theme_ids=tuple(themes.get(r[0], ())),
        )
        for r in rows
    ]


def get_passage(conn: sqlite3.Connection, passage_id: int) -> Passage:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM passages p WHERE p.id = ?", (passage_id,)
    ).fetchall()
    if not rows:
        raise RecordNotFound("passage", passage_id)
    return _passages(conn, rows)[0]


def get_passages(conn: sqlite3.Connection, passage_ids: Iterable[int]) -> dict[int, Passage]:
    """The passages that exist among ``passage_ids``, by id; missing ones are simply absent.

    One query per 500 ids rather than one per passage: an export reads
    hundreds of cited passages at once.
    """
    wanted = list(dict.fromkeys(passage_ids))
    rows: list[tuple[Any, ...]] = []
    for at in range(0, len(wanted), 500):
        chunk = wanted[at : at + 500]
        marks = ",".join("?" * len(chunk))
        rows += conn.execute(
            f"SELECT {_COLUMNS} FROM passages p WHERE p.id IN ({marks})", chunk
        ).fetchall()
    return {passage.id: passage for passage in _passages(conn, rows) if passage.id is not None}


def passage_covering(
    conn: sqlite3.Connection, article_id: int, start: int, end: int
) -> Passage | None:
    """The passage whose span is ``[start, end)`` or holds it, the innermost (shortest)
    when several do; ``None`` when none does."""
    row = conn.execute(
        'SELECT id FROM passages WHERE article_id = ? AND start <= ? AND "end" >= ?'
        ' ORDER BY "end" - start, start, id LIMIT 1',
        (article_id, start, end),
    ).fetchone()
    return None if row is None else get_passage(conn, int(row[0]))


def passage_overlapping(
    conn: sqlite3.Connection, article_id: int, start: int, end: int, theme_ids: Iterable[int]
) -> Passage | None:
    """The passage with one of ``theme_ids`` that shares the most characters with
    ``[start, end)`` (the earliest of equals); ``None`` when none shares any."""
    themes = sorted(set(theme_ids))
    if not themes:
        return None
    marks = ", ".join("?" * len(themes))
    row = conn.execute(
        'SELECT p.id FROM passages p WHERE p.article_id = ? AND p.start < ? AND p."end" > ?'
        " AND EXISTS (SELECT 1 FROM passage_themes t WHERE t.passage_id = p.id"
        f" AND t.theme_id IN ({marks}))"
        ' ORDER BY min(p."end", ?) - max(p.start, ?) DESC, p.start, p.id LIMIT 1',
        (article_id, end, start, *themes, end, start),
    ).fetchone()
    return None if row is None else get_passage(conn, int(row[0]))


def list_passages(
    conn: sqlite3.Connection, *, article_id: int | None = None, theme_id: int | None = None
) -> list[Passage]:
    where: list[str] = []
    params: list[int] = []
    if article_id is not None:
        where.append("p.article_id = ?")
        params.append(article_id)
    if theme_id is not None:
        where.append("p.id IN (SELECT passage_id FROM passage_themes WHERE theme_id = ?)")
        params.append(theme_id)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM passages p{clause} ORDER BY p.article_id, p.start, p.id", params
    ).fetchall()
    return _passages(conn, rows)
