"""`briefer merge PROJECT OTHER` as an analyst runs it: real files, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.core.tempfiles import is_ours
from briefer.session import Session, UpdateThemeCommand
from tests.session.merge_data import add_theme, copy_project, make_project, state, tag


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def laptops(tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of one project, each tagged differently; both closed."""
    with make_project(tmp_path / "a.briefer") as a, copy_project(a, tmp_path / "b.briefer") as b:
        add_theme(b, "Ports", "#00AA00")
        tag(b, "Visa rules", "Ports")
        trade = b.theme_named("Trade")
        assert trade is not None and trade.id is not None
        b.do(UpdateThemeCommand(trade.id, colour="#000000"))
        return a.path, b.path


def read(path: Path) -> dict[str, object]:
    with Session.open(path, read_only=True) as session:
        return state(session)


def test_dry_run_says_what_would_happen_and_changes_nothing(
    laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = laptops
    before = a.read_bytes(), read(a)
    code, out, err = run(capsys, "merge", a, b, "--dry-run")
    assert code == 0, err
    assert out.startswith(f"Would merge {b} into {a}:")
    assert "Themes: 1 added, 6 matched, 1 conflict." in out
    assert "Passages: 1 added" in out and "#000000" in out
    assert read(a) == before[1]
    code, out, _err = run(capsys, "merge", a, b, "--dry-run", "--json")
    data = json.loads(out)
    assert data["dry_run"] is True and data["themes"]["added"] == ["Ports"]
    assert read(a) == before[1]


def test_merge_then_again_adds_nothing(
    laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = laptops
    code, out, err = run(capsys, "merge", a, b, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["passages"]["added"] == 1 and data["themes"]["added"] == ["Ports"]
    assert len(data["themes"]["conflicts"]) == 1  # Trade's colour: this project's kept
    merged = read(a)
    assert ("Ports",) in {p[4] for p in merged["passages"]}  # type: ignore[attr-defined]
    code, out, err = run(capsys, "merge", a, b)
    assert code == 0, err
    assert "(nothing new)" in out.splitlines()[0]
    assert read(a) == merged
    assert run(capsys, "merge", b, a)[0] == 0
    for part in ("articles", "passages", "notes"):  # theme colours differ: each kept its own
        assert read(b)[part] == merged[part]


def test_bad_input_is_one_line_and_changes_nothing(
    laptops: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, _b = laptops
    before = read(a)
    pdf = tmp_path / "report.briefer"
    pdf.write_bytes(b"%PDF-1.4 not a project")
    for args, exit_code in (
        (("merge", a, pdf), 1),
        (("merge", a, tmp_path / "none.briefer"), 1),
        (("merge", a, a), 1),
        (("merge", a, pdf, "--bogus"), 2),
        (("merge", a), 2),
    ):
        code, _out, err = run(capsys, *args)
        assert code == exit_code, (args, err)
        assert err.startswith("briefer: ") and err.count("\n") == 1, err
    assert read(a) == before


def test_an_other_made_by_an_older_briefer_merges_and_stays_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir()
    old = folder / "v2.briefer"
    old.write_bytes((Path(__file__).parent / "data" / "store" / "project-v2.briefer").read_bytes())
    before, listing = old.read_bytes(), sorted(folder.iterdir())
    Session.create(tmp_path / "a.briefer").close()
    ours = sorted(tmp_path.iterdir())
    code, out, err = run(capsys, "merge", tmp_path / "a.briefer", old, "--dry-run", "--json")
    assert code == 0, err
    planned = json.loads(out)
    assert planned["articles"]["added"] == 1 and not err
    code, out, err = run(capsys, "merge", tmp_path / "a.briefer", old, "--json")
    assert code == 0, err
    done = json.loads(out)
    assert {k: v for k, v in done.items() if k != "dry_run"} == {
        k: v for k, v in planned.items() if k != "dry_run"
    }
    with Session.open(tmp_path / "a.briefer", read_only=True) as session:
        titles = {a.title for a in session.query.list_articles()}
        assert "Grain corridor reopens" in titles
        assert len(session.query.list_passages()) == done["passages"]["added"] > 0
    assert old.read_bytes() == before and sorted(folder.iterdir()) == listing
    assert not [p for p in tmp_path.iterdir() if is_ours(p.name)]  # the upgraded copy went
    assert {p.name for p in ours} <= {p.name for p in tmp_path.iterdir()}
