"""Merging another project into the open one: the dry run, the mapping step, the edit.

The other file is checked (opened read-only and closed) before any command exists, so a
foreign, damaged, newer or locked file is a one-line error before the backup or the
transaction. The merge itself is one ``MergeProjectCommand`` (merge_commands.py): one
undo step, a labelled backup first. Imports the store through the session's own
modules; never Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefer.session.merge_commands import MergeProjectCommand, MergeReport
from briefer.session.merge_match import ThemeChoice, ThemeMatch, match_themes, open_other
from briefer.session.session import Session

__all__ = [
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
    with open_other(other, session.path) as project:
        project.info()


def merge_command(
    session: Session, other: Path, choices: dict[str, ThemeChoice] | None = None
) -> MergeProjectCommand:
    """The edit, unrun, once ``other`` is known to be readable (for the window's stack)."""
    _check(session, other)
    return MergeProjectCommand(other, choices)


def preview_merge(
    session: Session, other: Path, choices: dict[str, ThemeChoice] | None = None
) -> MergeReport:
    """What merging ``other`` would do, found by doing it and rolling it back."""
    command = merge_command(session, other, choices)
    session.trial(command)
    assert command.report is not None
    return command.report


def plan_merge(session: Session, other: Path) -> MergePlan:
    """The theme conflicts to decide, and the dry run with this project's values kept."""
    with open_other(other, session.path) as project:
        theirs = project.list_themes()
    matches = match_themes(session.query.list_themes(), theirs)
    conflicts = tuple(m for m in matches if m.ours is not None and m.conflict)
    return MergePlan(Path(other), conflicts, preview_merge(session, other))


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
