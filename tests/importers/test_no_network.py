"""Importing web pages, archives and PDFs never reaches for the network.

The pages reference remote images, scripts, stylesheets, fonts and iframes; with
every way of opening a socket made to fail, all of them must still import.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from briefer.importers.base import ImportLimits
from briefer.importers.html import HtmlImporter
from briefer.importers.mhtml import MhtmlImporter
from briefer.importers.pdf import PdfImporter

DATA = Path(__file__).parents[1] / "data" / "importers"
PAGES = ("wire.html", "blog.html", "newspaper.html", "thinktank.html", "jsonld.html")


class NetworkAttempt(AssertionError):
    pass


class _NoSocket:
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise NetworkAttempt(f"socket created with {args!r}")


def _refuse(*args: object, **kwargs: object) -> None:
    raise NetworkAttempt(f"network lookup or connection {args!r}")


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "socket", _NoSocket)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    monkeypatch.setattr(socket, "gethostbyname", _refuse)


def test_the_fixtures_do_reference_remote_resources() -> None:
    wire = (DATA / "web" / "wire.html").read_text(encoding="utf-8")
    for reference in ('<img src="https://', '<script async src="https://', 'rel="stylesheet"',
                      ".woff2", '<iframe src="https://'):  # fmt: skip
        assert reference in wire


def test_guard_really_blocks() -> None:
    # Without this, a broken fixture would let every test below pass vacuously.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket, "socket", _NoSocket)
        with pytest.raises(NetworkAttempt):
            socket.socket()


@pytest.mark.usefixtures("offline")
@pytest.mark.parametrize("name", PAGES)
def test_web_pages_import_offline(name: str) -> None:
    asked: list[str] = []

    def read_local(path: str) -> bytes | None:
        asked.append(path)
        file = DATA / "web" / path
        return file.read_bytes() if file.is_file() else None

    article = HtmlImporter().extract((DATA / "web" / name).read_bytes(), name, ImportLimits(),
                                     read_local)  # fmt: skip
    assert article.word_count > 300
    assert not any("://" in path or path.startswith("//") for path in asked)


@pytest.mark.usefixtures("offline")
def test_web_archive_imports_offline() -> None:
    article = MhtmlImporter().extract((DATA / "web" / "jsonld.mhtml").read_bytes(), "a.mhtml",
                                      ImportLimits())  # fmt: skip
    assert len(article.images) == 1


@pytest.mark.usefixtures("offline")
def test_pdf_imports_offline() -> None:
    article = PdfImporter().extract((DATA / "pdf" / "report.pdf").read_bytes(), "r.pdf",
                                    ImportLimits())  # fmt: skip
    assert article.word_count > 500
