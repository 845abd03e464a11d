"""The Article menu: put the chosen article's details right, or delete it; both undoable.

The Library's current row is the article they act on (it is also the one the Reader
shows). The Library's own context menu offers the same two, and Delete there deletes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDialog, QMenu, QMessageBox

from briefer.core.model import Article, Note
from briefer.session import (
    CommandError,
    DeleteArticleCommand,
    EditArticleDetailsCommand,
    ProjectError,
    notes_quoting_any,
)
from briefer.ui.common.context import WindowContext
from briefer.ui.common.undo import run_command
from briefer.ui.library.details_dialog import ArticleDetailsDialog

DETAILS_KEYS = "Ctrl+Shift+D"


class ArticleActions:
    """Edit Article Details… and Delete Article, for the article ``current_id`` names."""

    def __init__(self, context: WindowContext, current_id: Callable[[], int | None]) -> None:
        self.context = context
        self.current_id = current_id
        self.dialog: QDialog | None = None  # the last one shown, for tests to reach
        self.details_action = QAction("Edit Article &Details…", context.parent)
        self.details_action.setShortcut(QKeySequence(DETAILS_KEYS))
        self.details_action.triggered.connect(lambda _checked=False: self.edit_details())
        self.delete_action = QAction("De&lete Article…", context.parent)
        self.delete_action.triggered.connect(lambda _checked=False: self.delete_article())
        for action in (self.details_action, self.delete_action):
            action.setEnabled(not context.session.read_only)

    def add_to(self, view: QAbstractItemView) -> None:
        """The two as ``view``'s context menu, with Delete deleting while it has focus."""
        shortcut = QAction(view)
        shortcut.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        shortcut.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.triggered.connect(lambda _checked=False: self.delete_article())
        view.addAction(shortcut)
        self.menu = QMenu(view)
        self.menu.addActions([self.details_action, self.delete_action])
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos: self._context_menu(view, pos))

    def _context_menu(self, view: QAbstractItemView, pos: QPoint) -> None:
        """At the row (the mouse's, or the current one for the keyboard's Menu key)."""
        if self.current_id() is not None:
            self.menu.popup(view.viewport().mapToGlobal(pos))

    def _article_id(self) -> int | None:
        article_id = self.current_id()
        if article_id is None:
            self.context.report("Choose an article in the Library first.")
        return article_id

    def edit_details(self, article_id: int | None = None) -> None:
        """The details of ``article_id`` (from the check's list), or of the current one."""
        article_id = self._article_id() if article_id is None else article_id
        if article_id is None or self.context.session.read_only:
            return
        article = self._article(article_id)
        if article is None:
            return
        dialog = ArticleDetailsDialog(article, self.context.parent)
        self.dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        details = dialog.changed()
        if details is not None:
            self._run(EditArticleDetailsCommand(article_id, details, before=dialog.before))

    def delete_article(self) -> None:
        article_id = self._article_id()
        if article_id is None or self.context.session.read_only:
            return
        query = self.context.session.query
        article = self._article(article_id)
        if article is None:
            return
        passages = [p.id for p in query.list_passages(article_id=article_id) if p.id is not None]
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Delete article?",
            delete_question(article.title, len(passages), notes_quoting_any(query, passages)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self.context.parent,
        )  # fmt: skip
        box.button(QMessageBox.StandardButton.Discard).setText("&Delete Article")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # a stray Enter keeps it
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        self.dialog = box
        box.exec()
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Discard):
            self._run(DeleteArticleCommand(article_id))

    def _article(self, article_id: int) -> Article | None:
        """The article, or None (said on the status bar) when it is gone, say deleted while
        the check's list that named it stayed open."""
        try:
            return self.context.session.query.get_article(article_id)
        except ProjectError as exc:
            self.context.report(str(exc))
            return None

    def _run(self, command: EditArticleDetailsCommand | DeleteArticleCommand) -> None:
        c = self.context
        try:
            run_command(c.undo_stack, c.session, command, c.report)
        except (CommandError, ProjectError) as exc:
            c.report(str(exc))


def delete_question(title: str, passages: int, quoting: list[Note]) -> str:
    """What deleting the article takes with it, and which notes would lose a source."""
    short = title if len(title) <= 80 else title[:79] + "…"
    text = f"Delete “{short}”"
    if passages:
        text += f" and its {passages} passage{'s' if passages != 1 else ''}"
    text += "?"
    if quoting:
        names = ", ".join(n.title for n in quoting[:3]) + (", …" if len(quoting) > 3 else "")
        count = "1 note quotes" if len(quoting) == 1 else f"{len(quoting)} notes quote"
        text += f" {count} it ({names}) and will show [missing source] there."
    return text + " Edit > Undo brings it back."
