"""Files behave like files: after any `briefer` command the project's folder holds what
it held before (a read adds no -wal or -shm) and a write leaves only the .briefer file."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.cli import main

DATA = Path(__file__).parent / "data" / "cli"
ROOT = Path(__file__).resolve().parents[1]


def _cli(*args: object) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    assert code == 0, (args, err.getvalue())
    return out.getvalue()


def _listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def drafted_original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two articles, a tagged passage and a drafted note, built once through the CLI; each
    writing command must leave the folder holding only the project."""
    path = tmp_path_factory.mktemp("drafted") / "brief.briefer"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFER_HOME", str(tmp_path_factory.mktemp("briefer-home")))
        steps: list[list[object]] = [
            ["new", path],
            ["import", path, DATA / "harbour-deal.txt", DATA / "visa-reform.md"],
            ["themes", path, "add", "Ports"],
            ["tag", path, "--article", 1, "--text", "The deal", "--theme", "Ports"],
            ["draft", path, "--title", "Harbour deal"],
        ]
        for step in steps:
            _cli(*step)
            assert _listing(path.parent) == ["brief.briefer"], step
    return path


@pytest.fixture
def drafted(tmp_path: Path, drafted_original: Path) -> Path:
    path = tmp_path / "project" / "brief.briefer"
    path.parent.mkdir()
    shutil.copyfile(drafted_original, path)
    return path


READING = {
    "info": ["info", "{p}"],
    "articles": ["articles", "{p}", "--json"],
    "show": ["show", "{p}", "1"],
    "search": ["search", "{p}", "harbour"],
    "themes": ["themes", "{p}"],
    "passages": ["passages", "{p}", "--theme", "Ports"],
    "notes": ["notes", "{p}"],
    "check": ["check", "{p}", "--note", "1"],
    "figures": ["figures", "{p}", "--note", "1"],
    "qda-export": ["qda", "export", "{p}", "-o", "{out}/brief.qdpx"],
    "merge-from": ["merge", "{out}/into.briefer", "{p}", "--dry-run"],
}


@pytest.mark.parametrize("name", sorted(READING))
def test_a_reading_command_leaves_the_folder_and_the_file_as_they_were(
    name: str, drafted: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    if name == "merge-from":
        _cli("new", out / "into.briefer")
    before, digest = _listing(drafted.parent), _digest(drafted)
    _cli(*(arg.format(p=drafted, out=out) for arg in READING[name]))
    assert _listing(drafted.parent) == before, f"`briefer {name}` left files beside the project"
    assert _digest(drafted) == digest


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_export_leaves_only_the_project(drafted: Path, tmp_path: Path, suffix: str) -> None:
    """Export reads the note, then keeps its rendered citations in the project (a write)."""
    target = tmp_path / f"brief{suffix}"
    _cli("export", drafted, "--note", 1, "-o", target)
    assert target.stat().st_size > 0
    assert _listing(drafted.parent) == ["brief.briefer"]


def test_reading_in_a_real_process_leaves_nothing(drafted: Path) -> None:
    """As the analyst runs it: a process that starts, reads and exits."""
    result = subprocess.run(
        [sys.executable, "-m", "briefer", "info", str(drafted), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles"] == 2
    assert _listing(drafted.parent) == ["brief.briefer"]
