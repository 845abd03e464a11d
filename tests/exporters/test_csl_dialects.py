"""Citations in the note's own usage: English dialects with no CSL locale, German ordinals.

A real project file, a note quoting two articles, exported to Word and read back
with python-docx: the footnotes (Chicago), the reference list (Harvard, APA) and the
body's quotation marks are what the reader of that dialect expects. en-AU, en-NZ,
en-IE, en-ZA, en-IN and en-SG have no CSL locale file and cite as British English;
en-CA and en-PH keep the American forms, as does "en" alone (csl_styles.AMERICAN_USAGE
says why).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters.citations_csl import forget_styles, keep_on_disk
from briefer.session import Session
from briefer.session.export import ExportJob, prepare_export, run_export
from tests.private_store import store_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HARBOUR = "Grain exports will rise by 40% this year."
PORT = "Queues at the port grow."
BRITISH_DIALECTS = ["en-GB", "en-AU", "en-NZ", "en-IE", "en-ZA", "en-IN", "en-SG"]
AMERICAN_DIALECTS = ["en-US", "en-CA", "en-PH", "en"]

CHICAGO = {
    "British": "Jane Smith, ‘Harbour Deal Signed’, The Times, 4 March 2025, https://example.org/h.",
    "American": "Jane Smith, “Harbour Deal Signed,” The Times, March 4, 2025, https://example.org/h.",
}
HARVARD = {
    "British": "Smith, J. (2025) ‘Harbour deal signed’, The Times, 4 March. "
    "Available at: https://example.org/h (Accessed: 5 March 2025).",
    "American": "Smith, J. (2025) “Harbour deal signed,” The Times, 4 March. "
    "Available at: https://example.org/h (Accessed: March 5, 2025).",
}
APA_UNDATED = {
    "British": "Port statistics. (n.d.). Retrieved 2 December 2025, from https://example.org/port",
    "American": "Port statistics. (n.d.). Retrieved December 2, 2025, from https://example.org/port",
}
BODY = {"British": f"‘{HARBOUR}’", "American": f"“{HARBOUR}”"}


def usage(language: str) -> str:
    return "British" if language in BRITISH_DIALECTS else "American"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[tuple[Session, int]]:
    """A project with a dated newspaper article and an undated web page (read on
    2 December 2025), and a note quoting both."""
    forget_styles()
    with made_project(tmp_path / "dialects.briefer", dt.date(2025, 12, 2)) as made:
        yield made
    forget_styles()


@contextlib.contextmanager
def made_project(path: Path, read_on: dt.date) -> Iterator[tuple[Session, int]]:
    with Session.create(path) as session:
        store = store_of(session)
        harbour = store.add_article(
            Article("Harbour deal signed", HARBOUR, author="Jane Smith", publisher="The Times",
                    url="https://example.org/h", published=dt.date(2025, 3, 4),
                    imported_at=dt.datetime(2025, 3, 5, 9, tzinfo=dt.UTC))
        )  # fmt: skip
        port = store.add_article(
            Article("Port statistics", PORT, url="https://example.org/port",
                    imported_at=dt.datetime(*read_on.timetuple()[:3], 9, tzinfo=dt.UTC))
        )  # fmt: skip
        first = store.add_passage(Passage(harbour, 0, len(HARBOUR), HARBOUR))
        second = store.add_passage(Passage(port, 0, len(PORT), PORT))
        body = quotation_markdown(HARBOUR, first) + "\n\n" + quotation_markdown(PORT, second)
        note_id = store.add_note(Note("Harbour", sections=(Section("Summary", body),)))
        yield session, note_id


def export(
    project: tuple[Session, int], target: Path, language: str, style: str, kept: str = ""
) -> str | None:
    """Export the note to ``target`` in ``language``; what the export rendered, to keep."""
    session, note_id = project
    job = prepare_export(session.query, note_id)
    if kept:
        job = ExportJob(job.note, job.passages, job.articles, job.problems, kept)
    result = run_export(job, target, "docx", language=language, citation_style=style)
    return result.renderings


def footnotes(path: Path) -> list[str]:
    word = docx.Document(str(path))
    (part,) = [p for p in word.part.package.iter_parts() if p.partname == "/word/footnotes.xml"]
    return [
        "".join(t.text or "" for t in n.iter(f"{W}t")).strip()
        for n in ET.fromstring(part.blob).iter(f"{W}footnote")
        if n.get(f"{W}type") in (None, "normal")
    ]


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


@pytest.mark.parametrize("language", BRITISH_DIALECTS + AMERICAN_DIALECTS)
def test_chicago_footnotes_and_the_body_s_quotes_follow_the_dialect(
    project: tuple[Session, int], tmp_path: Path, language: str
) -> None:
    target = tmp_path / f"{language}.docx"
    export(project, target, language, "chicago")
    notes = footnotes(target)
    assert notes[0] == CHICAGO[usage(language)]
    quoted = [p for p in paragraphs(target) if HARBOUR in p]
    assert quoted == [BODY[usage(language)]]  # the body agrees with its footnotes


@pytest.mark.parametrize("language", BRITISH_DIALECTS + AMERICAN_DIALECTS)
def test_harvard_and_apa_reference_lists_follow_the_dialect(
    project: tuple[Session, int], tmp_path: Path, language: str
) -> None:
    harvard, apa = tmp_path / "harvard.docx", tmp_path / "apa.docx"
    export(project, harvard, language, "harvard")
    export(project, apa, language, "apa")
    assert HARVARD[usage(language)] in paragraphs(harvard)
    assert APA_UNDATED[usage(language)] in paragraphs(apa)


@pytest.mark.parametrize("on_disk", [False, True])
def test_a_rendering_kept_for_en_us_is_never_served_to_en_au(
    project: tuple[Session, int], tmp_path: Path, on_disk: bool
) -> None:
    """In the process, in the cache folder, and in what the project keeps for its note."""
    keep_on_disk(tmp_path / "cache" if on_disk else None)
    try:
        american = export(project, tmp_path / "us.docx", "en-US", "chicago")
        assert american and "March 4, 2025" in american
        if on_disk:
            forget_styles()  # a new process: only the cache folder and the project remember
        australian = tmp_path / "au.docx"
        export(project, australian, "en-AU", "chicago", kept=american)
        assert footnotes(australian)[0] == CHICAGO["British"]
        forget_styles()
        again = tmp_path / "us-again.docx"
        export(project, again, "en-US", "chicago", kept=american)
        assert footnotes(again)[0] == CHICAGO["American"]
    finally:
        keep_on_disk(None)
