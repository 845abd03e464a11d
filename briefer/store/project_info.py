"""The project as a whole: what it holds and how big it is, and whether SQLite finds it
sound. Apart from project.py, whose class is the API's door, so that file stays about
records and transactions. Standard library and this package only.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from briefer.core.record import Record
from briefer.store import codec, opening


class ProjectInfo(Record, frozen=True):
    """What a project's properties dialog or ``briefer info`` shows."""

    path: Path
    title: str
    schema_version: int
    created_at: dt.datetime | None
    article_count: int
    passage_count: int
    theme_count: int
    note_count: int
    size_bytes: int


def read_info(conn: sqlite3.Connection, path: Path) -> ProjectInfo:
    """Counts, format version, title and creation time as stored; the size on disk with
    the write-ahead log, whose pages are the project's too until checkpointed."""
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM passages),"
        " (SELECT count(*) FROM themes), (SELECT count(*) FROM notes)"
    ).fetchone()
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('title', 'created_at')"))
    title, created = meta.get("title"), meta.get("created_at")
    size = path.stat().st_size
    wal = opening.wal_path(path)
    if wal.exists():
        size += wal.stat().st_size
    return ProjectInfo(
        path=path,
        title=str(title) if title is not None else path.stem,
        schema_version=version,
        created_at=codec.from_utc_text(None if created is None else str(created)),
        article_count=counts[0],
        passage_count=counts[1],
        theme_count=counts[2],
        note_count=counts[3],
        size_bytes=size,
    )


def integrity_problems(conn: sqlite3.Connection, *, writable: bool) -> list[str]:
    """Every problem SQLite finds (empty when healthy): pages, foreign keys and, where
    the connection may write (FTS5's check is a write statement), the search index."""
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        return [f"SQLite reports: {error}"]
    problems = [] if problems == ["ok"] else problems
    problems += [
        f"foreign key: {row[0]} row {row[1]} -> {row[2]}"
        for row in conn.execute("PRAGMA foreign_key_check")
    ]
    if writable:
        try:
            conn.execute(
                "INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)"
            )
        except sqlite3.DatabaseError as error:
            problems.append(f"search index: {error}")
    return problems
