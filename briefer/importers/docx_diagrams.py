"""SmartArt and charts: words Word keeps in a drawing's own part, not the body.

A chart's title is in its chart part (word/charts/chartN.xml); its data is not text a
reader reads, so only the title is taken.

The body holds only ``dgm:relIds`` pointing at word/diagrams/dataN.xml; there each
box is a point (``dgm:pt``) with its text, and connections (``dgm:cxn``) say which
box is under which, in what order. The drawing part Word caches beside it repeats
the same words as shapes, so it is not read: the text comes once. Imports core,
docx_parts and lxml; never store, session or ui.
"""

from __future__ import annotations

import zipfile
import zlib
from typing import Any

from lxml import etree

from briefer.core.logs import get_logger
from briefer.importers.docx_parts import PartTooLarge, Relationship, read_part

log = get_logger(__name__)

_DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DATA_MODEL = f"{{{_R}}}dm"
_POINT, _CONNECTION = f"{{{_DGM}}}pt", f"{{{_DGM}}}cxn"
_POINT_TEXT, _PARAGRAPH, _TEXT = f"{{{_DGM}}}t", f"{{{_A}}}p", f"{{{_A}}}t"
_BOXES = frozenset({"node", "asst"})
"""Point types that are boxes a person typed into; the others (the document, the
transitions between boxes, the presentation's own points) hold no text of theirs."""
_MAX_DEPTH = 9
_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_RELATIONSHIP_ID = f"{{{_R}}}id"
_TITLE, _SERIES, _VALUE = f"{_C}chart/{_C}title", f"{_C}ser", f"{_C}v"
_PLOT_AREA = f"{_C}chart/{_C}plotArea"


def chart_title(
    archive: zipfile.ZipFile, relationships: dict[str, Relationship], reference: Any
) -> str:
    """The title a chart (``c:chart``) shows: its own text, or with none the name of its
    only series, as Word titles a chart of one series; "" for a chart with no title."""
    root = _part(archive, relationships, reference.get(_RELATIONSHIP_ID))
    title = root.find(_TITLE) if root is not None else None
    if root is None or title is None:
        return ""
    lines = ["".join(t.text or "" for t in p.iter(_TEXT)) for p in title.iter(_PARAGRAPH)]
    text = " ".join(" ".join(lines).split())
    if not text:
        cached = title.find(f"{_C}tx")
        text = " ".join(v.text or "" for v in cached.iter(_VALUE)) if cached is not None else ""
    if not text.strip():
        plot = root.find(_PLOT_AREA)
        series = list(plot.iter(_SERIES)) if plot is not None else []
        name = series[0].find(f"{_C}tx") if len(series) == 1 else None
        text = " ".join(v.text or "" for v in name.iter(_VALUE)) if name is not None else ""
    return " ".join(text.split())


def _part(
    archive: zipfile.ZipFile, relationships: dict[str, Relationship], rel_id: str | None
) -> Any | None:
    """The parsed part a body relationship names; None when missing, external, too large or
    damaged (truncated, an undefined prefix, bad bytes): a drawing's words are worth less
    than the rest of the document, which still reads."""
    rel = relationships.get(rel_id or "")
    if rel is None or rel.external:
        return None
    try:
        return read_part(archive, rel.target)
    except PartTooLarge:
        return None
    except (etree.XMLSyntaxError, ValueError, zipfile.BadZipFile, zlib.error, EOFError) as error:
        log.warning("a drawing's part %s could not be read; left out: %s", rel.target, error)
        return None


def diagram_items(
    archive: zipfile.ZipFile, relationships: dict[str, Relationship], reference: Any
) -> list[tuple[int, str]]:
    """(depth, text) of each box of the diagram ``reference`` (a ``dgm:relIds``) points at,
    in the diagram's own order: top-level boxes at depth 1, each followed by those under it.

    A missing or unreadable data part gives no boxes: the rest of the document still reads.
    """
    root = _part(archive, relationships, reference.get(_DATA_MODEL))
    if root is None:
        return []
    kinds: dict[str, str] = {}
    texts: dict[str, str] = {}
    for point in root.iter(_POINT):
        key = point.get("modelId", "")
        kinds[key] = point.get("type", "node")
        body = point.find(_POINT_TEXT)
        if body is not None:
            lines = ("".join(t.text or "" for t in p.iter(_TEXT)) for p in body.iter(_PARAGRAPH))
            texts[key] = " ".join(" ".join(line.split()) for line in lines if line.strip())
    children: dict[str, list[tuple[int, str]]] = {}
    for link in root.iter(_CONNECTION):
        if link.get("type", "parOf") != "parOf":
            continue
        try:
            order = int(link.get("srcOrd", "0"))
        except ValueError:
            order = 0
        children.setdefault(link.get("srcId", ""), []).append((order, link.get("destId", "")))
    out: list[tuple[int, str]] = []
    seen: set[str] = set()
    below = {child for links in children.values() for _, child in links}
    for root in (key for key in kinds if key not in below):  # Word's "doc" point, or a
        # generator's top box: depth first from each, without recursion, as a hostile
        # file may nest boxes thousands deep
        stack = [(root, 0 if kinds[root] == "doc" else 1)]
        while stack:
            key, depth = stack.pop()
            if key in seen:
                continue  # a loop in a damaged file: each box once
            seen.add(key)
            boxed = kinds.get(key) in _BOXES
            if boxed and texts.get(key):
                out.append((min(max(depth, 1), _MAX_DEPTH), texts[key]))
            under = depth + 1 if boxed or kinds.get(key) == "doc" else depth
            stack.extend((child, under) for child in _ordered(children, key))
    # Boxes only a loop reaches still show their words.
    out.extend((1, texts[key]) for key in texts if key not in seen and kinds[key] in _BOXES)
    return out


def _ordered(children: dict[str, list[tuple[int, str]]], key: str) -> list[str]:
    """The boxes under ``key``, last first, for a stack to give them in their order."""
    return [child for _, child in sorted(children.get(key, ()), reverse=True)]
