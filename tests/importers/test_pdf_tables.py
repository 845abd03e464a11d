"""Tables from real producers: rows of four or more cells, wrapped cells, and lists that
only look like two-column tables."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdfglyphs import Glyph
from briefer.importers.pdflayout import Line
from briefer.importers.pdforder import CELL_SEPARATOR
from briefer.importers.pdfrows import table_rows
from briefer.importers.pdfwords import runs

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _import(name: str) -> Article:
    return PdfImporter().extract((PDF / name).read_bytes(), name, ImportLimits())


def _paragraphs(article: Article) -> list[str]:
    return [article.text[b.start : b.end] for b in article.blocks]


def _tex_rows(source: str) -> list[list[str]]:
    table = source.split("\\begin{tabular}")[1].split("\\end{tabular}")[0].split("\n", 1)[1]
    rows = re.split(r"\\\\", re.sub(r"\\(?:top|mid|bottom)rule", "", table))
    return [[" ".join(cell.split()) for cell in row.split("&")] for row in rows if "&" in row]


def _html_rows(source: str) -> list[list[str]]:
    return [
        [html.unescape(cell) for cell in re.findall(r"<t[hd]>([^<]*)</t[hd]>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", source)
    ]


def _fodt_rows(source: str) -> list[list[str]]:
    return [
        re.findall(r"<text:p[^>]*>([^<]*)</text:p>", row)
        for row in re.findall(r"<table:table-row>(.*?)</table:table-row>", source)
    ]


def _last_paragraph(source: str, pattern: str) -> str:
    return " ".join(re.findall(pattern, source, re.DOTALL)[-1].split())


@pytest.mark.parametrize(
    ("name", "source", "rows", "after"),
    [
        # pdfTeX, booktabs: figures flush right, thousands set with a word space ("5 405").
        ("columns.pdf", "columns.tex", _tex_rows, r"\n\n([^\\]+)\\end\{document\}"),
        # Headless Chromium: an HTML table, figures flush right, padding as the only gap.
        ("webtable.pdf", "webtable.html", _html_rows, r"<p>([^<]+)</p>"),
    ],
)
def test_rows_of_many_cells_read_cell_by_cell_and_end_before_the_next_paragraph(
    name: str, source: str, rows: Callable[[str], list[list[str]]], after: str
) -> None:
    """Five and six columns: every gap in a row is a cell gap, none stands out."""
    text = (PDF / source).read_text(encoding="utf-8")
    wanted = [CELL_SEPARATOR.join(row) for row in rows(text)]
    assert len(wanted) >= 5
    paragraphs = _paragraphs(_import(name))
    assert [p for p in paragraphs if CELL_SEPARATOR in p] == wanted
    closing = _last_paragraph(text, after)
    assert paragraphs[paragraphs.index(wanted[-1]) + 1] == closing


def test_a_browsers_centred_heads_of_two_words_read_cell_by_cell() -> None:
    """webheads.pdf (headless Chromium): a bordered table whose heads ("Capacity now",
    "After works") are centred, so they line up with no cell below, and hold as many
    word gaps as cell gaps: the row read as one heading, "Reservoir Capacity now ..."."""
    text = (PDF / "webheads.html").read_text(encoding="utf-8")
    wanted = [CELL_SEPARATOR.join(row) for row in _html_rows(text)]
    paragraphs = _paragraphs(_import("webheads.pdf"))
    assert [p for p in paragraphs if CELL_SEPARATOR in p] == wanted
    assert len(wanted) == 3 and paragraphs.index(wanted[0]) == 2  # after the first paragraph
    closing = _last_paragraph(text, r"<p>([^<]+)</p>")
    assert paragraphs[paragraphs.index(wanted[-1]) + 1] == closing


def test_a_wrapped_cell_continues_its_cell_and_the_table_goes_on() -> None:
    """wrapped.pdf (LibreOffice): "Travel between the" / "northern harbours" in the first
    column of a four-column table, the figures beside its first line."""
    text = (PDF / "wrapped.fodt").read_text(encoding="utf-8")
    wanted = [CELL_SEPARATOR.join(row) for row in _fodt_rows(text)]
    assert len(wanted) == 5
    paragraphs = _paragraphs(_import("wrapped.pdf"))
    assert [p for p in paragraphs if CELL_SEPARATOR in p] == wanted
    closing = _last_paragraph(text, r'<text:p text:style-name="Standard">([^<]+)</text:p>')
    assert paragraphs[paragraphs.index(wanted[-1]) + 1] == closing


def test_list_labels_set_a_tab_before_their_items_are_no_table() -> None:
    """lettered.pdf (LibreOffice): "a)", "ii.", "•", a tab, then a short item."""
    article = _import("lettered.pdf")
    paragraphs = _paragraphs(article)
    assert not any(CELL_SEPARATOR.strip() in p for p in paragraphs)
    text = " ".join(paragraphs)
    assert "a) Askvik and Brennøy first" in text
    assert "b) The northern harbours later" in text
    assert "ii. Train the pilots" in text
    items = [article.text[b.start : b.end] for b in article.blocks if b.kind is BlockKind.LIST_ITEM]
    for item in ("Training guarantees", "Rest periods", "Travel costs"):
        assert any(p.startswith(item) for p in items), item


def _row(cells: list[tuple[float, str]], y: float, size: float = 10) -> list[Glyph]:
    """Glyphs of a proportional font, each cell starting at its x."""
    out = []
    for x, text in cells:
        for char in text:
            if char != " ":
                right = x + _width(char, size)
                out.append(Glyph(char, x, right, y - 2, y + 8, y, size, len(out)))
            x += _width(char, size)
    return out


def _width(text: str, size: float = 10) -> float:
    """0.3 em a word space, 0.5 em a figure, 0.4 to 0.55 em a letter."""
    return sum(
        size * (0.3 if char == " " else 0.5 if char.isdigit() else 0.4 + ord(char) % 4 * 0.05)
        for char in text
    )


def test_cells_lining_up_on_neighbouring_rows_split_a_row_of_cell_gaps_only() -> None:
    # Four cells, every gap over an em: none stands out from the line's own gaps.
    starts = (50.0, 100.0, 140.0, 180.0)
    rows = [("Askvik", "412", "388", "1 250"), ("Brennoy", "97", "85", "302")]
    glyphs = []
    for number, row in enumerate(rows):
        # Figures flush right at each column's end, as a table sets them.
        cells = [(starts[0], row[0])] + [
            (start + 30 - _width(text), text)
            for start, text in zip(starts[1:], row[1:], strict=True)
        ]
        glyphs += _row(cells, 700 - 14 * number)
    got = [run.text for run in runs(glyphs, 0)]
    assert got == [cell for row in rows for cell in row]


def test_loose_justified_lines_with_wide_gaps_stay_whole() -> None:
    # A narrow justified column: gaps over an em, but no edges line up from line to line.
    first = _row([(50, "the"), (78, "boards"), (121, "have"), (154, "agreed")], 700)
    second = _row([(50, "to"), (73, "a"), (92, "pooled"), (136, "roster")], 686)
    assert [run.text for run in runs(first + second, 0)] == [
        "the boards have agreed",
        "to a pooled roster",
    ]


def _cell(text: str, x0: float, baseline: float) -> Line:
    return Line(text, x0, x0 + 5 * len(text), baseline, 10, 0)


def test_a_line_under_the_last_row_is_no_wrapped_cell() -> None:
    # "Source: ..." under the first column, a line below the last row, no row after it.
    rows = [("Item", "2025", "2026"), ("Roster", "1.2", "0.8"), ("Training", "0.5", "0.9")]
    lines = [
        _cell(text, (50, 150, 200)[column], 700 - 12 * number)
        for number, row in enumerate(rows)
        for column, text in enumerate(row)
    ]
    source = _cell("Source: boards", 50, 700 - 12 * len(rows))
    got = [line.text for line in table_rows([*lines, source], 10)]
    assert got == [CELL_SEPARATOR.join(row) for row in rows] + [source.text]


def test_a_line_under_a_figure_is_no_wrapped_cell() -> None:
    # A listing: "14", then code indented; "15 else" under the number is the next line.
    lines = [
        _cell("13", 50, 700), _cell("if not found then", 70, 700),
        _cell("14", 50, 688), _cell("err(name)", 110, 688),
        _cell("15 else", 50, 676),
        _cell("16", 50, 664), _cell("log(name)", 110, 664),
    ]  # fmt: skip
    got = [line.text for line in table_rows(lines, 10)]
    assert "15 else" in got
    assert not any("15 else" in text and text != "15 else" for text in got)


def test_rows_that_fail_the_table_test_are_looked_at_again_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two-cell rows each with a wrapped line under it, and a last row in larger type
    that makes the group no table: the look for a table after a wrapped cell is tried
    once, not again after every row (each retry rescanned to the end: a hostile page of
    thousands of such rows took a minute). Counted in lines looked at, not timed."""
    import briefer.importers.pdfrows as pdfrows

    looked: list[Line] = []
    wrapped = pdfrows._wrapped_column

    def counting(line: Line, row: list[Line], above: float) -> int | None:
        looked.append(line)
        return wrapped(line, row, above)

    monkeypatch.setattr(pdfrows, "_wrapped_column", counting)
    lines: list[Line] = []
    for number in range(400):
        y = 100_000 - 24 * number
        lines += [_cell("Port fees", 72, y), _cell("Rise soon", 300, y), _cell("again", 72, y - 12)]
    last = [
        Line("Big", 72, 120, 100_000 - 24 * 400, 14, 0),
        Line("Cell", 300, 350, 100_000 - 24 * 400, 14, 0),
    ]
    got = [line.text for line in table_rows([*lines, *last], 10)]
    assert got == ["Port fees", "Rise soon", "again"] * 400 + ["Big", "Cell"]
    assert len(looked) <= 3 * 400  # each wrapped line looked at once or twice
