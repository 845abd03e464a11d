"""The stemmer gives Porter's published stems, and keeps its hands off what is not English."""

from __future__ import annotations

import pytest

from briefer.core.stem import stem

# From Porter's 1980 paper and its reference vocabulary (full stems, all five steps).
PORTER = {
    "caresses": "caress", "ponies": "poni", "ties": "ti", "caress": "caress", "cats": "cat",
    "feed": "feed", "agreed": "agre", "plastered": "plaster", "bled": "bled",
    "motoring": "motor", "sing": "sing", "conflated": "conflat", "troubled": "troubl",
    "sized": "size", "hopping": "hop", "tanned": "tan", "falling": "fall", "hissing": "hiss",
    "fizzed": "fizz", "failing": "fail", "filing": "file", "happy": "happi", "sky": "sky",
    "relational": "relat", "conditional": "condit", "rational": "ration",
    "generalizations": "gener", "oscillators": "oscil", "hopefulness": "hope",
    "adjustment": "adjust", "replacement": "replac", "communism": "commun",
    "effective": "effect", "controlling": "control", "rolling": "roll",
    "electrical": "electr", "allowance": "allow", "airliner": "airlin", "adoption": "adopt",
    "probate": "probat", "rate": "rate", "cease": "ceas",
}  # fmt: skip


@pytest.mark.parametrize(("word", "expected"), sorted(PORTER.items()))
def test_porter_vocabulary(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_word_forms_an_analyst_expects_to_meet() -> None:
    assert {stem(w) for w in ("export", "exports", "exported", "exporting", "exporters")} == {
        "export"
    }
    assert stem("Sanctions") == stem("sanctioned") == "sanction"
    assert stem("trading") == stem("trade") != stem("trader")


def test_short_and_foreign_words_are_only_lower_cased() -> None:
    assert stem("US") == "us"
    assert stem("Défenses") == "défenses"
    assert stem("S400") == "s400"
