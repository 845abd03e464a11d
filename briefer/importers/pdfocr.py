"""A scanned page's OCR layer: its type sizes made what the printed page's were.

Scans made searchable (Tesseract, ocrmypdf, Acrobat's Recognise Text, ABBYY) carry their
text invisibly over the picture, and give each line the size its scanned height
suggests: one paragraph's lines come out at 9, 10 and 11 points, a two-line title's at 19
and 18. The layout reads a change of size as a new paragraph or a new heading level, so
such a page's paragraphs fell apart at every short line, and its title kept only its
shorter line. Here each size is snapped to the level it stands for before the layout
reads the page; pages with a real text layer are left exactly as they are.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from briefer.importers.pdflayout import Line, Page, body_size

BODY_SPREAD = 0.15
"""Sizes within this share of the body size are body text: an OCR engine's estimate of
one size spreads a point either way at 10 points (a line without ascenders or descenders
reads smaller)."""
LEVEL_SPREAD = 0.94
"""Outside the body, a size at least this share of a level's largest is that level: type
a designer sets as two levels differs more (Word's 16 and 13 points, LaTeX's steps of a
fifth)."""


def snap_scanned_sizes(pages: Sequence[Page]) -> list[Page]:
    """``pages`` with each scanned page's line sizes snapped to their level's size."""
    scanned = [line for page in pages if page.scanned for line in (*page.lines, *page.extra)]
    if not scanned:
        return list(pages)
    body = body_size(scanned)
    weights: Counter[float] = Counter()
    for line in scanned:
        weights[_rounded(line.size)] += len(line.text)
    snapped = _levels(weights, body)

    def sized(lines: tuple[Line, ...]) -> tuple[Line, ...]:
        return tuple(dataclasses.replace(line, size=snapped[_rounded(line.size)]) for line in lines)

    return [
        dataclasses.replace(page, lines=sized(page.lines), extra=sized(page.extra))
        if page.scanned
        else page
        for page in pages
    ]


def _rounded(size: float) -> float:
    return round(size * 2) / 2


def _levels(weights: Counter[float], body: float) -> dict[float, float]:
    """Each size's level: the body's size within the body's spread, else the size most
    of its level's text is set in (levels grouped from the largest size down)."""
    low, high = body * (1 - BODY_SPREAD), body * (1 + BODY_SPREAD)
    snapped = {size: body for size in weights if low <= size <= high}
    for side in ([s for s in weights if s > high], [s for s in weights if s < low]):
        group: list[float] = []
        for size in sorted(side, reverse=True):
            if group and size < group[0] * LEVEL_SPREAD:
                _settle(group, weights, snapped)
                group = []
            group.append(size)
        _settle(group, weights, snapped)
    return snapped


def _settle(group: list[float], weights: Counter[float], snapped: dict[float, float]) -> None:
    if group:
        level = max(group, key=lambda size: (weights[size], size))
        snapped.update(dict.fromkeys(group, level))
