"""QUndoStack over session commands: Qt shows the history, the session does the work.

Typed with the session's ``CommandRunner``: this adapter can run and revert commands
and nothing else, which is the only way the window writes to a project. An edit is
applied before it is pushed, so a refused edit (CommandError) reaches the caller as an
exception instead of escaping a Qt override.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from briefer.core.logs import get_logger
from briefer.session import Command, CommandRunner

log = get_logger(__name__)

MERGEABLE_ID = 1


class SessionUndoCommand(QUndoCommand):
    """One session command on a QUndoStack. Its first redo is the push, already done."""

    def __init__(
        self, session: CommandRunner, command: Command, report: Callable[[str], None]
    ) -> None:
        super().__init__(command.label)
        self._session = session
        self._command = command
        self._report = report
        self._already_applied = True

    @property
    def command(self) -> Command:
        """The session command this step undoes and redoes."""
        return self._command

    def id(self) -> int:
        # Commands that can fold later ones into themselves (typing) share an id,
        # which is how QUndoStack knows to offer mergeWith.
        return MERGEABLE_ID if hasattr(self._command, "absorb") else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        absorb = getattr(self._command, "absorb", None)
        if absorb is None or not isinstance(other, SessionUndoCommand):
            return False
        return bool(absorb(other._command))

    def redo(self) -> None:
        if self._already_applied:
            self._already_applied = False
            return
        self._guarded(self._session.execute, "redo")

    def undo(self) -> None:
        self._guarded(self._session.unexecute, "undo")

    def _guarded(self, step: Callable[[Command], object], what: str) -> None:
        # An exception escaping a Qt virtual can abort the process; the store has
        # rolled the transaction back, so drop the step and tell the analyst.
        try:
            step(self._command)
        except Exception as exc:
            log.exception("could not %s %s", what, self._command.label)
            self.setObsolete(True)
            self._report(f"Could not {what} “{self._command.label}”: {exc}")


def run_command(
    stack: QUndoStack, session: CommandRunner, command: Command, report: Callable[[str], None]
) -> None:
    """Apply ``command`` (raises CommandError/ProjectError if refused), then record it.

    A destructive command is backed up first; if that backup failed, ``report`` says so.
    """
    session.execute(command)
    push_applied(stack, session, command, report)


def push_applied(
    stack: QUndoStack, session: CommandRunner, command: Command, report: Callable[[str], None]
) -> None:
    """Record ``command``, already executed through ``session`` (on a worker thread, say),
    without running it again; call on the GUI thread, which owns ``stack``."""
    stack.push(SessionUndoCommand(session, command, report))
    for warning in session.take_warnings():
        report(f"Warning: {warning[:1].upper()}{warning[1:]}.")
