"""What every connection to a project file gets because the file is untrusted input.

SQLite's own safety settings, and a time bound that interrupts a query running past it.
Standard library only; opening.py and connect.py apply it to each connection they make.
"""

from __future__ import annotations

import math
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

QUERY_SECONDS = 30.0
"""How long one store call (a listing, a search, an edit) may run before it is interrupted.

Every Briefer query answers in milliseconds on a healthy project of thousands of articles,
so only a damaged or crafted file gets near this; it is generous because projects live on
USB sticks and network shares where a cold read is slow.
"""

SQLITE_HEAP_LIMIT = 512 * 1024 * 1024
"""The most memory SQLite may hold at once in this process (``PRAGMA hard_heap_limit``).

A healthy project needs a few megabytes of cache plus the largest row it reads or writes
(an original of at most 64 MB, copied twice). A damaged search index can ask for gigabytes
in one allocation from a dozen bytes (an FTS5 structure record claiming 10^8 segments);
with the limit SQLite reports out of memory at once instead of zeroing that much.
"""

PROGRESS_STEPS = 1000
"""SQLite virtual-machine steps between two looks at the clock (a few microseconds)."""


def harden(conn: sqlite3.Connection) -> None:
    """Turn on SQLite's defences for a database file someone else may have made.

    ``trusted_schema = OFF`` keeps functions and virtual tables out of views, triggers and
    defaults the file declares. Triggers are disabled outright (Briefer's schema has none,
    so a trigger is always foreign), and defensive mode forbids writing the schema by hand;
    both need ``Connection.setconfig`` (Python 3.12+), so on 3.11 the schema check at
    opening is what keeps them out. ``cell_size_check`` makes SQLite notice damaged pages
    before it reads past them. The heap limit (process-wide; it only ever goes down) turns
    an absurd allocation into an out-of-memory error.
    """
    conn.execute(f"PRAGMA hard_heap_limit = {SQLITE_HEAP_LIMIT}")
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    setconfig = getattr(conn, "setconfig", None)
    if setconfig is not None:
        for name, value in (
            ("SQLITE_DBCONFIG_DEFENSIVE", True),
            ("SQLITE_DBCONFIG_TRUSTED_SCHEMA", False),
            ("SQLITE_DBCONFIG_ENABLE_TRIGGER", False),
        ):
            option = getattr(sqlite3, name, None)
            if option is not None:
                setconfig(option, value)


class QueryBound:
    """Interrupts the statements of one connection once a bounded call has run too long.

    The clock starts when ``running()`` is entered (nested calls share the outer start),
    so a call is bounded as a whole. Outside ``running()`` nothing is interrupted: opening,
    backups, migrations and the integrity check take as long as the file needs.
    """

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = QUERY_SECONDS if seconds is None else float(seconds)
        self.tripped = False
        self._until = math.inf

    def install(self, conn: sqlite3.Connection) -> None:
        conn.set_progress_handler(self._check, PROGRESS_STEPS)

    def _check(self) -> int:
        if time.monotonic() > self._until:
            self.tripped = True
            return 1
        return 0

    @contextmanager
    def running(self) -> Iterator[None]:
        if self._until != math.inf:
            yield
            return
        self.tripped = False
        self._until = time.monotonic() + self.seconds
        try:
            yield
        finally:
            self._until = math.inf

    def interrupted(self, error: BaseException) -> bool:
        """Whether ``error`` is SQLite giving up because this bound stopped it."""
        return self.tripped and isinstance(error, sqlite3.OperationalError)
