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
