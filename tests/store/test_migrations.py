"""Schema migrations run for real: back up, upgrade in one transaction, or change nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefer.core.model import Passage
from briefer.store import SCHEMA_VERSION, NewerFormatError, Project, list_backups, schema
from briefer.store.lock import lock_path
from briefer.store.project import _open
from tests.store.conftest import file_digest, listing, sample_article, theme


def _v1_project(path: Path) -> None:
    with Project.create(path) as project:
        trade = project.add_theme(theme("Trade"))
        first = project.add_article(sample_article("First story"))
        project.add_article(sample_article("Second story", url="https://example.com/2"))
        project.add_passage(Passage(first, 0, 7, "Ukraine", theme_ids=(trade,)))


def _add_summaries(conn: sqlite3.Connection) -> None:
    """A made-up v2: articles gain a summary, filled from the first words of their text."""
    conn.execute("ALTER TABLE articles ADD COLUMN summary TEXT NOT NULL DEFAULT ''")
    conn.execute(
        "UPDATE articles SET summary = (SELECT substr(b.text, 1, 15) FROM article_bodies b"
        " WHERE b.article_id = articles.id)"
    )


def _broken(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM passages")
    raise RuntimeError("migration step failed halfway")


def _user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_the_shipped_migration_list_reaches_the_current_version() -> None:
    assert len(schema.MIGRATIONS) == SCHEMA_VERSION - 1
    assert f"v{SCHEMA_VERSION}:" in (schema.__doc__ or "")


def test_v1_project_is_backed_up_then_migrated(project_path: Path, tmp_path: Path) -> None:
    _v1_project(project_path)
    backups = tmp_path / "backups"
    project = _open(project_path, backup_dir=backups, migrations=[_add_summaries], target_version=2)
    try:
        assert project.info().schema_version == 2
        assert [a.title for a in project.list_articles()] == ["First story", "Second story"]
        assert len(project.list_passages()) == 1
        conn = project._conn
        assert conn is not None
        summaries = [r[0] for r in conn.execute("SELECT summary FROM articles ORDER BY id")]
        assert summaries == ["Ukraine resumed"] * 2
    finally:
        project.close()
    assert _user_version(project_path) == 2

    before = [p for p in list_backups(backups, project_path) if "before-migration-to-v2" in p.name]
    assert len(before) == 1
    assert _user_version(before[0]) == 1
    with Project.open(before[0], read_only=True) as old:
        assert len(old.list_articles()) == 2

    with pytest.raises(NewerFormatError):  # this Briefer (v1) now refuses the upgraded file
        Project.open(project_path)


def test_migration_without_backup_folder_backs_up_beside(project_path: Path) -> None:
    _v1_project(project_path)
    _open(project_path, migrations=[_add_summaries], target_version=2).close()
    beside = [n for n in listing(project_path.parent) if "before-migration-to-v2" in n]
    assert len(beside) == 1
    assert _user_version(project_path.parent / beside[0]) == 1


def test_failed_migration_changes_nothing(project_path: Path, tmp_path: Path) -> None:
    _v1_project(project_path)
    digest = file_digest(project_path)
    with pytest.raises(RuntimeError):
        _open(project_path, backup_dir=tmp_path / "b", migrations=[_broken], target_version=2)
    assert not lock_path(project_path).exists()
    assert file_digest(project_path) == digest
    with Project.open(project_path) as project:
        assert project.info().schema_version == 1
        assert len(project.list_passages()) == 1
