"""Extraction quality on the team's fixtures: word precision and recall >= 0.9, exact titles."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.importers.registry import import_path
from tests.importers.wordscore import score

DATA = Path(__file__).parents[1] / "data" / "importers"

CASES = [
    (
        "text/harbour-strike.txt",
        "text/harbour-strike.expected.txt",
        "Dockworkers at Port Arvel end nine-day strike after wage deal",
    ),
    (
        "text/harbour-strike.utf16.txt",
        "text/harbour-strike.expected.txt",
        "Dockworkers at Port Arvel end nine-day strike after wage deal",
    ),
    (
        "text/grain-corridor-fr.cp1252.txt",
        "text/grain-corridor-fr.expected.txt",
        "Le corridor céréalier du Danube rouvre après trois semaines d’arrêt",
    ),
    (
        "text/rail-link-ru.cp1251.txt",
        "text/rail-link-ru.expected.txt",
        "Новая железнодорожная линия соединит Камск и Верхнеборск к 2027 году",
    ),
    (
        "text/wind-park-de.latin1.txt",
        "text/wind-park-de.expected.txt",
        "Windpark vor Rügenholm erhält grünes Licht für den Ausbau",
    ),
    (
        "text/port-tariffs.md",
        "text/port-tariffs.expected.txt",
        "Lindmark raises port tariffs for the first time in a decade",
    ),
    (
        "docx/ferry-report.docx",
        "docx/ferry-report.expected.txt",
        "Harbourside restores the ferry link to Lisvik",
    ),
    (
        "eml/news-alert.eml",
        "eml/news-alert.expected.txt",
        "Newsfinder Alert - port tariffs",
    ),
    (
        "eml/colleague-plain.eml",
        "eml/colleague-plain.expected.txt",
        "Notes from the freight forum in Kessling",  # its subject less "Fwd:"
    ),
    (
        "eml/encoded-newsletter.eml",
        "eml/encoded-newsletter.expected.txt",
        "Semana económica: el puerto de Valcerta amplía su terminal",
    ),
]


@pytest.mark.parametrize(("source", "expected", "title"), CASES, ids=[c[0] for c in CASES])
def test_body_and_title(source: str, expected: str, title: str) -> None:
    article = import_path(DATA / source).article
    assert article.title == title
    result = score(article.text, (DATA / expected).read_text("utf-8"))
    assert result.precision >= 0.9, f"extra words: precision {result.precision:.3f}"
    assert result.recall >= 0.9, f"lost words: recall {result.recall:.3f}"
