"""The Word package without python-docx: the prebuilt base, the writer's markup spliced in.

An export without a reference document always starts from the same
package: python-docx's template as Briefer sets it up. That package is
built once by python-docx (docx_base, resources/word/base.docx) and here
only filled as text: the body before its section properties, footnotes,
restarted lists, relationships, header and footer lines, page size,
language, properties. So such an export imports neither python-docx nor
lxml (some 40 ms of a CLI run) and parses no XML, and writes the package
python-docx would have written: a test exports notes both ways and
compares every part. Standard library only, and briefer.resources to find
the base.
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Mapping

from briefer.exporters import docx_xml
from briefer.exporters.docx_interface import (
    EMU_PER_TWIP,
    PAGE_SIZES,
    CoreProperties,
    PageSetup,
    PageSize,
    StyleSpec,
    app_xml,
)
from briefer.exporters.docx_zip import ZipParts
from briefer.exporters.errors import ExportError
from briefer.exporters.export_words import ExportWords
from briefer.resources import resource_path

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import BinaryIO

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HYPERLINK = f"{_REL}/hyperlink"
_HEADER_TYPE = f"{_REL}/header"
_FOOTER_TYPE = f"{_REL}/footer"
_RELATIONSHIP = re.compile(
    r'<Relationship Id="rId(\d+)" Type="([^"]*)" Target="([^"]*)"(?: TargetMode="External")?/>'
)
_DOCUMENT = "word/document.xml"
_DOCUMENT_RELS = "word/_rels/document.xml.rels"
_FOOTNOTES = "word/footnotes.xml"
_FOOTNOTES_RELS = "word/_rels/footnotes.xml.rels"
_DATE = "%Y-%m-%dT%H:%M:%SZ"  # as python-docx writes core.xml's dates
BASE_PARTS = ("word", "base.docx")
"""Where the base package lives under resources/ (built by docx_base)."""
BASE_LANGUAGE = "en-GB"
BASE_PAGE: PageSize = "A4"
BASE_CELL_FONT = ("Cambria", 11.0)
"""The base's cell text: its theme's minor font at its default size, which neither Normal
nor Table Grid changes (a test resolves the base's styles to check it)."""


class PlainPackage:
    """A :class:`~briefer.exporters.docx_interface.WordPackage` spliced from the base's text."""

    def __init__(self, setup: PageSetup) -> None:
        try:
            self._parts = ZipParts(resource_path(*BASE_PARTS).read_bytes())
        except (OSError, zipfile.BadZipFile, struct.error) as exc:
            raise ExportError(
                f"Briefer's Word template is missing or damaged ({exc}); reinstall Briefer."
            ) from None
        self._language = setup.language or BASE_LANGUAGE
        self._page_size = setup.page_size
        self._body = ""
        self._footnotes: list[str] = []
        self._numbering: list[str] = []
        self._links: dict[str, str] = {}  # url -> rId, from the body
        self._footnote_links: dict[str, str] = {}  # url -> rId, from the footnotes
        base_rels = self._relationships()
        # python-docx gives the next id after every relationship the template had while
        # the body was written, the ones dropped at the end (customXml, stylesWithEffects)
        # included: those are below the highest kept one, so the highest + 1 is that id.
        self._next_rid = 1 + max(int(i) for i, kind, _ in base_rels if kind not in _HEADS)
        self._next_num = 1 + max(_ints(r'<w:num\b[^>]*\bw:numId="(\d+)"', self._numbering_xml))
        self._header = ""
        self._footer = ""

    @property
    def _numbering_xml(self) -> str:
        return self._parts["word/numbering.xml"]

    def _relationships(self) -> list[tuple[str, str, str]]:
        return _RELATIONSHIP.findall(self._parts[_DOCUMENT_RELS])

    # -- what the writer asks while writing ------------------------------------------

    def styles(self, specs: Mapping[str, StyleSpec]) -> dict[str, str]:
        """As docx_parts.ensure_styles found them when the base was built: by id, else name."""
        styles = self._parts["word/styles.xml"]
        ids = set(re.findall(r'w:styleId="([^"]*)"', styles))
        chosen: dict[str, str] = {}
        by_name: dict[str, str] | None = None
        for key, spec in specs.items():
            if spec.style_id in ids:
                chosen[key] = spec.style_id
                continue
            if by_name is None:
                by_name = _style_names(styles)
            if spec.name not in by_name:
                raise ExportError(
                    f"Briefer's Word template lacks the {spec.name!r} style; reinstall Briefer."
                )
            chosen[key] = by_name[spec.name]
        return chosen

    def text_width(self) -> int:
        section = self._section()
        width = int(_attribute(section, "w:pgSz", "w:w"))
        if self._page_size:  # the base is portrait
            width = PAGE_SIZES[self._page_size][0]
        left = int(_attribute(section, "w:pgMar", "w:left"))
        right = int(_attribute(section, "w:pgMar", "w:right"))
        return (width - left - right) * EMU_PER_TWIP

    def cell_font(self, table_style: str) -> tuple[str, float]:
        """The base's, known in advance: resolving its styles would parse XML this package
        exists not to parse."""
        return BASE_CELL_FONT

    def first_footnote_id(self) -> int:
        return 1 + max([0, *_ints(r'<w:footnote\b[^>]*\bw:id="(-?\d+)"', self._parts[_FOOTNOTES])])

    def add_footnotes(self, markup: str) -> None:
        self._footnotes.append(markup)

    def hyperlink(self, url: str, *, in_footnotes: bool = False) -> str:
        links = self._footnote_links if in_footnotes else self._links
        if url not in links:
            if in_footnotes:
                links[url] = f"rId{len(links) + 1}"  # a new part: its ids count from 1
            else:
                links[url] = f"rId{self._next_rid}"
                self._next_rid += 1
        return links[url]

    def restart_numbering(self, style_id: str, start: int) -> int | None:
        """As docx_parts.restart_numbering: a new w:num of the style's abstract numbering."""
        style = _style_element(self._parts["word/styles.xml"], style_id)
        num_pr = re.search(r"<w:numPr>.*?</w:numPr>", style, re.S)
        style_num = re.search(r'<w:numId w:val="(\d+)"', num_pr.group(0)) if num_pr else None
        if style_num is None:
            return None
        num = re.search(
            rf'<w:num\b[^>]*\bw:numId="{style_num.group(1)}"[^>]*>\s*'
            r'<w:abstractNumId w:val="(\d+)"',
            self._numbering_xml,
        )
        if num is None:
            return None
        num_id = self._next_num
        self._next_num += 1
        self._numbering.append(
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{num.group(1)}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            "</w:num>"
        )
        return num_id

    def add_body(self, markup: str) -> None:
        self._body += markup

    def headers_and_footers(
        self, marking: str, header_style: str, footer_style: str, words: ExportWords
    ) -> None:
        """What the python-docx package writes into a template with no header or footer."""
        line = docx_xml.paragraph(docx_xml.text_run(marking), style=header_style, align="center")
        self._header = line if marking else ""
        page = "".join(
            (
                docx_xml.text_run(words.page_before) if words.page_before else "",
                docx_xml.field("PAGE", "1"),
                docx_xml.text_run(words.page_between) if words.page_between else "",
                docx_xml.field("NUMPAGES", "1"),
                docx_xml.text_run(words.page_after) if words.page_after else "",
            )
        )
        self._footer = docx_xml.paragraph(page, style=footer_style, align="center")
        if marking:
            self._footer += docx_xml.paragraph(
                docx_xml.text_run(marking), style=footer_style, align="center"
            )

    def core_properties(self, properties: CoreProperties) -> None:
        esc = docx_xml.escaped
        core = self._parts["docProps/core.xml"]
        head = core[: core.index(">", core.index("<cp:coreProperties")) + 1]
        self._parts["docProps/core.xml"] = (
            f"{head}<dc:title>{esc(properties.title)}</dc:title>"
            f"<dc:subject>{esc(properties.subject)}</dc:subject>"
            f"<dc:creator>{esc(properties.author)}</dc:creator>"
            "<cp:keywords></cp:keywords><dc:description></dc:description>"
            f"<cp:lastModifiedBy>{esc(properties.author)}</cp:lastModifiedBy>"
            "<cp:revision>1</cp:revision>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">'
            f"{properties.created.strftime(_DATE)}</dcterms:created>"
            '<dcterms:modified xsi:type="dcterms:W3CDTF">'
            f"{properties.modified.strftime(_DATE)}</dcterms:modified>"
            "<cp:category></cp:category>"
            f"<cp:contentStatus>{esc(properties.content_status)}</cp:contentStatus>"
            "</cp:coreProperties>"
        )

    # -- the package around the body -----------------------------------------------

    def finish(self, *, update_fields: bool) -> None:
        parts = self._parts
        header_rid = footer_rid = ""
        if self._header:
            header_rid = f"rId{self._next_rid}"
            self._next_rid += 1
        footer_rid = f"rId{self._next_rid}"
        header_name, footer_name = (_part_name(parts[_DOCUMENT_RELS], t) for t in _HEADS)
        parts[_DOCUMENT] = self._document(header_rid, footer_rid)
        parts[_DOCUMENT_RELS] = self._document_rels(header_rid, footer_rid)
        if self._footnote_links:
            rels = _rels_xml(
                parts[_DOCUMENT_RELS],
                [(rid, _HYPERLINK, url, True) for url, rid in self._footnote_links.items()],
            )
            parts.insert_after(_FOOTNOTES, _FOOTNOTES_RELS, rels)
        if self._footnotes:
            footnotes = "".join(self._footnotes)
            parts[_FOOTNOTES] = _before_end(parts[_FOOTNOTES], "w:footnotes", footnotes)
        if self._numbering:
            numbering = "".join(self._numbering)
            parts["word/numbering.xml"] = _before_end(self._numbering_xml, "w:numbering", numbering)
        parts[footer_name] = _head_of(parts[footer_name]) + self._footer + "</w:ftr>"
        if self._header:
            parts[header_name] = _head_of(parts[header_name]) + self._header + "</w:hdr>"
        else:  # no marking: no header part, as python-docx leaves it uncreated
            del parts[header_name]
            parts["[Content_Types].xml"] = re.sub(
                rf'<Override PartName="/{re.escape(header_name)}"[^>]*/>',
                "",
                parts["[Content_Types].xml"],
            )
        settings = parts["word/settings.xml"]
        if update_fields:  # where CT_Settings orders it: before w:compat
            settings = settings.replace("<w:compat>", '<w:updateFields w:val="true"/><w:compat>', 1)
        if self._language != BASE_LANGUAGE:
            settings = _set_value(settings, "w:themeFontLang", self._language)
            parts["word/styles.xml"] = _set_default_language(
                parts["word/styles.xml"], self._language
            )
        if settings != parts["word/settings.xml"]:
            parts["word/settings.xml"] = settings
        parts["docProps/app.xml"] = app_xml().decode("utf-8")

    def save(self, stream: BinaryIO) -> None:
        """The zip in python-docx's part order; parts the export left alone are copied."""
        self._parts.write(stream)

    # -- splicing ---------------------------------------------------------------------

    def _section(self) -> str:
        document = self._parts[_DOCUMENT]
        start = document.index("<w:sectPr")
        return document[start : document.index("</w:sectPr>", start) + len("</w:sectPr>")]

    def _document(self, header_rid: str, footer_rid: str) -> str:
        document = self._parts[_DOCUMENT]
        head = document[: document.index("<w:body>") + len("<w:body>")]
        section = self._section()
        references = ""
        for tag, rid in (("w:headerReference", header_rid), ("w:footerReference", footer_rid)):
            found = re.search(rf"<{tag} [^>]*/>", section)
            if found is None:
                raise ExportError("Briefer's Word template is damaged; reinstall Briefer.")
            section = section.replace(found.group(0), "")
            if rid:
                references += re.sub(r'r:id="[^"]*"', f'r:id="{rid}"', found.group(0))
        start_tag = section[: section.index(">") + 1]
        section = start_tag + references + section[len(start_tag) :]
        if self._page_size:
            width, height = PAGE_SIZES[self._page_size]
            section = re.sub(
                r'<w:pgSz w:w="\d+" w:h="\d+"', f'<w:pgSz w:w="{width}" w:h="{height}"', section
            )
        return f"{head}{self._body}{section}</w:body></w:document>"

    def _document_rels(self, header_rid: str, footer_rid: str) -> str:
        rels: list[tuple[str, str, str, bool]] = []
        heads: dict[str, str] = {}
        for number, kind, target in self._relationships():
            if kind in _HEADS:
                heads[kind] = target
            else:
                rels.append((f"rId{number}", kind, target, False))
        rels += [(rid, _HYPERLINK, url, True) for url, rid in self._links.items()]
        if header_rid:
            rels.append((header_rid, _HEADER_TYPE, heads[_HEADER_TYPE], False))
        rels.append((footer_rid, _FOOTER_TYPE, heads[_FOOTER_TYPE], False))
        return _rels_xml(self._parts[_DOCUMENT_RELS], rels)


_HEADS = (_HEADER_TYPE, _FOOTER_TYPE)


def _ints(pattern: str, text: str) -> list[int]:
    return [int(found) for found in re.findall(pattern, text)]


def _attribute(markup: str, tag: str, name: str) -> str:
    found = re.search(rf'<{tag}\b[^>]*\b{name}="([^"]*)"', markup)
    if found is None:
        raise ExportError("Briefer's Word template is damaged; reinstall Briefer.")
    return found.group(1)


def _style_names(styles: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for found in re.finditer(
        r'<w:style\b[^>]*\bw:styleId="([^"]*)"[^>]*>\s*<w:name w:val="([^"]*)"', styles
    ):
        names.setdefault(found.group(2), found.group(1))
    return names


def _style_element(styles: str, style_id: str) -> str:
    found = re.search(rf'<w:style\b[^>]*\bw:styleId="{re.escape(style_id)}".*?</w:style>', styles)
    return found.group(0) if found else ""


def _before_end(xml: str, root: str, markup: str) -> str:
    end = xml.rindex(f"</{root}>")
    return xml[:end] + markup + xml[end:]


def _head_of(xml: str) -> str:
    """The XML declaration and the root's start tag (with its namespaces) of a part."""
    root = xml.index("<", xml.index("?>") + 2)
    return xml[: xml.index(">", root) + 1]


def _part_name(rels: str, kind: str) -> str:
    for _number, found, target in _RELATIONSHIP.findall(rels):
        if found == kind:
            return f"word/{target}"
    raise ExportError("Briefer's Word template is damaged; reinstall Briefer.")


def _rels_xml(model: str, rels: list[tuple[str, str, str, bool]]) -> str:
    head = model[: model.index(">", model.index("<Relationships")) + 1]
    body = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target="{docx_xml.escaped(target)}"'
        + (' TargetMode="External"' if external else "")
        + "/>"
        for rid, kind, target, external in rels
    )
    return f"{head}{body}</Relationships>"


def _set_value(xml: str, tag: str, value: str) -> str:
    """The first ``tag``'s ``w:val``, set to ``value``."""
    return re.sub(
        rf'(<{tag}\b[^>]*?\bw:val=")[^"]*(")',
        lambda m: m.group(1) + docx_xml.escaped(value) + m.group(2),
        xml,
        count=1,
    )


def _set_default_language(styles: str, language: str) -> str:
    """The proofing language of the style defaults (docx_package._set_language)."""
    start = styles.index("<w:docDefaults>")
    end = styles.index("</w:docDefaults>", start)
    defaults = _set_value(styles[start:end], "w:lang", language)
    return styles[:start] + defaults + styles[end:]
