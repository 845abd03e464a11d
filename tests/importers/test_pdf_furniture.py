"""Furniture and turned pages: line numbers, headers, stamps, /Rotate and rotated text."""

from __future__ import annotations

from pathlib import Path

from briefer.core.model import Article
from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdffurniture import remove_furniture
from briefer.importers.pdflayout import Line, Page

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _import(name: str) -> Article:
    return PdfImporter().extract((PDF / name).read_bytes(), name, ImportLimits())


def _paragraphs(name: str) -> list[str]:
    text = (PDF / name).read_text(encoding="utf-8")
    return [" ".join(p.lstrip("#").split()) for p in text.split("\n\n")]


def test_transcript_without_line_numbers_header_or_reporters_footer() -> None:
    """Ghostscript: Courier, numbers 1-25 beside a ruled margin, hanging Q/A paragraphs."""
    article = _import("transcript.pdf")
    assert [article.block_text(b) for b in article.blocks] == _paragraphs("transcript.expected.txt")
    assert "EASTBAY" not in article.text and "Page 4" not in article.text


def test_pages_turned_with_rotate_or_by_the_text_matrix_read_as_text() -> None:
    """Ghostscript: page 2 has /Rotate 90, page 3 is sideways text; page 1 a margin stamp."""
    article = _import("rotated.pdf")
    got = [article.block_text(b).replace("\u2019", "'") for b in article.blocks]
    assert got == _paragraphs("rotated.expected.txt")  # Times draws ' as a right quote
    assert "Preprint" not in article.text


def _numbered_page(numbers_x: float, count: int = 8, start: int = 1) -> Page:
    lines: list[Line] = []
    for row in range(count):
        y = 700 - 20 * row
        label = str(start + row)
        lines.append(Line(label, numbers_x, numbers_x + 6 * len(label), y, 12, 0))
        lines.append(Line(f"Spoken words on row {row} go here.", 92, 480, y, 12, 0))
    return Page(tuple(lines), 595, 842)


def test_margin_line_numbers_on_either_side_are_removed() -> None:
    for x in (50.0, 500.0):
        kept = remove_furniture([_numbered_page(x)])[0]
        assert [line.text for line in kept] == [
            f"Spoken words on row {r} go here." for r in range(8)
        ]


def test_numbers_that_do_not_count_up_the_margin_are_kept() -> None:
    page = _numbered_page(50, count=8)
    values = iter([3, 1, 4, 1, 5, 9, 2, 6])  # figures in a margin, not a count
    shuffled = Page(
        tuple(
            Line(str(next(values)), line.x0, line.x1, line.baseline, 12, 0)
            if line.text.isdigit()
            else line
            for line in page.lines
        ),
        595,
        842,
    )
    assert len(remove_furniture([shuffled])[0]) == 16


def test_a_stamp_repeated_at_one_place_on_most_pages_is_removed() -> None:
    pages = [
        Page(
            (
                Line("CONFIDENTIAL", 250, 330, 420, 20, n),
                Line(f"Page {n} says something different from the others.", 50, 500, 600, 10, n),
            ),
            595,
            842,
        )
        for n in range(4)
    ]
    kept = remove_furniture(pages)
    assert all(len(page) == 1 and "different" in page[0].text for page in kept)


def test_every_fifth_line_numbered_is_still_line_numbering() -> None:
    lines = []
    for row in range(25):
        y = 700 - 20 * row
        lines.append(Line(f"Clause text on row {row} continues.", 92, 480, y, 12, 0))
        if row % 5 == 4:
            lines.append(Line(str(row + 1), 60, 72, y, 12, 0))
    kept = remove_furniture([Page(tuple(lines), 595, 842)])[0]
    assert all(not line.text.isdigit() for line in kept) and len(kept) == 25


def test_a_contents_pages_numbers_are_kept() -> None:
    lines = []
    for row, number in enumerate([1, 3, 3, 4, 7, 9, 9, 12]):
        y = 700 - 20 * row
        lines.append(Line(f"Section {row} title", 72, 300, y, 12, 0))
        lines.append(Line(str(number), 500, 510, y, 12, 0))
    assert len(remove_furniture([Page(tuple(lines), 595, 842)])[0]) == 16


def test_watermark_on_every_page_and_fake_bold_heading_are_read_once() -> None:
    """reportlab: a 45-degree "DRAFT" on both pages, a title drawn twice 0.25 pt apart."""
    article = _import("draft.pdf")
    want = _paragraphs("article.expected.txt")
    assert [article.block_text(b) for b in article.blocks] == want
    assert "DRAFT" not in article.text


def test_a_footer_numbered_before_the_chapters_name_is_removed_with_the_name() -> None:
    """reportlab: every page's footer is its number, a tab, and its section's name."""
    article = _import("chapterfeet.pdf")
    assert [article.block_text(b) for b in article.blocks] == _paragraphs("report.expected.txt")


def _footed(page: int, *footer: Line) -> Page:
    body = tuple(
        Line(f"Text line {row} of page {page + 1} goes on.", 72, 520, 700 - 20 * row, 10, page)
        for row in range(30)
    )
    return Page((*body, *footer), 595, 842)


def test_numbers_counting_with_the_pages_before_changing_words_are_page_numbers() -> None:
    sections = ["Executive summary", "Background", "Findings", "Regional outlook", "Outlook"]
    # "n", a tab, the section's name, which changes every other page: all of it furniture.
    pages = [
        _footed(n, Line(str(n + 1), 72, 78, 40, 9, n), Line(sections[n // 2], 100, 190, 40, 9, n))
        for n in range(10)
    ]
    assert [len(kept) for kept in remove_furniture(pages)] == [30] * 10
    # A book's footers: "n <tab> Chapter" on even pages, "Chapter <tab> n" on odd ones.
    pages = [
        _footed(n, Line(str(n + 1), 72, 78, 40, 9, n), Line(sections[n // 2], 100, 190, 40, 9, n))
        if n % 2
        else _footed(
            n, Line(sections[n // 2], 400, 490, 40, 9, n), Line(str(n + 1), 510, 516, 40, 9, n)
        )
        for n in range(10)
    ]
    assert [len(kept) for kept in remove_furniture(pages)] == [30] * 10
    # Numbered headings at the tops of three pages of ten count with the pages, but on
    # too few pages to be page numbers: a section's number before its title stays.
    pages = [
        _footed(n, Line(str(n), 72, 78, 800, 9, n), Line(sections[n], 100, 190, 800, 9, n))
        if n in (1, 2, 3)
        else _footed(n)
        for n in range(10)
    ]
    assert [len(kept) for kept in remove_furniture(pages)] == [
        32 if n in (1, 2, 3) else 30 for n in range(10)
    ]


def test_numbered_headings_opening_each_page_are_kept_with_their_titles() -> None:
    """Each section opens a page with "n <tab> Title" in the body's size, above the text;
    the page's real number stands in the footer. The headings count with the pages at
    one height on every page, yet they are no running title: text, not furniture."""
    sections = ["Summary", "Background", "Findings", "Options", "Recommendation"]
    for size in (10, 11):  # the body's size, or a little larger (still no heading size)
        pages = [
            _footed(
                n,
                Line(str(n + 1), 72, 78, 770, size, n),
                Line(sections[n], 100, 190, 770, size, n, bold=True),
                Line(str(n + 1), 290, 296, 40, 10, n),
            )
            for n in range(5)
        ]
        kept = remove_furniture(pages)
        assert [[line.text for line in page if line.baseline == 770] for page in kept] == [
            [str(n + 1), sections[n]] for n in range(5)
        ]
        assert [len(page) for page in kept] == [32] * 5  # the page numbers went


def test_a_running_title_at_the_top_goes_when_it_behaves_like_one() -> None:
    """ "n <tab> Chapter" at the top of the page is a running head when it is set smaller
    than the body or its chapter's name stands there on two pages; in the body's size
    with a new name on every page it reads as a heading and stays."""
    sections = ["Summary", "Background", "Findings", "Options", "Outlook", "Annex"]

    def headed(size: float, name: str, n: int) -> Page:
        return _footed(
            n, Line(str(n + 1), 72, 78, 770, size, n), Line(name, 100, 190, 770, size, n)
        )

    smaller = [headed(8, sections[n], n) for n in range(6)]
    assert [len(kept) for kept in remove_furniture(smaller)] == [30] * 6
    repeated = [headed(10, sections[n // 2], n) for n in range(6)]
    assert [len(kept) for kept in remove_furniture(repeated)] == [30] * 6
    changing = [headed(10, sections[n], n) for n in range(6)]
    assert [len(kept) for kept in remove_furniture(changing)] == [32] * 6
