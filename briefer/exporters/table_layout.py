"""Column widths that fit a table's content, for writers that must state them (Word).

Equal columns squeeze a sentence into a third of the page beside a column holding one
footnote mark; widths in proportion to characters starve a short column below its own
heading, which then breaks letter by letter ("So/urc/e") in a fixed layout. So words
are measured in the table's font (text_widths): no column is narrower than its longest
word, the heading's (bold) or a cell's, plus the cell margins, and the width left over
goes to the columns whose text is long. Standard library only.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefer.exporters.document import Run, RunKind
from briefer.exporters.text_widths import em, family, widths

PROSE_CAP = 30.0
"""Ems (some 60 characters) past which a cell is prose that wraps: asking for more only
steals width."""
MIN_EMS = 1.5
"""The narrowest column's text, in ems: an empty column still shows as a column."""
SLACK = 1.06
"""Words measured from the metrics come out a little narrower than a word processor sets
them (its hinting, rounding, a substituted bold); a word that fits exactly still breaks."""
CELL_MARGINS = 216
"""Twips a cell's left and right margins take together: 108 each, Word's Table Grid."""


def fit_columns(
    columns: Sequence[Sequence[str]],
    total: int,
    *,
    font: str = "Cambria",
    size: float = 11.0,
    padding: int = CELL_MARGINS,
) -> list[int]:
    """Widths in twips, together at most ``total``, for columns whose cells hold these
    texts (each column's first text is its heading, set in bold), set in ``font`` at
    ``size`` points with ``padding`` twips of cell margins.

    Every column gets at least its longest word. When all the text fits on one line,
    the columns share the width in proportion to it; otherwise the width beyond the
    longest words goes to the columns in proportion to how much more their longest
    lines (capped at :data:`PROSE_CAP`) want.

    If the longest words cannot all fit (a long URL, many columns), the headings come
    first: each column gets its heading's longest word, and the rest goes to the
    columns with longer words in cells, up to one common width, so a cell's long word
    breaks rather than a heading. If even the headings' words cannot all fit, short
    headings keep their width and the longest ones share what is left alike: only
    those break, and none shrinks to a letter while another keeps room to spare.
    """
    if not columns:
        return []
    points = 20 * size  # twips per em
    kind = family(font)
    regular, bold = widths((kind, False, False)), widths((kind, True, False))

    def word(text: str, table: dict[str, float]) -> float:
        longest = max((em(w, table) for w in text.split()), default=0.0)
        return longest * points * SLACK + padding

    def line(text: str, table: dict[str, float]) -> float:
        return min(em(" ".join(text.split()), table), PROSE_CAP) * points * SLACK + padding

    least = MIN_EMS * points + padding
    heads: list[float] = []
    floors: list[float] = []
    wanted: list[float] = []
    for cells in columns:
        head = max(word(cells[0], bold), least) if cells else least
        floor = max([head] + [word(text, regular) for text in cells[1:]])
        want = max([floor] + [line(text, bold if i == 0 else regular) for i, text in
                              enumerate(cells)])  # fmt: skip
        heads.append(head)
        floors.append(floor)
        wanted.append(want)
    if sum(wanted) <= total:
        shares = _share(total, [0.0] * len(wanted), wanted)
    elif sum(floors) <= total:
        shares = _share(total, floors, [w - f for w, f in zip(wanted, floors, strict=True)])
    elif sum(heads) <= total:
        shares = _level(total, heads, floors)
    else:
        shares = _level(total, [0.0] * len(heads), heads)
    return [int(share) for share in shares]


def _level(total: int, low: Sequence[float], high: Sequence[float]) -> list[float]:
    """Each column ``low`` to ``high`` wide, as near one common width as ``total`` allows:
    what is short keeps all it needs, what is long shares the rest alike."""
    below, above = 0.0, max(high)
    for _ in range(60):
        level = (below + above) / 2
        used = sum(max(lo, min(hi, level)) for lo, hi in zip(low, high, strict=True))
        below, above = (level, above) if used <= total else (below, level)
    return [max(lo, min(hi, below)) for lo, hi in zip(low, high, strict=True)]


def _share(total: int, base: Sequence[float], weights: Sequence[float]) -> list[float]:
    """``base`` plus what ``total`` leaves beyond it, shared in proportion to ``weights``."""
    spare = total - sum(base)
    weight = sum(weights)
    if weight <= 0:
        return [b + spare / len(base) for b in base]
    return [b + spare * w / weight for b, w in zip(base, weights, strict=True)]


def cell_text(runs: Sequence[Run]) -> str:
    """What a cell shows, for sizing its column: a footnote reference is a mark of a
    character or two. The Word writer and the page estimate measure the same text."""
    return "".join("¹²" if run.kind is RunKind.FOOTNOTE else run.text for run in runs)
