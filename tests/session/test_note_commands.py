"""Note edits: each applied, undone, redone and reopened from the real file.

What a user would check is the note they see: its details and the headings,
levels, order and text of its sections, in that order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from briefer.core.model import Note, Section
from briefer.session import Command, CommandError, Session
from briefer.session.note_commands import (
    AddNoteCommand,
    AddSectionCommand,
    DeleteNoteCommand,
    EditSectionBodyCommand,
    MoveSectionCommand,
    RemoveSectionCommand,
    UpdateNoteCommand,
    UpdateSectionCommand,
)
from tests.session.test_commands import Case


def visible(session: Session) -> list[Any]:
    """Every note as the analyst sees it (not the modified time, which a redo renews)."""
    notes = []
    for listed in session.query.list_notes():
        assert listed.id is not None
        note = session.query.get_note(listed.id)
        notes.append(
            (
                note.id,
                note.title,
                note.author,
                note.date,
                note.marking,
                note.recipient,
                note.reference,
                [(s.id, s.heading, s.level, s.body, s.position) for s in note.sections],
            )
        )
    return notes


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    with Session.create(tmp_path / "p.briefer") as s:
        s.do(
            AddNoteCommand(
                Note(
                    title="Harbour deal",
                    author="A. Analyst",
                    marking="OFFICIAL",
                    sections=(
                        Section("Summary", "Main judgement."),
                        Section("Background", "How we got here."),
                        Section("Outlook", ""),
                    ),
                )
            )
        )
        s.history.clear()
        yield s


def note_id(session: Session) -> int:
    found = session.query.list_notes()[0].id
    assert found is not None
    return found


def section_id(session: Session, heading: str) -> int:
    for section in session.query.get_note(note_id(session)).sections:
        if section.heading == heading:
            assert section.id is not None
            return section.id
    raise AssertionError(heading)


# Every concrete command class in briefer.session needs a case here or in
# test_commands.COMMANDS: test_command_coverage.py finds the classes itself.
COMMANDS: dict[str, Case] = {
    "add-note": Case(AddNoteCommand,
                     lambda s: AddNoteCommand(Note("Second", sections=(Section("Only", "x"),)))),
    "delete-note": Case(DeleteNoteCommand, lambda s: DeleteNoteCommand(note_id(s))),
    "rename-note": Case(UpdateNoteCommand,
                        lambda s: UpdateNoteCommand(note_id(s), title="Port deal")),
    "details": Case(UpdateNoteCommand,
                    lambda s: UpdateNoteCommand(note_id(s), marking="SECRET",
                                                date=dt.date(2026, 11, 24), recipient="Minister")),
    "add-section": Case(AddSectionCommand,
                        lambda s: AddSectionCommand(note_id(s), "Risks", level=2, index=1)),
    "add-section-at-end": Case(AddSectionCommand, lambda s: AddSectionCommand(note_id(s), "Annex")),
    "remove-section": Case(RemoveSectionCommand,
                           lambda s: RemoveSectionCommand(note_id(s),
                                                          section_id(s, "Background"))),
    "rename-section": Case(UpdateSectionCommand,
                           lambda s: UpdateSectionCommand(note_id(s), section_id(s, "Outlook"),
                                                          heading="Implications")),
    "section-level": Case(UpdateSectionCommand,
                          lambda s: UpdateSectionCommand(note_id(s), section_id(s, "Outlook"),
                                                         level=2)),
    "move-section": Case(MoveSectionCommand,
                         lambda s: MoveSectionCommand(note_id(s), section_id(s, "Outlook"), 0)),
    "edit-body": Case(EditSectionBodyCommand,
                      lambda s: EditSectionBodyCommand(note_id(s), section_id(s, "Outlook"),
                                                       "Ports will *grow*.")),
}  # fmt: skip


@pytest.mark.parametrize("name", COMMANDS)
def test_apply_undo_redo_and_reopen(session: Session, name: str) -> None:
    before = visible(session)
    command = COMMANDS[name].make(session)
    assert type(command) is COMMANDS[name].kind
    session.do(command)
    after = visible(session)
    assert after != before, f"{name} changed nothing"

    assert session.undo() == command.label
    assert visible(session) == before
    assert session.redo() == command.label
    assert visible(session) == after

    path = session.path
    session.close()
    with Session.open(path) as reopened:
        assert visible(reopened) == after


def test_a_redone_section_keeps_its_id_so_later_edits_still_apply(session: Session) -> None:
    add = AddSectionCommand(note_id(session), "Risks")
    session.do(add)
    new_id = add.section_id
    assert new_id is not None
    session.do(EditSectionBodyCommand(note_id(session), new_id, "Shipping costs."))
    session.undo()
    session.undo()
    session.redo()
    session.redo()
    sections = session.query.get_note(note_id(session)).sections
    assert [(s.heading, s.body) for s in sections][-1] == ("Risks", "Shipping costs.")


def test_moving_a_section_keeps_positions_in_outline_order(session: Session) -> None:
    session.do(MoveSectionCommand(note_id(session), section_id(session, "Summary"), 2))
    sections = session.query.get_note(note_id(session)).sections
    assert [s.heading for s in sections] == ["Background", "Outlook", "Summary"]
    assert [s.position for s in sections] == [0, 1, 2]


def test_typing_in_one_section_folds_into_one_undo_step(session: Session) -> None:
    target = section_id(session, "Outlook")
    first = EditSectionBodyCommand(note_id(session), target, "P")
    session.do(first)
    second = EditSectionBodyCommand(note_id(session), target, "Ports")
    session.execute(second)
    assert first.absorb(second)
    quote = EditSectionBodyCommand(note_id(session), target, "Ports > q", label="Insert quotation")
    session.execute(quote)
    assert not first.absorb(quote)
    session.unexecute(quote)
    elsewhere = EditSectionBodyCommand(note_id(session), target, "Ports.", run=first.run + 1)
    assert not first.absorb(elsewhere)  # typed after the caret moved: a step of its own
    assert session.undo() == "Typing"
    assert session.query.get_note(note_id(session)).sections[2].body == ""


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda s: AddNoteCommand(Note("  ")), "needs a title"),
        (lambda s: UpdateNoteCommand(note_id(s), title=""), "needs a title"),
        (lambda s: UpdateNoteCommand(note_id(s), sections=()), "Cannot change sections"),
        (lambda s: UpdateNoteCommand(note_id(s), date="tomorrow"), "must be a date"),
        (lambda s: AddSectionCommand(note_id(s), "Deep", level=4), "level is 1 to 3"),
        (lambda s: RemoveSectionCommand(note_id(s), 9999), "no longer in the note"),
        (lambda s: EditSectionBodyCommand(9999, 1, "x"), "no longer exists"),
    ],
)
def test_refused_edits_change_nothing(
    session: Session, make: Callable[[Session], Command], message: str
) -> None:
    before = visible(session)
    with pytest.raises(CommandError, match=message):
        session.do(make(session))
    assert visible(session) == before
    assert session.history.undo_label is None


def test_the_sample_project_arrives_with_tagged_passages(tmp_path: Path) -> None:
    from briefer.session import ensure_sample_project

    path = ensure_sample_project(tmp_path)
    with Session.open(path) as sample:
        passages = sample.query.list_passages()
        counts = sample.query.theme_passage_counts()
        assert len(passages) == 12
        assert all(counts.get(t.id or 0) for t in sample.query.list_themes())
        assert sample.history.undo_label is None


def test_moving_and_removing_a_section_takes_its_sub_sections(tmp_path: Path) -> None:
    """A section holds the deeper sections after it: they move and go with it."""
    with Session.create(tmp_path / "outline.briefer") as session:
        sections = (Section("A", "", 1), Section("A1", "", 2), Section("A2", "", 3),
                    Section("B", "", 1))  # fmt: skip
        session.do(AddNoteCommand(Note("Brief", sections=sections)))
        note = session.query.list_notes()[0]
        assert note.id is not None
        ids = {s.heading: s.id for s in session.query.get_note(note.id).sections}

        def headings() -> list[str]:
            return [s.heading for s in session.query.get_note(note.id or 0).sections]

        session.do(MoveSectionCommand(note.id, ids["A"] or 0, 1))  # after B
        assert headings() == ["B", "A", "A1", "A2"]
        session.do(RemoveSectionCommand(note.id, ids["A"] or 0, with_subsections=True))
        assert headings() == ["B"]
        session.undo()
        session.do(RemoveSectionCommand(note.id, ids["A"] or 0))
        assert headings() == ["B", "A1", "A2"]
