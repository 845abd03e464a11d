"""A page or web archive of more paragraphs, rows and headings than an article may have is
refused by the pre-scan, before libxml2 parses it and the converter walks it."""

from __future__ import annotations

import pytest

from briefer.importers import html, htmlbounds, htmlconvert
from briefer.importers.base import ImportLimits, ImportRejected
from briefer.importers.html import HtmlImporter
from briefer.importers.mhtml import MhtmlImporter

TEXT = "Velden port fees rise by eleven percent from March, the port authority said."


def _never_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    def parsed(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the page was parsed")

    monkeypatch.setattr(html, "_parse", parsed)
    monkeypatch.setattr(htmlconvert, "_parse", parsed)


def test_a_page_of_more_block_elements_than_allowed_is_refused_before_parsing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(htmlbounds, "MAX_BLOCKS", 100, raising=False)
    rows = "".join(f"<tr><td>berth {n}</td></tr>" for n in range(40))
    page = f"<html><body><h2>Fees</h2>{f'<p>{TEXT}</p>' * 40}<ul>{'<li>x</li>' * 19}</ul>"
    allowed = HtmlImporter().extract(
        f"{page}<table>{rows}</table></body></html>".encode(), "rows.html", ImportLimits()
    )
    assert "berth 39" in allowed.text
    _never_parsed(monkeypatch)
    with pytest.raises(ImportRejected) as refused:
        HtmlImporter().extract(
            f"{page}<table>{rows}<tr><td>one more</td></tr></table></body></html>".encode(),
            "rows.html",
            ImportLimits(),
        )
    assert refused.value.reason.startswith(
        "rows.html has more than 100 paragraphs, rows and headings, far more than an article"
    )


def test_a_web_archive_of_more_paragraphs_than_allowed_is_refused_before_parsing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(htmlbounds, "MAX_BLOCKS", 100, raising=False)
    _never_parsed(monkeypatch)
    page = f"<html><body><article>{f'<p>{TEXT}</p>' * 101}</article></body></html>"
    data = (
        "From: <Saved by Blink>\r\nSubject: Port fees\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/html\r\nContent-Location: https://news.example/fees\r\n\r\n"
        f"{page}\r\n--B--\r\n"
    ).encode()
    with pytest.raises(ImportRejected, match=r"has more than 100 paragraphs, rows and headings"):
        MhtmlImporter().extract(data, "fees.mhtml", ImportLimits())
