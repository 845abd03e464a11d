"""Character references come back exactly as html.unescape gives them."""

from __future__ import annotations

import html

import pytest

from briefer.core.entities import unescape_html


@pytest.mark.parametrize(
    "text",
    ["Plain words", "S&amp;P 500", "&#38; &#x26; &lt;b&gt;", "&eacute;t&eacute;", "&#128;",
     "&#xD800;", "a & b", "&notin; &notit;", ""],
)  # fmt: skip
def test_the_same_as_html_unescape(text: str) -> None:
    assert unescape_html(text) == html.unescape(text)
