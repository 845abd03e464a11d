"""A section's Markdown shown as a page: Markdown to QTextDocument, with a check it comes back.

Parses with markdown-it-py, CommonMark plus tables plus the ``[@pN]`` citation
token, as the exporters read notes, and builds headings, emphasis, lists, tables,
block quotations and citation chips (rich_format says how each is marked). The
way back is rich_export. Anything the page view cannot hold exactly (code
blocks, raw HTML, images, nested quotations...) raises :class:`Unsupported`,
and :func:`shows_exactly` says whether a body survives the trip, so the editor
can show such a section as source instead of losing a character of it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock, reference
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextListFormat,
    QTextTableFormat,
)

from briefer.core.citations import CITATION_PATTERN, opens_citation_label
from briefer.core.record import Record
from briefer.ui.composer import rich_format as rf

_QUOTE_GROUPS = itertools.count(1)
QUOTE_INDENT = 28.0


class Unsupported(ValueError):
    """The body holds something the page view cannot show exactly."""


class Look(Record, frozen=True):
    """The few colours the loader needs (the editor passes its palette's)."""

    link: str = "#1a5fb4"


PLAIN_LOOK = Look()
"""The colours used when the caller passes none."""


def make_parser() -> MarkdownIt:
    """CommonMark, tables and the citation token: what the exporters parse."""
    md = MarkdownIt("commonmark").enable("table")
    md.inline.ruler.before("link", "citation", _citation_rule)
    md.add_render_rule("citation", lambda _r, tokens, idx, *_: f"[@p{tokens[idx].meta['pid']}]")
    md.block.ruler.at("reference", _reference_unless_citation)
    return md


def _reference_unless_citation(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    # As the exporters read it: "[@p3]: Kyiv" is a citation and text, not a hidden definition.
    if opens_citation_label(state.src, state.bMarks[start] + state.tShift[start]):
        return False
    return reference(state, start, end, silent)


def _citation_rule(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "[":
        return False
    match = CITATION_PATTERN.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.meta = {"pid": int(match.group(1))}
    state.pos = match.end()
    return True


_PARSER = make_parser()


_SPACE_AT_BLOCK_END = re.compile(r"[ \t]+(?=</(?:p|li|h[1-6]|td|th)>)")


def shows_exactly(markdown: str, saved: str) -> bool:
    """Whether ``saved`` (the page view's Markdown of ``markdown``) reads the same.

    Spaces at a block's end show as nothing, so the page writes none: a body saved
    with "bite.&#32;" before it dropped them still shows as a page, not as source.
    """
    if saved == markdown:
        return True
    return _render(saved) == _render(markdown)


def _render(markdown: str) -> str:
    return _SPACE_AT_BLOCK_END.sub("", _PARSER.render(markdown))


def load_markdown(document: QTextDocument, markdown: str, look: Look = PLAIN_LOOK) -> None:
    """Replace ``document``'s content with ``markdown`` as a page (raises Unsupported)."""
    tokens = _PARSER.parse(markdown)
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    try:
        _Builder(cursor, look).build(tokens)
    finally:
        cursor.endEditBlock()


def insert_markdown(cursor: QTextCursor, markdown: str, look: Look = PLAIN_LOOK) -> None:
    """Put ``markdown`` at ``cursor`` as blocks of their own (raises Unsupported first)."""
    tokens = _PARSER.parse(markdown)
    probe = QTextDocument()
    _Builder(QTextCursor(probe), look).blocks(tokens)  # refuse before touching the editor
    cursor.beginEditBlock()
    try:
        cursor.clearSelection()
        in_table = cursor.currentTable() is not None
        if cursor.atBlockStart() and cursor.block().text().strip() and not in_table:
            _open_block_before(cursor)  # at a paragraph's start, as a word processor does
        elif cursor.block().text().strip() or in_table:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            if cursor.currentTable() is not None:
                table = cursor.currentTable()
                cursor.setPosition(table.lastPosition() + 1)
            cursor.insertBlock(paragraph_format(), QTextCharFormat())
        else:
            _plain_block(cursor)
        _Builder(cursor, look).build(tokens)
    finally:
        cursor.endEditBlock()


def _open_block_before(cursor: QTextCursor) -> None:
    """An empty paragraph before the cursor's block, the cursor in it."""
    block = cursor.block()
    cursor.insertBlock(block.blockFormat(), block.charFormat())  # the text moves down, as it was
    empty = cursor.block().previous()
    the_list = empty.textList()
    if the_list is not None:
        the_list.remove(empty)
    cursor.setPosition(empty.position())
    cursor.setBlockFormat(paragraph_format())
    cursor.setBlockCharFormat(QTextCharFormat())


def _plain_block(cursor: QTextCursor) -> None:
    current = cursor.block().textList()
    if current is not None:
        current.remove(cursor.block())
    cursor.setBlockFormat(paragraph_format())
    cursor.setBlockCharFormat(QTextCharFormat())


def paragraph_format() -> QTextBlockFormat:
    """A paragraph's block: space below it, as on the printed page."""
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(8)
    return fmt


def heading_block_format(level: int) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setHeadingLevel(level)
    fmt.setTopMargin(10)
    fmt.setBottomMargin(4)
    return fmt


def heading_format(level: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, rf.HEADING_SIZE.get(level, 0))
    return fmt


def quote_block_format(group: int) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(rf.QUOTE_GROUP, group)
    fmt.setLeftMargin(QUOTE_INDENT)
    fmt.setRightMargin(QUOTE_INDENT)
    fmt.setTopMargin(4)
    fmt.setBottomMargin(4)
    return fmt


def new_quote_group() -> int:
    return next(_QUOTE_GROUPS)


def chip_format(passage_id: int, base: QTextCharFormat | None = None) -> QTextImageFormat:
    """One image character naming the passage; the editor draws the image (chips.py)."""
    fmt = QTextImageFormat()
    if base is not None:
        fmt.merge(base)
    for prop in (rf.EMPHASIS, rf.STRONG, rf.CODE, rf.SOFT_BREAK):
        fmt.clearProperty(prop)
    fmt.setObjectType(QTextFormat.ObjectTypes.ImageObject)
    fmt.setName(f"{rf.CHIP_SCHEME}:{passage_id}")
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
    fmt.setProperty(rf.PASSAGE_ID, passage_id)
    return fmt


class _Builder:
    """Walks markdown-it's block tokens, writing blocks at a cursor on an empty block."""

    def __init__(self, cursor: QTextCursor, look: Look) -> None:
        self.cursor = cursor
        self.look = look
        self.fresh = True  # the cursor's block is empty and still to be used

    def _next_block(self, fmt: QTextBlockFormat, chars: QTextCharFormat) -> None:
        if self.fresh:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(chars)
        else:
            self.cursor.insertBlock(fmt, chars)
        self.fresh = False

    def blocks(self, tokens: Sequence[Token]) -> None:
        i = 0
        while i < len(tokens):
            i = self._block(tokens, i)

    def build(self, tokens: Sequence[Token]) -> None:
        """The blocks, then an empty block left over made a paragraph.

        An empty section, or the block after a closing table, is where the analyst
        types next. Left with Qt's bare format it had no paragraph spacing, nor had
        every paragraph Enter made from it: the page showed real paragraphs as the
        lines of one, until the section was opened again.
        """
        self.blocks(tokens)
        if self.fresh and not self.cursor.block().text() and self.cursor.currentTable() is None:
            self._next_block(paragraph_format(), QTextCharFormat())

    def _block(self, tokens: Sequence[Token], i: int) -> int:
        token = tokens[i]
        kind = token.type
        if kind == "paragraph_open":
            self._next_block(paragraph_format(), QTextCharFormat())
            self._inline(tokens[i + 1], QTextCharFormat())
            return i + 3
        if kind == "heading_open":
            level = int(token.tag[1])
            fmt = heading_block_format(level)
            chars = heading_format(level)
            self._next_block(fmt, chars)
            self._inline(tokens[i + 1], chars)
            return i + 3
        if kind == "blockquote_open":
            return self._quote(tokens, i)
        if kind in ("bullet_list_open", "ordered_list_open"):
            return self._list(tokens, i, 1)
        if kind == "table_open":
            return self._table(tokens, i)
        raise Unsupported(f"the page view cannot show {kind}")

    def _quote(self, tokens: Sequence[Token], i: int) -> int:
        group = new_quote_group()
        i += 1
        while tokens[i].type != "blockquote_close":
            if tokens[i].type != "paragraph_open":
                raise Unsupported("the page view shows only paragraphs in a quotation")
            self._next_block(quote_block_format(group), QTextCharFormat())
            self._inline(tokens[i + 1], QTextCharFormat())
            i += 3
        return i + 1

    def _list(self, tokens: Sequence[Token], i: int, depth: int) -> int:
        opening = tokens[i]
        closing = opening.type.replace("_open", "_close")
        fmt = QTextListFormat()
        ordered = opening.type == "ordered_list_open"
        fmt.setStyle(
            QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc
        )
        fmt.setIndent(depth)
        marker = opening.markup[-1:] if opening.markup else ("." if ordered else "-")
        fmt.setProperty(rf.LIST_MARKER, marker)
        if ordered:
            fmt.setStart(int(opening.attrGet("start") or 1))
        items = _item_ranges(tokens, i)
        fmt.setProperty(rf.LIST_LOOSE, _is_loose(tokens, items))
        the_list = None
        for start, end in items:
            self._next_block(QTextBlockFormat(), QTextCharFormat())
            if the_list is None:
                the_list = self.cursor.createList(fmt)
            else:
                the_list.add(self.cursor.block())
            j = start + 1
            if j < end and tokens[j].type == "paragraph_open":
                self._inline(tokens[j + 1], QTextCharFormat())
                j += 3
            while j < end:
                if tokens[j].type not in ("bullet_list_open", "ordered_list_open"):
                    raise Unsupported("the page view shows one paragraph per list item")
                j = self._list(tokens, j, depth + 1)
        assert tokens[items[-1][1]].type == "list_item_close"
        end = items[-1][1] + 1
        if tokens[end].type != closing:
            raise Unsupported("unexpected list structure")
        return end + 1

    def _table(self, tokens: Sequence[Token], i: int) -> int:
        rows: list[list[Token]] = []
        aligns: list[str] = []
        while tokens[i].type != "table_close":
            if tokens[i].type == "tr_open":
                rows.append([])
            elif tokens[i].type in ("th_open", "td_open"):
                if len(rows) == 1:
                    style = str(tokens[i].attrGet("style") or "")
                    aligns.append(
                        {"left": "l", "center": "c", "right": "r"}.get(style.split(":")[-1], "-")
                    )
                rows[-1].append(tokens[i + 1])
            i += 1
        columns = len(rows[0])
        fmt = QTextTableFormat()
        fmt.setHeaderRowCount(1)
        fmt.setBorder(1)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderCollapse(True)
        fmt.setCellPadding(4)
        fmt.setCellSpacing(0)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setProperty(rf.TABLE_ALIGN, "".join(aligns))
        # The block Qt keeps before a table: where typing above the table goes, a paragraph.
        self._next_block(paragraph_format(), QTextCharFormat())
        table = self.cursor.insertTable(len(rows), columns, fmt)
        for r, row in enumerate(rows):
            for c in range(columns):
                cell = table.cellAt(r, c)
                self.cursor = cell.firstCursorPosition()
                block = QTextBlockFormat()
                block.setAlignment(_ALIGN[aligns[c]])
                self.cursor.setBlockFormat(block)
                chars = QTextCharFormat()
                if r == 0:
                    chars.setFontWeight(QFont.Weight.Bold)
                if c < len(row):
                    self._inline(row[c], chars)
        self.cursor.setPosition(table.lastPosition() + 1)
        self.fresh = False  # the block after a table is Qt's, not ours to restyle
        if not self.cursor.block().text():
            self.fresh = True
        return i + 1

    def _inline(self, token: Token, base: QTextCharFormat) -> None:
        fmt = QTextCharFormat(base)
        cursor = self.cursor
        for child in token.children or ():
            kind = child.type
            if kind == "text":
                cursor.insertText(child.content, fmt)
            elif kind == "softbreak":
                soft = QTextCharFormat(fmt)
                soft.setProperty(rf.SOFT_BREAK, True)
                cursor.insertText(" ", soft)
            elif kind == "hardbreak":
                cursor.insertText(rf.LINE_SEPARATOR, fmt)
            elif kind == "em_open":
                fmt.setFontItalic(True)
                fmt.setProperty(rf.EMPHASIS, child.markup)
            elif kind == "em_close":
                fmt.setFontItalic(base.fontItalic())
                fmt.clearProperty(rf.EMPHASIS)
            elif kind == "strong_open":
                fmt.setFontWeight(QFont.Weight.Bold)
                fmt.setProperty(rf.STRONG, child.markup)
            elif kind == "strong_close":
                fmt.setFontWeight(base.fontWeight())
                fmt.clearProperty(rf.STRONG)
            elif kind == "link_open":
                fmt.setAnchor(True)
                fmt.setAnchorHref(str(child.attrGet("href") or ""))
                fmt.setFontUnderline(True)
                fmt.setForeground(QColor(self.look.link))
                if child.markup == "autolink":
                    fmt.setProperty(rf.AUTOLINK, True)
            elif kind == "link_close":
                fmt = _without_link(fmt, base)
            elif kind == "code_inline":
                code = QTextCharFormat(fmt)
                code.setFontFixedPitch(True)
                code.setFontFamilies(["monospace"])
                code.setProperty(rf.CODE, True)
                cursor.insertText(child.content, code)
            elif kind == "citation":
                cursor.insertText(rf.OBJECT_CHAR, chip_format(int(child.meta["pid"]), fmt))
            else:
                raise Unsupported(f"the page view cannot show {kind}")


_ALIGN = {
    "l": Qt.AlignmentFlag.AlignLeft,
    "c": Qt.AlignmentFlag.AlignHCenter,
    "r": Qt.AlignmentFlag.AlignRight,
    "-": Qt.AlignmentFlag.AlignLeft,
}


def _without_link(fmt: QTextCharFormat, base: QTextCharFormat) -> QTextCharFormat:
    plain = QTextCharFormat(fmt)
    for prop in (
        QTextFormat.Property.IsAnchor,
        QTextFormat.Property.AnchorHref,
        QTextFormat.Property.TextUnderlineStyle,
        QTextFormat.Property.FontUnderline,
        QTextFormat.Property.ForegroundBrush,
        rf.AUTOLINK,
    ):
        if base.hasProperty(prop):
            plain.setProperty(prop, base.property(prop))
        else:
            plain.clearProperty(prop)
    return plain


def _item_ranges(tokens: Sequence[Token], i: int) -> list[tuple[int, int]]:
    """(list_item_open, its list_item_close) index pairs of the list opening at ``i``."""
    items: list[tuple[int, int]] = []
    depth = 0
    j = i + 1
    start = 0
    while True:
        kind = tokens[j].type
        if kind == "list_item_open":
            if depth == 0:
                start = j
            depth += 1
        elif kind == "list_item_close":
            depth -= 1
            if depth == 0:
                items.append((start, j))
        elif depth == 0 and kind.endswith("_list_close"):
            return items
        j += 1


def _is_loose(tokens: Sequence[Token], items: list[tuple[int, int]]) -> bool:
    """A loose list's paragraphs are shown (not hidden) by markdown-it."""
    for start, end in items:
        for j in range(start + 1, end):
            if tokens[j].type == "paragraph_open" and tokens[j].level == tokens[start].level + 1:
                return not tokens[j].hidden
    return False
