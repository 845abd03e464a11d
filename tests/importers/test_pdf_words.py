"""Words and lines from glyph boxes: effective sizes, gaps and baselines, not the font size."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdfglyphs import Glyph, clean_char
from briefer.importers.pdfwords import runs

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _glyphs(text: str, x: float = 50, y: float = 700, size: float = 10, tracking: float = 0.0,
            space: float = 2.8) -> list[Glyph]:  # fmt: skip
    """Glyphs 0.55 em wide with ``tracking`` between letters; spaces are gaps, not glyphs."""
    out = []
    for index, char in enumerate(text):
        if char == " ":
            x += space
            continue
        width = 0.55 * size
        out.append(Glyph(char, x, x + width, y - 0.22 * size, y + 0.95 * size, y, size, index))
        x += width + tracking
    return out


def test_digits_and_letters_of_a_word_stay_together_at_any_scale() -> None:
    for size in (1.0, 10.0, 30.0):
        line = runs(_glyphs("January 13, 2009", size=size, space=0.28 * size), 0)
        assert [run.text for run in line] == ["January 13, 2009"]
        assert line[0].size == size


def test_letter_spaced_title_is_read_as_words() -> None:
    # Letters 3 pt apart (character spacing), words 3 + 2.8 pt apart.
    line = runs(_glyphs("COMITE DE COORDINATION", tracking=3.0, space=5.8), 0)
    assert [run.text for run in line] == ["COMITE DE COORDINATION"]


def test_a_wide_gap_or_a_new_baseline_starts_a_new_run() -> None:
    left = _glyphs("left column", x=50)
    right = _glyphs("right column", x=left[-1].x1 + 18)
    below = _glyphs("next line", x=50, y=686)
    assert [run.text for run in runs(left + right + below, 0)] == [
        "left column",
        "right column",
        "next line",
    ]


def test_a_superscript_stays_on_its_line() -> None:
    body = _glyphs("trade")
    mark = Glyph("1", body[-1].x1, body[-1].x1 + 3, 703, 710, 704, 6, 99)
    after = _glyphs("grew", x=mark.x1 + 2.8)
    assert [run.text for run in runs([*body, mark, *after], 0)] == ["trade1 grew"]


def test_drawn_spaces_always_separate_words() -> None:
    glyphs = _glyphs("ab", size=10)
    space = Glyph(" ", glyphs[-1].x1, glyphs[-1].x1, 697.8, 709.5, 700, 10, 5, space=True)
    tail = _glyphs("cd", x=glyphs[-1].x1)
    assert [run.text for run in runs([*glyphs, space, *tail], 0)] == ["ab cd"]


@pytest.mark.parametrize(
    ("code", "text", "junk"),
    [(ord("a"), "a", False), (0xAD, "-", False), (0xFB01, "fi", False), (0x01, "", True),
     (0xE012, "", True), (ord("\n"), "", False)],
)  # fmt: skip
def test_clean_char(code: int, text: str, junk: bool) -> None:
    assert clean_char(code) == (text, junk)


@pytest.fixture(scope="module")
def scaled() -> Article:
    data = (PDF / "scaled.pdf").read_bytes()
    return PdfImporter().extract(data, "scaled.pdf", ImportLimits())


def test_font_size_one_scaled_by_the_text_matrix_reads_as_written(scaled: Article) -> None:
    """Each word placed alone at 1 Tf, justified lines: no split words, no break per sentence."""
    expected = (PDF / "scaled.expected.txt").read_text(encoding="utf-8")
    want = [" ".join(p.lstrip("#").split()) for p in expected.split("\n\n")]
    assert [scaled.block_text(b) for b in scaled.blocks] == want


def test_headings_from_effective_size_when_the_font_size_is_one(scaled: Article) -> None:
    headings = [
        (scaled.block_text(b), b.level) for b in scaled.blocks if b.kind is BlockKind.HEADING
    ]
    assert headings == [
        ("COMITÉ DE COORDINATION RÉGIONALE", 1),
        ("Minutes of the third meeting", 2),
        ("Ferry trial", 2),
        ("Next meeting", 2),
    ]


def test_junk_information_gives_way_to_the_page_and_the_printed_date(scaled: Article) -> None:
    # The information says "Microsoft Word - minutes_13jan.doc", "ARRAY(0x...)" and 2011.
    assert scaled.title == "COMITÉ DE COORDINATION RÉGIONALE"
    assert scaled.author == ""
    assert scaled.published == dt.date(2009, 1, 13)


def test_right_to_left_words_stay_one_run_in_logical_order() -> None:
    # Hebrew drawn in logical order, each letter left of the one before.
    glyphs, x = [], 300.0
    for index, char in enumerate("שלום עולם"):
        if char == " ":
            x -= 2.8
            continue
        glyphs.append(Glyph(char, x - 5.5, x, 697.8, 709.5, 700, 10, index))
        x -= 5.5
    assert [run.text for run in runs(glyphs, 0)] == ["שלום עולם"]


def test_a_run_drawn_twice_on_itself_is_read_once() -> None:
    first = _glyphs("Bold heading", x=50)
    again = [g._replace(x0=g.x0 + 0.25, x1=g.x1 + 0.25, at=g.at + 100) for g in first]
    later = _glyphs("Bold heading", x=300)  # the same words elsewhere are kept
    assert [run.text for run in runs([*first, *again, *later], 0)] == ["Bold heading"] * 2
