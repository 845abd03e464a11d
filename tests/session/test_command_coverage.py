"""Every command class the session defines is covered by the undo/redo round trip.

The list of classes is found by walking briefer.session, not kept by hand: a
new command without a case in test_commands or test_note_commands fails here,
so "apply, undo, redo and reopen leave the file as expected" holds for all.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import briefer.session
from briefer.session import Command, TagPassageCommand, UpdateNoteCommand
from tests.session import test_commands, test_note_commands


def session_command_classes() -> set[type[Command]]:
    """Each concrete ``Command`` subclass defined in a module of briefer.session."""
    found: set[type[Command]] = set()
    prefix = briefer.session.__name__ + "."
    for info in pkgutil.walk_packages(briefer.session.__path__, prefix):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, Command)
                and cls.__module__ == module.__name__
                and not inspect.isabstract(cls)
            ):
                found.add(cls)
    return found


def covered_classes() -> set[type[Command]]:
    cases = [*test_commands.COMMANDS.values(), *test_note_commands.COMMANDS.values()]
    return {case.kind for case in cases}


def test_the_walk_finds_the_commands_in_every_module() -> None:
    found = session_command_classes()
    # Commands from each of the three command modules, and no abstract base.
    assert {TagPassageCommand, UpdateNoteCommand} <= found
    assert any(cls.__module__.endswith("theme_commands") for cls in found)
    assert Command not in found
    assert not any(inspect.isabstract(cls) for cls in found)


def test_every_command_class_has_an_undo_redo_case() -> None:
    missing = sorted(cls.__qualname__ for cls in session_command_classes() - covered_classes())
    assert not missing, (
        f"no undo/redo round-trip case for {', '.join(missing)}: add one to COMMANDS in "
        "tests/session/test_commands.py or tests/session/test_note_commands.py"
    )


def test_every_case_names_a_session_command_class() -> None:
    """A case for a class the walk cannot see would hide a broken walk."""
    assert covered_classes() <= session_command_classes()
