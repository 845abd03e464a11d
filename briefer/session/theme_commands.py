"""Commands that edit the analyst's themes: add, change, reorder, merge, delete.

Deleting or merging a theme touches the passages that carry it; each
command snapshots exactly what it touches so ``revert`` restores it.
"""

from __future__ import annotations

from typing import Any

from briefer.core.model import Passage, Theme
from briefer.core.record import replace
from briefer.session.command import BackupReason, Change, Command, CommandError, Entity
from briefer.store import Project

_EDITABLE = ("name", "colour", "shortcut", "parent_id", "description", "keywords")


def _check_free(project: Project, theme: Theme) -> None:
    """Names and shortcuts must stay unambiguous: a key press tags with one theme."""
    for other in project.list_themes():
        if other.id == theme.id:
            continue
        if other.name.casefold() == theme.name.strip().casefold():
            raise CommandError(f'There is already a theme called "{other.name}".')
        if theme.shortcut and other.shortcut.casefold() == theme.shortcut.casefold():
            raise CommandError(
                f'Shortcut {theme.shortcut} is already used by "{other.name}"; '
                "choose another key or clear that theme's shortcut first."
            )
    if theme.shortcut and len(theme.shortcut) != 1:
        raise CommandError("A theme shortcut is a single key, such as 1-9 or a letter.")


def _theme(project: Project, theme_id: int) -> Theme:
    theme = project.find_theme(theme_id)
    if theme is None:
        raise CommandError(f"Theme {theme_id} no longer exists.")
    return theme


class AddThemeCommand(Command):
    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.label = f'Add theme "{theme.name}"'
        self._id: int | None = theme.id
        self._uuid = theme.uuid

    def apply(self, project: Project) -> list[Change]:
        position = self.theme.position or 1 + max(
            (t.position for t in project.list_themes()), default=0
        )
        theme = replace(
            self.theme, name=self.theme.name.strip(), id=self._id, position=position,
            uuid=self._uuid,
        )  # fmt: skip
        _check_free(project, theme)
        self._id = project.add_theme(theme)
        self._uuid = project.get_theme(self._id).uuid  # a redo brings back the same theme
        return [Change.of(Entity.THEME, added=[self._id])]

    def revert(self, project: Project) -> list[Change]:
        assert self._id is not None
        project.delete_theme(self._id)
        return [Change.of(Entity.THEME, removed=[self._id])]

    @property
    def theme_id(self) -> int | None:
        return self._id


class UpdateThemeCommand(Command):
    """Rename, recolour, rebind the shortcut, re-parent, describe or set keywords."""

    def __init__(self, theme_id: int, **changes: Any) -> None:
        unknown = set(changes) - set(_EDITABLE)
        if unknown:
            raise CommandError(f"Cannot change {', '.join(sorted(unknown))} of a theme.")
        self.theme_id = theme_id
        self.changes = changes
        self._before: Theme | None = None
        what = {"name": "Rename", "colour": "Recolour", "shortcut": "Set shortcut of"}
        verb = what.get(next(iter(changes), ""), "Edit") if len(changes) == 1 else "Edit"
        self.label = f"{verb} theme"

    def apply(self, project: Project) -> list[Change]:
        before = _theme(project, self.theme_id)
        try:
            after = replace(before, **self.changes)
        except ValueError as exc:
            raise CommandError.from_value_error(exc) from exc
        if after.parent_id is not None:
            self._check_parent(project, after)
        _check_free(project, after)
        self._before = before
        project.update_theme(after)
        return [Change.of(Entity.THEME, updated=[self.theme_id])]

    def _check_parent(self, project: Project, theme: Theme) -> None:
        parents = {t.id: t.parent_id for t in project.list_themes()}
        cursor: int | None = theme.parent_id
        while cursor is not None:
            if cursor == theme.id:
                raise CommandError("A theme cannot be placed under itself or its own sub-theme.")
            if cursor not in parents:
                raise CommandError(f"Parent theme {cursor} does not exist.")
            cursor = parents[cursor]

    def revert(self, project: Project) -> list[Change]:
        assert self._before is not None
        project.update_theme(self._before)
        return [Change.of(Entity.THEME, updated=[self.theme_id])]


class ReorderThemesCommand(Command):
    label = "Reorder themes"

    def __init__(self, order: list[int]) -> None:
        self.order = list(order)
        self._before: list[Theme] = []

    def apply(self, project: Project) -> list[Change]:
        self._before = project.list_themes()
        known = {t.id for t in self._before}
        if set(self.order) != known or len(self.order) != len(known):
            raise CommandError("The new order must list every theme exactly once.")
        by_id = {t.id: t for t in self._before}
        for position, theme_id in enumerate(self.order, start=1):
            project.update_theme(replace(by_id[theme_id], position=position))
        return [Change.of(Entity.THEME, updated=self.order)]

    def revert(self, project: Project) -> list[Change]:
        for theme in self._before:
            project.update_theme(theme)
        return [Change.of(Entity.THEME, updated=[t.id for t in self._before if t.id])]


class _PassageSnapshot:
    """Remembers passages before an edit that strips or swaps a theme on them."""

    def __init__(self) -> None:
        self.before: list[Passage] = []
        self.deleted: set[int] = set()

    def rewrite(self, project: Project, passages: list[Passage], old: int, new: int | None) -> None:
        self.before = passages
        for passage in passages:
            themes = [t for t in passage.theme_ids if t != old]
            if new is not None and new not in themes:
                themes.append(new)
            assert passage.id is not None
            if themes:
                project.update_passage(replace(passage, theme_ids=tuple(themes)))
            else:
                project.delete_passage(passage.id)
                self.deleted.add(passage.id)

    def restore(self, project: Project) -> None:
        for passage in self.before:
            if passage.id in self.deleted:
                project.add_passage(passage)
            else:
                project.update_passage(passage)

    def changes(self, *, reverting: bool) -> Change:
        ids = {p.id for p in self.before if p.id is not None}
        kept = ids - self.deleted
        if reverting:
            return Change.of(Entity.PASSAGE, added=self.deleted, updated=kept)
        return Change.of(Entity.PASSAGE, removed=self.deleted, updated=kept)


class DeleteThemeCommand(Command):
    """Deletes a theme; passages that carried only this theme go with it (and come back on undo)."""

    def __init__(self, theme_id: int) -> None:
        self.theme_id = theme_id
        self.label = "Delete theme"
        self._theme: Theme | None = None
        self._passages = _PassageSnapshot()
        self._children: list[Theme] = []

    def backup_before(self, project: Project) -> BackupReason | None:
        try:
            name = _theme(project, self.theme_id).name
        except CommandError:
            return None  # apply will refuse: nothing is lost, so nothing to back up
        return BackupReason("before-delete-theme", f'before deleting theme "{name}"')

    def apply(self, project: Project) -> list[Change]:
        self._theme = _theme(project, self.theme_id)
        self.label = f'Delete theme "{self._theme.name}"'
        self._children = [t for t in project.list_themes() if t.parent_id == self.theme_id]
        for child in self._children:
            project.update_theme(replace(child, parent_id=self._theme.parent_id))
        self._passages = _PassageSnapshot()
        self._passages.rewrite(
            project, project.list_passages(theme_id=self.theme_id), self.theme_id, None
        )
        project.delete_theme(self.theme_id)
        return [
            Change.of(
                Entity.THEME,
                removed=[self.theme_id],
                updated=[c.id for c in self._children if c.id],
            ),
            self._passages.changes(reverting=False),
        ]

    def revert(self, project: Project) -> list[Change]:
        assert self._theme is not None
        project.add_theme(self._theme)
        for child in self._children:
            project.update_theme(child)
        self._passages.restore(project)
        return [
            Change.of(
                Entity.THEME, added=[self.theme_id], updated=[c.id for c in self._children if c.id]
            ),
            self._passages.changes(reverting=True),
        ]


class MergeThemesCommand(Command):
    """Folds ``source`` into ``target``: its passages gain the target theme, then it goes."""

    def __init__(self, source_id: int, target_id: int) -> None:
        if source_id == target_id:
            raise CommandError("Choose two different themes to merge.")
        self.source_id = source_id
        self.target_id = target_id
        self.label = "Merge themes"
        self._delete = DeleteThemeCommand(source_id)
        self._passages = _PassageSnapshot()

    def backup_before(self, project: Project) -> BackupReason | None:
        try:
            source, target = _theme(project, self.source_id), _theme(project, self.target_id)
        except CommandError:
            return None
        text = f'before merging theme "{source.name}" into "{target.name}"'
        return BackupReason("before-merge-themes", text)

    def apply(self, project: Project) -> list[Change]:
        source, target = _theme(project, self.source_id), _theme(project, self.target_id)
        self.label = f'Merge "{source.name}" into "{target.name}"'
        self._passages = _PassageSnapshot()
        self._passages.rewrite(
            project, project.list_passages(theme_id=self.source_id), self.source_id, self.target_id
        )
        changes = self._delete.apply(project)
        return [
            *changes,
            self._passages.changes(reverting=False),
            Change.of(Entity.THEME, updated=[self.target_id]),
        ]

    def revert(self, project: Project) -> list[Change]:
        changes = self._delete.revert(project)
        self._passages.restore(project)
        return [
            *changes,
            self._passages.changes(reverting=True),
            Change.of(Entity.THEME, updated=[self.target_id]),
        ]
