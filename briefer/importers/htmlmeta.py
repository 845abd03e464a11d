"""What a saved web page says about itself: its charset, title, publisher, author, date, URL.

Reads an lxml tree the HTML importer already parsed; imports only lxml, the standard
library and its importer siblings (charsets, JSON-LD, name cleaning); never store/session/ui.
"""

from __future__ import annotations

import codecs
import datetime as dt
import html
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from briefer.core.record import Record, replace
from briefer.core.safetext import best_web_address
from briefer.importers.encoding import detect_legacy, web_codec
from briefer.importers.htmldates import Dateline, misreadings, numeric_order, read_dateline
from briefer.importers.htmlheadline import headline_element
from briefer.importers.htmlld import PageEvidence
from briefer.importers.htmlld import article_object as _article_object
from briefer.importers.htmlld import id_of as _id_of
from briefer.importers.htmlld import json_ld_objects as _json_ld_objects
from briefer.importers.htmlld import ld_text as _text
from briefer.importers.htmlld import name_of as _name_of
from briefer.importers.htmlld import organisation_names as _organisation_names
from briefer.importers.htmlld import resolve as _resolve
from briefer.importers.htmlnames import (
    byline_publisher,
    clean_author,
    clean_title,
    domain_label,
    name_in_profile_url,
    plausible_publisher,
    publisher_in_title,
    site_key,
    site_keys,
    strip_short_tail,
)

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
_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_COMPACT_DATE = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?:$|[T\s]|\d{4,6}\b)")
_DOTTED_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
# Where pages name their authors in <meta>, best first ("byl" is "By Jane Doe and John Smith").
_AUTHOR_META = (
    "author", "byl", "article:author", "parsely-author", "sailthru.author", "dc.creator",
    "citation_author",
)  # fmt: skip
_DATE_META = (
    "date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "article.published", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date",
    "dcterms.created", "og:published_time", "parsely-pub-date", "sailthru.date",
    "citation_publication_date", "citation_date",
)  # fmt: skip
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)(?:[/-](\d{1,2})[/-](\d{1,2})|(\d\d)(\d\d))(?:/|-|$)"
)  # /2025/12/04/, /2025-12-04-, or one piece /20251204-slug (France 24, Le Figaro)
_SEPARATOR_END = re.compile(r"(?:\s+(?:[|\-–—·•»/]|::)|:)\s+$")
_SEPARATOR_START = re.compile(r"^(?:\s+(?:[|\-–—·•»/]|::)\s+|:\s+|\s*_)")


class PageMetadata(Record, frozen=True):
    """The descriptive fields of a page; empty strings and ``None`` when the page is silent."""

    title: str = ""
    publisher: str = ""
    author: str = ""
    published: dt.date | None = None
    url: str = ""
    language: str = ""
    rejected: frozenset[str] = frozenset()
    """Values the page shows belong to something else, as ``_value_keys`` folds them: a
    related story's author, date and address, the publisher's name where an author would
    be. A field left empty because its only candidates were these stays empty."""

    def or_else(self, other: PageMetadata) -> PageMetadata:
        """Fill each field this one lacks from ``other`` (a second, less trusted source),
        except with a value this one rejected (trafilatura reads the first JSON-LD object
        and takes a publisher named as author for one)."""
        missing: dict[str, Any] = {}
        for name in self.__struct_fields__:
            value = getattr(other, name)
            if name == "rejected" or getattr(self, name) or not value:
                continue
            if name == "author":  # "Anna Groot, Coastal Times": the people stay
                names = (part.strip() for part in str(value).split(","))
                value = ", ".join(n for n in names if n and site_key(n) not in self.rejected)
            if value and not self.rejected.intersection(_value_keys(value)):
                missing[name] = value
        return replace(self, **missing)


def _value_keys(value: object) -> set[str]:
    """How a metadata value is compared with rejected ones: a date by its ISO form, text
    whole and each of its comma-separated names ("Someone Else, Anna Groot")."""
    if isinstance(value, dt.date):
        return {value.isoformat()}
    text = str(value)
    return {key for key in map(site_key, [text, *text.split(",")]) if key}


def decode_html(data: bytes, declared: str | None = None) -> str:
    """The page as text, choosing the encoding the way a browser would, but forgiving.

    A BOM wins; then valid UTF-8 wins over any declaration, because pages saved
    from a CMS often declare iso-8859-1 while containing UTF-8 (the reverse
    almost never decodes cleanly). Then the declared charset, read as browsers
    read its label (``web_codec``: "gb2312" as GB18030, "shift_jis" as
    Windows-31J), then the detection the text importer uses, East Asian
    encodings and single-byte code pages alike.
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
    return data.decode(detect_legacy(data), errors="replace")


def _declared_charsets(head: bytes) -> Iterator[str]:
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            yield match.group(1).decode("ascii", errors="ignore")


def _codec(label: str | None) -> str | None:
    return web_codec(label)


def read_metadata(tree: HtmlElement) -> PageMetadata:
    """Title, publisher, author, date, canonical URL and language, each from its best source."""
    meta = _meta_values(tree)
    objects = _json_ld_objects(tree)
    h1 = headline_element(tree)  # the title, the JSON-LD choice and the dateline all use it
    h1_text = " ".join(h1.text_content().split()) if h1 is not None else ""
    ld, others = _article_object(objects, _page_evidence(tree, meta, h1_text))
    by_id = {item["@id"]: item for item in objects if isinstance(item.get("@id"), str)}
    url = best_web_address(
        _attr_of_first(tree, "//link[@rel='canonical']", "href"),
        meta.get("og:url"),
        _not_url_free(_text(ld.get("url")) or _id_of(ld.get("mainEntityOfPage"))),
    )
    ld_publisher = _name_of(_resolve(ld.get("publisher"), by_id), by_id)
    named = [
        meta.get("og:site_name"),
        ld_publisher,
        *(meta.get(key) for key in ("application-name", "publisher", "dc.publisher")),
        meta.get("citation_publisher"),
    ]
    publisher = _first(*map(plausible_publisher, named))
    sites = site_keys([*named, meta.get("twitter:site"), domain_label(url)])
    organisations = sites | site_keys(_organisation_names(objects, by_id))
    title = _title(tree, meta, ld, sites, h1_text)
    languages = (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        meta.get("og:locale", "").replace("_", "-"),
        _text(ld.get("inLanguage")),
    )
    order = numeric_order(languages, url)
    dateline = read_dateline(h1, order)
    byline = _byline(tree)
    if not publisher:  # the <title>'s "Headline | Valley Courier", when nothing named it
        publisher = publisher_in_title(_text_of_first(tree, "//title"), title, sites)
    if not publisher:  # "by: Laurie Oakes From: Herald Sun"
        publisher = byline_publisher(byline or dateline.byline)
    published = _published(tree, meta, ld, url, dateline)
    # A date the page prints but does not decide ("03/04/2015" with no region), or that a
    # second reader would take day first on a page that writes the month first, is not
    # to be taken from it either.
    undecided = (
        set()
        if published
        else {d.isoformat() for d in dateline.undecided | misreadings(tree, order)}
    )
    return PageMetadata(
        title=title,
        publisher=publisher,
        author=_author(meta, ld, by_id, organisations, _rel_authors(tree), byline, dateline),
        published=published,
        url=url,
        language=_first(*languages),
        rejected=frozenset(organisations | _stories_values(others, by_id) | undecided),
    )


def _page_evidence(tree: HtmlElement, meta: dict[str, str], h1: str) -> PageEvidence:
    written = (
        h1,
        meta.get("og:title", ""),
        meta.get("twitter:title", ""),
        _text_of_first(tree, "//title"),
    )
    addresses = (_attr_of_first(tree, "//link[@rel='canonical']", "href"), meta.get("og:url"))
    return PageEvidence.of(written, addresses)


def _stories_values(stories: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]) -> set[str]:
    """The authors, dates, addresses and headlines of other stories' JSON-LD objects, as
    ``_value_keys`` compares them."""
    values: set[str] = set()
    for story in stories:
        for key in ("datePublished", "dateModified", "dateCreated"):
            date = parse_date(_text(story.get(key)))
            if date is not None:
                values.add(date.isoformat())
        for text in (
            _name_of(story.get("author"), by_id),
            _text(story.get("url")),
            _text(story.get("headline")),
        ):
            values |= _value_keys(text) if text else set()
    return values


def _published(
    tree: HtmlElement,
    meta: dict[str, str],
    ld: dict[str, Any],
    url: str,
    dateline: Dateline,
) -> dt.date | None:
    """The day the page says it was published, as the publisher's calendar had it.

    Timestamps keep their own UTC offset (see ``parse_date``). Sites that state
    the time in UTC put a late-evening story on the next day; the date in the
    article's address is the local one, so it wins when the two are a day apart.
    """
    published = _first_date(
        meta.get("article:published_time"),
        meta.get("og:article:published_time"),
        _text(ld.get("datePublished")),
        meta.get("datepublished"),
        *(meta.get(key) for key in _DATE_META),
        _text(ld.get("dateCreated")),
        *_story_times(tree),
    )
    in_url = url_date(url)
    if published is None or (in_url is not None and abs((published - in_url).days) == 1):
        return in_url or published or dateline.date
    return published


# Where a <time> is the site's, not the story's: the masthead's "today", a sidebar's
# "Trending" list, the footer. A header or footer inside the article is the story's own.
_IN_FURNITURE = (
    "ancestor::nav or ancestor::aside"
    " or ancestor::header[not(ancestor::article or ancestor::main)]"
    " or ancestor::footer[not(ancestor::article or ancestor::main)]"
    " or ancestor::*[@role='navigation' or @role='complementary' or @role='banner'"
    " or @role='contentinfo']"
    # A class that starts with these words ("related-posts", "sidebar"), not one that has
    # them inside ("has-sidebar" on a WordPress <body>).
    " or ancestor::*[not(self::body)]["
    + " or ".join(
        f"contains(concat(' ', normalize-space(@class)), ' {word}')"
        for word in ("related", "trending", "sidebar", "most-read", "popular", "recommended")
    )
    + "]"
)
_STORY_TIMES = (
    f"//article//time[@datetime][not({_IN_FURNITURE})]",
    f"//main//time[@datetime][not({_IN_FURNITURE})]",
    # Beside the by-line or the headline, in a page that marks no article.
    "//*[@rel='author' or contains(concat(' ', normalize-space(@class), ' '), ' byline ')"
    " or contains(@class, 'author') or self::h1]/parent::*[not(self::body)]"
    f"//time[@datetime][not({_IN_FURNITURE})]",
)
_MAX_TIMES = 20


def _story_times(tree: HtmlElement) -> Iterator[str]:
    """The ``datetime`` of each <time> that belongs to the story: in the article, in the
    page's main part, or beside its by-line or headline; never one in a header, footer,
    navigation or sidebar around it."""
    for xpath in _STORY_TIMES:
        for element in tree.xpath(xpath)[:_MAX_TIMES]:
            value = (element.get("datetime") or "").strip()
            if value:
                yield value


def url_date(url: str) -> dt.date | None:
    """The date in an article's address (``/2025/12/04/``), or ``None``."""
    try:
        match = _URL_DATE.search(urlsplit(url).path) if url else None
    except ValueError:  # "http://[broken"
        return None
    if match is None:
        return None
    month, day = (match[2], match[3]) if match[2] else (match[4], match[5])
    return _date(int(match[1]), int(month), int(day))


def parse_date(value: str | None) -> dt.date | None:
    """The calendar date in an ISO, slashed, dotted (4.12.2025, day first), compact
    (20251204), CJK (2025年12月4日) or written-out date; ``None`` if there is none.

    A timestamp keeps the date as written: "2025-12-04T23:30:00-05:00" is the 4th,
    the day the publisher printed, not the UTC day.
    """
    if not value:
        return None
    value = value.strip()
    for pattern in (_ISO_DATE, _SLASH_DATE, _CJK_DATE, _COMPACT_DATE):
        match = pattern.search(value)
        if match:
            return _date(int(match[1]), int(match[2]), int(match[3]))
    match = _DOTTED_DATE.search(value)
    if match:
        return _date(int(match[3]), int(match[2]), int(match[1]))
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
    """First value of each <meta> by lower-cased name/property (pages repeat some); for
    author tags, which pages repeat once per author, every value but web addresses."""
    values: dict[str, str] = {}
    for element in tree.iterfind(".//meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        key = key.strip().lower()
        # Some CMSs escape twice: "Trump&#039;s" reaches the attribute still escaped.
        content = " ".join(html.unescape(element.get("content") or "").split())
        if not key or not content:
            continue
        if key in _AUTHOR_META and key in values:
            if _not_url(content) and content not in values[key].split(" | "):
                values[key] = f"{values[key]} | {content}" if _not_url(values[key]) else content
            continue
        values.setdefault(key, content)
    return values


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


def _untruncated(title: str, candidates: tuple[str, ...]) -> str:
    """``title`` whole: a headline a CMS cut for search engines ("India and Russia to
    boost strategic ties as…") gives way to a source that carries it on."""
    head = title.rstrip().removesuffix("…").removesuffix("...").rstrip()
    if head == title.rstrip() or len(head) < 20:
        return title
    longer = [c for c in candidates if c.startswith(head) and len(c) > len(head) + 1]
    return max(longer, key=len, default=title)


def _title(
    tree: HtmlElement,
    meta: dict[str, str],
    ld: dict[str, Any],
    sites: frozenset[str],
    h1: str,
) -> str:
    """The headline: og:title, twitter:title, JSON-LD, <h1>, then <title>, each without
    the site's name; a shorter source that is the chosen one's head ("Headline" for
    "Headline | Section") wins."""
    heading = "" if site_key(h1) in sites else clean_title(h1, sites)
    headline = clean_title(_text(ld.get("headline")), sites)
    written = " ".join(_text_of_first(tree, "//title").split())
    page_title = clean_title(written, sites)
    candidates = (
        clean_title(meta.get("og:title", ""), sites),
        clean_title(meta.get("twitter:title", ""), sites),
        headline,
        heading,
        # No site name recognised: a short tag after a longer headline is still dropped.
        strip_short_tail(page_title) if page_title == written else page_title,
    )
    # A source that holds only the site's name is no headline.
    title = _first(*(c for c in candidates if site_key(c) not in sites)) or _first(*candidates)
    title = _untruncated(title, candidates)
    for shorter in (headline, heading):
        rest = title[len(shorter) :]
        fits = shorter and title.startswith(shorter) and 0 < len(rest) < len(shorter)
        if fits and _SEPARATOR_START.match(rest):
            return shorter
        # "Opinion | Headline": a section label before the headline the page prints.
        label = title[: len(title) - len(shorter)]
        fits = shorter and title.endswith(shorter) and 0 < len(label) < len(shorter)
        if fits and _SEPARATOR_END.search(label) and len(label.split()) <= 4:
            return shorter
    return title


def _author(
    meta: dict[str, str],
    ld: dict[str, Any],
    by_id: dict[str, dict[str, Any]],
    organisations: frozenset[str],
    rel_authors: str,
    byline: str,
    dateline: Dateline,
) -> str:
    """The people who wrote it. People named as such in JSON-LD win over a meta author,
    which many publishers fill with the company's name ("Condé Nast"); the by-line's
    element, then a "By ..." line under the headline, when the markup names nobody."""
    return _first(
        *(
            clean_author(raw, organisations)
            for raw in (
                _name_of(ld.get("author"), by_id, person=True),
                *(_not_login(_not_url(meta.get(key))) for key in _AUTHOR_META),
                _name_of(ld.get("author"), by_id),
                rel_authors,
                byline,
                dateline.byline,
                *(name_in_profile_url(meta.get(key, "")) for key in _AUTHOR_META),
            )
            if raw
        )
    )


_LOGIN = re.compile(r"[a-z0-9_.-]+")


def _not_login(value: str) -> str:
    """ "" for a CMS login ("greta_w", "admin") that WordPress writes as the meta author;
    the by-line further down names the person."""
    return "" if _LOGIN.fullmatch(value) else value


_MAX_REL_AUTHORS = 12


def _rel_authors(tree: HtmlElement) -> str:
    """Every name linked with rel="author" in the story ("By <a>Anna Groot</a> and
    <a>Tomas Ried</a>"), "|"-separated; links in sidebars and related lists are others'."""
    xpath = (
        f"//*[contains(concat(' ', normalize-space(@rel), ' '), ' author ')][not({_IN_FURNITURE})]"
    )
    names: list[str] = []
    for element in tree.xpath(xpath)[:_MAX_REL_AUTHORS]:
        name = " ".join(element.text_content().split())
        if name and len(name) <= 100:
            names.append(name)
    return " | ".join(dict.fromkeys(names))


_MAX_BYLINE_CHARS = 4000
"""Characters of a by-line element read, spaces and all; only 200 of text are kept."""


def _byline(tree: HtmlElement) -> str:
    """The byline element's text, with a "|" where one child element ends and the next
    begins, so "<span>By Helen Marsh</span><span>Environment correspondent</span>"
    still reads as two parts."""
    xpath = (
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' byline ')"
        " or contains(concat(' ', normalize-space(@class)), ' byline')"
        " or contains(@class, '-byline')"
        " or contains(@class, 'author-name') or @itemprop='author']"
    )
    for element in tree.xpath(xpath):
        pieces = [element.text or ""]
        size = len(pieces[0])
        for child in element:
            if size > _MAX_BYLINE_CHARS:  # no by-line: a crafted one of 100,000 spans
                break
            pieces += ["|", child.text_content() if isinstance(child.tag, str) else "", "|"]
            pieces.append(child.tail or "")
            size += len(pieces[-3]) + len(pieces[-1])
        text = " ".join("".join(pieces).split()).strip(" |")
        if text:
            return text if len(text) <= 200 else ""
    return ""
