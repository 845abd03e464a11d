"""Glyphs to words and line runs, measured from the glyphs themselves, never the nominal font size.

Many producers set the font size to 1 and scale glyphs with the text matrix, so
every threshold here is a share of the *effective* size (font size times the
matrix's vertical scale) and gaps come from PDFium's loose (advance-width)
boxes. Pure geometry over plain data; imports only the standard library,
briefer.importers.pdfglyphs (``Glyph``: what each character stands for) and
briefer.importers.pdflayout (for ``Line``), so it is tested without a PDF.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from briefer.importers.pdfglyphs import ACCENTS, Glyph, compose_accents
from briefer.importers.pdflayout import Line

_SPLIT_GAP = 1.0  # a gap of more than this many ems may end a run (a column gutter, a table cell)
_GUTTER_RATIO = 2.5  # ... when it is this many times the line's typical word gap
_NORMAL_SPACE = 0.3  # ems: a word space, when a line has too few gaps to tell its own
_FAR_GAP = 6.0  # ems: always a new run
_CELL_GAPS = 2  # wide gaps a line must share with a neighbour to be a table row
_CELL_EDGE = 0.05  # ems: cells of one column start or end this close on neighbouring rows
_ROW_REACH = 4.0  # ems: how far above or below a row its neighbours may stand
_NEIGHBOURS = 2  # rows compared on each side (one may be a wrapped cell's line)
_SAME_ROW = 0.35  # ems: pieces on baselines this close are one row, not neighbours
_SIMILAR = 0.15  # share: neighbouring rows of a table share a size
_RESIZED = 0.7  # a glyph under this share of its neighbour's size, across ...
_RESIZED_GAP = 0.6  # ... a gap of this many of the larger size's ems, starts a new run
_OVERPRINT = 0.15  # ems: the same run drawn again within this is one run
_WORD_GAP = 0.13  # a gap this many ems wider than the letter spacing separates words
# A glyph ending this many ems left of the previous glyph's start begins a new run (unless
# the script runs right to left); overlapping boxes are a ligature's letters or kerning.
_BACKWARDS = 0.1
_LEADER = re.compile(r" ?(?:[.·…] ?){3,}")
_LEADER_DOTS = 6  # dots in a row: a leader wherever it stands
_SHORT_LEADER = 5  # ... or this many before the end of the run or a last short figure
_LEADER_TAIL = re.compile(r"\s*(?:\(?\d[\d\s,.:/%–-]{0,10}[^\W\d_]{0,3}\)?|[ivxlcIVXLC]{1,6})?")
_MARK_SIZE = 0.9  # a footnote mark is set smaller than its line ...
_MARK_RISE = 0.2  # ... and raised this many ems
_MARK_CHARS = 3
_MONO_SHARE = 0.9  # of a run's letters drawn at one advance width: a typewriter font (code)
_MONO_LETTERS = 4  # ... among at least this many different letters
_MONO_SAMPLE = 12
_SAME_ADVANCE = 0.03  # share: advances of typewriter fonts (a listing's bold, italic) agree
_ON_GRID = 0.15  # of the advance: a piece this close to the run's character grid continues it


def fold_leaders(text: str) -> str:
    """Dot leaders ("Introduction . . . . . . 3") folded to one " … ", ellipses left alone.

    A contents page or a form fills the space before a page number or a value
    with dots; kept, they read as a run of dots. A leader is a long run of dots,
    or a shorter one that ends the run or leads to a last figure ("iv",
    "41 200 t"); an ellipsis (". . .", or ". . . ." after a full stop) is kept.
    """
    return _LEADER.sub(_fold, text)


def _fold(found: re.Match[str]) -> str:
    dots = sum(found.group(0).count(c) for c in ".·") + 3 * found.group(0).count("…")
    tail = found.string[found.end() :]
    if dots >= _LEADER_DOTS or (dots >= _SHORT_LEADER and _LEADER_TAIL.fullmatch(tail)):
        return " … " if tail else " …"
    return found.group(0)


def runs(glyphs: Sequence[Glyph], page: int) -> list[Line]:
    """Glyphs in drawing order grouped into runs: words on one baseline without a wide gap.

    A run ends where the baseline changes (a superscript overlapping the line
    stays in it), where the text goes back left, or at a gap that is both wider
    than an em and much wider than the line's other word gaps, so columns and
    table cells drawn side by side stay apart while a justified line, whose
    gaps all stretch alike, stays whole; reading order joins runs again later.
    """
    pieces: list[tuple[list[Glyph], list[bool]]] = []
    current: list[Glyph] = []
    spaced: list[bool] = []  # whether a drawn space precedes current[i]
    pending = False
    last: Glyph | None = None
    for glyph in glyphs:
        if glyph.space:
            pending = last is not None
            continue
        if last is not None:
            size = last.size if last.size > glyph.size else glyph.size
            back = glyph.x1 <= last.x0 - _BACKWARDS * size and not _rtl(glyph.char)
            far = _gap(last, glyph) > _FAR_GAP * size
            if back or far or not _overlap(last, glyph):
                pieces.append((current, spaced))
                current, spaced, pending = [], [], False
        current.append(glyph)
        spaced.append(pending)
        pending = False
        last = glyph
    if current:
        pieces.append((current, spaced))
    columns = _column_cuts([piece for piece, _ in pieces])
    out: list[Line] = []
    for (piece, drawn), cuts in zip(pieces, columns, strict=True):
        out += _split(piece, drawn, page, cuts)
    return _without_overprints([line for line in out if line.text])


def _without_overprints(lines: list[Line]) -> list[Line]:
    """Runs minus copies drawn again on top of themselves (fake bold, shadows).

    Word and some typesetters draw a bold or shadowed line twice, a fraction
    of a point apart; both copies extract, so the words came out twice.
    """
    seen: dict[tuple[str, int], list[Line]] = {}
    kept: list[Line] = []
    for line in lines:
        key = (line.text, round(line.baseline))
        twins = [seen.get((line.text, key[1] + d), []) for d in (-1, 0, 1)]
        if any(
            abs(twin.x0 - line.x0) < _OVERPRINT * line.size
            and abs(twin.baseline - line.baseline) < _OVERPRINT * line.size
            for group in twins
            for twin in group
        ):
            continue
        seen.setdefault(key, []).append(line)
        kept.append(line)
    return kept


def _split(
    glyphs: list[Glyph], spaced: list[bool], page: int, columns: frozenset[int] = frozenset()
) -> list[Line]:
    """The glyphs of one baseline as runs, cut at gaps far wider than its word gaps.

    ``columns`` are the indices of glyphs that start a table cell, found by
    the alignment of the page's lines (``_column_cuts``): a row of four or
    more cells has no word gaps for its cell gaps to stand out from.
    """
    size = max(glyphs[0].size, 0.1)
    gaps = [_gap(a, b) / size for a, b in itertools.pairwise(glyphs)]
    wide = [i for i, gap in enumerate(gaps) if gap > _SPLIT_GAP]
    if not wide:
        return [_finish(glyphs, spaced, page)]
    resized = [i + 1 for i in wide if _resized(glyphs[i], glyphs[i + 1])]
    if resized:
        # A margin line number is set far smaller than its line; a run of its own,
        # it is found as one of a column of numbers and removed (pdffurniture).
        out = []
        for start, end in itertools.pairwise([0, *resized, len(glyphs)]):
            inside = frozenset(cut - start for cut in columns if start < cut < end)
            out += _split(glyphs[start:end], spaced[start:end], page, inside)
        return out
    words = [gap for gap in gaps if gap > _WORD_GAP]
    # A row of cells holding two words each has as many cell gaps as word gaps: the median
    # of all was a cell gap. The word gaps are the narrow ones, when there are any.
    narrow = [gap for gap in words if gap <= _SPLIT_GAP] or words
    typical = _median(narrow) if len(words) >= 3 else _NORMAL_SPACE
    cuts = [i + 1 for i in wide if gaps[i] > _GUTTER_RATIO * typical or i + 1 in columns]
    grid = _character_grid(glyphs) if cuts else None
    if grid is not None:
        start, origin, pitch = grid
        cuts = [i for i in cuts if i <= start or not _on_grid(glyphs[i].x0 - origin, pitch)]
    out = []
    start = 0
    for cut in [*cuts, len(glyphs)]:
        out.append(_finish(glyphs[start:cut], spaced[start:cut], page))
        start = cut
    return out


class _Cells(NamedTuple):
    """A piece of a line (glyphs on one baseline) with its gaps of an em or more."""

    baseline: float
    size: float
    x0: float
    x1: float
    gaps: tuple[tuple[int, float, float], ...]  # (index of the glyph after, gap's left, right)


def _column_cuts(pieces: Sequence[Sequence[Glyph]]) -> list[frozenset[int]]:
    """For each piece, the glyphs that start a table cell, told by columns lining up.

    A table row of four or more cells has only cell gaps, so its own gaps give
    no word gap for them to stand out from, and a loose justified line has
    gaps as wide. What tells them apart is the column: a table's cells start
    (text) or end (figures set flush right) at the same x on the rows above
    and below, while the wide gaps of neighbouring loose lines fall anywhere.
    A piece whose wide gaps meet a neighbour's at two such edges is a row, and
    each of its wide gaps starts a cell (thin spaces in "5 405" are no wide gap).
    """
    cells = [_cells(piece) for piece in pieces]
    order = sorted(range(len(pieces)), key=lambda i: -cells[i].baseline)
    out: list[frozenset[int]] = []
    position = {index: rank for rank, index in enumerate(order)}
    for index, piece in enumerate(cells):
        if len(piece.gaps) < _CELL_GAPS:
            out.append(frozenset())
            continue
        row = any(
            _shared(piece, cells[other]) >= _CELL_GAPS
            for other in _neighbours(cells, order, position[index])
        )
        out.append(frozenset(gap[0] for gap in piece.gaps) if row else frozenset())
    return out


def _cells(glyphs: Sequence[Glyph]) -> _Cells:
    """A piece's gaps of an em or more, in the larger size beside each (a small label's
    em is no measure of the word spaces of the large sample after it)."""
    first, last = glyphs[0], glyphs[-1]
    size = max(first.size, 0.1)
    least = _SPLIT_GAP * size
    gaps = []
    previous = first
    for index in range(1, len(glyphs)):
        glyph = glyphs[index]
        gap = glyph.x0 - previous.x1
        if gap > least and gap > _SPLIT_GAP * max(previous.size, glyph.size):
            gaps.append((index, previous.x1, glyph.x0))
        previous = glyph
    x0 = first.x0 if first.x0 < last.x0 else last.x0  # right to left, the first is rightmost
    x1 = last.x1 if last.x1 > first.x1 else first.x1
    return _Cells(first.baseline, size, x0, x1, tuple(gaps))


def _neighbours(cells: list[_Cells], order: list[int], rank: int) -> list[int]:
    """The nearest pieces above and below a piece, overlapping it, in a similar size."""
    piece = cells[order[rank]]
    reach = _ROW_REACH * piece.size
    found: list[int] = []
    for step in (-1, 1):
        count = 0
        other = rank + step
        while 0 <= other < len(order) and count < _NEIGHBOURS:
            candidate = cells[order[other]]
            distance = abs(candidate.baseline - piece.baseline)
            if distance > reach:
                break
            if (
                distance > _SAME_ROW * piece.size
                and candidate.x0 < piece.x1
                and piece.x0 < candidate.x1
                and abs(candidate.size - piece.size) <= _SIMILAR * piece.size
            ):
                found.append(order[other])
                count += 1
            other += step
    return found


def _shared(piece: _Cells, other: _Cells) -> int:
    """How many of a piece's wide gaps another's match at their left or right edge."""
    tolerance = _CELL_EDGE * piece.size
    return sum(
        1
        for _, end, start in piece.gaps
        if any(
            abs(end - their_end) <= tolerance or abs(start - their_start) <= tolerance
            for _, their_end, their_start in other.gaps
        )
    )


def _character_grid(glyphs: list[Glyph]) -> tuple[int, float, float] | None:
    """Where a run in a typewriter font starts (index, x) and its advance, or None.

    A code listing aligns its columns with spaces, so its gaps are wide, but
    every piece of the line still starts on the font's character grid; a table
    or a second column in the same font starts wherever its cell does. Digits
    are left out: a line number beside code is often set in another font, and
    digits are one width in most fonts. Only pieces after the first letter are
    kept on the line: a transcript's margin line number stays apart.
    """
    sample = {round(g.x1 - g.x0, 1) for g in glyphs[:_MONO_SAMPLE] if not g.char.isdigit()}
    if len(sample) > 2:
        return None  # a proportional font: most runs, told from their first letters
    widths: Counter[float] = Counter()
    letters: set[str] = set()
    count = 0
    for glyph in glyphs:
        if not glyph.char.isdigit():
            widths[round(glyph.x1 - glyph.x0, 1)] += 1
            count += 1
    if not widths:
        return None
    pitch, same = widths.most_common(1)[0]
    if pitch <= 0 or same < _MONO_SHARE * count:
        return None
    start = -1
    total = 0.0
    for index, glyph in enumerate(glyphs):
        if not glyph.char.isdigit() and round(glyph.x1 - glyph.x0, 1) == pitch:
            letters.add(glyph.char)
            total += glyph.x1 - glyph.x0
            if start < 0:
                start = index
    if start < 0 or len(letters) < _MONO_LETTERS:
        return None
    return start, glyphs[start].x0, total / same  # the advance unrounded: long lines drift


def _resized(a: Glyph, b: Glyph) -> bool:
    """Whether a wide gap also changes the size sharply: a line number or a label beside text.

    A footnote mark is as small, but stands a word space from the next word.
    """
    small, large = (a.size, b.size) if a.size < b.size else (b.size, a.size)
    return small < _RESIZED * large and _gap(a, b) > _RESIZED_GAP * large


def _on_grid(offset: float, pitch: float) -> bool:
    steps = offset / pitch
    return abs(steps - round(steps)) < _ON_GRID


def _gap(a: Glyph, b: Glyph) -> float:
    """White space between two glyphs in either direction (right-to-left scripts run back)."""
    ahead, behind = b.x0 - a.x1, a.x0 - b.x1
    return ahead if ahead > behind else behind


def _rtl(char: str) -> bool:
    return unicodedata.bidirectional(char[0]) in ("R", "AL")  # a ligature is letters


def _overlap(last: Glyph, glyph: Glyph) -> bool:
    """Whether two glyphs share a line: their boxes overlap by half the shorter one."""
    if last.bottom == glyph.bottom and last.top == glyph.top:
        return True
    low = last.bottom if last.bottom > glyph.bottom else glyph.bottom
    high = last.top if last.top < glyph.top else glyph.top
    shorter = min(last.top - last.bottom, glyph.top - glyph.bottom)
    if shorter <= 0:
        return abs(last.baseline - glyph.baseline) < 0.3 * max(last.size, glyph.size, 0.1)
    return high - low >= 0.5 * shorter


def _finish(glyphs: list[Glyph], spaced: list[bool], page: int) -> Line:
    """One run as a Line: words split where the gap beats the run's own letter spacing."""
    if any(g.char in ACCENTS for g in glyphs):
        glyphs, spaced = compose_accents(glyphs, spaced)
    first = glyphs[0]
    if len(glyphs) == 1:
        return Line(first.char.strip(), first.x0, first.x1, first.baseline, round(first.size, 1),
                    page, first=first.at, last=first.at)  # fmt: skip
    sizes = Counter(round(g.size, 1) for g in glyphs)
    mixed = len(sizes) > 1
    if mixed:
        # A listing's line number is set smaller than its code: the code's size is the line's.
        letters = Counter(round(g.size, 1) for g in glyphs if not g.char.isdigit())
        size = (letters or sizes).most_common(1)[0][0]
    else:
        size = round(first.size, 1)
    unit = max(size, 0.1)
    gaps = [_gap(a, b) / unit for a, b in itertools.pairwise(glyphs)]
    free = [gap for gap, drawn in zip(gaps, spaced[1:], strict=True) if not drawn]
    letter = _median(free) if len(free) >= 3 else 0.0
    threshold = letter + _WORD_GAP if letter > 0 else _WORD_GAP
    marks: tuple[str, ...] = ()
    parts = [first.char]
    if mixed:
        main = [g for g in glyphs if round(g.size, 1) == size]
        baseline = Counter(round(g.baseline, 1) for g in main).most_common(1)[0][0]
        marks = _marks(glyphs, baseline, size)
        raised = _is_mark(first, baseline, size)
        for glyph, gap, drawn in zip(glyphs[1:], gaps, spaced[1:], strict=True):
            # A mark before a word ("¹The club", a note's own number) stands apart from it.
            after = raised and glyph.char.isalnum() and not _is_mark(glyph, baseline, size)
            if drawn or gap > threshold or after:
                parts.append(" ")
            parts.append(glyph.char)
            raised = _is_mark(glyph, baseline, size)
    else:
        baseline = first.baseline
        for glyph, gap, drawn in zip(glyphs[1:], gaps, spaced[1:], strict=True):
            if drawn or gap > threshold:
                parts.append(" ")
            parts.append(glyph.char)
    text = " ".join("".join(parts).split())
    if ". ." in text or "..." in text or "…" in text:
        text = fold_leaders(text)
    return Line(
        text=text,
        x0=first.x0 if first.x0 < glyphs[-1].x1 else min(g.x0 for g in glyphs),
        x1=max(g.x1 for g in glyphs),
        baseline=baseline,
        size=size,
        page=page,
        first=first.at,
        last=glyphs[-1].at,
        marks=marks,
        mono=_monospaced(glyphs),
    )


def _monospaced(glyphs: list[Glyph]) -> bool:
    """Whether a run's letters all have one advance width (a typewriter font).

    A few may differ (PDFium widens some loose boxes, a symbol from another
    font); proportional fonts fail within their first letters, so this is cheap.
    """
    width = -1.0
    chars = set()
    odd = 1 + len(glyphs) // 10
    for glyph in glyphs:
        if glyph.char.isdigit():
            continue
        advance = glyph.x1 - glyph.x0
        if width < 0:
            width = advance
        elif abs(advance - width) > _SAME_ADVANCE * width:
            odd -= 1
            if odd < 0:
                return False
            continue
        chars.add(glyph.char)
    return len(chars) >= _MONO_LETTERS


def _is_mark(glyph: Glyph, baseline: float, size: float) -> bool:
    """A footnote mark: a figure or a symbol ("*", "†"), raised and smaller than its line.

    Letters raised that way are a logo's ("LᴬTeX") or an ordinal's ("1st"), not marks.
    """
    return (
        glyph.size < _MARK_SIZE * size
        and glyph.baseline - baseline > _MARK_RISE * size
        and not glyph.char.isalpha()
    )


def _marks(glyphs: list[Glyph], baseline: float, size: float) -> tuple[str, ...]:
    """Short runs of glyphs set smaller and raised above the baseline: footnote marks."""
    out: list[str] = []
    current = ""
    for glyph in glyphs:
        if _is_mark(glyph, baseline, size):
            current += glyph.char
            continue
        if 0 < len(current) <= _MARK_CHARS:
            out.append(current)
        current = ""
    if 0 < len(current) <= _MARK_CHARS:
        out.append(current)
    return tuple(out)


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
