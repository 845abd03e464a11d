"""Typographic quotes for the Word export: "straight" becomes “curly”, as Word itself types them.

Pure string code, standard library only. The DOCX writer applies it to text
(never to code), passing the character before each run, so a quote at the
edge of a bold or linked run still turns the right way. Markdown keeps the
straight quotes the analyst typed; Markdown readers curl them themselves.
"""

from __future__ import annotations

import re

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
