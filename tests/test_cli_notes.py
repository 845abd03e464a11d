"""The note commands as an analyst runs them: draft, check, figures, export, templates.

Real project files, real DOCX read back with python-docx, real Markdown
parsed back with markdown-it-py.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt

from briefer.cli import main
from briefer.session import EditSectionBodyCommand, Session

DATA = Path(__file__).parent / "data" / "cli"


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: object) -> object:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def _cli(*args: object) -> str:
    """``briefer ARGS`` outside any test (no capsys), for building the shared project."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    assert code == 0, err.getvalue()
    return out.getvalue()


def _cli_json(*args: object) -> object:
    return json.loads(_cli(*args, "--json"))


@pytest.fixture(scope="module")
def tagged_original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with two articles and three passages under Trade and Energy, built once
    through the CLI (with its own settings and backups folder); tests get copies."""
    path = tmp_path_factory.mktemp("tagged") / "brief.briefer"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFER_HOME", str(tmp_path_factory.mktemp("briefer-home")))
        _cli("new", path)
        _cli_json("import", path, DATA / "harbour-deal.txt", DATA / "visa-reform.md")
        articles = _cli_json("articles", path)
        assert isinstance(articles, list)
        port = next(a for a in articles if a["title"].startswith("Port"))
        for words, theme in [
            ("The deal, worth $2 billion, covers new berths", "Trade"),
            ("a fuel terminal for liquefied natural gas", "Energy"),
            ("Exports of grain through the port are expected to rise by 40%", "Trade"),
        ]:
            _cli_json("tag", path, "--article", port["id"], "--text", words, "--theme", theme)
    assert sorted(p.name for p in path.parent.iterdir()) == ["brief.briefer"]  # closed, whole
    return path


@pytest.fixture
def tagged(tmp_path: Path, tagged_original: Path) -> Path:
    """Each test's own copy of the tagged project, to change as it likes."""
    path = tmp_path / "brief.briefer"
    shutil.copyfile(tagged_original, path)
    return path


def draft(capsys: pytest.CaptureFixture[str], project: Path, *extra: str) -> dict[str, object]:
    result = run_json(capsys, "draft", project, "--title", "Harbour deal", *extra)
    assert isinstance(result, dict)
    return result


def test_templates_lists_the_built_ins(capsys: pytest.CaptureFixture[str]) -> None:
    templates = run_json(capsys, "templates")
    assert isinstance(templates, list)
    names = [t["name"] for t in templates]
    assert {"Briefing note", "Situation report", "One-page brief"} <= set(names)
    briefing = next(t for t in templates if t["name"] == "Briefing note")
    assert briefing["sections"][:3] == ["Summary", "Background", "Key developments"]


def test_draft_puts_each_theme_under_key_developments(
    tagged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = draft(capsys, tagged, "--themes", "Trade,Energy")
    assert note["quotations"] == 3
    sections = note["sections"]
    assert isinstance(sections, list)
    at = sections.index("Key developments")
    assert sections[at + 1 : at + 3] == ["Trade", "Energy"]
    listed = run_json(capsys, "notes", tagged)
    assert [(n["id"], n["title"], n["citations"]) for n in listed] == [
        (note["id"], "Harbour deal", 3)
    ]


def test_draft_refuses_unknown_theme_or_template(
    tagged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tagged.read_bytes()
    code, _, err = run(capsys, "draft", tagged, "--title", "X", "--themes", "Trade,Weather")
    assert code == 1 and 'no theme called "Weather"' in err and err.count("\n") == 1
    code, _, err = run(capsys, "draft", tagged, "--title", "X", "--template", "Memo")
    assert code == 1 and 'no template called "Memo"' in err and "Briefing note" in err
    assert run_json(capsys, "notes", tagged) == []
    assert tagged.read_bytes() == before


def test_export_docx_has_footnotes_marking_and_quotations(
    tagged: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    note = draft(capsys, tagged, "--themes", "Trade,Energy", "--marking", "OFFICIAL-SENSITIVE")
    target = tmp_path / "out" / "note.docx"
    target.parent.mkdir()
    result = run_json(capsys, "export", tagged, "--note", note["id"], "-o", target)
    assert isinstance(result, dict) and result["footnotes"] == 3 and result["format"] == "docx"

    word = docx.Document(str(target))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "The deal, worth $2 billion, covers new berths" in text
    assert word.core_properties.title == "Harbour deal"
    header = "\n".join(p.text for p in word.sections[0].header.paragraphs)
    assert "OFFICIAL-SENSITIVE" in header
    relations = [rel.reltype for rel in word.part.rels.values()]
    assert any(kind.endswith("/footnotes") for kind in relations)


def test_export_markdown_reads_back_with_the_same_quotations(
    tagged: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    note = draft(capsys, tagged, "--themes", "Trade")
    target = tmp_path / "note.md"
    code, out, _ = run(capsys, "export", tagged, "--note", note["id"], "-o", target)
    assert code == 0 and "2 footnotes" in out
    text = target.read_text(encoding="utf-8")
    assert text.startswith("---\n") and 'title: "Harbour deal"' in text
    tokens = MarkdownIt("commonmark").parse(text)
    inline = " ".join(t.content for t in tokens if t.type == "inline")
    assert "Exports of grain through the port are expected to rise by 40%" in inline
    assert "[^1]" in text and "[^2]" in text


def test_check_and_strict_export_catch_an_edited_quotation(
    tagged: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    note_id = draft(capsys, tagged, "--themes", "Trade")["id"]
    assert isinstance(note_id, int)
    with Session.open(tagged) as session:
        note = session.query.get_note(note_id)
        section = next(s for s in note.sections if "$2 billion" in s.body)
        assert section.id is not None
        body = section.body.replace("$2 billion", "$3 billion")
        session.do(EditSectionBodyCommand(note_id, section.id, body))

    code, out, _ = run(capsys, "check", tagged, "--note", note_id)
    assert code == 1 and "Problem:" in out and "Trade" in out

    target = tmp_path / "note.docx"
    code, _, err = run(capsys, "export", tagged, "--note", note_id, "-o", target, "--strict")
    assert code == 1 and "Nothing was written" in err
    assert not target.exists()

    code, _, err = run(capsys, "export", tagged, "--note", note_id, "-o", target)
    assert code == 0 and "problem:" in err and target.exists()


def test_a_passage_with_two_themes_is_drafted_once_and_a_repeat_by_hand_is_flagged(
    tagged: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    gas = "a fuel terminal for liquefied natural gas"
    port = next(a for a in run_json(capsys, "articles", tagged) if a["title"].startswith("Port"))
    tagged_twice = run_json(capsys, "tag", tagged, "--article", port["id"], "--text", gas,
                            "--theme", "Trade")  # fmt: skip
    assert isinstance(tagged_twice, dict) and tagged_twice["themes"] == ["Energy", "Trade"]
    note = draft(capsys, tagged, "--themes", "Trade,Energy")
    assert note["quotations"] == 3  # not 4: the Energy and Trade passage once, under Trade
    target = tmp_path / "note.md"
    code, out, _ = run(capsys, "export", tagged, "--note", note["id"], "-o", target)
    assert code == 0 and "3 footnotes" in out
    assert target.read_text(encoding="utf-8").count("liquefied natural gas") == 1
    code, out, _ = run(capsys, "check", tagged, "--note", note["id"])
    assert "quoted twice" not in out

    # The analyst inserts the same quotation again, under Energy: the check says so.
    with Session.open(tagged) as session:
        sections = session.query.get_note(int(str(note["id"]))).sections
        trade = next(s for s in sections if s.heading == "Trade")
        energy = next(s for s in sections if s.heading == "Energy")
        quotation = next(q for q in trade.body.split("\n\n") if gas in q)
        assert energy.id is not None and energy.body == ""
        session.do(EditSectionBodyCommand(int(str(note["id"])), energy.id, quotation))
    code, out, _ = run(capsys, "check", tagged, "--note", note["id"])
    repeats = [line for line in out.splitlines() if "quoted twice" in line]
    assert code == 0 and repeats == [
        f'Warning: The passage "{gas}" is quoted twice, in "Trade" (footnote 2) and "Energy" '
        "(footnote 4): keep one quotation and delete the other."
    ], out
    checked = run_json(capsys, "check", tagged, "--note", note["id"])
    assert isinstance(checked, list)
    assert [(p["kind"], p["section"], p["blocking"]) for p in checked
            if p["kind"] == "quoted_again"] == [("quoted_again", "Energy", False)]  # fmt: skip


def test_figures_lists_money_and_percentages_with_their_source(
    tagged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note_id = draft(capsys, tagged, "--themes", "Trade")["id"]
    figures = run_json(capsys, "figures", tagged, "--note", note_id)
    assert isinstance(figures, list)
    found = {f["figure"] for f in figures}
    assert "$2 billion" in found and any(f.startswith("40%") for f in found)
    code, out, _ = run(capsys, "figures", tagged, "--note", note_id, "--markdown")
    assert code == 0 and out.startswith("|") and "[@p" in out


def test_export_errors_are_one_line_and_leave_nothing(
    tagged: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    note_id = draft(capsys, tagged)["id"]
    fake = tmp_path / "styles.docx"
    fake.write_text("not a word file")
    target = tmp_path / "note.docx"
    code, _, err = run(
        capsys, "export", tagged, "--note", note_id, "-o", target, "--reference-doc", fake
    )
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert not target.exists()
    code, _, err = run(capsys, "export", tagged, "--note", 999, "-o", target)
    assert code == 1 and "No note 999" in err
    code, _, err = run(capsys, "export", tagged, "--note", note_id, "-o", tmp_path / "x.pdf")
    assert code == 1 and "--format" in err
    code, _, err = run(capsys, "export", tagged, "--note", note_id, "-o", tmp_path / "no" / "x.md")
    assert code == 1 and err.count("\n") == 1
    left = sorted(p.name for p in tmp_path.iterdir())
    assert [n for n in left if not n.startswith("brief.briefer")] == ["styles.docx"], left


def test_save_as_template_then_draft_from_it(
    tagged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note_id = draft(capsys, tagged, "--themes", "Energy")["id"]
    code, out, _ = run(
        capsys, "templates", "save", tagged, "--note", note_id, "--name", "Port watch"
    )
    assert code == 0 and "Port watch" in out
    names = [t["name"] for t in run_json(capsys, "templates")]
    assert "Port watch" in names
    code, _, err = run(
        capsys, "templates", "save", tagged, "--note", note_id, "--name", "Port watch"
    )
    assert code == 1 and "already have a template" in err
    second = draft(capsys, tagged, "--template", "port watch", "--themes", "Trade")
    assert second["template"] == "Port watch"


def test_guidance_is_never_exported_and_an_unwritten_section_is_named(
    tagged: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    guidance = "State the main judgement in two or three sentences"
    note_id = draft(capsys, tagged, "--themes", "Trade", "--template", "Briefing note")["id"]
    checked = run_json(capsys, "check", tagged, "--note", note_id)
    assert isinstance(checked, list)
    unwritten = [p for p in checked if p["kind"] == "guidance_only"]
    assert {p["section"] for p in unwritten} >= {"Summary", "Background", "Implications"}
    assert all(not p["blocking"] for p in unwritten)  # a warning, not a misquotation
    code, out, _ = run(capsys, "check", tagged, "--note", note_id)
    assert code == 0 and 'Warning: The section "Summary" is not written yet' in out

    target = tmp_path / "note.md"
    code, _, err = run(capsys, "export", tagged, "--note", note_id, "-o", target)
    assert code == 0 and target.exists()
    assert guidance not in target.read_text(encoding="utf-8")
    docx_target = tmp_path / "note.docx"
    assert run(capsys, "export", tagged, "--note", note_id, "-o", docx_target)[0] == 0
    document = docx.Document(str(docx_target))
    assert all(guidance not in p.text for p in document.paragraphs)

    strict = tmp_path / "strict.md"
    code, _, err = run(capsys, "export", tagged, "--note", note_id, "-o", strict, "--strict")
    assert code == 1 and "not written yet" in err and not strict.exists()


def test_an_articles_details_put_right_reach_the_next_exports_footnotes(
    tagged: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    note = draft(capsys, tagged, "--themes", "Trade")
    port = next(a for a in run_json(capsys, "articles", tagged) if a["title"].startswith("Port"))
    target = tmp_path / "note.md"
    assert run(capsys, "export", tagged, "--note", note["id"], "-o", target)[0] == 0
    assert "Harbour Gazette" not in target.read_text(encoding="utf-8")

    code, out, err = run(
        capsys, "articles", tagged, "edit", port["id"], "--publisher", "Harbour Gazette",
        "--author", "Ana Costa", "--date", "14 March 2025", "--url", "https://gazette.example/deal",
    )  # fmt: skip
    assert code == 0, err
    assert "Harbour Gazette" in out and "2025-03-14" in out
    shown = run_json(capsys, "show", tagged, port["id"])
    assert isinstance(shown, dict)
    assert (shown["publisher"], shown["author"], shown["published"], shown["url"]) == (
        "Harbour Gazette", "Ana Costa", "2025-03-14", "https://gazette.example/deal"
    )  # fmt: skip
    assert run(capsys, "export", tagged, "--note", note["id"], "-o", target)[0] == 0
    notes = target.read_text(encoding="utf-8").split("[^1]:", 1)[1]
    assert "Harbour Gazette" in notes and "Costa" in notes and "gazette.example/deal" in notes


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--url", "file:///etc/passwd"), "not a web address"),
        (("--date", "14th of never"), "is not a date"),
        (("--date", "31/02/2025"), "There is no such day"),
        (("--title", "  "), "needs a title"),
    ],
)
def test_details_that_cannot_be_cited_are_refused_and_change_nothing(
    tagged: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], says: str
) -> None:
    before = run_json(capsys, "articles", tagged)
    code, _, err = run(capsys, "articles", tagged, "edit", "1", *args)
    assert code == 1 and says in err and err.count("\n") == 1
    assert run_json(capsys, "articles", tagged) == before


def test_an_article_is_deleted_with_its_passages(
    tagged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = next(a for a in run_json(capsys, "articles", tagged) if a["title"].startswith("Port"))
    code, out, err = run(capsys, "articles", tagged, "delete", port["id"])
    assert code == 0, err
    assert "3 passages" in out
    titles = [a["title"] for a in run_json(capsys, "articles", tagged)]
    assert titles and not any(t.startswith("Port") for t in titles)
    assert run_json(capsys, "passages", tagged) == []
    code, _, err = run(capsys, "articles", tagged, "delete", port["id"])
    assert code == 1 and "no article" in err


def test_a_relative_link_an_importer_stored_does_not_block_editing_the_publisher(
    tagged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    with sqlite3.connect(tagged) as conn:  # as a page with a relative canonical link left it
        conn.execute("UPDATE articles SET url = '/world/port-reopens' WHERE id = 1")
    conn.close()
    code, out, err = run(capsys, "articles", tagged, "edit", "1", "--publisher", "Gazette")
    assert code == 0, err
    assert "Gazette" in out and "/world/port-reopens" in out
    code, _, err = run(capsys, "articles", tagged, "edit", "1", "--url", "/elsewhere")
    assert code == 1 and "not a web address" in err  # what the analyst types is checked


def test_the_check_says_which_command_fills_in_a_missing_date_or_publisher(
    tagged: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    note = draft(capsys, tagged, "--themes", "Trade")
    port = next(a for a in run_json(capsys, "articles", tagged) if a["title"].startswith("Port"))
    assert (
        run(capsys, "articles", tagged, "edit", port["id"], "--date", "", "--publisher", "")[0] == 0
    )
    code, out, _ = run(capsys, "check", tagged, "--note", note["id"])
    hint = f"briefer articles {tagged} edit {port['id']} --date YYYY-MM-DD --publisher NAME"
    assert code == 0 and f"To add it: {hint}" in out.splitlines()
    code, _, err = run(capsys, "export", tagged, "--note", note["id"], "-o", tmp_path / "n.md")
    assert code == 0 and f"briefer: to add it: {hint}" in err.splitlines()
    assert run(capsys, "articles", tagged, "edit", port["id"], "--date", "2025-03-14",
               "--publisher", "Harbour Gazette")[0] == 0  # fmt: skip
    assert "To add it" not in run(capsys, "check", tagged, "--note", note["id"])[1]


def test_a_draft_is_dated_as_the_date_is_typed_or_refused_in_one_line(
    tagged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = draft(capsys, tagged, "--date", "3 March 2025")
    assert note["date"] == "2025-03-03"
    listed = run_json(capsys, "notes", tagged)
    assert isinstance(listed, list)
    assert [n["date"] for n in listed if n["id"] == note["id"]] == ["2025-03-03"]
    code, out, _ = run(capsys, "draft", tagged, "--title", "Earlier", "--date", "04/03/2025")
    assert code == 0 and "dated 2025-03-04" in out  # day first, as the window reads it
    code, _, err = run(capsys, "draft", tagged, "--title", "Later", "--date", "soon")
    assert code == 2 and "“soon” is not a date" in err and err.count("\n") == 1
