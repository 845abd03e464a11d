"""Where the Composer's parts sit: the editor takes most of the width, and the outline
sits over the Passages and Preview tabs in one column on the right, so a laptop screen
is not cut in three. Built here so the view keeps to what the parts do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QTabWidget, QVBoxLayout, QWidget


@dataclass(frozen=True)
class Arrangement:
    writing: QWidget  # the formatting bar over the editor
    side_tabs: QTabWidget
    side: QSplitter  # outline over the tabs
    split: QSplitter  # writing beside the side column


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
    side = QSplitter(Qt.Orientation.Vertical)
    side.setObjectName("composerSide")
    side.addWidget(outline)
    side.addWidget(side_tabs)
    side.setStretchFactor(1, 1)
    split = QSplitter(Qt.Orientation.Horizontal)
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
    return Arrangement(column, side_tabs, side, split)
