"""Charset labels that name no text encoding: the page is read by detection, never a traceback."""

from __future__ import annotations

import pytest

from briefer.importers.base import ImportLimits
from briefer.importers.encoding import charset_codec, decode_text
from briefer.importers.html import HtmlImporter

_NOT_TEXT = ["base64", "rot13", "zlib", "idna", "hex", "uu", "bz2", "quopri"]
_BODY = (
    "<p>Le café de la gare a rouvert ses portes après des travaux qui ont duré près de deux"
    " ans, au grand plaisir des voyageurs du matin.</p>"
    "<p>La mairie promet une terrasse élargie dès le printemps prochain.</p>"
)


def _page(declaration: str) -> str:
    head = f"<title>Le café rouvre</title>{declaration}"
    return (
        f"<!DOCTYPE html><html lang='fr'><head>{head}</head><body><article>"
        f"<h1>Le café de la gare rouvre</h1>{_BODY}</article></body></html>"
    )


@pytest.mark.parametrize("label", _NOT_TEXT)
@pytest.mark.parametrize(
    "where",
    [
        '<meta charset="{}">',
        '<meta http-equiv="Content-Type" content="text/html; charset={}">',
        "xml",
    ],
)
def test_non_text_charset_label_falls_back_to_detection(label: str, where: str) -> None:
    if where == "xml":
        html = f'<?xml version="1.0" encoding="{label}"?>' + _page("")
    else:
        html = _page(where.format(label))
    # Windows-1252 bytes are not UTF-8, so the declaration is consulted.
    article = HtmlImporter().extract(html.encode("cp1252"), "cafe.html", ImportLimits())
    assert "Le café de la gare a rouvert ses portes après des travaux" in article.text
    assert article.title == "Le café de la gare rouvre"


@pytest.mark.parametrize("label", [*_NOT_TEXT, "utf-7", "punycode", "unicode_escape"])
def test_charset_codec_refuses_codecs_that_are_not_charsets(label: str) -> None:
    assert charset_codec(label) is None
    text, encoding = decode_text("Grüße aus Köln".encode("cp1252"), declared=label)
    assert text == "Grüße aus Köln"
    assert encoding in ("cp1252", "iso-8859-1")


@pytest.mark.parametrize(("label", "name"), [("UTF-8", "utf-8"), ("Shift_JIS", "shift_jis")])
def test_charset_codec_keeps_real_charsets(label: str, name: str) -> None:
    assert charset_codec(label) == name
