"""Page numbers counted per section ("1 – 2", "2 – 1", "A-3", "Annex A-3") as page furniture.

Reports often number each section's pages from 1, the section's number or
letter first, so the number of a one-page section ("2 – 1") appears once and
neither repeats nor counts with the pages as a running footer does. Pure
rules over plain lines; standard library and briefer.importers.pdflayout only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from briefer.importers.pdflayout import Line

# The section (a number, or a capital letter, after an optional word), a hyphen or a dash,
# the page within it: "2 – 1", "2-1", "A-3", "Annex A-3", "Page 2-1". Never "2.1" (a
# heading's number) nor words after it ("2 – 1 win").
_SECTION_PAGE = re.compile(
    r"^(?P<word>(?i:page|p\.|annex|annexe|appendix|app\.|anhang|anexo|section)\s*)?"
    r"(?P<section>\d{1,2}|[A-Z])\s*[-–—]\s*(?P<page>\d{1,3})$"
)
_ROW = 2.0  # points between baselines of runs on one row
_NEAR = 2  # whole points between the heights of one footer on different pages
_MIXED = object()  # a section whose numbers do not count with the pages at one height


def section_page_numbers(
    bodies: Sequence[Sequence[Line]], margins: Sequence[Sequence[Line]], large: float
) -> list[set[int]]:
    """Each page's section-page number among its top and bottom lines (``margins``).

    Such a number stands alone on its row, in type no larger than a heading
    (``large``), at a height where some section's numbers count with two pages or
    more (the document numbers its pages there); within its own section the
    numbers count with the pages too (the page within the section less the page's
    index is the same at that height), or, for a section of one page, it is that
    section's first page. So a one-page section's "2 – 1" goes, while scores or
    votes ("2 – 1", "3-2") alone at the top or foot of pages, or in a table's row,
    stay.
    """
    found: list[tuple[int, Line, tuple[str, str], int]] = []  # page, line, section, offset
    for index, (body, margin) in enumerate(zip(bodies, margins, strict=True)):
        for line in margin:
            match = _SECTION_PAGE.match(line.text.strip())
            if match is None or line.size > large:
                continue
            if any(
                other is not line and abs(other.baseline - line.baseline) < _ROW for other in body
            ):
                continue  # beside words or cells: a row of a table, a line of text
            word = " ".join((match["word"] or "").casefold().split())
            section = (word, match["section"])
            found.append((index, line, section, int(match["page"]) - index))
    offsets: dict[tuple[int, tuple[str, str]], object] = {}  # height, section -> its offset
    counts: Counter[tuple[int, tuple[str, str]]] = Counter()  # height, section -> its pages
    for _index, line, section, offset in found:
        key = (round(line.baseline), section)
        offsets[key] = offset if offsets.get(key, offset) == offset else _MIXED
        counts[key] += 1
    # Heights where some section's numbers count with two pages or more: where the
    # document prints its page numbers (two lone scores, "3-2" and "4-1", confirm nothing).
    confirmed = {
        height for (height, section), pages in counts.items()
        if pages >= 2 and offsets[height, section] is not _MIXED
    }  # fmt: skip
    out: list[set[int]] = [set() for _ in bodies]
    for index, line, section, offset in found:
        near = range(round(line.baseline) - _NEAR, round(line.baseline) + _NEAR + 1)
        pages_here = sum(counts[height, section] for height in near)
        counting = all(offsets.get((height, section), offset) == offset for height in near)
        # A section of one page is told by its number being the first ("2 – 1"): a vote
        # "3-2" at a page's foot, where the document numbers its pages, stays.
        alone_first = pages_here < 2 and offset + index == 1
        if any(h in confirmed for h in near) and counting and (pages_here >= 2 or alone_first):
            out[index].add(id(line))
    return out
