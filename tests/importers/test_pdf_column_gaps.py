"""A heading in one column level with white space in the other: the columns still read whole.

A short heading in column 1 ("References", "2 Lights") with white space above
and below it, level with the white space between two items or paragraphs of
column 2, makes a slab between two gaps across the page in which the heading's
short line leaves column 1 looking like a gutter; cut there, column 2's text
above the gap was read before the heading. pdfTeX and LibreOffice fixtures
(tests/data/importers/pdf/README.md), and the rule over plain lines.
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
    """The source's blocks: heading level ("# " is 1, "## " 2) or 0, and text."""
    blocks = (PDF / name).read_text(encoding="utf-8").strip().split("\n\n")
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


@pytest.mark.parametrize("name", ["bibcolumns-gaps", "twocolgaps", "sectiongaps"])
def test_a_heading_level_with_white_space_in_the_next_column_reads_before_its_text(
    name: str,
) -> None:
    """bibcolumns-gaps.pdf (pdfTeX, thebibliography with the default \\itemsep):
    "References" in column 1 level with the space between items 8 and 9 of column 2.
    twocolgaps.pdf (pdfTeX, parskip): "1 Moorings" beside column 2's first paragraph
    and "2 Lights" level with a paragraph gap in column 2. sectiongaps.pdf (LibreOffice,
    a two-column section, space below paragraphs): "Lights" in column 1 level with the
    space between two paragraphs of column 2. Column 1 whole, then column 2."""
    blocks, text = _imported(f"{name}.pdf")
    expected = _expected(f"{name}.expected.txt")
    assert blocks == expected
    reference = "\n\n".join(block for _, block in expected)
    assert order_score(text, reference) == 1.0


def _line(text: str, x0: float, baseline: float, width: float, size: float = 10) -> Line:
    return Line(text, x0, x0 + width, baseline, size, 0)


def _paragraph(tag: str, x0: float, top: float, count: int) -> list[Line]:
    return [_line(f"{tag} line {i} of a paragraph", x0, top - 12 * i, 170) for i in range(count)]


def test_a_heading_in_column_one_level_with_a_gap_in_column_two_cuts_no_band() -> None:
    # Column 1: a paragraph, white space, "References" (larger), white space, items.
    # Column 2: items of three lines with wide gaps between, one gap level with each
    # gap round the heading, so white space crosses the page above and below it.
    left_text = _paragraph("L1", 40, 600, 5)  # baselines 600 .. 552
    heading = _line("References", 40, 520, 70, 14)
    left_items = _paragraph("L2", 40, 490, 4)
    right_items = [
        *_paragraph("R1", 230, 600, 3),  # 600 .. 576
        *_paragraph("R2", 230, 540, 3),  # 540 .. 516, beside the heading
        *_paragraph("R3", 230, 492, 3),
    ]
    got = [line.text for line in reading_order([*left_text, heading, *left_items, *right_items])]
    assert got == [line.text for line in (*left_text, heading, *left_items, *right_items)]
