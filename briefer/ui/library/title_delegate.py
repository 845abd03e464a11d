"""The Library's title cell: a title cut to the column keeps its copy suffix in sight.

Two copies of one story show "Title — Word" and "Title — PDF"; cut at the right as Qt
cuts text, a narrow Library showed "Title — …" twice. Here the title is cut instead.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from briefer.ui.library.model import COPY_DASH, COPY_ROLE


class TitleDelegate(QStyledItemDelegate):
    """Cuts the title, not its suffix, when the two do not fit the cell."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        suffix = index.data(COPY_ROLE)
        if not suffix or not option.text.endswith(COPY_DASH + suffix):
            return
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        room = rect.width() - 2 * margin
        metrics = option.fontMetrics
        text: str = option.text
        if metrics.horizontalAdvance(text) <= room:
            return
        tail = COPY_DASH + suffix
        title = text[: -len(tail)]
        left = room - metrics.horizontalAdvance(tail)
        if left < metrics.horizontalAdvance("M…"):  # no room for any title: Qt cuts as ever
            return
        short = metrics.elidedText(title, Qt.TextElideMode.ElideRight, left)
        option.text = short + tail
