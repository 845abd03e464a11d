"""Builds the reader's QTextDocument from an Article and keeps the offset map.

The displayed text is the canonical text plus a metadata header and block
breaks; ``OffsetMap`` translates exactly between the two. No signals, no widget.
"""

from __future__ import annotations

import bisect
import math
import re

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
    QTextList,
    QTextListFormat,
)

from briefer.core.model import Article, ArticleImage, Block, BlockKind
from briefer.core.record import Record
from briefer.core.suggest import article_blocks
from briefer.ui.common.citation_gaps import citation_gaps

LINE_HEIGHT = 150
"""Per cent of the font's natural height: the comfortable 1.5 of print typography."""

MEASURE = 72
"""Characters per line of the text column, the 65-75 of readable print."""

# Characters that would end a QTextBlock are shown as in-block line breaks,
# one character for one, so offsets inside a block stay aligned.
_BREAKS = str.maketrans({"\n": "\u2028", "\r": "\u2028", "\u2029": "\u2028"})


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
"""Characters beyond the BMP: one code point in Python, two UTF-16 units in Qt."""


def astral_positions(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Indices of the characters beyond the BMP in ``text[start:end]``, found by the regex
    engine: a Python loop over every character took seconds on a 20 MB article."""
    return [m.start() for m in _ASTRAL.finditer(text, start, len(text) if end is None else end)]


class OffsetMap:
    """Exact translation between canonical offsets and document positions.

    One entry per article block, added in text order. Qt counts UTF-16 code units,
    Python counts code points, so the characters beyond the BMP (emoji) are
    remembered once for the whole article, by canonical offset and by the document
    position just after them: no per-block Python objects, which a 200,000-line
    article made by the hundred thousand.
    """

    def __init__(self) -> None:
        self.canon_starts: list[int] = []
        self.canon_ends: list[int] = []
        self.doc_starts: list[int] = []
        self._astral: list[int] = []  # canonical offset of each wide char, ascending
        self._astral_doc_ends: list[int] = []  # document position just after each

    def add(self, canon_start: int, text: str, doc_start: int) -> None:
        """A block whose text ``text`` starts at ``canon_start`` and at ``doc_start``."""
        wide = [canon_start + i for i in astral_positions(text)]
        self.add_block(canon_start, canon_start + len(text), doc_start, wide)

    def add_block(self, canon_start: int, canon_end: int, doc_start: int, wide: list[int]) -> None:
        """A block by its spans; ``wide`` are the canonical offsets of its wide chars."""
        if self.canon_starts and canon_start < self.canon_ends[-1]:
            raise ValueError("Blocks must be added in text order.")
        self.canon_starts.append(canon_start)
        self.canon_ends.append(canon_end)
        self.doc_starts.append(doc_start)
        self._astral.extend(wide)
        self._astral_doc_ends.extend(
            doc_start + (offset - canon_start) + k + 2 for k, offset in enumerate(wide)
        )

    def doc_length(self, canon_start: int, canon_end: int) -> int:
        """UTF-16 length of the canonical text between two offsets of added blocks."""
        wide = bisect.bisect_left(self._astral, canon_end) - bisect.bisect_left(
            self._astral, canon_start
        )
        return canon_end - canon_start + wide

    @property
    def body_start(self) -> int:
        """The document position where the article text begins (after the header)."""
        return self.doc_starts[0] if self.doc_starts else 0

    def canonical_to_doc(self, offset: int) -> int:
        """The document position of a canonical offset; gaps between blocks go forward."""
        if not self.canon_starts:
            return 0
        i = bisect.bisect_right(self.canon_starts, offset) - 1
        if i < 0:
            return self.doc_starts[0]
        if offset > self.canon_ends[i]:
            if i + 1 < len(self.canon_starts):
                return self.doc_starts[i + 1]
            offset = self.canon_ends[i]
        return self.doc_starts[i] + self.doc_length(self.canon_starts[i], offset)

    def doc_to_canonical(self, pos: int) -> int | None:
        """The canonical offset at a document position; None in the metadata header."""
        i = bisect.bisect_right(self.doc_starts, pos) - 1
        if i < 0:
            return None
        start, end = self.canon_starts[i], self.canon_ends[i]
        first = bisect.bisect_left(self._astral, start)
        last = bisect.bisect_left(self._astral, end, first)
        rel = pos - self.doc_starts[i]
        rel -= bisect.bisect_right(self._astral_doc_ends, pos, first, last) - first
        return min(start + rel, end)


class ReaderStyle(Record, frozen=True):
    """Fonts and colours of one rendering, derived from the widget's palette and font."""

    body: QFont
    ui: QFont
    text: QColor
    muted: QColor
    base: QColor
    rule: QColor
    dark: bool

    @classmethod
    def from_palette(cls, palette: QPalette, ui_font: QFont) -> ReaderStyle:
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        body = QFont(ui_font)
        body.setFamilies(["Source Serif 4", "Charter", "Georgia", "Noto Serif", "DejaVu Serif"])
        body.setPointSizeF(max(ui_font.pointSizeF(), 9.0) * 1.2)
        heading = QFont(ui_font)
        heading.setPointSizeF(body.pointSizeF())
        return cls(
            body=body,
            ui=heading,
            text=text,
            muted=blend(text, base, 0.38),
            base=base,
            rule=blend(text, base, 0.7),
            dark=base.lightnessF() < 0.5,
        )

    def column_width(self) -> float:
        """Pixel width of a text column of ``MEASURE`` characters in the body font."""
        return QFontMetricsF(self.body).averageCharWidth() * MEASURE

    def em(self) -> float:
        return QFontMetricsF(self.body).height()


_HEADING_SCALE = {1: 1.45, 2: 1.25, 3: 1.1}
_LIST_STYLES = {
    (False, 1): QTextListFormat.Style.ListDisc,
    (False, 2): QTextListFormat.Style.ListCircle,
    (True, 1): QTextListFormat.Style.ListDecimal,
    (True, 2): QTextListFormat.Style.ListLowerAlpha,
}


class _Formats:
    """Block and character formats for each kind of block, in one style."""

    def __init__(self, style: ReaderStyle) -> None:
        self.style = style
        self.em = style.em()

    def block(
        self, top: float = 0.0, bottom: float = 0.6, height: int = LINE_HEIGHT
    ) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top * self.em)
        fmt.setBottomMargin(bottom * self.em)
        fmt.setLineHeight(height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return fmt

    def chars(
        self, font: QFont, scale: float = 1.0, colour: QColor | None = None
    ) -> QTextCharFormat:
        fmt = QTextCharFormat()
        sized = QFont(font)
        sized.setPointSizeF(font.pointSizeF() * scale)
        fmt.setFont(sized)
        if colour is not None:
            fmt.setForeground(colour)
        return fmt

    def for_block(self, block: Block) -> tuple[QTextBlockFormat, QTextCharFormat]:
        style = self.style
        kind = block.kind
        if kind is BlockKind.HEADING:
            scale = _HEADING_SCALE.get(block.level, 1.0)
            chars = self.chars(style.ui, scale)
            chars.setFontWeight(QFont.Weight.DemiBold)
            return self.block(top=1.0 if block.level <= 2 else 0.7, bottom=0.3, height=125), chars
        if kind is BlockKind.QUOTE:
            fmt = self.block(bottom=0.7)
            fmt.setLeftMargin(1.6 * self.em)
            fmt.setRightMargin(1.0 * self.em)
            chars = self.chars(style.body, 1.0, blend(style.text, style.base, 0.15))
            chars.setFontItalic(True)
            return fmt, chars
        if kind is BlockKind.LIST_ITEM:
            return self.block(bottom=0.25), self.chars(style.body)
        if kind is BlockKind.CAPTION:
            return self.block(top=0.5, bottom=0.8), self.chars(style.ui, 0.82, style.muted)
        if kind is BlockKind.PREFORMATTED:
            fmt = self.block(bottom=0.7, height=125)
            fmt.setBackground(blend(style.base, style.text, 0.05))
            mono = QFont(style.body)
            mono.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
            mono.setStyleHint(QFont.StyleHint.Monospace)
            return fmt, self.chars(mono, 0.85)
        if kind is BlockKind.TABLE_ROW:
            return self.block(bottom=0.2, height=130), self.chars(style.body, 0.92)
        if block.level > 0:  # a paragraph holding its own list number ("a. ...")
            fmt = self.block(bottom=0.25)
            fmt.setLeftMargin(1.6 * self.em * min(block.level, 6))
            return fmt, self.chars(style.body)
        return self.block(bottom=0.75), self.chars(style.body)


class Rendering(Record):
    """What the view needs to remember about a rendered article."""

    offsets: OffsetMap
    quotes: list[tuple[int, int]]  # document ranges of quote blocks, for the left rule


def _meta_line(article: Article) -> str:
    day = article.published
    date = f"{day.day} {day:%B %Y}" if day else ""
    return "  ·  ".join(v for v in (article.publisher, article.author, date) if v)


TITLE_SCALE = 1.75
"""The title's size against the body's, for a headline of a line or two."""
LONG_TITLE = 120
"""Characters past which a title is set smaller: a report's 250-character title at the
full size took half the Reader on a laptop, eight lines before the first of the text."""


def title_scale(length: int) -> float:
    """The title's size for a title of ``length`` characters: full up to LONG_TITLE,
    then smaller, down to a little above the body's size for a paragraph-long one."""
    if length <= LONG_TITLE:
        return TITLE_SCALE
    return max(1.2, TITLE_SCALE * math.sqrt(LONG_TITLE / length))


def _is_title_heading(article: Article, block: Block) -> bool:
    def fold(text: str) -> str:
        return " ".join(text.split()).casefold()

    return block.kind is BlockKind.HEADING and fold(article.block_text(block)) == fold(
        article.title
    )


class DocumentBuilder:
    """Puts an article into a document: the header, then one QTextBlock per block.

    ``step`` inserts the next slice of text, so a long article can go in with the
    event loop running between slices; ``render_article`` runs it in one go. Runs of
    blocks of one kind go in with one ``insertText`` (paragraph separators make the
    blocks, sharing the run's formats): a Python call per block took seconds on a
    200,000-line text. Block positions are counted, not asked of Qt, so the offset
    map is exact whatever the run length.
    """

    def __init__(self, document: QTextDocument, article: Article, style: ReaderStyle) -> None:
        self.article = article
        self.document = document
        self.rendering = Rendering(OffsetMap(), [])
        self.total = max(len(article.text), 1)
        self.inserted = 0
        self._formats = _Formats(style)
        self._cache: dict[tuple[BlockKind, int], tuple[QTextBlockFormat, QTextCharFormat]] = {}
        self._blocks = sorted(article_blocks(article), key=lambda b: b.start)
        self._images = sorted(article.images, key=lambda image: image.offset)
        self._next = 0
        self._lists: dict[int, QTextList] = {}
        self._previous: Block | None = None
        self._started = False
        self.finished = False
        document.clear()
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(style.body)
        self._cursor = QTextCursor(document)

    @property
    def progress(self) -> float:
        """How much of the article's text is in the document, 0..1."""
        return min(self.inserted / self.total, 1.0)

    def step(self, budget: int) -> bool:
        """Insert about ``budget`` more characters (at least one block); True when all is in."""
        cursor = self._cursor
        cursor.beginEditBlock()
        if not self._started:
            self._started = True
            self._header()
        inserted = 0
        while self._next < len(self._blocks) and (inserted < budget or not inserted):
            inserted += self._insert_run(budget - inserted)
        self.inserted += inserted
        if self._next >= len(self._blocks) and not self.finished:
            for image in self._images:  # images after the last block of text
                _insert_image(cursor, image, self._formats, len(self._images))
            self._images = []
            self.finished = True
        cursor.endEditBlock()
        return self.finished

    def _header(self) -> None:
        cursor, formats, style = self._cursor, self._formats, self._formats.style
        article, blocks = self.article, self._blocks
        opens_with_title = bool(blocks) and _is_title_heading(article, blocks[0])
        shown = article.block_text(blocks[0]) if opens_with_title else article.title
        title_chars = formats.chars(style.ui, title_scale(len(shown)))
        title_chars.setFontWeight(QFont.Weight.DemiBold)
        cursor.setBlockFormat(formats.block(bottom=0.35, height=118))
        cursor.setBlockCharFormat(title_chars)
        if opens_with_title:
            # The text opens with its own title: show that block as the title (it stays
            # taggable) instead of printing the title twice.
            first = blocks[0]
            wide = astral_positions(article.text, first.start, first.end)
            self._add_offsets(first, cursor.position(), wide)
            cursor.insertText(article.block_text(first).translate(_BREAKS), title_chars)
            self._next = 1
        else:
            title = article.title or "Untitled article"
            cursor.insertText(title.translate(_BREAKS), title_chars)
        header = [
            (_meta_line(article), 0.92, 0.15),
            (article.url, 0.8, 0.0),
            # before a note cites it, not at the export's check: "No publisher or date yet…"
            (citation_gaps(article.publisher, article.published), 0.8, 0.0),
        ]
        for line, scale, bottom in header:
            if line:
                chars = formats.chars(style.ui, scale, style.muted)
                cursor.insertBlock(formats.block(bottom=bottom, height=130), chars)
                cursor.insertText(line.translate(_BREAKS), chars)
        # The gap between header and text belongs to the last header block.
        last = cursor.blockFormat()
        last.setBottomMargin(1.6 * formats.em)
        cursor.setBlockFormat(last)

    def _formats_for(self, block: Block) -> tuple[QTextBlockFormat, QTextCharFormat]:
        key = (block.kind, block.level)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._formats.for_block(block)
        return found

    def _add_offsets(self, block: Block, doc_start: int, wide: list[int]) -> int:
        """Map ``block`` at ``doc_start``; ``wide`` holds (at least) its wide characters'
        offsets, found a run at a time, as one scan of 20 MB held the window 0.2 s."""
        first = bisect.bisect_left(wide, block.start)
        last = bisect.bisect_left(wide, block.end, first)
        self.rendering.offsets.add_block(block.start, block.end, doc_start, wide[first:last])
        return block.end - block.start + last - first

    def _insert_run(self, budget: int) -> int:
        """Insert the next block and the blocks after it that share its formats."""
        cursor, blocks = self._cursor, self._blocks
        block = blocks[self._next]
        while self._images and self._images[0].offset <= block.start:
            image = self._images.pop(0)
            _insert_image(cursor, image, self._formats, len(self._images))
            self._lists.clear()
        block_format, chars = self._formats_for(block)
        cursor.insertBlock(block_format, chars)
        run = [block]
        if block.kind is BlockKind.LIST_ITEM:
            _join_list(cursor, block, self._previous, self._lists, self._formats.em)
        else:
            self._lists.clear()
            size = block.end - block.start
            while self._next + len(run) < len(blocks) and size < budget:
                nxt = blocks[self._next + len(run)]
                if (nxt.kind, nxt.level) != (block.kind, block.level) or (
                    self._images and self._images[0].offset <= nxt.start
                ):
                    break
                run.append(nxt)
                size += nxt.end - nxt.start
        position = cursor.position()
        text = self.article.text
        wide = astral_positions(text, run[0].start, run[-1].end)
        for item in run:
            length = self._add_offsets(item, position, wide)
            if item.kind is BlockKind.QUOTE:
                self.rendering.quotes.append((position, position + length))
            position += length + 1  # the paragraph separator
        cursor.insertText(
            "\u2029".join(text[b.start : b.end].translate(_BREAKS) for b in run), chars
        )
        self._next += len(run)
        self._previous = run[-1]
        return sum(b.end - b.start for b in run)


def render_article(document: QTextDocument, article: Article, style: ReaderStyle) -> Rendering:
    """Replace the document's content with ``article`` at once (one edit, one layout)."""
    builder = DocumentBuilder(document, article, style)
    builder.step(len(article.text) + 1)
    return builder.rendering


def _insert_image(cursor: QTextCursor, image: ArticleImage, formats: _Formats, key: int) -> None:
    """The image in a block of its own, scaled to the text column; not part of the text.

    It takes no canonical characters, so the offset map (built from the text
    blocks' actual positions) stays exact around it.
    """
    picture = QImage.fromData(image.data)
    if picture.isNull():
        return
    document = cursor.document()
    url = QUrl(f"briefer-image:{key}-{image.offset}-{image.name}")
    document.addResource(QTextDocument.ResourceType.ImageResource, url, picture)
    fmt = QTextImageFormat()
    fmt.setName(url.toString())
    width = min(float(picture.width()), formats.style.column_width())
    fmt.setWidth(width)
    fmt.setHeight(picture.height() * width / max(picture.width(), 1))
    if image.caption:
        fmt.setToolTip(image.caption)
    block = formats.block(top=0.3, bottom=0.9, height=100)
    block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    cursor.insertBlock(block, QTextCharFormat())
    cursor.insertImage(fmt)


def _join_list(
    cursor: QTextCursor,
    block: Block,
    previous: Block | None,
    lists: dict[int, QTextList],
    em: float,
) -> None:
    """Put the current QTextBlock into the list for its level, starting one if needed."""
    level = max(block.level, 1)
    for deeper in [lv for lv in lists if lv > level]:
        del lists[deeper]
    current = lists.get(level)
    continued = previous is not None and previous.kind is BlockKind.LIST_ITEM
    if (
        current is not None
        and continued
        and current.format().property(QTextFormat.Property.UserProperty) == int(block.ordered)
    ):
        current.add(cursor.block())
        return
    fmt = QTextListFormat()
    fmt.setStyle(_LIST_STYLES.get((block.ordered, min(level, 2)), QTextListFormat.Style.ListSquare))
    fmt.setIndent(level)
    fmt.setNumberSuffix(".")
    fmt.setProperty(QTextFormat.Property.UserProperty, int(block.ordered))
    lists[level] = cursor.createList(fmt)
    cursor.document().setIndentWidth(1.6 * em)
