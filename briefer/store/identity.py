"""Stable identity (a UUID per article, theme, passage and note) and one passage per span.

The v2 -> v3 migration lives here because it does more than lay down columns: it merges
the duplicate passages v2 let an analyst make (one sentence tagged twice, once per theme)
and points the notes that cited a removed duplicate at the one kept. Standard library
and this package only.
"""

from __future__ import annotations

import re
import sqlite3

from briefer.core.patterns import compiled
from briefer.store.errors import DuplicateUuid

IDENTIFIED_TABLES = ("articles", "themes", "passages", "notes")
"""Tables whose rows carry a ``uuid``: what two copies of a project must recognise."""

_CITATION = r"(?<!\\)\[@p([0-9]+)\]"  # compiled at first use: only a merge renumbers
"""A citation token (core.citations' ``[@pN]``) that is not backslash-escaped."""


def new_uuid() -> str:
    """A random (version 4) UUID as text: what every new record is known by for good."""
    import uuid  # here, not above: it loads `platform`, which reading a project never needs

    return str(uuid.uuid4())


def given_uuid(conn: sqlite3.Connection, kind: str, given: str) -> str:
    """The UUID a new ``kind`` row gets: ``given`` (a record brought back by undo, or copied
    from another project) when it names one no other row has, a new one when empty.

    Raises ``DuplicateUuid`` when taken and ``ValueError`` when it is not a UUID.
    """
    if not given:
        return new_uuid()
    import uuid

    try:
        text = str(uuid.UUID(given))
    except (ValueError, TypeError, AttributeError):
        raise ValueError(f"{given!r} is not a UUID") from None
    table = table_of(kind)
    if conn.execute(f"SELECT 1 FROM {table} WHERE uuid = ?", (text,)).fetchone() is not None:
        raise DuplicateUuid(kind, text)
    return text


def table_of(kind: str) -> str:
    """The table of ``kind`` (article, theme, passage, note); ValueError for other kinds."""
    table = f"{kind}s"
    if table not in IDENTIFIED_TABLES:
        raise ValueError(f"{kind!r} records carry no uuid")
    return table


def uuid_index(conn: sqlite3.Connection, table: str) -> dict[str, int]:
    """``{uuid: id}`` of every row of ``table`` (one of ``IDENTIFIED_TABLES``)."""
    assert table in IDENTIFIED_TABLES
    return {str(u): int(i) for u, i in conn.execute(f"SELECT uuid, id FROM {table}")}


def upgrade_to_v3(conn: sqlite3.Connection) -> None:
    """v2 -> v3, inside the caller's transaction.

    Duplicate passages are merged first (see ``merge_duplicate_passages``) so the unique
    span index can be built; every remaining row then gets a fresh UUID.
    """
    merge_duplicate_passages(conn)
    for table in IDENTIFIED_TABLES:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN uuid TEXT NOT NULL DEFAULT ''")
        ids = [row[0] for row in conn.execute(f"SELECT id FROM {table}")]
        conn.executemany(
            f"UPDATE {table} SET uuid = ? WHERE id = ?", [(new_uuid(), i) for i in ids]
        )
        conn.execute(f"CREATE UNIQUE INDEX {table}_uuid ON {table}(uuid)")
    conn.execute("ALTER TABLE notes ADD COLUMN citation_style TEXT NOT NULL DEFAULT ''")
    # The unique span index starts with (article_id, start): the old index adds nothing.
    conn.execute("DROP INDEX passages_article")
    conn.execute('CREATE UNIQUE INDEX passages_span ON passages(article_id, start, "end")')


def merge_duplicate_passages(conn: sqlite3.Connection) -> dict[int, int]:
    """Make each (article, start, end) one passage; returns ``{removed id: kept id}``.

    The lowest id is kept (the oldest, and the one most likely cited). Its themes keep
    their order and the others' themes follow in the order the duplicates were made;
    every distinct comment is kept, joined by a blank line. Citation tokens in note
    sections that named a removed duplicate then name the kept passage.
    """
    groups = conn.execute(
        'SELECT group_concat(id) FROM passages GROUP BY article_id, start, "end"'
        " HAVING count(*) > 1"
    ).fetchall()
    replaced: dict[int, int] = {}
    for (joined,) in groups:
        ids = sorted(int(i) for i in str(joined).split(","))
        keep, others = ids[0], ids[1:]
        themes: dict[int, None] = {}
        comments: dict[str, None] = {}
        for passage_id in ids:
            for (theme_id,) in conn.execute(
                "SELECT theme_id FROM passage_themes WHERE passage_id = ? ORDER BY position",
                (passage_id,),
            ):
                themes.setdefault(int(theme_id), None)
            (comment,) = conn.execute(
                "SELECT comment FROM passages WHERE id = ?", (passage_id,)
            ).fetchone()
            if isinstance(comment, str) and comment.strip():
                comments.setdefault(comment.strip(), None)
        marks = ",".join("?" * len(ids))
        conn.execute(f"DELETE FROM passage_themes WHERE passage_id IN ({marks})", ids)
        conn.executemany(
            "INSERT INTO passage_themes (passage_id, theme_id, position) VALUES (?, ?, ?)",
            [(keep, theme_id, position) for position, theme_id in enumerate(themes)],
        )
        conn.execute("UPDATE passages SET comment = ? WHERE id = ?", ("\n\n".join(comments), keep))
        conn.execute(f"DELETE FROM passages WHERE id IN ({','.join('?' * len(others))})", others)
        replaced.update(dict.fromkeys(others, keep))
    if replaced:
        rewrite_citations(conn, replaced)
    return replaced


def rewrite_citations(conn: sqlite3.Connection, replaced: dict[int, int]) -> int:
    """Point citation tokens at the passages that replaced the ones they named; returns
    how many sections changed. A note's text is otherwise left exactly as it was."""

    def swap(match: re.Match[str]) -> str:
        passage_id = int(match.group(1))
        return f"[@p{replaced.get(passage_id, passage_id)}]"

    changed = []
    for section_id, body in conn.execute(
        "SELECT id, body FROM sections WHERE instr(body, '[@p') > 0"
    ).fetchall():
        if not isinstance(body, str):  # not Briefer's; reading the note will say so
            continue
        rewritten = compiled(_CITATION).sub(swap, body)
        if rewritten != body:
            changed.append((rewritten, section_id))
    conn.executemany("UPDATE sections SET body = ? WHERE id = ?", changed)
    return len(changed)
