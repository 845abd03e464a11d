"""Word shingles and the near-copy rule, on real-ish articles (tests/data/likeness)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from briefer.core.likeness import (
    LONGEST_PHRASE,
    LONGEST_RUNS,
    MIN_SHINGLES,
    NEAR_SHARE,
    likeness,
    percent,
    sample_phrases,
    shingles,
    word_count,
)
from briefer.core.spaceless import SPACELESS

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


def test_in_chinese_and_japanese_each_character_is_a_word() -> None:
    """No spaces between their words: a clause is not one word, as it was to ``\\w+``."""
    assert len(shingles("临江市地铁5号线")) == 4  # 临 江 市 地 铁 5 号 线: eight words
    assert shingles("地铁5号线，今日开通。") == shingles("地铁5号线今日开通")
    assert len(shingles("東京都は１５日、新たな対策を発表した")) == 12  # 16 words, １５ one
    assert len(shingles("ＧＤＰ　コロナウイルス")) == 4  # ＧＤＰ one word, ー one more
    # Korean puts spaces between words: five of them are one shingle, as in English.
    assert len(shingles("서울시는 15일 새로운 대책을 발표했다")) == 1


def test_only_letters_count_as_words_of_a_script_without_spaces() -> None:
    """Every character taken as a word of its own is a letter (or a numeral such as 〇),
    so none of them is punctuation that SQLite's index would skip."""
    each = re.compile(f"[{SPACELESS}]")
    assert [hex(c) for c in range(0x110000) if each.match(chr(c)) and not chr(c).isalnum()] == []
    assert not each.match("・") and not each.match("。") and not each.match("한")


@pytest.mark.parametrize(
    ("first", "second", "near", "most"),
    [
        ("zh-metro-daily.txt", "zh-metro-portal.txt", True, 1.0),  # a reprint, lightly edited
        ("zh-metro-daily.txt", "zh-metro-evening.txt", False, 0.1),  # another paper's report
        ("zh-metro-portal.txt", "zh-metro-evening.txt", False, 0.1),
        ("ja-railway-shimbun.txt", "ja-railway-web.txt", True, 1.0),  # a web copy
    ],
)
def test_chinese_and_japanese_copies_are_near_and_other_reports_are_not(
    first: str, second: str, near: bool, most: float
) -> None:
    found = likeness(shingles(text(first)), shingles(text(second)))
    assert found.near is near and found.shared < most
    assert not near or found.shared >= 0.9


def test_chinese_phrases_are_whole_runs_between_punctuation() -> None:
    """SQLite's index holds a clause of Chinese as one word and finds whole words only:
    each phrase begins and ends where the text has punctuation (or begins or ends)."""
    story = text("zh-metro-daily.txt")
    phrases = sample_phrases(story)
    assert len(phrases) == 8 and phrases[0] == "临江地铁5号线今日开通"
    for phrase in phrases:
        at = story.index(phrase)
        assert at == 0 or not story[at - 1].isalnum()
        assert not story[at + len(phrase) : at + len(phrase) + 1].isalnum()
        assert len(phrase) <= LONGEST_PHRASE
    assert sample_phrases("临" * (LONGEST_RUNS + 1)) == []  # no punctuation: no phrase


def _hanzi(rng: random.Random, count: int) -> str:
    return "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(count))


def test_a_text_of_long_runs_still_gives_phrases_each_a_whole_run() -> None:
    """OCR that lost the punctuation, or classical Chinese: each line a run of 110 to 160
    characters, longer than a clause. Each phrase is then a whole line."""
    rng = random.Random(3)
    lines = [_hanzi(rng, rng.randint(110, 160)) for _ in range(30)]
    phrases = sample_phrases("\n\n".join(lines))
    assert len(phrases) == 8 and all(phrase in lines for phrase in phrases)


def test_a_sample_across_two_clauses_moves_on_to_the_next_shingle() -> None:
    """The first five characters run from a three-character heading into a clause of 98:
    a phrase of 102. The sample moves on into the clause, so the text still gives eight."""
    rng = random.Random(5)
    clauses = [_hanzi(rng, 3)] + [_hanzi(rng, 98) for _ in range(20)]
    phrases = sample_phrases("，".join(clauses))
    assert len(phrases) == 8 and phrases[0] == clauses[1]
    assert all(phrase in clauses for phrase in phrases)


def test_word_count_is_the_words_shingles_are_made_of() -> None:
    assert word_count("The port of Varna, reopened.") == 5
    assert word_count("临江市地铁5号线，今日开通。") == 12  # 5 one word, each character one
    assert len(shingles("临江市地铁5号线，今日开通。")) == 12 - 4


def test_an_excerpt_of_a_long_article_is_contained_not_a_copy() -> None:
    """Two paragraphs of a story pasted on their own: all of them are in the story, which
    is far longer, so no copy, yet worth naming; a copy is never also "contained"."""
    story = text("speech-feature.txt")
    paragraphs = [p for p in story.split("\n\n") if len(p.split()) > 25]
    excerpt = "\n\n".join(paragraphs[1:3])
    assert len(shingles(excerpt)) < 0.5 * len(shingles(story))
    found = likeness(shingles(excerpt), shingles(story))
    assert found.first_shorter and found.shared >= NEAR_SHARE
    assert found.contained and not found.near
    copy = likeness(shingles(story + "\n\nMore follows."), shingles(story))
    assert copy.near and not copy.contained
    brief = "Brent crude rose 1.2% to $84.10 a barrel on Tuesday, traders said."
    assert not likeness(shingles(brief), shingles(story + " " + brief)).contained
    # a brief quoting the feature's speaker (81% of it there) is neither
    quoting = likeness(shingles(text("speech-brief.txt")), shingles(story))
    assert not quoting.contained and not quoting.near
