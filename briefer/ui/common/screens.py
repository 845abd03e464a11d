"""Windows and dialogs kept on the screen they open on, whatever its size and scaling.

A size in logical pixels fits one screen and not another: 1100x720 is 2200x1440 device
pixels at 200% scaling, taller than a 1600x1000 screen, and a geometry saved on a large
monitor that is gone puts a window where nothing shows it. Qt only; knows no project.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QSizePolicy, QStyle, QTabWidget, QWidget


def screen_of(widget: QWidget) -> QScreen | None:
    """The screen ``widget`` opens on: the one under its window's centre (or under the
    window it opens over), else the one Qt gave it, else the primary screen."""
    parent = widget.parentWidget()
    window = parent.window() if widget.isWindow() and parent is not None else widget.window()
    return (
        QGuiApplication.screenAt(window.frameGeometry().center())
        or window.screen()
        or QGuiApplication.primaryScreen()
    )


def available_area(widget: QWidget) -> QRect | None:
    """The part of ``widget``'s screen windows may use (no panels, no taskbar)."""
    screen = screen_of(widget)
    return screen.availableGeometry() if screen is not None else None


def frame_allowance(window: QWidget) -> QSize:
    """What the window manager adds around ``window``: measured once it has been shown,
    else a title bar and thin borders, so a window as high as the screen keeps its
    bottom edge (the status bar) on it."""
    frame = window.frameGeometry().size() - window.geometry().size()
    if frame.width() > 0 or frame.height() > 0:
        return frame
    title = window.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, window)
    return QSize(8, title + 8)


def bounded_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` x ``height``, or less where the screen ``widget`` opens on is smaller
    (never less than its minimum size, which its layout needs)."""
    wanted = QSize(width, height)
    area = available_area(widget)
    if area is None:
        return wanted
    room = area.size() - frame_allowance(widget)
    return wanted.boundedTo(room).expandedTo(widget.minimumSizeHint().boundedTo(room))


def fit_on_screen(window: QWidget) -> None:
    """Shrink ``window`` to its screen's available area and, if it was placed (a saved
    geometry, a cascade), move it wholly inside; a window left to the window manager
    keeps being placed by it. A maximised or full-screen window is the screen's already."""
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return
    area = available_area(window)
    if area is None:
        return
    window.resize(bounded_size(window, window.width(), window.height()))
    if window.testAttribute(Qt.WidgetAttribute.WA_Moved) or not area.contains(window.pos()):
        window.move(inside(QRect(window.pos(), window.size() + frame_allowance(window)), area))


def inside(rect: QRect, area: QRect) -> QPoint:
    """Where ``rect`` goes to lie in ``area``: moved as little as it takes, its top-left
    corner kept on the area if it is larger."""
    x = max(area.left(), min(rect.left(), area.left() + area.width() - rect.width()))
    y = max(area.top(), min(rect.top(), area.top() + area.height() - rect.height()))
    return QPoint(x, y)


def only_current_page_counts(tabs: QTabWidget) -> None:
    """``tabs`` needs the room of the page it shows, not of its widest page: a tab widget
    is at least as large as the largest minimum of its pages, shown or not, so once the
    Composer had measured its formatting bar Read and Tag could not be narrower than the
    Composer plus the side panels (906 pixels, past a 1600x1000 screen at 200%). Pages
    hidden behind a tab ignore their size hints; the one shown gets its own policy back."""
    pages = [page for i in range(tabs.count()) if (page := tabs.widget(i)) is not None]
    policies = [QSizePolicy(page.sizePolicy()) for page in pages]  # pages added so far
    ignored = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def show(_index: int) -> None:
        current = tabs.currentWidget()
        for page, policy in zip(pages, policies, strict=True):
            page.setSizePolicy(policy if page is current else ignored)
        # A hidden page's change reaches no layout: the window would keep its old minimum.
        stack = current.parentWidget() if current is not None else None
        if stack is not None:
            stack.updateGeometry()
        tabs.updateGeometry()

    tabs.currentChanged.connect(show)
    show(tabs.currentIndex())
