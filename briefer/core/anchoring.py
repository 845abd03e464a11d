"""Anchoring passages to article text, in the spirit of the W3C text-quote selector.

A passage keeps a copy of its words and a little context either side. If the
offsets ever stop pointing at those words (a re-extraction, a bug), the quote
and its context find the right place again, or say honestly that they cannot.
"""

from __future__ import annotations

import re

from briefer.core.record import Record
from briefer.core.spans import Span, clamp

CONTEXT_CHARS = 32


class TextQuote(Record, frozen=True):
    """The exact words of a passage and the characters just before and after."""

    exact: str
    prefix: str
    suffix: str


def quote_at(text: str, span: Span, context: int = CONTEXT_CHARS) -> TextQuote:
    start, end = clamp(span, len(text))
    return TextQuote(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def _common_suffix_len(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix_len(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def reanchor(text: str, quote: TextQuote, hint: Span | None = None) -> Span | None:
    """Find where ``quote`` stands in ``text`` now.

    The hinted span wins when it still holds the exact words. Otherwise every
    occurrence of the words is scored by how much of the remembered context
    surrounds it, ties going to the one nearest the hint. ``None`` when the
    words are gone.
    """
    if not quote.exact:
        return None
    if hint is not None and text[hint[0] : hint[1]] == quote.exact:
        return hint
    best: tuple[int, int, Span] | None = None
    for match in re.finditer(re.escape(quote.exact), text):
        start, end = match.span()
        score = _common_suffix_len(text[:start], quote.prefix) + _common_prefix_len(
            text[end:], quote.suffix
        )
        distance = abs(start - hint[0]) if hint is not None else start
        candidate = (-score, distance, (start, end))
        if best is None or candidate < best:
            best = candidate
    return best[2] if best is not None else None
