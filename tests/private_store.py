"""The store behind a session, for tests only.

For what no command does and no view reads: seeding an article with hand-made blocks
(articles arrive by import), and checking what only the store shows (originals,
integrity, the full state a command must restore). Everything else in the tests goes
through the seam, as the window and the CLI do: ``session.query`` to read, commands to
write. tests/test_architecture.py keeps briefer's own ui and cli from doing this.
"""

from __future__ import annotations

from briefer.session import Session
from briefer.store import Project


def store_of(session: Session) -> Project:
    return session._project
