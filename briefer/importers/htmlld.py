"""JSON-LD in a saved web page: its objects, which of them is the page's own article, and
the names (people, organisations) they give.

Pure functions over an lxml tree and parsed JSON; imports only lxml and the standard
library, never store/session/ui.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from briefer.core.record import Record

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
_ORGANISATION_TYPES = {
    "organization", "newsmediaorganization", "corporation", "organisation", "ngo",
    "educationalorganization", "governmentorganization", "researchorganization",
}  # fmt: skip


def json_ld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, top-level, in lists and in ``@graph``."""
    objects: list[dict[str, Any]] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        raw = script.text or ""
        if not raw.strip() or len(raw) > _MAX_JSON_LD:
            continue
        try:
            parsed = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        objects.extend(_ld_objects(parsed))
    return objects


def ids(objects: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The objects that have an ``@id``, by it, for ``resolve``."""
    return {item["@id"]: item for item in objects if isinstance(item.get("@id"), str)}


def types_of(item: dict[str, Any]) -> set[str]:
    types = item.get("@type")
    names = types if isinstance(types, list) else [types]
    return {t.lower() for t in names if isinstance(t, str)}


class PageEvidence(Record, frozen=True):
    """What the page itself says it is, to tell its own JSON-LD object from a related story's."""

    headings: tuple[str, ...]  # as fold_words leaves them: <h1>, og:title, <title>...
    addresses: frozenset[str]  # as address_key leaves them: canonical link, og:url

    @classmethod
    def of(cls, headings: Iterable[str], addresses: Iterable[str | None]) -> PageEvidence:
        return cls(
            headings=tuple(h for h in map(fold_words, headings) if h),
            addresses=frozenset(a for a in map(address_key, addresses) if a),
        )


def fold_words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def address_key(url: str | None) -> str:
    """An address as compared: no scheme, "www.", query, fragment or trailing slash."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return ""
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" if host else ""


def _same_headline(headline: str, headings: tuple[str, ...]) -> bool:
    """A headline the page prints: the same words as a heading, or the head of a title
    ("Velden fees rise" in "Velden fees rise | Coastal Times"), or a heading it extends."""
    folded = fold_words(headline)
    if not folded:
        return False
    for heading in headings:
        shorter, longer = sorted((folded, heading), key=len)
        if folded == heading:
            return True
        if len(shorter.split()) >= 3 and (
            longer.startswith(shorter + " ") or longer.endswith(" " + shorter)
        ):
            return True
    return False


def article_object(
    objects: list[dict[str, Any]], page: PageEvidence
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The JSON-LD object about this page's article.

    Pages list related stories as NewsArticle objects too, sometimes before their own,
    so the first Article is not enough: the one the page names as its main entity, or
    whose address is the page's, or whose headline the page prints, wins. A lone
    candidate is taken unless both its address and its headline say it is another
    story; among several, none matching means none (a stranger's author and date are
    worse than none). Returns the object ({} for none) and the other stories' objects.
    """
    by_id = ids(objects)
    # A WebPage's mainEntity, whether an {"@id": ...} reference or written inline.
    mains = [resolve(item.get("mainEntity"), by_id) for item in objects]
    mains = [item for item in mains if isinstance(item, dict) and types_of(item) & _ARTICLE_TYPES]
    main_ids = {id(item) for item in mains}  # by identity: a crafted page has thousands
    candidates = [item for item in objects if types_of(item) & _ARTICLE_TYPES]
    listed = {id(item) for item in candidates}
    candidates += [item for item in mains if id(item) not in listed]
    candidates = candidates or [item for item in objects if "headline" in item]
    if not candidates:
        return {}, []

    def score(item: dict[str, Any]) -> int:
        if id(item) in main_ids:
            return 4
        own = {
            address_key(ld_text(item.get("url"))),
            address_key(id_of(item.get("mainEntityOfPage"))),
            address_key(ld_text(item.get("@id"))),
        }
        if own & page.addresses:
            return 3
        if _same_headline(ld_text(item.get("headline") or item.get("name")), page.headings):
            return 2
        return 1 if item.get("mainEntityOfPage") else 0

    best = max(candidates, key=score)  # the first of equals
    if score(best) == 0 and len(candidates) == 1:
        stated_address = address_key(ld_text(best.get("url")))
        other_address = bool(page.addresses) and stated_address not in ("", *page.addresses)
        other_headline = bool(page.headings) and bool(ld_text(best.get("headline")))
        if not (other_address and other_headline):
            return best, []
    if score(best) == 0:
        return {}, candidates
    return best, [item for item in candidates if item is not best]


def resolve(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """A JSON-LD reference (``{"@id": "#org"}``, as Yoast writes) replaced by what it names."""
    if isinstance(value, list):
        return [resolve(item, by_id) for item in value if isinstance(item, dict)]
    if isinstance(value, dict) and "name" not in value:
        ref = value.get("@id")
        if isinstance(ref, str) and ref in by_id:
            return by_id[ref]
    return value


def name_of(value: Any, by_id: dict[str, dict[str, Any]], person: bool = False) -> str:
    """A name from a JSON-LD value (object, list of them, or text); with ``person``,
    only objects typed Person count."""
    value = resolve(value, by_id)
    if isinstance(value, list):
        # Items are objects after _resolve, so this recurses once, however deep the JSON.
        names = (name_of(item, by_id, person) for item in value)
        return ", ".join(dict.fromkeys(name for name in names if name))
    if isinstance(value, dict):
        if person and not _is_person(value, by_id):
            return ""
        return ld_text(value.get("name"))
    return "" if person else _not_url(ld_text(value))


def _is_person(value: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> bool:
    """Typed Person, or untyped with an ``@id`` naming a Person (Yoast writes the author as
    ``{"name": ..., "@id": ...}`` and types it only in the @graph), or untyped and unnamed
    elsewhere: an author left untyped is a writer far more often than a company, and
    ``clean_author`` still drops the page's own organisations."""
    types = types_of(value)
    if not types:
        ref = value.get("@id")
        types = types_of(by_id.get(ref, {})) if isinstance(ref, str) else set()
    return not types or "person" in types


def organisation_names(
    objects: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]
) -> list[str]:
    """Names of the organisations JSON-LD describes: publisher, its parent, any Organization."""
    names: list[str] = []
    for item in objects:
        if types_of(item) & _ORGANISATION_TYPES:
            names.append(ld_text(item.get("name")))
        for key in ("publisher", "sourceOrganization", "copyrightHolder", "brand"):
            found = resolve(item.get(key), by_id)
            for org in found if isinstance(found, list) else [found]:
                if isinstance(org, dict):
                    names.append(ld_text(org.get("name")))
                    parent = resolve(org.get("parentOrganization"), by_id)
                    if isinstance(parent, dict):
                        names.append(ld_text(parent.get("name")))
    return names


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


def ld_text(value: Any) -> str:
    """A JSON-LD string, folded; entities left by a CMS that escapes HTML into JSON decoded."""
    return " ".join(html.unescape(value).split()) if isinstance(value, str) else ""


def id_of(value: Any) -> str:
    if isinstance(value, dict):
        return ld_text(value.get("@id") or value.get("url"))
    return ld_text(value)


def _not_url(value: str | None) -> str:
    return "" if not value or re.match(r"^(https?:)?//", value) else value
