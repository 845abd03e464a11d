"""Opening SQLite connections to a project, and what low-level SQLite errors mean for a user.

Standard library and this package only.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from briefer.store import opening
from briefer.store.errors import CorruptProject, DiskFull, ProjectError, ProjectReadOnly
from briefer.store.guard import QueryBound, harden

BUSY_TIMEOUT_MS = 5000


def translate(path: Path, error: sqlite3.Error) -> ProjectError | None:
    """The typed error a low-level SQLite failure means for the user, if we know one."""
    text = str(error).lower()
    if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in text:
        return DiskFull(path.parent)
    if "disk i/o error" in text and _nearly_full(path.parent):
        return DiskFull(path.parent)  # SQLite says I/O error when -shm cannot grow
    if "readonly" in text or "read-only" in text:
        return ProjectReadOnly(path, "the file")
    if "malformed" in text or "not a database" in text:
        return CorruptProject(path, f"SQLite reports: {error}")
    return None


NEARLY_FULL_BYTES = 1 << 20
"""Free space below which an I/O error is taken to be the disk filling up."""


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def connect_writer(path: Path, bound: QueryBound) -> sqlite3.Connection:
    uri = path.absolute().as_uri() + "?mode=rw"
    try:
        conn = sqlite3.connect(
            uri, uri=True, isolation_level=None, check_same_thread=False, timeout=5.0
        )
        harden(conn)
        bound.install(conn)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            raise ProjectReadOnly(path, "the file")
    except sqlite3.Error as error:
        raise translate(path, error) or ProjectReadOnly(path, "the file") from error
    return conn


def connect_reader(path: Path, bound: QueryBound) -> sqlite3.Connection:
    """A reader that sees a concurrent writer's commits; immutable where nothing can write."""
    immutable = not opening.wal_path(path).exists() and not opening.can_write(path.parent)
    for attempt in (immutable, True):
        conn = sqlite3.connect(
            opening.read_only_uri(path, immutable=attempt),
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
        try:
            harden(conn)
            bound.install(conn)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA query_only = ON")
            conn.execute("SELECT count(*) FROM meta").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()  # mode=ro on a WAL file fails if it may not create -shm here
    raise ProjectReadOnly(path, "its folder")
