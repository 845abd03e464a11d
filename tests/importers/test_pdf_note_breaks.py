"""Notes where a page or a column breaks them: a note's number opening a page, a note
ending at its page's foot, a notes section running into a second column.

LibreOffice and pdfTeX fixtures (tests/data/importers/pdf/README.md), compared with
the notes' text in their sources, and the rules over plain lines.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdffurniture import remove_furniture
from briefer.importers.pdflayout import Line, Page
from briefer.importers.pdfnotes import OpenNote, note_pieces, notes_by_page

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _blocks(name: str) -> list[tuple[BlockKind, str]]:
    article: Article = PdfImporter().extract((PDF / name).read_bytes(), name, ImportLimits())
    return [(b.kind, article.text[b.start : b.end]) for b in article.blocks]


def _typed_notes(name: str) -> list[str]:
    """The notes an author typed in a .fodt ("6", a tab, "Ibid."), the number a space apart."""
    source = (PDF / name).read_text(encoding="utf-8")
    notes = re.findall(r'<text:p text:style-name="Note">(.*?)</text:p>', source)
    return [note.replace("<text:tab/>", " ").replace("&apos;", "'") for note in notes]


def test_a_note_number_opening_a_page_without_page_numbers_is_no_page_number() -> None:
    # Two pages, no footer: page 2 opens with "6", a tab, "Ibid.", which stood where a
    # page number would and was dropped with its text.
    blocks = _blocks("notestop.pdf")
    at = blocks.index((BlockKind.HEADING, "Notes"))
    notes = _typed_notes("notestop.fodt")
    assert notes[5] == "6 Ibid."
    assert blocks[at + 1 :] == [(BlockKind.PARAGRAPH, note) for note in notes]


def _page(number: int, *extra: Line) -> Page:
    body = tuple(
        Line(f"Text of page {number}, line {row}.", 72, 500, 700 - 14 * row, 10, number)
        for row in range(20)
    )
    return Page((*body, *extra), 595, 842)


def test_a_number_is_a_page_number_alone_never_before_the_words_it_labels() -> None:
    # A number alone at the foot, counting with the pages: page numbers.
    pages = [_page(n, Line(str(n + 1), 295, 300, 40, 10, n)) for n in range(2)]
    assert all(len(kept) == 20 for kept in remove_furniture(pages))
    # "Page 2" and "- 3 -" too, on a page of their own (nothing counts across pages).
    for label in ("Page 2", "- 3 -", "2 of 9"):
        (kept,) = remove_furniture([_page(0, Line(label, 280, 320, 40, 10, 0))])
        assert len(kept) == 20
    # A page number a tab before the report's title on every page goes with the title.
    heads = [
        _page(n, Line(str(n + 1), 72, 77, 800, 9, n), Line("Annual Report", 100, 220, 800, 9, n))
        for n in range(3)
    ]
    assert all(len(kept) == 20 for kept in remove_furniture(heads))
    # "6", a tab, "Ibid." at the top of a page, or notes at the feet of two pages
    # whose numbers count with the pages: notes, kept whole.
    for notes in (
        [[], [Line("6", 72, 77, 790, 9, 1), Line("Ibid.", 100, 120, 790, 9, 1)]],
        [
            [Line(str(n + 3), 72, 77, 40, 9, n), Line(text, 100, 180, 40, 9, n)]
            for n, text in enumerate(["Harbour accounts.", "Letter of 4 May."])
        ],
    ):
        pages = [_page(n, *lines) for n, lines in enumerate(notes)]
        kept = remove_furniture(pages)
        assert [len(page) for page in kept] == [20 + len(lines) for lines in notes]


def _tex_footnotes(name: str) -> list[str]:
    """Each \\footnote's text in a .tex source, on one line, with TeX's right quote."""
    source = (PDF / name).read_text(encoding="utf-8")
    notes = re.findall(r"\\footnote\{(.*?)\}", source, re.S)
    return [" ".join(note.split()).replace("'", "\u2019") for note in notes]


def test_a_footnote_too_long_for_its_page_reads_whole_and_takes_no_body_line() -> None:
    # pdfTeX sets the rest of note 1, which stops mid-sentence at a full line and has
    # no full stop at all, at the foot of page 2 above note 2; page 2 opens mid-sentence.
    paragraphs = [text for kind, text in _blocks("footsplit.pdf") if kind is BlockKind.PARAGRAPH]
    first, second = _tex_footnotes("footsplit.tex")
    crossing = next(p for p in paragraphs if p.startswith("The chairman asked"))
    assert crossing.endswith(
        "from the south-westerly gales.1 Then the board turned to the winter moorings, which"
        " are let by the month from November to March. Eleven boats have asked for one so far."
    )
    at = paragraphs.index(crossing)
    assert paragraphs[at + 1 :] == [
        f"1 {first}",
        "The next meeting will be held on the second of October at the harbour office,2 when"
        " the clerk will bring the quote.",
        f"2 {second}",
    ]


def test_a_notes_section_ends_with_a_note_whose_line_ends_short_over_a_page_break() -> None:
    # Notes typed "1. ", flush left: note 5 runs on over a page break, unfinished and
    # without a full stop; note 7 ends the second page short of the margin, without a
    # full stop, and the colophon, in the notes' size and flush left, opens page 3.
    blocks = _blocks("notescolophon.pdf")
    source = (PDF / "notescolophon.fodt").read_text(encoding="utf-8")
    notes = re.findall(r'<text:p text:style-name="(?:Note|Colophon)">(.*?)</text:p>', source)
    at = blocks.index((BlockKind.HEADING, "Notes"))
    assert blocks[at + 1 :] == [(BlockKind.PARAGRAPH, n.replace("&apos;", "'")) for n in notes]
    assert not notes[4].endswith(".") and not notes[6].endswith(".")


def _small(text: str, x1: float, baseline: float, page: int, marks: tuple[str, ...] = ()) -> Line:
    return Line(text, 50, x1, baseline, 8, page, marks=marks)


def test_a_note_goes_on_only_in_the_next_pages_notes_and_only_from_a_full_line() -> None:
    full = _small("1 Harbour log for August, where each yacht turned away is", 400, 60, 0)
    body = [Line("Then the board turned to the", 50, 400, 700, 10, 1),
            Line("winter moorings, which are let", 50, 400, 686, 10, 1, marks=("2",))]  # fmt: skip
    rest = _small("entered with its name and the night it asked for", 300, 80, 1)
    second = _small("2 The room on the first floor.", 200, 70, 1)
    carried = OpenNote([full], 400)
    # The rest of the note opens page 2's notes; the body and note 2 stay where they are.
    assert note_pieces([*body, rest, second], 10, carried) == [(body, [[second]])]
    assert carried.lines == [full, rest]
    # A note that ended short of the column's edge is over: the small print under the
    # next page's text is no part of it (a source line under a table stays in the text).
    short = _small("1 Harbour log for August", 150, 60, 0)
    carried = OpenNote([short], 400)
    assert note_pieces([*body, rest, second], 10, carried) == [([*body, rest], [[second]])]
    assert carried.lines == [short]
    # So is a full line that ends a sentence, unless the next line goes on in lower case.
    ended = _small("1 Harbour log for August, each yacht entered by name.", 400, 60, 0)
    carried = OpenNote([ended], 400)
    source = _small("Source: harbour office", 200, 80, 1)
    assert note_pieces([*body, source, second], 10, carried) == [([*body, source], [[second]])]
    # Across pages the notes come from the foot of one page to the next's notes area.
    cited = Line("The harbour master said forty yachts", 50, 400, 700, 10, 0, marks=("1",))
    pages = notes_by_page([[cited, full], [*body, rest, second]], 10)
    assert pages == [[([cited], [[full, rest]])], [(body, [[second]])]]


def test_references_numbered_in_brackets_read_one_by_one_into_the_second_column() -> None:
    # Typed "[1]", a tab, the reference, in a two-column section: most end without a full
    # stop, one breaks over the column break, one's web address fills its second line.
    blocks = _blocks("refcolumns.pdf")
    source = (PDF / "refcolumns.fodt").read_text(encoding="utf-8")
    typed = re.findall(r'<text:p text:style-name="Reference">(.*?)</text:p>', source)
    at = blocks.index((BlockKind.HEADING, "References"))
    assert blocks[at + 1 :] == [
        (BlockKind.PARAGRAPH, ref.replace("<text:tab/>", " ").replace("&apos;", "'"))
        for ref in typed
    ]
    assert blocks[at - 1][1].endswith("unable to repair the fish quay for two years [10].")


def test_a_latex_bibliography_reads_item_by_item_over_its_column_break() -> None:
    # thebibliography in two columns: "[1]" breaks after "for the" at column 1's foot and
    # goes on, indented, atop column 2; items end with and without a full stop.
    blocks = _blocks("bibcolumns.pdf")
    source = (PDF / "bibcolumns.tex").read_text(encoding="utf-8")
    items = [" ".join(item.split()) for item in source.split(r"\bibitem{")[1:]]
    items[-1] = items[-1].removesuffix(r" \end{thebibliography} \end{document}")
    texts = [
        re.sub(r"\\url\{(.*?)\}", r"\1", item.split("} ", 1)[1])
        .replace("{\\o}", "ø")
        .replace("'", "’")
        for item in items
    ]
    at = blocks.index((BlockKind.HEADING, "References"))
    assert blocks[at + 1 :] == [
        (BlockKind.PARAGRAPH, f"[{n}] {text}") for n, text in enumerate(texts, 1)
    ]


def _ref(text: str, x0: float, baseline: float) -> Line:
    return Line(text, x0, x0 + 150 if len(text) > 30 else x0 + 60, baseline, 9, 0)


def test_a_notes_section_goes_on_at_the_top_of_the_next_column() -> None:
    heading = Line("Notes", 50, 90, 300, 12, 0, bold=True)
    left = [
        _ref("1. Harbour log for the winter of", 50, 280),
        _ref("2025, by month", 50, 270),
        _ref("2. Board accounts for 2025, with", 50, 260),
    ]
    right = [
        _ref("the dues of each berth by month", 260, 300),
        _ref("3. Ibid.", 260, 290),
        _ref("4. Minutes of the board, item 4", 260, 280),
    ]
    (piece,) = notes_by_page([[heading, *left, *right]], 10)[0]
    assert piece == ([heading], [left[:2], [left[2], right[0]], right[1:2], right[2:]])
    # A note that ended short at the column's foot takes nothing from the next column.
    ended = [*left[:2], _ref("2. Ibid.", 50, 260)]
    pieces = notes_by_page([[heading, *ended, *right]], 10)[0]
    assert pieces[0] == ([heading], [ended[:2], ended[2:]])
    assert next(line for kept, _ in pieces[1:] for line in kept) == right[0]


def test_a_page_of_endnotes_opens_with_the_rest_of_the_last_pages_note() -> None:
    first = [_small("i The survey of 2019.", 200, 700, 0),
             _small("ii Harbour returns for the winter, where", 400, 690, 0)]  # fmt: skip
    rest = [
        _small("each berth is listed by month", 300, 700, 1),
        _small("iii Ibid.", 100, 690, 1),
        _small("iv Minutes of the board.", 200, 680, 1),
    ]
    pages = notes_by_page([first, rest], 10)
    assert [[line.text for line in note] for piece in pages[0] for note in piece[1]] == [
        ["i The survey of 2019."],
        ["ii Harbour returns for the winter, where", "each berth is listed by month"],
    ]
    assert pages[1] == [([], [rest[1:2], rest[2:]])]


def _expected(name: str) -> list[tuple[BlockKind, str]]:
    """A ``*.expected.txt`` source's blocks: "#" lines headings, the rest paragraphs."""
    text = (PDF / name).read_text(encoding="utf-8")
    return [
        (BlockKind.HEADING, " ".join(p.lstrip("#").split()))
        if p.startswith("#")
        else (BlockKind.PARAGRAPH, " ".join(p.split()))
        for p in text.split("\n\n")
    ]


def test_a_note_left_open_takes_nothing_from_a_page_of_small_print_without_marks() -> None:
    # reportlab: the footnote ends with a web address that fills its line, no full stop;
    # page 2 is an annex all in small print with no marks. It failed the whole import.
    blocks = _blocks("annexnote.pdf")
    assert blocks == _expected("annexnote.expected.txt")
    note = next(text for _, text in blocks if text.startswith("1 "))
    assert note.endswith("/annex-tables-for-the-health-sector")
    # Over plain lines: the annex stays text, the note keeps its own lines.
    cited = Line("The harbour master said forty yachts", 50, 400, 700, 10, 0, marks=("1",))
    full = _small("1 Harbour log for August, where each yacht turned away is", 400, 60, 0)
    annex = [_small(f"Harbour staff member {n}, boat yard, met in May", 400, 700 - 10 * n, 1)
             for n in range(3)]  # fmt: skip
    assert notes_by_page([[cited, full], annex], 10) == [[([cited], [[full]])], [(annex, [])]]
    # A page of endnotes opening with the note's rest still takes it.
    endnotes = [
        _small("entered with its name and the night it asked for", 300, 700, 1),
        _small("2 Ibid.", 100, 690, 1),
        _small("3 Minutes of the board.", 200, 680, 1),
    ]
    pages = notes_by_page([[cited, full], endnotes], 10)
    assert pages == [[([cited], [[full, endnotes[0]]])], [([], [endnotes[1:2], endnotes[2:]])]]


def test_a_ragged_note_wrapped_before_a_wide_capitalised_word_reads_whole() -> None:
    # reportlab, Helvetica, ragged right under "Notes": note 3's first line stops 39 pt
    # short of the margin because "MINUSMA" and a space take 42.5 pt; at the next line's
    # average character it would have taken 34.5 pt and the note seemed over.
    blocks = _blocks("notesragged.pdf")
    assert blocks == _expected("notesragged.expected.txt")
    assert any(" note on MINUSMA flights" in text for _, text in blocks)
