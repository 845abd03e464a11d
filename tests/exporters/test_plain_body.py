"""The markdown-it-free reader of plain bodies never changes an export.

Whenever plain_body.plain_tokens reads a body, the document built from its tokens
must equal the one markdown-it's tokens give, blocks, runs, footnotes and all; for
anything else it must say None. The property tests feed it the characters and line
shapes that make CommonMark surprising.
"""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters import document
from briefer.exporters.document import BlockKind, ExportDocument, RunKind, build_cited
from briefer.exporters.plain_body import plain_tokens

ARTICLES = {
    1: Article(title="Harbour deal signed", text="...", publisher="The Times", id=1),
    2: Article(title="Ports brace", text="...", id=2),
}
PASSAGES = {
    1: Passage(article_id=1, start=0, end=5, text="The harbour deal", id=1),
    22: Passage(article_id=2, start=0, end=5, text="Ports brace", id=22),
    5: Passage(article_id=9, start=0, end=5, text="An article since deleted", id=5),
}

RISKY = ["> ", ">", "\n", "\n\n", " ", "  ", '"', "[@p1]", "[@p22]", "[@p3]", "[@p5]", "[",
         "]", ":", "-", "1.", "1)", "#", "*", "_", "=", "a", "word", "é", "\u00a0", "\t",
         "&amp;", "<b>", "`", "\r", "\\", "!", "|", "~", "2024.", "\u2003", "\x0b", "(", ")",
         ".", "&", ";", "&#", "x", "&#32;", "amp", "!", "![@p1]"]  # fmt: skip
MOSTLY_PLAIN = ["> ", ">", "\n", "\n\n", " ", '"', "[@p1]", "[@p22]", "[@p3]", ":", "-",
                "1.", "1)", "#", "=", "a", "word", "é", ".", "2024", ")", "&", ";", "amp",
                "#", "x", "!", "["]  # fmt: skip


def _bodies(alphabet: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(alphabet), max_size=30).map("".join)


def _note(*bodies: str) -> Note:
    sections = tuple(Section(f"S{n}", body, position=n) for n, body in enumerate(bodies))
    return Note(title="T", sections=sections)


def _built(note: Note) -> tuple[ExportDocument, ExportDocument, document.Cites]:
    """The preview's document, and the document and citations a style would format."""
    preview = document.build_document(note, PASSAGES, ARTICLES)
    cited, cites = build_cited(note, PASSAGES, ARTICLES)
    return preview, cited, cites


def _by_markdown_it(note: Note) -> tuple[ExportDocument, ExportDocument, document.Cites]:
    with mock.patch.object(document, "plain_tokens", lambda body: None):
        return _built(note)


def _assert_same_as_markdown_it(*bodies: str) -> None:
    note = _note(*bodies)
    assert _built(note) == _by_markdown_it(note), bodies


@settings(max_examples=3000, deadline=None)
@given(_bodies(RISKY), _bodies(RISKY))
def test_whatever_it_reads_markdown_it_reads_the_same(first: str, second: str) -> None:
    if plain_tokens(first) is not None or plain_tokens(second) is not None:
        _assert_same_as_markdown_it(first, second)


@settings(max_examples=3000, deadline=None)
@given(_bodies(MOSTLY_PLAIN), _bodies(MOSTLY_PLAIN))
def test_mostly_plain_bodies_read_the_same(first: str, second: str) -> None:
    if plain_tokens(first) is not None or plain_tokens(second) is not None:
        _assert_same_as_markdown_it(first, second)


_LINE_TEXTS = ["", "", "word", "two words", '"Quoted."[@p1]', "a [@p22] b", "x > y",
               "1. item", "- item", "===", "---", "> nested", "end ", "[@p1]: x", "1.5 m",
               "[@p1]"]  # fmt: skip
_LINE = st.tuples(
    st.sampled_from(["", ">", "> ", ">>", "> >", "> > ", ">>>", " ", "  >"]),
    st.sampled_from(_LINE_TEXTS),
).map("".join)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_LINE, max_size=8).map("\n".join))
def test_quote_depths_and_blank_lines_read_the_same(body: str) -> None:
    if plain_tokens(body) is not None:
        _assert_same_as_markdown_it(body)


READ_PLAIN = [
    "",
    "\n",
    "\n\n\n",
    ">",
    "> ",
    "> \n>\n",
    "One line.",
    "One line.\n",
    "\n\nAfter blank lines.",
    "Two\nlines of one paragraph.",
    "First.\n\nSecond.",
    '> "Quoted words."[@p1]',
    '> "Quoted."[@p1]\n\nAnd my view [@p22].',
    "> a\n>\n> b",
    "> a\n> \n> b",
    "> > deep\n>\n> shallow",
    "> > deep\n\nnone",
    ">> deep\n>> still deep",
    "> a\n> >\n> b",
    "a\n>\nb",
    "a\n>\n>b",
    "a > b and 3 > 2",
    "Cited [@p1][@p22] together, [@p1] [@p22] apart and [@p3] missing [@p5] orphaned.",
    "Ends with a citation[@p1]",
    "1.5 million tonnes",
    "2024 was a year. (Smith) said so: yes.",
    "word#word and 1) mid-line - here + there = everywhere ~ maybe",
    "é and “curly” quotes, – dashes —",
    "R&D, AT&T, &c. & more",
    "Now! !important [@p1]!",
    "&;",
]


@pytest.mark.parametrize("body", READ_PLAIN)
def test_plain_shapes_are_read_as_markdown_it_reads_them(body: str) -> None:
    assert plain_tokens(body) is not None
    _assert_same_as_markdown_it(body)


LEFT_TO_MARKDOWN_IT = [
    "*emphasis*",
    "**strong**",
    "_emphasis_",
    "- a list",
    "1. a list",
    "1) a list",
    "2024. A year",
    "# Heading",
    "Setext\n===",
    "Setext\n---",
    "`code`",
    "```\nfence\n```",
    "~~~\nfence\n~~~",
    "    indented code",
    " leading space",
    "trailing space ",
    "hard  \nbreak",
    "hard\\\nbreak",
    "[a link](https://example.org)",
    "<https://example.org>",
    "![image](a.png)",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "<div>html</div>",
    "a <b>tag</b>",
    "Fish &amp; chips",
    "&#32;",
    "&#x41;",
    "&notanentity;",
    "![@p1]",
    "![image][@p1]",
    "\\[@p1] escaped",
    "[@p1]: https://example.org",
    "[@p1]:",
    "[not a citation]",
    "a\tb",
    "a\r\nb",
    "a\u00a0b",
    "a\u2028b",
    "a\x00b",
    "> lazy\ncontinuation",
    "plain\n> interrupted by a quote",
    "> a\n> > deeper without a blank",
    ">  two spaces",
    "  > indented quote",
]


@pytest.mark.parametrize("body", LEFT_TO_MARKDOWN_IT)
def test_anything_else_is_left_to_markdown_it(body: str) -> None:
    assert plain_tokens(body) is None


def test_a_drafted_note_takes_the_plain_path_and_exports_the_same() -> None:
    quotation = quotation_markdown(
        "The harbour deal was signed on Tuesday, after 3 years.\n\n"
        'Grain exports will rise by 40% - or so the minister said: "soon".',
        1,
    )
    analysis = "The deal matters for the region's farmers [@p22]. It was 1.5 years late."
    quote_only = quotation_markdown("Ports brace for a hard winter.", 22)
    assert plain_tokens(quotation) is not None
    assert plain_tokens(analysis) is not None
    assert plain_tokens(quote_only) is not None
    _assert_same_as_markdown_it(quotation + "\n\n" + analysis, quote_only)
    preview, _, _ = _built(_note(quotation + "\n\n" + analysis))
    kinds = [(b.kind, b.level) for b in preview.blocks]
    assert kinds == [
        (BlockKind.HEADING, 1),
        (BlockKind.QUOTE, 1),
        (BlockKind.QUOTE, 1),
        (BlockKind.PARAGRAPH, 0),
    ]
    assert preview.blocks[2].runs[-1] == document.Run(RunKind.FOOTNOTE, footnote=1)
    assert [f.passage_id for f in preview.footnotes] == [1, 22]
