"""Citation chips: what a ``[@pN]`` looks like on the page, and what it says on hover.

A chip is one object character (rich_format.CHIP_OBJECT) that the text layout
asks :class:`ChipPainter` to size and draw: a small rounded label naming the
source. :class:`SourceLabels` answers "which source is passage N" from the
session's query callables, in bulk and cached, so a note of 320 quotations lays
out with two queries, not 640.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextDocument,
    QTextFormat,
    QTextObjectInterface,
)

from briefer.core.model import ArticleSummary, Passage
from briefer.ui.common.style import accents_of
from briefer.ui.composer import rich_format as rf

MAX_LABEL = 32


class SourceLabels:
    """Short and full names of the source each cited passage comes from, cached."""

    def __init__(
        self,
        passages: Callable[[Iterable[int]], dict[int, Passage]],
        articles: Callable[[], list[ArticleSummary]],
    ) -> None:
        self._passages = passages
        self._articles = articles
        self._labels: dict[int, tuple[str, str]] = {}
        self._by_article: dict[int, ArticleSummary] | None = None

    def forget(self) -> None:
        """Passages or articles changed: ask again next time."""
        self._labels.clear()
        self._by_article = None

    def prefetch(self, passage_ids: Iterable[int]) -> None:
        wanted = [pid for pid in passage_ids if pid not in self._labels]
        if not wanted:
            return
        found = self._passages(wanted)
        if self._by_article is None:
            self._by_article = {a.id: a for a in self._articles()}
        for pid in wanted:
            passage = found.get(pid)
            article = self._by_article.get(passage.article_id) if passage else None
            self._labels[pid] = _label(pid, passage, article)

    def short(self, passage_id: int) -> str:
        self.prefetch((passage_id,))
        return self._labels[passage_id][0]

    def full(self, passage_id: int) -> str:
        self.prefetch((passage_id,))
        return self._labels[passage_id][1]


def _label(pid: int, passage: Passage | None, article: ArticleSummary | None) -> tuple[str, str]:
    if passage is None or article is None:
        return (
            "missing source",
            f"Passage {pid} no longer exists: the export will mark this citation as missing.",
        )
    title = article.title.strip() or "Untitled article"
    short = article.publisher.strip() or title
    if len(short) > MAX_LABEL:
        short = short[: MAX_LABEL - 1].rstrip() + "…"
    parts = [title, article.publisher.strip(), article.author.strip()]
    if article.published is not None:
        parts.append(article.published.isoformat())
    parts.append(article.url.strip())
    words = " ".join(passage.text.split())
    if len(words) > 200:
        words = words[:199] + "…"
    reference = ", ".join(p for p in parts if p) + "."
    return short, f"{reference}\n\n“{words}”\n\nClick or Ctrl+Enter to open the source."


class ChipPainter(QObject, QTextObjectInterface):
    """Sizes and draws chips for a document's layout (registered by the editor)."""

    def __init__(self, labels: SourceLabels, palette: Callable[[], QPalette]) -> None:
        super().__init__()
        self.labels = labels
        self.palette = palette

    def _font(self, fmt: QTextFormat) -> QFont:
        font = QFont(fmt.toCharFormat().font())
        size = font.pointSizeF()
        if size > 0:
            font.setPointSizeF(max(7.0, size * 0.82))
        font.setBold(False)
        font.setItalic(False)
        font.setUnderline(False)
        return font

    def intrinsicSize(self, doc: QTextDocument, position: int, fmt: QTextFormat) -> QSizeF:
        pid = int(fmt.property(rf.PASSAGE_ID) or 0)
        metrics = QFontMetricsF(self._font(fmt))
        width = metrics.horizontalAdvance(self.labels.short(pid)) + 12
        return QSizeF(width + 4, metrics.height() + 2)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        position: int,
        fmt: QTextFormat,
    ) -> None:
        pid = int(fmt.property(rf.PASSAGE_ID) or 0)
        accents = accents_of(self.palette())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(rect).adjusted(3, 1, -1, -1)
        painter.setPen(QColor(accents.control_border))
        painter.setBrush(QColor(accents.chip_base))
        painter.drawRoundedRect(box, box.height() / 2.5, box.height() / 2.5)
        painter.setPen(QColor(accents.chip_text))
        painter.setFont(self._font(fmt))
        painter.drawText(
            box.translated(QPointF(0, 0)), Qt.AlignmentFlag.AlignCenter, self.labels.short(pid)
        )
        painter.restore()
