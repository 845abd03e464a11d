"""The comment mark as an icon, for lists: the same speech bubble the Reader paints."""

from __future__ import annotations

import functools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap, QPolygonF

from briefer.ui.common.style import accents_of


@functools.cache
def _icon(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(QRectF(1, 2, 12, 8), 2, 2)
    painter.drawPolygon(QPolygonF([QPointF(3, 9), QPointF(7, 9), QPointF(2.5, 13)]))
    painter.end()
    return QIcon(pixmap)


def comment_icon(palette: QPalette | None = None) -> QIcon:
    """The mark of a passage that has a comment, in the current mode's colour."""
    if palette is None:
        palette = QGuiApplication.palette()
    return _icon(accents_of(palette).comment_mark)
