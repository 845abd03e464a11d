"""Roman numerals written and read, for notes, pages and list labels."""

from __future__ import annotations

import pytest

from briefer.core.numerals import roman, roman_value


@pytest.mark.parametrize(
    ("number", "written"),
    [(1, "i"), (4, "iv"), (9, "ix"), (14, "xiv"), (49, "xlix"), (1999, "mcmxcix")],
)
def test_roman_is_written_as_word_numbers_endnotes(number: int, written: str) -> None:
    assert roman(number) == written
    assert roman_value(written) == number


@pytest.mark.parametrize("text", ["", "iiii", "vv", "ic", "civil", "ill", "mix2", "IV"])
def test_what_is_not_a_usual_numeral_reads_as_zero(text: str) -> None:
    assert roman_value(text) == 0
