"""The PDF importer on committed fixtures (made by tests/data/importers/pdf/make_pdfs.py)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from briefer.core.model import BLOCK_SEPARATOR, Article, BlockKind
from briefer.importers.base import ArticleBuilder, ImportLimits, ImportRejected
from briefer.importers.pdf import PdfImporter, pdf_date
from briefer.importers.pdffurniture import remove_furniture
from briefer.importers.pdflayout import (
    Line,
    Page,
    build_blocks,
    join_lines,
)
from briefer.importers.pdforder import reading_order

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _import(name: str, limits: ImportLimits | None = None) -> Article:
    return PdfImporter().extract((PDF / name).read_bytes(), name, limits or ImportLimits())


@pytest.fixture(scope="module")
def report() -> Article:
    return _import("report.pdf")


def test_sniff_by_content() -> None:
    importer = PdfImporter()
    assert importer.sniff((PDF / "report.pdf").read_bytes(), "report.bin") == 100
    assert importer.sniff(b"<html><body>x</body></html>", "page.pdf") == 0


def test_report_metadata_from_document_info(report: Article) -> None:
    assert report.title == "Coastal Trade Outlook: First Quarter 2026"
    assert report.author == "Hana Ibsen"
    assert report.published is None  # the file says 15 April 2026; its pages print no date
    assert report.source_format == "pdf"


def test_headings_by_font_size_in_reading_order(report: Article) -> None:
    headings = [
        (report.block_text(b), b.level) for b in report.blocks if b.kind is BlockKind.HEADING
    ]
    assert headings == [
        ("Coastal Trade Outlook: First Quarter 2026", 1),
        ("Overview", 2),
        ("Ports and shipping", 2),
        ("Rail freight", 2),
        ("Energy costs", 2),
        ("Outlook", 2),
    ]


def test_bold_headings_at_body_size_are_headings_below_the_title() -> None:
    memo = _import("memo.pdf")
    expected = (PDF / "memo.expected.txt").read_text(encoding="utf-8")

    headings = [(memo.block_text(b), b.level) for b in memo.blocks if b.kind is BlockKind.HEADING]

    assert headings == [
        ("Ferry link to Lisvik: options for the council", 1),
        ("Background", 2),
        ("Option one: a leased vessel", 2),
        ("Option two: a new electric ferry", 2),
        ("Recommendation", 2),
    ]
    paragraphs = [memo.block_text(b) for b in memo.blocks if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs == [
        " ".join(p.split()) for p in expected.split("\n\n") if not p.startswith("#")
    ]


def test_a_bold_paragraph_or_sentence_is_not_a_heading() -> None:
    builder = ArticleBuilder()
    lines = [
        _line("Warning: the figures below are", 50, 700, bold=True),
        _line("provisional and will be revised", 50, 686, bold=True),
        _line("Ordinary text follows here and ends.", 50, 672),
        _line("A bold sentence on its own.", 50, 644, bold=True),
        _line("More ordinary text.", 50, 630),
    ]

    build_blocks([lines], builder)

    kinds = [b.kind for b in builder.blocks]
    assert BlockKind.HEADING not in kinds


def test_paragraphs_rejoined_across_lines_columns_and_pages(report: Article) -> None:
    expected = (PDF / "report.expected.txt").read_text(encoding="utf-8")
    want = [" ".join(p.split()) for p in expected.split("\n\n") if not p.startswith("#")]
    got = [report.block_text(b) for b in report.blocks if b.kind is BlockKind.PARAGRAPH]
    assert got == want
    assert BLOCK_SEPARATOR.join(report.block_text(b) for b in report.blocks) == report.text


def test_running_header_and_page_numbers_removed(report: Article) -> None:
    assert "Valmora Institute for Trade Research" not in report.text
    assert "Q1 2026" not in report.text
    assert not re.search(r"Page \d of \d", report.text)


def test_line_end_hyphens_repaired_and_real_ones_kept(report: Article) -> None:
    # The fixture breaks these words across lines with a hyphen.
    for word in ("unevenly", "nineteen", "manufacturers", "hydropower", "dependence"):
        assert re.search(rf"\b{word}\b", report.text), word
    assert "three-week" in report.text and "energy-intensive" in report.text
    assert not re.search(r"\w- \w", report.text)


def test_title_from_largest_text_when_info_is_placeholder() -> None:
    article = _import("article.pdf")  # reportlab wrote "untitled" / "anonymous" there
    assert article.title == "Harbourside votes to restore the old ferry link to Lisvik"
    assert article.author == ""
    assert article.published is None
    assert not re.search(r"(^|\n)1(\n|$)", article.text)  # the bare page number


def test_scan_without_text_layer_is_rejected_with_ocr_advice() -> None:
    with pytest.raises(ImportRejected, match=r"no text layer.*scan.*OCR"):
        _import("scan.pdf")


def test_password_protected_pdf_is_rejected_clearly() -> None:
    with pytest.raises(ImportRejected, match="protected with a password"):
        _import("encrypted.pdf")


def test_page_limit() -> None:
    with pytest.raises(ImportRejected, match="has 3 pages, more than the 2"):
        _import("report.pdf", ImportLimits(max_pages=2))


def test_time_limit_stops_the_import() -> None:
    with pytest.raises(ImportRejected, match="took longer than"):
        _import("report.pdf", ImportLimits(max_seconds=0))


def test_time_limit_is_checked_between_pages_in_reading_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A page whose reading order takes too long (a hostile table of thousands of rows)
    stops the import before the next page's; a clock that the first page moves on."""
    import types

    import briefer.importers.base as base
    import briefer.importers.pdf as pdf

    now = [0.0]
    monkeypatch.setattr(base, "time", types.SimpleNamespace(monotonic=lambda: now[0]))
    ordered: list[int] = []

    def slow_order(lines: list[Line], *args: object) -> list[Line]:
        ordered.append(len(lines))
        now[0] += 100.0  # past the limit: this page took a hundred seconds
        return reading_order(lines, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf, "reading_order", slow_order)
    with pytest.raises(ImportRejected, match="took longer than 60 seconds"):
        _import("report.pdf", ImportLimits(max_seconds=60))
    assert len(ordered) == 1  # of three pages


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["the eco-", "nomic outlook"], "the economic outlook"),
        (["talks on India-", "Russia trade"], "talks on India-Russia trade"),
        (["a long-", "term plan"], "a long-term plan"),
        (["ends here.", "Next line"], "ends here. Next line"),
        (["value - ", "half"], "value - half"),
    ],
)
def test_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_join_lines_follows_the_documents_own_spelling() -> None:
    assert join_lines(["the data-", "base grew"], {"data-base"}) == "the data-base grew"
    assert join_lines(["the low-", "lands flood"], {"lowlands"}) == "the lowlands flood"


def _line(
    text: str, x0: float, baseline: float, width: float = 200, size: float = 10, bold: bool = False
) -> Line:
    return Line(text, x0, x0 + width, baseline, size, 0, bold)


def test_two_columns_read_left_then_right_under_a_spanning_title() -> None:
    title = _line("A title across both columns", 50, 780, width=480, size=18)
    left = [_line(f"left column, line {i} of the text", 50, 740 - 14 * i) for i in range(5)]
    right = [_line(f"right column, line {i} of the text", 320, 740 - 14 * i) for i in range(5)]
    ordered = reading_order([*right, title, *left])
    assert [line.text for line in ordered] == [
        title.text,
        *(line.text for line in left),
        *(line.text for line in right),
    ]


def test_repeated_header_and_page_numbers_are_furniture() -> None:
    pages = [
        Page(
            (
                _line(f"Annual review {2026} | page {n}", 50, 820, size=8),
                _line(f"Body text of page {n} that differs.", 50, 700),
                _line(str(n), 290, 20, width=10, size=8),
            ),
            595,
            842,
        )
        for n in (1, 2, 3)
    ]
    kept = remove_furniture(pages)
    assert [[line.text for line in page] for page in kept] == [
        [f"Body text of page {n} that differs."] for n in (1, 2, 3)
    ]


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("D:20260415090000+00'00'", dt.date(2026, 4, 15)),
        ("D:20261124162153Z'", dt.date(2026, 11, 24)),
        ("D:2026", None),
        ("", None),
        ("garbage", None),
    ],
)
def test_pdf_dates(value: str, date: dt.date | None) -> None:
    assert pdf_date(value) == date
