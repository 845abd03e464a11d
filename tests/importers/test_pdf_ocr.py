"""Scanned pages made searchable: the OCR layer's sizes are estimates, read as levels.

ocr-article.pdf is article.pdf scanned at 200 dpi and read back by Tesseract 5
(tests/data/importers/pdf/make_ocr.py): the picture, and the recognised text drawn
invisibly over it, each line in the size its scanned height suggested.
"""

from __future__ import annotations

from pathlib import Path

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ArticleBuilder, Deadline, ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdflayout import Line, Page, build_blocks
from briefer.importers.pdfocr import snap_scanned_sizes
from briefer.importers.pdfread import read_document

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _import(name: str) -> Article:
    return PdfImporter().extract((PDF / name).read_bytes(), name, ImportLimits())


def _expected(name: str) -> tuple[str, list[str]]:
    parts = (PDF / name).read_text(encoding="utf-8").strip().split("\n\n")
    return parts[0].removeprefix("# "), [" ".join(p.split()) for p in parts[1:]]


def test_a_scanned_articles_title_is_whole_and_its_paragraphs_do_not_break_at_short_lines() -> None:
    # Tesseract set the title's lines at 19 and 18 points and "autumn." alone at 9: the
    # title was "Lisvik", under a heading of its other line, and a paragraph fell in two.
    article = _import("ocr-article.pdf")
    title, paragraphs = _expected("article.expected.txt")

    assert article.title == title
    headings = [
        (article.block_text(b), b.level) for b in article.blocks if b.kind is BlockKind.HEADING
    ]
    assert headings == [(title, 1)]
    assert [article.block_text(b) for b in article.blocks if b.kind is BlockKind.PARAGRAPH] == (
        paragraphs
    )


def test_the_scan_reads_as_the_printed_pdf_does() -> None:
    scanned, printed = _import("ocr-article.pdf"), _import("article.pdf")
    assert scanned.title == printed.title
    assert [(b.kind, b.level, scanned.block_text(b)) for b in scanned.blocks] == [
        (b.kind, b.level, printed.block_text(b)) for b in printed.blocks
    ]


def _line(text: str, baseline: float, size: float, scanned: bool) -> Line:
    return Line(text, 50, 500, baseline, size, 0, scanned=scanned)


SIZES = [19, 18, 10, 10, 11, 9, 10, 14, 13, 10, 10, 12.5, 7, 6.5]


def _page(scanned: bool) -> Page:
    lines = tuple(
        _line(
            f"line {i} of the page, long enough to weigh as body text", 780 - 14 * i, size, scanned
        )
        for i, size in enumerate(SIZES)
    )
    return Page(lines, 595, 842)


def test_an_ocr_layers_heading_sizes_snap_to_their_levels_and_the_rest_stay() -> None:
    (page,) = snap_scanned_sizes([_page(scanned=True)])
    # Above the body (10 x 1.12): within 6% or a point of a level's largest is that level,
    # 19 and 18 the title, 14 and 13 the next, 12.5 (1.5 below 14) one more. Body and
    # notes keep their sizes: a heading a point above the body comes out at the body's
    # size, and only a size change keeps it apart (pdflayout lets paragraphs run on
    # across such OCR noise).
    want = [19, 19, 10, 10, 11, 9, 10, 14, 14, 10, 10, 12.5, 7, 6.5]
    assert [line.size for line in page.lines] == want


def test_lines_of_a_real_text_layer_keep_their_sizes() -> None:
    printed, scanned = _page(scanned=False), _page(scanned=True)
    kept, snapped = snap_scanned_sizes([printed, scanned])
    assert kept == printed
    assert [line.size for line in snapped.lines] != SIZES


def test_only_text_drawn_invisibly_over_a_scan_is_taken_for_an_ocr_layer() -> None:
    def scanned(name: str) -> list[list[bool]]:
        data = (PDF / name).read_bytes()
        document = read_document(data, name, ImportLimits(), Deadline(60))
        return [sorted({line.scanned for line in page.lines}) for page in document.pages]

    assert scanned("ocr-article.pdf") == [[True]]
    assert scanned("article.pdf") == [[False]]
    assert scanned("part-scanned.pdf") == [[False], [], [False]]  # a picture, no text on it


def _scanned_blocks(lines: list[Line]) -> list[tuple[BlockKind, str]]:
    builder = ArticleBuilder()
    build_blocks([snap_scanned_sizes([Page(tuple(lines), 595, 842)])[0].lines], builder)
    text = builder.text()
    return [(b.kind, text[b.start : b.end]) for b in builder.blocks]


def _at(text: str, baseline: float, size: float, right: float = 500) -> Line:
    return Line(text, 50, right, baseline, size, 0, scanned=True)


def test_a_short_line_a_point_off_runs_on_a_sentence_but_a_heading_after_one_stays_apart() -> None:
    # Tesseract sized "autumn." at 9 among 10s: the sentence runs on. A sub-heading read a
    # point above the body, right under a paragraph's last full line, is a heading's line.
    lines = [
        _at("The trial is expected to need a subsidy of about 1.8 million over two", 700, 10),
        _at("years, and a decision on the fund's share is expected in the", 686, 10),
        _at("autumn.", 672, 9, right=90),
        _at("Opponents argued that the money would be better spent on buses and", 658, 10),
        _at("that the crossing would never pay for its crew and its ferry.", 644, 10),
        _at("Ferry tariffs", 630, 11, right=140),
        _at("Fares have not risen with costs since the vessels entered service in", 616, 10),
        _at("the spring, the operator said.", 602, 10, right=260),
    ]
    texts = [text for _kind, text in _scanned_blocks(lines)]
    assert texts[0].endswith("is expected in the autumn.")
    assert "Ferry tariffs" in texts
    assert not any(t.endswith("ferry. Ferry tariffs") for t in texts)


def test_a_section_heading_a_point_below_the_title_is_a_level_of_its_own() -> None:
    # A 16-point title read at 14, its 12.5-point section headings at 13: one point apart,
    # but the title's level is told by share alone, or "Staff" joined the title.
    lines = [_at("Harbour board minutes", 780, 14, right=300)]
    body = "The board met on Tuesday and agreed the dredging plan for the winter season."
    for n, heading in enumerate(["Dredging", "Ferry tariffs", "Lights", "Staff"]):
        lines += [_at(heading, 740 - 60 * n, 13, right=160), _at(body, 720 - 60 * n, 10)]
    blocks = _scanned_blocks(lines)
    headings = [text for kind, text in blocks if kind is BlockKind.HEADING]
    assert headings == ["Harbour board minutes", "Dredging", "Ferry tariffs", "Lights", "Staff"]
    (page,) = snap_scanned_sizes([Page(tuple(lines), 595, 842)])
    assert page.lines[0].size == 14 and {line.size for line in page.lines[1::2]} == {13}
