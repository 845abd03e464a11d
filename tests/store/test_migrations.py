"""Schema migrations run for real: back up, upgrade in one transaction, or change nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefer.core.model import Note, Section
from briefer.store import SCHEMA_VERSION, NewerFormatError, Project, list_backups, schema
from briefer.store.lock import lock_path
from briefer.store.project import _open
from tests.store.conftest import file_digest, listing
from tests.store.old_versions import count, old_project


def _v1_project(path: Path) -> None:
    """A project as Briefer's format version 1 made it (see old_versions.py)."""
    old_project(path, 1)


def _add_summaries(conn: sqlite3.Connection) -> None:
    """A made-up next version: articles gain a summary, from the first words of their text."""
    conn.execute("ALTER TABLE articles ADD COLUMN summary TEXT NOT NULL DEFAULT ''")
    conn.execute(
        "UPDATE articles SET summary = (SELECT substr(b.text, 1, 15) FROM article_bodies b"
        " WHERE b.article_id = articles.id)"
    )


FUTURE = [*schema.MIGRATIONS, _add_summaries]
FUTURE_V = schema.SCHEMA_VERSION + 1


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
    project = _open(project_path, backup_dir=backups, migrations=FUTURE, target_version=FUTURE_V)
    try:
        assert project.info().schema_version == FUTURE_V
        assert [a.title for a in project.list_articles()] == ["First story", "Second story"]
        assert len(project.list_passages()) == 1
        conn = project._conn
        assert conn is not None
        summaries = [r[0] for r in conn.execute("SELECT summary FROM articles ORDER BY id")]
        assert summaries == ["Ukraine resumed"] * 2
    finally:
        project.close()
    assert _user_version(project_path) == FUTURE_V

    before = [
        p
        for p in list_backups(backups, project_path)
        if f"before-migration-to-v{FUTURE_V}" in p.name
    ]
    assert len(before) == 1
    assert _user_version(before[0]) == 1
    assert count(before[0], "articles") == 2

    with pytest.raises(NewerFormatError):  # this Briefer now refuses the upgraded file
        Project.open(project_path)


def test_migration_without_backup_folder_backs_up_beside(project_path: Path) -> None:
    _v1_project(project_path)
    _open(project_path, migrations=FUTURE, target_version=FUTURE_V).close()
    beside = [n for n in listing(project_path.parent) if f"before-migration-to-v{FUTURE_V}" in n]
    assert len(beside) == 1
    assert _user_version(project_path.parent / beside[0]) == 1


def test_failed_migration_changes_nothing(project_path: Path, tmp_path: Path) -> None:
    _v1_project(project_path)
    digest = file_digest(project_path)
    with pytest.raises(RuntimeError):
        _open(project_path, backup_dir=tmp_path / "b", migrations=[_broken], target_version=2)
    assert not lock_path(project_path).exists()
    assert file_digest(project_path) == digest
    assert _user_version(project_path) == 1
    assert count(project_path, "passages") == 1


def test_a_v1_project_gains_section_guidance_and_opens_as_briefer_made_it(
    project_path: Path, tmp_path: Path
) -> None:
    _v1_project(project_path)
    with Project.open(project_path, backup_dir=tmp_path / "b") as project:
        assert project.info().schema_version == SCHEMA_VERSION
        note_id = project.add_note(
            Note("Week ahead", sections=(Section("Summary", "", guidance="Say it first."),))
        )
    # Reopened, the upgraded file passes the same schema check as a new one.
    with Project.open(project_path) as again:
        assert again.get_note(note_id).sections[0].guidance == "Say it first."
    fresh = tmp_path / "fresh.briefer"
    Project.create(fresh).close()
    assert _schema_rows(fresh) == _schema_rows(project_path)


def _schema_rows(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        query = (  # planner statistics come and go with PRAGMA optimize: not the schema
            "SELECT type, name, sql FROM sqlite_master"
            " WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_stat%'"
        )
        return sorted(conn.execute(query))
    finally:
        conn.close()
