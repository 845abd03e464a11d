"""Which notes quote a passage: asked before an edit would change what a note cites.

Kept apart from notes.py (drafting, which loads the exporters) so a tagging command
can ask it without loading them.
"""

from __future__ import annotations

from collections.abc import Collection

from briefer.core.citations import find_citations
from briefer.core.model import Note
from briefer.session.queries import ProjectQueries


def notes_quoting(project: ProjectQueries, passage_id: int) -> list[Note]:
    """The notes whose sections cite ``passage_id``, in the notes' own order.

    Asked before a passage is deleted, so the analyst learns which notes would print
    "[missing source]" where they quote it; the window and the CLI both warn with it.
    """
    return notes_quoting_any(project, {passage_id})


def notes_quoting_any(project: ProjectQueries, passage_ids: Collection[int]) -> list[Note]:
    """The notes that cite any of ``passage_ids`` (deleting a theme deletes the passages
    tagged only with it), in the notes' own order."""
    wanted = set(passage_ids)
    quoting = []
    for listed in project.list_notes() if wanted else []:  # a listing leaves sections out
        if listed.id is None:
            continue
        note = project.get_note(listed.id)
        if any(wanted.intersection(find_citations(section.body)) for section in note.sections):
            quoting.append(note)
    return quoting
