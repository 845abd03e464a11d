"""The lock file that tells a second Briefer who holds a project open for writing.

A JSON file beside the project (``.~name.briefer.lock``). It is written whole to a temp
file and hard-linked into place, so a full disk can never leave an empty lock that
looks held; where hard links do not exist (FAT), O_CREAT|O_EXCL with cleanup on failure.
Standard library only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import sys
import time
from pathlib import Path

from briefer.core.tempfiles import fit_name, temp_path
from briefer.store.errors import DiskFull, LockInfo, ProjectLocked, ProjectReadOnly

UNREADABLE_GRACE_SECONDS = 10.0
"""A lock file with no readable JSON is taken as being written for this long, then stale."""


def lock_path(project: Path) -> Path:
    """``.~NAME.lock`` beside the project; a very long name is shortened with its hash."""
    return project.with_name(f".~{fit_name(project.name, 7)}.lock")


def _user() -> str:
    import getpass  # as socket in _host: only a writer names itself in the lock

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown user"


def this_host() -> str:
    import socket  # only a writer takes the lock; read-only CLI commands never load it

    return socket.gethostname() or "unknown host"


def _proc_stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name, where Linux has them."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    return raw[raw.rfind(")") + 2 :].split()


def process_started(pid: int) -> str:
    """When process ``pid`` started, in clock ticks since boot, or "" where unknown.

    Written into the lock so that a process id reused after a crash is not taken for
    the holder.
    """
    fields = _proc_stat(pid)
    return fields[19] if fields is not None and len(fields) > 19 else ""


def pid_alive(pid: int, started: str = "") -> bool:
    """Whether the process that took a lock still runs on this machine.

    A zombie has exited and holds nothing, and a live process whose start time differs
    from ``started`` is another program that got the same id.
    """
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
        pass
    fields = _proc_stat(pid)
    if fields is None:
        return True
    if fields and fields[0] in ("Z", "X", "x"):
        return False
    return not (started and len(fields) > 19 and fields[19] != started)


def read_lock(path: Path) -> LockInfo | None:
    """The holder named in a lock file, or ``None`` if it cannot be read as one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockInfo(
            user=str(data["user"]),
            host=str(data["host"]),
            pid=int(data["pid"]),
            since=dt.datetime.fromisoformat(data["since"]),
            started=str(data.get("started", "")),
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
    return info.host == this_host() and not pid_alive(info.pid, info.started)


def held_elsewhere(project: Path) -> LockInfo | None:
    """Who else holds ``project``'s lock now: ``None`` when nobody does, when this process
    does (its edits are committed as they are made), or when a dead process on this
    machine left it. For a reader that must not miss a writer's unsaved work."""
    path = lock_path(project)
    if not path.exists():
        return None
    holder = read_lock(path)
    if _is_stale(path, holder):
        return None
    if holder is not None and (holder.host, holder.pid) == (this_host(), os.getpid()):
        return None
    return holder or LockInfo("another user", "another computer", 0, dt.datetime.now(dt.UTC))


class ProjectLock:
    """Held by the one writer of a project; ``release`` removes the file if still ours."""

    def __init__(self, project: Path, info: LockInfo) -> None:
        self.path = lock_path(project)
        self.info = info

    @classmethod
    def acquire(cls, project: Path, *, break_lock: bool = False) -> ProjectLock:
        """Take the lock or raise ``ProjectLocked``.

        A stale lock from a dead process on this machine is cleared silently, since that
        process can no longer be writing. ``break_lock`` clears any lock, for the user
        who knows the holder on another computer is gone (it crashed, or the project was
        copied with its lock).
        """
        path = lock_path(project)
        pid = os.getpid()
        info = LockInfo(
            user=_user(),
            host=this_host(),
            pid=pid,
            since=dt.datetime.now(dt.UTC),
            started=process_started(pid),
        )
        payload = json.dumps(
            {
                "user": info.user,
                "host": info.host,
                "pid": info.pid,
                "since": info.since.isoformat(),
                "started": info.started,
            }
        ).encode("utf-8")
        if break_lock:
            path.unlink(missing_ok=True)
        for _ in range(3):
            try:
                _create(path, payload)
            except FileExistsError:
                holder = read_lock(path)
                if _is_stale(path, holder):
                    path.unlink(missing_ok=True)
                    continue
                raise ProjectLocked(
                    project,
                    holder
                    or LockInfo("another user", "another computer", 0, dt.datetime.now(dt.UTC)),
                    here=holder is not None and holder.host == this_host(),
                ) from None
            except PermissionError:
                raise ProjectReadOnly(project, "its folder") from None
            except OSError as error:
                if error.errno in (errno.ENOSPC, errno.EDQUOT):
                    raise DiskFull(project.parent) from None
                raise
            return cls(project, info)
        raise ProjectLocked(project, read_lock(path) or info)

    def release(self) -> None:
        """Remove the lock file, unless someone else's lock has replaced it."""
        current = read_lock(self.path)
        if current is not None and (current.pid, current.host) != (self.info.pid, self.info.host):
            return
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)


def _create(path: Path, payload: bytes) -> None:
    """Put a complete lock file at ``path`` or raise ``FileExistsError``; never leave a
    partial one behind, whatever fails."""
    temp = temp_path(path)
    try:
        _write_new(temp, payload)
        try:
            os.link(temp, path)
            return
        except FileExistsError:
            raise
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
                raise
        _write_new(path, payload)  # no hard links here: exclusive create, then write
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _write_new(path: Path, payload: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.write(fd, payload)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    os.close(fd)
