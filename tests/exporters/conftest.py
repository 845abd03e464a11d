"""A realistic briefing note, its passages and articles, shared by the exporter tests."""

from __future__ import annotations

import datetime as dt

import pytest

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters.document import ExportDocument, build_document

STEEL_QUOTE = "Tariffs on steel fall to zero from 1 January."
PORTS_QUOTE = "Dover expects 20% more freight & longer queues."
SECOND_STEEL_QUOTE = "The deal covers *all* flat products."


@pytest.fixture
def articles() -> dict[int, Article]:
    return {
        1: Article(
            title="EU and UK agree steel deal",
            text="...",
            publisher="The Courier",
            author="J. Reporter",
            published=dt.date(2025, 12, 4),
            url="https://example.org/steel",
            id=1,
        ),
        2: Article(title="Ports brace for a hard winter", text="...", id=2),
    }


@pytest.fixture
def passages() -> dict[int, Passage]:
    return {
        42: Passage(article_id=1, start=0, end=10, text=STEEL_QUOTE, id=42),
        7: Passage(article_id=2, start=0, end=10, text=PORTS_QUOTE, id=7),
        43: Passage(article_id=1, start=20, end=30, text=SECOND_STEEL_QUOTE, id=43),
    }


@pytest.fixture
def note() -> Note:
    summary = (
        quotation_markdown(STEEL_QUOTE, 42)
        + "\n\nThe deal is **good news** for *exporters*, say officials.\n\n"
        + "- Tariffs fall\n  - on flat steel\n- Quotas stay\n"
    )
    ports = (
        quotation_markdown(PORTS_QUOTE, 7)
        + "\n\nSteps to watch:\n\n1. Customs staffing\n2. Lorry parks [@p42]\n"
    )
    figures = (
        "| Measure | Value |\n|---|--:|\n| Tariff | 0% |\n| Quota a\\|b | 1.2 Mt |\n\n"
        + quotation_markdown(SECOND_STEEL_QUOTE, 43)
    )
    return Note(
        title="Steel and ports: the week ahead",
        author="A. Analyst",
        date=dt.date(2025, 12, 5),
        recipient="Head of Trade Policy",
        reference="BR-2025-117",
        marking="OFFICIAL-SENSITIVE",
        sections=(
            Section("Summary", summary, level=1, position=0),
            Section("Ports", ports, level=2, position=1),
            Section("Key figures", figures, level=1, position=2),
        ),
        created_at=dt.datetime(2025, 12, 5, 9, 30, tzinfo=dt.UTC),
        modified_at=dt.datetime(2025, 12, 5, 11, 0, tzinfo=dt.UTC),
    )


@pytest.fixture
def document(
    note: Note, passages: dict[int, Passage], articles: dict[int, Article]
) -> ExportDocument:
    return build_document(note, passages, articles)
