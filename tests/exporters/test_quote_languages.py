"""A note's quotation marks in its own language, as its footnotes print a title's.

A real project file, a note quoting an article, exported to Word (read back with
python-docx) and to Markdown in German, French, Spanish, Polish and Russian: the
quoted passage opens and closes with that language's marks, a quotation inside it
with the inner ones, and the Chicago footnote quotes the article's title with the
same outer marks (both come from the CSL locale the citations render in).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters.citations_csl import forget_styles
from briefer.session import Session
from briefer.session.export import prepare_export, run_export
from tests.exporters.test_csl_dialects import footnotes, paragraphs
from tests.private_store import store_of

SAID = "The minister said 'not this year' and left."
MARKS = {  # outer open, outer close, inner open, inner close, as each language prints them
    "de-DE": ("„", "“", "‚", "‘"),
    "fr-FR": ("«\u00a0", "\u00a0»", "“", "”"),
    "es-ES": ("«", "»", "“", "”"),
    "pl-PL": ("„", "”", "«", "»"),
    "ru-RU": ("«", "»", "„", "“"),
}


@pytest.fixture
def project(tmp_path: Path) -> tuple[Session, int]:
    forget_styles()
    session = Session.create(tmp_path / "languages.briefer")
    store = store_of(session)
    article = store.add_article(
        Article("Harbour deal signed", SAID, author="Jane Smith", publisher="The Times",
                url="https://example.org/h", published=dt.date(2025, 3, 4))
    )  # fmt: skip
    passage = store.add_passage(Passage(article, 0, len(SAID), SAID))
    body = quotation_markdown(SAID, passage)
    return session, store.add_note(Note("Harbour", sections=(Section("Summary", body),)))


@pytest.mark.parametrize("language", sorted(MARKS))
def test_a_quotation_and_its_footnote_use_the_languages_marks(
    project: tuple[Session, int], tmp_path: Path, language: str
) -> None:
    session, note_id = project
    opening, closing, inner_opening, inner_closing = MARKS[language]
    job = prepare_export(session.query, note_id)
    target = tmp_path / "note.docx"
    run_export(job, target, "docx", language=language, citation_style="chicago")
    session.close()

    said = (
        f"{opening}The minister said {inner_opening}not this year{inner_closing} and left.{closing}"
    )
    assert any(said in text for text in paragraphs(target)), paragraphs(target)
    (footnote,) = footnotes(target)
    title = footnote.split(opening, 1)[1]
    assert title.startswith("Harbour") and closing in title, footnote


@pytest.mark.parametrize("language", ["de-DE", "fr-FR"])
def test_the_markdown_export_sets_the_same_marks(
    project: tuple[Session, int], tmp_path: Path, language: str
) -> None:
    session, note_id = project
    opening, closing, inner_opening, inner_closing = MARKS[language]
    job = prepare_export(session.query, note_id)
    target = tmp_path / "note.md"
    run_export(job, target, "markdown", language=language, citation_style="chicago")
    session.close()

    text = target.read_text(encoding="utf-8").replace("\\", "")
    said = f"{opening}The minister said {inner_opening}not this year{inner_closing} and left."
    assert said in text
    assert f"left.{closing}" in text


def test_a_title_of_unknown_language_is_title_cased_only_in_an_english_note(
    tmp_path: Path,
) -> None:
    """CSL title case is English's: an article whose language is not known is taken to
    be in the note's language (the locale its citations render in, CSL's default
    locale), so a German note does not print "Hafenabkommen Unterzeichnet in Der
    Neuen Stadt"; an English note still title-cases it, and an article known to be
    German stays as written in an English note."""
    forget_styles()
    title = "Hafenabkommen unterzeichnet in der neuen Stadt"
    with Session.create(tmp_path / "titles.briefer") as session:
        store = store_of(session)
        unknown = store.add_article(Article(title, SAID, publisher="Die Zeit"))
        german = store.add_article(Article("Neue Regeln für den Hafen", SAID, language="de"))
        cited = [store.add_passage(Passage(a, 0, len(SAID), SAID)) for a in (unknown, german)]
        body = "\n\n".join(quotation_markdown(SAID, p) for p in cited)
        note_id = store.add_note(Note("Hafen", sections=(Section("Summary", body),)))
        job = prepare_export(session.query, note_id)
        for language in ("de-DE", "en-GB"):
            run_export(job, tmp_path / f"{language}.docx", "docx", language=language,
                       citation_style="chicago")  # fmt: skip

    german_notes = footnotes(tmp_path / "de-DE.docx")
    english_notes = footnotes(tmp_path / "en-GB.docx")
    assert title in german_notes[0], german_notes
    assert "Hafenabkommen Unterzeichnet in Der Neuen Stadt" in english_notes[0], english_notes
    assert "Neue Regeln für den Hafen" in english_notes[1], english_notes


def test_a_german_articles_own_quotation_nests_inside_the_passage(tmp_path: Path) -> None:
    """The article quotes in German marks; the note sets them as its own inner pair."""
    said = "Merz sagte: „Wir schaffen das.“ Dann ging er."
    with Session.create(tmp_path / "merz.briefer") as session:
        store = store_of(session)
        article = store.add_article(Article("Merz", said, language="de"))
        passage = store.add_passage(Passage(article, 0, len(said), said))
        body = quotation_markdown(said, passage)
        note_id = store.add_note(Note("Merz", sections=(Section("Summary", body),)))
        job = prepare_export(session.query, note_id)
        for language in ("de-DE", "en-GB"):
            run_export(job, tmp_path / f"{language}.docx", "docx", language=language)
            run_export(job, tmp_path / f"{language}.md", "markdown", language=language)

    german = "„Merz sagte: ‚Wir schaffen das.‘ Dann ging er.“"
    british = "‘Merz sagte: “Wir schaffen das.” Dann ging er.’"
    assert any(german in text for text in paragraphs(tmp_path / "de-DE.docx"))
    assert any(british in text for text in paragraphs(tmp_path / "en-GB.docx"))
    assert german in (tmp_path / "de-DE.md").read_text(encoding="utf-8").replace("\\", "")
    assert british in (tmp_path / "en-GB.md").read_text(encoding="utf-8").replace("\\", "")


def test_the_title_and_the_contents_quote_as_the_body_does(tmp_path: Path) -> None:
    """A heading's quotation reads „so“ in the body, the contents and the title alike."""
    with Session.create(tmp_path / "title.briefer") as session:
        store = store_of(session)
        note = Note('The "Zeitenwende" in practice',
                    sections=(Section('What "turning point" means', "Text."),))  # fmt: skip
        note_id = store.add_note(note)
        job = prepare_export(session.query, note_id)
        target = tmp_path / "note.docx"
        run_export(job, target, "docx", language="de-DE", table_of_contents=True)

    texts = paragraphs(target)
    assert texts[0] == "The „Zeitenwende“ in practice"
    assert sum("What „turning point“ means" in text for text in texts) == 2, texts


LANGUAGE_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Title and language</title><id>http://example.org/title-language</id>
    <updated>2025-01-01T00:00:00+00:00</updated></info>
  <citation><layout suffix=".">
    <text variable="title" text-case="title"/>
    <text variable="language" prefix=" [" suffix="]"/>
  </layout></citation>
</style>
"""


def test_a_styles_language_variable_is_the_articles_only(tmp_path: Path) -> None:
    """The note's language decides title case for an article of unknown language, but a
    style that prints the item's language prints nothing for it."""
    style = tmp_path / "title-language.csl"
    style.write_text(LANGUAGE_STYLE, encoding="utf-8")
    with Session.create(tmp_path / "variable.briefer") as session:
        store = store_of(session)
        unknown = store.add_article(Article("harbour deal signed", SAID))
        passage = store.add_passage(Passage(unknown, 0, len(SAID), SAID))
        body = quotation_markdown(SAID, passage)
        note_id = store.add_note(Note("Harbour", sections=(Section("Summary", body),)))
        job = prepare_export(session.query, note_id)
        for language in ("en-GB", "de-DE"):
            run_export(job, tmp_path / f"{language}.docx", "docx", language=language,
                       citation_style=str(style))  # fmt: skip

    assert footnotes(tmp_path / "en-GB.docx") == ["Harbour Deal Signed."]
    assert footnotes(tmp_path / "de-DE.docx") == ["harbour deal signed."]
