"""Metadata from the page's own story, not a related one: which JSON-LD object and which
<time> speak for the article."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from briefer.core.model import Article
from briefer.importers.base import ImportLimits
from briefer.importers.html import HtmlImporter

_LEAD = (
    "<p>The port authority of Velden confirmed on Tuesday that it will raise berth fees for"
    " container ships by eleven percent from March, the first increase in six years, citing"
    " the cost of dredging the outer channel after two winters of heavy silting.</p>"
    "<p>Shipping lines that call at the port weekly said the rise would be passed on to"
    " importers within weeks. The port council will vote on the schedule on 14 February, and"
    " the new fees would apply to all calls from the first of April.</p>"
)
_RELATED = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Dock strike ends",
    "url": "https://ct.example/dock",
    "datePublished": "2025-11-30",
    "author": {"@type": "Person", "name": "Someone Else"},
}
_OWN = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Velden fees rise",
    "url": "https://ct.example/velden",
    "datePublished": "2025-11-18",
    "author": {"@type": "Person", "name": "Anna Groot"},
}


def _import(head: str, body: str, *, body_attrs: str = "") -> Article:
    page = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head>"
        f"<body{body_attrs}>{body}</body></html>"
    )
    return HtmlImporter().extract(page.encode(), "velden.html", ImportLimits())


def _json_ld(value: Any) -> str:
    return f"<script type='application/ld+json'>{json.dumps(value)}</script>"


def test_a_related_story_listed_first_does_not_speak_for_the_page() -> None:
    article = _import(
        "<title>Velden fees rise | Coastal Times</title>" + _json_ld([_RELATED, _OWN]),
        f"<article><h1>Velden fees rise</h1>{_LEAD}</article>",
    )

    assert article.title == "Velden fees rise"
    assert article.author == "Anna Groot"
    assert article.published == dt.date(2025, 11, 18)
    assert article.url == "https://ct.example/velden"


def test_the_object_whose_address_is_the_canonical_one_wins() -> None:
    own = {**_OWN, "headline": "Port raises berth fees by eleven percent"}
    article = _import(
        "<title>Velden fees rise</title>"
        "<link rel='canonical' href='https://www.ct.example/velden/'>" + _json_ld([_RELATED, own]),
        f"<article><h1>Velden fees rise</h1>{_LEAD}</article>",
    )

    assert article.author == "Anna Groot"
    assert article.published == dt.date(2025, 11, 18)


def test_the_web_pages_main_entity_wins() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            _RELATED,
            {"@type": "WebPage", "name": "Coastal Times", "mainEntity": {"@id": "#story"}},
            {**_OWN, "@id": "#story", "headline": "Berth fees up", "url": ""},
        ],
    }
    article = _import(
        "<title>Coastal Times</title>" + _json_ld(graph),
        f"<article><h1>Velden fees rise</h1>{_LEAD}</article>",
    )

    assert article.author == "Anna Groot"
    assert article.published == dt.date(2025, 11, 18)


def test_no_object_matching_the_page_means_no_json_ld_metadata() -> None:
    other = {**_OWN, "headline": "Ostmark record", "url": "https://ct.example/ostmark"}
    article = _import(
        "<title>Velden fees rise</title>" + _json_ld([_RELATED, other]),
        f"<article><h1>Velden fees rise</h1><p class='byline'>By Marta Kolb</p>{_LEAD}</article>",
    )

    assert article.author == "Marta Kolb"
    assert article.published is None
    assert article.url == ""


def test_a_lone_object_with_another_headline_is_still_the_pages() -> None:
    """Sites often give search engines a headline of their own; without an address that
    says otherwise, the page's only article object is its own."""
    own = {**_OWN, "headline": "Port raises berth fees by eleven percent", "url": ""}
    article = _import(
        "<title>Velden fees rise</title>" + _json_ld(own),
        f"<article><h1>Velden fees rise</h1>{_LEAD}</article>",
    )

    assert article.author == "Anna Groot"
    assert article.published == dt.date(2025, 11, 18)


def test_the_mastheads_date_of_today_is_not_the_articles() -> None:
    article = _import(
        "<title>Velden fees rise | Coastal Times</title>",
        "<header class='masthead'><div class='today'><time datetime='2025-12-01'>Monday,"
        " December 1, 2025</time></div><a class='logo'>Coastal Times</a>"
        "<nav><a>News</a> <a>Business</a></nav></header>"
        "<main><article><h1>Velden fees rise</h1><p class='byline'>By Anna Groot</p>"
        f"<p class='dateline'>Published November 18, 2025</p>{_LEAD}</article></main>",
    )

    assert article.published == dt.date(2025, 11, 18)


def test_a_sidebars_time_does_not_outrank_the_pages_date() -> None:
    article = _import(
        "<title>Velden fees rise</title><meta name='date' content='2025-11-18'>",
        "<aside class='trending'><h3>Trending</h3><ul><li><a href='/x'>Dock strike ends</a>"
        " <time datetime='2025-11-30T09:00'>30 Nov</time></li></ul></aside>"
        f"<main><div class='story'><h1>Velden fees rise</h1>{_LEAD}</div></main>",
    )

    assert article.published == dt.date(2025, 11, 18)


def test_the_articles_own_header_time_is_its_date() -> None:
    """A header inside the article is the story's, and a WordPress body's "has-sidebar"
    class does not make the whole page a sidebar."""
    article = _import(
        "<title>Velden fees rise</title>",
        "<header><time datetime='2025-12-01'>Today</time></header>"
        "<div class='related-posts'><time datetime='2025-11-30'>30 Nov</time></div>"
        "<article><header><h1>Velden fees rise</h1><time datetime='2025-11-18T08:00'>"
        f"18 November</time></header>{_LEAD}</article>",
        body_attrs=" class='single has-sidebar'",
    )

    assert article.published == dt.date(2025, 11, 18)


def test_a_time_beside_the_byline_counts_without_an_article_element() -> None:
    article = _import(
        "<title>Velden fees rise</title>",
        "<div class='top'><time datetime='2025-12-01'>Today</time></div>"
        "<div class='story'><h1>Velden fees rise</h1><div class='meta'>"
        "<span class='byline'>By Anna Groot</span> <time datetime='2025-11-18'>18 Nov</time>"
        f"</div>{_LEAD}</div>",
    )

    assert article.published == dt.date(2025, 11, 18)


def _logo_first(logo: str, title: str, og_title: str, canonical: str, aside: str = "") -> Article:
    """A page whose first <h1> is the site's logo, a link home, as France 24's was."""
    return _import(
        f"<title>{title}</title><meta property='og:title' content='{og_title}'>"
        f"<link rel='canonical' href='{canonical}'>",
        f"<header><h1><a href='/en/'>{logo}</a></h1></header>{aside}"
        f"<div class='story'><h1 class='title'>Velden fees rise</h1>{_LEAD}</div>",
    )


def test_the_headline_is_the_h1_the_titles_name_not_the_logo_before_it() -> None:
    """The logo <h1> came first, so the section label before the headline in og:title
    ("Asia-pacific - ") was kept, and the date was looked for after the logo: in a
    sidebar of live news a day later. The story's address holds its date in one piece."""
    article = _logo_first(
        "Coastal Times - International news 24/7",
        "Europe - Velden fees rise - Coastal Times",
        "Europe - Velden fees rise",
        "https://ct.example/en/20251118-velden-fees-rise",
        "<aside><h2>Live news</h2><time datetime='2025-11-19T10:25:21+02:00'>10:25</time>"
        "<a href='/en/x'>Ferry strike called off</a></aside>",
    )
    assert article.title == "Velden fees rise"
    assert article.published == dt.date(2025, 11, 18)


def test_a_logo_h1_holding_the_sites_name_is_not_taken_for_the_headline() -> None:
    """The site's name is in "Headline | Site" too: the longer <h1> the title holds wins,
    and the date printed under it is the story's."""
    article = _logo_first(
        "Coastal Times",
        "Velden fees rise | Coastal Times",
        "Velden fees rise",
        "https://ct.example/velden",
        "<aside><p>Tuesday 19 November 2025</p></aside>",
    )
    assert article.title == "Velden fees rise"
    assert article.published is None  # the masthead's day is not the story's


def test_a_date_in_one_piece_in_the_address_is_read() -> None:
    from briefer.importers.htmlmeta import url_date

    assert url_date("https://www.france24.com/en/20150512-bangladesh-blogger") == dt.date(
        2015, 5, 12
    )
    assert url_date("https://ct.example/2025/11/18/velden") == dt.date(2025, 11, 18)
    assert url_date("https://ct.example/story/20151399-not-a-date") is None
    assert url_date("https://ct.example/id/201505121234") is None  # an id, not a date


def test_a_short_headline_beats_the_sites_name_set_as_an_h1() -> None:
    """Review: "longest <h1> the title holds" took a footer's "The New York Times" over
    the story's "Biden wins"; the story's own <h1>, opening the title, wins."""
    article = _import(
        "<title>Velden wins - The Coastal Times Of Velden</title>",
        f"<article><h1>Velden wins</h1>{_LEAD}</article>"
        "<footer><h1>The Coastal Times Of Velden</h1></footer>",
    )
    assert article.title == "Velden wins"
    assert article.text.startswith("Velden wins")
