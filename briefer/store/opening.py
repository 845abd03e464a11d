"""Checks a path is a healthy Briefer project of a version we read, without writing a byte.

Header bytes first, then a read-only (immutable when possible) SQLite connection that
compares ``sqlite_master`` with the schema Briefer creates: the file is untrusted input, and
a trigger or view of someone else's would run inside Briefer's own statements. Imports
only the standard library and this package.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import struct
from pathlib import Path

from briefer.core.record import Record
from briefer.store import schema
from briefer.store.errors import (
    CorruptProject,
    NewerFormatError,
    NotAProject,
    ProjectNotFound,
    ProjectTooSlow,
    UntrustedProject,
)
from briefer.store.guard import QueryBound, harden
from briefer.store.schema import APPLICATION_ID

SQLITE_MAGIC = b"SQLite format 3\x00"
_FOREIGN_MAGIC = (
    (b"PK\x03\x04", "it looks like a ZIP archive or a Word document"),
    (b"PK\x05\x06", "it looks like an empty ZIP archive"),
    (b"%PDF", "it looks like a PDF document"),
    (b"\xd0\xcf\x11\xe0", "it looks like an old Office document"),
    (b"{", "it looks like a JSON text file"),
    (b"<", "it looks like an HTML or XML file"),
)

QUICK_CHECK_MAX_BYTES = 16 * 1024 * 1024
"""Files up to this size get SQLite's ``quick_check`` on every open.

quick_check reads every page. Measured on a 63 MB project (2,000 articles of 1,500 words,
20,000 passages) it took 31 ms with the file in the OS cache, but a cold read is bound by
the disk, and projects live on USB sticks and network shares where 63 MB takes seconds.
Bigger files get the cheap checks only (header magic, application id, version, length
against the header's page count, required tables) and the thorough check waits for
``Project.check_integrity()``.
"""


class Inspection(Record, frozen=True):
    """What opening learned before touching the file."""

    version: int
    wal_present: bool
    size: int


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def shm_path(path: Path) -> Path:
    return path.with_name(path.name + "-shm")


_ANY_WRITE_BIT = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def can_write(path: Path) -> bool:
    """Whether the file or folder may be written.

    A file or folder with no write bit for anyone was marked read-only on
    purpose, so it is treated as read-only even for an administrator, whom
    the operating system would let through.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return bool(mode & _ANY_WRITE_BIT) and os.access(path, os.W_OK)


def read_only_uri(path: Path, *, immutable: bool) -> str:
    uri = path.absolute().as_uri() + "?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def _header(path: Path) -> tuple[os.stat_result, bytes]:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ProjectNotFound(path) from None
    except NotADirectoryError:
        raise ProjectNotFound(path) from None
    if stat.S_ISDIR(info.st_mode):
        raise NotAProject(path, "it is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise NotAProject(path, "it is not a regular file")
    if info.st_size == 0:
        raise NotAProject(path, "the file is empty")
    try:
        with path.open("rb") as handle:
            return info, handle.read(100)
    except PermissionError:
        raise NotAProject(path, "the file cannot be read with your permissions") from None


def inspect(
    path: Path,
    target_version: int,
    *,
    full_check: bool | None = None,
    query_seconds: float | None = None,
) -> Inspection:
    """Raise the error that describes what is wrong with ``path``, or say what it holds.

    Never writes: the header is read as bytes, and SQLite sees the file read-only
    (``immutable`` unless a write-ahead log beside it may hold newer pages). Its schema
    must be exactly what Briefer creates for its version (one read of ``sqlite_master``),
    so no view, trigger or index of someone else's runs inside Briefer's queries.
    """
    info, header = _header(path)
    if not header.startswith(SQLITE_MAGIC):
        for magic, reason in _FOREIGN_MAGIC:
            if header.startswith(magic):
                raise NotAProject(path, reason)
        raise NotAProject(path, "it is not a database file")
    if len(header) < 100:
        raise CorruptProject(path, "the file is cut short")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    user_version, app_id = struct.unpack(">iI", header[60:64] + header[68:72])
    valid_for = struct.unpack(">I", header[92:96])[0]
    if app_id != APPLICATION_ID:
        raise NotAProject(path, "it is a database made by another program")
    if user_version > target_version:
        raise NewerFormatError(path, user_version, target_version)
    wal = wal_path(path)
    wal_present = wal.exists()
    hot_wal = wal_present and wal.stat().st_size > 0
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptProject(path, "its header is damaged")
    if not hot_wal and valid_for == change_counter and info.st_size < page_size * page_count:
        raise CorruptProject(path, "the file is shorter than its header says, as if cut off")
    if full_check is None:
        full_check = info.st_size <= QUICK_CHECK_MAX_BYTES
    bound = QueryBound(query_seconds)
    version = _inspect_database(
        path, target_version, immutable=not wal_present, full=full_check, bound=bound
    )
    return Inspection(version=version, wal_present=wal_present, size=info.st_size)


def _describe(
    keys: tuple[schema.SchemaKey, ...], sql: dict[schema.SchemaKey, object], changed: bool = False
) -> str:
    kind, name = keys[0]
    kind = kind if kind in ("table", "index", "view", "trigger") else "object"
    if kind == "table" and str(sql.get(keys[0])).upper().startswith("CREATE VIRTUAL"):
        kind = "virtual table"
    if changed:
        what = f"a changed {kind} {name!r}"
    else:
        what = f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} {name!r}"
    if len(keys) > 1:
        what += f" (and {len(keys) - 1} more)"
    return what


def check_schema(path: Path, conn: sqlite3.Connection, version: int) -> None:
    """Raise unless ``sqlite_master`` holds exactly what Briefer creates for ``version``.

    Something added or changed is refused as untrusted (a trigger fires on Briefer's own
    writes, a view answers its reads); something missing means damage.
    """
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    if schema.is_known_schema(rows, version):
        return
    expected = schema.expected_objects(version)
    if expected is None:
        raise CorruptProject(path, f"its format version {version} is not one Briefer writes")
    diff = schema.compare_schema(rows, expected)
    sql = {(str(kind), str(name)): text for kind, name, _, text in rows}
    if diff.foreign:
        raise UntrustedProject(path, _describe(diff.foreign, sql))
    if diff.altered:
        raise UntrustedProject(path, _describe(diff.altered, sql, changed=True))
    if diff.missing:
        names = ", ".join(sorted(name for _, name in diff.missing))
        raise CorruptProject(path, f"parts of it are missing: {names}")


def _inspect_database(
    path: Path, target_version: int, *, immutable: bool, full: bool, bound: QueryBound
) -> int:
    try:
        conn = sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True)
    except sqlite3.Error as error:
        raise CorruptProject(path, f"SQLite cannot open it: {error}") from None
    try:
        harden(conn)
        bound.install(conn)
        with bound.running():
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > target_version:
                raise NewerFormatError(path, version, target_version)
            check_schema(path, conn, version)
            if full:
                problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
                if problems != ["ok"]:
                    raise CorruptProject(path, f"SQLite reports: {problems[0]}")
        return version
    except sqlite3.DatabaseError as error:
        if bound.interrupted(error):
            raise ProjectTooSlow(path, bound.seconds) from None
        raise CorruptProject(path, f"SQLite reports: {error}") from None
    except MemoryError:
        raise CorruptProject(path, "SQLite could not allocate what it claims to hold") from None
    except UnicodeDecodeError:
        raise CorruptProject(path, "its list of tables holds text that is not UTF-8") from None
    finally:
        conn.close()
