"""Every quotation survives every reader byte for byte: pandoc's Markdown, GitHub's, markdown-it.

Each export is read back by the real readers (pandoc as a subprocess, to
JSON; markdown-it-py to HTML) and the text of every block quote compared
with the passage it quotes. Anything a reader turned into markup (maths,
a citation, curly quotes, a strike-through, an emoji) shows as a tag and
fails the comparison. Skipped where pandoc is missing, except on CI.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefer.core.citations import quotation_markdown, strip_enclosing_quotes
from briefer.core.mdtext import escape_markdown_text
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters.document import Run, RunKind, build_document
from briefer.exporters.markdown import render_markdown
from briefer.exporters.markdown_flavours import FLAVOURS, Flavour
from briefer.exporters.typography import curled_runs, nest_quotes, quote_style

# Quotations a tester's corpus broke, and their cousins: maths, citations, nested and
# straight quotes, typography pandoc "improves", line-initial markers, entities, emoji.
HOSTILE = [
    "Costs rose from $5 to $10 a tonne.",
    "The levy is $x$ per unit, or $ 3 $.",
    "Ask @minister, cc @press-office, or mail press@gov.example.",
    "See [@smith2020, p. 4] and -@doe.",
    'He said "no" -- then "yes"... and left.',
    "It's 'nested' inside \"double\" quotes",
    '"Leading quote" and a trailing one"',
    "~40%~ fall, H~2~O and 2^10^ too",
    "a <b>bold</b> claim & <https://example.org> link",
    "*stars* and **more** and _under_ and __double__",
    "[ ] unchecked, [x] checked, [link](http://x.y) and [ref][1]",
    "- a dash that starts it",
    "+ a plus that starts it",
    "* a star that starts it",
    "1. numbered start",
    "2024) year start",
    "a. lettered start",
    "A. Capital lettered start",
    "iv. roman start",
    "(1) parenthesised start",
    "(@) example start",
    "# not a heading",
    "#. hash list",
    "> not a quote",
    ": not a definition",
    "::: not a div",
    "| not | a | table |",
    "% not a title block",
    "= not an underline",
    "--- not a rule",
    "``` not a fence",
    "Mr. Smith met Dr. Jones and Prof. Lee, e.g. at St. Paul's.",
    "i.e. the 3 p.m. meeting, vol. 2, pp. 10-12, cf. No. 5",
    "Ellipses... and en -- and em --- dashes",
    "Backslash \\ at the end \\",
    "Escapes \\$ \\@ \\* already",
    "Entities &amp; &copy; &#169; &#x263A; stay as typed",
    "Emoji :smile: and :+1: and times 10:30:45",
    "Braces {.class} and {#id} and {=html}",
    "Footnote-ish ^[inline] and [^1] and [^note]",
    "Pipes a|b and backticks `code` and ``double``",
    "Caret ^up^ and tilde ~down~ and ~~strike~~",
    "A trailing hash #",
    "Percent 100% and slash 1/2 and hash #1",
    "email <me@example.org> and www.example.org and https://example.org/x_y_z",
    "snake_case_name and __init__ and 2*3*4",
    "Ünïcödé “curly” ‘quotes’ — dashes – and … kept",
    "قال الوزير إن الاتفاق جيد $5",
    "שלום @עולם",
    "数字 $1 和 @名字",
    "<!-- not a comment -->",
    "\\(not maths\\) and \\[not display\\]",
    "Tab\tand   spaces   fold",
    "'Single' at the start and the end'",
]


def _pandoc() -> str:
    found = shutil.which("pandoc")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("pandoc is not installed; CI must install it (see .ci/run)")
    pytest.skip("pandoc is not installed")


def _note(quotes: list[str]) -> tuple[Note, dict[int, Passage], dict[int, Article]]:
    passages = {
        i: Passage(article_id=1, start=0, end=1, text=q, id=i) for i, q in enumerate(quotes, 1)
    }
    body = "\n\nThe analyst's own words.\n\n".join(
        quotation_markdown(q, i) for i, q in enumerate(quotes, 1)
    )
    note = Note(
        title="Quotations",
        date=dt.date(2025, 12, 5),
        sections=(Section("Quotes", body, level=1, position=0),),
    )
    article = Article(title="A source", text="...", id=1)
    return note, passages, {1: article}


def _expected(quote: str) -> str:
    # Marks around the whole passage are not doubled (core.citations.quotation_markdown).
    return '"' + " ".join(strip_enclosing_quotes(" ".join(quote.split())).split()) + '"'


def _export(quotes: list[str], flavour: Flavour) -> str:
    return render_markdown(build_document(*_note(quotes)), flavour)


# --- pandoc --------------------------------------------------------------------------


def _inline_text(inlines: list[dict[str, Any]]) -> str:
    out = []
    for node in inlines:
        kind, content = node["t"], node.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak"):
            out.append(" ")
        elif kind == "Note":
            out.append("[^]")
        elif kind == "Link":  # a bare URL GitHub links: its words are unchanged
            out.append(_inline_text(content[1]))
        elif kind == "Quoted":  # curly quotes pandoc recognised: written back as typed
            marks = "“”" if content[0]["t"] == "DoubleQuote" else "‘’"
            out.append(marks[0] + _inline_text(content[1]) + marks[1])
        else:  # markup where the passage had none
            out.append(f"<{kind}>")
    return "".join(out)


def _pandoc_json(markdown: str, reader: str) -> dict[str, Any]:
    result = subprocess.run(
        [_pandoc(), "-f", reader, "-t", "json"],
        input=markdown,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _pandoc_paragraphs(markdown: str, reader: str) -> list[str]:
    return [
        _inline_text(block["c"])
        for block in _pandoc_json(markdown, reader)["blocks"]
        if block["t"] == "Para"
    ]


def _pandoc_quotes(markdown: str, reader: str) -> list[str]:
    quotes = []
    for block in _pandoc_json(markdown, reader)["blocks"]:
        if block["t"] == "BlockQuote":
            for inner in block["c"]:
                assert inner["t"] == "Para", inner
                quotes.append(_inline_text(inner["c"]).removesuffix("[^]"))
    return quotes


# --- markdown-it ---------------------------------------------------------------------


class _QuoteText(HTMLParser):
    def __init__(self, *, quoted: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.quoted = quoted  # paragraphs inside block quotes, or those outside them
        self.depth = 0
        self.quotes: list[str] = []
        self.current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "blockquote":
            self.depth += 1
        elif tag == "p" and bool(self.depth) == self.quoted:
            self.current = []
        elif self.current is not None:
            self.current.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "blockquote":
            self.depth -= 1
        elif tag == "p" and self.current is not None:
            text = re.sub(r"\[\^\d+\]$", "", "".join(self.current))
            self.quotes.append(" ".join(text.split(" ")))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data.replace("\n", " "))


def _markdown_it_quotes(markdown: str, *, quoted: bool = True) -> list[str]:
    parser = _QuoteText(quoted=quoted)
    parser.feed(MarkdownIt("commonmark").enable("table").render(markdown))
    return parser.quotes


def _read(markdown: str, reader: str) -> list[str]:
    return (
        _markdown_it_quotes(markdown)
        if reader == "markdown-it"
        else _pandoc_quotes(markdown, reader)
    )


# Which readers each flavour is for.
READERS = {"commonmark": ["gfm", "markdown-it"], "pandoc": ["markdown"]}
CASES = [(f, r) for f in FLAVOURS for r in READERS[f]]


@pytest.mark.parametrize(("flavour", "reader"), CASES)
def test_every_hostile_quotation_survives_the_reader(flavour: Flavour, reader: str) -> None:
    read = _read(_export(HOSTILE, flavour), reader)
    changed = [(q, r) for q, r in zip(HOSTILE, read, strict=True) if _expected(q) != r]
    assert not changed, f"{len(changed)} of {len(HOSTILE)} quotations changed: {changed}"


def _typeset(quote: str, language: str) -> str:
    """What the Word export prints for ``quote`` in ``language``: curled marks, set by depth."""
    runs = nest_quotes(curled_runs([Run(RunKind.TEXT, _expected(quote))]), quote_style(language))
    return "".join(run.text for run in runs)


@pytest.mark.parametrize("language", ["en-GB", "en-US"])
@pytest.mark.parametrize(("flavour", "reader"), CASES)
def test_quotations_keep_the_notes_marks_through_the_reader(
    flavour: Flavour, reader: str, language: str
) -> None:
    """With the note's language, the Markdown sets its quotation marks as the Word file
    does (‘outer “inner”’ in a British note), and every reader keeps them as written."""
    markdown = render_markdown(build_document(*_note(HOSTILE)), flavour, language)
    read = _read(markdown, reader)
    expected = [_typeset(q, language) for q in HOSTILE]
    assert expected[5] == (
        "‘It’s “nested” inside “double” quotes’"  # both inside, one level down
        if language == "en-GB"
        else "“It’s ‘nested’ inside ‘double’ quotes”"
    )
    changed = [(e, r) for e, r in zip(expected, read, strict=True) if e != r]
    assert not changed, f"{len(changed)} of {len(HOSTILE)} quotations changed: {changed}"


def test_commonmark_flavour_is_not_for_pandocs_markdown() -> None:
    """Why there are two flavours: pandoc's reader mangles plain CommonMark."""
    read = _pandoc_quotes(_export(HOSTILE, "commonmark"), "markdown")
    changed = [q for q, r in zip(HOSTILE, read, strict=True) if _expected(q) != r]
    assert len(changed) >= 8


_HOSTILE_CHARS = "$@~^<>*_[]()\\`\"'#-+=.:!|&;{}%/ \t0123456789aAiIvxé“”—–…ق"
_words = st.text(alphabet=_HOSTILE_CHARS, min_size=1, max_size=12)
_quotes = st.lists(
    st.lists(_words, min_size=1, max_size=6).map(" ".join).filter(lambda q: q.split()),
    min_size=1,
    max_size=12,
)


# No shrinking: each example runs pandoc three times. The failing quotes are in the message.
@settings(
    max_examples=int(os.environ.get("BRIEFER_HYPOTHESIS_EXAMPLES", "25")),
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(quotes=_quotes)
def test_any_quotation_survives_every_reader(quotes: list[str]) -> None:
    for flavour, reader in CASES:
        read = _read(_export(quotes, flavour), reader)
        assert read == [_expected(q) for q in quotes], (flavour, reader, quotes)


@pytest.mark.parametrize(("flavour", "reader"), CASES)
def test_the_analysts_own_paragraphs_survive_the_reader(flavour: Flavour, reader: str) -> None:
    """Line starts matter here (a quotation starts with its quote mark): lists, headings,
    definitions, divs, line blocks and the rest must stay words."""
    texts = [
        *HOSTILE,
        "A. Analyst wrote this",
        "B.  two spaces",
        "IV. roman",
        "z) lettered",
    ]
    body = "\n\n".join(escape_markdown_text(t) for t in texts)
    note = Note(title="Words", sections=(Section("Words", body, level=1, position=0),))
    markdown = render_markdown(build_document(note, {}, {}), flavour)
    if reader == "markdown-it":
        read = _markdown_it_quotes(markdown, quoted=False)
    else:
        read = _pandoc_paragraphs(markdown, reader)
    # White space is the reader's to fold (HTML does); markup is what must not appear.
    expected = [" ".join(t.split()) for t in texts]
    read = [" ".join(r.split()) for r in read]
    changed = [(t, r) for t, r in zip(expected, read, strict=True) if t != r]
    assert not changed, f"{len(changed)} of {len(texts)} paragraphs changed: {changed}"


META = {
    "title": 'Steel: "the deal" #1 - what\'s next? *$5* @ Dover',
    "author": "- A. Analyst",
    "recipient": "# Head of Trade\nPolicy: desk 3",
    "reference": "'BR-2025-117'",
    "marking": "OFFICIAL: SENSITIVE [x]",
}


def _meta_note() -> Note:
    return Note(
        title=META["title"],
        author=META["author"],
        recipient=META["recipient"],
        reference=META["reference"],
        marking=META["marking"],
        sections=(Section("Body", "Text.", level=1, position=0),),
    )


def _meta_text(value: dict[str, Any]) -> str:
    if value["t"] == "MetaInlines":
        return _inline_text(value["c"])
    if value["t"] == "MetaString":
        return str(value["c"])
    return f"<{value['t']}>"


def test_pandoc_reads_front_matter_values_as_typed() -> None:
    markdown = render_markdown(build_document(_meta_note(), {}, {}), "pandoc")
    meta = _pandoc_json(markdown, "markdown")["meta"]
    for key, value in META.items():
        assert _meta_text(meta[key]) == " ".join(value.split()), key


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_front_matter_is_quoted_yaml(flavour: Flavour) -> None:
    """Every value double-quoted on one line, so a YAML reader takes it as a string."""
    markdown = render_markdown(build_document(_meta_note(), {}, {}), flavour)
    head = markdown.split("\n---\n", 1)[0].removeprefix("---\n")
    lines = dict(line.split(": ", 1) for line in head.splitlines())
    assert set(lines) == {"title", "author", "recipient", "reference", "marking"}
    for key, value in META.items():
        assert lines[key].startswith('"') and lines[key].endswith('"')
        if flavour == "commonmark":  # exactly the value: Jekyll and Hugo show it as typed
            assert json.loads(lines[key]) == value


@settings(
    max_examples=int(os.environ.get("BRIEFER_HYPOTHESIS_EXAMPLES", "25")),
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(texts=_quotes)
def test_any_paragraph_survives_every_reader(texts: list[str]) -> None:
    body = "\n\n".join(escape_markdown_text(t) for t in texts)
    note = Note(title="Words", sections=(Section("Words", body, level=1, position=0),))
    expected = [" ".join(t.split()) for t in texts]
    for flavour, reader in CASES:
        markdown = render_markdown(build_document(note, {}, {}), flavour)
        if reader == "markdown-it":
            read = _markdown_it_quotes(markdown, quoted=False)
        else:
            read = _pandoc_paragraphs(markdown, reader)
        assert [" ".join(r.split()) for r in read] == expected, (flavour, reader, texts)
