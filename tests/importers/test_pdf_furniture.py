"""Furniture and turned pages: line numbers, headers, stamps, /Rotate and rotated text."""

from __future__ import annotations

import re
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


def _full(page: int, *footer: Line) -> Page:
    """A page whose text runs down to the footer: no white space sets the footer apart.
    Its lines differ from page to page by words, not by a figure counting with the pages."""
    words = ("tides", "dues", "pilots", "cranes", "berths",
             "ferries", "dredging", "quays", "moorings", "fenders")  # fmt: skip
    body = tuple(
        Line(f"Line {row} is on {words[(row + 3 * page) % 10]}.", 72, 520, 700 - 20 * row, 10, page)
        for row in range(33)
    )
    return Page((*body, *footer), 595, 842)


def test_pages_numbered_per_section_lose_their_numbers_a_one_page_sections_too() -> None:
    # "1 – 1", "1 – 2", "1 – 3", then one-page sections 2 and 4 around section 3, then an
    # annex of one page, the text running down to each footer: each footer goes, though
    # "4 – 1" and "A-1" appear once and count with nothing ("2 – 1" shares its "1" with
    # "3 – 1" after it, as a footer's figure may).
    pages = [(1, 1), (1, 2), (1, 3), (2, 1), (3, 1), (3, 2), (4, 1)]
    for form, annex in (("{} – {}", "Annex A-{}"), ("{}-{}", "A-{}"), ("Page {}-{}", "A – {}")):
        numbered = [_full(n, Line(form.format(*pages[n]), 280, 310, 40, 9, n)) for n in range(7)]
        numbered.append(_full(7, Line(annex.format(1), 280, 310, 40, 9, 7)))
        assert [len(kept) for kept in remove_furniture(numbered)] == [33] * 8, form


def test_a_score_or_a_table_cell_like_a_section_page_number_stays() -> None:
    # A score alone at the foot of two pages far apart, at one height: its "page" does not
    # count with the pages, so it is no section's page number.
    scores = [
        _footed(n, *([Line("2 – 1", 72, 100, 40, 10, n)] if n in (1, 5) else [])) for n in range(8)
    ]
    assert [len(kept) for kept in remove_furniture(scores)] == [
        31 if n in (1, 5) else 30 for n in range(8)
    ]
    # Pages numbered per section; on page 4 a results row at the footers' height, on page
    # 6 a line opening "2 – 1 win" at the foot: the row and the line stay.
    pages = [(1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (3, 2)]
    row = ("Harbour XI", "0 – 5", "Port Rovers")
    numbered = [
        _footed(n, Line("{} – {}".format(*pages[n]), 280, 310, 40, 9, n)) if n not in (3, 5)
        else _footed(n, *(Line(cell, 72 + 120 * at, 130 + 120 * at, 40, 10, n)
                          for at, cell in enumerate(row)))
        if n == 3
        else _footed(n, Line("2 – 1 win for the Rovers.", 72, 200, 40, 10, n))
        for n in range(6)
    ]  # fmt: skip
    kept = remove_furniture(numbered)
    assert [[line.text for line in page if line.baseline == 40] for page in kept] == [
        [], [], [], list(row), [], ["2 – 1 win for the Rovers."]
    ]  # fmt: skip


def _office_paragraphs(name: str) -> list[str]:
    """A .fodt's paragraphs as they should read: headings with their outline number
    ("2 Results ..."), table rows as "a | b | c"."""
    source = (PDF / name).read_text(encoding="utf-8")
    body = source[source.index("<office:text>") : source.index("</office:text>")]
    body = re.sub(
        r"<table:table-row>(.*?)</table:table-row>",
        lambda row: f"<text:p>{' | '.join(re.findall(r'>([^<]+)</text:p>', row[1]))}</text:p>",
        body,
    )
    out: list[str] = []
    headings = 0
    for tag, text in re.findall(r"<text:(h|p)\b[^>]*>([^<]*)</text:\1>", body):
        headings += tag == "h"
        out.append(f"{headings} {text}" if tag == "h" else text)
    return out


def test_a_one_page_sections_page_number_goes_and_the_same_score_in_the_text_stays() -> None:
    """LibreOffice 7.4, four A5 pages numbered per section under a running head: "1 – 1"
    and "1 – 2" (a chapter field, a dash, the page number restarting at each Heading 1),
    then section 2's one page, "2 – 1", then a one-page annex, "Annex A-1". Both one-page
    sections run down to the footer, so nothing sets their numbers apart, and those
    appear once. The numbers go; the line "2 – 1 win for the Rovers, ..." and the
    results row "Harbour XI | 2 – 1 | Port Rovers" stay."""
    article = _import("sectionpages.pdf")
    got = [article.block_text(block) for block in article.blocks]
    expected = _office_paragraphs("sectionpages.fodt")
    assert "2 – 1 win for the Rovers, the second goal in the last minute." in expected
    assert "Harbour XI | 2 – 1 | Port Rovers" in expected
    assert got == expected


def test_votes_and_scores_alone_at_a_page_s_top_or_foot_stay() -> None:
    """LibreOffice 7.4. Minutes numbered per section at the foot ("1 -1", "2 -1"), each
    vote result ("3-2", "4-1") the last line of a full page, above those numbers; and
    match reports without page numbers, each score run over alone to the next page's
    top. A line of that shape counts as a page number only at a height where the
    document numbers its pages, as page 1 of a section of one page or counting with
    its section's pages: before, any two such lines at one height removed each other."""
    minutes = _import("votesfoot.pdf").text
    assert "the vote being: 3-2" in " ".join(minutes.split())
    assert "4-1" in minutes
    assert not re.search(r"^\d -\d$", minutes, re.MULTILINE)  # the pages' own numbers go
    reports = _import("scoresover.pdf").text
    for score in ("2 – 1", "3 – 0", "1 – 1"):
        assert score in reports
