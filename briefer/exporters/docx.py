"""DOCX writer: renders an ExportDocument into Word with built-in styles and real footnotes.

Renders the IR only (never parses Markdown). Imports python-docx, the
exporters' own modules and the standard library; no Qt, no store, no session.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from briefer.exporters import docx_xml
from briefer.exporters.atomic import write_atomically
from briefer.exporters.document import (
    SOURCES_HEADING,
    Block,
    BlockKind,
    ExportDocument,
    Run,
    RunKind,
    Table,
    format_date,
)
from briefer.exporters.docx_package import (
    PageSetup,
    PageSize,
    apply_page_setup,
    finish_package,
)
from briefer.exporters.docx_parts import (
    FootnotesPart,
    StyleSpec,
    add_field,
    ensure_list_numbering,
    ensure_styles,
    open_base_document,
    parse_fragment,
    restart_numbering,
)
from briefer.exporters.docx_xml import xml_text
from briefer.exporters.table_layout import fit_columns
from briefer.exporters.typography import (
    AMERICAN,
    QuoteStyle,
    curled_runs,
    curly_quotes,
    nest_quotes,
    quote_style,
)

_SECT_PR = qn("w:sectPr")
TOC_PLACEHOLDER = "Right-click to update the table of contents."
_TOC_INSTRUCTION = r'TOC \o "1-3" \h \z \u'
_TOC_BOOKMARK_ID = 1_000_000  # above any footnote number, whose bookmarks count from 1
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
    "footnote_text": StyleSpec("FootnoteText", "footnote text", _P, size=10, space_after_pt=0),
    "footnote_ref": StyleSpec("FootnoteReference", "footnote reference", _C, superscript=True),
    "hyperlink": StyleSpec("Hyperlink", "Hyperlink", _C, colour="0563C1", underline=True),
    "code_char": StyleSpec("HTMLCode", "HTML Code", _C, font="Courier New"),
    "header": StyleSpec("Header", "header", _P),
    "footer": StyleSpec("Footer", "footer", _P),
    "toc_heading": StyleSpec("TOCHeading", "TOC Heading", _P, size=16, bold=True),
    "toc1": StyleSpec("TOC1", "toc 1", _P, space_after_pt=5),
    "toc2": StyleSpec("TOC2", "toc 2", _P, indent_pt=11, space_after_pt=5),
    "toc3": StyleSpec("TOC3", "toc 3", _P, indent_pt=22, space_after_pt=5),
    "table": StyleSpec("TableGrid", "Table Grid", _T),
    "bibliography": StyleSpec("Bibliography", "Bibliography", _P, indent_pt=36, hanging_pt=36),
}


def export_docx(
    document: ExportDocument,
    target: Path,
    *,
    reference_doc: Path | None = None,
    table_of_contents: bool = False,
    page_size: PageSize | None = None,
    language: str | None = None,
) -> None:
    """Write ``document`` to ``target`` as a Word file, atomically.

    ``reference_doc`` (.docx or .dotx) supplies styles, page setup and
    header/footer layout, as with pandoc's --reference-doc. ``page_size``
    and ``language`` (a tag like "en-GB") override it when given; without a
    reference they default to A4 and British English. Raises
    :class:`ExportError` when the reference is not a Word file or the
    target cannot be written; nothing is left under ``target`` then.
    """
    word = open_base_document(reference_doc)
    if reference_doc is None:
        page_size = page_size or "A4"
        language = language or "en-GB"
    apply_page_setup(word, PageSetup(page_size, language))
    _DocxWriter(word, document, quote_style(language)).write(table_of_contents)
    finish_package(word, update_fields=table_of_contents)
    write_atomically(target, lambda stream: _save(word, stream))


def _save(word: DocxDocument, stream: BinaryIO) -> None:
    """Zip in memory, then write the bytes: a disk that fills up mid-write then fails our
    own write, not the ZipFile's, which would otherwise be left open and complain from
    its finaliser after the temp file is gone. A note's package is a few megabytes."""
    buffer = io.BytesIO()
    word.save(buffer)
    stream.write(buffer.getbuffer())


class _DocxWriter:
    """Fills python-docx's document: the body as markup parsed in batches, the rest by its API.

    Paragraphs are written as text (docx_xml) and parsed once per batch,
    which is several times faster than building elements one by one; the
    batch is flushed before anything python-docx adds itself (tables) so
    the order of the body is the order of the note.
    """

    def __init__(
        self, word: DocxDocument, document: ExportDocument, quotes: QuoteStyle = AMERICAN
    ) -> None:
        self.word = word
        self.document = document
        self.quotes = quotes
        self.style = ensure_styles(word, _STYLES)
        for level in (1, 2, 3):
            ensure_list_numbering(word, self.style[f"bullet{level}"], False, level)
            ensure_list_numbering(word, self.style[f"number{level}"], True, level)
        footnotes = FootnotesPart(word, self.style["footnote_text"], self.style["footnote_ref"])
        if document.citation_style:  # formatted by a CSL style: italics and links kept
            ids = footnotes.add_all_markup(
                [self._runs(f.runs, part=footnotes.part, styled=True) for f in document.footnotes],
                [_right_to_left(f.runs) for f in document.footnotes],
            )
        else:
            ids = footnotes.add_all([curly_quotes(f.text) for f in document.footnotes])
        self.footnote_ids = {f.number: i for f, i in zip(document.footnotes, ids, strict=True)}
        self.list_nums: dict[int, int | None] = {}
        self.referenced: set[int] = set()
        self.pending: list[str] = []
        self.headings = 0  # bookmarks _Toc1.. on headings, for the TOC's entries

    def write(self, table_of_contents: bool) -> None:
        self._title_block()
        if table_of_contents:
            self._text_paragraph("Contents", self.style["toc_heading"])
            self._table_of_contents()
        for block in self.document.blocks:
            self._block(block)
        if self.document.sources:
            self._heading([Run(RunKind.TEXT, SOURCES_HEADING)], 1)
            for source in self.document.sources:
                if self.document.citation_style:  # a CSL bibliography: hanging indent, links
                    style = self.style["bibliography"]
                    markup = self._runs(source.runs, styled=True)
                    self.pending.append(docx_xml.paragraph(markup, style=style))
                else:
                    self._text_paragraph(source.text, "")
        self._flush()
        self._headers_and_footers()
        self._core_properties()

    def _flush(self) -> None:
        """Parse the pending paragraphs and put them at the end of the body, before its sectPr."""
        if not self.pending:
            return
        elements = parse_fragment("".join(self.pending))
        self.pending.clear()
        body = self.word.element.body
        last = body[-1] if len(body) else None
        if last is not None and last.tag == _SECT_PR:
            body.remove(last)
            body.extend(elements)
            body.append(last)
        else:
            body.extend(elements)

    def _text_paragraph(self, text: str, style_id: str) -> None:
        content = docx_xml.run(curly_quotes(text)) if text else ""
        self.pending.append(
            docx_xml.paragraph(content, style=style_id, bidi=docx_xml.is_right_to_left(text))
        )

    def _table_of_contents(self) -> None:
        """The TOC field, its result already listing the headings (see docx_xml)."""
        entries = []
        headings = [(b.level, b.runs) for b in self.document.blocks if b.kind is BlockKind.HEADING]
        if self.document.sources:
            headings.append((1, (Run(RunKind.TEXT, SOURCES_HEADING),)))
        for number, (level, runs) in enumerate(headings, start=1):
            text = "".join(r.text for r in curled_runs(runs) if r.kind is not RunKind.FOOTNOTE)
            entries.append((level, text, f"_Toc{number}"))
        self.pending.append(
            docx_xml.table_of_contents(
                _TOC_INSTRUCTION,
                entries,
                styles=[self.style[f"toc{level}"] for level in (1, 2, 3)],
                placeholder=TOC_PLACEHOLDER,
            )
        )

    def _heading(self, runs: Sequence[Run], level: int) -> None:
        self.headings += 1
        content = docx_xml.bookmarked(
            self._runs(runs),
            bookmark_id=_TOC_BOOKMARK_ID + self.headings,
            name=f"_Toc{self.headings}",
        )
        self.pending.append(
            docx_xml.paragraph(
                content, style=self.style[f"heading{level}"], bidi=_right_to_left(runs)
            )
        )

    def _set_style(self, paragraph: Paragraph, style_id: str) -> None:
        # By id, so a template whose style names are localised still works.
        paragraph._p.get_or_add_pPr().style = style_id

    def _title_block(self) -> None:
        meta = self.document.metadata
        self._text_paragraph(meta.title, self.style["title"])
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
        self._flush()
        # A borderless label/value block, labels in a narrow column, as a memo heads its page;
        # the template's default table style (no grid) decides the rest.
        table = self.word.add_table(rows=len(rows), cols=2)
        table.autofit = False
        text_width = self._text_width()
        widths = (Cm(3.5), max(Cm(4), text_width - Cm(3.5)))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for (label, value), row in zip(rows, table.rows, strict=True):
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
            row.cells[0].paragraphs[0].add_run(label).bold = True
            row.cells[1].paragraphs[0].add_run(xml_text(value))
        self.word.add_paragraph()

    def _text_width(self) -> int:
        """The width between the margins, in EMU (16 cm if the template does not say)."""
        section = self.word.sections[-1]
        if (
            section.page_width
            and section.left_margin is not None
            and section.right_margin is not None
        ):
            return int(section.page_width - section.left_margin - section.right_margin)
        return int(Cm(16))

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
            self._heading(block.runs, block.level)
            return
        if kind is BlockKind.QUOTE:
            style = self.style["quote"]
        elif kind is BlockKind.LIST_ITEM:
            self._list_item(block)
            return
        elif kind is BlockKind.TABLE:
            if block.table is not None:
                self._table(block.table)
            return
        elif kind is BlockKind.RULE:
            self.pending.append(docx_xml.paragraph(border=True))
            return
        elif kind is BlockKind.CODE:
            self.pending.append(
                docx_xml.paragraph(docx_xml.run(block.text), style=self.style["code"])
            )
            return
        else:
            style = ""
        self.pending.append(
            docx_xml.paragraph(self._runs(block.runs), style=style, bidi=_right_to_left(block.runs))
        )

    def _list_item(self, block: Block) -> None:
        level = min(block.level, 3)
        if block.continuation:
            style_id = self.style[f"continue{level}"]
            self.pending.append(
                docx_xml.paragraph(
                    self._runs(block.runs), style=style_id, bidi=_right_to_left(block.runs)
                )
            )
            return
        style_id = self.style[f"number{level}" if block.ordered else f"bullet{level}"]
        num_id = None
        if block.ordered:
            if block.list_id not in self.list_nums:
                self.list_nums[block.list_id] = restart_numbering(self.word, style_id, block.start)
            num_id = self.list_nums[block.list_id]
        self.pending.append(
            docx_xml.paragraph(
                self._runs(block.runs),
                style=style_id,
                num_id=num_id,
                bidi=_right_to_left(block.runs),
            )
        )

    def _table(self, table: Table) -> None:
        self._flush()
        columns = max(len(table.header), 1)
        all_rows = (table.header, *table.rows)
        word_table = self.word.add_table(rows=len(all_rows), cols=columns)
        self._table_style(word_table)
        word_table.autofit = False
        texts = [
            [_cell_text(row[c]) if c < len(row) else "" for row in all_rows] for c in range(columns)
        ]
        widths = fit_columns(texts, self._text_width())
        for column, width in zip(word_table.columns, widths, strict=True):
            column.width = width
        for r, row in enumerate(word_table.rows):
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))  # a row never breaks across pages
            if r == 0:
                tr_pr.append(OxmlElement("w:tblHeader"))  # repeats on every page it spans
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
        for r, cells in enumerate(all_rows):
            for c, runs in enumerate(cells[:columns]):
                paragraph = word_table.rows[r].cells[c].paragraphs[0]
                align = table.align[c] if c < len(table.align) else ""
                if align in _ALIGN:
                    paragraph.alignment = _ALIGN[align]
                if _right_to_left(runs):  # an Arabic or Hebrew cell reads from the right
                    paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
                paragraph._p.extend(parse_fragment(self._runs(runs, bold=r == 0)))
        self.word.add_paragraph()

    def _runs(
        self, runs: Sequence[Run], *, bold: bool = False, part: Any = None, styled: bool = False
    ) -> str:
        """The markup of a paragraph's content: runs, with consecutive linked runs in one link.

        ``part`` is where the paragraph lives when not in the body (footnotes),
        as a hyperlink's target is related from the part that holds it. ``styled`` runs
        come from a citation style, whose locale has already set their quotation marks.
        """
        runs = curled_runs(runs)
        runs = _attached_marks(runs if styled else nest_quotes(runs, self.quotes))
        parts: list[str] = []
        i = 0
        while i < len(runs):
            run = runs[i]
            if run.link and run.kind is not RunKind.FOOTNOTE:
                j = i
                while j < len(runs) and runs[j].link == run.link:
                    j += 1
                parts.append(self._hyperlink(run.link, runs[i:j], bold, part))
                i = j
                continue
            parts.append(self._run(run, bold))
            i += 1
        return "".join(parts)

    def _run(self, run: Run, bold: bool, char_style: str = "") -> str:
        if run.kind is RunKind.FOOTNOTE:
            return self._footnote_reference(run.footnote)
        if run.kind is RunKind.LINE_BREAK:
            return docx_xml.line_break()
        return docx_xml.run(
            run.text,
            style=self.style["code_char"] if run.kind is RunKind.CODE else char_style,
            bold=run.bold or bold or run.kind is RunKind.MISSING_SOURCE,
            italic=run.italic,
        )

    def _footnote_reference(self, number: int) -> str:
        """The first citation of a source is its footnote; later ones point back to it.

        A Word footnote belongs to exactly one reference, so a repeated
        citation is a NOTEREF field to a bookmark on the first, formatted
        as a footnote mark: Word's own "cross-reference to footnote".
        """
        bookmark = f"_BrieferNote{number}"
        if number not in self.referenced:
            self.referenced.add(number)
            return docx_xml.footnote_reference(
                self.footnote_ids[number],
                style=self.style["footnote_ref"],
                bookmark_id=number,
                bookmark=bookmark,
            )
        return docx_xml.field(
            f"NOTEREF {bookmark} \\f \\h",
            str(number),
            run_style=self.style["footnote_ref"],
            upright=True,
        )

    def _hyperlink(self, url: str, runs: Sequence[Run], bold: bool, part: Any = None) -> str:
        content = "".join(self._run(run, bold, self.style["hyperlink"]) for run in runs)
        if url.startswith("#"):
            return docx_xml.hyperlink(content, anchor=url[1:])
        owner = self.word.part if part is None else part
        relationship = owner.relate_to(url, RT.HYPERLINK, is_external=True)
        return docx_xml.hyperlink(content, relationship_id=relationship)

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
            # A reference that is itself a Briefer export already has these: never twice.
            for header in headers:
                if marking and not _has_line(header.paragraphs, marking):
                    self._centred(header.paragraphs, header.add_paragraph, "header", marking)
            for footer in footers:
                if not _has_page_number(footer._element):
                    page = self._centred(footer.paragraphs, footer.add_paragraph, "footer", "")
                    page.add_run("Page ")
                    add_field(page, "PAGE", "1")
                    page.add_run(" of ")
                    add_field(page, "NUMPAGES", "1")
                if marking and not _has_line(footer.paragraphs, marking):
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


def _has_line(paragraphs: Sequence[Paragraph], text: str) -> bool:
    return any(p.text.strip() == text for p in paragraphs)


def _has_page_number(element: Any) -> bool:
    instructions = [t.text or "" for t in element.iter(qn("w:instrText"))]
    instructions += [f.get(qn("w:instr"), "") for f in element.iter(qn("w:fldSimple"))]
    return any("PAGE" in instruction.split() for instruction in instructions)


def _attached_marks(runs: list[Run]) -> list[Run]:
    """No space before a footnote mark, as Word sets them: a space lets the mark wrap onto
    a line of its own, away from the words it sources."""
    for i in range(1, len(runs)):
        before = runs[i - 1]
        if runs[i].kind is RunKind.FOOTNOTE and before.kind is RunKind.TEXT:
            runs[i - 1] = dataclasses.replace(before, text=before.text.rstrip(" \t\u00a0"))
    return runs


def _right_to_left(runs: Sequence[Run]) -> bool:
    return docx_xml.is_right_to_left("".join(r.text for r in runs if r.kind is not RunKind.CODE))


def _utc(moment: dt.datetime) -> dt.datetime:
    """Naive UTC, which is what python-docx writes with its trailing Z."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _cell_text(runs: Sequence[Run]) -> str:
    """What a cell shows, for measuring: a footnote reference is a mark of a character or two."""
    return "".join("¹²" if run.kind is RunKind.FOOTNOTE else run.text for run in runs)
