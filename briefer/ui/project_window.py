"""A first project window: the articles on the left, the selected one on the right.

A placeholder for the full main window (library, reader, themes, passages),
kept small; it reads through the session only.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTextBrowser,
)

from briefer.core.model import Article, BlockKind
from briefer.session import Change, Entity, ProjectError, Session


def article_html(article: Article) -> str:
    """The article as simple, readable HTML: metadata on top, then its blocks."""
    meta = " · ".join(
        html.escape(v)
        for v in (
            article.publisher,
            article.author,
            article.published.strftime("%d %B %Y") if article.published else "",
        )
        if v
    )
    parts = [f"<h1>{html.escape(article.title)}</h1>"]
    if meta:
        parts.append(f"<p style='color:gray'>{meta}</p>")
    for block in article.blocks:
        text = html.escape(article.block_text(block))
        if block.kind is BlockKind.HEADING:
            level = min(6, max(2, block.level + 1))
            parts.append(f"<h{level}>{text}</h{level}>")
        elif block.kind is BlockKind.QUOTE:
            parts.append(f"<blockquote>{text}</blockquote>")
        elif block.kind is BlockKind.LIST_ITEM:
            parts.append(f"<p style='margin-left:{block.level * 18}px'>• {text}</p>")
        else:
            parts.append(f"<p>{text}</p>")
    if not article.blocks:
        parts.append(f"<p>{html.escape(article.text)}</p>")
    return "\n".join(parts)


class ProjectWindow(QMainWindow):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.setObjectName("projectWindow")
        self.session = session
        title = session.project.info().title
        suffix = " (read-only)" if session.read_only else ""
        self.setWindowTitle(f"{title}{suffix} — Briefer")

        self.library = QListWidget()
        self.library.setObjectName("library")
        self.library.setAccessibleName("Articles")
        self.reader = QTextBrowser()
        self.reader.setObjectName("reader")
        self.reader.setAccessibleName("Article text")
        self.reader.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.library)
        splitter.addWidget(self.reader)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 760])
        self.setCentralWidget(splitter)

        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        self.status.setText(
            f"{session.path}  ·  "
            + ("Opened read-only" if session.read_only else "All changes saved")
        )
        self._build_menus()
        self.library.currentItemChanged.connect(self._show_current)
        self._unsubscribe: Callable[[], None] | None = session.subscribe(self._on_changes)
        self.reload_articles()
        self.resize(1100, 720)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.save_copy_action = QAction("Save a &Copy As…", self)
        self.save_copy_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.save_copy_action.triggered.connect(self.save_copy)
        close_action = QAction("&Close Project", self)
        close_action.setShortcut(QKeySequence.StandardKey.Close)
        close_action.triggered.connect(self.close)
        file_menu.addAction(self.save_copy_action)
        file_menu.addSeparator()
        file_menu.addAction(close_action)

    def save_copy(self) -> None:
        """A consistent copy of the open project (for e-mail, a USB stick, an archive)."""
        suggested = str(self.session.path.with_name(f"{self.session.path.stem} copy.briefer"))
        target, _ = QFileDialog.getSaveFileName(
            self, "Save a copy as", suggested, "Briefer projects (*.briefer)"
        )
        if not target:
            return
        try:
            self.session.project.save_copy(Path(target))
        except (ProjectError, OSError) as exc:
            QMessageBox.warning(self, "Could not save the copy", str(exc))
            return
        self.statusBar().showMessage(f"Saved a copy as {target}", 5000)

    def reload_articles(self) -> None:
        self.library.clear()
        for summary in self.session.project.list_articles():
            item = QListWidgetItem(summary.title or "(untitled)")
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setToolTip(
                " · ".join(v for v in (summary.publisher, str(summary.published or "")) if v)
            )
            self.library.addItem(item)
        if self.library.count():
            self.library.setCurrentRow(0)
        else:
            self.reader.setHtml(
                "<h2>No articles yet</h2><p>Import articles with "
                "<code>briefer import PROJECT FILE…</code>; importing from this window "
                "is coming next.</p>"
            )

    def _show_current(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        article = self.session.project.get_article(item.data(Qt.ItemDataRole.UserRole))
        self.reader.setHtml(article_html(article))

    def _on_changes(self, changes: list[Change]) -> None:
        if any(c.entity is Entity.ARTICLE and (c.added or c.removed) for c in changes):
            self.reload_articles()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Qt may deliver more than one close (the user, then application exit);
        # an exception escaping a Qt override can take the whole process down.
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
            self.session.close()
        super().closeEvent(event)
