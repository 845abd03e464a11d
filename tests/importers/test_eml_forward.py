"""A message forwarded inline: the forwarded message is the article, its sender the source.

Each case is the body a mail program writes when forwarding (Gmail, Apple Mail,
Thunderbird, Outlook in text and in HTML), built with the standard library's email package.
"""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

import pytest

from briefer.importers.base import ImportLimits
from briefer.importers.eml import EmlImporter

STATEMENT = (
    "The port authority said the first vessels from a queue of 41 ships anchored offshore "
    "would berth before nightfall.\n\nUnloading of grain will resume on Wednesday, officials said."
)

GMAIL = f"""Hi, see below.

---------- Forwarded message ---------
From: Port Authority Press Office <press@valmora.example>
Date: Mon, 3 Mar 2025 at 18:02
Subject: Port of Valmora – update
To: <list@valmora.example>


{STATEMENT}
"""
APPLE = f"""Worth a look for Thursday's note.

Begin forwarded message:

From: Port Authority Press Office <press@valmora.example>
Subject: Port of Valmora – update
Date: 3 March 2025 at 18:02:11 GMT
To: list@valmora.example

{STATEMENT}
"""
THUNDERBIRD = f"""-------- Forwarded Message --------
Subject: 	Port of Valmora – update
Date: 	Mon, 3 Mar 2025 18:02:11 +0000
From: 	Port Authority Press Office <press@valmora.example>
To: 	list@valmora.example

{STATEMENT}
"""
OUTLOOK_TEXT = f"""FYI

-----Original Message-----
From: Port Authority Press Office <press@valmora.example>
Sent: Monday, March 3, 2025 6:02 PM
To: list@valmora.example
Subject: Port of Valmora – update

{STATEMENT}
"""
OUTLOOK_HTML = (
    "<html><body><div><p>FYI, for the shipping section.</p></div>"
    '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in">'
    "<p><b>From:</b> Port Authority Press Office &lt;press@valmora.example&gt;<br>"
    "<b>Sent:</b> Monday, March 3, 2025 6:02 PM<br><b>To:</b> list@valmora.example<br>"
    "<b>Subject:</b> Port of Valmora – update</p></div>"
    + "".join(f"<p>{para}</p>" for para in STATEMENT.split("\n\n"))
    + "</body></html>"
)


def forward(body: str, *, html: bool = False, subject: str = "Fwd: Port of Valmora – update"):  # type: ignore[no-untyped-def]
    message = EmailMessage()
    message["From"] = "José García <jose@ministry.example>"
    message["To"] = "analysts@ministry.example"
    message["Subject"] = subject
    message["Date"] = "Tue, 04 Mar 2025 09:12:00 +0100"
    if html:
        message.set_content("(HTML only)")
        message.add_alternative(body, subtype="html")
    else:
        message.set_content(body)
    return EmlImporter().extract_with_warnings(bytes(message), "fwd.eml", ImportLimits())


@pytest.mark.parametrize(
    ("body", "html", "note_words"),
    [(GMAIL, False, 3), (APPLE, False, 6), (THUNDERBIRD, False, 0), (OUTLOOK_TEXT, False, 1),
     (OUTLOOK_HTML, True, 5)],
    ids=["gmail", "apple-mail", "thunderbird", "outlook-text", "outlook-html"],
)  # fmt: skip
def test_the_forwarded_message_is_the_article_and_its_sender_the_source(
    body: str, html: bool, note_words: int
) -> None:
    article, warnings = forward(body, html=html)
    assert article.title == "Port of Valmora – update"
    assert article.author == "Port Authority Press Office"
    assert article.publisher == "valmora.example"
    assert article.published == dt.date(2025, 3, 3)  # sent, not forwarded on the 4th
    assert article.text == STATEMENT
    if note_words:
        words = f"{note_words} word{'s' if note_words != 1 else ''}"
        assert warnings == (
            f"fwd.eml: the forwarder's note above the forwarded message ({words}) "
            "was left out; the article is the forwarded message.",
        )
    else:
        assert warnings == ()


def test_a_forward_without_a_subject_of_its_own_takes_the_forwarded_one() -> None:
    article, _ = forward(GMAIL, subject="")
    assert article.title == "Port of Valmora – update"


def test_prose_that_mentions_from_and_dates_is_not_a_forward() -> None:
    body = (
        "From: the harbourmaster's office, as every Monday.\n\n"
        "Date of the next sailing is not yet known.\n\n"
        "Ships waiting offshore fell to 41 on Monday, the office said."
    )
    article, warnings = forward(body, subject="Harbour notes")
    assert article.author == "José García" and article.publisher == "ministry.example"
    assert article.published == dt.date(2025, 3, 4)
    assert "harbourmaster's office" in article.text and warnings == ()


def test_a_forward_header_with_nothing_after_it_keeps_the_message_as_it_is() -> None:
    header_only = GMAIL.replace(STATEMENT, "")
    article, _ = forward(header_only)
    assert article.author == "José García"
    assert "Hi, see below." in article.text


def test_a_crafted_giant_header_or_twenty_thousand_are_read_as_text() -> None:
    """A "From:" paragraph of a megabyte, or 20,000 of them, is prose, not a forward."""
    giant = "From: " + "Press Office " * 80_000 + "\nDate: Mon, 3 Mar 2025\nSubject: x\n\nText."
    article, _ = forward(giant, subject="Giant")
    assert article.author == "José García"
    many = "\n\n".join(f"From: office {i} Date: 3 Mar 2025" for i in range(20_000))
    article, _ = forward(many + "\n\nThe end of the message.", subject="Many")
    assert article.author == "José García" and article.text.endswith("The end of the message.")


@pytest.mark.parametrize(("body", "html"), [(OUTLOOK_TEXT, False), (OUTLOOK_HTML, True)],
                         ids=["outlook-text", "outlook-html"])  # fmt: skip
def test_an_outlook_reply_keeps_its_new_text_and_its_sender(body: str, html: bool) -> None:
    """Outlook heads the message a reply quotes as it heads a forward; the subject tells."""
    reply = body.replace("FYI", "We should cite the ministry's figure instead.")
    article, warnings = forward(reply, html=html, subject="RE: Port of Valmora – update")
    assert article.author == "José García" and article.publisher == "ministry.example"
    assert article.published == dt.date(2025, 3, 4)
    assert article.text.startswith(("We should cite", "FYI"))
    assert "41 ships" in article.text and warnings == ()


@pytest.mark.parametrize(
    ("sender", "author", "publisher"),
    [
        ("Jane Smith [mailto:jane.smith@port.example]", "Jane Smith", "port.example"),
        ("Smith, Jane", "Smith, Jane", ""),
        ('"Press Office" <press@valmora.example>', "Press Office", "valmora.example"),
    ],
)
def test_the_forwarded_senders_name_is_read_as_each_program_writes_it(
    sender: str, author: str, publisher: str
) -> None:
    body = OUTLOOK_TEXT.replace(
        "From: Port Authority Press Office <press@valmora.example>", f"From: {sender}"
    )
    article, _ = forward(body)
    assert (article.author, article.publisher) == (author, publisher)  # never the forwarder's


def test_a_forward_of_a_forward_is_the_message_at_the_bottom() -> None:
    """A colleague passes on what a press office sent them: the source is the office."""
    middle = f"""Passing this on.

---------- Forwarded message ---------
From: Anna Berg <anna.berg@ministry.example>
Date: Mon, 3 Mar 2025 at 19:10
Subject: Fwd: Port of Valmora – update
To: <desk@ministry.example>


{GMAIL}"""
    article, warnings = forward(middle)
    assert (article.author, article.publisher) == ("Port Authority Press Office", "valmora.example")
    assert article.published == dt.date(2025, 3, 3) and article.text == STATEMENT
    assert warnings == (
        "fwd.eml: the forwarder's note above the forwarded message (6 words) was left out; "
        "the article is the forwarded message.",
    )


@pytest.mark.parametrize(
    "prefix",
    ["VB", "Vb", "VL", "PD", "İLT", "ΠΡΘ", "Пересл", "转发", "轉寄", "転送", "FW", "WG", "TR"],
)
def test_outlooks_forward_in_any_language_is_the_forwarded_message(prefix: str) -> None:
    """Outlook writes the same header above a reply's quotation, so only the subject's
    prefix tells a forward: each language's own (Swedish VB, Finnish VL, Polish PD,
    Turkish İLT, Greek ΠΡΘ, Russian Пересл, Chinese 转发/轉寄, Japanese 転送), with
    an ASCII or a full-width colon."""
    for colon in (":", "："):
        article, _ = forward(OUTLOOK_TEXT, subject=f"{prefix}{colon} Port of Valmora – update")
        assert article.author == "Port Authority Press Office"
        assert article.title == "Port of Valmora – update"
        assert article.text == STATEMENT


@pytest.mark.parametrize("prefix", ["SV", "YNT", "ΑΠ", "Отв", "回复", "回覆", "答复"])
def test_outlooks_reply_in_any_language_keeps_its_new_text(prefix: str) -> None:
    reply = OUTLOOK_TEXT.replace("FYI", "The figures below are wrong: it was 14 ships.")
    article, _ = forward(reply, subject=f"{prefix}: Port of Valmora – update")
    assert article.author == "José García"
    assert article.text.startswith("The figures below are wrong")
    assert article.title == "Port of Valmora – update"
