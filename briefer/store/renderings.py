"""Citation renderings a project keeps for each note, so the next export need not remake them.

Rendering a note's citations in a CSL style is most of a `briefer export`'s own work;
the rendering of an unchanged source at an unchanged position is the same every time.
Each note's row in ``meta`` (key ``renderings:NOTE-UUID``) holds what its last export
used, and only that: kept inside the project, so nothing about its sources lies in a
cache folder outside it, and dropped with the note, and whenever an article is deleted,
so a deleted source's title and link do not outlive it in the file. The text is the
exporters' (csl_kept.snapshot); the store only keeps it. Standard library only.
"""

from __future__ import annotations

import sqlite3

PREFIX = "renderings:"
MAX_BYTES = 8_000_000
"""A note's renderings larger than this are not kept (320 citations are some 200 kB)."""


def read(conn: sqlite3.Connection, note_uuid: str) -> str:
    """The renderings kept for the note, or ""."""
    if not note_uuid:
        return ""
    row = conn.execute(  # a crafted file's giant value is never loaded
        "SELECT CASE WHEN typeof(value) = 'text' AND length(value) <= ? THEN value END"
        " FROM meta WHERE key = ?",
        (MAX_BYTES, PREFIX + note_uuid),
    ).fetchone()
    return str(row[0]) if row is not None and isinstance(row[0], str) else ""


def keep(conn: sqlite3.Connection, note_uuid: str, text: str) -> None:
    """Replace the note's renderings with ``text`` (empty, too large or no note: none kept)."""
    if not note_uuid:
        return
    if (
        not text
        or len(text) > MAX_BYTES
        or not conn.execute("SELECT 1 FROM notes WHERE uuid = ?", (note_uuid,)).fetchone()
    ):
        forget_note(conn, note_uuid)
        return
    set_meta(conn, PREFIX + note_uuid, text)


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Set one of ``meta``'s values (the project's title, a note's renderings)."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def forget_note(conn: sqlite3.Connection, note_uuid: str) -> None:
    conn.execute("DELETE FROM meta WHERE key = ?", (PREFIX + note_uuid,))


def forget_all(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM meta WHERE substr(key, 1, ?) = ?", (len(PREFIX), PREFIX))
