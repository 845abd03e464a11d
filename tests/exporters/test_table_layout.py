"""Tables in Word: columns as wide as their content asks, rows that never split."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import docx.shared
from docx.oxml.ns import qn

from briefer.core.figures import figures_table_markdown, key_figures
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters.document import build_document
from briefer.exporters.docx import export_docx
from briefer.exporters.docx_plain import BASE_CELL_FONT, BASE_PARTS
from briefer.exporters.page_profile import cell_format
from briefer.exporters.table_layout import fit_columns
from briefer.exporters.text_widths import em, family, widths
from briefer.resources import resource_path


def _twips(word: str, *, bold: bool = False, font: str = "Cambria", size: float = 11.0) -> float:
    """``word``'s width set in ``font``, from the committed metrics, plus the cell margins."""
    return em(word, widths((family(font), bold, False))) * size * 20 + 216


def test_fit_columns_gives_prose_the_room_and_a_mark_little() -> None:
    widths = fit_columns(
        [
            ["Figures", "£2 billion; 15%", "4%"],
            ["Context", "The £2 billion deal cuts tariffs by 15% from 2027, officials said."],
            ["Source", "¹²", "¹²"],
        ],
        9_000,
    )
    assert 8_990 < sum(widths) <= 9_000
    figures, context, source = widths
    assert context > figures > source
    assert source >= _twips("Source", bold=True)  # never below its heading's word


def test_fit_columns_keeps_a_long_word_whole() -> None:
    widths = fit_columns([["x"], ["Rapprochement-Verhandlungen"], ["y " * 200]], 9_000)
    assert widths[1] >= _twips("Rapprochement-Verhandlungen", bold=True)


def test_fit_columns_short_columns_share_the_width_by_their_text() -> None:
    year, tonnes = fit_columns([["Year", "2024", "2025"], ["Tonnes", "37.9", "31.5"]], 9_000)
    assert year + tonnes > 8_990
    assert tonnes > year >= _twips("Year", bold=True)


def test_fit_columns_too_many_words_break_cells_before_headings() -> None:
    url = "https://example.org/" + "a-very-long-path/" * 12
    columns = [["Date", "1 May"], ["Link", url], ["Figure", "12%"], ["Source", "1"]]
    widths = fit_columns(columns, 9_000)
    assert sum(widths) <= 9_000
    for (head, *_), width in zip(columns, widths, strict=True):
        assert width >= _twips(head, bold=True)
    assert widths[1] > 9_000 / 2  # the long word gets what the headings leave


def test_fit_columns_headings_too_wide_for_the_page_share_alike() -> None:
    heads = ["Internationalisation", "Responsibilities", "Characteristically", "Z"] * 3
    widths = fit_columns([[head] for head in heads], 9_000)
    assert sum(widths) <= 9_000
    assert widths[0] == widths[1] == widths[2] > widths[3]  # the long ones share alike
    assert widths[3] >= _twips("Z", bold=True)


def test_word_table_rows_never_split_and_the_header_repeats(
    passages: dict[int, Passage], articles: dict[int, Article], tmp_path: Path
) -> None:
    text = "Exports through the port rose 12% in the quarter to £2 billion, the authority said."
    figures = key_figures([Passage(1, 0, len(text), text, id=42)])
    body = figures_table_markdown(figures * 30)  # one sentence: one row, whatever repeats
    rows = "\n".join(
        f"| {n}% | Exports through the port rose {n}% in the quarter, officials said. | [@p42] |"
        for n in range(40)
    )
    note = Note(
        title="Figures",
        sections=(Section("Key figures", body + "\n" + rows, level=1, position=0),),
    )
    target = tmp_path / "table.docx"
    export_docx(build_document(note, passages, articles), target)
    word_table = docx.Document(str(target)).tables[-1]
    tr_list = word_table._tbl.tr_lst
    assert len(tr_list) == 1 + 1 + 40
    assert all(
        tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None for tr in tr_list
    )
    assert tr_list[0].trPr.find(qn("w:tblHeader")) is not None
    widths = [column.width for column in word_table.columns]
    assert widths[1] > 2 * widths[0] and widths[1] > 3 * widths[2]


_SENTENCE = (
    "Cargo volumes on the Northern Sea Route fell to 31.5 million tonnes in 2025, two thirds "
    "of them carrying Russian cargo to Chinese ports, the operator said on Tuesday."
)
_SHAPES = {
    "figures": (
        "| Figures | Context | Source |\n| --- | --- | --- |\n"
        f"| 31.5 million; 2025 | {_SENTENCE} | [@p42] |\n"
        "| 1 August | Higher US tariffs on Indian goods took effect on 1 August | [@p42] |"
    ),
    "numbers": (
        "| Year | Voyages | Tonnes | Share |\n|---|--:|--:|--:|\n"
        "| 2024 | 97 | 37.9 | 16% |\n| 2025 | 92 | 31.5 | 14% |"
    ),
    "one-character source": (
        f"| Figure | Source | Sentence |\n|---|---|---|\n| 31.5 | 1 | {_SENTENCE} |\n"
        f"| 50% | 2 | {_SENTENCE} {_SENTENCE} |"
    ),
    "all prose": (
        "| Background | Consequences | Implementation |\n|---|---|---|\n"
        f"| {_SENTENCE} | {_SENTENCE} | {_SENTENCE} |"
    ),
}


def _grid(target: Path) -> list[tuple[str, int]]:
    """Each column of the last table: its heading and its width in twips, as Word reads it."""
    table = docx.Document(str(target)).tables[-1]
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    heads = [cell.text for cell in table.rows[0].cells]
    return list(zip(heads, grid, strict=True))


def _export(body: str, target: Path, passages: dict[int, Passage],
            articles: dict[int, Article], reference: Path | None = None) -> None:  # fmt: skip
    note = Note(title="Figures", sections=(Section("Key figures", body, level=1, position=0),))
    export_docx(build_document(note, passages, articles), target, reference_doc=reference)


def test_word_tables_of_every_shape_keep_their_headings_whole(
    passages: dict[int, Passage], articles: dict[int, Article], tmp_path: Path
) -> None:
    for name, body in _SHAPES.items():
        target = tmp_path / f"{name}.docx"
        _export(body, target, passages, articles)
        grid = _grid(target)
        assert sum(width for _, width in grid) <= 9_026, name  # A4 between the margins
        for head, width in grid:
            for word in head.split():
                assert width >= _twips(word, bold=True), (name, head, width)
    figures = dict(_grid(tmp_path / "figures.docx"))
    assert figures["Context"] > 2 * figures["Figures"] > 2 * figures["Source"]


def test_word_table_in_a_reference_documents_font_keeps_its_headings_whole(
    passages: dict[int, Passage], articles: dict[int, Article], tmp_path: Path
) -> None:
    reference = tmp_path / "reference.docx"
    made = docx.Document()
    made.styles["Normal"].font.name = "Arial"
    made.styles["Normal"].font.size = docx.shared.Pt(14)
    made.save(str(reference))
    target = tmp_path / "arial.docx"
    _export(_SHAPES["one-character source"], target, passages, articles, reference)
    source = dict(_grid(target))["Source"]
    assert source >= _twips("Source", bold=True, font="Arial", size=14)
    assert source > _twips("Source", bold=True) * 1.2  # measured in Arial 14, not Cambria 11


def test_the_prebuilt_packages_cell_font_is_what_its_styles_say() -> None:
    with zipfile.ZipFile(resource_path(*BASE_PARTS)) as base:
        styles = base.read("word/styles.xml")
        theme = base.read("word/theme/theme1.xml")
    cell = cell_format(styles, theme, "TableGrid")
    assert (cell.font, cell.size) == BASE_CELL_FONT
