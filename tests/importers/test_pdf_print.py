"""News pages saved with a browser's "Save as PDF": where the article starts, and what the
print tells about it (headline, site, writer, date, address)."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ArticleBuilder, ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdfprint import (
    byline_author,
    from_headline,
    headline_and_site,
    in_title,
    pull_quotes,
    without_story_lists,
    without_web_furniture,
)

_PARAGRAPH = (
    "The morning ferry to the islands was cancelled again on Tuesday, the third time in a week."
)

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _import(name: str) -> Article:
    return PdfImporter().extract((PDF / name).read_bytes(), name, ImportLimits())


def _source_text(pattern: str) -> list[str]:
    source = (PDF / "masthead.html").read_text(encoding="utf-8")
    return [html.unescape(" ".join(m.split())) for m in re.findall(pattern, source, re.S)]


@pytest.fixture(scope="module")
def masthead() -> Article:
    """masthead.pdf: Chromium's print, with its header and footer, of a page served at a
    long address: a top bar with the day's date, a logo set larger than the headline, a
    menu, a section line, then the headline, a "Name - date" line, the article."""
    return _import("masthead.pdf")


def test_a_printed_page_starts_at_the_headline_its_title_names(masthead: Article) -> None:
    """The logo, set larger than the headline, and the menu are the site, not the article."""
    (headline,) = _source_text(r"<h1>(.*?)</h1>")
    (dateline,) = _source_text(r'<p class="meta">(Mara.*?)</p>')
    assert masthead.text.startswith(f"{headline}\n\n{dateline}\n\n")
    assert "LAKESIDE COURIER" not in masthead.text
    assert "Politics" not in masthead.text and "Business › Transport" not in masthead.text
    paragraphs = _source_text(r"<p>(.*?)</p>")[:-1]  # the last is the newsletter's
    blocks = [masthead.block_text(b) for b in masthead.blocks]
    assert [b for b in blocks if b in paragraphs] == paragraphs  # every one, in order
    assert len(paragraphs) == 5


def test_a_sidebar_head_level_with_the_section_line_goes_with_its_list(
    masthead: Article,
) -> None:
    """The sidebar's "Most read" stands level with the section line over the article, so
    the page's reading order put it before the headline, where the cut at the headline
    took it and left its list under the article. The sidebar is read after the article,
    whole, and goes there as a list of other stories."""
    items = _source_text(r"<li>([^<]*?)</li>")[-4:]
    assert len(items) == 4 and not any(item in masthead.text for item in items)


def test_a_story_list_and_what_follows_it_are_not_the_article(masthead: Article) -> None:
    """ "Most read" and its entries, then a newsletter form: the page's, not the story's."""
    assert masthead.block_text(masthead.blocks[-1]).startswith("The union said")
    assert "Most read" not in masthead.text and "Newsletter" not in masthead.text


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        ([("h", "Related stories"), ("p", "Drought order lifted"), ("p", "River levels fall")], 2),
        (
            [
                ("h", "Most read"),
                ("p", "1. Drought order lifted"),
                ("p", "2. River levels fall"),
                ("h", "Newsletter"),
                ("p", "Sign up for our briefing, delivered to your inbox."),
            ],
            2,
        ),
        # A list inside the story, its paragraphs after it: nothing goes.
        (
            [
                ("h", "Related stories"),
                ("p", "Drought order lifted"),
                ("p", "River levels fall"),
                ("p", _PARAGRAPH),
                ("p", _PARAGRAPH),
            ],
            7,
        ),
        (
            [
                ("h", "Related"),
                ("p", "Drought order lifted"),
                ("p", "River levels fall"),
                ("p", "© 2026 Valley Post. All rights reserved"),
            ],
            2,
        ),
        # An AP game story ends "UP NEXT" and each team's next game: the story's own.
        (
            [
                ("h", "UP NEXT"),
                ("p", "Celtics: Host Miami on Friday night."),
                ("p", "Lakers: At Denver on Sunday."),
            ],
            5,
        ),
        # "More from the report:" as a paragraph, its points, and a short last sentence.
        (
            [
                ("p", "More from the report:"),
                ("p", "Fares rise 4% in April"),
                ("p", "Two new ferries by 2028"),
                ("p", "The council votes on 3 May."),
            ],
            6,
        ),
        # A short sentence after the list stops the cut whatever its length.
        (
            [
                ("h", "Related stories"),
                ("p", "Drought order lifted"),
                ("p", "River levels fall"),
                ("p", "The council votes on 3 May."),
            ],
            6,
        ),
        # A list name set as a paragraph, or a heading with no teasers under it, is no list.
        ([("p", "Related stories"), ("p", "Drought order lifted"), ("p", "River levels")], 5),
        ([("h", "Trending"), ("p", "Why is everyone talking about ferries? Three reasons:")], 4),
    ],
)
def test_a_story_list_goes_with_the_tail_when_no_story_follows(
    tail: list[tuple[str, str]], kept: int
) -> None:
    built = _built(("h", "Ferry fares rise"), ("p", _PARAGRAPH), *tail)
    assert len(without_story_lists(built).blocks) == kept


def test_a_story_ending_under_a_list_name_is_kept() -> None:
    """upnext.pdf-like: a heading "UP NEXT", then the teams' next games, all the story's."""
    built = _built(
        ("h", "Lakers edge Celtics"),
        ("p", _PARAGRAPH),
        ("h", "UP NEXT"),
        ("p", "Celtics: Host Miami on Friday night."),
        ("p", "Lakers: At Denver on Sunday."),
    )
    assert without_story_lists(built).text() == built.text()


def test_a_printed_page_is_cited_by_its_headline_writer_and_dateline(masthead: Article) -> None:
    """The title is the headline the <title> names, the site its other part; the writer
    and date are the line under the headline's, not the top bar's "Tuesday 14 April 2026"
    (the day the page was read); the address is the footer's, less the query the
    browser cut short with "…"."""
    assert masthead.title == "Harbour pilots vote to strike over night shifts"
    assert masthead.publisher == "The Lakeside Courier"
    assert masthead.author == "Mara Quist"
    assert masthead.published == dt.date(2026, 4, 16)
    assert masthead.url == (
        "http://127.0.0.1:8765/2026/04/16/business/"
        "harbour-pilots-vote-to-strike-over-night-shifts.html"
    )


def _built(*blocks: tuple[str, str]) -> ArticleBuilder:
    built = ArticleBuilder()
    for kind, text in blocks:
        built.add(BlockKind.HEADING if kind == "h" else BlockKind.PARAGRAPH, text, level=1)
    return built


def test_the_headline_is_the_longest_heading_the_title_names() -> None:
    """ "World - Headline - Site": a section leads, the site's name is a heading too."""
    title = "World - Third ferry cancelled in a week - The Courier"
    built = _built(
        ("h", "The Courier"),
        ("p", "News Sport Weather"),
        ("h", "World"),
        ("h", "Third ferry cancelled in a week"),
        ("p", "The morning ferry to the islands was cancelled again on Tuesday, the third time."),
        ("p", "Passengers waited four hours on the quay before the operator named a reason."),
    )
    kept, headline = from_headline(built, "The Courier", title)
    assert headline == "Third ferry cancelled in a week"
    assert kept.text().startswith("Third ferry cancelled in a week\n\nThe morning ferry")


def test_a_headline_with_a_colon_wins_over_the_mastheads_name() -> None:
    """ "Ferry fares: the winter ahead - Lakeside Courier": the masthead's "Lakeside
    Courier" is a heading equal to a part of the title, but it is the site's name; the
    article starts at the headline, which is the title, and the site is the publisher."""
    title = "Ferry fares: the winter ahead - Lakeside Courier"
    built = _built(
        ("h", "Lakeside Courier"),
        ("p", "News Sport Opinion Business"),
        ("h", "Ferry fares: the winter ahead"),
        ("p", _PARAGRAPH),
        ("p", _PARAGRAPH),
    )
    kept, headline = from_headline(built, "Ferry fares: the winter ahead", title)
    assert headline == "Ferry fares: the winter ahead"
    assert kept.text().startswith(f"{headline}\n\n{_PARAGRAPH}")
    assert headline_and_site(title, headline) == (headline, "Lakeside Courier")


@pytest.mark.parametrize(
    ("title", "heading", "subheading"),
    [
        (
            "Live: Zelensky meets Trump in Washington | Lakeside Courier",
            "Live: Zelensky meets Trump in Washington",
            "Zelensky meets Trump in Washington",
        ),
        (
            "Ferry fares - the winter ahead | Lakeside Courier",
            "Ferry fares - the winter ahead",
            "the winter ahead",
        ),
    ],
)
def test_a_subheading_equal_to_a_part_of_the_title_does_not_start_the_article(
    title: str, heading: str, subheading: str
) -> None:
    built = _built(
        ("h", heading),
        ("p", _PARAGRAPH),
        ("h", subheading),
        ("p", _PARAGRAPH),
        ("p", _PARAGRAPH),
        ("p", _PARAGRAPH),
    )
    kept, headline = from_headline(built, heading, title)
    assert headline == heading and kept.text() == built.text()
    assert headline_and_site(title, heading) == (heading, "Lakeside Courier")


def test_a_headline_low_on_the_page_is_not_taken_over_the_text_above_it() -> None:
    """A heading the title names, with most of the text above it, is not where the
    article starts: a page whose menu is longer than its article is not cut."""
    built = _built(
        ("p", "An introduction long enough to outweigh what follows it on this page. " * 4),
        ("h", "Ferry fares"),
        ("p", "Short."),
    )
    kept, _ = from_headline(built, "", "Ferry fares | The Courier")
    assert kept.text() == built.text()


@pytest.mark.parametrize(
    ("heading", "title", "named"),
    [
        ("Ferry fares rise", "Ferry fares rise | The Courier", True),
        ("Ferry fares rise", "News: Ferry fares rise - The Courier", True),
        ("Ferry fares rise", "Ferry fares rise", True),
        ("Ferry fares", "Ferry fares rise | The Courier", False),
        ("Courier", "Ferry fares rise | Courier", False),  # one word: a name, not a headline
        # A headline with a separator of its own is one, and the site's name is no part.
        ("Ferry fares: the winter ahead", "Ferry fares: the winter ahead - Lakeside Courier", True),
        ("Lakeside Courier", "Ferry fares: the winter ahead - Lakeside Courier", False),
        ("Ferry fares", "Ferry fares: the winter ahead - Lakeside Courier", False),
        ("the winter ahead", "Ferry fares - the winter ahead | Lakeside Courier", False),
        ("Ferry fares rise", "World - Ferry fares rise - The Courier", True),
        ("Ferry fares rise", "Ferry fares rise - Opinion - The Courier", True),
        ("Ferry Fares Rise", "Ferry Fares Rise | Opinion", True),  # no site: the title less nothing
        ("Ferry fares rise in winter", "Lakeside Courier | Ferry fares rise in winter", True),
    ],
)
def test_a_heading_is_named_by_the_title_as_a_whole_part(
    heading: str, title: str, named: bool
) -> None:
    assert in_title(heading, title) is named


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Dan Goodin"),
        ("Mara Quist | 4 December 2025", "Mara Quist"),
        ("Business - Apr 16, 2015", ""),  # a section, not a name
        ("Mara Quist - transport correspondent", ""),  # no date: not a dateline
    ],
)
def test_a_dateline_that_opens_with_a_name_names_the_writer(line: str, author: str) -> None:
    built = _built(("h", "Ferry fares rise"), ("p", line), ("p", "The text."))
    assert byline_author(built, "") == author


def test_a_cookie_banners_buttons_are_not_the_article() -> None:
    """cookiebar.pdf: a cookie banner fixed to the window, printed over both pages; on page
    one it covers a line of the article, and its notice and buttons came apart."""
    article = _import("cookiebar.pdf")
    source = (PDF / "cookiebar.html").read_text(encoding="utf-8")
    paragraphs = [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", source)]
    blocks = [article.block_text(b) for b in article.blocks]
    assert blocks[2:] == paragraphs  # after the headline and the by-line, nothing else
    assert "Accept" not in article.text and "cookies" not in article.text


@pytest.mark.parametrize(
    ("line", "buttons"),
    [
        ("Accept all Manage preferences", True),
        ("Reject all Accept all", True),
        ("I agree", True),
        ("Close", False),  # no consent in it
        ("Accept the offer", False),
        ("We accept all readers' letters", False),
    ],
)
def test_only_a_line_of_consent_buttons_is_taken_for_one(line: str, buttons: bool) -> None:
    built = _built(("p", "The text."), ("p", line))
    assert len(without_web_furniture(built).blocks) == (1 if buttons else 2)


def _html_paragraphs(name: str) -> list[str]:
    source = (PDF / name).read_text(encoding="utf-8")
    return [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", source)]


def test_a_sidebar_beside_the_article_is_read_after_it() -> None:
    """stickybar.pdf: two pages; on page 1 a "Most read" list and an "About the Post" box
    beside the article's column (CSS grid, 2fr 1fr), a paragraph running on to page 2,
    and a bar fixed to the top of the window, printed over both pages. The sidebar cut
    that paragraph in two ("... gain most from the" | sidebar | "higher wall.")."""
    article = _import("stickybar.pdf")
    paragraphs = _html_paragraphs("stickybar.html")
    blocks = [article.block_text(b) for b in article.blocks]
    story, sidebar = paragraphs[:-1], paragraphs[-1]
    assert blocks[2 : 2 + len(story)] == story  # whole and in order, after headline and by-line
    assert blocks[2 + len(story)] == "Most read" and blocks[-1] == sidebar
    assert "VALLEY POST" not in article.text and "Subscribe" not in article.text


def test_a_box_the_article_flows_round_is_no_sidebar() -> None:
    """factbox.pdf: a "Key facts" box floated right, the paragraphs wrapping round it and
    taking the page's width under it: it stays where it stands, not after the article."""
    article = _import("factbox.pdf")
    paragraphs = _html_paragraphs("factbox.html")
    blocks = [article.block_text(b) for b in article.blocks]
    assert [b for b in blocks if b in paragraphs] == paragraphs
    assert blocks.index("Key facts") < blocks.index(paragraphs[8])


def test_a_web_address_broken_after_its_query_mark_reads_whole() -> None:
    """weburls.pdf: a browser breaks "https://maps.example.org/valley?" from its query
    ("layer=flood&zoom=12..."), a short line ending in "?": no sentence ends there."""
    article = _import("weburls.pdf")
    assert [article.block_text(b) for b in article.blocks][1:] == _html_paragraphs("weburls.html")


def test_a_printed_page_is_dated_by_its_address_before_its_top_bar() -> None:
    """dated.pdf: a top bar with the day the page was read ("Tuesday 21 April 2026"), a
    dateline in figures ("16.04.2026", which could be either order), and an address with
    the article's date in it (".../2026/04/16/..."), printed in the footer."""
    article = _import("dated.pdf")
    assert article.url.endswith("/2026/04/16/harbour-pilots-strike_4627.html")
    assert article.published == dt.date(2026, 4, 16)


@pytest.mark.parametrize(
    ("title", "headline", "site"),
    [
        (
            "Asia-pacific - Third blogger hacked to death in Bangladesh - France 24",
            "Third blogger hacked to death in Bangladesh",
            "France 24",
        ),
        ("World - Ferry fares rise - Opinion", "Ferry fares rise", ""),  # a section, no site
    ],
)
def test_a_title_led_by_its_section_still_names_the_site(
    title: str, headline: str, site: str
) -> None:
    """France 24 titles its pages "Section - Headline - France 24"."""
    assert headline_and_site(title, headline)[1] == site


def test_a_pull_quote_set_large_is_a_quote_not_a_heading(masthead: Article) -> None:
    """masthead.pdf: a `blockquote` set at 16.5 pt in italics between two paragraphs."""
    (quote,) = _source_text(r'<blockquote class="pull">(.*?)</blockquote>')
    kinds = {masthead.block_text(b): b.kind for b in masthead.blocks}
    assert kinds[quote] is BlockKind.QUOTE


def test_only_a_whole_quotation_under_the_headline_becomes_a_quote() -> None:
    built = _built(
        ("h", "“We are not going back,” say the pilots"),  # the headline stays one
        ("p", _PARAGRAPH),
        ("h", "“Nobody should bring a tanker through that channel.”"),
        ("h", "“Night shifts” and the law"),
        ("h", "“Enough”"),
    )
    kinds = [b.kind for b in pull_quotes(built).blocks]
    assert (
        kinds == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.QUOTE] + [BlockKind.HEADING] * 2
    )


@pytest.mark.parametrize(
    ("kind", "line", "dropped"),
    [
        ("p", "Tweet", True),  # France 24's share bar
        ("p", "print", True),
        ("p", "COMMENT(S)", True),
        ("h", "Share this story", True),  # Ars Technica sets it as a heading
        ("h", "reader comments", True),
        ("p", "Print works resumed at the yard on Monday.", False),
        ("h", "Comments from the union", False),
    ],
)
def test_a_share_bars_tools_alone_on_a_line_are_the_pages(
    kind: str, line: str, dropped: bool
) -> None:
    built = _built(("h", "Ferry fares rise"), ("p", _PARAGRAPH), (kind, line))
    assert len(without_web_furniture(built).blocks) == (2 if dropped else 3)
