"""What a new theme gets when the analyst does not choose: the next spare colour and key.

One palette and one rule for the window and the CLI alike. Standard library and
core.model only.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefer.core.model import Theme

NEW_THEME_COLOURS = (
    "#16A085", "#D35400", "#2C3E50", "#E84393", "#00A8FF", "#6D214F", "#4B7BEC",
)  # fmt: skip
"""Distinct from the default themes' colours and from each other, in the order offered."""

LAST_RESORT_COLOUR = "#7F8C8D"
"""A neutral grey, once every colour above is taken."""

SHORTCUT_KEYS = "1234567890"
"""The keys a new theme may get, in order: digits, as the default themes use."""


def spare_colour(themes: Iterable[Theme]) -> str:
    """The first palette colour no theme uses (case-insensitively), else the grey."""
    used = {t.colour.upper() for t in themes}
    return next((c for c in NEW_THEME_COLOURS if c.upper() not in used), LAST_RESORT_COLOUR)


def spare_shortcut(themes: Iterable[Theme]) -> str:
    """The first digit no theme uses as its key, or "" (no key) when all ten are taken."""
    used = {t.shortcut.casefold() for t in themes}
    return next((k for k in SHORTCUT_KEYS if k not in used), "")
