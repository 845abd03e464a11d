"""`briefer export --style` and `briefer styles`, run as an analyst runs them, on a real project."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import docx
import pytest

from briefer.cli import main
from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Original, Passage, Section
from briefer.session import AddNoteCommand, Session, UpdateNoteCommand
from briefer.settings import Settings, resolve_paths, save_settings
from tests.private_store import store_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """One article by Jane Smith, quoted twice in a row, and an untitled-author report."""
    path = tmp_path / "styles.briefer"
    text = "The harbour deal was signed on Tuesday. Grain exports will rise by 40%."
    with Session.create(path, title="Styles") as session:
        project = store_of(session)  # passages with no theme: no command makes those
        article = Article(
            title="Harbour deal signed",
            text=text,
            publisher="The Northland Times",
            author="Jane Smith",
            published=dt.date(2025, 3, 4),
            url="https://example.org/harbour",
            imported_at=dt.datetime(2025, 3, 5, tzinfo=dt.UTC),
        )
        article_id = project.add_article(article, Original("a.txt", "text/plain", text.encode()))
        first = project.add_passage(Passage(article_id, 0, 39, text[:39]))
        second = project.add_passage(Passage(article_id, 40, len(text), text[40:]))
        body = quotation_markdown(text[:39], first) + "\n\n" + quotation_markdown(text[40:], second)
        session.do(AddNoteCommand(Note(title="Harbour", sections=(Section("Summary", body),))))
    return path


def _footnote_texts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("word/footnotes.xml"))
    notes = root.iter(f"{W}footnote")
    return [
        "".join(t.text or "" for t in n.iter(f"{W}t")).strip()
        for n in notes
        if n.get(f"{W}type") in (None, "normal")
    ]


@pytest.mark.parametrize(
    ("language", "first_note", "short_note"),
    [
        ("en-US", "Jane Smith, “Harbour Deal Signed,” The Northland Times, March 4, 2025",
         "Smith, “Harbour Deal Signed.”"),
        # Chicago declares no default-locale (and carries an en-GB locale of its own):
        # a British note gets British dates and quotation marks (CSL 1.0.2).
        ("en-GB", "Jane Smith, ‘Harbour Deal Signed’, The Northland Times, 4 March 2025",
         "Smith, ‘Harbour Deal Signed’."),
    ],
)  # fmt: skip
def test_default_is_chicago_notes_in_the_settings_language(
    project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    language: str,
    first_note: str,
    short_note: str,
) -> None:
    save_settings(resolve_paths(), Settings(language=language))
    target = tmp_path / "note.docx"
    code, out, err = run(capsys, "export", project, "--note", 1, "-o", target, "--json")
    assert code == 0, err
    assert json.loads(out)["style"] == "chicago-notes-bibliography"
    first, second = _footnote_texts(target)
    assert first.startswith(first_note)
    assert second == short_note


def test_style_apa_cites_in_the_text_without_footnotes(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "note.docx"
    code, out, err = run(capsys, "export", project, "--note", 1, "-o", target, "--style", "apa")
    assert code == 0, err
    assert "(0 footnotes)" in out
    assert _footnote_texts(target) == []
    word = docx.Document(str(target))
    quotes = [p.text for p in word.paragraphs if p.style.name == "Quote"]
    assert quotes == [
        "‘The harbour deal was signed on Tuesday.’ (Smith, 2025)",
        "‘Grain exports will rise by 40%.’ (Smith, 2025)",
    ]
    bibliography = [p.text for p in word.paragraphs if p.style.name == "Bibliography"]
    assert bibliography == [
        "Smith, J. (2025, March 4). Harbour deal signed. The Northland Times. "
        "https://example.org/harbour"
    ]


def test_settings_choose_the_style_when_the_flag_does_not(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_settings(resolve_paths(), Settings(citation_style="chicago-ibid"))
    target = tmp_path / "note.md"
    code, _, err = run(capsys, "export", project, "--note", 1, "-o", target)
    assert code == 0, err
    lines = target.read_text(encoding="utf-8").splitlines()
    assert "[^2]: Ibid." in lines


def test_unknown_style_is_one_line_and_writes_nothing(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "note.docx"
    code, _, err = run(capsys, "export", project, "--note", 1, "-o", target, "--style", "vancouvr")
    assert code != 0
    assert err.count("\n") == 1 and "vancouvr" in err and "apa" in err
    assert not target.exists()


def test_styles_lists_the_bundled_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "styles", "--json")
    assert code == 0
    styles = {s["name"]: s for s in json.loads(out)}
    assert {
        "chicago-notes-bibliography",
        "chicago-author-date",
        "apa",
        "harvard-cite-them-right",
        "mhra-notes",
        "oscola",
    } <= set(styles)
    assert styles["chicago-notes-bibliography"]["default"] is True
    assert styles["apa"]["kind"] == "author-date" and styles["oscola"]["kind"] == "notes"
    code, out, _ = run(capsys, "styles")
    assert code == 0 and "APA Style 7th edition" in out


def _set_note_style(project: Path, style: str) -> None:
    with Session.open(project) as session:
        session.do(UpdateNoteCommand(1, citation_style=style))


def test_a_note_s_own_style_wins_over_settings_and_loses_to_the_flag(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_settings(resolve_paths(), Settings(citation_style="chicago-ibid", language="en-GB"))
    _set_note_style(project, "apa")
    (listed,) = json.loads(run(capsys, "notes", project, "--json")[1])
    assert listed["citation_style"] == "apa"

    target = tmp_path / "note.docx"
    code, out, err = run(capsys, "export", project, "--note", 1, "-o", target, "--json")
    assert code == 0, err
    assert json.loads(out)["style"] == "apa" and json.loads(out)["footnotes"] == 0
    assert _footnote_texts(target) == []
    word = docx.Document(str(target))
    quotes = [p.text for p in word.paragraphs if p.style.name == "Quote"]
    assert quotes[0] == "‘The harbour deal was signed on Tuesday.’ (Smith, 2025)"

    flagged = tmp_path / "flagged.docx"
    code, _, err = run(capsys, "export", project, "--note", 1, "-o", flagged, "--style", "chicago")
    assert code == 0, err
    assert _footnote_texts(flagged)[0].startswith("Jane Smith, ‘Harbour Deal Signed’,")

    _set_note_style(project, "")  # back to Preferences
    (listed,) = json.loads(run(capsys, "notes", project, "--json")[1])
    assert listed["citation_style"] == ""
    code, out, _ = run(capsys, "export", project, "--note", 1, "-o", target, "--json")
    assert json.loads(out)["style"] == "chicago-ibid"


def test_a_note_style_that_is_gone_is_one_line_and_writes_nothing(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _set_note_style(project, str(tmp_path / "moved-away.csl"))
    target = tmp_path / "note.docx"
    code, _, err = run(capsys, "export", project, "--note", 1, "-o", target)
    assert code == 1 and err.count("\n") == 1 and "moved-away.csl" in err
    assert not target.exists()


def _word_footnotes(word: Any) -> list[str]:
    """The footnotes of a document python-docx opened, read from its footnotes part."""
    (part,) = [p for p in word.part.package.iter_parts() if p.partname == "/word/footnotes.xml"]
    root = ET.fromstring(part.blob)
    return [
        "".join(t.text or "" for t in n.iter(f"{W}t")).strip()
        for n in root.iter(f"{W}footnote")
        if n.get(f"{W}type") in (None, "normal")
    ]


HARVARD = {
    "en-GB": "Smith, J. (2025) ‘Harbour deal signed’, The Northland Times, 4 March. Available at: "
    "https://example.org/harbour (Accessed: 5 March 2025).",
    "en-US": "Smith, J. (2025) “Harbour deal signed,” The Northland Times, 4 March. Available at: "
    "https://example.org/harbour (Accessed: March 5, 2025).",
}
CHICAGO = {
    "en-GB": "Jane Smith, ‘Harbour Deal Signed’, The Northland Times, 4 March 2025, "
    "https://example.org/harbour.",
    "en-US": "Jane Smith, “Harbour Deal Signed,” The Northland Times, March 4, 2025, "
    "https://example.org/harbour.",
}


@pytest.mark.parametrize("language", ["en-GB", "en-US"])
@pytest.mark.parametrize("reference", [False, True])
def test_a_word_export_cites_in_the_settings_language(
    project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    language: str,
    reference: bool,
) -> None:
    """Read back with python-docx: Harvard's bibliography and Chicago's footnotes in the
    note's language, also where a reference document decides the Word file's own."""
    save_settings(resolve_paths(), Settings(language=language))
    options: list[object] = []
    if reference:
        options = ["--reference-doc", tmp_path / "house.docx"]
        docx.Document().save(str(tmp_path / "house.docx"))
    harvard, chicago = tmp_path / "harvard.docx", tmp_path / "chicago.docx"
    for style, target in (("harvard", harvard), ("chicago", chicago)):
        code, _, err = run(capsys, "export", project, "--note", 1, "-o", target, "--style",
                           style, *options)  # fmt: skip
        assert code == 0, err
    word = docx.Document(str(harvard))
    assert [p.text for p in word.paragraphs if p.style.name == "Bibliography"] == [
        HARVARD[language]
    ]
    assert _word_footnotes(word) == []
    notes = _word_footnotes(docx.Document(str(chicago)))
    assert notes[0] == CHICAGO[language]


def test_exporting_in_en_gb_then_en_us_from_one_project_gives_each_its_dates(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What an export kept (in the process, the project and the cache folder) is for its
    locale only: the next export in another language renders afresh."""
    from briefer.exporters.citations_csl import forget_styles

    def exported(language: str, name: str) -> str:
        save_settings(
            resolve_paths(),
            Settings(language=language, citation_style="harvard", keep_citation_renderings=True),
        )
        target = tmp_path / name
        code, _, err = run(capsys, "export", project, "--note", 1, "-o", target)
        assert code == 0, err
        return target.read_text(encoding="utf-8")

    forget_styles()
    british = exported("en-GB", "gb.md")
    american = exported("en-US", "us.md")  # the en-GB parse is still in this process
    assert "(Accessed: 5 March 2025)" in british and "March 5, 2025" not in british
    assert "(Accessed: March 5, 2025)" in american and "5 March 2025" not in american
    forget_styles()  # as a new process: the project and the cache folder hold both
    assert exported("en-GB", "gb-again.md") == british
    forget_styles()
    assert exported("en-US", "us-again.md") == american
    forget_styles()
