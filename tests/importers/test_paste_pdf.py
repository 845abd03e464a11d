"""Text copied from a PDF viewer: the page's paragraphs, not its printed lines.

Fixtures are pdftotext copies of the PDF fixtures (see tests/data/importers/paste/README.md);
each paste is compared word by word with the source text the PDF was made from.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefer.core.model import BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.pdfcopy import unwrap_pdf_copy
from briefer.importers.registry import import_paste
from briefer.importers.text import TextImporter

DATA = Path(__file__).parent.parent / "data" / "importers"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def _source(name: str) -> tuple[str, list[str]]:
    """The title and body paragraphs the PDF was made from (marks of headings removed)."""
    text = (DATA / "pdf" / f"{name}.expected.txt").read_text(encoding="utf-8")
    parts = [p.strip() for p in text.split("\n\n") if p.strip()]
    return parts[0].removeprefix("# "), [re.sub(r"^#+ ", "", p) for p in parts[1:]]


def _paste(name: str) -> tuple[str, list[str]]:
    text = (DATA / "paste" / f"{name}.txt").read_text(encoding="utf-8")
    article = import_paste(text=text).article
    return article.title, [article.block_text(b) for b in article.blocks]


@pytest.mark.parametrize(
    ("copy", "source", "ordered"),
    [
        ("article", "article", True),
        ("luatex", "luatex", True),
        # pdftotext (as a viewer) reads the right column's first heading before the left
        # column's: the words are all there, one heading out of place.
        ("report", "report", False),
        ("report-layout", "report", True),
    ],
)
def test_every_word_of_the_page_and_no_line_a_paragraph(
    copy: str, source: str, ordered: bool
) -> None:
    title, paragraphs = _source(source)
    got_title, got = _paste(copy)

    assert got_title == title
    words = _WORD.findall(" ".join(got))
    expected = _WORD.findall(" ".join(paragraphs))
    # Nothing lost, nothing in a different order; the only extra words are the printed
    # issuer line under the title (luatex), which the source keeps in the PDF's metadata.
    issuer = ("Ostfjord", "Transport", "Office")
    words = [w for w in words if w not in issuer]
    expected = [w for w in expected if w not in issuer]
    assert words == expected if ordered else sorted(words) == sorted(expected)
    # Each paragraph of the source reads whole in one block of the paste.
    for paragraph in paragraphs:
        assert any(paragraph in block for block in got), paragraph


def test_running_heads_and_page_numbers_go_and_the_word_across_them_is_whole() -> None:
    _title, got = _paste("report")
    text = "\n".join(got)

    assert "Page 1 of 3" not in text
    assert "Valmora Institute for Trade Research" not in text
    assert "Q1 2026" not in text
    assert "The regional development agency is considering a subsidy" in text


def test_a_viewer_copy_with_hyphens_ligatures_and_a_page_break() -> None:
    copied = (
        "Dredging the inner basin\n"
        "The harbour board expects the ﬁnal survey to show that silt has reduced\n"
        "the depth at the quay by a metre, with serious consequences for the ferry,\n"
        "whose ﬂat hull needs two metres at low tide.\n"
        "The board will ask the ministry for an emergency grant, and the clerk\n"
        "will write to the operators before the next meeting in April, when the\n"
        "Harbour board minutes 2026\n"
        "14\n"
        "tender for the new vessel opens. Dredging the channel will have consequ-\n"
        "ences for the timetable that the ﬁshing ﬂeet cannot ignore this winter.\n"
        "A second survey in the autumn will show whether the work was enough.\n"
        "Harbour board minutes 2026\n"
        "15\n"
    )
    article = import_paste(text=copied).article
    paragraphs = [article.block_text(b) for b in article.blocks]

    assert article.title == "Dredging the inner basin"
    assert paragraphs == [
        "The harbour board expects the final survey to show that silt has reduced the depth"
        " at the quay by a metre, with serious consequences for the ferry, whose flat hull"
        " needs two metres at low tide.",
        "The board will ask the ministry for an emergency grant, and the clerk will write to"
        " the operators before the next meeting in April, when the tender for the new vessel"
        " opens. Dredging the channel will have consequences for the timetable that the"
        " fishing fleet cannot ignore this winter. A second survey in the autumn will show"
        " whether the work was enough.",
    ]
    assert all(b.kind is BlockKind.PARAGRAPH for b in article.blocks)


def test_text_with_one_paragraph_a_line_is_left_as_it_is() -> None:
    pasted = (
        "Ferry tender opens\n"
        "The port authority has opened the tender for the Lisvik ferry.\n"
        "Bids close on 30 April and the winner starts in June.\n"
        "Operators must show a safety record for the last five years.\n"
    )
    article = import_paste(text=pasted).article

    assert article.title == "Ferry tender opens"
    assert [article.block_text(b) for b in article.blocks] == pasted.strip().split("\n")[1:]


def test_a_wrapped_mail_with_an_aligned_table_keeps_its_rows() -> None:
    pasted = (
        "Hi all,\n\n"
        "The harbour office has sent the winter figures for the four routes, which\n"
        "show that the northern crossings lost more passengers than the southern\n"
        "ones during the storms in January and February:\n\n"
        "Harnvik - Lisvik        12 400     -8%\n"
        "Harnvik - Ostby          9 100    -11%\n"
        "Sestra - Kessick         7 250     -2%\n"
        "Sestra - Brask           4 900     -1%\n\n"
        "The board will discuss them on Tuesday.\n"
    )
    article = import_paste(text=pasted).article
    text = article.text

    assert "Harnvik - Lisvik 12 400 -8%" in text
    assert "Sestra - Brask 4 900 -1%" in text
    assert (
        "The harbour office has sent the winter figures for the four routes, which show that"
        " the northern crossings lost more passengers than the southern ones during the"
        " storms in January and February:" in text
    )


@pytest.mark.parametrize(
    ("newline", "hyphen"),
    [
        ("\r\n", "\x02"),  # Acrobat
        ("\r\n", "\ufffe"),  # PDFium (Chrome's viewer)
        ("\n", "\u2010"),  # a producer's own hyphen
        ("\u2028", "\xad"),  # line separators, as InDesign and Pages copy
    ],
)
def test_viewers_line_ends_and_break_marks(newline: str, hyphen: str) -> None:
    lines = [
        "Dredging the inner basin",
        "The harbour board expects the final survey to show that silt has reduced",
        f"the depth at the quay by a metre, with serious consequ{hyphen}",
        "ences for the ferry, whose flat hull needs two metres at low tide. The",
        "board will ask the ministry for an emergency grant, and the clerk will",
        "write to the operators.",
    ]
    article = import_paste(text=newline.join(lines)).article

    assert article.title == "Dredging the inner basin"
    assert article.text == (
        "The harbour board expects the final survey to show that silt has reduced the depth"
        " at the quay by a metre, with serious consequences for the ferry, whose flat hull"
        " needs two metres at low tide. The board will ask the ministry for an emergency"
        " grant, and the clerk will write to the operators."
    )


def test_a_txt_file_saved_by_pdftotext_reads_as_the_paste_does() -> None:
    data = (DATA / "paste" / "luatex.txt").read_bytes()
    article = TextImporter().extract(data, "luatex.txt", ImportLimits())
    pasted = import_paste(text=data.decode("utf-8")).article

    assert article.title == "Efficient ferry schedules for the Ostfjord islands"
    assert [article.block_text(b) for b in article.blocks] == [
        pasted.block_text(b) for b in pasted.blocks
    ]
    assert any(b.kind is BlockKind.HEADING for b in article.blocks)


@pytest.mark.parametrize("number", ["14", "– 7 –", "iv", "Page 2 of 3", "p. 12"])
def test_page_numbers_of_every_style_go(number: str) -> None:
    copied = (
        "The board will ask the ministry for an emergency grant, and the clerk will\n"
        "write to the operators before the next meeting, which is due in April when\n"
        f"{number}\n"
        "the tender for the new vessel opens and the dredging contract is signed.\n"
    )
    assert unwrap_pdf_copy(copied) == (
        "The board will ask the ministry for an emergency grant, and the clerk will write to"
        " the operators before the next meeting, which is due in April when the tender for"
        " the new vessel opens and the dredging contract is signed."
    )


def test_a_word_of_roman_letters_alone_on_a_line_is_no_page_number() -> None:
    copied = (
        "The ministry's guidance on harbour dues distinguishes between the military and\n"
        "the\n"
        "civil\n"
        "uses of the inner basin, and the board has asked which of the two applies.\n"
    )
    assert "and the civil uses" in (unwrap_pdf_copy(copied) or "")


def test_long_lines_are_paragraphs_not_printed_lines() -> None:
    sentence = "The board will ask the ministry for an emergency grant and write to the operators "
    lines = [sentence * 8 + "and", "then " + sentence * 8, "and so " + sentence * 8]
    assert unwrap_pdf_copy("\n".join(lines)) is None


def test_firefox_pdf_viewer_copy_reads_its_text_flavour() -> None:
    # pdf.js's text layer: one positioned span a printed line, <br> between them.
    lines = (DATA / "paste" / "article.txt").read_text(encoding="utf-8").splitlines()
    spans = "".join(
        f'<span style="left: 72px; top: {100 + 20 * n}px; font-size: 14px;'
        f' font-family: sans-serif;" role="presentation" dir="ltr">{line}</span>'
        '<br role="presentation">'
        for n, line in enumerate(lines)
        if line
    )
    html = f'<meta http-equiv="content-type" content="text/html; charset=utf-8">{spans}'
    imported = import_paste(text="\n".join(lines), html=html)
    article = imported.article
    title, paragraphs = _source("article")

    assert article.title == title
    assert _WORD.findall(article.text) == _WORD.findall(" ".join(paragraphs))
    assert len(article.blocks) >= 4
    assert imported.original.media_type == "text/plain"


def test_a_short_line_said_twice_is_the_texts_own() -> None:
    pasted = (
        "Minutes of the call\n"
        "Anna Berg, Lars Holm and the clerk took part; the clerk took the notes for the\n"
        "board and will send them round on Monday.\n"
        "Dues for vessels over 40 m\n"
        "Agreed\n"
        "Winter timetable\n"
        "Agreed\n"
    )
    article = import_paste(text=pasted).article

    assert [article.block_text(b) for b in article.blocks].count("Agreed") == 2
    assert (
        "the clerk took the notes for the board and will send them round on Monday." in article.text
    )


def test_lines_longer_than_the_wrap_are_paragraphs_of_their_own() -> None:
    long_one = (
        "The port authority has opened the tender for the Lisvik ferry, which will run a"
        " two-year trial with four crossings a day from the spring."
    )
    long_two = (
        "Operators must show a safety record for the last five years and a vessel that can"
        " carry two hundred passengers in winter."
    )
    pasted = (
        f"Ferry tender opens\n{long_one}\n"
        "Bids close on 30 April, and the council's transport committee will\n"
        "choose the operator in May.\n"
        f"{long_one.replace('Lisvik', 'Ostby')}\n{long_two}\n"
    )
    article = import_paste(text=pasted).article

    assert [article.block_text(b) for b in article.blocks] == [
        long_one,
        "Bids close on 30 April, and the council's transport committee will choose the"
        " operator in May.",
        long_one.replace("Lisvik", "Ostby"),
        long_two,
    ]
