"""The OOXML pieces python-docx has no API for: footnotes part, fields, built-in styles, .dotx.

Used only by the python-docx package (exporters/docx_pydocx.py). Imports
python-docx, lxml (through it) and the standard library; nothing from the rest
of the package but the exporters' errors, markup and style specs.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import element_class_lookup
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from lxml import etree

from briefer.core.logs import get_logger
from briefer.exporters import docx_xml
from briefer.exporters.docx_interface import StyleSpec
from briefer.exporters.errors import ExportError

log = get_logger(__name__)

# python-docx's element classes, but blank text kept: a run of spaces is text.
# huge_tree lifts libxml2's guard against one giant text node; the markup is ours.
_FRAGMENT_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True)
_FRAGMENT_PARSER.set_element_class_lookup(element_class_lookup)
_DOCUMENT_MAIN = CT.WML_DOCUMENT_MAIN
_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO_MAINS = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_EMPTY_FOOTNOTES = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


def parse_fragment(markup: str) -> list[Any]:
    """The elements of WordprocessingML ``markup`` (see docx_xml), as python-docx objects."""
    wrapper = etree.fromstring(f"<w:body {docx_xml.NAMESPACES}>{markup}</w:body>", _FRAGMENT_PARSER)
    return list(wrapper)


def open_base_document(reference_doc: Path | None) -> DocxDocument:
    """python-docx's default document, or ``reference_doc`` (.docx or .dotx) emptied of its body.

    Like pandoc's --reference-doc: styles, page setup, headers and footers
    come from the reference; its text does not. A .dotx differs from a .docx
    only in the main part's content type, so that is rewritten in memory.
    """
    if reference_doc is None:
        return _with_house_style(docx.Document())
    try:
        data = reference_doc.read_bytes()
    except OSError as exc:
        raise ExportError(
            f"Cannot read the reference document {str(reference_doc)!r} "
            f"({exc.strerror or exc}). Choose an existing Word .docx or .dotx file."
        ) from exc
    not_word = ExportError(
        f"The reference document {reference_doc.name!r} is not a Word .docx or .dotx file. "
        "Save it from Word as a Word Document or Word Template and choose it again."
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            types = archive.read("[Content_Types].xml").decode("utf-8")
            if any(macro in types for macro in _MACRO_MAINS):
                raise ExportError(
                    f"The reference document {reference_doc.name!r} is macro-enabled "
                    "(.docm/.dotm). Save a copy as a Word Template (.dotx) and choose that."
                )
            if _TEMPLATE_MAIN in types:
                data = _retyped(archive, types.replace(_TEMPLATE_MAIN, _DOCUMENT_MAIN))
        document = docx.Document(io.BytesIO(data))
    except ExportError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, UnicodeDecodeError) as exc:
        raise not_word from exc
    except Exception as exc:  # lxml syntax errors and other damage inside the package
        log.exception("the reference document could not be read")
        raise not_word from exc
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def _with_house_style(document: DocxDocument) -> DocxDocument:
    """python-docx's own template, with quotations set off from the text as briefings set them.

    Its Quote style is only italic, so a page of quotations reads as one
    block of text. A reference document's styles are never touched.
    """
    quote = document.styles.element.get_by_id("Quote")
    if quote is not None:
        indent = quote.get_or_add_pPr().get_or_add_ind()
        indent.left = indent.right = Cm(1)
    return document


def _retyped(archive: zipfile.ZipFile, content_types: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            payload = archive.read(info.filename)
            if info.filename == "[Content_Types].xml":
                payload = content_types.encode("utf-8")
            copy.writestr(info, payload)
    return out.getvalue()


def ensure_styles(document: DocxDocument, specs: Mapping[str, StyleSpec]) -> dict[str, str]:
    """The style id to use for each spec: the template's own definition when it has one.

    Word only writes a built-in style into styles.xml once it is used or
    changed, so a perfectly good organisation template may lack Quote or
    footnote text; then a plain definition is added that Word and the
    analyst can restyle later. Found by id first, then by name, from one
    index of the template's styles.
    """
    styles = document.styles.element
    by_id: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for style in styles.findall(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        name = style.find(qn("w:name"))
        if style_id:
            by_id.setdefault(style_id, style_id)
            if name is not None and name.get(qn("w:val")):
                by_name.setdefault(name.get(qn("w:val")), style_id)
    chosen: dict[str, str] = {}
    added: list[str] = []
    for key, spec in specs.items():
        found = by_id.get(spec.style_id) or by_name.get(spec.name)
        if found is None:
            based_on = spec.based_on if spec.based_on in by_id else ""
            added.append(_style_markup(spec, based_on))
            found = by_id[spec.style_id] = by_name[spec.name] = spec.style_id
        chosen[key] = found
    if added:
        styles.extend(parse_fragment("".join(added)))
    return chosen


def _style_markup(spec: StyleSpec, based_on: str) -> str:
    """A plain definition of a built-in style, its children in the schema's order."""
    kind = spec.kind
    esc = docx_xml.escaped
    head = f'<w:name w:val="{esc(spec.name)}"/>'
    if kind == "paragraph" and based_on:
        head += f'<w:basedOn w:val="{esc(based_on)}"/>'
    head += "<w:unhideWhenUsed/><w:qFormat/>"
    paragraph = ""
    if kind == "paragraph":
        if spec.space_after_pt is not None:
            after = round(spec.space_after_pt * 20)
            paragraph += f'<w:spacing w:after="{after}" w:line="240" w:lineRule="auto"/>'
        if spec.indent_pt is not None:
            hanging = (
                f' w:hanging="{round(spec.hanging_pt * 20)}"' if spec.hanging_pt is not None else ""
            )
            paragraph += f'<w:ind w:left="{round(spec.indent_pt * 20)}"{hanging}/>'
        if spec.outline_level is not None:
            paragraph += f'<w:outlineLvl w:val="{spec.outline_level}"/>'
    run = ""
    if kind != "table":
        if spec.font:
            run += f'<w:rFonts w:ascii="{esc(spec.font)}" w:hAnsi="{esc(spec.font)}"/>'
        run += ("<w:b/>" if spec.bold else "") + ("<w:i/>" if spec.italic else "")
        if spec.colour:
            run += f'<w:color w:val="{esc(spec.colour)}"/>'
        if spec.size:
            run += f'<w:sz w:val="{round(spec.size * 2)}"/>'
        if spec.underline:
            run += '<w:u w:val="single"/>'
        if spec.superscript:
            run += '<w:vertAlign w:val="superscript"/>'
    return (
        f'<w:style w:type="{kind}" w:styleId="{esc(spec.style_id)}">{head}'
        + (f"<w:pPr>{paragraph}</w:pPr>" if paragraph else "")
        + (f"<w:rPr>{run}</w:rPr>" if run else "")
        + "</w:style>"
    )


def ensure_list_numbering(document: DocxDocument, style_id: str, ordered: bool, level: int) -> None:
    """Give a list style a numbering definition if it has none (a style we just created)."""
    style = document.styles.element.get_by_id(style_id)
    if style is None or style.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
        return
    numbering = document.part.numbering_part.element
    abstract_id = 1 + max(
        (int(a.get(qn("w:abstractNumId"))) for a in _abstracts(numbering)), default=0
    )
    indent = 360 * (level + 1)
    fmt, text = ("decimal", "%1.") if ordered else ("bullet", "\u2022")
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:pStyle w:val="{style_id}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
    )
    nums = numbering.findall(qn("w:num"))
    if nums:
        nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    num_id = _add_num(numbering, abstract_id)
    _set_num(style.get_or_add_pPr(), num_id)


def restart_numbering(document: DocxDocument, style_id: str, start: int) -> int | None:
    """A new numbering instance for ``style_id`` that starts at ``start``; its numId.

    Word's List Number style counts on across the whole document, so each
    numbered list in a note gets its own instance, as Word does when one
    chooses "Restart at 1".
    """
    style = document.styles.element.get_by_id(style_id)
    num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}") if style is not None else None
    num_id_el = num_pr.find(qn("w:numId")) if num_pr is not None else None
    if num_id_el is None:
        return None
    numbering = document.part.numbering_part.element
    style_num = num_id_el.get(qn("w:val"))
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == style_num:
            abstract_id = int(num.find(qn("w:abstractNumId")).get(qn("w:val")))
            return _add_num(numbering, abstract_id, start)
    return None


def _abstracts(numbering: Any) -> list[Any]:
    return list(numbering.findall(qn("w:abstractNum")))


def _add_num(numbering: Any, abstract_id: int, start: int | None = None) -> int:
    num_id = 1 + max((int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))), default=0)
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        if start is not None
        else ""
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
        )
    )
    return num_id


def _set_num(ppr: Any, num_id: int) -> None:
    num_pr = ppr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


class FootnotesPart:
    """word/footnotes.xml: the separators Word expects, then one footnote per citation.

    Built fresh on every export; a reference document's own separators (ids
    -1/0 from Word, 0/1 from LibreOffice) are kept so its layout survives.
    """

    def __init__(self, document: DocxDocument) -> None:
        doc_part = document.part
        root = parse_xml(_EMPTY_FOOTNOTES)
        for rid, rel in list(doc_part.rels.items()):
            if rel.reltype == RT.FOOTNOTES and not rel.is_external:
                kept = _only_separators(rel.target_part.blob)
                if kept is not None and len(kept):  # no separators there: use ours
                    root = kept
                doc_part.drop_rel(rid)
        self._root = root
        ids = [int(f.get(qn("w:id"))) for f in root.findall(qn("w:footnote"))]
        self._next_id = max([0, *ids]) + 1
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, doc_part.package)
        doc_part.relate_to(part, RT.FOOTNOTES)
        self.part = part
        """The footnotes' own part: a hyperlink in a footnote is related from here."""

    @property
    def next_id(self) -> int:
        """The id the next footnote takes."""
        return self._next_id

    def add_markup(self, markup: str) -> None:
        """Append ``w:footnote`` elements (docx_xml.footnotes), numbered from :attr:`next_id`."""
        elements = parse_fragment(markup)
        self._root.extend(elements)
        self._next_id += len(elements)


def _only_separators(blob: bytes) -> Any | None:
    try:
        root = parse_xml(blob)
    except Exception:  # a damaged footnotes part in a template: start afresh
        log.warning("the template's footnotes are unreadable; starting afresh", exc_info=True)
        return None
    for footnote in root.findall(qn("w:footnote")):
        if footnote.get(qn("w:type")) in (None, "normal"):
            root.remove(footnote)
    return root


def add_field(
    paragraph: Paragraph, instruction: str, placeholder: str, *, run_style: str = ""
) -> None:
    """Append a field (see docx_xml.field) to a paragraph python-docx made."""
    paragraph._p.extend(
        parse_fragment(docx_xml.field(instruction, placeholder, run_style=run_style))
    )
