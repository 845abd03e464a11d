"""How much of one article's text another holds: word shingles, samples, the near-copy rule.

A shingle is five consecutive words, casefolded. Two copies of one article saved as a web
page and as a Word file share nearly all of them even when one has a standfirst or a
caption more; two papers' rewrites of one wire story share only the quotes and a few
stock phrases. Chinese and Japanese put no spaces between words, so there each character
counts as a word. Standard library only.
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
"""Texts with fewer shingles (about two dozen words, or in Chinese or Japanese two dozen
characters) are never called copies: in a brief of two sentences one shared stock phrase is
already most of it."""
SAMPLE_SIZE = 8
"""How many of a text's shingles stand for it when looking for articles that may be copies:
each is one indexed phrase look-up (about half a millisecond in a project of 500)."""

LONGEST = 2_000_000
"""Characters beyond which a text is not compared (a book, a data dump, not an article of
the news): sampling and comparing 12 MB took 17 s and 400 MB more, holding the project."""

LONGEST_PHRASE = 100
"""Characters beyond which a sampled phrase is left out: in Chinese or Japanese a phrase is
widened to the whole runs of letters the search index holds as words (a clause, from one
punctuation mark to the next), and a text with hardly any punctuation has runs too long
to stand for a part of it."""

# Han ideographs (with 々, 〇 and the old numerals), kana and bopomofo: scripts written
# without spaces between words, in which each character is a word here (and search finds a
# word inside a sentence, store/search.py). Letters only (tests/core/test_likeness.py
# checks each): the middle dot ・ and the spacing sound marks ゛゜ separate words, as
# everywhere else. Hangul is not here: Korean puts spaces between words. The body of a
# regular-expression character class.
SPACELESS = (
    "\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c"
    "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"
    "\u3105-\u312f\u31a0-\u31bf"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9"
    "\U00020000-\U0002a6df\U0002a700-\U0002b738\U0002b740-\U0002b81d\U0002b820-\U0002cea1"
    "\U0002ceb0-\U0002ebe0\U0002f800-\U0002fa1d\U00030000-\U0003134a"
)
_RUN = re.compile(r"[^\W_]+")  # letters and digits: a word as SQLite FTS5's unicode61 splits them
_FROM_FIRST_SPACELESS = re.compile("[\u3005-\U0010ffff]")  # a quick look: none, no splitting
_SPACELESS_LETTER = re.compile(f"[{SPACELESS}]")
# Within a run that holds Chinese or Japanese: each such character, and the rest as runs.
_WORD = re.compile(f"[{SPACELESS}]|[^\\W_{SPACELESS}]+")


@dataclass(frozen=True, slots=True)
class Likeness:
    """How two texts overlap: ``shared`` is the share of the shorter one's shingles that
    the longer holds (0.0 to 1.0); ``first_shorter`` says which one that is."""

    shared: float
    first_shorter: bool
    near: bool


def _words(text: str) -> list[re.Match[str]]:
    """Each word: a run of letters and digits, or in Chinese and Japanese one character."""
    runs = list(_RUN.finditer(text))
    # Most texts have no character as far on as U+3005: a quick look keeps them as fast as
    # they were, and in the others only the runs that hold Chinese or Japanese are split.
    if text.isascii() or _FROM_FIRST_SPACELESS.search(text) is None:
        return runs
    spaceless = _SPACELESS_LETTER.search(text)
    if spaceless is None:
        return runs
    found: list[re.Match[str]] = []
    for run in runs:
        if spaceless is not None and spaceless.start() < run.end():
            found += _WORD.finditer(text, run.start(), run.end())
            spaceless = _SPACELESS_LETTER.search(text, run.end())
        else:
            found.append(run)
    return found


def shingles(text: str) -> frozenset[int]:
    """A hash of each run of ``SHINGLE_WORDS`` casefolded words (a shorter text: none).

    Python's own hash of the words: compared within one run only, never stored.
    """
    w = [match.group().casefold() for match in _words(text)]
    return frozenset(map(hash, zip(*(w[i:] for i in range(SHINGLE_WORDS)), strict=False)))


def sample_phrases(text: str, count: int = SAMPLE_SIZE) -> list[str]:
    """Up to ``count`` shingles of ``text``, spread evenly over it, as they are written there.

    Each phrase is the text from its first word's start to its last word's end, with
    control characters made spaces (they are never words), so a full-text index splits it
    into words just as it split the article. The index (FTS5's unicode61) holds a run of
    Chinese or Japanese characters between two punctuation marks as one word and finds
    only whole words, so there a phrase is widened to the whole runs it touches; one
    that would then be longer than ``LONGEST_PHRASE`` is left out, and a second sample
    widened to the same phrase is not asked twice.
    """
    words = _words(text)
    last = len(words) - SHINGLE_WORDS  # the index of the last shingle's first word
    if last < 0 or count < 1:
        return []
    starts = sorted({round(i * last / max(count - 1, 1)) for i in range(count)})
    spans: dict[tuple[int, int], None] = {}  # in order, each once
    for i in starts:
        span = _indexed_span(text, words[i].start(), words[i + SHINGLE_WORDS - 1].end())
        if span is not None:
            spans[span] = None
    return [
        "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text[start:end])
        for start, end in spans
    ]


def _indexed_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``start`` and ``end`` moved out to the ends of the index's words they fall inside
    (only ever inside a run of Chinese or Japanese), or None when that makes the span
    longer than ``LONGEST_PHRASE``."""
    while start > 0 and text[start - 1].isalnum():  # str.isalnum() is re's [^\W_]
        start -= 1
        if end - start > LONGEST_PHRASE:
            return None
    while end < len(text) and text[end].isalnum():
        end += 1
        if end - start > LONGEST_PHRASE:
            return None
    return start, end


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
