"""What a browser's "Save as PDF" tells about the web page it printed.

An analyst who cannot save a page whole prints it to PDF. The browser names
itself in the information dictionary (Chromium's Producer "Skia/PDF", a
Creator naming Chrome, Firefox or Safari), sets the title to the page's
<title> ("Headline - Site") and its creation date to the moment of printing,
and, unless told not to, prints the page's address at the foot of each page.
So for such a PDF the creation date is never the article's date, the title is
split as a web page's is (htmlnames), a "By ..." line names the author, the printed
address is the article's, the text starts at the headline, and the lines a web
page's text loses as boilerplate (cleanup) go here too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefer.core.model import BlockKind
from briefer.importers.base import ArticleBuilder
from briefer.importers.cleanup import copy_blocks, is_boilerplate_line
from briefer.importers.htmlnames import (
    clean_author,
    clean_title,
    publisher_in_title,
    site_key,
)
from briefer.importers.pdflayout import Page

_BROWSERS = re.compile(
    r"^skia/pdf|mozilla/5\.0|^(?:google chrome|chromium|mozilla firefox|firefox|safari|"
    r"microsoft edge|opera|vivaldi|brave)(?:\s+v?[\d.]+)?\s*$",
    re.IGNORECASE,
)
"""Chromium's Producer (Chrome, Edge, Opera, Brave), a user agent as Creator, or a
browser's bare name (and version) as either."""
_ADDRESS = re.compile(r"^(https?://[^\s<>\"]+)")
_CHROME_BLOCKS = 8
"""Blocks a printed page may set above the article's headline (menus, a ticker, a stamp)."""
_BY = re.compile(r"^[Bb][Yy]\s+[A-Z]")
_ENDS = (".", "!", "?", ":", ";")
_NAMES_SPLIT = re.compile(r",\s*|\s+(?:and|&)\s+")
_PARTICLES = frozenset({"de", "del", "della", "der", "van", "von", "da", "di", "du", "la", "le",
                        "bin", "ibn", "al", "el"})  # fmt: skip
_BYLINE_BLOCKS = 4
"""Blocks from the headline on in which a by-line is looked for."""
_BYLINE_WORDS = 12
_FOOT_SHARE = 0.12
"""The page's bottom strip, as a share of its height, where the browser prints the address."""


def browser_printed(info: Mapping[str, str]) -> bool:
    """Whether a browser made this PDF by printing a page (not a site's own PDF)."""
    return any(_BROWSERS.search(info.get(key, "")) for key in ("Producer", "Creator"))


def headline_and_site(title: str, headline: str) -> tuple[str, str]:
    """The page title split into (headline, publisher): "Harbour deal signed - The Courier"
    gives the publisher when the page's largest text (``headline``) is the other part.

    A colon splits too when the headline is the whole of the other side ("Lakeside
    Courier: Ferry timetable changes"); a web page's title is never split on a colon,
    which headlines use ("Ferry fares: the winter ahead")."""
    words = " ".join(title.split())
    for written in (words, words.replace(": ", " | ", 1)):
        site = publisher_in_title(written, headline, frozenset())
        if site:
            return clean_title(written, frozenset({site_key(site)})) or title, site
    return title, ""


def from_headline(built: ArticleBuilder, headline: str) -> ArticleBuilder:
    """``built`` from its headline on: what a browser prints above it (its own date, time
    and title row, the site's menu, a ticker) is the page around the article. Only when
    the headline is a heading among the first few blocks; otherwise ``built`` whole."""
    text = built.text()
    head = " ".join(headline.split())
    first = next(
        (
            index
            for index, block in enumerate(built.blocks[:_CHROME_BLOCKS])
            if block.kind is BlockKind.HEADING
            and " ".join(text[block.start : block.end].split()) == head
        ),
        0,
    )
    if first == 0:
        return built
    kept = ArticleBuilder()
    for block in built.blocks[first:]:
        kept.add(
            block.kind, text[block.start : block.end], level=block.level, ordered=block.ordered
        )
    return kept


def byline_author(built: ArticleBuilder, publisher: str) -> str:
    """The writer a "By Jane Smith" line under the headline names (htmlnames.clean_author
    tidies it as a web page's byline), or "": the print carries no author of its own."""
    text = built.text()
    houses = frozenset({site_key(publisher)}) if publisher else frozenset()
    paragraphs = [b for b in built.blocks[:_BYLINE_BLOCKS] if b.kind is BlockKind.PARAGRAPH]
    for block in paragraphs:
        line = text[block.start : block.end]
        if len(line.split()) > _BYLINE_WORDS or not _BY.match(line) or line.endswith(_ENDS):
            continue  # "By the time the ferry left, ..." is a sentence
        author = clean_author(line, houses)
        if author and all(_a_name(name) for name in _NAMES_SPLIT.split(author)):
            return author
    return ""


def _a_name(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() or w in _PARTICLES for w in words)


def without_web_furniture(built: ArticleBuilder) -> ArticleBuilder:
    """``built`` less the paragraphs a web page's text loses as boilerplate (cleanup): share
    buttons, "The post ... appeared first on ...", newsletter and cookie lines."""
    kept = ArticleBuilder()
    copy_blocks(
        built,
        kept,
        keep=lambda kind, text: kind is not BlockKind.PARAGRAPH or not is_boilerplate_line(text),
    )
    return kept


def page_address(first_page: Page) -> str:
    """The web address the browser printed at the foot of the first page, or ""."""
    foot = first_page.height * _FOOT_SHARE
    found = [line for line in first_page.lines if line.baseline <= foot]
    for line in sorted(found, key=lambda line: line.baseline):  # the lowest first
        match = _ADDRESS.match(line.text.strip())
        if match:
            return match.group(1)
    return ""
