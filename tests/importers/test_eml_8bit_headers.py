"""Raw 8-bit e-mail headers (no RFC 2047) read in the sender's charset, not as U+FFFD."""

from __future__ import annotations

import pytest

from briefer.importers.base import ImportLimits
from briefer.importers.eml import EmlImporter

BODY = (
    b"The port authority of Velden confirmed on Tuesday that it will raise berth fees for"
    b" container ships by eleven percent from March.\r\n"
)


def _mail(sender: str, subject: str, encoding: str, charset: str = "utf-8") -> bytes:
    return (
        b"From: " + sender.encode(encoding) + b" <desk@example.org>\r\n"
        b"To: a@example.org\r\n"
        b"Subject: " + subject.encode(encoding) + b"\r\n"
        b"Date: Wed, 19 Nov 2025 09:12:00 +0100\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=" + charset.encode() + b"\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\n" + BODY
    )


@pytest.mark.parametrize(
    ("sender", "subject", "encoding"),
    [
        ("Jürgen Müller", "Hafengebühren in Velden steigen", "latin-1"),
        ("René Lefèvre", "Hausse des droits de quai – « 11 % » à Velden", "cp1252"),
        ("Ирина Соколова", "Порт Вельдена повысит причальные сборы", "cp1251"),
        ("Jürgen Müller", "Hafengebühren in Velden steigen", "utf-8"),
    ],
)
def test_raw_8bit_subject_and_sender_read_in_their_charset(
    sender: str, subject: str, encoding: str
) -> None:
    article = EmlImporter().extract(_mail(sender, subject, encoding), "m.eml", ImportLimits())
    assert article.title == subject
    assert article.author == sender
    assert "\ufffd" not in article.title + article.author


def _forward(*inner: bytes) -> bytes:
    attached = b"".join(b"--b\r\nContent-Type: message/rfc822\r\n\r\n" + m + b"\r\n" for m in inner)
    return (
        b"From: Desk <desk@example.org>\r\nTo: a@example.org\r\nSubject: Fwd: news\r\n"
        b"Date: Wed, 19 Nov 2025 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee below.\r\n"
        + attached
        + b"--b--\r\n"
    )


def test_raw_8bit_headers_of_a_forwarded_message() -> None:
    """The attached message is the article: its 8-bit subject and sender are its own."""
    inner = _mail("Jürgen Müller", "Hafengebühren steigen", "latin-1")
    article = EmlImporter().extract(_forward(inner), "fwd.eml", ImportLimits())
    assert (article.title, article.author) == ("Hafengebühren steigen", "Jürgen Müller")


def test_raw_8bit_headers_of_messages_shown_under_their_headings() -> None:
    first = _mail("Jürgen Müller", "Hafengebühren steigen", "latin-1")
    second = _mail("Ирина Соколова", "Порт Вельдена", "cp1251")
    article = EmlImporter().extract(_forward(first, second), "fwd.eml", ImportLimits())
    assert "Forwarded message: Hafengebühren steigen" in article.text
    assert "From: Jürgen Müller <desk@example.org>" in article.text
    assert "From: Ирина Соколова <desk@example.org>" in article.text
