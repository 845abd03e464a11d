"""Dates and by-lines as a reader finds them under a web page's headline: numeric dates
read in the page's own order, the published date over the updated one, never a related
story's or a comment's date, and a by-line's paper kept out of its authors."""

from __future__ import annotations

import datetime as dt
import json
import quopri
from pathlib import Path

import pytest

from briefer.core.model import Article
from briefer.importers import import_bytes, import_path
from briefer.importers.htmldates import numeric_order, read_dateline
from briefer.importers.htmlnames import byline_publisher, clean_author

DATELINES = Path(__file__).parents[1] / "data" / "importers" / "web" / "datelines"
EXPECTED = json.loads((DATELINES / "expected.json").read_text(encoding="utf-8"))


def _seen(article: Article) -> dict[str, str | None]:
    """What the analyst sees of the page in the article's details."""
    return {
        "publisher": article.publisher,
        "author": article.author,
        "date": article.published.isoformat() if article.published else None,
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_saved_page_is_dated_and_credited_as_its_by_line_reads(name: str) -> None:
    """Each page's trap is in tests/data/importers/web/datelines/README.md."""
    article = import_path(DATELINES / f"{name}.html").article

    assert _seen(article) == EXPECTED[name]


def _variant(name: str, *edits: tuple[str, str]) -> Article:
    """A fixture page with ``edits`` made, imported as the app imports a file."""
    page = (DATELINES / f"{name}.html").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in page, old
        page = page.replace(old, new)
    return import_bytes(page.encode(), f"{name}.html").article


@pytest.mark.parametrize(
    ("lang", "date"),
    [
        ('lang="en-US"', dt.date(2015, 3, 4)),
        ('lang="en-GB"', dt.date(2015, 4, 3)),
        ('lang="en-AU"', dt.date(2015, 4, 3)),
        ('lang="fr"', dt.date(2015, 4, 3)),
        ('lang="en-CA"', None),  # Canada writes both orders
        ('lang="ja"', None),
    ],
)
def test_an_ambiguous_numeric_date_is_read_in_the_pages_language(
    lang: str, date: dt.date | None
) -> None:
    """ "03/04/2015" is 4 March in the United States, 3 April elsewhere, and nothing at all
    where the page gives no way to tell: then no other reader may guess it either."""
    article = _variant("bulletin_no_region", ("<html>", f"<html {lang}>"))

    assert article.published == date


def test_plain_english_on_an_american_dot_com_is_month_first_and_on_co_uk_day_first() -> None:
    on_com = _variant(
        "bulletin_no_region",
        ("<html>", '<html lang="en">'),
        ("https://riversidebulletin.example/", "https://www.riversidebulletin.example.com/"),
    )
    on_co_uk = _variant(
        "bulletin_no_region",
        ("<html>", '<html lang="en">'),
        ("https://riversidebulletin.example/", "https://www.riversidebulletin.example.co.uk/"),
    )

    assert (on_com.published, on_co_uk.published) == (dt.date(2015, 3, 4), dt.date(2015, 4, 3))


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("ledger_us_ambiguous", None),  # trafilatura's reading, 3 April, is wrong here
        ("bulletin_no_region", None),  # and a guess here
        ("gazette_gb_ambiguous", dt.date(2015, 4, 3)),  # and the page's own here
    ],
)
def test_a_numeric_date_under_the_story_is_not_misread_by_the_second_reader(
    name: str, date: dt.date | None
) -> None:
    """The date stands at the story's end, too far from the headline for the by-line
    reading; trafilatura's date finder, which reads the whole page, takes every numeric
    date day first, so only a page that writes the day first may keep its reading."""
    span = '<span class="date">03/04/2015</span>'
    article = _variant(
        name,
        (span, ""),
        ('</div>\n<div class="comments">', f'<p class="posted-on">{span}</p></div>\n<div>'),
    )

    assert article.published == date


def test_a_published_line_after_the_updated_one_still_dates_the_page() -> None:
    """KVTN prints "Updated: 03/01/2015" first; the day it was posted, 26 February, is the
    article's date, whichever order the two lines come in and whatever the date looks like."""
    swapped = _variant(
        "kvtn_updated",
        ("Updated: 03/01/2015 9:02 AM EST", "{first}"),
        ("Posted: 02/26/2015 10:14 AM EST", "Updated: 03/01/2015 9:02 AM EST"),
        ("{first}", "Posted: 02/26/2015 10:14 AM EST"),
    )
    alone = _variant("kvtn_updated", ('<p class="updated">Updated: 03/01/2015 9:02 AM EST</p>', ""))

    assert (swapped.published, alone.published) == (dt.date(2015, 2, 26), dt.date(2015, 2, 26))


@pytest.mark.parametrize(
    ("posted", "lang", "date"),
    [
        ("Posted: 2/26/15 10:14 AM EST", 'lang="en-US"', dt.date(2015, 2, 26)),
        # Month first, though the page writes the day first: 26 can only be the day.
        ("Posted: 2/26/2015", 'lang="en-GB"', dt.date(2015, 2, 26)),
        ("02/26/2015 10:14 AM EST", 'lang="en-GB"', dt.date(2015, 2, 26)),
        ("Posted: 3/4/15 10:14 AM EST", 'lang="en-US"', dt.date(2015, 3, 4)),
        ("Posted: 3/4/15 10:14 AM EST", 'lang="en-GB"', dt.date(2015, 4, 3)),
        ("Posted: 26.02.15, 10:14", 'lang="de"', dt.date(2015, 2, 26)),
        ("Posted: 2015-02-26 10:14", 'lang="en-US"', dt.date(2015, 2, 26)),
        ("Posted: Thursday, 26 February 2015", 'lang="en-US"', dt.date(2015, 2, 26)),
    ],
)
def test_a_dateline_in_each_way_pages_write_it(posted: str, lang: str, date: dt.date) -> None:
    """Before the by-line was read, trafilatura's date finder dated some of these (it reads
    "26.02.15" and "2015-02-26", and "3/4/15" day first); each is now the by-line's."""
    article = _variant(
        "kvtn_updated",
        ('lang="en-US"', lang),
        ('<p class="updated">Updated: 03/01/2015 9:02 AM EST</p>', ""),
        ("Posted: 02/26/2015 10:14 AM EST", posted),
    )

    assert article.published == date


def test_a_copyright_line_beside_the_story_is_no_date() -> None:
    """The notice under a picture or a short story dates the site's rights, not the story."""
    article = _variant(
        "related_only",
        (
            '<div class="story-body">',
            '<p class="legal">© 2/27/2015 Cedar Falls Media. All rights reserved.</p>'
            '<div class="story-body">',
        ),
    )

    assert article.author == "Ruth Miller"
    assert article.published is None


def test_the_by_lines_paper_does_not_outrank_the_sites_own_name() -> None:
    article = _variant(
        "harbour_sun",
        ("<title>", '<meta property="og:site_name" content="Daily News Network"><title>'),
    )

    assert (article.publisher, article.author) == ("Daily News Network", "Lorna Oakfield")


def test_a_date_above_the_headline_dates_the_page() -> None:
    """Some sites print the date in the kicker over the headline ("Verkehr | 26.02.2015")."""
    article = _variant(
        "rheinblatt_dotted",
        ('<p class="dachzeile">Verkehr</p>', '<p class="dachzeile">Verkehr | 26.02.2015</p>'),
        ('<span class="datum">26.02.2015, 10:14 Uhr</span>', ""),
    )

    assert article.published == dt.date(2015, 2, 26)


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Jane Smith | The Advertiser | February 26, 2015", "Jane Smith"),
        ("by: | Laurie Oakes | From: | Harbour Sun | February 26, 2015 12:00AM", "Laurie Oakes"),
        ("By Jane Smith and Tom Roe, Herald Sun", "Jane Smith and Tom Roe"),
        ("By Ann Lee | Courier-Mail", "Ann Lee"),
        # A paper's name alone stays: it is what the page calls its writer.
        ("The Advertiser", "The Advertiser"),
        # Family names that are newspapers' words too stay names.
        ("By Emily Post and Ann Star", "Emily Post and Ann Star"),
        ("By Jane Smith, Zachary Leader", "Jane Smith, Zachary Leader"),
        ("By Tom Daily, Carl Mercury", "Tom Daily, Carl Mercury"),
    ],
)
def test_a_by_lines_paper_is_not_an_author(byline: str, author: str) -> None:
    assert clean_author(byline) == author


@pytest.mark.parametrize(
    ("byline", "publisher"),
    [
        ("by: Laurie Oakes From: Herald Sun", "Herald Sun"),
        ("by: Laurie Oakes | From: | Herald Sun | 26/02/2015 12:00AM", "Herald Sun"),
        ("By Jane Smith | The Advertiser | February 26, 2015", "The Advertiser"),
        ("By Jane Smith, Herald Sun", "Herald Sun"),
        ("By Jane Smith | Updated February 26, 2015", ""),
        ("By Emily Post", ""),
        ("The Advertiser", ""),  # no writer named before it: not a by-line's paper
        ("By Jane Smith, Daily Mail Reporter", ""),  # her job
        ("By Jane Smith, reporting from: Kyiv", ""),  # where she wrote
        ("By Jane Smith, Zachary Leader", ""),  # a co-author
        ("By Jane Smith | The Long Read", ""),  # a section
        ("By Jane Smith | The Age", "The Age"),
    ],
)
def test_the_paper_a_by_line_names(byline: str, publisher: str) -> None:
    assert byline_publisher(byline) == publisher


@pytest.mark.parametrize(
    ("languages", "url", "order"),
    [
        (["en-US"], "", "mdy"),
        (["en_us"], "", "mdy"),
        (["en-GB"], "https://x.example.com/", "dmy"),
        (["en", "en-AU"], "", "dmy"),  # <html lang="en"> with og:locale en_AU
        (["en"], "https://www.kvtn7.example.com/news/", "mdy"),
        (["en"], "https://www.kvtn7.tv/news/", None),  # a .tv is sold to sites anywhere
        (["en"], "https://www.gazette.example.co.uk/news/", "dmy"),
        (["en"], "https://www.southnow.example/", None),
        (["en"], "", None),
        ([], "https://www.kvtn7.example.com/", None),
        (["de"], "", "dmy"),
        (["zh-CN"], "", None),  # Chinese runs year first: "03/04/2015" is no custom there
        (["en-CA"], "", None),
    ],
)
def test_the_order_a_page_writes_numeric_dates_in(
    languages: list[str], url: str, order: str | None
) -> None:
    assert numeric_order(languages, url) == order


def test_a_page_of_dates_is_read_within_bounds() -> None:
    """A crafted by-line of ten megabytes of dates, or a million date elements after the
    headline, is read in a bounded prefix: the first short piece, not the whole."""
    from lxml import html

    dates = "2/26/2015 " * 1_000_000
    tree = html.fromstring(
        f"<html><body><h1>Head</h1><p>By Ann Lee</p><p>{dates}</p></body></html>"
    )
    assert read_dateline(tree.find(".//h1"), None).date is None  # one long piece, no line

    spans = "<span class='date'>03/04/2015</span>" * 200_000
    tree = html.fromstring(f"<html><body><h1>Head</h1><div>{spans}</div></body></html>")
    line = read_dateline(tree.find(".//h1"), None)
    assert (line.date, line.undecided) == (None, {dt.date(2015, 3, 4), dt.date(2015, 4, 3)})


def _mhtml(page: bytes, location: str) -> bytes:
    """``page`` as Chrome's "Webpage, single file" saves it: one quoted-printable part."""
    boundary = "----MultipartBoundary--d8Kq2WbX0zYc5Lr7Tn1Vm4Hs9Ej3----"
    head = [
        "From: <Saved by Blink>",
        f"Snapshot-Content-Location: {location}",
        "Subject: County board approves new bus route to the airport",
        "Date: Fri, 27 Feb 2015 08:30:00 -0500",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/related; type="text/html"; boundary="{boundary}"',
        "",
        f"--{boundary}",
        "Content-Type: text/html",
        "Content-Transfer-Encoding: quoted-printable",
        f"Content-Location: {location}",
        "",
        "",
    ]
    body = quopri.encodestring(page, quotetabs=False)
    return "\r\n".join(head).encode() + body + f"\r\n--{boundary}--\r\n".encode()


def test_a_page_saved_as_mhtml_is_dated_by_its_by_line_too() -> None:
    """The archive's own Date header is when it was saved, not when the story ran."""
    page = (DATELINES / "kvtn_updated.html").read_bytes()
    location = "https://www.kvtn7.example.com/news/local/county-board-approves-new-bus-route"
    article = import_bytes(_mhtml(page, location), "bus route.mhtml").article

    assert article.source_format == "mhtml"
    assert _seen(article) == EXPECTED["kvtn_updated"]


def test_a_picture_credit_above_the_by_line_does_not_make_its_date_a_copyright() -> None:
    """A lead picture's "(c) Jane Doe" stands pieces above the by-line's date: a label
    names a date in its own piece or the one before it only."""
    article = _variant(
        "ledger_us_ambiguous",
        ('lang="en"', 'lang="en-US"'),
        ('<div class="article-meta">',
         '<div class="lead-image"><img src="/i/main.jpg" alt=""><span class="credit">(c) Jane'
         ' Doe</span></div><p class="kicker">Roads</p><div class="article-meta">'),
    )  # fmt: skip
    assert article.published == dt.date(2015, 3, 4)
