"""A new theme's colour and key: one rule, for the window and the CLI."""

from __future__ import annotations

from briefer.core.model import Theme
from briefer.core.palette import (
    LAST_RESORT_COLOUR,
    NEW_THEME_COLOURS,
    spare_colour,
    spare_shortcut,
)


def themes(colours: list[str], keys: str = "") -> list[Theme]:
    keys = keys.ljust(len(colours))
    return [Theme(f"T{i}", c, keys[i].strip()) for i, c in enumerate(colours)]


def test_the_first_unused_colour_is_offered_whatever_its_case() -> None:
    assert spare_colour([]) == NEW_THEME_COLOURS[0]
    taken = themes([NEW_THEME_COLOURS[0].lower(), NEW_THEME_COLOURS[2]])
    assert spare_colour(taken) == NEW_THEME_COLOURS[1]


def test_grey_once_the_palette_is_used_up() -> None:
    assert spare_colour(themes(list(NEW_THEME_COLOURS))) == LAST_RESORT_COLOUR
    assert LAST_RESORT_COLOUR not in NEW_THEME_COLOURS
    assert len(set(NEW_THEME_COLOURS)) == len(NEW_THEME_COLOURS)


def test_the_next_free_digit_then_none() -> None:
    six = themes(["#000001"] * 6, "123456")
    assert spare_shortcut(six) == "7"
    assert spare_shortcut(themes(["#000001"] * 3, "1 3")) == "2"
    assert spare_shortcut(themes(["#000001"] * 10, "1234567890")) == ""
