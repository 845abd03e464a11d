"""Citations and the bibliography of a note, formatted by a CSL style with citeproc-py.

citeproc-py (0.11) renders a style's layout well but decides ``position``
from its own render order, ignores ``initialize="false"``, prints a label
for an empty variable ("Edition") and spends most of its time in XPath
searches of a style that never changes. So positions come from
:mod:`csl_position` (the specification's rules) and this module mends those
few places in citeproc-py's classes once, on first use (see ``_patch``).
citeproc is imported only here and only when a note is exported.
Imports briefer.core, the exporters' own modules and citeproc.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import html
import logging
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from briefer.core.model import Article
from briefer.exporters.csl_position import FIRST, Citation, decide_positions
from briefer.exporters.csl_styles import CitationStyleError, StyleInfo

log = logging.getLogger(__name__)

_TAG = re.compile(r"<(/?)(i|b|u|l|sup|sub|span)(?:\s[^>]*)?>")
_URL = re.compile(r"https?://[^\s<>\"]+")
_URL_TAIL = ".,;:)]}'’”"
_PERSON_WORD = re.compile(r"^[A-Z][\w'’.-]*$")
_NAME_SPLIT = re.compile(r"\s*(?:;|\band\b|&)\s*")
_ORGANISATION_WORDS = frozenset({
    "agency", "association", "bank", "board", "bureau", "committee", "company", "correspondent",
    "council", "daily", "department", "desk", "digest", "editorial", "gazette", "government",
    "group", "herald", "inc", "institute", "journal", "ltd", "magazine", "ministry", "monitor",
    "news", "office", "post", "press", "report", "reporters", "review", "service", "staff",
    "team", "times", "tribune", "university", "weekly", "wire",
})  # fmt: skip
"""Words that make a two-to-four word by-line an organisation ("Policy Digest"), not a person."""
_DANGLING_WORDS = frozenset({
    "a", "after", "amid", "an", "and", "as", "at", "before", "by", "for", "from", "in", "into",
    "its", "of", "on", "or", "over", "the", "their", "to", "under", "with",
})  # fmt: skip
_PUNCTUATION_AFTER_QUOTE = re.compile("(”)([.,])")
_patched = False


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of formatted citation text; ``link`` is set on a URL."""

    text: str
    italic: bool = False
    bold: bool = False
    link: str = ""


Rendered = tuple[Span, ...]
_Asked = tuple[int, tuple[str, ...], tuple[bool, ...]]
"""A position test a layout made: which cite, the positions named, the answers."""


@dataclass(frozen=True, slots=True)
class CslOutput:
    """One rendering per citation, and the bibliography as (key, entry) in the style's order.

    Where a note style leaves an item out of its bibliography (Chicago omits a
    source with neither URL nor publisher), its full first note stands in; an
    entry is empty only where there is neither.
    """

    citations: tuple[Rendered, ...]
    bibliography: tuple[tuple[str, Rendered], ...]
    has_bibliography: bool


def csl_item(key: str, article: Article) -> dict[str, Any]:
    """The CSL-JSON item for an article: author, title, container, issued, URL, accessed."""
    if article.publisher.strip():
        kind = "article-newspaper"
    elif article.url.strip():
        kind = "webpage"
    else:
        kind = "document"
    item: dict[str, Any] = {"id": key, "type": kind}
    item["title"] = article.title.strip() or "Untitled article"
    short = short_title(item["title"])
    if short:
        item["title-short"] = short
    if article.publisher.strip():
        item["container-title"] = article.publisher.strip()
    names = parse_names(article.author)
    if names:
        item["author"] = names
    if article.published is not None:
        item["issued"] = _date(article.published)
    if article.url.strip():
        item["URL"] = article.url.strip()
    if article.imported_at is not None:
        item["accessed"] = _date(article.imported_at.date())
    if article.language.strip():
        item["language"] = article.language.strip()
    return item


def short_title(title: str) -> str:
    """The short title a later note uses, or "" when the title is short already.

    What comes before a colon, else the first four words (CMOS 13.32: "usually
    no more than four words"), without a trailing "and", "of", "after" ...
    A headline has no short form of its own, as a book's short title is.
    """
    head, colon, _ = title.partition(": ")  # not the colon of "10:30"
    if colon and head.strip():
        return head.strip()
    words = title.split()
    if len(words) <= 5:
        return ""
    words = words[:4]
    while len(words) > 1 and words[-1].lower().strip(",;") in _DANGLING_WORDS:
        words.pop()
    return " ".join(words).rstrip(",;")


def parse_names(text: str) -> list[dict[str, str]]:
    """Authors from a by-line: "Jane Smith and Ali Khan", "Smith, Jane", or an organisation.

    A part that does not look like a person's name (a lower-case word, one
    word only, more than four, a word such as "Digest" or "Staff") stays
    whole as a literal name, so "Ministry of Defence" or "Policy Digest" is
    never cut into a given name and a family name.
    """
    text = re.sub(r"^\s*by\s+", "", text.strip(), flags=re.IGNORECASE)
    names: list[dict[str, str]] = []
    for part in _NAME_SPLIT.split(text):
        part = part.strip(" ,")
        if not part:
            continue
        if part.count(",") == 1:
            family, given = (p.strip() for p in part.split(","))
            if family and given:
                names.append({"family": family, "given": given})
                continue
        words = part.split()
        organisation = any(w.lower().strip(".,") in _ORGANISATION_WORDS for w in words)
        if 2 <= len(words) <= 4 and not organisation and all(_PERSON_WORD.match(w) for w in words):
            names.append({"family": words[-1], "given": " ".join(words[:-1])})
        else:
            names.append({"literal": part})
    return names


def _date(day: dt.date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def render(
    style: StyleInfo, items: Mapping[str, Article], citations: Sequence[Citation]
) -> CslOutput:
    """Render every citation (in order) and the bibliography of the cited items.

    Raises :class:`CitationStyleError` when citeproc-py cannot read or apply
    the style; nothing has been written then.
    """
    from citeproc import Citation as CpCitation
    from citeproc import CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    _patch()
    csl_style = _load(style)
    source = CiteProcJSON([csl_item(key, article) for key, article in items.items()])
    bibliography = CitationStylesBibliography(csl_style, source, formatter.html)
    positions = decide_positions(citations, _near_note_distance(csl_style))
    prepared = []
    for citation, cite_positions in zip(citations, positions, strict=True):
        cp_items = []
        for index, (cite, position) in enumerate(zip(citation.cites, cite_positions, strict=True)):
            item = CitationItem(cite.key)
            object.__setattr__(item, "_briefer_position", position)
            object.__setattr__(item, "_briefer_index", index)
            cp_items.append(item)
        cp_citation = CpCitation(cp_items)
        bibliography.register(cp_citation)
        prepared.append((cp_citation, cp_items, citation, cite_positions))
    capitalise_ibid = style.note_style and _ibid_needs_capital(csl_style)
    quote_punctuation = _punctuation_in_quote(csl_style)
    # A citation's rendering depends on its items and on the answers to the position
    # tests its layout asked (Chicago asks "ibid?" of a subsequent note, and gets the
    # same short note either way). So each rendering is kept with the tests it asked,
    # and reused for a later citation of the same items that answers them alike.
    done: dict[tuple[object, ...], list[tuple[list[_Asked], Rendered]]] = {}
    first_notes: dict[str, Rendered] = {}
    out: list[Rendered] = []
    try:
        for cp_citation, cp_items, citation, cite_positions in prepared:
            key = tuple((c.key, c.locator, c.label) for c in citation.cites)
            found = next(
                (
                    spans
                    for asked, spans in done.get(key, ())
                    if all(
                        tuple(cite_positions[i].matches(w) for w in words) == answers
                        for i, words, answers in asked
                    )
                ),
                None,
            )
            if found is None:
                trace: list[_Asked] = []
                for item in cp_items:
                    item.__dict__["_briefer_asked"] = trace
                text = str(bibliography.cite(cp_citation, lambda item: None))
                if capitalise_ibid and text.startswith("ibid"):
                    text = "I" + text[1:]
                found = to_spans(quote_punctuation(text))
                done.setdefault(key, []).append((trace, found))
            out.append(found)
            if len(citation.cites) == 1 and cite_positions[0].name == FIRST:
                first_notes.setdefault(citation.cites[0].key, found)
        entries: list[tuple[str, Rendered]] = []
        has_bibliography = csl_style.has_bibliography()
        if has_bibliography:
            bibliography.sort()
            layout = csl_style.root.bibliography.layout
            for item in bibliography.items:
                # One at a time: an entry the style leaves out (Chicago omits a source
                # with neither URL nor publisher) is () rather than a shifted list.
                entry = layout.render_bibliography([item])
                text = quote_punctuation(str(entry[0])) if entry else ""
                if text:
                    entries.append((item.key, to_spans(text)))
                elif style.note_style:  # the style's own full note stands in for it
                    entries.append((item.key, first_notes.get(item.key, ())))
                else:
                    entries.append((item.key, ()))
    except Exception as exc:  # citeproc-py raises bare errors on styles it cannot apply
        log.exception("citation style %s could not be applied", style.name)
        raise CitationStyleError(
            f"The citation style {style.name!r} could not be applied ({type(exc).__name__}: "
            f"{exc}); choose another with --style (see `briefer styles`)."
        ) from exc
    return CslOutput(tuple(out), tuple(entries), has_bibliography)


def _load(style: StyleInfo) -> Any:
    from citeproc import CitationStylesStyle

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            loaded = CitationStylesStyle(
                str(style.path), locale=style.locale or None, validate=False
            )
    except Exception as exc:  # lxml and citeproc-py errors alike
        log.exception("citation style %s could not be read", style.path)
        raise CitationStyleError(
            f"The citation style {style.path.name} could not be read ({exc}); "
            "choose another with --style (see `briefer styles`)."
        ) from exc
    if loaded.root.citation is None:
        raise CitationStyleError(
            f"{style.path.name} has no <citation> layout, so it cannot cite; choose another style."
        )
    # Keep a Python object alive for every element, so the caches _patch
    # hangs on them (lxml proxies) last as long as the style does.
    keep = list(loaded.root.iter())
    for locale in loaded.root.locales:
        keep.extend(locale.getroottree().getroot().iter())
    loaded.root.__dict__["_briefer_keep"] = keep
    return loaded


def _near_note_distance(csl_style: Any) -> int:
    try:
        return int(csl_style.root.citation.get("near-note-distance", "5"))
    except ValueError:
        return 5


def _punctuation_in_quote(csl_style: Any) -> Callable[[str], str]:
    """American usage puts a comma or full stop inside the closing quote (”, becomes ,”).

    The locale says so (``punctuation-in-quote``: true for en-US, false for
    en-GB); citeproc-py ignores it. Only the double quote is moved: a single
    closing quote is also an apostrophe.
    """
    option = csl_style.root.get_locale_option("punctuation-in-quote")
    if str(option).lower() != "true":
        return lambda text: text
    return lambda text: _PUNCTUATION_AFTER_QUOTE.sub(r"\2\1", text)


def _ibid_needs_capital(csl_style: Any) -> bool:
    """Whether "ibid" opening a note gets its capital, as CSL processors do at a note's start.

    A style that sets the term's case itself (OSCOLA writes a lower-case
    "ibid" everywhere) is left as it says.
    """
    ns = {"cs": "http://purl.org/net/xbiblio/csl"}
    terms = csl_style.root.xpath(".//cs:text[@term='ibid']", namespaces=ns)
    return not any(t.get("text-case") for t in terms)


def to_spans(markup: str) -> Rendered:
    """citeproc-py's HTML output (escaped text, <i>, <b>, ...) as spans, URLs made links."""
    spans: list[Span] = []
    italic = bold = 0
    pos = 0
    for match in _TAG.finditer(markup):
        if match.start() > pos:
            spans.extend(_linked(html.unescape(markup[pos : match.start()]), italic, bold))
        closing, tag = match.group(1) == "/", match.group(2)
        step = -1 if closing else 1
        if tag == "i":
            italic = max(0, italic + step)
        elif tag == "b":
            bold = max(0, bold + step)
        pos = match.end()
    if pos < len(markup):
        spans.extend(_linked(html.unescape(markup[pos:]), italic, bold))
    return tuple(_joined(spans))


def _linked(text: str, italic: int, bold: int) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_URL_TAIL)
        if url.count("(") > url.count(")") and match.group(0)[len(url) :].startswith(")"):
            url += ")"
        start, end = match.start(), match.start() + len(url)
        if start > pos:
            spans.append(Span(text[pos:start], italic > 0, bold > 0))
        spans.append(Span(url, italic > 0, bold > 0, url))
        pos = end
    if pos < len(text):
        spans.append(Span(text[pos:], italic > 0, bold > 0))
    return spans


def _joined(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        last = out[-1] if out else None
        if last is not None and (last.italic, last.bold, last.link) == (
            span.italic,
            span.bold,
            span.link,
        ):
            out[-1] = Span(last.text + span.text, span.italic, span.bold, span.link)
        else:
            out.append(span)
    return out


def plain_text(spans: Rendered) -> str:
    return "".join(s.text for s in spans)


def _patch() -> None:
    """Mend citeproc-py's element classes once (idempotent); each change says why.

    - XPath results, ``get_root`` and ``calls_variable`` are cached on the
      element: a style is never changed once loaded, and these lookups were
      nine tenths of the time (10 s for 320 Chicago notes, 0.8 s after);
      so is a cite's reference, looked up through two dict subclasses
      tens of thousands of times; sort keys are computed only when the
      keys before them tie (``_lazy_sort``); a condition that tests only
      the item (type, variable, ...) is evaluated once per item; and an
      element without formatting attributes skips the five formatting steps.
    - ``position`` tests read the position decided by csl_position.
    - ``<label variable="X">`` renders nothing when X is empty (CSL 1.0.2,
      Label), where citeproc-py printed the bare term ("Edition").
    - ``initialize="false"`` keeps given names whole (CSL 1.0.1+).
    (The locale's ``punctuation-in-quote`` is applied to the output, in
    ``render``.)
    """
    global _patched
    if _patched:
        return
    from citeproc import model

    base = model.CitationStylesElement
    xpath_search = base.xpath_search
    get_root = base.get_root

    def cached_xpath(self: Any, expression: str) -> Any:
        cache = self.__dict__.setdefault("_briefer_xpath", {})
        if expression not in cache:
            cache[expression] = xpath_search(self, expression)
        return cache[expression]

    def cached_root(self: Any) -> Any:
        found = self.__dict__.get("_briefer_root")
        if found is None:
            found = self.__dict__["_briefer_root"] = get_root(self)
        return found

    def memo_calls_variable(original: Any) -> Any:
        def calls_variable(self: Any) -> Any:
            found = self.__dict__.get("_briefer_calls")
            if found is None:
                found = self.__dict__["_briefer_calls"] = original(self)
            return found

        return calls_variable

    base.xpath_search = cached_xpath
    base.get_root = cached_root
    model.Parent.calls_variable = memo_calls_variable(model.Parent.calls_variable)
    model.Text.calls_variable = memo_calls_variable(model.Text.calls_variable)

    position = model.If._position

    def decided_position(self: Any, item: Any, context: Any) -> list[bool]:
        decided = item.__dict__.get("_briefer_position")
        if decided is None:
            return list(position(self, item, context))
        ctx = self if context is None else context
        if ctx.xpath_search("./ancestor::*[self::cs:bibliography]"):
            return [False]
        words = tuple(self.get("position").split())
        answers = tuple(decided.matches(test) for test in words)
        asked = item.__dict__.get("_briefer_asked")
        if asked is not None:
            asked.append((item.__dict__["_briefer_index"], words, answers))
        return list(answers)

    model.If._position = decided_position

    label_process = model.Label.process

    def label_process_if_set(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        # Names pass their own (present) variable in; only a standalone label is checked.
        name = self.get("variable") if not args and "variable" not in kwargs else None
        if name and name != "locator" and name.replace("-", "_") not in item.reference:
            return None
        return label_process(self, item, *args, **kwargs)

    model.Label.process = label_process_if_set

    initialize = model.Name.initialize

    def initialize_unless_false(self: Any, given: Any, mark: Any, context: Any) -> Any:
        holders = [
            self,
            *self.xpath_search("./ancestor::*[self::cs:citation or self::cs:bibliography][1]"),
        ]
        holders.append(self.get_root())
        for holder in holders:
            value = holder.get("initialize")
            if value is not None:
                if value == "false":
                    return given
                break
        return initialize(self, given, mark, context)

    model.Name.initialize = initialize_unless_false

    from citeproc import source

    def cached_reference(self: Any) -> Any:
        found = self.__dict__.get("_briefer_reference")
        if found is None:
            found = self.__dict__["_briefer_reference"] = self.bibliography.source[self.key]
        return found

    source.CitationItem.reference = property(cached_reference)
    model.Sort.sort = _lazy_sort

    if_render = model.If.render

    def render_if_known(
        self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any
    ) -> Any:
        if "position" in self.attrib:  # depends on the cite and the context: always tested
            return if_render(self, item, context, delimiter, **kwargs)
        cache = self.__dict__.setdefault("_briefer_test", {})
        key = (item.key, str(item.get("locator", "")))
        passed = cache.get(key)
        if passed is None:
            try:
                result = if_render(self, item, context, delimiter, **kwargs)
            except model.ConditionFailed:
                cache[key] = False
                raise
            cache[key] = True
            return result
        if not passed:
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    model.If.render = render_if_known

    format_text = model.Formatted.format
    formatting = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")

    def format_if_formatted(self: Any, string: Any) -> Any:
        # Most elements set no formatting: then format() only turns numbers into text.
        if any(name in self.attrib for name in formatting):
            return format_text(self, string)
        return str(string) if isinstance(string, int | float) else string

    model.Formatted.format = format_if_formatted
    _patched = True


def _lazy_sort(self: Any, items: list[Any], context: Any) -> list[Any]:
    """citeproc-py's ``Sort.sort``, computing a sort key only when earlier keys tie.

    Chicago sorts its bibliography by eight keys, each a macro rendered per
    item; the first (author) nearly always decides, so most are never needed.
    Same comparison as citeproc-py's: None sorts last, text case-folded,
    numbers as numbers.
    """
    keys = self.findall("cs:key", self.nsmap)
    descending = [k.get("sort", "ascending").lower() == "descending" for k in keys]
    cache: dict[tuple[int, int], Any] = {}

    def key_of(k: int, i: int) -> Any:
        if (k, i) not in cache:
            cache[k, i] = keys[k].sort_keys([items[i]], context)[0]
        return cache[k, i]

    def compare(left: int, right: int) -> int:
        for k in range(len(keys)):
            a, b = key_of(k, left), key_of(k, right)
            if a is None or b is None:
                if a is None and b is None:
                    continue
                return 1 if a is None else -1
            with contextlib.suppress(AttributeError):
                a, b = str(a.lower()), str(b.lower())
            with contextlib.suppress(ValueError):
                a, b = int(str(a)), int(str(b))
            result = int((a > b) - (a < b))
            if result:
                return -result if descending[k] else result
        return 0

    order = sorted(range(len(items)), key=functools.cmp_to_key(compare))
    return [items[i] for i in order]
