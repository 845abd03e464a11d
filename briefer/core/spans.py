"""Span arithmetic over canonical text: overlap, merge, clamp, snap to words.

A span is a half-open ``(start, end)`` pair of ints. Pure functions only.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

Span = tuple[int, int]


def is_empty(span: Span) -> bool:
    return span[1] <= span[0]


def overlaps(a: Span, b: Span) -> bool:
    """True when the spans share at least one character (touching is not overlap).

    An empty span shares no character, so it overlaps nothing, even inside another.
    """
    return a[0] < a[1] and b[0] < b[1] and a[0] < b[1] and b[0] < a[1]


def intersection(a: Span, b: Span) -> Span | None:
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start < end else None


def contains(outer: Span, inner: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def clamp(span: Span, length: int) -> Span:
    """Fit a span inside a text of ``length`` characters, keeping start <= end."""
    start = min(max(span[0], 0), length)
    end = min(max(span[1], start), length)
    return (start, end)


def merge(spans: Iterable[Span]) -> list[Span]:
    """Union of spans: sorted, with overlapping or touching spans joined, empties dropped."""
    merged: list[Span] = []
    for start, end in sorted(s for s in spans if not is_empty(s)):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def subtract(span: Span, holes: Iterable[Span]) -> list[Span]:
    """The parts of ``span`` not covered by any of ``holes``."""
    pieces: list[Span] = []
    cursor = span[0]
    for start, end in merge(holes):
        if end <= cursor or start >= span[1]:
            continue
        if start > cursor:
            pieces.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < span[1]:
        pieces.append((cursor, span[1]))
    return pieces


def segments(spans: Iterable[Span]) -> list[tuple[Span, frozenset[int]]]:
    """Cut overlapping spans into disjoint segments, each with the indexes covering it.

    This is what lets overlapping passages all stay visible: a view paints
    each segment with every theme of the passages that cover it.
    """
    items = [s for s in spans]
    cuts = sorted({p for s in items if not is_empty(s) for p in s})
    result: list[tuple[Span, frozenset[int]]] = []
    for start, end in itertools.pairwise(cuts):
        covering = frozenset(i for i, s in enumerate(items) if s[0] <= start and end <= s[1])
        if covering:
            result.append(((start, end), covering))
    return result


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’-"


def snap_to_words(text: str, span: Span) -> Span:
    """Widen a selection to whole words and trim surrounding white space.

    Selecting "rade deal wi" in "trade deal with" gives "trade deal with";
    a selection of only spaces or punctuation comes back empty.
    """
    start, end = clamp(span, len(text))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return (start, start)
    while start > 0 and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
        start -= 1
    while end < len(text) and _is_word_char(text[end]) and _is_word_char(text[end - 1]):
        end += 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return (start, start)
    return (start, end)
