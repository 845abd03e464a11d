"""Where a section goes with its sub-sections: one step up or down, or dropped."""

from __future__ import annotations

import pytest

from briefer.core.outline import dropped_index, moved_index, subtree_end

# Summary, Background, Key developments > Trade, Defence, Implications > Diplomacy, Outlook
LEVELS = [1, 1, 1, 2, 2, 1, 2, 1]


def moved(levels: list[int], index: int, step: int) -> list[int] | None:
    """The rows' original indexes in their new order."""
    target = moved_index(levels, index, step)
    if target is None:
        return None
    rows = list(range(len(levels)))
    block = rows[index : subtree_end(levels, index)]
    rest = [r for r in rows if r not in block]
    return rest[:target] + block + rest[target:]


def test_a_section_spans_its_deeper_followers() -> None:
    assert [subtree_end(LEVELS, i) for i in range(len(LEVELS))] == [1, 2, 5, 4, 5, 7, 7, 8]


@pytest.mark.parametrize(
    ("index", "step", "order"),
    [
        (5, -1, [0, 1, 5, 6, 2, 3, 4, 7]),  # Implications up past Key developments, whole
        (2, 1, [0, 1, 5, 6, 2, 3, 4, 7]),  # and Key developments down, the same swap
        (4, -1, [0, 1, 2, 4, 3, 5, 6, 7]),  # Defence up past Trade, its sibling
        (3, -1, [0, 1, 3, 2, 4, 5, 6, 7]),  # Trade up out before its parent
        (4, 1, [0, 1, 2, 3, 5, 4, 6, 7]),  # Defence down in under Implications' heading
        (6, 1, [0, 1, 2, 3, 4, 5, 7, 6]),  # Diplomacy down in under Outlook's heading
        (0, 1, [1, 0, 2, 3, 4, 5, 6, 7]),
    ],
)
def test_a_move_takes_the_sub_sections_along(index: int, step: int, order: list[int]) -> None:
    assert moved(LEVELS, index, step) == order


def test_nothing_moves_past_the_ends() -> None:
    assert moved_index(LEVELS, 0, -1) is None
    assert moved_index(LEVELS, 7, 1) is None
    assert moved(LEVELS, 5, 1) == [0, 1, 2, 3, 4, 7, 5, 6]


def test_a_drop_inside_its_own_sub_sections_is_refused() -> None:
    assert dropped_index(LEVELS, 2, 3) is None  # Key developments onto Trade
    assert dropped_index(LEVELS, 2, 5) is None  # just after its own block
    assert dropped_index(LEVELS, 2, 0) == 0  # to the top
    assert dropped_index(LEVELS, 2, 8) == 5  # to the end, counted without its 3 rows
