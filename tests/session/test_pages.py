"""The estimate the Composer and `briefer notes --json` show: a note read from a real project.

Checked against the same layout over the same export document, and against the
command line's `pages` key, so the window, the CLI and the calibrated estimate
are one figure.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters.document import build_document
from briefer.exporters.page_estimate import estimate_pages
from briefer.exporters.page_profile import PageProfile
from briefer.session import Session
from briefer.session.export import cited_material, find_citation_style
from briefer.session.note_commands import AddNoteCommand
from briefer.session.pages import PageCounter, page_profile

PARAGRAPH = "The minister said trade talks would resume next week after a pause. " * 6


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "p.briefer"
    with Session.create(path) as session:
        for title, parts in (("Short", 1), ("Long", 30)):
            body = "\n\n".join(PARAGRAPH for _ in range(parts))
            session.do(AddNoteCommand(Note(title, sections=(Section("Summary", body),))))
    yield path


def test_estimate_is_the_layout_of_the_notes_export_document(project: Path) -> None:
    with Session.open(project) as session:
        counter = PageCounter()
        notes = [session.query.get_note(n.id) for n in session.query.list_notes() if n.id]
        for note in notes:
            passages, articles = cited_material(session.query, note)
            expected = estimate_pages(build_document(note, passages, articles), page_profile())
            assert counter.estimate(session.query, note) == expected
        short, long = (counter.estimate(session.query, n).length for n in notes)
        assert short < 1 < 3 < long


def test_an_unsaved_edit_changes_the_estimate(project: Path) -> None:
    with Session.open(project) as session:
        note = session.query.get_note(session.query.list_notes()[0].id or 0)
        counter = PageCounter()
        before = counter.estimate(session.query, note).length
        longer = Section("More", "\n\n".join(PARAGRAPH for _ in range(20)), position=1)
        edited = Note(note.title, sections=(*note.sections, longer))
        assert counter.estimate(session.query, edited).length > before + 2


def test_notes_json_gives_each_notes_pages(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["notes", str(project), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    pages = {n["title"]: n["pages"] for n in listed}
    with Session.open(project) as session:
        counter = PageCounter()
        for summary in session.query.list_notes():
            note = session.query.get_note(summary.id or 0)
            assert pages[note.title] == counter.estimate(session.query, note).length
    assert isinstance(pages["Long"], float) and pages["Short"] < 1 < 3 < pages["Long"]


def test_a_reference_that_cannot_be_read_falls_back_to_the_default_page(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    counter = PageCounter(broken)
    assert counter.profile == PageProfile()
    assert counter.document(Note("N"), {}, {}).metadata.title == "N"


@pytest.mark.parametrize("style", [None, "chicago", "chicago-ibid", "apa"])
def test_the_kept_sections_make_the_document_build_document_makes(style: str | None) -> None:
    """Each section is parsed alone and kept; joined, footnotes and lists number note-wide,
    and a style's forms (short notes, "Ibid.", author-date) follow the whole note."""
    body = "Intro [@p1].\n\n- one [@p2]\n- two\n\n1. first\n2. second [@p1]"
    table = "| A | B |\n|---|---|\n| x [@p3] | y [@p2] |"
    note = Note("N", marking="OFFICIAL", sections=(
        Section("One", body, position=0),
        Section("Two", table + "\n\n" + body.replace("p1", "p4"), level=2, position=1),
        Section("Three", "[@p9] gone, and " + body, position=2),
    ))  # fmt: skip
    articles = {i: Article(f"Article {i}", "...", publisher="P", id=i) for i in (1, 2)}
    passages = {i: Passage(1 + i % 2, 0, 1, "x", id=i) for i in (1, 2, 3, 4)}
    counter = PageCounter(citation_style=style)
    whole = build_document(note, passages, articles, find_citation_style(style) if style else None)
    for _ in range(2):  # built, then from what was kept
        joined = counter.document(note, passages, articles)
        assert joined.blocks == whole.blocks
        assert joined.footnotes == whole.footnotes and joined.sources == whole.sources
        assert joined.metadata.marking == "OFFICIAL"


@pytest.mark.parametrize("style", [None, "chicago"])
def test_the_estimate_leaves_out_the_unwritten_sections_the_export_leaves_out(
    style: str | None,
) -> None:
    """A section holding only guidance is not printed, and its heading fills no page;
    a parent kept for its written sub-section is printed, though alone it is unwritten."""
    note = Note("N", sections=(
        Section("Summary", "Calm week [@p1].", position=0, guidance="The judgement."),
        Section("Background", "", position=1, guidance="What led here."),
        Section("Key developments", "", position=2, guidance="Theme by theme."),
        Section("Trade", "Exports rose [@p1].", level=2, position=3),
        Section("Outlook", "", position=4, guidance="What next."),
    ))  # fmt: skip
    articles = {1: Article("Article 1", "...", publisher="P", id=1)}
    passages = {1: Passage(1, 0, 1, "x", id=1)}
    counter = PageCounter(citation_style=style)
    whole = build_document(note, passages, articles, find_citation_style(style) if style else None)
    for _ in range(2):  # built, then from what was kept
        joined = counter.document(note, passages, articles)
        headings = [b.runs[0].text for b in joined.blocks if b.kind == "heading"]
        assert headings == ["Summary", "Key developments", "Trade"]
        assert joined.blocks == whole.blocks and joined.footnotes == whole.footnotes


def test_the_estimate_lays_out_the_footnotes_the_export_writes(tmp_path: Path) -> None:
    """Chicago's short notes after the first are shorter than the plain form repeated; an
    author-date style has no footnotes but longer paragraphs: what the export builds."""
    title = "Steel deal signed after a long night of talks in Brussels: what it means"
    articles = {1: Article(title, "...", publisher="The Courier", author="Zoe Young",
                           url="https://example.org/steel", id=1)}  # fmt: skip
    passages = {i: Passage(1, 0, 1, "x", id=i) for i in range(1, 41)}
    body = "\n\n".join(f"Point {i} of the deal [@p{i}]. Another claim [@p{i}]." for i in passages)
    note = Note("N", sections=(Section("Summary", body),))
    plain = PageCounter(citation_style=None).document(note, passages, articles)
    chicago = PageCounter().document(note, passages, articles)
    apa = PageCounter(citation_style="apa").document(note, passages, articles)
    assert len(plain.footnotes) == 40 and len(chicago.footnotes) == 80 and not apa.footnotes
    assert chicago.footnotes[0].text.startswith("Zoe Young, “Steel Deal Signed")
    short = "Young, “Steel Deal Signed.”"  # four words at most (CMOS 13.32), less "after"
    assert chicago.footnotes[1].text == chicago.footnotes[5].text == short
    assert "(Young" in "".join(r.text for r in apa.blocks[1].runs)
    assert chicago == build_document(note, passages, articles, find_citation_style("chicago"))


def test_a_style_that_cannot_be_read_estimates_in_the_plain_form(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csl"
    broken.write_text("not a style", encoding="utf-8")
    articles = {1: Article("Title", "...", publisher="P", id=1)}
    passages = {1: Passage(1, 0, 1, "x", id=1)}
    note = Note("N", sections=(Section("S", "Claim [@p1]."),))
    counter = PageCounter(citation_style=broken)
    assert counter.style is None
    assert counter.document(note, passages, articles) == build_document(note, passages, articles)
