"""A message forwarded as an attachment (message/rfc822) is the article, not the forward.

Mails are built with the standard library's email package (``add_attachment`` of a
message, as Outlook's and Thunderbird's "Forward as attachment" write them), and two
hand-written Outlook- and Thunderbird-shaped files are imported through the CLI.
"""

from __future__ import annotations

import datetime as dt
import json
from email.message import EmailMessage
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

STATEMENT = (
    "The port authority said the first vessels from a queue of 41 ships anchored offshore "
    "would berth before nightfall.\n\nUnloading of grain will resume on Wednesday, officials said."
)
SUBJECT = "Port of Valmora – update"
COMMENT = (
    "I have read the authority's statement against our own figures. The queue it reports "
    "is twice what the ministry told us on Friday, and the grain dates do not match the "
    "shipping agents' notices either. Before Thursday's note we should ask the port for its "
    "daily berth list, and check whether the stoppage figures include the tankers waiting "
    "at the southern anchorage, which the ministry counts separately."
)


def press_release(body: str = STATEMENT, subject: str = SUBJECT) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Port Authority Press Office <press@valmora.example>"
    message["To"] = "media@valmora.example"
    message["Subject"] = subject
    message["Date"] = "Mon, 03 Mar 2025 18:02:11 +0000"
    message.set_content(body)
    return message


def forward(
    cover: str, *attached: EmailMessage, subject: str = f"FW: {SUBJECT}", html: str = ""
) -> Imported:
    """José García forwards ``attached`` on the 4th under the note ``cover``."""
    mail = EmailMessage()
    mail["From"] = "José García <jose.garcia@ministry.example>"
    mail["To"] = "trade-unit@ministry.example"
    mail["Subject"] = subject
    mail["Date"] = "Tue, 04 Mar 2025 09:12:00 +0100"
    mail.set_content(cover)
    if html:
        mail.add_alternative(html, subtype="html")
    for message in attached:
        mail.add_attachment(message, filename=f"{str(message['subject'])[:60]}.eml")
    return import_bytes(bytes(mail), "fwd.eml")


def _note(words: int) -> str:
    return (
        f"fwd.eml: the forwarder's note above the forwarded message ({words} word"
        f"{'s' if words != 1 else ''}) was left out; the article is the forwarded message."
    )


SIGNATURE_HTML = (
    "<p>FYI, for Thursday&#8217;s shipping section.</p><p>&nbsp;</p>"
    "<p><b>José García</b></p><p>Senior Analyst | Trade Analysis Unit</p>"
    "<p>Ministry of Transport</p><p>T +34 91 555 0100</p>"
)


@pytest.mark.parametrize(
    ("cover", "html", "words"),
    [
        ("", "", 0),
        ("FYI", "", 1),
        ("See below.\n\n-- \nJosé García\nTrade Analysis Unit\n", "", 2),
        ("FYI, for Thursday's shipping section.", SIGNATURE_HTML, 21),
    ],
    ids=["no-note", "fyi", "signature", "outlook-html-signature"],
)
def test_a_message_forwarded_as_an_attachment_is_the_article(
    cover: str, html: str, words: int
) -> None:
    imported = forward(cover, press_release(), html=html)
    article = imported.article
    assert article.title == SUBJECT
    assert article.author == "Port Authority Press Office"
    assert article.publisher == "valmora.example"  # never the forwarder's ministry
    assert article.published == dt.date(2025, 3, 3)  # sent on the 3rd, forwarded on the 4th
    assert article.text == STATEMENT  # the note is not mixed in
    assert imported.warnings == ((_note(words),) if words else ())


def test_a_forward_under_a_forward_subject_leaves_even_a_long_note_out() -> None:
    """As for an inline forward: "FW:" says the mail forwards; its note is counted."""
    imported = forward(COMMENT, press_release())
    assert (imported.article.author, imported.article.text) == (
        "Port Authority Press Office",
        STATEMENT,
    )
    assert imported.warnings == (_note(len(COMMENT.split())),)


@pytest.mark.parametrize(
    ("subject", "forwards"),
    [
        (f"[Fwd: {SUBJECT}]", True),  # older Thunderbird
        (SUBJECT, True),  # the attached message's own subject
        ("", True),
        (f"RE: {SUBJECT}", False),  # a reply that attaches what it answers
        (f"AW: {SUBJECT}", False),
        ("Port figures do not add up", False),
    ],
)
def test_the_subject_says_whether_a_mail_with_a_long_note_forwards(
    subject: str, forwards: bool
) -> None:
    article = forward(COMMENT, press_release(), subject=subject).article
    assert article.author == ("Port Authority Press Office" if forwards else "José García")
    assert (article.text == STATEMENT) is forwards


@pytest.mark.parametrize(
    "subject", [f"Re: {SUBJECT}", f"AW: {SUBJECT}", "Correction needed"], ids=["re", "aw", "own"]
)
def test_a_short_reply_or_note_under_its_own_subject_stays_the_article(subject: str) -> None:
    """Review: a 22-word reply correcting the figures it answers was replaced by the
    message it attached, its correction only counted in the report. A reply's words,
    however few, are its sender's; so are a note's under a subject of its own."""
    reply = "No. These numbers are wrong: the queue was 21 ships, not 41. Use the berth list."
    imported = forward(reply, press_release(), subject=subject)
    article = imported.article
    title = SUBJECT if subject.endswith(SUBJECT) else subject  # "Re:" is no part of a title
    assert (article.title, article.author) == (title, "José García")
    assert article.text.startswith(reply) and article.text.endswith(STATEMENT)


def test_a_mail_with_text_of_its_own_stays_the_article_and_names_what_it_carries() -> None:
    """A colleague's comments under their own subject, the statement attached for
    reference: the comments are their writing; the statement is shown under its heading."""
    imported = forward(COMMENT, press_release(), subject="Port figures do not add up")
    article = imported.article
    assert (article.title, article.author) == ("Port figures do not add up", "José García")
    assert (article.publisher, article.published) == ("ministry.example", dt.date(2025, 3, 4))
    assert article.text.startswith(COMMENT[:40]) and article.text.endswith(STATEMENT)
    assert f"Forwarded message: {SUBJECT}" in article.text
    assert imported.warnings == (
        f'fwd.eml: an attached message ("{SUBJECT}" from Port Authority Press Office) is'
        " shown under its own heading, but the article is the mail itself, by its sender; to"
        " cite the attached message as its own source, save it from your mail program and"
        " import it.",
    )


def test_several_attached_messages_keep_the_mail_as_the_article_in_order() -> None:
    """Taking one would drop the others: each stays under its heading, and the report
    says the article is the mail's."""
    second = press_release("Pilots ended their stoppage on Sunday night.", "Pilots return")
    imported = forward("FYI", press_release(), second)
    article = imported.article
    assert (article.title, article.author, article.published) == (
        SUBJECT,
        "José García",
        dt.date(2025, 3, 4),
    )
    headings = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings == [f"Forwarded message: {SUBJECT}", "Forwarded message: Pilots return"]
    assert article.text.startswith("FYI") and article.text.endswith("on Sunday night.")
    assert imported.warnings == (
        f'fwd.eml: 2 attached messages ("{SUBJECT}" from Port Authority Press Office,'
        ' "Pilots return" from Port Authority Press Office) are shown under their own'
        " headings, but the article is the mail itself, by its sender; to cite one as its own"
        " source, save it from your mail program and import it.",
    )


def test_attached_messages_are_shown_where_they_stand_among_the_mails_own_parts() -> None:
    """The mail is read once: each message it carries goes back where it stood, also from
    inside the alternative a mail program shows (Apple Mail nests HTML and attachments
    there)."""
    shown = MIMEMultipart("mixed")
    shown.attach(MIMEMessage(press_release("First statement.", "First")))
    shown.attach(MIMEText("<p>In the alternative.</p>", "html", "utf-8"))
    alternative = MIMEMultipart("alternative")
    alternative.attach(shown)
    mail = MIMEMultipart("mixed")
    mail["From"] = "Trade desk <desk@ministry.example>"
    mail["Subject"] = "Two statements"
    mail["Date"] = "Tue, 04 Mar 2025 09:12:00 +0100"
    for part in (MIMEText("Before.", "plain", "utf-8"), alternative,
                 MIMEText("After.", "plain", "utf-8"),
                 MIMEMessage(press_release("Second statement.", "Second"))):  # fmt: skip
        mail.attach(part)
    imported = import_bytes(mail.as_bytes(), "two.eml")
    article = imported.article
    sender = "From: Port Authority Press Office <press@valmora.example>"
    sent = "Date: Mon, 03 Mar 2025 18:02:11 +0000"
    assert [article.block_text(b) for b in article.blocks] == [
        "Before.",
        "Forwarded message: First",
        f"{sender}; {sent}",
        "First statement.",
        "In the alternative.",
        "After.",
        "Forwarded message: Second",
        f"{sender}; {sent}",
        "Second statement.",
    ]
    assert (article.title, article.author) == ("Two statements", "Trade desk")
    assert imported.warnings[0].startswith("two.eml: 2 attached messages")


def test_an_attached_message_with_no_text_of_its_own_is_not_the_article() -> None:
    report = press_release()
    report.clear_content()
    report.add_attachment(b"%PDF-1.4\n", maintype="application", subtype="pdf",
                          filename="berth-list.pdf")  # fmt: skip
    imported = forward("FYI", report)
    assert (imported.article.author, imported.article.text.split("\n\n")[0]) == (
        "José García",
        "FYI",
    )
    assert imported.warnings[0].startswith("fwd.eml: an attached document (berth-list.pdf)")
    assert imported.warnings[1].startswith("fwd.eml: an attached message")


def test_an_attached_message_that_forwards_inline_is_followed_to_the_bottom() -> None:
    """A colleague's Gmail forward of the press office's mail, forwarded as an attachment."""
    inline = (
        "Hi, see below.\n\n---------- Forwarded message ---------\n"
        "From: Port Authority Press Office <press@valmora.example>\n"
        "Date: Mon, 3 Mar 2025 at 18:02\n"
        f"Subject: {SUBJECT}\nTo: <media@valmora.example>\n\n\n{STATEMENT}\n"
    )
    colleague = press_release(inline, f"Fwd: {SUBJECT}")
    colleague.replace_header("From", "Anna Berg <anna.berg@gmail.com>")
    colleague.replace_header("Date", "Mon, 03 Mar 2025 21:40:00 +0000")
    imported = forward("FYI", colleague)
    article = imported.article
    assert (article.title, article.author, article.publisher) == (
        SUBJECT,
        "Port Authority Press Office",
        "valmora.example",
    )
    assert (article.published, article.text) == (dt.date(2025, 3, 3), STATEMENT)
    assert imported.warnings == (_note(4),)  # "FYI" and "Hi, see below."


def _cli(capsys: pytest.CaptureFixture[str], *args: object) -> object:
    code = main([str(a) for a in (*args, "--json")])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_outlook_and_thunderbird_forwards_as_attachments_import_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "brief.briefer"
    assert main(["new", str(project)]) == 0
    capsys.readouterr()
    report = _cli(
        capsys, "import", project, DATA / "outlook-forward-as-attachment.eml",
        DATA / "thunderbird-forward-as-attachment.eml",
    )  # fmt: skip
    assert isinstance(report, dict) and report["imported"] == 2, report
    warnings = {Path(r["source"]).name: r["warnings"] for r in report["results"]}
    assert warnings == {
        "outlook-forward-as-attachment.eml": [
            "outlook-forward-as-attachment.eml: the forwarder's note above the forwarded"
            " message (21 words) was left out; the article is the forwarded message."
        ],
        "thunderbird-forward-as-attachment.eml": [],  # a signature only, cut at "-- "
    }
    articles = _cli(capsys, "articles", project)
    assert isinstance(articles, list)
    shown = {}
    for summary in articles:
        article = _cli(capsys, "show", project, summary["id"])
        assert isinstance(article, dict)
        shown[article["source"]] = article
    outlook = shown["outlook-forward-as-attachment.eml"]
    assert outlook["title"] == "Port of Valmora: berthing resumes, grain unloading on Wednesday"
    assert outlook["author"] == "Port Authority of Valmora Press Office"
    assert (outlook["publisher"], outlook["published"]) == ("valmora.example", "2025-03-03")
    assert outlook["text"].startswith("PRESS RELEASE\n\nBerthing resumes at the Port of Valmora")
    assert outlook["text"].endswith("is expected to return by the end of the week.")
    assert "García" not in outlook["text"] and "FYI" not in outlook["text"]
    weekly = shown["thunderbird-forward-as-attachment.eml"]
    assert weekly["title"] == "Valmora Shipping Weekly: pilots end stoppage"
    assert (weekly["author"], weekly["publisher"]) == ("Marta Kolb", "Valmora Shipping Weekly")
    assert weekly["published"] == "2025-03-03"
    assert weekly["text"].startswith("Harbour pilots at Valmora ended their three-day stoppage")
    assert "Anna Berg" not in weekly["text"]


# Hostile input: an attached message's headers, parts and nesting count against the
# mail's own bounds.

HEAD = (
    b"From: Desk <desk@example.org>\r\nTo: analyst@example.org\r\nSubject: Fwd: news\r\n"
    b"Date: Tue, 04 Mar 2025 09:30:00 +0100\r\nMIME-Version: 1.0\r\n"
)


def _nested(levels: int) -> bytes:
    """``levels`` messages, each attached whole to the one before, by Sender 1, 2, ..."""
    chain = b"".join(
        b"Content-Type: message/rfc822\r\n\r\nFrom: Sender %d <s%d@example.org>\r\n"
        b"Subject: Level %d\r\n" % (i, i, i)
        for i in range(1, levels + 1)
    )
    return HEAD + chain + b"Content-Type: text/plain\r\n\r\nThe innermost text.\r\n"


def test_an_attached_messages_megabyte_subject_is_cut_before_it_is_read() -> None:
    """The parser reads a header word by word on every read (ten seconds a read for a
    megabyte): an attached message's Subject is cut as the mail's own is."""
    huge = b" ".join([b"harbour"] * 130_000)
    data = (
        HEAD + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nFYI\r\n"
        b"--b\r\nContent-Type: message/rfc822\r\n\r\n"
        b"From: Port Authority Press Office <press@valmora.example>\r\n"
        b"Subject: " + huge + b"\r\nContent-Type: text/plain\r\n\r\n"
        + STATEMENT.encode() + b"\r\n--b--\r\n"
    )  # fmt: skip
    article = import_bytes(data, "subject.eml").article
    assert article.title.startswith("harbour harbour") and len(article.title) <= 8192
    assert (article.author, article.text) == ("Port Authority Press Office", STATEMENT)


def test_a_forward_chain_deeper_than_the_nesting_bound_stops_at_it() -> None:
    """A hundred forwards of forwards: the article is a message within the bound of a
    dozen levels, never one below it."""
    article = import_bytes(_nested(100), "deep.eml").article
    assert article.author in {f"Sender {i}" for i in range(1, 14)}
    assert "innermost" not in article.text


def test_attached_messages_nested_past_the_part_limit_are_refused_before_parsing() -> None:
    """A message/rfc822 part needs no boundary line to nest, so each counts as a part."""
    with pytest.raises(ImportRejected) as caught:
        import_bytes(_nested(5000), "deep.eml")
    assert str(caught.value).startswith("deep.eml has more than 2,000 MIME parts")


@pytest.mark.parametrize("kind", ["messages", "multiparts"])
def test_parts_nested_too_deep_for_the_parser_are_refused_as_such(kind: str) -> None:
    """Under the part limit, but deeper than the parser's recursion reaches."""
    if kind == "messages":
        data = _nested(1100)
    else:
        data = HEAD + b"".join(
            b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
            for i in range(1100)
        ) + b"Content-Type: text/plain\r\n\r\nThe innermost text.\r\n"  # fmt: skip
    with pytest.raises(ImportRejected) as caught:
        import_bytes(data, "deep.eml")
    message = str(caught.value)
    assert message.startswith("deep.eml nests parts or attached messages inside one another")
    assert "\n" not in message
