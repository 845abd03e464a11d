"""Consistent copies of an open project: backups on open, before migrations, save-a-copy.

Every copy uses SQLite's backup API into a temp file in the target folder, fsync, then
``os.replace``, so a copy is whole or absent. Standard library and this package only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
from pathlib import Path

from briefer.core.tempfiles import fit_name, remove_stale, temp_path

_STAMP = "%Y-%m-%dT%H%M%S.%fZ"
_STEM_LIMIT = 80
"""Bytes of the project's name kept in backup folder and file names (longer ones end in a
hash): SQLite refuses paths over 512 bytes, and a backup path holds the name twice, after
the data folder, with a 25-byte stamp, a label and ".briefer" besides."""
_NAME = re.compile(
    r"^(?P<stem>.*)-(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6}\.\d{6}Z)"
    r"(?P<migration>-before-migration-to-v\d+)?\.briefer$"
)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable; some platforms cannot open folders, which is fine there."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def copy_database(conn: sqlite3.Connection, target: Path) -> None:
    """Write a consistent snapshot of ``conn`` to ``target``, even while others read it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target.parent)  # a copy killed mid-write (and its journal)
    temp = temp_path(target)
    try:
        copy = sqlite3.connect(temp)
        try:
            conn.backup(copy)
        finally:
            copy.close()
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
        fsync_dir(target.parent)
    finally:
        for leftover in (
            temp,
            temp.with_name(temp.name + "-wal"),
            temp.with_name(temp.name + "-shm"),
        ):
            leftover.unlink(missing_ok=True)


def backup_folder(backup_dir: Path, project_path: Path) -> Path:
    """One folder per project, named so two ``notes.briefer`` in different places differ."""
    absolute = str(project_path.absolute())
    digest = hashlib.sha256(absolute.encode("utf-8")).hexdigest()[:8]
    return backup_dir / f"{fit_name(project_path.stem, 9, _STEM_LIMIT)}-{digest}"


def _stem(project_path: Path) -> str:
    """The project's name as its backups begin, shortened with a hash when a long name
    plus the time stamp and label would not fit in one file name."""
    return fit_name(project_path.stem, 0, _STEM_LIMIT)


def _backup_name(project_path: Path, label: str = "") -> str:
    stamp = dt.datetime.now(dt.UTC).strftime(_STAMP)
    return f"{_stem(project_path)}-{stamp}{label}.briefer"


def list_backups(backup_dir: Path, project_path: Path) -> list[Path]:
    """Backups of this project, newest first, including those taken before migrations."""
    folder = backup_folder(backup_dir, project_path)
    if not folder.is_dir():
        return []
    found = []
    for candidate in folder.iterdir():
        match = _NAME.match(candidate.name)
        if match and match["stem"] == _stem(project_path) and candidate.is_file():
            found.append((match["stamp"], candidate.name, candidate))
    return [path for _, _, path in sorted(found, reverse=True)]


def back_up(conn: sqlite3.Connection, project_path: Path, backup_dir: Path, keep: int) -> Path:
    """Copy the project into its backup folder and keep only the ``keep`` newest plain
    backups; backups taken before a migration are never pruned (they are the way back)."""
    folder = backup_folder(backup_dir, project_path)
    target = folder / _backup_name(project_path)
    copy_database(conn, target)
    plain = [
        p for p in list_backups(backup_dir, project_path) if "-before-migration-" not in p.name
    ]
    for old in plain[max(keep, 1) :]:
        old.unlink(missing_ok=True)
    return target


def back_up_before_migration(
    conn: sqlite3.Connection, project_path: Path, backup_dir: Path | None, target_version: int
) -> Path:
    """Without a backup folder the copy goes beside the project: a migration never runs
    without a way back."""
    label = f"-before-migration-to-v{target_version}"
    if backup_dir is None:
        target = project_path.with_name(_backup_name(project_path, label))
    else:
        target = backup_folder(backup_dir, project_path) / _backup_name(project_path, label)
    copy_database(conn, target)
    return target
