"""News-page text: every run of text trafilatura returns is kept, a missed article is retried
in recall mode, Chinese pages are not mistaken for empty ones, and a giant inline image
never costs the page."""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path

import lxml.etree

from briefer.core.model import Article, BlockKind
from briefer.core.words import count_text_words
from briefer.importers.base import ArticleBuilder, Deadline, ImportLimits
from briefer.importers.html import HtmlImporter
from briefer.importers.htmlbody import body_to_blocks
from tests.importers.wordscore import words

NEWS = Path(__file__).parents[1] / "data" / "importers" / "web" / "news"


def _import(data: bytes, name: str = "page.html", limits: ImportLimits | None = None) -> Article:
    return HtmlImporter().extract(data, name, limits or ImportLimits(), lambda _name: None)


def test_every_tail_in_trafilatura_xml_becomes_text() -> None:
    xml = (
        "<body>Lead run <hi>in bold</hi> after bold<lb/>after break"
        "<p>Para <hi>one <hi>nested</hi> nested tail</hi> outer tail</p>between paragraphs"
        "<quote>quote lead<p>quoted para</p>quote tail</quote>after quote"
        "<list><item>first item</item>between items<item>second<list><item>inner</item>"
        "</list>after inner list</item></list>after list"
        "<div>div lead<p>div para</p>div tail</div>"
        "<table><row><cell>a <hi>b</hi> c</cell><cell>d</cell></row></table>after table</body>"
    )
    builder = ArticleBuilder()
    body_to_blocks(lxml.etree.fromstring(xml), builder, Deadline(10))
    text = builder.text()
    for expected in (
        "Lead run in bold after bold after break",
        "Para one nested nested tail outer tail",
        "between paragraphs",
        "quote lead",
        "quote tail",
        "after quote",
        "between items",
        "second after inner list",
        "after list",
        "div lead",
        "div tail",
        "a b c | d",
        "after table",
    ):
        assert expected in text, expected
    quotes = [text[b.start : b.end] for b in builder.blocks if b.kind is BlockKind.QUOTE]
    assert quotes == ["quote lead", "quoted para", "quote tail"]
    assert words(text) == words(" ".join(lxml.etree.fromstring(xml).itertext()))


def test_text_after_ad_slots_and_between_paragraphs_is_kept() -> None:
    article = _import((NEWS / "adslots.html").read_bytes(), "adslots.html")
    for sentence in (
        "Island communities face fewer sailings this winter",
        # Each of these follows an empty ad slot, which precision mode deleted with its tail.
        "Business owners on the islands said the cuts would hit deliveries",
        "The operator said a relief vessel had been chartered from a Norwegian company",
        # Loose text between paragraphs, and around a quoted paragraph.
        "Passengers with medical appointments on the mainland will be given priority",
        "We know how much the islands rely on us",
        "Every available crew member is being trained on the relief vessel.",
        "moved to the nearest available crossing without charge",
    ):
        assert sentence in article.text, sentence
    for furniture in ("Most read", "Harbour festival returns", "All rights reserved", "Tweet"):
        assert furniture not in article.text


def _with_page_state(page: bytes, stories: int) -> bytes:
    """The page with the megabytes of JSON state a React news site embeds for hydration."""
    state = {
        "props": {"pageProps": {"feed": [{"id": n, "summary": "x" * 200} for n in range(stories)]}}
    }
    placeholder = page[page.index(b'<script id="__NEXT_DATA__"') :]
    placeholder = placeholder[placeholder.index(b">") + 1 : placeholder.index(b"</script>")]
    return page.replace(placeholder, json.dumps(state).encode())


def test_article_missed_by_precision_mode_is_found_in_recall_mode() -> None:
    # Over 2 MB of page the second-opinion extractors are skipped; precision mode then
    # drops the story <div> for its inline border, and only recall mode finds the article.
    data = _with_page_state((NEWS / "recall.html").read_bytes(), 9000)
    assert len(data) > 2_000_000
    article = _import(data, "recall.html")
    assert "Shipments of wheat and canola through the northern rail corridor" in article.text
    assert "a late spring could delay the next harvest across the region." in article.text
    for furniture in ("Canola prices slip", "Podcasts", "Privacy policy", "More from Plains"):
        assert furniture not in article.text, furniture


def test_chinese_article_is_not_taken_for_too_little_text() -> None:
    article = _import((NEWS / "cjk.html").read_bytes(), "cjk.html")
    assert "沿海城市昨日正式启动首个海上风电示范项目" in article.text
    assert "但仍需在电网接入、运行维护和成本控制等方面继续探索。" in article.text
    # The navigation and related links a whole-page fallback would have kept.
    for furniture in ("首页", "体育", "相关新闻", "港口集团发布绿色航运计划", "网站地图"):
        assert furniture not in article.text, furniture


def test_cjk_text_counts_a_word_per_character() -> None:
    assert count_text_words("海上风电示范项目") == 8
    assert count_text_words("東京都は 新しい計画を発表した") == 14
    assert count_text_words("서울 시청") == 4
    assert count_text_words("Port of Valmora reopens, 2026") == 5
    assert count_text_words("The 海上 project") == 4


def _noise_png(side: int) -> bytes:
    from io import BytesIO

    from PIL import Image

    noise = random.Random(7).randbytes(side * side * 3)
    out = BytesIO()
    Image.frombytes("RGB", (side, side), noise).save(out, format="PNG", compress_level=1)
    return out.getvalue()


def _page_with_inline_image(png: bytes) -> bytes:
    page = (NEWS / "adslots.html").read_bytes()
    uri = b"data:image/png;base64," + base64.b64encode(png)
    figure = b'<figure><img alt="The ferry at the pier" src="' + uri + b'"></figure>'
    return page.replace(b'<div class="article-text">', figure + b'<div class="article-text">')


def test_inline_image_over_libxml2_text_limit_is_skipped_and_the_text_kept() -> None:
    png = _noise_png(2000)  # 12 MB of incompressible pixels: a 16 MB data: URI
    data = _page_with_inline_image(png)
    assert len(data) > 12 * 1024 * 1024
    article = _import(data, "adslots.html")
    assert "Island communities face fewer sailings this winter" in article.text
    assert "The transport minister is expected to answer questions" in article.text
    assert article.images == ()
    assert "base64" not in article.text


def test_inline_image_over_the_image_limits_is_skipped_and_the_text_kept() -> None:
    data = _page_with_inline_image(_noise_png(1200))  # a 5.8 MB URI, under libxml2's limit
    article = _import(data, "adslots.html", ImportLimits(max_image_pixels=1_000_000))
    assert "Island communities face fewer sailings this winter" in article.text
    assert article.images == ()
    small = _import(data, "adslots.html")
    assert len(small.images) == 1 and small.images[0].caption == "The ferry at the pier"


def test_addresses_urllib_cannot_split_do_not_stop_the_import() -> None:
    page = (NEWS / "adslots.html").read_bytes()
    page = page.replace(b"https://www.westcoastgazette.example/news/", b"http://[broken/news/")
    page = page.replace(b"<h1>", b'<img src="http://[bad/photo.jpg"><img src="//[::1/x.png"><h1>')
    article = _import(page, "adslots.html")
    assert "Island communities face fewer sailings this winter" in article.text
    assert article.published is not None and article.published.isoformat() == "2026-01-12"
    assert article.images == ()


PAGE_WITH_FURNITURE = """<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>Shipping insurers cut war-risk premiums as corridor holds | The Maritime Ledger</title>
<meta property="og:site_name" content="The Maritime Ledger"></head><body><main><article>
<p class="kicker">Insurance</p>
<h1>Shipping insurers cut war-risk premiums as corridor holds</h1>
<p>War-risk premiums for ships calling at Black Sea ports have fallen to about 0.5 per cent
of hull value, from 1 per cent in November, according to three brokers.</p>
<p>“The market has stopped pricing in the worst case,” said one underwriter at a Lloyd’s
syndicate, who asked not to be named because the rates are confidential.</p>
<p>Brokers said cover remained expensive compared with routes elsewhere, and that a single
incident could reverse the fall within days.</p>
<blockquote class="pullquote">“The market has stopped pricing in the worst case”</blockquote>
<p>The ministry's statement was short.</p>
<blockquote>Ships will be escorted through the corridor until the end of March.</blockquote>
<p>Hull and machinery cover, which protects against damage unrelated to war, was unchanged,
brokers said.</p></article></main></body></html>"""


def test_a_kicker_above_the_headline_and_a_repeated_pull_quote_are_left_out() -> None:
    article = _import(PAGE_WITH_FURNITURE.encode())
    first = article.blocks[0]
    assert (first.kind, article.block_text(first)) == (
        BlockKind.HEADING, "Shipping insurers cut war-risk premiums as corridor holds"
    )  # fmt: skip
    assert "Insurance" not in article.text.split("\n\n")[:2]
    assert article.text.count("stopped pricing in the worst case") == 1
    quotes = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.QUOTE]
    assert quotes == ["Ships will be escorted through the corridor until the end of March."]


def test_a_quoted_statement_and_a_headline_quote_are_not_taken_for_pull_quotes() -> None:
    """The lede quotes the statement's first sentence, which then opens the statement in
    full; and a headline quoting the body. Neither is a pull quote: all stays."""
    first = "The port will reopen to grain ships on Wednesday, the authority said."
    page = f"""<html><head><title>“Ships will be escorted through the corridor”</title></head>
<body><article><h1>“Ships will be escorted through the corridor”</h1>
<p>The port authority said: “{first}” It gave no further details on Tuesday evening, when
the statement was published on its website in three languages.</p>
<p>The full statement reads:</p>
<blockquote><p>{first}</p><p>Pilots will board at the outer anchorage from dawn.</p>
</blockquote>
<p>The navy added its own note, which ended with one line.</p>
<blockquote>Ships will be escorted through the corridor</blockquote>
<p>Officials declined to say how many warships would take part in the escort.</p>
</article></body></html>"""
    article = _import(page.encode())
    quotes = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.QUOTE]
    assert first in quotes and "Pilots will board at the outer anchorage from dawn." in quotes
    assert "Ships will be escorted through the corridor" in quotes
