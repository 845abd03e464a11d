"""The lock file that tells a second Briefer who holds a project open for writing.

A JSON file beside the project (``.~name.briefer.lock``), created atomically with
O_CREAT|O_EXCL. Standard library only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import sys
import time
from pathlib import Path

from briefer.store.errors import LockInfo, ProjectLocked, ProjectReadOnly

UNREADABLE_GRACE_SECONDS = 10.0
"""A lock file with no readable JSON is taken as being written for this long, then stale."""


def lock_path(project: Path) -> Path:
    return project.with_name(f".~{project.name}.lock")


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown user"


def _host() -> str:
    import socket  # only a writer takes the lock; read-only CLI commands never load it

    return socket.gethostname() or "unknown host"


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (a zombie counts as alive)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would send CTRL_C_EVENT on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_lock(path: Path) -> LockInfo | None:
    """The holder named in a lock file, or ``None`` if it cannot be read as one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockInfo(
            user=str(data["user"]),
            host=str(data["host"]),
            pid=int(data["pid"]),
            since=dt.datetime.fromisoformat(data["since"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _is_stale(path: Path, info: LockInfo | None) -> bool:
    if info is None:
        try:
            age = time.time() - path.stat().st_mtime
        except FileNotFoundError:
            return True
        return age > UNREADABLE_GRACE_SECONDS
    return info.host == _host() and not pid_alive(info.pid)


class ProjectLock:
    """Held by the one writer of a project; ``release`` removes the file if still ours."""

    def __init__(self, project: Path, info: LockInfo) -> None:
        self.path = lock_path(project)
        self.info = info

    @classmethod
    def acquire(cls, project: Path) -> ProjectLock:
        """Take the lock or raise ``ProjectLocked``; a stale lock from a dead process on
        this machine is cleared silently, since that process can no longer be writing."""
        path = lock_path(project)
        info = LockInfo(user=_user(), host=_host(), pid=os.getpid(), since=dt.datetime.now(dt.UTC))
        payload = json.dumps(
            {
                "user": info.user,
                "host": info.host,
                "pid": info.pid,
                "since": info.since.isoformat(),
            }
        ).encode("utf-8")
        for _ in range(3):
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = read_lock(path)
                if _is_stale(path, holder):
                    path.unlink(missing_ok=True)
                    continue
                raise ProjectLocked(
                    project,
                    holder
                    or LockInfo("another user", "another computer", 0, dt.datetime.now(dt.UTC)),
                ) from None
            except PermissionError:
                raise ProjectReadOnly(project, "its folder") from None
            try:
                os.write(fd, payload)
                os.fsync(fd)
            finally:
                os.close(fd)
            return cls(project, info)
        raise ProjectLocked(project, read_lock(path) or info)

    def release(self) -> None:
        """Remove the lock file, unless someone else's lock has replaced it."""
        current = read_lock(self.path)
        if current is not None and (current.pid, current.host) != (self.info.pid, self.info.host):
            return
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
