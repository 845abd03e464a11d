"""Merging another project into the open one: the dry run, the mapping step, the edit.

The other file is checked (opened read-only and closed) before any command exists, so a
foreign, damaged, newer or locked file is a one-line error before the backup or the
transaction. The merge itself is one ``MergeProjectCommand`` (merge_commands.py): one
undo step, a labelled backup first. Imports the store through the session's own
modules; never Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from briefer.core.model import Theme
from briefer.core.record import Record, field, replace
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
from briefer.session.merge_themes import Unions, plan_themes, theme_map
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


class MergePlan(Record, frozen=True):
    """What the window's mapping step shows: each of the other project's themes that
    differs from or resembles one here, and what the merge would do with the defaults
    (``preview``) or with the analyst's choices (``summary``)."""

    other: Path
    conflicts: tuple[ThemeMatch, ...]
    preview: MergeReport
    ours: tuple[Theme, ...] = ()
    theirs: tuple[Theme, ...] = ()
    unions: Unions = field(default_factory=Unions)

    def summary(self, choices: Mapping[str, ThemeChoice]) -> MergeReport:
        """The dry run's report with its theme part redone for ``choices``, without another
        dry run: the themes are decided first and alone (merge_themes.py), and the dry run
        kept what each passage it united had and would gain."""
        source = self.preview.source
        default = plan_themes(list(self.ours), list(self.theirs), {}, source)
        chosen = plan_themes(list(self.ours), list(self.theirs), choices, source)
        return replace(
            self.preview,
            themes_added=chosen.added,
            themes_matched=chosen.matched,
            theme_conflicts=chosen.conflicts,
            near_duplicates=chosen.near_duplicates,
            passages_merged_changed=self.unions.changed(theme_map(chosen)),
            left_out=chosen.left_out + self.preview.left_out[len(default.left_out) :],
        )


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
    ours = session.query.list_themes()
    matches = match_themes(ours, theirs)
    conflicts = tuple(m for m in matches if m.ours is not None and m.conflict)
    command = merge_command(session, other, progress=progress, cancelled=cancelled)
    session.trial(command)
    assert command.report is not None
    return MergePlan(
        Path(other), conflicts, command.report, tuple(ours), tuple(theirs), command.unions
    )


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
