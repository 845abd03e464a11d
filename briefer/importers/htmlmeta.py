"""What a saved web page says about itself: its charset, title, publisher, author, date, URL.

Reads an lxml tree the HTML importer already parsed; imports only lxml and the
standard library (and the shared single-byte guess); never store/session/ui.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from typing import Any

from lxml.html import HtmlElement

from briefer.importers.encoding import charset_codec, guess_single_byte

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASH_DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")
_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "opinionnewsarticle",
    "report",
    "scholarlyarticle",
    "techarticle",
    "backgroundnewsarticle",
}
_MAX_JSON_LD = 1_000_000


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """The descriptive fields of a page; empty strings and ``None`` when the page is silent."""

    title: str = ""
    publisher: str = ""
    author: str = ""
    published: dt.date | None = None
    url: str = ""
    language: str = ""

    def or_else(self, other: PageMetadata) -> PageMetadata:
        """Fill each field this one lacks from ``other`` (a second, less trusted source)."""
        missing = {
            f.name: getattr(other, f.name) for f in fields(self) if not getattr(self, f.name)
        }
        return replace(self, **missing)


def decode_html(data: bytes, declared: str | None = None) -> str:
    """The page as text, choosing the encoding the way a browser would, but forgiving.

    A BOM wins; then valid UTF-8 wins over any declaration, because pages saved
    from a CMS often declare iso-8859-1 while containing UTF-8 (the reverse
    almost never decodes cleanly). Then the declared charset, then detection.
    """
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return data.decode(bom_codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = data[:4096]
    candidates: list[str | None] = [declared, *_declared_charsets(head)]
    for candidate in candidates:
        codec = _codec(candidate)
        if codec and codec not in ("utf-8", "utf-16", "utf-32"):
            return data.decode(codec, errors="replace")
    return data.decode(guess_single_byte(data), errors="replace")


def _declared_charsets(head: bytes) -> Iterator[str]:
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            yield match.group(1).decode("ascii", errors="ignore")


def _codec(label: str | None) -> str | None:
    name = charset_codec(label)
    if name is None:
        return None
    # Browsers read latin-1 and ascii labels as windows-1252, a superset with curly quotes.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def read_metadata(tree: HtmlElement) -> PageMetadata:
    """Title, publisher, author, date, canonical URL and language, each from its best source."""
    meta = _meta_values(tree)
    ld = _json_ld_article(tree)
    publisher = _first(
        meta.get("og:site_name"), _name_of(ld.get("publisher")), meta.get("application-name")
    )
    title = _first(
        meta.get("og:title"),
        meta.get("twitter:title"),
        _text(ld.get("headline")),
        _text_of_first(tree, "//h1"),
        _strip_site_suffix(_text_of_first(tree, "//title"), publisher),
    )
    author = _first(
        meta.get("author"),
        _not_url(meta.get("article:author")),
        _name_of(ld.get("author")),
        _text_of_first(tree, "//a[@rel='author'] | //*[@rel='author']"),
        _byline(tree),
    )
    published = _first_date(
        meta.get("article:published_time"),
        _text(ld.get("datePublished")),
        _attr_of_first(tree, "//article//time[@datetime]", "datetime"),
        _attr_of_first(tree, "//time[@datetime]", "datetime"),
        *(
            meta.get(key)
            for key in (
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "dc.date",
                "dc.date.issued",
                "dcterms.date",
                "og:published_time",
                "parsely-pub-date",
                "sailthru.date",
            )
        ),
        _text(ld.get("dateCreated")),
    )
    url = _first(
        _attr_of_first(tree, "//link[@rel='canonical']", "href"),
        meta.get("og:url"),
        _not_url_free(_text(ld.get("url")) or _id_of(ld.get("mainEntityOfPage"))),
    )
    language = _first(
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        meta.get("og:locale", "").replace("_", "-"),
        _text(ld.get("inLanguage")),
    )
    return PageMetadata(
        title=title,
        publisher=publisher,
        author=_clean_author(author),
        published=published,
        url=url,
        language=language,
    )


def parse_date(value: str | None) -> dt.date | None:
    """The calendar date in an ISO, slashed or written-out date; ``None`` if there is none.

    A timestamp keeps the date as written: "2025-12-04T23:30:00-05:00" is the 4th,
    the day the publisher printed, not the UTC day.
    """
    if not value:
        return None
    value = value.strip()
    for pattern in (_ISO_DATE, _SLASH_DATE):
        match = pattern.search(value)
        if match:
            return _date(int(match[1]), int(match[2]), int(match[3]))
    match = _DAY_MONTH_YEAR.search(value)
    if match and match[2].lower() in _MONTHS:
        return _date(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
    match = _MONTH_DAY_YEAR.search(value)
    if match and match[1].lower() in _MONTHS:
        return _date(int(match[3]), _MONTHS[match[1].lower()], int(match[2]))
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if 1900 <= year <= 2200 else None
    except ValueError:
        return None


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    """First value of each <meta> by lower-cased name/property (pages repeat some)."""
    values: dict[str, str] = {}
    for element in tree.iterfind(".//meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        content = " ".join((element.get("content") or "").split())
        if key and content:
            values.setdefault(key.strip().lower(), content)
    return values


def _json_ld_article(tree: HtmlElement) -> dict[str, Any]:
    """The JSON-LD object about the article: an Article type first, else any with a headline."""
    candidates: list[dict[str, Any]] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        raw = script.text or ""
        if not raw.strip() or len(raw) > _MAX_JSON_LD:
            continue
        try:
            parsed = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        candidates.extend(_ld_objects(parsed))
    for item in candidates:
        types = item.get("@type")
        names = types if isinstance(types, list) else [types]
        if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in names):
            return item
    return next((item for item in candidates if "headline" in item), {})


def _ld_objects(parsed: Any) -> Iterator[dict[str, Any]]:
    if isinstance(parsed, list):
        for item in parsed:
            if isinstance(item, dict):
                yield from _ld_objects(item)
    elif isinstance(parsed, dict):
        yield parsed
        graph = parsed.get("@graph")
        if isinstance(graph, list):
            yield from (item for item in graph if isinstance(item, dict))


def _name_of(value: Any) -> str:
    """A person's or organisation's name from a JSON-LD value (object, list of them, or text)."""
    if isinstance(value, list):
        return ", ".join(name for name in (_name_of(item) for item in value) if name)
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _not_url(_text(value))


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _id_of(value: Any) -> str:
    if isinstance(value, dict):
        return _text(value.get("@id") or value.get("url"))
    return _text(value)


def _not_url_free(value: str) -> str:
    """Only absolute web addresses: JSON-LD ids are sometimes fragments like "#article"."""
    return value if re.match(r"^https?://", value) else ""


def _not_url(value: str | None) -> str:
    return "" if not value or re.match(r"^(https?:)?//", value) else value


def _first(*values: str | None) -> str:
    return next((v.strip() for v in values if v and v.strip()), "")


def _first_date(*values: str | None) -> dt.date | None:
    return next((d for d in map(parse_date, values) if d is not None), None)


def _text_of_first(tree: HtmlElement, xpath: str) -> str:
    for element in tree.xpath(xpath):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return ""


def _attr_of_first(tree: HtmlElement, xpath: str, attribute: str) -> str:
    for element in tree.xpath(xpath):
        value = (element.get(attribute) or "").strip()
        if value:
            return value
    return ""


def _byline(tree: HtmlElement) -> str:
    xpath = (
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' byline ')"
        " or contains(@class, 'author-name') or @itemprop='author']"
    )
    text = _text_of_first(tree, xpath)
    return text if len(text) <= 120 else ""


def _clean_author(author: str) -> str:
    author = re.sub(r"^\s*(by|written by|von|par)\s+", "", author, flags=re.IGNORECASE)
    return author.strip(" ,;|")


def _strip_site_suffix(title: str, publisher: str) -> str:
    """Drop a trailing " | Site" when it is the site's name or a short tag after a headline."""
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if not found or not head.strip():
            continue
        if (publisher and tail.strip().casefold() == publisher.casefold()) or (
            len(tail.split()) <= 4 < len(head.split()) + 2
        ):
            return head.strip()
    return title
