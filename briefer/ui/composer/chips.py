"""Citation chips: what a ``[@pN]`` looks like on the page, and what it says on hover.

A chip is one object character (an image format carrying the passage id) that
the text layout places like a letter; :class:`ChipImages` draws it: a small
rounded label naming the source. :class:`SourceLabels` answers "which source is passage N" from the
session's query callables, in bulk and cached, so a note of 320 quotations lays
out with two queries, not 640.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPalette, QTextDocument

from briefer.core.model import ArticleSummary, Passage
from briefer.ui.common.style import accents_of
from briefer.ui.composer.rich_format import CHIP_SCHEME

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
        self._sources: dict[int, int | None] = {}  # passage id: its article's, if both exist
        self._by_article: dict[int, ArticleSummary] | None = None

    def forget(self) -> None:
        """Passages or articles changed: ask again next time."""
        self._labels.clear()
        self._sources.clear()
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
            self._sources[pid] = article.id if passage and article else None

    def short(self, passage_id: int) -> str:
        self.prefetch((passage_id,))
        return self._labels[passage_id][0]

    def full(self, passage_id: int) -> str:
        self.prefetch((passage_id,))
        return self._labels[passage_id][1]

    def article_of(self, passage_id: int) -> int | None:
        """The article the passage comes from; None when either no longer exists."""
        self.prefetch((passage_id,))
        return self._sources[passage_id]


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


def chip_url(passage_id: int) -> QUrl:
    return QUrl(f"{CHIP_SCHEME}:{passage_id}")


class ChipImages:
    """Draws each chip as a small image the text layout places like a character.

    (Qt's custom text objects are not reachable from Python bindings here, so a
    chip is an image resource of its document, redrawn when its label or the
    palette changes.)
    """

    def __init__(self, labels: SourceLabels) -> None:
        self.labels = labels
        # Chips of one source look alike: one image per label, font, colours and scale.
        self._images: dict[tuple[str, str, str, str, float], QImage] = {}

    def image(self, passage_id: int, font: QFont, palette: QPalette, ratio: float) -> QImage:
        label = self.labels.short(passage_id)
        accents = accents_of(palette)
        key = (label, font.key(), accents.chip_base, accents.chip_text, ratio)
        image = self._images.get(key)
        if image is None:
            if len(self._images) > 512:
                self._images.clear()
            image = self._images[key] = self._draw(label, font, palette, ratio)
        return image

    def _draw(self, label: str, font: QFont, palette: QPalette, ratio: float) -> QImage:
        font = QFont(font)
        size = font.pointSizeF()
        if size > 0:
            font.setPointSizeF(max(7.0, size * 0.82))
        metrics = QFontMetricsF(font)
        width = metrics.horizontalAdvance(label) + 14
        height = metrics.height() + 2
        image = QImage(
            int((width + 3) * ratio) + 1,
            int(height * ratio) + 1,
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        accents = accents_of(palette)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(3, 0.5, width - 1, height - 1)
        painter.setPen(QColor(accents.control_border))
        painter.setBrush(QColor(accents.chip_base))
        painter.drawRoundedRect(box, box.height() / 2.5, box.height() / 2.5)
        painter.setPen(QColor(accents.chip_text))
        painter.setFont(font)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        painter.end()
        return image

    def add_to(
        self,
        document: QTextDocument,
        ids: Iterable[int],
        font: QFont,
        palette: QPalette,
        ratio: float,
    ) -> None:
        """(Re)draw the chips of ``ids`` as ``document``'s resources."""
        ids = list(dict.fromkeys(ids))
        self.labels.prefetch(ids)
        for pid in ids:
            document.addResource(
                QTextDocument.ResourceType.ImageResource, chip_url(pid),
                self.image(pid, font, palette, ratio),
            )  # fmt: skip
