"""The project file: one SQLite database per project (``.briefer``). Imports only the
standard library and briefer.core; all of Briefer's SQL lives in this package.

Using it::

    with Project.create(path, title="Ukraine grain") as project:   # or Project.open(path)
        with project.transaction():            # one user edit = one transaction
            theme_id = project.add_theme(Theme("Trade", "#1F77B4"))
            article_id = project.add_article(article, original)
            project.add_passage(Passage(article_id, 10, 42, "...", theme_ids=(theme_id,)))
        hits = project.search('"grain corridor" export*')

- Lifecycle: ``Project.create(path, title=)``, ``Project.open(path, read_only=,
  backup_dir=, backup_policy=)``, ``close()`` (or ``with``), ``transaction()``, ``info()``,
  ``get_meta``/``set_meta``, ``save_copy(target)``, ``check_integrity()``.
- Records: ``add_/get_/list_/delete_`` for articles (plus ``get_original``,
  ``find_duplicate``, ``copy_candidates``), themes (plus ``update_theme``, ``theme_by_name``,
  ``theme_passage_counts``), passages (plus ``update_passage``), notes (plus
  ``update_note``); dismissed keyword suggestions; ``search(query, limit=)``.
- Backups (``backups.py``): a copy on every writable open and, through
  ``Project.back_up(label, reason)``, before destructive edits; pruned by age with
  ``BackupPolicy`` (``backups_to_keep`` is the pure rule). A backup that cannot be written
  never blocks opening: ``Project.backup_warning`` says why. ``scan_backups`` /
  ``list_backups`` list a project's copies newest first, ``summarize_backups`` counts what
  each holds (read-only, bounded), ``restore_backup(backup, new_path)`` copies one into a
  new file.
- Errors are subclasses of ``ProjectError`` whose message is one sentence for the user.

Behaviour worth knowing:

- Opening never writes before the file is known to be a healthy Briefer project of a
  version we read (``opening.inspect``); a foreign, damaged or newer file is left
  byte-for-byte unchanged with nothing created beside it. Files over 16 MB skip SQLite's
  quick_check on open (it reads every page); ``check_integrity()`` runs the full check.
- A project file is untrusted input. Its ``sqlite_master`` must be exactly what Briefer
  creates for its version (``UntrustedProject`` otherwise: a planted trigger or view would
  run inside Briefer's own statements); connections run with ``trusted_schema = OFF``;
  each call is interrupted after ``query_seconds`` (``ProjectTooSlow``); originals inflate
  in bounded steps to their stored size; and a value Briefer never writes (wrong type, bad
  JSON) is ``CorruptProject``, never a traceback.
- A writer holds ``.~name.briefer.lock`` (JSON: user, host, pid, since). A lock left by a
  dead process on this machine is cleared silently; read-only opens ignore the lock.
- WAL journal, ``synchronous=FULL``: every edit that returned survives a crash or power cut.
- Ids are never reused (AUTOINCREMENT), and an id given to ``add_*`` is honoured, so an
  undone delete restores the same ids and citations stay valid.
- Times are stored as ISO-8601 UTC text and come back as aware UTC datetimes; dates as
  ISO dates.

File format versions (``PRAGMA user_version``; ``PRAGMA application_id`` = 0x42524946):

- v1: articles (text, blocks, images, compressed originals, FTS5 index), themes,
  passages with ordered theme links, dismissed suggestions, notes with ordered sections.
"""

from __future__ import annotations

from briefer.store.errors import (
    CorruptProject,
    DiskFull,
    DuplicateId,
    DuplicateName,
    DuplicateUuid,
    LockInfo,
    MigrationNeeded,
    NewerFormatError,
    NotAProject,
    PassageExists,
    ProjectBusy,
    ProjectClosed,
    ProjectError,
    ProjectExists,
    ProjectLocked,
    ProjectNotFound,
    ProjectReadOnly,
    ProjectTooSlow,
    ReadOnlyError,
    RecordNotFound,
    UntrustedProject,
)
from briefer.store.project import Project
from briefer.store.project_info import ProjectInfo
from briefer.store.schema import APPLICATION_ID, SCHEMA_VERSION

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any

    from briefer.store.backups import (
        Backup,
        BackupFailed,
        BackupPolicy,
        BackupSummary,
        MigrationBackupFailed,
        backups_to_keep,
        list_backups,
        scan_backups,
    )
    from briefer.store.backups import restore as restore_backup
    from briefer.store.backups import summarize_all as summarize_backups

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "Backup",
    "BackupFailed",
    "BackupPolicy",
    "BackupSummary",
    "CorruptProject",
    "DiskFull",
    "DuplicateId",
    "DuplicateName",
    "DuplicateUuid",
    "LockInfo",
    "MigrationBackupFailed",
    "MigrationNeeded",
    "NewerFormatError",
    "NotAProject",
    "PassageExists",
    "Project",
    "ProjectBusy",
    "ProjectClosed",
    "ProjectError",
    "ProjectExists",
    "ProjectInfo",
    "ProjectLocked",
    "ProjectNotFound",
    "ProjectReadOnly",
    "ProjectTooSlow",
    "ReadOnlyError",
    "RecordNotFound",
    "UntrustedProject",
    "backups_to_keep",
    "list_backups",
    "restore_backup",
    "scan_backups",
    "summarize_backups",
]


_FROM_BACKUPS = {
    "Backup": "Backup",
    "BackupFailed": "BackupFailed",
    "BackupPolicy": "BackupPolicy",
    "BackupSummary": "BackupSummary",
    "MigrationBackupFailed": "MigrationBackupFailed",
    "backups_to_keep": "backups_to_keep",
    "list_backups": "list_backups",
    "scan_backups": "scan_backups",
    "restore_backup": "restore",
    "summarize_backups": "summarize_all",
}
"""The backup names load on first use (PEP 562): a read-only open (`briefer export`, a
listing) never backs anything up and should not load the module that does."""


def __getattr__(name: str) -> Any:
    if name not in _FROM_BACKUPS:
        raise AttributeError(f"module 'briefer.store' has no attribute {name!r}")
    from briefer.store import backups

    value = getattr(backups, _FROM_BACKUPS[name])
    globals()[name] = value
    return value
