"""Reads that answer a record gone from the project in the analyst's words.

Apart from the note commands, so that an export (which only reads) loads none of them.
"""

from __future__ import annotations

from briefer.core.model import Note
from briefer.session.command import CommandError
from briefer.session.queries import ProjectQueries
from briefer.store import RecordNotFound


def read_note(project: ProjectQueries, note_id: int) -> Note:
    """The note ``note_id``; CommandError saying it is gone if it is."""
    try:
        return project.get_note(note_id)
    except RecordNotFound:
        raise CommandError("That note no longer exists; it may have been deleted.") from None
