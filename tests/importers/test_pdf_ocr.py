"""Scanned pages made searchable: the OCR layer's sizes are estimates, read as levels.

ocr-article.pdf is article.pdf scanned at 200 dpi and read back by Tesseract 5
(tests/data/importers/pdf/make_ocr.py): the picture, and the recognised text drawn
invisibly over it, each line in the size its scanned height suggested.
"""

from __future__ import annotations

from pathlib import Path

from briefer.core.model import Article, BlockKind
from briefer.importers.base import Deadline, ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdflayout import Line, Page
from briefer.importers.pdfocr import snap_scanned_sizes
from briefer.importers.pdfread import read_document

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _import(name: str) -> Article:
    return PdfImporter().extract((PDF / name).read_bytes(), name, ImportLimits())


def _expected(name: str) -> tuple[str, list[str]]:
    parts = (PDF / name).read_text(encoding="utf-8").strip().split("\n\n")
    return parts[0].removeprefix("# "), [" ".join(p.split()) for p in parts[1:]]


def test_a_scanned_articles_title_is_whole_and_its_paragraphs_do_not_break_at_short_lines() -> None:
    # Tesseract set the title's lines at 19 and 18 points and "autumn." alone at 9: the
    # title was "Lisvik", under a heading of its other line, and a paragraph fell in two.
    article = _import("ocr-article.pdf")
    title, paragraphs = _expected("article.expected.txt")

    assert article.title == title
    headings = [
        (article.block_text(b), b.level) for b in article.blocks if b.kind is BlockKind.HEADING
    ]
    assert headings == [(title, 1)]
    assert [article.block_text(b) for b in article.blocks if b.kind is BlockKind.PARAGRAPH] == (
        paragraphs
    )


def test_the_scan_reads_as_the_printed_pdf_does() -> None:
    scanned, printed = _import("ocr-article.pdf"), _import("article.pdf")
    assert scanned.title == printed.title
    assert [(b.kind, b.level, scanned.block_text(b)) for b in scanned.blocks] == [
        (b.kind, b.level, printed.block_text(b)) for b in printed.blocks
    ]


def _line(text: str, baseline: float, size: float) -> Line:
    return Line(text, 50, 500, baseline, size, 0)


SIZES = [19, 18, 10, 10, 11, 9, 10, 14, 13.5, 10, 10, 7, 7]


def _page(scanned: bool) -> Page:
    lines = tuple(
        _line(f"line {i} of the page, long enough to weigh as body text", 780 - 14 * i, size)
        for i, size in enumerate(SIZES)
    )
    return Page(lines, 595, 842, scanned=scanned)


def test_an_ocr_layers_sizes_snap_to_the_body_and_to_heading_levels() -> None:
    (page,) = snap_scanned_sizes([_page(scanned=True)])
    # Within 15% of the body: body. Above and below it, sizes within 6% of a level's
    # largest are that level: 19 and 18 the title, 14 and 13.5 the next; 7 stays a note's.
    want = [19, 19, 10, 10, 10, 10, 10, 14, 14, 10, 10, 7, 7]
    assert [line.size for line in page.lines] == want


def test_a_page_with_a_real_text_layer_keeps_its_sizes() -> None:
    printed = _page(scanned=False)
    scanned = _page(scanned=True)
    kept, snapped = snap_scanned_sizes([printed, scanned])
    assert kept == printed
    assert [line.size for line in kept.lines] == SIZES
    assert [line.size for line in snapped.lines] != SIZES


def test_only_text_drawn_invisibly_over_a_scan_is_taken_for_an_ocr_layer() -> None:
    def scanned(name: str) -> list[bool]:
        data = (PDF / name).read_bytes()
        document = read_document(data, name, ImportLimits(), Deadline(60))
        return [page.scanned for page in document.pages]

    assert scanned("ocr-article.pdf") == [True]
    assert scanned("article.pdf") == [False]
    assert scanned("part-scanned.pdf") == [False, False, False]  # a picture, no text on it
