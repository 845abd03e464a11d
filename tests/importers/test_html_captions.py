"""Web pages: a picture's caption is kept in the article text, at the picture's place, even
when the picture itself is not saved with the page (an "HTML only" save, an image on a CDN);
credits and the captions of other stories' teasers are not."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.html import HtmlImporter

_FIRST = (
    "The defence ministry commissioned the frigate Tamal at Mumbai on Tuesday, the fourth of"
    " seven ships ordered in 2019, and said the remaining three would join the fleet by 2027."
)
_SECOND = (
    "Officials said the ship carries a new air-defence system and a hull built to reduce its"
    " radar signature, and that sea trials off the western coast had taken eleven weeks."
)
_THIRD = (
    "The navy plans to base the frigate at Karwar, where a second pier for large warships is"
    " due to open next year after delays caused by the monsoon and a dispute over land."
)
_CAPTION = "Defence Minister Rajnath Singh inspects the new frigate at Mumbai on Tuesday."
_REMOTE = "https://cdn.news.example/2025/12/frigate-tamal.jpg"


def _page(article: str, around: str = "") -> bytes:
    return (
        "<!DOCTYPE html><html><head><title>Navy commissions frigate Tamal - Coastal Times"
        "</title></head><body><header class='site'><a href='/'>Coastal Times</a></header>"
        f"<main><article><h1>Navy commissions frigate Tamal</h1>{article}</article>{around}"
        "</main><footer><p>© 2025 Coastal Times</p></footer></body></html>"
    ).encode()


def _figure(caption: str, src: str = _REMOTE) -> str:
    return f"<figure><img src='{src}' alt=''><figcaption>{caption}</figcaption></figure>"


def _import(page: bytes) -> Article:
    return HtmlImporter().extract(page, "frigate.html", ImportLimits())


def _texts(article: Article) -> list[tuple[BlockKind, str]]:
    return [(block.kind, article.block_text(block)) for block in article.blocks]


def test_a_remote_pictures_caption_stands_where_the_picture_stood() -> None:
    article = _import(_page(f"<p>{_FIRST}</p>{_figure(_CAPTION)}<p>{_SECOND}</p><p>{_THIRD}</p>"))

    assert _texts(article) == [
        (BlockKind.HEADING, "Navy commissions frigate Tamal"),
        (BlockKind.PARAGRAPH, _FIRST),
        (BlockKind.CAPTION, _CAPTION),
        (BlockKind.PARAGRAPH, _SECOND),
        (BlockKind.PARAGRAPH, _THIRD),
    ]
    assert article.images == ()


def test_a_lead_pictures_caption_comes_under_the_headline() -> None:
    """Over the byline and date, as news pages set their lead picture; and as such pages
    name captions in a <p class="caption"> beside the picture as often as in <figure>."""
    article = _import(
        _page(
            "<div class='lead-photo'><img src='https://cdn.news.example/lead.jpg'>"
            f"<p class='caption'><span class='caption-text'>{_CAPTION}</span>"
            "<span class='image-source'>Source: Supplied</span></p></div>"
            "<div class='byline'><p>By Asha Rao</p><p>December 2, 2025</p></div>"
            f"<p>{_FIRST}</p><p>{_SECOND}</p><p>{_THIRD}</p>"
        )
    )

    assert [text for _, text in _texts(article)[:3]] == [
        "Navy commissions frigate Tamal",
        _CAPTION,
        _FIRST,
    ]
    assert _texts(article)[1][0] is BlockKind.CAPTION
    assert "Supplied" not in article.text


def test_a_caption_that_only_credits_the_picture_is_left_out() -> None:
    article = _import(
        _page(
            f"<p>{_FIRST}</p>{_figure('Photo: Reuters')}<p>{_SECOND}</p>"
            f"{_figure('(Getty Images)')}<p>{_THIRD}</p>{_figure('AFP')}"
            f"<p>{_SECOND.replace('Officials', 'Engineers')}</p>{_figure(_CAPTION)}"
            f"<p>{_THIRD.replace('navy', 'fleet')}</p>"
        )
    )

    assert [kind for kind, _ in _texts(article)] == [
        BlockKind.HEADING,
        *[BlockKind.PARAGRAPH] * 4,
        BlockKind.CAPTION,
        BlockKind.PARAGRAPH,
    ]
    for credit in ("Reuters", "Getty", "AFP", "Photo"):
        assert credit not in article.text


def test_a_captions_trailing_credit_goes_and_its_sentence_stays() -> None:
    article = _import(
        _page(
            f"<p>{_FIRST}</p>{_figure(_CAPTION + ' (Photo: Reuters)')}<p>{_SECOND}</p>"
            f"{_figure('Sailors line the deck at Karwar. Anindito Mukherjee/Bloomberg')}"
            f"<p>{_THIRD}</p>"
        )
    )

    captions = [text for kind, text in _texts(article) if kind is BlockKind.CAPTION]
    assert captions == [_CAPTION, "Sailors line the deck at Karwar."]
    assert "Reuters" not in article.text and "Bloomberg" not in article.text


@pytest.mark.parametrize(
    ("caption", "kept"),
    [
        ("Ukrainian President Volodymyr Zelensky (AFP)", "Ukrainian President Volodymyr Zelensky"),
        ("Kyiv, Ukraine / March 2024", "Kyiv, Ukraine / March 2024"),
        ("Video: Moment Of The Explosion In Beirut", "Video: Moment Of The Explosion In Beirut"),
    ],
)  # fmt: skip
def test_a_caption_naming_what_is_pictured_is_kept(caption: str, kept: str) -> None:
    """Names, places and titles in Title Case are no credit, even beside an agency's."""
    article = _import(_page(f"<p>{_FIRST}</p>{_figure(caption)}<p>{_SECOND}</p><p>{_THIRD}</p>"))

    assert _texts(article)[2] == (BlockKind.CAPTION, kept)


def test_a_teasers_and_a_sidebars_captions_stay_out() -> None:
    """Another story's picture and headline beside the article, or under it in a list of
    linked teasers, is not the article's picture."""
    teaser = (
        "<div class='related-stories'><figure><a href='/2025/12/01/submarine-trials'>"
        "<img src='https://cdn.news.example/sub.jpg'></a><figcaption>Submarine Vagir"
        " completes its first deep-diving trials off Goa</figcaption></figure></div>"
        "<ul class='more'><li><figure><img src='https://cdn.news.example/port.jpg'>"
        "<figcaption><a href='/2025/11/30/port-strike'>Port workers end their three-week"
        " strike at Valmora</a></figcaption></figure></li></ul>"
    )
    sidebar = (
        "<aside><figure><img src='https://cdn.news.example/ad.jpg'><figcaption>The season's"
        " finest coastal cruises, now booking for spring</figcaption></figure></aside>"
    )
    article = _import(
        _page(
            f"<p>{_FIRST}</p>{sidebar}<p>{_SECOND}</p>{_figure(_CAPTION)}<p>{_THIRD}</p>",
            around=teaser,
        )
    )

    assert [text for _, text in _texts(article)] == [
        "Navy commissions frigate Tamal",
        _FIRST,
        _SECOND,
        _CAPTION,
        _THIRD,
    ]
    for words in ("Submarine Vagir", "Port workers", "coastal cruises"):
        assert words not in article.text


def test_a_saved_pictures_caption_is_in_the_text_once_under_the_picture() -> None:
    """A "complete page" save keeps the picture: its caption is still one block of text,
    and the picture stands right above it."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (20, 90, 160)).save(buffer, "PNG")
    uri = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    figure = _figure(_CAPTION, src=uri)
    article = HtmlImporter().extract(
        _page(f"<p>{_FIRST}</p>{figure}<p>{_SECOND}</p><p>{_THIRD}</p>"),
        "frigate.html",
        ImportLimits(),
        read_local=lambda _: None,
    )

    assert article.text.count("Rajnath Singh") == 1
    caption = next(b for b in article.blocks if b.kind is BlockKind.CAPTION)
    assert article.block_text(caption) == _CAPTION
    assert [image.offset for image in article.images] == [caption.start]


def test_a_caption_the_page_repeats_is_kept_once_and_buttons_are_no_caption() -> None:
    """Pages set a picture twice (one for phones, one for screens) and name their
    caption's buttons and counters "caption" too."""
    repeated = _figure(_CAPTION) + _figure(_CAPTION, src=_REMOTE.replace(".jpg", "-wide.jpg"))
    article = _import(
        _page(
            f"<p>{_FIRST}</p>{repeated}<p>{_SECOND}</p>"
            "<div class='gallery'><img src='https://cdn.news.example/deck.jpg'>"
            "<span class='caption-toggle'>Hide caption</span>"
            "<span class='caption-count'>2 of 12</span></div><p>{_THIRD}</p>".replace(
                "{_THIRD}", _THIRD
            )
        )
    )

    assert [kind for kind, _ in _texts(article)].count(BlockKind.CAPTION) == 1
    assert article.text.count("Rajnath Singh") == 1
    assert "Hide caption" not in article.text and "2 of 12" not in article.text


def test_a_quotations_figure_gives_no_orphan_attribution() -> None:
    """<figure><blockquote>...<figcaption>Name</figcaption>: the caption names the speaker
    of a quotation, not a picture, and alone it would say nothing."""
    quote = (
        "<figure class='pull'><blockquote>We will have all seven ships by 2027.</blockquote>"
        "<figcaption>Admiral Dinesh Tripathi, chief of the naval staff</figcaption></figure>"
    )
    article = _import(_page(f"<p>{_FIRST}</p>{quote}<p>{_SECOND}</p><p>{_THIRD}</p>"))

    assert "Admiral Dinesh Tripathi" not in article.text


def test_a_picture_between_headline_and_standfirst_has_its_caption_after_the_standfirst() -> None:
    """The headline inside the article, then the picture, then the standfirst set apart
    in the article's header: the story still opens with headline and standfirst."""
    standfirst = "The fourth of seven ships joins the fleet two years after its launch at Mumbai."
    article = _import(
        _page(
            f"<header>{_figure(_CAPTION)}<p class='standfirst'>{standfirst}</p></header>"
            f"<div class='story'><p>{_FIRST}</p><p>{_SECOND}</p><p>{_THIRD}</p></div>"
        )
    )

    assert [text for _, text in _texts(article)[:4]] == [
        "Navy commissions frigate Tamal",
        standfirst,
        _CAPTION,
        _FIRST,
    ]


def test_each_picture_of_a_gallery_keeps_its_own_caption() -> None:
    """A gallery sets its pictures as figures inside a figure: each caption is its
    picture's, not the gallery's."""
    gallery = (
        "<figure class='gallery'>"
        + _figure("The frigate Tamal leaves the Mazagon dock at Mumbai.")
        + _figure("Crew members salute during the commissioning ceremony.")
        + "</figure>"
    )
    article = _import(_page(f"<p>{_FIRST}</p>{gallery}<p>{_SECOND}</p><p>{_THIRD}</p>"))

    assert [text for kind, text in _texts(article) if kind is BlockKind.CAPTION] == [
        "The frigate Tamal leaves the Mazagon dock at Mumbai.",
        "Crew members salute during the commissioning ceremony.",
    ]


def test_the_whole_page_fallback_takes_the_credits_off_captions_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the extractor finds nothing, the page is read whole: its captions keep
    what they say of the picture and lose who took it, as the extractor's path does."""
    import briefer.importers.html as html

    monkeypatch.setattr(html, "_extract_article", lambda *args, **kwargs: None)
    article = _import(
        _page(
            f"<p>{_FIRST}</p>{_figure('Photo: Reuters')}<p>{_SECOND}</p>"
            f"{_figure(_CAPTION + ' (Photo: AFP/Getty Images)')}<p>{_THIRD}</p>"
        )
    )

    captions = [text for kind, text in _texts(article) if kind is BlockKind.CAPTION]
    assert captions == [_CAPTION]
    for credit in ("Reuters", "Getty", "AFP", "Photo:"):
        assert credit not in article.text


@pytest.mark.parametrize(
    ("line", "kept"),
    [("Source: IMF World Economic Outlook, October 2025", True),
     ("Source: Indian Navy, annual report 2024", True), ("Source: Eurostat", True),
     ("Source: Reuters", False), ("Source: AFP/Getty Images", False), ("Photo: AFP", False)],
)  # fmt: skip
def test_a_data_source_line_in_the_text_stays_and_a_picture_credit_goes(
    line: str, kept: bool
) -> None:
    """Under a chart or a table, "Source: ..." says where the figures come from: the
    analyst cites it. Only an agency's credit is a picture's."""
    article = _import(_page(f"<p>{_FIRST}</p><p>{line}</p><p>{_SECOND}</p><p>{_THIRD}</p>"))
    assert (line in article.text) is kept
    assert _SECOND in article.text
