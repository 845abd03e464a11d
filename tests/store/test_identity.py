"""Format v3: a UUID on every article, theme, passage and note; one passage per span,
with v2's duplicates merged on upgrade; a note's own citation style."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest

from briefer.core.model import Note, Passage
from briefer.core.record import replace
from briefer.store import (
    SCHEMA_VERSION,
    CorruptProject,
    DuplicateUuid,
    PassageExists,
    Project,
    list_backups,
)
from tests.store.conftest import sample_article, theme
from tests.store.make_fixtures import TEXT
from tests.store.old_versions import add_note, add_passage, count, edit, old_project


def _schema_rows(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        return sorted(
            conn.execute(
                "SELECT type, name, sql FROM sqlite_master"
                " WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_stat%'"
            )
        )
    finally:
        conn.close()


def _is_uuid4(text: str) -> bool:
    return uuid.UUID(text).version == 4 and str(uuid.UUID(text)) == text


def test_every_new_record_gets_its_own_uuid(project: Project) -> None:
    trade = project.add_theme(theme("Trade"))
    article = project.add_article(sample_article())
    passage = project.add_passage(Passage(article, 0, 7, "Ukraine", theme_ids=(trade,)))
    note = project.add_note(Note("Brief"))
    found = [
        project.get_theme(trade).uuid,
        project.get_article(article).uuid,
        project.get_passage(passage).uuid,
        project.get_note(note).uuid,
    ]
    assert all(_is_uuid4(u) for u in found) and len(set(found)) == 4
    assert project.list_articles()[0].uuid == found[1]
    assert project.uuids("passage") == {found[2]: passage}
    with pytest.raises(ValueError):
        project.uuids("section")


def test_a_given_uuid_is_kept_and_never_taken_twice(project: Project) -> None:
    known = str(uuid.uuid4())
    theme_id = project.add_theme(theme("Trade", uuid=known))
    assert project.get_theme(theme_id).uuid == known
    with pytest.raises(DuplicateUuid, match=known) as caught:
        project.add_theme(theme("Energy", uuid=known))
    assert str(caught.value).count(".") == 1  # one sentence
    with pytest.raises(ValueError, match="not a UUID"):
        project.add_note(Note("Brief", uuid="not-a-uuid"))
    # An edit never changes what a record is known by.
    project.update_theme(replace(project.get_theme(theme_id), name="Trade policy"))
    assert project.get_theme(theme_id).uuid == known
    # A passage deleted and added back (undo) keeps its uuid.
    article = project.add_article(sample_article())
    passage = project.get_passage(project.add_passage(Passage(article, 0, 7, "Ukraine")))
    project.delete_passage(passage.id)  # type: ignore[arg-type]
    project.add_passage(passage)
    assert project.get_passage(passage.id).uuid == passage.uuid  # type: ignore[arg-type]


def test_one_passage_per_span(project: Project) -> None:
    trade, energy = project.add_theme(theme("Trade")), project.add_theme(theme("Energy"))
    article = project.add_article(sample_article())
    first = project.add_passage(Passage(article, 0, 71, TEXT[:71], theme_ids=(trade,)))
    with pytest.raises(PassageExists, match=f"Passage {first} already covers") as caught:
        project.add_passage(Passage(article, 0, 71, TEXT[:71], theme_ids=(energy,)))
    assert caught.value.passage_id == first
    inner = project.add_passage(Passage(article, 8, 35, TEXT[8:35], theme_ids=(energy,)))
    assert [p.id for p in project.list_passages()] == [first, inner]
    # Moving a passage onto another's words is refused the same way.
    with pytest.raises(PassageExists):
        project.update_passage(replace(project.get_passage(inner), start=0, end=71))
    # What tagging the same words again acts on: the innermost passage holding them.
    assert project.passage_covering(article, 0, 71).id == first  # type: ignore[union-attr]
    assert project.passage_covering(article, 10, 20).id == inner  # type: ignore[union-attr]
    assert project.passage_covering(article, 40, 50).id == first  # type: ignore[union-attr]
    assert project.passage_covering(article, 60, 80) is None
    # What tagging overlapping words with a theme grows: the passage of the theme sharing
    # the most characters with them (the earliest of equals).
    assert project.passage_overlapping(article, 30, 80, [energy]).id == inner  # type: ignore[union-attr]
    assert project.passage_overlapping(article, 30, 80, [trade, energy]).id == first  # type: ignore[union-attr]
    assert project.passage_overlapping(article, 71, 90, [trade]) is None  # only touching
    assert project.passage_overlapping(article, 0, 71, []) is None


def test_a_note_keeps_its_citation_style(project: Project) -> None:
    note_id = project.add_note(Note("Brief", citation_style="apa"))
    assert project.get_note(note_id).citation_style == "apa"
    project.update_note(replace(project.get_note(note_id), citation_style=""))
    assert project.get_note(note_id).citation_style == ""
    assert [n.citation_style for n in project.list_notes()] == [""]


def _v2_with_duplicates(path: Path) -> dict[str, int]:
    """A v2 file (v2's schema and columns) where one sentence was tagged three times."""
    ids = old_project(path, 2)
    trade, shipping = ids.themes["Trade"], ids.themes["Shipping"]
    article = ids.articles[0]
    conn = edit(path)
    try:
        conn.execute("BEGIN")
        energy = conn.execute(
            "INSERT INTO themes (name, name_key, colour) VALUES ('Energy', 'energy', '#2CA02C')"
        ).lastrowid
        a = add_passage(conn, article, 8, 35, [trade], "Check the date.")
        b = add_passage(conn, article, 8, 35, [shipping, trade], "")
        c = add_passage(conn, article, 8, 35, [int(energy or 0)], "Insurers confirm.")
        d = add_passage(conn, article, 8, 35, [], "Check the date.")
        add_note(
            conn,
            "Weekly brief",
            [f"First[@p{a}], again[@p{b}] and [@p{ids.passages[0]}].", f"Energy[@p{c}] \\[@p{b}]"],
        )
        conn.execute("COMMIT")
    finally:
        conn.close()
    return {"a": a, "b": b, "c": c, "d": d, "energy": int(energy or 0), "trade": trade,
            "shipping": shipping, "kept_other": ids.passages[0]}  # fmt: skip


def test_v2_duplicates_are_merged_on_upgrade_after_a_backup(
    project_path: Path, tmp_path: Path
) -> None:
    ids = _v2_with_duplicates(project_path)
    backups = tmp_path / "backups"
    with Project.open(project_path, backup_dir=backups) as project:
        assert project.info().schema_version == SCHEMA_VERSION == 3
        passages = project.list_passages()
        assert [p.id for p in passages] == [ids["kept_other"], ids["a"]]
        merged = project.get_passage(ids["a"])
        assert merged.theme_ids == (ids["trade"], ids["shipping"], ids["energy"])
        assert merged.comment == "Check the date.\n\nInsurers confirm."
        assert all(_is_uuid4(p.uuid) for p in passages)
        (note,) = project.list_notes()
        bodies = [s.body for s in project.get_note(note.id).sections]  # type: ignore[arg-type]
        a = ids["a"]
        assert bodies == [
            f"First[@p{a}], again[@p{a}] and [@p{ids['kept_other']}].",
            f"Energy[@p{a}] \\[@p{ids['b']}]",  # an escaped token is text, not a citation
        ]
        assert note.uuid and note.citation_style == ""
        assert len({t.uuid for t in project.list_themes()}) == 3
    (before,) = [
        b for b in list_backups(backups, project_path) if "before-migration-to-v3" in b.name
    ]
    assert count(before, "passages") == 5  # the backup is the v2 file as it was
    fresh = tmp_path / "fresh.briefer"
    Project.create(fresh).close()
    assert _schema_rows(fresh) == _schema_rows(project_path)


def test_committed_v2_fixture_opens_merged(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "project-v2.briefer"
    shutil.copyfile(data_dir / "store" / "project-v2.briefer", path)
    with Project.open(path, backup_dir=tmp_path / "backups") as project:
        passages = project.list_passages()
        assert [(p.id, p.start, p.end) for p in passages] == [(1, 0, 71), (4, 73, 145)]
        names = [project.get_theme(t).name for t in passages[0].theme_ids]
        assert names == ["Trade", "Shipping", "Energy"]
        assert passages[0].comment == "Check the date.\n\nInsurers confirm."
        (note,) = project.list_notes()
        bodies = [s.body for s in project.get_note(note.id).sections]  # type: ignore[arg-type]
        assert bodies == [
            '> "Grain moves."[@p1]\n\nAgain:[@p1]',
            "Insurers[@p1] and [@p4]; `[@p1]` is code.",
        ]
        assert project.check_integrity() == []
    with Project.open(path) as again:  # the upgraded file passes the schema check
        assert again.info().schema_version == 3


def test_uuids_survive_reopening_and_copies(project_path: Path, tmp_path: Path) -> None:
    old_project(project_path, 2)
    with Project.open(project_path) as project:
        first = {kind: project.uuids(kind) for kind in ("article", "theme", "passage", "note")}
        project.save_copy(tmp_path / "copy.briefer")
    assert sum(len(v) for v in first.values()) == 5 and all(
        _is_uuid4(u) for v in first.values() for u in v
    )
    with Project.open(tmp_path / "copy.briefer") as copy:
        assert {kind: copy.uuids(kind) for kind in first} == first


def test_a_damaged_v2_file_that_cannot_be_upgraded_is_left_as_it_was(
    project_path: Path, tmp_path: Path
) -> None:
    ids = old_project(project_path, 2)
    conn = edit(project_path)  # foreign keys are off here, as in a file edited by hand
    try:
        conn.execute("BEGIN")
        twin = add_passage(conn, ids.articles[0], 0, 7, [999])  # a theme that is not there
        conn.execute("COMMIT")
    finally:
        conn.close()
    before = project_path.read_bytes()
    with pytest.raises(CorruptProject, match="could not be upgraded to format 3") as caught:
        Project.open(project_path, backup_dir=tmp_path / "backups")
    assert str(caught.value).count("\n") == 0 and twin
    assert project_path.read_bytes() == before
    assert count(project_path, "passages") == 2
