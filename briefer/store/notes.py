"""Briefing notes and their ordered sections.

Functions over an open connection, called by ``Project`` inside its transaction. Imports
only the standard library, briefer.core and this package.
"""

from __future__ import annotations

import sqlite3

from briefer.core.model import Note, Section
from briefer.store import codec, renderings
from briefer.store.errors import DuplicateId, RecordNotFound
from briefer.store.identity import given_uuid

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any

_COLUMNS = (
    "id, title, author, date, recipient, reference, marking, template, created_at, modified_at,"
    " uuid, citation_style"
)


def _note(row: tuple[Any, ...], sections: tuple[Section, ...]) -> Note:
    return Note(
        id=row[0],
        title=row[1],
        author=row[2],
        date=codec.from_date_text(row[3]),
        recipient=row[4],
        reference=row[5],
        marking=row[6],
        template=row[7],
        created_at=codec.from_utc_text(row[8]),
        modified_at=codec.from_utc_text(row[9]),
        uuid=row[10],
        citation_style=row[11],
        sections=sections,
    )


def _write_sections(conn: sqlite3.Connection, note_id: int, sections: tuple[Section, ...]) -> None:
    """Sections keep the order of the tuple (``ord``); ``position`` is stored as given."""
    conn.execute("DELETE FROM sections WHERE note_id = ?", (note_id,))
    for order, section in enumerate(sections):
        try:
            conn.execute(
                "INSERT INTO sections (id, note_id, ord, heading, body, level, position,"
                " guidance) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    section.id,
                    note_id,
                    order,
                    section.heading,
                    section.body,
                    section.level,
                    section.position,
                    section.guidance,
                ),
            )
        except sqlite3.IntegrityError:
            raise DuplicateId("section", section.id or 0) from None


def add_note(conn: sqlite3.Connection, note: Note) -> int:
    now = codec.now_utc()
    try:
        cursor = conn.execute(
            "INSERT INTO notes (id, title, author, date, recipient, reference, marking, template,"
            " created_at, modified_at, uuid, citation_style)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                note.id,
                note.title,
                note.author,
                codec.to_date_text(note.date),
                note.recipient,
                note.reference,
                note.marking,
                note.template,
                codec.to_utc_text(note.created_at or now),
                codec.to_utc_text(note.modified_at or now),
                given_uuid(conn, "note", note.uuid),
                note.citation_style,
            ),
        )
    except sqlite3.IntegrityError:
        raise DuplicateId("note", note.id or 0) from None
    note_id = int(cursor.lastrowid or 0)
    _write_sections(conn, note_id, note.sections)
    return note_id


def update_note(conn: sqlite3.Connection, note: Note) -> None:
    """Replaces the metadata and all sections; ``modified_at`` is now unless given."""
    if note.id is None:
        raise RecordNotFound("note", None)
    updated = conn.execute(
        "UPDATE notes SET title = ?, author = ?, date = ?, recipient = ?, reference = ?,"
        " marking = ?, template = ?, created_at = coalesce(?, created_at), modified_at = ?,"
        " citation_style = ? WHERE id = ?",
        (
            note.title,
            note.author,
            codec.to_date_text(note.date),
            note.recipient,
            note.reference,
            note.marking,
            note.template,
            codec.to_utc_text(note.created_at) if note.created_at else None,
            codec.to_utc_text(note.modified_at or codec.now_utc()),
            note.citation_style,
            note.id,
        ),
    )
    if updated.rowcount == 0:
        raise RecordNotFound("note", note.id)
    _write_sections(conn, note.id, note.sections)


def delete_note(conn: sqlite3.Connection, note_id: int) -> None:
    row = conn.execute("SELECT uuid FROM notes WHERE id = ?", (note_id,)).fetchone()
    if row is None:
        raise RecordNotFound("note", note_id)
    conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
    renderings.forget_note(conn, str(row[0]))


def get_note(conn: sqlite3.Connection, note_id: int) -> Note:
    row = conn.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note_id,)).fetchone()
    if row is None:
        raise RecordNotFound("note", note_id)
    sections = tuple(
        Section(id=r[0], heading=r[1], body=r[2], level=r[3], position=r[4], guidance=r[5])
        for r in conn.execute(
            "SELECT id, heading, body, level, position, guidance FROM sections WHERE note_id = ?"
            " ORDER BY ord",
            (note_id,),
        )
    )
    return _note(row, sections)


def list_notes(conn: sqlite3.Connection) -> list[Note]:
    """Metadata only (``sections`` is empty): a listing does not need the bodies."""
    return [_note(r, ()) for r in conn.execute(f"SELECT {_COLUMNS} FROM notes ORDER BY id")]
