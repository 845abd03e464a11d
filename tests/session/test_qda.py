"""REFI-QDA through the session: export validates, a round trip keeps every theme, article
and passage on the same words, an ATLAS.ti-style file imports with its parents, and bad
files change nothing. Real project files on disk; exports read back with lxml."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from briefer.core.model import Article, Block, BlockKind, Passage, Theme
from briefer.session import (
    AddThemeCommand,
    CommandError,
    DeleteThemeCommand,
    ExchangeError,
    ProjectQueries,
    QdaImportCancelled,
    Session,
    ToggleThemeCommand,
    export_qda,
    import_qda,
    import_qda_command,
)
from briefer.session.qda import _guid
from briefer.store import Project
from tests.exchange.qda_data import (
    TRICKY_TEXT,
    assert_valid,
    atlas_qdpx,
    codebook_schema,
    project_schema,
    tagged_project,
)
from tests.private_store import store_of


def themes_by_name(project: ProjectQueries) -> dict[str, tuple[str, str, str | None]]:
    """name -> (colour, description, parent's name)"""
    themes = project.list_themes()
    names = {t.id: t.name for t in themes}
    return {
        t.name: (t.colour.upper(), t.description, names.get(t.parent_id) if t.parent_id else None)
        for t in themes
    }


def passages(project: ProjectQueries) -> set[tuple[str, str, int, int, frozenset[str], str]]:
    names = {t.id: t.name for t in project.list_themes()}
    found = set()
    for p in project.list_passages():
        article = project.get_article(p.article_id)
        assert article.text[p.start : p.end] == p.text  # the passage sits on its own words
        themes = frozenset(names[t] for t in p.theme_ids)
        found.add((article.title, p.text, p.start, p.end, themes, p.comment))
    return found


def snapshot(project: Project) -> dict[str, Any]:
    return {
        "themes": project.list_themes(),
        "articles": [(a.id, a.title, a.passage_count) for a in project.list_articles()],
        "passages": project.list_passages(),
    }


def empty_project(path: Path) -> Session:
    """A project without the default themes, so every theme comes from the file."""
    session = Session.create(path)
    for theme in session.query.list_themes():
        assert theme.id is not None
        session.do(DeleteThemeCommand(theme.id))
    session.history.clear()
    return session


def test_exports_validate_and_count_code_points(tmp_path: Path) -> None:
    tagged = tagged_project(tmp_path / "a.briefer")
    with Session.open(tagged.path, read_only=True) as session:
        result = export_qda(session, tmp_path / "out.qdpx")
        book = export_qda(session, tmp_path / "themes.QDC")
        article = session.query.get_article(tagged.article_id)
        guid = _guid("article", article)
    assert (result.sources, result.selections, book.codebook_only) == (1, 4, True)
    assert_valid(codebook_schema(), (tmp_path / "themes.QDC").read_bytes())
    with zipfile.ZipFile(tmp_path / "out.qdpx") as archive:
        qde = archive.read("project.qde")
        text = archive.read(f"sources/{guid}.txt").decode("utf-8")
    assert_valid(project_schema(), qde)
    assert text == TRICKY_TEXT
    chosen = {
        text[int(s.get("startPosition")) : int(s.get("endPosition"))]
        for s in etree.fromstring(qde).iter("{*}PlainTextSelection")
    }
    assert chosen == set(tagged.spans)
    flag = TRICKY_TEXT.index("🇫🇷")
    assert len(TRICKY_TEXT[:flag].encode("utf-16-le")) // 2 != flag  # UTF-16 would differ


def test_round_trip_keeps_themes_articles_and_passages(tmp_path: Path) -> None:
    tagged = tagged_project(tmp_path / "a.briefer")
    with Session.open(tagged.path, read_only=True) as source:
        export_qda(source, tmp_path / "out.qdpx")
        themes = themes_by_name(source.query)
        expected = passages(source.query)
        article = source.query.get_article(tagged.article_id)
    with empty_project(tmp_path / "b.briefer") as target:
        report = import_qda(target, tmp_path / "out.qdpx")
        assert themes_by_name(target.query) == themes
        assert themes["Tariffs"] == ("#123ABC", "Duties on goods", "Trade")
        assert passages(target.query) == expected
        (copy,) = [target.query.get_article(a.id) for a in target.query.list_articles()]
        assert copy.text == article.text
        for field in ("author", "publisher", "url", "language"):
            assert getattr(copy, field) == getattr(article, field)
        assert (report.articles_added, report.passages_added) == (1, 4)
        assert report.left_out == []


def test_import_into_a_project_with_the_same_themes_reuses_them(tmp_path: Path) -> None:
    tagged = tagged_project(tmp_path / "a.briefer")
    with Session.open(tagged.path, read_only=True) as source:
        export_qda(source, tmp_path / "out.qdpx")
        expected = passages(source.query)
    with Session.create(tmp_path / "b.briefer") as target:
        trade = target.theme_named("Trade")
        assert trade is not None and trade.id is not None
        target.do(AddThemeCommand(Theme("tariffs", "#000000", parent_id=None)))
        report = import_qda(target, tmp_path / "out.qdpx")
        assert "tariffs" in report.themes_reused and "Trade" in report.themes_reused
        assert target.theme_named("Tariffs").colour == "#000000"  # kept, and reported
        assert "matched a theme of the same name" in " ".join(report.lines())
        got = {(title, words, s, e, frozenset(n.casefold() for n in names), c)
               for title, words, s, e, names, c in passages(target.query)}  # fmt: skip
        want = {(title, words, s, e, frozenset(n.casefold() for n in names), c)
                for title, words, s, e, names, c in expected}  # fmt: skip
        assert got == want
        again = import_qda(target, tmp_path / "out.qdpx")
        assert (again.articles_added, again.passages_added, again.passages_present) == (0, 0, 4)


def test_the_atlas_style_project_imports_with_parents_and_exact_passages(tmp_path: Path) -> None:
    path = atlas_qdpx(tmp_path / "atlas.qdpx")
    with Session.create(tmp_path / "p.briefer") as session:
        report = import_qda(session, path)
        themes = themes_by_name(session.query)
        assert themes["delight"][2] == "happiness" and themes["happiness"][2] == "Feelings"
        assert themes["Economy"] == (
            "#FFFF00",
            "Anything about jobs or taxes or business",
            "Topics",
        )
        assert themes["happiness"][0] == "#FF00AA"
        found = {
            (words, names, comment) for _, words, _, _, names, comment in passages(session.query)
        }
        assert found == {
            ("such joy 😀", frozenset({"delight"}), ""),
            ("the sun came out", frozenset({"Weather"}),
             "The weather lifts the mood in every interview."),
            ("nai\u0308ve plan", frozenset({"Economy", "Feelings"}), ""),
            ("taxes and jobs", frozenset({"Economy"}), ""),
            ("🇫🇷", frozenset({"happiness"}), ""),
        }  # fmt: skip
        (article,) = session.query.list_articles()
        assert session.query.get_article(article.id).author == "Friedrich Markgraf"
        left = " ".join(report.lines())
        for item in ("1 picture sources", "1 cases", "1 codings of whole sources", "2 users"):
            assert item in left


def test_one_undo_takes_the_whole_import_back(tmp_path: Path) -> None:
    with Session.create(tmp_path / "p.briefer") as session:
        before = snapshot(store_of(session))
        import_qda(session, atlas_qdpx(tmp_path / "atlas.qdpx"))
        after = snapshot(store_of(session))
        assert len(after["passages"]) == 5
        assert session.undo() == "Import atlas.qdpx"
        assert snapshot(store_of(session)) == before
        assert session.redo() == "Import atlas.qdpx"
        assert snapshot(store_of(session)) == after


def hostile(tmp_path: Path) -> dict[str, Path]:
    good = atlas_qdpx(tmp_path / "good.qdpx")
    with zipfile.ZipFile(good) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}

    def variant(name: str, change: dict[str, bytes | None]) -> Path:
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as out:
            for member, data in {**members, **change}.items():
                if data is not None:
                    out.writestr(member, data)
        return path

    qde = members["Project.qde"]
    laughs = b'<?xml version="1.0"?><!DOCTYPE P [<!ENTITY a "aaaa">]><Project name="&a;"/>'
    return {
        "zip slip": variant("slip.qdpx", {"../../evil.txt": b"x"}),
        "billion laughs": variant("laughs.qdpx", {"Project.qde": laughs}),
        "missing project.qde": variant("missing.qdpx", {"Project.qde": None}),
        "unknown code": variant(
            "unknown.qdpx",
            {"Project.qde": qde.replace(b'targetGUID="1E0D7A3C', b'targetGUID="0E0D7A3C')},
        ),
        "outside its text": variant(
            "outside.qdpx", {"Project.qde": qde.replace(b'endPosition="131"', b'endPosition="999"')}
        ),
        "broken zip": variant("cut.qdpx", {}),
    }


def test_hostile_files_change_nothing(tmp_path: Path) -> None:
    files = hostile(tmp_path)
    cut = files["broken zip"]
    cut.write_bytes(cut.read_bytes()[: len(cut.read_bytes()) // 2])
    with Session.create(tmp_path / "p.briefer") as session:
        before = snapshot(store_of(session))
        for what, path in files.items():
            with pytest.raises(ExchangeError) as caught:
                import_qda(session, path)
            assert "\n" not in str(caught.value), what
            assert snapshot(store_of(session)) == before, what
        assert session.history.undo_label is None


def test_a_file_with_nothing_usable_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.qdpx"
    with zipfile.ZipFile(path, "w") as out:
        out.writestr(
            "project.qde",
            '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Cases>'
            '<Case guid="11111111-1111-4111-8111-111111111111"/></Cases></Project>',
        )
    with (
        Session.create(tmp_path / "p.briefer") as session,
        pytest.raises(CommandError, match=r"no codes or text sources.*1 cases"),
    ):
        import_qda(session, path)


def test_a_codebook_brings_themes_only(tmp_path: Path) -> None:
    tagged = tagged_project(tmp_path / "a.briefer")
    with Session.open(tagged.path, read_only=True) as source:
        export_qda(source, tmp_path / "themes.qdc")
        themes = themes_by_name(source.query)
    with empty_project(tmp_path / "b.briefer") as target:
        report = import_qda(target, tmp_path / "themes.qdc")
        assert themes_by_name(target.query) == themes
        assert target.query.list_articles() == [] and report.passages_added == 0


def test_an_export_name_must_say_what_it_is(tmp_path: Path) -> None:
    tagged = tagged_project(tmp_path / "a.briefer")
    with (
        Session.open(tagged.path, read_only=True) as session,
        pytest.raises(ExchangeError, match=r"out\.qdpx.*out\.qdc"),
    ):
        export_qda(session, tmp_path / "out.zip")
    assert not (tmp_path / "out.zip").exists()


def test_guids_come_back_as_the_same_records(tmp_path: Path) -> None:
    """Exported from Briefer, imported into a copy of the project: every record is known
    by its UUID (nothing added), and into a new project the records keep those UUIDs."""
    tagged = tagged_project(tmp_path / "a.briefer")
    copy = tmp_path / "copy.briefer"
    shutil.copyfile(tagged.path, copy)
    with Session.open(tagged.path) as source:
        export_qda(source, tmp_path / "out.qdpx")
        uuids = {
            "themes": {t.name: t.uuid for t in source.query.list_themes()},
            "passages": {p.text: p.uuid for p in source.query.list_passages()},
            "article": source.query.get_article(tagged.article_id).uuid,
        }
    with Session.open(copy) as same:
        before = snapshot(store_of(same))
        report = import_qda(same, tmp_path / "out.qdpx")
        assert (report.articles_added, report.passages_added, report.themes_added) == (0, 0, [])
        assert snapshot(store_of(same)) == before
    with empty_project(tmp_path / "b.briefer") as target:
        import_qda(target, tmp_path / "out.qdpx")
        assert {t.name: t.uuid for t in target.query.list_themes()} == uuids["themes"]
        assert {p.text: p.uuid for p in target.query.list_passages()} == uuids["passages"]
        (article,) = target.query.list_articles()
        assert article.uuid == uuids["article"]


def test_a_selection_on_words_that_already_are_a_passage_adds_its_codes(tmp_path: Path) -> None:
    """One passage per span: a colleague's coding of the same words joins the passage."""
    tagged = tagged_project(tmp_path / "a.briefer")
    with Session.open(tagged.path) as session:
        export_qda(session, tmp_path / "out.qdpx")
        start, _end = tagged.spans["北京 signed a gas deal"]
        (passage,) = [p for p in session.query.list_passages() if p.start == start]
        assert passage.id is not None
        diplomacy = session.theme_named("Diplomacy")
        assert diplomacy is not None and diplomacy.id is not None
        # Here the same words now carry Diplomacy only; the file says Energy.
        session.do(ToggleThemeCommand(passage.id, diplomacy.id))
        energy = session.theme_named("Energy")
        assert energy is not None and energy.id is not None
        session.do(ToggleThemeCommand(passage.id, energy.id))
        assert session.query.get_passage(passage.id).theme_ids == (diplomacy.id,)
        session.history.clear()
        count = len(session.query.list_passages())
        command = import_qda_command(tmp_path / "out.qdpx")
        session.do(command)
        after = session.query.get_passage(passage.id)
        assert after.theme_ids == (diplomacy.id, energy.id)
        assert len(session.query.list_passages()) == count  # no second passage
        session.undo()
        assert session.query.get_passage(passage.id).theme_ids == (diplomacy.id,)
        session.redo()
        assert session.query.get_passage(passage.id).theme_ids == (diplomacy.id, energy.id)


def five_source_qdpx(tmp_path: Path) -> Path:
    """A real .qdpx of five text sources, each with a coded selection, by Briefer's exporter."""
    with Session.create(tmp_path / "five.briefer") as source:
        store = store_of(source)
        theme = source.query.list_themes()[0].id
        assert theme is not None
        for index in range(5):
            text = f"Report {index}: the harbour handled {index} ships."
            article_id = store.add_article(
                Article(f"Report {index}", text, (Block(BlockKind.PARAGRAPH, 0, len(text)),))
            )
            store.add_passage(Passage(article_id, 0, 6, text[:6], theme_ids=(theme,)))
        export_qda(source, tmp_path / "five.qdpx")
    return tmp_path / "five.qdpx"


def test_an_import_counts_its_sources_and_a_cancel_changes_nothing(tmp_path: Path) -> None:
    qdpx = five_source_qdpx(tmp_path)
    with empty_project(tmp_path / "b.briefer") as target:
        before = snapshot(store_of(target))
        seen: list[tuple[int, int]] = []
        command = import_qda_command(qdpx)
        command.progress = lambda done, total: seen.append((done, total))
        command.cancelled = lambda: len(seen) >= 2  # the analyst cancels after two sources
        with pytest.raises(QdaImportCancelled, match="cancelled; this project is as it was"):
            target.execute(command)
        assert snapshot(store_of(target)) == before  # the one transaction rolled back
        assert seen == [(0, 5), (1, 5)]

        seen.clear()
        command = import_qda_command(qdpx)
        command.progress = lambda done, total: seen.append((done, total))
        target.do(command)
        assert seen == [(i, 5) for i in range(5)]
        assert len(target.query.list_articles()) == 5


def test_imported_codes_get_the_free_theme_keys_in_turn(tmp_path: Path) -> None:
    """As a theme added in the window does: the digits the project's themes leave free,
    in order, then none once all ten are taken."""
    path = atlas_qdpx(tmp_path / "atlas.qdpx")
    with Session.create(tmp_path / "p.briefer") as session:
        before = {t.shortcut for t in session.query.list_themes()}
        import_qda(session, path)
        added = [t for t in session.query.list_themes() if t.shortcut not in before]
        keys = [t.shortcut for t in session.query.list_themes()]
    free = [k for k in "7890" if k not in before]
    assert [t.shortcut for t in added if t.shortcut] == free
    assert len(set(k for k in keys if k)) == len([k for k in keys if k])  # no key twice
