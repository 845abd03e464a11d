"""Pasted content (the clipboard's HTML or plain text) to an article.

The GUI wires Ctrl+V here through ``registry.import_paste``. Imports core and
briefer.importers helpers only; no Qt: the caller passes the clipboard's strings.
"""

from __future__ import annotations

from collections.abc import Callable

from briefer.core.model import Article, BlockKind, Original
from briefer.importers.base import (
    ArticleBuilder,
    Deadline,
    Imported,
    ImportLimits,
    ImportRejected,
)
from briefer.importers.cleanup import copy_blocks, feed_footer_site, is_boilerplate_line
from briefer.importers.encoding import clean_text
from briefer.importers.htmlconvert import html_to_article_blocks
from briefer.importers.text import check_lines, text_to_blocks

TITLE_MAX = 120
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


def import_paste(
    *,
    text: str | None = None,
    html: str | None = None,
    limits: ImportLimits = ImportLimits(),  # noqa: B008
    cancelled: Callable[[], bool] | None = None,
) -> Imported:
    """The article in pasted clipboard content; the original keeps what was pasted.
    ``cancelled`` is read as it goes, and stops it with ``ImportCancelled``."""
    article, from_html = paste_to_article(text=text, html=html, limits=limits, cancelled=cancelled)
    if from_html:
        original = Original("pasted.html", "text/html", (html or "").encode("utf-8", "replace"))
    else:
        original = Original("pasted.txt", "text/plain", (text or "").encode("utf-8", "replace"))
    return Imported(article, original)


def paste_to_article(
    *,
    text: str | None = None,
    html: str | None = None,
    limits: ImportLimits,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[Article, bool]:
    """The article in pasted content, and whether it was read from the HTML.

    HTML is preferred when it carries text, since it keeps the structure the
    analyst saw (headings, lists, quotes); plain text goes through the same
    news-page logic as a .txt file. ``cancelled`` is read between blocks: a paste of
    many megabytes takes seconds, and the window offers Cancel (``ImportCancelled``).
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
    deadline = Deadline(limits.max_seconds, "the pasted content", cancelled)
    deadline.check_cancelled()
    if html and html.strip():
        try:
            article = _from_html(html, limits, deadline)
        except ImportRejected:
            if not (text and text.strip()):
                raise
            article = None  # the page's markup is beyond reading; its text beside it is not
        if article is not None:
            return article, True
    if text and text.strip():
        return _from_text(text, deadline), False
    raise ImportRejected(EMPTY_PASTE)


def _from_html(html: str, limits: ImportLimits, deadline: Deadline) -> Article | None:
    scratch = ArticleBuilder()
    page_title = html_to_article_blocks(html, scratch, limits=limits, deadline=deadline)
    if scratch.is_empty():
        return None
    body = ArticleBuilder()
    scratch_text = scratch.text()
    first = scratch.blocks[0]
    title = ""
    if first.kind is BlockKind.HEADING:
        # The heading the selection starts with names the article; keep it out of the body.
        title = short_title(scratch_text[first.start : first.end])
        trimmed = ArticleBuilder()
        for block in scratch.blocks[1:]:
            trimmed.add(
                block.kind,
                scratch_text[block.start : block.end],
                level=block.level,
                ordered=block.ordered,
            )
        scratch = trimmed
    scratch_text = scratch.text()
    lines = (scratch_text[b.start : b.end] for b in reversed(scratch.blocks))
    publisher = next(filter(None, map(feed_footer_site, lines)), "")
    copy_blocks(scratch, body, keep=lambda _kind, content: not is_boilerplate_line(content))
    if body.is_empty() and not title:
        return None
    title = title or short_title(page_title) or short_title(body.text())
    return Article(
        title=title,
        text=body.text(),
        blocks=body.blocks,
        publisher=publisher,
        source_format=PASTE_FORMAT,
        source_name="Pasted text",
    )


def _from_text(text: str, deadline: Deadline) -> Article:
    cleaned = clean_text(text)
    check_lines(cleaned, "The pasted content", "Paste a shorter selection.")
    builder = ArticleBuilder()
    # Between paragraphs: the window's Cancel, and the time bound a .txt file has.
    meta = text_to_blocks(cleaned, builder, checkpoint=deadline.check)
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
