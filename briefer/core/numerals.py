"""Roman numerals, written and read, as documents number pages, notes and list items.

Word numbers endnotes and lowerRoman lists "i, ii, iv"; a PDF's front matter, its
endnotes and its lettered lists carry them as text that must be told from words made of
the same letters ("civil", "mix"). Standard library only.
"""

from __future__ import annotations

_FIGURES = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def roman(number: int) -> str:
    """``number`` in lower-case Roman numerals (4 is "iv", 12 is "xii"); "" below 1."""
    out = ""
    for value, letters in _FIGURES:
        count, number = divmod(number, value)
        out += letters * count
    return out


def roman_value(text: str) -> int:
    """The value of a lower-case Roman numeral written the usual way ("iv", not "iiii"),
    or 0 when ``text`` is none ("civil", "ill", "")."""
    value, rest = 0, text
    for amount, letters in _FIGURES:
        while rest.startswith(letters):
            value, rest = value + amount, rest[len(letters) :]
    return value if text and not rest and roman(value) == text else 0
