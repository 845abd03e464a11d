"""Boxes that body text flows around: set apart, read beside the paragraph they interrupt.

A word processor's frame (LibreOffice's wrap left, right or parallel), a
pull quote, a sidebar or a LaTeX ``wrapfigure`` stands inside the column
while the paragraph's lines run short beside it and full width above or
below it. Read by height, the box's lines fell between the lines of that
paragraph, or stuck to them where they shared a baseline, and cut a sentence
in two. Here the box is found by the body's lines themselves: a run of lines
in one flow (each under the one above, one line pitch apart) that stop short
on one side, next to a line of the same flow that reaches across, with other
text in the hole they leave. The box's text is taken out, read on its own,
and put back at a paragraph boundary (``place_boxes``). A centred frame with
text on both sides cuts each line in two: the part past the box, on the short
line's baseline, is read with it as one line. (LibreOffice's wrap "optimal"
runs the text round the frame's wider side, which is one of these.) A frame
the text runs through leaves no hole: its lines are drawn over the body's,
inside their span and nearly on their baselines, and are set apart the same way.

A table's column, or a second page column, also stands beside lines that run
short; its lines share their baselines (a row reads across), which a frame's
or a figure's own lines, set on their own grid, do not: such a "box" is left
where it is. Margin notes lie outside the flow's width and are never in a hole.
Pure geometry; standard library and briefer.importers.pdflayout / pdfmargin / pdfrows only.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from briefer.core.record import Record, replace
from briefer.importers.pdflayout import Line
from briefer.importers.pdfmargin import opens_paragraph
from briefer.importers.pdfrows import SAME_BASELINE, similar

__all__ = ["Box", "place_boxes", "set_apart"]

_PITCH = 1.6  # ems between baselines of two lines of one flow
_SHORT = 3.0  # ems: a line stopping this much short of its flow's edge leaves room for a box
_CLEAR = 0.25  # ems of white space between the short lines and the box
_REACH = 1.0  # ems a box's line may reach past the flow's edge (ragged text)
_SHARED = 0.5  # of a box's lines on the short lines' baselines: a table's row, a column
_WORD_GAPS = 3.0  # ems: wider apart on a baseline, two runs are two pieces of text
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
_MAX_LINES = 2000  # more (a map's labels) is left alone
_OVERPRINT = 0.5  # ems between baselines: a line drawn over another's text, not under it
_OVER_CHARS = 12  # a line drawn over text has words (a fraction's figures are no box)
_SOFT_HYPHENS = ("\xad", "\u2010")  # a producer's own break (pdfread, pdflayout)


class Box(Record, frozen=True):
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
    segments, parts = _segments(lines)
    taken: set[int] = set()
    found: list[tuple[list[Line], list[Line]]] = []
    joined: dict[int, Line] = {}  # a short line with the rest of it across the box
    chains = _chains(segments)
    for box, covered in _drawn_over(segments, chains):
        taken.update(id(line) for line in box)
        joined.update((id(line), line) for line in covered)
        found.append((box, covered))
    walls = [
        (run, side)
        for chain in chains
        for side in (_right, _left)
        for run, _, _ in _runs(chain, side)
    ]
    for chain in chains:
        for side in (_right, _left):
            for run, above, below in _runs(chain, side):
                if any(id(line) in taken for line in run):
                    continue
                box, pieces = _hole(segments, chain, (run, above, below), side, taken, walls)
                if not box:
                    continue
                taken.update(id(line) for line in [*box, *pieces])
                for piece in pieces:
                    short = min(run, key=lambda line: abs(line.baseline - piece.baseline))
                    joined[id(short)] = _join(joined.get(id(short), short), piece, side)
                joined.update((id(line), joined.get(id(line), line)) for line in run)
                found.append((box, run))
    if not found:
        return list(lines), []
    body: list[Line] = []
    for segment in segments:
        if id(segment) in joined:
            body.append(joined[id(segment)])  # one line, though justified wide apart
        elif id(segment) not in taken:
            body += parts[id(segment)]
    boxes = [
        Box(
            tuple(part for line in box for part in parts[id(line)]),
            tuple(joined[id(line)] for line in run),
            max(line.top for line in box),
        )
        for box, run in found
    ]
    return body, boxes


def _drawn_over(
    lines: Sequence[Line], chains: Sequence[Sequence[Line]]
) -> list[tuple[list[Line], list[Line]]]:
    """Boxes drawn over the body's text (a frame the text runs through), and the lines they cover.

    Nothing runs round such a box, so it leaves no hole: its lines stand
    inside the span of wider lines, level with them (or so near that the
    glyphs overlap). A line of a few words inside a wider one's span, less
    than half an em from its baseline, is drawn over it; the lines of its flow
    (its chain) within the box's width are the rest of the box.
    """
    depths = [-line.baseline for line in lines]
    seeds: dict[int, Line] = {}
    covered: dict[int, list[Line]] = {}
    for line in lines:
        if line.cells or len(line.text) < _OVER_CHARS or " " not in line.text:
            continue
        reach = _OVERPRINT * line.size
        low = bisect_left(depths, -line.baseline - reach)
        high = bisect_right(depths, -line.baseline + reach)
        under = [
            other
            for other in lines[low:high]
            if other is not line
            and not other.cells
            and other.x0 <= line.x0
            and line.x1 <= other.x1
            and (other.x1 - other.x0) - (line.x1 - line.x0) > 2 * other.size
            and line.size < 2 * other.size
        ]
        if under:
            seeds[id(line)] = line
            covered[id(line)] = under
    boxes: list[tuple[list[Line], list[Line]]] = []
    done: set[int] = set()
    for chain in chains:
        found = [line for line in chain if id(line) in seeds and id(line) not in done]
        if not found:
            continue
        left = min(line.x0 for line in found) - found[0].size
        right = max(line.x1 for line in found) + found[0].size
        under_ids = {id(o) for line in found for o in covered[id(line)]}
        box = [
            line
            for line in chain
            if left <= line.x0 and line.x1 <= right and id(line) not in under_ids
        ]
        under = sorted(
            {id(o): o for line in found for o in covered[id(line)]}.values(),
            key=lambda o: -o.baseline,
        )
        done.update(id(line) for line in box)
        boxes.append((box, under))
    # A line drawn over text and in no chain (a box of one line) is a box of its own.
    boxes += [([line], covered[key]) for key, line in seeds.items() if key not in done]
    return boxes


def _segments(lines: Sequence[Line]) -> tuple[list[Line], dict[int, list[Line]]]:
    """Runs on one baseline a few word spaces apart, as one line, and the runs of each.

    Justified beside a box, a short line's word spaces grow until its words
    are runs of their own; its words on one baseline make it one line again.
    """
    segments: list[Line] = []
    parts: dict[int, list[Line]] = {}
    group: list[Line] = []
    edges: dict[int, list[tuple[float, float]]] = {}
    for line in lines:
        edges.setdefault(round(line.x0), []).append((line.x0, line.baseline))

    depths = [-line.baseline for line in lines]

    def spanned(start: float, end: float, line: Line) -> bool:
        # Text just above or below reaches across the gap: no gutter between columns.
        reach = 2 * _PITCH * line.size
        low = bisect_left(depths, -line.baseline - reach)
        high = bisect_right(depths, -line.baseline + reach)
        return any(
            other.x0 < start and other.x1 > end
            for other in lines[low:high]
            if abs(other.baseline - line.baseline) > 0.05 * line.size
        )

    def aligned(line: Line) -> bool:
        # A column's, a cell's or a box's left edge, shared with a line above or below:
        # a piece of text of its own, not a word set wide.
        return any(
            abs(x0 - line.x0) <= 0.5 and 0 < abs(b - line.baseline) <= 2 * _PITCH * line.size
            for key in (round(line.x0) - 1, round(line.x0), round(line.x0) + 1)
            for x0, b in edges.get(key, ())
        )

    def close() -> None:
        if group:
            line = group[0] if len(group) == 1 else _join(group[0], _merged(group[1:]), _right)
            segments.append(line)
            parts[id(line)] = list(group)

    for line in lines:
        last = group[-1] if group else None
        if (
            last is not None
            and abs(last.baseline - line.baseline) <= 0.05 * line.size
            and similar(last.size, line.size)
            and 0 <= line.x0 - last.x1 <= _WORD_GAPS * line.size
            and not aligned(line)
            and spanned(last.x1, line.x0, line)
        ):
            group.append(line)
            continue
        close()
        group = [line]
    close()
    return segments, parts


def _merged(lines: Sequence[Line]) -> Line:
    out = lines[0]
    for line in lines[1:]:
        out = _join(out, line, _right)
    return out


def _join(short: Line, piece: Line, side: Side) -> Line:
    """A line the box parts in two, read as one: the short part, then the rest (or before it).

    A word the producer broke at the box (its hyphen a soft one, as pdfread
    marks it) is whole again, as it would be at a line's end.
    """
    first, second = (short, piece) if side is _right else (piece, short)
    head = first.text
    broken = head.endswith(_SOFT_HYPHENS) and head[-2:-1].isalpha() and second.text[:1].isalpha()
    return replace(
        short,
        text=head[:-1] + second.text if broken else f"{head} {second.text}",
        x0=min(short.x0, piece.x0),
        x1=max(short.x1, piece.x1),
        first=first.first,
        last=second.last,
        marks=first.marks + second.marks,
    )


def place_boxes(body: Sequence[Line], boxes: Sequence[tuple[Box, list[Line]]]) -> list[Line]:
    """The body in reading order with each box's (ordered) lines put back beside its text.

    Where the box begins decides: a box level with the first line of the
    paragraph it stands beside goes before that paragraph, as it would be
    read going down the page and without cutting anything (a figure set at a
    paragraph's start); a box that begins further down goes after the
    paragraph it interrupts, so the sentence running round it reads whole,
    even when that paragraph runs on into the next column. A paragraph that
    runs on past the page's end would be cut by the box there: the box goes
    before it instead.
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
            start = first
            while start > 0 and not opens_paragraph(out, start):
                start -= 1
            at += 1
            while at < len(out) and not (opens_paragraph(out, at) and not _runs_on(out, at)):
                at += 1
            if at == len(out) and _unfinished(out[-1]):
                at = start
        out[at:at] = ordered
    return out


def _runs_on(lines: Sequence[Line], index: int) -> bool:
    """Whether ``lines[index]`` tops the next column and carries on an unfinished sentence."""
    before, line = lines[index - 1], lines[index]
    column = line.baseline >= before.baseline
    return column and not before.aside and _unfinished(before)


def _unfinished(line: Line) -> bool:
    return line.text.endswith("-") or not _SENTENCE_END.search(line.text)


def _chains(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines linked to the next line of their flow below: one line pitch down, overlapping.

    Of several candidates, one sharing the line's left or right edge is the
    flow's next line (a box's line may be nearer); else the nearest. A line
    claimed by two (the box's last line and the short line beside it both
    above the first full line) goes to the better claim.
    """
    claims: dict[int, tuple[tuple[int, float], Line, Line]] = {}
    for index, line in enumerate(lines):
        if line.cells:
            continue
        best: Line | None = None
        best_key = (2, 0.0)
        for other in lines[index + 1 :]:
            pitch = line.baseline - other.baseline
            if pitch > _PITCH * max(line.size, other.size):
                break
            if pitch <= SAME_BASELINE * line.size or other.cells:
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
        if best is not None and (id(best) not in claims or best_key < claims[id(best)][0]):
            claims[id(best)] = (best_key, line, best)
    below = {id(line): other for _, line, other in claims.values()}
    chains = []
    for line in lines:
        if id(line) in claims or id(line) not in below:
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
    where: tuple[Sequence[Line], Line | None, Line | None],
    side: Side,
    taken: set[int],
    walls: Sequence[tuple[Sequence[Line], Side]],
) -> tuple[list[Line], list[Line]]:
    """The lines standing in the room a run of short lines leaves on ``side``, if a box.

    ``where`` is the run with the full lines above and below it. A box may
    reach past the flow's edge into the next column when that column's lines
    run short on the near side too (a pull quote set across the gutter).
    """
    run, above, below = where
    size = run[0].size
    in_chain = {id(line) for line in chain}
    outer = _edge(chain, side) + (_REACH if side is _right else -_REACH) * size

    def across(line: Line) -> bool:
        # Against the short lines level with it: a paragraph's last line below
        # the box is short too, and may reach further than the lines beside it.
        level = [r for r in run if abs(r.baseline - line.baseline) < _PITCH * size] or run
        if side is _right:
            inner = max(r.x1 for r in level) + _CLEAR * size
            return line.x0 >= inner and (line.x1 <= outer or _walled(line, walls, _left))
        inner = min(r.x0 for r in level) - _CLEAR * size
        return line.x1 <= inner and (line.x0 >= outer or _walled(line, walls, _right))

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
        return [], []
    # Lines on the short lines' baselines past the box are the rest of those lines
    # (text on both sides of a centred frame); in the box, a table's row.
    shared = {
        id(line)
        for line in found
        if any(abs(line.baseline - short.baseline) <= 0.05 * size for short in run)
    }
    apart = [line for line in found if id(line) not in shared]
    if not apart:
        return [], []
    pieces = [line for line in found if id(line) in shared and _beyond(line, apart, side)]
    box = [line for line in found if not any(line is piece for piece in pieces)]
    if sum(1 for line in box if id(line) in shared) >= _SHARED * len(box):
        return [], []
    return box, pieces


def _beyond(piece: Line, box: Sequence[Line], side: Side) -> bool:
    """Whether ``piece`` lies past the box, across it from the short lines."""
    if side is _right:
        return piece.x0 > max(line.x1 for line in box)
    return piece.x1 < min(line.x0 for line in box)


def _walled(line: Line, walls: Sequence[tuple[Sequence[Line], Side]], side: Side) -> bool:
    """Whether another flow's short lines, level with ``line``, stop short of it on ``side``."""
    for run, wall_side in walls:
        if wall_side is not side:
            continue
        level = [r for r in run if abs(r.baseline - line.baseline) < _PITCH * line.size]
        if not level:
            continue
        if side is _left and line.x1 + _CLEAR * line.size <= min(r.x0 for r in level):
            return True
        if side is _right and line.x0 - _CLEAR * line.size >= max(r.x1 for r in level):
            return True
    return False
