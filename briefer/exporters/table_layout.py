"""Column widths that fit a table's content, for writers that must state them (Word).

Equal columns squeeze a sentence into a third of the page beside a column holding one
footnote mark. Each column asks for its longest line (capped, since prose wraps) and is
never narrower than its longest word. Standard library only.
"""

from __future__ import annotations

from collections.abc import Sequence

PROSE_CAP = 60
"""Characters past which a cell is prose that wraps: asking for more only steals width."""
MIN_CHARS = 3


def fit_columns(columns: Sequence[Sequence[str]], total: int) -> list[int]:
    """Widths (in the unit of ``total``) for columns whose cells hold these texts."""
    if not columns:
        return []
    wanted = [max([min(len(text), PROSE_CAP) for text in cells] + [MIN_CHARS]) for cells in columns]
    floors = [
        max([len(word) for text in cells for word in text.split()] + [MIN_CHARS])
        for cells in columns
    ]
    floors = [min(floor, want) for floor, want in zip(floors, wanted, strict=True)]
    scale = total / sum(wanted)
    widths = [want * scale for want in wanted]
    # A column below its longest word takes what it needs from the widest columns.
    short = [i for i, width in enumerate(widths) if width < floors[i] * scale * 0.9]
    if short and sum(floors) < sum(wanted):
        needed = sum(floors[i] * scale - widths[i] for i in short)
        others = [i for i in range(len(widths)) if i not in short]
        spare = sum(widths[i] - floors[i] * scale for i in others)
        if spare > 0:
            for i in short:
                widths[i] = floors[i] * scale
            for i in others:
                widths[i] -= needed * (widths[i] - floors[i] * scale) / spare
    return [int(width) for width in widths]
