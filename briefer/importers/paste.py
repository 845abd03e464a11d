"""Pasted content (the clipboard's HTML or plain text) to an article.

The GUI wires Ctrl+V here through ``registry.import_paste``. Imports core and
briefer.importers helpers only; no Qt: the caller passes the clipboard's strings.
"""

from __future__ import annotations

import datetime as dt
import re

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ArticleBuilder, Deadline, ImportLimits, ImportRejected
from briefer.importers.cleanup import feed_footer_site, is_boilerplate_line
from briefer.importers.encoding import clean_text, normalise_newlines, repair_mojibake
from briefer.importers.htmlconvert import html_to_article_blocks
from briefer.importers.pasteprep import prepare_clipboard
from briefer.importers.pdfcopy import spell_ligatures, unwrap_pdf_copy
from briefer.importers.text import byline_or_date, heading_like, text_to_blocks

TITLE_MAX = 120
_CF_HTML_HEADER = re.compile(r"^\s*Version:\d+\.\d+\s*?\n(?:[A-Za-z]+:[^\n<]*\n)*")
"""Windows' clipboard HTML opens with offsets ("Version:0.9", "StartHTML:0000000105");
a toolkit that hands the flavour over whole leaves them in front of the markup."""
_BLOCK_TAG = re.compile(
    r"<(?:p|div|h[1-6]|li|table|blockquote|pre|section|article|figure|figcaption|dd|dt)\b",
    re.IGNORECASE,
)
_TOP_WINDOW = 6
_HEAD_WINDOW = 3
"""Blocks a headline may follow: a section label, a dateline."""
_LABEL_WORDS = 3
"""Blocks under the title looked at for a by-line and a dateline."""
PASTE_FORMAT = "paste"

EMPTY_PASTE = (
    "The clipboard has no text to import. Copy the article's text (or select it on the"
    " page) and paste again."
)


def short_title(text: str, limit: int = TITLE_MAX) -> str:
    """The first line of ``text``, cut at a word boundary to at most ``limit`` characters."""
    line = " ".join(text.strip().split("\n", 1)[0].split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-–—")
    return cut + "…"


def paste_to_article(
    *, text: str | None = None, html: str | None = None, limits: ImportLimits
) -> tuple[Article, bool]:
    """The article in pasted content, and whether it was read from the HTML.

    HTML is preferred when it carries text and structure, since it keeps what the
    analyst saw (headings, lists, quotes); plain text goes through the same
    news-page logic as a .txt file, unwrapped first if it was copied from a PDF.
    """
    size = len((html or "").encode("utf-8", "replace")) + len(
        (text or "").encode("utf-8", "replace")
    )
    if size > limits.max_bytes:
        raise ImportRejected(
            f"The pasted content is {size / 1024 / 1024:.1f} MB, more than the"
            f" {limits.max_bytes / 1024 / 1024:.0f} MB Briefer imports at once. Paste a"
            " shorter selection."
        )
    deadline = Deadline(limits.max_seconds, "the pasted content")
    # HTML with no block structure (pdf.js's text layer: a positioned span a printed line)
    # says nothing its text flavour does not, and that flavour's line breaks are unwrapped.
    structured = bool(html and _BLOCK_TAG.search(html)) or not (text and text.strip())
    if html and html.strip() and structured:
        article = _from_html(_CF_HTML_HEADER.sub("", html, count=1), limits, deadline)
        if article is not None:
            return article, True
    if text and text.strip():
        return _from_text(text), False
    raise ImportRejected(EMPTY_PASTE)


def _from_html(html: str, limits: ImportLimits, deadline: Deadline) -> Article | None:
    scratch = ArticleBuilder()
    page_title = html_to_article_blocks(
        html, scratch, limits=limits, deadline=deadline, prepare=prepare_clipboard
    )
    if scratch.is_empty():
        return None
    texts = [scratch.text()[b.start : b.end] for b in scratch.blocks]
    title = ""
    skip: set[int] = set()
    found = _title_index(scratch, texts)
    if found is not None:
        # The heading the selection starts with names the article; it and the section
        # label above it stay out of the body (a dateline above it is read below).
        title = short_title(texts[found])
        skip.update(i for i in range(found + 1) if byline_or_date(texts[i]) == (None, None))
    author, published = _byline_and_date(scratch, texts, skip)
    lines = (texts[i] for i in reversed(range(len(texts))) if i not in skip)
    publisher = next(filter(None, map(feed_footer_site, lines)), "")
    body = ArticleBuilder()
    for index, block in enumerate(scratch.blocks):
        if index in skip or is_boilerplate_line(texts[index]):
            continue
        body.add(block.kind, texts[index], level=block.level, ordered=block.ordered)
    if body.is_empty() and not title:
        return None
    title = title or short_title(page_title) or short_title(body.text())
    return Article(
        title=title,
        text=body.text(),
        blocks=body.blocks,
        publisher=publisher,
        author=author,
        published=published,
        source_format=PASTE_FORMAT,
        source_name="Pasted text",
    )


def _title_index(scratch: ArticleBuilder, texts: list[str]) -> int | None:
    """Which of the first blocks is the headline: a heading, or a short paragraph with no
    closing stop (Google Docs' "Title" style), past a section label or a dateline above."""
    blocks = scratch.blocks
    for index, block in enumerate(blocks[:_HEAD_WINDOW]):
        text = texts[index]
        if block.kind is BlockKind.HEADING:
            return index
        if block.kind is not BlockKind.PARAGRAPH:
            return None
        if byline_or_date(text) != (None, None) or is_boilerplate_line(text):
            continue
        if not heading_like(text) or index + 1 >= len(blocks):
            return None
        after = [
            b.kind
            for b, t in zip(blocks[index + 1 : _HEAD_WINDOW], texts[index + 1 :], strict=False)
            if byline_or_date(t) == (None, None)
        ]
        if after[:1] == [BlockKind.HEADING] and len(text.split()) <= _LABEL_WORDS:
            continue  # "Politics" above the headline
        return index
    return None


def _byline_and_date(
    scratch: ArticleBuilder, texts: list[str], skip: set[int]
) -> tuple[str, dt.date | None]:
    """The writer and the date the lines between a copied headline and the body give ("By
    Anna Berg | 4 March 2026"); those lines join ``skip``, as the plain-text reader leaves
    them out."""
    author = ""
    published: dt.date | None = None
    for index, block in enumerate(scratch.blocks[:_TOP_WINDOW]):
        if index in skip or is_boilerplate_line(texts[index]):
            continue  # the share bar between headline and by-line
        name, date = byline_or_date(texts[index])
        if block.kind is not BlockKind.PARAGRAPH or (name is None and date is None):
            break  # the body begins: a note's "12 January 2026" further down is no dateline
        author = author or name or ""
        published = published or date
        skip.add(index)
        if author and published:
            break
    return author, published


def _from_text(text: str) -> Article:
    # Text copied from a PDF viewer keeps the page's line breaks; it is unwrapped before
    # the news-page reading, which would otherwise see every printed line as a paragraph.
    # Mail clients that guessed the wrong charset hand over "cafÃ©": read again as UTF-8.
    lines = normalise_newlines(spell_ligatures(repair_mojibake(text)))
    cleaned = clean_text(unwrap_pdf_copy(lines) or lines)
    builder = ArticleBuilder()
    meta = text_to_blocks(cleaned, builder)
    if builder.is_empty() and not meta.title:
        raise ImportRejected(EMPTY_PASTE)
    return Article(
        title=short_title(meta.title) if meta.title else short_title(builder.text()),
        text=builder.text(),
        blocks=builder.blocks,
        publisher=meta.publisher,
        author=meta.author,
        published=meta.published,
        source_format=PASTE_FORMAT,
        source_name="Pasted text",
    )
