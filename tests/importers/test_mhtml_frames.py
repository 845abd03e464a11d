"""Web archives whose story sits in a frame: the framed page is read in place, from the archive.

frames/iframe_outer.mhtml and frames/iframe_srcdoc.mhtml were saved by headless Chromium
(DevTools Page.captureSnapshot) from a portal page that frames its article, by address and
as ``srcdoc``; Chromium stores each framed page as a part of its own.
"""

from __future__ import annotations

import quopri
from pathlib import Path

import pytest

from briefer.core.words import count_text_words
from briefer.importers.base import ImportLimits, ImportRejected
from briefer.importers.mhtml import MhtmlImporter

FRAMES = Path(__file__).parents[1] / "data" / "importers" / "web" / "frames"
_STORY = (
    "<p>The port authority of Velden confirmed on Tuesday that it will raise berth fees for"
    " container ships by eleven percent from March, the first increase in six years, citing"
    " the cost of dredging the outer channel after two winters of heavy silting.</p>"
    "<p>Shipping lines that call at the port weekly said the rise would be passed on to"
    " importers within weeks. The port council will vote on the schedule on 14 February.</p>"
)
_BOUNDARY = "----MultipartBoundary--frames----"


def _archive(*parts: tuple[str, str, str]) -> bytes:
    """An archive laid out as Chromium writes one: (location, content id, html) per part."""
    lines = [
        "From: <Saved by Blink>",
        f"Snapshot-Content-Location: {parts[0][0]}",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/related; type="text/html"; boundary="{_BOUNDARY}"',
        "",
    ]
    for location, content_id, page in parts:
        body = quopri.encodestring(page.encode(), quotetabs=False).decode("ascii")
        lines += [f"--{_BOUNDARY}", "Content-Type: text/html"]
        lines += [f"Content-ID: <{content_id}>"] if content_id else []
        lines += ["Content-Transfer-Encoding: quoted-printable"]
        lines += [f"Content-Location: {location}"] if location else []
        lines += ["", body]
    lines.append(f"--{_BOUNDARY}--")
    return "\r\n".join(lines).encode("ascii")


def _portal(iframe_src: str) -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Velden fees rise - Regional"
        " Portal</title><meta property='og:site_name' content='Regional Portal'></head><body>"
        "<header><nav><a>Home</a> <a>News</a> <a>Weather</a></nav></header>"
        f"<h1>Velden fees rise</h1><iframe src='{iframe_src}'></iframe>"
        "<footer>© Regional Portal</footer></body></html>"
    )


@pytest.mark.parametrize("name", ["iframe_outer.mhtml", "iframe_srcdoc.mhtml"])
def test_chromiums_archive_of_a_framed_story_reads_the_story(name: str) -> None:
    article = MhtmlImporter().extract((FRAMES / name).read_bytes(), name, ImportLimits())

    assert article.title == "Velden fees rise"
    assert article.text.startswith("Velden fees rise\n\nThe port authority of Velden confirmed")
    assert article.text.endswith("apply to all calls from the first of April.")
    assert count_text_words(article.text) > 250
    assert article.publisher == "Regional Portal"
    assert "©" not in article.text


def test_a_frame_referenced_by_address_is_found_by_its_location() -> None:
    data = _archive(
        ("https://portal.example/velden", "", _portal("https://syndication.example/story/123")),
        ("https://syndication.example/story/123", "", f"<html><body>{_STORY}</body></html>"),
    )

    article = MhtmlImporter().extract(data, "velden.mhtml", ImportLimits())

    assert "heavy silting" in article.text
    assert article.url == "https://portal.example/velden"


def test_a_frame_outside_the_archive_is_not_followed() -> None:
    data = _archive(
        ("https://portal.example/velden", "", _portal("https://syndication.example/story/123")),
        ("https://elsewhere.example/story/123", "", f"<html><body>{_STORY}</body></html>"),
    )

    with pytest.raises(ImportRejected, match="JavaScript"):
        MhtmlImporter().extract(data, "velden.mhtml", ImportLimits())


def test_a_page_with_its_own_story_keeps_it_and_not_the_widget_in_its_frame() -> None:
    own = (
        "<html><head><title>Velden fees rise</title></head><body><article>"
        f"<h1>Velden fees rise</h1>{_STORY * 3}<iframe src='cid:w@x'></iframe></article>"
        "</body></html>"
    )
    widget = "<html><body><p>" + "Weather in Velden: wind from the west, rain later. " * 12
    data = _archive(("https://portal.example/velden", "", own), ("", "w@x", widget + "</p>"))

    article = MhtmlImporter().extract(data, "velden.mhtml", ImportLimits())

    assert "heavy silting" in article.text
    assert "Weather in Velden" not in article.text


def test_a_short_story_keeps_its_place_beside_a_long_comments_frame() -> None:
    brief = (
        "<p>Velden's port council approved an eleven percent rise in berth fees on Tuesday."
        " Shipping lines will pay the new rates from April; importers' associations, who asked"
        " for a phased introduction, said they would appeal to the province before the tariff"
        " book is printed.</p>"
    )
    own = (
        "<html><head><title>Port fees approved</title></head><body><article><h1>Port fees"
        f" approved</h1>{brief}<iframe src='cid:comments@x'></iframe></article></body></html>"
    )
    comments = "<html><body>" + "<p>Reader42 wrote: the fees are far too high for us.</p>" * 40
    data = _archive(
        ("https://portal.example/fees", "", own), ("", "comments@x", comments + "</body></html>")
    )

    article = MhtmlImporter().extract(data, "fees.mhtml", ImportLimits())

    assert "appeal to the province" in article.text
    assert "Reader42" not in article.text
