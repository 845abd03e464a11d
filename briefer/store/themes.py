"""Theme rows, and the dismissed keyword suggestions that name a theme.

Functions over an open connection, called by ``Project`` inside its transaction. Imports
only the standard library, briefer.core and this package.
"""

from __future__ import annotations

import sqlite3

from briefer.core.model import Theme
from briefer.store import codec
from briefer.store.errors import DuplicateId, DuplicateName, RecordNotFound
from briefer.store.identity import given_uuid

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any

_COLUMNS = "id, name, colour, shortcut, parent_id, description, keywords, position, uuid"


def _theme(row: tuple[Any, ...]) -> Theme:
    return Theme(
        id=row[0],
        name=row[1],
        colour=row[2],
        shortcut=row[3],
        parent_id=row[4],
        description=row[5],
        keywords=codec.keywords_from_json(row[6]),
        position=row[7],
        uuid=row[8],
    )


def _check_name_free(conn: sqlite3.Connection, theme: Theme) -> None:
    row = conn.execute(
        "SELECT id FROM themes WHERE name_key = ?", (codec.name_key(theme.name),)
    ).fetchone()
    if row is not None and row[0] != theme.id:
        raise DuplicateName("theme", theme.name)


def _check_parent(conn: sqlite3.Connection, theme: Theme) -> None:
    if theme.parent_id is None:
        return
    if theme.id is not None and theme.parent_id == theme.id:
        raise ValueError("a theme cannot be its own parent")
    if conn.execute("SELECT 1 FROM themes WHERE id = ?", (theme.parent_id,)).fetchone() is None:
        raise RecordNotFound("parent theme", theme.parent_id)


def _values(theme: Theme) -> tuple[Any, ...]:
    return (
        theme.name,
        codec.name_key(theme.name),
        theme.colour,
        theme.shortcut,
        theme.parent_id,
        theme.description,
        codec.keywords_to_json(theme.keywords),
        theme.position,
    )


def add_theme(conn: sqlite3.Connection, theme: Theme) -> int:
    if theme.id is not None and (
        conn.execute("SELECT 1 FROM themes WHERE id = ?", (theme.id,)).fetchone() is not None
    ):
        raise DuplicateId("theme", theme.id)
    _check_name_free(conn, theme)
    _check_parent(conn, theme)
    cursor = conn.execute(
        "INSERT INTO themes (id, name, name_key, colour, shortcut, parent_id, description,"
        " keywords, position, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (theme.id, *_values(theme), given_uuid(conn, "theme", theme.uuid)),
    )
    return int(cursor.lastrowid or 0)


def update_theme(conn: sqlite3.Connection, theme: Theme) -> None:
    if theme.id is None:
        raise RecordNotFound("theme", None)
    get_theme(conn, theme.id)
    _check_name_free(conn, theme)
    _check_parent(conn, theme)
    conn.execute(
        "UPDATE themes SET name = ?, name_key = ?, colour = ?, shortcut = ?, parent_id = ?,"
        " description = ?, keywords = ?, position = ? WHERE id = ?",
        (*_values(theme), theme.id),
    )


def delete_theme(conn: sqlite3.Connection, theme_id: int) -> None:
    """Links from passages go with it (ON DELETE CASCADE); the passages themselves stay."""
    if conn.execute("DELETE FROM themes WHERE id = ?", (theme_id,)).rowcount == 0:
        raise RecordNotFound("theme", theme_id)


def get_theme(conn: sqlite3.Connection, theme_id: int) -> Theme:
    row = conn.execute(f"SELECT {_COLUMNS} FROM themes WHERE id = ?", (theme_id,)).fetchone()
    if row is None:
        raise RecordNotFound("theme", theme_id)
    return _theme(row)


def find_theme(conn: sqlite3.Connection, theme_id: int) -> Theme | None:
    """The theme with this id, or None: for callers that check rather than expect it."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM themes WHERE id = ?", (theme_id,)).fetchone()
    return _theme(row) if row is not None else None


def list_themes(conn: sqlite3.Connection) -> list[Theme]:
    return [_theme(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM themes ORDER BY position, id")]


def theme_by_name(conn: sqlite3.Connection, name: str) -> Theme | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM themes WHERE name_key = ?", (codec.name_key(name),)
    ).fetchone()
    return _theme(row) if row is not None else None


def theme_passage_counts(conn: sqlite3.Connection) -> dict[int, int]:
    """Every theme, including those with no passage (count 0)."""
    return {
        int(theme_id): int(count)
        for theme_id, count in conn.execute(
            "SELECT t.id, count(pt.passage_id) FROM themes t"
            " LEFT JOIN passage_themes pt ON pt.theme_id = t.id GROUP BY t.id"
        )
    }


def dismiss_suggestion(
    conn: sqlite3.Connection, article_id: int, start: int, end: int, theme_id: int
) -> None:
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
        raise RecordNotFound("article", article_id)
    get_theme(conn, theme_id)
    conn.execute(
        'INSERT OR IGNORE INTO dismissed_suggestions (article_id, start, "end", theme_id)'
        " VALUES (?, ?, ?, ?)",
        (article_id, start, end, theme_id),
    )


def undismiss_suggestion(
    conn: sqlite3.Connection, article_id: int, start: int, end: int, theme_id: int
) -> None:
    conn.execute(
        'DELETE FROM dismissed_suggestions WHERE article_id = ? AND start = ? AND "end" = ?'
        " AND theme_id = ?",
        (article_id, start, end, theme_id),
    )


def dismissed_suggestions(conn: sqlite3.Connection, article_id: int) -> set[tuple[int, int, int]]:
    return {
        (int(s), int(e), int(t))
        for s, e, t in conn.execute(
            'SELECT start, "end", theme_id FROM dismissed_suggestions WHERE article_id = ?',
            (article_id,),
        )
    }
