"""Footnotes and endnotes taken out of the flow, so a paragraph crossing a page joins up.

A footnote is set smaller than the body text, below it, and opens with the
mark (a number or a symbol) that a raised mark in the page's body points to.
Read in place, a page's notes cut the paragraph that runs on to the next page
in two; pdflayout puts them after that paragraph instead. On a page of two
columns each column may have notes of its own (LaTeX, LibreOffice), read
after that column and before the next: the page is cut there, so the
paragraph that runs on into the next column reads whole and the column's
notes follow it. A page of endnotes (all small print, each note opening with
the next mark: 1, 2 or i, ii or I, II) is cut into its notes. Pure rules over plain
lines; standard library and briefer.importers.pdflayout only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from briefer.core.numerals import roman_value
from briefer.importers.pdflayout import Line

# A note's own mark; "1." and "[1]" open a numbered list or a reference instead.
_MARK = re.compile(r"^(\d{1,3}|[*†‡§¶‖]{1,3})(?![.)\]\d])\s*(?=\S)")
# An endnote's mark in small roman figures, glued to the note ("iThe") or set apart ("i The"),
# or in capitals ("I", "II" as LibreOffice's "I" numbering sets them), glued to a capital that
# a small letter follows ("IIThe", "IVMinutes") so that "Ivan" and "IVF" are no marks.
_ROMAN_MARK = re.compile(r"^([ivxl]{1,7})(?=[^\W\d_a-z]|\d|\s+\S)")
_CAPITAL_MARK = re.compile(r"^([IVXL]{1,7})(?=[^\W\d_a-z][^\W\d_A-Z]|\d|\s+\S)")
_SYMBOLS = "*†‡§¶‖"
_SMALLER = 0.95  # a footnote is set at most this share of the body size ...
_POINTS = 0.5  # ... and at least this many points smaller
_APART = 1.4  # body sizes from the text's last baseline to the first note's: the notes' gap

Piece = tuple[list[Line], list[list[Line]]]


def split_notes(lines: Sequence[Line], body: float) -> tuple[list[Line], list[list[Line]]]:
    """The page's lines in reading order without its notes, and the notes' lines."""
    pieces = note_pieces(lines, body)
    return [line for kept, _ in pieces for line in kept], [n for _, notes in pieces for n in notes]


def note_pieces(lines: Sequence[Line], body: float) -> list[Piece]:
    """The page's reading order cut after each set of notes: each stretch's lines and notes.

    A set of notes is a run of small lines that ends the page's order or a
    column (the next line stands higher: the next column's top), below every
    line of text over it, and only from the first line whose mark the body
    refers to and that white space sets apart from the text above: small
    print above it (a caption, a source line, a list of references) stays
    where it is. A page of nothing but small print is a page of endnotes
    when its lines open with marks counting up.
    """
    if not lines:
        return [([], [])]
    if all(_small(line, body) for line in lines):
        notes = _endnotes(lines)
        return [([], notes)] if notes else [(list(lines), [])]
    runs = _runs(lines, body)
    inside = {index for start, end in runs for index in range(start, end)}
    outside = [line for index, line in enumerate(lines) if index not in inside]
    referred = {mark for line in outside for mark in line.marks}
    pieces: list[Piece] = []
    begin = 0
    for start, end in runs:
        kept, notes = _notes(lines[start:end], outside, referred, body)
        if notes:
            pieces.append(([*lines[begin:start], *kept], notes))
            begin = end
    if begin < len(lines) or not pieces:
        pieces.append((list(lines[begin:]), []))
    return pieces


def _runs(lines: Sequence[Line], body: float) -> list[tuple[int, int]]:
    """Where runs of small lines end the page's order or a column: (start, end) indices."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, line in enumerate([*lines, None]):
        if line is not None and _small(line, body):
            start = index if start is None else start
            continue
        if start is not None:
            top = max(small.top for small in lines[start:index])
            if line is None or line.baseline > top:
                runs.append((start, index))
        start = None
    return runs


def _notes(
    run: Sequence[Line], outside: Sequence[Line], referred: set[str], body: float
) -> tuple[list[Line], list[list[Line]]]:
    """A run of small lines as the lines that stay in the text and the notes after them."""
    left, right = min(line.x0 for line in run), max(line.x1 for line in run)
    above = [line for line in outside if line.x0 < right and left < line.x1]
    if not above or not referred:
        return list(run), []
    bottom = min(line.baseline for line in above)
    if max(line.top for line in run) >= bottom:
        return list(run), []  # beside the text, not below it
    notes: list[list[Line]] = []
    kept: list[Line] = []
    for line in run:
        mark = _mark(line)
        if (
            mark is not None
            and mark in referred
            and (notes or bottom - line.baseline > _APART * body)
        ):
            notes.append([_apart(line, mark)])
        elif notes:
            notes[-1].append(line)
        else:
            kept.append(line)
    return kept, notes


def _endnotes(lines: Sequence[Line]) -> list[list[Line]]:
    """A page of small print as its notes, when it opens with a mark and the marks count up.

    The body's marks may be on other pages, or letters PDF text does not tell
    from the words around them (a raised "ii"), so the count is the evidence:
    two notes or more, unless the one note's mark is raised.
    """
    notes: list[list[Line]] = []
    last = ""
    for line in lines:
        if line.cells:
            return []  # a table in small print: each row is its own paragraph already
        mark = _mark(line) or _roman_mark(line)
        if mark is not None and (not notes or _follows(last, mark)):
            notes.append([_apart(line, mark)])
            last = mark
        elif notes:
            notes[-1].append(line)
        else:
            return []
    raised = bool(lines[0].marks) and lines[0].text.startswith(lines[0].marks[0])
    return notes if len(notes) >= 2 or raised else []


def _follows(last: str, mark: str) -> bool:
    """Whether ``mark`` is the one after ``last``: 2 after 1, ii after i, II after I, † after *."""
    if last.isdigit():
        return mark.isdigit() and int(mark) == int(last) + 1
    if last[0] in _SYMBOLS:
        return mark[0] in _SYMBOLS and mark != last
    number = roman_value(last.lower())
    return (
        number > 0 and last.islower() == mark.islower() and roman_value(mark.lower()) == number + 1
    )


def _apart(line: Line, mark: str) -> Line:
    """The note's first line with its mark set a space apart from its text ("1 The ...")."""
    return replace(line, text=f"{mark} {line.text[len(mark) :].lstrip()}")


def _small(line: Line, body: float) -> bool:
    return line.size < body * _SMALLER and line.size < body - _POINTS


def _mark(line: Line) -> str | None:
    if line.marks and line.text.startswith(line.marks[0]):
        return line.marks[0]
    found = _MARK.match(line.text)
    return found.group(1) if found else None


def _roman_mark(line: Line) -> str | None:
    found = _ROMAN_MARK.match(line.text) or _CAPITAL_MARK.match(line.text)
    return found.group(1) if found and roman_value(found.group(1).lower()) else None
