"""DOCX writer: renders an ExportDocument into Word with built-in styles and real footnotes.

Renders the IR only (never parses Markdown) into WordprocessingML markup
(docx_xml), and hands it to a package (docx_interface): Briefer's own
prebuilt one spliced as text when there is no reference document, so an
export costs no python-docx or lxml import (docx_plain); python-docx's when
there is one (docx_pydocx). No Qt, no store, no session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from briefer.core.record import replace
from briefer.core.safetext import is_link_target
from briefer.exporters import docx_xml
from briefer.exporters.atomic import write_atomically
from briefer.exporters.document import (
    Block,
    BlockKind,
    ExportDocument,
    Run,
    RunKind,
    Table,
)
from briefer.exporters.docx_interface import (
    EMU_PER_CM,
    CoreProperties,
    PageSetup,
    PageSize,
    StyleSpec,
    WordPackage,
    twips,
)
from briefer.exporters.export_words import export_words, note_date
from briefer.exporters.typography import (
    AMERICAN,
    QuoteStyle,
    curled_runs,
    curly_quotes,
    quote_style,
    typeset,
    typeset_text,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Final

TOC_PLACEHOLDER = "Right-click to update the table of contents."
_TOC_INSTRUCTION = r'TOC \o "1-3" \h \z \u'
_TOC_BOOKMARK_ID = 1_000_000  # above any footnote number, whose bookmarks count from 1
_ALIGNMENTS = ("left", "center", "right")
_P: Final = "paragraph"
_C: Final = "character"
_T: Final = "table"
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
    python_docx: bool = False,
    note_language: str | None = None,
) -> None:
    """Write ``document`` to ``target`` as a Word file, atomically.

    ``reference_doc`` (.docx or .dotx) supplies styles, page setup and
    header/footer layout, as with pandoc's --reference-doc. ``page_size``
    and ``language`` (a tag like "en-GB") override it when given; without a
    reference they default to A4 and British English. Raises
    :class:`ExportError` when the reference is not a Word file or the
    target cannot be written; nothing is left under ``target`` then.
    ``python_docx`` writes through python-docx even without a reference: the
    same package, slower; for the tests that say so and ``make word-base``.
    ``note_language`` (default: ``language``) is the note's, which the words the
    export writes itself (Sources, Contents, the footer's "Page 1 of 3") are in:
    the settings' even where a reference document keeps its own Word language,
    as the citations are.
    """
    if reference_doc is None:
        page_size = page_size or "A4"
        language = language or "en-GB"
    note_language = note_language or language
    package = open_package(reference_doc, PageSetup(page_size, language), python_docx=python_docx)
    writer = _DocxWriter(package, document, quote_style(note_language), note_language)
    writer.write(table_of_contents)
    package.finish(update_fields=table_of_contents)
    write_atomically(target, package.save)


def open_package(
    reference_doc: Path | None, setup: PageSetup, *, python_docx: bool = False
) -> WordPackage:
    """The package an export fills: the prebuilt one unless there is a reference."""
    if reference_doc is None and not python_docx:
        from briefer.exporters.docx_plain import PlainPackage

        return PlainPackage(setup)
    from briefer.exporters.docx_pydocx import PythonDocxPackage

    return PythonDocxPackage(reference_doc, setup)


class _DocxWriter:
    """Writes the note as markup (docx_xml) and gives it to the package in one piece.

    Paragraphs, tables and footnotes are written as text, which is several
    times faster than building elements one by one and lets the package
    without python-docx splice them in as they are. The package is asked only
    for what needs it (see docx_interface), in the same order whichever it is.
    """

    def __init__(
        self,
        package: WordPackage,
        document: ExportDocument,
        quotes: QuoteStyle = AMERICAN,
        language: str | None = None,
    ) -> None:
        self.package = package
        self.document = document
        self.quotes = quotes
        self.language = language
        self.words = export_words(language)
        self.style = package.styles(_STYLES)
        first = package.first_footnote_id()
        if document.citation_style:  # formatted by a CSL style: italics and links kept
            markup = docx_xml.footnotes_markup(
                first,
                [self._runs(f.runs, in_footnotes=True, styled=True) for f in document.footnotes],
                text_style=self.style["footnote_text"],
                mark_style=self.style["footnote_ref"],
                right_to_left=[_right_to_left(f.runs) for f in document.footnotes],
            )
        else:
            markup = docx_xml.footnotes(
                first,
                [curly_quotes(f.text) for f in document.footnotes],
                text_style=self.style["footnote_text"],
                mark_style=self.style["footnote_ref"],
            )
        if document.footnotes:
            package.add_footnotes(markup)
        self.footnote_ids = {f.number: first + i for i, f in enumerate(document.footnotes)}
        self.list_nums: dict[int, int | None] = {}
        self.referenced: set[int] = set()
        self.pending: list[str] = []
        self.headings = 0  # bookmarks _Toc1.. on headings, for the TOC's entries

    def write(self, table_of_contents: bool) -> None:
        self._title_block()
        if table_of_contents:
            self._text_paragraph(self.words.contents, self.style["toc_heading"])
            self._table_of_contents()
        for block in self.document.blocks:
            self._block(block)
        if self.document.sources:
            self._heading([Run(RunKind.TEXT, self.words.sources)], 1)
            for source in self.document.sources:
                if self.document.citation_style:  # a CSL bibliography: hanging indent, links
                    style = self.style["bibliography"]
                    markup = self._runs(source.runs, styled=True)
                    self.pending.append(docx_xml.paragraph(markup, style=style))
                else:
                    self._text_paragraph(source.text, "")
        self.package.add_body("".join(self.pending))
        self.pending.clear()
        self.package.headers_and_footers(
            self.document.metadata.marking.strip(),
            self.style["header"],
            self.style["footer"],
            self.words,
        )
        self._core_properties()

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
            headings.append((1, (Run(RunKind.TEXT, self.words.sources),)))
        for number, (level, runs) in enumerate(headings, start=1):
            text = "".join(
                r.text for r in typeset(runs, self.quotes) if r.kind is not RunKind.FOOTNOTE
            )
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

    def _title_block(self) -> None:
        meta = self.document.metadata
        self._text_paragraph(typeset_text(meta.title, self.quotes), self.style["title"])
        words = self.words
        rows = [
            (words.author, meta.author),
            (words.date, note_date(meta.date, self.language) if meta.date else ""),
            (words.recipient, meta.recipient),
            (words.reference, meta.reference),
            (words.marking, meta.marking),
        ]
        rows = [(label, value) for label, value in rows if value.strip()]
        if not rows:
            return
        # A borderless label/value block, labels in a narrow column, as a memo heads its page;
        # the template's default table style (no grid) decides the rest.
        label_width = round(3.5 * EMU_PER_CM)
        value_width = max(4 * EMU_PER_CM, self.package.text_width() - label_width)
        cells = [
            (
                docx_xml.paragraph(docx_xml.text_run(label, bold=True)),
                docx_xml.paragraph(docx_xml.text_run(value)),
            )
            for label, value in rows
        ]
        widths = (twips(label_width), twips(value_width))
        self.pending.append(docx_xml.table(cells, widths) + docx_xml.paragraph())

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
                self.list_nums[block.list_id] = self.package.restart_numbering(
                    style_id, block.start
                )
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
        from briefer.exporters.table_layout import cell_text, fit_columns  # tables only

        columns = max(len(table.header), 1)
        all_rows = (table.header, *table.rows)
        texts = [
            [cell_text(row[c]) if c < len(row) else "" for row in all_rows] for c in range(columns)
        ]
        style = self.style["table"]
        font, size = self.package.cell_font(style)
        widths = fit_columns(texts, twips(self.package.text_width()), font=font, size=size)
        cells = []
        for r, row in enumerate(all_rows):
            markup = []
            for c in range(columns):
                if c >= len(row):
                    markup.append(docx_xml.paragraph())
                    continue
                align = table.align[c] if c < len(table.align) else ""
                markup.append(
                    docx_xml.paragraph(
                        self._runs(row[c], bold=r == 0),
                        align=align if align in _ALIGNMENTS else "",
                        # an Arabic or Hebrew cell reads from the right
                        bidi=_right_to_left(row[c]),
                    )
                )
            cells.append(markup)
        self.pending.append(
            docx_xml.table(cells, widths, style=style, heads=True) + docx_xml.paragraph()
        )

    def _runs(
        self,
        runs: Sequence[Run],
        *,
        bold: bool = False,
        in_footnotes: bool = False,
        styled: bool = False,
    ) -> str:
        """The markup of a paragraph's content: runs, with consecutive linked runs in one link.

        ``in_footnotes``: the paragraph is a footnote's, as a hyperlink's target is
        related from the part that holds it. ``styled`` runs
        come from a citation style, whose locale has already set their quotation marks.
        """
        runs = _attached_marks(curled_runs(runs) if styled else typeset(runs, self.quotes))
        parts: list[str] = []
        i = 0
        while i < len(runs):
            run = runs[i]
            # A crafted project's file: or javascript: target is written as plain text.
            if run.link and run.kind is not RunKind.FOOTNOTE and is_link_target(run.link):
                j = i
                while j < len(runs) and runs[j].link == run.link:
                    j += 1
                parts.append(self._hyperlink(run.link, runs[i:j], bold, in_footnotes))
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

    def _hyperlink(self, url: str, runs: Sequence[Run], bold: bool, in_footnotes: bool) -> str:
        content = "".join(self._run(run, bold, self.style["hyperlink"]) for run in runs)
        if url.startswith("#"):
            return docx_xml.hyperlink(content, anchor=url[1:])
        relationship = self.package.hyperlink(url, in_footnotes=in_footnotes)
        return docx_xml.hyperlink(content, relationship_id=relationship)

    def _core_properties(self) -> None:
        meta = self.document.metadata
        now = dt.datetime.now(dt.UTC)
        self.package.core_properties(
            CoreProperties(
                title=meta.title[:255],
                author=meta.author[:255],
                subject=meta.reference[:255],
                content_status=meta.marking[:255],
                created=_utc(meta.created or now),
                modified=_utc(meta.modified or now),
            )
        )


def _attached_marks(runs: list[Run]) -> list[Run]:
    """No space before a footnote mark, as Word sets them: a space lets the mark wrap onto
    a line of its own, away from the words it sources."""
    for i in range(1, len(runs)):
        before = runs[i - 1]
        if runs[i].kind is RunKind.FOOTNOTE and before.kind is RunKind.TEXT:
            runs[i - 1] = replace(before, text=before.text.rstrip(" \t\u00a0"))
    return runs


def _right_to_left(runs: Sequence[Run]) -> bool:
    return docx_xml.is_right_to_left("".join(r.text for r in runs if r.kind is not RunKind.CODE))


def _utc(moment: dt.datetime) -> dt.datetime:
    """Naive UTC, which is what python-docx writes with its trailing Z."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None)
