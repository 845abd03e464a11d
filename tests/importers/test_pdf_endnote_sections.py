"""Endnotes as reports set them: numbered in capital Roman figures, on a page of their own.

LibreOffice fixtures (tests/data/importers/pdf/README.md), compared with the
notes' text in their .fodt sources.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdflayout import Line
from briefer.importers.pdfnotes import note_pieces

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
