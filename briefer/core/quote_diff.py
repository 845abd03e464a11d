"""Where a changed quotation departs from its source: the words a check's Go to selects.

The note check (core/integrity.py) says that a quotation no longer matches its
passage; the analyst then has to find the changed word in a paragraph of
forty. Selecting the citation instead (as Go to once did) invited the worst
fix: the first key typed replaced the citation, and the misquotation went out
with no footnote at all. This module finds the first words that differ, so
Go to can select them and typing puts the source's words back.

The text given is what precedes the citation in the editor (one paragraph, or
the paragraphs of one block quotation joined by newlines), ending with the
closing mark. Where the quotation opens is ambiguous (a run-in quotation may
follow the analyst's own words), so every plausible opening mark is tried and
the reading that keeps most of the source's words wins. Words are compared as
the check compares them: whitespace-separated, exactly.
"""

from __future__ import annotations

import difflib
import re

from briefer.core.citations import strip_enclosing_quotes
from briefer.core.integrity import AFTER_CLOSING

OPENING = "\"“«„‘'"
CLOSING = "\"”»“’'"
_TOKEN = re.compile(r"\S+")
_LINE_MARKERS = re.compile(r"[ \t]{0,3}(?:>[ \t]?)*")
"""A Markdown block quotation's ``>`` markers at a line's start: not words."""
MAX_OPENINGS = 32


def first_change(region: str, source: str) -> tuple[int, int] | None:
    """The ``(start, end)`` in ``region`` of the first quoted words that differ from
    ``source``; an empty span (start == end) where source words were left out. None
    when no opening mark is found or the quotation matches word for word."""
    end = len(region.rstrip().rstrip(AFTER_CLOSING))
    if not end or region[end - 1] not in CLOSING:
        return None
    end -= 1
    wanted = strip_enclosing_quotes(source).split()
    best: tuple[int, list[tuple[int, int, str]]] | None = None
    for opening in _openings(region, end):
        tokens = _tokens(region, opening + 1, end)
        matcher = difflib.SequenceMatcher(None, wanted, [t[2] for t in tokens], autojunk=False)
        kept = sum(block.size for block in matcher.get_matching_blocks())
        if best is None or kept > best[0]:
            best = (kept, tokens)
    if best is None:
        return None
    tokens = best[1]
    matcher = difflib.SequenceMatcher(None, wanted, [t[2] for t in tokens], autojunk=False)
    for tag, _a1, _a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if b2 > b1:  # words replaced or added: select them
            return tokens[b1][0], tokens[b2 - 1][1]
        at = tokens[b1][0] if b1 < len(tokens) else end  # words left out: the caret there
        return at, at
    return None


def _openings(region: str, end: int) -> list[int]:
    """Offsets of marks that may open the quotation: at a line's start (after any ``>``
    markers) or after a space, bracket or dash; the first and the nearest others."""
    found = []
    for at in range(end):
        if region[at] not in OPENING:
            continue
        before = region[:at]
        line_start = before.rfind("\n") + 1
        if _LINE_MARKERS.fullmatch(region, line_start, at) or before[-1:] in " \t([—–-\u00a0":
            found.append(at)
    if len(found) > MAX_OPENINGS:
        found = [found[0], *found[1 - MAX_OPENINGS :]]
    return found


def _tokens(region: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The words of ``region[start:end]`` with their places. A later paragraph of the
    quotation loses its ``>`` markers and its own opening mark (a multi-paragraph
    quotation opens each paragraph): they are marks, not the source's words."""
    tokens = []
    at = start
    while at <= end:
        line_end = region.find("\n", at, end)
        line_end = end if line_end < 0 else line_end
        if at > start:
            markers = _LINE_MARKERS.match(region, at, line_end)
            at = markers.end() if markers else at
            if at < line_end and region[at] in OPENING:
                at += 1
        tokens += [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(region, at, line_end)]
        at = line_end + 1
    return tokens
