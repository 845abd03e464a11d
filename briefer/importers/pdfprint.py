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

import datetime as dt
import itertools
import math
import re
from collections.abc import Mapping

from briefer.core.model import BlockKind
from briefer.importers.base import ArticleBuilder
from briefer.importers.cleanup import copy_blocks, is_boilerplate_line, is_copyright_line
from briefer.importers.docinfo import printed_date
from briefer.importers.htmlnames import (
    clean_author,
    clean_title,
    publisher_in_title,
    site_key,
)
from briefer.importers.htmlteasers import names_story_list
from briefer.importers.pdflayout import Line, Page, body_size

_BROWSERS = re.compile(
    r"^skia/pdf|mozilla/5\.0|^(?:google chrome|chromium|mozilla firefox|firefox|safari|"
    r"microsoft edge|opera|vivaldi|brave)(?:\s+v?[\d.]+)?\s*$",
    re.IGNORECASE,
)
"""Chromium's Producer (Chrome, Edge, Opera, Brave), a user agent as Creator, or a
browser's bare name (and version) as either."""
_ADDRESS = re.compile(r"^(https?://[^\s<>\"]+)")
_CHROME_BLOCKS = 60
"""Blocks a printed page may set above the article's headline (menus, a ticker, a stamp)."""
_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»/]|::)\s+|(?<=\S):\s+")
"""What a page's <title> puts between its headline and the site's name or section."""
_PIPES = re.compile(r"\s+(?:[|\-–—·•»/]|::)\s+")
_COLON = re.compile(r"(?<=\S):\s+")
_SECTION_WORDS = 3
_TITLE_PARTS = 12
"""Separators of a page title read for runs of its parts (a title is a line, not a page)."""
"""A title's leading part this short is a section or a kicker ("World", "Live"), not the
headline."""
_BY = re.compile(r"^(?:(?i:by|von|par|por|door)|di):?\s+(?=[^\W\d_])")
"""A by-line's opening word, in the languages htmlnames reads ("By", "Von", "Par", "Por",
"Door", Italian "di"; "by:" too), before a word: that word must be a capital's
(_by_line). Italian's only in lower case: "Di Maio …" opens with a family name."""
_NAME_DASH = re.compile(r"^([^\W\d][^|·•–—\-]*?)\s+[|·•–—\-]\s+")
"""A name and a separator opening a dateline: "Dan Goodin - Apr 16, 2015"."""
_ENDS = (".", "!", "?", ":", ";")
_NAMES_SPLIT = re.compile(r",\s*|\s+(?:and|und|et|y|e|en|&)\s+")
_PARTICLES = frozenset({"de", "del", "della", "der", "van", "von", "da", "di", "du", "la", "le",
                        "bin", "ibn", "al", "el"})  # fmt: skip
_BUTTON = re.compile(
    r"\b(?:(?:accept|allow|reject|decline|refuse|deny)(?: all)?(?: cookies)?|i agree|agree"
    r"|got it|ok|okay|(?:manage|cookie|privacy) (?:preferences|settings|options|choices)"
    r"|(?:manage|customi[sz]e|more) (?:cookies|options)|learn more|close|dismiss)\b|[×✕]"
)
"""The labels a consent banner's buttons carry."""
_CONSENT = re.compile(r"\b(?:accept|allow|reject|decline|refuse|agree|cookie|preferences)")
_SIDEBAR = 1.5
"""The article's column is this much wider than a sidebar, or more (not a page's columns)."""
_SIDEBAR_LINES = 3
_SIDEBAR_STARTS = 40  # left edges tried for a sidebar
_QUOTED = re.compile(r"^[“\"‘'«„].*[”\"’'»“][.!?]?$", re.DOTALL)
_QUOTE_WORDS = 6
_UTILITY = re.compile(
    r"tweet|print|e-?mail|share|save|comments?|comment\(s\)|reader comments|\d+ comments?"
    r"|imprimer|partager|commentaires?|drucken|teilen|kommentare|imprimir|compartir"
)
"""A page's tool, alone on its line: a share bar's buttons, a comment count."""
_UTILITY_WORDS = 4
_LIST_HEAD_WORDS = 6
_PROSE_WORDS = 15
_STOPS = (".", "!", "?", ":")
"""What ends a sentence, or a line leading into a list ("More from the report:")."""
_CLOSING_QUOTES = "\"”»’'"
_STORY_ENDINGS = re.compile(r"(?:up next|more (?:from|on|in)\b)", re.IGNORECASE)
"""List names a story's own ending uses too: an AP game story's "UP NEXT", a report's
"More from the report"; a print's tail is never cut at them."""
_SIGN_UP = re.compile(r"\b(?:sign up|subscribe)\b", re.IGNORECASE)
_MAILING = re.compile(r"\b(?:newsletters?|inbox|briefing|e-?mails?)\b", re.IGNORECASE)
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
    which headlines use ("Ferry fares: the winter ahead"). A section may lead ("Asia-pacific
    - Headline - France 24"): the title is then split without it."""
    words = " ".join(title.split())
    parts = _SEPARATOR.split(words, maxsplit=1)
    section = [parts[1]] if len(parts) == 2 and headline in _SEPARATOR.split(parts[1]) else []
    for written in (words, words.replace(": ", " | ", 1), *section):
        site = publisher_in_title(written, headline, frozenset())
        if site:
            return clean_title(written, frozenset({site_key(site)})) or title, site
    rest, site = _title_site(words)
    if site and in_title(" ".join(headline.split()), words):
        return rest, site  # "Ferry fares: the winter ahead - Lakeside Courier"
    return title, ""


def from_headline(
    built: ArticleBuilder, headline: str, title: str = ""
) -> tuple[ArticleBuilder, str]:
    """``built`` from its headline on, and that headline: what a browser prints above it
    (its own date, time and title row, the site's menu, a ticker, a logo set larger than
    the headline) is the page around the article.

    The headline is the heading the page's <title> names: first one that is the title less
    the site's name (in_title: "Ferry fares: the winter ahead - Site", "World - Headline -
    Site"), else the longest that is a run of the title's parts; never the site's name
    (the masthead is a heading too) nor a lone leading part (a section, a kicker's "Live").
    Else the page's largest text (``headline``). A site's menus can run to dozens of
    blocks, so the headline is looked for among the first _CHROME_BLOCKS, but only where
    less text stands above it than under it: the article is the bulk of what a news page
    prints. Without one, ``built`` whole and ``headline``."""
    text = built.text()
    heads = [
        (index, " ".join(text[block.start : block.end].split()))
        for index, block in enumerate(built.blocks[:_CHROME_BLOCKS])
        if block.kind is BlockKind.HEADING
    ]
    rest, site = _title_site(title)
    parts = _SEPARATOR.split(rest) if rest else []
    runs = {
        " ".join(rest[m.end() if m else 0 : n.start() if n else len(rest)].split())
        for m, n in itertools.combinations(
            [None, *itertools.islice(_SEPARATOR.finditer(rest), _TITLE_PARTS), None], 2
        )
    }
    runs.discard(parts[0] if len(parts) > 1 and len(parts[0].split()) <= _SECTION_WORDS else "")
    ranked = [
        (0 if in_title(h, title) else 1, i, h)
        for i, h in heads
        if h != site and (in_title(h, title) or (len(h.split()) > 1 and h in runs))
    ]
    named = [(i, h) for rank, i, h in ranked if rank == min(r for r, _, _ in ranked)]
    if named:
        first, found = max(named, key=lambda pair: (len(pair[1].split()), -pair[0]))
    else:
        largest = " ".join(headline.split())
        first, found = next(((i, h) for i, h in heads if h == largest), (0, headline))
    if first == 0 or built.blocks[first].start * 2 > len(text):
        return built, found if named else headline
    kept = ArticleBuilder()
    for block in built.blocks[first:]:
        kept.add(
            block.kind, text[block.start : block.end], level=block.level, ordered=block.ordered
        )
    return kept, found


def in_title(heading: str, title: str) -> bool:
    """Whether ``heading`` is the page's title less the site's name (or the whole title):
    "Ferry fares: the winter ahead" of "Ferry fares: the winter ahead - Lakeside Courier",
    also when a short part leads it ("World - Headline - Site", "News: Headline | Site").
    A lone word ("World", "Live", "Opinion") may lead or end it. Not one part of a
    headline that has a separator of its own ("the winter ahead" of "Ferry fares - the
    winter ahead | Site"), nor the site's name."""
    written = " ".join(title.split())
    if len(heading.split()) < 2 or not written:
        return heading == written and bool(heading)
    if heading == written:
        return True
    rest, _ = _title_site(written)
    parts = _SEPARATOR.split(rest)
    if heading == rest or len(parts) < 2:
        return heading == rest
    lead = _SEPARATOR.split(rest, maxsplit=1)  # "World - Headline", "Live: Headline"
    tail = re.split(r"\s+(?:[|\-–—·•»/]|::)\s+(?=\S+$)", rest)  # "Headline - Opinion"
    return (len(parts[0].split()) == 1 and heading == lead[1]) or (
        len(parts[-1].split()) == 1 and len(tail) == 2 and heading == tail[0]
    )


def _title_site(title: str) -> tuple[str, str]:
    """The page's title less its site's name, and that name ("" when no part reads as a
    publication's name): the last part after a pipe or dash ("Headline - Lakeside
    Courier"), else the first ("Lakeside Courier | Headline"), else a part before a colon
    ("Lakeside Courier: Headline"). A colon inside the headline is the headline's."""
    written = " ".join(title.split())
    pipes = list(_PIPES.finditer(written))
    splits = []
    if pipes:
        last, opening = pipes[-1], pipes[0]
        splits += [
            (written[: last.start()], written[last.end() :]),
            (written[opening.end() :], written[: opening.start()]),
        ]
    colon = _COLON.search(written)
    if colon:
        splits.append((written[colon.end() :], written[: colon.start()]))
    for number, (rest, part) in enumerate(splits):
        if _SEPARATOR.search(part) or (number and len(part.split()) >= len(rest.split())):
            continue  # a site's name is one part, and shorter than a headline it leads
        site = publisher_in_title(f"Headline | {part}", "Headline", frozenset())
        if site:
            return rest.strip(), site
    return written, ""


def byline_author(built: ArticleBuilder, publisher: str) -> str:
    """The writer a "By Jane Smith" line under the headline names (htmlnames.clean_author
    tidies it as a web page's byline), or "": the print carries no author of its own.
    A dateline that opens with a name ("Dan Goodin - Apr 16, 2015 8:02 pm UTC", as Ars
    Technica prints it) names the writer too."""
    text = built.text()
    houses = frozenset({site_key(publisher)}) if publisher else frozenset()
    paragraphs = [b for b in built.blocks[:_BYLINE_BLOCKS] if b.kind is BlockKind.PARAGRAPH]
    for block in paragraphs:
        line = text[block.start : block.end]
        if len(line.split()) > _BYLINE_WORDS or line.endswith(_ENDS):
            continue  # "By the time the ferry left, ..." is a sentence
        author = clean_author(line, houses)
        named = _NAME_DASH.match(line)
        if (
            not _by_line(line)
            and not (
                named
                and named.group(1) == author
                and len(author.split()) > 1  # "Business - Apr 16, 2015" is a section's
                and printed_date([line[named.end() :]])
            )
        ):
            continue
        if author and all(_a_name(name) for name in _NAMES_SPLIT.split(author)):
            return author
    return ""


def _by_line(line: str) -> bool:
    """ "By Jane Smith", "Par Jean Dupont", "by: Laurie Oakes"; not "By-election" or "by
    the time": the name after the word opens with a capital."""
    opening = _BY.match(line)
    return opening is not None and line[opening.end()].isupper()


def dateline(built: ArticleBuilder) -> dt.date | None:
    """The date printed under the headline ("Mara Quist - Apr 16, 2026 8:02 pm UTC"), or
    None. It outranks a date higher on the page: a site prints the day's date in its top
    bar ("Tuesday 14 April 2026"), which is the day the page was read, not written."""
    text = built.text()
    return printed_date([text[b.start : b.end] for b in built.blocks[: _BYLINE_BLOCKS + 1]])


def _a_name(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() or w in _PARTICLES for w in words)


def without_web_furniture(built: ArticleBuilder) -> ArticleBuilder:
    """``built`` less the paragraphs a web page's text loses as boilerplate (cleanup): share
    buttons, "The post ... appeared first on ...", newsletter and cookie lines; and a cookie
    banner's buttons ("Accept all Manage preferences"): a banner fixed to the window is
    printed over every page, and where it covers a line of the article its notice and its
    buttons come apart, so the buttons are left as a paragraph of their own. And a share
    bar's "Tweet" or "print", or "Share this story" set as a heading."""
    kept = ArticleBuilder()
    copy_blocks(
        built,
        kept,
        keep=lambda kind, text: not _furniture(kind, text),
    )
    return kept


def _furniture(kind: BlockKind, text: str) -> bool:
    """Whether a block is the page's: a share bar's "Tweet" or "print", "Share this story"
    set as a heading, a "reader comments" count, a consent banner's buttons, the footer's
    copyright line, or a letter alone: a banner fixed over the footer prints its text
    across the footer's, and what the two lines' glyphs leave of a word ("W" of "We use
    cookies") is no paragraph of the article."""
    short = " ".join(text.split()).strip(" :|·•").casefold()
    if kind is BlockKind.HEADING:
        return len(short.split()) <= _UTILITY_WORDS and (
            is_boilerplate_line(text) or bool(_UTILITY.fullmatch(short))
        )
    return kind is BlockKind.PARAGRAPH and (
        is_boilerplate_line(text)
        or _consent_buttons(text)
        or bool(_UTILITY.fullmatch(short))
        or is_copyright_line(text)
        or (len(short) == 1 and short.isalpha())
    )


def _consent_buttons(text: str) -> bool:
    """Whether ``text`` is only the buttons of a cookie or consent banner."""
    words = " ".join(text.split()).casefold()
    return bool(_CONSENT.search(words)) and not _BUTTON.sub("", words).strip()


def pull_quotes(built: ArticleBuilder) -> ArticleBuilder:
    """``built`` with each heading under the headline that is a whole quotation ("“Nobody
    should bring a tanker through that channel ...”") made a quote: a page's pull quote
    is set large, so it read as a heading, and the article's outline listed it."""
    text = built.text()
    kept = ArticleBuilder()
    for index, block in enumerate(built.blocks):
        line = text[block.start : block.end]
        quoted = (
            index > 0
            and block.kind is BlockKind.HEADING
            and len(line.split()) >= _QUOTE_WORDS
            and bool(_QUOTED.match(line))
        )
        kind = BlockKind.QUOTE if quoted else block.kind
        kept.add(kind, line, level=0 if quoted else block.level, ordered=block.ordered)
    return kept


def without_story_lists(built: ArticleBuilder) -> ArticleBuilder:
    """``built`` less the page's tail from a heading that names a list of other stories
    ("Related Stories", "Most read", "Top stories") on, when teasers follow it (two or
    more short lines, no sentence among them) and no sentence of the story does: the
    teasers, a newsletter form, the site's footer. A web page's text loses such lists
    (htmlteasers); a print runs them on under the article. A list set inside the story,
    or a story's own ending under a heading ("UP NEXT" and the teams' next games, "More
    from the report:"), is left whole: losing its text is worse. One backward pass marks
    where a sentence still follows, so a page of list-named lines costs no rescans."""
    text = built.text()
    blocks = [(block, " ".join(text[block.start : block.end].split())) for block in built.blocks]
    told = [False] * (len(blocks) + 1)  # a sentence of the story at this block or after
    entries = [0] * (len(blocks) + 1)  # teaser entries from this block on (2 is enough)
    for index in range(len(blocks) - 1, -1, -1):
        block, line = blocks[index]
        told[index] = told[index + 1] or _sentence(block.kind, line)
        entries[index] = min(2, entries[index + 1] + _entry(block.kind, line))
    cut = next(
        (
            index
            for index, (block, line) in enumerate(blocks)
            if index > 0
            and block.kind is BlockKind.HEADING
            and len(line.split()) <= _LIST_HEAD_WORDS
            and names_story_list(line)
            and not _STORY_ENDINGS.match(line)
            and not told[index + 1]
            and entries[index + 1] >= 2
            and _entry(blocks[index + 1][0].kind, blocks[index + 1][1])
        ),
        len(blocks),
    )
    kept = ArticleBuilder()
    for block, _ in blocks[:cut]:
        kept.add(
            block.kind, text[block.start : block.end], level=block.level, ordered=block.ordered
        )
    return kept


def _sentence(kind: BlockKind, line: str) -> bool:
    """A block of the story's: anything but a heading that ends a sentence, whatever its
    length, unless it is the site's (a notice, a copyright, a newsletter's sign-up)."""
    return (
        kind is not BlockKind.HEADING
        and line.rstrip(_CLOSING_QUOTES).endswith(_STOPS)
        and "©" not in line
        and not is_boilerplate_line(line)
        and not (_SIGN_UP.search(line) and _MAILING.search(line))
    )


def _entry(kind: BlockKind, line: str) -> bool:
    """A teaser in a list of other stories: a short line, no sentence, not the site's."""
    return (
        kind is not BlockKind.HEADING
        and 0 < len(line.split()) < _PROSE_WORDS
        and not line.rstrip(_CLOSING_QUOTES).endswith(_STOPS)
        and "©" not in line
        and not is_boilerplate_line(line)
    )


def sidebars_last(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages in reading order with each page's sidebar taken out and read after the
    last page, as a page of its own.

    A news site sets a "Most read" list or an "About us" box in a column beside the
    article's, narrower than it; the reading order reads the sidebar after the page's
    article column, so a paragraph running on to the next page was cut in two by it.
    A sidebar is the text right of a gutter that no line crosses from the sidebar's top
    down to the foot of the page (a box the text flows around has full lines under it),
    beside a column of the article half as wide again as the sidebar or more."""
    kept: list[list[Line]] = []
    moved: list[Line] = []
    for lines in pages:
        side = _sidebar(lines)
        kept.append([line for line in lines if id(line) not in side])
        moved += [line for line in lines if id(line) in side]
    return [*kept, moved] if moved else kept


def _sidebar(lines: list[Line]) -> set[int]:
    """The ids of the lines of the page's sidebar, or none.

    Under the last line across the gutter above it (a headline, a menu), the text right
    of the gutter is a sidebar when the article's column beside it is half as wide again
    or more, holds more text, and runs on past the sidebar's foot with no line across
    the gutter until it ends (but a banner under it: a box the text flows round has the
    text take the page's width again under it)."""
    if not lines:
        return set()
    size = body_size(lines)
    middle = (min(line.x0 for line in lines) + max(line.x1 for line in lines)) / 2
    for start in sorted({round(line.x0) for line in lines if line.x0 > middle})[:_SIDEBAR_STARTS]:
        across = {line.baseline for line in lines if line.x0 < start - 1 and line.x1 > start - size}
        right = [line for line in lines if line.x0 >= start - 1]
        lowest = min(line.baseline for line in right)
        floor = min((y for y in across if y > lowest), default=math.inf)
        side = [line for line in right if line.baseline < floor]
        beside = [
            line
            for line in lines
            if line.x0 < start - 1 and line.baseline < floor and line.baseline not in across
        ]  # a set: a page of thousands of lines is read once per start, not once per line
        if len(side) < _SIDEBAR_LINES or len(beside) < _SIDEBAR_LINES:
            continue
        foot, end = min(line.baseline for line in side), min(line.baseline for line in beside)
        if (
            start - min(line.x0 for line in beside)
            >= _SIDEBAR * (max(line.x1 for line in side) - start)
            and sum(line.baseline < foot for line in beside) >= _SIDEBAR_LINES
            and not any(end <= y < floor for y in across)
            and sum(len(x.text) for x in side) < sum(len(x.text) for x in beside)
        ):
            return {id(line) for line in side}
    return set()


def page_address(first_page: Page) -> str:
    """The web address the browser printed at the foot of the first page, or ""."""
    foot = first_page.height * _FOOT_SHARE
    found = [line for line in first_page.lines if line.baseline <= foot]
    for line in sorted(found, key=lambda line: line.baseline):  # the lowest first
        match = _ADDRESS.match(line.text.strip())
        if match:
            return _whole_address(match.group(1))
    return ""


def _whole_address(printed: str) -> str:
    """The address as far as the browser printed it whole. Chromium cuts an address too
    long for the footer with "…": cut in the query ("?utm_source=…&utm_medi…"), the page
    is the address without it; cut in the path, what is left names no page, so ""."""
    if not printed.endswith(("…", "...")):
        return printed
    path, query, _ = printed.partition("?")
    return path if query else ""
