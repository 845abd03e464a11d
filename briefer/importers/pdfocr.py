"""An OCR layer's headings: the sizes it guessed line by line, taken as the levels they are.

Scans made searchable (Tesseract, ocrmypdf, Acrobat's Recognise Text, ABBYY) carry their
text invisibly over the picture (``Line.scanned``), each line in the size its scanned
height suggests, in whole points: a two-line title comes out at 19 and 18, one report's
section headings at 12 and 13. The layout gives each size a heading level of its own, so
the title kept only its larger line and one level of headings read as two. Here the
sizes of such lines above the body are grouped, and each group takes the size most of
its text is set in. Body lines keep their sizes (a heading set a point or two above the
body comes out at the body's size or near it, and only its size change keeps it apart);
``pdflayout`` lets a paragraph run on across an OCR line a point off. Lines of a real
text layer are left exactly as they are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from briefer.core.record import replace
from briefer.importers.pdflayout import HEADING_RATIO, Line, Page, body_size

SAME_LEVEL = 0.94
"""A heading size at least this share of its level's largest is that level (19 and 18
points); a designer's levels lie further apart (Word's 16 and 13, LaTeX's steps of a fifth)."""
SAME_POINTS = 1.0
"""Or at most this many points below it: the engine's sizes are whole points, so 13 and
12 may be one level (0.92 of each other) where only one point of guessing parts them.
Not for the largest size, the title's: a section heading a point below it is a level."""


def snap_scanned_sizes(pages: Sequence[Page]) -> list[Page]:
    """``pages`` with each OCR line's heading size snapped to its level's size."""
    scanned = [line for page in pages for line in (*page.lines, *page.extra) if line.scanned]
    if not scanned:
        return list(pages)
    floor = body_size(scanned) * HEADING_RATIO
    weights: Counter[float] = Counter()
    for line in scanned:
        if line.size > floor:
            weights[_rounded(line.size)] += len(line.text)
    snapped = _levels(weights)
    if all(size == level for size, level in snapped.items()):
        return list(pages)

    def sized(lines: tuple[Line, ...]) -> tuple[Line, ...]:
        return tuple(
            replace(line, size=snapped[_rounded(line.size)])
            if line.scanned and _rounded(line.size) in snapped
            else line
            for line in lines
        )

    return [replace(page, lines=sized(page.lines), extra=sized(page.extra))
            for page in pages]  # fmt: skip


def _rounded(size: float) -> float:
    return round(size * 2) / 2


def _levels(weights: Counter[float]) -> dict[float, float]:
    """Each heading size's level size: levels grouped from the largest size down, each
    at the size most of its text is set in."""
    snapped: dict[float, float] = {}
    group: list[float] = []
    largest = max(weights, default=0.0)
    for size in sorted(weights, reverse=True):
        # The title's level by share alone: a section heading a point below a 14-point
        # title is the next level down, not more of the title.
        near = group and (group[0] - size <= SAME_POINTS and group[0] != largest)
        if group and size < group[0] * SAME_LEVEL and not near:
            _settle(group, weights, snapped)
            group = []
        group.append(size)
    _settle(group, weights, snapped)
    return snapped


def _settle(group: list[float], weights: Counter[float], snapped: dict[float, float]) -> None:
    if group:
        level = max(group, key=lambda size: (weights[size], size))
        snapped.update(dict.fromkeys(group, level))
