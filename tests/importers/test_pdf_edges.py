"""Page edges: numbered headings and table rows at the top or foot of a page, running
heads whose words change with the chapter."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdffurniture import remove_furniture
from briefer.importers.pdflayout import Line, Page
from briefer.importers.pdfrows import without_repeated_heads
from tests.importers.wordscore import words

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _import(name: str) -> Article:
    return PdfImporter().extract((PDF / name).read_bytes(), name, ImportLimits())


def _blocks(article: Article, kind: BlockKind | None = None) -> list[str]:
    return [article.block_text(b) for b in article.blocks if kind is None or b.kind is kind]


def _tex_paragraphs(name: str) -> list[str]:
    """The paragraphs of a .tex fixture's body, its \\newcommand texts put in."""
    source = (PDF / name).read_text(encoding="utf-8")
    macros = dict(re.findall(r"\\newcommand\{\\(\w+)\}\{([^}]*)\}", source))
    body = source.split(r"\begin{document}")[1].split(r"\end{document}")[0]
    body = re.sub(r"\\(\w+)(?:\{\})?", lambda m: macros.get(m[1], m[0]), body)
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n|\n(?=\\)|(?<=\})\n", body)]


def test_section_numbers_at_the_top_of_a_page_stay_with_their_titles() -> None:
    """sectiontops.tex (pdflatex, A5 with 1.5 cm margins): each section after the first
    opens a page, its number set apart from its title in the top band, level with
    where a page number could stand; the page numbers (1, 2, 3) stand at the foot."""
    article = _import("sectiontops.pdf")
    source = (PDF / "sectiontops.tex").read_text(encoding="utf-8")
    sections = re.findall(r"\\section\{([^}]+)\}", source)
    assert _blocks(article, BlockKind.HEADING)[1:] == [
        f"{number} {title}" for number, title in enumerate(sections, 1)
    ]
    paragraphs = _blocks(article, BlockKind.PARAGRAPH)
    assert paragraphs[-1].startswith("Passenger charges are levied per head")
    assert not any(re.fullmatch(r"\d+", p) for p in paragraphs)


def test_headings_and_table_rows_at_page_edges_read_whole() -> None:
    """pagetops.fodt (LibreOffice, A4, 2 cm top margin, page number in the footer): a
    table runs from the foot of page 1 to the top of page 2 with no repeated heading
    row, so its last row on page 1 sits in the bottom band and its next row in the
    top band; numbered Heading 1s open pages 3 and 4. Every row reads across, every
    heading keeps its number, and only the page numbers go."""
    article = _import("pagetops.pdf")
    source = html.unescape((PDF / "pagetops.fodt").read_text(encoding="utf-8"))
    headings = re.findall(r'<text:h [^>]*outline-level="1">([^<]+)<', source)
    assert _blocks(article, BlockKind.HEADING) == [
        "Harbour Dues Review",
        *(f"{number} {title}" for number, title in enumerate(headings, 1)),
    ]
    rows = [
        " | ".join(re.findall(r'<text:p text:style-name="Cell(?:Head)?">([^<]*)<', row))
        for row in re.findall(r"<table:table-row>(.*?)</table:table-row>", source)
    ]
    assert [p for p in _blocks(article) if " | " in p] == rows
    text = re.sub(r"<[^>]+>", " ", source.split("<office:text>")[1])
    numbers = " ".join(str(n) for n in range(1, len(headings) + 1))
    assert words(article.text.replace("|", " ")) == words(f"{text} {numbers}")


def test_a_running_head_naming_the_chapter_goes_with_the_title_beside_it() -> None:
    """chaptername.fodt (LibreOffice, A5): the header is "Harbour Dues Review · Port
    Authority", a tab, then the chapter's name from a field; three chapters of two
    pages each, so no name repeats on 40% of the pages, and paragraphs cross the
    page breaks. The head must not cut the paragraphs or appear in the text."""
    article = _import("chaptername.pdf")
    source = (PDF / "chaptername.fodt").read_text(encoding="utf-8")
    body = source.split("<office:text>")[1]
    wanted = re.findall(r"<text:(?:h|p) [^>]*>([^<]+)<", body)
    assert _blocks(article) == wanted


def test_a_chapters_running_head_on_a_page_with_one_line_goes() -> None:
    """chapterhead.tex (pdflatex, report class, \\pagestyle{headings}): chapter 1 ends
    with a single line on its third page, under the head "CHAPTER 1. INTRODUCTION 3",
    set below the top band; pages 2 and 5 carry heads at the same height."""
    article = _import("chapterhead.pdf")
    wanted: list[str] = []
    for part in _tex_paragraphs("chapterhead.tex"):
        chapter = re.fullmatch(r"\\chapter\{([^}]+)\}", part)
        if chapter:
            wanted += [f"Chapter {sum(w.startswith('Chapter ') for w in wanted) + 1}", chapter[1]]
        elif part:
            wanted.append(part)
    assert _blocks(article) == wanted
    assert "CHAPTER" not in article.text


def _line(text: str, x: float, baseline: float, size: float = 10, page: int = 0) -> Line:
    return Line(text, x, x + 5 * len(text), baseline, size, page)


def test_words_in_the_letters_of_roman_numerals_are_no_page_numbers() -> None:
    body = [_line(f"Line {n} of the text on this page.", 72, 700 - 14 * n) for n in range(6)]
    for text, kept in [("civil", True), ("ill", True), ("Vic", True), ("iv", False)]:
        page = Page((*body, _line(text, 290, 30)), 595, 842)
        assert (text in [line.text for line in remove_furniture([page])[0]]) is kept, text


def test_a_fraction_or_a_figure_at_the_foot_is_kept_where_the_page_numbers_stand_apart() -> None:
    """Three pages numbered at the foot; page 2 ends with a lone "2/3" (a fraction) and
    page 3 with a bare figure, each above the page number's place."""
    pages = []
    for n, last in [(1, "Text."), (2, "2/3"), (3, "46")]:
        lines = [_line(f"Line {k} of page {n}, long enough.", 72, 700 - 14 * k) for k in range(6)]
        pages.append(Page((*lines, _line(last, 72, 70), _line(str(n), 290, 30)), 595, 842))
    kept = [[line.text for line in page] for page in remove_furniture(pages)]
    assert [page[-1] for page in kept] == ["Text.", "2/3", "46"]
    assert not any(str(n) in page for n, page in enumerate(kept, 1))


def test_a_slides_number_repeated_on_its_overlays_is_still_its_page_number() -> None:
    """Slides (beamer, OpTeX): the frame's number, set large in the corner, stays the same
    while its overlays add to the page, so it does not count up with every page."""
    pages = [
        Page(
            (
                _line(f"Point {n} of the talk, with text to read.", 60, 300, page=n),
                _line(str(number), 570, 6, size=16, page=n),
            ),
            612,
            792,
        )
        for n, number in enumerate([1, 2, 3, 4, 5, 5, 5, 5, 6, 7, 8, 9])
    ]
    kept = remove_furniture(pages)
    assert [[line.text for line in page] for page in kept] == [
        [f"Point {n} of the talk, with text to read."] for n in range(12)
    ]


def _source_rows(name: str) -> list[str]:
    """A table fixture's rows as its source writes them, cells joined with " | "."""
    source = html.unescape((PDF / name).read_text(encoding="utf-8"))
    if name.endswith(".fodt"):
        return [
            " | ".join(re.findall(r'<text:p text:style-name="Cell(?:Head)?">([^<]*)<', row))
            for row in re.findall(r"<table:table-row>(.*?)</table:table-row>", source)
        ]
    if name.endswith(".tex"):
        body = source.split(r"\endhead")[1].split(r"\end{longtable}")[0]
        head = source.split(r"\endfirsthead")[1].split(r"\\")[0]
        rows = [head, *(row for row in body.split(r"\\") if row.strip())]
        return [" | ".join(cell.strip() for cell in row.split("&")) for row in rows]
    return [
        " | ".join(re.findall(r"<t[hd]>([^<]*)", row))
        for row in re.findall(r"<tr>(.*?)</tr>", source)
    ]


@pytest.mark.parametrize(
    ("pdf", "source"),
    [
        ("repeatrows.pdf", "repeatrows.fodt"),  # LibreOffice: table-header-rows
        ("longtable.pdf", "longtable.tex"),  # pdfTeX: longtable's \endhead
        ("thead.pdf", "thead.html"),  # Chromium: a <thead> repeats on each printed page
    ],
)
def test_a_tables_heading_row_repeated_on_each_page_reads_once(pdf: str, source: str) -> None:
    """A long table runs over two or three pages and its producer sets the heading row
    again atop each: read as text, that would be a row of data in mid-table. The rows
    read as the source has them, the heading once."""
    rows = _source_rows(source)
    assert rows[0] == "Harbour | 2021 | 2022 | 2023 | 2024" and len(rows) > 25
    article = _import(pdf)
    assert [p for p in _blocks(article) if " | " in p] == rows


def test_only_heading_rows_opening_a_page_of_the_same_table_go() -> None:
    """A row equal to the heading inside a page stays (it is data), and so does one
    opening a page after prose (another table), or with no row of data after it."""

    def row(text: str, baseline: float, cells: bool = True) -> Line:
        return Line(text, 72, 300, baseline, 10, 0, cells=cells)

    head, data = "Port | Calls", "Askvik | 4"
    kept = without_repeated_heads(
        [
            [row(head, 700), row(data, 688), row(head, 676)],
            [row(head, 700), row(data, 688)],  # repeated: goes
            [row("A paragraph.", 700, cells=False), row(head, 688), row(data, 676)],
            [row(head, 700)],  # nothing after it: stays
        ]
    )
    assert [[line.text for line in piece] for piece in kept] == [
        [head, data, head],
        [data],
        ["A paragraph.", head, data],
        [head],
    ]
