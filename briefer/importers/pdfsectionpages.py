"""Page numbers counted per section ("1 – 2", "2 – 1", "A-3", "Annex A-3") as page furniture.

Reports often number each section's pages from 1, the section's number or
letter first, so the number of a one-page section ("2 – 1") appears once and
neither repeats nor counts with the pages as a running footer does. Pure
rules over plain lines; standard library and briefer.importers.pdflayout only.
"""

from __future__ import annotations

import re
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
    (``large``), and another page has one at the same height (the document
    numbers its pages so); within its section the numbers count with the pages
    (the page within the section less the page's index is the same at that
    height). So a one-page section's "2 – 1" goes, while a score "2 – 1" alone
    at the foot of two pages far apart, or in a table's row, stays.
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
    pages: dict[int, set[int]] = {}  # height -> pages with such a number there
    offsets: dict[tuple[int, tuple[str, str]], object] = {}  # height, section -> its offset
    for index, line, section, offset in found:
        height = round(line.baseline)
        pages.setdefault(height, set()).add(index)
        key = (height, section)
        offsets[key] = offset if offsets.get(key, offset) == offset else _MIXED
    out: list[set[int]] = [set() for _ in bodies]
    for index, line, section, offset in found:
        near = range(round(line.baseline) - _NEAR, round(line.baseline) + _NEAR + 1)
        elsewhere = any(
            len(pages.get(height, ())) > (index in pages.get(height, ())) for height in near
        )
        counting = all(offsets.get((height, section), offset) == offset for height in near)
        if elsewhere and counting:
            out[index].add(id(line))
    return out
