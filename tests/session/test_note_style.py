"""A note's own citation style reaches the preview and the page estimate as the export."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.session import NotePreview, Session, note_style
from briefer.session.pages import PageCounter
from tests.private_store import store_of

TEXT = "The harbour deal was signed on Tuesday. Grain exports will rise by 40%."


def _note(session: Session) -> Note:
    project = store_of(session)
    article = project.add_article(
        Article("Harbour deal signed", TEXT, author="Jane Smith", published=dt.date(2025, 3, 4))
    )
    passage = project.add_passage(Passage(article, 0, 39, TEXT[:39]))
    body = quotation_markdown(TEXT[:39], passage)
    return project.get_note(project.add_note(Note("Harbour", sections=(Section("S", body),))))


def test_preview_and_pages_follow_the_note_s_style(tmp_path: Path) -> None:
    with Session.create(tmp_path / "p.briefer") as session:
        note = _note(session)
        preview = NotePreview(session.query, citation_style="chicago-notes-bibliography")
        assert "(Smith, 2025)" not in preview.html(note)
        apa = replace(note, citation_style="apa")
        assert "(Smith, 2025)" in preview.html(apa)
        counter = PageCounter(citation_style="chicago-notes-bibliography")
        in_apa = PageCounter(citation_style="apa").estimate(session.query, note)
        in_chicago = counter.estimate(session.query, note)
        assert in_apa != in_chicago  # a footnote takes room that "(Smith, 2025)" does not
        assert counter.estimate(session.query, apa) == in_apa


def test_the_flag_beats_the_note_which_beats_the_settings() -> None:
    note = Note("N", citation_style="apa")
    assert note_style(note, "oscola", "chicago") == "oscola"
    assert note_style(note, None, "chicago") == "apa"
    assert note_style(replace(note, citation_style=""), None, "chicago") == "chicago"
