"""Merging another project into the open one: the dry run, the mapping step, the edit.

The other file is checked (opened read-only and closed) before any command exists, so a
foreign, damaged, newer or locked file is a one-line error before the backup or the
transaction. The merge itself is one ``MergeProjectCommand`` (merge_commands.py): one
undo step, a labelled backup first. Imports the store through the session's own
modules; never Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefer.session.merge_commands import (
    MergeCancelled,
    MergeProjectCommand,
    MergeReport,
    Progress,
)
from briefer.session.merge_match import (
    ThemeChoice,
    ThemeMatch,
    check_other,
    match_themes,
    open_other,
)
from briefer.session.session import Session

__all__ = [
    "MergeCancelled",
    "MergePlan",
    "MergeProjectCommand",
    "MergeReport",
    "ThemeChoice",
    "ThemeMatch",
    "merge_command",
    "merge_project",
    "plan_merge",
    "preview_merge",
]


@dataclass(frozen=True)
class MergePlan:
    """What the window's mapping step shows: each of the other project's themes that
    differs from or resembles one here, and what the merge would do with the defaults."""

    other: Path
    conflicts: tuple[ThemeMatch, ...]
    preview: MergeReport


def _check(session: Session, other: Path) -> None:
    check_other(other, session.path)


def merge_command(
    session: Session,
    other: Path,
    choices: dict[str, ThemeChoice] | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MergeProjectCommand:
    """The edit, unrun, once ``other`` is known to be readable (for the window's stack);
    ``progress`` and ``cancelled`` as ``MergeProjectCommand`` takes them."""
    _check(session, other)
    command = MergeProjectCommand(other, choices)
    command.progress, command.cancelled = progress, cancelled
    return command


def preview_merge(
    session: Session,
    other: Path,
    choices: dict[str, ThemeChoice] | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MergeReport:
    """What merging ``other`` would do, found by doing it and rolling it back."""
    command = merge_command(session, other, choices, progress=progress, cancelled=cancelled)
    session.trial(command)
    assert command.report is not None
    return command.report


def plan_merge(
    session: Session,
    other: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MergePlan:
    """The theme conflicts to decide, and the dry run with this project's values kept.

    Safe on a worker thread (the window's): the store serialises it with the GUI's reads."""
    with open_other(other, session.path) as project:
        theirs = project.list_themes()
    matches = match_themes(session.query.list_themes(), theirs)
    conflicts = tuple(m for m in matches if m.ours is not None and m.conflict)
    preview = preview_merge(session, other, progress=progress, cancelled=cancelled)
    return MergePlan(Path(other), conflicts, preview)


def merge_project(
    session: Session,
    other: Path,
    choices: dict[str, ThemeChoice] | None = None,
    *,
    dry_run: bool = False,
) -> MergeReport:
    """Merge ``other`` into the session's project as one undoable edit (or only say what
    that would do, with ``dry_run``)."""
    if dry_run:
        return preview_merge(session, other, choices)
    command = merge_command(session, other, choices)
    session.do(command)
    assert command.report is not None
    return command.report
