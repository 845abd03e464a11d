"""Text copied out of a PDF viewer and pasted: one paragraph per paragraph, not per line.

A viewer copies a PDF's lines as they were set, each ending in a line break. The
fixtures are real copies (poppler, as Evince and Okular copy; PDFium, as Chromium's
viewer does) of PDFs from real producers (Chromium's print to PDF, LibreOffice,
pdfTeX); the paragraphs Briefer reads from the PDF itself are the reference.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.model import BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.paste import paste_to_article
from briefer.importers.registry import import_bytes
from briefer.importers.text_paragraphs import split_paragraphs

DATA = Path(__file__).parent.parent / "data" / "importers"
COPIES = DATA / "text" / "pdfcopy"


def pdf_paragraphs(name: str) -> list[str]:
    """The body paragraphs of at least a line and a half Briefer reads from the PDF."""
    data = (DATA / "pdf" / name).read_bytes()
    article = import_bytes(data, name, limits=ImportLimits()).article
    texts = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.PARAGRAPH]
    return [" ".join(text.split()) for text in texts if len(text) > 120]


@pytest.mark.parametrize(
    "copy",
    [
        "cookiebar.poppler.txt",
        "cookiebar.pdfium.txt",
        "chapters.poppler.txt",
        "chapters.pdfium.txt",
        "footnotes-latex.poppler.txt",
    ],
)
def test_a_pasted_pdf_copy_keeps_each_paragraph_whole(copy: str) -> None:
    text = (COPIES / copy).read_text(encoding="utf-8")
    article, from_html = paste_to_article(text=text, limits=ImportLimits())
    assert not from_html
    pasted = {" ".join(article.block_text(b).split()) for b in article.blocks}
    expected = pdf_paragraphs(copy.split(".")[0] + ".pdf")
    assert expected, "the PDF has paragraphs to compare with"
    missing = [p[:60] for p in expected if p not in pasted]
    assert missing == []


def test_a_heading_between_wrapped_paragraphs_stays_a_line_of_its_own() -> None:
    text = (
        "The council will now seek an operator for a two-year trial of a passenger service\n"
        "with four crossings a day, the first of them before the summer timetable starts.\n"
        "Funding\n"
        "The main obstacle is cost: the trial is expected to need a subsidy of about two\n"
        "million over two years, and the council has asked the regional fund for half.\n"
    )
    assert split_paragraphs(text) == [
        "The council will now seek an operator for a two-year trial of a passenger service"
        " with four crossings a day, the first of them before the summer timetable starts.",
        "Funding",
        "The main obstacle is cost: the trial is expected to need a subsidy of about two"
        " million over two years, and the council has asked the regional fund for half.",
    ]


def test_wide_lines_one_headline_each_are_not_joined() -> None:
    headlines = [
        "Harbour authority approves the dredging of the outer channel after two winters of silt",
        "Ferry operator names the three islands where a daily crossing starts in the spring",
        "Grain exporters warn that the new berth fees will reach importers within a few weeks",
        "Ministers meet in Lisvik to discuss the northern rail link and the future of the port",
        "Water board backs higher dam for the northern reservoir despite objections upstream",
    ]
    assert split_paragraphs("\n".join(headlines)) == headlines


def test_a_word_hyphenated_at_a_line_end_is_made_whole_where_the_text_knows_it() -> None:
    text = (
        "Residents of the valley backed the plan in a consultation that closed in March,\n"
        "and the board said it would publish the full report before the second consulta-\n"
        "tion opens in the autumn, together with the results of a two-\n"
        "year trial of the pilot-sharing scheme that all of the harbour masters agreed to.\n"
    )
    (paragraph,) = split_paragraphs(text)
    assert "before the second consultation opens" in paragraph
    assert "a two-year trial" in paragraph


def test_a_paragraph_cut_by_a_page_break_and_its_number_is_whole_again() -> None:
    text = (
        "Opponents argued that the money would be better spent on more frequent buses, which\n"
        "reach more villages, and that the ferry would serve mainly visitors in the summer\n"
        "season, when the roads are busiest and the buses are full of visitors and their\n"
        "\n"
        "12\n"
        "\n"
        "luggage. The council will decide in the spring.\n"
        "Supporters say the ferry would help commuters, students and hospital patients who\n"
        "currently depend on an infrequent bus service that stops running in the evening.\n"
    )
    assert split_paragraphs(text) == [
        "Opponents argued that the money would be better spent on more frequent buses, which"
        " reach more villages, and that the ferry would serve mainly visitors in the summer"
        " season, when the roads are busiest and the buses are full of visitors and their"
        " luggage. The council will decide in the spring.",
        "Supporters say the ferry would help commuters, students and hospital patients who"
        " currently depend on an infrequent bus service that stops running in the evening.",
    ]


def test_paragraphs_of_a_wrapped_text_file_are_not_joined_across_a_heading_or_a_number() -> None:
    text = (
        "The board agreed to let thirty moorings and to review the list in March, when the\n"
        "surveyors report on the silt at the western pontoons of the inner basin.iii\n"
        "\n"
        "iiiOwners on the list were told by letter, and the harbour master rang each of\n"
        "them in the week before the moorings were let to confirm the berth numbers.\n"
        "\n"
        "The budget for the year was agreed with one change to the dredging line, which\n"
        "rises by a tenth to cover the extra work at the fuel quay, and the total is\n"
        "\n"
        "2026\n"
        "\n"
        "Figures for the quarter follow in the annex prepared by the clerk to the board.\n"
    )
    paragraphs = split_paragraphs(text)
    assert len(paragraphs) == 5
    assert paragraphs[1].startswith("iiiOwners")
    assert paragraphs[3] == "2026"
