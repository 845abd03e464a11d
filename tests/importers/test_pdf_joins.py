"""Text that a producer or a later rewrite spoilt, and lines joined the way a reader reads them.

Each fixture was made by the producer that shows the fault (see the README
beside the PDFs); the plain-data tests pin the rules where a PDF cannot show
the case that must stay untouched (real Chinese text, say).
"""

from __future__ import annotations

from pathlib import Path

from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdfhealth import text_warnings, unshifted_ligatures
from briefer.importers.pdflayout import Line, Page

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _extract(name: str) -> tuple[str, tuple[str, ...]]:
    article, found = PdfImporter().extract_with_warnings(
        (PDF / name).read_bytes(), name, ImportLimits()
    )
    return article.text, found


def _page(*texts: str) -> Page:
    lines = tuple(Line(text, 72, 500, 700 - 14 * n, 11, 0) for n, text in enumerate(texts))
    return Page(lines, 595, 842)


def test_ligatures_ghostscript_shifted_into_cjk_letters_read_as_letters() -> None:
    text, found = _extract("gsliga.pdf")
    assert "The finance office filed its final figures on the first of the month." in text
    assert "Staff flagged that traffic through the affluent suburbs" in text
    assert "Effective staffing would suffice" in text
    assert "offered flexible shifts." in text
    assert not any(ord(char) > 0x2E80 for char in text)
    assert found == ()


def test_real_cjk_text_keeps_its_letters_even_beside_latin_words() -> None:
    # 昀 (U+6600) is an ordinary Chinese letter; here it even touches a Latin word.
    chinese = "昀是一个汉字，昀Python开发者在上海工作，他们的办公室在市中心。"
    pages = [_page(chinese, "Office hours 9–17.")]
    assert unshifted_ligatures(pages)[0].lines[0].text == chinese


def test_a_lone_shifted_code_in_a_latin_document_is_repaired_only_inside_a_word() -> None:
    pages = [_page("The o昀케ce shu昀툀ed its 昀氀eet.", "A name: 昀 alone.")]
    lines = unshifted_ligatures(pages)[0].lines
    assert lines[0].text == "The office shuffled its fleet."
    assert lines[1].text == "A name: 昀 alone."


def test_quotation_marks_ghostscript_turned_into_ascii_are_named_not_guessed() -> None:
    text, found = _extract("gsquotes.pdf")
    assert "said Margit Holmberg, who chairs the Askvik board." in text
    assert len(found) == 1
    assert found[0].startswith('gsquotes.pdf: its quotation marks came out as "<" and "="')


def test_ordinary_angle_brackets_and_equals_signs_raise_no_warning() -> None:
    page = _page("If a < b and c = d then x<y, and <html> tags use key=value pairs.")
    assert text_warnings("x.pdf", [page]) == ()
