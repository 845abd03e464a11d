"""A CSL style parsed once, and what it rendered, kept per process and (if asked) on disk.

The window exports and estimates pages many times with one style, and an
analyst exports the same note again after an edit: a citation whose
sources' data, position tests and order are unchanged renders the same, so
its rendering is kept under a digest of exactly those. On disk (the
session passes the user's cache folder) a file per style holds them, so a
new ``briefer export`` process reads, rather than renders, every source
that has not changed, and does not even parse the style. Standard library
only here; lxml and citeproc when a style must be parsed.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import tempfile
import threading
import warnings
from pathlib import Path

from briefer.core.digests import hex_digest
from briefer.core.logs import get_logger
from briefer.core.record import Record, field
from briefer.exporters.csl_disambiguate import Rules
from briefer.exporters.csl_styles import CitationStyleError, StyleInfo

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any

MAX_STYLES = 4
"""Parsed styles kept per process (one is some 20 ms to parse and a few MB)."""
MAX_KEPT = 20_000
"""Renderings kept per style; past it they are dropped and made again."""
MAX_FILE_BYTES = 32_000_000
"""A kept file larger than this is not read (20,000 renderings are some 8 MB)."""
MAX_FILES = 16
"""Styles whose renderings the cache folder keeps (a file each, the latest used)."""
FORMAT = 8
"""Bump when a change to csl_patches or citations_csl changes what a style renders."""
_NS = {"cs": "http://purl.org/net/xbiblio/csl"}
_PUNCTUATION_AFTER_QUOTE = re.compile("(”)([.,])")

log = get_logger(__name__)


class Span(Record, frozen=True):
    """A stretch of formatted citation text; ``link`` is set on a URL."""

    text: str
    italic: bool = False
    bold: bool = False
    link: str = ""


Rendered = tuple[Span, ...]
Asked = tuple[int, tuple[str, ...], tuple[bool, ...]]
"""A position test a layout made: which cite, the positions named, the answers."""


class Options(Record, frozen=True):
    """What the style's XML says that the rendering around citeproc needs."""

    near_note_distance: int
    capitalise_ibid: bool
    punctuation_in_quote: bool
    numbered: bool
    has_bibliography: bool
    disambiguation: Rules = field(default_factory=Rules)
    first_note_number: bool = False
    """Whether the style prints first-reference-note-number ("(n 2)"): then a kept
    subsequent cite is for that note number only."""


class Kept(Record):
    """A style, parsed on first need, and its renderings by digest of what they depend on.

    ``citations`` maps a digest of a citation's cites (each source's CSL-JSON,
    locator, label, their order when several) to renderings, each with the
    position tests it asked; ``entries`` a digest of a source's CSL-JSON to
    its bibliography entry; ``orders`` a digest of a list of sources to
    their bibliography order.
    """

    style: StyleInfo
    digest: str
    options: Options
    csl: Any = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    citations: dict[str, list[tuple[list[Asked], Rendered]]] = field(default_factory=dict)
    entries: dict[str, str] = field(default_factory=dict)
    orders: dict[str, tuple[int, ...]] = field(default_factory=dict)
    changed: bool = False
    entry_spans: dict[str, Rendered] = field(default_factory=dict)
    """``entries`` as spans, made once per process (not kept on disk)."""
    used: set[str] = field(default_factory=set)
    """The keys of ``citations``, ``entries`` and ``orders`` the last render used: what a
    project keeps for its note (see :func:`snapshot`), nothing of sources it no longer cites."""

    def parsed(self) -> Any:
        if self.csl is None:
            self.csl = load_style(self.style)
        return self.csl

    def quoted(self, text: str) -> str:
        """American usage puts a comma or full stop inside the closing quote (”, becomes ,”).

        The locale says so (``punctuation-in-quote``: true for en-US, false for
        en-GB); citeproc-py ignores it. Only the double quote is moved: a single
        closing quote is also an apostrophe.
        """
        if self.options.punctuation_in_quote:
            return _PUNCTUATION_AFTER_QUOTE.sub(r"\2\1", text)
        return text

    def trim(self) -> None:
        if len(self.citations) + len(self.entries) + len(self.orders) > MAX_KEPT:
            self.citations.clear()
            self.entries.clear()
            self.orders.clear()
            self.entry_spans.clear()
            self.changed = True


def digest(*parts: str) -> str:
    return hex_digest("\x00".join(parts).encode())


_styles: dict[tuple[object, ...], Kept] = {}
_styles_lock = threading.Lock()
_folder: list[Path] = []


def keep_on_disk(folder: Path | None) -> None:
    """Keep renderings in ``folder`` (the user's cache) too, for the next process; None: not."""
    with _styles_lock:
        _folder[:] = [folder] if folder is not None else []


def forget_styles() -> None:
    """Drop every parsed style and what it rendered (tests; a long session short of memory)."""
    with _styles_lock:
        _styles.clear()


def kept_style(style: StyleInfo) -> Kept:
    """The style parsed once per process, again when its file changes (a user's .csl)."""
    try:
        stat = style.path.stat()
        key = _key(style, stat)
    except OSError:
        load_style(style)  # says what is wrong with it
        raise
    with _styles_lock:
        found = _styles.get(key)
        folder = _folder[0] if _folder else None
    if found is None:
        found = _read(style, folder)
        with _styles_lock:
            if len(_styles) >= MAX_STYLES:
                _styles.pop(next(iter(_styles)))
            found = _styles.setdefault(key, found)
    return found


def _key(style: StyleInfo, stat: os.stat_result) -> tuple[object, ...]:
    """A parse and its renderings are one version of one file in one locale: an en-GB
    note's "2 December 2026" is never an en-US note's. The locale is the one rendered
    in, so an en-AU note shares en-GB's (csl_styles.AMERICAN_USAGE), never en-US's."""
    return (str(style.path), stat.st_mtime_ns, stat.st_size, style.rendering_locale)


def private_copy(kept: Kept) -> Kept:
    """A copy to render with while another thread renders with ``kept``: nothing shared."""
    return Kept(kept.style, kept.digest, kept.options)


def _read(style: StyleInfo, folder: Path | None) -> Kept:
    name = style_digest(style)
    if folder is not None:
        found = _read_file(style, name, folder / f"csl-{name}.json")
        if found is not None:
            return found
    csl = load_style(style)
    kept = Kept(style, name, options_of(csl), csl)
    kept.changed = True
    return kept


def style_digest(style: StyleInfo) -> str:
    """What a style's renderings are kept under: its file's bytes, its locale, the citeproc-py
    installed and this module's FORMAT. Reads the file; CitationStyleError if it cannot."""
    try:
        data = style.path.read_bytes()
    except OSError:
        load_style(style)  # says what is wrong with it
        raise
    spec = importlib.util.find_spec("citeproc")
    engine = ""
    if spec is not None and spec.origin:  # a reinstalled citeproc-py renders afresh
        with contextlib.suppress(OSError):
            stat = (Path(spec.origin).parent / "_version.py").stat()
            engine = f"{stat.st_size}:{stat.st_mtime_ns}"
    return digest(hex_digest(data), style.rendering_locale, engine, str(FORMAT))


def adopt(style: StyleInfo, kept_text: str) -> None:
    """Take in renderings a project kept for a note (:func:`snapshot`'s text), so its next
    export renders only what changed and, when nothing did, never parses the style.

    Renderings made for another version of the style, another locale or another
    citeproc-py are ignored, as is anything malformed: a crafted project can make
    an export slower, never fail. The process's own renderings win over the project's.
    """
    name, _, text = kept_text.partition("\n")
    try:
        stat = style.path.stat()
        if name != style_digest(style):
            return
    except (OSError, CitationStyleError):
        return
    key = _key(style, stat)
    found = from_text(style, name, text)
    if found is None:
        return
    with _styles_lock:
        kept = _styles.get(key)
        if kept is None:
            if len(_styles) >= MAX_STYLES:
                _styles.pop(next(iter(_styles)))
            _styles[key] = found
            return
    with kept.lock:
        for digest_, renderings in found.citations.items():
            kept.citations.setdefault(digest_, renderings)
        for digest_, entry in found.entries.items():
            kept.entries.setdefault(digest_, entry)
        for digest_, order in found.orders.items():
            kept.orders.setdefault(digest_, order)


def snapshot(style: StyleInfo) -> str | None:
    """What the last render in ``style`` used, as text for :func:`adopt`; None if nothing
    rendered in it in this process."""
    with _styles_lock:  # the newest: an edited .csl file's older parse may still be here
        kept = next((k for k in reversed(list(_styles.values())) if k.style == style), None)
    if kept is None:
        return None
    with kept.lock:
        if not any(k in kept.citations or k in kept.entries for k in kept.used):
            return None  # a note citing nothing: nothing worth keeping
        return f"{kept.digest}\n{to_text(kept, used_only=True)}"


def _read_file(style: StyleInfo, name: str, path: Path) -> Kept | None:
    """What an earlier process kept; None if there is nothing usable (never an error)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        return from_text(style, name, path.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def from_text(style: StyleInfo, name: str, text: str) -> Kept | None:
    """Renderings written by :func:`to_text`; None unless every part of them is well formed.

    The text comes from a file or a project that may have been crafted: anything
    out of shape means nothing is kept from it, never an error or a wrong type.
    """
    if len(text) > MAX_FILE_BYTES:
        return None
    try:
        raw = json.loads(text)
        given = raw["options"]
        options = Options(
            int(given["near_note_distance"]),
            bool(given["capitalise_ibid"]),
            bool(given["punctuation_in_quote"]),
            bool(given["numbered"]),
            bool(given["has_bibliography"]),
            Rules.from_list(given["disambiguation"]),
            bool(given["first_note_number"]),
        )
        kept = Kept(style, name, options)
        for key, renderings in raw["citations"].items():
            kept.citations[str(key)] = [
                (
                    [(int(i), tuple(map(str, w)), tuple(map(bool, a))) for i, w, a in asked],
                    tuple(Span(str(t), bool(it), bool(b), _web(lk)) for t, it, b, lk in spans),
                )
                for asked, spans in renderings
            ]
        kept.entries = {str(k): str(v) for k, v in raw["entries"].items()}
        kept.orders = {str(k): tuple(int(i) for i in v) for k, v in raw["orders"].items()}
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None
    return kept


def _web(link: object) -> str:
    """A kept link as rendering makes them (to_spans links web addresses only): a crafted
    file's file:, javascript: or relative target becomes plain text, never a link in Word."""
    text = str(link)
    return text if text.lower().startswith(("http://", "https://")) else ""


def to_text(kept: Kept, *, used_only: bool = False) -> str:
    """What ``kept`` holds as compact JSON; ``used_only``: only what its last render used."""
    used = kept.used if used_only else None

    def wanted(key: str) -> bool:
        return used is None or key in used

    raw = {
        "options": {
            "near_note_distance": kept.options.near_note_distance,
            "capitalise_ibid": kept.options.capitalise_ibid,
            "punctuation_in_quote": kept.options.punctuation_in_quote,
            "numbered": kept.options.numbered,
            "has_bibliography": kept.options.has_bibliography,
            "disambiguation": kept.options.disambiguation.as_list(),
            "first_note_number": kept.options.first_note_number,
        },
        "citations": {
            key: [
                [[list(a) for a in asked], [[s.text, s.italic, s.bold, s.link] for s in spans]]
                for asked, spans in renderings
            ]
            for key, renderings in sorted(kept.citations.items())
            if wanted(key)
        },
        "entries": {k: v for k, v in sorted(kept.entries.items()) if wanted(k)},
        "orders": {k: v for k, v in sorted(kept.orders.items()) if wanted(k)},
    }
    return json.dumps(raw, ensure_ascii=False, separators=(",", ":"))


def save(kept: Kept) -> None:
    """Write what ``kept`` holds to the disk folder, if there is one and it changed.

    Atomic (a temp file replaced), and silent on failure: a full disk or a
    read-only cache costs the next export time, never the export.
    """
    with _styles_lock:
        folder = _folder[0] if _folder else None
    if folder is None or not kept.changed:
        return
    kept.changed = False
    text = to_text(kept)
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".csl-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temp, folder / f"csl-{kept.digest}.json")
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        _prune(folder)


def _prune(folder: Path) -> None:
    """Keep the MAX_FILES files written last: an edited .csl leaves its old digest's behind."""
    with contextlib.suppress(OSError):
        files = sorted(folder.glob("csl-*.json"), key=lambda f: f.stat().st_mtime_ns)
        for old in files[:-MAX_FILES]:
            old.unlink()


def load_style(style: StyleInfo) -> Any:
    """The style parsed by citeproc-py; CitationStyleError if it cannot be read or cite."""
    from citeproc import CitationStylesStyle

    # here, with citeproc: an export whose renderings are kept loads neither it nor its mends
    from briefer.exporters.csl_patches import ITEM_LANGUAGE, patch

    patch()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            loaded = CitationStylesStyle(
                str(style.path), locale=style.rendering_locale or None, validate=False
            )
    except Exception as exc:  # lxml and citeproc-py errors alike
        log.exception("citation style %s could not be read", style.path)
        raise CitationStyleError(
            f"The citation style {style.path.name} could not be read ({exc}); "
            "choose another with --style (see `briefer styles`)."
        ) from exc
    # An item of no known language is in the locale the style renders in (CSL: the
    # style's default locale), not in English: csl_patches_lookups' text_process reads it here.
    loaded.root.__dict__[ITEM_LANGUAGE] = (style.rendering_locale or "en")[:2]
    if loaded.root.citation is None:
        raise CitationStyleError(
            f"{style.path.name} has no <citation> layout, so it cannot cite; choose another style."
        )
    # Keep a Python object alive for every element, so the caches csl_patches
    # hangs on them (lxml proxies) last as long as the style does.
    keep = list(loaded.root.iter())
    for locale in loaded.root.locales:
        keep.extend(locale.getroottree().getroot().iter())
    loaded.root.__dict__["_briefer_keep"] = keep
    return loaded


def options_of(csl: Any) -> Options:
    try:
        near = int(csl.root.citation.get("near-note-distance", "5"))
    except ValueError:
        near = 5
    numbered = bool(
        csl.root.xpath(".//*[@variable='citation-number' or @term='citation-number']",
                       namespaces=_NS)
    )  # fmt: skip
    piq = str(csl.root.get_locale_option("punctuation-in-quote")).lower() == "true"
    return Options(
        near,
        csl.root.get("class") == "note" and _ibid_needs_capital(csl),
        piq,
        numbered,
        bool(csl.has_bibliography()),
        _rules(csl.root),
        bool(csl.root.xpath(".//cs:text[@variable='first-reference-note-number']", namespaces=_NS)),
    )


def _rules(root: Any) -> Rules:
    """The disambiguation a style's cs:citation asks for (CSL 1.0.2, "Disambiguation")."""
    citation = root.citation

    def flag(name: str) -> bool:
        return str(citation.get(name, "false")).lower() == "true"

    try:
        first = int(citation.get("et-al-use-first", root.get("et-al-use-first", "1")))
    except ValueError:
        first = 1
    return Rules(
        add_names=flag("disambiguate-add-names"),
        add_givenname=flag("disambiguate-add-givenname"),
        givenname_rule=str(citation.get("givenname-disambiguation-rule", "by-cite")),
        add_year_suffix=flag("disambiguate-add-year-suffix"),
        condition=bool(
            root.xpath(".//cs:if[@disambiguate] | .//cs:else-if[@disambiguate]", namespaces=_NS)
        ),
        et_al_use_first=max(first, 1),
    )


def _ibid_needs_capital(csl_style: Any) -> bool:
    """Whether "ibid" opening a note gets its capital, as CSL processors do at a note's start.

    A style that sets the term's case itself (OSCOLA writes a lower-case
    "ibid" everywhere) is left as it says.
    """
    terms = csl_style.root.xpath(".//cs:text[@term='ibid']", namespaces=_NS)
    return not any(t.get("text-case") for t in terms)
