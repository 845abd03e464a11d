"""A note's own citation style reaches the preview and the page estimate as the export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.core.record import replace
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


def test_preview_pages_and_export_cite_in_one_locale_for_one_note(tmp_path: Path) -> None:
    """The Composer's preview and page count render as the export does, in the note's
    language where the style has none of its own (Harvard: the accessed date)."""
    from briefer.exporters.document import build_document
    from briefer.session.export import (
        cited_material,
        find_citation_style,
        prepare_export,
        run_export,
    )

    with Session.create(tmp_path / "p.briefer") as session:
        project = store_of(session)
        article = project.add_article(
            Article("Harbour deal signed", TEXT, author="Jane Smith", publisher="The Times",
                    url="https://example.org/h", published=dt.date(2025, 3, 4),
                    imported_at=dt.datetime(2025, 3, 5, tzinfo=dt.UTC))
        )  # fmt: skip
        passage = project.add_passage(Passage(article, 0, 39, TEXT[:39]))
        body = quotation_markdown(TEXT[:39], passage)
        note_id = project.add_note(Note("Harbour", sections=(Section("S", body),)))
        note = project.get_note(note_id)
        passages, articles = cited_material(session.query, note)
        job = prepare_export(session.query, note_id)
        for language, accessed in (("en-GB", "5 March 2025"), ("en-US", "March 5, 2025")):
            preview = NotePreview(session.query, citation_style="harvard", language=language)
            assert f"(Accessed: {accessed})" in preview.html(note)
            counter = PageCounter(citation_style="harvard", language=language)
            harvard = find_citation_style("harvard", language)
            made = counter.document(note, passages, articles)
            assert made.sources == build_document(note, passages, articles, harvard).sources
            assert f"(Accessed: {accessed})" in made.sources[0].text
            target = tmp_path / f"{language}.md"
            run_export(job, target, "markdown", citation_style="harvard", language=language)
            written = target.read_text(encoding="utf-8")
            assert f"(Accessed: {accessed})" in written
            # the quotation's marks are the note's too, as the Word file and the preview set them
            opening, closing = ("‘", "’") if language == "en-GB" else ("“", "”")
            assert f"{opening}{TEXT[:39]}{closing}" in written and f'"{TEXT[:39]}' not in written
            # a reference document's language is the Word file's; the citations stay the note's
            run_export(job, tmp_path / "r.md", "markdown", citation_style="harvard",
                       citation_language=language)  # fmt: skip
            assert f"(Accessed: {accessed})" in (tmp_path / "r.md").read_text(encoding="utf-8")
