"""Merging a project into another: matching, idempotence, two laptops, undo, bad files.

Real project files in tmp_path, changed only through commands; the state is read back
through the seam.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from pathlib import Path

import pytest

from briefer.core.model import Note, Section, Theme
from briefer.session import (
    AddNoteCommand,
    AddThemeCommand,
    ArticleDetails,
    CommandError,
    DismissSuggestionCommand,
    EditArticleDetailsCommand,
    EditSectionBodyCommand,
    MergeCancelled,
    MergeProjectCommand,
    ProjectError,
    Session,
    SetCommentCommand,
    ThemeChoice,
    UpdateThemeCommand,
    merge_command,
    merge_project,
    plan_merge,
    preview_merge,
    project_backups,
)
from tests.private_store import store_of
from tests.session.merge_data import (
    OTHER_TEXT,
    TEXT,
    add_article,
    add_theme,
    article_id,
    copy_project,
    make_project,
    state,
    tag,
)


@pytest.fixture
def pair(tmp_path: Path):
    """Two copies of one project (A and B), open for writing."""
    a = make_project(tmp_path / "a.briefer")
    b = copy_project(a, tmp_path / "b.briefer")
    yield a, b
    a.close()
    b.close()


def test_a_copy_merged_into_its_original_adds_nothing(pair) -> None:
    a, b = pair
    before = state(a)
    report = merge_project(a, b.path)
    assert report.adds_nothing
    assert report.articles_matched == 1 and report.passages_merged == 2
    assert report.notes_present == 1
    assert state(a) == before


def test_what_only_the_other_has_comes_in_with_originals_images_and_notes(tmp_path: Path) -> None:
    a = Session.create(tmp_path / "a.briefer")
    b = make_project(tmp_path / "b.briefer")
    add_theme(b, "Ports", "#00AA00", "8")
    ports = b.theme_named("Ports")
    assert ports is not None
    b.do(AddThemeCommand(Theme("Chennai", "#00BB00", parent_id=ports.id)))
    report = merge_project(a, b.path)
    assert (report.articles_added, report.originals_added, report.images_added) == (1, 1, 1)
    assert report.themes_added == ["Ports", "Chennai"] and report.passages_added == 2
    assert a.theme_named("Chennai").parent_id == a.theme_named("Ports").id
    assert report.notes_added == ["Brief"]
    merged_id = a.query.list_articles()[0].id
    article = a.query.get_article(merged_id)
    assert article.text == TEXT and article.images[0].caption == "a map"
    assert store_of(a).get_original(merged_id).data == TEXT.encode()
    # The note cites the passage as it is numbered here, and the passage is the same one.
    note = a.query.get_note(a.query.list_notes()[0].id)
    cited = a.query.get_passage(int(note.sections[0].body.split("[@p")[1].rstrip("]")))
    assert cited.text == "expand trade in oil"
    assert state(a)["passages"] == state(b)["passages"]
    assert state(a)["articles"] == state(b)["articles"]
    a.close()
    b.close()


def test_merging_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    a = Session.create(tmp_path / "a.briefer")
    b = make_project(tmp_path / "b.briefer")
    merge_project(a, b.path)
    once = state(a)
    again = merge_project(a, b.path)
    assert again.adds_nothing and state(a) == once
    a.close()
    b.close()


def test_two_laptops_merged_back_and_forth_recognise_all_they_share(pair) -> None:
    a, b = pair
    # Laptop A: a new theme, a new passage, a comment, a note.
    add_theme(a, "Ports", "#00AA00")
    tag(a, "Visa rules", "Ports")
    a.do(SetCommentCommand(a.query.list_passages()[0].id, "from A"))
    a.do(AddNoteCommand(Note("A's note", sections=(Section("One", "text a"),))))
    # Laptop B: another theme on a passage both have, a new article tagged, a comment.
    tag(b, "submarines", "Trade")
    b.do(SetCommentCommand(b.query.list_passages()[0].id, "from B"))
    add_article(b, "Chennai", OTHER_TEXT)
    tag(b, "Freight rates", "Trade", title="Chennai")
    b.do(AddNoteCommand(Note("B's note", sections=(Section("One", "text b"),))))

    merge_project(a, b.path)
    merge_project(b, a.path)
    merge_project(a, b.path)

    assert state(a) == state(b)
    final = state(a)
    assert len(final["articles"]) == 2
    assert [n for _u, n in final["notes"]].count("Brief") == 1
    assert {n for _u, n in final["notes"]} == {"Brief", "A's note", "B's note"}
    passages = {(p[1], p[2]): p for p in final["passages"]}
    start = TEXT.index("submarines")
    assert passages[(start, start + 10)][4] == ("Defence", "Trade")
    oil = TEXT.index("expand trade in oil")
    assert passages[(oil, oil + 19)][5] == ("from A", "from B")
    assert a.query.list_passages()[0].comment == "from A\n\nfrom B"
    assert len(final["passages"]) == 4  # two shared, one from each laptop
    assert merge_project(b, a.path).adds_nothing


def test_a_note_edited_on_both_laptops_keeps_both_versions_once(pair) -> None:
    a, b = pair
    for session, words in ((a, "A's words"), (b, "B's words")):
        note = session.query.get_note(session.query.list_notes()[0].id)
        session.do(EditSectionBodyCommand(note.id, note.sections[0].id, words))
    merge_project(a, b.path)
    merge_project(b, a.path)
    merge_project(a, b.path)
    for session in (a, b):  # each keeps its own version and gains the other's, once
        bodies = sorted(session.query.get_note(n.id).sections[0].body
                        for n in session.query.list_notes())  # fmt: skip
        assert bodies == ["A's words", "B's words"]
    assert sorted(n for _u, n in state(a)["notes"]) == ["Brief", "Brief (from b)"]
    assert merge_project(b, a.path).adds_nothing


def test_theme_conflicts_keep_this_projects_values_and_are_reported(pair) -> None:
    a, b = pair
    trade = b.theme_named("Trade")
    b.do(UpdateThemeCommand(trade.id, colour="#000000"))
    add_theme(a, "Defense stuff", "#111111")
    add_theme(b, "Sanction", "#222222")
    add_theme(a, "Sanctions", "#333333")
    report = merge_project(a, b.path)
    assert a.theme_named("Trade").colour != "#000000"
    assert any("Trade" in c and "#000000" in c for c in report.theme_conflicts)
    assert any("Sanction" in c for c in report.near_duplicates)
    assert a.theme_named("Sanction") is not None  # kept apart, never merged unasked


def test_choices_take_theirs_or_keep_apart(pair) -> None:
    a, b = pair
    trade = b.theme_named("Trade")
    defence_key = b.theme_named("Defence").shortcut
    b.do(UpdateThemeCommand(b.theme_named("Defence").id, shortcut=""))
    b.do(UpdateThemeCommand(trade.id, colour="#000000", shortcut=defence_key))
    energy = b.theme_named("Energy")
    b.do(UpdateThemeCommand(energy.id, colour="#FFFFFF"))
    diplomacy_key = b.theme_named("Diplomacy").shortcut
    b.do(UpdateThemeCommand(b.theme_named("Diplomacy").id, shortcut=""))
    add_theme(b, "Ports", "#00AA00", diplomacy_key)
    choices = {trade.uuid: ThemeChoice.TAKE_THEIRS, energy.uuid: ThemeChoice.SEPARATE}
    plan = plan_merge(a, b.path)
    assert {m.theirs.name for m in plan.conflicts} == {"Trade", "Energy", "Defence", "Diplomacy"}
    trade_key = a.theme_named("Trade").shortcut
    report = merge_project(a, b.path, choices)
    assert a.theme_named("Trade").colour == "#000000"
    assert a.theme_named("Trade").shortcut == trade_key  # Defence has theirs here
    assert a.theme_named("Ports").shortcut == ""  # Diplomacy has it here
    assert set(report.left_out) == {  # keys another theme here has are not taken
        f'the key "{defence_key}" of theme "Trade" (in use here)',
        f'the key "{diplomacy_key}" of theme "Ports" (in use here)',
        f'the key "{energy.shortcut}" of theme "Energy (from b)" (in use here)',
    }
    assert a.theme_named("Energy (from b)").colour == "#FFFFFF"
    assert a.undo() is not None
    assert a.theme_named("Trade").colour != "#000000"
    assert a.theme_named("Energy (from b)") is None


def test_a_different_copy_of_the_article_re_anchors_passages(tmp_path: Path) -> None:
    a = Session.create(tmp_path / "a.briefer")
    b = Session.create(tmp_path / "b.briefer")
    url = "https://news.example/same"
    add_article(a, "Same", "Updated intro.\n\n" + TEXT, url)
    add_article(b, "Same", TEXT, url)
    tag(b, "submarines", "Defence", title="Same")
    tag(b, "expand trade in oil", "Trade", title="Same")
    a_text = a.query.get_article(article_id(a, "Same")).text
    report = merge_project(a, b.path)
    assert report.articles_matched == 1 and report.articles_added == 0
    assert report.passages_reanchored == 2 and report.passages_added == 2
    for passage in a.query.list_passages():
        assert a_text[passage.start : passage.end] == passage.text
    a.close()
    b.close()


def test_words_gone_from_this_copy_are_reported_not_placed(tmp_path: Path) -> None:
    a = Session.create(tmp_path / "a.briefer")
    b = Session.create(tmp_path / "b.briefer")
    url = "https://news.example/same"
    add_article(a, "Same", TEXT.replace("submarines", "frigates"), url)
    add_article(b, "Same", TEXT, url)
    sub = tag(b, "submarines", "Defence", title="Same")
    b.do(AddNoteCommand(Note("Cites", sections=(Section("S", f"See [@p{sub}]."),))))
    report = merge_project(a, b.path)
    assert len(report.passages_unplaceable) == 1 and "submarines" in report.passages_unplaceable[0]
    assert a.query.list_passages() == []
    note = a.query.get_note(a.query.list_notes()[0].id)
    assert "[@p" not in note.sections[0].body and "not merged" in note.sections[0].body
    a.close()
    b.close()


def test_one_undo_takes_the_whole_merge_back_and_a_backup_was_taken(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    make_project(tmp_path / "b.briefer").close()
    Session.create(tmp_path / "a.briefer").close()
    a = Session.open(tmp_path / "a.briefer", backup_dir=backups)
    before = state(a)
    merge_project(a, tmp_path / "b.briefer")
    after = state(a)
    assert after != before
    assert any("merging b.briefer" in e.reason for e in project_backups(backups, a.path))
    assert a.undo() == "Merge b.briefer"
    assert state(a) == before
    assert a.redo() == "Merge b.briefer"  # the originals are read from the other file again
    assert state(a) == after
    merged = a.query.list_articles()[0].id
    assert store_of(a).get_original(merged).data == TEXT.encode()
    a.close()


def test_dry_run_changes_nothing(pair, tmp_path: Path) -> None:
    a, b = pair
    add_theme(b, "Ports")
    before, label = state(a), a.history.undo_label
    report = merge_project(a, b.path, dry_run=True)
    assert report.themes_added == ["Ports"]
    assert state(a) == before and a.history.undo_label == label


def _hostile(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.briefer"
    if kind == "foreign":
        path.write_bytes(b"%PDF-1.4 not a project")
    elif kind == "damaged":
        make_project(path).close()
        data = bytearray(path.read_bytes())
        data[4096:8192] = b"\xff" * 4096
        path.write_bytes(bytes(data))
    elif kind == "newer":
        make_project(path).close()
        import sqlite3

        conn = sqlite3.connect(path)
        conn.execute("PRAGMA user_version = 99")
        conn.commit()
        conn.close()
    elif kind == "locked":
        make_project(path).close()
        lock = path.with_name(f".~{path.name}.lock")
        since = "2026-01-01T00:00:00+00:00"
        host = socket.gethostname() + "-laptop"
        holder = {"user": "kim", "host": host, "pid": os.getpid(), "since": since}
        lock.write_text(json.dumps(holder))
    elif kind == "missing":
        pass
    return path


@pytest.mark.parametrize("kind", ["foreign", "damaged", "newer", "locked", "missing", "itself"])
def test_a_hostile_other_is_one_sentence_and_changes_nothing(tmp_path: Path, kind: str) -> None:
    a = make_project(tmp_path / "a.briefer")
    other = a.path if kind == "itself" else _hostile(tmp_path, kind)
    before = state(a)
    with pytest.raises((ProjectError, CommandError)) as caught:
        merge_project(a, other)
    message = str(caught.value)
    assert "\n" not in message and message.endswith(".")
    assert state(a) == before and a.undo() is not None  # only make_project's own edits
    a.close()


def test_the_command_alone_reports_on_first_apply(pair) -> None:
    a, b = pair
    command = MergeProjectCommand(b.path)
    a.do(command)
    assert command.report is not None and command.label == "Merge b.briefer"


def test_progress_counts_articles_and_a_cancel_rolls_everything_back(tmp_path: Path) -> None:
    b = make_project(tmp_path / "b.briefer")
    add_article(b, "Ports", OTHER_TEXT, "https://news.example/ports")
    b.close()
    a = Session.create(tmp_path / "a.briefer")
    before = state(a)
    seen: list[tuple[int, int]] = []
    command = merge_command(a, tmp_path / "b.briefer", progress=lambda d, t: seen.append((d, t)))
    command.cancelled = lambda: len(seen) >= 1  # after the first article
    with pytest.raises(MergeCancelled):
        a.execute(command)
    assert state(a) == before and command.report is None
    assert seen == [(0, 2)]
    seen.clear()
    command.cancelled = None
    a.execute(command)  # the same command, run again from the start, does it all once
    assert seen == [(0, 2), (1, 2), (2, 2)]
    assert command.report is not None and command.report.articles_added == 2
    assert len(a.query.list_articles()) == 2
    a.close()


def test_the_plans_summary_for_any_choices_is_the_dry_run_with_them(pair) -> None:
    """The mapping step recomputes only the theme part; it must say what a dry run with
    those choices says, for every choice on every conflict."""
    a, b = pair
    for name, colour in (("Trade", "#000000"), ("Energy", "#FFFFFF")):
        theme = b.theme_named(name)
        b.do(UpdateThemeCommand(theme.id, colour=colour))
    defence_key = b.theme_named("Defence").shortcut
    b.do(UpdateThemeCommand(b.theme_named("Defence").id, shortcut=""))
    b.do(UpdateThemeCommand(b.theme_named("Trade").id, shortcut=defence_key))
    add_theme(b, "Sanction", "#222222")
    add_theme(a, "Sanctions", "#333333")
    tag(b, "Visa rules", "Energy", "Sanction")
    b.do(SetCommentCommand(b.query.list_passages()[1].id, "from B"))  # changes whatever
    plan = plan_merge(a, b.path)
    assert plan.summary({}).lines() == plan.preview.lines()
    assert len(plan.conflicts) >= 3
    for choice in ThemeChoice:
        for index, match in enumerate(plan.conflicts):
            choices = {m.theirs.uuid: choice if i <= index else m.default
                       for i, m in enumerate(plan.conflicts)}  # fmt: skip
            expected = preview_merge(a, b.path, choices).lines()
            assert plan.summary(choices).lines() == expected, (choice, match.theirs.name)


def test_suggestions_dismissed_there_stay_dismissed_here_and_undo_takes_them_back(pair) -> None:
    a, b = pair
    shared = article_id(b, "India and Russia")
    trade = b.theme_named("Trade")
    assert trade is not None and trade.id is not None
    b.do(DismissSuggestionCommand(shared, 0, 4, trade.id))
    before = state(a)
    merge_project(a, b.path)
    after = state(a)
    assert after["dismissed"] == state(b)["dismissed"] != before["dismissed"]
    assert a.undo() == f"Merge {b.path.name}"
    assert state(a) == before
    assert a.redo() == f"Merge {b.path.name}"
    assert state(a) == after
    assert merge_project(a, b.path).adds_nothing and state(a) == after


def test_an_article_that_comes_in_brings_its_dismissed_suggestions(tmp_path: Path) -> None:
    a = Session.create(tmp_path / "a.briefer")
    b = make_project(tmp_path / "b.briefer")
    trade = b.theme_named("Trade")
    assert trade is not None and trade.id is not None
    b.do(DismissSuggestionCommand(article_id(b, "India and Russia"), 5, 9, trade.id))
    merge_project(a, b.path)
    assert state(a)["dismissed"] == state(b)["dismissed"] != []
    a.close()
    b.close()


def details(session: Session) -> tuple[object, ...]:
    article = session.query.get_article(article_id(session, "India and Russia"))
    return article.publisher, article.author, article.published, article.url


def test_details_put_right_on_the_other_laptop_fill_the_blanks_here(pair) -> None:
    """B's analyst added the publisher and date A lacks, and gave another address: A takes
    the publisher and date, keeps its address, and the report names the difference."""
    a, b = pair
    shared = article_id(b, "India and Russia")
    b.do(EditArticleDetailsCommand(shared, ArticleDetails(
        "India and Russia", "The Hindu", "", dt.date(2025, 12, 4), "https://thehindu.example/x",
    )))  # fmt: skip
    before, before_details = state(a), details(a)
    report = merge_project(a, b.path)
    assert details(a) == (
        "The Hindu",
        "",
        dt.date(2025, 12, 4),
        "https://news.example/india-russia",
    )
    assert report.details_filled == 1 and not report.adds_nothing
    assert report.details_differing == [
        "“India and Russia”: web address “https://thehindu.example/x” (kept: "
        "“https://news.example/india-russia”)"
    ]
    assert "(1 given details they lacked)" in report.lines()[0]
    assert json.loads(json.dumps(report.as_json()))["articles"]["details_filled"] == 1
    assert a.undo() == f"Merge {b.path.name}"
    assert details(a) == before_details and state(a) == before
    assert a.redo() == f"Merge {b.path.name}"
    assert details(a)[:3] == ("The Hindu", "", dt.date(2025, 12, 4))
    again = merge_project(a, b.path)  # nothing left to fill; the address still differs
    assert again.adds_nothing and again.details_filled == 0 and again.details_differing


def test_a_detail_filled_in_on_an_article_the_merge_added_is_undone_with_it(
    tmp_path: Path,
) -> None:
    """The other copy holds two articles at one address (an analyst's edit can do that):
    the first comes in, the second fills its publisher; one undo takes both back."""
    a = Session.create(tmp_path / "a.briefer")
    b = Session.create(tmp_path / "b.briefer")
    first = add_article(b, "Port reopens", OTHER_TEXT, url="https://port.example/a")
    second = add_article(b, "Port reopens (2)", "Another text entirely, ten words long here.",
                         url="https://port.example/a")  # fmt: skip
    b.do(EditArticleDetailsCommand(second, ArticleDetails(
        "Port reopens (2)", "Harbour Gazette", "", None, "https://port.example/a"
    )))  # fmt: skip
    assert first != second
    b.close()
    before = state(a)
    report = merge_project(a, tmp_path / "b.briefer")
    assert report.articles_added == 1 and report.details_filled == 1
    [added] = a.query.list_articles()
    assert a.query.get_article(added.id).publisher == "Harbour Gazette"
    assert a.undo() == "Merge b.briefer"
    assert state(a) == before and a.query.list_articles() == []
    assert a.redo() == "Merge b.briefer"
    assert a.query.get_article(a.query.list_articles()[0].id).publisher == "Harbour Gazette"
    a.close()
