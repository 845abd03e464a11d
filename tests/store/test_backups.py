"""Backups taken on open, pruned per project, and consistent copies of an open project."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefer.store import BackupPolicy, Project, ProjectExists, list_backups
from briefer.store.backups import backup_folder
from briefer.store.errors import CopyNotWritten
from tests.store.conftest import listing, sample_article, theme


def _titles(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return [a.title for a in project.list_articles()]


def test_each_open_backs_up_the_state_before_it(project_path: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    Project.create(project_path).close()
    for n in range(3):
        with Project.open(project_path, backup_dir=backups) as project:
            project.add_article(sample_article(f"Story {n}"))
    found = list_backups(backups, project_path)
    assert len(found) == 3
    assert all(p.parent == backup_folder(backups, project_path) for p in found)
    assert all(p.name.startswith("brief-") and p.suffix == ".briefer" for p in found)
    # newest first: the newest backup was taken before "Story 2" was added
    assert _titles(found[0]) == ["Story 0", "Story 1"]
    assert _titles(found[2]) == []


def test_only_the_newest_backups_are_kept(project_path: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    Project.create(project_path).close()
    only_two = BackupPolicy(recent=2, hours=0, days=0)
    for n in range(5):
        with Project.open(project_path, backup_dir=backups, backup_policy=only_two) as project:
            project.add_theme(theme(f"Theme {n}"))
    found = list_backups(backups, project_path)
    assert len(found) == 2
    assert len(listing(backup_folder(backups, project_path))) == 2
    with Project.open(found[0], read_only=True) as newest:
        assert [t.name for t in newest.list_themes()] == [f"Theme {n}" for n in range(4)]


def test_projects_with_the_same_name_keep_separate_backups(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    first, second = tmp_path / "a" / "notes.briefer", tmp_path / "b" / "notes.briefer"
    for path in (first, second):
        Project.create(path).close()
        Project.open(path, backup_dir=backups).close()
    assert backup_folder(backups, first) != backup_folder(backups, second)
    assert len(list_backups(backups, first)) == 1
    assert len(list_backups(backups, second)) == 1


def test_no_backup_without_a_folder_or_when_read_only(project_path: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    Project.create(project_path).close()
    Project.open(project_path).close()
    Project.open(project_path, read_only=True, backup_dir=backups).close()
    assert list_backups(backups, project_path) == []


def test_save_copy_is_consistent_while_open(project: Project, tmp_path: Path) -> None:
    project.add_article(sample_article())
    with project.transaction():
        project.add_theme(theme())
        target = tmp_path / "copies" / "copy.briefer"
        target.parent.mkdir()
        project.save_copy(target)  # mid-transaction: the copy holds committed work only
    project.add_theme(theme("After"))
    assert listing(target.parent) == ["copy.briefer"]
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Project.open(target) as copy:
        assert [a.title for a in copy.list_articles()] == ["Grain corridor reopens"]
        assert copy.list_themes() == []


def test_a_copy_that_cannot_be_written_says_so_plainly(
    project: Project, project_path: Path, tmp_path: Path
) -> None:
    """A read-only folder gave "[Errno 30] Read-only file system: '.copy.briefer.~briefer-
    ...tmp'" (a new user's trial): the temporary file's name, and no advice."""
    project.add_theme(theme())
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    target = blocker / "copy.briefer"
    with pytest.raises(CopyNotWritten) as raised:
        project.save_copy(target)
    message = str(raised.value)
    assert message.startswith(f"Could not save a copy as {target} (")
    assert "choose a folder you can write to" in message and ".tmp" not in message
    assert "\n" not in message
    assert [t.name for t in project.list_themes()] == ["Trade"]  # the project goes on


def test_save_copy_refuses_its_own_file(project: Project, project_path: Path) -> None:
    with pytest.raises(ProjectExists):
        project.save_copy(project_path)
