"""One writer at a time: a second writer learns who holds the project; readers always can."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.store import Project, ProjectLocked
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
        assert lock.user in message and lock.host in message and "read-only" in message

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
