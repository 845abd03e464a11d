"""Endnotes as reports set them: on a page of their own, numbered I, II or i, ii or 1, 2,
or typed by the author under a "Notes" heading, note by note.

LibreOffice, pdfTeX and python-docx fixtures (tests/data/importers/pdf/README.md),
compared with the notes' text in their sources, and the rules over plain lines.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdflayout import Line
from briefer.importers.pdfnotes import note_pieces, notes_by_page

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _blocks(name: str) -> list[tuple[BlockKind, str]]:
    article: Article = PdfImporter().extract((PDF / name).read_bytes(), name, ImportLimits())
    return [(b.kind, article.text[b.start : b.end]) for b in article.blocks]


def _source_notes(name: str) -> list[str]:
    """Each endnote's text in the .fodt source, in order."""
    source = (PDF / name).read_text(encoding="utf-8")
    found = re.findall(r'<text:p text:style-name="Endnote">(.*?)</text:p>', source)
    return [note.replace("&apos;", "'") for note in found]


def test_capital_roman_endnotes_read_note_by_note_with_each_mark_apart() -> None:
    blocks = _blocks("romannotes.pdf")
    notes = _source_notes("romannotes.fodt")
    marks = ["I", "II", "III", "IV"]
    # LibreOffice glues each capital mark to its note ("IIIThe", "IVMinutes").
    assert blocks[-4:] == [
        (BlockKind.PARAGRAPH, f"{mark} {note}") for mark, note in zip(marks, notes, strict=True)
    ]
    # The body keeps its paragraphs, their raised marks where they stand.
    body = [text for kind, text in blocks[:-4] if kind is BlockKind.PARAGRAPH]
    assert len(body) == 3
    assert body[-1].endswith("The board will decide in December.IV")


def _small(text: str, baseline: float) -> Line:
    return Line(text, 50, 250, baseline, 8, 0)


def test_capital_marks_count_up_and_need_a_capital_then_a_small_letter_after_them() -> None:
    notes = [_small("IThe survey.", 700), _small("IIHarbour returns.", 690)]
    assert note_pieces(notes, 10) == [([], [[_small("I The survey.", 700)],
                                             [_small("II Harbour returns.", 690)]])]  # fmt: skip
    # Names and capitals that open with the letters are no marks; nor is a count that
    # changes case half-way ("i" then "II").
    for lines in (
        [_small("Ivan Petrov chaired.", 700), _small("IVF clinics met.", 690)],
        [_small("iThe survey.", 700), _small("IIHarbour returns.", 690)],
    ):
        assert note_pieces(lines, 10) == [(lines, [])]


def _tex_items(name: str) -> list[list[str]]:
    """Each enumerate's items in a .tex source, as one line of text each."""
    source = (PDF / name).read_text(encoding="utf-8")
    lists = re.findall(r"\\begin\{enumerate\}(.*?)\\end\{enumerate\}", source, re.S)
    return [
        [
            " ".join(re.sub(r"\\url\{(.*?)\}", r"\1", item).split())
            for item in body.split(r"\item")[1:]
        ]
        for body in lists
    ]


def _typed_notes(name: str) -> list[str]:
    """The notes an author typed in a .fodt, each number set a space apart from its note."""
    source = (PDF / name).read_text(encoding="utf-8")
    notes = re.findall(r'<text:p text:style-name="Note">(.*?)</text:p>', source)
    spaced = [re.sub(r"<text:tab/>|<text:span [^>]*>(\d+)</text:span>", r"\1 ", n) for n in notes]
    return [note.replace("&apos;", "'") for note in spaced]


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        # "1. " typed, small print, flush left: the second note's first line ends a
        # sentence short of the margin and its web address fills the next line.
        ("notessection", "Notes"),
        # "1", a tab, the note, from page 2 onto page 3: the tab parts each number from its text;
        # "12 Ibid." follows a note's short last line; the last note's second line tops page 3.
        ("notestabs", "Notes"),
        # Raised numbers typed as superscripts under "Endnotes".
        ("notesraised", "Endnotes"),
    ],
)
def test_an_authors_notes_section_reads_note_by_note_under_its_heading(
    name: str, heading: str
) -> None:
    blocks = _blocks(f"{name}.pdf")
    source = (PDF / f"{name}.fodt").read_text(encoding="utf-8")
    items = re.findall(r'<text:p text:style-name="Item">(.*?)</text:p>', source)
    at = blocks.index((BlockKind.HEADING, heading))
    assert blocks[at + 1 :] == [
        (BlockKind.PARAGRAPH, note) for note in _typed_notes(f"{name}.fodt")
    ]
    # The body's numbered list stays a list of items and its table stays rows.
    texts = [text for _, text in blocks[:at]]
    assert [f"{n}. {item}" for n, item in enumerate(items, 1)] == [
        t for t in texts if re.match(r"\d\. ", t)
    ]
    assert "2015 | 41 000 | 380 000" in texts
    assert (
        texts[-1]
        == "A joint contract would cut the cost of bringing a dredger to the coast by half.4"
    )


def test_a_latex_notes_section_keeps_a_wrapped_web_address_in_its_note() -> None:
    blocks = _blocks("latexnotes.pdf")
    body_list, notes = _tex_items("latexnotes.tex")
    heading = blocks.index((BlockKind.HEADING, "Notes"))
    # pdfTeX breaks the address after "example." and sets the rest under the item's text.
    assert blocks[heading + 1 :] == [
        (BlockKind.PARAGRAPH, f"{n}. {note}") for n, note in enumerate(notes, 1)
    ]
    texts = [text for _, text in blocks[:heading]]
    for n, item in enumerate(body_list, 1):
        assert f"{n}. {item.replace(chr(39), chr(0x2019))}" in texts


def test_word_endnotes_laid_out_by_libreoffice_read_note_by_note() -> None:
    # LibreOffice 7.4 sets a .docx's endnotes on a page of their own after the text,
    # each number raised over its note and wider margins than the body's.
    blocks = _blocks("wordnotes.pdf")
    notes = _source_notes("wordnotes.fodt")
    assert blocks[-4:] == [(BlockKind.PARAGRAPH, f"{n} {note}") for n, note in enumerate(notes, 1)]
    assert blocks[-5][1].endswith("The board then turned to the accounts.")


def test_a_word_files_own_endnotes_read_note_by_note_after_the_text() -> None:
    # Written as Word writes them (make_wordendnotes.py), in Word's default i, ii, iii.
    blocks = _blocks("wordendnotes.pdf")
    spec = importlib.util.spec_from_file_location("make_wordendnotes", PDF / "make_wordendnotes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    marks = ["i", "ii", "iii"]
    assert blocks[-3:] == [
        (BlockKind.PARAGRAPH, f"{mark} {note}")
        for mark, note in zip(marks, module.NOTES, strict=True)
    ]
    assert blocks[-4][1].endswith("The board then turned to the accounts.")


def _at(text: str, x0: float, baseline: float, size: float = 10, page: int = 0) -> Line:
    return Line(text, x0, x0 + 300, baseline, size, page)


def test_a_notes_section_runs_over_a_page_and_ends_where_no_note_carries_on() -> None:
    heading = Line("Notes", 50, 90, 700, 14, 0, bold=True)
    first = [
        _at("1. Survey of 2019, with soundings every fifty", 50, 680),
        _at("metres along the line.", 50, 668),
        _at("2. Ferry company, letter of", 50, 650),
    ]
    second = [_at("3 December, online.", 50, 700, page=1), _at("3. Ibid.", 50, 688, page=1),
              _at("The board thanks the pilots.", 50, 650, page=1)]  # fmt: skip
    pages = notes_by_page([[heading, *first], second], 10)
    assert pages[0] == [([heading], [first[:2], [first[2], second[0]]])]
    # The note carried over from page 1 takes page 2's first line; the paragraph after
    # the gap is no note.
    assert pages[1] == [([], [second[1:2]]), ([second[2]], [])]


def test_numbered_lines_are_notes_only_under_a_notes_heading_counting_from_one() -> None:
    items = [_at("1. Survey the channel.", 50, 680), _at("2. Share a dredger.", 50, 668)]
    for heading in (
        Line("Next steps", 50, 90, 700, 14, 0, bold=True),  # not a notes heading
        Line("Notes", 50, 90, 700, 10, 0),
    ):  # at text size, not bold: a word
        assert notes_by_page([[heading, *items]], 10) == [[([heading, *items], [])]]
    heading = Line("Notes", 50, 90, 700, 14, 0, bold=True)
    later = [_at("2. Share a dredger.", 50, 680), _at("3. Ibid.", 50, 668)]
    assert notes_by_page([[heading, *later]], 10) == [[([heading, *later], [])]]


def test_a_number_read_apart_from_its_text_joins_it_on_its_row() -> None:
    # A tab parts "6" from "Ibid.": two runs, and the reading order may list the page's
    # numbers first ("6", "7", then the texts), as it reads a column of keys.
    heading = Line("Notes", 50, 90, 700, 14, 0, bold=True)
    one, two = Line("1", 50, 56, 680, 10, 0), Line("2", 50, 56, 668, 10, 0)
    texts = [Line("Survey of 2019.", 80, 380, 680, 10, 0), Line("Ibid.", 80, 380, 668, 10, 0)]
    (piece,) = notes_by_page([[heading, one, two, *texts]], 10)[0]
    assert piece[0] == [heading]
    assert [[line.text for line in note] for note in piece[1]] == [
        ["1 Survey of 2019."],
        ["2 Ibid."],
    ]
    # Figures beside figures in a table's row are no notes.
    row = [one, Line("1 | 200", 80, 380, 680, 10, 0, cells=True)]
    assert notes_by_page([[heading, *row]], 10) == [[([heading, *row], [])]]
