"""Reading order: columns, bands, tables and rejoined lines, on plain lines and real producers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdflayout import Line
from briefer.importers.pdforder import CELL_SEPARATOR, reading_order

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"
_WORDS = re.compile(r"\w+")


def order_score(text: str, reference: str, n: int = 6) -> float:
    """Share of the text's word n-grams found in the reference (as import_fidelity.py scores)."""
    got, ref = _WORDS.findall(text.lower()), _WORDS.findall(reference.lower())
    want = {" ".join(ref[i : i + n]) for i in range(len(ref) - n + 1)}
    grams = [" ".join(got[i : i + n]) for i in range(len(got) - n + 1)]
    return sum(g in want for g in grams) / len(grams) if grams else 0.0


def _line(text: str, x0: float, baseline: float, width: float = 150, size: float = 9) -> Line:
    return Line(text, x0, x0 + width, baseline, size, 0)


def _column(tag: str, x0: float, top: float, count: int, width: float = 150) -> list[Line]:
    return [
        _line(f"{tag} line {i} of a column of prose", x0, top - 11 * i, width) for i in range(count)
    ]


def _texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


def test_three_columns_over_two_columns_read_band_by_band() -> None:
    title = _line("A title over everything", 40, 560, width=330, size=18)
    three = [_column(tag, 40 + 110 * i, 530, 8, width=100) for i, tag in enumerate("ABC")]
    two = [_column(tag, 40 + 170 * i, 420, 6, width=160) for i, tag in enumerate("DE")]
    shuffled = [line for group in zip(*three, strict=True) for line in group]
    shuffled += [line for group in zip(*two, strict=True) for line in group]
    got = reading_order([*reversed(shuffled), title])
    assert _texts(got) == _texts([title, *three[0], *three[1], *three[2], *two[0], *two[1]])


def test_a_short_right_column_does_not_cut_the_left_one() -> None:
    left = _column("L", 40, 500, 10)
    right = _column("R", 210, 500, 4)
    # A paragraph gap in the left column below the end of the right column.
    left = left[:6] + [
        Line(line.text, line.x0, line.x1, line.baseline - 8, line.size, 0) for line in left[6:]
    ]
    assert _texts(reading_order(right + left)) == _texts(left + right)


def test_a_table_is_read_row_by_row() -> None:
    heading = _line("Crossings by quarter and year", 40, 600, width=200)
    rows = [("Quarter", "2024", "2025"), ("First", "1,204", "1,344"), ("Second", "998", "1,510")]
    cells = [
        _line(text, 40 + 120 * column, 580 - 14 * row, width=30 + 5 * len(text))
        for row, texts in enumerate(rows)
        for column, text in enumerate(texts)
    ]
    got = reading_order([heading, *reversed(cells)])
    assert _texts(got) == [heading.text] + [CELL_SEPARATOR.join(row) for row in rows]
    assert [line.cells for line in got] == [False, True, True, True]


def test_pieces_of_a_justified_line_are_rejoined_in_their_column() -> None:
    column = _column("L", 40, 500, 5)
    right = _column("R", 210, 500, 5)
    head = _line("when", 40, column[2].baseline, width=20)
    tail = _line("temperatures fell", 80, column[2].baseline, width=110)
    lines = [*column[:2], head, tail, *column[3:], *right]
    got = _texts(reading_order(lines))
    assert got[2] == "when temperatures fell"
    assert got[5:] == _texts(right)


@pytest.fixture(scope="module")
def grid() -> Article:
    """LibreOffice Writer: a title, three columns, then two columns; header and footer."""
    return PdfImporter().extract((PDF / "grid.pdf").read_bytes(), "grid.pdf", ImportLimits())


def test_libreoffice_columns_read_as_written(grid: Article) -> None:
    expected = (PDF / "grid.expected.txt").read_text(encoding="utf-8")
    want = [" ".join(p.lstrip("#").split()) for p in expected.split("\n\n")]
    assert [grid.block_text(b) for b in grid.blocks] == want
    assert order_score(grid.text, expected) == 1.0


def test_libreoffice_header_footer_and_file_name_title_are_gone(grid: Article) -> None:
    assert "Northern Grid Review" not in grid.text
    assert not re.search(r"Page \d of \d", grid.text)
    assert grid.title == "The northern grid after the cold winter"  # not "grid_review_final.odt"
    assert next(grid.block_text(b) for b in grid.blocks if b.kind is BlockKind.HEADING) == (
        grid.title
    )


def test_three_narrow_columns_of_short_prose_lines_are_not_a_table() -> None:
    text = "the grid company has proposed a second cable along the same old route"
    words = text.split(" ")
    columns = [
        [
            _line(" ".join(words[(i + c) % 10 : (i + c) % 10 + 3]), 40 + 110 * c, 500 - 11 * i, 95)
            for i in range(8)
        ]
        for c in range(3)
    ]
    got = reading_order([line for row in zip(*columns, strict=True) for line in row])
    assert _texts(got) == _texts([*columns[0], *columns[1], *columns[2]])
    assert not any(line.cells for line in got)


def test_each_table_row_is_a_paragraph_of_its_own() -> None:
    from briefer.importers.base import ArticleBuilder
    from briefer.importers.pdflayout import build_blocks

    heading = _line("Crossings by quarter, with a sentence to introduce them.", 40, 600, 300)
    rows = [("Quarter", "2024", "2025"), ("First", "1,204", "1,344"), ("Second", "998", "1,510")]
    cells = [
        _line(text, 40 + 120 * column, 586 - 14 * row, width=30 + 5 * len(text))
        for row, texts in enumerate(rows)
        for column, text in enumerate(texts)
    ]
    builder = ArticleBuilder()
    build_blocks([reading_order([heading, *cells])], builder)
    text = builder.text()
    assert [text[b.start : b.end] for b in builder.blocks] == [
        heading.text,
        "Quarter | 2024 | 2025",
        "First | 1,204 | 1,344",
        "Second | 998 | 1,510",
    ]


def test_libreoffice_table_read_row_by_row_between_its_paragraphs() -> None:
    """LibreOffice Writer: a bordered table of figures; two cells close enough to touch."""
    data = (PDF / "table.pdf").read_bytes()
    article = PdfImporter().extract(data, "table.pdf", ImportLimits())
    expected = (PDF / "table.expected.txt").read_text(encoding="utf-8")
    want = [" ".join(p.lstrip("#").split()) for p in expected.split("\n\n")]
    assert [article.block_text(b) for b in article.blocks] == want


def test_a_list_of_languages_set_in_two_columns_is_read_column_by_column() -> None:
    # As a manual lists languages: a name, then its codes with their names indented below,
    # in two columns that run on independently. Every row holds enough short runs to look
    # like a table's, but each column repeats the same three edges.
    columns = [
        [("German", [("de-1901", "german"), ("de-1996", "ngerman"), ("de-ch", "swiss")]),
         ("Greek", [("el-mono", "monogreek"), ("el-poly", "polygreek")]),
         ("Hindi", [("hi", "hindi")])],
        [("Marathi", [("mr", "marathi")]), ("Occitan", [("oc", "occitan")]),
         ("Oriya", [("or", "oriya")]), ("Panjabi", [("pa", "panjabi")])],
    ]  # fmt: skip
    lines: list[Line] = []
    expected: list[str] = []
    for left, entries in zip((72.0, 305.0), columns, strict=True):
        start = len(expected)
        baseline = 700.0
        for name, codes in entries:
            lines.append(_line(name, left, baseline, width=40, size=10))
            expected.append(name)
            for code, word in codes:
                baseline -= 12.3
                expected.append(f"{code} {word}")
                if len(expected) == start + 2:  # a long first entry, drawn as one run
                    lines.append(_line(expected[-1], left + 8.5, baseline, width=196, size=10))
                    continue
                lines.append(_line(code, left + 8.5, baseline, width=5 * len(code), size=10))
                lines.append(_line(word, left + 73.3, baseline, width=5 * len(word), size=10))
            baseline -= 12.3
    got = _texts(reading_order(sorted(lines, key=lambda line: -line.baseline)))
    assert " ".join(got) == " ".join(expected)


def test_a_form_of_two_label_and_value_columns_stays_row_by_row() -> None:
    rows = [("Vessel", "Ferry", "Length", "40 m"), ("Owner", "Lisvik AS", "Beam", "11 m"),
            ("Port", "Lisvik", "Draught", "3 m")]  # fmt: skip
    cells = [
        _line(text, (40, 110, 240, 310)[column], 600 - 14 * row, width=6 * len(text), size=10)
        for row, texts in enumerate(rows)
        for column, text in enumerate(texts)
    ]
    got = reading_order(sorted(cells, key=lambda line: -line.baseline))
    assert _texts(got) == [CELL_SEPARATOR.join(row) for row in rows]
