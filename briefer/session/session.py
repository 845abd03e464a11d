"""The open project as the GUI and the CLI both see it.

Runs each command in one transaction, keeps the undo history, announces what
changed to whoever listens, and imports files in batches. Plain Python: the
Qt layer adapts it (QUndoCommand, signals) without it knowing. The store's
``Project`` stays private here: callers read through ``query`` (a
``ProjectQueries``) and write through commands (see queries.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from briefer.core.logs import get_logger
from briefer.core.model import Theme
from briefer.resources import load_json
from briefer.session.command import BackupReason, Change, Command, Entity, UndoHistory
from briefer.session.queries import ProjectQueries
from briefer.store import DiskFull, Project, ProjectInfo

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:  # imported where used: a CLI export or listing never pays for them
    from briefer.importers.sources import ImportPlan
    from briefer.session.imports import ImportOutcome, ImportReport
    from briefer.store import BackupPolicy

log = get_logger(__name__)

Listener = Callable[[list[Change]], None]


def default_themes() -> list[Theme]:
    """The theme set a new project starts with (resources/themes/default-themes.json)."""
    data = load_json("themes", "default-themes.json")
    return [
        Theme(
            name=item["name"],
            colour=item["colour"],
            shortcut=item.get("shortcut", ""),
            description=item.get("description", ""),
            keywords=tuple(item.get("keywords", ())),
            position=position,
        )
        for position, item in enumerate(data["themes"], start=1)
    ]


class _RolledBack(Exception):
    """Raised inside a trial's transaction so the store rolls it back."""


class Session:
    """One open project plus its history. Create with ``Session.create`` or ``Session.open``."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self.history = UndoHistory()
        self._listeners: list[Listener] = []
        self._warnings: list[str] = [project.backup_warning] if project.backup_warning else []

    # -- opening and closing -------------------------------------------------

    @classmethod
    def create(cls, path: Path, *, title: str | None = None) -> Session:
        """A new project file with the default themes, ready for work."""
        project = Project.create(path, title=title)
        try:
            with project.transaction():
                for theme in default_themes():
                    project.add_theme(theme)
        except BaseException:
            project.close()
            path.unlink(missing_ok=True)
            raise
        return cls(project)

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        read_only: bool = False,
        backup_dir: Path | None = None,
        backup_policy: BackupPolicy | None = None,
        break_lock: bool = False,
    ) -> Session:
        """Open for work. A backup that could not be written is in ``take_warnings()``;
        ``break_lock`` clears another computer's lock first: only on the user's word."""
        return cls(
            Project.open(
                path,
                read_only=read_only,
                backup_dir=backup_dir,
                backup_policy=backup_policy,
                break_lock=break_lock,
            )
        )

    def close(self) -> None:
        self._project.close()
        self.history.clear()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def keep_renderings(self, note_uuid: str, text: str) -> None:
        """Keep what the note's export rendered of its citations, for its next export.

        A cache, not an edit: no command, no history, nothing announced (see
        store.renderings, which also drops it with the note or a deleted article)."""
        self._project.keep_renderings(note_uuid, text)

    @property
    def query(self) -> ProjectQueries:
        """The open project, typed for reading only: every change goes through a command.

        The same object the commands write to, so a read sees every committed edit."""
        return self._project

    @property
    def path(self) -> Path:
        return self._project.path

    @property
    def read_only(self) -> bool:
        return self._project.read_only

    def info(self) -> ProjectInfo:
        """Title, format version, counts and size on disk, for ``briefer info`` and the
        window's title."""
        return self._project.info()

    def save_copy(self, target: Path) -> None:
        """A consistent copy of what is committed, under a new name (for e-mail, a USB
        stick, an archive); refuses (``ProjectExists``) to write over this project."""
        self._project.save_copy(target)

    # -- listening -----------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with the changes after each committed edit; returns an unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _announce(self, changes: list[Change]) -> None:
        changes = [c for c in changes if c.added or c.updated or c.removed]
        if not changes:
            return
        for listener in list(self._listeners):
            try:
                listener(changes)
            except Exception:
                log.exception("a change listener failed; the edit itself is saved")

    # -- warnings and backups --------------------------------------------------

    def take_warnings(self) -> list[str]:
        """What went wrong on the side (a backup not written), once each, for the window's
        status bar or the CLI's stderr; the work itself went on."""
        warnings, self._warnings = self._warnings, []
        return warnings

    def back_up_before(self, reason: BackupReason) -> Path | None:
        """Back up what is committed now, labelled, before something hard to undo.

        Destructive commands get this from ``execute``; anything else that rewrites a
        project wholesale (a future merge of projects, say) calls it first. A backup that
        cannot be written becomes a warning: the edit still goes ahead, undo still works.
        """
        from briefer.store import BackupFailed

        try:
            return self._project.back_up(reason.label, reason.text)
        except BackupFailed as failed:
            log.warning("%s", failed)
            self._warnings.append(str(failed))
            return None

    # -- running commands ----------------------------------------------------

    def execute(self, command: Command) -> list[Change]:
        """Apply in one transaction and announce, without touching the history.

        The Qt undo adapter calls this from ``QUndoCommand.redo``. A destructive command
        (deleting a theme, an article, a note) is preceded by a labelled backup.
        """
        if not self._project.read_only:
            reason = command.backup_before(self._project)
            if reason is not None:
                self.back_up_before(reason)
        with self._project.transaction():
            changes = command.apply(self._project)
        self._announce(changes)
        return changes

    def unexecute(self, command: Command) -> list[Change]:
        """Revert in one transaction and announce (``QUndoCommand.undo``)."""
        with self._project.transaction():
            changes = command.revert(self._project)
        self._announce(changes)
        return changes

    def trial(self, command: Command) -> list[Change]:
        """Apply ``command`` and roll it back: what it would change, with nothing written,
        announced or recorded (a merge's dry run). Not on a read-only project."""
        try:
            with self._project.transaction():
                changes = command.apply(self._project)
                raise _RolledBack
        except _RolledBack:
            pass
        return changes

    def do(self, command: Command) -> list[Change]:
        """Run an edit and record it for undo."""
        changes = self.execute(command)
        self.history.pushed(command)
        return changes

    def undo(self) -> str | None:
        """Undo the last edit; returns its label, or ``None`` when there is nothing to undo."""
        command = self.history.take_undo()
        if command is None:
            return None
        try:
            self.unexecute(command)
        except BaseException:
            self.history.give_back_undo(command)
            raise
        return command.label

    def redo(self) -> str | None:
        command = self.history.take_redo()
        if command is None:
            return None
        try:
            self.execute(command)
        except BaseException:
            self.history.give_back_redo(command)
            raise
        return command.label

    # -- importing -----------------------------------------------------------

    def import_files(
        self,
        paths: Iterable[Path] | ImportPlan,
        *,
        recursive: bool = True,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> Iterator[ImportOutcome]:
        """Import files and folders one by one, yielding each outcome as it is known.

        Each file is its own transaction: a failure or a cancel keeps what was
        already imported and leaves nothing half-written. ``paths`` may be a plan from
        ``plan_import``, so a caller that counted the files does not walk folders twice.
        A full disk raises ``DiskFull`` after every file has been listed.
        """
        from briefer.session.imports import import_files

        for outcome in import_files(self._project, paths, recursive=recursive, cancelled=cancelled):
            self._announce_import(outcome)
            yield outcome

    @staticmethod
    def plan_import(paths: Iterable[Path], *, recursive: bool = True) -> ImportPlan:
        """What an import of ``paths`` will read and skip, folders expanded, so progress
        can count; links and special files inside folders are skipped, never read."""
        from briefer.importers.registry import scan_paths

        return scan_paths(paths, recursive=recursive)

    def import_all(self, paths: Iterable[Path], *, recursive: bool = True) -> ImportReport:
        """Every outcome; a full disk ends the batch and is named in ``stopped_by``."""
        from briefer.session.imports import ImportReport

        outcomes: list[ImportOutcome] = []
        try:
            for outcome in self.import_files(paths, recursive=recursive):
                outcomes.append(outcome)
        except DiskFull as full:
            return ImportReport(outcomes, stopped_by=full)
        return ImportReport(outcomes)

    def import_paste(
        self,
        *,
        text: str | None = None,
        html: str | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> ImportOutcome:
        """The clipboard's text or HTML as a new article, in one transaction. May run on a
        worker, as ``import_files`` does; a ``cancelled`` that turns true before the commit
        leaves the project as it was (status ``CANCELLED``)."""
        from briefer.session.imports import import_pasted

        outcome = import_pasted(self._project, text=text, html=html, cancelled=cancelled)
        self._announce_import(outcome)
        return outcome

    def _announce_import(self, outcome: ImportOutcome) -> None:
        """A new article, or one a duplicate filled in, so the views show it."""
        if outcome.article_id is None:
            return
        if outcome.imported:
            self._announce([Change.of(Entity.ARTICLE, added=[outcome.article_id])])
        elif outcome.filled:
            self._announce([Change.of(Entity.ARTICLE, updated=[outcome.article_id])])

    # -- small conveniences for callers that name things -----------------------

    def theme(self, theme_id: int | None) -> Theme | None:
        """The theme with this id, or None (no id, or deleted since): one indexed query,
        not a scan of every theme."""
        return None if theme_id is None else self._project.find_theme(theme_id)

    def theme_named(self, name: str) -> Theme | None:
        return self._project.theme_by_name(name.strip())
