"""Span arithmetic: the properties highlights and passages rely on."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from briefer.core.spans import (
    clamp,
    contains,
    intersection,
    merge,
    overlaps,
    segments,
    snap_to_words,
    subtract,
)

positions = st.integers(min_value=-20, max_value=120)
spans = st.tuples(positions, positions).map(lambda s: (min(s), max(s)))
span_lists = st.lists(spans, max_size=12)


def covered(span_list: list[tuple[int, int]]) -> set[int]:
    return {i for s, e in span_list for i in range(s, e)}


@given(span_lists)
def test_merge_covers_exactly_the_same_characters(items: list[tuple[int, int]]) -> None:
    assert covered(merge(items)) == covered(items)


@given(span_lists)
def test_merged_spans_are_sorted_disjoint_and_not_touching(items: list[tuple[int, int]]) -> None:
    merged = merge(items)
    for (_, end), (start, _) in itertools.pairwise(merged):
        assert end < start
    assert all(s < e for s, e in merged)


@given(spans, spans)
def test_overlap_is_symmetric_and_matches_shared_characters(
    a: tuple[int, int], b: tuple[int, int]
) -> None:
    assert overlaps(a, b) == overlaps(b, a)
    assert overlaps(a, b) == bool(covered([a]) & covered([b]))
    inter = intersection(a, b)
    assert (inter is not None) == overlaps(a, b)
    if inter is not None:
        assert covered([inter]) == covered([a]) & covered([b])


@given(spans, st.integers(min_value=0, max_value=100))
def test_clamp_stays_inside_the_text(span: tuple[int, int], length: int) -> None:
    start, end = clamp(span, length)
    assert 0 <= start <= end <= length
    assert covered([(start, end)]) == covered([span]) & set(range(length))


@given(spans, span_lists)
def test_subtract_leaves_what_no_hole_covers(
    span: tuple[int, int], holes: list[tuple[int, int]]
) -> None:
    pieces = subtract(span, holes)
    assert covered(pieces) == covered([span]) - covered(holes)
    assert all(contains(span, p) for p in pieces)


@given(span_lists)
def test_segments_partition_the_union_and_name_every_cover(items: list[tuple[int, int]]) -> None:
    segs = segments(items)
    assert covered([s for s, _ in segs]) == covered(items)
    for (start, end), owners in segs:
        for index, (s, e) in enumerate(items):
            assert (index in owners) == (s <= start and end <= e)


def test_overlapping_passages_give_three_segments() -> None:
    assert segments([(0, 10), (5, 15)]) == [
        ((0, 5), frozenset({0})),
        ((5, 10), frozenset({0, 1})),
        ((10, 15), frozenset({1})),
    ]


def test_snap_widens_partial_words_and_trims_spaces() -> None:
    text = "India and Russia signed a trade deal with care."
    start = text.index("rade")
    assert text[slice(*snap_to_words(text, (start, start + 8)))] == "trade deal"
    space = text.index(" ")
    start, end = snap_to_words(text, (space, space + 1))
    assert start == end


def test_snap_keeps_hyphenated_words_whole() -> None:
    text = "The India-Russia summit"
    start = text.index("Russia")
    assert text[slice(*snap_to_words(text, (start + 1, start + 3)))] == "India-Russia"


@given(st.text(alphabet="ab -.\n", max_size=40), spans)
def test_snap_result_is_inside_text_and_never_starts_or_ends_in_space(
    text: str, span: tuple[int, int]
) -> None:
    start, end = snap_to_words(text, span)
    assert 0 <= start <= end <= len(text)
    if start < end:
        assert not text[start].isspace() and not text[end - 1].isspace()
