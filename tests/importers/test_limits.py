"""The limits the README lists that had no test of their own: pixels, ZIP members, elements."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest

from briefer.importers import html
from briefer.importers.base import ImportLimits, ImportRejected
from briefer.importers.docx import MAX_MEMBERS
from briefer.importers.images import normalise_image
from briefer.importers.registry import import_bytes


def _png(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height``: a decompression bomb's disguise."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\0" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def test_an_image_claiming_more_pixels_than_the_limit_is_skipped() -> None:
    limits = ImportLimits(max_image_pixels=1_000_000)
    assert normalise_image(_png(2000, 1000), limits) is None  # 2 megapixels claimed
    small = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (800, 600), "teal").save(small, format="PNG")
    kept = normalise_image(small.getvalue(), limits)
    assert kept is not None and (kept.width, kept.height) == (800, 600)


def test_a_zip_with_more_members_than_a_word_document_has_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for index in range(MAX_MEMBERS):
            archive.writestr(f"word/media/{index}.bin", b"")
    with pytest.raises(ImportRejected, match="far more than a Word"):
        import_bytes(out.getvalue(), "many.docx")


def test_a_page_past_the_element_limit_skips_the_extractor_and_keeps_every_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    called: list[bool] = []
    monkeypatch.setattr(html, "_extract_article", lambda *a, **k: called.append(True))
    rows = "".join(f"<tr><td>berth {n}</td><td>vessel {n}</td></tr>" for n in range(600))
    page = f"<html><head><title>Berths</title></head><body><table>{rows}</table></body></html>"
    monkeypatch.setattr(html, "EXTRACTOR_MAX_ELEMENTS", 1000)
    article = import_bytes(page.encode(), "berths.html").article
    assert called == []
    assert "berth 599" in article.text and "vessel 0" in article.text
