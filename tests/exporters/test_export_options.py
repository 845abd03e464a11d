"""Export options from end to end: `briefer export --flavour/--page-size`, and the settings.

Real project files through the CLI, the DOCX read back from its zip.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import docx
import pytest

from briefer.cli import main
from briefer.exporters import ExportError, export_note
from briefer.settings import (
    Settings,
    default_language,
    default_page_size,
    load_settings,
    resolve_paths,
    save_settings,
)

DATA = Path(__file__).parents[1] / "data" / "cli"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LOCALE = ("LC_ALL", "LC_PAPER", "LC_MESSAGES", "LANG")


def _cli(capsys: pytest.CaptureFixture[str], *args: object) -> object:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out) if "--json" in args else out


@pytest.fixture
def c_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in LOCALE:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def note_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, int]:
    project = tmp_path / "brief.briefer"
    _cli(capsys, "new", project)
    _cli(capsys, "import", project, DATA / "harbour-deal.txt", "--json")
    articles = _cli(capsys, "articles", project, "--json")
    assert isinstance(articles, list)
    port = next(a for a in articles if a["title"].startswith("Port"))
    words = "The deal, worth $2 billion, covers new berths"
    _cli(capsys, "tag", project, "--article", port["id"], "--text", words, "--theme", "Trade",
         "--json")  # fmt: skip
    drafted = _cli(capsys, "draft", project, "--title", "Harbour: @port $2bn", "--json")
    assert isinstance(drafted, dict)
    return project, int(drafted["id"])


def _page_width(path: Path) -> str | None:
    with zipfile.ZipFile(path) as archive:
        body = ET.fromstring(archive.read("word/document.xml"))
    size = body.find(f"{W}body/{W}sectPr/{W}pgSz")
    return None if size is None else size.get(f"{W}w")


def _language(path: Path) -> str | None:
    with zipfile.ZipFile(path) as archive:
        styles = ET.fromstring(archive.read("word/styles.xml"))
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    return None if lang is None else lang.get(f"{W}val")


@pytest.mark.usefixtures("c_locale")
def test_markdown_flavour_flag(
    note_id: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, note = note_id
    common, pandoc = tmp_path / "common.md", tmp_path / "pandoc.md"
    _cli(capsys, "export", project, "--note", note, "-o", common)
    _cli(capsys, "export", project, "--note", note, "-o", pandoc, "--flavour", "pandoc")
    assert "worth $2 billion" in common.read_text(encoding="utf-8")
    text = pandoc.read_text(encoding="utf-8")
    assert "worth \\$2 billion" in text
    assert 'title: "Harbour: \\\\@port \\\\$2bn"' in text


@pytest.mark.usefixtures("c_locale")
def test_page_size_flag_and_settings(
    note_id: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, note = note_id
    default, letter = tmp_path / "default.docx", tmp_path / "letter.docx"
    _cli(capsys, "export", project, "--note", note, "-o", default)
    _cli(capsys, "export", project, "--note", note, "-o", letter, "--page-size", "Letter")
    assert (_page_width(default), _language(default)) == ("11906", "en-GB")
    assert _page_width(letter) == "12240"

    paths = resolve_paths()
    save_settings(paths, Settings(page_size="Letter", language="fr-FR"))
    from_settings = tmp_path / "settings.docx"
    _cli(capsys, "export", project, "--note", note, "-o", from_settings)
    assert (_page_width(from_settings), _language(from_settings)) == ("12240", "fr-FR")
    a4 = tmp_path / "a4.docx"
    _cli(capsys, "export", project, "--note", note, "-o", a4, "--page-size", "A4")
    assert _page_width(a4) == "11906"

    # A reference document's own page and language win over the settings.
    reference = tmp_path / "house.docx"
    docx.Document().save(str(reference))
    referenced = tmp_path / "referenced.docx"
    _cli(capsys, "export", project, "--note", note, "-o", referenced, "--reference-doc", reference)
    assert _page_width(referenced) == _page_width(reference) == "12240"
    assert _language(referenced) == _language(reference) == "en-US"


def test_unknown_options_are_refused_in_one_sentence(tmp_path: Path) -> None:
    from briefer.core.model import Note

    note = Note(title="T")
    for kwargs, says in (
        ({"format": "docx", "page_size": "B5"}, "Choose A4 or Letter"),
        ({"format": "docx", "language": "British English"}, "like en-GB"),
        ({"format": "md", "flavour": "kramdown"}, "commonmark or pandoc"),
    ):
        with pytest.raises(ExportError, match=says):
            export_note(note, {}, {}, tmp_path / "x.out", **kwargs)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("environ", "page", "language"),
    [
        ({}, "A4", "en-GB"),
        ({"LANG": "C.UTF-8"}, "A4", "en-GB"),
        ({"LANG": "en_GB.UTF-8"}, "A4", "en-GB"),
        ({"LANG": "en_US.UTF-8"}, "Letter", "en-US"),
        ({"LANG": "fr_CA.UTF-8"}, "Letter", "fr-CA"),
        ({"LANG": "de_DE.UTF-8", "LC_ALL": "fr_FR@euro"}, "A4", "fr-FR"),
        ({"LANG": "en_US.UTF-8", "LC_PAPER": "en_GB.UTF-8"}, "A4", "en-GB"),
    ],
)
def test_defaults_follow_the_locale(environ: dict[str, str], page: str, language: str) -> None:
    assert default_page_size(environ) == page
    assert default_language(environ) == language


def test_page_size_and_language_survive_a_settings_round_trip(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path)
    save_settings(paths, Settings(page_size="Letter", language="en-US"))
    loaded = load_settings(paths)
    assert (loaded.settings.page_size, loaded.settings.language, loaded.problem) == (
        "Letter",
        "en-US",
        "",
    )
