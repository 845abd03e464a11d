"""The Word package through python-docx: for an export on a reference document.

A reference brings its own styles, numbering, headers and footers, which
python-docx reads and our markup joins. Without a reference the writer uses
docx_plain instead, which writes the same package without importing
python-docx; ``make word-base`` builds that one's base from this one.
Imports python-docx (and lxml through it), the exporters' own modules and
the standard library.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from briefer.exporters.docx_interface import CoreProperties, PageSetup, StyleSpec
from briefer.exporters.docx_package import apply_page_setup, finish_package
from briefer.exporters.docx_parts import (
    FootnotesPart,
    add_field,
    ensure_list_numbering,
    ensure_styles,
    open_base_document,
    parse_fragment,
    restart_numbering,
)
from briefer.exporters.docx_xml import xml_text
from briefer.exporters.export_words import ExportWords
from briefer.exporters.page_profile import cell_format

_SECT_PR = qn("w:sectPr")


class PythonDocxPackage:
    """python-docx's default document, or ``reference_doc`` emptied of its body (see
    docx_parts.open_base_document), with the page set up; a :class:`WordPackage`."""

    def __init__(self, reference_doc: Path | None, setup: PageSetup) -> None:
        self.word = open_base_document(reference_doc)
        apply_page_setup(self.word, setup)
        self._footnotes: FootnotesPart | None = None

    def styles(self, specs: Mapping[str, StyleSpec]) -> dict[str, str]:
        style = ensure_styles(self.word, specs)
        for level in (1, 2, 3):
            ensure_list_numbering(self.word, style[f"bullet{level}"], False, level)
            ensure_list_numbering(self.word, style[f"number{level}"], True, level)
        self._footnotes = FootnotesPart(self.word)
        return style

    def text_width(self) -> int:
        """The width between the margins, in EMU (16 cm if the template does not say)."""
        section = self.word.sections[-1]
        if (
            section.page_width
            and section.left_margin is not None
            and section.right_margin is not None
        ):
            return int(section.page_width - section.left_margin - section.right_margin)
        return int(Cm(16))

    def cell_font(self, table_style: str) -> tuple[str, float]:
        theme = next(
            (r.target_part.blob for r in self.word.part.rels.values() if r.reltype == RT.THEME),
            None,
        )
        fmt = cell_format(serialize_part_xml(self.word.styles.element), theme, table_style)
        return fmt.font, fmt.size

    def _footnotes_part(self) -> FootnotesPart:
        if self._footnotes is None:
            self._footnotes = FootnotesPart(self.word)
        return self._footnotes

    def first_footnote_id(self) -> int:
        return self._footnotes_part().next_id

    def add_footnotes(self, markup: str) -> None:
        self._footnotes_part().add_markup(markup)

    def hyperlink(self, url: str, *, in_footnotes: bool = False) -> str:
        owner = self._footnotes_part().part if in_footnotes else self.word.part
        return str(owner.relate_to(url, RT.HYPERLINK, is_external=True))

    def restart_numbering(self, style_id: str, start: int) -> int | None:
        return restart_numbering(self.word, style_id, start)

    def add_body(self, markup: str) -> None:
        if not markup:
            return
        elements = parse_fragment(markup)
        body = self.word.element.body
        last = body[-1] if len(body) else None
        if last is not None and last.tag == _SECT_PR:
            body.remove(last)
            body.extend(elements)
            body.append(last)
        else:
            body.extend(elements)

    def headers_and_footers(
        self, marking: str, header_style: str, footer_style: str, words: ExportWords
    ) -> None:
        for section in self.word.sections:
            headers = [section.header]
            footers = [section.footer]
            if section.different_first_page_header_footer:
                headers.append(section.first_page_header)
                footers.append(section.first_page_footer)
            if self.word.settings.odd_and_even_pages_header_footer:
                headers.append(section.even_page_header)
                footers.append(section.even_page_footer)
            # A reference that is itself a Briefer export already has these: never twice;
            # a reference's own page numbers stay as its author worded them.
            for header in headers:
                if marking and not _has_line(header.paragraphs, marking):
                    _centred(header.paragraphs, header.add_paragraph, header_style, marking)
            for footer in footers:
                if not _has_page_number(footer._element):
                    page = _centred(footer.paragraphs, footer.add_paragraph, footer_style, "")
                    if words.page_before:
                        page.add_run(words.page_before)
                    add_field(page, "PAGE", "1")
                    if words.page_between:
                        page.add_run(words.page_between)
                    add_field(page, "NUMPAGES", "1")
                    if words.page_after:
                        page.add_run(words.page_after)
                if marking and not _has_line(footer.paragraphs, marking):
                    footer.add_paragraph(xml_text(marking)).alignment = WD_ALIGN_PARAGRAPH.CENTER
                    _set_style(footer.paragraphs[-1], footer_style)

    def core_properties(self, properties: CoreProperties) -> None:
        props = self.word.core_properties
        props.title = properties.title
        props.author = properties.author
        props.last_modified_by = properties.author
        props.subject = properties.subject
        props.keywords = ""
        props.comments = ""
        props.category = ""
        props.content_status = properties.content_status
        props.revision = 1
        props.created = properties.created
        props.modified = properties.modified

    def finish(self, *, update_fields: bool) -> None:
        finish_package(self.word, update_fields=update_fields)

    def save(self, stream: BinaryIO) -> None:
        """Zip in memory, then write the bytes: a disk that fills up mid-write then fails our
        own write, not the ZipFile's, which would otherwise be left open and complain from
        its finaliser after the temp file is gone. A note's package is a few megabytes."""
        buffer = io.BytesIO()
        self.word.save(buffer)
        stream.write(buffer.getbuffer())


def _set_style(paragraph: Paragraph, style_id: str) -> None:
    # By id, so a template whose style names are localised still works.
    paragraph._p.get_or_add_pPr().style = style_id


def _centred(existing: list[Paragraph], add: Any, style_id: str, text: str) -> Paragraph:
    """Use the template's lone empty header/footer paragraph, else add one before its own."""
    if len(existing) == 1 and not existing[0].text.strip() and not existing[0]._p.r_lst:
        paragraph = existing[0]
    elif existing:
        paragraph = existing[0].insert_paragraph_before()
    else:
        paragraph = add()
    _set_style(paragraph, style_id)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if text:
        paragraph.add_run(xml_text(text))
    return paragraph


def _has_line(paragraphs: Sequence[Paragraph], text: str) -> bool:
    return any(p.text.strip() == text for p in paragraphs)


def _has_page_number(element: Any) -> bool:
    instructions = [t.text or "" for t in element.iter(qn("w:instrText"))]
    instructions += [f.get(qn("w:instr"), "") for f in element.iter(qn("w:fldSimple"))]
    return any("PAGE" in instruction.split() for instruction in instructions)
