"""A linear pre-scan of HTML markup that refuses what the C parser cannot read in bounded time
or memory, before it sees a byte: one element with thousands of attributes, millions of elements,
or hundreds of thousands of paragraphs.

libxml2 compares each new attribute with every earlier one of the same element, so an
element of 60,000 attributes takes seconds to parse and one of 300,000 took over ten
minutes, inside C code no deadline can interrupt. A parsed element costs about 400
bytes, so a page of a million elements needs more memory than an import may use.
Imports only the standard library and briefer.importers.base.
"""

from __future__ import annotations

import itertools
import re

from briefer.importers.base import ImportRejected

MAX_BLOCKS = 250_000
"""Blocks (paragraphs, headings, list items, rows) made of one page or e-mail. An article
has a few hundred, a 10 MB table dump 60,000; each costs about 200 bytes beside its text,
and callers copy them (the title put first, mail furniture dropped), on top of a tree whose
freed memory Python never reuses: 600,000 one-word paragraphs peaked at 480 MB as a page
and 540 MB as an e-mail. The walk counts the blocks it makes; this pre-scan counts the
elements that open one (``_BLOCK_TAGS``) first, so a page of 300,000 paragraphs is refused
in seconds, not after a minute of parsing and walking."""
_BLOCK_TAGS = frozenset(
    ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre", "blockquote", "dt", "dd")
)
MAX_ATTRIBUTES = 500
"""Attributes on one element. Real pages have a few dozen at most (framework markup,
``data-*`` attributes); 500 parse in about a millisecond, a 60,000-attribute element in 5 s."""
MAX_MARKUP_CHARS = 32 * 1024 * 1024
"""Characters of markup in one page, inline images (``data:`` URIs) aside. A saved news
page has well under 5 MB; its tree, its blocks and the article text each cost a few
times the text, so 60 MB of short paragraphs peaked at 600 MB."""
MAX_NODES = 600_000
"""Elements and attributes in one page. A saved news page has a few thousand, a 10 MB page
of flat tables about 530,000. Parsed, an element costs about 300 to 400 bytes, an attribute
260, and each block the walk makes of it 200 more: a million ``<span>``s took 1.1 GB,
740,000 one-word paragraphs 580 MB, and 5 MB of attribute-laden elements 660 MB once the
extractor had copied them. Past this the page is a data dump, not an article."""

# The tokens that matter, as the HTML tokenizer meets them: comments and the raw text of
# script and style (whose "<" open no tags), and start tags with their attribute run, read
# as HTML5 reads them (quoted values may hold ">"; no space is needed after a quoted
# value). Every quantifier is possessive, so a token matches one way only, the scan
# never backtracks, and it resumes after each token: each character is read a bounded
# number of times.
_ATTRIBUTE = r"""[\s/]*+[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?+"""
_TOKEN = re.compile(
    r"<!--(?:-?>|.*?--!?>|.*+)"  # a comment, closed as HTML5 closes one, or to the end
    rf"|(<[A-Za-z][^\s/>]*+)(?:{_ATTRIBUTE})*+",
    re.DOTALL,
)
_ATTRIBUTES = re.compile(_ATTRIBUTE, re.DOTALL)
_URI_END = re.compile(r"[\"'<>\s]")
_RAW_TEXT = re.compile(r"<(script|style)\b", re.IGNORECASE)
_RAW_END = {tag: re.compile(rf"</{tag}[\s/>]", re.IGNORECASE) for tag in ("script", "style")}


def check_markup(
    text: str,
    name: str,
    *,
    max_attributes: int = MAX_ATTRIBUTES,
    max_nodes: int = MAX_NODES,
    max_chars: int = MAX_MARKUP_CHARS,
    max_blocks: int | None = None,
) -> None:
    """Raises ``ImportRejected`` when ``text`` has more than ``max_chars`` of markup besides
    inline images, an element with more than ``max_attributes`` attributes, or more than
    ``max_nodes`` elements and attributes, or more than ``max_blocks`` (``MAX_BLOCKS``)
    paragraphs, list items, headings and rows, each of which would be a block.

    One pass over the text: a 60 MB page takes about a second.
    """
    markup = len(text) - _inline_images(text) if len(text) > max_chars else len(text)
    if markup > max_chars:
        raise ImportRejected(
            f"{name} holds {markup / 1048576:.0f} MB of markup besides its images, more than"
            f" the {max_chars // 1048576} MB a web page may have (a saved news page has"
            " under 5). Save only the article, or print it to PDF, and import that."
        )
    blocks_allowed = MAX_BLOCKS if max_blocks is None else max_blocks
    nodes = blocks = 0
    position = 0
    while match := _TOKEN.search(text, position):
        position = match.end()
        if match.group(1) is None:  # a comment
            continue
        # The token's attributes run from its name to its end, one after the other.
        attributes = 0
        if position > match.end(1):
            run = _ATTRIBUTES.finditer(text, match.end(1), position)
            attributes = sum(1 for _ in itertools.islice(run, max_attributes + 1))
        if attributes > max_attributes:
            raise ImportRejected(
                f"{name} has an element ({match.group(1)[:40]}>) with more than"
                f" {max_attributes:,} attributes, where real pages have a few dozen, so it"
                " cannot be read safely. Open it in a browser and save it again, or print it"
                " to PDF and import that."
            )
        nodes += 1 + attributes
        if nodes > max_nodes:
            raise ImportRejected(
                f"{name} has more than {max_nodes:,} elements and attributes, far more than"
                " an article (a saved news page has a few thousand), so Briefer cannot read"
                " it in bounded memory. Save only the article, or print it to PDF, and"
                " import that."
            )
        if match.group(1)[1:].lower() in _BLOCK_TAGS:
            blocks += 1
            if blocks > blocks_allowed:
                raise ImportRejected(
                    f"{name} has more than {blocks_allowed:,} paragraphs, rows and headings,"
                    " far more than an article (a long report has a few thousand), so Briefer"
                    " cannot read it in bounded memory. Save only the part you need, or print"
                    " it to PDF, and import that."
                )
        raw = _RAW_TEXT.match(text, match.start())
        if raw:  # script and style hold text, not markup: go on after their end tag
            close = _RAW_END[raw.group(1).lower()].search(text, position)
            position = close.end() if close else len(text)


def _inline_images(text: str) -> int:
    """Characters of ``data:`` URIs, which the parser keeps as one string each."""
    total = position = 0
    while (start := text.find("data:", position)) >= 0:
        end_match = _URI_END.search(text, start)
        end = end_match.start() if end_match else len(text)
        total += end - start
        position = max(end, start + 5)
    return total
