"""Turns what the analyst does in the Reader into session commands, and back into highlights.

The reader only emits signals; this controller runs the matching command
through the undo stack and repaints the highlights when the session says the
article's passages, themes or dismissed suggestions changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog

from briefer.core.model import Article, Passage, Theme
from briefer.core.suggest import Suggestion, suggest
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
from briefer.ui.reader import ReaderView
from briefer.ui.undo import run_command


class TaggingController(QObject):
    def __init__(
        self,
        session: Session,
        reader: ReaderView,
        stack: QUndoStack,
        report: Callable[[str], None],
    ) -> None:
        super().__init__(reader)
        self.session = session
        self.reader = reader
        self.stack = stack
        self.report = report
        self.article: Article | None = None
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
        self.article = self.session.project.get_article(article_id)
        passages, themes, suggestions = self._annotations()
        self.reader.set_article(self.article, passages, themes, suggestions)

    def refresh(self) -> None:
        """Highlights and suggestions again, without rebuilding the page."""
        if self.article is None:
            return
        passages, themes, suggestions = self._annotations()
        self.reader.set_passages(passages, themes)
        self.reader.set_suggestions(suggestions)

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
        project = self.session.project
        passages = project.list_passages(article_id=self.article.id)
        themes = project.list_themes()
        dismissed = project.dismissed_suggestions(self.article.id)
        return passages, themes, suggest(self.article, themes, passages, dismissed)

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
            passage = self.session.project.get_passage(command.passage_id)
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
        current = self.session.project.get_passage(passage_id).comment
        text, ok = QInputDialog.getMultiLineText(
            self.reader, "Passage comment", "Comment on this passage:", current
        )
        if ok and text.strip() != current:
            self.run(SetCommentCommand(passage_id, text))
