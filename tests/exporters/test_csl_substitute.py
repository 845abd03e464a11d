"""CSL 1.0.2's cs:substitute: a variable that stood in for a missing author is not printed again.

"Substituted variables are suppressed in the rest of the output to prevent
duplication." APA puts an unsigned source's title where the author goes; Chicago
files an unsigned newspaper article under the paper (CMOS 14.207). Real notes cite
such sources all the time (a wire story, an agency's page), so each is checked
in the bibliography and, for Markdown, as a reader parses the line back.
"""

from __future__ import annotations

import datetime as dt

import pytest
from markdown_it import MarkdownIt

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters.citations_csl import forget_styles
from briefer.exporters.csl_styles import resolve_style
from briefer.exporters.document import build_document
from briefer.exporters.markdown import render_markdown
from briefer.exporters.markdown_flavours import Flavour
from briefer.resources import resource_path

TITLE = "Harbour deal signed after night of talks"
PAPER = "The Courier"
FLAVOURS: list[Flavour] = ["commonmark", "pandoc"]


def _unsigned(author: str = "") -> dict[int, Article]:
    article = Article(
        title=TITLE,
        text="Tariffs fall to zero.",
        publisher=PAPER,
        published=dt.date(2025, 12, 4),
        url="https://example.org/harbour",
        imported_at=dt.datetime(2025, 12, 6, tzinfo=dt.UTC),
        author=author,
        id=1,
    )
    return {1: article}


PASSAGES = {11: Passage(article_id=1, start=0, end=21, text="Tariffs fall to zero.", id=11)}
NOTE = Note(
    title="Harbour",
    sections=(Section("Summary", quotation_markdown("Tariffs fall to zero.", 11), level=1),),
)


def _entry(style: str, articles: dict[int, Article]) -> str:
    forget_styles()
    document = build_document(NOTE, PASSAGES, articles, resolve_style(style, resource_path("csl")))
    assert len(document.sources) == 1
    return document.sources[0].text


def test_apa_puts_an_unsigned_pages_title_first_and_only_once() -> None:
    entry = _entry("apa", _unsigned())
    assert entry.startswith(TITLE)
    assert entry.count(TITLE) == 1
    assert entry.count(PAPER) == 1


def test_chicago_files_an_unsigned_article_under_its_paper_named_once() -> None:
    entry = _entry("chicago-notes-bibliography", _unsigned())
    assert entry.startswith(PAPER)
    assert entry.count(PAPER) == 1
    assert entry.count("Harbour Deal Signed") == 1


@pytest.mark.parametrize("style", ["apa", "chicago-notes-bibliography", "harvard-cite-them-right"])
def test_a_signed_article_keeps_title_and_paper(style: str) -> None:
    entry = _entry(style, _unsigned(author="Zoe Young"))
    assert entry.startswith("Young")
    assert entry.count(PAPER) == 1
    assert "harbour deal signed" in entry.lower()


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_sources_line_that_opens_in_italics_reads_back_as_italics(flavour: Flavour) -> None:
    forget_styles()
    style = resolve_style("chicago-notes-bibliography", resource_path("csl"))
    document = build_document(NOTE, PASSAGES, _unsigned(), style)
    markdown = render_markdown(document, flavour=flavour)
    line = next(line for line in markdown.splitlines() if line.startswith("- ") and PAPER in line)
    assert line.startswith(f"- *{PAPER}*.")
    html = MarkdownIt("commonmark").render(line)
    assert f"<em>{PAPER}</em>" in html and "*" not in html
