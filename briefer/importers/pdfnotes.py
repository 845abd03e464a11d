"""Footnotes at a page's foot, taken out of the flow so a paragraph crossing the page joins up.

A footnote is set smaller than the body text, below it, and opens with the
mark (a number or a symbol) that a raised mark in the page's body points to.
Read in place, a page's notes cut the paragraph that runs on to the next page
in two; pdflayout puts them after that paragraph instead. Pure rules over
plain lines; standard library and briefer.importers.pdflayout only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from briefer.importers.pdflayout import Line

# A note's own mark; "1." and "[1]" open a numbered list or a reference instead.
_MARK = re.compile(r"^(\d{1,3}|[*†‡§¶‖]{1,3})(?![.)\]\d])\s*(?=\S)")
_SMALLER = 0.95  # a footnote is set at most this share of the body size ...
_POINTS = 0.5  # ... and at least this many points smaller
_APART = 1.4  # body sizes from the text's last baseline to the first note's: the notes' gap


def split_notes(lines: Sequence[Line], body: float) -> tuple[list[Line], list[list[Line]]]:
    """The page's lines in reading order without its footnotes, and the footnotes' lines.

    Only the small lines at the end of the page's order, below all the rest,
    can be notes, and only from the first one whose mark the body refers to
    and that white space sets apart from the text above: small print above it
    (a caption, a source line, a list of references) stays where it is.
    """
    start = len(lines)
    while start > 0 and _small(lines[start - 1], body):
        start -= 1
    if start == len(lines) or start == 0:
        return list(lines), []
    rest, foot = lines[:start], lines[start:]
    if max(line.top for line in foot) >= min(line.baseline for line in rest):
        return list(lines), []  # beside the text, not below it
    referred = {mark for line in rest for mark in line.marks}
    if not referred:
        return list(lines), []
    bottom = min(line.baseline for line in rest)
    notes: list[list[Line]] = []
    kept = list(rest)
    for line in foot:
        mark = _mark(line)
        if (
            mark is not None
            and mark in referred
            and (notes or bottom - line.baseline > _APART * body)
        ):
            text = line.text[len(mark) :].lstrip()
            notes.append([replace(line, text=f"{mark} {text}")])
        elif notes:
            notes[-1].append(line)
        else:
            kept.append(line)
    return kept, notes


def _small(line: Line, body: float) -> bool:
    return line.size < body * _SMALLER and line.size < body - _POINTS


def _mark(line: Line) -> str | None:
    if line.marks and line.text.startswith(line.marks[0]):
        return line.marks[0]
    found = _MARK.match(line.text)
    return found.group(1) if found else None
