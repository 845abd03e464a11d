"""Opening SQLite connections to a project, and what low-level SQLite errors mean for a user.

Also what a reader does as it closes so that reading leaves no -wal and -shm beside the
file. Standard library and this package only.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

from briefer.store import lock, opening
from briefer.store.errors import (
    CorruptProject,
    DiskFull,
    ProjectBusy,
    ProjectError,
    ProjectReadOnly,
)
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
    """A reader that sees a concurrent writer's commits; immutable where nothing can write.

    With no -wal beside it, no connection has the file open in WAL mode, and where the
    file or its folder has no write bit no Briefer writer will open it (``_open`` refuses):
    then ``immutable=1`` reads the file alone and creates no -wal or -shm.
    """
    writable = opening.can_write(path) and opening.can_write(path.parent)
    immutable = not opening.wal_path(path).exists() and not writable
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
        except sqlite3.OperationalError as error:
            conn.close()  # mode=ro on a WAL file fails if it may not create -shm here
            if _busy(error):
                # Not the folder: a writer holds the file. Reading it immutable now would
                # read pages a rollback-journal writer is changing in place.
                raise ProjectBusy(path, BUSY_TIMEOUT_MS / 1000) from error
    raise ProjectReadOnly(path, "its folder")


def _busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(error).lower()


def tidy_after_reading(path: Path) -> None:
    """Let SQLite remove the empty -wal and the -shm beside ``path`` if nobody has it open.

    Call after closing a reader. A ``mode=ro`` connection creates both files where the
    folder allows (SQLite needs them to read a WAL database: https://www.sqlite.org/wal.html,
    "Read-Only Databases") but never removes them: the WAL file "is deleted automatically
    when the last connection to the database closes" (https://www.sqlite.org/tempfiles.html,
    2.3), and that clean-up is a checkpoint under "an exclusive lock for a short time"
    (wal.html, "Sometimes Queries Return SQLITE_BUSY In WAL Mode"), which a connection that
    may not write does not attempt. So a read-write connection that only reads
    (``query_only``) is opened and closed here: SQLite deletes the files only when it gets
    that lock, that is when no other connection, in this process or another, has the file
    open, and so never a writer's log. The -shm holds no data (tempfiles.html, 2.4).

    Skipped, leaving everything as it is, when the -wal holds pages: a crashed writer's
    commits go into the file when a writer opens it, never behind a reader's back (a read
    writes no byte of the file); when another Briefer holds the lock (it may be on another
    computer, where SQLite's locks do not reach: WAL "does not work over a network
    filesystem"); and when the file or folder may not be written. Best effort: any
    failure leaves the files, which the next open uses as usual.
    """
    wal = opening.wal_path(path)
    try:
        if not wal.exists() and not opening.shm_path(path).exists():
            return
        if wal.exists() and wal.stat().st_size > 0:
            return
    except OSError:
        return
    if not (opening.can_write(path) and opening.can_write(path.parent)):
        return
    if lock.held_elsewhere(path) is not None:
        return
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(path.absolute().as_uri() + "?mode=rw", uri=True, timeout=0)
        try:
            harden(conn)
            conn.execute("PRAGMA query_only = ON")
            conn.execute("PRAGMA schema_version").fetchone()  # reading opens the log
        finally:
            conn.close()  # the last connection's close checkpoints and deletes both
