"""The page view of a section: the note as it will print, edited as in a word processor.

Headings, bold and italic, lists, tables and block quotations show as
themselves; a citation is a chip naming its source that cannot be typed into
(click it or press Ctrl+Enter to open the source, hover for the full
reference). Markdown stays the stored form: :meth:`markdown` writes the page
back (rich_export) and :meth:`show_markdown` loads it (rich_markdown). Undo is
the window's: the editor's own is off, and Ctrl+Z passes up, as in SectionEditor.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRect, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget

from briefer.core.citations import find_citations
from briefer.core.quote_diff import first_change
from briefer.ui.common.alt_keys import unclaimed_alt_chord
from briefer.ui.common.style import accents_of
from briefer.ui.composer import rich_edits as edits
from briefer.ui.composer import rich_format as rf
from briefer.ui.composer.chips import ChipImages, SourceLabels
from briefer.ui.composer.edit_menu import CitationActions, History, edit_menu, pop_up_menu
from briefer.ui.composer.passage_drop import PassageDrops
from briefer.ui.composer.rich_export import document_markdown
from briefer.ui.composer.rich_markdown import (
    Look,
    insert_markdown,
    load_markdown,
    paragraph_format,
)
from briefer.ui.composer.rich_paste import (
    MAX_PASTE_CHARS,
    bounded_text,
    html_markdown,
    left_out,
    sanitise_html,
)

MARKDOWN_MIME = "application/x-briefer-markdown"
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class RichSectionEditor(PassageDrops, QTextEdit):
    """Shows a section's Markdown as a page; emits requests the composer turns into commands."""

    citationActivated = Signal(int)  # passage id: open its source
    sourceDetailsRequested = Signal(int)  # article id: edit its details
    passageDropped = Signal(int)  # passage id dropped at the cursor
    filesDropped = Signal(list)  # list[Path] dropped or pasted: the window imports them
    pasteReported = Signal(str)  # what a paste left out, for the status line
    fontChanged = Signal()

    def __init__(self, labels: SourceLabels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("richSectionEditor")
        self.setAccessibleName("Section text")
        self.setAccessibleDescription(
            "The section as it will print. Ctrl+B bold, Ctrl+I italic, Ctrl+Shift+8 bullets, "
            "Ctrl+Shift+7 numbered list, Tab moves between table cells; a citation is a "
            "chip naming its source: click it or press Ctrl+Enter to open the source."
        )
        self.setUndoRedoEnabled(False)  # the window's undo stack owns undo
        self.setTabChangesFocus(False)
        self.setAcceptRichText(True)
        self.document().setDocumentMargin(16)
        self.labels = labels
        self.paste_limit = MAX_PASTE_CHARS  # a parameter, so tests can tighten it
        self.chips = ChipImages(labels)
        self._guidance = ""
        self.history: History | None = None  # the window's Undo and Redo, for the menu

    # -- the guidance placeholder ------------------------------------------------

    def setPlaceholderText(self, text: str) -> None:
        """Guidance shown greyed while the section is empty: painted here, wrapped.

        QTextEdit draws its placeholder on one line (Qt 6.11), so a template's
        two-sentence guidance was cut at the editor's edge.
        """
        self._guidance = text
        super().setPlaceholderText("")
        self.viewport().update()

    def placeholderText(self) -> str:
        return self._guidance

    def _paint_guidance(self) -> None:
        if not self._guidance or not self.document().isEmpty() or self.isReadOnly():
            return
        margin = int(self.document().documentMargin())
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().placeholderText().color())
        painter.setFont(self.document().defaultFont())
        area = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
        flags = Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), self._guidance)
        painter.end()

    # -- Markdown in and out ---------------------------------------------------

    def look(self) -> Look:
        return Look(link=self.palette().link().color().name())

    def show_markdown(self, markdown: str) -> None:
        """Replace the page with ``markdown`` (raises rich_markdown.Unsupported: then clear it)."""
        self._draw_chips(find_citations(markdown))
        load_markdown(self.document(), markdown, self.look())

    def _draw_chips(self, ids: list[int]) -> None:
        self.chips.add_to(
            self.document(), ids, self.font(), self.palette(), self.devicePixelRatioF()
        )

    def chip_ids(self) -> list[int]:
        """The passages the page cites, in order, each once."""
        doc = self.document()
        text = doc.toPlainText()
        found: dict[int, None] = {}
        at = text.find(rf.OBJECT_CHAR)
        while at >= 0:
            pid = self.chip_at(at)
            if pid is not None:
                found.setdefault(pid, None)
            at = text.find(rf.OBJECT_CHAR, at + 1)
        return list(found)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        name = QUrl(name)
        if name.scheme() == rf.CHIP_SCHEME and name.path().isdigit():
            pid = int(name.path())
            return self.chips.image(pid, self.font(), self.palette(), self.devicePixelRatioF())
        return super().loadResource(kind, name)

    def markdown(self) -> str:
        return document_markdown(self.document())

    def insert_block(self, markdown: str) -> None:
        """Put ``markdown`` at the cursor as blocks of their own."""
        self._draw_chips(find_citations(markdown))
        cursor = self.textCursor()
        insert_markdown(cursor, markdown, self.look())
        self.setTextCursor(cursor)

    def sources_changed(self) -> None:
        """Passages or articles changed: chips relabel themselves."""
        self.labels.forget()
        self._redraw()

    def _redraw(self) -> None:
        self._draw_chips(self.chip_ids())
        self.document().markContentsDirty(0, self.document().characterCount())

    # -- formatting the analyst asks for -------------------------------------

    def toggle_wrap(self, marker: str) -> None:
        """Bold (``**``) or italic (``*``) on the selection or word, as the toolbar asks."""
        prop = rf.STRONG if marker == "**" else rf.EMPHASIS
        typing = edits.toggle_inline(self.textCursor(), prop, marker)
        if typing is not None:
            self.setCurrentCharFormat(typing)

    def set_line_prefix(self, kind: str) -> None:
        """Bulleted or numbered list, quotation or sub-heading for the selected paragraphs."""
        edits.set_block_kind(self.textCursor(), kind)

    # -- chips -----------------------------------------------------------------

    def chip_at(self, position: int) -> int | None:
        """The passage of the chip just after ``position``, if one is there."""
        doc = self.document()
        if not 0 <= position < doc.characterCount() - 1:
            return None
        if doc.characterAt(position) != rf.OBJECT_CHAR:
            return None
        cursor = QTextCursor(doc)
        cursor.setPosition(position + 1)
        fmt = cursor.charFormat()
        if not rf.is_chip(fmt):
            return None
        return int(fmt.property(rf.PASSAGE_ID) or 0)

    def chip_position(self, passage_id: int, occurrence: int = 0) -> int | None:
        """Where the ``occurrence``-th chip citing ``passage_id`` is (the first when there
        are fewer); None when the section does not cite it."""
        text = self.document().toPlainText()
        found: list[int] = []
        at = text.find(rf.OBJECT_CHAR)
        while at >= 0 and len(found) <= occurrence:
            if self.chip_at(at) == passage_id:
                found.append(at)
            at = text.find(rf.OBJECT_CHAR, at + 1)
        if not found:
            return None
        return found[occurrence] if occurrence < len(found) else found[0]

    def select_chip(self, passage_id: int, occurrence: int = 0) -> bool:
        """Select the ``occurrence``-th chip citing ``passage_id`` (the first when there are
        fewer) and scroll to it."""
        at = self.chip_position(passage_id, occurrence)
        if at is None:
            return False
        self._select(at, at + 1)
        return True

    def select_change(self, passage_id: int, occurrence: int, source: str) -> bool:
        """A check's Go to for a changed quotation: select the first words of the quotation
        closed by that chip that differ from ``source`` (the caret where words were left
        out), so typing puts the source's words back and never replaces the citation.
        The chip is selected when no change is found in the words before it."""
        at = self.chip_position(passage_id, occurrence)
        if at is None:
            return False
        block = self.document().findBlock(at)
        pieces = [(block.position(), block.text()[: at - block.position()])]
        group = block.blockFormat().property(rf.QUOTE_GROUP)
        previous = block.previous()
        while (
            group
            and previous.isValid()
            and previous.blockFormat().property(rf.QUOTE_GROUP) == group
        ):
            pieces.insert(0, (previous.position(), previous.text()))
            previous = previous.previous()
        span = first_change("\n".join(text for _, text in pieces), source)
        if span is None:
            self._select(at, at + 1)
            return True
        self._select(*(_position_in(pieces, offset) for offset in span))
        return True

    def _select(self, anchor: int, position: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def citation_at(self, position: int) -> int | None:
        """The chip at or just before ``position``, else the first in its paragraph."""
        for at in (position, position - 1):
            found = self.chip_at(at)
            if found is not None:
                return found
        block = self.document().findBlock(position)
        for offset, ch in enumerate(block.text()):
            if ch == rf.OBJECT_CHAR:
                found = self.chip_at(block.position() + offset)
                if found is not None:
                    return found
        return None

    def _chip_under(self, point: QPoint) -> int | None:
        content = QPointF(point) + QPointF(
            self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        )
        hit = self.document().documentLayout().hitTest(content, Qt.HitTestAccuracy.ExactHit)
        return None if hit < 0 else self.chip_at(hit)

    # -- keys, mouse, drops, paste ----------------------------------------------

    def event(self, event: QEvent) -> bool:
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
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            passage_id = self._chip_under(event.pos())
            if passage_id is not None:
                QToolTip.showText(event.globalPos(), self.labels.full(passage_id), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fontChanged.emit()
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._redraw()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if unclaimed_alt_chord(event):
            event.ignore()
            return
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        cursor = self.textCursor()
        if key in _ENTER and ctrl:
            passage_id = self.citation_at(cursor.position())
            if passage_id is not None:
                self.citationActivated.emit(passage_id)
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not ctrl:
            backwards = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            if self._tab(cursor, backwards):
                return
            self.focusNextPrevChild(not backwards)
            return
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        # A heading, and a table's cell in Markdown, hold one line: Shift+Enter is Enter
        # (a line break typed in a cell came back as a space once saved).
        one_line = cursor.blockFormat().headingLevel() > 0 or cursor.currentTable() is not None
        if key in _ENTER and (not shift or one_line) and self._enter(cursor):
            return
        if key == Qt.Key.Key_Backspace and not cursor.hasSelection() and cursor.atBlockStart():
            block = cursor.block()
            fmt = block.blockFormat()
            if (
                block.textList() is not None
                or fmt.property(rf.QUOTE_GROUP)
                or fmt.headingLevel() > 0
            ):
                # First the style goes, as in Word; Qt's own Backspace took an item out
                # of its list with the list's spacing, not a paragraph's.
                edits.plain_block(cursor, block)
                return
        typed = event.text() if event.text().isprintable() else ""
        if typed and edits.after_closing_citation(cursor) and edits.starts_words(typed):
            edits.open_paragraph_after(cursor)  # the analyst's words after a quotation
            self.setTextCursor(cursor)
        if typed:
            typing = self.currentCharFormat()
            if rf.is_chip(typing):  # typed next to a chip: plain text
                plain = QTextCharFormat(typing)
                plain.setObjectType(QTextFormat.ObjectTypes.NoObject)
                plain.clearProperty(QTextFormat.Property.ImageName)
                plain.clearProperty(rf.PASSAGE_ID)
                self.setCurrentCharFormat(plain)
        super().keyPressEvent(event)
        if key == Qt.Key.Key_Space and not ctrl and not cursor.hasSelection():  # "1. " a list
            edits.list_from_marker(self.textCursor())

    def _tab(self, cursor: QTextCursor, backwards: bool) -> bool:
        table = cursor.currentTable()
        if table is not None:
            cell = table.cellAt(cursor)
            index = cell.row() * table.columns() + cell.column() + (-1 if backwards else 1)
            if index >= table.rows() * table.columns():
                table.appendRows(1)  # Tab in the last cell adds a row, as in Word
            if index < 0:
                return True
            target = table.cellAt(index // table.columns(), index % table.columns())
            move = target.lastCursorPosition()
            move.setPosition(target.firstCursorPosition().position())
            move.setPosition(
                target.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor
            )
            self.setTextCursor(move)
            return True
        if cursor.block().textList() is not None and cursor.atBlockStart():
            return edits.indent_item(cursor, -1 if backwards else 1)
        return False

    def _enter(self, cursor: QTextCursor) -> bool:
        """Word's Enter: an empty item ends its list, an empty quote line its quotation,
        after the citation that closes a quotation the analyst's own paragraph starts, and
        a paragraph (or a heading) splits into two with their spacing."""
        block = cursor.block()
        fmt = block.blockFormat()
        if cursor.currentTable() is not None:
            return self._tab(cursor, False)
        empty = not block.text()
        if empty and (block.textList() is not None or fmt.property(rf.QUOTE_GROUP)):
            edits.plain_block(cursor, block)
            return True
        if fmt.property(rf.QUOTE_GROUP) and edits.after_closing_citation(cursor):
            edits.open_paragraph_after(cursor)  # the citation closed the quotation
            self.setTextCursor(cursor)
            return True
        if fmt.headingLevel() > 0 and cursor.atBlockEnd():
            cursor.insertBlock(paragraph_format(), QTextCharFormat())
            self.setTextCursor(cursor)
            return True
        if fmt.headingLevel() > 0:  # Qt's Enter made the heading's words after it plain
            cursor.beginEditBlock()
            cursor.insertBlock(fmt, block.charFormat())  # the heading, whole or its end
            if not block.text().strip():  # Enter at its start: an empty paragraph above
                QTextCursor(block).setBlockFormat(paragraph_format())
                QTextCursor(block).setBlockCharFormat(QTextCharFormat())
            cursor.endEditBlock()
            self.setTextCursor(cursor)
            return True
        if block.textList() is None and not fmt.property(rf.QUOTE_GROUP):
            # A paragraph's Enter, done here: Qt's makes an empty paragraph a bare block
            # (no paragraph spacing) instead of adding one, so paragraphs typed after an
            # empty line showed as lines of one paragraph.
            chars = cursor.charFormat()
            cursor.insertBlock(
                paragraph_format(), QTextCharFormat() if rf.is_chip(chars) else chars
            )
            self.setTextCursor(cursor)
            return True
        return False

    def context_menu(self, at: QPoint, *, keyboard: bool = False) -> QMenu:
        """The right-click menu at ``at`` (viewport coordinates): Qt's, with the window's
        Undo and Redo, and Open Source Passage on a chip (from the keyboard: the chip at
        the caret)."""
        if keyboard:
            position = self.textCursor().position()
            citation = self.chip_at(position)
            citation = self.chip_at(position - 1) if citation is None else citation
        else:
            citation = self._chip_under(at)
        actions = CitationActions(
            self.citationActivated.emit, self.labels.article_of, self.sourceDetailsRequested.emit
        )
        return edit_menu(self, at, self.history, citation, actions)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        pop_up_menu(self, event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            passage_id = self._chip_under(event.position().toPoint())
            if passage_id is not None:
                self.citationActivated.emit(passage_id)
                return
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        over_chip = self._chip_under(event.position().toPoint()) is not None
        shape = Qt.CursorShape.PointingHandCursor if over_chip else Qt.CursorShape.IBeamCursor
        self.viewport().setCursor(shape)

    def createMimeDataFromSelection(self) -> QMimeData:
        mime = super().createMimeDataFromSelection()
        fragment = QTextDocument()
        QTextCursor(fragment).insertFragment(self.textCursor().selection())
        mime.setData(MARKDOWN_MIME, document_markdown(fragment).encode("utf-8"))
        return mime

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste as Markdown: our own copies whole, HTML cleaned, everything bounded.

        Copied files (a file manager's) are imported instead, as a drop of them is.
        """
        if self.import_files(source):
            return
        cursor = self.textCursor()
        words = source.text() if source.hasText() else ""  # " and more" goes on the sentence
        if edits.after_closing_citation(cursor) and edits.starts_words(words):
            edits.open_paragraph_after(cursor)  # pasted after a quotation: as if typed
            self.setTextCursor(cursor)
        report = ""
        limit = self.paste_limit
        if source.hasFormat(MARKDOWN_MIME):
            text = bytes(source.data(MARKDOWN_MIME).data()).decode("utf-8", "replace")
            markdown, report = bounded_text(text, limit)
        elif source.hasHtml() and len(source.html()) <= limit:
            cleaned = sanitise_html(source.html())
            markdown, report = html_markdown(cleaned.html), left_out(cleaned)
        elif source.hasText():
            text, report = bounded_text(source.text(), limit)
            if source.hasHtml():
                report = report or (
                    f"Pasted as plain text: the formatted copy was over {limit:,} characters."
                )
            self.textCursor().insertText(text.replace("\r\n", "\n"))
            self.pasteReported.emit(report)
            return
        else:
            return
        self._paste_markdown(markdown)
        self.pasteReported.emit(report)

    def _paste_markdown(self, markdown: str) -> None:
        self._draw_chips(find_citations(markdown))
        pasted = QTextDocument()
        try:
            load_markdown(pasted, markdown, self.look())
        except ValueError:
            self.textCursor().insertText(markdown)
            return
        self.textCursor().insertFragment(QTextDocumentFragment(pasted))
        self.ensureCursorVisible()

    # -- the quotation rule --------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._paint_guidance()
        top = self.cursorForPosition(QPoint(0, 0)).block()
        bottom = self.viewport().height()
        painter: QPainter | None = None
        layout = self.document().documentLayout()
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        block = top
        while block.isValid():
            rect = layout.blockBoundingRect(block).translated(-dx, -dy)
            if rect.top() > bottom:
                break
            if block.blockFormat().property(rf.QUOTE_GROUP):
                if painter is None:
                    painter = QPainter(self.viewport())
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(accents_of(self.palette()).quotation))
                x = rect.left() + block.blockFormat().leftMargin() - 12
                painter.drawRect(QRect(int(x), int(rect.top()), 3, int(rect.height())))
            block = block.next()
        if painter is not None:
            painter.end()


def _position_in(pieces: list[tuple[int, str]], offset: int) -> int:
    """The document position of ``offset`` in the blocks' texts joined by newlines."""
    for start, text in pieces:
        if offset <= len(text):
            return start + offset
        offset -= len(text) + 1
    start, text = pieces[-1]
    return start + len(text)
