"""The seam the window and the CLI see: what they may read, and what runs their edits.

``ProjectQueries`` lists the store's reads the UI and the CLI use, typed with core
records; the store's ``Project`` satisfies it structurally, so ``Session.query`` hands
out the open project itself (no copy, no wrapper call) while the type checker refuses
any write through it. ``CommandRunner`` is the only way an edit goes in: a command,
run in one transaction, announced, undoable. Imports core and the session's commands;
never the store, never Qt.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefer.core.model import Article, ArticleSummary, Note, Passage, SearchHit, Theme
from briefer.session.command import Change, Command

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Protocol
else:
    Protocol = object  # an interface for type checkers; a plain class to the interpreter


class ProjectQueries(Protocol):
    """The reads of an open project, and nothing that writes.

    Records come back as core's frozen records (lists and dicts of them are fresh
    on each call), so what a view holds cannot change the file. A missing id raises
    ``RecordNotFound``; a damaged file ``CorruptProject``; a slow one ``ProjectTooSlow``.
    """

    # -- articles
    def get_article(self, article_id: int) -> Article: ...

    def get_articles(self, article_ids: Iterable[int]) -> dict[int, Article]: ...

    def list_articles(self) -> list[ArticleSummary]: ...

    def article_summaries(self, article_ids: Iterable[int]) -> dict[int, ArticleSummary]: ...

    def original_size(self, article_id: int) -> int | None: ...

    # -- themes
    def list_themes(self) -> list[Theme]: ...

    def theme_by_name(self, name: str) -> Theme | None: ...

    def theme_passage_counts(self) -> dict[int, int]: ...

    # -- passages
    def get_passage(self, passage_id: int) -> Passage: ...

    def get_passages(self, passage_ids: Iterable[int]) -> dict[int, Passage]: ...

    def list_passages(
        self, *, article_id: int | None = None, theme_id: int | None = None
    ) -> list[Passage]: ...

    def dismissed_suggestions(self, article_id: int) -> set[tuple[int, int, int]]: ...

    # -- notes
    def get_note(self, note_id: int) -> Note: ...

    def list_notes(self) -> list[Note]: ...

    def kept_renderings(self, note_uuid: str) -> str: ...

    # -- search
    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]: ...


class CommandRunner(Protocol):
    """How the window and the CLI change a project: only through commands.

    ``execute``/``unexecute`` are what a ``QUndoStack`` adapter calls (it keeps the
    history); ``take_warnings`` gives what went wrong on the side, such as the backup
    before a destructive command. ``Session`` is the runner, and also offers ``do``,
    ``undo`` and ``redo`` over its own history for the CLI and tests.
    """

    def execute(self, command: Command) -> list[Change]: ...

    def unexecute(self, command: Command) -> list[Change]: ...

    def take_warnings(self) -> list[str]: ...
