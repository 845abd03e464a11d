"""Boxes that body text flows around (frames, pull quotes, wrapped figures) read apart.

Each fixture is a real producer's PDF with its source beside it; the expected
text marks the box's paragraphs with "> ". The body paragraphs must read whole,
and the box's text as paragraphs of its own where the source puts it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefer.core.model import BlockKind
from briefer.importers.base import Deadline, ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdfboxes import set_apart
from briefer.importers.pdffurniture import remove_furniture
from briefer.importers.pdfread import read_document

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"
WORD = re.compile(r"\w+")


def _expected(name: str) -> list[tuple[bool, str]]:
    """The source's paragraphs in reading order: (in a box, text)."""
    out = []
    for block in (PDF / name).read_text(encoding="utf-8").split("\n\n"):
        box = block.startswith("> ")
        out.append((box, " ".join(block.lstrip("#> ").split())))
    return out


def _imported(name: str) -> list[str]:
    article = PdfImporter().extract((PDF / name).read_bytes(), name, ImportLimits())
    return [" ".join(article.block_text(b).split()) for b in article.blocks]


@pytest.mark.parametrize(
    "name",
    [
        # LibreOffice 7.4 frames: wrap parallel (bordered, right, from the middle of a
        # paragraph), wrap right (borderless, left, at a paragraph's start), wrap left
        # (anchored to the page), wrap parallel (bordered, left).
        "frames",
        # The same, the first frame centred with text on both sides of it (each line cut
        # in two, justified wide), the page-anchored one in the body's own style.
        "frames-centred",
        # A4, a bordered shaded frame (wrap parallel, right) from a paragraph's first line
        # to just above its first full line, its text a size larger than the body's.
        "sidebar",
        # A pull quote inside the first column of a two-column LibreOffice page.
        "pullquote",
        # The same quote anchored to the page across the gutter, both columns short beside it.
        "pullquote-across",
        # Two pull quotes near the foot of a column: one in a paragraph that runs on into
        # column 2, one in a paragraph that runs on to page 2.
        "runon",
        # LaTeX wrapfigure, right and left, each a boxed minipage of text and a caption.
        "wrapfig",
        # Boxed sidebars (wrap parallel, right and left) opening with a bold heading at the
        # size of the box's text.
        "frames-heads",
        # A centred frame (wrap parallel) with words broken at soft hyphens on both sides.
        "frames-hyphens",
        # Frames wrapped "optimal" (dynamic) and "through" (run-through), the last one in the
        # body's own type, its baselines a fifth of a point off the body's.
        "frames-wraps",
    ],
)
def test_text_flowing_round_a_box_reads_whole_and_the_box_apart(name: str) -> None:
    expected = _expected(f"{name}.expected.txt")
    got = _imported(f"{name}.pdf")
    # Every word in the source's order: nothing from the box inside a sentence.
    assert WORD.findall(" ".join(got)) == WORD.findall(" ".join(t for _, t in expected))
    # The body's paragraphs each read whole ...
    body = [text for box, text in expected if not box]
    assert [text for text in got if text in body] == body
    # ... and the box's text stands in paragraphs of its own, never mixed with the body's.
    boxes = " ".join(text for box, text in expected if box)
    assert all(text in body or text in boxes for text in got)


def test_a_box_at_a_paragraphs_start_reads_before_it_and_one_further_down_after_it() -> None:
    got = _imported("frames.pdf")
    opens = next(i for i, text in enumerate(got) if text.startswith("Pilotage is compulsory"))
    assert got[opens - 1].endswith("books them by telephone.")
    interrupted = next(i for i, text in enumerate(got) if text.startswith("Regional ports"))
    assert got[interrupted + 1].startswith("In brief")


@pytest.mark.parametrize(
    "name",
    [
        "table.pdf",  # a bordered table of figures
        "cv.pdf",  # dates in a narrow column beside wrapped entries
        "form.pdf",  # labels, then a tab and a line that wraps back to the margin
        "wrapped.pdf",  # a first cell wrapped beside figures on its first line
        "terms.pdf",  # terms set level with the middle of wrapped definitions
        "lettered.pdf",  # list labels a tab before short items
        "listing.pdf",  # an indented code line; margin notes beside a paragraph
        "twocolnotes.pdf",  # two columns over a note, a paragraph broken between them
        "sectioncols.pdf",  # a paragraph over two columns
        "paper.pdf",  # a LaTeX paper: an abstract over two columns, a sideways stamp
        "floats.pdf",  # LaTeX floats in two columns
        "longtable.pdf",  # a table over pages, its heading row repeated
        "webtable.pdf",  # a browser's table, figures flush right
        "columns.pdf",  # a six-column table of figures
        "grid.pdf",  # three columns, then two
        "report.pdf",  # two narrow columns, words hyphenated
    ],
)
def test_table_columns_margin_notes_and_page_columns_are_no_boxes(name: str) -> None:
    document = read_document((PDF / name).read_bytes(), name, ImportLimits(), Deadline(60, name))
    for page in remove_furniture(document.pages):
        ordered = sorted(page, key=lambda line: (-round(line.baseline, 1), line.x0))
        body, boxes = set_apart(ordered)
        assert boxes == []
        assert body == ordered


def test_two_boxes_in_a_row_read_as_two_paragraphs() -> None:
    got = _imported("runon.pdf")
    assert "“Almost a metre of water lost.”" in got
    assert "“The ferry sails twice as often.”" in got


def test_a_pull_quote_in_large_print_is_a_paragraph_not_a_heading() -> None:
    article = PdfImporter().extract((PDF / "pullquote.pdf").read_bytes(), "q.pdf", ImportLimits())
    kinds = {article.block_text(b): b.kind for b in article.blocks}
    assert kinds["“No ship waited more than an hour.”"] is BlockKind.PARAGRAPH
    assert kinds["Winter pilots"] is BlockKind.HEADING


def test_a_boxs_bold_heading_is_a_paragraph_of_its_own() -> None:
    got = _imported("frames-heads.pdf")
    for heading, text in [
        ("Key points", "The ministry said the walls"),
        ("What changes", "Each pumping station gets"),
    ]:
        at = got.index(heading)
        assert got[at + 1].startswith(text)
    article = PdfImporter().extract(
        (PDF / "frames-heads.pdf").read_bytes(), "h.pdf", ImportLimits()
    )
    kinds = {article.block_text(b): b.kind for b in article.blocks}
    # Not a heading of the page: the body after the box is not under it.
    assert kinds["Key points"] is BlockKind.PARAGRAPH
    assert kinds["Pumping stations"] is BlockKind.HEADING


def test_a_word_broken_at_a_centred_frame_reads_whole() -> None:
    text = " ".join(_imported("frames-hyphens.pdf"))
    # "pro-" and "har-" end the line's part before the frame, "gramme" and "bours" start
    # the part past it; "sav-" / "ings" break at the line's end.
    for word in ("programme", "harbours", "savings", "engineers", "consequences"):
        assert re.search(rf"\b{word}\b", text), word
    assert not re.search(r"\w[-\xad] \w", text)


@pytest.mark.parametrize(
    ("paragraph", "box", "after"),
    [
        ("The lighthouse service", "Nine of the forty lights", "The service will answer"),
        ("The keepers who remain", "Three harbours still house", "The keepers' union"),
        ("New lamps use", "A new lamp lasts", "The board agreed"),
        ("The buoys that mark", "Each harbour lays and lifts", "The harbour masters"),
    ],
)
def test_optimal_and_through_wrapped_frames_follow_their_paragraph(
    paragraph: str, box: str, after: str
) -> None:
    got = _imported("frames-wraps.pdf")
    at = next(i for i, text in enumerate(got) if text.startswith(paragraph))
    assert got[at + 1].startswith(box)
    assert got[at + 2].startswith(after)
