"""Typographic quotes for the Word export: "straight" becomes “curly”, as Word itself types them.

Pure string code over the export IR. The DOCX writer and the preview curl a
paragraph's runs with ``curled_runs`` (never code), so a quote at the edge
of a bold or linked run still turns the right way. Markdown keeps the
straight quotes the analyst typed; Markdown readers curl them themselves.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from briefer.exporters.document import Run, RunKind

# After one of these (or at the start of a paragraph) a quote mark opens.
_OPENS_AFTER = frozenset(" \t\n\u00a0([{<“‘—–-/")
_MARK = re.compile("['\"]")


def curly_quotes(text: str, before: str = "") -> str:
    """``text`` with ' and " turned into ‘ ’ “ ”; ``before`` is what precedes it, if anything.

    An apostrophe inside or at the end of a word (don't, exporters') closes;
    one before a digit ('90s) is an apostrophe too, not an opening quote.
    Only the quote marks are visited: a long quotation has two of them.
    """
    if '"' not in text and "'" not in text:
        return text
    pieces: list[str] = []
    done = 0
    previous_index, previous_mark = -1, ""
    for match in _MARK.finditer(text):
        index = match.start()
        if index == 0:
            previous = before[-1:]
        elif index - 1 == previous_index:
            previous = previous_mark  # a quote right after a quote: "'nested'"
        else:
            previous = text[index - 1]
        opening = not previous or previous in _OPENS_AFTER
        if match.group() == '"':
            mark = "“" if opening else "”"
        else:
            mark = "‘" if opening and not text[index + 1 : index + 2].isdigit() else "’"
        pieces += (text[done:index], mark)
        done = index + 1
        previous_index, previous_mark = index, mark
    pieces.append(text[done:])
    return "".join(pieces)


def curled_runs(runs: Sequence[Run]) -> list[Run]:
    """A paragraph's runs with the quotes in their text curled, code left as typed."""
    out: list[Run] = []
    before = ""
    for run in runs:
        if run.kind is RunKind.LINE_BREAK:
            before = "\n"
        elif run.kind is not RunKind.FOOTNOTE:
            text = run.text if run.kind is RunKind.CODE else curly_quotes(run.text, before)
            before = text[-1:] or before
            if text != run.text:
                run = dataclasses.replace(run, text=text)
        out.append(run)
    return out
