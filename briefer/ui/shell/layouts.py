"""Read and Tag and Compose each keep their own layout of the project window.

Which panels show, how wide they are, how they are tabbed and where the mode's
own splitters sit are kept per mode: saved when the analyst leaves a mode, put
back on return, and kept in the settings across openings. A mode never laid
out before gets its default, proportional to the window, so that reading and
writing keep most of a laptop screen: the side panels share one tabbed column
instead of stacking. Panels keep their share of the window, not their pixels,
when it is resized (the mode's splitters are ShareSplitters, which do the same),
and a saved layout that leaves a side panel squeezed to its minimum, as one
saved from a tiny window did, gets the default share for it back. Qt only; it
knows nothing of the project.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QTabBar, QTabWidget, QWidget

from briefer.core.record import Record
from briefer.settings import Settings
from briefer.ui.common.splitters import SLACK

READ = "read"
COMPOSE = "compose"
MODES = (READ, COMPOSE)
# Bump when the docks change, so a layout saved for other panels is not forced on these.
LAYOUT_VERSION = 2

# The default share of the window's width in Read and Tag: the Library on the left,
# the tabbed panels on the right (Compose's side column: composer.arrangement). The
# rest, at least 60% on a laptop screen, is the Reader's.
LIBRARY_SHARE = 0.17
READ_PANELS_SHARE = 0.19
DOCK_SHARE = READ_PANELS_SHARE  # a panel's share when a restored layout left it squeezed
LIBRARY_SPLIT_SHARE = LIBRARY_SHARE / (1 - READ_PANELS_SHARE)  # of the Library and the Reader


class DockView(Record, frozen=True):
    """How one dock looked in a mode: open, in front of its tabs, and its share of the
    window across (of its width at the left or right, of its height at the top or bottom)."""

    open: bool
    front: bool
    share: float


_SIDES = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)


class ModeParts(Record, frozen=True):
    """What belongs to one mode alone: its splitters and tab widgets, its default layout
    (given the window's width and height), and how to give its splitters' side panes
    their default share where a restored layout leaves one squeezed."""

    splitters: Sequence[QSplitter]
    tabs: Sequence[QTabWidget]
    default: Callable[[int, int], None]
    balance: Callable[[], object] = lambda: None


def _encode(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def _decode(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii"))


class ModeLayouts:
    """Saves and restores a QMainWindow's docks plus each mode's own parts, per mode.

    A saved layout is a list of strings (see ``Settings.read_layout``): the window's
    dock state, then each splitter's state (base64), then each tab widget's current
    index. Junk or a list of the wrong length falls back to the default layout.

    Qt's restoreState strands the tab bars of the layout it replaces (one more each
    switch), so it runs once per mode and opening; after that a switch shows, hides,
    raises and sizes the docks as the mode left them.
    """

    def __init__(self, window: QMainWindow, parts: dict[str, ModeParts], mode: str) -> None:
        self.window = window
        self.parts = parts
        self.mode = mode
        self.saved: dict[str, list[str]] = {m: [] for m in MODES}
        self.applied = False  # nothing is captured before the window is first laid out
        self.seen: dict[str, dict[str, DockView]] = {}  # each mode's docks, this session
        self.shares: dict[str, float] = {}  # the docks' shares of the window, as last chosen

    def load(self, settings: Settings) -> None:
        """Take the layouts saved in ``settings``. The single window state saved before
        modes had their own is left alone: it is the cramped layout this replaces."""
        self.saved[READ] = list(settings.read_layout)
        self.saved[COMPOSE] = list(settings.compose_layout)

    def store(self, settings: Settings) -> None:
        """Put both modes' layouts (the current one as it is now) into ``settings``."""
        if self.applied:
            self.saved[self.mode] = self.capture()
        settings.read_layout = list(self.saved[READ])
        settings.compose_layout = list(self.saved[COMPOSE])

    def capture(self) -> list[str]:
        parts = self.parts[self.mode]
        return [
            _encode(self.window.saveState(LAYOUT_VERSION)),
            *(_encode(s.saveState()) for s in parts.splitters),
            *(str(t.currentIndex()) for t in parts.tabs),
        ]

    def switch(self, mode: str) -> None:
        """Leave the current mode's layout as it is, for later, and show ``mode``'s."""
        if mode == self.mode:
            return
        if self.applied:
            self.saved[self.mode] = self.capture()
            self.seen[self.mode] = self._look()
        self.mode = mode
        if self.applied:
            self.apply()

    def apply(self) -> None:
        """Lay the window out for the current mode: as it was left, as saved (with sensible
        shares for panels it left squeezed), or the default."""
        self.applied = True
        view = self.seen.get(self.mode)
        if view is not None:
            self._show(view)
        elif self._restore(self.saved[self.mode]):
            self._settle()
            self._balance_docks()
            self.parts[self.mode].balance()
        else:
            self.reset()
        self._settle()
        self.learn()

    def _settle(self) -> None:
        """Let the window place its docks now, so their sizes can be read."""
        layout = self.window.layout()
        if layout is not None:
            layout.activate()

    def _across(self, dock: QDockWidget) -> tuple[bool, int, int]:
        """Whether ``dock`` sits at a side, its size across the window, and the window's."""
        side = self.window.dockWidgetArea(dock) in _SIDES
        if side:
            return True, dock.width(), self.window.width()
        return False, dock.height(), self.window.height()

    def _docked(self) -> list[QDockWidget]:
        return [d for d in self._docks() if not d.isHidden() and not d.isFloating()]

    def _tab_groups(self, docks: Sequence[QDockWidget]) -> list[list[QDockWidget]]:
        """``docks`` by the place they share: a tab group, or a panel alone."""
        groups: list[list[QDockWidget]] = []
        placed: set[QDockWidget] = set()
        for dock in docks:
            if dock not in placed:
                mates = [d for d in self.window.tabifiedDockWidgets(dock) if d in docks]
                groups.append([dock, *mates])
                placed.update(groups[-1])
        return groups

    def _in_front(self, dock: QDockWidget) -> bool:
        """Whether ``dock`` is the one its place shows. Qt moves a panel behind a tab out of
        the window, keeping the size it had before it was tabbed: no share of anything."""
        return dock.geometry().intersects(self.window.rect())

    def _fronts(self) -> list[tuple[QDockWidget, list[QDockWidget]]]:
        """Each docked place's front panel and its tab-mates (a place not laid out yet,
        with no panel in the window, is left out)."""
        fronts = []
        for group in self._tab_groups(self._docked()):
            shown = [d for d in group if self._in_front(d)]
            if shown:
                fronts.append((shown[0], [d for d in group if d is not shown[0]]))
        return fronts

    def learn(self) -> None:
        """Take the docks' sizes now as the analyst's shares of the window (after a layout
        is applied, or a panel's edge dragged); a window resize puts them back. Only the
        front panel of a tab group is measured; its tab-mates take its share."""
        shares = {}
        for dock, mates in self._fronts():
            _side, size, extent = self._across(dock)
            if extent > 0 and size > 0:
                for each in (dock, *mates):
                    shares[each.objectName()] = size / extent
        self.shares = shares

    def fit(self) -> None:
        """After the window is resized: each docked panel back to its share of it, not
        left at the pixels it had (or was squeezed to) before. One panel per tab group:
        Qt sizes the group by each panel it is given, the last one winning."""
        if not self.applied:
            return
        groups: dict[bool, tuple[list[QDockWidget], list[int]]] = {True: ([], []), False: ([], [])}
        for dock, _mates in self._fronts():
            share = self.shares.get(dock.objectName())
            if share is None:
                continue
            side, _size, extent = self._across(dock)
            least = dock.minimumWidth() if side else dock.minimumHeight()
            groups[side][0].append(dock)
            groups[side][1].append(max(least, round(share * extent)))
        for side, (docks, sizes) in groups.items():
            if docks:
                across = Qt.Orientation.Horizontal if side else Qt.Orientation.Vertical
                self.window.resizeDocks(docks, sizes, across)

    def _balance_docks(self) -> None:
        """A side panel restored at its minimum width, or too narrow for its tab names,
        gets the default share back."""
        tabs = tabs_width(self.window, self._docks())
        sides = [d for d, _ in self._fronts() if self.window.dockWidgetArea(d) in _SIDES]
        useful = {
            dock: max(tabs, max(dock.minimumWidth(), dock.minimumSizeHint().width()) + SLACK + 1)
            for dock in sides
        }
        cramped = [dock for dock in sides if dock.width() < useful[dock]]
        if cramped:
            width = self.window.width()
            sizes = [max(useful[d], round(width * DOCK_SHARE)) for d in cramped]
            self.window.resizeDocks(cramped, sizes, Qt.Orientation.Horizontal)

    def _docks(self) -> list[QDockWidget]:
        return self.window.findChildren(QDockWidget)

    def _look(self) -> dict[str, DockView]:
        view = {}
        for dock in self._docks():
            _side, size, extent = self._across(dock)
            view[dock.objectName()] = DockView(
                open=not dock.isHidden(),
                front=not dock.isHidden() and self._in_front(dock),
                share=size / extent if extent > 0 else 0.0,
            )
        return view

    def _show(self, view: dict[str, DockView]) -> None:
        docks = self._docks()
        shown = [d for d in docks if d.objectName() in view and view[d.objectName()].open]
        for dock in docks:
            dock.setVisible(dock in shown)
        for dock in shown:
            if view[dock.objectName()].front:
                dock.raise_()
        docked = [  # one panel per tab group, the front one: Qt sizes the group by each
            group[0]
            for group in self._tab_groups([d for d in shown if not d.isFloating()])
            for group in [sorted(group, key=lambda d: not view[d.objectName()].front)]
        ]
        sides = [d for d in docked if self.window.dockWidgetArea(d) in _SIDES]
        ends = [d for d in docked if d not in sides]
        for orientation, group in (
            (Qt.Orientation.Horizontal, sides),
            (Qt.Orientation.Vertical, ends),
        ):
            if group:
                extent = (
                    self.window.width()
                    if orientation == Qt.Orientation.Horizontal
                    else self.window.height()
                )
                sizes = [max(1, round(view[d.objectName()].share * extent)) for d in group]
                self.window.resizeDocks(group, sizes, orientation)

    def reset(self) -> None:
        """The current mode's default layout, for the window's size now."""
        self.applied = True
        self.parts[self.mode].default(self.window.width(), self.window.height())
        self._settle()
        self.learn()

    def _restore(self, saved: list[str]) -> bool:
        parts = self.parts[self.mode]
        if len(saved) != 1 + len(parts.splitters) + len(parts.tabs):
            return False
        for dock in self.window.findChildren(QDockWidget):
            dock.hide()
        layout = self.window.layout()
        if layout is not None:  # hidden bars leave the layout now, or restoring strands them
            layout.activate()
        if not self.window.restoreState(_decode(saved[0]), LAYOUT_VERSION):
            return False
        states = saved[1 : 1 + len(parts.splitters)]
        for splitter, state in zip(parts.splitters, states, strict=True):
            splitter.restoreState(_decode(state))
        for tabs, index in zip(parts.tabs, saved[1 + len(parts.splitters) :], strict=True):
            if index.isdigit() and int(index) < tabs.count():
                tabs.setCurrentIndex(int(index))
        return True


def tabify(window: QMainWindow, docks: Sequence[QDockWidget], area: Qt.DockWidgetArea) -> None:
    """Put ``docks`` in one tabbed group in ``area``, shown, the first one in front."""
    together = set(window.tabifiedDockWidgets(docks[0])) >= set(docks[1:])
    placed = all(window.dockWidgetArea(d) == area and not d.isFloating() for d in docks)
    if not (together and placed):  # re-adding docks already tabbed leaves a stray tab bar
        for dock in docks:
            dock.setFloating(False)
            window.addDockWidget(area, dock)
        for dock in docks[1:]:
            window.tabifyDockWidget(docks[0], dock)
    for dock in docks:
        dock.show()
    docks[0].raise_()


def tabs_width(window: QMainWindow, docks: Sequence[QDockWidget]) -> int:
    """What the panels' tab bar needs to show every name whole ("Passages", not "Pa…"),
    or 0 while Qt has not made it."""
    titles = sorted(dock.windowTitle() for dock in docks)
    for bar in window.findChildren(QTabBar):
        if sorted(bar.tabText(i) for i in range(bar.count())) == titles:
            return bar.sizeHint().width()
    return 0


def keep_usable(library: QWidget, reader: QWidget) -> None:
    """However small the window, the Library keeps about twenty characters of a title and
    the Reader about thirty of a line (the hidden Composer's minimum no longer holds the
    window wider: only the mode shown counts). The panels keep what their content needs
    (Qt's minimum, about as much), not their whole tab names: the window fits a 1600x1000
    screen at 200% in both modes. A layout restored that narrow is widened instead
    (ModeLayouts.apply), and a window grown again gives them their share back."""
    library.setMinimumWidth(library.fontMetrics().averageCharWidth() * 20)
    reader.setMinimumWidth(reader.fontMetrics().averageCharWidth() * 30)
