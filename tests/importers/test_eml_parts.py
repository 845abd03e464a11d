"""E-mails as a person reads them: forwards in order, invitations, TNEF, text around photos.

Fixtures from tests/data/importers/eml/make_eml.py (Python's email package).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefer.core.model import BlockKind
from briefer.importers.base import ImportRejected
from briefer.importers.eml_parts import plain_subject
from briefer.importers.registry import import_bytes, import_path

DATA = Path(__file__).parents[1] / "data" / "importers" / "eml"


def _shape(name: str) -> list[tuple[BlockKind, str]]:
    article = import_path(DATA / name).article
    return [(block.kind, article.block_text(block)) for block in article.blocks]


def test_a_forward_of_a_forward_attached_is_the_message_at_the_bottom() -> None:
    """Each mail of the chain attaches the one before under a covering note: the
    article is the bulletin, the notes above it are left out and counted."""
    imported = import_path(DATA / "forward-nested.eml")
    article = imported.article
    assert (article.title, article.author, article.publisher) == (
        "Weekly port bulletin",
        "Bulletin",
        "port.example",
    )
    assert article.published == dt.date(2025, 3, 4)
    assert article.text == "Container throughput reached a record in February."
    assert imported.warnings == (
        "forward-nested.eml: the forwarder's note above the forwarded message (14 words) was"
        " left out; the article is the forwarded message.",
    )


def test_an_invitation_reads_as_what_when_where_and_who() -> None:
    assert _shape("invitation.eml") == [
        (BlockKind.HEADING, "Harbour board briefing"),
        (BlockKind.PARAGRAPH, "When: 2025-03-10 09:00 UTC – 2025-03-10 10:00 UTC"),
        (BlockKind.PARAGRAPH, "Where: Pilot house, room 2"),
        (BlockKind.PARAGRAPH, "Organizer: Lena Okafor"),
        (BlockKind.PARAGRAPH, "Agenda: the dredging contract and the new tide gauge."),
    ]


def test_a_message_only_in_winmail_dat_is_refused_naming_tnef() -> None:
    with pytest.raises(ImportRejected) as caught:
        import_path(DATA / "winmail.eml")
    message = str(caught.value)
    assert message.startswith("winmail.eml keeps its text in a winmail.dat attachment")
    assert "TNEF" in message and "\n" not in message


def test_winmail_dat_beside_a_text_body_is_left_out_and_reported() -> None:
    imported = import_path(DATA / "winmail-with-text.eml")
    assert imported.article.text == "Board meeting moved to Friday."
    (warning,) = imported.warnings
    assert warning.startswith("winmail-with-text.eml: a winmail.dat attachment")


def test_text_on_both_sides_of_an_inline_photo_is_kept_and_attachments_are_not() -> None:
    assert [text for _, text in _shape("photo-between.eml")] == [
        "The new crane arrived this morning.",
        "It starts work on Monday.",
    ]


def test_quoted_printable_and_base64_parts_in_three_charsets() -> None:
    assert [text for _, text in _shape("odd-charsets.eml")] == [
        "Совет порта утвердил дноуглубление.",
        "港湾委員会は浚渫を承認した。",
        "港務委員會批准了疏浚工程。",
    ]


def test_a_multipart_without_a_boundary_is_read_as_its_text() -> None:
    data = (
        b"From: desk@example.org\nTo: analyst@example.org\nSubject: Broken mailer\n"
        b"Date: Tue, 04 Mar 2025 09:30:00 +0100\nMIME-Version: 1.0\n"
        b"Content-Type: multipart/mixed\n\nThe quay reopens on Friday.\n"
    )
    assert import_bytes(data, "broken.eml").article.text == "The quay reopens on Friday."


@pytest.mark.parametrize(
    ("header", "subject"),
    [
        ("Fwd: Fwd: Weekly port bulletin", "Weekly port bulletin"),
        ("RE: AW: WG: Tariff schedule", "Tariff schedule"),
        ("[EXTERNAL] Fw: Re[2]: Grain talks", "Grain talks"),
        ("Re:", "Re:"),  # nothing but a prefix stays as it is
        ("Regional outlook: ports", "Regional outlook: ports"),
        ("Iran: sanctions update", "Iran: sanctions update"),
    ],
)
def test_reply_and_forward_prefixes_leave_the_subject(header: str, subject: str) -> None:
    assert plain_subject(header) == subject
