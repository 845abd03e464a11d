"""Tables in Word: columns as wide as their content asks, rows that never split."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn

from briefer.core.figures import figures_table_markdown, key_figures
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters.document import build_document
from briefer.exporters.docx import export_docx
from briefer.exporters.table_layout import fit_columns


def test_fit_columns_gives_prose_the_room_and_a_mark_little() -> None:
    widths = fit_columns(
        [
            ["Figures", "£2 billion; 15%", "4%"],
            ["Context", "The £2 billion deal cuts tariffs by 15% from 2027, officials said."],
            ["Source", "¹²", "¹²"],
        ],
        16_000,
    )
    assert sum(widths) <= 16_000 and sum(widths) > 15_900
    figures, context, source = widths
    assert context > figures > source
    assert source >= 16_000 * 3 / 90  # never below its longest word


def test_fit_columns_keeps_a_long_word_whole() -> None:
    widths = fit_columns([["x"], ["Rapprochement-Verhandlungen"], ["y " * 200]], 10_000)
    assert widths[1] >= 10_000 * 27 / (3 + 60 + 27) * 0.99


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
