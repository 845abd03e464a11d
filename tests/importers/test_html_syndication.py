"""Syndication footers under imported web pages: dropped from the text, read for the publisher."""

from __future__ import annotations

import pytest

from briefer.importers.base import ImportLimits
from briefer.importers.cleanup import feed_footer_site, is_boilerplate_line
from briefer.importers.html import HtmlImporter

_STORY = (
    "The port authority of Velden confirmed on Tuesday that it will raise berth fees for"
    " container ships by eleven percent from March, the first increase in six years.",
    "Shipping lines that call at the port weekly said the rise would be passed on to"
    " importers within weeks, and importers' associations asked for a phased introduction.",
    "The port council will vote on the schedule on 14 February. If it is approved, the new"
    " fees apply to all calls from the first of April.",
)


def _page(footer: str) -> bytes:
    paragraphs = "".join(f"<p>{text}</p>\n" for text in _STORY)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Velden fees rise</title>"
        "</head><body><article class='post'><h1 class='entry-title'>Velden fees rise</h1>"
        f"<div class='entry-content'>{paragraphs}<p>{footer}</p></div></article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("footer", "publisher"),
    [
        # WordPress, Yoast and their kin, in both word orders.
        ("The post <a href='https://x.example/p'>Velden fees rise</a> first appeared on"
         " <a href='https://x.example'>Coastwire</a>.", "Coastwire"),
        ("The post Velden fees rise appeared first on Coastwire - News from the coast.",
         "Coastwire"),
        ("The post Velden fees rise was first published on Coastwire.", "Coastwire"),
        # Medium's feed footer.
        ("<a href='https://medium.example/p'>Velden fees rise</a> was originally published in"
         " <a href='https://medium.example/coastwire'>Coastwire</a> on Medium, where people are"
         " continuing the conversation by highlighting and responding to this story.",
         "Coastwire"),
        # Republishers' credits, when the whole line is the credit.
        ("This article was originally published on <a href='https://c.example'>Coastwire</a>."
         " Read the original article.", "Coastwire"),
        ("This story originally appeared in Coastwire and is republished here under a Creative"
         " Commons license.", "Coastwire"),
        ("This article originally appeared on Coastwire at https://coastwire.example/velden",
         "Coastwire"),
        ("This story was originally published by the Harbour Review.", "The Harbour Review"),
    ],
)  # fmt: skip
def test_syndication_footer_is_dropped_and_names_the_publisher(footer: str, publisher: str) -> None:
    article = HtmlImporter().extract(_page(footer), "velden.html", ImportLimits())

    assert article.text.endswith("apply to all calls from the first of April.")
    assert article.publisher == publisher


@pytest.mark.parametrize(
    "line",
    [
        "This entry was posted in Harbour, Shipping and tagged fees. Bookmark the permalink.",
        "Posted by Anna Groot at 10:32 AM",
        "Continue reading Velden fees rise →",
        "Email This BlogThis! Share to X Share to Facebook Share to Pinterest",
        "Originally published at coastwire.example on March 3, 2025.",
    ],
)
def test_blog_platform_furniture_is_boilerplate(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        # Sentences that mention where something appeared, and say more than that.
        "This story originally appeared in print last week, the editor said.",
        "The article appeared in Nature.",
        "The report was first published in 2019 and has been cited widely since.",
        "This post was originally published on my personal blog.",
        "This story originally appeared in Coastwire and was rewritten by our desk after the"
        " port council changed its schedule.",
    ],
)
def test_sentences_about_publication_are_kept(line: str) -> None:
    assert not is_boilerplate_line(line)
    assert feed_footer_site(line) == ""
