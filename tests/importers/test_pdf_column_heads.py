"""Two columns opened by headings on one baseline: each heading read before its own column.

LibreOffice and pdfTeX fixtures (tests/data/importers/pdf/README.md), and the
band rules over plain lines where a real file would need a rare layout.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.model import BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdflayout import Line
from briefer.importers.pdforder import reading_order
from tests.importers.test_pdf_order import order_score

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _expected(name: str) -> list[tuple[int, str]]:
    """The source's blocks: heading level ("# " is 1, "## " 2, "### " 3) or 0, and text."""
    blocks = (PDF / name).read_text(encoding="utf-8").split("\n\n")
    levels = [len(b) - len(b.lstrip("#")) for b in blocks]
    return [
        (level, " ".join(b.lstrip("#").split())) for level, b in zip(levels, blocks, strict=True)
    ]


def _imported(name: str) -> tuple[list[tuple[int, str]], str]:
    article = PdfImporter().extract((PDF / name).read_bytes(), name, ImportLimits())
    blocks = [
        (b.level if b.kind is BlockKind.HEADING else 0, article.block_text(b))
        for b in article.blocks
    ]
    return blocks, article.text


@pytest.mark.parametrize("name", ["sectioncols", "twocolheads"])
def test_headings_opening_two_columns_on_one_baseline_each_precede_their_column(
    name: str,
) -> None:
    """sectioncols.pdf (LibreOffice): "1 Depth" and "2 Costs" open a section's columns in
    mid-page, "3 Moorings" and "4 Lights" with wide space below at the top of page 2, a
    second section's "5 Timetable" and "6 Notices" under them, then a heading spanning
    the page over two columns that open with paragraphs: one heading before both.
    twocolheads.pdf (pdfTeX, \\twocolumn): "1 Depth" and "2 Costs" under the title,
    "3 Lights" and "4 Notices" mid-page a few points apart, the paragraph before
    "3 Lights" running on above "4 Notices", and "5 Contacts" beside text."""
    blocks, text = _imported(f"{name}.pdf")
    expected = _expected(f"{name}.expected.txt")
    assert blocks == expected
    reference = "\n\n".join(block for _, block in expected)
    assert order_score(text, reference) == 1.0


def _line(text: str, x0: float, baseline: float, width: float, size: float = 10) -> Line:
    return Line(text, x0, x0 + width, baseline, size, 0)


def _column(tag: str, x0: float, top: float, count: int) -> list[Line]:
    return [
        _line(f"{tag} line {i} of a column of prose", x0, top - 12 * i, 150) for i in range(count)
    ]


def _texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


def test_headings_level_over_two_columns_each_read_before_their_column() -> None:
    left_head, right_head = _line("1 Depth", 40, 600, 50, 14), _line("2 Costs", 220, 600, 50, 14)
    left, right = _column("L", 40, 578, 6), _column("R", 220, 578, 6)
    got = _texts(reading_order([left_head, right_head, *left, *right]))
    assert got == _texts([left_head, *left, right_head, *right])


def test_headings_with_wide_space_below_still_open_their_columns() -> None:
    left_head, right_head = _line("1 Depth", 40, 600, 50, 14), _line("2 Costs", 220, 600, 50, 14)
    left, right = _column("L", 40, 550, 6), _column("R", 220, 550, 6)
    got = _texts(reading_order([left_head, right_head, *left, *right]))
    assert got == _texts([left_head, *left, right_head, *right])


def test_headings_level_in_flowing_columns_keep_the_columns_whole() -> None:
    """Text flowing down two columns, its headings by chance level mid-page: read down
    the columns, the sections come 2, 3, 4; cut at the headings, 2, 4, 3."""
    top = _line("2 Costs", 40, 600, 50, 14)
    left = _column("L", 40, 578, 4)
    right = _column("R", 220, 600, 6)
    heads = [_line("3 Lights", 40, 520, 55, 14), _line("4 Notices", 220, 520, 60, 14)]
    left_after, right_after = _column("M", 40, 498, 5), _column("S", 220, 498, 5)
    got = _texts(reading_order([top, *left, *right, *heads, *left_after, *right_after]))
    assert got == _texts([top, *left, heads[0], *left_after, *right, heads[1], *right_after])


def test_stacked_sections_opened_by_numbered_headings_read_section_by_section() -> None:
    """Two two-column sections, one under the other, each pair of columns opened by
    numbered headings: down the columns the sections came 3, 5, 4, 6."""
    first = [_line("3 Moorings", 40, 600, 70, 14), _line("4 Lights", 220, 600, 55, 14)]
    upper = [_column("A", 40, 578, 4), _column("B", 220, 578, 4)]
    second = [_line("5 Timetable", 40, 510, 75, 14), _line("6 Notices", 220, 510, 60, 14)]
    lower = [_column("C", 40, 488, 3), _column("D", 220, 488, 3)]
    lines = [*first, *upper[0], *upper[1], *second, *lower[0], *lower[1]]
    got = _texts(reading_order(lines))
    assert got == _texts(
        [first[0], *upper[0], first[1], *upper[1], second[0], *lower[0], second[1], *lower[1]]
    )
