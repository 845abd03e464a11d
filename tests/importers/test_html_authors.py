"""Authors of imported web pages: people, never the publisher, a CMS login or half a by-line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefer.cli import main
from briefer.core.model import Article
from briefer.importers import import_path
from briefer.importers.base import ImportLimits
from briefer.importers.html import HtmlImporter
from briefer.importers.htmlmeta import PageMetadata
from briefer.importers.htmlnames import clean_author

BYLINES = Path(__file__).parents[1] / "data" / "importers" / "web" / "bylines"

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


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("By Jane Smith, New York", "Jane Smith"),
        ("By JANE SMITH, WASHINGTON", "Jane Smith"),
        ("Jane Smith and Tom Lee, London", "Jane Smith and Tom Lee"),
        ("Ann Lee and Bo Chan, Brussels", "Ann Lee and Bo Chan"),
        ("Ann Lee, Bo Chan, Hong Kong", "Ann Lee, Bo Chan"),
        ("By Jane Smith, London, 4 December", "Jane Smith"),
        ("By Jane Smith, Washington, D.C.", "Jane Smith"),
        ("Jane Smith, New York City", "Jane Smith"),
        ("Jane Smith, Brussels/Paris", "Jane Smith"),
        ("Jane Smith, Sao Paulo", "Jane Smith"),
        ("Jane Smith, ZÜRICH", "Jane Smith"),
        ("Jane Smith, Zurich", "Jane Smith"),
        ("Jane Smith, Cairo, Egypt", "Jane Smith"),
        ("Jane Smith, Hong Kong and Tom Lee, Beijing", "Jane Smith, Tom Lee"),
        ("Jane Smith | Frankfurt", "Jane Smith"),
        ("Jane Smith, in Kyiv", "Jane Smith"),
        ("By Jane Smith (Geneva)", "Jane Smith"),
        ("Reuters, London", ""),  # the publisher, then where it filed from: no one
        ("WASHINGTON | By Jane Smith", "Jane Smith"),  # the dateline set before the by-line
        ("Jane Smith | Washington Bureau Chief", "Jane Smith"),
    ],
)
def test_the_place_a_by_line_was_filed_from_is_no_author(byline: str, people: str) -> None:
    assert clean_author(byline, frozenset({"reuters"})) == people


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("Jordan Peterson, Paris", "Jordan Peterson"),
        ("PARIS HILTON, LONDON", "Paris Hilton"),
        ("Georgia Smith and Sydney Brown, Sydney", "Georgia Smith and Sydney Brown"),
        ("Jane Smith, Sydney Brown, Jordan Peterson, Washington",
         "Jane Smith, Sydney Brown, Jordan Peterson"),
    ],
)  # fmt: skip
def test_people_named_like_places_stay_and_their_dateline_goes(byline: str, people: str) -> None:
    assert clean_author(byline) == people


@pytest.mark.parametrize("place", ["Washington", "Georgia", "Jordan", "Sydney", "London"])
def test_a_place_first_or_after_one_word_is_a_name_written_family_name_first(place: str) -> None:
    """citation_author and some meta tags write "Family, Given": there a place-like word
    is a name ("Jordan, Michael", "Smith, Georgia"); after a whole name it is a dateline."""
    assert clean_author(f"{place}, Michael") == f"{place}, Michael"
    assert clean_author(f"Smith, {place}") == f"Smith, {place}"
    assert clean_author(place) == place
    assert clean_author(f"Jane Smith, {place}") == "Jane Smith"


@pytest.mark.parametrize("place", ["London", "Washington", "Sydney"])
def test_a_place_after_a_name_written_family_name_first_is_its_dateline(place: str) -> None:
    """ "Smith, Jane" is a whole name: a place after it is where she filed from, as after
    "Jane Smith"; a second writer written the same way follows it."""
    assert clean_author(f"Smith, Jane, {place}") == "Smith, Jane"
    assert clean_author(f"Smith, Jane, Doe, John, {place}") == "Smith, Jane, Doe, John"
    assert clean_author(f"Smith, Jane, {place}, Doe, John") == "Smith, Jane, Doe, John"
    assert clean_author(f"Smith, {place}") == f"Smith, {place}"
    assert clean_author(f"Doe, John, {place}, Sarah") == f"Doe, John, {place}, Sarah"
    assert clean_author(f"Smith, Jane, {place}, Germany") == "Smith, Jane"


def test_a_page_by_jane_smith_in_new_york_is_by_jane_smith_alone() -> None:
    article = import_path(BYLINES / "dateline.html").article

    assert article.title == "Container rates fall as new ships join Atlantic routes"
    assert article.author == "Jane Smith"


def _cli(capsys: pytest.CaptureFixture[str], *args: object) -> str:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_a_note_citing_a_datelined_page_credits_only_its_writer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The by-line's place reached the footnote as a second author ("Smith and New
    York"); through the CLI on a real project, it now names Jane Smith alone."""
    project = tmp_path / "brief.briefer"
    _cli(capsys, "new", project)
    _cli(capsys, "import", project, BYLINES / "dateline.html")
    (article,) = json.loads(_cli(capsys, "articles", project, "--json"))
    assert article["author"] == "Jane Smith"
    words = "Spot rates for shipping a container from northern Europe"
    _cli(capsys, "tag", project, "--article", article["id"], "--text", words, "--theme", "Trade")
    note = json.loads(_cli(capsys, "draft", project, "--title", "Rates", "--themes", "Trade",
                           "--json"))  # fmt: skip
    target = tmp_path / "note.md"
    _cli(capsys, "export", project, "--note", note["id"], "-o", target)

    footnote = target.read_text(encoding="utf-8").split("[^1]:", 1)[1]
    assert "Smith" in footnote and "Quayside Ledger" in footnote
    assert "New York" not in footnote


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        # Le Monde's by-line, as a real page wrote it (Mozilla Readability's test set)
        ("Martin Untersinger| (avec Damien Leloup et Morgane Tual)",
         "Martin Untersinger, Damien Leloup, Morgane Tual"),
        ("Jane Smith (with Tom Lee)", "Jane Smith, Tom Lee"),
        ("Ana Gómez (con Luis Pérez y Marta Ruiz)", "Ana Gómez, Luis Pérez, Marta Ruiz"),
        ("Jane Smith (London)", "Jane Smith"),  # where she filed from, not a writer
    ],
)  # fmt: skip
def test_writers_named_with_the_first_are_authors_too(byline: str, people: str) -> None:
    assert clean_author(byline) == people
