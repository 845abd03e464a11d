"""Markdown export: structure a reader checks, and any text surviving a round trip."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefer.core.model import BlockKind as Imported
from briefer.exporters import export_note
from briefer.exporters.document import (
    Block,
    BlockKind,
    ExportDocument,
    Metadata,
    Run,
    RunKind,
    make_parser,
)
from briefer.exporters.markdown import export_markdown, render_markdown, yaml_string
from briefer.exporters.markdown_flavours import Flavour
from briefer.importers.base import ImportLimits
from briefer.importers.markdown import MarkdownImporter

from .conftest import PORTS_QUOTE, SECOND_STEEL_QUOTE, STEEL_QUOTE


def _front_matter(text: str) -> dict[str, str]:
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, "the file starts with YAML front matter"
    values = {}
    for line in match.group(1).splitlines():
        key, _, value = line.partition(": ")
        values[key] = json.loads(value) if value.startswith('"') else value
    return values


def _plain(token: Token) -> str:
    return "".join(
        " " if c.type == "softbreak" else c.content
        for c in token.children or ()
        if c.type in ("text", "code_inline", "softbreak")
    )


def test_markdown_file_has_front_matter_body_sources_and_footnotes(
    document: ExportDocument, tmp_path: Path
) -> None:
    target = tmp_path / "note.md"
    export_markdown(document, target)
    text = target.read_text(encoding="utf-8")
    assert _front_matter(text) == {
        "title": "Steel and ports: the week ahead",
        "author": "A. Analyst",
        "date": "2025-12-05",
        "recipient": "Head of Trade Policy",
        "reference": "BR-2025-117",
        "marking": "OFFICIAL-SENSITIVE",
    }
    body = text.split("---\n", 2)[2]
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    headings = [
        (t.tag, _plain(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert headings == [
        ("h1", "Summary"),
        ("h2", "Ports"),
        ("h1", "Key figures"),
        ("h1", "Sources"),
    ]
    quotes = [_plain(tokens[i + 2]) for i, t in enumerate(tokens) if t.type == "blockquote_open"]
    assert quotes == [
        f'"{STEEL_QUOTE}"[^1]',
        f'"{PORTS_QUOTE}"[^2]',
        f'"{SECOND_STEEL_QUOTE}"[^3]',
    ]
    types = [t.type for t in tokens]
    assert types.count("bullet_list_open") == 3  # summary list, nested list, Sources list
    assert types.count("ordered_list_open") == 1
    assert "table_open" in types
    cells = [
        _plain(t)
        for t in tokens
        if t.type == "inline" and tokens.index(t) > types.index("table_open")
    ]
    assert "Quota a|b" in cells
    assert re.search(
        r"^\[\^1\]: EU and UK agree steel deal, The Courier, 4 December 2025", text, re.M
    )
    assert re.search(r"^\[\^2\]: Ports brace for a hard winter\.$", text, re.M)
    assert text.count("[^1]") == 3  # two citations and the definition


def test_bold_and_italic_survive(document: ExportDocument) -> None:
    text = render_markdown(document)
    assert "**good news**" in text and "*exporters*" in text


@pytest.mark.parametrize("flavour", ["commonmark", "pandoc"])
def test_a_markdown_export_imported_back_keeps_its_footnotes(
    document: ExportDocument, flavour: Flavour
) -> None:
    """An analyst's exported note, imported as a source, cites as it did: "[n]" marks
    and the notes listed at the end, not "[^1]" syntax."""
    data = render_markdown(document, flavour).encode()
    article = MarkdownImporter().extract(data, "note.md", ImportLimits())
    blocks = [(b.kind, article.block_text(b)) for b in article.blocks]
    assert "[^" not in article.text
    assert (Imported.QUOTE, f'"{STEEL_QUOTE}"[1]') in blocks
    assert (Imported.QUOTE, f'"{PORTS_QUOTE}"[2]') in blocks
    steel = "EU and UK agree steel deal, The Courier, 4 December 2025, https://example.org/steel."
    assert blocks[-4:] == [
        (Imported.HEADING, "Notes"),
        (Imported.PARAGRAPH, f"[1] {steel}"),
        (Imported.PARAGRAPH, "[2] Ports brace for a hard winter."),
        (Imported.PARAGRAPH, f"[3] {steel}"),
    ]


def test_tildes_are_not_struck_through_by_github_flavoured_readers() -> None:
    text = "Exports ~~fell~~ rose ~40% (~5 bn)"
    block = Block(BlockKind.PARAGRAPH, (Run(RunKind.TEXT, text),))
    body = render_markdown(ExportDocument(Metadata(title="T"), (block,))).split("---\n", 2)[2]

    tokens = MarkdownIt("gfm-like").disable("linkify").parse(body)

    (inline,) = [t for t in tokens if t.type == "inline"]
    assert [c.type for c in inline.children or ()] == ["text"]
    assert inline.children[0].content == text  # type: ignore[index]


def test_export_note_writes_markdown_and_reports_problems(
    note, passages, articles, tmp_path: Path
) -> None:
    del passages[7]
    target = tmp_path / "note.md"
    document = export_note(note, passages, articles, target, "md")
    assert document.problems and "passage 7" in document.problems[0]
    assert "\\[missing source: passage 7\\]" in target.read_text(encoding="utf-8")


def test_yaml_strings_are_safe_for_any_text() -> None:
    nasty = 'He said: "no" \\ #not-a-comment\n- list? \u0085\ufeff'
    assert json.loads(yaml_string(nasty)) == nasty
    assert "\n" not in yaml_string(nasty)


_PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"))
_TRICKY = st.sampled_from(
    [
        *"*_#<>[]`\\|&!-+=~.)( \t",
        *("&amp;", "&#42;", "1.", "2)", "12. ", "- ", "+ ", "===", "---", "***", "    "),
        *("[@p1]", "[^1]", "<b>", "<http://x.org>", "```", "~~~", "\\*", "**x**"),
    ]
)
_LINE = (
    st.lists(st.one_of(_TRICKY, st.text(_PRINTABLE, max_size=6)), min_size=1, max_size=12)
    .map(lambda parts: " ".join("".join(parts).split()))
    .filter(bool)
)


@settings(max_examples=400, deadline=None)
@given(_LINE, st.sampled_from([BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM]))
def test_any_text_renders_as_itself(text: str, kind: BlockKind) -> None:
    block = Block(kind, (Run(RunKind.TEXT, text),), level=1, list_id=1)
    markdown = render_markdown(ExportDocument(Metadata(title="T"), (block,)))
    body = markdown.split("---\n", 2)[2]
    tokens = make_parser().parse(body)
    inline = [t for t in tokens if t.type == "inline"]
    assert len(inline) == 1, body
    assert all(c.type != "citation" for c in inline[0].children or ())
    assert " ".join(_plain(inline[0]).split()) == text
