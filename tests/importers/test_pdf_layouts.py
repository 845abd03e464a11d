"""Layouts from real producers that analysts receive: a manual's index through dvips and
Ghostscript, line-numbered drafts, labelled paragraphs, forms set in borderless tables."""

from __future__ import annotations

from pathlib import Path

from briefer.core.model import Article, BlockKind
from briefer.importers.base import Deadline, ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdfread import read_document

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"
SECTION = "\\section{"


def _import(name: str) -> Article:
    return PdfImporter().extract((PDF / name).read_bytes(), name, ImportLimits())


def _paragraphs(article: Article) -> list[str]:
    return [article.text[b.start : b.end] for b in article.blocks]


def test_dot_leaders_in_a_font_of_their_own_keep_the_entry_at_its_size() -> None:
    """leaders.pdf: the dots' subset font has the dot's own box; the size comes from letters."""
    document = read_document(
        (PDF / "leaders.pdf").read_bytes(), "leaders.pdf", ImportLimits(), Deadline(30, "x")
    )
    entries = [line for line in document.pages[0].lines if "…" in line.text]
    assert len(entries) == 5
    assert all(9.5 <= line.size <= 10.5 for line in entries)
    paragraphs = _paragraphs(_import("leaders.pdf"))
    assert "Colour specials … 52" in paragraphs
    assert "Absolute filenames, disabling … 13" in paragraphs


def test_margin_line_numbers_in_a_smaller_font_are_left_out() -> None:
    """lineno.pdf: pdfTeX with lineno, tiny figures 10 pt left of the text (about an em).

    The gap alone is no wider than a column gutter; the size change tells the
    number from the line, and the column of numbers is then removed as furniture.
    """
    article = _import("lineno.pdf")
    source = (PDF / "lineno.tex").read_text(encoding="utf-8")
    body = source.split("\\begin{document}")[1].split("\\end{document}")[0]
    expected: list[str] = []
    for chunk in body.strip().split("\n\n"):
        lines = chunk.strip().splitlines()
        if lines[0].startswith(SECTION):
            number = sum(1 for p in expected if p[0].isdigit()) + 1
            expected.append(f"{number} {lines.pop(0).removeprefix(SECTION).rstrip('}')}")
        expected.append(" ".join(" ".join(lines).split()))
    assert _paragraphs(article) == expected
    headings = [b for b in article.blocks if b.kind is BlockKind.HEADING]
    assert len(headings) == 2
