"""The reader's highlight layer: passages, suggestions, comment marks and quote rules.

Overlapping passages are cut into disjoint segments (core.spans.segments) so
every theme stays visible: a translucent fill of the first theme and a solid
bar per further theme. A passage with a comment gets a small speech-bubble mark after
its last character, so comments are found by eye, not by hovering. Only what is on
screen is painted. No signals.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import cast

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPen,
    QPolygonF,
    QTextDocument,
    QTextLayout,
    QTextLine,
)

from briefer.core.model import Passage
from briefer.core.record import Record
from briefer.core.spans import segments

NO_THEME = "#8A8F98"
BAR_HEIGHT = 3.0
BAR_GAP = 1.0


class PassageSegment(Record, frozen=True):
    """A stretch of canonical text covered by ``depth`` passages with these themes."""

    start: int
    end: int
    theme_ids: tuple[int, ...]
    depth: int


def passage_segments(passages: Sequence[Passage]) -> list[PassageSegment]:
    """Disjoint segments of the passages, in text order, themes of outer passages first.

    Only clusters of passages that really overlap go through
    ``segments`` (quadratic in its input); lone passages pass straight
    through, so 300 passages cost next to nothing.
    """
    ordered = sorted(passages, key=lambda p: (p.start, -p.end))
    clusters: list[list[Passage]] = []
    reach = -1
    for passage in ordered:
        if clusters and passage.start < reach:
            clusters[-1].append(passage)
            reach = max(reach, passage.end)
        else:
            clusters.append([passage])
            reach = passage.end
    result: list[PassageSegment] = []
    for cluster in clusters:
        if len(cluster) == 1:
            only = cluster[0]
            result.append(PassageSegment(only.start, only.end, only.theme_ids, 1))
            continue
        for (start, end), covering in segments((p.start, p.end) for p in cluster):
            covers = [cluster[i] for i in sorted(covering)]
            ids = tuple(dict.fromkeys(t for p in covers for t in p.theme_ids))
            result.append(PassageSegment(start, end, ids, len(covers)))
    return result


class _Fill(Record, frozen=True):
    start: int  # document positions from here on
    end: int
    colours: tuple[QColor, ...]
    depth: int


class _Dots(Record, frozen=True):
    start: int
    end: int
    colours: tuple[QColor, ...]


DOT_STEP = 3.5


def _x_at(line: QTextLine, position: int) -> float:
    """QTextLine.cursorToX answers (x, position); PySide6's stub types it as ``object``."""
    x, _ = cast("tuple[float, int]", line.cursorToX(position))
    return x


def _line_index(layout: QTextLayout, position: int, count: int) -> int:
    """The line holding ``position`` of the block; 0 when the block is not laid out."""
    if count == 0:
        return 0
    line = layout.lineForTextPosition(position)
    return line.lineNumber() if line.isValid() else count - 1


def line_rects(document: QTextDocument, start: int, end: int) -> list[QRectF]:
    """Rectangles, in document coordinates, of the text between two positions, line by line."""
    rects: list[QRectF] = []
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        layout = block.layout()
        origin = layout.position()
        base = block.position()
        # Only the lines the span touches: a 2 MB paragraph has 25,000 lines, and a
        # walk over all of them per highlight took seconds per paint.
        count = layout.lineCount()
        first = _line_index(layout, max(start - base, 0), count)
        last = _line_index(layout, min(end - base, block.length()), count)
        for i in range(first, min(last + 1, count)):
            line = layout.lineAt(i)
            line_start = base + line.textStart()
            a, b = max(start, line_start), min(end, line_start + line.textLength())
            if a >= b:
                continue
            x1, x2 = _x_at(line, a - base), _x_at(line, b - base)
            left, right = min(x1, x2), max(x1, x2)
            rects.append(
                QRectF(origin.x() + left, origin.y() + line.y(), right - left, line.height())
            )
        block = block.next()
    return rects


class HighlightLayer:
    """What to paint for passages, suggestions and quotes, in document positions."""

    def __init__(self) -> None:
        self._fills: list[_Fill] = []
        self._fill_ends: list[int] = []
        self._dots: list[_Dots] = []
        self._dot_starts: list[int] = []
        self._longest_dots = 0
        self.quotes: list[tuple[int, int]] = []
        self.focus: tuple[int, int, QColor] | None = None
        self.rule_colour = QColor("#CCCCCC")
        self.dark = False
        self.comment_marks: list[int] = []  # document positions where a commented passage ends
        self.mark_colour = QColor("#B25E00")
        self._window = (0, 2**31 - 1)  # document positions on screen while painting

    def set_comment_marks(self, ends: Sequence[int], to_doc: Callable[[int], int]) -> None:
        """``ends`` are the canonical end offsets of the passages that carry a comment."""
        self.comment_marks = sorted({to_doc(end) for end in ends})

    def set_passages(
        self,
        found: list[PassageSegment],
        to_doc: Callable[[int], int],
        colour_of: Callable[[int], QColor],
    ) -> None:
        self._fills = []
        for seg in found:
            colours = tuple(colour_of(t) for t in seg.theme_ids) or (QColor(NO_THEME),)
            self._fills.append(_Fill(to_doc(seg.start), to_doc(seg.end), colours, seg.depth))
        self._fill_ends = [f.end for f in self._fills]

    def set_suggestions(
        self,
        spans: Sequence[tuple[int, int, int]],
        to_doc: Callable[[int], int],
        colour_of: Callable[[int], QColor],
    ) -> None:
        """``spans`` are canonical (start, end, theme_id), sorted by start."""
        # One dotted line per sentence, its dots cycling through every suggested theme's
        # colour: a line per theme stacked up to five deep under busy sentences.
        grouped: dict[tuple[int, int], list[QColor]] = {}
        for start, end, theme_id in spans:
            grouped.setdefault((start, end), []).append(colour_of(theme_id))
        self._dots = [
            _Dots(to_doc(start), to_doc(end), tuple(colours))
            for (start, end), colours in grouped.items()
        ]
        self._dots.sort(key=lambda d: d.start)
        self._dot_starts = [d.start for d in self._dots]
        self._longest_dots = max((d.end - d.start for d in self._dots), default=0)

    def _visible(self, start: int, end: int) -> tuple[int, int]:
        """``start``..``end`` cut to the positions on screen in the paint under way."""
        first, last = self._window
        return max(start, first), min(end, last)

    def line_colour(self, colour: QColor) -> QColor:
        """Theme colours as lines: lifted on dark backgrounds, where dark hues sink."""
        return colour.lighter(140) if self.dark else colour

    def fill_alpha(self, depth: int) -> float:
        base = 0.40 if self.dark else 0.26
        return min(base + 0.14 * (depth - 1), 0.7)

    def paint(self, painter: QPainter, document: QTextDocument, visible: QRectF) -> None:
        """Paint what lies within ``visible`` (document coordinates) before the text is drawn."""
        layout = document.documentLayout()
        # Whole lines: a span cut at a character inside the update rectangle would
        # leave a sliver of it unpainted. Each edge is hit at the text's left and right
        # (a right-to-left line ends at its left); far-off x values overflow Qt's fixed
        # point and hit a line's start, which left scrolled-in lines unpainted.
        # A line or two beyond each edge too: a fill cut at the edge would round its
        # corners there, inside the strip a scroll repaints (the paint is clipped anyway).
        xs = (0.0, max(document.size().width(), 1.0))
        fuzzy = Qt.HitTestAccuracy.FuzzyHit
        beyond = QFontMetricsF(document.defaultFont()).lineSpacing() * 3
        tops = [layout.hitTest(QPointF(x, visible.top() - beyond), fuzzy) for x in xs]
        bottoms = [layout.hitTest(QPointF(x, visible.bottom() + beyond), fuzzy) for x in xs]
        first = max(min(tops), 0)
        last = document.characterCount() if min(bottoms) < 0 else max(bottoms) + 1
        painter.setPen(Qt.PenStyle.NoPen)
        # Spans are cut to what is on screen: a sentence of a 2 MB paragraph with no
        # full stop runs over 28,000 lines, and dotting them all took 6 s per paint.
        self._window = (first, last)
        for start, end in self.quotes:
            if end >= first and start <= last:
                self._paint_rule(painter, document, start, end)
        for fill in self._fills[bisect.bisect_right(self._fill_ends, first) :]:
            if fill.start > last:
                break
            self._paint_fill(painter, document, fill)
        lo = bisect.bisect_left(self._dot_starts, first - self._longest_dots)
        hi = bisect.bisect_right(self._dot_starts, last)
        for dots in self._dots[lo:hi]:
            if dots.end >= first:
                self._paint_dots(painter, document, dots)
        lo = bisect.bisect_left(self.comment_marks, first)
        hi = bisect.bisect_right(self.comment_marks, last)
        for position in self.comment_marks[lo:hi]:
            self._paint_mark(painter, document, position)
        if self.focus is not None:
            self._paint_focus(painter, document, *self.focus)

    def mark_rect(self, document: QTextDocument, position: int) -> QRectF | None:
        """Where the comment mark of a passage ending at ``position`` is drawn."""
        rects = line_rects(document, max(position - 1, 0), position)
        if not rects:
            return None
        last = rects[-1]
        return QRectF(last.right() + 1.0, last.top() - 2.0, 7.0, 5.5)

    def _paint_mark(self, painter: QPainter, document: QTextDocument, position: int) -> None:
        bubble = self.mark_rect(document, position)
        if bubble is None:
            return
        painter.setBrush(self.mark_colour)
        painter.drawRoundedRect(bubble, 1.5, 1.5)
        tail = QPolygonF(
            [
                QPointF(bubble.left() + 1.5, bubble.bottom() - 0.5),
                QPointF(bubble.left() + 4.0, bubble.bottom() - 0.5),
                QPointF(bubble.left() + 1.0, bubble.bottom() + 2.5),
            ]
        )
        painter.drawPolygon(tail)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_fill(self, painter: QPainter, document: QTextDocument, fill: _Fill) -> None:
        first, *others = fill.colours
        tint = QColor(first)
        tint.setAlphaF(self.fill_alpha(fill.depth))
        for rect in line_rects(document, *self._visible(fill.start, fill.end)):
            painter.fillRect(rect.adjusted(0, -1, 0, 1), tint)
            for k, colour in enumerate(others):
                top = rect.bottom() + BAR_GAP + 1 + k * (BAR_HEIGHT + BAR_GAP)
                bar = QRectF(rect.left(), top, rect.width(), BAR_HEIGHT)
                painter.fillRect(bar, self.line_colour(colour))

    def _paint_dots(self, painter: QPainter, document: QTextDocument, dots: _Dots) -> None:
        colours = [self.line_colour(c) for c in dots.colours]
        for rect in line_rects(document, *self._visible(dots.start, dots.end)):
            y = rect.bottom() + 2.0
            x, k = rect.left(), 0
            while x < rect.right():
                painter.fillRect(QRectF(x, y, 1.6, 1.6), colours[k % len(colours)])
                x += DOT_STEP
                k += 1

    def _paint_rule(self, painter: QPainter, document: QTextDocument, start: int, end: int) -> None:
        rects = line_rects(document, start, max(end, start + 1))
        if not rects:
            return
        block = document.findBlock(start)
        indent = block.blockFormat().leftMargin()
        x = block.layout().position().x() + indent * 0.45
        top, bottom = rects[0].top(), rects[-1].bottom()
        painter.fillRect(QRectF(x, top, 3.0, bottom - top), self.rule_colour)

    def _paint_focus(
        self, painter: QPainter, document: QTextDocument, start: int, end: int, colour: QColor
    ) -> None:
        outline = QColor(self.line_colour(colour))
        outline.setAlphaF(0.75)
        pen = QPen(outline, 1.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in line_rects(document, *self._visible(start, end)):
            painter.drawRoundedRect(rect.adjusted(-1.5, -2, 1.5, 2), 2.5, 2.5)
        painter.setPen(Qt.PenStyle.NoPen)
