"""A table under text in CSS columns: both columns, then the table, row by row.

Chromium prints of web pages (tests/data/importers/pdf/README.md) whose text is
set with ``column-count: 2`` and balanced, then a narrow table under it, within
the first column's width; and the rules over plain lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefer.core.model import BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdflayout import Line
from briefer.importers.pdforder import CELL_SEPARATOR, reading_order
from tests.importers.test_pdf_order import order_score

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _source_blocks(name: str) -> list[tuple[int, str]]:
    """The page's h1, h2, p and table rows in source order: heading level or 0, and text."""
    html = (PDF / name).read_text(encoding="utf-8")
    body = html.split("<body>")[1]
    blocks: list[tuple[int, str]] = []
    for tag, inner in re.findall(r"<(h1|h2|p|tr)>(.*?)</\1>", body, re.S):
        if tag == "tr":
            cells = re.findall(r"<t[hd]>(.*?)</t[hd]>", inner)
            blocks.append((0, CELL_SEPARATOR.join(cells)))
        else:
            blocks.append((int(tag[1]) if tag != "p" else 0, " ".join(inner.split())))
    return blocks


@pytest.mark.parametrize("name", ["webcolumns", "webcolumns-head"])
def test_a_table_under_balanced_css_columns_reads_after_both_columns(name: str) -> None:
    """webcolumns.pdf: the table straight under the columns, its first column's text
    two lines longer than the second's (the table's rows were taken for lines of that
    text and read cell by cell, column by column). webcolumns-head.pdf: an h2 over the
    table (it was read inside the first column, before the second)."""
    article = PdfImporter().extract((PDF / f"{name}.pdf").read_bytes(), name, ImportLimits())
    blocks = [
        (b.level if b.kind is BlockKind.HEADING else 0, article.block_text(b))
        for b in article.blocks
    ]
    expected = _source_blocks(f"{name}.html")
    assert blocks == expected
    reference = "\n\n".join(text for _, text in expected)
    assert order_score(article.text, reference) == 1.0


def _line(text: str, x0: float, baseline: float, width: float, size: float = 10) -> Line:
    return Line(text, x0, x0 + width, baseline, size, 0)


def _prose(tag: str, x0: float, top: float, count: int) -> list[Line]:
    return [
        _line(f"{tag} line {i} of a column of running prose", x0, top - 12 * i, 200)
        for i in range(count)
    ]


def test_a_narrow_table_under_two_columns_is_read_after_the_second() -> None:
    # Column 1 runs two lines longer than column 2, then white space and a table
    # of short cells within column 1's width.
    left, right = _prose("L", 40, 700, 8), _prose("R", 270, 700, 6)
    rows = [
        [_line(a, 46, base, 40), _line(b, 120, base, 30), _line(c, 190, base, 30)]
        for a, b, c, base in (
            ("Month", "Last", "This", 590),
            ("October", "112", "131", 575),
            ("November", "98", "127", 560),
        )
    ]
    got = [line.text for line in reading_order([*left, *right, *(c for r in rows for c in r)])]
    table = [CELL_SEPARATOR.join(cell.text for cell in row) for row in rows]
    assert got == [line.text for line in (*left, *right)] + table
