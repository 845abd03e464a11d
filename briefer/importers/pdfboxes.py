"""Boxes that body text flows around: set apart, read after the paragraph they interrupt.

A word processor's frame (LibreOffice's wrap left, right or parallel), a
pull quote, a sidebar or a LaTeX ``wrapfigure`` stands inside the column
while the paragraph's lines run short beside it and full width above or
below it. Read by height, the box's lines fell between the lines of that
paragraph, or stuck to them where they shared a baseline, and cut a sentence
in two. Here the box is found by the body's lines themselves: a run of lines
in one flow (each under the one above, one line pitch apart) that stop short
on one side, next to a line of the same flow that reaches across, with other
text in the hole they leave. The box's text is taken out, read on its own,
and put back at a paragraph boundary (``place_boxes``).

A table's column, or a second page column, also stands beside lines that run
short; their lines share the body's baselines (a row reads across), which a
frame's or a figure's own lines do not, so those are left where they are.
Margin notes lie outside the body's width and are never in a hole.
Pure geometry; standard library and briefer.importers.pdflayout / pdfmargin / pdfrows only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefer.importers.pdflayout import Line
from briefer.importers.pdfmargin import opens_paragraph
from briefer.importers.pdfrows import SAME_BASELINE, similar

__all__ = ["Box", "place_boxes", "set_apart"]

_PITCH = 1.6  # ems between baselines of two lines of one flow
_SHORT = 3.0  # ems: a line stopping this much short of its flow's edge leaves room for a box
_INDENT = 2.5  # ems: a first-line indent is no edge of a hole
_CLEAR = 0.25  # ems of white space between the short lines and the box
_REACH = 1.0  # ems a box's line may reach past the flow's edge (ragged text)
_SHARED = 0.5  # of a box's lines on the short lines' baselines: a table's row, a column
_MAX_LINES = 2000  # more (a map's labels) is left alone


@dataclass(frozen=True)
class Box:
    """A box's lines and where it stands: ``short`` are the flow's lines beside it."""

    lines: tuple[Line, ...]
    short: tuple[Line, ...]
    top: float


def set_apart(lines: Sequence[Line]) -> tuple[list[Line], list[Box]]:
    """The page's lines without the boxes that body text flows around, and those boxes.

    ``lines`` are sorted top down (baseline descending, then left to right).
    """
    if len(lines) > _MAX_LINES:
        return list(lines), []
    taken: set[int] = set()
    boxes: list[Box] = []
    for chain in _chains(lines):
        for side in (_right, _left):
            for run, above, below in _runs(chain, side):
                found = _hole(lines, chain, run, above, below, side, taken)
                if found:
                    taken.update(id(line) for line in found)
                    top = max(line.top for line in found)
                    boxes.append(Box(tuple(found), tuple(run), top))
    if not boxes:
        return list(lines), []
    return [line for line in lines if id(line) not in taken], boxes


def place_boxes(body: Sequence[Line], boxes: Sequence[tuple[Box, list[Line]]]) -> list[Line]:
    """The body in reading order with each box's (ordered) lines put back beside its text.

    Where the box begins decides: a box level with the first line of the
    paragraph it stands beside goes before that paragraph, as it would be
    read going down the page and without cutting anything (a figure set at a
    paragraph's start); a box that begins further down goes after the
    paragraph it interrupts, so the sentence running round it reads whole.
    """
    out = list(body)
    for box, ordered in sorted(boxes, key=lambda item: -item[0].top):
        short = {id(line) for line in box.short}
        first = next((i for i, line in enumerate(out) if id(line) in short), None)
        if first is None:
            out += ordered
            continue
        at = first
        if not opens_paragraph(out, first):
            at += 1
            while at < len(out) and not opens_paragraph(out, at):
                at += 1
        out[at:at] = ordered
    return out


def _chains(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines linked to the next line of their flow below: one line pitch down, overlapping.

    Of several candidates, one sharing the line's left or right edge is the
    flow's next line (a box's line may be nearer); else the nearest.
    """
    below: dict[int, Line] = {}
    linked: set[int] = set()
    for index, line in enumerate(lines):
        if line.cells:
            continue
        best: Line | None = None
        best_key = (2, 0.0)
        for other in lines[index + 1 :]:
            pitch = line.baseline - other.baseline
            if pitch > _PITCH * max(line.size, other.size):
                break
            if pitch <= SAME_BASELINE * line.size or other.cells or id(other) in linked:
                continue
            if not similar(line.size, other.size):
                continue
            overlap = min(line.x1, other.x1) - max(line.x0, other.x0)
            if overlap < 0.5 * min(line.x1 - line.x0, other.x1 - other.x0):
                continue
            edge = abs(line.x0 - other.x0) < 1.0 or abs(line.x1 - other.x1) < 1.0
            key = (0 if edge else 1, pitch)
            if key < best_key:
                best, best_key = other, key
        if best is not None:
            below[id(line)] = best
            linked.add(id(best))
    chains = []
    for line in lines:
        if id(line) in linked or id(line) not in below:
            continue
        chain = [line]
        while id(chain[-1]) in below:
            chain.append(below[id(chain[-1])])
        chains.append(chain)
    return chains


Side = Callable[[Line, float], float]


def _right(line: Line, edge: float) -> float:
    """How far ``line`` stops short of the flow's right edge (a box on the right)."""
    return edge - line.x1


def _left(line: Line, edge: float) -> float:
    """How far ``line`` starts in from the flow's left edge (a box on the left)."""
    return line.x0 - edge


def _edge(chain: Sequence[Line], side: Side) -> float:
    return max(line.x1 for line in chain) if side is _right else min(line.x0 for line in chain)


def _runs(chain: list[Line], side: Side) -> list[tuple[list[Line], Line | None, Line | None]]:
    """Runs of the chain's lines short on ``side``, with the full lines above and below.

    A run needs a full line next to it: that is where the flow goes round.
    """
    edge = _edge(chain, side)
    runs: list[tuple[list[Line], Line | None, Line | None]] = []
    index = 0
    while index < len(chain):
        line = chain[index]
        if side(line, edge) < _SHORT * line.size:
            index += 1
            continue
        end = index
        while end + 1 < len(chain) and side(chain[end + 1], edge) >= _SHORT * line.size:
            end += 1
        above = chain[index - 1] if index > 0 else None
        below = chain[end + 1] if end + 1 < len(chain) else None
        # A listing's indented lines are code, not text running round a box.
        mono = all(line.mono for line in chain[index : end + 1])
        if (above is not None or below is not None) and not mono:
            runs.append((chain[index : end + 1], above, below))
        index = end + 1
    return runs


def _hole(
    lines: Sequence[Line],
    chain: Sequence[Line],
    run: Sequence[Line],
    above: Line | None,
    below: Line | None,
    side: Side,
    taken: set[int],
) -> list[Line]:
    """The lines standing in the room ``run`` leaves on ``side``, if they make a box."""
    size = run[0].size
    in_chain = {id(line) for line in chain}
    outer = _edge(chain, side) + (_REACH if side is _right else -_REACH) * size

    def across(line: Line) -> bool:
        # Against the short lines level with it: a paragraph's last line below
        # the box is short too, and may reach further than the lines beside it.
        level = [r for r in run if abs(r.baseline - line.baseline) < _PITCH * size] or run
        if side is _right:
            inner = max(r.x1 for r in level) + _CLEAR * size
            return line.x0 >= inner and line.x1 <= outer
        inner = min(r.x0 for r in level) - _CLEAR * size
        return line.x1 <= inner and line.x0 >= outer

    # Beside the short lines, no higher: a line between the full line and the
    # short ones (a listing's short "\\fi" before an indented line) is the flow's own.
    ceiling = min(above.baseline - 0.3 * size, run[0].top) if above is not None else run[0].top
    floor = below.top if below is not None else run[-1].baseline - 0.8 * size
    found = [
        line
        for line in lines
        if id(line) not in in_chain
        and id(line) not in taken
        and not line.cells
        and floor < line.baseline < ceiling
        and across(line)
    ]
    if not found:
        return []
    # A line beyond the hole on a box line's baseline: a row of a table, not a box.
    shared = sum(
        1
        for line in found
        if any(abs(line.baseline - short.baseline) <= 0.05 * size for short in run)
    )
    if shared >= _SHARED * len(found):
        return []
    return sorted(found, key=lambda line: (-round(line.baseline, 1), line.x0))
