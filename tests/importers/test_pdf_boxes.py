"""Boxes that body text flows around (frames, pull quotes, wrapped figures) read apart.

Each fixture is a real producer's PDF with its source beside it; the expected
text marks the box's paragraphs with "> ". The body paragraphs must read whole,
and the box's text as paragraphs of its own where the source puts it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter

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
        # A pull quote inside the first column of a two-column LibreOffice page.
        "pullquote",
        # LaTeX wrapfigure, right and left, each a boxed minipage of text and a caption.
        "wrapfig",
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
