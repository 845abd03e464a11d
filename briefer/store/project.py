"""``Project``: one open .briefer file, its lock, its transactions and its typed queries.

The session's only entry point. Standard library, briefer.core and this package only.
"""

from __future__ import annotations

import errno
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from briefer.core.logs import get_logger
from briefer.core.model import Article, ArticleSummary, Note, Original, Passage, SearchHit, Theme
from briefer.store import (
    articles,
    codec,
    identity,
    notes,
    opening,
    passages,
    renderings,
    themes,
)
from briefer.store.connect import connect_reader, connect_writer, tidy_after_reading, translate
from briefer.store.errors import (
    CopyNotWritten,
    CorruptProject,
    DiskFull,
    MigrationNeeded,
    NewerFormatError,
    ProjectClosed,
    ProjectError,
    ProjectExists,
    ProjectReadOnly,
    ProjectTooSlow,
    ReadOnlyError,
    RecordNotFound,
)
from briefer.store.guard import QueryBound
from briefer.store.lock import ProjectLock
from briefer.store.project_info import ProjectInfo, integrity_problems, read_info
from briefer.store.schema import MIGRATIONS, SCHEMA_VERSION, Migration, migrate

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:  # backups load when a project is opened for writing or copied
    from typing import TypeVar

    from briefer.store import backups

    _T = TypeVar("_T")

log = get_logger(__name__)

_UNREADABLE = (
    ValueError, TypeError, KeyError, IndexError, OverflowError, AttributeError, RecursionError
)  # fmt: skip
"""What decoding a value Briefer never wrote raises (``codec.BadValue`` is a ValueError)."""


def _checked(value: _T) -> _T:
    """``value`` once every record in it has the types it declares (see codec.check_record)."""
    codec.check_record(value)
    return value


def _open(
    path: Path,
    *,
    read_only: bool = False,
    backup_dir: Path | None = None,
    backup_policy: backups.BackupPolicy | None = None,
    break_lock: bool = False,
    migrations: Sequence[Migration] = MIGRATIONS,
    target_version: int = SCHEMA_VERSION,
    query_seconds: float | None = None,
) -> Project:
    """``Project.open`` with the migration list and version as parameters, for tests."""
    path = Path(path)
    found = opening.inspect(path, target_version, query_seconds=query_seconds)
    bound = QueryBound(query_seconds)
    if read_only:
        if found.version < target_version:
            raise MigrationNeeded(path, found.version, target_version)
        return Project(path, connect_reader(path, bound), read_only=True, lock=None, bound=bound)
    if not opening.can_write(path):
        raise ProjectReadOnly(path, "the file")
    if not opening.can_write(path.parent):
        raise ProjectReadOnly(path, "its folder")
    lock = ProjectLock.acquire(path, break_lock=break_lock)
    conn: sqlite3.Connection | None = None
    try:
        conn = connect_writer(path, bound)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > target_version:  # a log that was not checkpointed may say more
            raise NewerFormatError(path, version, target_version)
        warning = None
        if backup_dir is not None or version < target_version:
            from briefer.store import backups  # only then: `briefer export` keeping renderings

            if backup_dir is not None:
                try:  # a full disk or a read-only backups folder warns; it never blocks opening
                    backups.back_up(conn, path, backup_dir, backup_policy or backups.BackupPolicy())
                except backups.BackupFailed as failed:
                    log.warning("backup on open failed: %s", failed, exc_info=True)
                    warning = str(failed)
        if version < target_version:
            backups.back_up_before_migration(conn, path, backup_dir, target_version)
            try:
                migrate(conn, version, migrations, target_version)
            except sqlite3.DatabaseError as error:  # rolled back: the file is as it was
                detail = f"it could not be upgraded to format {target_version}: {error}"
                raise translate(path, error) or CorruptProject(path, detail) from error
        project = Project(path, conn, read_only=False, lock=lock, bound=bound)
        project.backup_dir, project.backup_policy = backup_dir, backup_policy
        project.backup_warning = warning
        return project
    except BaseException:
        if conn is not None:
            conn.close()
        lock.release()
        raise


class Project:
    """An open project. Every write runs in a transaction and is committed before it
    returns; ``transaction()`` groups several into one user edit."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        *,
        read_only: bool,
        lock: ProjectLock | None,
        bound: QueryBound | None = None,
    ) -> None:
        self.path = path
        self._bound = bound or QueryBound()
        self.read_only = read_only
        self._conn: sqlite3.Connection | None = conn
        self._lock = lock
        self._mutex = threading.RLock()
        self._depth = 0
        # Set by opening for writing: where backups go, how they are pruned, and why the
        # backup on open could not be written (for the window or the CLI to say).
        self.backup_dir: Path | None = None
        self.backup_policy: backups.BackupPolicy | None = None  # None: the default
        self.backup_warning: str | None = None

    # -- lifecycle -------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, *, title: str | None = None) -> Project:
        """A new, empty project; built under a temp name and linked into place, so a
        half-created file never exists under the real name."""
        from briefer.store import creating  # with backups' file moves, for writers only

        path = Path(path)
        creating.create_file(path, title)
        return cls.open(path)

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        read_only: bool = False,
        backup_dir: Path | None = None,
        backup_policy: backups.BackupPolicy | None = None,
        break_lock: bool = False,
        query_seconds: float | None = None,
    ) -> Project:
        """Validate without writing, then lock, back up, migrate if needed and open.

        A backup that cannot be written does not stop the open: ``backup_warning`` says why.
        Each call on the project (and its opening) is interrupted with ``ProjectTooSlow``
        after ``query_seconds`` (default ``guard.QUERY_SECONDS``).
        """
        return _open(
            path,
            read_only=read_only,
            backup_dir=backup_dir,
            backup_policy=backup_policy,
            break_lock=break_lock,
            query_seconds=query_seconds,
        )

    def close(self) -> None:
        with self._mutex:
            conn, self._conn = self._conn, None
            if conn is None:
                return
            try:
                if not self.read_only:
                    conn.execute("PRAGMA optimize")
                    # Everything into the main file, so a .briefer copied while Briefer
                    # is closed is complete without its -wal beside it.
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                pass
            finally:
                conn.close()
                if self._lock is not None:
                    self._lock.release()
                    self._lock = None
                elif self.read_only:
                    tidy_after_reading(self.path)  # reading leaves nothing beside the file

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self.closed else ("read-only" if self.read_only else "open")
        return f"<Project {self.path} {state}>"

    # -- transactions ----------------------------------------------------------

    def _require(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ProjectClosed(self.path)
        return self._conn

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One user edit. Nested calls join the outer transaction (as savepoints, so a
        failing inner step leaves nothing half-written); an exception rolls back."""
        with self._mutex:
            conn = self._require()
            if self._depth == 0:
                conn.execute("BEGIN" if self.read_only else "BEGIN IMMEDIATE")
                self._depth = 1
                try:
                    yield
                    conn.execute("COMMIT")
                except BaseException as error:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    translated = (
                        translate(self.path, error) if isinstance(error, sqlite3.Error) else None
                    )
                    if translated is not None:
                        raise translated from error
                    raise
                finally:
                    self._depth = 0
            else:
                name = f"briefer_{self._depth}"
                conn.execute(f"SAVEPOINT {name}")
                self._depth += 1
                try:
                    yield
                except BaseException:
                    conn.execute(f"ROLLBACK TO {name}")
                    raise
                finally:
                    self._depth -= 1
                    conn.execute(f"RELEASE {name}")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise ReadOnlyError(self.path)
        with self.transaction(), self._bound.running():
            try:
                yield self._require()
            except sqlite3.DatabaseError as error:
                typed = self._sqlite_error(error, reading=False)
                if typed is None:
                    raise
                raise typed from error

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A bounded read. Whatever the file holds, what escapes is a ``ProjectError``:
        SQLite's complaints, and values Briefer never writes (a wrong type, bad JSON)."""
        with self._mutex, self._bound.running():
            try:
                yield self._require()
            except sqlite3.DatabaseError as error:
                typed = self._sqlite_error(error)
                if typed is None:
                    raise
                raise typed from error
            except MemoryError as error:  # SQLITE_NOMEM: a damaged index claiming huge sizes
                detail = "SQLite could not allocate what it claims to hold"
                raise CorruptProject(self.path, detail) from error
            except _UNREADABLE as error:
                detail = f"a stored value cannot be read: {error or type(error).__name__}"
                raise CorruptProject(self.path, detail) from error

    def _sqlite_error(
        self, error: sqlite3.DatabaseError, *, reading: bool = True
    ) -> ProjectError | None:
        """The typed error for a failing statement: the time bound, what ``translate``
        knows, and (for reads) damage; ``None`` to let it through as it is."""
        if self._bound.interrupted(error):
            return ProjectTooSlow(self.path, self._bound.seconds)
        translated = translate(self.path, error)
        if translated is not None or not reading:
            return translated  # a write's full disk or lost USB stick is not a damaged file
        text = str(error)
        if isinstance(error, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
            return None  # another process holds it, which is not damage either
        return CorruptProject(self.path, f"SQLite reports: {text}")

    # -- the project as a whole --------------------------------------------------

    def info(self) -> ProjectInfo:
        with self._read() as conn:
            return read_info(conn, self.path)

    def get_meta(self, key: str) -> str | None:
        with self._read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self._write() as conn:
            renderings.set_meta(conn, key, value)

    def save_copy(self, target: Path) -> None:
        """A consistent copy of what is committed, even mid-transaction (it reads through a
        connection of its own); refuses to write over this project itself."""
        target = Path(target)
        if target.absolute() == self.path.absolute() or (
            target.exists() and target.samefile(self.path)
        ):
            raise ProjectExists(target)
        from briefer.store import backups

        with self._read() as conn:
            try:
                if self.read_only:
                    backups.copy_database(conn, target)
                    return
                uri = opening.read_only_uri(self.path, immutable=False)
                snapshot = sqlite3.connect(uri, uri=True)
                try:
                    backups.copy_database(snapshot, target)
                finally:
                    snapshot.close()
            except OSError as exc:  # a read-only folder, a missing drive
                if exc.errno == errno.ENOSPC:
                    raise DiskFull(target.parent) from None
                raise CopyNotWritten(target, exc.strerror or str(exc)) from None
            except sqlite3.OperationalError as exc:  # SQLite could not make the copy there
                raise CopyNotWritten(target, str(exc)) from None

    def back_up(self, label: str, reason: str) -> Path | None:
        """A labelled backup of what is committed now (before a destructive edit), kept by
        the policy's before-edit rule; ``None`` when there is no backups folder. Raises
        ``BackupFailed`` when it cannot be written."""
        if self.read_only or self.backup_dir is None:
            return None
        with self._mutex:
            conn = self._require()
            if self._depth:
                raise RuntimeError("a backup before an edit must be taken outside a transaction")
            from briefer.store import backups

            policy = self.backup_policy or backups.BackupPolicy()
            return backups.back_up(
                conn, self.path, self.backup_dir, policy, label=label, reason=reason
            )

    def check_integrity(self) -> list[str]:
        """Every problem SQLite finds (empty when healthy): the slow, thorough check that
        opening skips for big files (see ``opening.QUICK_CHECK_MAX_BYTES``)."""
        with self._mutex:
            return integrity_problems(self._require(), writable=not self.read_only)

    # -- articles ----------------------------------------------------------------

    def add_article(self, article: Article, original: Original | None = None) -> int:
        with self._write() as conn:
            return articles.add_article(conn, article, original)

    def get_article(self, article_id: int) -> Article:
        with self._read() as conn:
            return _checked(articles.get_article(conn, article_id))

    def get_articles(self, article_ids: Iterable[int]) -> dict[int, Article]:
        """The articles that exist among ``article_ids``, by id; missing ones are absent."""
        found: dict[int, Article] = {}
        with self._read() as conn:
            for article_id in dict.fromkeys(article_ids):
                try:
                    found[article_id] = articles.get_article(conn, article_id)
                except RecordNotFound:
                    continue
            return _checked(found)

    def list_articles(self) -> list[ArticleSummary]:
        with self._read() as conn:
            return _checked(articles.list_articles(conn))

    def article_summaries(self, article_ids: Iterable[int]) -> dict[int, ArticleSummary]:
        """These articles' listing rows by id (missing ones absent), e.g. after an edit."""
        with self._read() as conn:
            found = _checked(articles.get_summaries(conn, list(dict.fromkeys(article_ids))))
        return {summary.id: summary for summary in found if summary.id is not None}

    def update_article_details(self, article: Article) -> None:  # never its text
        with self._write() as conn:
            articles.update_details(conn, article)

    def delete_article(self, article_id: int) -> None:
        with self._write() as conn:
            articles.delete_article(conn, article_id)

    def get_original(self, article_id: int) -> Original | None:
        """The original bytes, inflated in bounded steps (see ``articles.get_original``)."""
        with self._read() as conn:
            return _checked(articles.get_original(conn, article_id))

    def original_size(self, article_id: int) -> int | None:
        """How many bytes the original has, from the row, never by inflating it."""
        with self._read() as conn:
            return articles.original_size(conn, article_id)

    def find_duplicate(self, url: str, text: str, title: str = "") -> int | None:
        with self._read() as conn:
            return articles.find_duplicate(conn, url, text, title)

    def copy_candidates(self, phrases: Sequence[str], least: int) -> list[tuple[int, str, str]]:
        with self._read() as conn:  # see articles.copy_candidates
            return articles.copy_candidates(conn, phrases, least)

    # -- themes --------------------------------------------------------------------

    def add_theme(self, theme: Theme) -> int:
        with self._write() as conn:
            return themes.add_theme(conn, theme)

    def update_theme(self, theme: Theme) -> None:
        with self._write() as conn:
            themes.update_theme(conn, theme)

    def delete_theme(self, theme_id: int) -> None:
        with self._write() as conn:
            themes.delete_theme(conn, theme_id)

    def get_theme(self, theme_id: int) -> Theme:
        with self._read() as conn:
            return _checked(themes.get_theme(conn, theme_id))

    def find_theme(self, theme_id: int) -> Theme | None:
        with self._read() as conn:
            return _checked(themes.find_theme(conn, theme_id))

    def list_themes(self) -> list[Theme]:
        with self._read() as conn:
            return _checked(themes.list_themes(conn))

    def theme_by_name(self, name: str) -> Theme | None:
        with self._read() as conn:
            return _checked(themes.theme_by_name(conn, name))

    def theme_passage_counts(self) -> dict[int, int]:
        with self._read() as conn:
            return _checked(themes.theme_passage_counts(conn))

    # -- passages --------------------------------------------------------------------

    def add_passage(self, passage: Passage) -> int:
        with self._write() as conn:
            return passages.add_passage(conn, passage)

    def update_passage(self, passage: Passage) -> None:
        with self._write() as conn:
            passages.update_passage(conn, passage)

    def delete_passage(self, passage_id: int) -> None:
        with self._write() as conn:
            passages.delete_passage(conn, passage_id)

    def passage_covering(self, article_id: int, start: int, end: int) -> Passage | None:
        """The (innermost) passage on or around these words: what tagging them acts on."""
        with self._read() as conn:
            return _checked(passages.passage_covering(conn, article_id, start, end))

    def passage_overlapping(
        self, article_id: int, start: int, end: int, theme_ids: Iterable[int]
    ) -> Passage | None:
        """The passage of one of these themes sharing most words with these: what tagging
        them grows instead of nesting a second passage of the theme in or around it."""
        with self._read() as conn:
            found = passages.passage_overlapping(conn, article_id, start, end, theme_ids)
            return _checked(found)

    def uuids(self, kind: str) -> dict[str, int]:
        """``{uuid: id}`` of one ``kind`` of record, for a merge to recognise what it has."""
        table = identity.table_of(kind)  # before reading: a wrong kind is not damage
        with self._read() as conn:
            return identity.uuid_index(conn, table)

    def get_passage(self, passage_id: int) -> Passage:
        with self._read() as conn:
            return _checked(passages.get_passage(conn, passage_id))

    def get_passages(self, passage_ids: Iterable[int]) -> dict[int, Passage]:
        """The passages that exist among ``passage_ids``, by id; missing ones are absent."""
        with self._read() as conn:
            return _checked(passages.get_passages(conn, passage_ids))

    def list_passages(
        self, *, article_id: int | None = None, theme_id: int | None = None
    ) -> list[Passage]:
        with self._read() as conn:
            found = passages.list_passages(conn, article_id=article_id, theme_id=theme_id)
            return _checked(found)

    # -- dismissed keyword suggestions ---------------------------------------------------

    def dismiss_suggestion(self, article_id: int, start: int, end: int, theme_id: int) -> None:
        with self._write() as conn:
            themes.dismiss_suggestion(conn, article_id, start, end, theme_id)

    def undismiss_suggestion(self, article_id: int, start: int, end: int, theme_id: int) -> None:
        with self._write() as conn:
            themes.undismiss_suggestion(conn, article_id, start, end, theme_id)

    def dismissed_suggestions(self, article_id: int) -> set[tuple[int, int, int]]:
        with self._read() as conn:
            return _checked(themes.dismissed_suggestions(conn, article_id))

    # -- notes -------------------------------------------------------------------------

    def add_note(self, note: Note) -> int:
        with self._write() as conn:
            return notes.add_note(conn, note)

    def update_note(self, note: Note) -> None:
        with self._write() as conn:
            notes.update_note(conn, note)

    def delete_note(self, note_id: int) -> None:
        with self._write() as conn:
            notes.delete_note(conn, note_id)

    def kept_renderings(self, note_uuid: str) -> str:  # see store.renderings
        with self._read() as conn:
            return renderings.read(conn, note_uuid)

    def keep_renderings(self, note_uuid: str, text: str) -> None:  # a cache: not an edit
        with self._write() as conn:
            renderings.keep(conn, note_uuid, text)

    def get_note(self, note_id: int) -> Note:
        with self._read() as conn:
            return _checked(notes.get_note(conn, note_id))

    def list_notes(self) -> list[Note]:
        with self._read() as conn:
            return _checked(notes.list_notes(conn))

    # -- search ------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        from briefer.store import search  # here: of all the commands, only a search needs it

        with self._read() as conn:
            return _checked(search.search(conn, query, limit))
