"""The names of Briefer's temporary files, and sweeping up the ones a killed process left.

Every temp file Briefer writes beside a target (exports, backups, settings, the lock) is
called ``.NAME.~briefer-XXXX.tmp``: unmistakably ours, so the next run may remove stale
ones without touching anybody else's files. Names are kept within the 255 bytes most
file systems allow, shortening long ones with a hash. Standard library only.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from pathlib import Path

from briefer.core.digests import hex_digest
from briefer.core.logs import get_logger

log = get_logger(__name__)

MARKER = ".~briefer-"
STALE_AFTER_SECONDS = 15 * 60
"""A temp file untouched for this long belongs to a process that died: no export, backup or
settings write takes a quarter of an hour, and one being written keeps its mtime fresh."""
NAME_MAX_BYTES = 255

_OURS = re.compile(r"^\..*" + re.escape(MARKER) + r"[^/\\]*\.tmp(-journal|-wal|-shm)?$", re.S)


def fit_name(name: str, extra_bytes: int, limit: int = NAME_MAX_BYTES) -> str:
    """``name``, or a shortened form with a hash of it, so that ``extra_bytes`` more still
    fit in ``limit`` bytes (one file name by default). The same name always gives the
    same result, so two processes derive the same lock or backup name."""
    if len(name.encode("utf-8")) + extra_bytes <= limit:
        return name
    digest = hex_digest(name.encode("utf-8"), 6)
    room = max(1, limit - extra_bytes - len(digest) - 1)
    short = name.encode("utf-8")[:room].decode("utf-8", "ignore")
    return f"{short}~{digest}"


def temp_prefix(target_name: str) -> str:
    """The prefix for ``tempfile.mkstemp`` (or a name of our own) beside ``target_name``;
    room is kept for a random part of up to 16 bytes, ``.tmp`` and SQLite's ``-journal``."""
    return f".{fit_name(target_name, 1 + len(MARKER) + 16 + 4 + 8)}{MARKER}"


def temp_path(target: Path) -> Path:
    """A fresh temp name beside ``target``, for writers that cannot use mkstemp (SQLite)."""
    return target.with_name(f"{temp_prefix(target.name)}{os.getpid()}-{os.urandom(3).hex()}.tmp")


def is_ours(name: str) -> bool:
    return bool(_OURS.match(name))


def remove_stale(
    folder: Path, *, older_than: float = STALE_AFTER_SECONDS, now: float | None = None
) -> list[Path]:
    """Delete our temp files in ``folder`` that nobody has touched for ``older_than``
    seconds; returns what went. Never follows links, never fails the caller."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not is_ours(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < older_than:
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError as error:
            log.warning("a stale temporary file could not be removed: %s", error)
            continue
    return removed


def remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
