"""A healthy project's schema is recognised by its digest, without laying the schema down
in memory; anything else is still compared object by object, as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefer.store import Project, UntrustedProject, schema
from tests.store.conftest import sample_article

ROWS = "SELECT type, name, tbl_name, sql FROM sqlite_master"


def _rows_of(expected: schema.Expected) -> list[tuple[str, str, str, str | None]]:
    return [(kind, name, table, sql) for (kind, name), (table, sql) in expected.items()]


@pytest.mark.parametrize("version", range(1, schema.SCHEMA_VERSION + 1))
def test_each_versions_known_digest_is_what_briefer_lays_down(version: int) -> None:
    expected = schema.expected_objects(version)
    assert expected is not None
    found = schema.schema_digest(_rows_of(expected))
    assert schema.KNOWN_SCHEMAS[version] == found, (
        f"the schema of version {version} changed: set KNOWN_SCHEMAS[{version}] = {found!r}"
    )


@pytest.fixture
def made(tmp_path: Path) -> Path:
    path = tmp_path / "brief.briefer"
    with Project.create(path, title="Brief") as project:
        project.add_article(sample_article("Harbour deal"))
    return path


def _rows(path: Path) -> list[tuple[object, object, object, object]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(ROWS).fetchall()
    finally:
        conn.close()


def test_a_project_briefer_made_opens_without_the_schema_laid_down(
    made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert schema.is_known_schema(_rows(made), schema.SCHEMA_VERSION)
    monkeypatch.setattr(schema, "expected_objects", lambda version: pytest.fail("laid down"))
    with Project.open(made, read_only=True) as project:
        assert [a.title for a in project.list_articles()] == ["Harbour deal"]


def test_sqlites_statistics_tables_are_allowed_once_each(made: Path) -> None:
    rows = _rows(made)
    stat1 = ("table", "sqlite_stat1", "sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)")
    assert schema.is_known_schema([*rows, stat1], schema.SCHEMA_VERSION)
    assert not schema.is_known_schema([*rows, stat1, stat1], schema.SCHEMA_VERSION)


def test_any_other_difference_is_not_known(made: Path) -> None:
    rows = _rows(made)
    trigger = ("trigger", "t", "articles", "CREATE TRIGGER t AFTER INSERT ON articles BEGIN END")
    assert not schema.is_known_schema([*rows, trigger], schema.SCHEMA_VERSION)
    assert not schema.is_known_schema(rows[1:], schema.SCHEMA_VERSION)
    assert not schema.is_known_schema(rows, schema.SCHEMA_VERSION - 1)
    assert not schema.is_known_schema(rows, schema.SCHEMA_VERSION + 1)
    as_bytes = [(str(k).encode(), n, t, s) for k, n, t, s in rows]  # the same words, other types
    assert not schema.is_known_schema(as_bytes, schema.SCHEMA_VERSION)


def _rewrite_schema(path: Path, name: str, sql: str) -> None:
    """Change one object's stored text, as another SQLite might store it or a crafter would."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql, name))
        conn.commit()
    finally:
        conn.close()


def test_text_stored_with_other_white_space_is_compared_and_opens(made: Path) -> None:
    (sql,) = [s for _, n, _, s in _rows(made) if n == "articles_text_hash"]
    _rewrite_schema(made, "articles_text_hash", str(sql).replace(" ON ", "\n    ON  "))
    assert not schema.is_known_schema(_rows(made), schema.SCHEMA_VERSION)
    with Project.open(made, read_only=True) as project:
        assert [a.title for a in project.list_articles()] == ["Harbour deal"]


def test_a_changed_object_is_still_refused(made: Path) -> None:
    (sql,) = [s for _, n, _, s in _rows(made) if n == "articles_text_hash"]
    _rewrite_schema(made, "articles_text_hash", str(sql).replace("text_hash)", "title)"))
    with pytest.raises(UntrustedProject, match="articles_text_hash"):
        Project.open(made, read_only=True)
