"""One drawn character: its text for PDFium's code, TeX's ligatures, accents drawn apart.

Split from pdfwords, which groups glyphs into words and runs: this says what each
glyph stands for before they are grouped, and which way its text runs. Pure data;
imports only the standard library, so it is tested without a PDF.
"""

from __future__ import annotations

import math
import unicodedata
from typing import NamedTuple

# Characters PDFium or the producer use for a hyphen at a line end.
_HYPHENS = {"\ufffe": "-", "\xad": "-", "\x02": "-"}
_LIGATURES = range(0xFB00, 0xFB07)
TEX_LIGATURES = {
    chr(code): letters
    for base in (0x0B, 0x1B)
    for code, letters in zip(range(base, base + 5), ("ff", "fi", "fl", "ffi", "ffl"), strict=True)
}
"""Control codes that TeX's OT1 (11-15) and T1 (27-31) encodings use for ligatures."""
# Spacing accents and the combining marks they stand for.
ACCENTS = {
    "\u00b4": "\u0301", "`": "\u0300", "\u02c6": "\u0302", "\u02dc": "\u0303",
    "\u00a8": "\u0308", "\u02c7": "\u030c", "\u02d8": "\u0306", "\u02d9": "\u0307",
    "\u02da": "\u030a", "\u00af": "\u0304", "\u00b8": "\u0327", "\u02db": "\u0328",
    "\u02dd": "\u030b",
}  # fmt: skip


class Glyph(NamedTuple):
    """One drawn character in its text's own frame (x along the baseline, y up).

    ``space`` marks a space the PDF itself draws (not one PDFium guessed);
    ``at`` is PDFium's character index, used to ask for the font later.
    """

    char: str
    x0: float
    x1: float
    bottom: float
    top: float
    baseline: float
    size: float
    at: int
    space: bool = False


def clean_char(code: int) -> tuple[str, bool]:
    """The text for a character code, and whether it is junk (control or private use).

    Line-end hyphen markers become "-", ligatures ("ﬁ") their letters; junk
    comes back as "" so it never reaches the text.
    """
    if 32 <= code < 127:
        return chr(code), False
    char = chr(code) if 0 <= code <= 0x10FFFF else "\ufffd"
    if char in _HYPHENS:
        return _HYPHENS[char], False
    if code in _LIGATURES:
        return unicodedata.normalize("NFKC", char), False
    category = unicodedata.category(char)
    if category in ("Cc", "Co", "Cs", "Cn") or char == "\ufffd":
        return "", not char.isspace()
    return char, False


def tex_ligatures(glyphs: list[Glyph]) -> tuple[list[Glyph], int]:
    """TeX's ligatures in fonts without a text encoding spelled out; other codes dropped as junk.

    dvips' bitmap (Type 3) fonts and old TeX fonts carry no Unicode map, and
    PDFium answers the raw code: "ff", "fi", "fl", "ffi", "ffl" sit at 11-15
    in TeX's text encoding (OT1) and 27-31 in the Cork encoding (T1), control
    codes otherwise. Only such a code touching a letter (the next or previous
    character PDFium read) is a ligature: "tari" + 11 + "s" is "tariffs".
    """
    out: list[Glyph] = []
    junk = 0
    for index, glyph in enumerate(glyphs):
        letters = TEX_LIGATURES.get(glyph.char)
        if letters is None:
            out.append(glyph)
            continue
        before = glyphs[index - 1] if index else None
        after = glyphs[index + 1] if index + 1 < len(glyphs) else None
        if (before is not None and before.at == glyph.at - 1 and before.char.isalpha()) or (
            after is not None and after.at == glyph.at + 1 and after.char.isalpha()
        ):
            out.append(glyph._replace(char=letters, space=False))  # 11 and 12 are "spaces"
        else:
            junk += 1
    return out, junk


def frame(angle: float) -> tuple[float, float]:
    """cos and sin of a text direction, snapped to a right angle when within 2 degrees."""
    degrees = math.degrees(angle) % 360
    snapped = round(degrees / 90) * 90
    if abs(degrees - snapped) < 2:
        degrees = snapped % 360
    radians = math.radians(degrees)
    cos, sin = math.cos(radians), math.sin(radians)
    return round(cos, 6), round(sin, 6)


def direction_key(angle: float) -> int:
    """A text direction in whole degrees (0 = left to right, 90 = bottom to top, ...)."""
    cos, sin = frame(angle)
    return round(math.degrees(math.atan2(sin, cos))) % 360


def compose_accents(glyphs: list[Glyph], spaced: list[bool]) -> tuple[list[Glyph], list[bool]]:
    """Accents TeX and old drivers draw as glyphs of their own over a letter, put on it.

    "ˇs" with the caron over the s becomes "š"; an accent over no letter stays.
    """
    out: list[Glyph] = []
    kept: list[bool] = []
    index = 0
    while index < len(glyphs):
        glyph = glyphs[index]
        mark = ACCENTS.get(glyph.char)
        if mark is not None:
            centre = (glyph.x0 + glyph.x1) / 2
            after = glyphs[index + 1] if index + 1 < len(glyphs) else None
            if (
                after is not None
                and after.x0 - 1 <= centre <= after.x1 + 1
                and after.char.isalpha()
            ):
                char = unicodedata.normalize("NFC", after.char + mark)
                out.append(after._replace(char=char))
                kept.append(spaced[index])
                index += 2
                continue
            before = out[-1] if out else None
            if (
                before is not None
                and before.x0 - 1 <= centre <= before.x1 + 1
                and before.char.isalpha()
            ):
                out[-1] = before._replace(char=unicodedata.normalize("NFC", before.char + mark))
                index += 1
                continue
        out.append(glyph)
        kept.append(spaced[index])
        index += 1
    return out, kept
