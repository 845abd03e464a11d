"""E-mail messages (.eml): news alerts, newsletters and forwarded articles.

Standard-library ``email`` plus Briefer's HTML and text converters; imports core and
briefer.importers only. Attachments are not imported (an attachment is its own file).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesFeedParser
from email.utils import parseaddr
from pathlib import PurePath

from briefer.core.model import Article, BlockKind
from briefer.core.record import replace
from briefer.core.safetext import one_line
from briefer.core.words import counted
from briefer.importers.base import (
    ArticleBuilder,
    Deadline,
    ImportLimits,
    ImportRejected,
    LocalFileReader,
)
from briefer.importers.cleanup import is_boilerplate_line, is_mail_boilerplate
from briefer.importers.docinfo import plausible
from briefer.importers.eml_forward import InlineForward, innermost_forward, read_attached
from briefer.importers.eml_parts import (
    MAX_DEPTH,
    READ_HEADERS,
    Walk,
    plain_subject,
    unflowed,
)
from briefer.importers.encoding import decode_text
from briefer.importers.htmlconvert import MAX_BLOCKS, html_to_article_blocks
from briefer.importers.text import heading_like, is_prose, text_to_blocks

_HEADER = re.compile(rb"^([A-Za-z][A-Za-z0-9-]{1,40}):[ \t]?\S?", re.M)
_KNOWN = frozenset(
    {
        b"from", b"to", b"cc", b"subject", b"date", b"message-id", b"mime-version",
        b"received", b"return-path", b"content-type", b"reply-to", b"list-id", b"sender",
        b"delivered-to", b"x-mailer", b"dkim-signature", b"content-transfer-encoding",
        b"thread-topic", b"in-reply-to", b"references",
    }
)  # fmt: skip
_SIGNATURE = re.compile(r"\n-- ?\n.*\Z", re.S)
_LIST_ID = re.compile(r'^\s*"?(?P<name>[^"<]*?)"?\s*<(?P<id>[^>]+)>\s*$')
_STORY_SOURCE_WORDS = 6
# Mailboxes of a role or a machine, not of a person: "press", "no-reply", "newsletter".
_ROLE_MAILBOX = re.compile(
    r"(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon|postmaster|bounces?|notifications?"
    r"|alerts?|updates?|news|newsletters?|newsroom|press|pressoffice|press-office|media"
    r"|communications?|comms|info|information|contact|hello|hi|team|office|admin|support"
    r"|editor|editors|editorial|desk|newsdesk|marketing|digest|mailings?|list|subscriptions?)"
    r"(?:[._+-][\w.+-]*)?"
)
_MAX_PARTS = 2000
"""MIME parts in one message, as for web archives; real mail has a few dozen."""
_MAX_HEADER = 8192
"""Characters in one header: a long To or References line is a few thousand."""
_MIME_HEADER = re.compile(rb"^(content-[\w-]{1,40}):((?:[^\r\n]|\r?\n[ \t])*)", re.I | re.M)
# A line opening a part ("--boundary") or closing a multipart ("--boundary--"), or the
# header of a part that holds a whole message (an attached forward), whose message needs
# no boundary to nest; a signature's "-- " line is not one. Counting them bounds the parts,
# and so how deep they nest, from above.
_PART_LINE = re.compile(rb"^(?:--[^\s]|content-type:\s*message/)", re.MULTILINE | re.IGNORECASE)
_FEED = 1024 * 1024
_MAX_TEXT_PART = 25 * 1024 * 1024
"""Text or HTML read from one message: Gmail and Outlook refuse whole messages past 20 to
25 MB. Its conversion holds several copies, so 60 MB of text took 680 MB."""


_ENCRYPTED_TYPES = frozenset(
    {"application/pkcs7-mime", "application/x-pkcs7-mime", "multipart/encrypted"}
)


def narrow(data: bytes) -> bytes:
    """A message saved as UTF-16 (some Windows tools do) as UTF-8 bytes.

    The file's characters are what the mail program showed, so UTF-8 keeps them all:
    the parser reads UTF-8 headers (RFC 6532), and a text part whose declared charset
    no longer fits is caught by ``decode_text``, which tries UTF-8 first.
    """
    head = data[:400]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif len(head) >= 40 and head[1::2].count(0) > 0.9 * len(head[1::2]):
        encoding = "utf-16-le"
    elif len(head) >= 40 and head[0::2].count(0) > 0.9 * len(head[0::2]):
        encoding = "utf-16-be"
    else:
        return data
    return data.decode(encoding, errors="replace").encode("utf-8")


def _encryption(message: Message) -> str:
    """ "S/MIME" or "OpenPGP" when the message body is encrypted, else ""."""
    content_type = message.get_content_type()
    if content_type not in _ENCRYPTED_TYPES:
        return ""
    if content_type == "multipart/encrypted":
        return "OpenPGP"
    smime_type = str(message.get_param("smime-type", "") or "").lower()
    return "" if smime_type in ("signed-data", "certs-only") else "S/MIME"


def _header_names(data: bytes) -> list[bytes]:
    head = data[:16384].replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    return [name.lower() for name in _HEADER.findall(head)]


class EmlImporter:
    """One saved e-mail: subject as title, sender as author, the message as the article;
    a message it forwards, inline or attached, is the article in its place."""

    name = "email"
    extensions: tuple[str, ...] = (".eml",)

    def sniff(self, data: bytes, filename: str) -> int:
        names = _header_names(narrow(data[:32768]))
        known = {n for n in names if n in _KNOWN}
        if b"from" in known and (b"subject" in known or b"date" in known) and len(known) >= 3:
            # A full header block is unmistakable, even when an HTML part follows it.
            return 95 if len(known) >= 5 else 85
        return 20 if len(known) >= 3 else 0

    def extract(
        self,
        data: bytes,
        filename: str,
        limits: ImportLimits,
        read_local: LocalFileReader | None = None,
    ) -> Article:
        return self.extract_with_warnings(data, filename, limits, read_local)[0]

    def extract_with_warnings(
        self,
        data: bytes,
        filename: str,
        limits: ImportLimits,
        read_local: LocalFileReader | None = None,
    ) -> tuple[Article, tuple[str, ...]]:
        """The message as a person reads it, and what was left out, for the import report."""
        label = filename or "the e-mail"
        narrowed = narrow(data)
        transcoded, data = narrowed is not data, narrowed
        if not set(_header_names(data)) & _KNOWN:
            raise ImportRejected(
                f"{label} does not look like an e-mail: it has no From, Subject or Date"
                " headers. Save the message again from your mail program (as .eml)."
            )
        deadline = Deadline(limits.max_seconds, label)
        message = _parse(data, label)
        deadline.check()
        scheme = _encryption(message)
        if scheme:
            raise ImportRejected(
                f"{label} is encrypted ({scheme}), so its text cannot be read here. Open it in"
                " your mail program, which holds the key, save or forward it decrypted, and"
                " import that."
            )

        def new_walk() -> Walk:
            return Walk(
                html=lambda part, out: _html_body(
                    part, out, limits, deadline, transcoded=transcoded, name=label
                ),
                plain=lambda part, out: _text_body(part, out, transcoded=transcoded),
                deadline=deadline,
            )

        reading = read_attached(message, new_walk)
        source = reading.message  # the mail, or the message it forwards attached
        builder, forward = innermost_forward(reading.builder, str(source.get("subject", "")))
        subject = plain_subject(source.get("subject", "")) or plain_subject(
            message.get("subject", "")
        )
        name = PurePath(label).name
        if builder.is_empty() and reading.tnef:
            raise ImportRejected(
                f"{label} keeps its text in a winmail.dat attachment (Outlook's TNEF format),"
                " which Briefer does not read; ask the sender to send it as HTML or plain text,"
                " or open it in Outlook and save it as .eml again."
            )
        if builder.is_empty():
            raise ImportRejected(
                f"{label} has no readable message text (it may contain only attachments)."
                " Import the attachments as files of their own."
            )
        warnings: list[str] = []
        if reading.documents:
            count = len(reading.documents)
            shown = ", ".join(reading.documents[:5]) + (", …" if count > 5 else "")
            warnings.append(
                f"{name}: an attached document ({shown}) was not imported with the message;"
                " save it from your mail program and import it as a file of its own."
                if count == 1
                else f"{name}: {count} attached documents ({shown}) were not imported with the"
                " message; save them from your mail program and import them as files of"
                " their own."
            )
        if reading.tnef:
            warnings.append(
                f"{name}: a winmail.dat attachment (Outlook's TNEF format) was left out; it may"
                " hold formatting or attachments the message text does not show."
            )
        article = Article(
            title=subject or "(no subject)",
            text=builder.text(),
            blocks=builder.blocks,
            author=_author(source) or _author(message),
            publisher=_publisher(source),  # never the forwarder's own domain
            published=_date(source) or _date(message),
            source_format=self.name,
            source_name=PurePath(filename).name if filename else "",
        )
        if forward is not None:
            article = _as_forwarded(article, forward)
        notes = reading.note_words + (forward.note_words if forward is not None else 0)
        if notes:
            warnings.append(
                f"{name}: the forwarder's note above the forwarded message"
                f" ({counted(notes, 'word')}) was left out; the article is the forwarded"
                " message."
            )
        if reading.carried:
            warnings.append(_carried(reading.carried, name))
        return article, tuple(warnings)


def _bound_headers(part: Message) -> None:
    """A header a reader sees (subject, sender, date) cut to what any mail program writes.

    The modern policy parses a header each time it is read, word by word: a one-megabyte
    Subject took ten seconds a read, beyond the import's time limit, which cannot
    interrupt it. Headers no one reads (Received, References) are left as they are.
    """
    for key in {k for k, v in part.raw_items() if len(v) > _MAX_HEADER}:
        name = key.lower()
        if name in READ_HEADERS:
            values = [" ".join(str(v)[:_MAX_HEADER].split()[:-1]) or str(v)[:_MAX_HEADER]
                      for k, v in part.raw_items() if k.lower() == name]  # fmt: skip
            del part[name]
            for cut in values:
                part[key] = cut


def _long_mime_header(data: bytes) -> tuple[str, int] | None:
    """A Content-* header longer than any mail program writes: the parser reads each one
    as it goes (a megabyte of parameters took a minute), so it is found before parsing."""
    for found in _MIME_HEADER.finditer(data):
        if len(found.group(2)) > _MAX_HEADER:
            return found.group(1).decode("ascii"), len(found.group(2))
    return None


def _parse(data: bytes, label: str) -> EmailMessage:
    """The message, parsed only when its part count is one a mail program writes.

    The standard parser cannot be interrupted, and with the modern policy it spent 100 s
    on 300,000 tiny parts; counting the lines that open a part first takes a fraction of
    a second. Fed a megabyte at a time, it never holds the whole message as text and as
    lines at once (60 MB took 510 MB whole, 210 MB fed). Then each part that would be read
    is checked for size and for lines, each of which may become a block. The parser
    recurses once for each level a part or an attached message nests: counted as a part,
    an attached message cannot nest past the part limit, and nesting that reaches
    Python's recursion limit first (parts nested a thousand deep) is refused as such.
    A message/global sent encoded is parsed from its decoded bytes the same way, its parts
    counted with the mail's (``_open_global``).
    """
    parts = _bounded(data, label, 0)
    try:
        message = _fed(data)
        _check_parts(message, label)
        _open_global(message, label, parts)
    except RecursionError:  # the parser and walk() recurse once for each level of nesting
        raise ImportRejected(
            f"{label} nests parts or attached messages inside one another hundreds of levels"
            " deep, where a mail program nests a few, so it was not read. Save the message"
            " again from your mail program, or copy its text and paste it."
        ) from None
    return message


def _bounded(data: bytes, label: str, parts: int) -> int:
    """``parts`` plus the parts ``data`` opens, refused past the part limit or with a
    Content-* header longer than a mail program writes."""
    limit = _MAX_PARTS - parts
    parts += sum(1 for _ in itertools.islice(_PART_LINE.finditer(data), limit + 1))
    if parts > _MAX_PARTS:
        raise ImportRejected(
            f"{label} has more than {_MAX_PARTS:,} MIME parts, where a mail program writes a"
            " few dozen, so it was not read. Save the message again from your mail program,"
            " or copy its text and paste it."
        )
    long_header = _long_mime_header(data)
    if long_header is not None:
        raise ImportRejected(
            f"{label} has a {long_header[0]} header of {long_header[1]:,} characters, where a"
            " mail program writes a line or two, so it was not read. Save the message again"
            " from your mail program, or copy its text and paste it."
        )
    return parts


_UNENCODED = frozenset({"", "7bit", "8bit", "binary"})


class _Part(EmailMessage):
    """A part as the parser makes it, except that a message/global sent encoded keeps its
    body as the encoded text it is.

    RFC 6532 lets a message/global (an attached message whose headers are UTF-8) be
    sent base64 or quoted-printable, where a message/rfc822 never is; but the parser
    parses the body of any part whose main type is "message" as a message, and so made
    a message with no headers (or with quoted-printable ones) of the encoded text. Told
    that such a part is not a message, it keeps the text, which the email package then
    decodes exactly; ``_open_global`` parses the result.
    """

    def get_content_maintype(self) -> str:
        if self.get_content_type() == "message/global":
            encoding = str(self.get("content-transfer-encoding", "")).strip().lower()
            if encoding not in _UNENCODED:
                return "application"
        return super().get_content_maintype()


_PARSING = policy.default.clone(message_factory=_Part)


def _open_global(message: EmailMessage, label: str, parts: int) -> None:
    """Each attached message/global sent encoded, read as the message it holds, in place.

    Its decoded bytes are parsed and checked as the mail was, their parts counted with
    the mail's. One nested deeper than eml_parts shows is emptied unread (never shown,
    it would only cost time), and so is any message/global that holds no message (no
    header a mail has: a picture, a document, noise), so nothing of it is read as text.
    """
    pending: list[tuple[Message, int]] = [(message, 0)]
    while pending:
        part, level = pending.pop()
        if part.get_content_type() == "message/global":
            level += 1
            if part.get_content_maintype() != "message":  # sent encoded: still its text
                raw = part.get_payload(decode=True) if level <= MAX_DEPTH else b""
                data = raw if isinstance(raw, bytes) else b""
                inner: list[Message | str] = []
                if set(_header_names(data)) & _KNOWN:
                    parts = _bounded(data, label, parts)
                    opened = _fed(data)
                    _check_parts(opened, label)
                    inner = [opened]
                del part["content-transfer-encoding"]
                part.set_payload(inner)
            elif not any(name.lower().encode() in _KNOWN for name in _heads(part)):
                part.set_payload([])  # sent as it is, but holding no message
        elif part.get_content_maintype() == "message":
            level += 1
        children = part.get_payload() if part.is_multipart() else None
        if isinstance(children, list):
            pending.extend(
                (child, level) for child in reversed(children) if isinstance(child, Message)
            )


def _heads(part: Message) -> list[str]:
    """The header names of the message a message/* part holds."""
    inner = part.get_payload()
    first = inner[0] if isinstance(inner, list) and inner else None
    return list(first.keys()) if isinstance(first, Message) else []


def _fed(data: bytes) -> EmailMessage:
    parser = BytesFeedParser(policy=_PARSING)
    view = memoryview(data)
    for start in range(0, len(data), _FEED):
        parser.feed(bytes(view[start : start + _FEED]))
    message = parser.close()
    assert isinstance(message, EmailMessage)
    return message


def _check_parts(message: EmailMessage, label: str) -> None:
    """Each part, attached messages' parts too, read with its headers bounded and
    refused when it holds more text or lines than mail does."""
    for part in message.walk():
        _bound_headers(part)
        text = part.get_payload() if part.get_content_maintype() == "text" else None
        attached = part.get_content_disposition() == "attachment"
        if isinstance(text, str) and len(text) > _MAX_TEXT_PART and not attached:
            raise ImportRejected(
                f"{label} holds {len(text) / 1048576:.0f} MB of message text, more than the"
                f" {_MAX_TEXT_PART // 1048576} MB any mail service delivers in a whole"
                " message. If it is a document, save it as a file of its own (.txt, .html)"
                " and import that."
            )
        lines = part.get_payload(decode=True) if part.get_content_type() == "text/plain" else b""
        if isinstance(lines, bytes) and lines.count(b"\n") > MAX_BLOCKS and not attached:
            # Each line may become a paragraph; the HTML walker counts its own blocks.
            raise ImportRejected(
                f"{label} holds more than {MAX_BLOCKS:,} lines of message text, far more than"
                " mail (a long newsletter has a few thousand), so Briefer cannot read it in"
                " bounded memory. If it is a document, save it as a file of its own and"
                " import that."
            )


def _as_forwarded(article: Article, forward: InlineForward) -> Article:
    """The forwarded message's sender, date and subject, in place of the forward's own."""
    subject = plain_subject(forward.subject)
    return replace(
        article,
        title=subject if article.title == "(no subject)" and subject else article.title,
        author=forward.author or article.author,
        publisher=forward.publisher,  # never the forwarder's own domain
        published=forward.published or article.published,
    )


def _carried(messages: tuple[Message, ...], name: str) -> str:
    """The report's line for messages attached to one that stays the article."""
    shown = [
        f'"{one_line(plain_subject(m.get("subject", "")), 80) or "(no subject)"}"'
        + (f" from {who}" if (who := one_line(_author(m), 80)) else "")
        for m in messages[:3]
    ]
    if len(messages) == 1:
        return (
            f"{name}: an attached message ({shown[0]}) is shown under its own heading, but the"
            " article is the mail itself, by its sender; to cite the attached message as its"
            " own source, save it from your mail program and import it."
        )
    listed = ", ".join(shown) + (", …" if len(messages) > 3 else "")
    return (
        f"{name}: {len(messages)} attached messages ({listed}) are shown under their own"
        " headings, but the article is the mail itself, by its sender; to cite one as its"
        " own source, save it from your mail program and import it."
    )


def _payload(part: Message, *, transcoded: bool) -> tuple[bytes, str | None]:
    """The part's bytes and their charset. In a message ``narrow`` rewrote as UTF-8, an
    unencoded (7bit/8bit) part is UTF-8 now whatever it declares; base64 and
    quoted-printable parts still decode to the bytes of their declared charset."""
    raw = part.get_payload(decode=True)
    charset = part.get_content_charset()
    encoding = str(part.get("content-transfer-encoding", "")).strip().lower()
    if transcoded and encoding in ("", "7bit", "8bit", "binary"):
        charset = "utf-8"
    return (raw if isinstance(raw, bytes) else b""), charset


def _html_body(
    part: Message,
    builder: ArticleBuilder,
    limits: ImportLimits,
    deadline: Deadline,
    *,
    transcoded: bool = False,
    name: str = "The message",
) -> None:
    raw, charset = _payload(part, transcoded=transcoded)
    scratch = ArticleBuilder()
    html_to_article_blocks(
        raw, scratch, limits=limits, deadline=deadline, base_encoding=charset, name=name
    )
    _add_stories(scratch, builder)


def _text_body(part: Message, builder: ArticleBuilder, *, transcoded: bool = False) -> None:
    raw, charset = _payload(part, transcoded=transcoded)
    text, _ = decode_text(raw, declared=charset)
    if str(part.get_param("format", "")).lower() == "flowed":
        text = unflowed(text, delsp=str(part.get_param("delsp", "")).lower() == "yes")
    text = _SIGNATURE.sub("", text)
    scratch = ArticleBuilder()
    text_to_blocks(text, scratch, find_title=False)
    _add_stories(scratch, builder)


def _add_stories(scratch: ArticleBuilder, builder: ArticleBuilder) -> None:
    """Copies the message's blocks, dropping mail furniture and marking story headlines.

    Alert e-mails list several stories, each a linked headline (no heading tag),
    often the source's name, then a snippet. A heading-like line followed by prose,
    or by a short source line and then prose, is a headline.
    """
    text = scratch.text()
    items = [
        (block.kind, text[block.start : block.end], block.level, block.ordered)
        for block in scratch.blocks
    ]
    items = [
        item
        for item in items
        if not is_mail_boilerplate(item[1]) and not is_boilerplate_line(item[1])
    ]
    lines = [item[1] for item in items]
    previous_was_headline = False
    for index, (kind, content, level, ordered) in enumerate(items):
        # Two headlines in a row would be a headline and its source's name.
        headline = (
            kind is BlockKind.PARAGRAPH and not previous_was_headline and _is_headline(lines, index)
        )
        if headline:
            builder.add(BlockKind.HEADING, content, level=3)
        else:
            builder.add(kind, content, level=level, ordered=ordered)
        previous_was_headline = headline


def _is_headline(lines: list[str], index: int) -> bool:
    line = lines[index]
    if not heading_like(line) or len(line.split()) < 3 or index + 1 >= len(lines):
        return False
    following = lines[index + 1]
    if is_prose(following) and len(following) > len(line):
        return True
    if index + 2 >= len(lines) or len(following.split()) > _STORY_SOURCE_WORDS:
        return False
    after = lines[index + 2]
    return is_prose(following) is False and is_prose(after) and len(after) > len(line)


_VIA = re.compile(r"^(?P<name>\S.*?) via (?P<group>\S.*)$")
# Providers of personal mailboxes: a sender there is a person, not a publisher.
_PERSONAL_MAIL = frozenset(
    {"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com",
     "msn.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "ymail.com", "icloud.com", "me.com",
     "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "gmx.com",
     "web.de", "t-online.de", "mail.ru", "yandex.ru", "yandex.com", "qq.com", "163.com",
     "126.com", "zoho.com", "fastmail.com", "hey.com", "tutanota.com", "laposte.net",
     "orange.fr", "free.fr", "libero.it", "seznam.cz", "wp.pl", "o2.pl", "interia.pl"}
)  # fmt: skip


def _author(message: Message) -> str:
    """The sender as a citation names them: the display name, else the address, but no
    one for a mailbox that is a role or a machine's ("press@", "noreply@", a name that
    is only the address again): a footnote crediting "noreply@news.example" with a
    press release names no author, and the sender's domain is already its publisher."""
    name, address = parseaddr(str(message.get("from", "")))
    name = " ".join(name.split())
    relayed = _VIA.match(name)
    if relayed:
        return relayed.group("name")
    if name and name.casefold() != address.casefold():
        return name
    local = address.partition("@")[0].casefold()
    return "" if _ROLE_MAILBOX.fullmatch(local) else address


def _publisher(message: Message) -> str:
    """The mailing list, the group a message was relayed through, or the sender's domain;
    a personal mailbox's provider ("gmail.com") publishes nothing."""
    list_id = str(message.get("list-id", "")).strip()
    if list_id:
        match = _LIST_ID.match(list_id)
        if match:
            return match.group("name").strip() or match.group("id").strip()
        return list_id.strip("<>")
    name, _ = parseaddr(str(message.get("from", "")))
    relayed = _VIA.match(" ".join(name.split()))
    if relayed:  # "Marta Kolb via Port Watchers": Google Groups and the like
        return relayed.group("group")
    _, address = parseaddr(str(message.get("sender", "") or message.get("from", "")))
    domain = address.rpartition("@")[2].lower()
    return "" if domain in _PERSONAL_MAIL else domain


def _date(message: Message) -> dt.date | None:
    try:
        header = message.get("date")
        when = getattr(header, "datetime", None)
    except (ValueError, TypeError, IndexError, OverflowError):  # a year past what a date holds
        return None
    return plausible(when.date()) if isinstance(when, dt.datetime) else None  # not 1970-01-01
