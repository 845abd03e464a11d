"""Extraction quality on pages that imitate real sites: body words and metadata a reader checks.

Bodies are scored with word-level precision and recall (tests/importers/wordscore.py)
against the hand-written expected text; both must reach 0.9.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefer.importers.base import ImportLimits
from briefer.importers.html import HtmlImporter
from briefer.importers.pdf import PdfImporter
from tests.importers.wordscore import score

DATA = Path(__file__).parents[1] / "data" / "importers"
WEB = DATA / "web"
EXPECTED = json.loads((WEB / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_web_page_body_and_metadata(name: str) -> None:
    data = (WEB / f"{name}.html").read_bytes()
    article = HtmlImporter().extract(data, f"{name}.html", ImportLimits())
    expected_body = (WEB / f"{name}.expected.txt").read_text(encoding="utf-8")
    result = score(article.text, expected_body)
    assert result.precision >= 0.9, f"{name}: boilerplate kept ({result})"
    assert result.recall >= 0.9, f"{name}: article text lost ({result})"
    meta = EXPECTED[name]
    assert article.title == meta["title"]
    assert article.publisher == meta["publisher"]
    assert article.published == dt.date.fromisoformat(meta["date"])
    assert article.author == meta["author"]


def test_pdf_report_body_and_metadata() -> None:
    pdf = DATA / "pdf"
    article = PdfImporter().extract((pdf / "report.pdf").read_bytes(), "report.pdf", ImportLimits())
    result = score(article.text, (pdf / "report.expected.txt").read_text(encoding="utf-8"))
    assert result.precision >= 0.9, f"running headers or page numbers kept ({result})"
    assert result.recall >= 0.9, f"report text lost ({result})"
    meta = json.loads((pdf / "expected.json").read_text(encoding="utf-8"))["report"]
    assert article.title == meta["title"]
    assert article.author == meta["author"]
    assert article.published is None  # the file's date; the report prints none


NEWS = WEB / "news"
NEWS_EXPECTED = json.loads((NEWS / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(NEWS_EXPECTED))
def test_news_page_body(name: str) -> None:
    """The issue-11 news pages (metadata in test_html_news_meta.py): body words only."""
    data = (NEWS / f"{name}.html").read_bytes()
    article = HtmlImporter().extract(data, f"{name}.html", ImportLimits())
    result = score(article.text, (NEWS / f"{name}.expected.txt").read_text(encoding="utf-8"))
    assert result.precision >= 0.9, f"{name}: boilerplate kept ({result})"
    assert result.recall >= 0.9, f"{name}: article text lost ({result})"
