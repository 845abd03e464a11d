"""The words an export writes itself are in the note's language: Sources, Contents, Page X of Y.

A real project file, a note quoting an article, exported to Word (read back with
python-docx: the Sources heading, the table of contents heading, the footer with
its PAGE and NUMPAGES fields still fields), to Markdown and to the Composer's
preview, in German, French and Finnish; English, an unknown language and no
language at all keep the English words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters.citations_csl import forget_styles
from briefer.exporters.docx import export_docx
from briefer.exporters.export_words import ENGLISH, export_words, note_date
from briefer.session import Session
from briefer.session.export import prepare_export, run_export
from briefer.session.preview import NotePreview
from tests.private_store import store_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SAID = "The minister said the harbour deal would be signed in March."
# language -> (Sources heading, Contents heading, footer with both fields' placeholder "1")
WORDS = {
    "de-DE": ("Quellen", "Inhalt", "Seite 1 von 1"),
    "de-AT": ("Quellen", "Inhalt", "Seite 1 von 1"),  # the primary subtag decides
    "fr-FR": ("Sources", "Table des matières", "Page 1 sur 1"),
    "fi-FI": ("Lähteet", "Sisällys", "Sivu 1/1"),
    "en-GB": ("Sources", "Contents", "Page 1 of 1"),
    "en-US": ("Sources", "Contents", "Page 1 of 1"),
    "xx-YY": ("Sources", "Contents", "Page 1 of 1"),  # unknown: English
}


@pytest.fixture
def project(tmp_path: Path) -> Iterator[tuple[Session, int]]:
    forget_styles()
    with Session.create(tmp_path / "words.briefer") as session:
        store = store_of(session)
        article = store.add_article(
            Article("Harbour deal signed", SAID, author="Jane Smith", publisher="The Times",
                    url="https://example.org/h", published=dt.date(2025, 3, 4))
        )  # fmt: skip
        passage = store.add_passage(Passage(article, 0, len(SAID), SAID))
        body = quotation_markdown(SAID, passage)
        note = Note("Harbour", marking="OFFICIAL", sections=(Section("Summary", body),))
        yield session, store.add_note(note)
    forget_styles()


def _footer_lines(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).sections[0].footer.paragraphs]


def _footer_fields(path: Path) -> list[str]:
    footer = docx.Document(str(path)).sections[0].footer._element
    return [(t.text or "").strip() for t in footer.iter(f"{W}instrText")]


def _headings(path: Path, style: str) -> list[str]:
    word = docx.Document(str(path))
    return [p.text for p in word.paragraphs if p.style is not None and p.style.name == style]


@pytest.mark.parametrize("language", list(WORDS))
def test_the_word_export_writes_its_words_in_the_notes_language(
    project: tuple[Session, int], tmp_path: Path, language: str
) -> None:
    session, note_id = project
    sources, contents, page_line = WORDS[language]
    job = prepare_export(session.query, note_id)
    target = tmp_path / "note.docx"
    run_export(job, target, "docx", language=language, table_of_contents=True)

    assert _headings(target, "Heading 1") == ["Summary", sources]
    assert _headings(target, "TOC Heading") == [contents]
    # the TOC's own entry for the Sources heading is the same word
    toc_entries = [
        p.text for p in docx.Document(str(target)).paragraphs if p.text.startswith(sources)
    ]
    assert len(toc_entries) >= 2, toc_entries
    assert _footer_lines(target) == [page_line, "OFFICIAL"]
    assert _footer_fields(target) == ["PAGE", "NUMPAGES"]  # the numbers stay live


def test_a_reference_document_keeps_its_footer_and_takes_the_notes_words(
    project: tuple[Session, int], tmp_path: Path
) -> None:
    """Through python-docx: a reference without page numbers gets the note's footer; one
    with its own (here an English Briefer export) keeps its own words. The Word file's
    language is the reference's, the words the note's, as its citations are."""
    session, note_id = project
    job = prepare_export(session.query, note_id)
    plain_reference = tmp_path / "plain.docx"
    docx.Document().save(str(plain_reference))
    target = tmp_path / "on-plain.docx"
    run_export(job, target, "docx", reference_doc=plain_reference, citation_language="de-DE")
    assert _headings(target, "Heading 1")[-1] == "Quellen"
    assert _footer_lines(target)[0] == "Seite 1 von 1"
    assert _footer_fields(target) == ["PAGE", "NUMPAGES"]

    english = tmp_path / "english.docx"
    run_export(job, english, "docx", language="en-GB")
    target = tmp_path / "on-english.docx"
    run_export(job, target, "docx", reference_doc=english, citation_language="de-DE")
    assert _headings(target, "Heading 1")[-1] == "Quellen"
    assert _footer_lines(target) == ["Page 1 of 1", "OFFICIAL"]  # the reference's own
    assert _footer_fields(target) == ["PAGE", "NUMPAGES"]


@pytest.mark.parametrize("language", ["de-DE", "fi-FI"])
def test_both_word_writers_write_the_same_footer(
    project: tuple[Session, int], tmp_path: Path, language: str
) -> None:
    from briefer.exporters.document import build_document

    session, note_id = project
    job = prepare_export(session.query, note_id)
    document = build_document(job.note, job.passages, job.articles)
    plain, through = tmp_path / "plain.docx", tmp_path / "through.docx"
    export_docx(document, plain, language=language)
    export_docx(document, through, language=language, python_docx=True)
    expected = WORDS[language][2]
    assert _footer_lines(plain) == _footer_lines(through) == [expected, "OFFICIAL"]
    assert _footer_fields(plain) == _footer_fields(through) == ["PAGE", "NUMPAGES"]


@pytest.mark.parametrize("language", list(WORDS))
def test_the_markdown_export_heads_its_sources_in_the_notes_language(
    project: tuple[Session, int], tmp_path: Path, language: str
) -> None:
    session, note_id = project
    job = prepare_export(session.query, note_id)
    target = tmp_path / "note.md"
    run_export(job, target, "markdown", language=language)
    headings = [
        line for line in target.read_text(encoding="utf-8").splitlines() if line.startswith("# ")
    ]
    assert headings == ["# Summary", f"# {WORDS[language][0]}"]


def test_markdown_without_a_language_keeps_sources(
    project: tuple[Session, int], tmp_path: Path
) -> None:
    from briefer.exporters.document import build_document
    from briefer.exporters.markdown import render_markdown

    session, note_id = project
    job = prepare_export(session.query, note_id)
    text = render_markdown(build_document(job.note, job.passages, job.articles))
    assert "\n# Sources\n" in text


@pytest.mark.parametrize("language", [*WORDS, None])
def test_the_preview_heads_its_sources_as_the_export_does(
    project: tuple[Session, int], language: str | None
) -> None:
    session, note_id = project
    note = session.query.get_note(note_id)
    html = NotePreview(session.query, language=language).html(note)
    sources = WORDS[language][0] if language else "Sources"
    assert f"<h2>{sources}</h2>" in html
    if sources != "Sources":
        assert "<h2>Sources</h2>" not in html


def test_the_words_of_a_tag_follow_its_primary_subtag() -> None:
    assert export_words("de_CH") == export_words("de-AT") == export_words("DE")
    assert export_words("nb-NO") == export_words("nn-NO") == export_words("no")
    assert export_words("nb-NO").sources == "Kilder"
    for english in (None, "", "en", "en-US", "en-GB", "zz", "english"):
        assert export_words(english) == ENGLISH
    assert ENGLISH.sources == "Sources"
    assert export_words("fi-FI").page_line(2, 7) == "Sivu 2/7"
    assert export_words("de-DE").page_line(2, 7) == "Seite 2 von 7"
    assert export_words("es-ES").page_line(2, 7) == "Página 2 de 7"
    for language in ("fr", "es", "it", "pt", "nl", "pl", "sv", "da", "no", "fi", "ru", "uk"):
        assert export_words(language) != ENGLISH, language


TITLE_BLOCK = {  # language -> the label/value rows under the title
    "de-DE": [("Verfasser", "Mara Quist"), ("Datum", "4. März 2025"),
              ("Empfänger", "Referat 2"), ("Einstufung", "OFFICIAL")],
    "es-ES": [("Autor", "Mara Quist"), ("Fecha", "4 de marzo de 2025"),
              ("Destinatario", "Referat 2"), ("Clasificación", "OFFICIAL")],
    "en-GB": [("Author", "Mara Quist"), ("Date", "4 March 2025"),
              ("Recipient", "Referat 2"), ("Marking", "OFFICIAL")],
    "xx-YY": [("Author", "Mara Quist"), ("Date", "4 March 2025"),
              ("Recipient", "Referat 2"), ("Marking", "OFFICIAL")],
}  # fmt: skip


@pytest.mark.parametrize("language", list(TITLE_BLOCK))
def test_the_title_blocks_labels_and_date_are_in_the_notes_language(
    tmp_path: Path, language: str
) -> None:
    """The block under the title ("Author", "Date" …) and its date, as the citations
    write a date in that language; the preview shows the same labels."""
    note = Note("Harbour", author="Mara Quist", date=dt.date(2025, 3, 4), recipient="Referat 2",
                marking="OFFICIAL", sections=(Section("Summary", "Text."),))  # fmt: skip
    with Session.create(tmp_path / "block.briefer") as session:
        note_id = store_of(session).add_note(note)
        job = prepare_export(session.query, note_id)
        target = tmp_path / "note.docx"
        run_export(job, target, "docx", language=language)
        html = NotePreview(session.query, language=language).html(session.query.get_note(note_id))

    (table,) = docx.Document(str(target)).tables
    rows = [(row.cells[0].text, row.cells[1].text) for row in table.rows]
    assert rows == TITLE_BLOCK[language]
    for label, value in TITLE_BLOCK[language][:3]:
        assert f"<b>{label}</b>" in html and value in html


def test_a_reference_documents_body_quotes_as_its_citations_do(
    project: tuple[Session, int], tmp_path: Path
) -> None:
    """With a reference document the Word file's language is the reference's, but the
    quotation marks, like the citations and the words, are the note's."""
    session, note_id = project
    job = prepare_export(session.query, note_id)
    reference = tmp_path / "plain.docx"
    docx.Document().save(str(reference))
    target = tmp_path / "on-plain.docx"
    run_export(job, target, "docx", reference_doc=reference, citation_language="de-DE")
    assert any(p.text.startswith(f"„{SAID}“") for p in docx.Document(str(target)).paragraphs)


@pytest.mark.parametrize(
    ("language", "written"),
    [("de-DE", "4. März 2025"), ("no", "4. mars 2025"), ("sv-SE", "4 mars 2025"),
     ("es-MX", "4 de marzo de 2025"), ("ru-RU", "4 марта 2025 г."),
     ("uk-UA", "4 березня 2025 р."), ("pl-PL", "4 marca 2025"), ("en-US", "4 March 2025")],
)  # fmt: skip
def test_the_date_under_the_title_reads_as_a_date_alone_in_its_language(
    language: str, written: str
) -> None:
    """Norwegian named only as "no" is Bokmål's, not American; a day is not padded
    ("04 mars"); a Mexican date has no sentence's "el"; Russian and Ukrainian months
    are in the form a date takes ("марта", not "март")."""
    assert note_date(dt.date(2025, 3, 4), language) == written


def test_preferences_offers_each_language_whose_words_are_known_in_its_own_locale() -> None:
    """Every language the exports write words for is offered (English as Britain and the
    United States write it first), each in a dialect whose citations, dates and quotation
    marks come from that dialect's own CSL locale, not a fallback."""
    from briefer.exporters.csl_styles import citeproc_locale
    from briefer.exporters.export_words import _WORDS, NOTE_LANGUAGES

    tags = [tag for tag, _name in NOTE_LANGUAGES]
    assert tags[:2] == ["en-GB", "en-US"]
    assert len(set(tags)) == len(tags)
    assert {tag.split("-")[0] for tag in tags} == set(_WORDS) - {"no"}  # nb and nn name it
    for tag, name in NOTE_LANGUAGES:
        assert citeproc_locale(tag) == tag, tag
        assert export_words(tag) is _WORDS[tag.split("-")[0]]
        assert name[0].isupper() and name.endswith(")"), name
