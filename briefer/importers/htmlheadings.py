"""Sub-headings the extractor dropped, put back between the article's paragraphs.

On a page with no <article>, <main> or content-named wrapper (a page LibreOffice or
pandoc writes, a hand-written one) trafilatura gathers the article's paragraphs one by
one and leaves every heading out, so "Security concerns" vanished while the paragraphs
under it stayed. One walk of the page, in document order, sees the article's paragraphs
(known by their opening letters), the text outside them and the headings; a heading goes
back in before the paragraph that follows it when nothing but other headings stands
between them and the article's text (or its headline) comes just before it. A
"Related stories" or "Comments" heading is followed by links or comments the extractor
left out, so it stays out too. Imports only lxml, core and briefer.importers helpers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import lxml.etree

from briefer.core.model import BlockKind
from briefer.core.record import Record, field
from briefer.importers import htmlkeys
from briefer.importers.base import ArticleBuilder, Deadline
from briefer.importers.htmlbody import is_boilerplate

MAX_HEADINGS = 2000
"""Headings added to one article; a long report has a few dozen, a manual hundreds."""
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_TEXTUAL = frozenset({"p", "li", "blockquote", "pre", "tr", "dt", "dd", "caption", "address"})
"""Elements read whole, as one paragraph, like the extractor reads them; a table row is
one block (its cells joined), so LibreOffice's <p> in every cell is not read alone."""
_UNSEEN = frozenset({"figure", "figcaption", "script", "style", "noscript", "template", "svg"})
"""Not counted as text between a heading and its paragraph: a picture's caption often
stands under a heading, and the caption pass places it on its own."""
_FURNITURE_TAGS = frozenset({"aside", "nav", "footer", "form", "menu", "dialog"})
_FURNITURE = re.compile(
    r"related|teaser|promo|sidebar|side-bar|recommend|trending|popular|most-?read|"
    r"outbrain|taboola|widget|newsletter|advert|sponsor|comment|share|social",
    re.IGNORECASE,
)
"""Names of the page's furniture: a heading in it is not the article's, unless the
article's own paragraphs stand in it too (a page wrapped whole in "has-sidebar")."""
_HIDDEN = re.compile(
    r"visually-?hidden|sr-only|screen-?reader|a11y|offscreen|assistive", re.IGNORECASE
)
_MAX_HEADING_CHARS = 300  # longer, and the "heading" is a paragraph set large
_MAX_HEADING_NODES = 50
_NOT_IN_HEADING = frozenset({*_HEADINGS, *_TEXTUAL, "div", "table", "ul", "ol", "section"})
_NEAR_WORDS = 12
"""Words outside the article allowed between its text (or headline) and a heading after
it: an "Advertisement" label or a "Continue reading" button between two sections."""
_DEADLINE_EVERY = 2000
_NON_WORD = re.compile(r"\W+")


class _Holder(Record):
    """A furniture element around a heading, and whether article text stands in it."""

    holds_article: bool = False


_Chain = tuple[_Holder, ...]


class _Event(Record):
    """One thing the walk met, in document order."""

    kind: str  # "block" (an article block), "outside" (other text), "headline", "heading"
    index: int = 0  # the block's index
    words: int = 0  # words of outside text
    level: int = 0
    text: str = ""
    furniture: _Chain = ()


class _Walk(Record):
    keys: dict[str, int]
    titles: tuple[str, ...] = ()  # the names the page gives itself, folded to letters
    headline: bool = False  # whether the page's first <h1> has been met
    begun: bool = False  # whether an article block has been met
    events: list[_Event] = field(default_factory=list)


def with_headings(
    builder: ArticleBuilder,
    tree: lxml.etree._Element,
    deadline: Deadline,
    titles: Sequence[str] = (),
) -> ArticleBuilder:
    """``builder``'s article with the page's headings it lacks, each before the block
    that follows it on the page; ``builder`` itself when there are none to add.

    ``titles`` are the names the page gives itself (<title>, og:title): its first <h1>
    is the headline, left to the title, when it bears one of them or opens the article;
    else it is a section's heading (a document whose title is a styled paragraph).
    """
    text = builder.text()
    blocks = builder.blocks
    keys = htmlkeys.block_keys(builder)
    if not keys:
        return builder
    body = tree.find("body")
    walk = _Walk(keys, tuple(filter(None, (_letters(title) for title in titles))))
    _walk(body if body is not None else tree, walk, deadline)
    before = _placed(walk, builder)
    if not before:
        return builder
    rebuilt = ArticleBuilder()
    for index, block in enumerate(blocks):
        for level, heading in before.get(index, ()):
            rebuilt.add(BlockKind.HEADING, heading, level=level)
        span = text[block.start : block.end]
        rebuilt.add(block.kind, span, level=block.level, ordered=block.ordered)
    return rebuilt


def _walk(top: lxml.etree._Element, walk: _Walk, deadline: Deadline) -> None:
    """One pass in document order, without recursion: headings and paragraphs are read
    once each and not entered, so the walk costs the page's size whatever it nests.
    Text straight in a container (a line between two divs) counts where it stands."""
    # (element, the furniture it stands in, whether only its tail is left to read)
    stack: list[tuple[lxml.etree._Element, _Chain, bool]] = [(top, (), False)]
    seen = 0
    while stack:
        element, furniture, tail = stack.pop()
        seen += 1
        if seen % _DEADLINE_EVERY == 0:
            deadline.check()
        if tail:
            if element.tail and element.tail.strip():
                _add_text(walk, element.tail, furniture)
            continue
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not tag or tag in _UNSEEN:
            continue
        if tag in _HEADINGS and _is_leaf(element):
            _add_heading(walk, element, _HEADINGS[tag], furniture)
            continue
        if tag in _TEXTUAL and not any(child.tag in _HEADINGS for child in element):
            _add_text(walk, _read(element), furniture)
            continue  # else a heading in a list item (numbered headings): read as a container
        if element is not top and _is_furniture(element, tag):
            furniture = (*furniture, _Holder())
        if element.text and element.text.strip():
            _add_text(walk, element.text, furniture)
        for child in reversed(element):
            stack.append((child, furniture, True))
            stack.append((child, furniture, False))


def _add_heading(walk: _Walk, element: lxml.etree._Element, level: int, furniture: _Chain) -> None:
    text = _heading_text(element)
    found = htmlkeys.key(text)
    if len(found) >= htmlkeys.SHORTEST_KEY and found in walk.keys:  # the extractor kept it
        walk.headline = walk.headline or level == 1
        _add_text(walk, text, furniture)
        return
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    if (
        not text
        or len(text) > _MAX_HEADING_CHARS
        or "hidden" in element.attrib
        or element.get("aria-hidden") == "true"
        or _HIDDEN.search(names)
    ):
        walk.events.append(_Event("outside", words=len(text.split())))
        return
    if level == 1 and not walk.headline:
        walk.headline = True
        if not walk.begun or _in_titles(walk, text):
            # The page's headline, which the title puts at the head of the text: it stays
            # where it is, after a breadcrumb or a kicker the extractor may have kept.
            walk.events.append(_Event("headline", level=1, text=text))
            walk.titles = (*walk.titles, _letters(text))
            return
    walk.events.append(_Event("heading", level=level, text=text, furniture=furniture))


def _add_text(walk: _Walk, read: str, furniture: _Chain) -> None:
    index = walk.keys.get(htmlkeys.key(read))
    if index is None:
        walk.events.append(_Event("outside", words=len(read.split())))
        return
    walk.events.append(_Event("block", index=index))
    walk.begun = True
    for holder in reversed(furniture):  # inner first; the outer ones are marked already
        if holder.holds_article:
            break
        holder.holds_article = True


def _placed(walk: _Walk, builder: ArticleBuilder) -> dict[int, list[tuple[int, str]]]:
    """Block index -> the headings (level, text) to set before that block."""
    events = walk.events
    text = builder.text()
    blocks = builder.blocks
    following = _following_blocks(events)
    before: dict[int, list[tuple[int, str]]] = {}
    added = 0
    for at, earlier in _earlier_blocks(events, following):
        event, after = events[at], following[at]
        if after is None or earlier is None:
            continue  # not among the article's text
        if not all(holder.holds_article for holder in event.furniture):
            continue
        if event.level == 1 and _in_titles(walk, event.text):
            continue  # the headline again (pandoc's title block), which the title places
        if earlier >= after:
            continue  # a repeated paragraph's key: where the heading stands is unclear
        previous = blocks[after - 1] if after else None
        if (
            previous is not None
            and previous.kind is BlockKind.HEADING
            and htmlkeys.fold(text[previous.start : previous.end]) == htmlkeys.fold(event.text)
        ):
            continue  # the extractor kept it, under a key too short to match
        if is_boilerplate(event.text):  # last: the dearest test, run on few headings
            continue
        before.setdefault(after, []).append((event.level, event.text))
        added += 1
        if added >= MAX_HEADINGS:
            break
    return before


def _following_blocks(events: list[_Event]) -> list[int | None]:
    """For each event, the article block right after it past only headings, or None."""
    following: list[int | None] = [None] * len(events)
    upcoming: int | None = None
    for at in range(len(events) - 1, -1, -1):
        following[at] = upcoming
        kind = events[at].kind
        if kind == "block":
            upcoming = events[at].index
        elif kind != "heading":
            upcoming = None
    return following


def _earlier_blocks(
    events: list[_Event], following: list[int | None]
) -> Iterator[tuple[int, int | None]]:
    """Each heading's position, with the article block before it past other headings:
    -1 when it follows the page's headline (or opens the page) before the article's
    text begins; None when more than a few words of other text stand between, or a
    heading over something else ("Leave a comment" over its form), since what follows
    that is not the article's."""
    anchor: int | None = -1
    words = 0
    for at, event in enumerate(events):
        if event.kind == "block":
            anchor, words = event.index, 0
        elif event.kind == "headline":
            anchor, words = -1, 0
        elif event.kind == "outside":
            words += event.words
            if words > _NEAR_WORDS:
                anchor = None
        else:
            yield at, anchor
            if following[at] is None:
                anchor = None


def _is_furniture(element: lxml.etree._Element, tag: str) -> bool:
    if tag in _FURNITURE_TAGS:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(names.strip()) and bool(_FURNITURE.search(names))


def _read(element: lxml.etree._Element) -> str:
    """The element's text, as far as its key and a heading need."""
    pieces: list[str] = []
    size = 0
    for piece in element.itertext():
        pieces.append(piece)
        size += len(piece)
        if size >= htmlkeys.KEY_READ:
            break
    return " ".join(pieces)


def _is_leaf(heading: lxml.etree._Element) -> bool:
    """Whether a heading holds only a heading's text, not paragraphs (markup that left
    an <h2> open) or a page's worth of elements: those are read as a container's."""
    for count, node in enumerate(heading.iterdescendants()):
        if count >= _MAX_HEADING_NODES or node.tag in _NOT_IN_HEADING:
            return False
    return True


def _heading_text(element: lxml.etree._Element) -> str:
    """The heading's words as the extractor writes them: inline markup joins its text
    ("Ukraine<em>'s</em>" is one word), a line break parts it; "" past a heading's size."""
    pieces: list[str] = []
    size = 0
    for event, node in lxml.etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            piece = " " if node.tag == "br" else node.text or ""
        else:
            piece = node.tail or "" if node is not element else ""
        pieces.append(piece)
        size += len(piece)
        if size > _MAX_HEADING_CHARS * 2:
            return ""
    return " ".join("".join(pieces).split())


def _in_titles(walk: _Walk, heading: str) -> bool:
    letters = _letters(heading)
    return bool(letters) and any(letters in title for title in walk.titles)


def _letters(text: str) -> str:
    return _NON_WORD.sub("", text).casefold()
