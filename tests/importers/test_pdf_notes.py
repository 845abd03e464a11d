"""Footnotes, contents pages and code listings as a reader expects them (pdfTeX fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdflayout import Line, body_size
from briefer.importers.pdfnotes import split_notes
from briefer.importers.pdfwords import fold_leaders

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _import(name: str) -> Article:
    return PdfImporter().extract((PDF / name).read_bytes(), name, ImportLimits())


def _paragraphs(article: Article) -> list[str]:
    return [article.text[b.start : b.end] for b in article.blocks if b.kind is BlockKind.PARAGRAPH]


def test_a_paragraph_crossing_a_page_reads_whole_with_its_footnote_after_it() -> None:
    paragraphs = _paragraphs(_import("footnotes.pdf"))
    crossing = next(p for p in paragraphs if p.startswith("The clerk explained"))
    # The words on both sides of the page break, in one paragraph, the hyphen repaired.
    assert "what each operator paid last year and what it would pay under the new schedule" in (
        crossing
    )
    assert "for every vessel it keeps" in crossing
    assert crossing.endswith("the busy summer weeks alike.2")
    assert "gross tonnage" not in crossing
    index = paragraphs.index(crossing)
    assert paragraphs[index + 1] == (
        "1 The schedule of 1998 measured vessels by gross tonnage, as the port"
        " authority of the time required."
    )
    assert paragraphs[index + 2].startswith("The board agreed to meet again in April.")
    # The last page's note closes the text; the page numbers are gone.
    last = "2 Figures for the summer season were not ready in time for the meeting."
    assert paragraphs[-1] == last
    assert not any(p.strip() in {"1", "2"} for p in paragraphs)


def _line(text: str, baseline: float, size: float, marks: tuple[str, ...] = ()) -> Line:
    return Line(text, 50.0, 300.0, baseline, size, 0, marks=marks)


def test_small_print_at_the_foot_is_a_note_only_when_the_body_refers_to_it() -> None:
    body = [_line("Prices rose by a third.", 700, 10, marks=("1",)), _line("The end.", 686, 10)]
    note = _line("1 Office for statistics.", 80, 8)
    kept, notes = split_notes([*body, note], 10)
    assert kept == body and notes == [[note]]
    unreferenced = [_line("Prices rose by a third.", 700, 10), _line("The end.", 686, 10)]
    kept, notes = split_notes([*unreferenced, note], 10)
    assert kept == [*unreferenced, note] and notes == []
    # A caption above the note stays in the body; the note's second line stays with it.
    caption = _line("Source: harbour board.", 120, 8)
    more = _line("continued here.", 70, 8)
    kept, notes = split_notes([*body, caption, note, more], 10)
    assert kept == [*body, caption] and notes == [[note, more]]


def test_a_list_of_references_in_small_print_is_no_footnote() -> None:
    body = [_line("As shown before,1 prices rose.", 300, 10, marks=("1",))]
    references = [_line("1. Smith, J. Harbour dues. 2019.", 250, 8),
                  _line("2. Lind, T. Ferries. 2021.", 240, 8)]  # fmt: skip
    assert split_notes([*body, *references], 10) == ([*body, *references], [])
    # Small print straight under the text, with no gap, is not a page's notes either.
    close = _line("1 Prices in euros.", 290, 8)
    assert split_notes([*body, close], 10) == ([*body, close], [])


def test_a_contents_page_reads_entry_by_entry_without_runs_of_dots() -> None:
    article = _import("contents.pdf")
    paragraphs = _paragraphs(article)
    assert paragraphs[:7] == [
        "1 Introduction 1",
        "2 Dues and charges 1",
        "2.1 The winter schedule … 1",
        "2.2 The summer schedule … 1",
        "3 Dredging the inner basin 2",
        "Tonnage landed … 41 200 t",
        "Ferry crossings … 3 650",
    ]
    assert ". . . ." not in article.text
    # Real ellipses in the text are left as they are.
    assert "longer notice of meetings. . . and the clerk" in article.text
    assert "every operator first. . . ” and closed the meeting" in article.text


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Introduction .......... 3", "Introduction … 3"),
        ("2.1 The winter schedule . . . . . . . .", "2.1 The winter schedule …"),
        ("Tonnage landed . . . . . . 41 200 t", "Tonnage landed … 41 200 t"),
        ("Preface ………… iv", "Preface … iv"),
        ("meetings. . . and the clerk", "meetings. . . and the clerk"),
        ("and so on. . . .", "and so on. . . ."),
        ("wait..... what next", "wait..... what next"),
    ],
)
def test_dot_leaders_fold_and_ellipses_stay(text: str, folded: str) -> None:
    assert fold_leaders(text) == folded


def test_a_numbered_code_listing_reads_line_by_line_and_margin_notes_stand_apart() -> None:
    paragraphs = _paragraphs(_import("listing.pdf"))
    code = " ".join(p for p in paragraphs if "\\DeclareSymbol" in p)
    # Each line whole, its small line number first, its aligned columns in order.
    assert code == (
        '1 \\DeclareSymbol{\\ferry} {\\mathord}{HRB}{"01}'
        ' 2 \\DeclareSymbol{\\trawler} {\\mathord}{HRB}{"02}'
        ' 3 \\DeclareSymbol{\\tug} {\\mathrel}{HRB}{"03} 4 %% Freight vessels:'
        ' 5 \\DeclareSymbol{\\freighter} {\\mathbin}{HRB}{"04} 6 \\ifx\\tanker\\undefined'
        ' 7 \\DeclareSymbol{\\tanker} {\\mathbin}{HRB}{"05} 8 \\fi'
        ' 9 \\DeclareSymbol{\\launch} {\\mathord}{HRB}{"06}'
    )
    assert " | " not in code
    # The margin notes are paragraphs of their own after the paragraph they stand beside.
    first = next(i for i, p in enumerate(paragraphs) if p.startswith("The package declares"))
    assert "\\ferry" not in paragraphs[first]
    assert paragraphs[first].endswith("in the same order as the harbour register.")
    assert paragraphs[first + 1] == "\\ferry"
    assert paragraphs[-2].startswith("Vessels that are not listed")
    assert "Not final" not in paragraphs[-2]
    assert paragraphs[-1] == "Not final."


def test_libreoffice_leaders_and_a_footnote_across_the_page_break() -> None:
    paragraphs = _paragraphs(_import("office.pdf"))
    assert paragraphs[:3] == [
        "Introduction … 1",
        "Dues and charges … 1",
        "Dredging the inner basin … 2",
    ]
    # "..." written by the author stays an ellipsis.
    assert paragraphs[3].startswith("The board met eleven times this year... and the clerk")
    crossing = next(p for p in paragraphs if p.startswith("The harbour board heard"))
    assert "agreed with the people who would pay it. Several members" in crossing
    assert crossing.endswith("for every operator, season by season.")
    index = paragraphs.index(crossing)
    assert paragraphs[index + 1] == "1 The schedule of 1998 measured vessels by gross tonnage."


def test_a_manual_whose_listings_outweigh_its_prose_keeps_the_prose_as_body_text() -> None:
    prose = [_line("The package reads its options from a key-value list.", 700 - 12 * i, 10)
             for i in range(5)]  # fmt: skip
    code = [Line("local result = luakeys.parse('one,two,three')", 50, 300, 600 - 9 * i, 8, 0,
                 mono=True) for i in range(20)]  # fmt: skip
    assert body_size([*prose, *code]) == 10
    # A transcript in Courier throughout is its own body text.
    assert body_size(code) == 8
