"""Consistent copies of an open project: backups on open, before destructive edits and
migrations, their retention policy, reading them back and restoring one into a new file.

Every copy uses SQLite's backup API into a temp file in the target folder, fsync, then
``os.replace``, so a copy is whole or absent. Standard library and this package only.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from briefer.core.logs import get_logger
from briefer.core.record import Record
from briefer.core.tempfiles import fit_name, remove_stale, temp_path
from briefer.store import opening
from briefer.store.errors import ProjectError, ProjectExists
from briefer.store.schema import SCHEMA_VERSION

log = get_logger(__name__)

_STAMP = "%Y-%m-%dT%H%M%S.%fZ"
_STEM_LIMIT = 80
"""Bytes of the project's name kept in backup folder and file names (longer ones end in a
hash): SQLite refuses paths over 512 bytes, and a backup path holds the name twice, after
the data folder, with a 25-byte stamp, a label and ".briefer" besides."""
_NAME = re.compile(
    r"^(?P<stem>.*)-(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6}\.\d{6}Z)"
    r"(?:-(?P<label>before-[a-z0-9]+(?:-[a-z0-9]+)*))?\.briefer$"
)
_LABEL = re.compile(r"^before-[a-z0-9]+(?:-[a-z0-9]+)*$")
MIGRATION_LABEL = "before-migration-to-v"
REASON_KEY = "backup_reason"  # meta key in a copy taken before an edit: why it was taken
MAX_LISTED = 200  # a folder with more backups than this lists only the newest
COUNT_MAX_BYTES = 1 << 30  # a backup bigger than this is listed without counting its rows

Prepare = Callable[[sqlite3.Connection], None]


class BackupFailed(ProjectError):
    """A backup could not be written. Opening carries on with this as a warning."""

    def __init__(self, project_path: Path, folder: Path, error: BaseException) -> None:
        detail = _detail(error)
        super().__init__(
            f"could not back up {project_path.name} into {folder} ({detail}); your work is"
            " saved as usual, but free some space or fix that folder to keep backups"
        )
        self.project_path = project_path
        self.folder = folder


class MigrationBackupFailed(ProjectError):
    """No way back could be written before an upgrade, so the upgrade did not run."""

    def __init__(self, project_path: Path, folder: Path, error: BaseException) -> None:
        detail = _detail(error)
        super().__init__(
            f"The project {project_path} needs upgrading to this Briefer's file format, but"
            f" no backup of it could be written into {folder} first ({detail}); it was not"
            " changed. Free some space or fix that folder, then open it again."
        )
        self.project_path = project_path
        self.folder = folder


def _detail(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        detail = error.strerror
    else:
        detail = str(error) or type(error).__name__
    return detail[:1].lower() + detail[1:].rstrip(".")


class BackupPolicy(Record, frozen=True):
    """Which backups to keep, by age. Backups before a migration are never pruned.

    ``recent``: the newest backups taken on open, whatever their age.
    ``hours``/``days``: the oldest backup of each clock hour (UTC) in the last ``hours``
    hours, and of each day (UTC) in the last ``days`` days.
    ``before_edit_days``/``before_edit_max``: backups taken before a destructive edit
    (deleting a theme, ...) are all kept that long, at most that many (newest first).
    """

    recent: int = 5
    hours: int = 24
    days: int = 14
    before_edit_days: int = 14
    before_edit_max: int = 20


class Backup(Record, frozen=True):
    """One backup file, as its name describes it."""

    path: Path
    taken_at: dt.datetime  # aware, UTC
    label: str = ""  # "" when taken on open, else e.g. "before-delete-theme"

    @property
    def before_migration(self) -> bool:
        return self.label.startswith(MIGRATION_LABEL)

    @property
    def before_edit(self) -> bool:
        return bool(self.label) and not self.before_migration


def backups_to_keep(
    backups: Sequence[Backup], now: dt.datetime, policy: BackupPolicy
) -> set[Backup]:
    """The pure retention rule: of ``backups``, those ``policy`` keeps at time ``now``.

    Taking the oldest backup in each hour and day bucket spreads the kept ones out over
    time; the ``recent`` newest cover the last few sessions whatever their spacing.
    """
    newest_first = sorted(backups, key=lambda b: (b.taken_at, b.path.name), reverse=True)
    keep = {b for b in newest_first if b.before_migration}
    opened = [b for b in newest_first if not b.label]
    keep.update(opened[: max(policy.recent, 0)])
    edits = [
        b
        for b in newest_first
        if b.before_edit and now - b.taken_at < dt.timedelta(days=policy.before_edit_days)
    ]
    keep.update(edits[: max(policy.before_edit_max, 0)])
    plain = [b for b in reversed(newest_first) if not b.before_migration]  # oldest first
    for span, floor in (
        (dt.timedelta(hours=policy.hours), _hour),
        (dt.timedelta(days=policy.days), _day),
    ):
        chosen: dict[dt.datetime, Backup] = {}
        for backup in plain:
            if now - backup.taken_at < span:
                chosen.setdefault(floor(backup.taken_at), backup)
        keep.update(chosen.values())
    return keep


def _hour(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(minute=0, second=0, microsecond=0)


def _day(moment: dt.datetime) -> dt.datetime:
    return _hour(moment).replace(hour=0)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable; some platforms cannot open folders, which is fine there."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def copy_database(
    conn: sqlite3.Connection,
    target: Path,
    *,
    prepare: Prepare | None = None,
    overwrite: bool = True,
) -> None:
    """Write a consistent snapshot of ``conn`` to ``target``, even while others read it.

    ``prepare`` may edit the copy before it takes the real name. Without ``overwrite`` a
    file that appeared at ``target`` meanwhile is never replaced (``ProjectExists``).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target.parent)  # a copy killed mid-write (and its journal)
    temp = temp_path(target)
    try:
        copy = sqlite3.connect(temp, isolation_level=None)
        try:
            conn.backup(copy)
            if prepare is not None:
                prepare(copy)
        finally:
            copy.close()
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(temp, target)
        else:
            link_new(temp, target)
        fsync_dir(target.parent)
    finally:
        for leftover in (temp, opening.wal_path(temp), opening.shm_path(temp)):
            leftover.unlink(missing_ok=True)


def link_new(temp: Path, target: Path) -> None:
    """Give a finished file its name only if nothing has that name (``ProjectExists``)."""
    try:
        os.link(temp, target)  # fails if the name was taken meanwhile
    except FileExistsError:
        raise ProjectExists(target) from None
    except OSError:  # file systems without hard links (FAT on a USB stick)
        if target.exists():
            raise ProjectExists(target) from None
        os.replace(temp, target)


def backup_folder(backup_dir: Path, project_path: Path) -> Path:
    """One folder per project, named so two ``notes.briefer`` in different places differ."""
    absolute = str(project_path.absolute())
    digest = hashlib.sha256(absolute.encode("utf-8")).hexdigest()[:8]
    return backup_dir / f"{fit_name(project_path.stem, 9, _STEM_LIMIT)}-{digest}"


def _stem(project_path: Path) -> str:
    """The project's name as its backups begin, shortened with a hash when a long name
    plus the time stamp and label would not fit in one file name."""
    return fit_name(project_path.stem, 0, _STEM_LIMIT)


def _backup_name(project_path: Path, label: str = "", now: dt.datetime | None = None) -> str:
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime(_STAMP)
    return f"{_stem(project_path)}-{stamp}{'-' + label if label else ''}.briefer"


def _parse(candidate: Path, stem: str) -> Backup | None:
    match = _NAME.match(candidate.name)
    if match is None or match["stem"] != stem:
        return None
    taken = dt.datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=dt.UTC)
    return Backup(candidate, taken, match["label"] or "")


def scan_backups(backup_dir: Path, project_path: Path) -> list[Backup]:
    """Backups of this project, newest first; other files in the folder are ignored."""
    folder = backup_folder(backup_dir, project_path)
    try:
        entries = list(folder.iterdir())
    except OSError:  # missing or unreadable: there is nothing we can list
        return []
    found = []
    for candidate in entries:
        backup = _parse(candidate, _stem(project_path))
        if backup is not None and candidate.is_file():
            found.append(backup)
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def list_backups(backup_dir: Path, project_path: Path) -> list[Path]:
    """Backups of this project, newest first, including those taken before migrations."""
    return [b.path for b in scan_backups(backup_dir, project_path)]


def _check_writable(backup_dir: Path, folder: Path) -> None:
    """A backups folder (or the project's folder in it) marked read-only, with no write
    bit, is respected even by an administrator whom the system would let through."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    for candidate in {existing, backup_dir}:
        if candidate.exists() and not opening.can_write(candidate):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(candidate))


def _record_reason(reason: str) -> Prepare:
    def prepare(copy: sqlite3.Connection) -> None:
        copy.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (REASON_KEY, reason),
        )

    return prepare


def back_up(
    conn: sqlite3.Connection,
    project_path: Path,
    backup_dir: Path,
    policy: BackupPolicy,
    *,
    label: str = "",
    reason: str = "",
    now: dt.datetime | None = None,
) -> Path:
    """Copy the project into its backup folder, then prune by ``policy``.

    ``label`` (e.g. ``before-delete-theme``) goes in the file name; ``reason`` (e.g.
    ``before deleting theme "Trade"``) is written into the copy. Raises ``BackupFailed``
    when the copy cannot be written; a failure to prune is ignored (the next try prunes).
    """
    if label and not _LABEL.match(label):
        raise ValueError(f"backup label {label!r} must look like 'before-delete-theme'")
    folder = backup_folder(backup_dir, project_path)
    moment = now or dt.datetime.now(dt.UTC)
    try:
        target = folder / _backup_name(project_path, label, moment)
        while target.exists():  # two backups in one microsecond (a fast or a fake clock)
            moment += dt.timedelta(microseconds=1)
            target = folder / _backup_name(project_path, label, moment)
        _check_writable(backup_dir, folder)
        copy_database(conn, target, prepare=_record_reason(reason) if reason else None)
    except (OSError, sqlite3.Error) as error:
        raise BackupFailed(project_path, folder, error) from error
    prune(backup_dir, project_path, policy, now=moment)
    return target


def prune(
    backup_dir: Path, project_path: Path, policy: BackupPolicy, *, now: dt.datetime | None = None
) -> list[Path]:
    """Remove the backups ``policy`` no longer keeps; returns what was removed."""
    found = scan_backups(backup_dir, project_path)
    kept = backups_to_keep(found, now or dt.datetime.now(dt.UTC), policy)
    removed = []
    for backup in found:
        if backup not in kept:
            try:
                backup.path.unlink(missing_ok=True)
            except OSError as error:
                log.warning("an old backup could not be removed, kept: %s", error)
                continue
            removed.append(backup.path)
    return removed


def back_up_before_migration(
    conn: sqlite3.Connection, project_path: Path, backup_dir: Path | None, target_version: int
) -> Path:
    """Without a backup folder the copy goes beside the project: a migration never runs
    without a way back."""
    label = f"{MIGRATION_LABEL}{target_version}"
    if backup_dir is None:
        target = project_path.with_name(_backup_name(project_path, label))
    else:
        target = backup_folder(backup_dir, project_path) / _backup_name(project_path, label)
    try:
        copy_database(conn, target)
    except (OSError, sqlite3.Error) as error:
        raise MigrationBackupFailed(project_path, target.parent, error) from error
    return target


# -- reading backups back ---------------------------------------------------------------


class BackupSummary(Record, frozen=True):
    """What a backup holds, for a list to show; ``problem`` says why counts are missing."""

    backup: Backup
    reason: str
    articles: int | None = None
    passages: int | None = None
    notes: int | None = None
    problem: str = ""


def _default_reason(backup: Backup) -> str:
    if not backup.label:
        return "opened"
    if backup.before_migration:
        return f"before upgrading to file format v{backup.label.removeprefix(MIGRATION_LABEL)}"
    return backup.label.replace("-", " ")


def summarize(backup: Backup, *, max_bytes: int = COUNT_MAX_BYTES) -> BackupSummary:
    """Count what ``backup`` holds, reading it read-only and boundedly.

    A backup is untrusted like any project file: its header and tables are inspected
    first (no full integrity check: that reads every page), and a file over
    ``max_bytes`` is not counted, so one huge backup cannot stall a list of them.
    """
    reason = _default_reason(backup)
    try:
        size = backup.path.stat().st_size
        if size > max_bytes:
            return BackupSummary(backup, reason, problem="too large to count quickly")
        opening.inspect(backup.path, SCHEMA_VERSION, full_check=False)
    except ProjectError as error:
        return BackupSummary(backup, reason, problem=_short_problem(error))
    except OSError as error:
        return BackupSummary(backup, reason, problem=f"unreadable: {error.strerror or error}")
    try:
        conn = sqlite3.connect(opening.read_only_uri(backup.path, immutable=True), uri=True)
    except sqlite3.Error as error:
        return BackupSummary(backup, reason, problem=f"unreadable: {error}")
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (REASON_KEY,)).fetchone()
        if row is not None and isinstance(row[0], str) and row[0].strip():
            reason = row[0].strip()[:200]
        counts = conn.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM passages),"
            " (SELECT count(*) FROM notes)"
        ).fetchone()
    except sqlite3.Error as error:
        return BackupSummary(backup, reason, problem=f"unreadable: {error}")
    finally:
        conn.close()
    return BackupSummary(backup, reason, int(counts[0]), int(counts[1]), int(counts[2]))


def _short_problem(error: ProjectError) -> str:
    for attribute in ("reason", "detail"):
        value = getattr(error, attribute, None)
        if isinstance(value, str) and value:
            return f"unreadable: {value}"
    if hasattr(error, "file_version"):
        return "made by a newer Briefer"
    return "unreadable"


def summarize_all(backups: Iterable[Backup], *, limit: int = MAX_LISTED) -> list[BackupSummary]:
    summaries: list[BackupSummary] = []
    for backup in backups:
        if len(summaries) >= limit:
            break
        summaries.append(summarize(backup))
    return summaries


def restore(backup_path: Path, target: Path) -> None:
    """Copy a backup into a NEW project file ``target``; never replaces an existing file.

    The backup is checked in full first (it is untrusted like any project file), and
    the copy loses the note of why the backup was taken.
    """
    backup_path, target = Path(backup_path), Path(target)
    if target.exists() or target.is_symlink():
        raise ProjectExists(target)
    found = opening.inspect(backup_path, SCHEMA_VERSION, full_check=True)
    uri = opening.read_only_uri(backup_path, immutable=not found.wal_present)
    conn = sqlite3.connect(uri, uri=True)

    def forget_reason(copy: sqlite3.Connection) -> None:
        copy.execute("DELETE FROM meta WHERE key = ?", (REASON_KEY,))

    try:
        copy_database(conn, target, prepare=forget_reason, overwrite=False)
    finally:
        conn.close()
