"""Trafilatura's main-content XML (head, p, list/item, quote, table/row/cell, code) as blocks.

Used by html.py; imports only lxml, core and briefer.importers helpers, never store/session/ui.
"""

from __future__ import annotations

import re

import lxml.etree

from briefer.core.model import BlockKind
from briefer.importers.base import ArticleBuilder, Deadline
from briefer.importers.cleanup import is_boilerplate_line

_HEADING_REND = re.compile(r"h([1-6])")
# Footers and share lines are short; longer blocks are article text, whatever words they use.
_MAX_BOILERPLATE_CHARS = 500


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
