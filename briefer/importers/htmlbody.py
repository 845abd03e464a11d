"""Trafilatura's main-content XML (head, p, list/item, quote, table/row/cell, code) as blocks,
and the one change to the page it needs first: paragraphs a blank line divides, split.

Used by html.py; imports only lxml, core and briefer.importers helpers, never store/session/ui.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from briefer.core.model import BlockKind
from briefer.core.words import at_most_words
from briefer.importers.base import ArticleBuilder, Deadline
from briefer.importers.cleanup import is_boilerplate_line

_HEADING_REND = re.compile(r"h([1-6])")
# Footers and share lines are short; longer blocks are article text, whatever words they use.
_MAX_BOILERPLATE_CHARS = 500


_MIN_FRAME_WORDS = 40
"""A ``srcdoc`` frame with fewer words holds a widget, not the article."""


def prepare_page(tree: lxml.etree._Element) -> None:
    """What the page needs before extraction: its framed text in place, its paragraphs split
    where a blank line divides them."""
    inline_srcdoc_frames(tree)
    split_at_blank_lines(tree)


def inline_srcdoc_frames(tree: lxml.etree._Element) -> None:
    """Put the page an <iframe srcdoc="..."> carries in place of the frame, as a browser
    shows it, when it holds text enough to be the article (a widget's few words stay out).

    The frame's page is written into the attribute, so nothing is fetched; frames inside
    it are left as they are.
    """
    parser = lxml.html.HTMLParser(
        remove_comments=True, no_network=True, huge_tree=False, recover=True
    )
    for frame in list(tree.iter("iframe")):
        source = frame.get("srcdoc") or ""
        if not source.strip():
            continue
        try:
            framed = lxml.html.document_fromstring(source, parser=parser)
        except (lxml.etree.ParserError, ValueError):
            continue
        body = framed.find("body")
        parent = frame.getparent()
        if body is None or parent is None:
            continue
        if at_most_words(body.text_content(), _MIN_FRAME_WORDS - 1):
            continue
        for junk in body.xpath(".//script | .//style | .//noscript | .//template"):
            junk.drop_tree()
        body.tag = "div"
        body.attrib.clear()
        body.tail = frame.tail
        parent.replace(frame, body)


def split_at_blank_lines(tree: lxml.etree._Element) -> None:
    """Split each <p> at a run of two or more <br> ("a<br><br>b"), as a browser shows it: a
    blank line between two paragraphs.

    Trafilatura keeps one <lb/> of such a run, the same as for a single <br>, and a line
    break reads as a space; so without this, a page that separates its paragraphs so
    runs them all into one. A single <br> (an address, a verse) stays inside its paragraph.
    """
    for paragraph in list(tree.iter("p")):
        ends = _blank_line_ends(paragraph)
        parent = paragraph.getparent()
        if not ends or parent is None:
            continue
        position = parent.index(paragraph)
        pieces: list[lxml.etree._Element] = []
        for end in reversed(ends):
            piece = paragraph.makeelement(paragraph.tag, paragraph.attrib)
            piece.text, end.tail = end.tail, None
            for sibling in list(end.itersiblings()):
                piece.append(sibling)  # moves it, its tail with it
            _drop_break_run(end)
            pieces.insert(0, piece)
        pieces[-1].tail, paragraph.tail = paragraph.tail, None
        for offset, piece in enumerate(pieces, start=1):
            parent.insert(position + offset, piece)


def _blank_line_ends(paragraph: lxml.etree._Element) -> list[lxml.etree._Element]:
    """The last <br> of each run of two or more among the paragraph's children."""
    ends: list[lxml.etree._Element] = []
    run = 0
    for child in paragraph:
        if child.tag != "br":
            run = 0
            continue
        run += 1
        after = child.getnext()
        if after is None or after.tag != "br" or (child.tail or "").strip():
            if run >= 2:
                ends.append(child)
            run = 0
    return ends


def _drop_break_run(end: lxml.etree._Element) -> None:
    """Remove ``end`` and the <br> before it that make one run with it."""
    parent = end.getparent()
    if parent is None:
        return
    while True:
        before = end.getprevious()
        parent.remove(end)
        if before is None or before.tag != "br" or (before.tail or "").strip():
            return
        before.tail, end = None, before


# Where a page's own words are not: its menus, masthead, footer, buttons and forms, and
# the headline (a shell shows one too). Links count only when they are short, as menu
# entries are; a teaser paragraph that is one long link is text.
_FURNITURE = (
    "ancestor::nav or ancestor::header or ancestor::footer or ancestor::button"
    " or ancestor::select or ancestor::label or ancestor::form or ancestor::h1"
    " or ancestor::title or ancestor::head"
    " or ancestor::*[@role='navigation' or @role='banner' or @role='contentinfo'"
    " or @role='menu' or @role='menubar' or @role='button']"
)
_MENU_LINK_WORDS = 4
_PLACEHOLDER = re.compile(
    r"^(?:loading|please wait|just a moment|one moment|getting (?:the )?(?:story|article)"
    r"|(?:please )?(?:enable|turn on) javascript|javascript is (?:required|disabled))"
    r"(?: ?(?:[.…!]+|\w+(?:\s\w+){0,3}[.…]*))?$",
    re.IGNORECASE,
)
_MAX_SHELL_TEXTS = 2000


def shows_only_furniture(tree: lxml.etree._Element) -> bool:
    """Whether the page shows nothing but its site's furniture: menus, masthead, a headline,
    short links and a "Loading…" placeholder.

    That is an app's shell saved before (or without) the script that fills in the story,
    which lives in a data script no reader sees. Any sentence of the page's own, even a
    one-line note, is not furniture, so short pages still import.
    """
    body = tree.find("body") if tree.tag == "html" else tree
    if body is None:
        return False
    texts = body.xpath(f".//text()[normalize-space()][not({_FURNITURE})]")
    if len(texts) > _MAX_SHELL_TEXTS:
        return False
    for text in texts:
        line = " ".join(str(text).split())
        parent = text.getparent()
        in_link = parent is not None and any(a.tag == "a" for a in _ancestors_and_self(parent))
        if in_link and len(line.split()) <= _MENU_LINK_WORDS:
            continue
        if _PLACEHOLDER.match(line) or is_boilerplate_line(line):
            continue
        if any(ch.isalnum() for ch in line):
            return False
    return True


def _ancestors_and_self(element: lxml.etree._Element) -> list[lxml.etree._Element]:
    return [element, *element.iterancestors()]


def body_to_blocks(body: lxml.etree._Element, builder: ArticleBuilder, deadline: Deadline) -> None:
    """Trafilatura's XML (head, p, list/item, quote, table/row/cell, code) as article blocks.

    Trafilatura leaves text it found outside any paragraph as the ``.text`` of a
    container or the ``.tail`` of the element before it (a lead sentence directly
    in the article's div, words after a quoted paragraph); each such run becomes a
    block of its own, joined with any inline siblings, so no word is dropped.
    """
    _container_to_blocks(body, builder, 0, BlockKind.PARAGRAPH, deadline)


# Elements of trafilatura's XML that stand as blocks; anything else (hi, ref, del, lb,
# span...) is inline and reads as part of the text around it.
_XML_BLOCKS = frozenset(
    {"head", "p", "list", "item", "quote", "table", "row", "cell", "code", "div", "body",
     "figure", "graphic", "section", "article", "main"}
)  # fmt: skip


def _container_to_blocks(
    element: lxml.etree._Element,
    builder: ArticleBuilder,
    list_level: int,
    kind: BlockKind,
    deadline: Deadline | None = None,
) -> None:
    """Each block child in turn, with the loose text around them as blocks of ``kind``."""
    loose: list[str] = [element.text or ""]
    for child in element:
        if deadline is not None:
            deadline.check()
        if child.tag in _XML_BLOCKS:
            _add(builder, kind, _fold_inline("".join(loose)))
            loose = []
            if kind is BlockKind.QUOTE and child.tag in ("p", "head", "list"):
                _add(builder, BlockKind.QUOTE, _inline(child))
            else:
                _element_to_blocks(child, builder, list_level)
        else:
            loose.append(" " if child.tag == "lb" else _inline(child))
        loose.append(child.tail or "")
    _add(builder, kind, _fold_inline("".join(loose)))


def _element_to_blocks(
    element: lxml.etree._Element, builder: ArticleBuilder, list_level: int
) -> None:
    tag = element.tag
    if tag == "head":
        match = _HEADING_REND.fullmatch(element.get("rend") or "")
        _add(builder, BlockKind.HEADING, _inline(element), level=int(match[1]) if match else 2)
    elif tag == "list":
        ordered = (element.get("rend") or "").lower() == "ol"
        loose: list[str] = [element.text or ""]
        for item in element:
            if item.tag != "item":
                _add(builder, BlockKind.PARAGRAPH, _fold_inline("".join(loose)))
                loose = []
                _element_to_blocks(item, builder, list_level)
            else:
                _add(builder, BlockKind.PARAGRAPH, _fold_inline("".join(loose)))
                loose = []
                _add(
                    builder,
                    BlockKind.LIST_ITEM,
                    _inline(item, skip="list"),
                    level=list_level + 1,
                    ordered=ordered,
                )
                for nested in item.iterchildren("list"):
                    _element_to_blocks(nested, builder, list_level + 1)
            loose.append(item.tail or "")
        _add(builder, BlockKind.PARAGRAPH, _fold_inline("".join(loose)))
    elif tag == "quote":
        _container_to_blocks(element, builder, list_level, BlockKind.QUOTE)
    elif tag == "table":
        for row in element.iter("row"):
            cells = [_inline(cell) for cell in row.iterchildren("cell")]
            _add(builder, BlockKind.TABLE_ROW, " | ".join(c for c in cells if c))
    elif tag == "code":
        builder.add(BlockKind.PREFORMATTED, "".join(element.itertext()))
    elif tag in ("div", "body", "figure", "section", "article", "main"):
        _container_to_blocks(element, builder, list_level, BlockKind.PARAGRAPH)
    elif tag != "graphic":
        _add(builder, BlockKind.PARAGRAPH, _inline(element))


def _fold_inline(text: str) -> str:
    return " ".join(text.split())


def _inline(element: lxml.etree._Element, skip: str = "") -> str:
    """The text of an element, line breaks as spaces, leaving out nested ``skip`` elements."""
    parts: list[str] = []

    def walk(node: lxml.etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag == "lb" or child.tag == skip:
                parts.append(" ")
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return " ".join("".join(parts).split())


def _add(
    builder: ArticleBuilder, kind: BlockKind, text: str, *, level: int = 0, ordered: bool = False
) -> None:
    if text and not is_boilerplate(text):
        builder.add(kind, text, level=level, ordered=ordered)


def is_boilerplate(line: str) -> bool:
    """Feed footers and share lines that survive extraction."""
    if len(line) > _MAX_BOILERPLATE_CHARS:
        return False
    return is_boilerplate_line(line)
