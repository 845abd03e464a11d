"""WCAG 2 contrast between two colours, for checking the window's palettes.

The ratio is (L1 + 0.05) / (L2 + 0.05) of the colours' relative luminances, from 1
(same) to 21 (black on white). WCAG AA asks 4.5 for text and 3 for the parts of a
control a person must see to use it (a check box's outline). Standard library only.
"""

from __future__ import annotations

TEXT_AA = 4.5
"""WCAG AA for normal-size text."""

CONTROL_AA = 3.0
"""WCAG AA (1.4.11) for user-interface components and their states."""


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """Luminance of a ``#RRGGBB`` colour as WCAG defines it (0 black .. 1 white)."""
    digits = colour.lstrip("#")
    if len(digits) != 6:
        raise ValueError(f"colour must look like #RRGGBB, not {colour!r}")
    r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """The WCAG contrast ratio of two ``#RRGGBB`` colours, whichever is lighter."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
