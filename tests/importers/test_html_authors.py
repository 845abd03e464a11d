"""Authors of imported web pages: people, never the publisher, a CMS login or half a by-line."""

from __future__ import annotations

import json
from typing import Any

from briefer.core.model import Article
from briefer.importers.base import ImportLimits
from briefer.importers.html import HtmlImporter
from briefer.importers.htmlmeta import PageMetadata

_LEAD = (
    "<p>The port authority of Velden confirmed on Tuesday that it will raise berth fees for"
    " container ships by eleven percent from March, the first increase in six years, citing"
    " the cost of dredging the outer channel after two winters of heavy silting.</p>"
    "<p>Shipping lines that call at the port weekly said the rise would be passed on to"
    " importers within weeks. The port council will vote on the schedule on 14 February, and"
    " the new fees would apply to all calls from the first of April.</p>"
)


def _import(head: str, body: str) -> Article:
    page = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"
    )
    return HtmlImporter().extract(page.encode(), "velden.html", ImportLimits())


def _json_ld(value: Any) -> str:
    return f"<script type='application/ld+json'>{json.dumps(value)}</script>"


_ORG_AUTHOR = _json_ld(
    {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Velden fees rise",
        "author": {"@type": "Organization", "name": "Coastal Times"},
        "publisher": {"@type": "Organization", "name": "Coastal Times"},
        "datePublished": "2025-11-18",
    }
)


def test_the_publisher_named_as_author_is_no_author() -> None:
    article = _import(
        "<title>Velden fees rise - Coastal Times</title>"
        "<meta name='author' content='Coastal Times'>" + _ORG_AUTHOR,
        f"<article><h1>Velden fees rise</h1>{_LEAD}</article>",
    )

    assert article.publisher == "Coastal Times"
    assert article.author == ""


def test_the_by_line_names_the_writer_when_the_markup_names_the_publisher() -> None:
    article = _import(
        "<title>Velden fees rise - Coastal Times</title>"
        "<meta name='author' content='Coastal Times'>" + _ORG_AUTHOR,
        "<article><h1>Velden fees rise</h1><div class='article-byline'>By <span>Anna Groot"
        f"</span>, Shipping Correspondent</div>{_LEAD}</article>",
    )

    assert article.author == "Anna Groot"


_PERSON = "https://h.example/#/schema/person/abc"
_ORG = "https://h.example/#organization"
_YOAST = _json_ld(
    {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "@id": "https://h.example/p/#article",
                "author": {"name": "Greta Weiss", "@id": _PERSON},
                "headline": "Velden fees rise",
                "publisher": {"@id": _ORG},
            },
            {"@type": "Organization", "@id": _ORG, "name": "Harbour Notes"},
            {"@type": "Person", "@id": _PERSON, "name": "Greta Weiss"},
        ],
    }
)


def test_yoasts_untyped_author_is_the_person_its_id_names() -> None:
    article = _import(
        "<title>Velden fees rise - Harbour Notes</title>"
        "<meta name='author' content='Harbour Media Group'>" + _YOAST,
        f"<article><h1>Velden fees rise</h1>{_LEAD}</article>",
    )

    assert article.author == "Greta Weiss"
    assert article.publisher == "Harbour Notes"


def test_a_wordpress_login_gives_way_to_the_by_line() -> None:
    article = _import(
        "<title>Velden fees rise</title><meta name='author' content='greta_w'>",
        "<article><header><h1>Velden fees rise</h1><span class='byline'> by <span class="
        "'author vcard'><a href='/author/greta_w/'>Greta Weiss</a></span></span></header>"
        f"{_LEAD}</article>",
    )

    assert article.author == "Greta Weiss"


def test_every_author_linked_in_the_by_line_is_kept() -> None:
    article = _import(
        "<title>Velden fees rise</title><meta property='og:site_name' content='The Daily Herald'>",
        "<article><h1>Velden fees rise</h1><div class='byline'>By <a rel='author'"
        " href='/authors/anna-groot'>Anna Groot</a> and <a rel='author'"
        f" href='/authors/tomas-ried'>Tomas Ried</a></div>{_LEAD}</article>"
        "<aside class='more'><h3>More stories</h3><a rel='author' href='/authors/x'>Marta Kolb"
        "</a></aside>",
    )

    assert article.author == "Anna Groot, Tomas Ried"


def test_a_second_source_adds_the_people_it_names_not_the_publisher() -> None:
    """The extractor's own by-line reading fills in what the page's markup lacks, without
    the names the page shows are its publisher's."""
    ours = PageMetadata(title="Velden fees rise", rejected=frozenset({"coastaltimes"}))

    filled = ours.or_else(
        PageMetadata(title="Coastal Times", author="Anna Groot, Coastal Times", language="en")
    )

    assert (filled.title, filled.author, filled.language) == (
        "Velden fees rise",
        "Anna Groot",
        "en",
    )
    assert ours.or_else(PageMetadata(author="Coastal Times")).author == ""
