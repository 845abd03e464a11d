"""One writer at a time: a second writer learns who holds the project; readers always can."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefer.settings import resolve_paths
from briefer.store import DiskFull, Project, ProjectLocked
from briefer.store.lock import lock_path, pid_alive, read_lock
from tests.store.conftest import sample_article, theme

ROOT = Path(__file__).resolve().parents[2]

HOLDER = """
import sys
from pathlib import Path
from briefer.store import Project
project = Project.open(Path(sys.argv[1]))
project.add_theme(__import__("briefer.core.model", fromlist=["Theme"]).Theme("Held", "#000000"))
print("holding", flush=True)
sys.stdin.readline()
project.close()
print("released", flush=True)
"""


def _holder(path: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "holding"
    return process


def test_second_writer_is_told_who_holds_it(project_path: Path) -> None:
    Project.create(project_path).close()
    holder = _holder(project_path)
    try:
        with pytest.raises(ProjectLocked) as caught:
            Project.open(project_path)
        lock = caught.value.lock
        assert lock.pid == holder.pid
        assert lock.host == socket.gethostname()
        assert abs(dt.datetime.now(dt.UTC) - lock.since) < dt.timedelta(minutes=1)
        message = str(caught.value)
        # A running Briefer on this very computer: nothing to break, so no advice to.
        assert caught.value.here and "on this computer" in message
        assert f"process {holder.pid}" in message and "read-only" in message
        assert "anyway" not in message

        with Project.open(project_path, read_only=True) as reader:  # the holder's edit shows
            assert [t.name for t in reader.list_themes()] == ["Held"]
    finally:
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"
        holder.wait(timeout=10)
    assert not lock_path(project_path).exists()
    with Project.open(project_path) as project:  # free again
        assert project.theme_by_name("held") is not None


def test_reader_sees_commits_made_after_it_opened(project_path: Path) -> None:
    with (
        Project.create(project_path) as writer,
        Project.open(project_path, read_only=True) as reader,
    ):
        assert reader.list_articles() == []
        writer.add_article(sample_article())
        assert [a.title for a in reader.list_articles()] == ["Grain corridor reopens"]


def test_lock_file_names_this_process_and_goes_on_close(project_path: Path) -> None:
    project = Project.create(project_path)
    held = read_lock(lock_path(project_path))
    assert held is not None and held.pid == os.getpid()
    assert json.loads(lock_path(project_path).read_text())["host"] == socket.gethostname()
    with pytest.raises(ProjectLocked):  # a second writer in the same process is refused too
        Project.open(project_path)
    project.close()
    assert not lock_path(project_path).exists()


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not pid_alive(child.pid)
    return child.pid


def test_stale_lock_of_a_dead_process_is_cleared(project_path: Path) -> None:
    with Project.create(project_path) as project:
        project.add_theme(theme())
    stale = {
        "user": "someone",
        "host": socket.gethostname(),
        "pid": _dead_pid(),
        "since": "2024-01-01T09:00:00+00:00",
    }
    lock_path(project_path).write_text(json.dumps(stale))
    with Project.open(project_path) as project:
        assert read_lock(lock_path(project_path)).pid == os.getpid()  # type: ignore[union-attr]
        assert project.theme_by_name("Trade") is not None
    assert not lock_path(project_path).exists()


def test_lock_from_another_computer_is_respected(project_path: Path) -> None:
    Project.create(project_path).close()
    remote = {
        "user": "colleague",
        "host": "laptop-elsewhere",
        "pid": _dead_pid(),  # dead here means nothing for another machine
        "since": "2024-01-01T09:00:00+00:00",
    }
    lock_path(project_path).write_text(json.dumps(remote))
    with pytest.raises(ProjectLocked) as caught:
        Project.open(project_path)
    assert "colleague on laptop-elsewhere" in str(caught.value)
    assert lock_path(project_path).exists()
    with Project.open(project_path, read_only=True) as reader:
        assert reader.list_articles() == []


def test_unreadable_lock_is_respected_briefly_then_cleared(project_path: Path) -> None:
    Project.create(project_path).close()
    lock = lock_path(project_path)
    lock.write_text("")  # a writer killed between creating and filling its lock
    with pytest.raises(ProjectLocked):
        Project.open(project_path)
    old = lock.stat().st_mtime - 3600
    os.utime(lock, (old, old))
    Project.open(project_path).close()
    assert not lock.exists()


@pytest.fixture
def made(project_path: Path) -> Path:
    Project.create(project_path).close()
    return project_path


def test_a_zombie_holder_is_gone(made: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = dt.datetime.now() + dt.timedelta(seconds=10)
    while Path(f"/proc/{child.pid}/stat").exists() and dt.datetime.now() < deadline:
        state = Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if state == "Z":
            break
    if not Path(f"/proc/{child.pid}/stat").exists():
        pytest.skip("no /proc here to see a zombie")
    try:
        assert not pid_alive(child.pid)  # exited, not yet reaped: it holds nothing
        _write_lock(made, child.pid, socket.gethostname())
        Project.open(made).close()
    finally:
        child.wait()


def test_a_reused_process_id_is_not_taken_for_the_holder(made: Path) -> None:
    # Our own pid is alive, but the lock says it started at another moment: the holder
    # died and the id went to another program.
    _write_lock(made, os.getpid(), socket.gethostname(), started="1")
    Project.open(made).close()


def _write_lock(project: Path, pid: int, host: str, *, started: str = "") -> None:
    lock_path(project).write_text(
        json.dumps(
            {
                "user": "sam",
                "host": host,
                "pid": pid,
                "since": "2026-11-30T09:00:00+00:00",
                "started": started,
            }
        ),
        encoding="utf-8",
    )


def test_break_lock_clears_another_computers_lock(made: Path) -> None:
    _write_lock(made, 4242, "field-laptop")
    with pytest.raises(ProjectLocked, match="--break-lock"):
        Project.open(made)
    with Project.open(made, break_lock=True):
        holder = read_lock(lock_path(made))
        assert holder is not None and holder.pid == os.getpid()
    assert not lock_path(made).exists()


def test_a_write_failure_leaves_no_empty_lock(made: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(DiskFull, match="is full; free some space"):
        Project.open(made)
    monkeypatch.setattr(os, "write", real_write)
    assert not lock_path(made).exists()
    assert [p.name for p in made.parent.iterdir() if ".lock" in p.name] == []
    Project.open(made).close()  # at once, not after a grace period


def test_zero_bytes_free_leaves_no_lock_and_frees_up_at_once(
    small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefer.cli import main
    from tests.conftest import fill_disk

    project = small_disk / "tiny.briefer"
    assert main(["new", str(project)]) == 0
    filler = fill_disk(small_disk, leave=0)
    capsys.readouterr()
    code = main(["themes", str(project), "add", "Ports"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "is full; free some space and try again" in err
    assert not lock_path(project).exists()
    filler.unlink()
    assert main(["themes", str(project), "add", "Ports"]) == 0
    assert "process 0" not in capsys.readouterr().err


APP_HOLDER = """
import sys
from briefer.cli import main
sys.exit(main())
"""


def _app(project: Path, home: Path) -> subprocess.Popen[str]:
    """The app opening ``project`` on the offscreen platform, its errors kept."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BRIEFER_HOME=str(home))
    return subprocess.Popen(
        [sys.executable, "-c", APP_HOLDER, str(project)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_the_window_releases_its_lock_on_a_stop_signal(
    made: Path, tmp_path: Path, signum: int
) -> None:
    process = _app(made, tmp_path / "home")
    try:
        deadline = time.monotonic() + 60
        while not lock_path(made).exists():
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the window never took the lock"
            time.sleep(0.05)
        time.sleep(0.3)  # let the event loop start
        process.send_signal(signum)
        assert process.wait(timeout=30) == 128 + signum
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert not lock_path(made).exists()
    with Project.open(made, read_only=True) as reopened:
        assert reopened.list_themes() is not None


def test_a_nearly_full_disk_is_named_plainly_for_an_edit(
    small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Room for the lock but not for SQLite's shared-memory file: SQLite says "disk I/O
    # error", which used to come out as "the file is not writable".
    from briefer.cli import main
    from tests.conftest import fill_disk

    project = small_disk / "tiny.briefer"
    assert main(["new", str(project)]) == 0
    filler = fill_disk(small_disk, leave=12_288)
    capsys.readouterr()
    code = main(["themes", str(project), "add", "Ports"])
    err = capsys.readouterr().err
    assert code == 1 and "is full; free some space and try again. Nothing was lost." in err
    assert err.count("\n") == 1 and "not writable" not in err
    assert not lock_path(project).exists()
    filler.unlink()
    assert main(["themes", str(project), "add", "Harbours"]) == 0


def test_a_stop_signal_while_the_lock_question_is_open_ends_the_app(
    made: Path, tmp_path: Path
) -> None:
    """SIGTERM closed the "already open" question, then the welcome window came up and
    the process ran on (a new user's trial): the start carried on into a new event loop."""
    home = tmp_path / "home"
    holder = _holder(made)
    process = _app(made, home)
    try:
        log = resolve_paths(home).log_file
        deadline = time.monotonic() + 60
        while not (log.exists() and "asking what to do" in log.read_text(encoding="utf-8")):
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the app never asked about the lock"
            time.sleep(0.05)
        time.sleep(0.5)  # the question's own event loop is running
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 128 + signal.SIGTERM
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=10)
