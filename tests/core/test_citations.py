"""The citation token: finding it as an analyst means it, and quoting passages safely."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefer.core.citations import (
    CITATION_PATTERN,
    citation_token,
    find_citations,
    quotation_markdown,
    strip_enclosing_quotes,
)
from briefer.core.mdtext import escape_markdown_text


def test_token_round_trips_through_the_pattern() -> None:
    token = citation_token(42)
    assert token == "[@p42]"
    match = CITATION_PATTERN.fullmatch(token)
    assert match is not None and int(match.group(1)) == 42


def test_negative_id_is_refused() -> None:
    with pytest.raises(ValueError, match="never negative"):
        citation_token(-1)


def test_ids_in_order_of_first_appearance_without_repeats() -> None:
    body = 'Intro [@p3] then [@p10].\n\n> "Quoted." [@p3]\n\n- a point [@p7]\n'
    assert find_citations(body) == [3, 10, 7]


def test_tokens_in_code_or_escaped_are_not_citations() -> None:
    body = (
        "Write `[@p1]` to cite, or ``[@p2] `x` `` or \\[@p3].\n\n"
        "```\n[@p4]\n```\n\n"
        "~~~~ md\n[@p5]\n~~~~\n\n"
        "    [@p6] in an indented code block\n\n"
        "<https://example.org/[@p8]> but [@p9] counts\n"
    )
    assert find_citations(body) == [9]


def test_unclosed_backtick_does_not_hide_later_citations() -> None:
    assert find_citations("a ` stray backtick [@p5]") == [5]


def test_citations_inside_quotes_and_lists_are_found() -> None:
    body = "> quoted [@p1]\n>\n> ```\n> [@p2]\n> ```\n\n1. item [@p3]\n\n   more [@p4]\n"
    assert find_citations(body) == [1, 3, 4]


def test_near_misses_are_not_citations() -> None:
    assert find_citations("[@p] [@px1] [p1] [@P1] [@p1 ] @p1") == []


def test_quotation_is_a_block_quote_ending_with_the_token() -> None:
    md = quotation_markdown("Exact words of the passage.", 42)
    assert md == '> "Exact words of the passage."[@p42]'
    assert find_citations(md) == [42]


def test_quotation_of_several_paragraphs_stays_one_quote() -> None:
    md = quotation_markdown("First para\nwraps here.\n\n2024. Second *para*.", 5)
    tokens = MarkdownIt("commonmark").parse(md)
    types = [t.type for t in tokens]
    assert types.count("blockquote_open") == 1
    assert types.count("paragraph_open") == 2
    texts = [t.content for t in tokens if t.type == "inline"]
    assert texts[0] == '"First para wraps here.'
    assert _plain(tokens)[1] == '"2024. Second *para*."[@p5]'  # a mark opens each paragraph


def test_empty_passage_is_refused() -> None:
    with pytest.raises(ValueError, match="no words"):
        quotation_markdown(" \n\n ", 3)


def _plain(tokens: list) -> list[str]:  # type: ignore[type-arg]
    out = []
    for token in tokens:
        if token.type == "inline":
            out.append(
                "".join(
                    " " if c.type == "softbreak" else c.content
                    for c in token.children or ()
                    if c.type in ("text", "code_inline", "softbreak", "text_special")
                )
            )
    return out


_PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"))
_TRICKY = st.sampled_from(
    [
        *"*_#<>[]`\\|&!-+=~.)( \t",
        *("&amp;", "&#42;", "1.", "2)", "---", "***", "[@p1]", "    ", "<b>", "<http://x>"),
    ]
)
_TEXT = st.lists(st.one_of(_TRICKY, st.text(_PRINTABLE, max_size=5)), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=10**9))
def test_any_passage_quotes_as_itself_and_cites_only_itself(text: str, passage_id: int) -> None:
    paragraph = " ".join(strip_enclosing_quotes(" ".join(text.split())).split())
    if not paragraph:
        return
    md = quotation_markdown(text, passage_id)
    assert find_citations(md) == [passage_id]
    tokens = MarkdownIt("commonmark").parse(md)
    assert tokens[0].type == "blockquote_open"
    assert _plain(tokens) == [f'"{paragraph}"{citation_token(passage_id)}']


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_escaped_text_is_never_a_citation_and_renders_as_itself(text: str) -> None:
    line = " ".join(text.split())
    if not line:
        return
    escaped = escape_markdown_text(line)
    assert find_citations(escaped) == []
    assert _plain(MarkdownIt("commonmark").enable("table").parse(escaped)) == [line]


@pytest.mark.parametrize(
    "passage",
    [
        '"We\'re taking the long view," the minister said',
        "“We're taking the long view,” the minister said",
    ],
)
def test_a_passage_with_its_own_quotation_inside_keeps_it(passage: str) -> None:
    assert strip_enclosing_quotes(passage) == passage  # the marks do not enclose it all


@pytest.mark.parametrize(
    "passage", ['"We\'re taking the long view."', "“We're taking the long view.”"]
)
def test_outer_marks_are_never_doubled(passage: str) -> None:
    md = quotation_markdown(passage, 3)
    assert md == '> "We\'re taking the long view."[@p3]'


def test_a_short_passage_can_be_quoted_run_in() -> None:
    md = quotation_markdown("Exports rose 5%.", 8, block=False)
    assert md == '"Exports rose 5%."[@p8]'
    assert MarkdownIt("commonmark").parse(md)[0].type == "paragraph_open"
