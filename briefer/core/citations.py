"""The citation token that links a note's Markdown to a passage: ``[@p42]``.

Standard library only (no markdown-it here: core must not depend on a parser
library). Imports nothing from the package except core.mdtext.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from briefer.core.mdtext import escape_inline, protect_line_start
from briefer.core.patterns import compiled

CITATION_PATTERN = re.compile(r"\[@p([0-9]+)\]")
"""``[@p<digits>]``; group 1 is the passage id."""

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}(?=[^`]*$)|~{3,})")
_CONTAINER_PREFIX = re.compile(r"^(?: {0,3}>[ ]?| {0,3}(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]+|$))*")
_LIST_MARKER = re.compile(r"^ {0,3}(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)")
_AUTOLINK_OR_TAG = (
    r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\x00-\x20]*"
    r"|/?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?"
    r"|!--.*?--)>"
)
"""Compiled at first use (core.patterns): only a body with a "<" needs it."""


def citation_token(passage_id: int) -> str:
    """The token that cites passage ``passage_id`` in a note's Markdown."""
    if passage_id < 0:
        raise ValueError(f"a passage id is never negative, got {passage_id}")
    return f"[@p{passage_id}]"


def opens_citation_label(text: str, begin: int) -> bool:
    """Whether ``text`` holds, at ``begin``, a citation token directly followed by ":".

    At a block's start CommonMark reads ``[@p3]: Kyiv`` as a link reference
    definition, which is invisible: the paragraph would vanish from the export
    and the composer's page. The parsers that read notes (exporters.document,
    ui.composer.rich_markdown) ask this first and read such a line as text.
    """
    match = CITATION_PATTERN.match(text, begin)
    return match is not None and text.startswith(":", match.end())


def missing_marker(passage_id: int) -> str:
    """What an export prints where a citation's passage or article is gone."""
    return f"[missing source: passage {passage_id}]"


def find_citations(markdown: str) -> list[int]:
    """Passage ids cited in ``markdown``, each once, in order of first appearance.

    Tokens inside code spans, fenced or indented code blocks, autolinks and
    raw HTML tags, and backslash-escaped ones (``\\[@p42]``), are not
    citations: that is how an analyst writes about the syntax itself. This
    is a standard-library approximation of the CommonMark parse the exporters
    use; the two agree on everything the composer produces.
    """
    return list(_cited_ids(markdown))


def citation_occurrences(markdown: str) -> list[int]:
    """Every citation in ``markdown``, repeats included, in reading order.

    The exported note gives each one a footnote of its own, so the n-th occurrence
    across a note's sections is footnote n: the number the analyst sees, unlike a
    passage id.
    """
    if "[@p" not in markdown:
        return []
    return [pid for chunk in _inline_chunks(markdown) for pid in _scan_inline(chunk)]


@functools.lru_cache(maxsize=256)
def _cited_ids(markdown: str) -> tuple[int, ...]:
    # Cached: an export scans each section body to read what it cites, then
    # again to check it, and the composer rescans unchanged sections.
    if "[@p" not in markdown:
        return ()
    seen: dict[int, None] = {}
    for chunk in _inline_chunks(markdown):
        for passage_id in _scan_inline(chunk):
            seen.setdefault(passage_id, None)
    return tuple(seen)


OPENING_MARKS = '"“„«‘'
CLOSING_MARKS = '"”»’'


def strip_enclosing_quotes(text: str) -> str:
    """``text`` without the quotation marks around it, if it is wholly a quotation.

    A passage tagged with its own marks ("We're taking the long view") would
    otherwise be quoted as ““We're taking the long view”” once ours are added.
    """
    stripped = text.strip()
    if (
        len(stripped) > 2
        and stripped[0] in OPENING_MARKS
        and stripped[-1] in CLOSING_MARKS
        and not _quotes_inside(stripped[1:-1], stripped[0])
    ):
        return stripped[1:-1].strip()
    return text


def _quotes_inside(inner: str, opening: str) -> bool:
    """Whether ``inner`` closes the quotation itself ("a" and "b" is two quotations)."""
    if opening == '"':
        return inner.count('"') % 2 == 1
    return any(mark in inner for mark in "”»") and opening in "“„«"


def quotation_markdown(passage_text: str, passage_id: int, *, block: bool = True) -> str:
    """The quotation inserted into a note for a passage, ending with its citation.

    ``> "Exact words of the passage."[@p42]``: the citation follows the closing mark with
    no space, where the footnote mark belongs. Marks the passage already had around it
    are not doubled. A passage of several paragraphs opens a mark on each and closes it
    on the last only, as publishers set it. The words are escaped so that they render as
    themselves whatever they hold, and runs of white space fold to one space, as any
    Markdown reader would show them. ``block=False`` gives a run-in quotation: a
    paragraph of its own, not a block quote (for short passages; see the template's
    ``block_quotation_words``).
    """
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", passage_text)]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise ValueError(f"passage {passage_id} has no words to quote")
    if len(paragraphs) == 1:
        paragraphs = [" ".join(strip_enclosing_quotes(paragraphs[0]).split())]
    lines = ['"' + escape_inline(p) for p in paragraphs]
    lines[-1] = lines[-1] + '"' + citation_token(passage_id)
    if not block and len(lines) == 1:  # a quotation of several paragraphs is always a block
        return protect_line_start(lines[0])
    return "\n>\n".join("> " + protect_line_start(line) for line in lines)


def _inline_chunks(markdown: str) -> Iterator[str]:
    """Runs of lines that can hold inline content, code blocks left out.

    A blank line ends a chunk, because a code span never crosses one.
    """
    fence: str | None = None
    in_list = False
    previous_blank = True
    chunk: list[str] = []
    for raw in markdown.splitlines():
        line = _CONTAINER_PREFIX.sub("", raw, count=1) if fence is None else raw
        if fence is not None:
            stripped = _CONTAINER_PREFIX.sub("", raw, count=1).strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        opened = _FENCE_OPEN.match(line)
        if opened:
            if chunk:
                yield "\n".join(chunk)
                chunk = []
            fence = opened.group(1)
            continue
        if not line.strip():
            if chunk:
                yield "\n".join(chunk)
                chunk = []
            previous_blank = True
            continue
        if _LIST_MARKER.match(raw):
            in_list = True
        elif not raw[:1].isspace():
            in_list = False
        indented = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" ")) >= 4
        if indented and previous_blank and not in_list and not chunk:
            previous_blank = False
            continue  # an indented code block line
        previous_blank = False
        chunk.append(line)
    if chunk:
        yield "\n".join(chunk)


_SPECIAL = re.compile(r"[\\`<\[]")


def _scan_inline(text: str) -> Iterator[int]:
    i, n = 0, len(text)
    while i < n:
        special = _SPECIAL.search(text, i)  # jump over plain prose in one step
        if special is None:
            return
        i = special.start()
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in _ASCII_PUNCTUATION:
            i += 2
        elif ch == "`":
            run = _backtick_run(text, i)
            closer = re.compile(rf"(?<!`)`{{{run}}}(?!`)").search(text, i + run)
            i = closer.end() if closer else i + run
        elif ch == "<":
            tag = compiled(_AUTOLINK_OR_TAG, re.DOTALL).match(text, i)
            i = tag.end() if tag else i + 1
        elif ch == "[":
            token = CITATION_PATTERN.match(text, i)
            if token:
                yield int(token.group(1))
                i = token.end()
            else:
                i += 1
        else:
            i += 1


def _backtick_run(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end] == "`":
        end += 1
    return end - start
