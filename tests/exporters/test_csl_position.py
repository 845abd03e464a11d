"""CSL 1.0.2 positions, against the specification's rules and the CSL test suite's cases."""

from __future__ import annotations

from briefer.exporters.csl_position import (
    FIRST,
    IBID,
    IBID_WITH_LOCATOR,
    NEAR_NOTE,
    SUBSEQUENT,
    Citation,
    Cite,
    decide_positions,
)


def _names(citations: list[Citation]) -> list[list[str]]:
    return [[p.name for p in cites] for cites in decide_positions(citations)]


def _notes(*groups: tuple[Cite, ...]) -> list[Citation]:
    """One citation per note, numbered 1, 2, ... as footnotes are."""
    return [Citation(cites, note) for note, cites in enumerate(groups, 1)]


def test_first_then_ibid_then_subsequent_after_another_item() -> None:
    a, b = Cite("a"), Cite("b")
    assert _names(_notes((a,), (a,), (a,), (b,), (a,))) == [
        [FIRST],
        [IBID],
        [IBID],
        [FIRST],
        [SUBSEQUENT],
    ]


def test_ibid_implies_subsequent_and_ibid_with_locator_implies_ibid() -> None:
    """Spec: whenever ibid-with-locator tests true, ibid does; ibid implies subsequent."""
    positions = decide_positions(_notes((Cite("a"),), (Cite("a", "12"),)))
    second = positions[1][0]
    assert second.matches(IBID_WITH_LOCATOR) and second.matches(IBID)
    assert second.matches(SUBSEQUENT) and not second.matches(FIRST)


def test_locator_rules_of_the_specification() -> None:
    """Preceding cite without a locator: a locator makes ibid-with-locator, none ibid.
    Preceding cite with one: the same gives ibid, another ibid-with-locator, none only
    subsequent."""
    cases = [
        (Cite("a"), Cite("a"), IBID),
        (Cite("a"), Cite("a", "5"), IBID_WITH_LOCATOR),
        (Cite("a", "5"), Cite("a", "5"), IBID),
        (Cite("a", "5"), Cite("a", "6"), IBID_WITH_LOCATOR),
        (Cite("a", "5"), Cite("a"), SUBSEQUENT),
    ]
    for before, now, expected in cases:
        assert _names(_notes((before,), (now,)))[1] == [expected], (before, now)


def test_suite_simple_ibid_inside_one_citation() -> None:
    """CSL test suite, integration_SimpleIbid: "(Noakes p. 34; ibid.; Snoakes p. 45)"."""
    citations = _notes(
        (Cite("ITEM-1", "12"), Cite("ITEM-2", "23")),
        (Cite("ITEM-3", "34"), Cite("ITEM-3", "34"), Cite("ITEM-4", "45")),
    )
    assert _names(citations) == [[FIRST, FIRST], [FIRST, IBID, FIRST]]


def test_suite_ibid_with_different_locators() -> None:
    """CSL test suite, integration_IbidWithDifferentLocators: a new label is a new locator."""
    citations = _notes(
        (Cite("ITEM-1", "12"),),
        (Cite("ITEM-1", "12", "book"),),
        (Cite("ITEM-2", "20", "book"),),
        (Cite("ITEM-2", "20", "chapter"),),
    )
    assert _names(citations) == [[FIRST], [IBID_WITH_LOCATOR], [FIRST], [IBID_WITH_LOCATOR]]


def test_pandoc_locator_sequence() -> None:
    """pandoc's citeproc locator test: a locator, another, the same, none, then other item."""
    key = "citekey"
    citations = _notes(
        (Cite(key),),
        (Cite(key, "1"),),
        (Cite(key, "2"),),
        (Cite(key, "2"),),
        (Cite("other"),),
        (Cite(key, "3"),),
        (Cite(key, "3"),),
    )
    assert _names(citations) == [
        [FIRST],
        [IBID_WITH_LOCATOR],
        [IBID_WITH_LOCATOR],
        [IBID],
        [FIRST],
        [SUBSEQUENT],
        [IBID],
    ]


def test_no_ibid_after_a_citation_of_several_items() -> None:
    """Rule (b) needs the previous citation to be a single cite of the same item."""
    a, b = Cite("a"), Cite("b")
    assert _names(_notes((a, b), (b,))) == [[FIRST, FIRST], [SUBSEQUENT]]
    assert _names(_notes((a,), (a, b))) == [[FIRST], [IBID, FIRST]]


def test_near_note_counts_notes_and_first_reference_note_number() -> None:
    a = Cite("a")
    others = [(Cite(f"x{i}"),) for i in range(6)]
    citations = _notes((a,), *others[:4], (a,), *others, (a,))
    positions = decide_positions(citations, near_note_distance=5)
    near = positions[5][0]  # note 6: five notes after note 1, at the distance
    far = positions[-1][0]  # note 13: seven notes after note 6
    assert near.matches(NEAR_NOTE) and near.first_reference_note_number == 1
    assert not far.matches(NEAR_NOTE) and far.matches(SUBSEQUENT)
    assert far.first_reference_note_number == 1
