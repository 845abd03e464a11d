"""Which parts of an e-mail a person reads, in the order they read them.

A mail program shows one alternative of each multipart/alternative (HTML, else
plain text, else the invitation), the root of a multipart/related, every inline
text part of a multipart/mixed in order (Apple Mail puts text after a photo), and
each forwarded message (message/rfc822, or message/global when its headers are UTF-8;
even marked as an attachment) under its own header, recursively (unless eml_forward's
``read_attached`` takes the one message a mail forwards as the article), wherever it
sits: Apple Mail attaches it inside the HTML alternative, beside the root of a
multipart/related. Attachments stay out: an attachment is its own file.
Outlook's winmail.dat (TNEF) is counted so the import can say it was left out.
Imports core and briefer.importers helpers only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from email.message import Message
from email.utils import parseaddr

from briefer.core.model import BLOCK_SEPARATOR, BlockKind
from briefer.core.record import Record, field
from briefer.core.safetext import one_line
from briefer.importers.base import ArticleBuilder, Deadline, ImportRejected
from briefer.importers.encoding import decode_text

MAX_DEPTH = 12
"""Forwards of forwards deeper than this are an attack, not correspondence."""
MESSAGE_TYPES = frozenset({"message/rfc822", "message/global"})
"""An attached message: message/global (RFC 6532) is one whose headers are UTF-8."""
_PREFERENCE = ("text/html", "multipart/related", "text/plain", "multipart/mixed", "text/calendar")
_TNEF = frozenset({"application/ms-tnef", "application/vnd.ms-tnef"})
_ICS_FOLD = re.compile(r"\r?\n[ \t]")
_ICS_LINE = re.compile(r"^(?P<name>[A-Z-]+)(?P<params>;[^:]*)?:(?P<value>.*)$")
_ICS_WHEN = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})\d{0,2})?(Z?)")
_CN = re.compile(r';CN="?([^";:]+)"?', re.I)

TextRenderer = Callable[[Message, ArticleBuilder], None]


class Walk(Record):
    """What rendering met besides text, for the import report: TNEF parts, and attached
    documents Briefer could import as files of their own."""

    html: TextRenderer
    plain: TextRenderer
    deadline: Deadline
    tnef: int = 0
    documents: list[str] = field(default_factory=list)
    """Names of attached documents (a PDF, a Word file, a saved page), in order."""
    forwards: list[Slot] | None = None
    """When a list, each forwarded message the part carries is listed here, with where it
    stands, instead of being rendered, so the part's own text (a covering note) is read
    alone and each message can be shown in its place afterwards (``show_forwarded``)."""


class Slot(Record):
    """A forwarded message left out of a builder, and where it stands in it."""

    message: Message
    depth: int
    builder: ArticleBuilder
    offset: int
    """The builder's length when the message was met: it goes before any block after."""


FORWARD_PREFIXES = (
    "Fwd", "Fw", "WG", "TR", "RV", "Enc", "Doorst", "VS", "I", "VB", "VL", "PD", "İLT",
    "ΠΡΘ", "Пересл", "转发", "轉寄", "転送",
)  # fmt: skip
"""What mail programs put before a forwarded message's subject, across their languages
(English, German, French, Spanish, Portuguese, Dutch, Danish and Norwegian, Italian,
Swedish, Finnish, Polish, Turkish, Greek, Russian, Chinese, Japanese)."""
REPLY_PREFIXES = ("Re", "AW", "SV", "Antw", "Odp", "R", "YNT", "ΑΠ", "Отв", "回复", "回覆", "答复")
"""And before a reply's: a reply quotes; it does not forward."""


def subject_prefix(words: tuple[str, ...]) -> str:
    """A pattern for one of ``words`` as a subject's prefix: "FW:", "Fwd [2]:", "转发："."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return rf"(?:{alternatives})\s*(?:\[\d+\])?\s*[:：]"


_REPLY_PREFIX = re.compile(
    rf"^\s*(?:{subject_prefix(FORWARD_PREFIXES + REPLY_PREFIXES)}|\[(?:ext|external)\])\s*",
    re.IGNORECASE,
)


_FOLD = re.compile(r"\r?\n(?=[ \t])")
_UNDECODED = re.compile("[\udc80-\udcff]")
"""How the parser keeps header bytes it could not read as ASCII."""
READ_HEADERS = frozenset(
    {"subject", "from", "sender", "reply-to", "to", "cc", "list-id", "thread-topic", "date"}
)


def readable_headers(message: Message) -> None:
    """Rewrites, in place, the headers a reader sees that hold raw 8-bit bytes.

    RFC 2047 encoded words and UTF-8 (RFC 6532) are read by the parser. Raw bytes
    in any other charset (old and misconfigured mailers send Latin-1 or
    Windows-1251 unencoded) would come back as U+FFFD ("J\ufffdrgen M\ufffdller");
    they are decoded as an undeclared body is: UTF-8, else the detected code page
    (Windows-1252 for Western text).
    """
    raw = list(message.raw_items())
    broken = {
        key.lower()
        for key, value in raw
        if key.lower() in READ_HEADERS and isinstance(value, str) and _UNDECODED.search(value)
    }
    for name in broken:
        values = [(key, value) for key, value in raw if key.lower() == name]
        del message[name]
        for key, value in values:
            message[key] = _decoded_header(str(value))


def _decoded_header(raw: str) -> str:
    data = _FOLD.sub("", raw).encode("ascii", errors="surrogateescape")
    try:
        value, _ = decode_text(data)
    except ImportRejected:
        value = data.decode("utf-8", errors="replace")
    return " ".join(value.split())


def unflowed(text: str, *, delsp: bool) -> str:
    """Plain text sent as ``format=flowed`` (RFC 3676) with its soft line breaks undone.

    A line ending in a space continues on the next line of the same quote depth;
    with ``delsp=yes`` that space was added only to mark the break and is deleted
    (Japanese and Chinese mail, whose words have no spaces, is sent so). A space
    that protects a line beginning with "From " or ">" is removed; the signature
    separator "-- " is not a soft break.
    """
    out: list[str] = []
    pending: str | None = None
    pending_depth = 0
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        body = line[depth:]
        body = body[1:] if body.startswith(" ") else body
        if pending is not None and depth != pending_depth:
            out.append(_quoted(pending, pending_depth))
            pending = None
        soft = body.endswith(" ") and body != "-- "
        if soft and delsp:
            body = body[:-1]
        pending = body if pending is None else pending + body
        pending_depth = depth
        if not soft:
            out.append(_quoted(pending, depth))
            pending = None
    if pending is not None:
        out.append(_quoted(pending, pending_depth))
    return "\n".join(out)


def _quoted(line: str, depth: int) -> str:
    return f"{'>' * depth} {line}" if depth else line


def plain_subject(header: object) -> str:
    """A subject without the "Re:", "Fwd:", "AW:" or "[EXTERNAL]" that replies and
    forwards pile up: "Fwd: Fwd: Weekly port bulletin" is cited as "Weekly port bulletin"."""
    subject = " ".join(str(header or "").split())
    while True:
        shorter = _REPLY_PREFIX.sub("", subject, count=1)
        if shorter == subject or not shorter:
            return subject
        subject = shorter


def render(part: Message, builder: ArticleBuilder, walk: Walk, depth: int = 0) -> None:
    """Appends the readable text of ``part`` (and everything under it) to ``builder``.

    ``depth`` counts from the mail itself, also when ``part`` is a message it forwards,
    so that nothing nested escapes ``MAX_DEPTH``. The message itself (depth 0) has its
    raw 8-bit headers made readable first (``readable_headers``), so its subject and
    sender read right afterwards too.
    """
    walk.deadline.check()
    if depth > MAX_DEPTH:
        return
    if depth == 0:
        readable_headers(part)
    ctype = part.get_content_type()
    attached = part.get_content_disposition() == "attachment"
    if ctype in MESSAGE_TYPES:
        _forwarded(part, builder, walk, depth)
    elif ctype == "multipart/alternative":
        _first_readable(_children(part), builder, walk, depth)
    elif ctype == "multipart/related":
        children = _children(part)
        start = str(part.get_param("start", "") or "").strip("<>")
        root = next(
            (c for c in children if str(c.get("content-id", "")).strip("<>") == start), None
        )
        if root is not None or children:
            root = root if root is not None else children[0]
            render(root, builder, walk, depth + 1)
            # The other parts are what the root shows (pictures), or, from Apple Mail, the
            # messages the mail forwards attached.
            for message, level in _messages_in([c for c in children if c is not root], depth):
                _forwarded(message, builder, walk, level)
    elif ctype == "multipart/signed":
        children = _children(part)
        if children:
            render(children[0], builder, walk, depth + 1)
    elif part.is_multipart():
        for child in _children(part):
            render(child, builder, walk, depth + 1)
    elif ctype in _TNEF:
        walk.tnef += 1
    elif attached:
        document = _document_name(part, ctype)
        if document:
            walk.documents.append(document)
    elif ctype == "text/html":
        walk.html(part, builder)
    elif ctype == "text/plain" or part.get_content_maintype() == "multipart":
        walk.plain(part, builder)  # a "multipart" with no boundary is read as the text it is
    elif ctype == "text/calendar":
        _calendar(part, builder)


_DOCUMENT_TYPES = frozenset(
    {"application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     "text/html", "text/plain", "text/markdown", "message/rfc822", "message/global",
     "multipart/related"}
)  # fmt: skip
_DOCUMENT_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".mhtml", ".mht", ".eml", ".txt", ".md")


def _document_name(part: Message, ctype: str) -> str:
    """An attachment's name if it is a document Briefer reads (pictures are not)."""
    try:
        name = one_line(part.get_filename() or "", 120)
    except (ValueError, TypeError, IndexError):  # a malformed filename parameter
        name = ""
    if name.lower().endswith(_DOCUMENT_SUFFIXES) or (ctype in _DOCUMENT_TYPES and name):
        return name
    return "an unnamed PDF" if ctype == "application/pdf" else ""


def _children(part: Message) -> list[Message]:
    payload = part.get_payload()
    return (
        [child for child in payload if isinstance(child, Message)]
        if isinstance(payload, list)
        else []
    )


def _first_readable(
    children: list[Message], builder: ArticleBuilder, walk: Walk, depth: int
) -> None:
    """The alternative a mail program shows: HTML first, then plain text, then the rest;
    then the messages attached in the others, each once.

    Apple Mail writes the HTML alternative as a multipart/mixed of HTML pieces and the
    attachments between them, so a multipart holding HTML is the HTML one. A message
    attached only in an alternative not shown is still one the mail forwards (a mail
    program lists it among the attachments); one attached in two (Apple Mail may put
    it in both) is the same message, read once.
    """

    def rank(child: Message) -> int:
        ctype = child.get_content_type()
        if (
            child.get_content_maintype() == "multipart"
            and ctype != "multipart/alternative"
            and "text/html" in _leaf_types(child, depth + 1)
        ):
            ctype = "multipart/related"  # ranked as the HTML it holds
        return _PREFERENCE.index(ctype) if ctype in _PREFERENCE else len(_PREFERENCE)

    shown: Message | None = None
    for child in sorted(children, key=rank):
        scratch = ArticleBuilder()
        render(child, scratch, walk, depth + 1)
        slots = [slot for slot in walk.forwards or () if slot.builder is scratch]
        if not scratch.is_empty() or slots:  # a forward left out is there all the same
            shift = builder.offset + (0 if builder.is_empty() else len(BLOCK_SEPARATOR))
            for slot in slots:  # the blocks keep their lengths, so they shift alike
                slot.builder, slot.offset = builder, slot.offset + shift
            copy_blocks(scratch, builder)
            shown = child
            break
    found = {_identity(m) for m, _ in _messages_in([shown] if shown else [], depth)}
    for message, level in _messages_in([c for c in children if c is not shown], depth):
        key = _identity(message)
        if key not in found:
            found.add(key)
            _forwarded(message, builder, walk, level)


def _messages_in(parts: list[Message], depth: int) -> list[tuple[Message, int]]:
    """The attached messages among ``parts`` and the multiparts under them, in order, each
    with the depth ``render`` would give it under a part at ``depth``; not those inside
    the messages (they are the messages' own), nor any past the depth bound."""
    found: list[tuple[Message, int]] = []
    pending = [(part, depth + 1) for part in reversed(parts)]
    while pending:
        part, level = pending.pop()
        if level > MAX_DEPTH:
            continue
        if part.get_content_type() in MESSAGE_TYPES:
            found.append((part, level))
        elif part.get_content_maintype() == "multipart":
            pending.extend((child, level + 1) for child in reversed(_children(part)))
    return found


def _leaf_types(part: Message, depth: int) -> list[str]:
    """The content types of the parts under ``part`` a multipart holds (not those of
    attached messages), within the depth bound."""
    kinds: list[str] = []
    pending = [(part, depth)]
    while pending:
        part, level = pending.pop()
        if level > MAX_DEPTH:
            continue
        children = _children(part) if part.get_content_maintype() == "multipart" else []
        if not children:
            kinds.append(part.get_content_type())
        pending.extend((child, level + 1) for child in children)
    return kinds


def _identity(message: Message) -> tuple[str, ...]:
    """What tells one attached message from another: the same Message-ID, or sender,
    date and subject, is the same message attached twice; with none of them, only the
    same part is. Compared as written, so comparing parses no header."""
    inner = _children(message)
    if not inner:
        return (str(id(message)),)
    raw = {name.lower(): str(value) for name, value in inner[0].raw_items()}
    names = ("message-id", "from", "date", "subject")
    key = tuple(" ".join(raw.get(name, "").split()) for name in names)
    return key if any(key) else (str(id(message)),)


def _forwarded(part: Message, builder: ArticleBuilder, walk: Walk, depth: int) -> None:
    inner = _children(part)
    if not inner:
        return
    message = inner[0]
    readable_headers(message)
    if walk.forwards is not None:
        walk.forwards.append(Slot(message, depth + 1, builder, builder.offset))
    else:
        show_forwarded(message, builder, walk, depth + 1)


def show_forwarded(message: Message, builder: ArticleBuilder, walk: Walk, depth: int) -> None:
    """A forwarded message: its subject as a heading, sender and date, then its text."""
    subject = plain_subject(message.get("subject", ""))
    name, address = parseaddr(str(message.get("from", "") or ""))
    sender = f"{name} <{address}>" if name and address else name or address
    date = " ".join(str(message.get("date", "") or "").split())
    builder.add(BlockKind.HEADING, f"Forwarded message: {subject or '(no subject)'}", level=2)
    details = "; ".join(
        f"{label}: {value}" for label, value in (("From", sender), ("Date", date)) if value
    )
    if details:
        builder.add(BlockKind.PARAGRAPH, details)
    render(message, builder, walk, depth)


def copy_blocks(source: ArticleBuilder, target: ArticleBuilder) -> None:
    text = source.text()
    for block in source.blocks:
        target.add(
            block.kind, text[block.start : block.end], level=block.level, ordered=block.ordered
        )


def _calendar(part: Message, builder: ArticleBuilder) -> None:
    """An invitation (iCalendar VEVENT): what, when, where, who, and its description."""
    raw = part.get_payload(decode=True)
    text, _ = decode_text(
        raw if isinstance(raw, bytes) else b"", declared=part.get_content_charset()
    )
    event: dict[str, str] = {}
    in_event = False
    for line in _ICS_FOLD.sub("", text).splitlines():
        if line.strip() == "BEGIN:VEVENT":
            in_event = True
        elif line.strip() == "END:VEVENT":
            break
        elif in_event:
            match = _ICS_LINE.match(line.strip())
            if match and match.group("name") not in event:
                value = match.group("value")
                if match.group("name") == "ORGANIZER":
                    cn = _CN.search(match.group("params") or "")
                    value = cn.group(1) if cn else value.removeprefix("mailto:")
                event[match.group("name")] = _unescape(value)
    if not event:
        return
    builder.add(BlockKind.HEADING, event.get("SUMMARY") or "Invitation", level=2)
    when = " – ".join(_when(event[key]) for key in ("DTSTART", "DTEND") if key in event)
    for label, value in (("When", when), ("Where", event.get("LOCATION", "")),
                         ("Organizer", event.get("ORGANIZER", ""))):  # fmt: skip
        if value:
            builder.add(BlockKind.PARAGRAPH, f"{label}: {value}")
    for paragraph in event.get("DESCRIPTION", "").split("\n\n"):
        builder.add(BlockKind.PARAGRAPH, paragraph)


def _unescape(value: str) -> str:
    return (
        value.replace("\\n", "\n").replace("\\N", "\n").replace("\\,", ",").replace("\\;", ";")
        .replace("\\\\", "\\")
    )  # fmt: skip


def _when(value: str) -> str:
    """20250310T090000Z -> 2025-03-10 09:00 UTC; anything else as written."""
    match = _ICS_WHEN.match(value)
    if not match:
        return value
    year, month, day, hour, minute, zulu = match.groups()
    out = f"{year}-{month}-{day}"
    if hour is not None:
        out += f" {hour}:{minute}" + (" UTC" if zulu else "")
    return out
