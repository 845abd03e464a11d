"""Atomic file writes: temp file in the target's folder, fsync, os.replace.

Every file Briefer writes for the analyst (Word and Markdown exports, REFI-QDA files)
goes through here, so all of them behave alike: never half a file, a new file's mode
under the umask (or the replaced file's mode), no stale temp files of ours, and a disk
full said as such. The caller's room names its own error type and what to do again.
Standard library only.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from briefer.core.tempfiles import remove_stale, temp_prefix

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import BinaryIO


def write_atomically(
    target: Path,
    write: Callable[[BinaryIO], object],
    error: type[Exception],
    again: str = "export again",
) -> None:
    """Call ``write`` on a temp file next to ``target`` and move it into place.

    A reader (or a crash) sees either the old file or the complete new one,
    never half a file. On any failure the temp file is removed and the error is
    raised as ``error`` (one sentence naming what to do, ending "then {again}").

    The file gets the mode any program's new file would (0666 less the
    umask), or, when it replaces one, that file's mode: mkstemp's private
    0600 would otherwise hide an export from the colleagues it is for.
    """
    folder = target.parent
    if not folder.is_dir():
        raise error(
            f"Cannot save {target.name!r}: the folder {str(folder)!r} does not exist "
            "or is not a folder. Choose another location."
        )
    remove_stale(folder)  # what an export killed mid-write left behind
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=temp_prefix(target.name), suffix=".tmp", dir=folder
        )
    except OSError as exc:
        raise error(
            f"Cannot save {target.name!r}: the folder {str(folder)!r} cannot be written "
            f"({exc.strerror or exc}). Choose a folder you can write to."
        ) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            _set_mode(stream.fileno(), target)
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except error:
        _remove(temp)
        raise
    except OSError as exc:
        _remove(temp)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            kept = f" ({target.name} as it was is unchanged)" if target.exists() else ""
            raise error(
                f"The disk holding {folder} is full; free some space and {again}."
                f" Nothing was lost{kept}."
            ) from exc
        raise error(
            f"Cannot save {str(target)!r}: {exc.strerror or exc}. "
            "Check that the file is not open in another program and that the disk has space, "
            f"then {again}."
        ) from exc
    except BaseException:
        _remove(temp)
        raise
    _fsync_folder(folder)


def _set_mode(handle: int, target: Path) -> None:
    """Give the temp file the mode the target has, or a new file's mode under the umask."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode) & 0o777  # never set-id bits
    except OSError:
        mode = 0o666 & ~current_umask()
    if hasattr(os, "fchmod"):  # POSIX; Windows has no modes worth keeping
        os.fchmod(handle, mode)


def current_umask() -> int:
    """The process's umask: from /proc on Linux, else by setting and restoring it at once
    (the only portable way to read it)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    current = os.umask(0o022)
    os.umask(current)
    return current


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open folders, which is fine.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
