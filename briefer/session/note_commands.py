"""Commands that write briefing notes: create, delete, edit metadata and sections.

Every note edit except create and delete is a whole-note snapshot swap:
``apply`` reads the note, makes the edited copy and writes it; ``revert``
writes the snapshot back. Notes are small (a few hundred kB at most), and
one mechanism for every edit means one way to be right about undo. The
first apply reads the note back so a redo reuses the section ids the store
gave out, keeping later commands that name those sections valid.

Typing in a section is many tiny edits; ``EditSectionBodyCommand.absorb``
lets the undo stack fold a run of them into one step.
"""

from __future__ import annotations

import datetime as dt
import time
from abc import abstractmethod

from briefer.core.model import Note, Section
from briefer.core.outline import subtree_end
from briefer.core.record import replace
from briefer.session.command import BackupReason, Change, Command, CommandError, Entity
from briefer.session.reads import read_note
from briefer.store import Project

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any

NOTE_FIELDS = ("title", "author", "date", "recipient", "reference", "marking", "citation_style")
MAX_LEVEL = 3


def renumbered(sections: list[Section] | tuple[Section, ...]) -> tuple[Section, ...]:
    """Positions follow the order of the tuple: the exporters sort by position."""
    return tuple(replace(s, position=i) for i, s in enumerate(sections))


def section_index(note: Note, section_id: int) -> int:
    for index, section in enumerate(note.sections):
        if section.id == section_id:
            return index
    raise CommandError("That section is no longer in the note; it may have been removed.")


class AddNoteCommand(Command):
    """A new note (from a template, a draft or blank). Redo recreates the same ids."""

    def __init__(self, note: Note) -> None:
        if not note.title.strip():
            raise CommandError("A note needs a title.")
        self.note = replace(note, sections=renumbered(note.sections))
        self.label = f'New note "{note.title.strip()}"'
        self._saved: Note | None = None

    def apply(self, project: Project) -> list[Change]:
        if self._saved is None:
            note_id = project.add_note(self.note)
            self._saved = project.get_note(note_id)
        else:
            project.add_note(self._saved)
        assert self._saved.id is not None
        return [Change.of(Entity.NOTE, added=[self._saved.id])]

    def revert(self, project: Project) -> list[Change]:
        assert self._saved is not None and self._saved.id is not None
        project.delete_note(self._saved.id)
        return [Change.of(Entity.NOTE, removed=[self._saved.id])]

    @property
    def note_id(self) -> int | None:
        return None if self._saved is None else self._saved.id


class DeleteNoteCommand(Command):
    def __init__(self, note_id: int) -> None:
        self.note_id = note_id
        self.label = "Delete note"
        self._before: Note | None = None

    def backup_before(self, project: Project) -> BackupReason | None:
        try:
            title = read_note(project, self.note_id).title
        except CommandError:
            return None
        short = title if len(title) <= 60 else title[:59] + "…"
        return BackupReason("before-delete-note", f'before deleting note "{short}"')

    def apply(self, project: Project) -> list[Change]:
        self._before = read_note(project, self.note_id)
        self.label = f'Delete note "{self._before.title}"'
        project.delete_note(self.note_id)
        return [Change.of(Entity.NOTE, removed=[self.note_id])]

    def revert(self, project: Project) -> list[Change]:
        assert self._before is not None
        project.add_note(self._before)
        return [Change.of(Entity.NOTE, added=[self.note_id])]


class NoteEditCommand(Command):
    """Base of the edits inside one note: subclasses say how the note changes."""

    def __init__(self, note_id: int) -> None:
        self.note_id = note_id
        self._before: Note | None = None
        self._after: Note | None = None

    @abstractmethod
    def edited(self, note: Note) -> Note:
        """The note as this edit leaves it; raise CommandError if it cannot be made."""

    def apply(self, project: Project) -> list[Change]:
        current = read_note(project, self.note_id)
        if self._after is None:
            self._before = current
            project.update_note(replace(self.edited(current), modified_at=None))
            self._after = project.get_note(self.note_id)
        else:
            project.update_note(replace(self._after, modified_at=None))
        return [Change.of(Entity.NOTE, updated=[self.note_id])]

    def revert(self, project: Project) -> list[Change]:
        assert self._before is not None
        read_note(project, self.note_id)
        project.update_note(self._before)
        return [Change.of(Entity.NOTE, updated=[self.note_id])]


class UpdateNoteCommand(NoteEditCommand):
    """Title, author, date, recipient, reference, handling marking or citation style."""

    def __init__(self, note_id: int, **changes: Any) -> None:
        super().__init__(note_id)
        unknown = set(changes) - set(NOTE_FIELDS)
        if unknown:
            raise CommandError(f"Cannot change {', '.join(sorted(unknown))} of a note.")
        if "title" in changes and not str(changes["title"]).strip():
            raise CommandError("A note needs a title.")
        if "date" in changes and not isinstance(changes["date"], dt.date | None):
            raise CommandError("A note's date must be a date, such as 2026-11-24.")
        self.changes: dict[str, Any] = {
            k: v.strip() if isinstance(v, str) else v for k, v in changes.items()
        }
        names = {
            "title": "Rename note",
            "marking": "Set handling marking",
            "citation_style": "Set citation style",
        }
        self.label = names.get(next(iter(changes), ""), "Edit note details")
        if len(changes) != 1:
            self.label = "Edit note details"

    def edited(self, note: Note) -> Note:
        return replace(note, **self.changes)


class AddSectionCommand(NoteEditCommand):
    def __init__(
        self,
        note_id: int,
        heading: str,
        *,
        level: int = 1,
        body: str = "",
        index: int | None = None,
    ) -> None:
        super().__init__(note_id)
        if not 1 <= level <= MAX_LEVEL:
            raise CommandError(f"A section level is 1 to {MAX_LEVEL}, not {level}.")
        self.section = Section(heading=heading.strip(), body=body, level=level)
        self.index = index
        self.label = f'Add section "{heading.strip()}"' if heading.strip() else "Add section"

    def edited(self, note: Note) -> Note:
        sections = list(note.sections)
        index = len(sections) if self.index is None else max(0, min(self.index, len(sections)))
        sections.insert(index, self.section)
        return replace(note, sections=renumbered(sections))

    @property
    def section_id(self) -> int | None:
        """The new section's id, once applied."""
        if self._after is None or self._before is None:
            return None
        old = {s.id for s in self._before.sections}
        return next((s.id for s in self._after.sections if s.id not in old), None)


class RemoveSectionCommand(NoteEditCommand):
    """Remove a section; ``with_subsections``: the sections under it too (else they stay,
    under the section before)."""

    def __init__(self, note_id: int, section_id: int, *, with_subsections: bool = False) -> None:
        super().__init__(note_id)
        self.section_id = section_id
        self.with_subsections = with_subsections
        self.label = "Remove section"

    def edited(self, note: Note) -> Note:
        index = section_index(note, self.section_id)
        self.label = f'Remove section "{note.sections[index].heading}"'
        sections = list(note.sections)
        levels = [s.level for s in sections]
        del sections[index : subtree_end(levels, index) if self.with_subsections else index + 1]
        return replace(note, sections=renumbered(sections))


class UpdateSectionCommand(NoteEditCommand):
    """Rename a section or change its level (1 = heading, 2-3 = sub-headings)."""

    def __init__(
        self, note_id: int, section_id: int, *, heading: str | None = None, level: int | None = None
    ) -> None:
        super().__init__(note_id)
        if level is not None and not 1 <= level <= MAX_LEVEL:
            raise CommandError(f"A section level is 1 to {MAX_LEVEL}, not {level}.")
        self.section_id = section_id
        self.heading = None if heading is None else heading.strip()
        self.level = level
        self.label = "Rename section" if level is None else "Change section level"

    def edited(self, note: Note) -> Note:
        index = section_index(note, self.section_id)
        section = note.sections[index]
        section = replace(
            section,
            heading=section.heading if self.heading is None else self.heading,
            level=section.level if self.level is None else self.level,
        )
        sections = list(note.sections)
        sections[index] = section
        return replace(note, sections=renumbered(sections))


class MoveSectionCommand(NoteEditCommand):
    """Put a section and its sub-sections at ``index`` of the outline without them (as
    after a drag, or Alt+Up: core.outline says where)."""

    def __init__(self, note_id: int, section_id: int, index: int) -> None:
        super().__init__(note_id)
        self.section_id = section_id
        self.index = index
        self.label = "Move section"

    def edited(self, note: Note) -> Note:
        sections = list(note.sections)
        start = section_index(note, self.section_id)
        end = subtree_end([s.level for s in sections], start)
        block = sections[start:end]
        del sections[start:end]
        self.label = f'Move section "{block[0].heading}"'
        at = max(0, min(self.index, len(sections)))
        sections[at:at] = block
        return replace(note, sections=renumbered(sections))


class EditSectionBodyCommand(NoteEditCommand):
    """New text for one section's body (CommonMark with citation tokens)."""

    MERGE_SECONDS = 5.0
    """Typing with no longer pause than this folds into one undo step."""

    def __init__(
        self, note_id: int, section_id: int, body: str, *, label: str = "Typing", run: int = 0
    ) -> None:
        super().__init__(note_id)
        self.section_id = section_id
        self.body = body
        self.label = label
        # Which run of typing this is: the Composer starts a new run when the analyst
        # moves the caret, so typing in two places is two undo steps, as in Word.
        self.run = run
        self._last_edit = time.monotonic()

    def edited(self, note: Note) -> Note:
        index = section_index(note, self.section_id)
        sections = list(note.sections)
        sections[index] = replace(sections[index], body=self.body)
        return replace(note, sections=renumbered(sections))

    def absorb(self, later: Command) -> bool:
        """Fold a later typing edit of the same section into this one (one undo step).

        Only plain typing of one run merges; an insert of a quotation or a table stays
        its own step so it can be undone alone, and so does typing after a caret move.
        """
        if not (
            isinstance(later, EditSectionBodyCommand)
            and later.note_id == self.note_id
            and later.section_id == self.section_id
            and later.label == self.label == "Typing"
            and later.run == self.run
            and later._after is not None
            and self._after is not None
            and later._last_edit - self._last_edit <= self.MERGE_SECONDS
        ):
            return False
        self.body = later.body
        self._after = later._after
        self._last_edit = later._last_edit
        return True
