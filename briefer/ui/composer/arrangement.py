"""Where the Composer's parts sit: the editor takes most of the width, and the outline
sits over the Passages and Preview tabs in one column on the right, so a laptop screen
is not cut in three. Built here so the view keeps to what the parts do."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from briefer.core.record import Record
from briefer.ui.common.splitters import ShareSplitter

SIDE_SHARE = 0.31
"""The default share of the width for the side column (outline, passages, preview)."""
OUTLINE_SHARE = 0.34
"""The outline's default share of the side column's height, over the tabs."""


class Arrangement(Record, frozen=True):
    writing: QWidget  # the formatting bar over the editor
    outline: QWidget  # the outline panel, over the tabs
    side_tabs: QTabWidget
    side: ShareSplitter  # outline over the tabs
    split: ShareSplitter  # writing beside the side column


def arrange(
    owner: QWidget,
    *,
    top: Sequence[QWidget],
    writing: Sequence[QWidget],
    outline: QWidget,
    tabs: Sequence[tuple[QWidget, str]],
    status: QWidget,
) -> Arrangement:
    """Lay ``owner`` out: ``top`` in a row (the second widget stretches), then the split,
    then ``status``."""
    row = QHBoxLayout()
    for index, widget in enumerate(top):
        row.addWidget(widget, 1 if index == 1 else 0)
    column = QWidget()
    column_layout = QVBoxLayout(column)
    column_layout.setContentsMargins(0, 0, 0, 0)
    for widget in writing:
        column_layout.addWidget(widget)
    side_tabs = QTabWidget()
    side_tabs.setObjectName("composerSideTabs")
    side_tabs.setAccessibleName("Passages or preview")
    side_tabs.setDocumentMode(True)
    for widget, title in tabs:
        side_tabs.addTab(widget, title)
    side = ShareSplitter(Qt.Orientation.Vertical)
    side.setObjectName("composerSide")
    side.addWidget(outline)
    side.addWidget(side_tabs)
    side.setStretchFactor(1, 1)
    split = ShareSplitter(Qt.Orientation.Horizontal)
    split.setObjectName("composerSplit")
    split.addWidget(column)
    split.addWidget(side)
    split.setChildrenCollapsible(False)
    split.setStretchFactor(0, 1)  # a wider window widens the editor, not the side
    split.setStretchFactor(1, 0)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(6, 4, 6, 2)
    layout.addLayout(row)
    layout.addWidget(split, 1)
    layout.addWidget(status)
    return Arrangement(column, outline, side_tabs, side, split)


def default_sizes(parts: Arrangement, width: int, height: int, side_share: float) -> None:
    """The side column ``side_share`` of ``width``, the outline a third of ``height``."""
    side = max(parts.side.minimumSizeHint().width(), round(width * side_share))
    parts.split.setSizes([max(1, width - side), side])
    parts.side.setSizes([round(height * OUTLINE_SHARE), round(height * (1 - OUTLINE_SHARE))])


def keep_usable(parts: Arrangement, outline_bar: QWidget, outline_list: QAbstractItemView) -> None:
    """However small the window, the side column keeps its tab names and the outline's
    buttons whole and about two dozen characters of a passage, and the outline four
    sections. Measured on show, when the style and fonts are final."""
    metrics = parts.side.fontMetrics()
    parts.side.setMinimumWidth(
        max(
            parts.side_tabs.tabBar().sizeHint().width(),
            outline_bar.sizeHint().width(),
            metrics.averageCharWidth() * 24,
        )
    )
    row = max(outline_list.sizeHintForRow(0), metrics.lineSpacing())
    chrome = (  # the "Outline" label and the buttons under the list
        parts.outline.minimumSizeHint().height() - outline_list.minimumSizeHint().height()
    )
    frame = 2 * outline_list.frameWidth()
    parts.outline.setMinimumHeight(max(0, chrome) + 4 * row + frame)


def rebalance(parts: Arrangement) -> None:
    """The side column, and the outline in it, back to their default shares where a
    restored layout left them squeezed to their minimum (as one saved from a tiny window
    did: an outline two lines high, passages cut to a word)."""
    parts.split.rebalance((1 - SIDE_SHARE, SIDE_SHARE), sides=(1,))
    parts.side.rebalance((OUTLINE_SHARE, 1 - OUTLINE_SHARE), sides=(0,))
