"""Keyword-rule suggestions: which sentences of an article look like they belong to a theme.

Standard library only. A suggestion is a whole sentence (never a heading, never
across blocks) that contains one of a theme's keywords and is not tagged yet.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefer.core.model import BLOCK_SEPARATOR, Article, Block, BlockKind, Passage, Theme
from briefer.core.spans import Span, merge

# Words that end with a full stop without ending the sentence. Compared lower
# case and without the stop; runs of single letters (U.S., e.g., J.) are
# recognised separately, so they need no entry here.
ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "messrs", "dr", "prof", "st", "jr", "sr", "rev", "hon", "gen", "col",
    "lt", "sgt", "capt", "cmdr", "adm", "maj", "gov", "sen", "rep", "pres", "amb", "sec",
    "dept", "inc", "ltd", "co", "corp", "plc", "bros", "llc", "vs", "etc", "al", "approx",
    "cf", "fig", "figs", "no", "nos", "vol", "vols", "pp", "ed", "eds", "est", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed",
    "thu", "fri", "sat", "sun",
))  # fmt: skip

# A sentence may end at . ! or ? (and any closing quotes or brackets) followed
# by white space; whether it really ends depends on what comes next.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’»)\]]*(\s+)")
_OPENERS = "\"'“‘«(["
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")

COVERED_FRACTION = 0.5
"""A sentence counts as already tagged once more than this share of it lies in passages."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A sentence ``[start, end)`` that the keyword ``keyword`` ties to a theme."""

    start: int
    end: int
    theme_id: int
    keyword: str


def keyword_pattern(keyword: str) -> str | None:
    """The regular expression (without boundaries) for one keyword, or None when blank.

    Words of a phrase match across any run of white space, because importers
    keep the line breaks of their sources.
    """
    word = keyword.strip()
    star = word.endswith("*")
    word = word.rstrip("*").strip()
    if not word:
        return None
    body = r"\s+".join(re.escape(part) for part in word.split())
    return body + (r"\w*" if star else "")


def theme_regex(keywords: Iterable[str]) -> tuple[re.Pattern[str], list[str]] | None:
    """One combined pattern for all of a theme's keywords, and the keyword of each group.

    Longer keywords come first so a phrase wins over a word it starts with.
    ``(?<!\\w)``/``(?!\\w)`` rather than ``\\b`` so keywords ending in
    punctuation ("U.S.") still match.
    """
    pairs = [(k, p) for k in dict.fromkeys(keywords) if (p := keyword_pattern(k)) is not None]
    if not pairs:
        return None
    pairs.sort(key=lambda kp: -len(kp[0]))
    groups = "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(pairs))
    pattern = re.compile(rf"(?<!\w)(?:{groups})(?!\w)", re.IGNORECASE)
    return pattern, [k.strip() for k, _ in pairs]


def _ends_sentence(text: str, stop: int, next_at: int, end: int) -> bool:
    """Whether the terminator at ``stop`` ends a sentence, given the next word at ``next_at``."""
    if next_at >= end:
        return False
    nxt = text[next_at]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    if text[stop] != ".":
        return True
    word_start = stop
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:stop].lstrip(_OPENERS)
    if not word:
        return True
    if _INITIALS.match(word) or word.lower() in ABBREVIATIONS:
        return False
    return not (word.isdigit() and nxt.isdigit())


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The sentences of ``text[start:end]`` as spans of ``text``, white space trimmed."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _ends_sentence(text, match.start(), match.end(), end):
            spans.append((cursor, match.start(1)))
            cursor = match.end()
    spans.append((cursor, end))
    result = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            result.append((s, e))
    return result


def article_blocks(article: Article) -> tuple[Block, ...]:
    """The article's blocks, or paragraphs cut at block separators when it has none."""
    if article.blocks:
        return article.blocks
    blocks = []
    at = 0
    for part in article.text.split(BLOCK_SEPARATOR):
        blocks.append(Block(BlockKind.PARAGRAPH, at, at + len(part)))
        at += len(part) + len(BLOCK_SEPARATOR)
    return tuple(blocks)


class _SentenceIndex:
    """Sentences of suggestible blocks, cut only for blocks where a keyword matched."""

    def __init__(self, article: Article) -> None:
        self.text = article.text
        self.blocks = sorted(
            (b for b in article_blocks(article) if b.kind is not BlockKind.HEADING),
            key=lambda b: b.start,
        )
        self.starts = [b.start for b in self.blocks]
        self._cache: dict[int, tuple[list[int], list[Span]]] = {}

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence holding ``offset``, or None outside suggestible blocks."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0 or offset >= self.blocks[i].end:
            return None
        if i not in self._cache:
            found = sentences(self.text, self.blocks[i].start, self.blocks[i].end)
            self._cache[i] = ([s for s, _ in found], found)
        starts, found = self._cache[i]
        j = bisect.bisect_right(starts, offset) - 1
        if j < 0 or offset >= found[j][1]:
            return None
        return found[j]

    def block_end(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset)
        return self.starts[i] if i < len(self.starts) else len(self.text)


def _covered(sentence: Span, tagged: list[Span], tagged_starts: list[int]) -> bool:
    covered = 0
    i = bisect.bisect_left(tagged_starts, sentence[1]) - 1
    while i >= 0 and tagged[i][1] > sentence[0]:
        covered += min(sentence[1], tagged[i][1]) - max(sentence[0], tagged[i][0])
        i -= 1
    return covered > COVERED_FRACTION * (sentence[1] - sentence[0])


def suggest(
    article: Article,
    themes: Sequence[Theme],
    passages: Sequence[Passage] = (),
    dismissed: set[tuple[int, int, int]] | frozenset[tuple[int, int, int]] = frozenset(),
) -> list[Suggestion]:
    """Sentences worth tagging, one per (sentence, theme), ordered by start then theme.

    Sentences already covered by passages of that theme (more than half of
    the sentence, counting their union) are skipped, and so is every
    ``(start, end, theme_id)`` the analyst dismissed. Themes without an id
    (not stored yet) cannot be suggested.
    """
    index = _SentenceIndex(article)
    text = article.text
    found: list[Suggestion] = []
    for theme in themes:
        compiled = theme_regex(theme.keywords) if theme.id is not None else None
        if compiled is None or theme.id is None:
            continue
        pattern, names = compiled
        tagged = merge((p.start, p.end) for p in passages if theme.id in p.theme_ids)
        tagged_starts = [s for s, _ in tagged]
        pos = 0
        while (match := pattern.search(text, pos)) is not None:
            sentence = index.sentence_at(match.start())
            if sentence is None:
                pos = max(match.start() + 1, index.block_end(match.start()))
                continue
            if match.end() > sentence[1]:
                # A phrase running on into the next sentence is not a hit in this one.
                pos = match.start() + 1
                continue
            pos = sentence[1]
            triple = (sentence[0], sentence[1], theme.id)
            if triple in dismissed or _covered(sentence, tagged, tagged_starts):
                continue
            keyword = names[int(match.lastgroup[1:])] if match.lastgroup else ""
            found.append(Suggestion(sentence[0], sentence[1], theme.id, keyword))
    found.sort(key=lambda s: (s.start, s.theme_id))
    return found
