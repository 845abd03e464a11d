"""The section editor: CommonMark under the hood, a document on screen.

The body is stored as CommonMark with citation tokens, and that is what
this edits (a rich-text editor would not round-trip the tokens and escapes
exactly). The highlighter makes it read like a document: headings large,
bold bold, quotations indented in the quote colour, citations as small
pale chips, markup characters dimmed. Toolbar actions and shortcuts write
the markup, so the analyst never has to.

Undo is the window's: the editor's own undo is off, and Ctrl+Z passes up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolBar, QWidget

from briefer.core.citations import CITATION_PATTERN
from briefer.ui.common.alt_keys import unclaimed_alt_chord
from briefer.ui.common.style import accents_of
from briefer.ui.common.toolbar import toolbar_action
from briefer.ui.composer.edit_menu import CitationActions, History, edit_menu, pop_up_menu
from briefer.ui.composer.passage_drop import PassageDrops

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+")
_QUOTE = re.compile(r"^ {0,3}>")
_LIST = re.compile(r"^ {0,3}(?:[-+*]|[0-9]{1,9}[.)])[ \t]+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![*_\w])([*_])(?![*_\s])(.+?)(?<![*_\s])\1(?![*_\w])")


class MarkdownHighlighter(QSyntaxHighlighter):
    """Shows Markdown as formatting; only ever changes how text looks, never the text."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        dim = palette.color(QPalette.ColorRole.PlaceholderText)
        self.markup = QTextCharFormat()
        self.markup.setForeground(dim)
        self.quote = QTextCharFormat()
        accents = accents_of(palette)
        self.quote.setForeground(QColor(accents.quotation))
        self.quote.setFontItalic(True)
        self.citation = QTextCharFormat()
        self.citation.setForeground(QColor(accents.chip_text))
        self.citation.setBackground(QColor(accents.chip_base))
        self.base_size = document.defaultFont().pointSizeF()
        if self.base_size <= 0:
            self.base_size = 10.0
        self.citation.setFontPointSize(max(7.0, self.base_size - 2))
        self.bold = QTextCharFormat()
        self.bold.setFontWeight(QFont.Weight.Bold)
        self.italic = QTextCharFormat()
        self.italic.setFontItalic(True)

    def highlightBlock(self, text: str) -> None:
        heading = _HEADING.match(text)
        if heading:
            size = QTextCharFormat()
            size.setFontWeight(QFont.Weight.Bold)
            size.setFontPointSize(self.base_size + max(1, 5 - len(heading.group(1))))
            self.setFormat(0, len(text), size)
            self.setFormat(0, heading.end(), self.markup)
        elif _QUOTE.match(text):
            self.setFormat(0, len(text), self.quote)
            self.setFormat(0, text.index(">") + 1, self.markup)
        else:
            listed = _LIST.match(text)
            if listed:
                self.setFormat(0, listed.end(), self.markup)
        for match in _STRONG.finditer(text):
            self._styled(match, self.bold, 2)
        for match in _EMPHASIS.finditer(text):
            self._styled(match, self.italic, 1)
        for match in CITATION_PATTERN.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.citation)

    def _styled(self, match: re.Match[str], style: QTextCharFormat, marker: int) -> None:
        start, end = match.start(), match.end()
        for i in range(start + marker, end - marker):
            current = self.format(i)
            current.merge(style)
            self.setFormat(i, 1, current)
        self.setFormat(start, marker, self.markup)
        self.setFormat(end - marker, marker, self.markup)


class SectionEditor(PassageDrops, QPlainTextEdit):
    """Plain text in, formatting shown; emits requests the composer turns into commands."""

    citationActivated = Signal(int)  # passage id: open its source
    sourceDetailsRequested = Signal(int)  # article id: edit its details
    passageDropped = Signal(int)  # passage id dropped at the cursor
    filesDropped = Signal(list)  # list[Path] dropped or pasted: the window imports them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionEditor")
        self.setAccessibleName("Section text")
        self.setAccessibleDescription(
            "The section's text. Ctrl+B bold, Ctrl+I italic, Ctrl+Shift+8 bullets, "
            "Ctrl+Shift+7 numbered list; Ctrl+Enter on a citation opens its source."
        )
        self.setUndoRedoEnabled(False)  # the window's undo stack owns undo
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(12)
        self.highlighter = MarkdownHighlighter(self.document(), self.palette())
        self.history: History | None = None  # the window's Undo and Redo, for the menu
        self.source_of: Callable[[int], int | None] = lambda _passage_id: None

    # -- formatting the analyst asks for -------------------------------------

    def toggle_wrap(self, marker: str) -> None:
        """Bold (``**``) or italic (``*``) around the selection, or remove it if there."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        text = cursor.selectedText()
        if not text.strip():
            return
        n = len(marker)
        unwrapped = (
            text[n:-n] if len(text) > 2 * n and text.startswith(marker) and text.endswith(marker)
            else None
        )  # fmt: skip
        cursor.insertText(unwrapped if unwrapped is not None else f"{marker}{text}{marker}")
        self.setTextCursor(cursor)

    def set_line_prefix(self, kind: str) -> None:
        """Make the selected lines a bulleted or numbered list, quote or sub-heading.

        Applying the same kind again removes it, as a toolbar toggle does.
        """
        cursor = self.textCursor()
        start, end = sorted((cursor.selectionStart(), cursor.selectionEnd()))
        block = self.document().findBlock(start)
        last = self.document().findBlock(end)
        blocks = []
        while block.isValid():
            blocks.append(block)
            if block == last:
                break
            block = block.next()
        edit = QTextCursor(self.document())
        edit.beginEditBlock()
        number = 1
        for block in blocks:
            text = block.text()
            stripped = _HEADING.sub("", _LIST.sub("", re.sub(r"^ {0,3}> ?", "", text)))
            if kind == "bullet":
                is_bullet = bool(_LIST.match(text)) and not text.lstrip()[0].isdigit()
                new = stripped if is_bullet else f"- {stripped}"
            elif kind == "number":
                is_numbered = bool(_LIST.match(text)) and text.lstrip()[0].isdigit()
                new = stripped if is_numbered else f"{number}. {stripped}"
                number += 1
            elif kind == "quote":
                new = stripped if _QUOTE.match(text) else f"> {stripped}"
            elif kind in ("h2", "h3"):
                marks = "#" * int(kind[1])
                new = stripped if text.startswith(marks + " ") else f"{marks} {stripped}"
            else:
                new = stripped
            if new != text:
                edit.setPosition(block.position())
                edit.setPosition(block.position() + len(text), QTextCursor.MoveMode.KeepAnchor)
                edit.insertText(new)
        edit.endEditBlock()

    def insert_block(self, markdown: str) -> None:
        """Put ``markdown`` at the cursor as paragraphs of its own (blank lines around it)."""
        cursor = self.textCursor()
        cursor.clearSelection()
        block = cursor.block()
        if block.text().strip():
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        before = self.toPlainText()[: cursor.position()]
        after = self.toPlainText()[cursor.position() :]
        if not before.strip() or before.endswith("\n\n"):
            lead = ""
        else:
            lead = "\n" if before.endswith("\n") else "\n\n"
        trail = "" if not after.strip() else ("\n\n" if not after.startswith("\n") else "\n")
        cursor.insertText(lead + markdown + trail)
        self.setTextCursor(cursor)

    def citation_at(self, position: int) -> int | None:
        block = self.document().findBlock(position)
        offset = position - block.position()
        for match in CITATION_PATTERN.finditer(block.text()):
            if match.start() <= offset <= match.end():
                return int(match.group(1))
        return None

    # -- keys, mouse, drops ----------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Let the window's Undo/Redo actions have Ctrl+Z / Ctrl+Shift+Z.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if unclaimed_alt_chord(event):
            event.ignore()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            passage_id = self.citation_at(self.textCursor().position())
            if passage_id is not None:
                self.citationActivated.emit(passage_id)
                return
        super().keyPressEvent(event)

    def context_menu(self, at: QPoint, *, keyboard: bool = False) -> QMenu:
        """Qt's menu with the window's Undo and Redo, and Open Source Passage on a
        citation token (from the keyboard: the token at the caret)."""
        where = self.textCursor() if keyboard else self.cursorForPosition(at)
        citation = self.citation_at(where.position())
        actions = CitationActions(
            self.citationActivated.emit, self.source_of, self.sourceDetailsRequested.emit
        )
        return edit_menu(self, at, self.history, citation, actions)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        pop_up_menu(self, event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            at = self.cursorForPosition(event.position().toPoint()).position()
            passage_id = self.citation_at(at)
            if passage_id is not None:
                self.citationActivated.emit(passage_id)
                return
        super().mouseReleaseEvent(event)


class LineEditing(Protocol):
    """What the formatting bar asks of the editor in use: the page view or the source."""

    def toggle_wrap(self, marker: str) -> None: ...
    def set_line_prefix(self, kind: str) -> None: ...
    def insert_block(self, markdown: str) -> None: ...


class FormattingBar(QToolBar):
    """Bold, italic, lists, sub-headings and quotes for the editor in use, each with its shortcut.

    ``editor`` returns the editor shown now (the page view or the Markdown source);
    the "Markdown source" toggle swaps them through ``show_source``.
    """

    def __init__(
        self,
        editor: Callable[[], LineEditing],
        quote_passage: Callable[[], object],
        show_source: Callable[[bool], object] | None = None,
    ) -> None:
        super().__init__("Formatting")
        self.setAccessibleName("Formatting")
        e = editor
        self.bold_action = toolbar_action(self, self, "Bold", "Ctrl+B",
                                          lambda: e().toggle_wrap("**"))  # fmt: skip
        self.italic_action = toolbar_action(self, self, "Italic", "Ctrl+I",
                                            lambda: e().toggle_wrap("*"))  # fmt: skip
        self.addSeparator()
        for text, keys, prefix, tip in (
            ("• List", "Ctrl+Shift+8", "bullet", ""),
            ("1. List", "Ctrl+Shift+7", "number", ""),
            ("H2", "Ctrl+Alt+2", "h2", "Sub-heading"),
            ("H3", "Ctrl+Alt+3", "h3", "Minor heading"),
            ("Quote", "Ctrl+Shift+.", "quote", ""),
        ):
            toolbar_action(self, self, text, keys, partial(_line, e, prefix), tip)
        self.addSeparator()
        toolbar_action(self, self, "Quote Passage", "", quote_passage,
                       "Quote the passage chosen on the right at the cursor (Insert)")  # fmt: skip
        self.source_action = toolbar_action(
            self, self, "Markdown Source", "Ctrl+Shift+U", lambda: None,
            "Show and edit this section as Markdown source instead of as the page",
        )  # fmt: skip
        self.source_action.setCheckable(True)
        if show_source is not None:
            self.source_action.toggled.connect(show_source)


def _line(editor: Callable[[], LineEditing], kind: str) -> None:
    editor().set_line_prefix(kind)
