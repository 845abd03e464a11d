"""Keyword suggestions: which sentences of an article look most like they belong to a theme.

Standard library only. A suggestion is a whole sentence (never a heading, never
across blocks) whose theme keywords (``briefer.core.keywords``) score high enough,
and that is not tagged yet. Only the strongest few per article are offered: an
underline on every sentence that mentions "market" tells the analyst nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from briefer.core.keywords import Hit, KeywordMatcher, KeywordRule, keyword_rule
from briefer.core.model import BLOCK_SEPARATOR, Article, Block, BlockKind, Passage, Theme
from briefer.core.record import Record
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

MIN_SCORE = 1.0
"""A sentence is suggested only when its score for a theme reaches this (see ``score``)."""

SPREAD = 0.25
"""A keyword found in more than this share of an article's sentences (and in more than
two of them) weighs less there."""

DEFAULT_LIMIT = 8
"""Suggestions shown per article unless the analyst chose otherwise (Preferences)."""


class Suggestion(Record, frozen=True):
    """A sentence ``[start, end)`` that keywords tie to a theme, and how strongly.

    ``keyword`` is the strongest keyword found in it; ``keywords`` all of them,
    strongest first.
    """

    start: int
    end: int
    theme_id: int
    keyword: str
    score: float = 0.0
    keywords: tuple[str, ...] = ()


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
    """Sentences of suggestible blocks, each block cut when first asked about."""

    def __init__(self, article: Article) -> None:
        self.text = article.text
        self.blocks = sorted(
            (b for b in article_blocks(article) if b.kind is not BlockKind.HEADING),
            key=lambda b: b.start,
        )
        self._cache: dict[int, list[Span]] = {}

    def block_sentences(self, i: int) -> list[Span]:
        """The sentences of the ``i``-th suggestible block, in order."""
        found = self._cache.get(i)
        if found is None:
            block = self.blocks[i]
            found = self._cache[i] = sentences(self.text, block.start, block.end)
        return found

    def sentence_count(self) -> int:
        """How many sentences the suggestible blocks hold."""
        return sum(len(self.block_sentences(i)) for i in range(len(self.blocks)))


def _covered(sentence: Span, tagged: list[Span], tagged_starts: list[int]) -> bool:
    covered = 0
    i = bisect.bisect_left(tagged_starts, sentence[1]) - 1
    while i >= 0 and tagged[i][1] > sentence[0]:
        covered += min(sentence[1], tagged[i][1]) - max(sentence[0], tagged[i][0])
        i -= 1
    return covered > COVERED_FRACTION * (sentence[1] - sentence[0])


def _distinct(hits: list[Hit]) -> list[KeywordRule]:
    """The keywords of one sentence, each once; a word inside a longer match found there
    ("trade" inside "trade deficit") does not count again."""
    rules: dict[str, KeywordRule] = {}
    reach = -1
    for start, end, rule, _ in hits:  # in text order, longer first at one start
        if start >= reach:
            rules.setdefault(rule.keyword.lower(), rule)
        reach = max(reach, end)
    return list(rules.values())


def score(rules: Sequence[KeywordRule], spread: dict[str, int], sentences: int) -> float:
    """How strongly a sentence's keywords (``rules``, each counted once) tie it to a theme.

    A phrase weighs as many words as it has; a word, with or without ``*``, one.
    ``spread`` says in how many of the article's ``sentences`` each keyword was
    found: one found in more than ``SPREAD`` of them (and in more than two) is what
    the whole article is about, not a pointer to this sentence, so its weight
    shrinks in proportion ("export*" in half of a trade story's sentences counts half).
    """
    share = max(2.0, SPREAD * sentences)
    return sum(r.words * min(1.0, share / spread[r.keyword]) for r in rules)


def suggest(
    article: Article,
    themes: Sequence[Theme],
    passages: Sequence[Passage] = (),
    dismissed: set[tuple[int, int, int]] | frozenset[tuple[int, int, int]] = frozenset(),
    limit: int | None = DEFAULT_LIMIT,
    *,
    min_score: float = MIN_SCORE,
) -> list[Suggestion]:
    """The sentences most worth tagging, strongest first, at most ``limit`` of them.

    A sentence is scored for each theme whose keywords it holds (``score``) and
    suggested when it reaches ``min_score``; ties go to the earlier sentence, since
    news puts its point first. Sentences already covered by passages
    of that theme (more than half of the sentence, counting their union) are skipped,
    and so is every ``(start, end, theme_id)`` the analyst dismissed; the limit counts
    what is left, so tagging one brings the next forward. Themes without an id (not
    stored yet) cannot be suggested. ``limit=None`` returns every sentence that scores.
    """
    found = scored_sentences(article, themes, min_score=min_score)
    return pick_suggestions(found, passages, dismissed, limit)


def scored_sentences(
    article: Article, themes: Sequence[Theme], *, min_score: float = MIN_SCORE
) -> list[Suggestion]:
    """Every sentence reaching ``min_score`` for a theme, strongest first, before passages
    and dismissals count: the costly part of ``suggest`` (seconds on a 20 MB article),
    which tagging does not change, so a caller may keep it while the themes stay."""
    index = _SentenceIndex(article)
    live = [t for t in themes if t.id is not None]
    groups = [[r for k in dict.fromkeys(t.keywords) if (r := keyword_rule(k))] for t in live]
    matcher = KeywordMatcher(groups)
    text = article.text
    found: dict[tuple[Span, int], list[Hit]] = {}
    for i, block in enumerate(index.blocks):
        hits = matcher.hits(text, block.start, block.end)
        if not hits:
            continue
        spans = index.block_sentences(i)
        at = 0
        for hit in hits:
            while at < len(spans) and spans[at][1] <= hit[0]:
                at += 1
            # Outside every sentence (white space), or a phrase running on into the next
            # sentence: not a hit in this one.
            if at < len(spans) and spans[at][0] <= hit[0] and hit[1] <= spans[at][1]:
                found.setdefault((spans[at], hit[3]), []).append(hit)
    keywords = {key: _distinct(hits) for key, hits in found.items()}
    spread: list[dict[str, int]] = [{} for _ in live]
    for (_, group), rules in keywords.items():
        for rule in rules:
            spread[group][rule.keyword] = spread[group].get(rule.keyword, 0) + 1
    count = index.sentence_count() if found else 0
    scored: list[Suggestion] = []
    for (sentence, group), rules in keywords.items():
        theme_id = live[group].id
        assert theme_id is not None
        value = score(rules, spread[group], count)
        if value < min_score:
            continue
        ranked = sorted(rules, key=lambda r: -r.words)
        names = tuple(r.keyword for r in ranked)
        scored.append(Suggestion(sentence[0], sentence[1], theme_id, names[0], value, names))
    scored.sort(key=lambda s: (-s.score, s.start, s.theme_id))
    return scored


def pick_suggestions(
    scored: Sequence[Suggestion],
    passages: Sequence[Passage] = (),
    dismissed: set[tuple[int, int, int]] | frozenset[tuple[int, int, int]] = frozenset(),
    limit: int | None = DEFAULT_LIMIT,
) -> list[Suggestion]:
    """``scored`` (from ``scored_sentences``, in its order) without the dismissed and the
    already tagged sentences, at most ``limit`` of them (see ``suggest``)."""
    picked: list[Suggestion] = []
    tagged_by_theme: dict[int, tuple[list[Span], list[int]]] = {}
    for found in scored:
        if limit is not None and len(picked) >= max(0, limit):
            break
        if (found.start, found.end, found.theme_id) in dismissed:
            continue
        theme_id = found.theme_id
        if theme_id not in tagged_by_theme:
            tagged = merge((p.start, p.end) for p in passages if theme_id in p.theme_ids)
            tagged_by_theme[theme_id] = (tagged, [s for s, _ in tagged])
        if _covered((found.start, found.end), *tagged_by_theme[theme_id]):
            continue
        picked.append(found)
    return picked
