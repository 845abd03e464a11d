"""E-mail: headers become metadata, every story of an alert stays readable, furniture goes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefer.core.model import BlockKind
from briefer.importers.base import ImportLimits, ImportRejected
from briefer.importers.eml import EmlImporter

EML = Path(__file__).parents[1] / "data" / "importers" / "eml"


def extract(name: str):  # type: ignore[no-untyped-def]
    return EmlImporter().extract((EML / name).read_bytes(), name, ImportLimits())


def test_news_alert_keeps_all_three_stories_as_headings_and_text() -> None:
    article = extract("news-alert.eml")
    assert article.title == "Newsfinder Alert - port tariffs"
    assert article.author == "Newsfinder Alerts"
    assert article.publisher == "Newsfinder Alerts"
    assert article.published == dt.date(2025, 12, 4)
    assert article.source_format == "email"
    headings = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        "Port of Arvel strike ends after wage deal",
        "Lindmark raises port tariffs for the first time in a decade",
        "Danube grain corridor reopens as barge tariffs fall",
    ]
    for snippet in ("forty ships waiting", "new electric cranes", "port of Vadeni"):
        assert snippet in article.text
    for furniture in (
        "Unsubscribe",
        "Flag as irrelevant",
        "See more results",
        "You have received",
        "Latest results",  # hidden preheader
        "color:#1a0dab",  # style sheet
        "© 2025",
    ):
        assert furniture not in article.text


def test_plain_text_message_with_a_lying_charset_and_a_signature() -> None:
    article = extract("colleague-plain.eml")
    assert article.title == "Notes from the freight forum in Kessling"  # no "Fwd:"
    assert article.author == "Anna Berg"
    assert article.publisher == "ministry.example"
    assert article.published == dt.date(2025, 11, 17)
    # Labelled us-ascii but written in UTF-8: the apostrophe survives.
    assert "yesterday’s freight forum" in article.text
    assert "Trade Analysis Unit" not in article.text  # signature after "-- "
    assert all(b.kind is BlockKind.PARAGRAPH for b in article.blocks)


def test_encoded_headers_and_parts_are_decoded_and_attachments_ignored() -> None:
    article = extract("encoded-newsletter.eml")
    assert article.title == "Semana económica: el puerto de Valcerta amplía su terminal"
    assert article.author == "José Fernández"
    # The quoted-printable Windows-1252 HTML part is preferred over the base64 text.
    assert article.block_text(article.blocks[0]) == "Valcerta amplía su terminal"
    assert "invertirá 140 millones de euros" in article.text
    assert "PDF" not in article.text and "anexo" not in article.text
    assert "unsubscribe" not in article.text.lower()


def test_sniff_tells_mail_from_other_text() -> None:
    importer = EmlImporter()
    assert importer.sniff((EML / "news-alert.eml").read_bytes(), "alert.txt") >= 80
    assert importer.sniff(b"Subject matter experts met on Monday.\n", "x.eml") == 0


def test_message_with_only_an_attachment_is_refused_clearly() -> None:
    data = (
        b"From: a@b.example\r\nSubject: scan\r\nDate: Mon, 1 Dec 2025 10:00:00 +0000\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: application/pdf\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n"
    )
    with pytest.raises(ImportRejected, match="no readable message text"):
        EmlImporter().extract(data, "scan.eml", ImportLimits())


def test_not_an_email_at_all() -> None:
    with pytest.raises(ImportRejected, match="does not look like an e-mail"):
        EmlImporter().extract(b"Dear diary, today was long.", "diary.eml", ImportLimits())


def test_an_smime_encrypted_message_is_named_encrypted() -> None:
    # Made by `openssl smime -encrypt` (tests/data/importers/eml/README.md).
    with pytest.raises(ImportRejected, match=r"is encrypted \(S/MIME\)"):
        extract("smime-encrypted.eml")


def test_an_openpgp_encrypted_message_is_named_encrypted() -> None:
    data = (
        b"From: desk@example.org\r\nTo: analyst@example.org\r\nSubject: Port contract\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/encrypted; protocol="application/pgp-encrypted";'
        b' boundary="b1"\r\n\r\n--b1\r\nContent-Type: application/pgp-encrypted\r\n\r\n'
        b"Version: 1\r\n--b1\r\nContent-Type: application/octet-stream\r\n\r\n"
        b"-----BEGIN PGP MESSAGE-----\r\nhQEMA0x\r\n-----END PGP MESSAGE-----\r\n--b1--\r\n"
    )
    with pytest.raises(ImportRejected, match=r"is encrypted \(OpenPGP\)"):
        EmlImporter().extract(data, "pgp.eml", ImportLimits())


def test_a_signed_message_is_read() -> None:
    article = extract("smime-signed.eml")
    assert "harbour authority in Oranmore confirmed" in article.text
    assert article.title == "Port contract (signed)"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_message_saved_as_utf16_is_read(encoding: str) -> None:
    message = (
        "From: Desk <desk@example.org>\r\nTo: analyst@example.org\r\n"
        "Subject: Grève au port de Brest\r\nDate: Mon, 1 Dec 2025 10:00:00 +0000\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
        "Les dockers de Brest ont voté la grève reconductible mardi soir.\r\n"
    )
    data = message.encode(encoding)
    assert EmlImporter().sniff(data, "greve.eml") >= 85
    article = EmlImporter().extract(data, "greve.eml", ImportLimits())
    assert article.title == "Grève au port de Brest"
    assert "ont voté la grève reconductible" in article.text
    assert article.author == "Desk"


def test_a_zeroed_date_header_is_no_date() -> None:
    """Broken mailers and list archives write the Unix epoch for a date they lack."""
    data = (
        b"From: Port Authority <press@port.example>\r\nSubject: Ferry timetable\r\n"
        b"Date: Thu, 01 Jan 1970 00:00:00 +0000\r\nContent-Type: text/plain\r\n\r\n"
        b"The winter ferry timetable starts on Monday with four crossings a day.\r\n"
    )
    article = EmlImporter().extract(data, "timetable.eml", ImportLimits())
    assert article.published is None and article.title == "Ferry timetable"


@pytest.mark.parametrize(
    "date",
    [b"Mon, 1 Jan 10000000000 00:00:00 +0000", b"Mon, 1 Jan 99999999999999999999 00:00:00 +0000"],
)
def test_an_absurd_year_in_the_date_header_is_no_date(date: bytes) -> None:
    """A year past what a date can hold is a broken header, not a broken message."""
    data = (
        b"From: Port Authority <press@port.example>\r\nSubject: Ferry timetable\r\n"
        b"Date: " + date + b"\r\nContent-Type: text/plain\r\n\r\n"
        b"The winter ferry timetable starts on Monday with four crossings a day.\r\n"
    )
    article = EmlImporter().extract(data, "timetable.eml", ImportLimits())
    assert article.published is None and article.title == "Ferry timetable"


@pytest.mark.parametrize(
    ("sender", "author", "publisher"),
    [
        ("Marta Kolb <marta.kolb1987@gmail.com>", "Marta Kolb", ""),
        ("Marta Kolb via Port Watchers <portwatchers@googlegroups.com>", "Marta Kolb",
         "Port Watchers"),
        ("Press Office <press@port-velden.example>", "Press Office", "port-velden.example"),
        # A role's or a machine's mailbox, named by its address alone, is nobody's.
        ("press@port-velden.example", "", "port-velden.example"),
        ("noreply@news.example", "", "news.example"),
        ('"news+daily@news.example" <news+daily@news.example>', "", "news.example"),
        ("marta.kolb1987@gmail.com", "marta.kolb1987@gmail.com", ""),  # a person's
        ("presley@port-velden.example", "presley@port-velden.example", "port-velden.example"),
    ],
)  # fmt: skip
def test_a_personal_mailbox_publishes_nothing_and_a_group_names_itself(
    sender: str, author: str, publisher: str
) -> None:
    """A note from a gmail account is not published by Gmail; a message Google Groups
    relays is "Name via Group", its author the person and its publisher the group."""
    data = (
        f"From: {sender}\r\nSubject: Velden port council\r\n"
        "Date: Thu, 20 Nov 2025 10:00:00 +0100\r\nContent-Type: text/plain\r\n\r\n"
        "The port authority of Velden confirmed on Tuesday that it will raise berth fees.\r\n"
    ).encode()
    article = EmlImporter().extract(data, "council.eml", ImportLimits())
    assert (article.author, article.publisher) == (author, publisher)


def test_attached_documents_are_named_in_the_report_not_lost_silently() -> None:
    """A press office mails its report as a PDF: the message's text is the article, and
    the report says which documents to import as files of their own. A picture is not one."""
    data = (
        b"From: Press Office <press@port-velden.example>\r\nSubject: Annual report\r\n"
        b"Date: Thu, 20 Nov 2025 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=X\r\n\r\n"
        b"--X\r\nContent-Type: text/plain\r\n\r\n"
        b"The port authority publishes its annual report today; it is attached.\r\n"
        b"--X\r\nContent-Type: application/pdf\r\n"
        b'Content-Disposition: attachment; filename="annual-report.pdf"\r\n\r\n%PDF-1.4\r\n'
        b"--X\r\nContent-Type: image/png\r\n"
        b'Content-Disposition: attachment; filename="logo.png"\r\n\r\nPNG\r\n'
        b"--X--\r\n"
    )
    article, warnings = EmlImporter().extract_with_warnings(data, "report.eml", ImportLimits())
    assert "annual report today" in article.text and "PDF-1.4" not in article.text
    assert warnings == (
        "report.eml: an attached document (annual-report.pdf) was not imported with the"
        " message; save it from your mail program and import it as a file of its own.",
    )
