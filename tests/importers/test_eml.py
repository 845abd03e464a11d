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
    assert article.title == "Fwd: Notes from the freight forum in Kessling"
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
