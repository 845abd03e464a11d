"""Pages that cannot be read well are named in warnings, never stored as junk text."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.importers.base import ImportLimits, ImportRejected
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdfhealth import PageState, page_list, warnings

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _extract(name: str) -> tuple[str, tuple[str, ...]]:
    article, found = PdfImporter().extract_with_warnings(
        (PDF / name).read_bytes(), name, ImportLimits()
    )
    return article.text, found


def test_a_page_with_a_broken_font_encoding_is_left_out_and_named() -> None:
    text, found = _extract("garbled.pdf")
    assert "Part one" in text and "Part three" in text and "Part two" not in text
    assert not any(0xE000 <= ord(c) <= 0xF8FF or (ord(c) < 32 and c != "\n") for c in text)
    assert found == (
        "garbled.pdf: page 2 uses a font without a usable text encoding, so the text came"
        " out as unreadable symbols and was left out; open the PDF to read it, or run OCR"
        " on it and import the result.",
    )


def test_a_pdf_of_only_junk_text_is_refused_with_a_reason() -> None:
    with pytest.raises(ImportRejected, match=r"without a usable text encoding.*OCR"):
        _extract("garbled-all.pdf")


def test_a_scanned_page_among_text_pages_is_named() -> None:
    text, found = _extract("part-scanned.pdf")
    assert "Residents of Harbourside" in text
    assert found == (
        "part-scanned.pdf: page 2 has no text layer (scanned images), so nothing there was"
        " imported; run OCR on the PDF to include it.",
    )


def test_clean_pdfs_have_no_warnings() -> None:
    assert _extract("report.pdf")[1] == ()


@pytest.mark.parametrize(
    ("numbers", "said"),
    [([3], "page 3"), ([3, 4, 5], "pages 3–5"), ([2, 4, 7, 8, 9], "pages 2, 4 and 7–9")],
)
def test_page_list(numbers: list[int], said: str) -> None:
    assert page_list(numbers) == said


def test_a_few_odd_symbols_do_not_make_a_page_garbled() -> None:
    assert warnings("x.pdf", [PageState(2000, 4, False), PageState(0, 0, False)]) == ()
