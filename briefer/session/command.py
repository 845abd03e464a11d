"""The shape of an edit: a named command with apply and revert, and what it changed.

Every mutation of a project is a ``Command``. The session runs each one in a
single transaction, which makes undo, autosave and the CLI fall out of the
same mechanism. Plain Python: no Qt, no SQL (commands call the store's API).
"""

from __future__ import annotations

import enum
from abc import ABC, abstractmethod
from collections.abc import Iterable

from briefer.core.record import Record, field
from briefer.store import Project


class CommandError(Exception):
    """The edit cannot be made as asked; the message says why, for a person."""

    @classmethod
    def from_value_error(cls, exc: ValueError) -> CommandError:
        text = str(exc)
        return cls(text[:1].upper() + text[1:].rstrip(".") + ".")


class Entity(enum.StrEnum):
    ARTICLE = "article"
    THEME = "theme"
    PASSAGE = "passage"
    NOTE = "note"
    SUGGESTION = "suggestion"


class Change(Record, frozen=True):
    """What one entity kind gained, lost or saw altered, so views update only those rows."""

    entity: Entity
    added: frozenset[int] = field(default_factory=frozenset)
    updated: frozenset[int] = field(default_factory=frozenset)
    removed: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def of(
        cls,
        entity: Entity,
        *,
        added: Iterable[int] = (),
        updated: Iterable[int] = (),
        removed: Iterable[int] = (),
    ) -> Change:
        return cls(entity, frozenset(added), frozenset(updated), frozenset(removed))


class BackupReason(Record, frozen=True):
    """Why a backup is taken before an edit: ``label`` names the file
    (``before-delete-theme``), ``text`` is what the restore list shows."""

    label: str
    text: str


class Command(ABC):
    """One user edit. ``apply`` may be called again after ``revert`` (redo).

    Commands remember the ids they create, so a redo recreates the same rows
    and later commands in the history that refer to them stay valid.
    """

    label: str = "Edit"

    @abstractmethod
    def apply(self, project: Project) -> list[Change]:
        """Make the edit; raise ``CommandError`` (before writing) if it cannot be made."""

    @abstractmethod
    def revert(self, project: Project) -> list[Change]:
        """Put the project back exactly as it was before ``apply``."""

    def backup_before(self, project: Project) -> BackupReason | None:
        """Destructive edits say why the session must back the project up before them;
        undo lasts only as long as the session, a backup outlives it."""
        return None


class UndoHistory:
    """A plain undo/redo stack for when no QUndoStack is around (CLI, tests)."""

    def __init__(self, limit: int = 500) -> None:
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._limit = limit

    def pushed(self, command: Command) -> None:
        self._done.append(command)
        del self._done[: -self._limit]
        self._undone.clear()

    def take_undo(self) -> Command | None:
        if not self._done:
            return None
        command = self._done.pop()
        self._undone.append(command)
        return command

    def take_redo(self) -> Command | None:
        if not self._undone:
            return None
        command = self._undone.pop()
        self._done.append(command)
        return command

    def give_back_undo(self, command: Command) -> None:
        """An undo that failed: the command is still done."""
        self._undone.remove(command)
        self._done.append(command)

    def give_back_redo(self, command: Command) -> None:
        self._done.remove(command)
        self._undone.append(command)

    @property
    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
