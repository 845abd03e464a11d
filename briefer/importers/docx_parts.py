"""The small parts of a Word package, read whole once: relationships, styles, numbering, metadata.

They become plain dicts so the body reader looks a paragraph's style up in
constant time. Also what the streamed readers share: ``Piece``, the block each hands
on, and ``drop``, which frees what they have read. Imports core, lxml and the standard
library; never store, session or ui.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from typing import Any, Protocol

from lxml import etree

from briefer.core.model import BlockKind
from briefer.core.record import Record, field

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
DOCUMENT = "word/document.xml"
"""Where Word keeps the main document; the package's own relationships may say otherwise."""
_PACKAGE_RELS = "_rels/.rels"
_CORE = "docProps/core.xml"
_STRICT = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", W.encode()),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/",
        b"http://schemas.openxmlformats.org/officeDocument/2006/",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/",
        b"http://schemas.openxmlformats.org/drawingml/2006/",
    ),
)
"""Strict Open XML (Word's "Strict Open XML Document") names the same elements in other
namespaces; renamed to the Transitional ones, one reader serves both."""
_STRICT_MARK = b"http://purl.oclc.org/ooxml/"
_ROOT_TAG = re.compile(rb"<[A-Za-z_][^>]*>")
_MAX_ROOT_SEARCH = 1024 * 1024
MAX_SMALL_PART = 16 * 1024 * 1024
_MAX_BASED_ON = 20
"""Style inheritance deeper than this is a loop or an attack, not a real template."""


def w(tag: str) -> str:
    """The Clark name lxml gives a WordprocessingML element or attribute."""
    return f"{{{W}}}{tag}"


_VAL = w("val")


SAFE_XML: dict[str, bool] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}
"""lxml options for every part: no entity expanded, no DTD loaded, no connection opened,
libxml2's depth and text-size limits kept. Shared by the whole-part and streaming readers."""


def safe_parser() -> Any:
    """A parser with ``SAFE_XML``; a new one per part, as lxml parsers are not thread-safe."""
    return etree.XMLParser(**SAFE_XML)


class PartTooLarge(ValueError):
    """A part read whole (styles, numbering, ...) is far larger than Word writes."""


def read_part(archive: zipfile.ZipFile, name: str) -> Any | None:
    """The parsed root of a small package part, or ``None`` when the part is absent.

    These parts are parsed whole, so their size is bounded first: real ones are
    kilobytes, and a parsed tree costs several times its XML.
    """
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_SMALL_PART:
        raise PartTooLarge(name, info.file_size)
    return etree.fromstring(transitional(archive.read(info)), safe_parser())


def transitional(data: bytes) -> bytes:
    """A part's XML with Strict namespaces renamed to Transitional ones (else unchanged)."""
    if _STRICT_MARK not in data:
        return data
    for strict, usual in _STRICT:
        data = data.replace(strict, usual)
    return data


class Readable(Protocol):
    """What lxml's iterparse needs of a stream."""

    def read(self, size: int = -1, /) -> bytes: ...


class TransitionalStream:
    """A streamed part whose root element's namespace declarations are made Transitional.

    Word writes every declaration on the root element, so only the bytes up to the end
    of its start tag are rewritten; the rest of a large body passes through untouched.
    """

    def __init__(self, stream: Readable) -> None:
        self._stream = stream
        self._head_done = False

    def read(self, size: int = -1) -> bytes:
        if self._head_done:
            return self._stream.read(size)
        data = b""
        while True:
            chunk = self._stream.read(size)
            data += chunk
            root = _ROOT_TAG.search(data)
            if root is not None or not chunk or len(data) > _MAX_ROOT_SEARCH:
                break
        self._head_done = True
        if root is None:
            return data
        return transitional(data[: root.end()]) + data[root.end() :]


def main_document(archive: zipfile.ZipFile) -> str:
    """The main document part, as the package's relationships name it (pandoc and other
    writers need not call it word/document.xml)."""
    return _package_part(archive, "/officeDocument") or DOCUMENT


def _package_part(archive: zipfile.ZipFile, kind: str) -> str:
    """The member the package's own relationship of type ``…kind`` points to, if present."""
    root = read_part(archive, _PACKAGE_RELS)
    if root is not None:
        for node in root.iter(f"{{{_PKG_REL}}}Relationship"):
            if node.get("Type", "").endswith(kind):
                target = str(node.get("Target", "")).lstrip("/")
                if target in archive.namelist():
                    return target
    return ""


class Relationship(Record, frozen=True):
    kind: str
    """The tail of the relationship type: "image", "footnotes", "styles", ..."""
    target: str
    """The package member it points to, or the URL when ``external``."""
    external: bool


def relationships_part(document: str) -> str:
    """word/document.xml -> word/_rels/document.xml.rels, as OPC names a part's relationships."""
    folder, name = posixpath.split(document)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def read_relationships(archive: zipfile.ZipFile, document: str) -> dict[str, Relationship]:
    """rId -> relationship of the main document part (images, notes, styles, numbering)."""
    folder = posixpath.dirname(document)
    root = read_part(archive, relationships_part(document))
    if root is None:
        return {}
    out: dict[str, Relationship] = {}
    for node in root.iter(f"{{{_PKG_REL}}}Relationship"):
        target = node.get("Target", "")
        external = node.get("TargetMode", "") == "External"
        if not external:
            target = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
        kind = node.get("Type", "").rsplit("/", 1)[-1]
        out[node.get("Id", "")] = Relationship(kind, target, external)
    return out


def part_for(relationships: dict[str, Relationship], kind: str, default: str) -> str:
    """The member a relationship of ``kind`` names, or Word's usual name for it."""
    for rel in relationships.values():
        if rel.kind == kind and not rel.external:
            return rel.target
    return default


class ParagraphStyle(Record, frozen=True):
    name: str
    """The style's name, lower case ("heading 1", "list bullet", "title")."""
    outline: int | None
    """Outline level 0-8 (own or inherited through basedOn): Word's mark of a heading."""
    style_id: str = ""
    num_id: int | None = None
    """The list the style numbers its paragraphs in (own or through basedOn); 0 is none."""
    ilvl: int | None = None
    hidden: bool = False
    """Its run properties hide text (``w:vanish``, own or through basedOn): Word neither
    shows nor prints its runs, nor its paragraph mark, unless they say otherwise."""
    title: bool = False
    """It is Word's Title style, or built on it ("Cover Title" based on Title)."""


class Styles(Record, frozen=True):
    by_id: dict[str, ParagraphStyle]
    default_id: str
    hidden_characters: dict[str, bool] = field(default_factory=dict)
    """Character styles that set ``w:vanish`` on or off (own or through basedOn), by styleId."""

    def get(self, style_id: str | None) -> ParagraphStyle | None:
        return self.by_id.get(style_id or self.default_id)


def read_styles(archive: zipfile.ZipFile, name: str) -> Styles:
    """Paragraph styles by styleId, with outline levels and hiding resolved through basedOn
    once, and which character styles hide text."""
    root = read_part(archive, name)
    if root is None:
        return Styles({}, "")
    raw: dict[str, tuple[str, int | None, str]] = {}
    numbered: dict[str, tuple[int | None, int | None]] = {}
    vanish: dict[str, tuple[bool | None, str]] = {}
    """styleId -> (own w:vanish setting, basedOn), for paragraph and character styles."""
    characters: list[str] = []
    default_id = ""
    for node in root.iter(w("style")):
        kind = node.get(w("type"))
        if kind not in ("paragraph", "character"):
            continue
        style_id = node.get(w("styleId"), "")
        based = node.find(w("basedOn"))
        vanish[style_id] = (
            toggle(node.find(f"{w('rPr')}/{w('vanish')}")),
            based.get(_VAL, "") if based is not None else "",
        )
        if kind == "character":
            characters.append(style_id)
            continue
        if node.get(w("default")) in ("1", "true", "on"):
            default_id = style_id
        name_node = node.find(w("name"))
        level = node.find(f"{w('pPr')}/{w('outlineLvl')}")
        num_pr = node.find(f"{w('pPr')}/{w('numPr')}")
        if num_pr is not None:
            num_id, ilvl = num_pr.find(w("numId")), num_pr.find(w("ilvl"))
            numbered[style_id] = (
                _int(num_id.get(_VAL)) if num_id is not None else None,
                _int(ilvl.get(_VAL)) if ilvl is not None else None,
            )
        raw[style_id] = (
            (name_node.get(_VAL, "") if name_node is not None else style_id).lower(),
            _int(level.get(_VAL)) if level is not None else None,
            based.get(_VAL, "") if based is not None else "",
        )
    by_id: dict[str, ParagraphStyle] = {}
    for style_id, (style_name, own_level, _) in raw.items():
        level, parent, hops = own_level, raw[style_id][2], 0
        while level is None and parent in raw and hops < _MAX_BASED_ON:
            level, parent, hops = raw[parent][1], raw[parent][2], hops + 1
        outline = level if level is not None and 0 <= level <= 8 else None
        num, parent, hops = numbered.get(style_id), style_id, 0
        while num is None and raw[parent][2] in raw and hops < _MAX_BASED_ON:
            parent, hops = raw[parent][2], hops + 1
            num = numbered.get(parent)
        num_id, ilvl = num if num is not None else (None, None)
        hidden = bool(_inherited(vanish, style_id))
        title, parent, hops = style_name == "title", raw[style_id][2], 0
        while not title and parent in raw and hops < _MAX_BASED_ON:
            title, parent, hops = raw[parent][0] == "title", raw[parent][2], hops + 1
        by_id[style_id] = ParagraphStyle(style_name, outline, style_id, num_id, ilvl, hidden, title)
    hidden_characters = {
        style_id: setting
        for style_id in characters
        if (setting := _inherited(vanish, style_id)) is not None
    }
    return Styles(by_id, default_id, hidden_characters)


def toggle(node: Any) -> bool | None:
    """A toggle property's setting (``<w:vanish/>``, ``<w:b w:val="0"/>``); None if absent."""
    if node is None:
        return None
    return node.get(_VAL, "true") not in ("0", "false", "off")


def _inherited(settings: dict[str, tuple[bool | None, str]], style_id: str) -> bool | None:
    """A style's own setting, else the nearest one up its basedOn chain."""
    own, parent = settings.get(style_id, (None, ""))
    hops = 0
    while own is None and parent in settings and hops < _MAX_BASED_ON:
        own, parent = settings[parent]
        hops += 1
    return own


class CoreProperties(Record, frozen=True):
    title: str = ""
    author: str = ""
    created: dt.datetime | None = None


def read_core_properties(archive: zipfile.ZipFile) -> CoreProperties:
    """Title, author and creation date from the core properties (Dublin Core).

    Word writes them to docProps/core.xml; .NET's packaging library, which report
    generators use, to package/services/metadata/core-properties/<id>.psmdcp. The
    package's relationship names the part either way.
    """
    root = read_part(archive, _package_part(archive, "/metadata/core-properties") or _CORE)
    if root is None:
        return CoreProperties()

    def text(namespace: str, tag: str) -> str:
        node = root.find(f"{{{namespace}}}{tag}")
        return " ".join((node.text or "").split()) if node is not None else ""

    created: dt.datetime | None
    try:
        created = dt.datetime.fromisoformat(text(_DCTERMS, "created"))
    except ValueError:
        created = None
    return CoreProperties(text(_DC, "title"), text(_DC, "creator"), created)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class Piece(Record):
    """A block on its way to the article, before offsets are known."""

    kind: BlockKind
    text: str
    level: int = 0
    ordered: bool = False


def drop(node: Any) -> None:
    """Frees a finished element and the finished siblings before it (lxml's iterparse idiom)."""
    node.clear()
    parent = node.getparent()
    if parent is not None:
        while node.getprevious() is not None:
            del parent[0]
