"""Text that a producer or a later rewrite spoilt, and lines joined the way a reader reads them.

Each fixture was made by the producer that shows the fault (see the README
beside the PDFs); the plain-data tests pin the rules where a PDF cannot show
the case that must stay untouched (real Chinese text, say).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.importers.base import ArticleBuilder, ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdfhealth import text_warnings, unshifted_ligatures
from briefer.importers.pdflayout import Line, Page, breaks_words, build_blocks, join_lines

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


@pytest.mark.parametrize("name", ["compounds.pdf", "compounds-styled.pdf"])
def test_an_office_documents_line_end_hyphens_are_its_compounds_own(name: str) -> None:
    """compounds-styled.pdf sets each compound's first half in italics: LibreOffice then
    draws the hyphen in an object of its own, as it draws the one it adds at a soft
    hyphen, but in another style (review: "socalled", "costbenefit")."""
    text, _ = _extract(name)
    for compound in ("so-called", "cost-benefit", "decision-making", "cash-strapped"):
        assert compound in text
    assert "socalled" not in text and "costbenefit" not in text


def test_a_producer_that_does_not_hyphenate_still_joins_a_word_it_writes_whole() -> None:
    assert join_lines(["the data-", "base grew"], {"database"}, False) == "the database grew"
    assert join_lines(["a cost-", "benefit study"], set(), False) == "a cost-benefit study"
    assert join_lines(["negoti-", "ations"], set(), True) == "negotiations"


def test_the_producers_name_says_whether_it_hyphenates() -> None:
    assert breaks_words({"Producer": "pdfTeX-1.40.24", "Creator": "TeX"}) is True
    assert breaks_words({"Producer": "GPL Ghostscript 10.00.0", "Creator": "LaTeX"}) is True
    assert breaks_words({"Producer": "LibreOffice 7.4 Writer"}) is False
    assert breaks_words({"Producer": "GPL Ghostscript 10.00.0", "Creator": "Writer"}) is False
    assert breaks_words({"Producer": "Skia/PDF m156"}) is False
    assert breaks_words({"Creator": "Acrobat PDFMaker 15 for Word"}) is False
    assert breaks_words({"Producer": "ReportLab PDF Library"}) is None


def test_a_tex_papers_own_hyphenation_is_still_undone() -> None:
    text, _ = _extract("paper.pdf")
    for word in ("timetables", "little", "residents", "hospital"):
        assert word in text


def test_a_browsers_soft_hyphen_break_drawn_as_u2010_is_undone() -> None:
    text, _ = _extract("softhyphen.pdf")
    assert "the internationalisation of shipping" in text
    assert "\u2010" not in text


def test_an_authors_soft_hyphen_at_a_line_end_goes_and_a_compounds_hyphen_stays() -> None:
    # The same justified paragraph from LibreOffice (which draws the soft hyphen it breaks at
    # as "-", alone) and from Chromium (U+2010): in both, the office rule that keeps line-end
    # hyphens must spare the author's soft hyphens and still keep the compounds' own.
    for name in ("softbreaks.pdf", "softbreaks-web.pdf"):
        text, _ = _extract(name)
        for word in ("amalgamation", "consequences", "internationalisation", "reconsidered"):
            assert f" {word}" in text, name
        for compound in ("cash-strapped", "decision-making", "long-term", "state-owned"):
            assert compound in text, name
        assert "\xad" not in text and "\u2010" not in text, name


def test_a_file_drawing_every_glyph_alone_keeps_its_compounds_line_end_hyphens() -> None:
    # There every hyphen is alone in its text object, so being alone tells nothing.
    text, _ = _extract("glyphs.pdf")
    for compound in ("so-called", "cost-benefit", "decision-making", "cash-strapped", "tug-boat"):
        assert compound in text


def test_a_web_address_broken_at_a_line_end_reads_whole() -> None:
    text, _ = _extract("urls.pdf")
    assert "https://github.com/example/pilot-pooling." in text
    assert "https://www.kystverket.no/en/statistics/pilot-orders?year=2024&format=csv." in text


def test_a_web_address_ends_where_a_sentence_does() -> None:
    assert join_lines(["see https://example.org/", "pilots/roster."]) == (
        "see https://example.org/pilots/roster."
    )
    assert join_lines(["at www.example.", "org today"]) == "at www.example.org today"
    assert join_lines(["at https://example.org.", "The next"]) == "at https://example.org. The next"
    assert join_lines(["a path a/", "b"]) == "a path a/ b"  # not an address


def _paragraphs(text: str) -> list[str]:
    return [block for block in text.split("\n\n") if block]


def test_a_caption_atop_a_column_leaves_the_sentence_it_interrupts_whole() -> None:
    paragraphs = _paragraphs(_extract("floats.pdf")[0])
    assert (
        "Figure 1: Usable depth at low water in the eleven harbours. Source: hydrographic office."
        in paragraphs
    )
    assert any(
        "the boards could plan their budgets around a known figure rather than a guess made in"
        " March." in paragraph
        for paragraph in paragraphs
    )


def test_a_caption_at_a_page_break_is_read_after_the_word_it_split() -> None:
    lines = [
        [Line("The evidence col-", 57, 300, 60, 10, 0)],
        [
            Line("Figure 1: Usable depth at low water.", 132, 460, 700, 10, 1),
            Line("lected for this report suggests more.", 57, 300, 670, 10, 1),
        ],
    ]
    builder = ArticleBuilder()
    build_blocks(lines, builder)
    assert _paragraphs(builder.text()) == [
        "The evidence collected for this report suggests more.",
        "Figure 1: Usable depth at low water.",
    ]


def test_numbered_items_without_full_stops_stay_apart() -> None:
    paragraphs = _paragraphs(_extract("lists.pdf")[0])
    assert paragraphs[2:] == [
        "1. Pool the southern pilot rosters from 2026",
        "2. Tender jointly for dredging, with one contract for the whole coast and a rotation"
        " agreed by all eleven boards",
        "3. Publish a common schedule of dues",
        "Each of these can be done without new legislation, in two steps:",
        "a) Askvik and Brennøy first",
        "b) The northern harbours a year later",
        "The costs of the first step were counted in 2024 and",
    ]


def test_a_figure_that_happens_to_start_a_wrapped_line_is_no_new_item() -> None:
    lines = [
        Line("1. The harbour dues rose by", 72, 300, 700, 10, 0),
        Line("3. per cent, and the boards", 72, 290, 688, 10, 0),
        Line("2. Pilot fees fell", 72, 200, 676, 10, 0),
    ]
    builder = ArticleBuilder()
    build_blocks([lines], builder)
    assert _paragraphs(builder.text()) == [
        "1. The harbour dues rose by 3. per cent, and the boards",
        "2. Pilot fees fell",
    ]


def test_an_office_document_that_does_hyphenate_shows_it_by_its_count() -> None:
    # Word processors can be asked to hyphenate: far more line-end hyphens than its
    # compounds would put there say so, whatever the producer's name.
    texts = [
        "The harbour boards met on Tues-",
        "day to discuss the negoti-",
        "ations with the pilots and the dred-",
        "ging contractors, whose ten-",
        "ders arrived late in the even-",
        "ing, after the long-term plan.",
    ]
    lines = [Line(text, 72, 300, 700 - 12 * n, 10, 0) for n, text in enumerate(texts)]
    builder = ArticleBuilder()
    build_blocks([lines], builder, producer_breaks_words=False)
    assert builder.text() == (
        "The harbour boards met on Tuesday to discuss the negotiations with the pilots and"
        " the dredging contractors, whose tenders arrived late in the evening, after the"
        " long-term plan."
    )
    few = [Line("A cost-", 72, 300, 700, 10, 0), Line("benefit study.", 72, 200, 688, 10, 0)]
    builder = ArticleBuilder()
    build_blocks([few], builder, producer_breaks_words=False)
    assert builder.text() == "A cost-benefit study."


def test_a_bracketed_web_address_reads_whole_too() -> None:
    assert (
        join_lines(["(at https://example.org/", "pilots)."]) == "(at https://example.org/pilots)."
    )


def test_a_caption_at_the_foot_of_a_column_leaves_the_sentence_whole() -> None:
    lines = [
        Line("The harbours have spent a decade", 57, 220, 700, 10, 0),
        Line("competing, and the competition has left", 57, 220, 688, 10, 0),
        Line("Figure 2: Dues in 2024.", 80, 200, 560, 10, 0),
        Line("most of them with too little depth.", 232, 400, 700, 10, 0),
        Line("The boards will decide in June.", 242, 400, 688, 10, 0),
    ]
    builder = ArticleBuilder()
    build_blocks([lines], builder)
    assert _paragraphs(builder.text()) == [
        "The harbours have spent a decade competing, and the competition has left most of"
        " them with too little depth.",
        "Figure 2: Dues in 2024.",
        "The boards will decide in June.",
    ]
