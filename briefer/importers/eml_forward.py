"""A forwarded message is the article, not the forward: inline, or attached whole.

An analyst forwards a press office's statement or a news alert to themselves, and the
mail program writes it into the body under a header of its own: Gmail's "---------- Forwarded
message ---------", Apple Mail's "Begin forwarded message:", Thunderbird's "-------- Forwarded
Message --------", Outlook's "-----Original Message-----" or a rule of underscores, each
followed by From, Date (or Sent), Subject and To lines. The source is who wrote the forwarded
message, when; "Hi, see below" above it is not the source's. Outlook's and Thunderbird's
"Forward as attachment" (and Apple Mail's, Gmail's) attach the message whole instead, as a
message/rfc822 part: ``read_attached`` takes that message as the article when the mail
forwards it. Standard library, core and the importers' base and eml_parts only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from email.message import Message
from email.utils import parseaddr

from briefer.core.record import Record, replace
from briefer.importers.base import ArticleBuilder
from briefer.importers.eml_parts import (
    FORWARD_PREFIXES,
    REPLY_PREFIXES,
    Slot,
    Walk,
    plain_subject,
    render,
    show_forwarded,
    subject_prefix,
)
from briefer.importers.text import parse_date

_FORWARD_MARKER = re.compile(
    r"^\s*(?:-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:)", re.IGNORECASE
)
_SHARED_MARKER = re.compile(r"^\s*(?:-{2,}\s*original message\s*-{2,}|_{16,})", re.IGNORECASE)
"""Outlook writes these (and its HTML header with no marker at all) for replies too."""
_MARKER = re.compile(f"{_FORWARD_MARKER.pattern}|{_SHARED_MARKER.pattern}", re.IGNORECASE)
_FORWARD_SUBJECT = re.compile(rf"^\s*{subject_prefix(FORWARD_PREFIXES)}", re.I)
_REPLY_SUBJECT = re.compile(rf"^\s*{subject_prefix(REPLY_PREFIXES)}", re.I)
_FIELD = re.compile(r"(?:^|\s)(From|Date|Sent|Subject|To|Cc)\s*:\s*", re.IGNORECASE)
_HEADER_LINE = re.compile(r"^\s*(From|Date|Sent|Subject|To|Cc)\s*:", re.IGNORECASE)
_FROM_LINE = re.compile(r"^\s*From\s*:", re.IGNORECASE)
_MAILTO = re.compile(r"\[mailto:\s*([^\]\s]+)\s*\]", re.IGNORECASE)
_WORD = re.compile(r"\S+")
_MAX_HEADER_BLOCKS = 8
_MAX_HEADER_CHARS = 2000
_MAX_DEPTH = 8
"""Forwards of forwards followed; deeper is a crafted message, not correspondence."""
_SEARCH_BLOCKS = 200
"""A forward's header follows a short note; past this many blocks it is a reply chain's."""


class InlineForward(Record, frozen=True):
    """What the forwarded message's own header says, and what was left out above it."""

    author: str
    publisher: str
    published: dt.date | None
    subject: str
    note_words: int
    """Words of the forwarder's own note above the forwarded message, left out."""


def split_inline_forward(
    builder: ArticleBuilder, subject: str
) -> tuple[ArticleBuilder, InlineForward] | None:
    """The forwarded message's blocks and header, or None when the message forwards
    nothing inline (or its header names no sender, so it cannot be told from prose).

    Gmail's, Apple Mail's and Thunderbird's markers say "forwarded"; Outlook writes the
    same header above the message a reply quotes, so there the message's own
    ``subject`` must say it forwards ("FW:"), or a reply would lose its new text."""
    forwarding = _FORWARD_SUBJECT.match(subject) is not None
    text = builder.text()
    blocks = builder.blocks
    pieces = [text[b.start : b.end] for b in blocks]
    for start, piece in enumerate(pieces[:_SEARCH_BLOCKS]):
        if len(piece) > _MAX_HEADER_CHARS:  # a header is a few lines; a crafted one is not
            continue
        marked = _MARKER.match(piece) is not None
        if not marked and not _FROM_LINE.match(piece):
            continue
        if not forwarding and not _FORWARD_MARKER.match(piece):
            continue  # an Outlook reply's quoted message
        fields, end = _header(pieces, start, _MARKER.sub("", piece, count=1))
        # Outlook's newer forwards have no marker line, only a rule drawn in HTML: then
        # the whole header must be there, so that a line of prose is never taken for one.
        dated = bool({"date", "sent"} & fields.keys())
        enough = (dated or "subject" in fields) if marked else (dated and "subject" in fields)
        if fields.get("from") and enough and end < len(pieces):
            break
    else:
        return None
    sender = fields["from"]
    forwarded = ArticleBuilder()
    for block, piece in zip(blocks[end:], pieces[end:], strict=True):
        forwarded.add(block.kind, piece, level=block.level, ordered=block.ordered)
    name, address = _sender(sender)
    when = fields.get("date") or fields.get("sent") or ""
    return forwarded, InlineForward(
        author=name or address,
        publisher=address.rpartition("@")[2].lower() if "@" in address else "",
        published=parse_date(when.replace(" at ", " ")) if when else None,
        subject=" ".join(fields.get("subject", "").split()),
        note_words=sum(len(piece.split()) for piece in pieces[:start]),
    )


def innermost_forward(
    builder: ArticleBuilder, subject: str
) -> tuple[ArticleBuilder, InlineForward | None]:
    """The message at the bottom of forwards of forwards (a colleague passes on what a
    press office sent them), with the words of every note above it counted; the builder
    unchanged and None when nothing is forwarded inline."""
    found: InlineForward | None = None
    for _ in range(_MAX_DEPTH):
        split = split_inline_forward(builder, subject)
        if split is None:
            break
        builder, inner = split
        words = inner.note_words + (found.note_words if found else 0)
        found = replace(inner, note_words=words)
        subject = inner.subject
    return builder, found


def _sender(text: str) -> tuple[str, str]:
    """(name, address) from a forward's From line: "Jane Smith <jane@x.org>", Outlook's
    "Jane Smith [mailto:jane@x.org]", "Smith, Jane" or a name alone (no address)."""
    mailto = _MAILTO.search(text)
    if mailto:
        return " ".join(text[: mailto.start()].strip(' "').split()), mailto.group(1)
    if "@" not in text:
        return " ".join(text.strip(' "').split()), ""
    name, address = parseaddr(text)
    return " ".join(name.split()), address


def _header(pieces: list[str], start: int, first: str) -> tuple[dict[str, str], int]:
    """The header's fields, from ``first`` (the block at ``start``, marker removed) and the
    header lines after it, and the index of the first block after the header."""
    fields = _fields(first)
    end = start + 1
    while end < len(pieces) and end - start <= _MAX_HEADER_BLOCKS:
        if len(pieces[end]) > _MAX_HEADER_CHARS or not _HEADER_LINE.match(pieces[end]):
            break
        fields.update({k: v for k, v in _fields(pieces[end]).items() if k not in fields})
        end += 1
    return fields, end


def _fields(text: str) -> dict[str, str]:
    """``{"from": "...", "date": "...", ...}`` from header lines, on one line or several."""
    found: dict[str, str] = {}
    marks = list(_FIELD.finditer(text))
    for here, after in zip(marks, [*marks[1:], None], strict=False):  # the last: to the end
        value = text[here.end() : after.start() if after is not None else len(text)].strip()
        found.setdefault(here.group(1).lower(), value)
    return found


class Reading(Record, frozen=True):
    """Which message of a mail is the article, its text, and what the import report says."""

    message: Message
    """The mail itself, or the message at the bottom of the forwards attached to it."""
    builder: ArticleBuilder
    note_words: int
    """Words of the covering notes of the mails that forwarded ``message``, left out."""
    carried: tuple[Message, ...]
    """Messages ``message`` carries attached and shows under their own headings."""
    documents: tuple[str, ...]
    tnef: int


def read_attached(mail: Message, new_walk: Callable[[], Walk]) -> Reading:
    """The mail's article: the message it forwards attached, else the mail itself.

    A mail forwards its one attached message when its subject says it forwards ("Fwd:",
    "FW:", "[Fwd: ...]", the attached message's own subject, or none), as inline forwards
    do, or when it has no text of its own; a reply ("Re:") forwards only then, since a
    reply's words, however few ("No, use 1.7 million"), are its sender's. Then the
    attached message is the article: its sender, date, subject and text;
    the note is left out, never mixed into the text, and the report counts its words,
    as for an inline forward. A forward of a forward is followed to the message at its
    bottom, within eml_parts' depth bound.

    A mail with words of its own under a subject of its own ("Comments on the port
    figures", with one message attached for reference) is the analyst's
    correspondent's own writing: it stays the article, as does a mail carrying several
    messages (a digest, or forwards bundled), since taking one would drop the others.
    The attached messages are then shown under their own headings as before, and are
    listed in ``carried`` so the report can say so. ``new_walk`` gives a fresh Walk
    (renderers and deadline) each time a message is read.
    """
    levels: list[tuple[Message, int, int, Walk]] = []  # message, depth, own words, walk
    part, depth = mail, 0
    while True:  # ends: each forward is deeper, and render lists none past its bound
        own, walk = _read_alone(part, depth, new_walk)
        slots = walk.forwards or []
        words = _words(own) if len(slots) == 1 else 0  # else not needed
        levels.append((part, depth, words, walk))
        if len(slots) != 1 or not _forwards(part, words, slots[0].message):
            break
        part, depth = slots[0].message, slots[0].depth
    if len(levels) > 1 and own.is_empty() and not walk.forwards:
        # A forwarded message with no text of its own (only a PDF) is not the article:
        # the mail that forwarded it is, with it under its heading. Its text was not
        # kept (a note may be long), so it is read again.
        levels.pop()
        part, depth, _, _ = levels[-1]
        own, walk = _read_alone(part, depth, new_walk)
        levels[-1] = (part, depth, 0, walk)
    walks = [level[3] for level in levels]
    slots = walk.forwards or []
    if slots:  # shown in place, under their headings, as a mail program shows them
        shown = new_walk()
        own = _spliced(own, slots, shown)
        walks.append(shown)
    return Reading(
        message=part,
        builder=own,
        note_words=sum(level[2] for level in levels[:-1]),
        carried=tuple(slot.message for slot in slots),
        documents=tuple(name for w in walks for name in w.documents),
        tnef=sum(w.tnef for w in walks),
    )


def _read_alone(
    part: Message, depth: int, new_walk: Callable[[], Walk]
) -> tuple[ArticleBuilder, Walk]:
    """The part's own text, and (in its walk) the forwarded messages it carries."""
    walk = new_walk()
    walk.forwards = []
    own = ArticleBuilder()
    render(part, own, walk, depth)
    # Those met in an alternative the mail program does not show are not carried.
    walk.forwards = [slot for slot in walk.forwards if slot.builder is own]
    return own, walk


def _spliced(own: ArticleBuilder, slots: list[Slot], walk: Walk) -> ArticleBuilder:
    """``own`` with each forwarded message shown where it stands: read once, not twice
    (a newsletter's 24 MB of HTML took most of the time limit to read)."""
    out = ArticleBuilder()
    text = own.text()
    waiting = iter(sorted(slots, key=lambda slot: slot.offset))
    slot = next(waiting, None)
    for block in own.blocks:
        while slot is not None and slot.offset <= block.start:
            show_forwarded(slot.message, out, walk, slot.depth)
            slot = next(waiting, None)
        out.add(block.kind, text[block.start : block.end], level=block.level,
                ordered=block.ordered)  # fmt: skip
    while slot is not None:
        show_forwarded(slot.message, out, walk, slot.depth)
        slot = next(waiting, None)
    return out


def _words(builder: ArticleBuilder) -> int:
    """Counted without a list of them: a newsletter's text may be megabytes."""
    return sum(1 for _ in _WORD.finditer(builder.text()))


def _forwards(mail: Message, words: int, attached: Message) -> bool:
    subject = " ".join(str(mail.get("subject", "") or "").split())
    plain = plain_subject(subject)
    if _REPLY_SUBJECT.match(subject):  # a reply's words are its own, however few
        return words == 0
    if (
        _FORWARD_SUBJECT.match(subject.lstrip("[")) is not None
        or not plain
        or plain.casefold() == plain_subject(attached.get("subject", "")).casefold()
    ):
        return True
    # A subject of the mail's own ("Correction needed"): a short note is a message too.
    return words == 0
