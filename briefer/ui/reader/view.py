"""ReaderView: one article, readable, with theme highlights and keyboard tagging.

The reader never changes data: it announces what the analyst asked for with
signals (canonical offsets and ids); the window runs the commands and calls
``set_passages`` back.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QLabel, QMenu, QTextEdit, QToolTip, QWidget

from briefer.core.model import Article, Passage, Theme
from briefer.core.spans import snap_to_words
from briefer.core.suggest import Suggestion
from briefer.ui.common.style import accents_for
from briefer.ui.reader.document import DocumentBuilder, ReaderStyle, Rendering
from briefer.ui.reader.empty_hint import HINT_MARGIN, EmptyHint
from briefer.ui.reader.keys import ReaderKeys
from briefer.ui.reader.menu import (
    ReaderMenuCallbacks,
    build_menu,
    passage_tooltip,
    suggestion_status,
    suggestion_tooltip,
)
from briefer.ui.reader.paint import HighlightLayer, passage_segments
from briefer.ui.reader.place import PendingScroll, ReadingPlace, position_at

INCREMENTAL_FROM = 1_000_000
"""Characters from which an article is built in slices with the event loop running
(a 2 MB article builds and lays out in about half a second; 20 MB took 7 s in one go)."""

SLICE_SECONDS = 0.08
"""What one slice of an incremental build (insert and lay out) aims to take."""
FIRST_SLICE = 100_000
"""Characters of a build's first slice; the next ones are sized by how long it took."""


class ReaderView(ReaderKeys, QTextEdit):
    """The article reader.

    Keys (theme shortcuts come from ``Theme.shortcut``, e.g. "1"-"9" or a letter):

    - shortcut with a selection: tag the selection (snapped to whole words);
      without one, inside a passage: toggle that theme on the passage
    - Delete / Backspace inside a passage: delete it (the innermost one)
    - Enter in a suggestion: accept it; Esc: dismiss it; Enter in a passage:
      activate it (as a double-click does); F2 in a passage: edit its comment
    - Alt+Down / Alt+Up: next / previous passage
    - Ctrl+Alt+Down / Ctrl+Alt+Up: next / previous suggestion
    """

    tagRequested = Signal(int, int, int)  # start, end, theme_id
    toggleThemeRequested = Signal(int, int)  # passage_id, theme_id
    deleteRequested = Signal(int)  # passage_id
    suggestionAccepted = Signal(int, int, int)  # start, end, theme_id
    suggestionDismissed = Signal(int, int, int)  # start, end, theme_id
    passageActivated = Signal(int)  # passage_id
    commentRequested = Signal(int)  # passage_id
    loaded = Signal()  # an incrementally built article is in and laid out to its end
    suggestionReached = Signal(str)  # what a suggestion the keys went to is for; "" once left

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setAccessibleName("Article reader")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self._article: Article | None = None
        self._rendering: Rendering | None = None
        self._style: ReaderStyle | None = None
        self._themes: dict[int, Theme] = {}
        self._theme_list: list[Theme] = []
        self._shortcuts: dict[str, int] = {}
        self._passages: list[Passage] = []
        self._passage_starts: list[int] = []
        self._suggestions: list[Suggestion] = []
        self._suggestion_starts: list[int] = []
        self._focus_id: int | None = None
        self._said = ""  # what the keys' last suggestion was said to be for, till left
        # (passage id, document position) of the passage navigation went to, so
        # an outer passage stays the one acted on while the cursor stays put.
        self._pinned: tuple[int, int] | None = None
        self._layer = HighlightLayer()
        self._column = 0.0
        self.empty_hint = EmptyHint(self)
        self.incremental_from = INCREMENTAL_FROM
        self._builder: DocumentBuilder | None = None
        self._pending_passage: int | None = None  # to go to once a build is done
        self._place: ReadingPlace | None = None  # to go back to once a rebuild is done
        self._scroll = PendingScroll(self.verticalScrollBar())
        self._slice = FIRST_SLICE
        self._load_timer = QTimer(self)
        self._load_timer.setInterval(0)
        self._load_timer.timeout.connect(self._load_step)
        # After the swap Qt lays the document out in steps of its own; ``loaded`` waits
        # for the last block, so work the article's opening started (scoring on a
        # worker) does not compete with it for the two threads' time.
        self._settle_timer = QTimer(self)
        self._settle_timer.setInterval(50)
        self._settle_timer.timeout.connect(self._settle)
        self.progress_label = QLabel(self.viewport())
        self.progress_label.setObjectName("readerProgress")
        self.progress_label.setForegroundRole(self.empty_hint.foregroundRole())
        self.progress_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.progress_label.hide()

    def setPlaceholderText(self, text: str) -> None:
        """What an empty Reader says, as a wrapped label (Qt's own is one cut-off line)."""
        self.empty_hint.set_hint(text)

    def placeholderText(self) -> str:
        return self.empty_hint.text()

    # -- content -----------------------------------------------------------

    def set_article(
        self,
        article: Article,
        passages: Sequence[Passage],
        themes: Sequence[Theme],
        suggestions: Sequence[Suggestion] = (),
    ) -> None:
        """Render ``article`` afresh (the only call that rebuilds the document).

        An article of ``incremental_from`` characters or more goes into a document of
        its own slice by slice with the event loop running: the reader shows how far
        it is, the analyst may pick another article (which cancels the build), and the
        document is swapped in whole with its highlights; ``loaded`` follows once Qt
        has laid it out to the end.
        """
        self._article = article
        self._suggestions = []
        self._render(incremental=len(article.text) >= self.incremental_from)
        self.set_passages(passages, themes)
        self.set_suggestions(suggestions)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def go_to_place(self, place: ReadingPlace) -> None:
        """Put ``place`` back (the bar takes its value once its range allows)."""
        place.restore(self, self._scroll)

    def clear(self) -> None:
        """No article: an incremental build under way stops."""
        self.cancel_loading()
        self._article = None
        self._rendering = None
        self._drop_long_document()
        super().clear()

    def is_loading(self) -> bool:
        """Whether an incremental build is still putting the article in."""
        return self._builder is not None

    def cancel_loading(self) -> None:
        """Stop an incremental build and drop the document it was filling."""
        self._load_timer.stop()
        self._settle_timer.stop()
        if self._builder is not None:
            self._builder.document.deleteLater()
        self._builder = None
        self._pending_passage = None
        self._place = None
        self._scroll.drop()
        self.progress_label.hide()
        if self.empty_hint.busy:
            self.empty_hint.busy = False
            self.empty_hint.update_shown()

    def _render(self, incremental: bool = False) -> None:
        self.cancel_loading()
        if self._article is None:
            return
        self._style = ReaderStyle.from_palette(self.palette(), self.font())
        self._layer.rule_colour = self._style.rule
        self._layer.dark = self._style.dark
        self._layer.mark_colour = QColor(accents_for(self._style.dark).comment_mark)
        # The last article's highlights are in its document positions: none until
        # this one's map is whole.
        self._layer.set_passages([], int, self._colour)
        self._layer.set_suggestions([], int, self._colour)
        self._layer.comment_marks = []
        self._layer.focus = None
        self._drop_long_document()
        if not incremental:
            builder = DocumentBuilder(self.document(), self._article, self._style)
        else:
            # A long article fills a document of its own, swapped in when whole: there
            # inserting costs no layout, and Qt lays a newly set document out in steps
            # between events (each slice laid out in place relaid ever more of the page).
            self.empty_hint.busy = True  # the progress shows instead of the hint
            self.document().clear()
            builder = DocumentBuilder(QTextDocument(self), self._article, self._style)
        self._rendering = builder.rendering
        self._layer.quotes = self._rendering.quotes
        self._column = 0.0
        self._fit_column(builder.document)  # before the text goes in: one layout
        if not incremental:
            builder.step(len(self._article.text) + 1)
            return
        self._builder = builder
        self._slice = FIRST_SLICE
        self._load_step()
        if self._builder is not None:
            self._load_timer.start()

    def _load_step(self) -> None:
        """One slice of an incremental build, sized to take about ``SLICE_SECONDS``."""
        builder = self._builder
        if builder is None:
            return
        started = time.perf_counter()
        done = builder.step(self._slice)
        took = max(time.perf_counter() - started, 0.001)
        self._slice = int(min(max(self._slice * SLICE_SECONDS / took, 20_000), 2_000_000))
        if not done:
            self._show_progress(builder.progress)
            return
        pending, place = self._pending_passage, self._place
        self._builder = None  # the document is the view's now
        self.cancel_loading()
        old = self.document()
        ours = old.parent() is self  # from an earlier long article; Qt deletes its own
        self.setDocument(builder.document)
        if ours:
            old.deleteLater()
        self.empty_hint.watch(builder.document)
        self.set_passages(self._passages, self._theme_list)
        self.set_suggestions(self._suggestions)
        if pending is not None:
            self.select_passage(pending)
        elif place is not None:
            place.restore(self, self._scroll)
        self._settle_timer.start()
        self._settle()

    def is_settling(self) -> bool:
        """Whether a swapped-in long article is still being laid out (``loaded`` to come)."""
        return self._settle_timer.isActive()

    def _settle(self) -> None:
        if self.document().lastBlock().layout().lineCount() > 0:
            self._settle_timer.stop()
            self.loaded.emit()

    def _drop_long_document(self) -> None:
        """Swap an empty document in for a long article's own: clearing 20 MB in place
        cost more than letting it go, and its memory goes back at once."""
        old = self.document()
        if old.parent() is not self or old.characterCount() < 100_000:
            return
        fresh = QTextDocument(self)
        self.setDocument(fresh)
        self.empty_hint.watch(fresh)
        old.deleteLater()

    def select_passage(self, passage_id: int) -> bool:
        """Scroll to a passage; while the article is still going in, once it is in."""
        if self._builder is not None:
            known = any(p.id == passage_id for p in self._passages)
            self._pending_passage = passage_id if known else self._pending_passage
            return known
        return super().select_passage(passage_id)

    def _update_focus(self) -> None:
        if self._builder is None:
            super()._update_focus()
        self._unsay_left_suggestion()

    def _go_suggestion(self, index: int | None) -> bool:
        """Ctrl+Alt+Down/Up: a tooltip shows only under the mouse, so what the suggestion
        is for is said in words (the window's status bar, the accessible description)."""
        if not super()._go_suggestion(index):
            return False
        offset = self.cursor_offset()
        suggestions = self.suggestions_at(offset) if offset is not None else []
        if suggestions:
            self._said = suggestion_status(suggestions, self._themes)
            self.setAccessibleDescription(self._said)
            self.suggestionReached.emit(self._said)
        return True

    def _unsay_left_suggestion(self) -> None:
        """Once the caret is off the suggestion it was said of (moved, or the suggestion
        accepted or dismissed), its words go: "Enter accepts" would no longer be true."""
        if not self._said:
            return
        offset = self.cursor_offset()
        if offset is None or not self.suggestions_at(offset):
            self._said = ""
            self.setAccessibleDescription("")
            self.suggestionReached.emit("")

    def _show_progress(self, fraction: float) -> None:
        label = self.progress_label
        label.setText(f"Opening the article… {fraction:.0%}")
        label.adjustSize()
        label.move(HINT_MARGIN, HINT_MARGIN)  # where the page's first words will be
        label.show()
        label.raise_()

    def set_passages(self, passages: Sequence[Passage], themes: Sequence[Theme]) -> None:
        """Replace the highlighted passages and the themes; the document is left alone."""
        self._theme_list = sorted((t for t in themes if t.id is not None), key=lambda t: t.position)
        self._themes = {t.id: t for t in self._theme_list if t.id is not None}
        self._shortcuts = {
            t.shortcut.lower(): t.id
            for t in reversed(self._theme_list)
            if t.shortcut and t.id is not None
        }
        self._passages = sorted(
            (p for p in passages if p.id is not None), key=lambda p: (p.start, p.end, p.id)
        )
        self._passage_starts = [p.start for p in self._passages]
        if self._rendering is not None and self._builder is None:
            offsets = self._rendering.offsets
            self._layer.set_passages(
                passage_segments(self._passages), offsets.canonical_to_doc, self._colour
            )
            self._layer.set_comment_marks(
                [p.end for p in self._passages if p.comment.strip()], offsets.canonical_to_doc
            )
            # Suggestion colours follow theme colours.
            self._layer.set_suggestions(
                [(s.start, s.end, s.theme_id) for s in self._suggestions],
                offsets.canonical_to_doc,
                self._colour,
            )
        self._update_focus()
        self.viewport().update()

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        self._suggestions = sorted(suggestions, key=lambda s: (s.start, s.theme_id))
        self._suggestion_starts = [s.start for s in self._suggestions]
        if self._rendering is not None and self._builder is None:
            self._layer.set_suggestions(
                [(s.start, s.end, s.theme_id) for s in self._suggestions],
                self._rendering.offsets.canonical_to_doc,
                self._colour,
            )
        self._unsay_left_suggestion()
        self.viewport().update()

    def _colour(self, theme_id: int) -> QColor:
        theme = self._themes.get(theme_id)
        return QColor(theme.colour if theme is not None else "#8A8F98")

    # -- offsets -----------------------------------------------------------

    def canonical_to_doc(self, offset: int) -> int:
        return self._rendering.offsets.canonical_to_doc(offset) if self._rendering else 0

    def doc_to_canonical(self, pos: int) -> int | None:
        return self._rendering.offsets.doc_to_canonical(pos) if self._rendering else None

    def cursor_offset(self) -> int | None:
        """The canonical offset of the text cursor (None in the header)."""
        return self.doc_to_canonical(self.textCursor().position())

    def passages_at(self, offset: int) -> list[Passage]:
        """Passages holding ``offset``, innermost (shortest) first.

        A cursor just after a passage's last character still counts as in it,
        which is where a double-click or a selection leaves it.
        """
        hi = bisect.bisect_right(self._passage_starts, offset)
        inside = [p for p in self._passages[:hi] if offset <= p.end]
        strict = [p for p in inside if offset < p.end]
        return sorted(strict or inside, key=lambda p: (p.end - p.start, p.start))

    def suggestions_at(self, offset: int) -> list[Suggestion]:
        hi = bisect.bisect_right(self._suggestion_starts, offset)
        return [s for s in self._suggestions[:hi] if offset <= s.end]

    def _passage_under_cursor(self) -> Passage | None:
        """The pinned passage while the cursor has not moved, else the innermost one."""
        if self._pinned is not None and self._pinned[1] == self.textCursor().position():
            pinned = next((p for p in self._passages if p.id == self._pinned[0]), None)
            if pinned is not None:
                return pinned
        offset = self.cursor_offset()
        found = self.passages_at(offset) if offset is not None else []
        return found[0] if found else None

    def at_cursor(self) -> tuple[Passage | None, list[Suggestion]]:
        """What a key acts on: the passage under the cursor, the suggestions there."""
        offset = self.cursor_offset()
        suggestions = self.suggestions_at(offset) if offset is not None else []
        return self._passage_under_cursor(), suggestions

    def _snapped_selection(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection() or self._article is None or self._rendering is None:
            return None
        start = self.doc_to_canonical(cursor.selectionStart())
        end = self.doc_to_canonical(cursor.selectionEnd())
        if end is None:
            return None
        start = start if start is not None else self._rendering.offsets.canon_starts[0]
        span = snap_to_words(self._article.text, (start, end))
        return span if span[1] > span[0] else None

    # -- keys and mouse ----------------------------------------------------
    # The keys themselves: reader.keys (ReaderKeys).

    def accept_suggestion(self, suggestion: Suggestion) -> None:
        self.suggestionAccepted.emit(suggestion.start, suggestion.end, suggestion.theme_id)

    def dismiss_suggestion(self, suggestion: Suggestion) -> None:
        self.suggestionDismissed.emit(suggestion.start, suggestion.end, suggestion.theme_id)

    def _offset_at(self, point: QPoint) -> int | None:
        """Canonical offset of the character under a viewport point, None off the text."""
        doc_point = QPointF(point) + QPointF(
            self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        )
        pos = self.document().documentLayout().hitTest(doc_point, Qt.HitTestAccuracy.ExactHit)
        return self.doc_to_canonical(pos) if pos >= 0 else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self._update_focus()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        offset = self._offset_at(event.position().toPoint())
        found = self.passages_at(offset) if offset is not None else []
        super().mouseDoubleClickEvent(event)
        if found:
            self.passageActivated.emit(found[0].id)

    def tooltip_at(self, point: QPoint) -> str:
        """The HTML tooltip for a viewport point: passages first, else suggestions."""
        offset = self._offset_at(point)
        if offset is None:
            return ""
        passages = [p for p in self.passages_at(offset) if offset < p.end]
        if passages:
            return passage_tooltip(passages, self._themes)
        suggestions = [s for s in self.suggestions_at(offset) if offset < s.end]
        return suggestion_tooltip(suggestions, self._themes) if suggestions else ""

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def menu_at(self, point: QPoint | None) -> QMenu:
        """The context menu for a viewport point (the cursor moves there unless selecting),
        or with ``None`` (the keyboard's menu key) for where the cursor already is."""
        has_selection = self._snapped_selection() is not None
        if not has_selection and point is not None:
            cursor = self.textCursor()
            cursor.setPosition(position_at(self, point))
            self.setTextCursor(cursor)
            self._update_focus()
        passage, suggestions = self.at_cursor()
        actions = ReaderMenuCallbacks(
            tag=self.tag_selection,
            toggle=self.toggleThemeRequested.emit,
            comment=self.commentRequested.emit,
            delete=self.deleteRequested.emit,
            accept=self.accept_suggestion,
            dismiss=self.dismiss_suggestion,
            copy=self.copy,
        )
        return build_menu(self, self._theme_list, has_selection, passage, suggestions, actions)

    def tag_selection(self, theme_id: int) -> bool:
        """Ask to tag the selection (snapped to words) with a theme; False if none is selected."""
        span = self._snapped_selection()
        if span is None:
            return False
        self.tagRequested.emit(span[0], span[1], theme_id)
        return True

    def collapse_selection(self, offset: int, passage_id: int | None = None) -> None:
        """Nothing selected, the cursor at canonical ``offset`` (a passage's end, after
        tagging), and ``passage_id`` the passage the next key acts on."""
        cursor = self.textCursor()
        cursor.setPosition(self.canonical_to_doc(offset))
        self.setTextCursor(cursor)
        self._pinned = None if passage_id is None else (passage_id, cursor.position())
        self._update_focus()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # at the cursor, unmoved
            menu = self.menu_at(None)
            at = self.viewport().mapToGlobal(self.cursorRect().bottomLeft())
        else:
            menu, at = self.menu_at(event.pos()), event.globalPos()
        menu.exec(at)
        menu.deleteLater()

    # -- painting and layout ----------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-dx, -dy)
        self._layer.paint(painter, self.document(), QRectF(event.rect()).translated(dx, dy))
        painter.end()
        super().paintEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()

    def _fit_column(self, document: QTextDocument | None = None) -> None:
        """Centre a column of about 72 characters, leaving narrow windows a small margin.

        ``document`` (default: the shown one) gets the margins; so does a document an
        incremental build is filling, which is shown later at this width.
        """
        if self._style is None:
            return
        width = self.viewport().width()
        side = max(18.0, (width - self._style.column_width()) / 2)
        if abs(side - self._column) < 1:
            return
        self._column = side
        targets = {id(d): d for d in (document or self.document(), self.document())}
        if self._builder is not None:
            targets[id(self._builder.document)] = self._builder.document
        for target in targets.values():
            root = target.rootFrame()
            fmt = root.frameFormat()
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(28)
            fmt.setBottomMargin(48)
            root.setFrameFormat(fmt)

    def changeEvent(self, event: QEvent) -> None:
        rebuild = event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange)
        # The place is read before QTextEdit takes the new font: it lays a long article out
        # again lazily, and the old scroll value would land near the top of that new layout.
        early = ReadingPlace.of(self) if rebuild and self._article and not self._builder else None
        super().changeEvent(event)
        if rebuild and self._article:
            # Colours and sizes are baked into the formats: render again, keep the place.
            self._render_again(early)

    def update_details(self, article: Article) -> None:
        """Show the article's new title, byline and date, at the place being read.

        Edit Article Details changes only what the heading shows; the analyst stays
        where they were in the text, as after a change of font.
        """
        if self._article is None or article.id != self._article.id:
            return
        place = ReadingPlace.of(self) if not self._builder else None
        self._article = article
        self._render_again(place)

    def _render_again(self, place: ReadingPlace | None) -> None:
        assert self._article is not None
        # Mid-build the view shows an empty page: the place (or passage) to go to is
        # still the one from before the build, not the top of that page.
        if self._builder is not None:
            place = self._place
        pending = self._pending_passage
        self._render(incremental=len(self._article.text) >= self.incremental_from)
        self.set_passages(self._passages, self._theme_list)
        if self._builder is not None:  # a long one: once it is in
            self._place, self._pending_passage = place, pending
        elif place is not None:
            place.restore(self, self._scroll)
