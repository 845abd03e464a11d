"""Pages that show no story of their own: an app's shell is refused with a way out, a short
real article is not, and a story written into an <iframe srcdoc> is read in place."""

from __future__ import annotations

import html
import json

import pytest

from briefer.importers.base import ImportLimits, ImportRejected
from briefer.importers.html import HtmlImporter

_STORY = (
    "The port authority of Velden confirmed on Tuesday that it will raise berth fees for"
    " container ships by eleven percent from March, the first increase in six years, citing"
    " the cost of dredging the outer channel after two winters of heavy silting."
)
_MASTHEAD = (
    "<header><a href='/'>Coastal Times</a><nav><a href='/news'>News</a>"
    "<a href='/business'>Business</a><a href='/sport'>Sport</a><a href='/login'>Sign in</a>"
    "<a href='/subscribe'>Subscribe</a></nav></header>"
)


_TITLE = "<title>Velden port to raise berth fees | Coastal Times</title>"


def _page(body: str) -> bytes:
    head = f"<meta charset='utf-8'>{_TITLE}"
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def _extract(body: str) -> str:
    return HtmlImporter().extract(_page(body), "velden.html", ImportLimits()).text


def test_an_apps_shell_is_refused_with_the_way_out() -> None:
    data = json.dumps({"props": {"pageProps": {"article": {"body": [{"text": _STORY}]}}}})
    body = (
        f"<div id='__next'>{_MASTHEAD}<div class='loading'>Loading…</div></div>"
        f"<script id='__NEXT_DATA__' type='application/json'>{data}</script>"
    )

    with pytest.raises(ImportRejected, match=r'needs JavaScript.*"Print to PDF"'):
        HtmlImporter().extract(_page(body), "velden.html", ImportLimits())


def test_a_shell_with_a_headline_and_a_footer_is_refused() -> None:
    body = (
        f"{_MASTHEAD}<h1>Velden port to raise berth fees</h1><div id='root'>Please enable"
        " JavaScript to read this story.</div><footer>© Coastal Times · Privacy · Terms</footer>"
    )

    with pytest.raises(ImportRejected, match="JavaScript"):
        HtmlImporter().extract(_page(body), "velden.html", ImportLimits())


def test_a_forty_word_brief_is_an_article() -> None:
    brief = (
        "Velden's port council approved an eleven percent rise in berth fees on Tuesday."
        " Shipping lines will pay the new rates from April; importers' associations, who"
        " asked for a phased introduction, said they would appeal to the province before"
        " the tariff book is printed."
    )
    text = _extract(f"{_MASTHEAD}<main><h1>Port fees approved</h1><p>{brief}</p></main>")

    assert brief in text


def test_a_one_line_note_is_an_article() -> None:
    text = _extract(f"{_MASTHEAD}<div>Note: the Velden council meets on Friday.</div>")

    assert "the Velden council meets on Friday" in text


def test_a_teaser_that_is_one_long_link_is_text() -> None:
    text = _extract(f"{_MASTHEAD}<main><a href='/velden'>{_STORY}</a></main>")

    assert "heavy silting" in text


def test_a_story_written_into_a_srcdoc_frame_is_read_in_place() -> None:
    framed = f"<p>{_STORY}</p><p>Shipping lines said the rise would be passed on.</p>"
    widget = "<p>Weather: rain later.</p>"
    body = (
        f'{_MASTHEAD}<h1>Velden fees rise</h1><iframe srcdoc="{html.escape(framed)}"></iframe>'
        f'<iframe srcdoc="{html.escape(widget)}"></iframe>'
    )

    text = _extract(body)

    assert text.startswith("Velden")
    assert "heavy silting" in text
    assert "Shipping lines said the rise would be passed on." in text
    assert "Weather" not in text


def test_a_page_wrapped_in_one_form_is_not_a_shell() -> None:
    """ASP.NET pages put everything they show inside one <form>."""
    text = _extract(f"<form id='aspnetForm'>{_MASTHEAD}<div>Note: the council meets.</div></form>")

    assert "the council meets" in text
