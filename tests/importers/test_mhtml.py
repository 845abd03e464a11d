"""Web archives: the page inside an .mhtml, with its images taken from the archive itself."""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path

import pytest

from briefer.core.model import BlockKind
from briefer.importers.base import ImportLimits, ImportRejected
from briefer.importers.html import HtmlImporter
from briefer.importers.mhtml import MhtmlImporter

WEB = Path(__file__).parents[1] / "data" / "importers" / "web"


@pytest.fixture
def archive() -> bytes:
    return (WEB / "jsonld.mhtml").read_bytes()


def test_sniff_recognises_a_chrome_archive(archive: bytes) -> None:
    assert MhtmlImporter().sniff(archive, "saved") == 100
    assert MhtmlImporter().sniff((WEB / "jsonld.html").read_bytes(), "page.mhtml") == 0
    assert HtmlImporter().sniff(archive, "page.mhtml") < MhtmlImporter().sniff(archive, "x")


def test_same_article_as_the_page_it_was_saved_from(archive: bytes) -> None:
    from_archive = MhtmlImporter().extract(archive, "drought.mhtml", ImportLimits())
    from_page = HtmlImporter().extract((WEB / "jsonld.html").read_bytes(), "x.html", ImportLimits())
    assert from_archive.text == from_page.text
    assert from_archive.title == "Drought forces hydropower cuts across the Alvar basin"
    assert from_archive.publisher == "Alvar Valley Times"
    assert from_archive.published == dt.date(2026, 5, 18)
    assert from_archive.source_format == "mhtml"
    assert from_archive.blocks[0].kind is BlockKind.HEADING


def test_image_comes_from_the_archive_part(archive: bytes) -> None:
    article = MhtmlImporter().extract(archive, "drought.mhtml", ImportLimits())
    assert [(i.name, i.width, i.height) for i in article.images] == [("reservoir.jpg", 320, 200)]
    assert article.images[0].caption == "The Alvar reservoir at low water"


def test_page_location_is_the_url_when_the_page_names_none(archive: bytes) -> None:
    no_url = archive.replace(b"mainEntityOfPage", b"notTheMainEntity")
    article = MhtmlImporter().extract(no_url, "drought.mhtml", ImportLimits())
    assert (
        article.url == "https://alvartimes.example/environment/2026/05/18/drought-hydropower-cuts"
    )


def test_cid_references_resolve_inside_the_archive() -> None:
    image = (WEB / "drought_files" / "reservoir.jpg").read_bytes()
    page = (
        "<html><body><article><img src='cid:photo1@example'><p>"
        + "Grid operators restarted two reserve plants on Monday. " * 8
        + "</p></article></body></html>"
    )
    archive = (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"\r\n\r\n'
        "--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page + "\r\n"
        "--b1\r\nContent-Type: image/jpeg\r\nContent-ID: <photo1@example>\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(image).decode("ascii")
        + "--b1--\r\n"
    ).encode("ascii")
    article = MhtmlImporter().extract(archive, "cid.mht", ImportLimits())
    assert len(article.images) == 1
    assert "reserve plants" in article.text


def test_archive_without_a_page_is_rejected() -> None:
    archive = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"\r\n\r\n'
        b"--b1\r\nContent-Type: image/png\r\n\r\nnot really\r\n--b1--\r\n"
    )
    with pytest.raises(ImportRejected, match="no web page"):
        MhtmlImporter().extract(archive, "images-only.mhtml", ImportLimits())


def test_plain_text_named_mhtml_is_rejected() -> None:
    with pytest.raises(ImportRejected, match="not a web archive"):
        MhtmlImporter().extract(b"just some words\n", "notes.mhtml", ImportLimits())


def test_unpacked_size_limit(archive: bytes) -> None:
    with pytest.raises(ImportRejected, match="unpacks to more than"):
        MhtmlImporter().extract(archive, "x.mhtml", ImportLimits(max_unpacked_bytes=1000))


@pytest.mark.parametrize(
    "header", [b"Snapshot-Content-Location", b"Content-Location", b"Content-ID"]
)
def test_a_location_header_with_raw_8bit_bytes_is_read_as_text(
    archive: bytes, header: bytes
) -> None:
    """A saved archive's address headers are ASCII; a raw 8-bit byte makes the mail parser
    hand back a Header object, which must not stop the import."""
    start = archive.index(b"\n" + header + b":") + 1
    end = archive.index(b"\n", start)
    damaged = archive[:start] + header + b": https://alvartimes.example/\xff\xfe" + archive[end:]
    article = MhtmlImporter().extract(damaged, "drought.mhtml", ImportLimits())
    assert article.title == "Drought forces hydropower cuts across the Alvar basin"
