"""Layouts from real producers that analysts receive: a manual's index through dvips and
Ghostscript, line-numbered drafts, labelled paragraphs, forms set in borderless tables."""

from __future__ import annotations

from pathlib import Path

from briefer.core.model import Article, BlockKind
from briefer.importers.base import Deadline, ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdfread import read_document

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


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
