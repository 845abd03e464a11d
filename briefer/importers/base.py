"""What every importer shares: limits, the rejection error, the result, a block builder.

Importers are pure: bytes (and optionally a way to read files beside the
source) in, an ``Imported`` or an ``ImportRejected`` out. Imports only core.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Protocol

from briefer.core.model import BLOCK_SEPARATOR, Article, Block, BlockKind, Original
from briefer.core.record import Record
from briefer.core.safetext import without_controls
from briefer.core.words import fold_spaces

MiB = 1024 * 1024


class ImportLimits(Record, frozen=True):
    """Bounds that keep hostile or huge input from hanging or exhausting the app.

    Parameters rather than constants so tests can tighten them.
    """

    max_bytes: int = 64 * MiB
    max_unpacked_bytes: int = 256 * MiB
    max_nesting: int = 400
    max_seconds: float = 60.0
    max_image_side: int = 2000
    max_image_pixels: int = 40_000_000
    max_images: int = 50
    max_pages: int = 2000


class ImportRejected(Exception):
    """The input cannot become an article; ``reason`` says why and what to do, for a person."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ImportCancelled(Exception):
    """The caller cancelled while the input was being read: no article, nothing to say."""


class Deadline:
    """A cooperative time bound: long loops call ``check()`` and give up in time.

    Python cannot safely interrupt a parser from outside, so importers check
    between pages, elements or blocks instead. The same checks honour the caller's
    ``cancelled`` (the window's Cancel), raising ``ImportCancelled``.
    """

    def __init__(
        self, seconds: float, what: str = "the file", cancelled: Callable[[], bool] | None = None
    ) -> None:
        self._end = time.monotonic() + seconds
        self._seconds = seconds
        self._what = what
        self._cancelled = cancelled

    def check_cancelled(self) -> None:
        """Only the caller's cancel: for loops with no time bound of their own."""
        if self._cancelled is not None and self._cancelled():
            raise ImportCancelled

    def check(self) -> None:
        self.check_cancelled()
        if time.monotonic() > self._end:
            raise ImportRejected(
                f"Reading {self._what} took longer than {self._seconds:g} seconds, so it was"
                " stopped. The file may be damaged or unusually complex; try saving it again"
                " from its original program."
            )


_JUNK = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_JUNK_SAMPLE = 64 * 1024


def looks_like_junk(text: str) -> bool:
    """Whether decoded ``text`` is more than a tenth control or replacement characters:
    random bytes named ``.html`` decode to that, and a parser would make thousands of
    words of garbage of it. Real pages, even misdecoded ones, are mostly markup and
    letters. (The caller refuses it with the text importer's reason, ``NOT_TEXT``.)
    """
    sample = text[:_JUNK_SAMPLE]
    junk = len(_JUNK.findall(sample))
    return junk > 8 and junk > len(sample) // 10


class Imported(Record, frozen=True):
    """An extracted article, the original bytes it came from, and what could not be read.

    ``warnings`` are sentences for the import report ("report.pdf: pages 3–5
    have no text layer ..."): the article is usable, but parts are missing.
    """

    article: Article
    original: Original
    warnings: tuple[str, ...] = ()


LocalFileReader = Callable[[str], bytes | None]
"""Reads a file referenced by the source (``page_files/img.png``), relative to it.

Returns ``None`` when the file is missing or outside the source's folder.
Importers never fetch anything remote; this is the only way they see
companion files.
"""


class Importer(Protocol):
    """One source format. The registry asks each how sure it is, then extracts."""

    name: str
    extensions: tuple[str, ...]

    def sniff(self, data: bytes, filename: str) -> int:
        """Confidence from 0 (not mine) to 100 (certainly mine), from content first."""
        ...

    def extract(
        self,
        data: bytes,
        filename: str,
        limits: ImportLimits,
        read_local: LocalFileReader | None = None,
    ) -> Article:
        """The article in ``data``, or raise ``ImportRejected``."""
        ...


class ArticleBuilder:
    """Accumulates blocks into canonical text, so offsets are right by construction.

    Blocks are joined with ``BLOCK_SEPARATOR``; white space inside a block is
    folded to single spaces (except preformatted text), and empty blocks are
    dropped. Control characters other than newline and tab never get in: every
    importer builds its text here, so a stray escape or backspace in a page (which
    a terminal or an exported note would act on) is dropped in this one place.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._blocks: list[Block] = []
        self._length = 0

    def add(
        self, kind: BlockKind, text: str, *, level: int = 0, ordered: bool = False
    ) -> Block | None:
        text = without_controls(text)
        if kind is not BlockKind.PREFORMATTED:
            text = fold_spaces(text)
        else:
            text = text.strip("\n")
        if not text.strip():
            return None
        if self._parts:
            self._parts.append(BLOCK_SEPARATOR)
            self._length += len(BLOCK_SEPARATOR)
        block = Block(kind, self._length, self._length + len(text), level=level, ordered=ordered)
        self._parts.append(text)
        self._length += len(text)
        self._blocks.append(block)
        return block

    @property
    def offset(self) -> int:
        return self._length

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(self._blocks)

    def text(self) -> str:
        return "".join(self._parts)

    def is_empty(self) -> bool:
        return not self._blocks
