"""Tables that only lay text out read as the body; tables of data keep their rows.

Memo templates draw a box around the whole text with a one-cell table, newsletters set
columns side by side in a one-row table, and forms nest a table in a cell. Each
document is a python-docx file whose body is replaced by the raw WordprocessingML.
"""

from __future__ import annotations

from pathlib import Path

from briefer.core.model import Article, BlockKind
from tests.importers.word_markup import import_markup, shape

_BULLETS = (
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)


def _p(text: str, style: str = "") -> str:
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    return f"<w:p><w:pPr>{properties}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def _bullet(text: str) -> str:
    numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    return f"<w:p><w:pPr>{numbered}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def _table(*rows: list[str]) -> str:
    """Each row a list of cells' contents, as Word writes a table with its grid."""
    grid = "".join('<w:gridCol w:w="4500"/>' for _ in rows[0])
    cells = ("".join(f"<w:tc><w:tcPr/>{cell}</w:tc>" for cell in row) for row in rows)
    body = "".join(f"<w:tr>{row}</w:tr>" for row in cells)
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def _import(tmp_path: Path, body: str) -> Article:
    return import_markup(tmp_path, body, _BULLETS)


def test_an_article_boxed_in_a_one_cell_table_reads_as_the_body(tmp_path: Path) -> None:
    """Headings, paragraphs and list items as in the body, and its heading names it; a
    table the box holds keeps its rows."""
    memo = (
        _p("Harbour memo", "Heading1")
        + _p("The council met on Tuesday.")
        + _p("It agreed two things:")
        + _bullet("to dredge the inner harbour;")
        + _bullet("to raise mooring fees.")
        + _table([_p("Fees"), _p("2025")], [_p("40 kr"), _p("44 kr")])
        + _p("Next steps", "Heading2")
        + _p("The harbour master reports in May.")
    )
    boxed = _table([_table([memo])])  # a box inside a box: still the body
    article = _import(tmp_path, boxed + "<w:p/>")
    assert article.title == "Harbour memo"
    assert shape(article) == [
        (BlockKind.HEADING, 1, "Harbour memo"),
        (BlockKind.PARAGRAPH, 0, "The council met on Tuesday."),
        (BlockKind.PARAGRAPH, 0, "It agreed two things:"),
        (BlockKind.LIST_ITEM, 1, "to dredge the inner harbour;"),
        (BlockKind.LIST_ITEM, 1, "to raise mooring fees."),
        (BlockKind.TABLE_ROW, 0, "Fees | 2025"),
        (BlockKind.TABLE_ROW, 0, "40 kr | 44 kr"),
        (BlockKind.HEADING, 2, "Next steps"),
        (BlockKind.PARAGRAPH, 0, "The harbour master reports in May."),
    ]


def test_columns_of_prose_in_a_one_row_table_read_column_by_column(tmp_path: Path) -> None:
    left = _p("Harbour news", "Heading1") + _p("Ship calls rose.") + _p("A crane arrives.")
    right = _p("Events", "Heading1") + _p("The regatta is on 12 July.") + _bullet("Rowing at ten.")
    article = _import(tmp_path, _p("Newsletter") + _table([left, right]))
    assert shape(article) == [
        (BlockKind.PARAGRAPH, 0, "Newsletter"),
        (BlockKind.HEADING, 1, "Harbour news"),
        (BlockKind.PARAGRAPH, 0, "Ship calls rose."),
        (BlockKind.PARAGRAPH, 0, "A crane arrives."),
        (BlockKind.HEADING, 1, "Events"),
        (BlockKind.PARAGRAPH, 0, "The regatta is on 12 July."),
        (BlockKind.LIST_ITEM, 1, "Rowing at ten."),
    ]


def test_a_table_nested_in_a_cell_keeps_its_rows_after_the_row_holding_it(
    tmp_path: Path,
) -> None:
    costs = _table([_p("Fuel"), _p("2.1 m")], [_p("Crew"), _p("3.4 m")])
    sdt = f"<w:sdt><w:sdtPr/><w:sdtContent>{costs}</w:sdtContent></w:sdt>"
    outer = _table([_p("Running costs"), _p("Breakdown:") + sdt + "<w:p/>"])
    article = _import(tmp_path, _p("Ferry budget") + outer)
    assert [text for _, _, text in shape(article)] == [
        "Ferry budget",
        "Running costs | Breakdown:",
        "Fuel | 2.1 m",
        "Crew | 3.4 m",
    ]


def test_data_tables_keep_their_rows_and_their_headings_name_nothing(tmp_path: Path) -> None:
    """A one-row table of single values, and a table whose first row is styled as a
    heading: rows, as before, and the article is named by its own heading."""
    one_row = _table([_p("Port"), _p("Route"), _p("Departures")])
    headed = _table(
        [_p("Summer sailings", "Heading2"), "<w:p/>"], [_p("Lisvik to Arvel"), _p("07:10")]
    )
    article = _import(tmp_path, one_row + headed + _p("Timetable", "Heading1"))
    assert article.title == "Timetable"
    assert shape(article) == [
        (BlockKind.TABLE_ROW, 0, "Port | Route | Departures"),
        (BlockKind.TABLE_ROW, 0, "Summer sailings"),
        (BlockKind.TABLE_ROW, 0, "Lisvik to Arvel | 07:10"),
        (BlockKind.HEADING, 1, "Timetable"),
    ]


def test_a_cover_page_stacked_in_one_column_names_the_article(tmp_path: Path) -> None:
    """Report templates set the cover's title, subtitle and date in a one-column table:
    its lines read as the body's would, and its Title paragraph names the article."""
    cover = _table(
        [_p("Lisvik Ferry Review 2026", "Title")],
        [_p("Findings of the harbour board", "Subtitle")],
        [_p("March 2026")],
    )
    article = _import(tmp_path, cover + _p("Introduction", "Heading1") + _p("The review."))
    assert article.title == "Lisvik Ferry Review 2026"
    assert shape(article) == [
        (BlockKind.HEADING, 1, "Lisvik Ferry Review 2026"),
        (BlockKind.PARAGRAPH, 0, "Findings of the harbour board"),
        (BlockKind.PARAGRAPH, 0, "March 2026"),
        (BlockKind.HEADING, 1, "Introduction"),
        (BlockKind.PARAGRAPH, 0, "The review."),
    ]
    # A one-column table that turns out to have a row of two cells is a table after all.
    listing = _table([_p("Sailings", "Heading2")], [_p("07:10")], [_p("Lisvik"), _p("09:30")])
    article = _import(tmp_path, listing + _p("Timetable", "Heading1"))
    assert article.title == "Timetable"
    assert [kind for kind, _, _ in shape(article)][:3] == [BlockKind.TABLE_ROW] * 3
