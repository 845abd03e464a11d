"""Finding the words a user types: whole words only, forgiving what a keyboard cannot type."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefer.core.typed_words import find_inside_words, find_words, is_boundary

ARTICLE = (
    "India and Russia are using the Northern Sea Route. India\u2019s share of Russian "
    "imports rose \u2013 sharply\u2026 \u201cWe are not bound,\u201d an official said.\n\n"
    "Freight fell by a third in 2024\u20132025; the route is shorter by 6,000\u00a0km "
    "\u2014 but the ice season is long."
)


def found(text: str, words: str) -> str | None:
    span = find_words(text, words)
    return None if span is None else text[span[0] : span[1]]


def hint(text: str, words: str) -> str | None:
    span = find_inside_words(text, words)
    return None if span is None else text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("typed", "whole"),
    [
        ("ndia and Russia are using", "India and Russia are using"),
        ("Sea Rout", "Sea Route"),
        ("orthern", "Northern"),
        ("India and Russia are usin", "India and Russia are using"),
    ],
)
def test_words_cut_from_longer_words_are_not_a_match(typed: str, whole: str) -> None:
    assert find_words(ARTICLE, typed) is None
    assert hint(ARTICLE, typed) == whole


def test_a_single_letter_is_a_word_only_where_it_stands_alone() -> None:
    span = find_words(ARTICLE, "a")
    assert span is not None and ARTICLE[span[0] - 3 : span[1] + 6] == "by a third"
    assert find_words("The Sea Route.", "a") is None
    assert hint("The Sea Route.", "a") == "Sea"


def test_whole_words_end_at_punctuation_and_apostrophes() -> None:
    assert found(ARTICLE, "India") == "India"
    assert find_words(ARTICLE, "Route") == (ARTICLE.index("Route"), ARTICLE.index("Route") + 5)
    text = "Talks with India\u2019s neighbours (India) went on."
    assert find_words(text, "India") == (11, 16)
    assert find_words(text, "India", start=12) == (text.index("(India)") + 1, text.index(")"))
    # An apostrophe parts words both ways: "India" in "India's", "Inde" in "l'Inde".
    assert found("La visite de l\u2019Inde.", "Inde") == "Inde"
    assert found("La visite de l\u2019Inde.", "l'Inde") == "l\u2019Inde"


def test_typed_straight_punctuation_finds_the_articles_typography() -> None:
    assert found(ARTICLE, "India's share of Russian imports") == (
        "India\u2019s share of Russian imports"
    )
    assert found(ARTICLE, '"We are not bound," an official') == (
        "\u201cWe are not bound,\u201d an official"
    )
    assert found(ARTICLE, "rose - sharply...") == "rose \u2013 sharply\u2026"
    assert found(ARTICLE, "rose--sharply") == "rose \u2013 sharply"
    assert found(ARTICLE, "2024-2025") == "2024\u20132025"
    assert found(ARTICLE, "6,000 km -- but") == "6,000\u00a0km \u2014 but"
    assert found(ARTICLE, 'sharply... "We') == "sharply\u2026 \u201cWe"


def test_typographic_typing_finds_plain_text_too() -> None:
    text = "It's a \"deal\" -- or not... said the 'minister'."
    assert (
        found(text, "It\u2019s a \u201cdeal\u201d \u2014 or not\u2026")
        == 'It\'s a "deal" -- or not...'
    )
    assert found(text, "\u2018minister\u2019") == "'minister'"


def test_french_spaces_inside_guillemets_and_before_colons_need_not_be_typed() -> None:
    text = "Le ministre a déclaré\u202f: «\u00a0L\u2019Inde reste un partenaire\u00a0»."
    assert found(text, "declare") is None  # accents are letters, not forgiven
    assert found(text, 'déclaré: "L\'Inde reste un partenaire"') == text[text.index("déclaré") : -1]
    assert (
        found(text, "L'Inde reste un partenaire »") == "L\u2019Inde reste un partenaire\u00a0\u00bb"
    )


def test_case_white_space_and_odd_spaces_are_forgiven() -> None:
    assert found(ARTICLE, "NORTHERN sea route") == "Northern Sea Route"
    assert found(ARTICLE, "an official said. Freight fell") == "an official said.\n\nFreight fell"
    thin = "A rise of 5\u2009per cent and 6\u202fper cent."
    assert found(thin, "5 per cent") == "5\u2009per cent"
    assert found(thin, "6 per cent") == "6\u202fper cent"
    assert found("The trade\n  deal was signed.", "TRADE deal") == "trade\n  deal"


def test_an_exact_match_wins_over_an_earlier_forgiving_one() -> None:
    text = "Oil imports rose. Officials said oil imports would keep rising."
    assert find_words(text, "oil imports") == (text.index("oil imports"), text.index(" would"))
    assert find_words(text, "OIL IMPORTS") == (0, 11)


def test_overlapping_candidates_are_not_skipped() -> None:
    assert find_words("ba a a", "a a") == (3, 6)


def test_nothing_typed_or_nothing_there() -> None:
    assert find_words(ARTICLE, "   ") is None
    assert find_words(ARTICLE, "\u00ad") is None
    assert find_words(ARTICLE, "missing words") is None
    assert find_inside_words(ARTICLE, "missing words") is None
    assert find_inside_words(ARTICLE, "  ") is None


def test_invisible_characters_inside_words_are_looked_through() -> None:
    text = "Die Ver\u00adteidigungs\u00adausgaben stiegen."
    assert (
        found(text, "Verteidigungsausgaben stiegen") == "Ver\u00adteidigungs\u00adausgaben stiegen"
    )
    assert find_words(text, "teidigungsausgaben") is None  # a soft hyphen is no word's end
    assert hint(text, "ausgaben") == "Ver\u00adteidigungs\u00adausgaben"
    assert found("Eastmark\u200bNorthland", "Northland") == "Northland"  # zero-width space


def test_a_combining_mark_belongs_to_the_letter_before_it() -> None:
    decomposed = "Le cafe\u0301 est ouvert."
    assert find_words(decomposed, "cafe") is None
    assert found(decomposed, "cafe\u0301 est") == "cafe\u0301 est"
    hindi = "\u0939\u093f\u0928\u094d\u0926\u0940 \u092d\u093e\u0937\u093e"  # हिन्दी भाषा
    assert find_words(hindi, "\u0939\u093f\u0928\u094d\u0926") is None  # stops before ी
    assert (
        found(hindi, "\u0939\u093f\u0928\u094d\u0926\u0940")
        == "\u0939\u093f\u0928\u094d\u0926\u0940"
    )


def test_chinese_and_japanese_characters_each_count_as_a_word() -> None:
    chinese = "国家统计局周一发布数据，GDP增长5.2%。"
    assert found(chinese, "统计局") == "统计局"
    assert found(chinese, "局周一发") == "局周一发"
    assert found(chinese, "GDP增长") == "GDP增长"
    assert found(chinese, "增长5.2%") == "增长5.2%"
    assert find_words(chinese, "GD") is None  # Latin letters keep their word
    assert hint(chinese, "GD") == "GDP"
    japanese = "東京でコンピュータを買った。"
    assert found(japanese, "ピュータを買") == "ピュータを買"


def test_thai_has_no_spaces_to_judge_by_so_any_letter_may_end_a_word() -> None:
    thai = "\u0e1b\u0e23\u0e30\u0e40\u0e17\u0e28\u0e44\u0e17\u0e22"  # ประเทศไทย
    assert found(thai, "\u0e44\u0e17\u0e22") == "\u0e44\u0e17\u0e22"


def test_korean_puts_spaces_between_words_and_keeps_them_whole() -> None:
    korean = (
        "\uc11c\uc6b8\uc5d0\uc11c \ud68c\ub2f4\uc774 \uc5f4\ub838\ub2e4"  # 서울에서 회담이 열렸다
    )
    assert find_words(korean, "\uc11c\uc6b8") is None
    assert hint(korean, "\uc11c\uc6b8") == "\uc11c\uc6b8\uc5d0\uc11c"
    assert found(korean, "\ud68c\ub2f4\uc774") == "\ud68c\ub2f4\uc774"


def test_a_long_article_full_of_near_misses_stays_quick() -> None:
    article = "Lorem ipsum dolor sit amet, banana consectetur adipiscing elit. " * 15_000
    started = time.perf_counter()
    assert find_words(article, "a") is None
    assert find_words(article, "ana") is None
    assert find_words(article, "ELIT. Lorem") == (
        article.index("elit"),
        article.index("ipsum", 9) - 1,
    )
    assert find_inside_words(article, "ana") == (28, 34)
    assert time.perf_counter() - started < 2.0


_LETTERS = st.sampled_from(list("ab A\u2019'-\u2013.\u2026\n\u00a0\u00ad\u0301统计éK"))


@given(st.text(_LETTERS, min_size=1, max_size=40), st.data())
def test_any_whole_word_stretch_is_found_and_every_find_is_whole(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    words = text[start:end]
    span = find_words(text, words)
    if span is not None:
        assert is_boundary(text, span[0]) and is_boundary(text, span[1])
    if words.strip() == words and is_boundary(text, start) and is_boundary(text, end):
        assert span is not None and span[0] <= start
        assert text[span[0] : span[1]] == words  # the exact words win
