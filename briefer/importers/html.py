"""Saved web pages: the article body (via trafilatura), its structure, metadata and local images.

Imports only briefer.core, briefer.importers.* and its libraries (lxml, trafilatura);
never store/session/ui, and never fetches: remote references are ignored, not followed.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

import lxml.etree
import lxml.html
import trafilatura
from lxml.html import HtmlElement

from briefer.core.model import Article, ArticleImage, Block, BlockKind
from briefer.importers.base import (
    ArticleBuilder,
    Deadline,
    ImportLimits,
    ImportRejected,
    LocalFileReader,
)
from briefer.importers.cleanup import copy_blocks, feed_footer_site, is_boilerplate_line
from briefer.importers.htmlconvert import html_to_article_blocks
from briefer.importers.htmlmeta import PageMetadata, decode_html, parse_date, read_metadata
from briefer.importers.images import normalise_image

ResourceResolver = Callable[[str], bytes | None]
"""Bytes of an image referenced by the page (``src`` as written), or ``None``; never fetches."""

_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>", re.IGNORECASE)
_ENTITY_DECL = re.compile(r"<!ENTITY[^>]*>", re.IGNORECASE)
_APPEARED_FIRST = re.compile(r"^the post\b.{1,300}\bappeared first on\b.{1,120}$", re.IGNORECASE)
_HEADING_REND = re.compile(r"h([1-6])")
_DATA_URI = re.compile(r"^data:([\w.+-]+/[\w.+-]+)?((?:;[\w-]+=[^;,]*)*)(;base64)?,", re.IGNORECASE)
_MAX_DATA_URI = 8 * 1024 * 1024
_TEXTUAL = " or ".join(
    f"self::{tag}" for tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")
)
# Fewer extracted words than this, on a page with several times more, means the
# extractor picked a teaser or a widget rather than the article.
_MIN_ARTICLE_WORDS = 40
_HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
# Footers and share lines are short; longer blocks are article text, whatever words they use.
_MAX_BOILERPLATE_CHARS = 500
_FOOTER_SEARCH = 50  # paragraphs from the end of a page to look through for a feed footer
# Beyond this much text, skip trafilatura's second-opinion extractors (readability,
# jusText): on a 20 MB page they double the time and a page that size is the article.
_FAST_EXTRACTION_CHARS = 2_000_000
EXTRACTOR_MAX_ELEMENTS = 100_000
"""Past this many elements the page is a data dump (a 10 MB page of flat tables has half
a million), not an article with furniture around it: the extractor's copies of such a
tree took 1.1 GB and 20 s, so the page goes straight to the plain converter (under 400 MB).
Saved news pages have a few thousand elements."""


class HtmlImporter:
    """Web pages saved as "HTML only" or "complete" (with a ``Page_files`` folder beside)."""

    name = "html"
    extensions = _HTML_EXTENSIONS

    def sniff(self, data: bytes, filename: str) -> int:
        head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if head.startswith((b"mime-version:", b"from:", b"content-type: multipart")):
            return 5
        if head.startswith(b"<!doctype html"):
            return 95
        if b"<html" in head:
            return 90
        if b"<head" in head or b"<body" in head:
            return 70
        if filename.lower().endswith(_HTML_EXTENSIONS) and b"<" in head:
            return 40
        return 0

    def extract(
        self,
        data: bytes,
        filename: str,
        limits: ImportLimits,
        read_local: LocalFileReader | None = None,
    ) -> Article:
        resolver = _local_resolver(read_local)
        return html_to_article(data, filename, limits, resolver, source_format=self.name)


def html_to_article(
    data: bytes,
    filename: str,
    limits: ImportLimits,
    resolve: ResourceResolver | None = None,
    *,
    source_format: str = "html",
    declared_charset: str | None = None,
    deadline: Deadline | None = None,
) -> Article:
    """The article in an HTML page; shared with the MHTML importer, which resolves its own parts."""
    deadline = deadline or Deadline(limits.max_seconds, filename or "the page")
    if len(data) > limits.max_bytes:
        raise ImportRejected(
            f"{filename} is {len(data) / 1048576:.0f} MB, more than the"
            f" {limits.max_bytes // 1048576} MB an imported page may be. Save only the"
            " article (or print it to PDF) and import that."
        )
    if not data.strip():
        raise ImportRejected(f"{filename} is empty. Save the page again from the browser.")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRejected(
            f"{filename} is not a web page: it contains binary data. Check that it is the"
            " file you meant, or open it in a browser and save it again as a web page."
        )
    text = _disarm(decode_html(data, declared_charset))
    tree, too_deep = _parse(text, filename)
    deadline.check()
    meta = read_metadata(tree)
    builder = ArticleBuilder()
    # Past libxml2's depth limit the tree has lost text; the converter flattens and rereads.
    extracted = (
        None
        if too_deep or _more_elements_than(tree, EXTRACTOR_MAX_ELEMENTS)
        else _extract_article(tree, deadline, fast=len(text) > _FAST_EXTRACTION_CHARS)
    )
    if extracted is not None:
        body, traf_meta = extracted
        _body_to_blocks(body, builder, deadline)
        meta = meta.or_else(traf_meta)
    if too_deep or _too_little(builder, tree):
        builder, fallback_title = _fallback(text, limits, deadline, builder)
        meta = meta.or_else(PageMetadata(title=fallback_title))
    if builder.is_empty():
        raise ImportRejected(
            f"{filename} has no readable text. If the page needs JavaScript to show its"
            ' article, open it in a browser and save it with "Print to PDF" instead.'
        )
    title = meta.title or _first_heading(builder) or PurePosixPath(filename).stem
    builder = _with_title_heading(builder, title)
    deadline.check()
    article_text = builder.text()
    images = _images(tree, resolve, limits, builder, deadline) if resolve else ()
    return Article(
        title=title,
        text=article_text,
        blocks=builder.blocks,
        publisher=meta.publisher or _footer_site(tree),
        author=meta.author,
        published=meta.published,
        url=meta.url,
        language=meta.language,
        source_format=source_format,
        source_name=filename,
        images=images,
    )


def _more_elements_than(tree: HtmlElement, limit: int) -> bool:
    return any(count > limit for count, _ in enumerate(tree.iter(), start=1))


def _disarm(text: str) -> str:
    """Remove the XML declaration, DTD internal subsets and entity declarations.

    The HTML parser does not expand them, but it would leak the subset as text,
    and nothing downstream should ever get the chance to resolve ``SYSTEM`` entities.
    """
    head, tail = text[:65536], text[65536:]
    # lxml refuses str input that still carries an encoding declaration (XHTML files).
    head = _XML_DECLARATION.sub("", head, count=1)
    head = _DOCTYPE_SUBSET.sub("<!DOCTYPE html>", head)
    return _ENTITY_DECL.sub("", head) + tail


def _parse(text: str, filename: str) -> tuple[HtmlElement, bool]:
    """A forgiving HTML parse that never touches the network and caps depth and node size.

    ``huge_tree=False`` makes libxml2 stop nesting at 256 levels and cut giant text
    nodes, which is what keeps a hostile page from exhausting the recursion of
    everything that walks the tree afterwards.
    """
    parser = lxml.html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=False,
        recover=True,
        default_doctype=False,
    )
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as error:
        raise ImportRejected(
            f"{filename} could not be read as a web page ({error}). Open it in a browser"
            " and save it again."
        ) from None
    if tree is None:
        raise ImportRejected(f"{filename} has no readable text. Save the page again.")
    limits_hit = [e.message for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"]
    if any("Buffer size limit" in message for message in limits_hit):
        raise ImportRejected(
            f"{filename} holds a single unbroken run of text of more than 10 MB, which is"
            " not a web page Briefer can read safely. If it is a text dump, save it as .txt"
            " and import that."
        )
    too_deep = any("depth" in message for message in limits_hit)
    # JSON-LD stays: it is where many sites keep their only metadata.
    for junk in tree.xpath(
        "//script[not(@type='application/ld+json')] | //style | //noscript | //template"
    ):
        junk.drop_tree()
    return tree, too_deep


def _extract_article(
    tree: HtmlElement, deadline: Deadline, *, fast: bool
) -> tuple[lxml.etree._Element, PageMetadata] | None:
    """Trafilatura's main-content XML and metadata; ``None`` when it finds no article.

    Precision mode with tables, no comments: measured on tests/data/importers/web
    (see tests/importers/test_quality_web.py), it drops share bars, related links
    and newsletter boxes that balanced mode keeps, without losing body text.
    """
    try:
        document = trafilatura.bare_extraction(
            tree,
            favor_precision=True,
            fast=fast,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_formatting=False,
            include_links=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (RecursionError, ValueError, TypeError, AttributeError, lxml.etree.LxmlError):
        return None
    deadline.check()
    if document is None or isinstance(document, dict) or document.body is None:
        return None
    meta = PageMetadata(
        title=document.title or "",
        publisher=document.sitename or "",
        author=document.author or "",
        published=parse_date(document.date),
        url=document.url or "",
        language=document.language or "",
    )
    return document.body, meta


def _body_to_blocks(body: lxml.etree._Element, builder: ArticleBuilder, deadline: Deadline) -> None:
    """Trafilatura's XML (head, p, list/item, quote, table/row/cell, code) as article blocks."""
    for element in body:
        deadline.check()
        _element_to_blocks(element, builder, list_level=0)


def _element_to_blocks(
    element: lxml.etree._Element, builder: ArticleBuilder, list_level: int
) -> None:
    tag = element.tag
    if tag == "head":
        match = _HEADING_REND.fullmatch(element.get("rend") or "")
        _add(builder, BlockKind.HEADING, _inline(element), level=int(match[1]) if match else 2)
    elif tag == "list":
        ordered = (element.get("rend") or "").lower() == "ol"
        for item in element:
            if item.tag != "item":
                _element_to_blocks(item, builder, list_level)
                continue
            _add(
                builder,
                BlockKind.LIST_ITEM,
                _inline(item, skip="list"),
                level=list_level + 1,
                ordered=ordered,
            )
            for nested in item.iterchildren("list"):
                _element_to_blocks(nested, builder, list_level + 1)
    elif tag == "quote":
        children = [child for child in element if child.tag in ("p", "list", "head")]
        if not children:
            _add(builder, BlockKind.QUOTE, _inline(element))
        for child in children:
            _add(builder, BlockKind.QUOTE, _inline(child))
    elif tag == "table":
        for row in element.iter("row"):
            cells = [_inline(cell) for cell in row.iterchildren("cell")]
            _add(builder, BlockKind.TABLE_ROW, " | ".join(c for c in cells if c))
    elif tag == "code":
        builder.add(BlockKind.PREFORMATTED, "".join(element.itertext()))
    elif tag in ("div", "body", "figure"):
        for child in element:
            _element_to_blocks(child, builder, list_level)
    elif tag != "graphic":
        _add(builder, BlockKind.PARAGRAPH, _inline(element))


def _inline(element: lxml.etree._Element, skip: str = "") -> str:
    """The text of an element, line breaks as spaces, leaving out nested ``skip`` elements."""
    parts: list[str] = []

    def walk(node: lxml.etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag == "lb":
                parts.append(" ")
            elif child.tag != skip:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return " ".join("".join(parts).split())


def _add(
    builder: ArticleBuilder, kind: BlockKind, text: str, *, level: int = 0, ordered: bool = False
) -> None:
    if text and not _is_boilerplate(text):
        builder.add(kind, text, level=level, ordered=ordered)


def _is_boilerplate(line: str) -> bool:
    """Feed footers and share lines that survive extraction."""
    if len(line) > _MAX_BOILERPLATE_CHARS:
        return False
    if _APPEARED_FIRST.match(line):
        return True
    return is_boilerplate_line(line)


def _footer_site(tree: HtmlElement) -> str:
    """The site a feed footer names, for a page whose metadata names no publisher."""
    paragraphs = tree.findall(".//p")[-_FOOTER_SEARCH:]
    texts = (" ".join(p.text_content().split()) for p in reversed(paragraphs))
    return next(filter(None, map(feed_footer_site, texts)), "")


def _too_little(builder: ArticleBuilder, tree: HtmlElement) -> bool:
    """Whether the extraction looks like a miss: nothing, or a sliver of a wordy page."""
    got = len(builder.text().split())
    if got >= _MIN_ARTICLE_WORDS * 3:
        return False
    body = tree.find("body")
    page = len((body if body is not None else tree).text_content().split())
    return (got == 0 and page > 0) or (got < _MIN_ARTICLE_WORDS and page > 3 * max(got, 1))


def _fallback(
    text: str, limits: ImportLimits, deadline: Deadline, extracted: ArticleBuilder
) -> tuple[ArticleBuilder, str]:
    """The whole page as blocks, when article extraction missed.

    Only lines that are wholly furniture (feed footers, share rows) are
    dropped: with no extractor's judgement to lean on, nothing else is.
    """
    page = ArticleBuilder()
    try:
        title = html_to_article_blocks(text, page, limits=limits, deadline=deadline)
    except (RecursionError, ValueError, lxml.etree.LxmlError):
        return extracted, ""
    builder = ArticleBuilder()
    copy_blocks(page, builder, keep=lambda _kind, content: not _is_boilerplate(content))
    if len(builder.text().split()) <= len(extracted.text().split()):
        return extracted, title
    return builder, title


def _first_heading(builder: ArticleBuilder) -> str:
    text = builder.text()
    for block in builder.blocks:
        if block.kind is BlockKind.HEADING:
            return text[block.start : block.end]
    return ""


def _with_title_heading(builder: ArticleBuilder, title: str) -> ArticleBuilder:
    """Make the canonical text open with the title, as every other source format does.

    Extractors keep the page's <h1> when it sits inside the article and drop it
    otherwise; opening with it either way makes articles read alike.
    """
    text = builder.text()
    key = _fold(title)
    for block in builder.blocks[:3]:
        if key and _fold(text[block.start : block.end]) == key:
            return builder
    rebuilt = ArticleBuilder()
    rebuilt.add(BlockKind.HEADING, title, level=1)
    for block in builder.blocks:
        rebuilt.add(
            block.kind, text[block.start : block.end], level=block.level, ordered=block.ordered
        )
    return rebuilt


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text).casefold().split())


def _local_resolver(read_local: LocalFileReader | None) -> ResourceResolver:
    """Images a browser saved beside the page, and data: URIs; remote URLs resolve to nothing."""

    def resolve(src: str) -> bytes | None:
        if src.lower().startswith("data:"):
            return decode_data_uri(src)
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path or read_local is None:
            return None
        return read_local(unquote(parts.path))

    return resolve


def decode_data_uri(src: str) -> bytes | None:
    """The bytes of a ``data:`` URI, or ``None`` if it is malformed or larger than 8 MB."""
    match = _DATA_URI.match(src)
    if not match or len(src) > _MAX_DATA_URI * 4 // 3 + 200:
        return None
    payload = src[match.end() :]
    try:
        if match.group(3):
            return base64.b64decode("".join(payload.split()), validate=False)
        return unquote(payload).encode("latin-1", errors="replace")
    except (binascii.Error, ValueError):
        return None


def _images(
    tree: HtmlElement,
    resolve: ResourceResolver,
    limits: ImportLimits,
    builder: ArticleBuilder,
    deadline: Deadline,
) -> tuple[ArticleImage, ...]:
    """Images the page carries locally, each placed before the paragraph it stood before."""
    images: list[ArticleImage] = []
    folded = builder.text().casefold()
    for tries, img in enumerate(tree.iter("img")):
        if len(images) >= limits.max_images or tries >= 4 * limits.max_images + 20:
            break
        deadline.check()
        src = (img.get("src") or img.get("data-src") or "").strip()
        data = resolve(src) if src else None
        if not data:
            continue
        name = PurePosixPath(urlsplit(src).path).name if not src.startswith("data:") else ""
        image = normalise_image(
            data,
            limits,
            name=name[:200],
            caption=_caption(img),
            offset=_offset_near(img, folded, builder.blocks),
        )
        if image is not None:
            images.append(image)
    return tuple(images)


def _caption(img: HtmlElement) -> str:
    figure = next((a for a in img.iterancestors("figure")), None)
    if figure is not None:
        caption = figure.find(".//figcaption")
        if caption is not None:
            text = " ".join(caption.text_content().split())
            if text:
                return text
    return " ".join((img.get("alt") or img.get("title") or "").split())


def _offset_near(img: HtmlElement, folded_text: str, blocks: tuple[Block, ...]) -> int:
    """Start of the next paragraph that made it into the article, else end of the previous one.

    ``casefold`` can change lengths only for rare letters (ß), so offsets found in
    the folded text are checked against block bounds rather than trusted blindly.
    """
    for anchor, after in _neighbours(img):
        snippet = " ".join(anchor.text_content().split())[:60].casefold()
        if len(snippet) < 12:
            continue
        found = folded_text.find(snippet)
        if found < 0:
            continue
        block = next((b for b in blocks if b.start <= found < b.end), None)
        if block is not None:
            return block.start if after else block.end
    return blocks[-1].end if blocks else 0


def _neighbours(img: HtmlElement) -> Iterator[tuple[HtmlElement, bool]]:
    for element in img.xpath(f"following::*[{_TEXTUAL}][position() <= 4]"):
        yield element, True
    for element in img.xpath(f"preceding::*[{_TEXTUAL}][position() <= 4]"):
        yield element, False
