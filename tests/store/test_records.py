"""Records as the session uses them: ids, ordering, cascades, names, transactions."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from briefer.core.model import ArticleImage, Note, Passage, Section
from briefer.core.record import replace
from briefer.core.tempfiles import temp_path
from briefer.store import (
    DuplicateId,
    DuplicateName,
    Project,
    RecordNotFound,
    list_backups,
    opening,
)
from briefer.store.errors import NameTooLong
from briefer.store.lock import lock_path
from tests.store.conftest import sample_article, sample_original, theme

UTC = dt.UTC


def test_article_round_trip_with_images_and_original(project: Project) -> None:
    image = ArticleImage("image/png", b"\x89PNG fake", 20, 10, offset=73, caption="A ship")
    written = sample_article(images=(image,), imported_at=dt.datetime(2024, 3, 5, 8, 0, tzinfo=UTC))
    original = sample_original()
    article_id = project.add_article(written, original)
    stored = project.get_article(article_id)
    assert stored == replace(written, id=article_id, uuid=stored.uuid)
    assert project.get_original(article_id) == original


def test_original_is_stored_compressed(project: Project, project_path: Path) -> None:
    article_id = project.add_article(sample_article(), sample_original(b"grain " * 50_000))
    conn = sqlite3.connect(project_path)
    stored = conn.execute("SELECT length(data) FROM originals WHERE article_id = ?", (article_id,))
    assert stored.fetchone()[0] < 300_000 / 20
    conn.close()
    assert project.get_original(article_id) == sample_original(b"grain " * 50_000)


def test_listing_has_counts_and_order_without_text(project: Project) -> None:
    trade = project.add_theme(theme())
    first = project.add_article(sample_article("First"))
    second = project.add_article(sample_article("Second", text="Just four words here"))
    for start in (0, 10, 20):
        project.add_passage(Passage(first, start, start + 5, "x", theme_ids=(trade,)))
    listed = project.list_articles()
    assert [(a.id, a.title, a.passage_count) for a in listed] == [
        (first, "First", 3),
        (second, "Second", 0),
    ]
    assert listed[1].word_count == 4
    assert listed[0].published == dt.date(2024, 3, 4)
    assert listed[0].imported_at is not None and listed[0].imported_at.tzinfo is not None


def test_delete_article_takes_passages_images_original_and_index(project: Project) -> None:
    trade = project.add_theme(theme())
    image = ArticleImage("image/png", b"png", 1, 1)
    article_id = project.add_article(sample_article(images=(image,)), sample_original())
    passage_id = project.add_passage(Passage(article_id, 0, 7, "Ukraine", theme_ids=(trade,)))
    project.dismiss_suggestion(article_id, 0, 7, trade)
    project.delete_article(article_id)
    with pytest.raises(RecordNotFound):
        project.get_article(article_id)
    with pytest.raises(RecordNotFound):
        project.get_passage(passage_id)
    with pytest.raises(RecordNotFound):
        project.get_original(article_id)
    assert project.search("Ukraine") == []
    assert project.dismissed_suggestions(article_id) == set()
    conn = project._conn
    assert conn is not None
    assert conn.execute("SELECT count(*) FROM article_images").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM originals").fetchone()[0] == 0
    assert project.theme_passage_counts() == {trade: 0}


def test_undo_of_delete_restores_the_same_ids(project: Project) -> None:
    trade = project.add_theme(theme())
    article_id = project.add_article(sample_article(), sample_original())
    passage_id = project.add_passage(Passage(article_id, 0, 7, "Ukraine", theme_ids=(trade,)))
    article, original = project.get_article(article_id), project.get_original(article_id)
    passage = project.get_passage(passage_id)
    with project.transaction():
        project.delete_article(article_id)
    with project.transaction():
        assert project.add_article(article, original) == article_id
        assert project.add_passage(passage) == passage_id
    assert project.get_article(article_id) == article
    assert project.get_passage(passage_id) == passage
    assert [h.article_id for h in project.search("Ukraine")] == [article_id]
    # ids are not reused: the next article gets a fresh id even after deletes
    project.delete_article(article_id)
    assert project.add_article(sample_article("New")) > article_id


def test_updating_an_articles_details_keeps_its_text_and_reindexes_its_title(
    project: Project,
) -> None:
    article_id = project.add_article(sample_article(), sample_original())
    note_id = project.add_note(Note("Brief", sections=(Section("Summary", "Text."),)))
    note_uuid = project.get_note(note_id).uuid
    project.keep_renderings(note_uuid, '{"kept": "Reuters, Grain corridor reopens"}')
    before = project.get_article(article_id)
    edited = replace(
        before,
        title="Odesa port back in business",
        publisher="Reuters Kyiv",
        author="Jane Smith",
        published=None,
        url="https://example.org/odesa",
    )
    project.update_article_details(edited)
    after = project.get_article(article_id)
    assert after == edited and after.text == before.text and after.blocks == before.blocks
    assert project.get_original(article_id) == sample_original()
    assert [h.article_id for h in project.search("Odesa")] == [article_id]
    assert project.search("corridor") != []  # the text is still found
    assert project.search("reopens") == []  # only the old title had it
    assert project.find_duplicate("https://EXAMPLE.org/odesa/", "other") == article_id
    assert project.find_duplicate("https://example.com/news/grain", "other") is None
    assert project.kept_renderings(note_uuid) == ""  # they named the old details
    with pytest.raises(RecordNotFound):
        project.update_article_details(replace(edited, id=article_id + 1))


def test_adding_a_taken_id_is_refused(project: Project) -> None:
    article_id = project.add_article(sample_article())
    with pytest.raises(DuplicateId):
        project.add_article(replace(sample_article("Other"), id=article_id))
    assert [a.title for a in project.list_articles()] == ["Grain corridor reopens"]


def test_find_duplicate_by_canonical_url_or_text(project: Project) -> None:
    article_id = project.add_article(
        sample_article(url="https://Example.COM/news/grain/?id=7&utm_source=x#top")
    )
    same_links = [
        "https://example.com/news/grain?id=7",
        "HTTPS://EXAMPLE.com/news/grain/?utm_medium=mail&id=7",
        "https://example.com:443/news/grain?id=7#comments",
    ]
    for url in same_links:
        assert project.find_duplicate(url, "unrelated text") == article_id, url
    assert project.find_duplicate("https://example.com/news/grain?id=8", "other") is None
    folded = "  UKRAINE resumed grain exports through\tthe Black Sea corridor on Monday.\n"
    text = folded + "Shipping insurers in Zürich said premiums had fallen sharply since June."
    assert project.find_duplicate("", text) == article_id
    assert project.find_duplicate("", "Something else entirely") is None


def test_theme_names_are_unique_ignoring_case(project: Project) -> None:
    energy = project.add_theme(theme("Énergie"))
    with pytest.raises(DuplicateName) as caught:
        project.add_theme(theme("éNERGIE"))
    assert "'éNERGIE' already exists" in str(caught.value)
    other = project.add_theme(theme("Defence"))
    with pytest.raises(DuplicateName):
        project.update_theme(replace(project.get_theme(other), name="ÉNERGIE"))
    project.update_theme(replace(project.get_theme(energy), name="énergie", colour="#FF0000"))
    found = project.theme_by_name("ÉNERGIE")
    assert found is not None and (found.id, found.name, found.colour) == (
        energy,
        "énergie",
        "#FF0000",
    )
    assert project.theme_by_name("nothing") is None


def test_themes_are_ordered_by_position_then_id(project: Project) -> None:
    c = project.add_theme(theme("C", position=2))
    a = project.add_theme(theme("A", position=1))
    b = project.add_theme(theme("B", position=1))
    assert [t.id for t in project.list_themes()] == [a, b, c]


def test_deleting_a_theme_unlinks_but_keeps_passages(project: Project) -> None:
    trade, defence = project.add_theme(theme("Trade")), project.add_theme(theme("Defence"))
    article_id = project.add_article(sample_article())
    both = project.add_passage(Passage(article_id, 0, 7, "Ukraine", theme_ids=(defence, trade)))
    only = project.add_passage(Passage(article_id, 8, 15, "resumed", theme_ids=(trade,)))
    assert project.theme_passage_counts() == {trade: 2, defence: 1}
    project.delete_theme(trade)
    assert project.get_passage(both).theme_ids == (defence,)
    assert project.get_passage(only).theme_ids == ()
    assert project.theme_passage_counts() == {defence: 1}
    with pytest.raises(RecordNotFound):
        project.get_theme(trade)


def test_passages_keep_theme_order_and_filter(project: Project) -> None:
    trade, defence = project.add_theme(theme("Trade")), project.add_theme(theme("Defence"))
    first = project.add_article(sample_article("First"))
    second = project.add_article(sample_article("Second"))
    late = project.add_passage(Passage(first, 50, 60, "b", theme_ids=(defence, trade)))
    early = project.add_passage(Passage(first, 5, 9, "a", theme_ids=(trade,)))
    other = project.add_passage(Passage(second, 0, 3, "c", theme_ids=(defence,)))
    assert [p.id for p in project.list_passages()] == [early, late, other]
    assert [p.id for p in project.list_passages(article_id=first)] == [early, late]
    assert [p.id for p in project.list_passages(theme_id=defence)] == [late, other]
    assert [p.id for p in project.list_passages(article_id=first, theme_id=defence)] == [late]
    assert project.get_passage(late).theme_ids == (defence, trade)


def test_passages_and_articles_by_id_in_bulk_skip_missing_ones(project: Project) -> None:
    trade = project.add_theme(theme("Trade"))
    first = project.add_article(sample_article("First"))
    second = project.add_article(sample_article("Second"))
    ids = [
        project.add_passage(Passage(first, i, i + 3, "abc", theme_ids=(trade,))) for i in range(3)
    ]
    ids += [project.add_passage(Passage(second, 0, 3, "Ukr"))]
    many = [ids[3], 9999, ids[0], ids[0]] + ids * 200  # more than one IN list's worth

    found = project.get_passages(many)

    assert set(found) == set(ids)
    assert found[ids[1]] == project.get_passage(ids[1])
    assert found[ids[3]].theme_ids == ()
    articles = project.get_articles([second, 4242, first])
    assert list(articles) == [second, first]
    assert articles[first] == project.get_article(first)
    assert project.get_passages([]) == {}


def test_update_passage_replaces_themes_and_comment(project: Project) -> None:
    trade, defence = project.add_theme(theme("Trade")), project.add_theme(theme("Defence"))
    article_id = project.add_article(sample_article())
    passage_id = project.add_passage(Passage(article_id, 0, 7, "Ukraine", theme_ids=(trade,)))
    before = project.get_passage(passage_id)
    after = replace(before, theme_ids=(defence,), comment="check figures")
    project.update_passage(after)
    assert project.get_passage(passage_id) == after
    with pytest.raises(RecordNotFound):
        project.update_passage(replace(after, id=999))


def test_passage_with_missing_references_is_refused(project: Project) -> None:
    article_id = project.add_article(sample_article())
    with pytest.raises(RecordNotFound) as caught:
        project.add_passage(Passage(article_id + 1, 0, 3, "abc"))
    assert "article" in str(caught.value)
    with pytest.raises(RecordNotFound) as caught:
        project.add_passage(Passage(article_id, 0, 3, "abc", theme_ids=(42,)))
    assert "theme" in str(caught.value)
    assert project.list_passages() == []


def test_dismissed_suggestions(project: Project) -> None:
    trade = project.add_theme(theme())
    article_id = project.add_article(sample_article())
    project.dismiss_suggestion(article_id, 0, 7, trade)
    project.dismiss_suggestion(article_id, 0, 7, trade)  # twice is harmless
    project.dismiss_suggestion(article_id, 20, 25, trade)
    assert project.dismissed_suggestions(article_id) == {(0, 7, trade), (20, 25, trade)}
    project.undismiss_suggestion(article_id, 0, 7, trade)
    assert project.dismissed_suggestions(article_id) == {(20, 25, trade)}
    project.delete_theme(trade)
    assert project.dismissed_suggestions(article_id) == set()


def test_notes_keep_section_order_and_replace_sections(project: Project) -> None:
    note = Note(
        title="Weekly brief",
        author="Analyst",
        date=dt.date(2024, 3, 8),
        marking="OFFICIAL",
        sections=(Section("Summary", "Grain *moves*."), Section("Detail", "More", level=2)),
    )
    note_id = project.add_note(note)
    stored = project.get_note(note_id)
    assert [s.heading for s in stored.sections] == ["Summary", "Detail"]
    assert stored.created_at is not None and stored.modified_at is not None
    reordered = replace(
        stored, sections=(stored.sections[1], Section("New", "Text")), modified_at=None
    )
    project.update_note(reordered)
    again = project.get_note(note_id)
    assert [s.heading for s in again.sections] == ["Detail", "New"]
    assert again.sections[0].id == stored.sections[1].id
    assert again.modified_at is not None and again.modified_at >= stored.modified_at
    assert [n.title for n in project.list_notes()] == ["Weekly brief"]
    project.delete_note(note_id)
    assert project.list_notes() == []
    with pytest.raises(RecordNotFound):
        project.get_note(note_id)


def test_meta_and_info(project: Project) -> None:
    assert project.get_meta("title") == "Test brief"
    assert project.get_meta("missing") is None
    project.set_meta("title", "Renamed")
    project.set_meta("title", "Renamed again")
    project.add_article(sample_article())
    project.add_theme(theme())
    project.add_note(Note("A note"))
    info = project.info()
    assert (info.title, info.article_count, info.theme_count, info.note_count) == (
        "Renamed again",
        1,
        1,
        1,
    )
    assert info.passage_count == 0


def test_transaction_rolls_back_everything_on_error(project: Project, project_path: Path) -> None:
    project.add_theme(theme("Kept"))
    with pytest.raises(RuntimeError), project.transaction():
        project.add_theme(theme("Lost"))
        project.add_article(sample_article())
        raise RuntimeError("user cancelled")
    assert [t.name for t in project.list_themes()] == ["Kept"]
    assert project.list_articles() == []
    assert project.search("Ukraine") == []


def test_nested_transactions_join_and_failed_inner_steps_leave_nothing(project: Project) -> None:
    with project.transaction():
        project.add_theme(theme("Outer"))
        with pytest.raises(DuplicateName), project.transaction():
            project.add_theme(theme("Inner"))
            project.add_theme(theme("OUTER"))  # fails: the inner step is undone as a whole
        project.add_theme(theme("After"))
    assert [t.name for t in project.list_themes()] == ["Outer", "After"]


def test_every_edit_is_committed_when_it_returns(project: Project, project_path: Path) -> None:
    project.add_theme(theme("Visible"))
    other = sqlite3.connect(project_path)  # another connection sees it at once: nothing pending
    try:
        assert other.execute("SELECT name FROM themes").fetchall() == [("Visible",)]
    finally:
        other.close()


def test_a_project_copied_while_closed_is_complete(tmp_path: Path) -> None:
    path = tmp_path / "origin" / "brief.briefer"
    path.parent.mkdir()
    project = Project.create(path)
    article_id = project.add_article(sample_article())
    project.close()
    assert not opening.wal_path(path).exists() or opening.wal_path(path).stat().st_size == 0
    copy = tmp_path / "usb-stick" / "brief.briefer"
    copy.parent.mkdir()
    shutil.copyfile(path, copy)  # the .briefer alone, as a user copies it
    with Project.open(copy, read_only=True) as copied:
        assert copied.get_article(article_id).title == "Grain corridor reopens"


def test_long_project_names_work_with_locks_and_backups(tmp_path: Path) -> None:
    name = "Ministerial visit " + "ő" * 110 + ".briefer"  # 246 bytes: room for -wal, -shm
    assert 240 < len(name.encode("utf-8")) <= 251
    path = tmp_path / name
    Project.create(path).close()
    backups_dir = tmp_path / "backups"
    with Project.open(path, backup_dir=backups_dir) as project:
        project.add_article(sample_article())
        assert lock_path(path).exists()
    with Project.open(path, backup_dir=backups_dir):
        pass
    found = list_backups(backups_dir, path)
    assert len(found) >= 2
    assert all(len(p.name.encode("utf-8")) <= 255 for p in found)
    with Project.open(found[0], read_only=True) as backup:
        assert len(backup.list_articles()) == 1


def test_a_name_too_long_for_the_write_ahead_log_is_refused_cleanly(tmp_path: Path) -> None:
    path = tmp_path / ("a" * 245 + ".briefer")  # 253 bytes: no room for "-wal"
    with pytest.raises(NameTooLong, match="too long"):
        Project.create(path)
    assert list(tmp_path.iterdir()) == []


def test_a_backup_killed_mid_copy_is_swept_on_the_next_backup(tmp_path: Path) -> None:
    path = tmp_path / "brief.briefer"
    Project.create(path).close()
    backups_dir = tmp_path / "backups"
    with Project.open(path, backup_dir=backups_dir):
        pass
    folder = list_backups(backups_dir, path)[0].parent
    stale = temp_path(folder / "brief-2026-11-30T090000.000000Z.briefer")
    journal = stale.with_name(stale.name + "-journal")
    for leftover in (stale, journal):  # what kill -9 during a 17 MB copy leaves
        leftover.write_bytes(b"\0" * 1024)
        os.utime(leftover, (time.time() - 7200, time.time() - 7200))
    with Project.open(path, backup_dir=backups_dir):
        pass
    assert not stale.exists() and not journal.exists()
    assert all(p.suffix == ".briefer" for p in folder.iterdir())


def test_find_duplicate_knows_a_text_with_or_without_its_headline(project: Project) -> None:
    article_id = project.add_article(sample_article())
    text = sample_article().text
    assert project.find_duplicate("", text, "Grain corridor reopens") == article_id
    with_headline = "GRAIN CORRIDOR\nreopens\n\n" + text
    assert project.find_duplicate("", with_headline, "Grain corridor reopens") == article_id
    assert project.find_duplicate("", with_headline) is None  # the headline decides
    assert project.find_duplicate("", "Grain corridor reopens", "Grain corridor reopens") is None
    assert project.find_duplicate("", text[:40], "Grain corridor reopens") is None

    headed = project.add_article(sample_article("Port talks", text="Port talks\n\nTalks resumed."))
    assert project.find_duplicate("", "Talks resumed.", "Port talks") == headed
    assert project.find_duplicate("", "Talks resumed.", "Port talks resume") is None
