"""What a REFI-QDA file holds that Briefer can use, as plain data, and what it had to leave out.

Both directions meet here: the session builds a ``QdaProject`` from a Briefer project for
the writer, and the reader builds one from a file for the session. Standard library only.

Offsets are the standard's: Unicode code points from 0, the end excluded (section 10.2
of the specification says "first and last character"; the ATLAS.ti example in its
appendix, ``startPosition="139" endPosition="195"`` on a 56-character quote, shows the
end is exclusive). Python strings index code points, so a Briefer offset is one as is.
"""

from __future__ import annotations

import datetime as dt

from briefer.core.record import Record, field


class ExchangeError(Exception):
    """A REFI-QDA file cannot be read or written; the message says why, in one sentence."""


class QdaLimits(Record, frozen=True):
    """Bounds on an untrusted archive; tests tighten them to try the refusals cheaply."""

    max_archive_bytes: int = 32 * 1024**3
    """Projects may embed audio and video, which are never unpacked; only absurd is refused."""
    max_entries: int = 20_000
    max_declared_bytes: int = 64 * 1024**3
    """Declared unpacked size of everything in the archive, read or not."""
    max_xml_bytes: int = 64 * 1024**2
    max_text_bytes: int = 64 * 1024**2
    """One source's or note's text file."""
    max_total_bytes: int = 1024**3
    """Everything actually unpacked: project.qde and the text files it names."""
    max_depth: int = 64
    """How deeply codes may nest; a hostile file could otherwise recurse without end."""


class QdaCode(Record, frozen=True):
    """A code of the codebook; ``colour`` is ``"#RRGGBB"`` or "" when the file gives none."""

    guid: str
    name: str
    colour: str = ""
    description: str = ""
    children: tuple[QdaCode, ...] = ()
    codable: bool = True

    def walk(self) -> list[QdaCode]:
        """This code and every code beneath it, parents before children."""
        found = [self]
        for child in self.children:
            found += child.walk()
        return found


class QdaSelection(Record, frozen=True):
    """A plain-text selection ``[start, end)`` in code points, its codes and its note."""

    guid: str
    start: int
    end: int
    code_guids: tuple[str, ...] = ()
    note: str = ""
    name: str = ""
    created: dt.datetime | None = None


class QdaSource(Record, frozen=True):
    """A plain-text source: its text, what the file says about it, and its selections.

    ``metadata`` keys are Briefer's article fields the file carried a value for
    (title, author, publisher, published, url, language); the writer turns them into
    REFI-QDA text variables and the reader back.
    """

    guid: str
    name: str
    text: str
    metadata: tuple[tuple[str, str], ...] = ()
    selections: tuple[QdaSelection, ...] = ()
    created: dt.datetime | None = None

    def meta(self, key: str) -> str:
        return next((value for name, value in self.metadata if name == key), "")


class LeftOut(Record, frozen=True):
    """Something in a file that Briefer cannot hold, with how many there were."""

    what: str
    count: int

    def __str__(self) -> str:
        return f"{self.count} {self.what}"


class QdaProject(Record, frozen=True):
    """A codebook (``sources`` empty) or a whole project, as exchanged."""

    name: str
    codes: tuple[QdaCode, ...] = ()
    sources: tuple[QdaSource, ...] = ()
    origin: str = ""
    left_out: tuple[LeftOut, ...] = field(default=())

    def all_codes(self) -> list[QdaCode]:
        return [code for top in self.codes for code in top.walk()]
