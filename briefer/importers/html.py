"""Saved web pages: the article body (via trafilatura), its structure, metadata and local images.

Imports only briefer.core, briefer.importers.* and its libraries (lxml, trafilatura);
never store/session/ui, and never fetches: remote references are ignored, not followed.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Sequence
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

import lxml.etree
import lxml.html
import trafilatura
from lxml.html import HtmlElement

from briefer.core.logs import get_logger
from briefer.core.model import Article, Block, BlockKind
from briefer.core.record import replace
from briefer.core.safetext import MAX_TITLE_CHARS, one_line
from briefer.core.words import count_text_words, fold_spaces
from briefer.importers.base import (
    ArticleBuilder,
    Deadline,
    ImportLimits,
    ImportRejected,
    LocalFileReader,
    looks_like_junk,
)
from briefer.importers.captioncredit import without_credit
from briefer.importers.cleanup import feed_footer_site
from briefer.importers.encoding import NOT_TEXT
from briefer.importers.htmlbody import body_to_blocks, is_boilerplate
from briefer.importers.htmlbounds import check_markup
from briefer.importers.htmlcaptions import MAX_CAPTIONS, with_captions
from briefer.importers.htmlconvert import html_to_article_blocks, tree_to_article_blocks
from briefer.importers.htmlheadings import with_headings
from briefer.importers.htmlimages import find_images, place_images
from briefer.importers.htmlmeta import PageMetadata, decode_html, parse_date, read_metadata
from briefer.importers.htmlnames import clean_author, publisher_from_domain
from briefer.importers.htmlprep import prepare_page, shows_only_furniture

log = get_logger(__name__)

ResourceResolver = Callable[[str], bytes | None]
"""Bytes of an image referenced by the page (``src`` as written), or ``None``; never fetches."""

_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>", re.IGNORECASE)
_ENTITY_DECL = re.compile(r"<!ENTITY[^>]*>", re.IGNORECASE)
_DATA_URI = re.compile(r"^data:([\w.+-]+/[\w.+-]+)?((?:;[\w-]+=[^;,]*)*)(;base64)?,", re.IGNORECASE)
_MAX_DATA_URI = 8 * 1024 * 1024
# Inline images longer than this are cut out before parsing: libxml2 (without huge_tree,
# which we refuse) gives up on an attribute of 10 MB and the page would be rejected for
# a picture; and an image that large is past what decode_data_uri accepts anyway.
_MAX_DATA_URI_CHARS = 9_000_000
_URI_END = re.compile(r"[\"'<>]")
_MAX_PULL_QUOTE_CHECKS = 50
"""Quote blocks compared with the text before them; a real page has a few pull quotes."""
# Fewer extracted words than this, on a page with several times more, means the
# extractor picked a teaser or a widget rather than the article.
_MIN_ARTICLE_WORDS = 40
_ENOUGH_PAGE_WORDS = 3 * _MIN_ARTICLE_WORDS  # no comparison in _too_little looks further
# The elements trafilatura deletes when empty (its CUT_EMPTY_ELEMS), tail and all in precision mode.
_EMPTY_CUT = (
    "article", "b", "blockquote", "dd", "div", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6",
    "i", "li", "main", "p", "pre", "q", "section", "span", "strong",
)  # fmt: skip
_INLINE_CUT = frozenset({"b", "em", "i", "q", "span", "strong"})
_HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
_FOOTER_SEARCH = 50  # paragraphs from the end of a page to look through for a feed footer
# Beyond this much text, skip trafilatura's second-opinion extractors (readability,
# jusText): on a 20 MB page they double the time and a page that size is the article.
_FAST_EXTRACTION_CHARS = 2_000_000
EXTRACTOR_MAX_ELEMENTS = 100_000
"""Past this many elements the page is a data dump (a 10 MB page of flat tables has half
a million), not an article with furniture around it: the extractor's copies of such a
tree took 1.1 GB and 20 s, so the page goes straight to the plain converter (under 400 MB).
Saved news pages have a few thousand elements."""
EXTRACTOR_MAX_ATTRIBUTES = 200_000
"""The same for attributes (about 260 bytes each once parsed): 930 elements of 500
attributes each took 660 MB through the extractor's copies. News pages have a few thousand."""


class HtmlImporter:
    """Web pages saved as "HTML only" or "complete" (with a ``Page_files`` folder beside)."""

    name = "html"
    extensions: tuple[str, ...] = _HTML_EXTENSIONS

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
    text = _without_huge_data_uris(_disarm(decode_html(data, declared_charset)))
    if looks_like_junk(text):  # random bytes named .html, refused as .txt refuses them
        raise ImportRejected(NOT_TEXT)
    check_markup(text, filename)
    tree, too_deep = _parse(text, filename)
    deadline.check()
    # Past libxml2's depth limit the tree has lost text; the converter flattens and rereads.
    extract = not too_deep and not _too_big_to_copy(tree)
    if extract:
        _drop_empty_before_text(tree)
    fast = len(text) > _FAST_EXTRACTION_CHARS
    # A page the extractor skips stays as parsed (the extractor works on its own copy),
    # so the plain converter walks this tree: a second parse held two trees of a huge
    # page at once, and its text a third copy.
    reread = text if extract or too_deep else None
    del text
    meta = read_metadata(tree)
    builder = ArticleBuilder()
    page_words = _page_words(tree)
    if extract:
        traf_meta = _extract_into(builder, tree, deadline, fast=fast, recall=False)
        if _too_little(builder, page_words):
            # Precision mode drops whole sections it takes for furniture (a story div
            # with an inline border, a wrapper named "bottom"); recall mode keeps them.
            second = ArticleBuilder()
            again = _extract_into(
                second, tree, deadline, fast=fast, recall=True, metadata=traf_meta is None
            )
            traf_meta = traf_meta or again
            if count_text_words(second.text()) > count_text_words(builder.text()):
                builder = second
        if traf_meta is not None:
            meta = meta.or_else(traf_meta)
    extracted = builder
    if too_deep or _too_little(builder, page_words):
        builder, fallback_title = _fallback(
            tree if reread is None else reread, limits, deadline, builder, filename
        )
        meta = meta.or_else(PageMetadata(title=fallback_title))
    if extract and builder is extracted and not builder.is_empty():
        # The extractor dropped the pictures' captions with the pictures, and on a page
        # with no article wrapper every sub-heading (the whole-page converter keeps
        # both): they go back where they stood among the article's paragraphs.
        titles = (meta.title, tree.findtext(".//title") or "")
        builder = with_headings(builder, tree, deadline, titles)
        builder = with_captions(builder, tree, deadline)
    if builder.is_empty() or (not too_deep and shows_only_furniture(tree)):
        raise ImportRejected(
            f"{filename} has no readable text. If the page needs JavaScript to show its"
            ' article, open it in a browser and save it with "Print to PDF" instead.'
        )
    found = find_images(tree, resolve, limits, deadline) if resolve else []
    publisher = meta.publisher or _footer_site(tree) or publisher_from_domain(meta.url)
    del tree  # what is left needs only the text: a huge page's tree is not held with it
    title = (
        one_line(meta.title, MAX_TITLE_CHARS)
        or _first_heading(builder)
        or PurePosixPath(filename).stem
    )
    builder = _without_pull_quotes(_with_title_heading(builder, title))
    deadline.check()
    article_text = builder.text()
    return Article(
        title=title,
        text=article_text,
        blocks=builder.blocks,
        publisher=publisher,
        author=meta.author,
        published=meta.published,
        url=meta.url,
        language=meta.language,
        source_format=source_format,
        source_name=filename,
        images=place_images(found, article_text, builder.blocks),
    )


def _too_big_to_copy(tree: HtmlElement) -> bool:
    """Whether the tree has more elements or attributes than the extractor may copy."""
    attributes = 0
    for elements, element in enumerate(tree.iter(), start=1):
        attributes += len(element.attrib)
        if elements > EXTRACTOR_MAX_ELEMENTS or attributes > EXTRACTOR_MAX_ATTRIBUTES:
            return True
    return False


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


def _without_huge_data_uris(text: str) -> str:
    """The page with every ``data:`` URI too large to use replaced by an empty one.

    One pass: each search resumes after the previous URI's end, so a page of many
    small ones costs no more than reading it once.
    """
    if len(text) <= _MAX_DATA_URI_CHARS:
        return text
    pieces: list[str] = []
    kept = position = 0
    while (start := text.find("data:", position)) >= 0:
        end_match = _URI_END.search(text, start)
        end = end_match.start() if end_match else len(text)
        if end - start > _MAX_DATA_URI_CHARS:
            pieces += [text[kept:start], "data:,"]
            kept = end
        position = max(end, start + 5)
    return "".join([*pieces, text[kept:]]) if pieces else text


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
    prepare_page(tree, filename)
    return tree, too_deep


def _drop_empty_before_text(tree: HtmlElement) -> None:
    """Remove empty elements (ad slots, spacers) that have text after them.

    Trafilatura's precision mode deletes empty divs and spans together with their
    tail, so a paragraph that follows ``<div class="ad-slot"></div>`` in a run of
    ``<br>``-separated text vanished. An empty block becomes the line break it
    looked like; an empty inline element goes, its tail joining the text before.
    """
    for element in reversed(list(tree.iter(*_EMPTY_CUT))):
        if element.text is None and len(element) == 0 and element.tail and element.tail.strip():
            if element.tag in _INLINE_CUT:
                element.drop_tree()
            else:
                element.attrib.clear()
                element.tag = "br"


def _extract_into(
    builder: ArticleBuilder,
    tree: HtmlElement,
    deadline: Deadline,
    *,
    fast: bool,
    recall: bool,
    metadata: bool = True,
) -> PageMetadata | None:
    """Adds the article trafilatura finds to ``builder`` and returns its metadata (empty
    unless ``metadata``); ``None`` when it finds no article."""
    extracted = _extract_article(tree, deadline, fast=fast, recall=recall, metadata=metadata)
    if extracted is None:
        return None
    body, traf_meta = extracted
    body_to_blocks(body, builder, deadline)
    return traf_meta


def _extract_article(
    tree: HtmlElement, deadline: Deadline, *, fast: bool, recall: bool, metadata: bool
) -> tuple[lxml.etree._Element, PageMetadata] | None:
    """Trafilatura's main-content XML and metadata; ``None`` when it finds no article.

    Precision mode with tables, no comments: measured on tests/data/importers/web
    (see tests/importers/test_quality_web.py), it drops share bars, related links
    and newsletter boxes that balanced mode keeps, without losing body text.
    ``recall`` asks for the opposite bias, for a second attempt when that found too little.
    """
    try:
        document = trafilatura.bare_extraction(
            tree,
            favor_precision=not recall,
            favor_recall=recall,
            fast=fast,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_formatting=False,
            include_links=False,
            with_metadata=metadata,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:
        log.warning("trafilatura failed; the plain converter reads the page", exc_info=True)
        # Any failure inside the extractor or its date finder costs only its opinion:
        # the page still imports through the plain converter.
        return None
    deadline.check()
    if document is None or isinstance(document, dict) or document.body is None:
        return None
    meta = PageMetadata(
        title=document.title or "",
        # Its site name falls back to slugs ("Usatoday" from "@usatoday") and addresses;
        # the page's own names, its feed footer and then its domain serve better.
        publisher="",
        author=clean_author(document.author or ""),
        published=parse_date(document.date),
        url=document.url or "",
        language=document.language or "",
    )
    return document.body, meta


def _footer_site(tree: HtmlElement) -> str:
    """The site a feed footer names, for a page whose metadata names no publisher."""
    paragraphs = tree.findall(".//p")[-_FOOTER_SEARCH:]
    texts = (" ".join(p.text_content().split()) for p in reversed(paragraphs))
    return next(filter(None, map(feed_footer_site, texts)), "")


def _page_words(tree: HtmlElement) -> int:
    """The words of the page's text, counted only as far as ``_too_little`` looks: past
    ``_ENOUGH_PAGE_WORDS`` the count is a lower bound. Counting 60 MB of text whole
    held a copy of it and took seconds; the prefix is recounted at doubling sizes."""
    body = tree.find("body")
    pieces: list[str] = []
    size, step = 0, 4096
    for piece in (body if body is not None else tree).itertext():
        pieces.append(piece)
        size += len(piece)
        if size >= step:
            pieces = ["".join(pieces)]
            if (words := count_text_words(pieces[0])) >= _ENOUGH_PAGE_WORDS:
                return words
            step = 2 * size
    return count_text_words("".join(pieces))


def _too_little(builder: ArticleBuilder, page: int) -> bool:
    """Whether the extraction looks like a miss: nothing, or a sliver of a wordy page.

    Words are counted so that Chinese, Japanese and Korean (no spaces between
    words) weigh what they say, not one "word" per paragraph.
    """
    got = count_text_words(builder.text())
    if got >= _ENOUGH_PAGE_WORDS:
        return False
    return (got == 0 and page > 0) or (got < _MIN_ARTICLE_WORDS and page > 3 * max(got, 1))


def _fallback(
    page_source: str | HtmlElement,
    limits: ImportLimits,
    deadline: Deadline,
    extracted: ArticleBuilder,
    name: str,
) -> tuple[ArticleBuilder, str]:
    """The whole page as blocks, when article extraction missed: ``page_source`` is its
    text to parse (and prepare) again, or the tree as parsed and prepared when the
    extractor's clean-up has not changed it since.

    Only lines that are wholly furniture (feed footers, share rows) are
    dropped: with no extractor's judgement to lean on, nothing else is.
    """
    page = _WithoutBoilerplate()
    try:
        if isinstance(page_source, str):
            title = html_to_article_blocks(
                page_source,
                page,
                limits=limits,
                deadline=deadline,
                name=name,
                prepare=lambda root: prepare_page(root, name),  # as _parse prepared the tree
            )
        else:
            title = tree_to_article_blocks(
                page_source, page, limits=limits, deadline=deadline, name=name
            )
    except (RecursionError, ValueError, lxml.etree.LxmlError) as error:
        log.warning("the whole-page fallback failed (%s); keeping what was extracted", error)
        return extracted, ""
    if count_text_words(page.text()) <= count_text_words(extracted.text()):
        return extracted, title
    return page, title


class _WithoutBoilerplate(ArticleBuilder):
    """A builder that drops wholly-furniture lines and captions' picture credits as they
    come, so a huge page is never held twice (once whole, once filtered) and its lines
    are judged inside the walk, between the walker's deadline checks. Credits come off
    the first MAX_CAPTIONS captions, as htmlcaptions places no more on the extractor's
    path: a page of 100,000 figures costs a walk, not 100,000 cleanings."""

    def __init__(self) -> None:
        super().__init__()
        self._captions = 0

    def add(
        self, kind: BlockKind, text: str, *, level: int = 0, ordered: bool = False
    ) -> Block | None:
        text = text.strip("\n") if kind is BlockKind.PREFORMATTED else fold_spaces(text)
        if kind is BlockKind.CAPTION and self._captions < MAX_CAPTIONS:
            self._captions += 1
            text = without_credit(text)
        if not text or is_boilerplate(text):
            return None
        return super().add(kind, text, level=level, ordered=ordered)


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
    blocks = builder.blocks
    for at, block in enumerate(blocks[:3]):
        if key and _fold(text[block.start : block.end]) == key:
            # A kicker above the headline ("Insurance", "Analysis") labels the page's
            # section; it is not the article's, and the text opens with its headline.
            kickers = all(_is_kicker(text[b.start : b.end]) for b in blocks[:at])
            if block.kind is not BlockKind.PARAGRAPH:
                return _rebuilt(builder, blocks[at:]) if at and kickers else builder
            # A word processor's title is a styled paragraph: the headline all the same.
            headline = replace(block, kind=BlockKind.HEADING, level=1)
            opening = blocks[at:] if at and kickers else blocks
            return _rebuilt(builder, [headline if b is block else b for b in opening])
    rebuilt = ArticleBuilder()
    rebuilt.add(BlockKind.HEADING, title, level=1)
    return _rebuilt(builder, blocks, rebuilt)


def _rebuilt(
    source: ArticleBuilder, blocks: Sequence[Block], into: ArticleBuilder | None = None
) -> ArticleBuilder:
    into = into or ArticleBuilder()
    text = source.text()
    for block in blocks:
        into.add(
            block.kind, text[block.start : block.end], level=block.level, ordered=block.ordered
        )
    return into


def _is_kicker(line: str) -> bool:
    return len(line.split()) <= 4 and len(line) <= 40 and not re.search(r"[.!?;:,]$", line)


def _without_pull_quotes(builder: ArticleBuilder) -> ArticleBuilder:
    """The article without a pull quote: a quote block, alone between other blocks, of six
    to forty words that one earlier paragraph already gives in full, which the page
    repeats in large type only to draw the eye. A quotation the text does not already
    hold stays, and so does every paragraph of a longer quoted statement."""
    blocks = builder.blocks
    if not any(block.kind is BlockKind.QUOTE for block in blocks):
        return builder  # nothing to compare: no folded copy of a huge text
    text = builder.text()
    seen: list[str] = []
    kept: list[Block] = []
    checks = _MAX_PULL_QUOTE_CHECKS  # each reads the text so far: a crafted page has bounds
    for at, block in enumerate(blocks):
        folded = _fold(text[block.start : block.end])
        alone = all(
            not 0 <= i < len(blocks) or blocks[i].kind is not BlockKind.QUOTE
            for i in (at - 1, at + 1)
        )
        if block.kind is BlockKind.QUOTE and alone and 6 <= len(folded.split()) <= 40:
            checks -= 1
            if checks >= 0 and any(folded in earlier for earlier in seen):
                continue
        if block.kind is not BlockKind.HEADING:  # a headline may repeat a quote; the text not
            seen.append(folded)
        kept.append(block)
    return builder if len(kept) == len(blocks) else _rebuilt(builder, kept)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text).casefold().split())


def _local_resolver(read_local: LocalFileReader | None) -> ResourceResolver:
    """Images a browser saved beside the page, and data: URIs; remote URLs resolve to nothing."""

    def resolve(src: str) -> bytes | None:
        if src.lower().startswith("data:"):
            return decode_data_uri(src)
        try:
            parts = urlsplit(src)
        except ValueError:  # "http://[broken": an address urllib cannot even split
            return None
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
