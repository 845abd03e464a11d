"""Where Go to lands in a changed quotation: the first words that differ from the source."""

from __future__ import annotations

import pytest

from briefer.core.quote_diff import first_change

SOURCE = "The grid will be ready by the end of March, the minister said."


def changed(region: str, source: str = SOURCE) -> str | None:
    span = first_change(region, source)
    return None if span is None else region[span[0] : span[1]]


def test_a_replaced_word_is_the_span() -> None:
    assert changed('"The grid will be ready by the end of May, the minister said."') == "May,"


def test_the_first_of_several_changes_is_found() -> None:
    region = '"The grid shall be ready by the end of May, the minister said."'
    assert changed(region) == "shall"


def test_added_words_are_selected() -> None:
    region = '"The grid will surely be ready by the end of March, the minister said."'
    assert changed(region) == "surely"


def test_left_out_words_give_the_caret_where_they_were() -> None:
    region = '"The grid will be by the end of March, the minister said."'
    span = first_change(region, SOURCE)
    assert span is not None and span[0] == span[1] == region.index("by the")


def test_a_quotation_after_the_analysts_words_is_read_from_its_own_mark() -> None:
    """The analyst's lead-in is not part of the quotation, so it is not a change."""
    region = 'As she put it, "The grid will be ready by the end of April, the minister said."'
    assert changed(region) == "April,"
    assert changed(region.replace("April", "March")) is None


def test_a_matching_quotation_has_no_change() -> None:
    assert changed(f'"{SOURCE}"') is None
    assert changed(f'"{SOURCE}"', f'"{SOURCE}"') is None  # a source tagged with its marks


@pytest.mark.parametrize(
    "region",
    [
        '"The grid will be ready\n"by the end of April, the minister said."',  # the page
        '> "The grid will be ready\n> "by the end of April, the minister said."',  # Markdown
        '> "The grid will be ready\n>\n> by the end of April, the minister said."',
    ],
)
def test_later_paragraphs_lose_their_marks_not_their_words(region: str) -> None:
    assert changed(region) == "April,"
    assert changed(region.replace("April", "March")) is None


def test_no_closing_mark_means_no_quotation() -> None:
    assert first_change("The grid will be ready", SOURCE) is None
    assert first_change("", SOURCE) is None


def test_a_rewritten_quotation_selects_all_its_words() -> None:
    assert changed('"Something else entirely."') == "Something else entirely."


def test_punctuation_after_the_closing_mark_still_finds_the_change() -> None:
    region = '"The grid will be ready by the end of May, the minister said.",'
    assert changed(region) == "May,"
