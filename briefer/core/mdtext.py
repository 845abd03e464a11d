"""Escaping plain text so CommonMark renders it as exactly that text.

Standard library only. Used by core/citations.py (quotations) and by the
Markdown exporter; it must not import anything outside the standard library.
"""

from __future__ import annotations

import re

from briefer.core.patterns import compiled

_ENTITY_LIKE = r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)"
"""Compiled at first use (core.patterns): most text holds no "&"."""
_ORDERED_MARKER = re.compile(r"^([0-9]{1,9})([.)])(?=[ \t]|$)")
_LINE_START_PUNCTUATION = frozenset("#>-+=~*_`|[<")
_ALWAYS_ESCAPED = frozenset("\\`*[]<|~")


def _whitespace_entity(ch: str) -> str:
    return f"&#{ord(ch)};"


def escape_inline(text: str) -> str:
    """Escape text that stands in the middle of a line of CommonMark.

    Only characters that could start markup are escaped, so ordinary prose
    ("U.S. exports rose 5%") stays readable in the .md file. ``~`` is
    escaped too: GitHub-flavoured readers strike through ``~40%~``. Line breaks are
    folded to spaces: a caller that wants a hard break writes one itself.
    An underscore between two letters or digits is left alone because
    CommonMark never treats it as emphasis there (snake_case, file_names).
    """
    out: list[str] = []
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    for i, ch in enumerate(text):
        if ch in _ALWAYS_ESCAPED:
            out.append("\\" + ch)
        elif ch == "_":
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            out.append("_" if before.isalnum() and after.isalnum() else "\\_")
        elif ch == "&" and compiled(_ENTITY_LIKE).match(text, i):
            out.append("\\&")
        else:
            out.append(ch)
    return "".join(out)


def protect_line_start(line: str, *, leading: bool = True, trailing: bool = True) -> str:
    """Make an already inline-escaped line unable to open a block construct.

    Leading and trailing white space would be eaten (or turn the line into an
    indented code block), so it is kept as numeric character references;
    a leading ``#``, ``>``, ``-``, ``+``, ``=``, ``~`` or ``2024.`` would open a
    heading, quote, list, setext underline or fence, so it gets a backslash.
    ``leading``/``trailing`` say whether ``line`` really starts/ends the line,
    for a writer that protects the first and last pieces of a formatted line.
    """
    lead = trail = ""
    body = line
    if leading:
        body = line.lstrip()
        lead = "".join(_whitespace_entity(ch) for ch in line[: len(line) - len(body)])
    if trailing:
        stripped = body.rstrip()
        trail = "".join(_whitespace_entity(ch) for ch in body[len(stripped) :])
        body = stripped
    if leading and body:
        if body[0] in _LINE_START_PUNCTUATION and not body.startswith("\\"):
            body = "\\" + body
        else:
            body = _ORDERED_MARKER.sub(r"\1\\\2", body, count=1)
    return lead + body + trail


def escape_markdown_text(text: str) -> str:
    """Escape ``text`` so that, as a paragraph, quote or list item, it renders as itself.

    This is the one function to use whenever an analyst's or a source's words
    go into Markdown: whatever characters they hold (``* _ # < > [ ] ` \\ | &``,
    a leading ``1.`` or ``-``, entity-like ``&amp;``), a CommonMark reader shows
    the same words. Line breaks become spaces.
    """
    return protect_line_start(escape_inline(text))
