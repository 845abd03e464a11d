"""Re-anchoring passages: the quote and its context find their place again."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefer.core.anchoring import quote_at, reanchor

TEXT = (
    "Oil imports rose sharply. Officials said oil imports would keep rising. "
    "Defence ties were also discussed."
)


def test_quote_keeps_words_and_context() -> None:
    start = TEXT.index("oil imports")
    quote = quote_at(TEXT, (start, start + 11), context=10)
    assert quote.exact == "oil imports"
    assert quote.prefix == TEXT[start - 10 : start]
    assert quote.suffix == TEXT[start + 11 : start + 21]


def test_reanchor_prefers_the_occurrence_with_matching_context() -> None:
    second = TEXT.index("oil imports")
    quote = quote_at(TEXT, (second, second + 11))
    shifted = "BREAKING: " + TEXT
    span = reanchor(shifted, quote, hint=(second, second + 11))
    assert span is not None
    assert span[0] == shifted.index("oil imports")
    assert shifted[span[0] : span[1]] == "oil imports"


def test_reanchor_keeps_a_valid_hint_and_gives_up_on_vanished_words() -> None:
    quote = quote_at(TEXT, (0, 3))
    assert reanchor(TEXT, quote, hint=(0, 3)) == (0, 3)
    assert reanchor("Nothing relevant here.", quote) is None


@given(st.text(min_size=1, max_size=80), st.data())
def test_reanchor_finds_any_quote_in_unchanged_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = quote_at(text, (start, end))
    span = reanchor(text, quote)
    assert span is not None and text[span[0] : span[1]] == quote.exact
    # with full context the exact original place wins
    assert reanchor(text, quote, hint=(start, end)) == (start, end)
