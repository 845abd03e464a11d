"""Web archives (.mhtml/.mht, "Save page as single file"): the page and its images, from one file.

Parses the MIME container with the standard library and hands the page to the HTML
importer with its resources; imports only briefer.core and briefer.importers.*.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import Message
from email.parser import BytesHeaderParser
from urllib.parse import unquote, urldefrag, urljoin

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from briefer.core.model import Article
from briefer.core.record import replace
from briefer.core.words import count_text_words
from briefer.importers.base import Deadline, ImportLimits, ImportRejected, LocalFileReader
from briefer.importers.html import ResourceResolver, decode_data_uri, html_to_article
from briefer.importers.htmlbounds import check_markup
from briefer.importers.htmlmeta import decode_html

_MAX_PARTS = 2000
_HEAD_BYTES = 1 << 16  # the archive's own header, which names its boundary, lies here
_FEW_WORDS = 40
"""Below this many words the main page is read again with its frames' pages in place; a
page with a story of its own keeps it, and a comments frame beside it stays out."""
_MIN_FRAME_WORDS = 40
"""A frame's page with fewer words holds a widget, not the article."""
_MAX_FRAMES = 50
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>", re.IGNORECASE)


class MhtmlImporter:
    """Pages saved by Chrome, Edge, Opera ("single file") or Internet Explorer (.mht)."""

    name = "mhtml"
    extensions: tuple[str, ...] = (".mhtml", ".mht")

    def sniff(self, data: bytes, filename: str) -> int:
        head = data[:4096].lower()
        if b"mime-version:" in head and b"multipart/related" in head:
            return 100
        if b"multipart/related" in head and filename.lower().endswith(self.extensions):
            return 80
        return 0

    def extract(
        self,
        data: bytes,
        filename: str,
        limits: ImportLimits,
        read_local: LocalFileReader | None = None,
    ) -> Article:
        del read_local  # everything the page needs is inside the archive
        name = filename or "the web archive"
        if len(data) > limits.max_bytes:
            raise ImportRejected(
                f"{name} is {len(data) / 1048576:.0f} MB, more than the"
                f" {limits.max_bytes // 1048576} MB Briefer imports. Save the page again as"
                ' "Webpage, HTML only" or print it to PDF, and import that.'
            )
        deadline = Deadline(limits.max_seconds, name)
        message = email.message_from_bytes(_first_parts(data), policy=email.policy.compat32)
        if not message.is_multipart():
            raise ImportRejected(
                f"{name} is not a web archive: it has no parts. Save the page again from the"
                ' browser with "Save as: Webpage, single file".'
            )
        main, resources, pages = _parts(message, limits, deadline)
        page, charset, location = main
        resolve = _archive_resolver(resources, location)
        refusal: ImportRejected | None = None
        try:
            article: Article | None = html_to_article(
                page,
                name,
                limits,
                resolve,
                source_format=self.name,
                declared_charset=charset,
                deadline=deadline,
            )
        except ImportRejected as error:
            article, refusal = None, error
        if article is None or count_text_words(article.text) < _FEW_WORDS:
            article = _framed_article(main, pages, name, limits, resolve, deadline) or article
        if article is None:
            raise refusal or ImportRejected(f"{name} has no readable text.")
        if not article.url and location.startswith(("http://", "https://")):
            article = replace(article, url=location)
        return article


def _first_parts(data: bytes) -> bytes:
    """``data`` cut before its part number _MAX_PARTS + 1, if it has that many.

    The parser builds an object for every part before the first is read, and
    cannot be stopped: a crafted archive of 300,000 empty parts took 6 s and
    287 MB to reach the parts that are read. A part opens with a line of its
    container's boundary, so counting those lines finds where to cut; an archive
    cut there reads as one whose closing line is missing, which the parser
    accepts. The boundary comes from the top header (Chrome, Edge and Internet
    Explorer write one multipart/related around every part); without one, any
    line that opens with "--" counts, as for e-mail.
    """
    mark = BytesHeaderParser().parsebytes(data[:_HEAD_BYTES]).get_boundary()
    boundary = re.escape(mark.encode("ascii", "replace")) if mark else rb"\S"
    for count, line in enumerate(re.finditer(rb"^--" + boundary, data, re.M)):
        if count == _MAX_PARTS:
            return data[: line.start()]
    return data


_Page = tuple[bytes, str | None, str]
"""An HTML part: its bytes, declared charset and location."""


def _header(message: Message, name: str) -> str:
    """A header as text: with a raw 8-bit byte the parser gives a ``Header``, not a ``str``."""
    return str(message.get(name) or "").strip()


def _parts(
    message: Message, limits: ImportLimits, deadline: Deadline
) -> tuple[_Page, dict[str, bytes], dict[str, _Page]]:
    """The main page, every other part by location and cid, and the other HTML parts (the
    pages of the main page's frames) by location and cid."""
    snapshot = _header(message, "Snapshot-Content-Location")
    main: _Page | None = None
    resources: dict[str, bytes] = {}
    pages: dict[str, _Page] = {}
    unpacked = 0
    for count, part in enumerate(message.walk()):
        if count > _MAX_PARTS:
            break
        if part.is_multipart():
            continue
        deadline.check()
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        unpacked += len(payload)
        if unpacked > limits.max_unpacked_bytes:
            raise ImportRejected(
                "This web archive unpacks to more than"
                f" {limits.max_unpacked_bytes // 1048576} MB, too much for one page. Save the"
                " page again, or print it to PDF and import that."
            )
        location = _header(part, "Content-Location")
        content_id = _header(part, "Content-ID").strip("<>")
        keys = [key for key in (urldefrag(location)[0], content_id and f"cid:{content_id}") if key]
        is_page = part.get_content_type() in ("text/html", "application/xhtml+xml")
        if is_page:
            this = (payload, part.get_content_charset(), location)
            if main is None or (snapshot and location == snapshot and main[2] != snapshot):
                main = this
                continue
            for key in keys:
                pages.setdefault(key, this)
        for key in keys:
            resources.setdefault(key, payload)
    if main is None:
        raise ImportRejected(
            "This web archive holds no web page (no HTML part). Save the page again from the"
            ' browser with "Save as: Webpage, single file".'
        )
    return main, resources, pages


def _framed_article(
    main: _Page,
    pages: dict[str, _Page],
    name: str,
    limits: ImportLimits,
    resolve: ResourceResolver,
    deadline: Deadline,
) -> Article | None:
    """The article of a page that shows its story in a frame, read with the frame's page in
    place of the <iframe>, as the browser showed it; ``None`` if no frame in the archive
    holds an article.

    Portals and syndication widgets put the story in an <iframe>; a "single file" save
    keeps the framed page as a part of its own (referenced as ``cid:`` or by address),
    and the main page alone reads as a headline and a menu. Only parts inside the archive
    are read; a frame's address is never fetched.
    """
    tree = _parse_part(main, name)
    if tree is None:
        return None
    best: tuple[int, HtmlElement, HtmlElement, str] | None = None
    seen: set[str] = set()
    for frame in list(tree.iter("iframe"))[:_MAX_FRAMES]:
        deadline.check()
        key = _frame_key(frame.get("src") or "", main[2])
        page = pages.get(key) if key not in seen else None  # each part parsed once
        seen.add(key)
        inner = _parse_part(page, name) if page is not None else None
        body = inner.find("body") if inner is not None else None
        if page is None or body is None:
            continue
        words = count_text_words(body.text_content())
        if words >= _MIN_FRAME_WORDS and (best is None or words > best[0]):
            best = (words, frame, body, page[2])
    if best is None:
        return None
    _, frame, body, location = best
    _put_in_place(frame, body, location)
    try:
        return html_to_article(
            lxml.html.tostring(tree, encoding="utf-8"),
            name,
            limits,
            resolve,
            source_format="mhtml",
            declared_charset="utf-8",
            deadline=deadline,
        )
    except ImportRejected:
        return None


def _frame_key(src: str, base: str) -> str:
    src = src.strip()
    if src.lower().startswith("cid:"):
        return f"cid:{unquote(src[4:])}"
    try:
        return urldefrag(urljoin(base, src) if base else src)[0]
    except ValueError:  # "http://[broken"
        return ""


def _parse_part(page: _Page, name: str) -> HtmlElement | None:
    """An HTML part as a tree, parsed as cautiously as the HTML importer parses a page:
    absurd markup (a bomb of attributes) is refused before libxml2, which cannot be
    interrupted, sees it."""
    text = _XML_DECLARATION.sub("", decode_html(page[0], page[1]), count=1)
    check_markup(text, name)
    parser = lxml.html.HTMLParser(
        remove_comments=True, no_network=True, huge_tree=False, recover=True
    )
    try:
        return lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None


def _put_in_place(frame: HtmlElement, body: HtmlElement, location: str) -> None:
    """Replace ``frame`` with the framed page's body, its image addresses made absolute so
    they resolve among the archive's parts as they did inside the frame."""
    if location:
        for image in body.iter("img"):
            src = (image.get("src") or "").strip()
            if src and not src.lower().startswith(("data:", "cid:")):
                try:
                    image.set("src", urljoin(location, src))
                except ValueError:
                    continue
    body.tag = "div"
    body.attrib.clear()
    body.tail = frame.tail
    parent = frame.getparent()
    if parent is not None:
        parent.replace(frame, body)


def _archive_resolver(resources: dict[str, bytes], base: str) -> ResourceResolver:
    """Looks references up among the archive's own parts; nothing is ever fetched."""

    def resolve(src: str) -> bytes | None:
        if src.lower().startswith("data:"):
            return decode_data_uri(src)
        if src.lower().startswith("cid:"):
            return resources.get(f"cid:{unquote(src[4:])}") or resources.get(src)
        absolute = urldefrag(urljoin(base, src) if base else src)[0]
        return resources.get(absolute) or resources.get(unquote(absolute)) or resources.get(src)

    return resolve
