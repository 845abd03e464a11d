"""Undo and redo that show what they change: the step's section, in the Composer.

Ctrl+Z after moving to another section undid the typing there, out of sight: the
analyst saw nothing happen and lost the edit without knowing. Here the window's undo
and redo look at the step they take and, while the Composer is on screen, bring that
note and section into view, as a word processor scrolls to what it undoes.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from briefer.ui.common.undo import SessionUndoCommand
from briefer.ui.composer.view import ComposerView


def step_in_sight(
    stack: QUndoStack, composer: ComposerView, *, redo: bool, composing: bool
) -> None:
    """Undo (or redo) the stack's next step; ``composing``: the Composer is on screen."""
    composer.flush()  # what was just typed is the newest edit, so undo takes it first
    done = stack.command(stack.index() if redo else stack.index() - 1)
    command = done.command if isinstance(done, SessionUndoCommand) else None
    if redo:
        stack.redo()
    else:
        stack.undo()
    note_id = getattr(command, "note_id", None)
    section_id = getattr(command, "section_id", None)
    if not composing or not isinstance(note_id, int) or not isinstance(section_id, int):
        return
    if composer.current_section_id() == section_id:
        return
    if composer.current_note_id() != note_id:
        composer.show_note(note_id)
    composer.reveal(section_id)
