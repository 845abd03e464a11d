"""PDFs from the producers analysts' files come from, beyond the ones the order and
furniture tests use: a browser's "Save as PDF" and LuaLaTeX."""

from __future__ import annotations

from pathlib import Path

from briefer.core.model import BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter
from tests.importers.test_pdf_order import order_score

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def test_a_browser_printed_page_reads_as_written_without_the_browsers_furniture() -> None:
    expected = (PDF / "browser.expected.txt").read_text(encoding="utf-8")
    article = PdfImporter().extract(
        (PDF / "browser.pdf").read_bytes(), "browser.pdf", ImportLimits()
    )
    text = article.text
    # The browser's running header (date, time, title) and footer (address, "n/3") are gone.
    assert "file://" not in text and "harbour-strike.html" not in text
    assert not any(f"{n}/3" in text for n in (1, 2, 3))
    assert " PM" not in text and " AM" not in text
    assert article.title == "Harbour strike spreads to northern ports"
    reference = "\n\n".join(line.lstrip("# ") for line in expected.split("\n\n"))
    assert order_score(text, reference) >= 0.97
    paragraphs = [b for b in article.blocks if b.kind is BlockKind.PARAGRAPH]
    starts = [text[b.start : b.end] for b in paragraphs]
    numbered = [s for s in starts if s.startswith("Paragraph ")]
    assert [s.split(":")[0] for s in numbered] == [f"Paragraph {n}" for n in range(1, 23)]
    headings = [text[b.start : b.end] for b in article.blocks if b.kind is BlockKind.HEADING]
    assert [h for h in headings if h.startswith("Section")] == [
        "Section 1 of the story",
        "Section 2 of the story",
    ]


def test_a_lualatex_document_reads_word_for_word_with_its_ligatures_spelled_out() -> None:
    """LuaLaTeX (make_luatex.py): CID fonts, OpenType ligatures, no space characters."""
    expected = (PDF / "luatex.expected.txt").read_text(encoding="utf-8")
    article = PdfImporter().extract((PDF / "luatex.pdf").read_bytes(), "luatex.pdf", ImportLimits())
    text = article.text
    paragraphs = [b for b in expected.split("\n\n") if not b.startswith("#")]
    for paragraph in paragraphs:
        assert " ".join(paragraph.split()) in text  # word for word: official, affluent, first
    headings = [text[b.start : b.end] for b in article.blocks if b.kind is BlockKind.HEADING]
    assert {"Summary", "Findings", "Recommendations"} <= set(headings)
    assert article.title == "Efficient ferry schedules for the Ostfjord islands"
    assert "\ufb01" not in text and "\ufb03" not in text  # no ligature characters left


def test_a_printed_web_pages_short_paragraphs_stay_apart() -> None:
    """browser-site.pdf: a web page sets its paragraphs a blank line apart, and most are one
    or two lines long, so the commonest gap between lines is the one between paragraphs;
    the dateline under the headline was read into the first paragraph."""
    article = PdfImporter().extract(
        (PDF / "browser-site.pdf").read_bytes(), "browser-site.pdf", ImportLimits()
    )
    blocks = [(b.kind, article.text[b.start : b.end]) for b in article.blocks]
    assert blocks[0] == (BlockKind.HEADING, "Ferry fares rise as fuel costs bite")
    after = [text for kind, text in blocks[1:] if kind is BlockKind.PARAGRAPH]
    assert after[:2] == ["4 December 2025", "By Mara Quist, transport correspondent"]
    assert after[2].startswith("Ferry operators on the northern routes")
    assert after[2].endswith("five months running.")
    assert after[3].startswith("The islands' council said") and len(after) == 4


def test_a_printed_web_page_loses_what_its_web_page_would() -> None:
    """browser-site.pdf: the browser's own row and the site's menu above the headline, a
    share line, a feed footer: the page around the article, as the HTML importer drops it."""
    article = PdfImporter().extract(
        (PDF / "browser-site.pdf").read_bytes(), "browser-site.pdf", ImportLimits()
    )
    for furniture in ("Home · News", "PM", "Share this article", "appeared first on"):
        assert furniture not in article.text
    assert article.text.startswith("Ferry fares rise as fuel costs bite\n\n4 December 2025")
    assert article.text.endswith("the winter subsidy it cut last year.")
