"""A note's outline as a word processor's: a section moves and goes with its sub-sections.

A note's sections are a flat list with levels (1 a heading, 2 and 3 below it), so a
section "holds" the sections after it of a deeper level. Moving only the heading
line, as the Composer once did, handed a section's sub-sections to its neighbour:
Alt+Up on "Implications" made "Diplomacy" and "Sanctions" its children (a new
user's trial). These pure functions say which rows a section spans and where the
whole block goes, as Word's outline view moves a heading with what is under it.
Indexes into the list without the block are what MoveSectionCommand takes.
"""

from __future__ import annotations

from collections.abc import Sequence


def subtree_end(levels: Sequence[int], index: int) -> int:
    """The index after the last sub-section of the section at ``index``."""
    end = index + 1
    while end < len(levels) and levels[end] > levels[index]:
        end += 1
    return end


def moved_index(levels: Sequence[int], index: int, step: int) -> int | None:
    """Where the section at ``index`` and its sub-sections go one step up (-1) or down
    (+1), as an index into the list without them; None when it cannot go further.

    Up, the block goes before the section above it of its own level or higher (past a
    sibling and its sub-sections, or out before its parent). Down, it goes past the
    next sibling and that sibling's sub-sections, or, where the next section is of a
    higher level (its parent's next sibling), in under that section's heading.
    """
    if not 0 <= index < len(levels):
        return None
    level, end = levels[index], subtree_end(levels, index)
    if step < 0:
        above = index - 1
        while above >= 0 and levels[above] > level:
            above -= 1
        return above if above >= 0 else None
    if end >= len(levels):
        return None
    after = subtree_end(levels, end) if levels[end] == level else end + 1
    return after - (end - index)


def dropped_index(levels: Sequence[int], index: int, row: int) -> int | None:
    """Where a drag of the section at ``index`` to ``row`` (a place between rows of the
    whole list) puts it and its sub-sections, as an index into the list without them;
    None for a drop onto itself or inside its own sub-sections."""
    end = subtree_end(levels, index)
    if index <= row <= end:
        return None
    return row - (end - index) if row > end else row
