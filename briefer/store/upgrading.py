"""An older project upgraded as a copy, its original only read (a merge's other file).

Merging from a colleague's file made by an older Briefer must not rewrite their file, nor
ask them to open it first. ``upgrade_copy`` checks the file as every open does, copies it
with SQLite's backup (a consistent snapshot, a write-ahead log included), runs the same
migrations on the copy, and gives the copy's records UUIDs derived from the original's
bytes: two upgrades of one unchanged file then agree, so the dry run's theme choices
apply to the merge and merging the file twice recognises everything by UUID. Standard
library and this package only.
"""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from pathlib import Path

from briefer.store import opening
from briefer.store.connect import translate
from briefer.store.errors import CorruptProject, DiskFull
from briefer.store.guard import harden
from briefer.store.identity import IDENTIFIED_TABLES
from briefer.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate

_COPY_NAMESPACE = uuid.UUID("3b0f5d1e-8a2c-4f6b-9d47-52c1e0a9b8d3")
_CHUNK = 1 << 20


def _fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    for part in (path, opening.wal_path(path)):
        if part.exists():
            with part.open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
    return digest.hexdigest()


def upgrade_copy(source: Path, target: Path) -> int:
    """Write ``source``, a project of an older format, as ``target`` in the current one.

    ``source`` is checked as on every open and only ever read; ``target`` is a fresh path
    the caller removes (with any ``-journal`` beside it). Returns ``source``'s version.
    Raises the store's typed errors (``CorruptProject`` when an upgrade step fails).
    """
    found = opening.inspect(source, SCHEMA_VERSION)
    seed = _fingerprint(source)
    reader = sqlite3.connect(
        opening.read_only_uri(source, immutable=not found.wal_present), uri=True
    )
    copy: sqlite3.Connection | None = None
    try:
        copy = sqlite3.connect(target, isolation_level=None)
        reader.backup(copy)
        harden(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # a plain file: no -wal to clean up
        if found.version < SCHEMA_VERSION:
            migrate(copy, found.version, MIGRATIONS, SCHEMA_VERSION)
        copy.execute("BEGIN IMMEDIATE")
        for table in IDENTIFIED_TABLES:
            ids = [int(row[0]) for row in copy.execute(f"SELECT id FROM {table}")]
            copy.executemany(
                f"UPDATE {table} SET uuid = ? WHERE id = ?",
                [(str(uuid.uuid5(_COPY_NAMESPACE, f"{seed}:{table}:{i}")), i) for i in ids],
            )
        copy.execute("COMMIT")
    except sqlite3.Error as error:
        detail = f"a copy of it could not be upgraded to format {SCHEMA_VERSION}: {error}"
        full = translate(target, error)  # the copy's disk, not the original's
        raise full if isinstance(full, DiskFull) else CorruptProject(source, detail) from error
    finally:
        if copy is not None:
            copy.close()
        reader.close()
    return found.version
