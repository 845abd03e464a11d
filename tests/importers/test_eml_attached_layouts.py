"""Messages forwarded attached where modern clients put them: message/global (RFC 6532,
UTF-8 headers, sent 8bit or encoded) and Apple Mail's attachments inside the HTML
alternative. Fixtures from tests/data/importers/eml/make_attached.py (Python's email
package, laid out as those clients lay messages out); hostile variants built here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from email import encoders, policy
from email.message import EmailMessage
from email.mime.base import MIMEBase
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.core.model import BlockKind
from briefer.importers.base import ImportRejected
from briefer.importers.registry import Imported, import_bytes

DATA = Path(__file__).parents[1] / "data" / "importers" / "eml"

GLOBAL_SUBJECT = "Hafen Valmora – Getreideumschlag ab Mittwoch, Liegeplätze wieder frei"
STATEMENT = (
    "Die Hafenbehörde Valmora teilt mit, dass die ersten der 41 vor der Küste ankernden"
    " Schiffe noch vor Einbruch der Dunkelheit anlegen werden.\n\n"
    "Der Getreideumschlag wird am Mittwoch wieder aufgenommen, sagte ein Sprecher."
)
RELEASE_SUBJECT = "Port of Valmora: berthing resumes, grain unloading on Wednesday"
RELEASE = (
    "Berthing resumed at the Port of Valmora this morning after a three-day stoppage.\n\n"
    "Grain unloading will resume on Wednesday, the port authority said."
)


def _imported(name: str, data: bytes | None = None) -> Imported:
    return import_bytes(data if data is not None else (DATA / name).read_bytes(), name)


def _note(name: str, words: int) -> str:
    return (
        f"{name}: the forwarder's note above the forwarded message ({words} words) was left"
        " out; the article is the forwarded message."
    )


@pytest.mark.parametrize("name", ["global-forward.eml", "global-forward-base64.eml"])
def test_a_message_global_forwarded_attached_is_the_article(name: str) -> None:
    """Before: the 8bit one was read as the forwarder's own text (their note and
    signature first, by Ana Lima, on the 4th); the base64 one showed its base64."""
    imported = _imported(name)
    article = imported.article
    assert article.title == GLOBAL_SUBJECT
    assert (article.author, article.publisher) == ("Jürgen Müller", "hafen-valmora.example")
    assert article.published == dt.date(2025, 3, 3)  # sent on the 3rd, forwarded on the 4th
    assert article.text == STATEMENT  # no note, no "-- Ana Lima" signature
    assert imported.warnings == (_note(name, 8),)


def _statement(subject: str = GLOBAL_SUBJECT, body: str = STATEMENT) -> EmailMessage:
    message = EmailMessage(policy=policy.SMTPUTF8)
    message["From"] = "Jürgen Müller <jürgen.müller@hafen-valmora.example>"
    message["Subject"] = subject
    message["Date"] = "Mon, 03 Mar 2025 18:02:11 +0100"
    message.set_content(body, cte="8bit")
    return message


def _global(payload: bytes, transfer: str) -> MIMEBase:
    part = MIMEBase("message", "global")
    part.set_payload(payload)
    if transfer == "base64":
        encoders.encode_base64(part)
    elif transfer == "quoted-printable":
        encoders.encode_quopri(part)
    else:
        part["Content-Transfer-Encoding"] = transfer
    return part


def _mail(*parts: MIMEBase, subject: str = f"Fwd: {GLOBAL_SUBJECT}") -> bytes:
    mail = MIMEMultipart("mixed", policy=policy.SMTPUTF8)
    mail["From"] = "Ana Lima <ana.lima@ministry.example>"
    mail["Subject"] = subject
    mail["Date"] = "Tue, 04 Mar 2025 09:12:00 +0100"
    mail.attach(MIMEText("FYI\n\n-- \nAna Lima\nTrade Analysis Unit\n", "plain", "utf-8"))
    for part in parts:
        mail.attach(part)
    return mail.as_bytes(policy=policy.SMTPUTF8)


def test_a_quoted_printable_message_global_is_read_as_its_message() -> None:
    quoted = _global(_statement().as_bytes(policy=policy.SMTPUTF8), "quoted-printable")
    article = _imported("qp.eml", _mail(quoted)).article
    assert (article.title, article.author) == (GLOBAL_SUBJECT, "Jürgen Müller")
    assert (article.published, article.text) == (dt.date(2025, 3, 3), STATEMENT)


def test_a_forward_of_a_forward_in_message_global_is_followed_to_the_bottom() -> None:
    """A colleague's forward of the statement, both as message/global, the outer one
    base64: the message inside the decoded bytes is found as the mail's own are."""
    colleague = MIMEMultipart("mixed", policy=policy.SMTPUTF8)
    colleague["From"] = "Åsa Öberg <åsa@hamn.example>"
    colleague["Subject"] = f"Fwd: {GLOBAL_SUBJECT}"
    colleague["Date"] = "Mon, 03 Mar 2025 21:40:00 +0100"
    colleague.attach(MIMEText("Till kännedom.", "plain", "utf-8"))
    sent = MIMEMessage(_statement(), "global")
    sent["Content-Transfer-Encoding"] = "8bit"
    colleague.attach(sent)
    imported = _imported("fwd2.eml", _mail(_global(colleague.as_bytes(), "base64")))
    article = imported.article
    assert (article.title, article.author, article.text) == (
        GLOBAL_SUBJECT,
        "Jürgen Müller",
        STATEMENT,
    )
    assert "Åsa" not in article.text and "kännedom" not in article.text


APPLE = ["apple-related-forward.eml", "apple-mixed-forward.eml", "apple-both-branches.eml"]


@pytest.mark.parametrize("name", APPLE)
def test_apple_mails_forward_attached_inside_the_html_alternative_is_the_article(
    name: str,
) -> None:
    """Before: the attached message was never found; the article was Ana Lima's note and
    her signature. In both branches it is one message, read once."""
    imported = _imported(name)
    article = imported.article
    assert article.title == RELEASE_SUBJECT
    assert (article.author, article.publisher) == ("Port Authority Press Office", "valmora.example")
    assert article.published == dt.date(2025, 3, 3)
    assert article.text == RELEASE
    assert "Ana Lima" not in article.text and "+34 91" not in article.text
    assert imported.warnings == (_note(name, 21),)


def test_a_message_apple_attaches_in_both_branches_is_shown_once_under_a_note() -> None:
    """Under a subject of its own the note stays the article, and the message it carries,
    attached in both alternatives, is shown (and reported) once."""
    data = (DATA / "apple-both-branches.eml").read_bytes()
    data = data.replace(
        b"Subject: Fwd: Port of", b"Subject: Queue figures for Thursday, re Port of"
    )
    imported = _imported("own.eml", data)
    article = imported.article
    assert (article.author, article.published) == ("Ana Lima", dt.date(2025, 3, 4))
    headings = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings == [f"Forwarded message: {RELEASE_SUBJECT}"]
    assert article.text.startswith("FYI, for Thursday’s shipping section.")
    assert article.text.endswith(RELEASE) and article.text.count("Berthing resumed") == 1
    assert len(imported.warnings) == 1
    assert imported.warnings[0].startswith("own.eml: an attached message (")


def test_a_document_apple_attaches_inside_the_html_alternative_is_reported() -> None:
    """The HTML branch Apple Mail writes (HTML, attachment, HTML) is the one shown, so a
    PDF attached there is named in the report, and its text after the PDF is kept."""
    mixed = MIMEMultipart("mixed")
    mixed.attach(MIMEText("<div>Berth list attached.</div>", "html", "utf-8"))
    pdf = MIMEBase("application", "pdf")
    pdf.set_payload(b"%PDF-1.4\n")
    encoders.encode_base64(pdf)
    pdf.add_header("Content-Disposition", "attachment", filename="berth-list.pdf")
    mixed.attach(pdf)
    mixed.attach(MIMEText("<div>Queue down to 30 ships.</div>", "html", "utf-8"))
    mail = MIMEMultipart("alternative")
    mail["From"] = "Ana Lima <ana.lima@ministry.example>"
    mail["Subject"] = "Berth list"
    mail.attach(MIMEText("Berth list attached.\n\nQueue down to 30 ships.", "plain", "utf-8"))
    mail.attach(mixed)
    imported = _imported("pdf.eml", mail.as_bytes())
    assert imported.article.text == "Berth list attached.\n\nQueue down to 30 ships."
    assert imported.warnings[0].startswith("pdf.eml: an attached document (berth-list.pdf)")


def _cli(capsys: pytest.CaptureFixture[str], *args: object) -> object:
    code = main([str(a) for a in (*args, "--json")])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_message_global_and_apple_forwards_import_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the analyst sees in the project: the forwarded message's title, author, date
    and text, UTF-8 kept through the store."""
    project = tmp_path / "brief.briefer"
    assert main(["new", str(project)]) == 0
    capsys.readouterr()
    files = [DATA / "global-forward-base64.eml", DATA / "apple-mixed-forward.eml"]
    report = _cli(capsys, "import", project, *files)
    assert isinstance(report, dict) and report["imported"] == 2, report
    articles = _cli(capsys, "articles", project)
    assert isinstance(articles, list)
    shown = {}
    for summary in articles:
        article = _cli(capsys, "show", project, summary["id"])
        assert isinstance(article, dict)
        shown[article["source"]] = article
    german = shown["global-forward-base64.eml"]
    assert (german["title"], german["author"]) == (GLOBAL_SUBJECT, "Jürgen Müller")
    assert (german["published"], german["text"]) == ("2025-03-03", STATEMENT)
    apple = shown["apple-mixed-forward.eml"]
    assert (apple["title"], apple["author"]) == (RELEASE_SUBJECT, "Port Authority Press Office")
    assert (apple["published"], apple["text"]) == ("2025-03-03", RELEASE)


# Hostile input: a message/global is parsed from bytes no one checked before, so its
# parts count with the mail's, its nesting stops at the bound, and one that holds no
# message is not read as text.


def test_hostile_message_global_fixture_reads_only_the_mails_own_text() -> None:
    """Base64 inside base64 sixteen deep, a PNG and a line of text as message/global."""
    imported = _imported("global-hostile.eml")
    article = imported.article
    assert (article.title, article.author) == ("Weekly figures", "Ana Lima")
    assert article.text.startswith("The weekly figures are below.")
    assert "innermost" not in article.text and "Not a message" not in article.text
    assert max(len(word) for word in article.text.split()) < 40  # no base64 shown as text
    headings = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings == [f"Forwarded message: Level {i}" for i in range(1, len(headings) + 1)]
    assert 1 <= len(headings) <= 13  # within eml_parts' nesting bound


def test_a_deep_base64_chain_under_a_forward_subject_stops_at_the_bound() -> None:
    data = (DATA / "global-hostile.eml").read_bytes()
    article = _imported(
        "deep.eml", data.replace(b"Subject: Weekly", b"Subject: Fwd: Weekly")
    ).article
    assert article.author in {f"Level {i}" for i in range(1, 14)}
    assert "innermost" not in article.text


@pytest.mark.parametrize(
    ("payload", "transfer"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "base64"),
        (b"Only a line of text, and no header.\r\n", "8bit"),
        (b"=XX=\r\n" * 40, "quoted-printable"),
        (b"", "base64"),
    ],
    ids=["picture", "text-line", "bad-quoted-printable", "empty"],
)
def test_a_message_global_that_holds_no_message_is_left_out(payload: bytes, transfer: str) -> None:
    imported = _imported("odd.eml", _mail(_global(payload, transfer), subject="Weekly figures"))
    article = imported.article
    assert (article.title, article.author) == ("Weekly figures", "Ana Lima")
    assert article.text == "FYI"  # the signature is cut; nothing of the part is shown
    assert imported.warnings == ()


def test_a_message_global_whose_payload_is_not_base64_is_left_out() -> None:
    part = MIMEBase("message", "global")
    part["Content-Transfer-Encoding"] = "base64"
    part.set_payload("*** This is not base64 at all. ***\r\n")
    imported = _imported("broken.eml", _mail(part, subject="Weekly figures"))
    assert (imported.article.author, imported.article.text) == ("Ana Lima", "FYI")


def test_parts_hidden_in_an_encoded_message_global_count_against_the_part_limit() -> None:
    """Base64 hides the 3,000 parts from the count made before parsing; they are counted
    when the payload is decoded, and the mail is refused in one sentence."""
    inner = (
        b"From: S <s@example.org>\r\nSubject: Many\r\n"
        b'Content-Type: multipart/mixed; boundary="p"\r\n\r\n'
        + b"--p\r\nContent-Type: text/plain\r\n\r\nx\r\n" * 3000
        + b"--p--\r\n"
    )
    with pytest.raises(ImportRejected) as caught:
        _imported("many.eml", _mail(_global(inner, "base64")))
    message = str(caught.value)
    assert message.startswith("many.eml has more than 2,000 MIME parts")
    assert "\n" not in message


def test_message_global_nested_past_the_parsers_reach_is_refused_as_such() -> None:
    """8bit message/global a thousand deep: refused in one sentence, not a traceback."""
    chain = b"".join(
        b"Content-Type: message/global\r\n\r\nFrom: S%d <s%d@example.org>\r\n" % (i, i)
        for i in range(1100)
    )
    head = b"From: Ana <a@example.org>\r\nSubject: Fwd: x\r\nMIME-Version: 1.0\r\n"
    with pytest.raises(ImportRejected) as caught:
        _imported("deep.eml", head + chain + b"Content-Type: text/plain\r\n\r\nText.\r\n")
    assert re.fullmatch(r"deep\.eml nests parts or attached messages [^\n]+", str(caught.value))
