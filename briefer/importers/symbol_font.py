"""The characters Word's symbol fonts (Symbol, Wingdings) draw, as Unicode text.

A symbol font has no Unicode characters of its own: it draws a picture for each byte
0x20-0xFF, which Word writes as that byte (text typed in the font), as the byte plus
0xF000 (Insert > Symbol: ``<w:sym w:font="Symbol" w:char="F06D"/>``, and LibreOffice's
``w:t`` text in a Symbol run), never as the letter a reader sees ("μ"). Python's codecs
know no symbol encoding, so the tables are here.

``SYMBOL`` is Adobe's Symbol encoding, which Microsoft's Symbol font follows: each
code's glyph name as the AFM of URW's Standard Symbols PS (the metric clone of Adobe
Symbol that Ghostscript ships) gives it, then that name's character in the Adobe Glyph
List. Three choices differ from the Glyph List: Δ, Ω and μ are the Greek letters, not
the increment, ohm and micro signs (the font has one glyph for both, and it sits among
the Greek letters); © ® ™ in the serif and sans forms are the plain signs; the pieces of
tall brackets and the arrow extenders, which the Glyph List leaves in the private use
area, are the characters Unicode 3.2 added for them (⎛ ⎜ ⎝ ...). The angle brackets are
the mathematical ones (⟨ ⟩), as Unicode recommends. Left out: the radical's extender
(0x60), which has no character, and the Apple logo URW puts at 0x80.

``WINGDINGS`` holds only the bullets, boxes, check marks and arrows people put in
lists and forms, each as two independent Wingdings-to-Unicode charts agree (one from
the font's own glyph names, one from Alan Wood's Wingdings page); Wingdings' hands,
clocks and other pictures are left unmapped. Imports only the standard library.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

_SYMBOL_ROWS: Final = {
    0x20: " !∀#∃%&∋()∗+,−./",
    0x30: "0123456789:;<=>?",
    0x40: "≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟ",
    0x50: "ΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_",
    0x61: "αβχδεφγηιϕκλμνο",
    0x70: "πθρστυϖωξψζ{|}∼",
    0xA0: "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓",
    0xB0: "°±″≥×∝∂•÷≠≡≈…⏐⎯↵",
    0xC0: "ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉",
    0xD0: "∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓",
    0xE0: "◊⟨®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪",
    0xF1: "⟩∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭",
}
"""Runs of consecutive codes: the key is the first code, each character the next one."""

SYMBOL: Final[Mapping[int, str]] = MappingProxyType(
    {start + i: char for start, row in _SYMBOL_ROWS.items() for i, char in enumerate(row)}
)

WINGDINGS: Final[Mapping[int, str]] = MappingProxyType(
    {
        0x20: " ",
        0x6C: "●",
        0x6E: "■",
        0x6F: "□",
        0x71: "❑",
        0x72: "❒",
        0x73: "⬧",
        0x74: "⧫",
        0x75: "◆",
        0x76: "❖",
        0x77: "⬥",
        0x9E: "·",
        0x9F: "•",
        0xA0: "▪",
        0xA1: "○",
        0xA7: "▪",
        0xA8: "◻",
        0xD8: "➢",
        0xE8: "➔",
        0xEF: "⇦",
        0xF0: "⇨",
        0xF1: "⇧",
        0xF2: "⇩",
        0xFB: "✗",
        0xFC: "✓",
        0xFD: "☒",
        0xFE: "☑",
    }
)

UNMAPPED: Final = " "
"""What a symbol font's picture with no character becomes: a space, so the words on either
side of it stay apart ("Costs 4"), without a replacement sign in every quotation."""

_FONTS: Final = {"symbol": SYMBOL, "wingdings": WINGDINGS}
_PRIVATE_USE = 0xF000
"""Word's offset for a symbol font's codes: byte 0x6D is written U+F06D."""


def symbol_table(font: str | None) -> Mapping[int, str] | None:
    """The table of a symbol font this module knows, by its name in ``w:rFonts``/``w:sym``."""
    return _FONTS.get((font or "").strip().lower())


def symbol_character(table: Mapping[int, str], code: int) -> str:
    """A symbol font's character for a code written either way (0x6D or 0xF06D)."""
    if _PRIVATE_USE + 0x20 <= code <= _PRIVATE_USE + 0xFF:
        code -= _PRIVATE_USE
    return table.get(code, UNMAPPED) if 0x20 <= code <= 0xFF else UNMAPPED


def _translation(table: Mapping[int, str], codes: range, offset: int = 0) -> dict[int, str]:
    return {offset + code: table.get(code, UNMAPPED) for code in codes}


_LOW: Final = {name: _translation(table, range(0x20, 0x80)) for name, table in _FONTS.items()}
_HIGH: Final = {name: _translation(table, range(0x80, 0x100)) for name, table in _FONTS.items()}
_CODES: Final = {
    name: _translation(table, range(0x20, 0x100), _PRIVATE_USE) for name, table in _FONTS.items()
}


def recoded(text: str, ascii_font: str | None, high_font: str | None) -> str:
    """A run's text as its symbol font draws it.

    Word picks a run's font by character: ``w:ascii`` for ASCII, ``w:hAnsi`` for the
    rest. A run set in Symbol for only one of the two keeps the other range as
    written; the private-use codes mean a symbol font's picture in either case.
    """
    low = (ascii_font or "").strip().lower()
    high = (high_font or "").strip().lower()
    if low not in _FONTS and high not in _FONTS:
        return text
    table: dict[int, str] = {}
    if low in _FONTS:
        table.update(_LOW[low])
    if high in _FONTS:
        table.update(_HIGH[high])
    table.update(_CODES[high if high in _FONTS else low])
    return text.translate(table)
