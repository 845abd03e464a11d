"""Word shingles and the near-copy rule, on real-ish articles (tests/data/likeness)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.likeness import (
    MIN_SHINGLES,
    NEAR_SHARE,
    likeness,
    percent,
    sample_phrases,
    shingles,
)

DATA = Path(__file__).parent.parent / "data" / "likeness"


def text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_shingles_are_five_casefolded_words_whatever_the_punctuation() -> None:
    assert shingles("The port of Varna reopened.") == shingles("the PORT, of varna — Reopened")
    assert len(shingles("one two three four five six")) == 2
    assert shingles("one two three four") == frozenset()
    assert shingles("Straße am Hafen wird gesperrt") == shingles("STRASSE am Hafen wird gesperrt")


def test_sample_phrases_are_written_as_in_the_text_and_spread_over_it() -> None:
    body = "Alpha beta, gamma delta\nepsilon zeta eta theta iota kappa lambda mu."
    phrases = sample_phrases(body, count=3)
    assert phrases[0] == "Alpha beta, gamma delta epsilon"  # the line break made a space
    assert phrases[-1] == "theta iota kappa lambda mu"
    assert len(phrases) == 3 and all(p in body.replace("\n", " ") for p in phrases)
    assert sample_phrases("too short to sample") == []


def test_a_copy_with_a_sentence_more_is_near_and_its_share_is_of_the_shorter() -> None:
    story = text("smelter-herald.txt")
    longer = (
        story + "\n\nThe union will hold a meeting on Friday to explain the agreement to members."
    )
    found = likeness(shingles(longer), shingles(story))
    assert found.near and found.shared == 1.0 and not found.first_shorter
    assert likeness(shingles(story), shingles(longer)).first_shorter


@pytest.mark.parametrize(
    ("first", "second", "most"),
    [
        ("smelter-herald.txt", "smelter-post.txt", 0.2),  # one wire story, two papers' words
        ("speech-brief.txt", "speech-daily.txt", 0.8),  # the same long quote, short articles
        ("speech-brief.txt", "speech-feature.txt", 0.9),  # ... a third of a feature's length
        ("brent-tuesday.txt", "brent-wednesday.txt", 0.4),  # two briefs of a stock template
    ],
)
def test_articles_that_only_share_words_are_not_copies(
    first: str, second: str, most: float
) -> None:
    found = likeness(shingles(text(first)), shingles(text(second)))
    assert found.shared < most
    assert not found.near


def test_two_short_briefs_are_never_copies_even_when_the_same() -> None:
    brief = "Brent crude rose 1.2% to $84.10 a barrel on Tuesday, traders said."
    assert len(shingles(brief)) < MIN_SHINGLES
    assert not likeness(shingles(brief), shingles(brief)).near


def test_the_threshold_and_the_percentage() -> None:
    assert 0.8 <= NEAR_SHARE <= 0.9
    assert percent(0.999) == 99 and percent(1.0) == 100 and percent(0.914) == 91
