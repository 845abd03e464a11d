"""Creating a new project file: built under a temp name, then linked into place.

Standard library, briefer.core and this package only.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from briefer.core import tempfiles
from briefer.store import backups, codec, opening
from briefer.store.errors import NameTooLong, ProjectExists, ProjectReadOnly
from briefer.store.schema import create_schema

NAME_LIMIT = tempfiles.NAME_MAX_BYTES - len("-wal")
"""SQLite keeps NAME-wal and NAME-shm beside a project: its name must leave them room."""


def create_file(path: Path, title: str | None) -> None:
    """Lay down an empty project at ``path``; a half-created file never has the real name."""
    if len(path.name.encode("utf-8")) > NAME_LIMIT:
        raise NameTooLong(path, NAME_LIMIT)
    if path.exists() or path.is_symlink():
        raise ProjectExists(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise ProjectReadOnly(path, "its folder") from None
    if not opening.can_write(path.parent):
        raise ProjectReadOnly(path, "its folder")
    tempfiles.remove_stale(path.parent)
    temp = tempfiles.temp_path(path)
    try:
        conn = sqlite3.connect(temp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("BEGIN IMMEDIATE")
            create_schema(conn)
            conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [
                    ("title", title if title is not None else path.stem),
                    ("created_at", codec.to_utc_text(codec.now_utc())),
                ],
            )
            conn.execute("COMMIT")
        finally:
            conn.close()
        _fsync_path(temp)
        backups.link_new(temp, path)
    except PermissionError:
        raise ProjectReadOnly(path, "its folder") from None
    finally:
        for leftover in (temp, opening.wal_path(temp), opening.shm_path(temp)):
            leftover.unlink(missing_ok=True)
    backups.fsync_dir(path.parent)
    backups.fsync_dir(path.parent)


def _fsync_path(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())
