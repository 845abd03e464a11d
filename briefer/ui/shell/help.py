"""Help inside the app, offline: the pages in resources/help, and the real shortcuts.

Pages are Markdown rendered by Qt itself (no network, no remote images);
links between pages open in the same window. The keyboard shortcuts page
is built from the window's own actions and the Reader's keys each time it
is shown, so it can never disagree with what the keys do.
"""

from __future__ import annotations

import platform
from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QSize, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QWidget,
)

from briefer import __version__
from briefer.resources import resource_path
from briefer.ui.reader.keys import READER_KEYS

SHORTCUTS = "shortcuts"
PAGES = (
    ("index.md", "User guide"),
    ("getting-started.md", "Getting started"),
    (SHORTCUTS, "Keyboard shortcuts"),
    ("project-file.md", "The project file and backups"),
    ("templates.md", "Templates"),
)


def menu_shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action in the window's menus that has keys."""
    found: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            submenu = action.menu()  # typed QObject in PySide6's stubs
            if isinstance(submenu, QMenu):
                walk(submenu, f"{path} > {action.text().replace('&', '')}")
            elif action.shortcuts():
                keys = ", ".join(
                    k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
                )
                found.append((path, _plain(action.text()), keys))

    for action in window.menuBar().actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            walk(submenu, action.text().replace("&", ""))
    return found


def _plain(text: str) -> str:
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    for prefix in ("Undo ", "Redo "):  # "Undo Typing" is the Undo action
        if text.startswith(prefix):
            return prefix.strip()
    return text


def shortcuts_html(
    window: QMainWindow | None,
    theme_keys: list[tuple[str, str]],
    composer_actions: Sequence[QAction] = (),
) -> str:
    rows = []
    if window is not None:
        for menu, action, keys in menu_shortcuts(window):
            rows.append(f"<tr><td><b>{escape(keys)}</b></td><td>{escape(action)}"
                        f" <span style='color:gray'>({escape(menu)})</span></td></tr>")  # fmt: skip
    reader = "".join(
        f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>"
        for keys, what in READER_KEYS
    )
    themes = "".join(
        f"<tr><td><b>{escape(key)}</b></td><td>Tag the selection with {escape(name)}, "
        "or toggle it on the passage under the cursor</td></tr>"
        for key, name in theme_keys
    )
    composer_rows = ""
    for key_action in composer_actions:
        if key_action.shortcuts():
            keys = key_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            what = key_action.toolTip().split(" (")[0] or _plain(key_action.text())
            composer_rows += f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>"
    if composer_rows:
        composer_rows = (
            "<h2>In the Composer</h2><table cellpadding='3'>"
            "<tr><td><b>Insert / Enter</b></td><td>Quote the passage chosen in the list</td></tr>"
            "<tr><td><b>Ctrl+Enter</b></td><td>Open the source of the citation at the cursor"
            f"</td></tr>{composer_rows}</table>"
        )
    menus = (
        "<h2>Menus</h2><table cellpadding='3'>" + "".join(rows) + "</table>"
        if rows
        else "<p>Open a project to see the menu shortcuts.</p>"
    )
    return (
        "<h1>Keyboard shortcuts</h1>"
        "<p>These are the keys as this window binds them.</p>"
        f"{menus}<h2>In the Reader</h2><p>The Tag menu shows these keys too; they work in "
        "the Reader, so typing elsewhere types them.</p>"
        f"<table cellpadding='3'>{themes}{reader}</table>"
        f"{composer_rows}"
    )


def fitting_size(width: int, height: int, near: QWidget | None) -> QSize:
    """``width`` x ``height``, or less where the window it opens over (or the screen) is
    smaller: on a 1280x720 laptop at 125% a 640-pixel-high window would leave the screen."""
    room = None
    if near is not None and near.isVisible():
        room = near.size()
    elif (screen := QGuiApplication.primaryScreen()) is not None:
        room = screen.availableGeometry().size()
    if room is None:
        return QSize(width, height)
    return QSize(min(width, int(room.width() * 0.9)), min(height, int(room.height() * 0.9)))


class HelpWindow(QDialog):
    """The user guide: a page list and the page; modeless, so it can stay open."""

    def __init__(
        self,
        window: QMainWindow | None = None,
        theme_keys: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
        composer_actions: Sequence[QAction] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Briefer Help")
        self.setObjectName("help")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.window_with_actions = window
        self.theme_keys = theme_keys or []
        self.composer_actions = composer_actions
        self.pages = QListWidget()
        self.pages.setAccessibleName("Help pages")
        self.pages.setMaximumWidth(230)
        for name, title in PAGES:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.pages.addItem(item)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Help page")
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(16)
        layout = QHBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.browser, 1)
        self.pages.currentRowChanged.connect(lambda row: self.show_page(PAGES[row][0]))
        self.browser.anchorClicked.connect(self._link)
        self.resize(fitting_size(900, 640, window or parent))
        self.pages.setCurrentRow(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc (QDialog's own) and the platform's Close key (Ctrl+W) both close help."""
        if event.matches(QKeySequence.StandardKey.Close):
            self.close()
            return
        super().keyPressEvent(event)

    def show_page(self, name: str) -> None:
        if name == SHORTCUTS:
            self.browser.setHtml(
                shortcuts_html(self.window_with_actions, self.theme_keys, self.composer_actions)
            )
        else:
            try:
                text = resource_path("help", name).read_text(encoding="utf-8")
            except (FileNotFoundError, OSError):
                text = (
                    f"# Page missing\n\nThe help page {name} is not installed; reinstall Briefer."
                )
            self.browser.setMarkdown(text)
        row = next((i for i, (page, _t) in enumerate(PAGES) if page == name), -1)
        if row >= 0 and self.pages.currentRow() != row:
            self.pages.blockSignals(True)
            self.pages.setCurrentRow(row)
            self.pages.blockSignals(False)

    def _link(self, url: QUrl) -> None:
        target = url.toString()
        if any(target == page for page, _title in PAGES):
            self.show_page(target)
        # Anything else (a web address) is not followed: Briefer stays offline.


def about_text() -> str:
    return (
        f"<h3>Briefer {escape(__version__)}</h3>"
        "<p>Turns news articles and reports into a clear briefing note in Word, with every"
        " quotation traceable to its source.</p>"
        "<p>Briefer works offline: it opens no network connection, and your projects stay"
        " in the files you chose.</p>"
        f"<p>Python {platform.python_version()}, Qt {qVersion()}.</p>"
    )


class HelpActions:
    """Help > User Guide (F1) and Keyboard Shortcuts for a window; one help window, reused."""

    def __init__(
        self,
        window: QMainWindow,
        theme_keys: Callable[[], list[tuple[str, str]]],
        composer_actions: Callable[[], Sequence[QAction]] = lambda: (),
    ) -> None:
        self.window = window
        self.theme_keys = theme_keys
        self.composer_actions = composer_actions
        self.help_window: HelpWindow | None = None
        self.menu = window.menuBar().addMenu("&Help")
        self.guide_action = QAction("&User Guide", window)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(lambda _checked=False: self.open("index.md"))
        self.shortcuts_action = QAction("&Keyboard Shortcuts", window)
        self.shortcuts_action.triggered.connect(lambda _checked=False: self.open(SHORTCUTS))
        self.about_action = QAction("&About Briefer", window)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)  # the app menu on a Mac
        self.about_action.triggered.connect(lambda _checked=False: self.about())
        self.menu.addActions([self.guide_action, self.shortcuts_action])
        self.menu.addSeparator()
        self.menu.addAction(self.about_action)

    def about(self) -> None:
        """The version a report of a problem should name, and what Briefer promises."""
        QMessageBox.about(self.window, "About Briefer", about_text())

    def open(self, page: str) -> HelpWindow:
        if self.help_window is None:
            self.help_window = HelpWindow(self.window, self.theme_keys(), self.window)
        self.help_window.theme_keys = self.theme_keys()
        self.help_window.composer_actions = self.composer_actions()
        self.help_window.show_page(page)
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()  # keys go to it: Esc closes it, arrows scroll
        return self.help_window
