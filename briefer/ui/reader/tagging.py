"""Turns what the analyst does in the Reader into session commands, and back into highlights.

The reader only emits signals; this controller runs the matching command
through the undo stack and repaints the highlights when the session says the
article's passages, themes or dismissed suggestions changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog

from briefer.core.model import Article, Passage, Theme
from briefer.core.suggest import DEFAULT_LIMIT, Suggestion, suggest
from briefer.session import (
    Change,
    Command,
    CommandError,
    DeletePassageCommand,
    DismissSuggestionCommand,
    Entity,
    ProjectError,
    Session,
    SetCommentCommand,
    TagPassageCommand,
    TagPassagesCommand,
    ToggleThemeCommand,
)
from briefer.ui.common.undo import run_command
from briefer.ui.reader.comment_dialog import CommentDialog
from briefer.ui.reader.view import ReaderView


class TaggingController(QObject):
    def __init__(
        self,
        session: Session,
        reader: ReaderView,
        stack: QUndoStack,
        report: Callable[[str], None],
        limit: int = DEFAULT_LIMIT,
    ) -> None:
        super().__init__(reader)
        self.limit = limit  # suggestions per article (the analyst's setting)
        self.session = session
        self.reader = reader
        self.stack = stack
        self.report = report
        self.article: Article | None = None
        self.comment_dialog: CommentDialog | None = None  # the last one shown
        reader.tagRequested.connect(self._tag_selection)
        reader.suggestionAccepted.connect(self._accept)
        reader.toggleThemeRequested.connect(
            lambda passage_id, theme_id: self.run(ToggleThemeCommand(passage_id, theme_id))
        )
        reader.deleteRequested.connect(lambda pid: self.run(DeletePassageCommand(pid)))
        reader.suggestionDismissed.connect(self._dismiss)
        reader.commentRequested.connect(self._edit_comment)

    def show_article(self, article_id: int | None) -> None:
        if article_id is None:
            self.article = None
            self.reader.clear()
            return
        self.article = self.session.query.get_article(article_id)
        passages, themes, suggestions = self._annotations()
        self.reader.set_article(self.article, passages, themes, suggestions)

    def refresh(self) -> None:
        """Highlights and suggestions again, without rebuilding the page."""
        if self.article is None:
            return
        passages, themes, suggestions = self._annotations()
        self.reader.set_passages(passages, themes)
        self.reader.set_suggestions(suggestions)

    def set_limit(self, limit: int) -> None:
        """Show at most ``limit`` suggestions per article from now on, this one included."""
        if limit != self.limit:
            self.limit = limit
            self.refresh()

    def on_changes(self, changes: list[Change]) -> None:
        if self.article is None:
            return
        article_id = self.article.id
        if any(c.entity is Entity.ARTICLE and article_id in c.removed for c in changes):
            self.show_article(None)
        elif any(
            c.entity in (Entity.PASSAGE, Entity.THEME)
            or (c.entity in (Entity.SUGGESTION, Entity.ARTICLE) and article_id in c.updated)
            for c in changes
        ):
            self.refresh()

    def suggestions_for(self, theme_id: int) -> list[Suggestion]:
        """The current article's open suggestions for one theme."""
        if self.article is None:
            return []
        return [s for s in self._annotations()[2] if s.theme_id == theme_id]

    def accept_all(self, theme_id: int) -> None:
        suggestions = self.suggestions_for(theme_id)
        if self.article is not None and self.article.id is not None and suggestions:
            spans = [(s.start, s.end) for s in suggestions]
            self.run(TagPassagesCommand(self.article.id, spans, [theme_id]))

    def _annotations(self) -> tuple[list[Passage], list[Theme], list[Suggestion]]:
        assert self.article is not None and self.article.id is not None
        project = self.session.query
        passages = project.list_passages(article_id=self.article.id)
        themes = project.list_themes()
        dismissed = project.dismissed_suggestions(self.article.id)
        found = suggest(self.article, themes, passages, dismissed, limit=max(0, self.limit))
        return passages, themes, found

    def run(self, command: Command) -> None:
        """Run an edit on the undo stack; a refusal is reported, never raised."""
        if self.session.read_only:
            self.report("This project is open read-only, so it cannot be changed.")
            return
        try:
            run_command(self.stack, self.session, command, self.report)
        except (CommandError, ProjectError) as exc:
            self.report(str(exc))

    def _tag_selection(self, start: int, end: int, theme_id: int) -> None:
        """A theme key on a selection: tag it (or toggle the theme on the passage it is, or
        lies in), then leave the cursor at that passage's end with nothing selected, so a
        second key acts on the same passage instead of tagging the words again."""
        if self.article is None or self.article.id is None:
            return
        command = TagPassageCommand(self.article.id, start, end, [theme_id])
        self.run(command)
        if command.passage_id is not None:
            passage = self.session.query.get_passage(command.passage_id)
            self.reader.collapse_selection(passage.end, passage.id)
        elif command.removed:
            self.reader.collapse_selection(end)

    def _accept(self, start: int, end: int, theme_id: int) -> None:
        if self.article is not None and self.article.id is not None:
            self.run(TagPassageCommand(self.article.id, start, end, [theme_id], toggle=False))

    def _dismiss(self, start: int, end: int, theme_id: int) -> None:
        if self.article is not None and self.article.id is not None:
            self.run(DismissSuggestionCommand(self.article.id, start, end, theme_id))

    def _edit_comment(self, passage_id: int) -> None:
        passage = self.session.query.get_passage(passage_id)
        current = passage.comment
        self.comment_dialog = CommentDialog(current, passage.text, self.reader)
        if self.comment_dialog.exec() == QDialog.DialogCode.Accepted:
            text = self.comment_dialog.text()
            if text.strip() != current.strip():
                self.run(SetCommentCommand(passage_id, text))
