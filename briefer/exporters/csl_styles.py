"""Which CSL style a note is cited in: the bundled styles, a user's .csl file, and their names.

Reads only a style's ``<info>`` (title, class, parent), so listing the
styles or checking a choice costs no citeproc import; which locale it
renders in (its own default-locale, else the note's language). Standard
library and the exporters' errors only; the caller says where the bundled
styles live.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

from briefer.core.record import Record, replace
from briefer.exporters.errors import ExportError

CSL_NS = "{http://purl.org/net/xbiblio/csl}"
DEFAULT_STYLE = "chicago-notes-bibliography"
ALIASES = {
    "chicago": "chicago-notes-bibliography",
    "chicago-ibid": "chicago-notes-bibliography-subsequent-ibid",
    "harvard": "harvard-cite-them-right",
    "mhra": "mhra-notes",
}
"""Short names an analyst may type for the bundled styles."""
MAX_STYLE_BYTES = 4_000_000
"""A style is a few hundred kilobytes; a file far larger is not one."""
FALLBACK_LOCALE = "en-US"
"""The CSL specification's last resort, and citeproc-py's, when no other locale fits."""
AMERICAN_USAGE = frozenset({"us", "ca", "ph", "as", "gu", "mp", "pr", "um", "vi"})
"""The regions whose English cites as American English does; every other English
dialect without a CSL locale of its own cites as British English does.

The specification's fallback takes a dialect without a locale file to en-US, the
primary dialect of English, and so to "March 4, 2025" and “double” quotes with
the comma inside. Outside the United States and its territories, English usage
is British: day month year, single outer quotation marks and the comma outside
them (the Australian Government Style Manual, New Zealand government style,
Irish, South African, Indian and Singaporean practice). So en-AU, en-IE, en-ZA,
en-IN ... render with en-GB's terms, dates and punctuation, as the note body's
quotation marks do (typography.quote_style). Canadian English is American here:
Canadian Press style, which Canadian newsrooms and most Canadian editors follow,
writes "March 4, 2025" with double quotation marks outside and single inside;
Philippine English follows American usage too. "en" alone names no region and
takes the specification's en-US.
"""


class CitationStyleError(ExportError):
    """The chosen citation style cannot be used; the message says what to choose instead."""


class StyleInfo(Record, frozen=True):
    """A usable style: ``name`` is what ``--style`` takes, ``path`` the independent .csl file.

    ``note_style`` is True for styles that cite in footnotes (class="note");
    ``locale`` is the style's own default-locale (a dependent style's, else its
    parent's), else ""; ``language`` the locale of the note it cites in, set
    (by :func:`in_language`) only when the style has no locale of its own.
    """

    name: str
    title: str
    path: Path
    note_style: bool
    bundled: bool
    locale: str = ""
    style_id: str = ""
    language: str = ""

    @property
    def kind(self) -> str:
        return "notes" if self.note_style else "author-date"

    @property
    def rendering_locale(self) -> str:
        """The locale citeproc-py renders in: the style's own, else the note's; "" for
        citeproc-py's own default (en-US), when neither is known."""
        return self.locale or self.language


class _Info(Record, frozen=True):
    title: str
    note_style: bool
    style_id: str
    parent: str
    locale: str


class _InfoRead(Exception):
    """Stops reading a style at its ``</info>``, or at the first element that is not CSL."""


def _read_info(path: Path) -> _Info:
    """The class, title, id and independent parent of a .csl file, read up to ``</info>``.

    Read with expat, the parser beneath ElementTree: every export reads its style's info,
    and ElementTree itself costs more to load than the rest of this (an English note's
    export needs it nowhere else).
    """
    from xml.parsers import expat  # here, not at import: only an export needs it

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise CitationStyleError(
            f"The citation style file {path} cannot be read ({exc.strerror or exc}); "
            "check the path, or run `briefer styles` to see the built-in styles."
        ) from None
    if size > MAX_STYLE_BYTES:
        raise CitationStyleError(f"{path} is too large to be a CSL style; choose a .csl file.")
    found = {"title": "", "id": "", "parent": "", "locale": "", "class": ""}
    text: list[str] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        tag = f"{{{name}" if "}" in name else name  # ElementTree's "{namespace}tag"
        if not tag.startswith(CSL_NS):
            raise _InfoRead  # not a CSL file
        text.clear()
        if tag == f"{CSL_NS}style":
            found["class"] = attributes.get("class", "")
            found["locale"] = attributes.get("default-locale", "")
        elif tag == f"{CSL_NS}link" and attributes.get("rel") == "independent-parent":
            found["parent"] = attributes.get("href", "")

    def end(name: str) -> None:
        tag = f"{{{name}"
        if tag == f"{CSL_NS}title" and not found["title"]:
            found["title"] = "".join(text).strip()
        elif tag == f"{CSL_NS}id":
            found["id"] = "".join(text).strip()
        elif tag == f"{CSL_NS}info":
            raise _InfoRead

    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text.append
    try:
        with path.open("rb") as stream:
            parser.ParseFile(stream)
    except _InfoRead:
        pass
    except (expat.ExpatError, OSError) as exc:
        raise CitationStyleError(
            f"{path} is not a readable CSL style ({exc}); choose a .csl file from a "
            "style repository or one of `briefer styles`."
        ) from None
    title, style_id = found["title"], found["id"]
    if not title and not style_id:
        raise CitationStyleError(
            f"{path} is not a CSL style (no <style> with an <info> title); choose a .csl file."
        )
    note_style = found["class"] == "note"
    return _Info(title or path.stem, note_style, style_id, found["parent"], found["locale"])


def bundled_styles(styles_dir: Path) -> list[StyleInfo]:
    """The styles shipped in ``styles_dir`` (resources/csl), sorted by name."""
    styles = []
    for path in sorted(styles_dir.glob("*.csl")):
        info = _read_info(path)
        styles.append(
            StyleInfo(
                path.stem, info.title, path, info.note_style, True, info.locale, info.style_id
            )
        )
    return styles


def in_language(style: StyleInfo, language: str | None) -> StyleInfo:
    """``style`` as a note in ``language`` (a tag like "en-GB") cites in it.

    CSL 1.0.2: a style's ``default-locale``, when set, overrides the user's
    locale; without one the processor renders in the user's locale, here the
    note's language. So a style with its own locale (MHRA and OSCOLA: en-GB)
    is returned as it is, and one without (Harvard, Chicago, APA) renders in
    :func:`citeproc_locale` of ``language``. None or "": as it is.
    """
    if style.locale or not language:
        return style
    return replace(style, language=citeproc_locale(language))


def citeproc_locale(language: str) -> str:
    """The locale file citeproc-py renders ``language`` with, by the specification's fallback.

    CSL 1.0.2, "Locale Fallback": the locale file of the chosen dialect, else
    the primary dialect of its language (the CSL locales' own table: en-US for
    "en" and "en-CA", de-DE for "de" and "de-LU", pt-PT for "pt"), else en-US;
    except that an English dialect without a file of its own whose region is
    not one of :data:`AMERICAN_USAGE` (en-AU, en-IE, en-ZA, en-IN ...) renders
    with en-GB's. The tag's case and
    separator are forgiven ("en_gb" is "en-GB"); a region's subtags after it
    ("en-AU-x-legal") are not its dialect, so they are dropped for that test.
    """
    shipped, primary = _citeproc_locales()
    tag = language.strip().replace("_", "-")
    by_case = {name.lower(): name for name in shipped}
    found = by_case.get(tag.lower())
    if found is not None:
        return found
    if _british_english(tag) and "en-gb" in by_case:
        return by_case["en-gb"]
    dialect = primary.get(tag.split("-")[0].lower(), "")
    return dialect if dialect in shipped else FALLBACK_LOCALE


def _british_english(tag: str) -> bool:
    """Whether ``tag`` is English of a region whose usage is British (AMERICAN_USAGE says
    which is not); the region is the first two-letter or three-digit subtag after a
    script's ("en-Latn-ZA"), so "en-x-legal" names none."""
    subtags = tag.lower().split("-")
    if subtags[0] != "en":
        return False
    rest = subtags[1:]
    if rest and len(rest[0]) == 4 and rest[0].isalpha():  # a script: en-Latn-...
        rest = rest[1:]
    if not rest or not (
        (len(rest[0]) == 2 and rest[0].isalpha()) or (len(rest[0]) == 3 and rest[0].isdigit())
    ):
        return False
    return rest[0] not in AMERICAN_USAGE


def citeproc_locale_file(locale: str) -> Path | None:
    """The file citeproc-py reads ``locale`` (a :func:`citeproc_locale` name) from, if shipped."""
    folder = _locales_folder()
    path = folder / f"locales-{locale}.xml" if folder is not None else None
    return path if path is not None and path.is_file() else None


def _locales_folder() -> Path | None:
    spec = importlib.util.find_spec("citeproc")
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent / "data" / "locales"


@functools.cache
def _citeproc_locales() -> tuple[frozenset[str], dict[str, str]]:
    """The locales citeproc-py ships and its primary dialects (its data/locales/locales.json),
    read without importing citeproc; none (so everything is en-US) if it is not there."""
    folder = _locales_folder()
    if folder is None:
        return frozenset({FALLBACK_LOCALE}), {}
    try:
        table = json.loads((folder / "locales.json").read_text("utf-8"))
        primary = {str(k): str(v) for k, v in table["primary-dialects"].items()}
    except (OSError, ValueError, KeyError, AttributeError):
        primary = {}
    shipped = {p.name[len("locales-") : -len(".xml")] for p in folder.glob("locales-*.xml")}
    return frozenset(shipped | {FALLBACK_LOCALE}), primary


def resolve_style(choice: str | Path, styles_dir: Path, language: str | None = None) -> StyleInfo:
    """The style ``choice`` names: a bundled style's name or alias, or a path to a .csl file.

    A dependent style (a journal's name over another style) is followed to
    its parent when that parent is bundled; it is never fetched. ``language``
    is the note's (see :func:`in_language`).
    """
    return in_language(_resolved(choice, styles_dir), language)


def _resolved(choice: str | Path, styles_dir: Path) -> StyleInfo:
    text = str(choice).strip()
    if not text:
        text = DEFAULT_STYLE
    looks_like_file = isinstance(choice, Path) or text.lower().endswith(".csl") or "/" in text
    if not looks_like_file:
        name = ALIASES.get(text.lower(), text.lower())
        path = styles_dir / f"{name}.csl"
        if path.is_file():
            info = _read_info(path)
            return StyleInfo(
                name, info.title, path, info.note_style, True, info.locale, info.style_id
            )
        known = ", ".join(s.name for s in bundled_styles(styles_dir))
        raise CitationStyleError(
            f"There is no built-in citation style {text!r}. Choose one of: {known}; "
            "or give the path of a .csl file."
        )
    path = Path(text).expanduser()
    info = _read_info(path)
    if not info.parent:
        return StyleInfo(
            path.stem, info.title, path, info.note_style, False, info.locale, info.style_id
        )
    for bundled in bundled_styles(styles_dir):
        if bundled.style_id and bundled.style_id == info.parent:
            return StyleInfo(
                path.stem,
                info.title,
                bundled.path,
                bundled.note_style,
                False,
                info.locale or bundled.locale,
                info.style_id,
            )
    raise CitationStyleError(
        f"{path.name} is a dependent CSL style: its rules are in {info.parent}, which is not "
        "built in and is never downloaded. Save that parent style as a .csl file and choose it."
    )
