"""HTML (a page, a fragment, an e-mail body) to article blocks, without fetching anything.

Used by the paste, e-mail and web-page importers. Imports only lxml, core and
briefer.importers helpers; never store, session or ui.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import lxml.html
from lxml import etree

from briefer.core.model import BlockKind
from briefer.core.record import Record, field
from briefer.importers.base import ArticleBuilder, Deadline, ImportLimits, ImportRejected
from briefer.importers.encoding import decode_text
from briefer.importers.htmlbounds import MAX_BLOCKS as MAX_BLOCKS  # the walk counts too
from briefer.importers.htmlbounds import check_markup

_DROP = frozenset(
    {
        "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "frame",
        "frameset", "object", "embed", "canvas", "form", "nav", "button", "input", "select",
        "textarea", "option", "dialog", "map", "audio", "video", "img", "picture",
    }
)  # fmt: skip
_BLOCKS = frozenset(
    {
        "html", "body", "p", "div", "section", "article", "main", "header", "footer", "aside",
        "address", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
        "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
        "figure", "figcaption", "hr", "center", "details", "summary", "fieldset", "legend",
        "hgroup", "menu",
    }
)  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Elements whose presence inside a table means it lays out a page rather than holds data.
_LAYOUT_SIGNS = (
    "table", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "br",
)  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# HTML never needs an internal DTD subset; libxml2 would show its tail as text.
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\xa0]*\n")
# libxml2 stops reading (silently) below this depth unless huge_tree is on, which we refuse.
_PARSER_DEPTH = 256
_FLATTEN_BLOCK = re.compile(
    r"(?:\s*</?(?:div|section|article|main|center|header|footer|aside)\b[^>]*>)+", re.IGNORECASE
)
_FLATTEN_INLINE = re.compile(
    r"</?(?:span|font|b|i|u|em|strong|small|big|a|sup|sub|s|strike|mark|abbr|cite|q|label)\b[^>]*>",
    re.IGNORECASE,
)
_DEADLINE_EVERY = 2000


def html_to_article_blocks(
    html: str | bytes,
    builder: ArticleBuilder,
    *,
    limits: ImportLimits,
    deadline: Deadline | None = None,
    base_encoding: str | None = None,
    name: str = "This page",
    prepare: Callable[[lxml.html.HtmlElement], None] | None = None,
) -> str:
    """Appends the readable content of ``html`` to ``builder``; returns the page's title.

    Scripts, styles, forms, navigation, comments and hidden elements are dropped,
    so what lands in the article is what a reader would have seen. Tables that
    only lay out the page (typical of newsletters) are read as ordinary flow;
    tables that hold data become "cell | cell" rows. ``base_encoding`` is the
    charset the container declared (e-mail part, MHTML part) for byte input; ``name``
    opens the sentence refusing markup no parser should be given (``check_markup``);
    ``prepare`` changes the parsed tree as the web-page importer's own parse does.
    """
    text = _as_text(html, base_encoding)
    check_markup(text, name)
    root = _parse(text, limits, name)
    if root is None:
        return ""
    del text  # the tree holds what is needed; a huge page need not be held twice
    if prepare is not None:
        prepare(root)
    return tree_to_article_blocks(root, builder, limits=limits, deadline=deadline, name=name)


def tree_to_article_blocks(
    root: lxml.html.HtmlElement,
    builder: ArticleBuilder,
    *,
    limits: ImportLimits,
    deadline: Deadline | None = None,
    name: str = "This page",
) -> str:
    """``html_to_article_blocks`` for a page already parsed (by the web-page importer,
    which would otherwise hold two trees of a huge page at once); returns its title."""
    title_el = root.find(".//title")
    title = " ".join((title_el.text_content() if title_el is not None else "").split())
    body = root.find("body")
    _Walker(builder, limits, deadline, name=name).walk(body if body is not None else root)
    return title


def _as_text(html: str | bytes, base_encoding: str | None) -> str:
    if isinstance(html, str):
        return html
    declared = base_encoding
    if declared is None:
        match = _META_CHARSET.search(html[:4096])
        declared = match.group(1).decode("ascii") if match else None
    try:
        text, _ = decode_text(html, declared=declared)
    except ImportRejected as error:
        raise ImportRejected(error.reason.replace("file", "page", 1)) from None
    return text


def _parser() -> lxml.html.HTMLParser:
    # HTML parsers in lxml never expand DTD entities; no_network and huge_tree=False keep
    # libxml2 from fetching anything or building pathological trees.
    return lxml.html.HTMLParser(
        no_network=True, huge_tree=False, remove_comments=True, remove_pis=True
    )


def _parse(text: str, limits: ImportLimits, name: str) -> lxml.html.HtmlElement | None:
    text = _XML_DECLARATION.sub("", text, count=1)
    text = _DOCTYPE_SUBSET.sub("", text[:65536], count=1) + text[65536:]
    if not text.strip():
        return None
    root, too_deep = _parse_once(text)
    if too_deep:
        # Content nested deeper than libxml2 allows would be silently lost; strip the
        # wrapper tags that cause such nesting (keeping their text) and try again.
        flattened = _FLATTEN_INLINE.sub(" ", _FLATTEN_BLOCK.sub("<hr>", text))
        root, too_deep = _parse_once(flattened)
        if too_deep:
            raise ImportRejected(
                f"{name} is nested more than {_PARSER_DEPTH} elements deep, which Briefer"
                " cannot read safely. Open it in a browser and save it again, or copy its"
                " text and paste it."
            )
    del limits  # depth beyond limits.max_nesting is flattened by the walker
    return root


def _parse_once(text: str) -> tuple[lxml.html.HtmlElement | None, bool]:
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None, False
    too_deep = any(
        "Excessive depth" in entry.message or entry.type_name == "ERR_RESOURCE_LIMIT"
        for entry in parser.error_log
    )
    return root, too_deep


class _Context(Record):
    """What a block flushed now would be: the innermost structural element wins."""

    kind: BlockKind
    level: int = 0
    ordered: bool = False


class _Walker(Record):
    builder: ArticleBuilder
    limits: ImportLimits
    deadline: Deadline | None
    buf: list[str] = field(default_factory=list)
    contexts: list[_Context] = field(default_factory=list)
    lists: list[bool] = field(default_factory=list)
    pre: int = 0
    row: list[str] | None = None
    cell: list[str] | None = None
    data_tables: int = 0
    seen: int = 0
    blocks: int = 0
    name: str = "This page"

    def walk(self, top: lxml.html.HtmlElement) -> None:
        """Depth-first without recursion, so no nesting can exhaust Python's stack.

        An element's next sibling is stacked only when the element is done, so the stack
        holds one element per level, not every child of a 700,000-child body at once.
        """
        # Each entry: (element, entering, depth, whether this element was handled as structure).
        stack: list[tuple[etree._Element, bool, int, bool]] = [(top, True, 1, True)]
        while stack:
            el, entering, depth, structural = stack.pop()
            if not entering:
                if structural:
                    self._end(el)
                elif isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
                    self._text(" ")  # flattened beyond max_nesting: keep words apart
                self._text(el.tail)
                sibling = el.getnext() if depth > 1 else None
                if sibling is not None:
                    stack.append((sibling, True, depth, True))
                continue
            self.seen += 1
            if self.deadline is not None and self.seen % _DEADLINE_EVERY == 0:
                self.deadline.check()
            tag = el.tag if isinstance(el.tag, str) else ""
            if not tag or tag.lower() in _DROP or _hidden(el):
                if tag:
                    # Keeps the words either side of a dropped element apart.
                    self._text(" ")
                stack.append((el, False, depth, False))
                continue
            structural = depth <= self.limits.max_nesting
            if structural:
                self._start(el)
            elif tag.lower() in _BLOCKS:
                self._text(" ")
            self._text(el.text)
            stack.append((el, False, depth, structural))
            first = next(iter(el), None)
            if first is not None:
                stack.append((first, True, depth + 1, True))
        self._flush()

    def _start(self, el: etree._Element) -> None:
        tag = str(el.tag).lower()
        if tag == "br":
            self._text("\n")
            return
        if tag not in _BLOCKS:
            return
        if self.row is not None and tag in ("td", "th"):
            self.cell = []
            return
        if self.row is not None or self.cell is not None:
            self._text(" ")
            return
        self._flush()
        if tag == "table" and _is_data_table(el):
            self.data_tables += 1
        elif tag == "tr" and self.data_tables:
            self.row = []
        elif tag in _HEADINGS:
            self.contexts.append(_Context(BlockKind.HEADING, _HEADINGS[tag]))
        elif tag in ("ul", "ol", "menu"):
            self.lists.append(tag == "ol")
        elif tag == "li":
            ordered = self.lists[-1] if self.lists else False
            self.contexts.append(_Context(BlockKind.LIST_ITEM, max(1, len(self.lists)), ordered))
        elif tag == "blockquote":
            self.contexts.append(_Context(BlockKind.QUOTE))
        elif tag in ("figcaption", "caption"):
            self.contexts.append(_Context(BlockKind.CAPTION))
        elif tag == "pre":
            self.pre += 1

    def _end(self, el: etree._Element) -> None:
        tag = str(el.tag).lower()
        if tag not in _BLOCKS:
            return
        if self.row is not None:
            if tag in ("td", "th") and self.cell is not None:
                self.row.append(" ".join("".join(self.cell).split()))
                self.cell = None
                return
            if tag != "tr":
                self._text(" ")
                return
            cells = self.row
            self.row = None
            while cells and not cells[-1]:
                cells.pop()
            if any(cells):
                self._add(BlockKind.TABLE_ROW, " | ".join(cells))
            return
        self._flush()
        if tag == "table" and self.data_tables and _is_data_table(el):
            self.data_tables -= 1
        elif tag in ("ul", "ol", "menu") and self.lists:
            self.lists.pop()
        elif tag in _HEADINGS or tag in ("li", "blockquote", "figcaption", "caption"):
            if self.contexts:
                self.contexts.pop()
        elif tag == "pre" and self.pre:
            self.pre -= 1

    def _text(self, text: str | None) -> None:
        if not text:
            return
        if self.cell is not None:
            self.cell.append(text)
        elif self.row is None:
            self.buf.append(text)

    def _flush(self) -> None:
        if not self.buf:
            return
        text = "".join(self.buf)
        self.buf.clear()
        if self.pre:
            self._add(BlockKind.PREFORMATTED, text)
            return
        context = self.contexts[-1] if self.contexts else _Context(BlockKind.PARAGRAPH)
        # Line breaks twice in a row are how mail and pasted HTML separate paragraphs.
        for part in _PARAGRAPH_BREAK.split(text):
            self._add(context.kind, part, level=context.level, ordered=context.ordered)

    def _add(self, kind: BlockKind, text: str, *, level: int = 0, ordered: bool = False) -> None:
        if self.builder.add(kind, text, level=level, ordered=ordered) is None:
            return
        self.blocks += 1
        if self.blocks > MAX_BLOCKS:
            raise ImportRejected(
                f"{self.name} has more than {MAX_BLOCKS:,} paragraphs, rows and headings,"
                " far more than an article (a long report has a few thousand), so Briefer"
                " cannot read it in bounded memory. Save only the part you need, or print"
                " it to PDF, and import that."
            )


def _hidden(el: etree._Element) -> bool:
    attrib = el.attrib
    if "hidden" in attrib or attrib.get("aria-hidden", "").lower() == "true":
        return True
    style = attrib.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _is_data_table(table: etree._Element) -> bool:
    """Newsletters lay out pages with tables; only grids of short cells are data."""
    if table.get("role", "").lower() == "presentation":
        return False
    for _ in table.iterdescendants(*_LAYOUT_SIGNS):
        return False
    widest = max(
        (len(row.findall("td")) + len(row.findall("th")) for row in table.iter("tr")), default=0
    )
    return widest >= 2
