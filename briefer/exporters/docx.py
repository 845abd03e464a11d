"""DOCX writer: renders an ExportDocument into Word with built-in styles and real footnotes.

Renders the IR only (never parses Markdown). Imports python-docx, the
exporters' own modules and the standard library; no Qt, no store, no session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from docx.text.run import Run as Run_
from lxml.etree import SubElement

from briefer.exporters.atomic import write_atomically
from briefer.exporters.document import (
    Block,
    BlockKind,
    ExportDocument,
    Run,
    RunKind,
    Table,
    format_date,
)
from briefer.exporters.docx_parts import (
    FootnotesPart,
    StyleSpec,
    add_field,
    apply_num,
    bookmark_end,
    bookmark_start,
    ensure_list_numbering,
    ensure_style,
    open_base_document,
    restart_numbering,
    xml_text,
)

_R, _RPR, _RSTYLE, _B, _I, _TEXT = (qn(f"w:{n}") for n in ("r", "rPr", "rStyle", "b", "i", "t"))
_PPR, _PSTYLE, _VAL, _SPACE = qn("w:pPr"), qn("w:pStyle"), qn("w:val"), qn("xml:space")
_P_TAG, _SECT_PR = qn("w:p"), qn("w:sectPr")
SOURCES_HEADING = "Sources"
TOC_PLACEHOLDER = "Right-click to update the table of contents."
_P, _C, _T = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
_STYLES = {
    "title": StyleSpec("Title", "Title", _P, size=26),
    "heading1": StyleSpec("Heading1", "heading 1", _P, size=16, bold=True, outline_level=0),
    "heading2": StyleSpec("Heading2", "heading 2", _P, size=13, bold=True, outline_level=1),
    "heading3": StyleSpec("Heading3", "heading 3", _P, size=12, bold=True, outline_level=2),
    "quote": StyleSpec("Quote", "Quote", _P, italic=True, indent_pt=36),
    "bullet1": StyleSpec("ListBullet", "List Bullet", _P),
    "bullet2": StyleSpec("ListBullet2", "List Bullet 2", _P),
    "bullet3": StyleSpec("ListBullet3", "List Bullet 3", _P),
    "number1": StyleSpec("ListNumber", "List Number", _P),
    "number2": StyleSpec("ListNumber2", "List Number 2", _P),
    "number3": StyleSpec("ListNumber3", "List Number 3", _P),
    "continue1": StyleSpec("ListContinue", "List Continue", _P, indent_pt=18),
    "continue2": StyleSpec("ListContinue2", "List Continue 2", _P, indent_pt=36),
    "continue3": StyleSpec("ListContinue3", "List Continue 3", _P, indent_pt=54),
    "code": StyleSpec("MacroText", "macro", _P, font="Courier New", size=10),
    "footnote_text": StyleSpec("FootnoteText", "footnote text", _P, size=10),
    "footnote_ref": StyleSpec("FootnoteReference", "footnote reference", _C, superscript=True),
    "hyperlink": StyleSpec("Hyperlink", "Hyperlink", _C, colour="0563C1", underline=True),
    "code_char": StyleSpec("HTMLCode", "HTML Code", _C, font="Courier New"),
    "header": StyleSpec("Header", "header", _P),
    "footer": StyleSpec("Footer", "footer", _P),
    "toc_heading": StyleSpec("TOCHeading", "TOC Heading", _P, size=16, bold=True),
    "table": StyleSpec("TableGrid", "Table Grid", _T),
}


def export_docx(
    document: ExportDocument,
    target: Path,
    *,
    reference_doc: Path | None = None,
    table_of_contents: bool = False,
) -> None:
    """Write ``document`` to ``target`` as a Word file, atomically.

    ``reference_doc`` (.docx or .dotx) supplies styles, page setup and
    header/footer layout, as with pandoc's --reference-doc. Raises
    :class:`ExportError` when the reference is not a Word file or the
    target cannot be written; nothing is left under ``target`` then.
    """
    word = open_base_document(reference_doc)
    _DocxWriter(word, document).write(table_of_contents)
    write_atomically(target, word.save)


class _DocxWriter:
    def __init__(self, word: DocxDocument, document: ExportDocument) -> None:
        self.word = word
        self.document = document
        self.style = {key: ensure_style(word, spec) for key, spec in _STYLES.items()}
        for level in (1, 2, 3):
            ensure_list_numbering(word, self.style[f"bullet{level}"], False, level)
            ensure_list_numbering(word, self.style[f"number{level}"], True, level)
        self.footnotes = FootnotesPart(
            word, self.style["footnote_text"], self.style["footnote_ref"]
        )
        self.footnote_ids = {f.number: self.footnotes.add(f.text) for f in document.footnotes}
        self.list_nums: dict[int, int | None] = {}
        self.referenced: set[int] = set()

    def write(self, table_of_contents: bool) -> None:
        self._title_block()
        if table_of_contents:
            self._paragraph("Contents", self.style["toc_heading"])
            add_field(self._paragraph("", None), r'TOC \o "1-3" \h \z \u', TOC_PLACEHOLDER)
        for block in self.document.blocks:
            self._block(block)
        if self.document.sources:
            self._paragraph(SOURCES_HEADING, self.style["heading1"])
            for source in self.document.sources:
                self._paragraph(source.text, None)
        self._headers_and_footers()
        self._core_properties()

    def _paragraph(self, text: str, style_id: str | None) -> Paragraph:
        # Directly before the body's final sectPr, as add_paragraph puts it, without
        # python-docx's search of the schema's child order for every paragraph.
        body = self.word.element.body
        p = body.makeelement(_P_TAG)
        last = body[-1] if len(body) else None
        if last is not None and last.tag == _SECT_PR:
            last.addprevious(p)
        else:
            body.append(p)
        paragraph = Paragraph(p, self.word._body)
        if style_id:
            self._set_style(paragraph, style_id)
        if text:
            paragraph.add_run(xml_text(text))
        return paragraph

    def _set_style(self, paragraph: Paragraph, style_id: str) -> None:
        # By id, so a template whose style names are localised still works.
        p = paragraph._p
        ppr = p.pPr
        if ppr is None:  # a new paragraph: pPr goes first, built directly (a third of the time)
            ppr = SubElement(p, _PPR)
            p.insert(0, ppr)
        if ppr.find(_PSTYLE) is None:
            ppr.insert(0, SubElement(ppr, _PSTYLE, {_VAL: style_id}))
        else:
            ppr.style = style_id

    def _title_block(self) -> None:
        meta = self.document.metadata
        self._paragraph(meta.title, self.style["title"])
        rows = [
            ("Author", meta.author),
            ("Date", format_date(meta.date) if meta.date else ""),
            ("Recipient", meta.recipient),
            ("Reference", meta.reference),
            ("Marking", meta.marking),
        ]
        rows = [(label, value) for label, value in rows if value.strip()]
        if not rows:
            return
        table = self.word.add_table(rows=len(rows), cols=2)
        self._table_style(table)
        for (label, value), row in zip(rows, table.rows, strict=True):
            row.cells[0].paragraphs[0].add_run(label).bold = True
            row.cells[1].paragraphs[0].add_run(xml_text(value))
        self.word.add_paragraph()

    def _table_style(self, table: DocxTable) -> None:
        tbl_pr = table._tbl.tblPr
        style = tbl_pr.find(qn("w:tblStyle"))
        if style is None:
            style = OxmlElement("w:tblStyle")
            tbl_pr.insert(0, style)
        style.set(qn("w:val"), self.style["table"])

    def _block(self, block: Block) -> None:
        kind = block.kind
        if kind is BlockKind.HEADING:
            self._runs(self._paragraph("", self.style[f"heading{block.level}"]), block.runs)
        elif kind is BlockKind.QUOTE:
            self._runs(self._paragraph("", self.style["quote"]), block.runs)
        elif kind is BlockKind.LIST_ITEM:
            self._list_item(block)
        elif kind is BlockKind.TABLE and block.table is not None:
            self._table(block.table)
        elif kind is BlockKind.RULE:
            self._rule()
        elif kind is BlockKind.CODE:
            paragraph = self._paragraph("", self.style["code"])
            for i, line in enumerate(block.text.split("\n")):
                run = paragraph.add_run(xml_text(line))
                if i:
                    run._r.insert(0, OxmlElement("w:br"))
        else:
            self._runs(self._paragraph("", None), block.runs)

    def _list_item(self, block: Block) -> None:
        level = min(block.level, 3)
        if block.continuation:
            self._runs(self._paragraph("", self.style[f"continue{level}"]), block.runs)
            return
        style_id = self.style[f"number{level}" if block.ordered else f"bullet{level}"]
        paragraph = self._paragraph("", style_id)
        if block.ordered:
            if block.list_id not in self.list_nums:
                self.list_nums[block.list_id] = restart_numbering(self.word, style_id, block.start)
            num_id = self.list_nums[block.list_id]
            if num_id is not None:
                apply_num(paragraph, num_id)
        self._runs(paragraph, block.runs)

    def _table(self, table: Table) -> None:
        columns = max(len(table.header), 1)
        word_table = self.word.add_table(rows=1 + len(table.rows), cols=columns)
        self._table_style(word_table)
        header_row = word_table.rows[0]
        tr_pr = header_row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))  # repeats on every page the table spans
        for r, cells in enumerate((table.header, *table.rows)):
            for c, runs in enumerate(cells[:columns]):
                paragraph = word_table.rows[r].cells[c].paragraphs[0]
                align = table.align[c] if c < len(table.align) else ""
                if align in _ALIGN:
                    paragraph.alignment = _ALIGN[align]
                self._runs(paragraph, runs, bold=r == 0)
        self.word.add_paragraph()

    def _rule(self) -> None:
        paragraph = self._paragraph("", None)
        border = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
            bottom.set(qn(f"w:{key}"), value)
        border.append(bottom)
        paragraph._p.get_or_add_pPr().append(border)

    def _runs(self, paragraph: Paragraph, runs: Sequence[Run], *, bold: bool = False) -> None:
        i = 0
        while i < len(runs):
            run = runs[i]
            if run.link and run.kind is not RunKind.FOOTNOTE:
                j = i
                while j < len(runs) and runs[j].link == run.link:
                    j += 1
                self._hyperlink(paragraph, run.link, runs[i:j], bold)
                i = j
                continue
            self._run(paragraph, run, bold)
            i += 1

    def _run(self, paragraph: Paragraph, run: Run, bold: bool, char_style: str = "") -> Any:
        if run.kind is RunKind.FOOTNOTE:
            return self._footnote_reference(paragraph, run.footnote)
        if run.kind is RunKind.LINE_BREAK:
            paragraph.add_run().add_break()
            return None
        # Built with lxml directly: python-docx's add_run and property setters
        # search the schema's child order on every call, which dominated export time.
        element = SubElement(paragraph._p, _R)
        style = self.style["code_char"] if run.kind is RunKind.CODE else char_style
        is_bold = run.bold or bold or run.kind is RunKind.MISSING_SOURCE
        if style or is_bold or run.italic:
            rpr = SubElement(element, _RPR)  # children in schema order: rStyle, b, i
            if style:
                SubElement(rpr, _RSTYLE, {_VAL: style})
            if is_bold:
                SubElement(rpr, _B)
            if run.italic:
                SubElement(rpr, _I)
        text = xml_text(run.text)
        if "\t" in text or "\n" in text:
            Run_(element, paragraph).text = text  # tabs and breaks become w:tab / w:br
        else:
            SubElement(element, _TEXT, {_SPACE: "preserve"}).text = text
        return element

    def _footnote_reference(self, paragraph: Paragraph, number: int) -> Any:
        """The first citation of a source is its footnote; later ones point back to it.

        A Word footnote belongs to exactly one reference, so a repeated
        citation is a NOTEREF field to a bookmark on the first, formatted
        as a footnote mark: Word's own "cross-reference to footnote".
        """
        bookmark = f"_BrieferNote{number}"
        if number not in self.referenced:
            self.referenced.add(number)
            paragraph._p.append(bookmark_start(number, bookmark))
            element = self.footnotes.reference_run(self.footnote_ids[number])
            paragraph._p.append(element)
            paragraph._p.append(bookmark_end(number))
            return element
        add_field(
            paragraph,
            f"NOTEREF {bookmark} \\f \\h",
            str(number),
            run_style=self.style["footnote_ref"],
        )
        return None

    def _hyperlink(self, paragraph: Paragraph, url: str, runs: Sequence[Run], bold: bool) -> None:
        link = OxmlElement("w:hyperlink")
        if url.startswith("#"):
            link.set(qn("w:anchor"), url[1:])
        else:
            link.set(qn("r:id"), self.word.part.relate_to(url, RT.HYPERLINK, is_external=True))
        for run in runs:
            element = self._run(paragraph, run, bold, self.style["hyperlink"])
            if element is not None:
                link.append(element)  # moves the run from the paragraph into the link
        paragraph._p.append(link)

    def _headers_and_footers(self) -> None:
        marking = self.document.metadata.marking.strip()
        for section in self.word.sections:
            headers = [section.header]
            footers = [section.footer]
            if section.different_first_page_header_footer:
                headers.append(section.first_page_header)
                footers.append(section.first_page_footer)
            if self.word.settings.odd_and_even_pages_header_footer:
                headers.append(section.even_page_header)
                footers.append(section.even_page_footer)
            for header in headers:
                if marking:
                    self._centred(header.paragraphs, header.add_paragraph, "header", marking)
            for footer in footers:
                page = self._centred(footer.paragraphs, footer.add_paragraph, "footer", "")
                page.add_run("Page ")
                add_field(page, "PAGE", "1")
                page.add_run(" of ")
                add_field(page, "NUMPAGES", "1")
                if marking:
                    footer.add_paragraph(xml_text(marking)).alignment = WD_ALIGN_PARAGRAPH.CENTER
                    self._set_style(footer.paragraphs[-1], self.style["footer"])

    def _centred(self, existing: list[Paragraph], add: Any, role: str, text: str) -> Paragraph:
        """Use the template's lone empty header/footer paragraph, else add one before its own."""
        if len(existing) == 1 and not existing[0].text.strip() and not existing[0]._p.r_lst:
            paragraph = existing[0]
        elif existing:
            paragraph = existing[0].insert_paragraph_before()
        else:
            paragraph = add()
        self._set_style(paragraph, self.style[role])
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text:
            paragraph.add_run(xml_text(text))
        return paragraph

    def _core_properties(self) -> None:
        meta = self.document.metadata
        props = self.word.core_properties
        now = dt.datetime.now(dt.UTC)
        props.title = meta.title[:255]
        props.author = meta.author[:255]
        props.last_modified_by = meta.author[:255]
        props.subject = meta.reference[:255]
        props.keywords = ""
        props.comments = ""
        props.category = ""
        props.content_status = meta.marking[:255]
        props.revision = 1
        props.created = _utc(meta.created or now)
        props.modified = _utc(meta.modified or now)


def _utc(moment: dt.datetime) -> dt.datetime:
    """Naive UTC, which is what python-docx writes with its trailing Z."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None)
