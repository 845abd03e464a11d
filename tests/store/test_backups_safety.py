"""Backups that cannot be written warn and never block opening; labelled backups before
edits; reading backups back (bounded, skipping bad ones); restoring into a new file only."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from briefer.core.model import Passage
from briefer.store import (
    BackupPolicy,
    MigrationBackupFailed,
    NotAProject,
    Project,
    ProjectExists,
    list_backups,
    restore_backup,
    scan_backups,
    summarize_backups,
)
from briefer.store import backups as backups_module
from briefer.store.backups import REASON_KEY, backup_folder, summarize
from briefer.store.lock import lock_path
from briefer.store.project import _open
from tests.store.conftest import file_digest, sample_article, theme
from tests.store.old_versions import count
from tests.store.test_migrations import FUTURE, FUTURE_V, _v1_project


@pytest.fixture
def tagged(project_path: Path) -> Path:
    with Project.create(project_path) as project:
        trade = project.add_theme(theme("Trade"))
        article = project.add_article(sample_article())
        project.add_passage(Passage(article, 0, 7, "Ukraine", theme_ids=(trade,)))
    return project_path


def _no_space(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _disk_full(*_args: object, **_kwargs: object) -> None:
    raise sqlite3.OperationalError("database or disk is full")


@pytest.mark.parametrize("failure", [_no_space, _disk_full], ids=["ENOSPC", "sqlite-full"])
def test_a_full_backups_disk_warns_and_opens(
    tagged: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: object
) -> None:
    monkeypatch.setattr(backups_module, "copy_database", failure)
    with Project.open(tagged, backup_dir=tmp_path / "backups") as project:
        assert not project.read_only
        project.add_theme(theme("Still writable"))
        warning = project.backup_warning
    assert warning is not None and warning.startswith("could not back up brief.briefer into ")
    assert ("no space left on device" in warning) or ("disk is full" in warning)
    assert "\n" not in warning
    assert list_backups(tmp_path / "backups", tagged) == []


def test_a_read_only_backups_folder_warns_and_opens(tagged: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    backups.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with Project.open(tagged, backup_dir=backups) as project:
            assert project.list_themes()[0].name == "Trade"
            warning = project.backup_warning
        assert warning is not None and "permission denied" in warning.lower()
        assert str(backups) in warning
        assert list(backups.iterdir()) == []
    finally:
        backups.chmod(stat.S_IRWXU)


def test_a_successful_open_has_no_warning(tagged: Path, tmp_path: Path) -> None:
    with Project.open(tagged, backup_dir=tmp_path / "backups") as project:
        assert project.backup_warning is None


def test_a_labelled_backup_records_why_and_what(tagged: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    with Project.open(tagged, backup_dir=backups) as project:
        path = project.back_up("before-delete-theme", 'before deleting theme "Trade"')
    assert path is not None and path.name.endswith("-before-delete-theme.briefer")
    found = scan_backups(backups, tagged)
    assert [b.label for b in found] == ["before-delete-theme", ""]
    newest, opened = summarize_backups(found)
    assert newest.reason == 'before deleting theme "Trade"'
    assert (newest.articles, newest.passages, newest.notes) == (1, 1, 0)
    assert opened.reason == "opened" and opened.problem == ""


def test_back_up_needs_a_folder_and_a_writable_project(tagged: Path, tmp_path: Path) -> None:
    with Project.open(tagged) as project:
        assert project.back_up("before-delete-theme", "x") is None
    with Project.open(tagged, read_only=True) as project:
        assert project.back_up("before-delete-theme", "x") is None


def test_pruning_keeps_the_backup_before_a_migration(tagged: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    folder = backup_folder(backups, tagged)
    folder.mkdir(parents=True)
    old = folder / "brief-2020-01-01T000000.000000Z-before-migration-to-v2.briefer"
    stale = folder / "brief-2020-01-01T000001.000000Z.briefer"
    for path in (old, stale):
        path.write_bytes(tagged.read_bytes())
    newest_only = BackupPolicy(recent=1, hours=0, days=0)
    for _ in range(4):
        Project.open(tagged, backup_dir=backups, backup_policy=newest_only).close()
    names = [p.name for p in list_backups(backups, tagged)]
    assert old.name in names and stale.name not in names
    assert len(names) == 2  # the newest open and the migration's way back


def test_summaries_skip_unreadable_backups_with_a_note(tagged: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    Project.open(tagged, backup_dir=backups).close()
    folder = backup_folder(backups, tagged)
    (folder / "brief-2099-01-01T000000.000000Z.briefer").write_bytes(b"not a database")
    (folder / "brief-2098-01-01T000000.000000Z.briefer").write_bytes(b"")
    (folder / "notes.txt").write_text("the analyst's own file")
    summaries = summarize_backups(scan_backups(backups, tagged))
    assert [s.problem.split(":")[0] for s in summaries] == ["unreadable", "unreadable", ""]
    assert summaries[2].articles == 1
    assert (folder / "notes.txt").exists()


def test_counting_a_backup_is_bounded(tagged: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    with Project.open(tagged, backup_dir=backups) as project:
        for n in range(30):
            project.add_article(sample_article(f"Story {n}", url=f"https://e.com/{n}"))
    Project.open(tagged, backup_dir=backups).close()
    newest = scan_backups(backups, tagged)[0]
    size = newest.path.stat().st_size
    assert summarize(newest, max_bytes=size).articles == 31
    capped = summarize(newest, max_bytes=size - 1)
    assert capped.articles is None and capped.problem == "too large to count quickly"


def test_restore_writes_a_new_file_without_the_reason(tagged: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    with Project.open(tagged, backup_dir=backups) as project:
        project.back_up("before-delete-theme", 'before deleting theme "Trade"')
        project.delete_theme(project.list_themes()[0].id or 0)
    backup = scan_backups(backups, tagged)[0].path
    digest = file_digest(backup)
    target = tmp_path / "restored" / "again.briefer"
    restore_backup(backup, target)
    assert file_digest(backup) == digest
    with Project.open(target) as restored:
        assert [t.name for t in restored.list_themes()] == ["Trade"]
        assert len(restored.list_passages()) == 1
        assert restored.get_meta(REASON_KEY) is None


def test_restore_never_overwrites(tagged: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    Project.open(tagged, backup_dir=backups).close()
    backup = list_backups(backups, tagged)[0]
    digest = file_digest(tagged)
    with pytest.raises(ProjectExists):
        restore_backup(backup, tagged)
    assert file_digest(tagged) == digest


def test_restore_refuses_a_file_that_is_not_a_project(tmp_path: Path) -> None:
    junk = tmp_path / "junk.briefer"
    junk.write_bytes(b"%PDF-1.7 not a project")
    with pytest.raises(NotAProject):
        restore_backup(junk, tmp_path / "new.briefer")
    assert not (tmp_path / "new.briefer").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junk.briefer"]


def test_no_upgrade_without_a_backup_first(
    project_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    _v1_project(project_path)
    digest = file_digest(project_path)
    monkeypatch.setattr(backups_module, "copy_database", disk_full)
    with pytest.raises(MigrationBackupFailed, match="database or disk is full"):
        _open(project_path, backup_dir=tmp_path / "b", migrations=FUTURE,
              target_version=FUTURE_V)  # fmt: skip
    assert file_digest(project_path) == digest
    assert not lock_path(project_path).exists()
    assert count(project_path, "articles") == 2
