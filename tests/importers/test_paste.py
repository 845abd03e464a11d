"""Pasting: HTML keeps its structure, plain text is read like a copied page, titles stay short."""

from __future__ import annotations

import pytest

from briefer.core.model import BlockKind
from briefer.importers.base import ImportLimits, ImportRejected
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


def test_mail_text_with_crlf_bom_tabs_and_mojibake_reads_as_written() -> None:
    # What a mail client that read UTF-8 as Windows-1252 puts on the clipboard.
    sent = (
        "Ferry tender opens\r\n\r\n"
        "The port authority\u00a0has opened the tender for the Lisvik café.\tBids close"
        " on 30 April.\r\n\r\n"
        "Operators must show a “clean” safety record – naïve bids are refused.\r\n"
    )
    garbled = "\ufeff" + sent.encode("utf-8").decode("cp1252", errors="replace")
    garbled = garbled.replace("\ufffd", "\x9d")  # the byte Windows-1252 has no letter for

    article = import_paste(text=garbled).article

    assert article.title == "Ferry tender opens"
    assert [article.block_text(b) for b in article.blocks] == [
        "The port authority has opened the tender for the Lisvik café. Bids close on 30 April.",
        "Operators must show a “clean” safety record – naïve bids are refused.",
    ]


def test_real_capital_a_tilde_is_left_alone() -> None:
    text = "SÃO PAULO — Ferry operators in Brazil pay a flat fee per crossing. Ã bientôt."
    assert import_paste(text=text).article.text == text


def test_browser_plain_text_keeps_a_caption_with_its_credit_as_a_caption() -> None:
    # Chromium's text/plain flavour of a news page, when no HTML comes with it.
    pasted = (
        "Lisvik ferry to sail again after eleven years\n"
        "By Anna Berg | 4 March 2026\n\n"
        "Residents of Harbourside have voted to restore the ferry link to Lisvik that closed"
        " eleven years ago.\n\n"
        "The old ferry pier at Harbourside in 2014. Photo: Lars Holm\n\n"
        "The council will now seek an operator for a two-year trial with four crossings a"
        " day.\n\n"
        "Advertisement\n\n"
        "Opponents argued that the money would be better spent on buses.\n"
    )
    article = import_paste(text=pasted).article

    assert (article.title, article.author) == (
        "Lisvik ferry to sail again after eleven years",
        "Anna Berg",
    )
    assert [(b.kind, article.block_text(b)) for b in article.blocks] == [
        (
            BlockKind.PARAGRAPH,
            "Residents of Harbourside have voted to restore the ferry link to Lisvik that closed"
            " eleven years ago.",
        ),
        (BlockKind.CAPTION, "The old ferry pier at Harbourside in 2014. Photo: Lars Holm"),
        (
            BlockKind.PARAGRAPH,
            "The council will now seek an operator for a two-year trial with four crossings a day.",
        ),
        (BlockKind.PARAGRAPH, "Opponents argued that the money would be better spent on buses."),
    ]


@pytest.mark.parametrize("wrapped", [True, False])
def test_a_mail_quotation_is_one_quote_without_its_marks(wrapped: bool) -> None:
    reply = (
        "Thanks for the figures. I think the board will want to see them before the\n"
        "meeting on Tuesday, so could you send them to the clerk as well?"
        if wrapped
        else "Thanks for the figures. Could you send them to the clerk as well?"
    )
    pasted = (
        f"Hi Anna,\n\n{reply}\n\n"
        "On 3 March 2026, Anna Berg wrote:\n"
        "> The harbour office has sent the winter figures for the four routes, which\n"
        "> show that the northern crossings lost more passengers than the southern\n"
        "> ones.\n"
        ">\n"
        ">> The board meets on\n"
        ">> Tuesday.\n\n"
        "Best,\nLars\n"
    )
    article = import_paste(text=pasted).article
    quotes = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.QUOTE]

    assert quotes == [
        "The harbour office has sent the winter figures for the four routes, which show that"
        " the northern crossings lost more passengers than the southern ones.",
        "The board meets on Tuesday.",
    ]
    assert ">" not in article.text
    assert " ".join(reply.split()) in article.text
