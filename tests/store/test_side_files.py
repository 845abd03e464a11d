"""Reading a project leaves nothing beside it, and never takes a writer's -wal or -shm.

SQLite keeps NAME-wal and NAME-shm beside a project while a connection has it open; the
folder an analyst copies or e-mails must hold only NAME once Briefer is done. Writers in
this process, in another process (Briefer or another program) and a crashed writer.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer.store import Project, opening
from briefer.store.lock import lock_path
from tests.store.conftest import file_digest, listing, sample_article, theme

ROOT = Path(__file__).resolve().parents[2]


def _side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + end) for end in ("-wal", "-shm")]


def _made(path: Path) -> Path:
    with Project.create(path) as project:
        project.add_article(sample_article())
        project.add_theme(theme("Ports"))
    assert listing(path.parent) == [path.name]
    return path


def _themes(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return [t.name for t in project.list_themes()]


def _child(script: str, path: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    return process


def _say(process: subprocess.Popen[str], expected: str) -> None:
    """Wake the child and wait for its next line, which must be ``expected``."""
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write("\n")
    process.stdin.flush()
    assert process.stdout.readline().strip() == expected


def _heard(process: subprocess.Popen[str], expected: str) -> None:
    assert process.stdout is not None
    assert process.stdout.readline().strip() == expected


def test_a_read_leaves_folder_and_file_as_they_were(project_path: Path) -> None:
    _made(project_path)
    before, digest = listing(project_path.parent), file_digest(project_path)
    modified = project_path.stat().st_mtime_ns
    with Project.open(project_path, read_only=True) as project:
        assert [a.title for a in project.list_articles()] == ["Grain corridor reopens"]
        assert project.search("grain") and project.info().article_count == 1
    assert listing(project_path.parent) == before, "no -wal or -shm may stay after a read"
    assert file_digest(project_path) == digest
    assert project_path.stat().st_mtime_ns == modified


def test_a_read_only_file_in_a_writable_folder_is_read_without_side_files(
    project_path: Path,
) -> None:
    _made(project_path)
    mode = stat.S_IMODE(project_path.stat().st_mode)
    project_path.chmod(mode & ~0o222)
    try:
        with Project.open(project_path, read_only=True) as project:
            assert project.theme_by_name("ports") is not None
        assert listing(project_path.parent) == [project_path.name]
    finally:
        project_path.chmod(mode)


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A folder on a read-only bind mount: read-only media that root cannot write either."""
    folder = tmp_path / "media"
    folder.mkdir()
    _made(folder / "brief.briefer")
    # As an old Briefer's read left them: an empty log and a wal-index, copied along.
    for side in _side_files(folder / "brief.briefer"):
        side.write_bytes(b"")
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root (chmod 0555 is tested in test_opening)")
    mounted = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {mounted.stderr.decode(errors='replace')}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_project_on_read_only_media_is_read_and_left_alone(read_only_mount: Path) -> None:
    path = read_only_mount / "brief.briefer"
    before, digest = listing(read_only_mount), file_digest(path)
    with pytest.raises(OSError):
        (read_only_mount / "probe").write_bytes(b"")  # really read-only, even for root
    with Project.open(path, read_only=True) as project:
        assert project.theme_by_name("ports") is not None
    assert listing(read_only_mount) == before and file_digest(path) == digest


def test_a_reader_beside_a_writer_in_this_process_keeps_its_log(project_path: Path) -> None:
    """The writer holds no lock against this process's readers: SQLite's own lock is what
    keeps a reader's clean-up off the writer's log, even while that log is still empty."""
    _made(project_path)
    wal, shm = _side_files(project_path)
    writer = Project.open(project_path)
    try:
        assert wal.exists() and wal.stat().st_size == 0  # nothing committed yet
        assert "Ports" in _themes(project_path)
        assert wal.exists() and shm.exists(), "a reader removed an open writer's log"
        writer.add_theme(theme("Harbours"))
        assert wal.stat().st_size > 0
        assert "Harbours" in _themes(project_path)  # read through the writer's log
        assert wal.exists() and shm.exists()
        late = Project.open(project_path, read_only=True)
    finally:
        writer.close()
    assert wal.exists(), "SQLite keeps the log while the late reader has the file open"
    with late:
        assert late.theme_by_name("harbours") is not None
    assert listing(project_path.parent) == [project_path.name], "the last one out tidies"
    assert "Harbours" in _themes(project_path)


OTHER_PROGRAM = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("SELECT count(*) FROM meta").fetchone()
print("open", flush=True)
sys.stdin.readline()
conn.execute("INSERT INTO meta (key, value) VALUES ('reviewer', 'Anna')")
print("written", flush=True)
sys.stdin.readline()
conn.close()
print("closed", flush=True)
"""


def test_a_reader_beside_another_program_keeps_its_log(project_path: Path) -> None:
    """A program that takes no Briefer lock (a database browser) has the file open: its
    log, empty at first, then holding its commit, stays until it closes the file."""
    digest = file_digest(_made(project_path))
    wal = opening.wal_path(project_path)
    other = _child(OTHER_PROGRAM, project_path)
    try:
        _heard(other, "open")
        assert wal.stat().st_size == 0
        assert "Ports" in _themes(project_path)
        assert all(side.exists() for side in _side_files(project_path))
        _say(other, "written")
        with Project.open(project_path, read_only=True) as reader:
            assert reader.get_meta("reviewer") == "Anna"
        assert wal.stat().st_size > 0, "a reader removed another program's log"
        assert file_digest(project_path) == digest  # its commit is still only in its log
        _say(other, "closed")
    finally:
        if other.poll() is None:
            other.kill()
        other.wait(timeout=10)
    assert listing(project_path.parent) == [project_path.name]
    with Project.open(project_path, read_only=True) as again:
        assert again.get_meta("reviewer") == "Anna"


BRIEFER_WRITER = """
import sys
from pathlib import Path
from briefer.core.model import Theme
from briefer.store import Project
project = Project.open(Path(sys.argv[1]))
project.add_theme(Theme("Held", "#000000"))
print("holding", flush=True)
sys.stdin.readline()
project.close()
print("released", flush=True)
"""


def test_a_reader_outlasting_a_briefer_writer_elsewhere_tidies_after_it(
    project_path: Path,
) -> None:
    _made(project_path)
    writer = _child(BRIEFER_WRITER, project_path)
    try:
        _heard(writer, "holding")
        assert "Held" in _themes(project_path)
        assert all(side.exists() for side in _side_files(project_path))
        late = Project.open(project_path, read_only=True)
        _say(writer, "released")
    finally:
        if writer.poll() is None:
            writer.kill()
        writer.wait(timeout=10)
    assert opening.wal_path(project_path).exists()  # the writer could not remove it
    with late:
        assert late.theme_by_name("held") is not None
    assert listing(project_path.parent) == [project_path.name]


CRASHING_WRITER = """
import os, sys
from pathlib import Path
from briefer.core.model import Theme
from briefer.store import Project
project = Project.open(Path(sys.argv[1]))
project.add_theme(Theme("Crashed", "#000000"))
os._exit(0)  # committed, never closed: as a power cut or a kill leaves it
"""


def test_a_crashed_writers_files_are_read_as_they_are_and_recovered_by_the_next_writer(
    project_path: Path,
) -> None:
    _made(project_path)
    crashed = _child(CRASHING_WRITER, project_path)
    assert crashed.wait(timeout=30) == 0
    wal, shm = _side_files(project_path)
    assert wal.stat().st_size > 0 and shm.exists() and lock_path(project_path).exists()
    before = listing(project_path.parent)
    digests = file_digest(project_path), file_digest(wal)
    assert "Crashed" in _themes(project_path)
    assert listing(project_path.parent) == before
    assert (file_digest(project_path), file_digest(wal)) == digests, "a read writes nothing"
    with Project.open(project_path) as recovered:
        assert recovered.theme_by_name("crashed") is not None
    assert listing(project_path.parent) == [project_path.name]
    assert "Crashed" in _themes(project_path)


def test_a_reader_waiting_on_a_writers_lock_says_so_and_never_reads_mid_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review: a reader that waited out the busy timeout on a file another program held
    locked fell back to reading it immutable, which for a rollback-journal file means
    pages that writer is changing in place. It now says the project is busy."""
    import sqlite3

    from briefer.store import ProjectBusy, connect

    path = tmp_path / "p.briefer"
    Project.create(path, title="Harbour").close()
    foreign = sqlite3.connect(path, isolation_level=None)
    foreign.execute("PRAGMA journal_mode = DELETE")  # as another program might leave it
    foreign.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(connect, "BUSY_TIMEOUT_MS", 100)
    try:
        with pytest.raises(ProjectBusy, match="is being written by another program"):
            Project.open(path, read_only=True)
    finally:
        foreign.execute("ROLLBACK")
        foreign.close()
    with Project.open(path, read_only=True) as project:  # free again: read as usual
        assert project.info().title == "Harbour"
