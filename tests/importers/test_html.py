"""The web-page importer: structure, metadata, charsets and local images, on real pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefer.core.model import BLOCK_SEPARATOR, Article, BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.html import HtmlImporter
from briefer.importers.htmlmeta import parse_date

WEB = Path(__file__).parents[1] / "data" / "importers" / "web"


def _reader(folder: Path, calls: list[str] | None = None):  # type: ignore[no-untyped-def]
    def read_local(name: str) -> bytes | None:
        if calls is not None:
            calls.append(name)
        path = folder / name
        return path.read_bytes() if path.is_file() else None

    return read_local


def _import(name: str, *, limits: ImportLimits | None = None, read_local=None) -> Article:  # type: ignore[no-untyped-def]
    data = (WEB / name).read_bytes()
    return HtmlImporter().extract(data, name, limits or ImportLimits(), read_local)


def _blocks(article: Article, kind: BlockKind) -> list[str]:
    return [article.block_text(b) for b in article.blocks if b.kind is kind]


def test_sniff_prefers_content_over_extension() -> None:
    importer = HtmlImporter()
    assert importer.sniff(b"<!DOCTYPE html><html><body>x</body></html>", "note.txt") >= 90
    assert importer.sniff(b"\xef\xbb\xbf  <html lang='en'><p>x", "page") >= 90
    assert importer.sniff(b"%PDF-1.7\n", "report.html") == 0
    mhtml = b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;"
    assert importer.sniff(mhtml, "page.mhtml") < 10


def test_blocks_cover_the_text_exactly() -> None:
    article = _import("thinktank.html")
    assert BLOCK_SEPARATOR.join(article.block_text(b) for b in article.blocks) == article.text
    assert article.source_format == "html"
    assert article.source_name == "thinktank.html"


def test_report_keeps_headings_quote_and_table() -> None:
    article = _import("thinktank.html")
    headings = [
        (article.block_text(b), b.level) for b in article.blocks if b.kind is BlockKind.HEADING
    ]
    assert headings[0] == ("Rare earth supply chains: options for mid-sized economies", 1)
    assert ("Three options", 2) in headings
    assert ("Joint separation capacity", 3) in headings
    quotes = _blocks(article, BlockKind.QUOTE)
    assert quotes == [
        "A supply chain is only as resilient as its narrowest point, and for rare earths that"
        " point is separation, not mining."
    ]
    rows = _blocks(article, BlockKind.TABLE_ROW)
    assert rows[0] == "Option | Ten-year cost (billion) | Months of cover | Main risk"
    assert "Joint separation | 2.8 | Ongoing | Permitting delays" in rows
    assert not any("Related research" in h for h, _ in headings)


def test_blog_keeps_list_and_drops_comments_and_feed_footer() -> None:
    article = _import("blog.html")
    items = [b for b in article.blocks if b.kind is BlockKind.LIST_ITEM]
    assert len(items) == 3
    assert all(b.level == 1 and not b.ordered for b in items)
    assert article.block_text(items[1]).startswith("Group orders with neighbouring firms")
    for unwanted in (
        "appeared first on",
        "Petra Lind",
        "Leave a Reply",
        "Share this",
        "View Archive",
    ):
        assert unwanted not in article.text
    assert article.text.endswith("when the first trains run.")


def test_text_opens_with_the_title_as_a_heading() -> None:
    article = _import("jsonld.html")
    first = article.blocks[0]
    assert (first.kind, first.level) == (BlockKind.HEADING, 1)
    assert article.block_text(first) == article.title
    assert article.text.count(article.title) == 1


def test_metadata_from_json_ld_only() -> None:
    article = _import("jsonld.html")
    assert article.title == "Drought forces hydropower cuts across the Alvar basin"
    assert article.publisher == "Alvar Valley Times"
    assert article.author == "Ines Kaur, Tomas Berg"
    assert article.published == dt.date(2026, 5, 18)
    assert (
        article.url == "https://alvartimes.example/environment/2026/05/18/drought-hydropower-cuts"
    )
    assert article.language == "en"


def test_metadata_from_open_graph_and_link_rel() -> None:
    article = _import("blog.html")
    # article:author is a profile URL there, so the rel=author link names the author.
    assert article.author == "Jan Vos"
    assert article.url == "https://harbourlines.example/2026/02/kessel-corridor-small-exporters/"
    assert article.language == "en-US"


def test_title_suffix_dropped_when_only_title_element() -> None:
    page = (
        b"<html><head><title>Grain talks stall again in Lisvik | The Daily Ledger</title></head>"
        b"<body><article><p>"
        + b"Negotiators left the table without a deal on Friday. " * 12
        + b"</p></article></body></html>"
    )
    article = HtmlImporter().extract(page, "ledger.html", ImportLimits())
    assert article.title == "Grain talks stall again in Lisvik"


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("2025-12-04T23:30:00-05:00", dt.date(2025, 12, 4)),
        ("2026/01/07", dt.date(2026, 1, 7)),
        ("21 April 2026, 10:45pm", dt.date(2026, 4, 21)),
        ("Published March 3rd, 2026", dt.date(2026, 3, 3)),
        ("yesterday", None),
        ("2026-02-30", None),
    ],
)
def test_dates_as_written(written: str, date: dt.date | None) -> None:
    assert parse_date(written) == date


def test_utf8_page_that_declares_latin1_reads_correctly() -> None:
    page = (WEB / "blog.html").read_bytes()
    mislabelled = page.replace(b'<meta charset="UTF-8">', b'<meta charset="iso-8859-1">')
    assert mislabelled != page
    article = HtmlImporter().extract(mislabelled, "blog.html", ImportLimits())
    assert "3 replies on" not in article.text
    assert "â€" not in article.text and "Ã" not in article.text
    assert article.title == "What the new Kessel rail freight corridor means for small exporters"


def test_windows_1252_page_is_decoded_from_its_declaration() -> None:
    body = "Le ministre a déclaré que l’accord serait signé à Genève. " * 10
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
        f"<title>Accord de Genève</title></head><body><article><p>{body}</p></article>"
        "</body></html>"
    ).encode("cp1252")
    article = HtmlImporter().extract(page, "accord.html", ImportLimits())
    assert "l’accord serait signé à Genève" in article.text


def test_utf16_page_with_bom() -> None:
    page = "<html><body><article><p>" + "Ceasefire talks resume in Oranmore today. " * 10
    article = HtmlImporter().extract(
        ("\ufeff" + page).encode("utf-16-le"), "u16.html", ImportLimits()
    )
    assert "Ceasefire talks resume in Oranmore today." in article.text


def test_local_image_from_the_saved_files_folder() -> None:
    calls: list[str] = []
    article = _import("jsonld.html", read_local=_reader(WEB, calls))
    assert len(article.images) == 1
    image = article.images[0]
    assert image.name == "reservoir.jpg"
    assert image.media_type == "image/jpeg"
    assert (image.width, image.height) == (320, 200)
    assert image.caption == "The Alvar reservoir at low water"
    # It stood just before the first paragraph of the article, over its caption.
    assert article.text[image.offset :].startswith(
        "The main reservoir at Alvar Dam, photographed on Sunday.\n\nHydropower output"
    )
    # Remote logos and scripts were never even asked for.
    assert calls == ["drought_files/reservoir.jpg"]


def test_data_uri_image_with_figure_caption() -> None:
    article = _import("thinktank.html")
    assert len(article.images) == 1
    chart = article.images[0]
    assert chart.media_type in ("image/png", "image/jpeg")
    assert (chart.width, chart.height) == (120, 80)
    assert chart.caption == "Figure 1. Share of global rare earth separation capacity, 2025."


def test_remote_images_are_ignored_and_image_limit_holds() -> None:
    wire = _import("wire.html", read_local=_reader(WEB))
    assert wire.images == ()
    capped = _import("jsonld.html", read_local=_reader(WEB), limits=ImportLimits(max_images=0))
    assert capped.images == ()


def test_missing_local_image_does_not_cost_the_article() -> None:
    article = _import("jsonld.html", read_local=lambda name: None)
    assert article.images == ()
    assert "Hydropower output" in article.text


def test_short_page_still_imports() -> None:
    page = b"<html><body><div>Short note: the Kessel board meeting moved to Friday.</div></body>"
    article = HtmlImporter().extract(page, "note.html", ImportLimits())
    assert "the Kessel board meeting moved to Friday" in article.text


def test_publisher_from_the_feed_footer_when_the_page_names_none() -> None:
    page = (
        "<html><head><title>Rail freight corridor opens</title></head><body><article>"
        "<h1>Rail freight corridor opens</h1>"
        + "<p>The corridor links the port to three inland terminals and cuts the journey"
        " for small exporters by a day, officials said on Tuesday.</p>"
        * 4
        + "<p>The post <a href='https://x.example/a'>Rail freight corridor opens</a>"
        " appeared first on <a href='https://x.example'>Harbour Lines</a>.</p>"
        "</article></body></html>"
    ).encode()

    article = HtmlImporter().extract(page, "corridor.html", ImportLimits())

    assert article.publisher == "Harbour Lines"
    assert "appeared first on" not in article.text
