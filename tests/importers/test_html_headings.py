"""Web pages without an <article> element keep their sub-headings, as heading blocks where
they stood, word for word; the headings of menus, share boxes, related links, comments
and footers stay out. Fixtures: tests/data/importers/web/headings (see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.html import HtmlImporter
from briefer.importers.mhtml import MhtmlImporter

HEADINGS = Path(__file__).parents[1] / "data" / "importers" / "web" / "headings"

_TIDAL = [
    (2, "Background", "Tidal streams off the point reach four knots"),
    (3, "Earlier attempts", "Two developers applied for seabed leases"),
    (4, "The 2009 survey", "The survey’s current meters were left"),
    (2, "Objections from the fishing fleet", "The fishing association says"),
    (2, "Costs and who pays", "Item | Cost (£m) | Paid by"),
    (3, "What comes next", "Installation is planned for the calm months"),
]
"""Each heading of tidal-report.md: its level, its words, and how the block under it opens."""
_FERRY = [
    (2, "What changes", "The midday and evening sailings are dropped"),
    (3, "Freight", "Lorries must now book a place"),
    (4, "Fares", "Return fares stay at their summer level"),
    (2, "What the council says", "The council, which pays part of the subsidy"),
]
_FERRY_FURNITURE = (
    "Harbour Notes",
    "Share this post",
    "Related posts",
    "2 comments",
    "Leave a comment",
    "Contact",
)


HARBOUR_HEADINGS = [
    (1, "Harbour dues review for the coming year"),
    (1, "Summary"),
    (1, "Findings"),
    (2, "Dredging"),
    (1, "Recommendations"),
]
"""The harbour memo's headings, whichever program saved it as HTML."""


def _import(data: bytes, name: str = "page.html") -> Article:
    return HtmlImporter().extract(data, name, ImportLimits())


def _sections(article: Article) -> list[tuple[int, str, str]]:
    """Each heading below the title: its level, its text, and the text of the next block."""
    blocks = article.blocks
    text = article.text
    found = []
    for at, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING and block.level > 1:
            after = blocks[at + 1] if at + 1 < len(blocks) else None
            under = text[after.start : after.end] if after is not None else ""
            found.append((block.level, text[block.start : block.end], under))
    return found


def _matches(found: list[tuple[int, str, str]], expected: list[tuple[int, str, str]]) -> bool:
    return len(found) == len(expected) and all(
        level == want_level and heading == want and under.startswith(opening)
        for (level, heading, under), (want_level, want, opening) in zip(
            found, expected, strict=True
        )
    )


@pytest.mark.parametrize("name", ["tidal-report-pandoc.html", "tidal-report-lo.html"])
def test_a_documents_headings_come_back_in_order_over_their_sections(name: str) -> None:
    """pandoc -s and LibreOffice's Save as HTML: h2, h3 and h4, each over its own text."""
    article = _import((HEADINGS / name).read_bytes(), name)
    found = _sections(article)
    assert _matches(found, _TIDAL), found
    assert article.title == "Tidal energy pilot off Kessick Point"
    assert "crab grounds that eleven boats depend on in winter" in article.text


def test_a_documents_h1_sections_come_back_under_the_title_given_once() -> None:
    """pandoc repeats the title in an <h1> of its own: the text opens with it once, and the
    sections under <h1> below it are headings too."""
    article = _import((HEADINGS / "harbour-memo-pandoc.html").read_bytes())
    text = article.text
    headings = [
        (block.level, text[block.start : block.end])
        for block in article.blocks
        if block.kind is BlockKind.HEADING
    ]
    assert headings == HARBOUR_HEADINGS
    assert text.count("Harbour dues review for the coming year") == 1
    opening = text[article.blocks[2].start : article.blocks[2].end]
    assert opening.startswith("The harbour board proposes to raise dues")


def test_a_word_processors_h1_sections_are_not_taken_for_its_title() -> None:
    """LibreOffice's Save as HTML of a report whose sections are Heading 1: the <title> is
    the document's, and "Summary", its first <h1>, is a section like the others. The
    title, a styled paragraph on that page, opens the text as a headline, as it does for
    every other format."""
    article = _import((HEADINGS / "harbour-memo-lo.html").read_bytes(), "harbour-memo.html")
    assert article.title == "Harbour dues review for the coming year"
    text = article.text
    headings = [
        (b.level, text[b.start : b.end]) for b in article.blocks if b.kind is BlockKind.HEADING
    ]
    assert headings == HARBOUR_HEADINGS
    assert text.count("Harbour dues review for the coming year") == 1


def _ferry() -> str:
    return (HEADINGS / "ferry-notes.html").read_text(encoding="utf-8")


def test_a_hand_written_pages_sections_keep_their_headings_and_its_furniture_stays_out() -> None:
    article = _import(_ferry().encode())
    found = _sections(article)
    assert _matches(found, _FERRY), found
    for furniture in _FERRY_FURNITURE:
        assert furniture not in article.text
    assert "New ship for the island route" not in article.text


def test_furniture_headings_stay_out_when_the_page_names_none_of_its_parts() -> None:
    """No "share", "related", "comments" or "footer" names to go by: a heading goes back
    only between the article's paragraphs, not over text the extractor left out."""
    bare = _ferry()
    for name in (' id="top"', ' class="share"', ' class="related-posts"', ' id="comments"'):
        bare = bare.replace(name, "")
    bare = bare.replace(' class="comment"', "").replace(' id="footer"', "")
    article = _import(bare.encode())
    assert _matches(_sections(article), _FERRY)
    headings = {
        article.text[block.start : block.end]
        for block in article.blocks
        if block.kind is BlockKind.HEADING
    }
    assert headings.isdisjoint(_FERRY_FURNITURE)


def test_the_same_page_in_an_article_element_imports_alike() -> None:
    """An <article> around the story: the extractor keeps the headings itself, and the
    page imports block for block as it does without the element."""
    plain = _ferry()
    wrapped = plain.replace("<h1>", "<article><h1>").replace(
        '<div class="share">', '</article><div class="share">'
    )
    assert wrapped.count("<article>") == 1 and "</article>" in wrapped

    def blocks(page: str) -> list[tuple[BlockKind, int, str]]:
        article = _import(page.encode())
        return [(b.kind, b.level, article.text[b.start : b.end]) for b in article.blocks]

    assert blocks(wrapped) == blocks(plain)
    assert _matches(_sections(_import(wrapped.encode())), _FERRY)


_PARAGRAPHS = [
    "Dock workers at the port walked out on Monday, halting grain exports for the third"
    " time this year and stranding more than forty vessels at anchor in the roads.",
    "The union said the strike would continue until the government met its demands on"
    " pay and safety, which have been under negotiation since March.",
    "Traders warned that delays would raise freight costs across the region and that"
    " buyers would turn to other ports if the strike lasted into the harvest.",
]


def test_a_headings_inline_markup_joins_its_words_as_on_the_page() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Port strike</title></head><body>"
        f"<h1>Port strike</h1><p>{_PARAGRAPHS[0]}</p><p>{_PARAGRAPHS[1]}</p>"
        "<h2>Impact on <em>Ukraine</em>’s <a href='#x'>grain</a><br>corridor</h2>"
        f"<p>{_PARAGRAPHS[2]}</p></body></html>"
    )
    article = _import(page.encode())
    assert _sections(article) == [(2, "Impact on Ukraine’s grain corridor", _PARAGRAPHS[2])]


def test_a_heading_over_a_picture_stays_over_its_caption_and_text() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Port strike</title></head><body>"
        f"<h1>Port strike</h1><p>{_PARAGRAPHS[0]}</p><p>{_PARAGRAPHS[1]}</p>"
        "<h2>Ships at anchor</h2><figure><img src='https://cdn.example/ships.jpg'>"
        "<figcaption>Grain carriers wait off the harbour mouth on Monday.</figcaption>"
        f"</figure><p>{_PARAGRAPHS[2]}</p></body></html>"
    )
    article = _import(page.encode())
    text = article.text
    kinds = [(b.kind, text[b.start : b.end]) for b in article.blocks]
    at = kinds.index((BlockKind.HEADING, "Ships at anchor"))
    assert kinds[at + 1] == (
        BlockKind.CAPTION,
        "Grain carriers wait off the harbour mouth on Monday.",
    )
    assert kinds[at + 2] == (BlockKind.PARAGRAPH, _PARAGRAPHS[2])


def test_a_saved_mhtml_page_keeps_its_headings_too() -> None:
    """Saved as a single file (.mhtml): the same page, the same headings."""
    html = (HEADINGS / "tidal-report-pandoc.html").read_bytes()
    mhtml = (
        b"From: <Saved by Blink>\r\nSubject: Tidal energy pilot off Kessick Point\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
        b'\ttype="text/html";\r\n\tboundary="----B"\r\n\r\n'
        b"------B\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
        b"Content-Transfer-Encoding: binary\r\n"
        b"Content-Location: file:///tmp/tidal-report.html\r\n\r\n" + html + b"\r\n------B--\r\n"
    )
    article = MhtmlImporter().extract(mhtml, "tidal-report.mhtml", ImportLimits())
    assert _matches(_sections(article), _TIDAL)


def test_numbered_headings_in_list_items_come_back_without_their_list() -> None:
    """Numbered headings written as <ol><li><h2> (as Google Docs exports them)."""
    page = (
        "<!DOCTYPE html><html><head><title>Port strike</title></head><body>"
        f"<h1>Port strike</h1><p>{_PARAGRAPHS[0]}</p>"
        f"<ol><li><h2>Demands</h2></li></ol><p>{_PARAGRAPHS[1]}</p>"
        f"<ol start='2'><li><h2>Trade</h2></li></ol><p>{_PARAGRAPHS[2]}</p></body></html>"
    )
    article = _import(page.encode())
    assert _sections(article) == [(2, "Demands", _PARAGRAPHS[1]), (2, "Trade", _PARAGRAPHS[2])]
