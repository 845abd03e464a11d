"""Merging from a project an older Briefer made: an upgraded temp copy is read, the
colleague's file is never written, and the copy is gone afterwards (also on failure)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from briefer.session import (
    MergeCancelled,
    ProjectError,
    Session,
    ThemeChoice,
    merge_command,
    merge_project,
    plan_merge,
)
from briefer.store import codec, upgrading
from tests.store.old_versions import old_project

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "store"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def content(session: Session) -> dict[str, set[object]]:
    """What a project holds, in terms two files share (titles, names, spans)."""
    q = session.query
    titles = {a.id: a.title for a in q.list_articles()}
    return {
        "articles": set(titles.values()),
        "themes": {t.name for t in q.list_themes()},
        "passages": {(titles[p.article_id], p.start, p.end, p.text) for p in q.list_passages()},
        "notes": {n.title for n in q.list_notes()},
    }


def upgraded_normally(old: Path, folder: Path) -> dict[str, set[object]]:
    """What the old file holds once opened the usual way (a copy of it, migrated)."""
    folder.mkdir()
    copy = shutil.copyfile(old, folder / old.name)
    with Session.open(copy, backup_dir=folder / "backups") as session:
        return content(session)


@pytest.fixture(params=["v1", "v2"])
def old_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The committed v2 fixture, or a v1 file written as the v1 Briefer wrote them, in a
    folder of its own."""
    folder = tmp_path / "theirs"
    folder.mkdir()
    if request.param == "v2":
        return shutil.copyfile(FIXTURES / "project-v2.briefer", folder / "old.briefer")
    ids = old_project(folder / "old.briefer", 1)
    conn = sqlite3.connect(folder / "old.briefer", isolation_level=None)
    try:  # two stories with words of their own, so neither is the other's duplicate
        text = (
            conn.execute(
                "SELECT text FROM article_bodies WHERE article_id = ?", (ids.articles[1],)
            ).fetchone()[0]
            + " Freight rates fell."
        )
        conn.execute(
            "UPDATE article_bodies SET text = ? WHERE article_id = ?", (text, ids.articles[1])
        )
        conn.execute(
            "UPDATE articles SET text_hash = ? WHERE id = ?",
            (codec.text_hash(text), ids.articles[1]),
        )
    finally:
        conn.close()
    return folder / "old.briefer"


def test_an_old_project_merges_in_and_is_never_written(old_file: Path, tmp_path: Path) -> None:
    expected = upgraded_normally(old_file, tmp_path / "reference")
    before, their_files = digest(old_file), files_in(old_file.parent)
    with Session.create(tmp_path / "a.briefer") as session:
        ours = files_in(tmp_path)
        report = merge_project(session, old_file)
        assert report.articles_added == len(expected["articles"])
        got = content(session)
        for kind, records in expected.items():
            assert records <= got[kind], kind
        assert files_in(tmp_path) == ours  # the upgraded copy is gone
        again = merge_project(session, old_file)  # the same copy's UUIDs: all recognised
        assert again.adds_nothing and again.articles_matched == report.articles_added
        assert session.undo() is not None and session.undo() is not None
        assert not content(session)["articles"]
        assert session.redo() is not None  # re-reads originals from a fresh upgraded copy
        assert content(session)["passages"] == got["passages"]
    assert digest(old_file) == before and files_in(old_file.parent) == their_files


def test_the_plans_theme_uuids_are_the_merges(old_file: Path, tmp_path: Path) -> None:
    """The mapping step's choices are keyed by the other theme's UUID: the dry run and the
    merge each upgrade a copy, and must agree."""
    with Session.create(tmp_path / "a.briefer") as session:
        plan = plan_merge(session, old_file)
        assert plan.conflicts  # Trade is here too, in another colour
        choices = {m.theirs.uuid: ThemeChoice.SEPARATE for m in plan.conflicts}
        command = merge_command(session, old_file, choices)
        session.do(command)
        assert command.report is not None
        added = len(plan.preview.themes_added) + len(plan.conflicts)
        assert len(command.report.themes_added) == added  # every choice was honoured


def test_a_failed_upgrade_or_a_cancel_leaves_no_copy_behind(
    old_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest(old_file)
    with Session.create(tmp_path / "a.briefer") as session:
        ours = files_in(tmp_path)
        command = merge_command(session, old_file, cancelled=lambda: True)
        with pytest.raises(MergeCancelled):
            session.execute(command)
        assert files_in(tmp_path) == ours

        def broken(conn: sqlite3.Connection) -> None:
            raise sqlite3.OperationalError("no such column: imaginary")

        monkeypatch.setattr(upgrading, "MIGRATIONS", [broken, broken, broken])
        with pytest.raises(ProjectError) as failed:
            merge_project(session, old_file)
        assert "could not be upgraded" in str(failed.value) and len(str(failed.value)) < 300
        assert files_in(tmp_path) == ours
        assert not session.query.list_articles()
    assert digest(old_file) == before
