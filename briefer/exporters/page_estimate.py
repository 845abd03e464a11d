"""How many pages a note's Word export fills: the export IR laid out on the real page.

Lines are broken with the advance widths of the fonts the styles name (committed in
font_widths, so no font file is read) at the widths the page, margins and indents
leave; paragraphs are stacked with their spacing, kept with the next where the style
says so; footnotes take their room at the foot of the page that cites them; table
rows never split. The page and styles come from a PageProfile read from what the
DOCX writer really produces (page_profile). Pure and fast: the Composer runs it on
every pause in typing. Standard library only (and the export IR).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from briefer.core.record import Record, field
from briefer.exporters.document import (
    Block,
    BlockKind,
    ExportDocument,
    Run,
    RunKind,
    format_date,
)
from briefer.exporters.export_words import export_words
from briefer.exporters.font_widths import LINE_HEIGHT
from briefer.exporters.page_profile import PageProfile, ParaFormat
from briefer.exporters.text_widths import em as _em
from briefer.exporters.text_widths import family
from briefer.exporters.text_widths import widths as _widths

SUPERSCRIPT = 0.58
"""A footnote mark's size relative to its text, as Word and LibreOffice set superscript."""
_ROW_RULE = 1.0
"""Points a table row's borders add (a 0.5 pt grid line above and below)."""
FOOTNOTE_SEPARATOR = 10.0
"""Points between the last line of text and the first footnote, rule included (measured)."""


class PageEstimate(Record, frozen=True):
    """``pages`` whole pages (what a printer gives); ``length`` counts the last one's fill."""

    pages: int
    length: float


_Token = tuple[float, bool, int]
"""A word: its width in points, whether a space comes before it, the footnote it cites."""


class LayoutCache:
    """What stays true between estimates of one note as it is edited: word widths, the
    words of each paragraph, footnote heights. Keep one per window; it bounds itself."""

    MAX_PARAGRAPHS = 20_000

    def __init__(self) -> None:
        self._words: dict[tuple[str, bool, bool], dict[str, float]] = {}
        self.tokens: dict[tuple[object, ...], list[_Token]] = {}
        self.footnotes: dict[tuple[str, float, ParaFormat], float] = {}

    def words(self, font: str, bold: bool, italic: bool) -> dict[str, float]:
        """The cache of one variant's word widths; fill it with :meth:`em`."""
        return self._words.setdefault((font, bold, italic), {})

    def em(self, text: str, font: str, bold: bool, italic: bool) -> float:
        cache = self.words(font, bold, italic)
        found = cache.get(text)
        if found is None:
            found = cache[text] = _em(text, _widths((font, bold, italic)))
        return found

    def trim(self) -> None:
        if len(self.tokens) > self.MAX_PARAGRAPHS:
            self.tokens.clear()
        if len(self.footnotes) > self.MAX_PARAGRAPHS:
            self.footnotes.clear()


def line_height(fmt: ParaFormat) -> float:
    """One line of ``fmt`` in points: the font's own height scaled, or the exact figure."""
    # In whole twentieths of a point, cut down, as LibreOffice computes them (measured:
    # Caladea 11 pt at 1.15 spacing is 14.50 pt a line, not 14.55).
    natural = round(fmt.size * 20 * LINE_HEIGHT[family(fmt.font)])
    if fmt.line_rule == "exact":
        return fmt.line
    if fmt.line_rule == "atLeast":
        return max(fmt.line, natural / 20)
    return math.floor(natural * fmt.line + 1e-6) / 20


class _Para(Record):
    lines: list[float]
    """Per line, the height of the footnotes first cited on it (0.0 for most lines)."""
    line: float
    before: float
    after: float
    keep_next: bool = False
    style: str = ""
    contextual: bool = False


class _Row(Record):
    height: float
    notes: float = 0.0
    header: float = 0.0
    """The repeated header row's height, for a row that starts a page."""


class _Flow(Record):
    items: list[_Para | _Row] = field(default_factory=list)


class _Layout:
    def __init__(self, document: ExportDocument, profile: PageProfile, cache: LayoutCache,
                 sources_heading: str) -> None:  # fmt: skip
        self.document = document
        self.sources_heading = sources_heading
        self.profile = profile
        self.measure = cache
        self.footnotes = {f.number: f.text for f in document.footnotes}
        self.cited: set[int] = set()
        self.flow = _Flow()

    # -- lines -----------------------------------------------------------------

    def wrap(self, runs: Sequence[Run], fmt: ParaFormat, width: float, *, bold: bool = False
             ) -> list[float]:  # fmt: skip
        """Break ``runs`` into lines ``width`` wide; per line, the height of the footnotes
        first cited on it (they go to the foot of the page that line lands on).

        Greedy, as word processors break lines: a word goes on the line if it fits.
        Words are cut at spaces only; text on either side of a run boundary with no
        space between (a bold word and its comma, a word and its footnote mark) is one.
        """
        font = family(fmt.font)
        size = fmt.size
        space = self.measure.em(" ", font, fmt.bold or bold, fmt.italic) * size
        key = (runs, font, size, fmt.bold or bold, fmt.italic)
        tokens = self.measure.tokens.get(key)
        if tokens is None:
            tokens = self.measure.tokens[key] = self._tokens(runs, fmt, font, bold)
        lines: list[float] = []
        used = notes = 0.0
        limit = width - max(fmt.first, 0.0)
        for word, spaced, number in tokens:
            if word < 0.0:  # a line break
                lines.append(notes)
                used = notes = 0.0
                limit = width
                continue
            add = word + space if spaced and used else word
            if used and used + add > limit:
                lines.append(notes)
                used = notes = 0.0
                limit = width
                add = word
            if add > limit:  # a word longer than the line runs on over several
                extra = int(add // max(limit, 1.0))
                lines.extend([0.0] * extra)
                add -= extra * limit
            used += add
            if number and number not in self.cited and number in self.footnotes:
                self.cited.add(number)
                notes += self._footnote_height(number)
        lines.append(notes)
        return lines

    def _tokens(self, runs: Sequence[Run], fmt: ParaFormat, font: str, bold: bool
                ) -> list[_Token]:  # fmt: skip
        """The words of ``runs``, measured; a width of -1 is a line break."""
        size = fmt.size
        tokens: list[_Token] = []
        spaced = True
        for run in runs:
            kind = run.kind
            if kind is RunKind.LINE_BREAK:
                tokens.append((-1.0, False, 0))
                spaced = False
                continue
            if kind is RunKind.FOOTNOTE:
                mark = self.measure.em(str(run.footnote), font, False, False) * size * SUPERSCRIPT
                if tokens and not spaced and tokens[-1][0] >= 0.0 and not tokens[-1][2]:
                    last = tokens[-1]
                    tokens[-1] = (last[0] + mark, last[1], run.footnote)
                else:
                    tokens.append((mark, spaced, run.footnote))
                spaced = False
                continue
            variant = ("liberation-mono" if kind is RunKind.CODE else font,
                       fmt.bold or bold or run.bold, fmt.italic or run.italic)  # fmt: skip
            cache = self.measure.words(*variant)
            table = _widths(variant)
            for index, piece in enumerate(run.text.split(" ")):
                if index:
                    spaced = True
                if not piece:
                    continue
                found = cache.get(piece)
                if found is None:
                    found = cache[piece] = _em(piece, table)
                if tokens and not spaced and tokens[-1][0] >= 0.0:
                    last = tokens[-1]
                    tokens[-1] = (last[0] + found * size, last[1], last[2])
                else:
                    tokens.append((found * size, spaced, 0))
                spaced = False
        return tokens

    def _footnote_height(self, number: int) -> float:
        fmt = self.profile.footnote
        text = f"{number} {self.footnotes.get(number, '')}"
        width = self.profile.text_width - fmt.left - fmt.right
        key = (text, width, fmt)
        found = self.measure.footnotes.get(key)
        if found is None:
            lines = len(self.wrap((Run(RunKind.TEXT, text),), fmt, width))
            found = self.measure.footnotes[key] = lines * line_height(fmt) + fmt.before + fmt.after
        return found

    # -- blocks ----------------------------------------------------------------

    def paragraph(self, runs: Sequence[Run], role: str) -> None:
        fmt = self.profile.format(role)
        width = self.profile.text_width - fmt.left - fmt.right
        lines = self.wrap(runs, fmt, width)
        self.flow.items.append(
            _Para(
                lines,
                line_height(fmt) + fmt.border / max(len(lines), 1),
                fmt.before,
                fmt.after,
                fmt.keep_next,
                fmt.style_id,
                fmt.contextual,
            )
        )

    def empty(self, role: str = "paragraph", border: float = 0.0) -> None:
        fmt = self.profile.format(role)
        self.flow.items.append(
            _Para([0.0], line_height(fmt) + border, fmt.before, fmt.after, False, fmt.style_id)
        )

    def title_block(self) -> None:
        meta = self.document.metadata
        self.paragraph((Run(RunKind.TEXT, meta.title),), "title")
        values = [meta.author, format_date(meta.date) if meta.date else "", meta.recipient,
                  meta.reference, meta.marking]  # fmt: skip
        values = [v for v in values if v.strip()]
        if not values:
            return
        fmt = self.profile.format("label")
        margin = self.profile.cell_margin * 2
        width = self.profile.text_width - self.profile.label_width - margin
        for value in values:
            lines = self.wrap((Run(RunKind.TEXT, value),), fmt, width)
            height = len(lines) * line_height(fmt) + fmt.before + fmt.after
            self.flow.items.append(_Row(height))
        if self.profile.blank_after_table:
            self.empty()

    def table(self, block: Block) -> None:
        table = block.table
        if table is None:
            return
        from briefer.exporters.table_layout import cell_text, fit_columns  # as Word's are

        fmt = self.profile.format("cell")
        columns = max(len(table.header), 1)
        all_rows = (table.header, *table.rows)
        texts = [[cell_text(row[c]) if c < len(row) else "" for row in all_rows]
                 for c in range(columns)]  # fmt: skip
        margins = self.profile.cell_margin * 2
        twips = fit_columns(texts, round(self.profile.text_width * 20), font=fmt.font,
                            size=fmt.size, padding=round(margins * 20))  # fmt: skip
        widths = [w / 20 - margins for w in twips]
        header_height = 0.0
        for r, row in enumerate(all_rows):
            before = len(self.cited)
            heights = [
                len(self.wrap(cell, fmt, widths[c], bold=r == 0))
                for c, cell in enumerate(row[:columns])
            ]
            notes = sum(self._footnote_height(n) for n in sorted(self.cited)[before:])
            lines = max(heights, default=1)
            height = lines * line_height(fmt) + fmt.before + fmt.after + _ROW_RULE
            if r == 0:
                header_height = height
            self.flow.items.append(_Row(height, notes, header_height if r else 0.0))
        if self.profile.blank_after_table:
            self.empty()

    def block(self, block: Block) -> None:
        kind = block.kind
        if kind is BlockKind.HEADING:
            self.paragraph(block.runs, f"heading{min(max(block.level, 1), 3)}")
        elif kind is BlockKind.QUOTE:
            self.paragraph(block.runs, "quote")
        elif kind is BlockKind.LIST_ITEM:
            level = min(max(block.level, 1), 3)
            role = "continue" if block.continuation else "number" if block.ordered else "bullet"
            self.paragraph(block.runs, f"{role}{level}")
        elif kind is BlockKind.TABLE:
            self.table(block)
        elif kind is BlockKind.RULE:
            self.empty(border=1.75)
        elif kind is BlockKind.CODE:
            runs: list[Run] = []
            for i, line in enumerate(block.text.split("\n")):
                if i:
                    runs.append(Run(RunKind.LINE_BREAK))
                runs.append(Run(RunKind.CODE, line))
            self.paragraph(tuple(runs), "code")
        else:
            self.paragraph(block.runs, "paragraph")

    def build(self) -> _Flow:
        self.title_block()
        for block in self.document.blocks:
            self.block(block)
        if self.document.sources:
            self.paragraph((Run(RunKind.TEXT, self.sources_heading),), "heading1")
            for source in self.document.sources:
                self.paragraph((Run(RunKind.TEXT, source.text),), "source")
        return self.flow


def _band(formats: Sequence[ParaFormat], marking: bool, has_marking: bool) -> float:
    """The height of a header or footer: its paragraphs, the marking line only if marked."""
    count = len(formats) - (1 if has_marking and not marking else 0)
    return sum(line_height(f) + f.before + f.after for f in formats[: max(count, 0)])


class _Pages:
    """Fills pages top to bottom, footnotes from the bottom up, as a word processor does."""

    def __init__(self, height: float, separator: float) -> None:
        self.height = height
        self.separator = separator
        self.count = 1
        self.y = 0.0
        self.notes = 0.0
        self.carry = 0.0

    def room(self) -> float:
        return self.height - self.y - self.notes

    def new_page(self) -> None:
        self.count += 1
        self.y = 0.0
        self.notes = 0.0
        if self.carry:
            carried = min(self.carry + self.separator, self.height * 0.8)
            self.carry = max(0.0, self.carry + self.separator - carried)
            self.notes = carried

    def add_notes(self, height: float) -> None:
        if not height:
            return
        extra = height + (self.separator if not self.notes else 0.0)
        fits = max(0.0, min(extra, self.room()))
        self.notes += fits
        self.carry += extra - fits

    def line(self, height: float, notes: float) -> None:
        if self.y and height > self.room():
            self.new_page()
        self.y += height
        self.add_notes(notes)

    def fill(self) -> float:
        return min(1.0, (self.y + self.notes) / self.height)


def _paginate(flow: _Flow, pages: _Pages) -> None:
    items = flow.items
    previous: _Para | None = None
    for index, item in enumerate(items):
        if isinstance(item, _Row):
            if pages.y and item.height + item.notes > pages.room():
                pages.new_page()
                pages.y += item.header
            pages.y += item.height
            pages.add_notes(item.notes)
            previous = None
            continue
        # Between two paragraphs the larger of the space after and the space before, as
        # LibreOffice sets Word files (measured: a 10 pt after and 10 pt before leave 10 pt).
        before = item.before
        if previous is not None:
            if item.contextual and previous.style == item.style:
                pages.y = max(0.0, pages.y - previous.after)
                before = 0.0
            else:
                overlap = min(previous.after, before)
                before -= overlap
        # No lone first line at a page's foot; a heading (keep with next) goes over with
        # whatever it is kept with, through a run of headings, and two lines of the text.
        needed = before + item.line * min(len(item.lines), 2)
        if item.keep_next:
            needed = before + item.line * len(item.lines)
            last: _Para | _Row = item
            for following in items[index + 1 : index + 6]:
                if isinstance(following, _Row):
                    needed += following.height
                    break
                assert isinstance(last, _Para)
                gap = max(last.after, following.before)
                if following.keep_next:
                    needed += gap + following.line * len(following.lines)
                    last = following
                    continue
                needed += gap + following.line * min(len(following.lines), 2)
                break
        if pages.y and needed > pages.room():
            pages.new_page()
        pages.y += before
        for notes in item.lines:
            pages.line(item.line, notes)
        pages.y = min(pages.y + item.after, pages.height - pages.notes)
        previous = item


def estimate_pages(
    document: ExportDocument,
    profile: PageProfile,
    cache: LayoutCache | None = None,
    language: str | None = None,
) -> PageEstimate:
    """The pages ``document`` fills when written by the DOCX writer whose output ``profile``
    describes, as LibreOffice (and Word, with the same fonts) lays it out.

    ``cache`` (one per profile) spares re-measuring what did not change since the last call.
    ``language`` is the note's, whose Sources heading the export writes ("Quellen").
    """
    meta = document.metadata
    marked = bool(meta.marking.strip())
    top = max(profile.top, profile.header_distance
              + _band(profile.header, marked, profile.header_marking))  # fmt: skip
    bottom = max(profile.bottom, profile.footer_distance
                 + _band(profile.footer, marked, profile.footer_marking))  # fmt: skip
    height = profile.page_height - top - bottom
    # The last footnote's space after is lost at the foot of the page, so it comes off
    # the separator, which LibreOffice draws with its own spacing, not the separator
    # paragraph's: about 10 pt from the text to the first footnote (measured).
    pages = _Pages(max(height, 72.0), FOOTNOTE_SEPARATOR - profile.footnote.after)
    cache = cache if cache is not None else LayoutCache()
    layout = _Layout(document, profile, cache, export_words(language).sources)
    _paginate(layout.build(), pages)
    cache.trim()
    length = pages.count - 1 + pages.fill()
    return PageEstimate(pages.count, round(max(length, 0.1), 1))
