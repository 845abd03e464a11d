"""HTML to blocks: structure kept, clutter dropped, hostile nesting survived."""

from __future__ import annotations

import time

import pytest

from briefer.core.model import BlockKind
from briefer.importers.base import ArticleBuilder, ImportLimits, ImportRejected
from briefer.importers.htmlconvert import html_to_article_blocks


def convert(html: str | bytes, **kw: object) -> tuple[str, list[tuple[BlockKind, str, int, bool]]]:
    builder = ArticleBuilder()
    limits = kw.pop("limits", ImportLimits())
    title = html_to_article_blocks(html, builder, limits=limits, **kw)  # type: ignore[arg-type]
    text = builder.text()
    return title, [(b.kind, text[b.start : b.end], b.level, b.ordered) for b in builder.blocks]


PAGE = """<!doctype html><html><head><title>Port  deal signed</title>
<style>p { color: red }</style><script>track()</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<h1>Port deal signed</h1>
<p>The harbour authority <b>signed</b> the lease on Monday.<!-- ad slot --></p>
<h3>What changes</h3>
<blockquote><p>This is a good day for the coast.</p></blockquote>
<ul><li>Two new berths<ol><li>North quay</li><li>South quay</li></ol></li><li>A rail spur</li></ul>
<table><tr><th>Year</th><th>Tonnes</th></tr><tr><td>2024</td><td>1.2m</td></tr></table>
<pre>berth  depth
N1     14m</pre>
<figure><img src="http://example.invalid/x.png">
<figcaption>The north quay at dawn</figcaption></figure>
<p style="display: none">Hidden preheader</p><div hidden>Also hidden</div>
<form><input value="Search"><button>Go</button></form>
<p>Work starts in spring.</p></body></html>"""


def test_structure_of_a_page_becomes_blocks() -> None:
    title, blocks = convert(PAGE)
    assert title == "Port deal signed"
    assert blocks == [
        (BlockKind.HEADING, "Port deal signed", 1, False),
        (BlockKind.PARAGRAPH, "The harbour authority signed the lease on Monday.", 0, False),
        (BlockKind.HEADING, "What changes", 3, False),
        (BlockKind.QUOTE, "This is a good day for the coast.", 0, False),
        (BlockKind.LIST_ITEM, "Two new berths", 1, False),
        (BlockKind.LIST_ITEM, "North quay", 2, True),
        (BlockKind.LIST_ITEM, "South quay", 2, True),
        (BlockKind.LIST_ITEM, "A rail spur", 1, False),
        (BlockKind.TABLE_ROW, "Year | Tonnes", 0, False),
        (BlockKind.TABLE_ROW, "2024 | 1.2m", 0, False),
        (BlockKind.PREFORMATTED, "berth  depth\nN1     14m", 0, False),
        (BlockKind.CAPTION, "The north quay at dawn", 0, False),
        (BlockKind.PARAGRAPH, "Work starts in spring.", 0, False),
    ]


def test_fragment_without_title_and_double_breaks_split_paragraphs() -> None:
    title, blocks = convert("<div>First line<br>same paragraph<br><br>Second paragraph</div>")
    assert title == ""
    assert [b[1] for b in blocks] == ["First line same paragraph", "Second paragraph"]


def test_layout_tables_of_newsletters_read_as_flow() -> None:
    html = (
        "<table role='presentation'><tr><td><table><tr><td><h2>Story one</h2>"
        "<p>Text one.</p></td><td><h2>Story two</h2><p>Text two.</p></td></tr></table>"
        "</td></tr></table>"
    )
    _, blocks = convert(html)
    assert [(b[0], b[1]) for b in blocks] == [
        (BlockKind.HEADING, "Story one"),
        (BlockKind.PARAGRAPH, "Text one."),
        (BlockKind.HEADING, "Story two"),
        (BlockKind.PARAGRAPH, "Text two."),
    ]


def test_bytes_use_declared_charset_and_container_encoding() -> None:
    page = "<meta charset='windows-1251'><p>Переговоры продолжатся в пятницу.</p>"
    _, blocks = convert(page.encode("cp1251"))
    assert blocks[0][1] == "Переговоры продолжатся в пятницу."
    _, blocks = convert("<p>Café «crème» – 5 €</p>".encode("cp1252"), base_encoding="cp1252")
    assert blocks[0][1] == "Café «crème» – 5 €"


def test_internal_dtd_entities_are_not_expanded() -> None:
    html = (
        '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY x SYSTEM "file:///etc/passwd">]><p>Hi &b; &x; &amp; &eacute;</p>'
    )
    _, blocks = convert(html)
    assert len(blocks) == 1
    assert "aaaa" not in blocks[0][1] and "root:" not in blocks[0][1]
    assert blocks[0][1].endswith("& é")


def test_empty_input_gives_no_blocks() -> None:
    assert convert("") == ("", [])
    assert convert(b"   ") == ("", [])


def test_hundred_thousand_nested_divs_are_flattened_quickly() -> None:
    html = "<p>before</p>" + "<div>" * 100_000 + "deep text" + "</div>" * 100_000 + "<p>after</p>"
    started = time.monotonic()
    _, blocks = convert(html)
    assert time.monotonic() - started < 3
    assert [b[1] for b in blocks] == ["before", "deep text", "after"]


def test_nesting_beyond_the_limit_is_flattened_not_lost() -> None:
    html = "<div>" * 30 + "<p>inner <b>text</b></p><ul><li>item</li></ul>" + "</div>" * 30
    _, blocks = convert(html, limits=ImportLimits(max_nesting=10))
    assert len(blocks) == 1
    assert blocks[0][1] == "inner text item"


def test_deep_nesting_that_cannot_be_flattened_is_refused_clearly() -> None:
    html = "<blockquote>" * 5000 + "x" + "</blockquote>" * 5000
    started = time.monotonic()
    with pytest.raises(ImportRejected, match="nested more than"):
        convert(html)
    assert time.monotonic() - started < 3
