"""The date a saved web page prints where a reader looks for it: in the by-line or dateline
beside the headline ("Posted: 02/26/2015 10:14 AM EST", "26.02.2015, 10:14 Uhr",
"By Jane Smith | The Advertiser | February 26, 2015").

For pages whose markup carries no machine-readable date. Reads the lxml tree the HTML
importer parsed; imports only lxml, the standard library and docinfo, never
store/session/ui.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Literal
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from briefer.core.record import Record
from briefer.importers.docinfo import plausible, written_dates

Order = Literal["mdy", "dmy"]

# 2015/02/26, 2015-02-26, 2015.02.26; 2/26/2015, 02-26-2015, 26.02.2015, 2/26/15, 26.02.15:
# the same mark between the parts. Bounded repeats only, so a page of digits is read in linear time.
_NUMERIC = re.compile(
    r"(?<![\d/.])(?:"
    r"(?P<year>(?:19|20|21)\d\d)(?P<mark>[/.-])(?P<month>\d{1,2})(?P=mark)(?P<day>\d{1,2})"
    r"|(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)"
    r"(?P<yearlast>(?:19|20|21)\d\d|\d\d)"
    r")(?!\d|[/.]\d)"
)
# What a date is, read from the words just before it ("Updated: 03/01/2015").
_LABEL = re.compile(
    r"(?P<updated>\b(?:updated|modified|revised|edited|aktualisiert|geändert|mis\s+à\s+jour"
    r"|actualizado|actualisé|aggiornato|bijgewerkt)\b)"
    r"|(?P<published>\b(?:published|posted|publié|publiée|veröffentlicht|erschienen"
    r"|publicado|pubblicato|gepubliceerd)\b)"
    r"|(?P<copyright>©|\(c\)|\bcopyright\b)",
    re.IGNORECASE,
)
# "By Jane Smith", "von Katrin Vogel", "by: | Lorna Oakfield": a by-line's opening.
_BYLINE = re.compile(r"(?:^|\|\s)((?i:by|von|par|por|door)\b:?\s*(?:\|\s*)?[A-ZÀ-Þ][^|]{1,80})")

_MAX_PIECES = 40
"""Text pieces read after the headline: the by-line's area, not the whole story."""
_MAX_ELEMENTS = 4000
"""Elements walked after the headline, so a page of empty markup costs no more."""
_SHORT_WORDS = 12
"""A dateline is a short line; a longer piece is the standfirst or the story."""
_LONG_CHARS = 400
_LONG_PIECES = 2
"""The second long piece after the headline is the story: its dates are events."""
_BEFORE_PIECES = 3
"""Pieces read before the headline ("26.02.2015 | Politics" above it)."""

_SKIPPED_TAGS = frozenset(
    {"nav", "aside", "footer", "script", "style", "noscript", "template", "figure",
     "figcaption", "form", "button", "select", "iframe", "svg"}
)  # fmt: skip
_SKIPPED_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner"})
# Lists and boxes beside the story whose dates are other stories' or readers' comments'.
_SKIPPED_CLASS = re.compile(
    r"^(?:related|trending|sidebar|recommended|popular|teaser)"
    r"|^(?:most-?read|comments?|more|weitere|share|social|newsletter|widget|copyright|promo)"
    r"(?:$|[-_])",
    re.IGNORECASE,
)

# Where writing the month first is the custom: the United States and the Philippines.
_MONTH_FIRST_REGIONS = frozenset({"us", "ph"})
# Where both orders are common (Canada), so the language tells nothing.
_MIXED_REGIONS = frozenset({"ca"})
# Languages whose numeric dates run year first: a date with the year last is no custom.
_YEAR_FIRST_LANGUAGES = frozenset({"zh", "ja", "ko", "hu", "lt", "mn"})
_MONTH_FIRST_HOSTS = frozenset({"com", "us", "gov", "mil", "edu"})
_GENERIC_COUNTRY_HOSTS = frozenset(
    {"tv", "io", "co", "ai", "fm", "me", "ly", "cc", "ws", "to", "gg", "am", "la", "vc", "sh"}
)
"""Country domains sold to sites anywhere (a US TV station's .tv): they tell no order."""


class Dateline(Record, frozen=True):
    """What the lines beside the headline say: the date of publication, the readings of
    a numeric date that nothing on the page decides ("03/04/2015" on a page that names no
    region), and the by-line's text if one stands there ("Von Katrin Vogel")."""

    date: dt.date | None = None
    undecided: frozenset[dt.date] = frozenset()
    byline: str = ""


class _Found(Record, frozen=True):
    start: int
    end: int
    readings: frozenset[dt.date]


def numeric_order(languages: Iterable[str | None], url: str) -> Order | None:
    """Whether the page writes numeric dates month first ("mdy") or day first ("dmy"), or
    ``None`` when nothing on it tells.

    The first language tag with a region decides ("en-US" month first; "en-GB", "en-AU",
    "fr-CA" day first; "en-CA" nothing, Canada writes both). Plain "en" is month first on
    a .com (or .us, .gov) site, which is where American publishers live, and day first on
    another country's domain (.co.uk, .com.au); "en" alone with no address tells nothing.
    Other languages write the day first, except those that put the year first.
    """
    tags = [t.strip().lower().replace("_", "-") for t in languages if t and t.strip()]
    for tag in tags:
        language, _, region = tag.partition("-")
        region = region.split("-")[0]
        if language and len(region) == 2:
            if language in _YEAR_FIRST_LANGUAGES or (language == "en" and region == "ca"):
                return None
            return "mdy" if language == "en" and region in _MONTH_FIRST_REGIONS else "dmy"
    language = tags[0].partition("-")[0] if tags else ""
    if not language or language in _YEAR_FIRST_LANGUAGES:
        return None
    if language != "en":
        return "dmy"
    try:
        host = (urlsplit(url).hostname or "") if "//" in url else ""
    except ValueError:
        return None
    top = host.rpartition(".")[2]
    if top in _MONTH_FIRST_HOSTS:
        return "mdy"
    ordered = top not in _MONTH_FIRST_REGIONS | _MIXED_REGIONS | _GENERIC_COUNTRY_HOSTS
    return "dmy" if len(top) == 2 and ordered else None


def read_dateline(headline: HtmlElement | None, order: Order | None) -> Dateline:
    """The date printed beside the headline, for a page whose markup and address carry none.

    Short pieces of text after the headline (and, failing those, just before it), up to
    the story's text: never a navigation bar, sidebar, footer, related-stories or comments
    list, picture caption or copyright line. A date labelled as published beats one with
    no label, which beats one labelled as updated. A numeric date both of whose first
    parts could be the month is read by ``order``; without one it is left unread (a wrong
    date is worse than none) and its readings are returned as undecided.
    """
    if headline is None:
        return Dateline()
    after = _short_pieces(_texts_after(headline))
    before = _short_pieces(_texts_before(headline))[-_BEFORE_PIECES:]
    found = _read(after, order) or _read(before, order) or Dateline()
    byline = _BYLINE.search(" | ".join(after))
    return Dateline(found.date, found.undecided, byline[1].strip(" |") if byline else "")


def _read(pieces: list[str], order: Order | None) -> Dateline | None:
    """The dateline in ``pieces``, or ``None`` when they hold no date at all."""
    text = " | ".join(pieces)
    dates = _dates_in(text, order)
    if not dates:
        return None
    ranked: dict[str, list[_Found]] = {"published": [], "plain": [], "updated": []}
    end = 0
    for found in dates:
        # A label names the date in its own piece or the one before ("Posted:" | date),
        # never one further up: a picture credit's "(c)" is no copyright line of the date.
        before = text.rfind(" | ", 0, found.start)
        scope = text.rfind(" | ", 0, before) + 3 if before >= 0 else 0
        labels = list(_LABEL.finditer(text, max(end, scope), found.start))
        kind = labels[-1].lastgroup if labels else "plain"
        end = found.end
        if kind != "copyright" and kind is not None:
            ranked[kind].append(found)
    undecided = frozenset(d for found in dates if len(found.readings) > 1 for d in found.readings)
    for kind in ("published", "plain", "updated"):
        for found in ranked[kind]:
            if len(found.readings) == 1:
                return Dateline(next(iter(found.readings)), undecided)
            if found.readings:  # the page's date, but which day of which month is unknown
                return Dateline(None, undecided)
    return Dateline(None, undecided)


def _dates_in(text: str, order: Order | None) -> list[_Found]:
    """Every date in ``text``, numeric or written, in order; none inside another."""
    found = [_Found(s, e, frozenset({d})) for s, e, d in written_dates(text)]
    for match in _NUMERIC.finditer(text):
        readings = _readings(match, order)
        if readings is not None:
            found.append(_Found(match.start(), match.end(), readings))
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[_Found] = []
    for item in found:
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


def _readings(match: re.Match[str], order: Order | None) -> frozenset[dt.date] | None:
    """The days a numeric date can be: one, or two when its order is unknown; ``None``
    when it is no date ("13/13/2015")."""
    if match["year"]:
        date = _day(int(match["year"]), int(match["month"]), int(match["day"]))
        return frozenset({date}) if date else None
    first, second, year = int(match["first"]), int(match["second"]), int(match["yearlast"])
    if year < 100:  # "2/26/15", "26.02.15"; "26-02-15" is too like a score or a code
        if match["sep"] == "-":
            return None
        year += 2000 if year < 70 else 1900
    day_first = _day(year, second, first)
    month_first = _day(year, first, second)
    if match["sep"] == ".":  # 26.02.2015: dots are the day-first countries' mark
        order = "dmy"
    if day_first is not None and month_first is not None and order is not None:
        return frozenset({day_first if order == "dmy" else month_first})
    readings = {d for d in (day_first, month_first) if d is not None}
    return frozenset(readings) if readings else None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return plausible(dt.date(year, month, day))
    except ValueError:
        return None


def _short_pieces(texts: Iterator[str]) -> list[str]:
    """The short text pieces up to the story's second long one, at most ``_MAX_PIECES``."""
    pieces: list[str] = []
    long_pieces = 0
    for count, raw in enumerate(texts):
        if count >= _MAX_PIECES:
            break
        if len(raw) > _LONG_CHARS:
            piece, words = "", _SHORT_WORDS + 1
        else:
            piece = " ".join(raw.split())
            words = sum(1 for token in piece.split() if any(ch.isalnum() for ch in token))
        if words > _SHORT_WORDS:
            long_pieces += 1
            if long_pieces >= _LONG_PIECES:
                break
        elif piece:
            pieces.append(piece)
    return pieces


def _skipped(element: HtmlElement) -> bool:
    """Whether an element's text is furniture beside the story, or no text at all."""
    if not isinstance(element.tag, str):  # a comment or processing instruction
        return True
    if element.tag.lower() in _SKIPPED_TAGS:
        return True
    if (element.get("role") or "").strip().lower() in _SKIPPED_ROLES:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}".split()
    return any(_SKIPPED_CLASS.match(name) for name in names[:20])


class _Budget:
    """How many more elements a walk may visit."""

    def __init__(self, elements: int) -> None:
        self.left = elements

    def spend(self) -> bool:
        self.left -= 1
        return self.left >= 0


def _texts_after(start: HtmlElement) -> Iterator[str]:
    """The non-blank text after ``start`` in document order, skipping furniture."""
    budget = _Budget(_MAX_ELEMENTS)
    node: HtmlElement | None = start
    while node is not None and node.tag not in ("body", "html"):
        if node.tail and node.tail.strip():
            yield node.tail
        for sibling in node.itersiblings():
            yield from _texts_in(sibling, budget)
            if budget.left < 0:
                return
        node = node.getparent()


def _texts_before(start: HtmlElement) -> Iterator[str]:
    """The non-blank text of the headline's earlier siblings, in document order."""
    siblings = list(start.itersiblings(preceding=True))[:_BEFORE_PIECES]
    budget = _Budget(_MAX_ELEMENTS)
    for sibling in reversed(siblings):
        yield from _texts_in(sibling, budget)


def _texts_in(element: HtmlElement, budget: _Budget) -> Iterator[str]:
    """The non-blank text of ``element`` and its tail, in document order, without its
    furniture; an explicit stack, since a hostile page nests thousands deep."""
    stack: list[tuple[HtmlElement, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            if node.tail and node.tail.strip():
                yield node.tail
            continue
        if not budget.spend():
            return
        stack.append((node, True))
        if _skipped(node):
            continue
        if node.text and node.text.strip():
            yield node.text
        # No more children than the walk may still visit: a by-line of 100,000 spans.
        children = list(islice(node, max(budget.left, 0)))
        stack.extend((child, False) for child in reversed(children))


# A numeric date with the year last, as a reader that takes every one day first reads it
# ("03/04/15" is 3 April to it). Dots are left out: they are the day-first countries' mark.
_YEAR_LAST = re.compile(r"(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2((?:19|20|21)\d\d|\d\d)(?![\d/-])")
_MAX_MISREADINGS = 2000


def misreadings(tree: HtmlElement, order: Order | None) -> frozenset[dt.date]:
    """The days a reader that takes every numeric date day first (trafilatura's date finder,
    which reads the whole page) would take wrongly or by a guess from this page: "03/04/2015"
    read as 3 April where the page writes the month first or does not say. None on a page
    that writes the day first, where that reading is the page's own.
    """
    if order == "dmy":
        return frozenset()
    found: set[dt.date] = set()
    seen: set[str] = set()  # pages repeat their dates: each is read once
    for text in tree.itertext():
        if "/" not in text and "-" not in text:
            continue
        for match in _YEAR_LAST.finditer(text):
            if match[0] in seen:
                continue
            seen.add(match[0])
            day, month, year = int(match[1]), int(match[3]), int(match[4])
            if day == month or day > 12 or month > 12:
                continue  # the same either way, or only one way to read it
            date = _day(
                year + (1900 if 90 <= year < 100 else 2000 if year < 100 else 0), month, day
            )
            if date is not None:
                found.add(date)
                if len(found) >= _MAX_MISREADINGS:
                    return frozenset(found)
    return frozenset(found)
