"""The page geometry and paragraph formats a Word export really has, read from a probe DOCX.

The DOCX writer owns page size, margins and styles (the template's, a reference
document's, the analyst's page-size setting). Rather than restate them, the page
estimate exports a small probe note that holds one block of every kind, each
tagged with a marker word, and reads back where each marker landed: its style
resolved through basedOn, the document defaults, the theme fonts, the numbering
and the table style. Pure: bytes in, a PageProfile out; standard library only.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from briefer.core.record import Record, field
from briefer.exporters.document import (
    Block,
    BlockKind,
    ExportDocument,
    Footnote,
    Metadata,
    Run,
    RunKind,
    Source,
    Table,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_MAX_PART = 20_000_000
"""A probe's parts are small; a template with giant parts is read no further than this."""

ROLES = (
    "title", "heading1", "heading2", "heading3", "paragraph", "quote",
    "bullet1", "bullet2", "bullet3", "number1", "number2", "number3",
    "continue1", "continue2", "continue3", "code", "source", "cell", "label",
)  # fmt: skip
"""The kinds of paragraph the writer makes, each found in the probe by its marker."""
_MARKER = {role: f"Probe{role.capitalize()}Marker" for role in ROLES}
_FOOTNOTE_MARKER = "ProbeFootnoteMarker"
PROBE_MARKING = "ProbeMarkingMarker"


class ParaFormat(Record, frozen=True):
    """One paragraph style, resolved: lengths in points, ``line`` a multiple or points.

    ``line_rule`` is Word's: "auto" (``line`` is a multiple of single spacing),
    "exact" or "atLeast" (``line`` in points). ``first`` is the first line's
    offset from ``left`` (negative for a hanging indent). ``border`` is the
    height borders and their spacing add.
    """

    font: str = "Calibri"
    size: float = 11.0
    bold: bool = False
    italic: bool = False
    before: float = 0.0
    after: float = 0.0
    line: float = 1.0
    line_rule: str = "auto"
    left: float = 0.0
    right: float = 0.0
    first: float = 0.0
    keep_next: bool = False
    contextual: bool = False
    border: float = 0.0
    style_id: str = ""


class PageProfile(Record, frozen=True):
    """Everything the estimate needs about the page, in points."""

    page_width: float = 612.0
    page_height: float = 792.0
    top: float = 72.0
    bottom: float = 72.0
    left: float = 90.0
    right: float = 90.0
    header_distance: float = 36.0
    footer_distance: float = 36.0
    header: tuple[ParaFormat, ...] = ()
    footer: tuple[ParaFormat, ...] = ()
    header_marking: bool = False
    footer_marking: bool = False
    formats: dict[str, ParaFormat] = field(default_factory=dict)
    footnote: ParaFormat = ParaFormat(size=10.0)
    separator: ParaFormat = ParaFormat()
    cell_margin: float = 5.4
    label_width: float = 99.2
    blank_after_table: bool = True

    @property
    def text_width(self) -> float:
        return self.page_width - self.left - self.right

    def format(self, role: str) -> ParaFormat:
        return self.formats.get(role) or self.formats.get("paragraph") or ParaFormat()


def probe_document() -> ExportDocument:
    """A note with one of everything, each paragraph tagged with its role's marker."""

    def text(role: str) -> tuple[Run, ...]:
        return (Run(RunKind.TEXT, _MARKER[role]),)

    blocks = [
        Block(BlockKind.HEADING, text("heading1"), 1),
        Block(BlockKind.HEADING, text("heading2"), 2),
        Block(BlockKind.HEADING, text("heading3"), 3),
        Block(BlockKind.PARAGRAPH, (*text("paragraph"), Run(RunKind.FOOTNOTE, footnote=1))),
        Block(BlockKind.QUOTE, text("quote"), 1),
    ]
    for level in (1, 2, 3):
        blocks.append(Block(BlockKind.LIST_ITEM, text(f"bullet{level}"), level, list_id=level))
    for level in (1, 2, 3):
        blocks.append(
            Block(BlockKind.LIST_ITEM, text(f"number{level}"), level, True, list_id=3 + level)
        )
        blocks.append(
            Block(BlockKind.LIST_ITEM, text(f"continue{level}"), level, True, 3 + level, 1, True)
        )
    cell = text("cell")
    blocks.append(Block(BlockKind.TABLE, table=Table((cell, cell), ((cell, cell),), ("", ""))))
    blocks.append(Block(BlockKind.CODE, text=_MARKER["code"]))
    return ExportDocument(
        metadata=Metadata(title=_MARKER["title"], author=_MARKER["label"], marking=PROBE_MARKING),
        blocks=tuple(blocks),
        footnotes=(Footnote(1, 1, 1, _FOOTNOTE_MARKER),),
        sources=(Source(1, "Probe", _MARKER["source"]),),
    )


class _Package:
    """The probe's XML parts and its style sheet, with Word's rules of inheritance."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.document = self.part("word/document.xml")
        styles = self.part("word/styles.xml")
        self.styles = {
            s.get(f"{_W}styleId", ""): s for s in (styles.iter(f"{_W}style") if styles else ())
        }
        self.defaults = styles.find(f"{_W}docDefaults") if styles is not None else None
        self.theme = self._theme_fonts()
        self.numbering = self.part("word/numbering.xml")

    def part(self, name: str) -> ET.Element | None:
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            return None
        if info.file_size > _MAX_PART:
            return None
        return ET.fromstring(self.zip.read(info))

    def _theme_fonts(self) -> dict[str, str]:
        fonts = {"major": "Calibri", "minor": "Calibri"}
        theme = self.part("word/theme/theme1.xml")
        if theme is None:
            return fonts
        for kind in ("major", "minor"):
            latin = theme.find(f".//{_A}{kind}Font/{_A}latin")
            if latin is not None and latin.get("typeface"):
                fonts[kind] = latin.get("typeface", "")
        return fonts

    def chain(self, style_id: str) -> list[ET.Element]:
        """The style and those it is based on, the root first."""
        found: list[ET.Element] = []
        while style_id and style_id in self.styles and len(found) < 20:
            style = self.styles[style_id]
            if style in found:
                break
            found.append(style)
            based = style.find(f"{_W}basedOn")
            style_id = based.get(f"{_W}val", "") if based is not None else ""
        return found[::-1]

    def default_style(self, kind: str) -> str:
        for style_id, style in self.styles.items():
            if style.get(f"{_W}type") == kind and style.get(f"{_W}default") in ("1", "true"):
                return style_id
        return ""

    def resolve(
        self, paragraph: ET.Element, *, table_style: str = "", in_table: bool = False
    ) -> ParaFormat:
        """The formats that apply to ``paragraph``: defaults, table style, style, its own."""
        ppr_layers: list[ET.Element] = []
        rpr_layers: list[ET.Element] = []
        if self.defaults is not None:
            ppr_layers += self.defaults.findall(f"{_W}pPrDefault/{_W}pPr")
            rpr_layers += self.defaults.findall(f"{_W}rPrDefault/{_W}rPr")
        if in_table:
            for style in self.chain(table_style or self.default_style("table")):
                ppr_layers += style.findall(f"{_W}pPr")
                rpr_layers += style.findall(f"{_W}rPr")
        ppr = paragraph.find(f"{_W}pPr")
        style_el = ppr.find(f"{_W}pStyle") if ppr is not None else None
        style_id = style_el.get(f"{_W}val", "") if style_el is not None else ""
        style_id = style_id or self.default_style("paragraph")
        for style in self.chain(style_id):
            ppr_layers += style.findall(f"{_W}pPr")
            rpr_layers += style.findall(f"{_W}rPr")
        numbering = [layer.find(f"{_W}numPr") for layer in ppr_layers]
        if ppr is not None:
            numbering.append(ppr.find(f"{_W}numPr"))
            ppr_layers.append(ppr)
        values: dict[str, object] = {"style_id": style_id}
        indent = self._numbering_indent([n for n in numbering if n is not None])
        for layer in [*indent, *ppr_layers]:
            _paragraph_props(layer, values)
        for layer in rpr_layers:
            _run_props(layer, values, self.theme)
        return ParaFormat(**values)  # type: ignore[arg-type]

    def _numbering_indent(self, num_prs: list[ET.Element]) -> list[ET.Element]:
        """The list level's own paragraph properties (its indent), from numbering.xml."""
        if not num_prs or self.numbering is None:
            return []
        num_id = level = ""
        for num_pr in num_prs:
            node = num_pr.find(f"{_W}numId")
            if node is not None:
                num_id = node.get(f"{_W}val", "")
            node = num_pr.find(f"{_W}ilvl")
            if node is not None:
                level = node.get(f"{_W}val", "")
        abstract = ""
        for num in self.numbering.findall(f"{_W}num"):
            if num.get(f"{_W}numId") == num_id:
                node = num.find(f"{_W}abstractNumId")
                abstract = node.get(f"{_W}val", "") if node is not None else ""
        for definition in self.numbering.findall(f"{_W}abstractNum"):
            if definition.get(f"{_W}abstractNumId") == abstract:
                for lvl in definition.findall(f"{_W}lvl"):
                    if lvl.get(f"{_W}ilvl") == (level or "0"):
                        return lvl.findall(f"{_W}pPr")
        return []


def _twips(element: ET.Element, name: str) -> float | None:
    value = element.get(f"{_W}{name}")
    try:
        return int(value) / 20 if value is not None else None
    except ValueError:
        return None


def _on(element: ET.Element | None) -> bool | None:
    if element is None:
        return None
    return element.get(f"{_W}val", "true") not in ("0", "false", "off")


def _paragraph_props(ppr: ET.Element, values: dict[str, object]) -> None:
    spacing = ppr.find(f"{_W}spacing")
    if spacing is not None:
        for name in ("before", "after"):
            value = _twips(spacing, name)
            if value is not None:
                values[name] = value
        line = spacing.get(f"{_W}line")
        if line is not None and line.lstrip("-").isdigit():
            rule = spacing.get(f"{_W}lineRule", "auto")
            values["line_rule"] = rule
            values["line"] = int(line) / 240 if rule == "auto" else int(line) / 20
    ind = ppr.find(f"{_W}ind")
    if ind is not None:
        for name, key in (
            ("left", "left"),
            ("start", "left"),
            ("right", "right"),
            ("end", "right"),
        ):
            value = _twips(ind, name)
            if value is not None:
                values[key] = value
        first, hanging = _twips(ind, "firstLine"), _twips(ind, "hanging")
        if hanging is not None:
            values["first"] = -hanging
        elif first is not None:
            values["first"] = first
    for name, key in (("keepNext", "keep_next"), ("contextualSpacing", "contextual")):
        flag = _on(ppr.find(f"{_W}{name}"))
        if flag is not None:
            values[key] = flag
    borders = ppr.find(f"{_W}pBdr")
    if borders is not None:
        extra = 0.0
        for side in ("top", "bottom"):
            edge = borders.find(f"{_W}{side}")
            if edge is not None and edge.get(f"{_W}val", "none") not in ("none", "nil"):
                extra += int(edge.get(f"{_W}space", "0") or 0) + int(edge.get(f"{_W}sz", "0")) / 8
        values["border"] = extra


def _run_props(rpr: ET.Element, values: dict[str, object], theme: dict[str, str]) -> None:
    fonts = rpr.find(f"{_W}rFonts")
    if fonts is not None:
        if fonts.get(f"{_W}ascii"):
            values["font"] = fonts.get(f"{_W}ascii", "")
        elif fonts.get(f"{_W}asciiTheme"):
            kind = "major" if fonts.get(f"{_W}asciiTheme", "").startswith("major") else "minor"
            values["font"] = theme[kind]
    size = rpr.find(f"{_W}sz")
    if size is not None and (size.get(f"{_W}val") or "").isdigit():
        values["size"] = int(size.get(f"{_W}val", "22")) / 2
    for name, key in (("b", "bold"), ("i", "italic")):
        flag = _on(rpr.find(f"{_W}{name}"))
        if flag is not None:
            values[key] = flag


def _text(element: ET.Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{_W}t"))


def _paragraphs(element: ET.Element) -> Iterator[ET.Element]:
    yield from element.iter(f"{_W}p")


def read_profile(data: bytes) -> PageProfile:
    """The profile of the probe note exported as ``data`` (see :func:`probe_document`)."""
    package = _Package(data)
    body = package.document.find(f"{_W}body") if package.document is not None else None
    if body is None:
        return PageProfile()
    formats: dict[str, ParaFormat] = {}
    by_marker = {marker: role for role, marker in _MARKER.items()}
    children = list(body)
    label_width, cell_margin, blank_after_table = 99.2, 5.4, False
    for index, child in enumerate(children):
        if child.tag == f"{_W}p":
            role = by_marker.get(_text(child).strip())
            if role:
                formats.setdefault(role, package.resolve(child))
        elif child.tag == f"{_W}tbl":
            style_el = child.find(f"{_W}tblPr/{_W}tblStyle")
            table_style = style_el.get(f"{_W}val", "") if style_el is not None else ""
            for paragraph in _paragraphs(child):
                role = by_marker.get(_text(paragraph).strip())
                if role in ("cell", "label"):
                    fmt = package.resolve(paragraph, table_style=table_style, in_table=True)
                    formats.setdefault(role, fmt)
            if _MARKER["label"] in _text(child):
                grid = [_twips(g, "w") for g in child.iter(f"{_W}gridCol")]
                if grid and grid[0]:
                    label_width = grid[0]
            margin = _cell_margin(package, child, table_style)
            cell_margin = margin if margin is not None else cell_margin
            following = children[index + 1] if index + 1 < len(children) else None
            blank_after_table = following is not None and (
                following.tag == f"{_W}p" and not _text(following).strip()
            )
    header, header_marking = _band(package, body, "header")
    footer, footer_marking = _band(package, body, "footer")
    geometry = _geometry(body)
    return PageProfile(
        page_width=geometry.get("page_width", 612.0),
        page_height=geometry.get("page_height", 792.0),
        top=geometry.get("top", 72.0),
        bottom=geometry.get("bottom", 72.0),
        left=geometry.get("left", 90.0),
        right=geometry.get("right", 90.0),
        header_distance=geometry.get("header_distance", 36.0),
        footer_distance=geometry.get("footer_distance", 36.0),
        header=header,
        footer=footer,
        header_marking=header_marking,
        footer_marking=footer_marking,
        formats=formats,
        footnote=_footnote_format(package),
        separator=_separator_format(package),
        cell_margin=cell_margin,
        label_width=label_width,
        blank_after_table=blank_after_table,
    )


def _geometry(body: ET.Element) -> dict[str, float]:
    sect = body.find(f"{_W}sectPr")
    found: dict[str, float] = {}
    if sect is None:
        return found
    size = sect.find(f"{_W}pgSz")
    if size is not None:
        for name, key in (("w", "page_width"), ("h", "page_height")):
            value = _twips(size, name)
            if value:
                found[key] = value
    margins = sect.find(f"{_W}pgMar")
    if margins is not None:
        for name in ("top", "bottom", "left", "right", "header", "footer"):
            value = _twips(margins, name)
            if value is not None:
                key = f"{name}_distance" if name in ("header", "footer") else name
                found[key] = abs(value)
    return found


def _band(package: _Package, body: ET.Element, kind: str) -> tuple[tuple[ParaFormat, ...], bool]:
    """The default header's (or footer's) paragraphs, and whether the marking is among them."""
    sect = body.find(f"{_W}sectPr")
    reference = None
    for ref in sect.findall(f"{_W}{kind}Reference") if sect is not None else ():
        if ref.get(f"{_W}type", "default") == "default":
            reference = ref
    if reference is None:
        return (), False
    rels = package.part("word/_rels/document.xml.rels")
    targets = {r.get("Id", ""): r.get("Target", "") for r in (rels if rels is not None else ())}
    target = targets.get(reference.get(f"{_R}id", ""), "")
    part = package.part("word/" + target.lstrip("/").removeprefix("word/")) if target else None
    if part is None:
        return (), False
    paragraphs = [p for p in part.iter(f"{_W}p") if _text(p).strip() or _has_field(p)]
    marked = any(_text(p).strip() == PROBE_MARKING for p in paragraphs)
    return tuple(package.resolve(p) for p in paragraphs), marked


def _has_field(paragraph: ET.Element) -> bool:
    return (
        paragraph.find(f".//{_W}fldChar") is not None
        or paragraph.find(f".//{_W}fldSimple") is not None
    )


def _cell_margin(package: _Package, table: ET.Element, table_style: str) -> float | None:
    """Left plus right cell margin, from the table or its style (Word's default 5.4 pt each)."""
    layers = [
        s.find(f"{_W}tblPr") for s in package.chain(table_style or package.default_style("table"))
    ]
    layers.append(table.find(f"{_W}tblPr"))
    margin: float | None = None
    for layer in layers:
        mar = layer.find(f"{_W}tblCellMar") if layer is not None else None
        if mar is None:
            continue
        sides = [mar.find(f"{_W}{s}") for s in ("left", "right")]
        widths = [_twips(s, "w") for s in sides if s is not None]
        if widths:
            margin = sum(w or 0.0 for w in widths) / len(widths)
    return margin


def _footnote_format(package: _Package) -> ParaFormat:
    notes = package.part("word/footnotes.xml")
    for paragraph in _paragraphs(notes) if notes is not None else ():
        if _FOOTNOTE_MARKER in _text(paragraph):
            return package.resolve(paragraph)
    return ParaFormat(size=10.0)


def _separator_format(package: _Package) -> ParaFormat:
    notes = package.part("word/footnotes.xml")
    for note in notes.findall(f"{_W}footnote") if notes is not None else ():
        if note.get(f"{_W}type") == "separator":
            paragraph = note.find(f"{_W}p")
            if paragraph is not None:
                return package.resolve(paragraph)
    return ParaFormat()


def cell_format(styles: bytes, theme: bytes | None, table_style: str) -> ParaFormat:
    """How a cell's unstyled paragraph in a ``table_style`` table is set by these style
    and theme parts (a reference document's), with the same inheritance as the probe."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/styles.xml", styles)
        if theme is not None:
            archive.writestr("word/theme/theme1.xml", theme)
    package = _Package(buffer.getvalue())
    return package.resolve(ET.Element(f"{_W}p"), table_style=table_style, in_table=True)
