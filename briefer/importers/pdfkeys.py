"""A column of short keys beside wrapped values (a table's wrapped cells, a CV), row by row.

Read column by column, every key came before every value. The values are cut
into the rows the keys stand in and each row reads key first. Called by
pdforder on a page's columns; pure geometry over plain lines, standard
library and briefer.importers.pdflayout / pdfrows only.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from briefer.importers.pdflayout import Line
from briefer.importers.pdfrows import SAME_BASELINE

_KEY_ROWS = 3  # a key column holds at least this many keys ...
_KEY_WORDS = 5  # ... each of at most this many words ...
_KEY_SHARE = 0.6  # ... and the keys are at most this share of the values' width
_WRAPPED = 0.8  # of its block's width: a line of wrapped text reaches this far
_ROW_GAP = 1.3  # a pitch this many times the usual one ends a row of a value column
_SHORT = 0.8  # of its block's width: a line shorter than this ends a paragraph
_STACK_PITCH = 1.9  # ems between baselines of lines stacked in one block


def keyed_rows(
    keys: Sequence[Line], values: Sequence[Sequence[Line]], margin: float
) -> list[list[Line]] | None:
    """The rows' lines in reading order (each key, then its values), or None.

    ``keys`` are the first column's lines top to bottom, ``values`` the other
    columns' blocks, each a list of lines top to bottom. The keys are narrower
    than the values, most stand level with them, and most stand apart from
    each other by more than a line's pitch: a column of prose beside another,
    or a sidebar, is no key column; nor is a list of short lines beside the
    keys (an index set beside its input), nor names in the margin (``margin``
    is the text area's left edge) beside paragraphs.
    """
    if len(keys) < _KEY_ROWS or not any(_wraps(block) for block in values):
        return None
    if max(k.x1 for k in keys) <= margin + 1 or any(len(k.text.split()) > _KEY_WORDS for k in keys):
        return None
    wide = max(v.x1 for b in values for v in b) - min(v.x0 for b in values for v in b)
    if max(k.x1 for k in keys) - min(k.x0 for k in keys) > _KEY_SHARE * wide:
        return None
    usual = _median(
        [a.baseline - c.baseline for block in values for a, c in itertools.pairwise(block)]
    )
    spaced = sum(
        1 for a, b in itertools.pairwise(keys) if a.baseline - b.baseline > _ROW_GAP * usual
    )
    if usual <= 0 or spaced < (len(keys) - 1) / 2:
        return None  # lines at the text's own pitch: a narrow column or a sidebar
    beside = sum(
        1
        for k in keys
        if any(b[-1].baseline - usual <= k.baseline <= b[0].baseline + usual for b in values)
    )
    if beside < max(_KEY_ROWS, len(keys) / 2):
        return None
    rows: dict[int, list[list[Line]]] = {id(k): [[k]] for k in keys}
    place = _by_start if _top_aligned(keys, values) else _by_nearest
    for block in values:
        for key, lines in place(keys, block, usual):
            rows[id(key)].append(lines)
    return [lines for key in keys for lines in rows[id(key)]]


def _level(a: Line, b: Line) -> bool:
    return abs(a.baseline - b.baseline) <= SAME_BASELINE * min(a.size, b.size)


def _top_aligned(keys: Sequence[Line], values: Sequence[Sequence[Line]]) -> bool:
    """Whether the keys stand level with the first lines of their rows (a CV, a form).

    A key set level with the middle of its row (a cell centred in its height)
    stands beside a line that carries on the line above it.
    """
    first = middle = 0
    for block in values:
        width = max(v.x1 for v in block) - min(v.x0 for v in block)
        for index, line in enumerate(block):
            if not any(_level(k, line) for k in keys):
                continue
            above = block[index - 1] if index else None
            starts = (
                above is None or above.x1 - above.x0 < _SHORT * width or above.text.endswith(".")
            )
            first, middle = first + starts, middle + (not starts)
    return first >= middle


def _by_start(
    keys: Sequence[Line], block: Sequence[Line], usual: float
) -> list[tuple[Line, list[Line]]]:
    """Top-aligned rows: a row starts at a line level with a key or after a wide gap."""
    out: list[tuple[Line, list[Line]]] = []
    key: Line | None = None
    for index, line in enumerate(block):
        level = next((k for k in keys if _level(k, line)), None)
        gap = index > 0 and block[index - 1].baseline - line.baseline > _ROW_GAP * usual
        if level is not None or gap or not out:
            key = level or _nearest(keys, line)
            out.append((key, [line]))
        else:
            out[-1][1].append(line)
    return out


def _by_nearest(
    keys: Sequence[Line], block: Sequence[Line], usual: float
) -> list[tuple[Line, list[Line]]]:
    """Centred rows: each line goes with the key nearest in height (the upper one on a tie)."""
    del usual
    out: list[tuple[Line, list[Line]]] = []
    for line in block:
        key = _nearest(keys, line)
        if out and out[-1][0] is key:
            out[-1][1].append(line)
        else:
            out.append((key, [line]))
    return out


def _nearest(keys: Sequence[Line], line: Line) -> Line:
    return min(keys, key=lambda k: (round(abs(k.baseline - line.baseline), 1), -k.baseline))


def _wraps(block: Sequence[Line]) -> bool:
    """Whether a block holds text wrapped to its width, not a list of short lines."""
    width = max(v.x1 for v in block) - min(v.x0 for v in block)
    return any(
        a.x1 - a.x0 >= _WRAPPED * width
        and sum(1 for word in a.text.split() if word[0].isalpha()) >= _KEY_WORDS
        for a, b in itertools.pairwise(block)
        if a.baseline - b.baseline < _STACK_PITCH * a.size
    )


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0
