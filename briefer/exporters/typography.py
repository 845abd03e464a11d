"""Typographic quotes for the Word export: "straight" becomes “curly”, as Word itself types them.

Pure string code, standard library only. The DOCX writer applies it to text
(never to code), passing the character before each run, so a quote at the
edge of a bold or linked run still turns the right way. Markdown keeps the
straight quotes the analyst typed; Markdown readers curl them themselves.
"""

from __future__ import annotations

# After one of these (or at the start of a paragraph) a quote mark opens.
_OPENS_AFTER = frozenset(" \t\n\u00a0([{<“‘—–-/")


def curly_quotes(text: str, before: str = "") -> str:
    """``text`` with ' and " turned into ‘ ’ “ ”; ``before`` is what precedes it, if anything.

    An apostrophe inside or at the end of a word (don't, exporters') closes;
    one before a digit ('90s) is an apostrophe too, not an opening quote.
    """
    if '"' not in text and "'" not in text:
        return text
    out: list[str] = []
    previous = before[-1:]
    for index, char in enumerate(text):
        opening = not previous or previous in _OPENS_AFTER
        if char == '"':
            char = "“" if opening else "”"
        elif char == "'":
            following = text[index + 1 : index + 2]
            char = "‘" if opening and not following.isdigit() else "’"
        out.append(char)
        previous = char
    return "".join(out)
