"""How the Passages table shares its width among its columns; no Qt, no project.

Every column stays in reach: when they do not all fit, the words and the themes fill
what the panel shows and the rest follow to the right, behind a horizontal scroll bar.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

PASSAGE, THEMES, ARTICLE, DATE, COMMENT = range(5)
SURPLUS = {PASSAGE: 0.55, THEMES: 0.1, ARTICLE: 0.15, COMMENT: 0.2}
"""How room beyond every column's own width is shared: most to the words, not all."""


def share_widths(
    room: int,
    natural: Sequence[int],
    fixed: Mapping[int, int],
    passage_least: int,
) -> list[int]:
    """The five columns' widths for a table ``room`` pixels across.

    ``natural`` is each column's own width (the passage's: what a sentence needs to be
    read in the panel), ``fixed`` the widths the analyst dragged, kept as they are.
    With room for all, the columns fill it, the surplus shared by ``SURPLUS``. Short of
    that, the passage takes what the columns that fit beside it (themes always, then
    article, date and comment in that order while the passage keeps its natural width)
    leave of ``room``, yet at least ``passage_least``: in a side column the words come
    first, and the themes may start in sight and end past the edge, as the rest does,
    for the scroll bar. No column is narrowed below its own width to make room.
    """
    widths = [fixed.get(column, natural[column]) for column in range(5)]
    if sum(widths) <= room:  # every column in sight: share what is left over
        growing = [c for c in SURPLUS if c not in fixed]
        spare = room - sum(widths)
        weight = sum(SURPLUS[c] for c in growing)
        for column in growing:
            widths[column] += int(spare * SURPLUS[column] / weight)
        if growing:  # the rounding's few pixels to the words (or the first that grows)
            widths[growing[0]] += room - sum(widths)
        return widths
    if PASSAGE in fixed:
        return widths
    beside = widths[THEMES]
    for column in (ARTICLE, DATE, COMMENT):
        if room - beside - widths[column] < natural[PASSAGE]:
            break
        beside += widths[column]
    widths[PASSAGE] = max(room - beside, passage_least)
    return widths
