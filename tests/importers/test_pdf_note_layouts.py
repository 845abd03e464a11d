"""Footnotes under the columns of a two-column page, read after the paragraph they cut,
and a page of endnotes read note by note.

pdfTeX and LibreOffice fixtures (tests/data/importers/pdf/README.md), and the
rules over plain lines where a real file would need a rare layout.
"""

from __future__ import annotations

from pathlib import Path

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdflayout import Line
from briefer.importers.pdfnotes import note_pieces, split_notes

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"

_CROSSING = (
    "The clerk reported that the waiting list had grown to forty names, most of them owners"
    " of small yachts who would pay the full winter rate. The chairman asked whether the"
    " moorings by the fuel quay could be let as well,2 and the harbour master replied that"
    " the tankers needed the whole berth at low water, so that any boat moored there would"
    " have to move at short notice whenever a delivery was expected during the season."
)


def _paragraphs(name: str) -> list[str]:
    article: Article = PdfImporter().extract((PDF / name).read_bytes(), name, ImportLimits())
    return [article.text[b.start : b.end] for b in article.blocks if b.kind is BlockKind.PARAGRAPH]


def test_latex_column_notes_follow_the_paragraph_that_runs_on_into_the_next_column() -> None:
    paragraphs = _paragraphs("twocolnotes.pdf")
    # Column 1's notes sit between the columns in reading order; the paragraph
    # cut by the column break reads whole ("de-" + "livery" joined), then its notes.
    index = paragraphs.index(_CROSSING)
    assert paragraphs[index + 1 : index + 3] == [
        "1 The inner basin was last surveyed in 2019.",
        "2 The fuel quay is leased to the oil company until 2027.",
    ]
    # Column 2's own note closes the page after the text that cites it.
    assert paragraphs[index + 3 :] == [
        "The board agreed to let thirty moorings and to review the list in March.3",
        "3 Owners on the list were told by letter.",
    ]


def test_libreoffice_column_notes_read_apart_from_their_numbers_after_the_paragraph() -> None:
    paragraphs = _paragraphs("officecols.pdf")
    # LibreOffice sets the note's number at text size, against its first word.
    assert paragraphs[-4:] == [
        _CROSSING,
        "1 The inner basin was last surveyed in 2019.",
        "2 The fuel quay is leased to the oil company until 2027.",
        "The board agreed to let thirty moorings and to review the list in March.",
    ]


def _line(text: str, x0: float, baseline: float, size: float, marks: tuple[str, ...] = ()) -> Line:
    return Line(text, x0, x0 + 200, baseline, size, 0, marks=marks)


def test_a_page_is_cut_after_each_column_whose_foot_holds_notes() -> None:
    left = [_line("Prices rose by a third,1 as the", 50, 700, 10, ("1",)),
            _line("board had warned the year", 50, 300, 10)]  # fmt: skip
    left_note = _line("1 Office for statistics.", 50, 80, 8)
    right = [_line("before; the ferry company paid.", 300, 700, 10)]
    pieces = note_pieces([*left, left_note, *right], 10)
    assert pieces == [(left, [[left_note]]), (right, [])]
    assert split_notes([*left, left_note, *right], 10) == ([*left, *right], [[left_note]])
    # Small print read before the next column but level with the text, not under it, stays.
    beside = _line("1 Office for statistics.", 50, 302, 8)
    assert note_pieces([*left, beside, *right], 10) == [([*left, beside, *right], [])]
    # Small print followed by text lower down (a caption over the next paragraph) stays too.
    lower = [_line("The board met again.", 50, 60, 10)]
    assert note_pieces([*left, left_note, *lower], 10) == [([*left, left_note, *lower], [])]


def test_a_page_of_endnotes_reads_note_by_note_with_each_mark_apart() -> None:
    paragraphs = _paragraphs("endnotes.pdf")
    # LibreOffice's roman marks are glued to the notes ("iThe", "iiThe") on a page of
    # their own, all in small print; the second line of the first note stays with it.
    assert paragraphs[-3:] == [
        "i The inner basin was last surveyed in 2019, when the silt at the western pontoons"
        " was found to be deeper than the charts showed.",
        "ii The fuel quay is leased to the oil company until 2027.",
        "iii Owners on the list were told by letter.",
    ]
    assert paragraphs[-4].endswith("to review the list in March.iii")


def test_small_print_is_a_page_of_endnotes_only_when_its_marks_count_up() -> None:
    first, second = _line("1 Office for statistics.", 50, 700, 8), _line("2 Ibid.", 50, 690, 8)
    assert note_pieces([first, second], 10) == [([], [[first], [second]])]
    # A colophon, a price list, "iPhone": lines that open with figures, not notes.
    colophon = [_line("12 copies printed.", 50, 700, 8), _line("40 for the board.", 50, 690, 8)]
    assert note_pieces(colophon, 10) == [(colophon, [])]
    phone = [_line("iPhone owners may read it online.", 50, 700, 8)]
    assert note_pieces(phone, 10) == [(phone, [])]
    # One note is enough when its mark is raised: the marks' own evidence.
    raised = _line("1 Office for statistics.", 50, 700, 8, ("1",))
    assert note_pieces([raised], 10) == [([], [[raised]])]
    # A line opening with a later figure carries on the note before it.
    wrapped = [_line("ii Harbour returns, table", 50, 700, 8), _line("4 and 5.", 50, 690, 8),
               _line("iii Ibid.", 50, 680, 8)]  # fmt: skip
    assert note_pieces(wrapped, 10) == [([], [wrapped[:2], wrapped[2:]])]
