"""Counting words and folding white space without a list of every word.

``len(text.split())`` and ``" ".join(text.split())`` hold one string object per word:
on a 60 MB one-line text file that is ten million objects and about a gigabyte. These
walk the text with a compiled pattern instead. Standard library only.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from briefer.core.citations import CITATION_PATTERN
from briefer.core.patterns import compiled

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Protocol
else:
    Protocol = object  # an interface for type checkers; a plain class to the interpreter

_WORD = re.compile(r"\S+")
_SPACES = re.compile(r"\s+")


def counted(count: int, noun: str, plural: str = "") -> str:
    """``count`` with its noun agreeing: "1 passage", "3 passages" ("0 passages").

    Messages said "3 passage(s)"; a sentence a person reads should not."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def count_words(text: str) -> int:
    """The number of white-space separated words, as ``len(text.split())`` says."""
    return sum(1 for _ in _WORD.finditer(text))


# Markdown punctuation a reader does not read: emphasis, code, quotes, table bars,
# brackets, and list markers at the start of a line.
_MARKUP = r"[#>*_`|\\\[\]]|^\s*(?:[-+]|\d+[.)])\s"  # compiled at first use: counting only


class _Section(Protocol):
    @property
    def heading(self) -> str: ...
    @property
    def body(self) -> str: ...


class _Note(Protocol):
    """A core.model.Note as this module reads it: model imports this module (for
    Article.word_count), so naming Note here would make an import cycle."""

    @property
    def sections(self) -> Sequence[_Section]: ...


def note_word_count(note: _Note) -> int:
    """Words a reader will read: headings and text, without markup or citation tokens.

    The Composer's status line and the page estimate both show this figure.
    """
    total = 0
    for section in note.sections:
        body = CITATION_PATTERN.sub(" ", section.body)
        total += count_words(section.heading) + count_words(
            compiled(_MARKUP, re.MULTILINE).sub(" ", body)
        )
    return total


_CHUNK = 1 << 20


def fold_spaces(text: str) -> str:
    """Runs of white space as one space, none at the ends: ``" ".join(text.split())``."""
    if len(text) <= _CHUNK:
        return _SPACES.sub(" ", text).strip()
    return "".join(folded_pieces(text))


def folded_pieces(text: str) -> Iterator[str]:
    """``fold_spaces(text)`` in pieces of about a megabyte, for hashing or writing it out
    without holding it whole; ``re.sub`` over a long text would keep a piece per match."""
    start, pending_space, size = 0, False, len(text)
    while start < size:
        run = _SPACES.search(text, min(size, start + _CHUNK))
        cut = run.end() if run is not None else size
        piece = _SPACES.sub(" ", text[start:cut])
        if start == 0:
            piece = piece.lstrip(" ")
        start = cut
        ends_in_space = piece.endswith(" ")
        piece = piece.rstrip(" ")
        if piece:
            yield " " + piece if pending_space else piece
            pending_space = ends_in_space
        else:
            pending_space = pending_space or ends_in_space


def at_most_words(text: str, limit: int) -> bool:
    """Whether ``text`` has no more than ``limit`` words; stops reading at ``limit + 1``,
    so asking it of a whole book costs no more than of a line."""
    return all(count <= limit for count, _ in enumerate(_WORD.finditer(text), start=1))


# Chinese, Japanese and Korean characters: ideographs (with extension A and the
# compatibility block), kana (with half-width katakana) and hangul syllables.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f"


@functools.cache
def _text_word() -> re.Pattern[str]:
    """Compiled on first use: its large negated class costs some 3 ms, which `briefer
    export` and other commands that never weigh an article's words should not pay."""
    return re.compile(f"[{_CJK}]|[^\\s{_CJK}]+")


def count_text_words(text: str) -> int:
    """Words as a reader would weigh them: each Chinese, Japanese or Korean character
    counts as one, since those scripts put no spaces between words; everything else
    is white-space separated words, as ``count_words`` says."""
    return sum(1 for _ in _text_word().finditer(text))
