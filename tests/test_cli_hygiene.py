"""What the CLI prints from a file is seen, never acted on: an escape sequence, a newline
or a right-to-left override in a name, a title or an author is shown as text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.core.model import Article, Block, BlockKind
from briefer.session import Session
from tests.private_store import store_of

ROOT = Path(__file__).parents[1]

ESC_RED = "\x1b[31m"
RLO = "\u202e"
CSI = "\x9b"
TEXT = "Harbour workers in Oranmore agreed a new contract on Tuesday. " * 4
RAW = (ESC_RED, RLO, CSI, "\x07", "\x08")


def _crafted_project(tmp_path: Path) -> Path:
    """A project someone else wrote, holding what no import would store any more."""
    path = tmp_path / "crafted.briefer"
    with Session.create(path) as session:
        text = f"Oranmore deal\n\n{TEXT}\x1b]0;owned\x07{CSI}2J"
        store_of(session).add_article(
            Article(
                f"Oranmore{ESC_RED} deal{RLO}txt.exe",
                text,
                (
                    Block(BlockKind.HEADING, 0, 13, level=1),
                    Block(BlockKind.PARAGRAPH, 15, len(text)),
                ),
                author=f"Anna{ESC_RED} Groot",
                publisher=f"Coastal\nGazette{CSI}",
                source_name=f"story{ESC_RED}.html",
            )
        )
    return path


def test_show_and_listings_print_control_characters_visibly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _crafted_project(tmp_path)
    for command in (["show", str(project), "1"], ["articles", str(project)],
                    ["search", str(project), "Oranmore"]):  # fmt: skip
        assert main(command) == 0
        out = capsys.readouterr().out
        assert not any(raw in out for raw in RAW), command
        assert "Oranmore\\e[31m deal<U+202E>txt.exe" in out, command
    assert main(["show", str(project), "1"]) == 0
    out = capsys.readouterr().out
    assert "Author: Anna\\e[31m Groot" in out
    assert "Publisher: Coastal\\nGazette\\x9b" in out
    assert TEXT.strip() in out  # the text keeps its lines


def test_json_output_escapes_what_a_terminal_would_act_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _crafted_project(tmp_path)
    assert main(["show", str(project), "1", "--json"]) == 0
    out = capsys.readouterr().out
    assert not any(raw in out for raw in RAW)
    data = json.loads(out)  # the same values, escaped
    assert data["author"] == f"Anna{ESC_RED} Groot"
    assert data["title"] == f"Oranmore{ESC_RED} deal{RLO}txt.exe"
    assert data["publisher"] == f"Coastal\nGazette{CSI}"


def test_folder_import_prints_each_odd_name_on_its_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.briefer"
    assert main(["new", str(project)]) == 0
    folder = tmp_path / "folder"
    folder.mkdir()
    names = [f"ctl{ESC_RED}red\x07.txt", "new\nline.txt", f"rtl{RLO}txt.exe.txt"]
    for number, name in enumerate(names):
        (folder / name).write_text(f"Story {number}\n\n{TEXT} Number {number}.", encoding="utf-8")
    (folder / f"empty{ESC_RED}.txt").write_bytes(b"")
    capsys.readouterr()

    assert main(["import", str(project), str(folder)]) == 1  # the empty file failed
    out = capsys.readouterr().out
    assert not any(raw in out for raw in RAW)
    lines = out.splitlines()
    assert len(lines) == 5  # four files and the summary: no name broke a line
    assert any("ctl\\e[31mred\\x07.txt" in line for line in lines)
    assert any("new\\nline.txt" in line for line in lines)
    assert any("rtl<U+202E>txt.exe.txt" in line for line in lines)
    failed = next(line for line in lines if line.startswith("failed"))
    assert failed.count("empty\\e[31m.txt") == 2  # in the name and in the reason


def test_info_prints_a_crafted_project_title_visibly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A project file received from someone else carries its own title."""
    project = tmp_path / "evil.briefer"
    Session.create(project, title=f"Evil\x1b]0;pwned\x07{ESC_RED}RED").close()
    assert main(["info", str(project)]) == 0
    out = capsys.readouterr().out
    assert not any(raw in out for raw in RAW)
    assert "Evil\\e]0;pwned\\x07\\e[31mRED" in out


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path) -> None:
    """`briefer show P 1 | head`: the pipe closes after a few lines; the command stops
    with SIGPIPE's status and says nothing (it said "briefer: Broken pipe")."""
    project = tmp_path / "long.briefer"
    text = " ".join(f"Paragraph {i} of a long report on the harbour." for i in range(20_000))
    with Session.create(project) as session:
        store_of(session).add_article(
            Article(title="Long", text=text, blocks=(Block(BlockKind.PARAGRAPH, 0, len(text)),))
        )
    env = {**os.environ, "BRIEFER_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "briefer", "show", str(project), "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.read(100)  # the first lines, as `head` reads them, then it goes
    child.stdout.close()
    error = child.stderr.read().decode()
    assert child.wait(timeout=60) == 141 and error == ""
