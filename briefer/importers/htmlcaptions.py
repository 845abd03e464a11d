"""The captions of an article's pictures, put back into its text as caption blocks.

The extractor runs with images off, and then drops every <figure> and every element
named "caption" with them: the caption of a picture the page does not carry (a page
saved as "HTML only", an image on a CDN) was lost, though captions carry facts an
analyst quotes. One walk of the page, in document order, sees the article's paragraphs
(known by their opening letters) and the captions between them; a caption standing
among the article's paragraphs, or just above or below them, goes in before the
paragraph that follows it. Captions of furniture (a sidebar, a related-stories teaser,
a linked headline) stay out, and so does a caption that only credits the picture.
Imports only lxml, core and briefer.importers helpers; never store, session or ui.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import lxml.etree

from briefer.core.model import Block, BlockKind
from briefer.core.record import Record, field
from briefer.importers import htmlkeys
from briefer.importers.base import ArticleBuilder, Deadline
from briefer.importers.captioncredit import without_credit

STANDFIRST_MARK = "data-briefer-standfirst"
"""Set by htmlprep on the standfirst it moves to the story's head: a picture above the
standfirst has its caption after it, as the story opens with its standfirst."""
MAX_CAPTIONS = 500
"""Caption blocks added to one article; a photo story has a few dozen. Credits are taken
off only the captions placed, so a page of 10,000 figures costs a walk, not 10,000 cleanings."""
_TEXTUAL = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"})
_CAPTION_NAMED = frozenset({"div", "p", "span", "section"})  # as the extractor drops them
_MEDIA = ("img", "picture", "video", "audio", "iframe", "svg", "object", "embed", "canvas")
_FURNITURE_TAGS = frozenset({"aside", "nav", "footer", "form", "menu", "dialog"})
_FURNITURE = re.compile(
    r"related|teaser|promo|sidebar|side-bar|recommend|trending|popular|most-?read|"
    r"outbrain|taboola|widget|newsletter|advert|sponsor|(?:^|[-_\s])(?:rail|more|ad|ads)(?:$|[-_\s])",
    re.IGNORECASE,
)
"""Names of the page's furniture around a picture: its caption is not the article's."""
_CREDIT_PART = re.compile(
    r"credit|copyright|photographer|attribution|courtesy|byline|"
    r"(?:^|[-_\s])(?:image-?|photo-?|img-?|pic-?)?source(?:$|[-_\s])",
    re.IGNORECASE,
)
"""Names of the part of a caption that credits the picture ("caption-credit", "image-source")."""
_NEAR_WORDS = 60
"""Words of text outside the article allowed between a picture and the article's first
or last paragraph: the byline and date a lead picture stands over."""
_MAX_CAPTION_CHARS = 2000  # longer, and the "caption" is a container, not a caption
_MAX_CAPTION_NODES = 400
_MAX_TEXT_CHECKS = 200  # captions looked for in the whole text; the rest by paragraph start
_DEADLINE_EVERY = 2000
_UI_LABEL = re.compile(
    r"(?:(?:hide|show|toggle|expand|collapse|close|open)(?:\s+(?:the\s+)?caption)?|caption"
    r"|enlarge(?:\s+this)?(?:\s+image)?|view\s+larger(?:\s+image)?|zoom|full\s*screen"
    r"|(?:image|photo|picture|slide)?\s*\d+\s*(?:/|of)\s*\d+)\W*$",
    re.IGNORECASE,
)
"""A picture's buttons and counters set in an element named "caption"."""
_SCREEN_READER = re.compile(
    r"visually-?hidden|sr-only|screen-?reader|a11y|offscreen|assistive", re.IGNORECASE
)
"""Text set for screen readers only ("Image caption, ", "Credit..."), not shown on the page."""
_MAX_FIGURE_NODES = 300  # a figure of more is a gallery or a layout, read as elements
_MAX_WRAPPER_LEVELS = 2
_MAX_WRAPPER_NODES = 40


class _Furniture(Record):
    """An element named as furniture ("related", "sidebar", <aside>), and whether any of
    the article's paragraphs stands in it: a page wrapped whole in <div id="ad-portal">
    or <div class="has-sidebar"> is not furniture, and its pictures' captions count."""

    holds_article: bool = False


_Chain = tuple[_Furniture, ...]
"""The furniture an element stands in, outermost first."""
_Entry = tuple[lxml.etree._Element, _Chain, bool, bool, bool]


class _Walk(Record):
    """What one walk of the page found, in document order: article paragraphs (their block
    index), text outside the article (its words), captions (their text and furniture)."""

    keys: dict[str, int]
    standfirsts: set[int] = field(default_factory=set)
    events: list[tuple[str, int, str, _Chain]] = field(default_factory=list)


def with_captions(
    builder: ArticleBuilder, tree: lxml.etree._Element, deadline: Deadline
) -> ArticleBuilder:
    """``builder``'s article with the captions of its pictures as caption blocks, each
    before the paragraph that follows its picture on the page, once; ``builder`` itself
    when there are none to add."""
    text = builder.text()
    blocks = builder.blocks
    keys = htmlkeys.block_keys(builder)
    if not keys:
        return builder
    body = tree.find("body")
    walk = _Walk(keys)
    _walk(body if body is not None else tree, walk, deadline)
    before = _placed(walk, blocks, text)
    if not before:
        return builder
    rebuilt = ArticleBuilder()
    for index, block in enumerate(blocks):
        for caption in before.get(index, ()):
            rebuilt.add(BlockKind.CAPTION, caption)
        span = text[block.start : block.end]
        rebuilt.add(block.kind, span, level=block.level, ordered=block.ordered)
    for caption in before.get(len(blocks), ()):
        rebuilt.add(BlockKind.CAPTION, caption)
    return rebuilt


def figure_caption(img: lxml.etree._Element) -> str:
    """The caption (credit taken off) of the figure ``img`` stands in, or of the small
    wrapper it shares with a caption and no other picture; "" without one."""
    for level, ancestor in enumerate(img.iterancestors()):
        tag = ancestor.tag if isinstance(ancestor.tag, str) else ""
        if tag in ("body", "article", "main") or level > _MAX_WRAPPER_LEVELS:
            break
        small = tag == "figure" or _is_small_wrapper(ancestor)
        caption = _caption_of_figure(ancestor) if small else None
        if caption is not None:
            read = _caption_text(caption)
            return without_credit(read[0]) if read is not None else ""
        if tag == "figure" or not small:
            break
    return ""


def _is_small_wrapper(element: lxml.etree._Element) -> bool:
    """A few elements around one picture: <div class="pic"><img><div class="pic-caption">."""
    nodes = list(itertools.islice(element.iter(), _MAX_WRAPPER_NODES + 1))
    media = sum(1 for node in nodes if node.tag in _MEDIA)
    return len(nodes) <= _MAX_WRAPPER_NODES and media == 1


def _walk(top: lxml.etree._Element, walk: _Walk, deadline: Deadline) -> None:
    """One pass over the page in document order, without recursion. A caption's subtree
    and a paragraph's are read once each (a paragraph's only as far as its key), so the
    walk costs the page's size whatever it nests."""
    with_media = _holding_media(top)
    # (element, the furniture it stands in, inside a link, inside a paragraph, whether
    # captions are looked for: not inside a "caption" read as too long for one, so
    # nested containers are not each read again)
    stack: list[_Entry] = [(top, (), False, False, True)]
    seen = 0
    while stack:
        element, furniture, linked, in_text, probe = stack.pop()
        seen += 1
        if seen % _DEADLINE_EVERY == 0:
            deadline.check()
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not tag:
            continue
        if _is_furniture(element, tag):
            furniture = (*furniture, _Furniture())
        href = (element.get("href") or "").strip() if tag == "a" else ""
        linked = linked or bool(href and not href.startswith("#"))
        if tag == "figure" and _quotes(element):
            continue  # a quotation's figure: its caption names the speaker, not a picture
        caption = _caption_here(element, tag, with_media) if probe else None
        read = _caption_text(caption) if caption is not None else None
        if read is not None:
            text, teaser = read
            if text and not teaser and not linked and not _UI_LABEL.match(text):
                walk.events.append(("caption", 0, text, furniture))
            continue
        probe = probe and caption is None  # else a container named caption: read on
        if tag in _TEXTUAL and not in_text:
            _add_paragraph(walk, element, furniture)
            in_text = True
        children = [child for child in element if isinstance(child.tag, str)]
        stack.extend((child, furniture, linked, in_text, probe) for child in reversed(children))


def _holding_media(top: lxml.etree._Element) -> set[lxml.etree._Element]:
    """The elements holding a picture, found upwards from each picture so that every
    element is marked once: a caption-named wrapper around a picture is no caption."""
    holding: set[lxml.etree._Element] = set()
    for media in top.iter(*_MEDIA):
        for ancestor in media.iterancestors():
            if ancestor in holding:
                break
            holding.add(ancestor)
    return holding


def _caption_here(
    element: lxml.etree._Element, tag: str, with_media: set[lxml.etree._Element]
) -> lxml.etree._Element | None:
    """The caption element ``element`` is or (a figure) holds; None when it is neither."""
    if tag == "figure":
        return _caption_of_figure(element)
    if tag == "figcaption":
        return element
    if tag in _CAPTION_NAMED and element not in with_media and _named_caption(element):
        return element
    return None


def _caption_of_figure(figure: lxml.etree._Element) -> lxml.etree._Element | None:
    """The figure's own caption: its <figcaption> (not a figure's inside it, as a gallery
    sets them), else an element named caption; None for a figure holding a table (the
    extractor keeps it, as a table) and for one of more than a picture's few elements."""
    named: lxml.etree._Element | None = None
    for count, element in enumerate(figure.iterdescendants()):
        tag = element.tag if isinstance(element.tag, str) else ""
        if count >= _MAX_FIGURE_NODES or tag == "table":
            return None
        if tag == "figcaption" and next(element.iterancestors("figure"), None) is figure:
            return element
        if named is None and tag in _CAPTION_NAMED and _named_caption(element):
            named = element
    return named


def _quotes(figure: lxml.etree._Element) -> bool:
    nodes = itertools.islice(figure.iterdescendants(), _MAX_FIGURE_NODES)
    return any(node.tag == "blockquote" for node in nodes)


def _named_caption(element: lxml.etree._Element) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return "caption" in names.lower() and _CREDIT_PART.search(names) is None


def _is_furniture(element: lxml.etree._Element, tag: str) -> bool:
    if tag in _FURNITURE_TAGS:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(names.strip()) and bool(_FURNITURE.search(names))


def _caption_text(element: lxml.etree._Element) -> tuple[str, bool] | None:
    """The caption's text, credits and all, and whether it is all a link (a teaser's
    headline: a caption links at most a name or two); None when it reads as more than
    a caption (a container named "caption"), which it stops reading at once."""
    pieces: list[str] = []
    linked = size = 0
    for nodes, (piece, in_link) in enumerate(_caption_pieces(element)):
        pieces.append(piece)
        size += len(piece)
        if in_link:
            linked += len(piece.strip())
        if size > _MAX_CAPTION_CHARS or nodes > _MAX_CAPTION_NODES:
            return None
    text = " ".join("".join(pieces).split())
    return text, linked >= len(text.replace(" ", "")) * 0.8


def _caption_pieces(element: lxml.etree._Element) -> Iterator[tuple[str, bool]]:
    """The caption's text, leaving out its credit parts and anything hidden; with whether
    each piece sits in a link. Without recursion: a caption may nest like any markup."""
    yield element.text or "", False
    # (node, inside a link, whether its text and children are read already)
    stack: list[tuple[lxml.etree._Element, bool, bool]] = [
        (child, False, False) for child in reversed(element)
    ]
    while stack:
        node, in_link, done = stack.pop()
        if not done and isinstance(node.tag, str) and not _skipped(node):
            tag = node.tag.lower()
            href = (node.get("href") or "").strip() if tag == "a" else ""
            inner = in_link or bool(href and not href.startswith("#"))
            spacer = " " if tag in ("br", "p", "div", "li") else ""
            yield spacer + (node.text or ""), inner
            stack.append((node, in_link, True))  # its tail, once its children are read
            stack.extend((child, inner, False) for child in reversed(node))
            continue
        yield " " + (node.tail or ""), in_link


def _skipped(node: lxml.etree._Element) -> bool:
    """A caption's credit part, or what a reader does not see as its text."""
    names = f"{node.get('class') or ''} {node.get('id') or ''}"
    return (
        str(node.tag).lower() in ("script", "style", "button", "svg")
        or "hidden" in node.attrib
        or _CREDIT_PART.search(names) is not None
        or _SCREEN_READER.search(names) is not None
    )


def _add_paragraph(walk: _Walk, element: lxml.etree._Element, furniture: _Chain) -> None:
    pieces: list[str] = []
    size = 0
    for piece in element.itertext():
        pieces.append(piece)
        size += len(piece)
        if size >= htmlkeys.KEY_READ:
            break
    read = "".join(pieces)
    index = walk.keys.get(htmlkeys.key(read))
    if index is None:
        walk.events.append(("outside", len(read.split()), "", ()))
        return
    walk.events.append(("block", index, "", ()))
    for holder in reversed(furniture):  # inner first; the outer ones are marked already
        if holder.holds_article:
            break
        holder.holds_article = True
    if element.get(STANDFIRST_MARK) is not None:
        walk.standfirsts.add(index)


def _placed(walk: _Walk, blocks: tuple[Block, ...], text: str) -> dict[int, list[str]]:
    """Block index -> the captions to set before that block (``len(blocks)``: at the end)."""
    events = walk.events
    found = [at for at, (kind, _, _, _) in enumerate(events) if kind == "block"]
    if not found:
        return {}
    first, last = found[0], found[-1]
    # Words outside the article before each event, and the article block after each.
    words = [0]
    for kind, value, _, _ in events:
        words.append(words[-1] + (value if kind == "outside" else 0))
    following = [len(blocks)] * len(events)
    upcoming = min(events[last][1] + 1, len(blocks))
    for at in range(len(events) - 1, -1, -1):
        following[at] = upcoming
        # The standfirst opens the story: a picture above it has its caption after it.
        if events[at][0] == "block" and events[at][1] not in walk.standfirsts:
            upcoming = events[at][1]
    lead = _lead_block(walk, blocks, first)
    seen = {htmlkeys.fold(text[b.start : b.end]) for b in blocks if b.kind is BlockKind.CAPTION}
    whole = ""
    checks = _MAX_TEXT_CHECKS
    before: dict[int, list[str]] = {}
    added = 0
    for at, (kind, _, caption, furniture) in enumerate(events):
        if kind != "caption" or not all(holder.holds_article for holder in furniture):
            continue
        if at < first and words[first] - words[at] > _NEAR_WORDS:
            continue
        if at > last and words[at] - words[last] > _NEAR_WORDS:
            continue
        caption = without_credit(caption)
        folded = htmlkeys.fold(caption)
        if not caption or folded in seen or htmlkeys.key(caption) in walk.keys:
            continue  # the text has it already
        if checks > 0:  # in a paragraph of its own that starts otherwise, or run into one
            checks -= 1
            whole = whole or htmlkeys.fold(text)
            if folded in whole:
                continue
        seen.add(folded)
        before.setdefault(lead if at < first else following[at], []).append(caption)
        added += 1
        if added >= MAX_CAPTIONS:
            break
    return before


def _lead_block(walk: _Walk, blocks: tuple[Block, ...], first: int) -> int:
    """Where a caption above the article goes: before its first paragraph, after the
    headline and standfirst that open it."""
    events = walk.events
    for at in range(first, len(events)):
        kind, index, _, _ = events[at]
        if kind != "block":
            continue
        block = blocks[index]
        opening = block.kind is BlockKind.HEADING and block.level == 1
        if not opening and index not in walk.standfirsts:
            return index
    return len(blocks)
