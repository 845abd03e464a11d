"""Writes the odd e-mails found in a sweep of mail programs' output, with Python's email package.

    /work/main/.venv/bin/python tests/data/importers/eml/make_eml.py

- forward-nested.eml: a forward of a forward, each original attached as
  message/rfc822 (Outlook's "Forward as attachment", Thunderbird's default), the
  innermost HTML-only; the reader reads cover notes and forwards in order.
- invitation.eml: a calendar invitation whose only body is text/calendar.
- winmail.eml: Outlook rich text, the body only in a winmail.dat (TNEF) part.
- winmail-with-text.eml: the same with a plain-text body beside the TNEF part.
- photo-between.eml: Apple Mail's text, inline photo, more text.
- odd-charsets.eml: KOI8-R quoted-printable, then ISO-2022-JP base64, then Big5 quoted-printable.
"""

from __future__ import annotations

from email import encoders, policy
from email.message import Message
from email.mime.base import MIMEBase
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

HERE = Path(__file__).resolve().parent


def headed(message: Message, subject: str, sender: str = "Desk <desk@example.org>") -> Message:
    message["From"] = sender
    message["To"] = "analyst@example.org"
    message["Subject"] = subject
    message["Date"] = "Tue, 04 Mar 2025 09:30:00 +0100"
    message["Message-ID"] = f"<{subject.lower().replace(' ', '.').replace(':', '')}@example.org>"
    return message


def encoded(subtype: str, data: bytes, charset: str, transfer: str) -> MIMEBase:
    part = MIMEBase("text", subtype, charset=charset)
    part.set_payload(data)
    (encoders.encode_quopri if transfer == "qp" else encoders.encode_base64)(part)
    return part


def forward_nested() -> Message:
    bulletin = headed(
        MIMEMultipart("alternative"), "Weekly port bulletin", "Bulletin <news@port.example>"
    )
    bulletin.attach(
        MIMEText(
            "<p>Container throughput reached a <b>record</b> in February.</p>", "html", "utf-8"
        )
    )
    pilots = headed(
        MIMEMultipart("mixed"), "Fwd: Weekly port bulletin", "Pilot office <pilots@port.example>"
    )
    pilots.attach(MIMEText("Passing this on from the harbourmaster.", "plain", "utf-8"))
    pilots.attach(MIMEMessage(bulletin))
    outer = headed(MIMEMultipart("mixed"), "Fwd: Fwd: Weekly port bulletin")
    outer.attach(MIMEText("See the pilots' note and the bulletin below.", "plain", "utf-8"))
    outer.attach(MIMEMessage(pilots))
    return outer


ICS = (
    "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
    "SUMMARY:Harbour board briefing\r\nDTSTART:20250310T090000Z\r\nDTEND:20250310T100000Z\r\n"
    "LOCATION:Pilot house\\, room 2\r\nDESCRIPTION:Agenda: the dredging contract\\nand the ne\r\n"
    " w tide gauge.\r\nORGANIZER;CN=Lena Okafor:mailto:lena@example.org\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


def invitation() -> Message:
    message = headed(MIMEMultipart("alternative"), "Invitation: Harbour board briefing")
    part = MIMEText(ICS, "calendar", "utf-8")
    part.set_param("method", "REQUEST")
    message.attach(part)
    return message


def winmail(text: str) -> Message:
    message = headed(MIMEMultipart("mixed"), "Outlook rich text message")
    message.attach(MIMEText(text, "plain", "utf-8"))
    tnef = MIMEBase("application", "ms-tnef", name="winmail.dat")
    tnef.set_payload(b"\x78\x9f\x3e\x22" + bytes(60))  # TNEF's signature, then nothing useful
    encoders.encode_base64(tnef)
    tnef.add_header("Content-Disposition", "attachment", filename="winmail.dat")
    message.attach(tnef)
    return message


def photo_between() -> Message:
    message = headed(MIMEMultipart("mixed"), "Photos from the quay")
    message.attach(MIMEText("The new crane arrived this morning.", "plain", "utf-8"))
    photo = MIMEBase("image", "png")
    photo.set_payload(b"\x89PNG\r\n\x1a\n" + bytes(40))
    encoders.encode_base64(photo)
    photo.add_header("Content-Disposition", "inline", filename="crane.png")
    message.attach(photo)
    message.attach(MIMEText("It starts work on Monday.", "plain", "utf-8"))
    notes = MIMEText("Attached notes are a file of their own.", "plain", "utf-8")
    notes.add_header("Content-Disposition", "attachment", filename="notes.txt")
    message.attach(notes)
    return message


def odd_charsets() -> Message:
    message = headed(MIMEMultipart("mixed"), "Port news in three scripts")
    for text, charset, transfer in (
        ("Совет порта утвердил дноуглубление.", "koi8-r", "qp"),
        ("港湾委員会は浚渫を承認した。", "iso-2022-jp", "b64"),
        ("港務委員會批准了疏浚工程。", "big5", "qp"),
    ):
        message.attach(encoded("plain", text.encode(charset), charset, transfer))
    return message


def main() -> None:
    for name, message in (
        ("forward-nested.eml", forward_nested()),
        ("invitation.eml", invitation()),
        ("winmail.eml", winmail("")),
        ("winmail-with-text.eml", winmail("Board meeting moved to Friday.")),
        ("photo-between.eml", photo_between()),
        ("odd-charsets.eml", odd_charsets()),
    ):
        for index, part in enumerate(message.walk()):
            if part.is_multipart():
                part.set_boundary(f"briefer-boundary-{index}")  # the same bytes every run
        (HERE / name).write_bytes(message.as_bytes(policy=policy.SMTP))
        print("wrote", name)


if __name__ == "__main__":
    main()
