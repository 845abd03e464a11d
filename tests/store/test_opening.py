"""Opening refuses what is not a healthy Briefer project, clearly, and changes nothing."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from briefer.core.model import Passage
from briefer.store import (
    SCHEMA_VERSION,
    CorruptProject,
    NewerFormatError,
    NotAProject,
    Project,
    ProjectError,
    ProjectExists,
    ProjectNotFound,
    ProjectReadOnly,
    ReadOnlyError,
    opening,
)
from tests.store.conftest import file_digest, listing, sample_article, sample_original, theme


def _refused_untouched(path: Path, error: type[ProjectError], *words: str) -> str:
    """Open for writing and read-only: both must refuse, leaving file and folder as they were."""
    folder = path.parent
    before = listing(folder)
    digest = file_digest(path) if path.is_file() else None
    messages = []
    for read_only in (False, True):
        with pytest.raises(error) as caught:
            Project.open(path, read_only=read_only)
        messages.append(str(caught.value))
    assert listing(folder) == before, "nothing may be created beside a refused file"
    if digest is not None:
        assert file_digest(path) == digest, "a refused file must stay byte-for-byte the same"
    for word in words:
        assert word in messages[0]
    assert str(path) in messages[0]
    return messages[0]


def _project_with_content(path: Path, articles: int = 30) -> None:
    with Project.create(path) as project:
        trade = project.add_theme(theme())
        for n in range(articles):
            article_id = project.add_article(
                sample_article(f"Story {n}", text=f"Story {n} " + "grain exports rose " * 300),
                sample_original(os.urandom(2000)),
            )
            project.add_passage(Passage(article_id, 0, 5, "Story", theme_ids=(trade,)))


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.briefer"
    with pytest.raises(ProjectNotFound) as caught:
        Project.open(missing)
    assert str(missing) in str(caught.value)
    assert listing(tmp_path) == []


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "looks-like.briefer"
    folder.mkdir()
    _refused_untouched(folder, NotAProject, "folder")


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.briefer"
    empty.write_bytes(b"")
    _refused_untouched(empty, NotAProject, "empty")


def test_random_bytes(tmp_path: Path) -> None:
    noise = tmp_path / "noise.briefer"
    noise.write_bytes(random.Random(7).randbytes(5000))
    _refused_untouched(noise, NotAProject, "not a database")


def test_zip_renamed(tmp_path: Path) -> None:
    archive = tmp_path / "archive.briefer"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("notes.txt", "hello")
    _refused_untouched(archive, NotAProject, "ZIP")


def test_docx_renamed(tmp_path: Path) -> None:
    docx = tmp_path / "report.briefer"
    with zipfile.ZipFile(docx, "w") as zipped:
        zipped.writestr("[Content_Types].xml", "<Types/>")
        zipped.writestr("word/document.xml", "<w:document/>")
    _refused_untouched(docx, NotAProject, "Word document")


def test_foreign_sqlite_database(tmp_path: Path) -> None:
    other = tmp_path / "other.briefer"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO articles (title) VALUES ('not ours')")
    conn.commit()
    conn.close()
    _refused_untouched(other, NotAProject, "another program")


def test_truncated_project(tmp_path: Path) -> None:
    path = tmp_path / "cut.briefer"
    _project_with_content(path)
    data = path.read_bytes()
    assert len(data) > 20 * 4096
    path.write_bytes(data[: len(data) // 2])
    message = _refused_untouched(path, CorruptProject, "backups")
    assert "cut off" in message


def test_damaged_pages(tmp_path: Path) -> None:
    path = tmp_path / "damaged.briefer"
    _project_with_content(path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[3 * page : 12 * page] = random.Random(3).randbytes(9 * page)
    path.write_bytes(bytes(data))
    _refused_untouched(path, CorruptProject, "damaged")


def test_header_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "stub.briefer"
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00")
    _refused_untouched(path, CorruptProject, "cut short")


def test_newer_version_is_refused_untouched(project_path: Path) -> None:
    Project.create(project_path).close()
    conn = sqlite3.connect(project_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    message = _refused_untouched(project_path, NewerFormatError, "update Briefer")
    assert f"version {SCHEMA_VERSION + 5}" in message
    assert f"up to version {SCHEMA_VERSION}" in message


def test_create_refuses_an_existing_path(project_path: Path) -> None:
    project_path.write_text("something precious")
    with pytest.raises(ProjectExists):
        Project.create(project_path)
    assert project_path.read_text() == "something precious"


def test_create_then_open_keeps_title_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "Ukraine grain.briefer"
    Project.create(path).close()
    assert listing(tmp_path) == ["Ukraine grain.briefer"]
    with Project.open(path) as project:
        info = project.info()
    assert info.title == "Ukraine grain"
    assert info.schema_version == SCHEMA_VERSION
    assert info.size_bytes > 0
    assert listing(tmp_path) == ["Ukraine grain.briefer"]


def test_pragmas_of_an_open_project(project: Project, project_path: Path) -> None:
    conn = sqlite3.connect(project_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
    live = project._conn
    assert live is not None
    assert live.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert live.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert live.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def _make_read_only(path: Path) -> int:
    mode = stat.S_IMODE(path.stat().st_mode)
    path.chmod(mode & ~0o222)
    return mode


def test_read_only_file(project_path: Path) -> None:
    with Project.create(project_path) as project:
        project.add_theme(theme())
    before = project_path.read_bytes()
    mode = _make_read_only(project_path)
    try:
        with pytest.raises(ProjectReadOnly) as caught:
            Project.open(project_path)
        assert "read-only" in str(caught.value)
        assert project_path.read_bytes() == before
        with Project.open(project_path, read_only=True) as project:
            assert [t.name for t in project.list_themes()] == ["Trade"]
            assert project.read_only
    finally:
        project_path.chmod(mode)


def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "brief.briefer"
    with Project.create(path) as project:
        project.add_theme(theme())
    before = listing(folder)
    mode = _make_read_only(folder)
    try:
        with pytest.raises(ProjectReadOnly) as caught:
            Project.open(path)
        assert "folder" in str(caught.value)
        with Project.open(path, read_only=True) as project:
            assert project.theme_by_name("trade") is not None
        assert listing(folder) == before
    finally:
        folder.chmod(mode)


def test_writes_on_a_read_only_project_raise(project_path: Path) -> None:
    with Project.create(project_path) as project:
        article_id = project.add_article(sample_article())
        theme_id = project.add_theme(theme())
    digest = file_digest(project_path)
    with Project.open(project_path, read_only=True) as project:
        writes: list[Callable[[], object]] = [
            lambda: project.add_article(sample_article("Another")),
            lambda: project.delete_article(article_id),
            lambda: project.add_theme(theme("Defence")),
            lambda: project.delete_theme(theme_id),
            lambda: project.set_meta("title", "changed"),
            lambda: project.dismiss_suggestion(article_id, 0, 5, theme_id),
        ]
        for write in writes:
            with pytest.raises(ReadOnlyError) as caught:
                write()
            assert "read-only" in str(caught.value)
        assert project.get_article(article_id).title == "Grain corridor reopens"
    assert file_digest(project_path) == digest


def test_closed_project_says_so(project_path: Path) -> None:
    project = Project.create(project_path)
    project.close()
    project.close()  # idempotent
    with pytest.raises(ProjectError) as caught:
        project.list_articles()
    assert "closed" in str(caught.value)


def test_big_files_skip_quick_check_but_check_integrity_finds_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.briefer"
    _project_with_content(path)
    data = bytearray(path.read_bytes())
    data[-6 * 4096 : -2 * 4096] = random.Random(5).randbytes(4 * 4096)
    path.write_bytes(bytes(data))
    monkeypatch.setattr(opening, "QUICK_CHECK_MAX_BYTES", 0)  # as if it were a huge file
    with Project.open(path, read_only=True) as project:  # opening stays fast and cheap...
        problems = project.check_integrity()  # ...and the thorough check says what is wrong
    assert problems
    monkeypatch.setattr(opening, "QUICK_CHECK_MAX_BYTES", 10**12)
    with pytest.raises(CorruptProject):
        Project.open(path, read_only=True)
