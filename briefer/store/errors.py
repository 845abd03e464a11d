"""The store's typed errors: each ``str()`` is one sentence a person can act on.

Imports only the standard library; the UI and the CLI show these messages as they are.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefer.core.record import Record


class LockInfo(Record, frozen=True):
    """Who holds a project open for writing, as written in its lock file."""

    user: str
    host: str
    pid: int
    since: dt.datetime
    started: str = ""
    """The holder's start time in clock ticks since boot (Linux), to see a reused id."""


DETAIL_MAX = 160
"""Longest detail a message quotes from SQLite or a decoder."""


class ProjectError(Exception):
    """Base of every error the store raises about a project file."""


class ProjectClosed(ProjectError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"The project {path} has been closed; open it again to continue.")
        self.path = path


class ProjectNotFound(ProjectError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"There is no project file at {path}; check the name and folder, or create a new"
            " project."
        )
        self.path = path


class NotAProject(ProjectError):
    """The path exists but is not a Briefer project; ``reason`` says what it looks like."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"{path} is not a Briefer project: {reason}. Choose a .briefer file made by Briefer."
        )
        self.path = path
        self.reason = reason


class CorruptProject(ProjectError):
    """``detail`` says what is wrong; SQLite's own words can hold line breaks and quoted
    schema text, so it is made one line and cut short."""

    def __init__(self, path: Path, detail: str) -> None:
        detail = " ".join(detail.split())
        if len(detail) > DETAIL_MAX:
            detail = detail[: DETAIL_MAX - 1] + "…"
        super().__init__(
            f"The project {path} is damaged ({detail}); restore the latest copy from the"
            " backups folder, or from your own copy of the file."
        )
        self.path = path
        self.detail = detail


class UntrustedProject(ProjectError):
    """The file holds schema objects (triggers, views, tables, indexes) Briefer did not make.

    Such objects would run or answer inside Briefer's own queries, so the file is refused
    before anything reads its records or writes to it.
    """

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(
            f"The project {path} contains {what} that Briefer did not create; it was not"
            " opened and has not been changed."
        )
        self.path = path
        self.what = what


class ProjectTooSlow(ProjectError):
    """A query ran past its time bound and was interrupted (a damaged or crafted file)."""

    def __init__(self, path: Path, seconds: float) -> None:
        super().__init__(
            f"The project {path} took too long to answer a query (over {seconds:g} s); it may"
            " be damaged or crafted, so restore the latest copy from the backups folder or"
            " ask whoever sent it for a fresh copy."
        )
        self.path = path
        self.seconds = seconds


class NewerFormatError(ProjectError):
    def __init__(self, path: Path, file_version: int, supported_version: int) -> None:
        super().__init__(
            f"The project {path} was saved by a newer Briefer (file format version"
            f" {file_version}; this Briefer reads up to version {supported_version}); update"
            " Briefer to open it. The file was not changed."
        )
        self.path = path
        self.file_version = file_version
        self.supported_version = supported_version


class MigrationNeeded(ProjectError):
    def __init__(self, path: Path, file_version: int, current_version: int) -> None:
        super().__init__(
            f"The project {path} uses an older file format (version {file_version}, now"
            f" {current_version}) that can only be upgraded when it is opened for writing;"
            " open it normally once, then read-only works again."
        )
        self.path = path
        self.file_version = file_version
        self.current_version = current_version


class ProjectLocked(ProjectError):
    """Another Briefer has the project open for writing; ``lock`` says who and since when."""

    def __init__(self, path: Path, lock: LockInfo, *, here: bool = False) -> None:
        since = lock.since.astimezone().strftime("%Y-%m-%d %H:%M")
        if here:  # a live Briefer on this very computer: nothing to break
            message = (
                f"The project {path} is already open in Briefer on this computer (process"
                f" {lock.pid}, since {since}); switch to that window, or open it read-only."
            )
        else:
            message = (
                f"The project {path} is already open for writing by {lock.user} on"
                f" {lock.host} (process {lock.pid}) since {since}; close it there, or open it"
                " read-only. If Briefer there has crashed or that computer is gone, open it"
                " anyway (Open Anyway… in the window, --break-lock on the command line)."
            )
        super().__init__(message)
        self.path = path
        self.lock = lock
        self.here = here
        """Held by a running Briefer on this computer (a dead one's lock is taken over)."""


class ProjectBusy(ProjectError):
    """Another program held the project's file locked past the reader's wait."""

    def __init__(self, path: Path, seconds: float) -> None:
        super().__init__(
            f"The project {path} is being written by another program and stayed locked for"
            f" {seconds:g} s; try again in a moment, or close the program that is writing it."
        )
        self.path = path


class ProjectReadOnly(ProjectError):
    def __init__(self, path: Path, what: str) -> None:
        super().__init__(
            f"The project {path} cannot be changed because {what} is not writable; copy it"
            " somewhere you can write to, or open it read-only."
        )
        self.path = path


class ProjectExists(ProjectError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"A file already exists at {path}; choose another name, or open that project instead."
        )
        self.path = path


class CopyNotWritten(ProjectError):
    """A copy of the project (Save a Copy As, a restore) could not be written there."""

    def __init__(self, target: Path, reason: str) -> None:
        super().__init__(
            f"Could not save a copy as {target} ({reason}); choose a folder you can write to."
            " The project itself is unchanged."
        )
        self.path = target


class ReadOnlyError(ProjectError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The project {path} is open read-only, so it cannot be changed; close it and"
            " open it for writing to edit."
        )
        self.path = path


class RecordNotFound(ProjectError):
    def __init__(self, kind: str, record_id: int | None) -> None:
        super().__init__(
            f"There is no {kind} with id {record_id} in this project; it may have been deleted,"
            " so refresh the view and try again."
        )
        self.kind = kind
        self.record_id = record_id


class DuplicateName(ProjectError):
    def __init__(self, kind: str, name: str) -> None:
        super().__init__(
            f"A {kind} named {name!r} already exists (names ignore case); choose another name."
        )
        self.kind = kind
        self.name = name


class DuplicateId(ProjectError):
    """A record was added with an id that is already taken (an undo replayed twice?)."""

    def __init__(self, kind: str, record_id: int) -> None:
        super().__init__(
            f"There is already a {kind} with id {record_id} in this project, so it was not"
            " added again; refresh the view and try again."
        )
        self.kind = kind
        self.record_id = record_id


class DuplicateUuid(ProjectError):
    """A record was added under a UUID another record of its kind already has."""

    def __init__(self, kind: str, uuid: str) -> None:
        super().__init__(
            f"There is already a {kind} known as {uuid} in this project, so it was not added"
            " again; it is the same record, so use that one."
        )
        self.kind = kind
        self.uuid = uuid


class PassageExists(ProjectError):
    """A second passage on the very same words of an article: the store keeps one."""

    def __init__(self, article_id: int, start: int, end: int, passage_id: int) -> None:
        super().__init__(
            f"Passage {passage_id} already covers these words of article {article_id}; add the"
            " theme to that passage instead of tagging the words again."
        )
        self.article_id = article_id
        self.span = (start, end)
        self.passage_id = passage_id


class DiskFull(ProjectError):
    """The disk under a project (or its backups, lock or export) has no room left.

    SQLite rolls the transaction back, so nothing that was committed is lost; saying
    so is what lets the analyst act calmly.
    """

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"The disk holding {folder} is full; free some space and try again. Nothing was lost."
        )
        self.folder = folder


class NameTooLong(ProjectError):
    """SQLite keeps ``NAME-wal`` and ``NAME-shm`` beside a project, so its own name must
    leave four bytes of the file system's 255."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(
            f"The name {path.name!r} is too long for a project file (at most {limit} bytes"
            " are possible here); choose a shorter name."
        )
        self.path = path
