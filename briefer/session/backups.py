"""A project's backups as the window and the CLI see them: the policy the settings ask
for, the list with what each backup holds and why it was taken, and restoring one.

Plain Python over the store; no Qt. Restoring always writes a NEW file, never over the
project (which may be open) nor over any other file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefer.core.record import Record
from briefer.settings import Settings
from briefer.store import (
    BackupPolicy,
    BackupSummary,
    restore_backup,
    scan_backups,
    summarize_backups,
)


def backup_policy(settings: Settings) -> BackupPolicy:
    """The retention the analyst's settings ask for (negative values count as zero)."""
    return BackupPolicy(
        recent=max(settings.keep_backups, 0),
        hours=max(settings.backup_hours, 0),
        days=max(settings.backup_days, 0),
        before_edit_days=max(settings.backup_before_delete_days, 0),
        before_edit_max=max(settings.backup_before_delete_max, 0),
    )


class BackupEntry(Record, frozen=True):
    """One row of the restore list: newest first, numbered from 1 like ``briefer backups``."""

    number: int
    path: Path
    taken_at: dt.datetime  # aware UTC; show it in local time
    reason: str  # "opened", 'before deleting theme "Trade"', "before upgrading to ..."
    articles: int | None
    passages: int | None
    notes: int | None
    problem: str  # why the counts are missing ("unreadable: ..."); empty when fine

    @property
    def readable(self) -> bool:
        return not self.problem

    def local_time(self) -> str:
        return self.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _entry(number: int, summary: BackupSummary) -> BackupEntry:
    return BackupEntry(
        number=number,
        path=summary.backup.path,
        taken_at=summary.backup.taken_at,
        reason=summary.reason,
        articles=summary.articles,
        passages=summary.passages,
        notes=summary.notes,
        problem=summary.problem,
    )


def project_backups(backup_dir: Path, project_path: Path) -> list[BackupEntry]:
    """This project's backups, newest first, each read read-only to count what it holds."""
    summaries = summarize_backups(scan_backups(backup_dir, Path(project_path)))
    return [_entry(number, s) for number, s in enumerate(summaries, start=1)]


def find_backup(backup_dir: Path, project_path: Path, number: int) -> Path | None:
    """The path of backup ``number`` (1 = newest) as ``project_backups`` numbers them."""
    found = scan_backups(backup_dir, Path(project_path))
    return found[number - 1].path if 1 <= number <= len(found) else None


def restore_from_backup(backup: Path, target: Path) -> Path:
    """Copy ``backup`` into the new project file ``target`` (refused if it exists)."""
    restore_backup(Path(backup), Path(target))
    return Path(target)
