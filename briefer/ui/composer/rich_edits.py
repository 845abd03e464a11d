"""Formatting edits on the page view: bold and italic, lists, headings, quotations, tables.

Each works on a QTextCursor of the rich section editor and keeps the meaning
properties (rich_format) in step with the look, so what the analyst sees is
what rich_export writes. Qt only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextListFormat,
)

from briefer.ui.composer import rich_format as rf
from briefer.ui.composer.rich_markdown import (
    heading_block_format,
    new_quote_group,
    paragraph_format,
    quote_block_format,
)


def pieces(cursor: QTextCursor) -> Iterator[tuple[int, int, QTextCharFormat]]:
    """(start, end, format) of each run the selection covers, clipped to it."""
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    block = cursor.document().findBlock(start)
    while block.isValid() and block.position() <= end:
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            s = max(start, fragment.position())
            e = min(end, fragment.position() + fragment.length())
            if s < e:
                yield s, e, fragment.charFormat()
        block = block.next()


def _is_chip(fmt: QTextCharFormat) -> bool:
    return rf.is_chip(fmt)


def toggle_inline(cursor: QTextCursor, prop: int, marker: str) -> QTextCharFormat | None:
    """Bold (STRONG) or italic (EMPHASIS) on the selection, or off if it all has it.

    With no selection, the word the cursor stands inside; at a word's edge or
    between words, returns the format to type with next (the caller sets it as
    the current char format), as a word processor does.
    """
    work = QTextCursor(cursor)
    text, at = cursor.block().text(), cursor.positionInBlock()
    inside = 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()
    if not work.hasSelection() and inside:
        work.select(QTextCursor.SelectionType.WordUnderCursor)
    if not work.hasSelection():
        fmt = QTextCharFormat(cursor.charFormat())
        _set(fmt, prop, marker, not fmt.property(prop), heading=cursor.block().blockFormat())
        return fmt
    runs = [p for p in pieces(work) if not _is_chip(p[2])]
    on = not all(fmt.property(prop) for _, _, fmt in runs)
    work.beginEditBlock()
    doc = work.document()
    for start, end, fmt in runs:
        edit = QTextCursor(doc)
        edit.setPosition(start)
        edit.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        changed = QTextCharFormat(fmt)
        _set(changed, prop, marker, on, heading=edit.block().blockFormat())
        edit.setCharFormat(changed)
    work.endEditBlock()
    return None


def _set(fmt: QTextCharFormat, prop: int, marker: str, on: bool, heading: QTextBlockFormat) -> None:
    if on:
        fmt.setProperty(prop, marker)
    else:
        fmt.clearProperty(prop)
    if prop == rf.STRONG:
        bold = on or heading.headingLevel() > 0
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    else:
        fmt.setFontItalic(on)


def selected_blocks(cursor: QTextCursor) -> list[QTextBlock]:
    doc = cursor.document()
    block = doc.findBlock(cursor.selectionStart())
    last = doc.findBlock(cursor.selectionEnd())
    blocks = []
    while block.isValid():
        blocks.append(block)
        if block == last:
            break
        block = block.next()
    return blocks


def plain_block(cursor: QTextCursor, block: QTextBlock) -> None:
    """Make ``block`` an ordinary paragraph: out of its list, quote and heading."""
    the_list = block.textList()
    if the_list is not None:
        the_list.remove(block)
    edit = QTextCursor(block)
    was_heading = block.blockFormat().headingLevel() > 0
    edit.setBlockFormat(paragraph_format())
    if was_heading:
        restyle(block, lambda fmt: _heading_look(fmt, 0))


def restyle(block: QTextBlock, change: Callable[[QTextCharFormat], None]) -> None:
    """Apply ``change`` to every run of ``block`` and to its typing format."""
    edit = QTextCursor(block)
    chars = QTextCharFormat(block.charFormat())
    change(chars)
    edit.setBlockCharFormat(chars)
    for start, end, fmt in list(_block_pieces(block)):
        piece = QTextCursor(block.document())
        piece.setPosition(start)
        piece.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        changed = QTextCharFormat(fmt)
        change(changed)
        piece.setCharFormat(changed)


def _block_pieces(block: QTextBlock) -> Iterator[tuple[int, int, QTextCharFormat]]:
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        yield fragment.position(), fragment.position() + fragment.length(), fragment.charFormat()


def _heading_look(fmt: QTextCharFormat, level: int) -> None:
    if level:
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, rf.HEADING_SIZE.get(level, 0))
    else:
        strong = bool(fmt.property(rf.STRONG))
        fmt.setFontWeight(QFont.Weight.Bold if strong else QFont.Weight.Normal)
        fmt.clearProperty(QTextFormat.Property.FontSizeAdjustment)


def set_block_kind(cursor: QTextCursor, kind: str) -> None:
    """Bulleted or numbered list, quotation, or heading 2/3 for the selected blocks.

    Applying the kind the blocks already have makes them ordinary paragraphs,
    as a toolbar toggle does. Table cells are left alone: a cell holds one line.
    """
    blocks = [b for b in selected_blocks(cursor) if QTextCursor(b).currentTable() is None]
    if not blocks:
        return
    edit = QTextCursor(cursor)
    edit.beginEditBlock()
    if all(_has_kind(b, kind) for b in blocks):
        for block in blocks:
            plain_block(edit, block)
    else:
        for block in blocks:
            plain_block(edit, block)
        if kind in ("bullet", "number"):
            fmt = QTextListFormat()
            ordered = kind == "number"
            fmt.setStyle(
                QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc
            )
            fmt.setIndent(1)
            fmt.setProperty(rf.LIST_MARKER, "." if ordered else "-")
            for block in blocks:
                QTextCursor(block).setBlockFormat(QTextBlockFormat())  # items sit close
            first = QTextCursor(blocks[0])
            the_list = first.createList(fmt)
            for block in blocks[1:]:
                the_list.add(block)
        elif kind == "quote":
            group = new_quote_group()
            for block in blocks:
                QTextCursor(block).setBlockFormat(quote_block_format(group))
        elif kind in ("h2", "h3"):
            level = int(kind[1])
            for block in blocks:
                QTextCursor(block).setBlockFormat(heading_block_format(level))
                _one_line(block)
                restyle(block, lambda f, lv=level: _heading_look(f, lv))  # type: ignore[misc]
    edit.endEditBlock()


def _one_line(block: QTextBlock) -> None:
    """A heading is one line in Markdown: its line breaks become spaces."""
    text = block.text()
    at = text.find(rf.LINE_SEPARATOR)
    while at >= 0:
        edit = QTextCursor(block.document())
        edit.setPosition(block.position() + at)
        edit.setPosition(block.position() + at + 1, QTextCursor.MoveMode.KeepAnchor)
        edit.insertText(" ")
        at = text.find(rf.LINE_SEPARATOR, at + 1)


def _has_kind(block: QTextBlock, kind: str) -> bool:
    the_list = block.textList()
    if kind in ("bullet", "number"):
        if the_list is None:
            return False
        ordered = the_list.format().style() == QTextListFormat.Style.ListDecimal
        return ordered == (kind == "number")
    if kind == "quote":
        return bool(block.blockFormat().property(rf.QUOTE_GROUP))
    if kind in ("h2", "h3"):
        return block.blockFormat().headingLevel() == int(kind[1])
    return False


def indent_item(cursor: QTextCursor, step: int) -> bool:
    """Nest a list item one level deeper (or shallower); False when not in a list."""
    block = cursor.block()
    the_list = block.textList()
    if the_list is None:
        return False
    fmt = QTextListFormat(the_list.format())
    depth = fmt.indent() + step
    if depth > 6:
        return True
    above = block.previous().textList() if block.previous().isValid() else None
    if step > 0 and (above is None or above.format().indent() < depth - 1):
        return True  # an item nests under the item above: Markdown has no other way
    edit = QTextCursor(cursor)
    edit.beginEditBlock()
    the_list.remove(block)
    if depth < 1:
        QTextCursor(block).setBlockFormat(paragraph_format())
    else:
        fmt.setIndent(depth)
        previous = block.previous()
        while previous.isValid() and previous.textList() is not None:
            sibling = previous.textList()
            if sibling is not None and sibling.format().indent() == depth:
                sibling.add(block)
                break
            if sibling is not None and sibling.format().indent() < depth:
                previous = QTextBlock()
                break
            previous = previous.previous()
        if block.textList() is None:
            fresh = QTextCursor(block)
            fresh.setBlockFormat(QTextBlockFormat())
            fresh.createList(fmt)
    edit.endEditBlock()
    return True


LIST_MARKERS = {"1.": "number", "1)": "number", "-": "bullet", "*": "bullet"}
"""What typed at the start of a paragraph, then a space, starts a list, as in Word."""


def list_from_marker(cursor: QTextCursor) -> bool:
    """After "1. " or "- " typed at the start of a plain paragraph: the paragraph becomes
    a list item and the marker goes, as in Word. False, and nothing changed, anywhere
    else (a list item, a heading, a quotation, a table cell, or a marker mid-line)."""
    block = cursor.block()
    typed = block.text()[: cursor.positionInBlock()]
    kind = LIST_MARKERS.get(typed[:-1]) if typed.endswith(" ") else None
    fmt = block.blockFormat()
    plain = block.textList() is None and cursor.currentTable() is None
    if kind is None or not plain or fmt.headingLevel() > 0 or fmt.property(rf.QUOTE_GROUP):
        return False
    edit = QTextCursor(block)
    edit.beginEditBlock()
    edit.setPosition(block.position() + len(typed), QTextCursor.MoveMode.KeepAnchor)
    edit.removeSelectedText()
    set_block_kind(edit, kind)
    edit.endEditBlock()
    return True


def after_closing_citation(cursor: QTextCursor) -> bool:
    """Whether the caret is just after the citation that ends a paragraph or quotation.

    A click below a section's last quotation puts the caret there, and the page wraps
    what is typed next onto a line of its own, as if it were a new paragraph.
    """
    block = cursor.block()
    if cursor.hasSelection() or not cursor.atBlockEnd() or block.textList() is not None:
        return False
    if cursor.currentTable() is not None or block.blockFormat().headingLevel() > 0:
        return False
    text = block.text()
    if not text.endswith(rf.OBJECT_CHAR):
        return False
    probe = QTextCursor(block)
    probe.setPosition(block.position() + len(text))
    return rf.is_chip(probe.charFormat())


def starts_words(typed: str) -> bool:
    """Whether ``typed`` begins new words (a letter, a digit, an opening mark), which
    never follow a citation mark in the same sentence, unlike a space or a comma."""
    first = typed[:1]
    return first.isalnum() or unicodedata.category(first) in ("Ps", "Pi") or first in "\"'"


def open_paragraph_after(cursor: QTextCursor) -> None:
    """A plain paragraph after the cursor's block, the cursor in it: the analyst's own
    text after a quotation, never more of the quotation."""
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertBlock(paragraph_format(), QTextCharFormat())
