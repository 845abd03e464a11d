"""How much of one article's text another holds: word shingles, samples, the near-copy rule.

A shingle is five consecutive words, casefolded. Two copies of one article saved as a web
page and as a Word file share nearly all of them even when one has a standfirst or a
caption more; two papers' rewrites of one wire story share only the quotes and a few
stock phrases. Standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SHINGLE_WORDS = 5
NEAR_SHARE = 0.85
"""The share of the shorter text's shingles the other must hold for a near copy.

Measured on tests/data/likeness: a web copy and its Word copy (standfirst, captions and
a related-link line more in the web copy) share 90-100%; two papers' rewrites of one
wire story 10-30%; two articles quoting one long speech 65-80%. 0.85 sits between, with
room for a web copy that carries a few captions more."""
LENGTH_RATIO = 0.5
"""The shorter text must be at least this share of the longer's shingles: a short item
wholly quoted inside a long feature is a quotation, not a copy of it."""
MIN_SHINGLES = 20
"""Texts with fewer shingles (about two dozen words) are never called copies: in a brief of
two sentences one shared stock phrase is already most of it."""
SAMPLE_SIZE = 8
"""How many of a text's shingles stand for it when looking for articles that may be copies:
each is one indexed phrase look-up (about half a millisecond in a project of 500)."""

LONGEST = 2_000_000
"""Characters beyond which a text is not compared (a book, a data dump, not an article of
the news): sampling and comparing 12 MB took 17 s and 400 MB more, holding the project."""

_WORD = re.compile(r"[^\W_]+")  # letters and digits, as SQLite FTS5's unicode61 splits words


@dataclass(frozen=True, slots=True)
class Likeness:
    """How two texts overlap: ``shared`` is the share of the shorter one's shingles that
    the longer holds (0.0 to 1.0); ``first_shorter`` says which one that is."""

    shared: float
    first_shorter: bool
    near: bool


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def shingles(text: str) -> frozenset[int]:
    """A hash of each run of ``SHINGLE_WORDS`` casefolded words (a shorter text: none).

    Python's own hash of the words: compared within one run only, never stored.
    """
    w = [match.group().casefold() for match in _WORD.finditer(text)]
    return frozenset(map(hash, zip(*(w[i:] for i in range(SHINGLE_WORDS)), strict=False)))


def sample_phrases(text: str, count: int = SAMPLE_SIZE) -> list[str]:
    """Up to ``count`` shingles of ``text``, spread evenly over it, as they are written there.

    Each phrase is the text from its first word's start to its last word's end, with
    control characters made spaces (they are never words), so a full-text index splits it
    into words just as it split the article.
    """
    words = _words(text)
    last = len(words) - SHINGLE_WORDS  # the index of the last shingle's first word
    if last < 0 or count < 1:
        return []
    starts = sorted({round(i * last / max(count - 1, 1)) for i in range(count)})
    phrases = []
    for i in starts:
        written = text[words[i].start() : words[i + SHINGLE_WORDS - 1].end()]
        phrases.append("".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in written))
    return phrases


def likeness(first: frozenset[int], second: frozenset[int]) -> Likeness:
    """How much of the shorter shingle set the other holds, and whether that is a near copy."""
    first_shorter = len(first) <= len(second)
    shorter, longer = (first, second) if first_shorter else (second, first)
    if not shorter:
        return Likeness(0.0, first_shorter, near=False)
    shared = len(shorter & longer) / len(shorter)
    near = (
        shared >= NEAR_SHARE
        and len(shorter) >= MIN_SHINGLES
        and len(shorter) >= LENGTH_RATIO * len(longer)
    )
    return Likeness(shared, first_shorter, near)


def percent(share: float) -> int:
    """A share as a whole percentage that never rounds a near copy up to a full 100."""
    whole = round(share * 100)
    return 99 if whole == 100 and share < 1.0 else whole
