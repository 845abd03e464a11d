"""A splitter that keeps its panes' proportions, not their pixels, when it is resized.

Qt gives a resized splitter's extra room by stretch factor and takes room back from
whichever pane can give it, so shrinking the window to its minimum and enlarging it
again left a side pane at its minimum for good (and saved so). Here the analyst's
proportions are what is kept: set by a drag, by code (setSizes) or by a restored
state, and put back after every resize, within each pane's minimum size.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

SLACK = 4
"""A pane within this many pixels of its minimum is at its minimum (handles, rounding)."""


class ShareSplitter(QSplitter):
    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.shares: list[float] = []  # each pane's part of the room, as last chosen
        self.splitterMoved.connect(lambda _pos, _index: self._learn(self.sizes()))

    def _learn(self, sizes: Sequence[int]) -> None:
        total = sum(sizes)
        if total > 0 and len(sizes) == self.count():
            self.shares = [size / total for size in sizes]

    def setSizes(self, sizes: Sequence[int]) -> None:
        self._learn(sizes)
        super().setSizes(list(sizes))

    def restoreState(self, state: QByteArray | bytes | bytearray | memoryview) -> bool:
        restored = super().restoreState(state)
        if restored:
            self._learn(self.sizes())
        return restored

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if len(self.shares) == self.count() and event.size() != event.oldSize():
            total = sum(self.sizes())
            if total > 0:
                super().setSizes([round(share * total) for share in self.shares])

    def room(self) -> int:
        """The pixels the panes share (the splitter's length less its handles), or 0
        while the splitter is not laid out."""
        return sum(self.sizes()) if self.isVisible() else 0

    def cramped(self, index: int) -> bool:
        """Whether pane ``index`` is squeezed to its minimum: too narrow (or low) to use."""
        pane = self.widget(index)
        if pane is None or pane.isHidden():
            return False
        horizontal = self.orientation() == Qt.Orientation.Horizontal
        hint = pane.minimumSizeHint()
        least = (
            max(pane.minimumWidth(), hint.width())
            if horizontal
            else max(pane.minimumHeight(), hint.height())
        )
        return self.sizes()[index] <= least + SLACK

    def rebalance(self, shares: Sequence[float], sides: Sequence[int]) -> bool:
        """Give the panes ``shares`` of the room if one of the ``sides`` (the panes beside
        the main one) is cramped, as a layout saved from a tiny window leaves it; True if
        it did."""
        room = self.room()
        if room <= 0 or not any(self.cramped(index) for index in sides):
            return False
        self.setSizes([max(1, round(share * room)) for share in shares])
        return True
