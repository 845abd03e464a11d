"""Layouts from real producers that analysts receive: a manual's index through dvips and
Ghostscript, line-numbered drafts, labelled paragraphs, forms set in borderless tables."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from briefer.core.model import Article, BlockKind
from briefer.importers.base import Deadline, ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdfglyphs import Glyph, tex_ligatures
from briefer.importers.pdflayout import Line
from briefer.importers.pdforder import reading_order
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


def _labelled(source: str) -> list[tuple[str, str]]:
    """The (label, text) pairs of labels.tex, text with its spaces as a PDF gives them."""
    pairs = []
    for chunk in source.split("\\labelled{")[1:]:
        label, rest = chunk.split("}{", 1)
        text = rest.split("}\n", 1)[0].replace("\\texttt{", "").rstrip("}")
        pairs.append((label, " ".join(text.split())))
    return pairs


def test_a_label_before_text_that_wraps_under_it_reads_with_its_text() -> None:
    """labels.pdf: "Description:", a quad, then text wrapping back to the margin (dvipdfm's
    manual). A label whose text stays beside it ("Syntax:") is read before that text, and
    the next label does not fall in behind it."""
    paragraphs = _paragraphs(_import("labels.pdf"))
    pairs = _labelled((PDF / "labels.tex").read_text(encoding="utf-8"))
    wrapped = [(label, text) for label, text in pairs if len(text) > 80]
    assert len(wrapped) == 3
    for label, text in wrapped:
        assert f"{label} {text}" in paragraphs
    short = [text for label, text in pairs if label == "Syntax:"][1]
    at = paragraphs.index(short)
    assert paragraphs[at - 1] == "Syntax:"
    assert paragraphs[at + 1].startswith("Description: The beginann command")


def test_a_memo_and_a_borderless_table_read_row_by_row() -> None:
    """form.pdf (LibreOffice): "Subject:", a tab, a ragged line longer than those above;
    a label and value a tenth of a point apart in height; two rows of a borderless
    table set far apart, then a paragraph spanning both columns."""
    paragraphs = _paragraphs(_import("form.pdf"))
    text = "\n".join(paragraphs)
    source = (PDF / "form.fodt").read_text(encoding="utf-8")
    subject = source.split("Subject:<text:tab/>")[1].split("</text:p>")[0]
    assert paragraphs[paragraphs.index("Subject:") + 1] == subject

    def at(words: str) -> int:
        assert words in text
        return text.index(words)

    assert at("Prepared by") < at("Trade analysis unit") < at("Candidates")
    assert at("Shipping liaison officer") < at("January 2021") < at("Customs adviser")
    assert at("Customs adviser") < at("June 2018") < at("The director will choose")
    assert not any("March 2023" in p and "Customs adviser" in p for p in paragraphs)


def test_a_ragged_line_in_two_pieces_longer_than_the_lines_above_stays_in_place() -> None:
    """A line split at a wide gap whose second piece reaches past the paragraph's lines
    above (set ragged right) is still a line of that paragraph, not a block read after it."""
    above = [
        Line(f"line {i} of a paragraph set ragged", 50, 300, 700 - 12 * i, 10, 0) for i in range(3)
    ]
    head = Line("a tab, then", 50, 120, 664, 10, 0)
    tail = Line("a line longer than the lines above it", 150, 340, 664, 10, 0)
    below = [Line(f"line {i} below it", 50, 280, 652 - 12 * i, 10, 0) for i in range(3)]
    got = [line.text for line in reading_order([*above, head, tail, *below])]
    assert got == [line.text for line in (*above, head, tail, *below)]


def test_a_letters_sender_top_right_reads_before_the_address_lower_left() -> None:
    """letter.pdf (pdfTeX, KOMA-Script scrlttr2): the sender's block top right, the
    recipient's address lower left, white space between; no column runs on below."""
    paragraphs = _paragraphs(_import("letter.pdf"))
    text = "\n".join(paragraphs)
    assert paragraphs[0].startswith("Harbour Users Association 14 Quay Street")
    assert text.index("secretary@harbour-users.invalid") < text.index("The Harbour Master")
    assert text.index("The Harbour Master") < text.index("Dear Harbour Master,")


def test_a_cv_set_in_a_borderless_table_reads_each_date_with_its_entry() -> None:
    """cv.pdf (LibreOffice): dates in a narrow first column, entries wrapped beside them,
    rows touching, cells top-aligned; section names in the first column too."""
    article = _import("cv.pdf")
    paragraphs = _paragraphs(article)
    source = (PDF / "cv.fodt").read_text(encoding="utf-8")
    sections = re.findall(r'text:style-name="Section">([^<]+)</text:p>', source)
    headings = [
        article.text[b.start : b.end] for b in article.blocks if b.kind is BlockKind.HEADING
    ]
    # Bold section names right under the bold title are headings too.
    assert headings == ["Curriculum vitae", *sections]
    cells = re.findall(r'text:style-name="Standard">([^<]+)</text:p>', source)
    pairs = list(zip(cells[::2], cells[1::2], strict=True))
    assert len(pairs) == 4
    for date, entry in pairs:
        # Each its own paragraph, though two entries end without a full stop.
        assert any(p.endswith(f"{date} {entry}") for p in paragraphs), date
        assert sum(date in p for p in paragraphs) == 1
        assert not any(p.startswith(entry) for p in paragraphs)
    assert not any(pairs[0][1] in p and pairs[1][0] in p for p in paragraphs)


def test_a_table_of_terms_centred_beside_wrapped_definitions_reads_row_by_row() -> None:
    """terms.pdf (pdfTeX, array's m{} columns): each term is set level with the middle
    line of its definition, the rows touching; no rules."""
    paragraphs = _paragraphs(_import("terms.pdf"))
    source = (PDF / "terms.tex").read_text(encoding="utf-8")
    table = source.split("@{}}")[1].split("\\end{tabular}")[0]
    rows = [row.split(" & ") for row in re.split(r"\\\\(?:\[[^]]*\])?", table) if "&" in row]
    assert len(rows) == 4
    for term, definition in rows:
        wanted = f"{term.strip()} {' '.join(definition.split())}".replace("'", "’")
        assert wanted in paragraphs


def test_numbered_headings_at_the_top_of_every_page_are_no_running_head() -> None:
    """chapters.pdf (LibreOffice): "Part 1", "Part 2", "Part 3" each open a page, set
    large in the top band under a small running head; only the figure changes."""
    article = _import("chapters.pdf")
    source = (PDF / "chapters.fodt").read_text(encoding="utf-8")
    parts = re.findall(r'<text:p text:style-name="(?:First|Part)">([^<]+)<', source)
    head = re.search(r'<text:p text:style-name="Head">([^<]+)<', source)
    assert len(parts) == 3 and head is not None
    headings = [
        article.text[b.start : b.end] for b in article.blocks if b.kind is BlockKind.HEADING
    ]
    assert headings == parts
    assert head.group(1) not in article.text


def test_a_one_page_browser_print_starts_at_its_headline() -> None:
    """onepage.pdf (Chromium "Save as PDF" with its header and footer): the date left and
    the page's title centred in small print above a site menu down the left. The
    browser's row and the site's menu are the page around the article, not its text."""
    article = _import("onepage.pdf")
    source = (PDF / "onepage.html").read_text(encoding="utf-8")
    title = source.split("<title>")[1].split("</title>")[0]
    headline = source.split("<h1>")[1].split("</h1>")[0]
    assert article.text.startswith(headline + "\n\nAnna Lind")
    assert title not in article.text and "Home" not in article.text
    assert "Politics" not in article.text  # the menu down the left
    assert "onepage.html" not in article.text  # the footer's address, beside "1/1"
    assert (article.title, article.publisher) == (headline, "Lakeside Courier")
    assert article.published == dt.date(2026, 10, 12)  # the by-line's date, not the print's


def test_tex_ligatures_in_bitmap_fonts_are_spelled_out() -> None:
    """bitmap.pdf (latex, dvips with bitmap fonts, ps2pdf): Type 3 fonts without a text
    encoding, so PDFium reads ff, fi, fl, ffi, ffl as the raw codes 11-15."""
    article = _import("bitmap.pdf")
    source = (PDF / "bitmap.tex").read_text(encoding="utf-8")
    body = source.split("\\section*{Official figures}")[1].split("\\end{document}")[0]
    assert article.text == "Official figures\n\n" + " ".join(body.split())


def test_a_ligature_code_touching_no_letter_is_junk() -> None:
    """Code 11 beside letters is "ff"; alone (a math symbol in an old font) it is dropped."""
    word = [Glyph(c, 10.0 * i, 10.0 * i + 9, 0, 10, 0, 10, i) for i, c in enumerate("o\x0ber")]
    lone = [Glyph("\x0b", 100, 109, 0, 10, 0, 10, 9, space=True)]
    glyphs, junk = tex_ligatures([*word, *lone])
    assert "".join(g.char for g in glyphs) == "offer"
    assert junk == 1 and not any(g.space for g in glyphs)
