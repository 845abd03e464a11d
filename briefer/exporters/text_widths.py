"""Text measured in the fonts a Word export is set in, from font_widths' committed metrics.

Shared by the page estimate and the table layout, so both measure a word alike and
neither reads a font file. Standard library only.
"""

from __future__ import annotations

from functools import cache

from briefer.exporters.font_widths import CHARSET, WIDTHS

_FAMILIES = {
    "calibri": "carlito", "carlito": "carlito", "cambria": "caladea", "caladea": "caladea",
    "arial": "liberation-sans", "helvetica": "liberation-sans",
    "liberation sans": "liberation-sans",
    "times new roman": "liberation-serif", "times": "liberation-serif",
    "liberation serif": "liberation-serif", "courier new": "liberation-mono",
    "courier": "liberation-mono", "liberation mono": "liberation-mono",
}  # fmt: skip
_AVERAGE = "n"
"""Characters outside the table (CJK aside) are measured as this one."""


def family(font: str) -> str:
    """The measured family standing in for ``font``, by name, else by its kind."""
    name = font.strip().lower()
    if name in _FAMILIES:
        return _FAMILIES[name]
    if any(k in name for k in ("mono", "courier", "consol", "code")):
        return "liberation-mono"
    if "sans" not in name and any(k in name for k in ("serif", "times", "georgia", "garamond")):
        return "liberation-serif"
    return "liberation-sans"


@cache
def widths(key: tuple[str, bool, bool]) -> dict[str, float]:
    """Advance widths in em of one (family, bold, italic) variant, by character."""
    numbers = [int(n) / 1000 for n in WIDTHS[key].split()]
    return dict(zip(CHARSET, numbers, strict=True))


def em(text: str, table: dict[str, float]) -> float:
    """The width of ``text`` in em; a CJK character is a full em, anything unmeasured an n."""
    average = table[_AVERAGE]
    total = 0.0
    for char in text:
        width = table.get(char)
        if width is None:
            width = 1.0 if "\u2e80" <= char <= "\uffef" else average
        total += width
    return total
