"""Turns what the analyst does in the Reader into session commands, and back into highlights.

The reader only emits signals; this controller runs the matching command
through the undo stack and repaints the highlights when the session says the
article's passages, themes or dismissed suggestions changed. Deleting a passage
that notes quote asks first, naming the notes.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from briefer.core.citations import citation_occurrences
from briefer.core.model import Article, Note, Passage, Theme
from briefer.core.suggest import (
    DEFAULT_LIMIT,
    Suggestion,
    pick_suggestions,
    scored_sentences,
)
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
    notes_quoting,
)
from briefer.ui.common.undo import run_command
from briefer.ui.reader.comment_dialog import CommentDialog
from briefer.ui.reader.view import ReaderView

WORKER_SWITCH_INTERVAL = 0.0005
"""Seconds a Python worker may hold the GIL while the GUI thread waits for it. PySide
drops the GIL around each Qt call and waits for it after; at Python's 5 ms a paint
of the highlights, a few hundred Qt calls, froze the window 0.45 s."""

_scoring_threads = 0
_scoring_lock = threading.Lock()
_default_interval = sys.getswitchinterval()


def score_on_worker(article: Article, themes: Sequence[Theme]) -> list[Suggestion]:
    """``scored_sentences`` for a worker thread, with the GIL handed back promptly."""
    global _scoring_threads
    with _scoring_lock:
        _scoring_threads += 1
        sys.setswitchinterval(WORKER_SWITCH_INTERVAL)
    try:
        return scored_sentences(article, themes)
    finally:
        with _scoring_lock:
            _scoring_threads -= 1
            if not _scoring_threads:
                sys.setswitchinterval(_default_interval)


_ScoreKey = tuple[int, int, tuple[tuple[int, tuple[str, ...]], ...]]
"""An article's id and length and the themes' ids and keywords: what scoring depends on."""


class TaggingController(QObject):
    """Runs the reader's requests as commands; keeps the article's suggestion scores.

    Scoring a 20 MB article's sentences takes seconds, and neither tagging nor
    dismissing changes the scores, so they are kept per article and themes; for an
    article the reader builds incrementally they are computed on a worker thread
    and the suggestions appear when they are ready.
    """

    _scored_ready = Signal(object)  # (_ScoreKey, list[Suggestion]), from the worker

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
        self._comment_on: tuple[int, str] | None = None  # its passage and comment, while open
        self._scored: tuple[_ScoreKey, list[Suggestion]] | None = None
        self._scoring: _ScoreKey | None = None  # what the worker is scoring
        self._deferred: threading.Thread | None = None  # scoring to start once loaded
        self._opening = False
        self._scored_ready.connect(self._on_scored, Qt.ConnectionType.QueuedConnection)
        reader.loaded.connect(self._start_deferred)
        reader.tagRequested.connect(self._tag_selection)
        reader.suggestionAccepted.connect(self._accept)
        reader.toggleThemeRequested.connect(
            lambda passage_id, theme_id: self.run(ToggleThemeCommand(passage_id, theme_id))
        )
        reader.deleteRequested.connect(self.delete_passage)
        reader.suggestionDismissed.connect(self._dismiss)
        reader.commentRequested.connect(self.edit_comment)
        # Said in the status bar, as its tooltip says it; gone once the caret has left it.
        reader.suggestionReached.connect(self.report)

    def show_article(self, article_id: int | None) -> None:
        if article_id is None:
            self.article = None
            self.reader.clear()
            return
        self.article = self.session.query.get_article(article_id)
        if self._deferred is not None:  # the last article's scoring waited for its build:
            self._deferred = None  # it never runs, so that article is scored when shown again
            self._scoring = None
        self._opening = True  # a long article's scoring waits for its build
        try:
            passages, themes, suggestions = self._annotations()
        finally:
            self._opening = False
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
            return
        if article_id is not None and any(
            c.entity is Entity.ARTICLE and article_id in c.updated for c in changes
        ):
            self._take_details(article_id)
        if any(
            c.entity in (Entity.PASSAGE, Entity.THEME)
            or (c.entity in (Entity.SUGGESTION, Entity.ARTICLE) and article_id in c.updated)
            for c in changes
        ):
            self.refresh()

    def _take_details(self, article_id: int) -> None:
        """The heading follows Edit Article Details (its undo and redo too) at once."""
        article = self.session.query.get_article(article_id)
        if self.article is not None and _details(article) != _details(self.article):
            self.article = article
            self.reader.update_details(article)

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
        scored = self._scores(self.article, themes)
        found = pick_suggestions(scored, passages, dismissed, limit=max(0, self.limit))
        return passages, themes, found

    def _scores(self, article: Article, themes: Sequence[Theme]) -> list[Suggestion]:
        """The article's scored sentences: kept, computed here, or [] while a worker does."""
        key: _ScoreKey = (
            article.id or 0,
            len(article.text),
            tuple((t.id, tuple(t.keywords)) for t in themes if t.id is not None),
        )
        if self._scored is not None and self._scored[0] == key:
            return self._scored[1]
        if len(article.text) < self.reader.incremental_from:
            self._scored = (key, scored_sentences(article, themes))
            return self._scored[1]
        if self._scoring != key:
            self._scoring = key
            worker = threading.Thread(
                target=self._score, args=(key, article, list(themes)), daemon=True
            )
            if self._opening or self.reader.is_loading():
                # Not alongside the build: Python on a worker holds the GIL for 5 ms at
                # a time, and the build's many short Qt calls would each wait for it.
                self._deferred = worker
            else:
                worker.start()
        return []

    def _start_deferred(self) -> None:
        worker, self._deferred = self._deferred, None
        if worker is not None:
            worker.start()

    def _score(self, key: _ScoreKey, article: Article, themes: list[Theme]) -> None:
        """On the worker thread: pure core code, the result goes back queued."""
        found = score_on_worker(article, themes)
        with contextlib.suppress(RuntimeError):  # the controller went with its window
            self._scored_ready.emit((key, found))

    def _on_scored(self, payload: tuple[_ScoreKey, list[Suggestion]]) -> None:
        key, found = payload
        if self._scoring == key:
            self._scoring = None
        if self.article is not None and self.article.id == key[0]:
            self._scored = (key, found)
            try:
                self.refresh()
            except ProjectError:  # closed while the worker scored: nothing left to show
                self.article = None

    def run(self, command: Command, report: Callable[[str], None] | None = None) -> None:
        """Run an edit on the undo stack; a refusal is reported (by ``report``: a dialog
        says it beside the field, not behind itself), never raised."""
        say = report or self.report
        if self.session.read_only:
            say("This project is open read-only, so it cannot be changed.")
            return
        try:
            run_command(self.stack, self.session, command, say)
        except (CommandError, ProjectError) as exc:
            say(str(exc))

    def delete_passage(self, passage_id: int) -> None:
        """Delete a passage; when notes quote it, name them and delete only on the word."""
        if self.session.read_only:
            self.run(DeletePassageCommand(passage_id))  # says why it cannot
            return
        try:
            passage = self.session.query.get_passage(passage_id)
            quoting = notes_quoting(self.session.query, passage_id)
        except ProjectError as exc:
            self.report(str(exc))
            return
        if quoting:
            box = delete_warning_box(passage, quoting, self.reader)
            box.exec()
            if box.clickedButton() is not box.button(QMessageBox.StandardButton.Discard):
                return
        self.run(DeletePassageCommand(passage_id))

    def _tag_selection(self, start: int, end: int, theme_id: int) -> None:
        """A theme key on a selection: tag it (or toggle the theme on the passage it is, or
        lies in), then leave the cursor at that passage's end with nothing selected, so a
        second key acts on the same passage instead of tagging the words again."""
        if self.article is None or self.article.id is None:
            return
        command = TagPassageCommand(self.article.id, start, end, [theme_id])
        self.run(command)
        self._say_grown(command, theme_id)
        if command.passage_id is not None:
            passage = self.session.query.get_passage(command.passage_id)
            self.reader.collapse_selection(passage.end, passage.id)
        elif command.removed:
            self.reader.collapse_selection(end)

    def _accept(self, start: int, end: int, theme_id: int) -> None:
        if self.article is not None and self.article.id is not None:
            command = TagPassageCommand(self.article.id, start, end, [theme_id], toggle=False)
            self.run(command)
            self._say_grown(command, theme_id)

    def _say_grown(self, command: TagPassageCommand, theme_id: int) -> None:
        """When the words grew a passage of the theme instead of making a second one, say
        so in the status bar: the highlight only got longer, which is easy to miss."""
        query = self.session.query
        if command.kept_apart is not None and command.passage_id is not None:
            name = next((t.name for t in query.list_themes() if t.id == theme_id), "")
            self.report(
                f"Tagged as a {name} passage of its own: the {name} passage it overlaps is "
                "quoted in a note, and growing it would change that quotation."
            )
            return
        if command.grown is None or command.passage_id is None:
            return
        passage = query.get_passage(command.passage_id)
        name = next((t.name for t in query.list_themes() if t.id == theme_id), "")
        said = f"Extended the {name} passage to “{shortened(passage.text)}”."
        quoting = notes_quoting(query, passage.id) if passage.id is not None else []
        if quoting:
            count = "1 note quotes" if len(quoting) == 1 else f"{len(quoting)} notes quote"
            said += f" {count} its shorter words: insert it there again, or undo."
        self.report(said)

    def _dismiss(self, start: int, end: int, theme_id: int) -> None:
        if self.article is not None and self.article.id is not None:
            self.run(DismissSuggestionCommand(self.article.id, start, end, theme_id))

    def edit_comment(self, passage_id: int) -> None:
        """The comment dialog for a passage; a changed comment is one undo step."""
        passage = self.session.query.get_passage(passage_id)
        current = passage.comment
        self.comment_dialog = CommentDialog(current, passage.text, self.reader)
        self._comment_on = (passage_id, current)
        if self.comment_dialog.exec() == QDialog.DialogCode.Accepted:
            self._save_comment()
        self._comment_on = None

    def keep_open_comment(self) -> None:
        """The window is closing (a logout's stop signal, say) with the comment dialog
        open: what was typed is saved, as typing in the Composer is, and the dialog goes."""
        dialog = self.comment_dialog
        if self._comment_on is None or dialog is None or not dialog.isVisible():
            return
        self._save_comment()
        self._comment_on = None
        dialog.reject()

    def _save_comment(self) -> None:
        if self._comment_on is None or self.comment_dialog is None:
            return
        passage_id, current = self._comment_on
        text = self.comment_dialog.text()
        if text.strip() != current.strip():
            self.run(SetCommentCommand(passage_id, text))


QUOTED_WORDS = 60
"""Characters of the passage the warning quotes before it shortens them with an ellipsis."""
NAMED_NOTES = 5
"""Notes the warning names before it says "and N more"."""


def shortened(text: str) -> str:
    """A passage's words on one line, cut at a word's end after ``QUOTED_WORDS``."""
    words = " ".join(text.split())
    if len(words) > QUOTED_WORDS:
        cut = words[: QUOTED_WORDS + 1].rsplit(" ", 1)[0]  # at a word's end
        words = (cut if len(cut) > QUOTED_WORDS // 2 else words[:QUOTED_WORDS]).rstrip() + "…"
    return words


def delete_warning(passage: Passage, notes: list[Note]) -> str:
    """What deleting a quoted passage would break, in the analyst's words."""
    words = shortened(passage.text)
    titles = [n.title for n in notes[:NAMED_NOTES]]
    if len(notes) > NAMED_NOTES:
        titles.append(f"and {len(notes) - NAMED_NOTES} more")
    count = f"{len(notes)} note" + ("s" if len(notes) != 1 else "")
    # A note may quote it more than once (under two themes, or inserted twice): the count
    # says how many places will show the marker, not only how many notes.
    pid = passage.id
    cited = [citation_occurrences(s.body) for note in notes for s in note.sections]
    places = sum(found.count(pid) for found in cited) if pid is not None else 0
    if places > len(notes):
        count = ("twice" if places == 2 else f"{places} times") + f" in {count}"
    else:
        count = f"in {count}"
    if len(notes) == 1:
        tail = "The note will show [missing source] where it quotes it."
    else:
        tail = "The notes will show [missing source] where they quote it."
    return f"“{words}” is quoted {count}: {', '.join(titles)}. Delete it anyway? {tail}"


def delete_warning_box(passage: Passage, notes: list[Note], parent: QWidget) -> QMessageBox:
    """The question before deleting a quoted passage: Cancel is the default, so a stray
    Enter keeps it; Delete Passage is the destructive choice (Undo brings it back)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Delete a quoted passage?",
        delete_warning(passage, notes),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.button(QMessageBox.StandardButton.Discard).setText("&Delete Passage")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box


def _details(article: Article) -> tuple[object, ...]:
    """What the Reader's heading shows of an article."""
    return (article.title, article.publisher, article.author, article.published, article.url)
