"""Paste into the page view: HTML from Word or a web page, cleaned, bounded, made Markdown.

Only structure survives: headings, paragraphs, lists, emphasis, links, tables
and quotations. Scripts, styles, classes, fonts, images and anything remote are
dropped before Qt sees the HTML (Qt would otherwise fetch nothing, but would
carry the styling into the note). Word's lists, which are paragraphs with an
``mso-list`` style and a typed bullet, become real lists. What was left out is
counted, so the editor can say so. Standard library and Qt.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from PySide6.QtGui import QFont, QTextCursor, QTextDocument, QTextFormat

from briefer.core.record import Record, field
from briefer.ui.composer import rich_format as rf
from briefer.ui.composer.rich_export import document_markdown

MAX_PASTE_CHARS = 300_000
"""Above this, HTML is pasted as plain text, and plain text is cut here.

About 50,000 words, a hundred pages: far more than a section of a briefing, and
what the page view takes in a few seconds (a megabyte of HTML took ten on the
test machine, with the window frozen)."""

_KEEP = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "ul", "ol", "li", "b", "strong", "i",
    "em", "a", "table", "thead", "tbody", "tr", "th", "td", "blockquote",
}  # fmt: skip
_DROP_WITH_CONTENT = {
    "script", "style", "head", "title", "iframe", "object", "embed", "svg", "math",
    "template", "noscript", "xml", "canvas", "video", "audio", "select", "button",
}  # fmt: skip
_BLOCKS = {"div", "section", "article", "header", "footer", "main", "aside", "figure", "center"}
_SAFE_LINK = re.compile(r"^(?:https?:|mailto:)", re.IGNORECASE)


class Cleaned(Record):
    html: str
    images: int = 0
    scripts: int = 0
    dropped: set[str] = field(default_factory=set)


class _Sanitiser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0  # depth inside a dropped element
        self.skip_tag: list[str] = []
        self.word_marker = False  # inside Word's <![if !supportLists]> typed bullet
        self.word_list: str | None = None  # "ul"/"ol" while Word list paragraphs run
        self.result = Cleaned("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.result.scripts += 1
        if self.skip:
            if tag == self.skip_tag[-1]:
                self.skip += 1
            return
        if tag in _DROP_WITH_CONTENT:
            self.skip, self.skip_tag = 1, [tag]
            return
        if tag == "img":
            self.result.images += 1
            return
        values = {k: v or "" for k, v in attrs}
        if tag == "p" and "mso-list" in values.get("style", ""):
            if self.word_list is None:  # bulleted until the typed marker says a number
                self.out.append("<ul>")
                self.word_list = "ul"
            self.out.append("<li>")
            return
        if tag == "p":
            self._end_word_list()
        if tag == "a":
            href = values.get("href", "").strip()
            self.out.append(f'<a href="{html.escape(href)}">' if _SAFE_LINK.match(href) else "<a>")
        elif tag in _KEEP:
            self.out.append(f"<{tag}>")
        elif tag in _BLOCKS:
            self.out.append("<p>")
        else:
            self.result.dropped.add(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip_tag[-1]:
                self.skip -= 1
            return
        if tag == "p" and self.word_list:
            self.out.append("</li>")
        elif tag in _KEEP:
            self.out.append(f"</{tag}>")
        elif tag in _BLOCKS:
            self.out.append("</p>")

    def unknown_decl(self, data: str) -> None:
        if data.strip().lower().startswith("if !supportlists"):
            self.word_marker = True
        elif data.strip().lower() == "endif":
            self.word_marker = False

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.word_marker:
            marker = data.strip()
            if marker[:1].isdigit() and self.word_list == "ul" and self.out[-2] == "<ul>":
                self.out[-2] = "<ol>"
                self.word_list = "ol"
            return
        self.out.append(html.escape(data, quote=False))

    def _end_word_list(self) -> None:
        if self.word_list:
            self.out.append(f"</{self.word_list}>")
            self.word_list = None

    def close(self) -> None:
        super().close()
        self._end_word_list()
        self.result.html = "".join(self.out)


def sanitise_html(source: str) -> Cleaned:
    """Keep structure, drop everything else; counts what it dropped."""
    parser = _Sanitiser()
    parser.feed(source)
    parser.close()
    return parser.result


def html_markdown(source: str) -> str:
    """Sanitised HTML as the composer's Markdown (via Qt's HTML reader, then ours)."""
    document = QTextDocument()
    document.setHtml(source)
    adopt(document)
    return document_markdown(document)


def adopt(document: QTextDocument) -> None:
    """Give a document Qt read from HTML the meaning properties our writer reads."""
    block = document.begin()
    group = 0
    previous_quoted = False
    while block.isValid():
        fmt = block.blockFormat()
        quoted = int(fmt.property(QTextFormat.Property.BlockQuoteLevel) or 0) > 0
        if quoted and not previous_quoted:
            group += 1
        if quoted:
            cursor = QTextCursor(block)
            fmt.setProperty(rf.QUOTE_GROUP, 10_000_000 + group)
            cursor.setBlockFormat(fmt)
        previous_quoted = quoted
        the_list = block.textList()
        if the_list is not None and not the_list.format().hasProperty(rf.LIST_MARKER):
            list_format = the_list.format()
            decimal = list_format.style().value < -3  # Qt: Disc -1, Circle -2, Square -3
            list_format.setProperty(rf.LIST_MARKER, "." if decimal else "-")
            the_list.setFormat(list_format)
        heading = fmt.headingLevel() > 0
        it = block.begin()
        runs = []
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            runs.append((fragment.position(), fragment.length(), fragment.charFormat()))
        for position, length, chars in runs:
            changed = chars
            if chars.fontWeight() >= QFont.Weight.DemiBold and not heading:
                changed.setProperty(rf.STRONG, "**")
            if chars.fontItalic():
                changed.setProperty(rf.EMPHASIS, "*")
            cursor = QTextCursor(document)
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(changed)
        block = block.next()


def bounded_text(text: str, limit: int = MAX_PASTE_CHARS) -> tuple[str, str]:
    """``text`` cut at ``limit`` characters, and the message saying so ("" if whole)."""
    if len(text) <= limit:
        return text, ""
    left = len(text) - limit
    return text[:limit], (
        f"Pasted the first {limit:,} characters; the remaining {left:,} were left out "
        f"(one paste holds {limit:,} characters at most)."
    )


def left_out(cleaned: Cleaned) -> str:
    """A sentence naming what a paste left out, or ""."""
    parts = []
    if cleaned.images:
        parts.append(f"{cleaned.images} image{'s' if cleaned.images != 1 else ''}")
    if cleaned.scripts:
        parts.append(f"{cleaned.scripts} script{'s' if cleaned.scripts != 1 else ''}")
    if not parts:
        return ""
    return "Pasted the text; left out " + " and ".join(parts) + " (a note holds text only)."
