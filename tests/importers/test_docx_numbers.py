"""Word's automatic numbers counted as Word counts them (docx_numbers.Numbering)."""

from __future__ import annotations

from briefer.importers.docx_numbers import Level, Numbering


def _numbering() -> Numbering:
    return Numbering(
        levels={
            "outline": {
                0: Level("upperRoman", "Part %1"),
                1: Level("lowerLetter", "%1.%2)"),
                2: Level("decimalZero", "%3", start=8),
            },
            "bullets": {0: Level("bullet", "•")},
        },
        instances={
            1: ("outline", {}),
            2: ("outline", {}),
            3: ("outline", {0: 5}),
            4: ("bullets", {}),
        },
    )


def test_levels_count_reset_deeper_levels_and_use_their_own_formats() -> None:
    numbering = _numbering()
    labels = [numbering.label(1, level) for level in (0, 1, 1, 2, 2, 0, 1)]
    assert labels == ["Part I", "I.a)", "I.b)", "08", "09", "Part II", "II.a)"]


def test_lists_sharing_a_definition_continue_and_a_start_override_restarts() -> None:
    numbering = _numbering()
    assert numbering.label(1, 0) == "Part I"
    assert numbering.label(2, 0) == "Part II"  # another instance of the same list continues
    assert numbering.label(3, 0) == "Part V"  # startOverride 5, on its first paragraph only
    assert numbering.label(3, 0) == "Part VI"


def test_letters_past_z_repeat_as_word_writes_them() -> None:
    numbering = Numbering(levels={"x": {0: Level("lowerLetter", "(%1)")}}, instances={9: ("x", {})})
    labels = [numbering.label(9, 0) for _ in range(28)]
    assert labels[25:] == ["(z)", "(aa)", "(bb)"]


def test_bullets_and_unknown_lists_have_no_label() -> None:
    numbering = _numbering()
    assert numbering.label(4, 0) == ""
    assert numbering.label(99, 0) == ""
