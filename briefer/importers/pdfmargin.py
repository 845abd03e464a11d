"""Margin notes placed between paragraphs, beside the one they stand next to, never inside it.

A margin note (a \\marginpar, a described macro's name in a manual, a side
heading) lies outside the body's column. Sorted into the page by height, it
fell between two lines of the paragraph beside it and cut that paragraph in
two. Here it goes before the paragraph when it stands beside (or above)
that paragraph's first line, as a side heading does, and after the
paragraph otherwise. Pure rules over plain lines; standard library and
briefer.importers.pdflayout only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefer.importers.pdflayout import Line

_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
_INDENT = 0.9  # ems: a first-line indent
_SHORT = 3.0  # ems short of the column's right edge: the last line of a paragraph
_GAP = 1.6  # baseline pitches of white space between paragraphs
_FRAME_CHARS = 30  # a line of body text this long reaches across its column
_FRAME_LINES = 10


def text_frames(pages: Sequence[Sequence[Line]], body: float) -> list[tuple[float, float] | None]:
    """Each page's text area across the document: left and right edges of the body text.

    Measured over all odd and all even pages apart (a book's margins swap),
    from lines of body text long enough to reach both edges, so one page
    of code or a table does not move the margins. None where too little text.
    """
    frames: list[tuple[float, float] | None] = []
    by_parity: dict[int, tuple[float, float] | None] = {}
    for parity in (0, 1):
        starts: list[float] = []
        ends: list[float] = []
        for page in pages[parity::2]:
            for line in page:
                if abs(line.size - body) <= 0.6 and len(line.text) >= _FRAME_CHARS:
                    starts.append(line.x0)
                    ends.append(line.x1)
        if len(starts) < _FRAME_LINES:
            by_parity[parity] = None
            continue
        starts.sort()
        ends.sort()
        by_parity[parity] = (starts[len(starts) // 20], ends[-1 - len(ends) // 20])
    for index in range(len(pages)):
        frames.append(by_parity[index % 2])
    return frames


def place_notes(body: Sequence[Line], notes: Sequence[Sequence[Line]]) -> list[Line]:
    """The body lines in reading order with each note's lines at a paragraph boundary."""
    out = list(body)
    for note in sorted(notes, key=lambda lines: -lines[0].baseline):
        at = _boundary(out, note[0], {id(line) for other in notes for line in other})
        out[at:at] = note
    return out


def _boundary(lines: list[Line], first: Line, placed: set[int]) -> int:
    """Before the first line level with or below ``first`` when it opens a paragraph,
    else after the paragraph that line belongs to."""
    level = first.baseline + 0.5 * first.size
    beside = [
        (level - line.baseline, index)
        for index, line in enumerate(lines)
        if id(line) not in placed and line.baseline <= level
    ]
    if not beside:
        return len(lines)
    _, index = min(beside)
    if opens_paragraph(lines, index):
        return index
    index += 1
    while index < len(lines) and not opens_paragraph(lines, index):
        index += 1
    return index


def opens_paragraph(lines: list[Line], index: int) -> bool:
    """Whether lines[index] opens a paragraph: after a gap, an indent, a short last line,
    a change of size or column."""
    if index == 0:
        return True
    line, before = lines[index], lines[index - 1]
    if abs(before.size - line.size) > 0.6 or before.baseline <= line.baseline:
        return True
    if before.baseline - line.baseline > _GAP * line.size * 1.2:
        return True
    ends = bool(_SENTENCE_END.search(before.text))
    right = max(other.x1 for other in lines[max(0, index - 3) : index + 3])
    indented = line.x0 > before.x0 + _INDENT * line.size
    return ends and (indented or before.x1 < right - _SHORT * line.size)
