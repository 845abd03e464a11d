"""Imports read only what the user chose, and a full disk is reported, not a traceback."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.importers import registry
from briefer.session import DiskFull, ImportStatus, Session
from tests.conftest import fill_disk
from tests.private_store import store_of

ARTICLE = "Harbour workers in Oranmore agreed a new contract on Tuesday. " * 12


@pytest.fixture
def session(tmp_path: Path) -> Session:
    return Session.create(tmp_path / "work.briefer")


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / "passwords.txt"
    path.parent.mkdir()
    path.write_text("root:SECRET-HASH-x9q:19000:0:99999:7:::\n" * 5, encoding="utf-8")
    return path


def _texts(session: Session) -> str:
    project = session.query
    return "\n".join(project.get_article(a.id).text for a in project.list_articles())


def test_folder_import_skips_a_link_to_a_secret_and_says_so(
    session: Session, tmp_path: Path, secret: Path
) -> None:
    chosen = tmp_path / "chosen"
    (chosen / "sub").mkdir(parents=True)
    (chosen / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (chosen / "shadow.txt").symlink_to(secret)
    (chosen / "linked-folder").symlink_to(secret.parent, target_is_directory=True)
    os.mkfifo(chosen / "sub" / "pipe.txt")

    report = session.import_all([chosen])

    assert report.count(ImportStatus.IMPORTED) == 1
    skipped = {Path(o.source).name: o.reason for o in report.outcomes if o.status == "skipped"}
    assert set(skipped) == {"shadow.txt", "linked-folder", "pipe.txt"}
    assert "link" in skipped["shadow.txt"] and "pipe" in skipped["pipe.txt"]
    assert "SECRET-HASH" not in _texts(session)
    originals = [store_of(session).get_original(a.id) for a in session.query.list_articles()]
    assert all(o is not None and b"SECRET-HASH" not in o.data for o in originals)
    assert "1 skipped" not in report.summary and "3 skipped" in report.summary


def test_a_link_swapped_in_after_the_folder_was_listed_is_not_followed(
    session: Session, tmp_path: Path, secret: Path
) -> None:
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    story = chosen / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    plan = session.plan_import([chosen])
    story.unlink()
    story.symlink_to(secret)  # the race a hostile folder could win

    outcomes = list(session.import_files(plan))

    assert [o.status for o in outcomes] == [ImportStatus.FAILED]
    assert "link" in outcomes[0].reason
    assert session.query.list_articles() == []


def test_a_link_the_user_chose_directly_is_followed(session: Session, tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "shortcut.txt").symlink_to(real)
    report = session.import_all([tmp_path / "shortcut.txt"])
    assert report.count(ImportStatus.IMPORTED) == 1


def test_a_pipe_chosen_directly_is_refused_without_blocking(
    session: Session, tmp_path: Path
) -> None:
    os.mkfifo(tmp_path / "feed.txt")  # opening it for reading would wait for a writer
    report = session.import_all([tmp_path / "feed.txt"])
    assert report.count(ImportStatus.FAILED) == 1
    assert "pipe" in report.outcomes[0].reason


def test_cli_folder_import_reports_the_skipped_link(
    tmp_path: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "cli.briefer"
    assert main(["new", str(project)]) == 0
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    (chosen / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (chosen / "etc-shadow.txt").symlink_to(secret)
    capsys.readouterr()
    code = main(["import", str(project), str(chosen)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "skipped" in out and "etc-shadow.txt" in out
    assert "1 skipped" in out


# -- a full disk during an import ------------------------------------------------------


def _fail_writes_with_disk_full(monkeypatch: pytest.MonkeyPatch, after: int) -> None:
    """Make the store's article inserts fail as SQLite does when the disk is full."""
    from briefer.store import articles

    real = articles.add_article
    calls = {"n": 0}

    def add_article(*args: object, **kwargs: object) -> int:
        calls["n"] += 1
        if calls["n"] > after:
            raise sqlite3.OperationalError("database or disk is full")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(articles, "add_article", add_article)


def _three_stories(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(3):
        path = folder / f"story-{n}.txt"
        path.write_text(f"Story {n}. " + ARTICLE.replace("Oranmore", f"Port {n}"), "utf-8")
        paths.append(path)
    return paths


def test_injected_disk_full_keeps_the_per_file_report(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stories = _three_stories(tmp_path / "in")
    _fail_writes_with_disk_full(monkeypatch, after=1)
    report = session.import_all(stories)
    assert [o.status for o in report.outcomes] == ["imported", "failed", "failed"]
    assert isinstance(report.stopped_by, DiskFull)
    assert str(report.stopped_by).startswith(f"The disk holding {tmp_path} is full;")
    assert "Nothing was lost" in report.outcomes[1].reason
    assert len(session.query.list_articles()) == 1


def test_cli_import_on_a_full_disk_prints_the_report_and_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "cli.briefer"
    assert main(["new", str(project)]) == 0
    stories = _three_stories(tmp_path / "in")
    _fail_writes_with_disk_full(monkeypatch, after=1)
    capsys.readouterr()
    code = main(["import", str(project), *map(str, stories)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.count("imported  ") == 1 and out.count("failed  ") == 2
    assert err.splitlines() == [
        f"briefer: The disk holding {tmp_path} is full; free some space and try again."
        " Nothing was lost."
    ]
    assert "Traceback" not in out + err and "report it" not in err
    assert not (tmp_path / f".~{project.name}.lock").exists()


def test_real_full_disk_import_then_space_freed(
    small_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = small_disk / "tiny.briefer"
    assert main(["new", str(project)]) == 0
    big = tmp_path / "in"
    big.mkdir()
    stories = []
    for n in range(6):  # each ~300 kB of distinct text: more than the disk has left
        path = big / f"long-{n}.txt"
        words = " ".join(f"w{n}x{i}" for i in range(45_000))
        path.write_text(f"Long story {n}.\n\n{words}\n", encoding="utf-8")
        stories.append(path)
    filler = fill_disk(small_disk, leave=400_000)
    capsys.readouterr()

    code = main(["import", str(project), *map(str, stories)])
    out, err = capsys.readouterr()

    assert code == 1
    assert "is full; free some space and try again. Nothing was lost." in err
    assert err.count("\n") == 1 and "Traceback" not in out + err
    assert "failed" in out  # the per-file report is there
    assert not (small_disk / f".~{project.name}.lock").exists()
    imported_before = out.count("imported  ")

    filler.unlink()
    assert main(["import", str(project), str(stories[-1])]) == 0
    capsys.readouterr()
    assert main(["articles", str(project), "--json"]) == 0
    listed = capsys.readouterr().out
    assert listed.count('"id"') == imported_before + 1


def test_registry_reads_no_file_outside_the_plan(tmp_path: Path, secret: Path) -> None:
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    (chosen / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (chosen / "b.txt").symlink_to(secret)
    plan = registry.scan_paths([chosen])
    assert [p.name for p in plan.files] == ["a.txt"]
    assert [s.path.name for s in plan.skipped] == ["b.txt"]


def test_pages_read_badly_are_named_in_the_report_and_by_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scanned = Path(__file__).parents[1] / "data" / "importers" / "pdf" / "part-scanned.pdf"
    project = tmp_path / "cli.briefer"
    assert main(["new", str(project)]) == 0
    capsys.readouterr()
    assert main(["import", str(project), str(scanned)]) == 0
    out = capsys.readouterr().out
    assert "warning: part-scanned.pdf: page 2 has no text layer" in out
    with Session.open(project) as session:
        report = session.import_all([scanned])  # already there: a duplicate, no warning
        assert report.outcomes[0].status == "duplicate"
    fresh = Session.create(tmp_path / "fresh.briefer")
    outcome = fresh.import_all([scanned]).outcomes[0]
    assert outcome.status == "imported" and len(outcome.warnings) == 1
    fresh.close()
