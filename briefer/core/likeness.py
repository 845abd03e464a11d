"""How much of one article's text another holds: word shingles, samples, the near-copy rule.

A shingle is five consecutive words, casefolded. Two copies of one article saved as a web
page and as a Word file share nearly all of them even when one has a standfirst or a
caption more; two papers' rewrites of one wire story share only the quotes and a few
stock phrases. Chinese and Japanese put no spaces between words, so there each character
counts as a word. Standard library only.
"""

from __future__ import annotations

import collections
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator

from briefer.core.record import Record
from briefer.core.spaceless import SPACELESS, has_spaceless

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
LONGEST_WORDS = 350_000
"""Words beyond which a text is not compared, however few its characters. ``LONGEST`` was
sized on English, about 5.7 characters a word (2M characters: 348,000 words); in Chinese
or Japanese each character is a word, so 2M characters are 1.8M words, and a paste of
them took 18 s and 630 MB. At 350,000 words counting, sampling and two shingle sets take
about the same in either (English, 2M characters: 1.5 s CPU, +113 MB; Chinese, 400,000
characters, 373,000 words: 1.2 s, +121 MB)."""

LONGEST_PHRASE = 100
"""Characters beyond which a widened sampled phrase gives way to the next shingle: in
Chinese or Japanese a phrase is widened to the whole runs of letters the search index
holds as words (a clause, from one punctuation mark to the next). A short clause is the
likeliest to be found unchanged in an edited copy."""
LONGEST_RUNS = 300
"""Characters beyond which a widened phrase is never asked: text with hardly any
punctuation (OCR that lost it, classical Chinese) has runs of a line or a paragraph, and
one of those still stands for a part of an article (the old code, one word a run, found
such copies); a run of thousands is most of the text."""
WALK = 100
"""How many shingle starts a sample tries, from its own on, for a phrase that fits (never
reaching the next sample's): five characters that straddle two clauses of 50 step into
the second, and the walk stays a few milliseconds however long the text."""

_RUN = re.compile(r"[^\W_]+")  # letters and digits: a word as SQLite FTS5's unicode61 splits them


@functools.cache
def _word() -> re.Pattern[str]:
    """Within a run that holds Chinese or Japanese: each such character, and the rest as
    runs (compiled on first use, see spaceless.py)."""
    return re.compile(f"[{SPACELESS}]|[^\\W_{SPACELESS}]+")


class Likeness(Record, frozen=True):
    """How two texts overlap: ``shared`` is the share of the shorter one's shingles that
    the longer holds (0.0 to 1.0); ``first_shorter`` says which one that is. ``near``: a
    near copy; ``contained``: no copy, but the shorter is nearly all in the longer, which
    is more than twice as long (an excerpt, or a short item a feature quotes whole)."""

    shared: float
    first_shorter: bool
    near: bool
    contained: bool = False


def _word_pattern(text: str) -> re.Pattern[str]:
    """What splits ``text`` into words: runs of letters and digits, or in a text that holds
    Chinese or Japanese, each such character and the rest as runs (the same words, found
    over the whole text at once)."""
    return _word() if has_spaceless(text) else _RUN


def word_count(text: str) -> int:
    """How many words ``text`` has, as ``shingles`` counts them (none kept: cheap)."""
    return _word_pattern(text).subn("", text)[1]


def shingles(text: str) -> frozenset[int]:
    """A hash of each run of ``SHINGLE_WORDS`` casefolded words (a shorter text: none).

    Python's own hash of the words: compared within one run only, never stored. Each word
    is casefolded alone (casefolding the whole text could split a word: İ becomes i and a
    combining dot).
    """
    w = [word.casefold() for word in _word_pattern(text).findall(text)]
    return frozenset(map(hash, zip(*(w[i:] for i in range(SHINGLE_WORDS)), strict=False)))


def sample_phrases(text: str, count: int = SAMPLE_SIZE) -> list[str]:
    """Up to ``count`` shingles of ``text``, spread evenly over it, as they are written there.

    Each phrase is the text from its first word's start to its last word's end, with
    control characters made spaces (they are never words), so a full-text index splits it
    into words just as it split the article. The index (FTS5's unicode61) holds a run of
    Chinese or Japanese characters between two punctuation marks as one word and finds
    only whole words, so there a phrase is widened to the whole runs it touches. One
    that would then be longer than ``LONGEST_PHRASE`` moves on to the next shingle
    (``WALK`` at most, never as far as the next sample); when none of those fits, the
    shortest of them is taken if it is at most ``LONGEST_RUNS`` long. A second sample
    widened to the same phrase is not asked twice. Words are found as they are needed,
    never kept for the whole text.
    """
    pattern = _word_pattern(text)
    last = pattern.subn("", text)[1] - SHINGLE_WORDS  # the index of the last shingle's first word
    if last < 0 or count < 1:
        return []
    starts = sorted({round(i * last / max(count - 1, 1)) for i in range(count)})
    steps = [min(WALK, after - s) for s, after in zip(starts, [*starts[1:], last + 1], strict=True)]
    spans: dict[tuple[int, int], None] = {}  # in order, each once
    for at, walk in zip(_word_starts(pattern, text, starts), steps, strict=True):
        span = _walked_span(text, _shingle_spans(pattern, text, at, walk))
        if span is not None:
            spans[span] = None
    return [
        "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text[start:end])
        for start, end in spans
    ]


def _word_starts(pattern: re.Pattern[str], text: str, indices: list[int]) -> list[int]:
    """Where each of the words numbered ``indices`` (in order, each once, all in the text)
    begins: one pass, keeping no other word."""
    each, at, found = pattern.finditer(text), 0, []
    for index in indices:
        found.append(next(itertools.islice(each, index - at, None)).start())  # skipped in C
        at = index + 1
    return found


def _shingle_spans(
    pattern: re.Pattern[str], text: str, at: int, count: int
) -> Iterator[tuple[int, int]]:
    """From the first word's start to the last word's end of ``count`` shingles (at most),
    the first of them beginning with the word that begins at ``at``, as they are needed."""
    words = pattern.finditer(text, at)
    window = collections.deque(itertools.islice(words, SHINGLE_WORDS - 1), maxlen=SHINGLE_WORDS)
    for word in itertools.islice(words, count):
        window.append(word)
        yield window[0].start(), word.end()


def _walked_span(text: str, shingles: Iterable[tuple[int, int]]) -> tuple[int, int] | None:
    """The first of these shingles' spans that the index finds as written (no widening)
    or once widened to its words, at most ``LONGEST_PHRASE`` long; failing that, the
    shortest widened to at most ``LONGEST_RUNS``, if any."""
    shortest: tuple[int, int] | None = None
    for start, end in shingles:
        span = _indexed_span(text, start, end)
        if span == (start, end) or span[1] - span[0] <= LONGEST_PHRASE:
            return span
        if span[1] - span[0] <= LONGEST_RUNS and (
            shortest is None or span[1] - span[0] < shortest[1] - shortest[0]
        ):
            shortest = span
    return shortest


def _in_index_word(ch: str) -> bool:
    """Whether the index (unicode61) keeps ``ch`` inside a word: letters and digits, as
    ``str.isalnum()`` (re's ``[^\\W_]``), and private-use characters (PDFs with broken
    font maps put them into text) and unassigned ones, which Python does not count."""
    return ch.isalnum() or unicodedata.category(ch) in ("Co", "Cn")


def _indexed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` moved out to the ends of the index's words they fall inside
    (only ever inside a run of Chinese or Japanese, or beside a private-use character),
    stopping once it is longer than ``LONGEST_RUNS``: so long a phrase is never asked."""
    limit = LONGEST_RUNS + 1
    while start > 0 and _in_index_word(text[start - 1]) and end - start <= limit:
        start -= 1
    while end < len(text) and _in_index_word(text[end]) and end - start <= limit:
        end += 1
    return start, end


def likeness(first: frozenset[int], second: frozenset[int]) -> Likeness:
    """How much of the shorter shingle set the other holds, and whether that is a near copy."""
    first_shorter = len(first) <= len(second)
    shorter, longer = (first, second) if first_shorter else (second, first)
    if not shorter:
        return Likeness(0.0, first_shorter, near=False)
    shared = len(shorter & longer) / len(shorter)
    most = shared >= NEAR_SHARE and len(shorter) >= MIN_SHINGLES
    near = most and len(shorter) >= LENGTH_RATIO * len(longer)
    return Likeness(shared, first_shorter, near, contained=most and not near)


def percent(share: float) -> int:
    """A share as a whole percentage that never rounds a near copy up to a full 100."""
    whole = round(share * 100)
    return 99 if whole == 100 and share < 1.0 else whole
