"""Clipboard HTML from a browser, Word, LibreOffice and Google Docs: the article a reader saw.

Fixtures are in tests/data/importers/paste/ (see its README).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefer.core.model import Article, BlockKind
from briefer.importers.registry import import_paste

PASTE = Path(__file__).parent.parent / "data" / "importers" / "paste"


def _paste(name: str, text: str | None = None) -> Article:
    return import_paste(html=(PASTE / name).read_text(encoding="utf-8"), text=text).article


def _blocks(article: Article) -> list[tuple[BlockKind, str]]:
    return [(b.kind, article.block_text(b)) for b in article.blocks]


def test_browser_copy_of_a_news_page() -> None:
    article = _paste("chromium-news.html", text="the text/plain flavour, not used")

    assert article.title == "Lisvik ferry to sail again after eleven years"
    assert article.author == "Anna Berg"
    assert article.published == dt.date(2026, 3, 4)
    # By-line, share bar and advertisement out; the caption kept as a caption.
    assert _blocks(article) == [
        (
            BlockKind.PARAGRAPH,
            "Residents of Harbourside have voted to restore the ferry link to Lisvik that"
            " closed eleven years ago.",
        ),
        (BlockKind.CAPTION, "The old ferry pier at Harbourside in 2014. Photo: Lars Holm"),
        (
            BlockKind.PARAGRAPH,
            "The council will now seek an operator for a two-year trial with four crossings a day.",
        ),
        (BlockKind.PARAGRAPH, "Opponents argued that the money would be better spent on buses."),
    ]


def test_word_lists_are_lists_without_their_typed_numbers() -> None:
    article = _paste("word.html")
    items = [
        (b.ordered, article.block_text(b)) for b in article.blocks if b.kind is BlockKind.LIST_ITEM
    ]

    assert article.title == "Harbour dues review"
    assert items == [
        (True, "Raise dues for vessels over 40 m."),
        (True, "Keep dues for the fishing fleet."),
        (False, "A bullet point."),
    ]
    assert "·" not in article.text
    assert "The board’s proposal would raise dues by “about a tenth” from April.[1]" in article.text
    # The footnote stays in the body: its date is no dateline.
    assert article.text.endswith("[1] Board minutes, 12 January 2026.")
    assert article.published is None


def test_word_nested_list_levels() -> None:
    def item(level: int, marker: str, text: str, list_id: str = "l0") -> str:
        return (
            f"<p class=MsoListParagraph style='mso-list:{list_id} level{level} lfo1'>"
            f"<![if !supportLists]><span style='mso-list:Ignore'>{marker}"
            "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span>"
            f"<![endif]>{text}<o:p></o:p></p>\n"
        )

    html = (
        "<html><body><!--StartFragment--><p class=MsoNormal>Three steps follow.</p>"
        + item(1, "1.", "Survey the basin.")
        + item(2, "a.", "North quay.")
        + item(2, "b.", "South quay.")
        + item(1, "2.", "Dredge.")
        + item(1, "·", "Separate list.", list_id="l1")
        + "<!--EndFragment--></body></html>"
    )
    article = import_paste(html=html).article
    items = [
        (b.level, b.ordered, article.block_text(b))
        for b in article.blocks
        if b.kind is BlockKind.LIST_ITEM
    ]

    assert items == [
        (1, True, "Survey the basin."),
        (2, True, "North quay."),
        (2, True, "South quay."),
        (1, True, "Dredge."),
        (1, False, "Separate list."),
    ]


def test_libreoffice_note_marks_read_as_bracketed_numbers() -> None:
    article = _paste("libreoffice.html")

    assert article.title == "Harbour dues review"
    assert "from April.[1] The fishing cooperatives object." in article.text
    assert article.text.endswith("[1] Board minutes, 12 January 2026.")
    assert [b.ordered for b in article.blocks if b.kind is BlockKind.LIST_ITEM] == [True, True]


def test_google_docs_title_paragraph_is_the_title_not_the_first_paragraph() -> None:
    article = _paste("gdocs.html")

    assert article.title == "Winter timetable options"
    assert _blocks(article) == [
        (BlockKind.PARAGRAPH, "The office proposes three options. All keep the morning sailing."),
        (BlockKind.PARAGRAPH, "First line of an address Second line of it"),
        (BlockKind.HEADING, "Option A"),
        (BlockKind.LIST_ITEM, "Two sailings a day"),
        (BlockKind.PARAGRAPH, "Costs fall by a quarter."),
    ]


def test_a_selection_starting_with_prose_keeps_its_first_paragraph() -> None:
    html = (
        "<html><body><!--StartFragment--><p>The council voted 21 to 4 to restore the ferry.</p>"
        "<p>Sailings start in May.</p><!--EndFragment--></body></html>"
    )
    article = import_paste(html=html).article

    assert article.title == "The council voted 21 to 4 to restore the ferry."
    assert article.text.startswith("The council voted 21 to 4")


def test_windows_clipboard_offsets_before_the_markup_are_not_the_title() -> None:
    html = (PASTE / "chromium-news.html").read_text(encoding="utf-8")
    header = (
        "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000002650\r\n"
        "StartFragment:0000000141\r\nEndFragment:0000002614\r\n"
    )
    article = import_paste(html=header + html).article

    assert article.title == "Lisvik ferry to sail again after eleven years"
    assert "StartHTML" not in article.text
    assert article.author == "Anna Berg"


def test_section_label_and_dateline_above_the_headline() -> None:
    html = (
        "<html><body><!--StartFragment-->"
        "<div class='kicker'><a href='/politics'>Politics</a></div>"
        "<div class='meta'><time datetime='2026-03-04'>4 March 2026</time></div>"
        "<h1>Lisvik ferry to sail again</h1>"
        "<p>By Anna Berg</p>"
        "<p>The council voted 21 to 4 to restore the ferry.</p>"
        "<!--EndFragment--></body></html>"
    )
    article = import_paste(html=html).article

    assert article.title == "Lisvik ferry to sail again"
    assert article.author == "Anna Berg"
    assert article.published == dt.date(2026, 3, 4)
    assert _blocks(article) == [
        (BlockKind.PARAGRAPH, "The council voted 21 to 4 to restore the ferry.")
    ]
