"""Plain text files, and the paragraph and news-structure logic other importers reuse.

Text copied from a news site carries a section label, the title, share buttons, a
byline, sub-headings and a feed footer; this module tells them apart, in the paragraphs
text_paragraphs finds. Imports core, briefer.importers helpers and the standard library only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import PurePath

from briefer.core.model import Article, BlockKind
from briefer.core.record import Record
from briefer.importers.base import (
    ArticleBuilder,
    Deadline,
    ImportLimits,
    ImportRejected,
    LocalFileReader,
)
from briefer.importers.cleanup import feed_footer_site, is_boilerplate_line, is_date_stamp
from briefer.importers.encoding import decode_text
from briefer.importers.htmlnames import clean_author
from briefer.importers.text_paragraphs import BULLET, CJK, SENTENCE_END, split_paragraphs

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "janvier", "januar", "jänner", "января"),
            ("february", "feb", "février", "fevrier", "februar", "февраля"),
            ("march", "mar", "mars", "märz", "marz", "марта"),
            ("april", "apr", "avril", "апреля"),
            ("may", "mai", "мая"),
            ("june", "jun", "juin", "juni", "июня"),
            ("july", "jul", "juillet", "juli", "июля"),
            ("august", "aug", "août", "aout", "августа"),
            ("september", "sep", "sept", "septembre", "сентября"),
            ("october", "oct", "octobre", "oktober", "okt", "октября"),
            ("november", "nov", "novembre", "ноября"),
            ("december", "dec", "décembre", "decembre", "dezember", "dez", "декабря"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th|er)?\.?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I
    ),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
)
_DATE_WORDS = re.compile(
    r"\b(?:published|updated|last updated|posted|first published|date|on|at|am|pm|gmt|utc|bst|"
    r"cet|cest|est|edt|pst|ist|msk|ago|min|mins|minute|minutes|read|publié|le|am|um|uhr|года?|г|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b|"
    r"\d{1,2}[:.]\d{2}|\d+",
    re.I,
)
_BYLINE = re.compile(
    r"^(?:by|words by|author:|written by|par|von|автор:)\s+(?P<name>[^,|·•–—\n]{2,80}?)"
    r"\s*(?:$|[,|·•–—]|\s-\s|\bpublished\b|\bupdated\b)",
    re.I,
)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞА-Я][\w.'’-]*|and|&|de|da|del|der|van|von|la|le|bin|al)$")
_ATX = re.compile(r"^(?P<marks>#{1,6})[ \t]+(?P<text>\S.*?)(?:[ \t]+#+)?[ \t]*$")
"""A Markdown heading written into plain text ("# Title", "## Background"): its marks are
markup, as a list's bullet is, so they go and the words stay."""
TITLE_MAX = 300
"""The longest first line taken for a title: reports' titles run past 200 characters
(with their subtitle), a first paragraph without a full stop seldom past 300."""
MAX_LINES = 250_000
"""Lines with text in a plain text or Markdown file, each of which may become a paragraph:
as many as a web page may have blocks (``htmlbounds.MAX_BLOCKS``). A long report has a
few thousand; each line costs about 0.1 ms to read, so a million took minutes."""
_NONBLANK = re.compile(r"^[ \t]*\S", re.M)
_TOP_WINDOW = 8


class TextMeta(Record, frozen=True):
    """What the text itself says about the article, beyond its blocks."""

    title: str = ""
    author: str = ""
    published: dt.date | None = None
    publisher: str = ""


def parse_date(text: str) -> dt.date | None:
    """The first English or ISO calendar date in ``text`` ("4 December 2025", "Dec 4, 2025")."""
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        groups = match.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
        try:
            return dt.date(int(groups["year"]), month, int(groups["day"]))
        except ValueError:
            continue
    return None


def check_lines(
    text: str, name: str, advice: str = "Save only the part you need and import that."
) -> None:
    """Refuses ``text``, before any of it is read, when more than ``MAX_LINES`` of its
    lines hold text. Counting stops there, so a file of millions of lines costs little."""
    for count, _line in enumerate(_NONBLANK.finditer(text), start=1):
        if count > MAX_LINES:
            raise ImportRejected(
                f"{name} has more than {MAX_LINES:,} lines of text, far more than an article"
                " (a long report has a few thousand paragraphs), so Briefer cannot read it in"
                f" bounded time and memory. {advice}"
            )


def _words(line: str) -> int:
    """How many words ``line`` holds, counting Chinese or Japanese text as about
    two characters a word, since it has no spaces to count."""
    cjk = len(CJK.findall(line))
    return len(line.split()) + cjk // 2 if cjk else len(line.split())


def _is_title_candidate(line: str) -> bool:
    if len(line) > TITLE_MAX:  # before splitting: a one-line 60 MB file is one "line"
        return False
    return _words(line) >= 3 and not line.endswith((".", ",", ";", ":", "。", "，", "："))


def _is_section_label(line: str) -> bool:
    return len(line) <= 30 and _words(line) <= 3 and not SENTENCE_END.search(line)


def _byline(line: str) -> str | None:
    """The writers a by-line names ("By Jane Smith"), "" for one naming nobody ("By Staff
    Reporter"), None when ``line`` is no by-line."""
    if len(line) > 160:
        return None
    match = _BYLINE.match(line)
    if match is None:
        return None
    written = match.group("name").strip()
    # As a page's by-line is read: "in London" and "(London)" say where the writer
    # filed from, and a by-line set in capitals is a name in the case a citation prints.
    name = clean_author(written)
    words = (name or written).split()  # nobody named: still a by-line if it reads as one
    if len(words) > 7 or not all(_NAME_WORD.match(w) for w in words):
        return None
    return name


def _date_line(line: str) -> dt.date | None:
    if len(line) > 120:
        return None
    date = parse_date(line)
    if date is None:
        return None
    rest = line
    for pattern in _DATE_PATTERNS:
        rest = pattern.sub(" ", rest)
    rest = _DATE_WORDS.sub(" ", rest)
    leftover = [w for w in re.findall(r"[^\W\d_]+", rest) if len(w) > 1]
    return date if len(leftover) <= 1 else None


def heading_like(line: str) -> bool:
    """Short, capitalised, no closing punctuation: how a sub-heading looks once copied as text."""
    words = line.split()
    if not 1 <= len(words) <= 14 or len(line) > 120 or SENTENCE_END.search(line):
        return False
    return not BULLET.match(line) and (line[0].isupper() or line[0].isdigit())


def is_prose(line: str) -> bool:
    return bool(SENTENCE_END.search(line))


def is_subheading(paragraphs: list[str], index: int) -> bool:
    """A heading-like line followed by a longer paragraph of prose.

    Copied text has lost its bold and its sizes; what remains of a heading is
    that it is short, unpunctuated and introduces a paragraph.
    """
    line = paragraphs[index]
    if len(line) > 100 or len(line.split()) > 12 or not heading_like(line):
        return False
    if index + 1 >= len(paragraphs):
        return False
    following = paragraphs[index + 1]
    return len(following) > len(line) and is_prose(following)


def text_to_blocks(
    text: str,
    builder: ArticleBuilder,
    *,
    find_title: bool = True,
    checkpoint: Callable[[], None] = lambda: None,
) -> TextMeta:
    """Adds the body of plain ``text`` to ``builder`` and returns title, author and date.

    With ``find_title`` the top of the text is read as a news page copied by hand:
    a short section label, the title, then byline and date lines, none of which
    are body. Without it (a mail's body, whose headers say who and when) every line
    stays, a forward's "Date:" line included. Boilerplate lines (share buttons, feed
    footers) are dropped anywhere. ``checkpoint`` is called between paragraphs, to stop
    a long text by raising (a paste the analyst cancelled).
    """
    every = split_paragraphs(text, checkpoint)
    checkpoint()
    publisher = next(filter(None, map(feed_footer_site, reversed(every))), "")
    # A date stamp ("Published 14 November 2025") is furniture, but near the title it
    # gives the article's date, read below.
    paragraphs: list[str] = []
    for paragraph in every:
        checkpoint()
        if not is_boilerplate_line(paragraph) or is_date_stamp(paragraph):
            paragraphs.append(paragraph)
    title = ""
    author = ""
    published: dt.date | None = None
    start = 0
    if find_title and paragraphs:
        if (
            len(paragraphs) > 1
            and _is_section_label(paragraphs[0])
            and _is_title_candidate(paragraphs[1])
            and _words(paragraphs[1]) > _words(paragraphs[0])
        ):
            start = 1
        if _is_title_candidate(paragraphs[start]) or (
            len(paragraphs[start]) <= TITLE_MAX
            and start + 1 < len(paragraphs)
            and _words(paragraphs[start]) >= 2
            and not paragraphs[start].endswith((".", "。"))
        ):
            title = _unmarked(paragraphs[start])
            start += 1
    kept: list[str] = []
    for index, paragraph in enumerate(paragraphs[start:]):
        if find_title and index < _TOP_WINDOW and (not author or published is None):
            name = _byline(paragraph)
            date = _date_line(paragraph) if name is None else parse_date(paragraph)
            if name is not None or date:
                author = author or name or ""
                published = published or date
                continue
        kept.append(paragraph)
    prose = sum(1 for p in kept if SENTENCE_END.search(p))
    allow_headings = prose >= 0.5 * max(1, len(kept))
    for index, paragraph in enumerate(kept):
        checkpoint()
        bullet = BULLET.match(paragraph)
        heading = _ATX.match(paragraph) if len(paragraph) <= 120 else None
        if heading and heading_like(heading.group("text")):
            level = min(6, max(2, len(heading.group("marks"))))  # 1 is the article's title
            builder.add(BlockKind.HEADING, heading.group("text"), level=level)
        elif bullet:
            ordered = bullet.group("num") is not None
            builder.add(BlockKind.LIST_ITEM, paragraph[bullet.end() :], level=1, ordered=ordered)
        elif allow_headings and index > 0 and is_subheading(kept, index):
            builder.add(BlockKind.HEADING, paragraph, level=2)
        else:
            builder.add(BlockKind.PARAGRAPH, paragraph)
    return TextMeta(title=title, author=author, published=published, publisher=publisher)


def _unmarked(line: str) -> str:
    heading = _ATX.match(line)
    return heading.group("text") if heading else line


def title_from_filename(filename: str) -> str:
    stem = PurePath(filename).stem if filename else ""
    return " ".join(re.sub(r"[_-]+", " ", stem).split()) or "Untitled"


class TextImporter:
    """Plain text (.txt), in any of the encodings analysts meet."""

    name = "text"
    extensions: tuple[str, ...] = (".txt", ".text")

    def sniff(self, data: bytes, filename: str) -> int:
        """Low on purpose: almost anything is text, so any format that recognises itself wins."""
        sample = data[:4096]
        if not sample:
            return 0
        try:
            decode_text(sample)
        except ImportRejected:
            return 0
        return 10

    def extract(
        self,
        data: bytes,
        filename: str,
        limits: ImportLimits,
        read_local: LocalFileReader | None = None,
    ) -> Article:
        text, _encoding = decode_text(data)
        check_lines(text, filename or "The text")
        deadline = Deadline(limits.max_seconds, filename or "the text file")
        builder = ArticleBuilder()
        meta = text_to_blocks(text, builder, checkpoint=deadline.check)
        if builder.is_empty():
            raise ImportRejected(
                f"{filename or 'The text'} has no readable text in it. Check that it is the"
                " file you meant to import."
            )
        return Article(
            title=meta.title or title_from_filename(filename),
            text=builder.text(),
            blocks=builder.blocks,
            publisher=meta.publisher,
            author=meta.author,
            published=meta.published,
            source_format=self.name,
            source_name=PurePath(filename).name if filename else "",
        )
