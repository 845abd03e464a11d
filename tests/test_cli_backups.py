"""Backups from the command line: they survive bursts of commands, list, restore, and warn."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from briefer.cli import SUBCOMMANDS, _wants_window, main
from briefer.store import Project, list_backups
from briefer.store import backups as store_backups

DATA = Path(__file__).parent / "data" / "cli"
PORT_WORDS = ("port authority of Westhaven", "container harbour", "new berths")
EDIT_WORDS = ("framework agreement", "rail link", "fuel terminal", "liquefied natural gas",
              "Exports of grain", "end of the decade")  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], *args: object) -> str:
    code, out, err = run(capsys, *args)
    assert code == 0, err
    assert err == "", err
    return out


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def project(tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "brief.briefer"
    ok(capsys, "--home", home, "new", path)
    ok(capsys, "--home", home, "import", path, DATA / "harbour-deal.txt")
    ok(capsys, "--home", home, "themes", path, "add", "Ports")
    for words in PORT_WORDS:
        ok(capsys, "--home", home, "tag", path, "--article", 1, "--text", words, "--theme", "Ports")
    return path


def _passage_texts(path: Path) -> set[str]:
    with Project.open(path, read_only=True) as copy:
        return {p.text for p in copy.list_passages()}


def test_a_deleted_theme_survives_twelve_later_commands(
    project: Path, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The tester's story: delete a theme with passages, then work on through the CLI."""
    out = ok(capsys, "--home", home, "themes", project, "delete", "Ports")
    assert "3 passages" in out
    assert _passage_texts(project) == set()
    for n in range(12):  # each command opens the project for writing: one backup each
        if n % 2:
            ok(capsys, "--home", home, "themes", project, "rename",
               "Trade" if n == 1 else f"Trade {n - 2}", f"Trade {n}")  # fmt: skip
        else:
            words = EDIT_WORDS[n // 2]
            ok(capsys, "--home", home, "tag", project, "--article", 1, "--text", words,
               "--theme", "Energy")  # fmt: skip

    backups = list_backups(home / "data" / "backups", project)
    holding = [b for b in backups if set(PORT_WORDS) <= _passage_texts(b)]
    assert holding, "no backup still holds the passages of the deleted theme"

    listed = json.loads(ok(capsys, "--home", home, "backups", project, "--json"))
    assert [e["number"] for e in listed] == list(range(1, len(listed) + 1))
    before = [e for e in listed if e["reason"] == 'before deleting theme "Ports"']
    assert len(before) == 1 and before[0]["passages"] == 3
    restored = tmp_path / "restored.briefer"
    ok(capsys, "--home", home, "restore", project, before[0]["number"], "--to", restored)
    assert set(PORT_WORDS) <= _passage_texts(restored)
    themes = json.loads(ok(capsys, "--home", home, "themes", restored, "--json"))
    assert {t["name"]: t["passages"] for t in themes}["Ports"] == 3
    assert _passage_texts(project) >= set(EDIT_WORDS)  # the project itself is untouched


def test_backups_lists_newest_first_with_reasons(
    project: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok(capsys, "--home", home, "themes", project, "delete", "Ports")
    out = ok(capsys, "--home", home, "backups", project)
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["#", "Taken"]
    assert lines[1].split()[0] == "1" and lines[1].endswith('before deleting theme "Ports"')
    assert all(line.rstrip().endswith("opened") for line in lines[2:])
    assert len(lines) - 1 == len(list_backups(home / "data" / "backups", project))


def test_backups_of_a_project_without_any(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = ok(capsys, "--home", home, "backups", tmp_path / "never.briefer")
    assert out.startswith("No backups of ")
    assert json.loads(ok(capsys, "--home", home, "backups", tmp_path / "x.briefer", "--json")) == []


def test_restore_a_backup_file_but_never_over_a_file(
    project: Path, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newest = list_backups(home / "data" / "backups", project)[0]
    target = tmp_path / "copy.briefer"
    out = ok(capsys, "--home", home, "restore", newest, "--to", target)
    assert str(target) in out and len(_passage_texts(target)) == 2  # before the third tag
    before = project.read_bytes()
    for existing in (target, project):
        code, _out, err = run(capsys, "--home", home, "restore", newest, "--to", existing)
        assert (
            code == 1 and err.startswith("briefer: A file already exists") and err.count("\n") == 1
        )
    assert project.read_bytes() == before


def test_restore_by_a_number_that_does_not_exist(
    project: Path, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys, "--home", home, "restore", project, 99, "--to", tmp_path / "n.briefer"
    )
    assert code == 1 and "no backup number 99" in err and err.count("\n") == 1
    assert not (tmp_path / "n.briefer").exists()


def test_restore_help_documents_both_shapes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["restore", "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    flat = " ".join(out.split())
    assert "briefer restore PROJECT N --to NEW.briefer" in flat
    assert "briefer restore BACKUP_FILE --to NEW.briefer" in flat
    assert {"backups", "restore"} <= set(SUBCOMMANDS)
    assert not _wants_window(["--home", "h", "backups", "p.briefer"])


def test_a_read_only_backups_folder_warns_in_one_line_and_carries_on(
    project: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backups = home / "data" / "backups"
    backups.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        code, out, err = run(capsys, "--home", home, "tag", project, "--article", 1, "--text",
                             "rail link", "--theme", "Trade")  # fmt: skip
    finally:
        backups.chmod(stat.S_IRWXU)
    assert code == 0 and out.startswith("Tagged passage")
    assert err.count("\n") == 1
    assert err.startswith("briefer: warning: could not back up brief.briefer into ")
    assert "rail link" in _passage_texts(project)


def test_a_full_disk_warns_before_a_delete_too(
    project: Path, home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store_backups, "copy_database", no_space)
    code, out, err = run(capsys, "--home", home, "themes", project, "delete", "Ports")
    assert code == 0 and out.startswith('Deleted theme "Ports"')
    lines = err.splitlines()
    assert len(lines) == 2  # the open's backup, then the one before deleting
    assert all(
        line.startswith("briefer: warning: could not back up") and "no space left" in line
        for line in lines
    )
