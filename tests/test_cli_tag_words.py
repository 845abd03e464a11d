"""`briefer tag --text` as a user types it: whole words, keyboard punctuation, one-line errors.

tests/data/cli/northern-route.html is pandoc's own typography (`pandoc -s -f markdown+smart
-t html5`, from straight quotes, "--", "---" and "..."): curly quotes and apostrophes,
en and em dashes, an ellipsis, as real articles have them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.cli import main

ROOT = Path(__file__).parents[1]
ARTICLE = ROOT / "tests" / "data" / "cli" / "northern-route.html"


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "brief.briefer"
    assert main(["new", str(path)]) == 0
    assert main(["import", str(path), str(ARTICLE)]) == 0
    capsys.readouterr()
    return path


def tag(project: Path, words: str, *more: str) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "briefer", "tag", str(project), "--article", "1",
         "--text", words, "--theme", "Energy", *more],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("briefer: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    return result.stderr.removeprefix("briefer: ").strip()


@pytest.mark.parametrize(
    ("typed", "passage"),
    [
        ("Eastmark's share of Northland imports", "Eastmark\u2019s share of Northland imports"),
        ('"We are not bound by anyone\'s sanctions,"',
         "\u201cWe are not bound by anyone\u2019s sanctions,\u201d"),
        ("said on Tuesday - and", "said on Tuesday \u2013 and"),
        ("grown to 38 per cent...", "grown to 38 per cent\u2026"),
        ("between 2024-2025", "between 2024\u20132025"),
        ("6,000 km -- but", "6,000 km \u2014 but"),
    ],
)  # fmt: skip
def test_keyboard_typing_tags_the_articles_own_words(
    project: Path, typed: str, passage: str
) -> None:
    result = tag(project, typed, "--json")
    assert result.returncode == 0, result.stderr
    tagged = json.loads(result.stdout)
    assert tagged["text"] == passage and tagged["themes"] == ["Energy"]


def test_the_word_a_is_tagged_where_it_stands_alone(project: Path) -> None:
    result = tag(project, "a", "--json")
    assert result.returncode == 0, result.stderr
    start = json.loads(result.stdout)["start"]
    shown = subprocess.run(
        [sys.executable, "-m", "briefer", "show", str(project), "1", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    text = json.loads(shown.stdout)["text"]
    assert text[start - 1 : start + 11] == " a ministry "


@pytest.mark.parametrize(
    ("typed", "whole"),
    [
        ("astmark and Northland are using", "Eastmark and Northland are using"),
        ("Sea Rout", "Sea Route"),
        ("crude\noi", "crude oil"),
    ],
)
def test_words_cut_from_longer_words_say_what_to_type(
    project: Path, typed: str, whole: str
) -> None:
    message = one_line_error(tag(project, typed))
    typed_line = " ".join(typed.split())
    assert message == (
        f'Article 1 has "{typed_line}" only inside longer words; type whole words, e.g. "{whole}".'
    )
    listed = subprocess.run(
        [sys.executable, "-m", "briefer", "passages", str(project), "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert json.loads(listed.stdout) == []  # nothing was tagged


def test_words_not_there_at_all_keep_the_hint_to_look(project: Path) -> None:
    message = one_line_error(tag(project, "pipeline to the south"))
    assert message == (
        f'Article 1 does not contain "pipeline to the south". '
        f"Check the words with `briefer show {project} 1`."
    )
