"""The command line as a user runs it: real project files, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefer import __version__
from briefer.cli import main
from briefer.session import Session

DATA = Path(__file__).parent / "data" / "cli"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "brief.briefer"
    code, out, _ = run(capsys, "new", path)
    assert code == 0 and "Trade" in out
    return path


@pytest.fixture
def imported(project: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    report = run_json(capsys, "import", project, DATA / "harbour-deal.txt", DATA / "visa-reform.md")
    assert report["imported"] == 2, report
    return project


def test_new_and_info(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    info = run_json(capsys, "info", project)
    assert info["title"] == "brief"
    assert (info["articles"], info["passages"], info["themes"], info["notes"]) == (0, 0, 6, 0)
    assert info["schema_version"] >= 1 and info["size_bytes"] > 0


def test_new_refuses_to_overwrite(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = project.read_bytes()
    code, _, err = run(capsys, "new", project)
    assert code == 1 and err.startswith("briefer: ") and err.count("\n") == 1
    assert project.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "suggested"),
    [("report.pdf", "report.briefer"), ("notes", "notes.briefer"), ("brief.docx", "brief.briefer")],
)
def test_new_wants_a_briefer_file_name_and_creates_nothing_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, suggested: str
) -> None:
    code, out, err = run(capsys, "new", tmp_path / name)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f'try "{tmp_path / suggested}"' in err
    assert list(tmp_path.iterdir()) == []
    assert run(capsys, "new", tmp_path / "Upper.BRIEFER")[0] == 0  # any case of the suffix


def test_import_list_show(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = run_json(capsys, "articles", imported)
    titles = {a["title"]: a for a in articles}
    assert "Port Authority Signs Harbour Expansion Deal With Northland" in titles
    assert "Eastmark eases visas for skilled professionals" in titles
    visa = titles["Eastmark eases visas for skilled professionals"]
    assert visa["format"] == "markdown" and visa["passages"] == 0 and visa["words"] > 30

    shown = run_json(capsys, "show", imported, str(visa["id"]))
    kinds = [b["kind"] for b in shown["blocks"]]
    assert "heading" in kinds and "list_item" in kinds
    heading = next(b for b in shown["blocks"] if b["kind"] == "heading")
    assert shown["text"][heading["start"] : heading["end"]] == "Labour shortages"
    assert "**" not in shown["text"]

    assert shown["source"] == "visa-reform.md"
    assert shown["original_bytes"] == (DATA / "visa-reform.md").stat().st_size

    code, out, _ = run(capsys, "show", imported, str(visa["id"]))
    assert code == 0 and out.startswith("Eastmark eases visas") and "Hospitals report" in out
    assert "Source: visa-reform.md" in out and "Original: kept in the project" in out


def test_import_reports_duplicates_and_failures_without_stopping(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "broken.docx"
    junk.write_bytes(b"\x00\x01 not a word file at all" * 10)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    fresh = tmp_path / "fresh.txt"
    fresh.write_text("Grain exports rise\n\nGrain exports rose by 12% in October, traders said.\n")
    code, out, _err = run(
        capsys, "import", imported, DATA / "harbour-deal.txt", junk, empty, fresh, "--json"
    )
    report = json.loads(out)
    assert code == 1
    status = {Path(r["source"]).name: r for r in report["results"]}
    assert status["harbour-deal.txt"]["status"] == "duplicate"
    assert status["broken.docx"]["status"] == "failed" and status["broken.docx"]["reason"]
    assert status["empty.txt"]["status"] == "failed" and "empty" in status["empty.txt"]["reason"]
    assert status["fresh.txt"]["status"] == "imported"
    assert len(run_json(capsys, "articles", imported)) == 3


def test_search_ranks_and_marks_hits(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hits = run_json(capsys, "search", imported, "nurses")
    assert len(hits) == 1 and hits[0]["title"].startswith("Eastmark")
    assert "«nurses»" in hits[0]["snippet"]
    for hostile in ('unbalanced "quote AND (', "NEAR(", "-", "*", "grain OR"):
        code, _out, err = run(capsys, "search", imported, hostile)
        assert code == 0, (hostile, err)


def test_search_finds_a_chinese_word_inside_a_sentence(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "tongji.txt"
    source.write_text(
        "统计局发布季度数据\n\n国家统计局周一发布数据，显示第三季度经济增长放缓。\n",
        encoding="utf-8",
    )
    assert run_json(capsys, "import", project, source)["imported"] == 1
    code, out, err = run(capsys, "search", project, "统计局")
    assert code == 0, err
    title, snippet = out.splitlines()[:2]
    assert title.endswith("统计局发布季度数据")
    assert snippet.strip().startswith("国家«统计局»周一")
    code, out, _ = run(capsys, "search", project, "经济增长 -放缓")
    assert code == 0 and out.startswith("No article matches")


def test_themes_add_rename_delete(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "themes", project, "add", "Ports", "--shortcut", "7", "--keywords", "port, harbour*"
    )
    assert code == 0, err
    assert run(capsys, "themes", project, "rename", "Ports", "Maritime")[0] == 0
    themes = {t["name"]: t for t in run_json(capsys, "themes", project)}
    assert themes["Maritime"]["keywords"] == ["port", "harbour*"]
    assert themes["Maritime"]["shortcut"] == "7" and themes["Maritime"]["passages"] == 0
    assert run(capsys, "themes", project, "delete", "Maritime")[0] == 0
    assert "Maritime" not in {t["name"] for t in run_json(capsys, "themes", project)}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "Trade"], "already a theme"),
        (["add", "Ports", "--colour", "blue"], "#RRGGBB"),
        (["add", "Ports", "--shortcut", "1"], "already used"),
        (["rename", "Nope", "X"], 'No theme called "Nope"'),
        (["delete", "Nope"], 'No theme called "Nope"'),
    ],
)
def test_theme_mistakes_are_one_line_errors(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = project.read_bytes()
    code, _out, err = run(capsys, "themes", project, *args)
    assert code == 1 and message in err and err.count("\n") == 1
    assert "Traceback" not in err
    assert project.read_bytes() == before


def test_tag_and_list_passages(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = next(
        a for a in run_json(capsys, "articles", imported) if a["title"].startswith("Port")
    )
    passage = run_json(
        capsys, "tag", imported, "--article", str(article["id"]),
        "--text", "liquefied natural\ngas", "--theme", "Energy", "--theme", "trade",
        "--comment", "check the terminal size",
    )  # fmt: skip
    assert passage["text"] == "liquefied natural gas"
    assert (
        passage["themes"] == ["Energy", "Trade"] and passage["comment"] == "check the terminal size"
    )
    listed = run_json(capsys, "passages", imported, "--theme", "Energy")
    assert [p["id"] for p in listed] == [passage["id"]]
    assert run_json(capsys, "passages", imported, "--theme", "Defence") == []
    counts = {a["id"]: a["passages"] for a in run_json(capsys, "articles", imported)}
    assert counts[article["id"]] == 1 and sum(counts.values()) == 1

    code, _, err = run(
        capsys,
        "tag",
        imported,
        "--article",
        str(article["id"]),
        "--text",
        "no such words",
        "--theme",
        "Trade",
    )
    assert code == 1 and "does not contain" in err


def test_tagging_the_same_words_again_gives_one_passage_with_both_themes(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = next(
        a for a in run_json(capsys, "articles", imported) if a["title"].startswith("Port")
    )
    words = ["tag", imported, "--article", str(article["id"]), "--text", "liquefied natural gas"]
    code, out, err = run(capsys, *words, "--theme", "Trade")
    assert code == 0 and out.startswith("Tagged passage "), err
    code, out, err = run(capsys, *words, "--theme", "Energy")
    assert code == 0 and "Added to passage" in out and "(Trade, Energy)" in out, err
    code, out, _ = run(capsys, *words, "--theme", "energy")  # from a script run twice
    assert code == 0 and out.startswith("Nothing to add: already on passage")
    (passage,) = run_json(capsys, "passages", imported)
    assert passage["themes"] == ["Trade", "Energy"] and passage["text"] == "liquefied natural gas"
    grow = ["--text", "terminal for liquefied", "--theme", "Trade"]  # overlapping: it grows
    code, out, err = run(capsys, "tag", imported, "--article", str(article["id"]), *grow)
    assert code == 0 and out.startswith(f"Extended passage {passage['id']} "), (out, err)
    (passage,) = run_json(capsys, "passages", imported)
    assert passage["text"] == "terminal for liquefied natural gas"
    with Session.open(imported) as session:  # read back from the file itself
        (stored,) = session.query.list_passages()
        assert len(stored.theme_ids) == 2 and stored.uuid


@pytest.mark.parametrize(
    "make",
    [
        lambda p: None,
        lambda p: p.mkdir(),
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(bytes(range(256)) * 64),
        lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 200),
    ],
    ids=["missing", "directory", "empty", "random", "zip"],
)
def test_unreadable_projects_give_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object
) -> None:
    path = tmp_path / "bad.briefer"
    make(path)  # type: ignore[operator]
    for args in (["info", path], ["articles", path], ["themes", path, "add", "X"]):
        code, _out, err = run(capsys, *args)
        assert code == 1, args
        assert err.startswith("briefer: ") and err.count("\n") == 1 and "Traceback" not in err
        assert str(path.name) in err


def test_writer_lock_allows_reading_but_refuses_writing(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Session.open(imported):
        assert len(run_json(capsys, "articles", imported)) == 2
        code, _, err = run(capsys, "themes", imported, "add", "Ports")
        assert code == 1 and "read-only" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "tag", tmp_path / "p.briefer", "--text", "x")
    assert code == 2 and "required" in err


def test_templates_given_a_project_says_how_it_is_typed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Every other command takes PROJECT first; `templates` lists without one."""
    code, out, err = run(capsys, "templates", tmp_path / "p.briefer")
    assert code == 2 and out == ""
    assert "takes no project" in err and "templates save PROJECT --note ID --name NAME" in err
    assert not (tmp_path / "p.briefer").exists()


def test_version_and_real_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefer", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"briefer {__version__}"
    result = subprocess.run(
        [sys.executable, "-m", "briefer", "info", str(tmp_path / "none.briefer")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 1 and result.stderr.startswith("briefer: ")
    assert "Traceback" not in result.stderr


def test_the_command_loads_with_the_cycle_collector_paused_then_runs_with_it(
    tmp_path: Path,
) -> None:
    """The installed `briefer` starts through briefer.launch: modules load without the
    collector, are frozen out of its sight, and the command runs with it enabled."""
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="briefer")
    assert script.value == "briefer.launch:main"
    probe = (
        "import gc, sys\n"
        "from briefer.launch import main\n"
        "sys.argv = ['briefer', 'info', sys.argv[1]]\n"
        "code = main()\n"
        "print(code, gc.isenabled(), gc.get_freeze_count() > 1000, 'briefer.cli' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "none.briefer")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert result.stdout.split() == ["1", "True", "True", "True"]
    assert result.stderr.startswith("briefer: ") and "Traceback" not in result.stderr


def test_a_new_theme_gets_the_next_spare_colour_and_key(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefer.core.palette import NEW_THEME_COLOURS

    code, out, err = run(capsys, "themes", project, "add", "Ports")
    assert code == 0, err
    assert run(capsys, "themes", project, "add", "Quiet", "--shortcut", "")[0] == 0
    themes = {t["name"]: t for t in run_json(capsys, "themes", project)}
    used = {t["colour"].upper() for name, t in themes.items() if name not in ("Ports", "Quiet")}
    assert themes["Ports"]["colour"] == next(c for c in NEW_THEME_COLOURS if c not in used)
    assert themes["Ports"]["shortcut"] == "7" and "key 7" in out  # the defaults use 1-6
    assert themes["Quiet"]["shortcut"] == ""
