"""Pasting: HTML keeps its structure, plain text is read like a copied page, titles stay short."""

from __future__ import annotations

import pytest

from briefer.core.model import BlockKind
from briefer.importers.base import ImportCancelled, ImportLimits, ImportRejected
from briefer.importers.registry import import_paste


def test_html_preferred_and_first_heading_is_the_title() -> None:
    html = (
        "<meta charset='utf-8'><h1>Ferry link to Lisvik restored</h1>"
        "<p>The council voted 21 to 4 to restore the ferry.</p>"
        "<p>Share this article</p><ul><li>Daily sailings</li><li>New pier</li></ul>"
    )
    imported = import_paste(text="plain fallback", html=html)
    article = imported.article
    assert article.title == "Ferry link to Lisvik restored"
    assert article.source_format == "paste"
    assert article.text.startswith("The council voted 21 to 4")
    assert "Share this article" not in article.text
    items = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == ["Daily sailings", "New pier"]
    assert imported.original.media_type == "text/html"


def test_html_without_text_falls_back_to_plain_text() -> None:
    imported = import_paste(
        text="Markets\n\nGrain prices ease as corridor reopens\n\nPrices fell 3% on Monday.",
        html="<img src='x.png'><script>x()</script>",
    )
    assert imported.article.title == "Grain prices ease as corridor reopens"
    assert imported.article.text == "Prices fell 3% on Monday."
    assert imported.original.media_type == "text/plain"


def test_title_from_first_line_is_cut_at_a_word() -> None:
    sentence = "The agency said " + "very " * 40 + "little about the delays."
    article = import_paste(text=sentence).article
    assert len(article.title) <= 120
    assert article.title.endswith("…")
    assert article.text == sentence


@pytest.mark.parametrize(("text", "html"), [(None, None), ("  \n ", ""), ("", "<p> </p>")])
def test_empty_paste_is_refused(text: str | None, html: str | None) -> None:
    with pytest.raises(ImportRejected, match="clipboard has no text"):
        import_paste(text=text, html=html)


def test_oversized_paste_is_refused() -> None:
    with pytest.raises(ImportRejected, match="pasted content is"):
        import_paste(text="word " * 300_000, limits=ImportLimits(max_bytes=1 << 20))


@pytest.mark.parametrize("as_html", [False, True])
def test_pasted_feed_item_takes_its_publisher_from_the_footer(as_html: bool) -> None:
    lines = [
        "Rates hold steady",
        "The central bank left its main rate unchanged for a third meeting, citing sticky"
        " services inflation.",
        "The post Rates hold steady appeared first on Marketwire.",
    ]
    html = "".join(f"<p>{line}</p>" for line in lines) if as_html else None

    article = import_paste(text="\n\n".join(lines), html=html).article

    assert article.publisher == "Marketwire"
    assert "appeared first on" not in article.text


@pytest.mark.parametrize("as_html", [False, True])
def test_a_cancel_stops_a_long_paste_between_paragraphs(as_html: bool) -> None:
    paragraphs = [f"Paragraph {i} of a long report on the harbour, in full." for i in range(5000)]
    html = "".join(f"<p>{p}</p>" for p in paragraphs) if as_html else None
    checks = 0

    def cancelled() -> bool:  # the analyst presses Cancel once reading is under way
        nonlocal checks
        checks += 1
        return checks > 2

    with pytest.raises(ImportCancelled):
        import_paste(text="\n\n".join(paragraphs), html=html, cancelled=cancelled)
    assert checks == 3  # it stopped at the next check, not at the end


def test_html_nested_beyond_reading_falls_back_to_the_text_beside_it() -> None:
    # Some apps put deeply nested markup on the clipboard (tables in tables); the plain
    # text they put beside it reads, and the analyst should not be told to paste it.
    html = "<table><tr><td>" * 400 + "Ferry strike ends" + "</td></tr></table>" * 400
    text = "Ferry strike ends\n\nThe ferry strike ended on Friday after talks with the union."
    with pytest.raises(ImportRejected, match="nested"):
        import_paste(html=html)
    imported = import_paste(html=html, text=text)
    assert imported.article.title == "Ferry strike ends"
    assert "talks with the union" in imported.article.text
    assert imported.original.filename == "pasted.txt"
