"""SmartArt: a diagram's words, which Word keeps in the diagram's data part, not the body.

The body holds only ``dgm:relIds`` pointing at word/diagrams/dataN.xml; there each
box is a point (``dgm:pt``) with its text, and connections (``dgm:cxn``) say which
box is under which, in what order. The drawing part Word caches beside it repeats
the same words as shapes, so it is not read: the text comes once. Imports core,
docx_parts and lxml; never store, session or ui.
"""

from __future__ import annotations

import zipfile
from typing import Any

from briefer.importers.docx_parts import PartTooLarge, Relationship, read_part

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


def diagram_items(
    archive: zipfile.ZipFile, relationships: dict[str, Relationship], reference: Any
) -> list[tuple[int, str]]:
    """(depth, text) of each box of the diagram ``reference`` (a ``dgm:relIds``) points at,
    in the diagram's own order: top-level boxes at depth 1, each followed by those under it.

    A missing or unreadable data part gives no boxes: the rest of the document still reads.
    """
    rel = relationships.get(reference.get(_DATA_MODEL) or "")
    if rel is None or rel.external:
        return []
    try:
        root = read_part(archive, rel.target)
    except PartTooLarge:
        return []
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
