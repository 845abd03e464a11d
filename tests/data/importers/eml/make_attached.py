"""Writes mails that forward a message attached where modern clients put it, with Python's
email package (fixed boundaries, so the bytes are the same every run).

    /work/main/.venv/bin/python tests/data/importers/eml/make_attached.py

- global-forward.eml: a forward whose attached message is message/global (RFC 6532), its
  headers UTF-8 (a German sender with a non-ASCII address, a subject with umlauts and a
  dash), sent 8bit as SMTPUTF8 clients send it; the cover note ends in a "-- " signature.
- global-forward-base64.eml: the same attached message/global sent base64, as RFC 6532
  section 3.5 allows (and a client must when the path is not 8-bit clean); the mail's own
  headers RFC 2047-encoded.
- apple-related-forward.eml: Apple Mail's layout, the message attached inside the HTML
  alternative: multipart/alternative -> [text/plain, multipart/related -> [text/html,
  message/rfc822]], with Apple's boundaries, X-Mailer and signature.
- apple-mixed-forward.eml: Apple Mail's other layout: multipart/alternative ->
  [text/plain, multipart/mixed -> [text/html, message/rfc822, text/html]], the signature in
  the HTML after the attachment.
- apple-both-branches.eml: the same message attached in both alternatives
  ([multipart/mixed -> [text/plain, message/rfc822], multipart/related -> [text/html,
  message/rfc822]]): it must be read once.
- global-hostile.eml: message/global crafted to hurt: base64 nested inside base64 sixteen
  deep, one whose payload is a PNG picture, one 8bit whose payload is a line of text and
  no header; the mail's own short text must be all that is read.
"""

from __future__ import annotations

import base64
from email import charset, encoders, policy
from email.message import EmailMessage, Message
from email.mime.base import MIMEBase
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

HERE = Path(__file__).resolve().parent

STATEMENT = (
    "Die Hafenbehörde Valmora teilt mit, dass die ersten der 41 vor der Küste ankernden"
    " Schiffe noch vor Einbruch der Dunkelheit anlegen werden.\n\n"
    "Der Getreideumschlag wird am Mittwoch wieder aufgenommen, sagte ein Sprecher."
)
GLOBAL_SUBJECT = "Hafen Valmora – Getreideumschlag ab Mittwoch, Liegeplätze wieder frei"
RELEASE = (
    "Berthing resumed at the Port of Valmora this morning after a three-day stoppage.\n\n"
    "Grain unloading will resume on Wednesday, the port authority said."
)
RELEASE_SUBJECT = "Port of Valmora: berthing resumes, grain unloading on Wednesday"
APPLE_VERSION = "1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))"
SIGNATURE_HTML = (
    '<div><br></div><div dir="auto" style="caret-color: rgb(0, 0, 0);">'
    "<b>Ana Lima</b><br>Senior Analyst · Trade Analysis Unit<br>Ministry of Transport<br>"
    "T +34 91 555 0100</div>"
)


def german_statement() -> EmailMessage:
    """The press office's mail, its headers in UTF-8 as an SMTPUTF8 client writes them."""
    message = EmailMessage(policy=policy.SMTPUTF8)
    message["From"] = "Jürgen Müller <jürgen.müller@hafen-valmora.example>"
    message["To"] = "presse@hafen-valmora.example"
    message["Subject"] = GLOBAL_SUBJECT
    message["Date"] = "Mon, 03 Mar 2025 18:02:11 +0100"
    message["Message-ID"] = "<statement-0303@hafen-valmora.example>"
    message.set_content(STATEMENT, cte="8bit")
    return message


def press_release() -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Port Authority Press Office <press@valmora.example>"
    message["To"] = "media@valmora.example"
    message["Subject"] = RELEASE_SUBJECT
    message["Date"] = "Mon, 03 Mar 2025 18:02:11 +0000"
    message["Message-ID"] = "<release-0303@valmora.example>"
    message.set_content(RELEASE)
    message.add_alternative("".join(f"<p>{p}</p>" for p in RELEASE.split("\n\n")), subtype="html")
    return message


def headed(message: Message, subject: str, *, apple: bool = False) -> Message:
    message["From"] = "Ana Lima <ana.lima@ministry.example>"
    message["To"] = "trade-unit@ministry.example"
    message["Subject"] = subject
    message["Date"] = "Tue, 04 Mar 2025 09:12:00 +0100"
    slug = "".join(c if c.isascii() and c.isalnum() else "." for c in subject.lower())
    message["Message-ID"] = f"<{slug[:40].strip('.')}-0304@ministry.example>"
    if apple:
        message.replace_header("MIME-Version", APPLE_VERSION)
        message["X-Mailer"] = "Apple Mail (2.3774.600.62)"
    return message


def attached(message: Message, filename: str) -> MIMEMessage:
    part = MIMEMessage(message)
    part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def global_forward(transfer: str) -> Message:
    mail = headed(MIMEMultipart("mixed", policy=policy.SMTPUTF8), f"Fwd: {GLOBAL_SUBJECT}")
    mail.attach(
        MIMEText(
            "FYI – die Mitteilung der Hafenbehörde von gestern.\n\n-- \nAna Lima\n"
            "Trade Analysis Unit\n",
            "plain",
            "utf-8",
        )
    )
    inner = german_statement()
    if transfer == "8bit":
        part: Message = MIMEMessage(inner, "global")
        part["Content-Transfer-Encoding"] = "8bit"
    else:
        part = MIMEBase("message", "global")
        part.set_payload(inner.as_bytes(policy=policy.SMTPUTF8))
        encoders.encode_base64(part)
    part.add_header("Content-Disposition", "attachment", filename="Mitteilung.eml")
    mail.attach(part)
    return mail


def _apple_text(text: str, subtype: str = "plain") -> MIMEText:
    """Apple Mail sends its text parts quoted-printable UTF-8."""
    utf8 = charset.Charset("utf-8")
    utf8.body_encoding = charset.QP
    return MIMEText(text, subtype, utf8)


def _html(body: str) -> MIMEText:
    return _apple_text(
        '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8">'
        '</head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space;'
        f' line-break: after-white-space;">{body}</body></html>',
        "html",
    )


PLAIN_NOTE = (
    "FYI, for Thursday’s shipping section.\n\nAna Lima\nSenior Analyst · Trade Analysis Unit\n"
)
HTML_NOTE = "<div>FYI, for Thursday’s shipping section.</div>"


def apple_related() -> Message:
    related = MIMEMultipart("related", type="text/html")
    related.attach(_html(HTML_NOTE + SIGNATURE_HTML))
    related.attach(attached(press_release(), "Port of Valmora update.eml"))
    mail = headed(MIMEMultipart("alternative"), f"Fwd: {RELEASE_SUBJECT}", apple=True)
    mail.attach(_apple_text(PLAIN_NOTE))
    mail.attach(related)
    return mail


def apple_mixed() -> Message:
    mixed = MIMEMultipart("mixed")
    mixed.attach(_html(HTML_NOTE))
    mixed.attach(attached(press_release(), "Port of Valmora update.eml"))
    mixed.attach(_html(SIGNATURE_HTML))
    mail = headed(MIMEMultipart("alternative"), f"Fwd: {RELEASE_SUBJECT}", apple=True)
    mail.attach(_apple_text(PLAIN_NOTE))
    mail.attach(mixed)
    return mail


def apple_both() -> Message:
    plain = MIMEMultipart("mixed")
    plain.attach(_apple_text(PLAIN_NOTE))
    plain.attach(attached(press_release(), "Port of Valmora update.eml"))
    related = MIMEMultipart("related", type="text/html")
    related.attach(_html(HTML_NOTE + SIGNATURE_HTML))
    related.attach(attached(press_release(), "Port of Valmora update.eml"))
    mail = headed(MIMEMultipart("alternative"), f"Fwd: {RELEASE_SUBJECT}", apple=True)
    mail.attach(plain)
    mail.attach(related)
    return mail


PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def hostile() -> Message:
    """Base64 message/global nested sixteen deep, a picture and a text line sent as
    message/global: none of it is a message a reader can be shown."""
    payload = b"From: Level 16 <l16@example.org>\r\nSubject: Bottom\r\n\r\nThe innermost text.\r\n"
    for level in range(15, 0, -1):
        payload = (
            b"From: Level %d <l%d@example.org>\r\nSubject: Level %d\r\n"
            b"Content-Type: message/global\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            % (level, level, level)
            + base64.encodebytes(payload)
        )
    mail = headed(MIMEMultipart("mixed"), "Weekly figures")
    mail.attach(MIMEText("The weekly figures are below.", "plain", "utf-8"))
    deep = MIMEBase("message", "global")
    deep.set_payload(payload)
    encoders.encode_base64(deep)
    mail.attach(deep)
    picture = MIMEBase("message", "global")
    picture.set_payload(PNG)
    encoders.encode_base64(picture)
    mail.attach(picture)
    text = MIMEBase("message", "global")
    text.set_payload("Not a message at all, only this line.\r\n")
    mail.attach(text)
    return mail


def main() -> None:
    for name, message, style in (
        ("global-forward.eml", global_forward("8bit"), policy.SMTPUTF8),
        ("global-forward-base64.eml", global_forward("base64"), policy.SMTP),
        ("apple-related-forward.eml", apple_related(), policy.SMTP),
        ("apple-mixed-forward.eml", apple_mixed(), policy.SMTP),
        ("apple-both-branches.eml", apple_both(), policy.SMTP),
        ("global-hostile.eml", hostile(), policy.SMTP),
    ):
        for index, part in enumerate(message.walk()):
            if part.is_multipart() and part.get_content_maintype() == "multipart":
                prefix = "Apple-Mail=_" if "X-Mailer" in message else "briefer-boundary-"
                part.set_boundary(f"{prefix}{name.split('.')[0]}-{index}")
            if index and "X-Mailer" in message:  # Apple writes it once, at the top
                del part["MIME-Version"]
        (HERE / name).write_bytes(message.as_bytes(policy=style))
        print("wrote", name)


if __name__ == "__main__":
    main()
