"""Plain text files, and the paragraph and news-structure logic other importers reuse.

Text copied from a news site carries a section label, the title, share buttons, a
byline, sub-headings and a feed footer; this module tells them apart. Imports core,
briefer.importers helpers and the standard library only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Container
from dataclasses import dataclass
from pathlib import PurePath

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ArticleBuilder, ImportLimits, ImportRejected, LocalFileReader
from briefer.importers.cleanup import feed_footer_site, is_boilerplate_line, is_date_stamp
from briefer.importers.encoding import decode_text
from briefer.importers.htmlnames import clean_author

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
_BULLET = re.compile(r"^(?:[-*•–·▪◦]\s+|(?P<num>\d{1,3}|[a-z])[.)]\s+)")
_SENTENCE_END = re.compile(r"[.!?…:;,\"”’')\]。！？」』）：；，]$")
_ATX = re.compile(r"^(?P<marks>#{1,6})[ \t]+(?P<text>\S.*?)(?:[ \t]+#+)?[ \t]*$")
"""A Markdown heading written into plain text ("# Title", "## Background"): its marks are
markup, as a list's bullet is, so they go and the words stay."""
_BLANK_LINES = re.compile(r"\n[ \t\xa0]*\n")
_PDF_COPY_WIDTH = 160
"""Characters a line of text copied from a PDF may run to (small type, landscape)."""
_ROOM_LEFT = 0.8
"""Of the wrap width: a line this much shorter, with its next word added, was broken
by hand. Not 1.0: a PDF's lines wrap by the width of their letters, not their number."""
_ROOM_AFTER_STOP = 0.92
"""The same after a full stop: a sentence that ends a paragraph leaves less doubt."""
_FULL_STOP = re.compile(r"[.!?…][\"”’')\]]?$")
_PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?|[-–]\s*\d{1,3}\s*[-–]", re.I)
_NOTED_END = re.compile(r"[.!?…][\"”’')]?(?:[ivx]{1,5}|\d{1,3}|[*†‡])$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_CELL_GAP = re.compile(r"(?<=\S)(?: {3,}|\t)(?=\S)")
_FIGURE = r"[-+−]?\d[\d.,]*%?"
# Figures ending a line, two or more ("301.2 350.9", "ferries 301 350"): maybe a
# table's row, taken for one beside another (``_row_flags``).
_FIGURES_END = re.compile(rf"(?:^|\s){_FIGURE}\s+{_FIGURE}$")
# "(a) ...; and", "(iv) ...": a clause starts a paragraph of its own, its mark kept as typed.
_CLAUSE = re.compile(r"\((?:\d{1,3}|[a-z]|[ivx]{1,6})\)\s")
# What a line before a clause ends with: a colon or semicolon, a stop, or "; and".
_CLAUSE_BEFORE = re.compile(r"(?:[:;.]|;\s+(?:and|or))$")
# A word a hyphen at a line's end leaves to come ("small- and medium-sized", "Ein- und
# Ausfuhren"): the space after the hyphen stays.
_CONJUNCTIONS = frozenset(
    ("and", "or", "nor", "und", "oder", "bis", "sowie", "bzw", "et", "ou", "y", "o",
     "e", "en", "of", "и", "или", "i", "lub", "a")
)  # fmt: skip
_HYPHENS = "-\xad\u2010"
_BROKEN_WORD = re.compile(r"(?:^|[\s(\[\"“‘'])([^\W\d_]{2,})[-\xad\u2010]$")
_WORD = re.compile(r"[^\W\d_]{3,}")
_HYPHEN_BREAK = re.compile(r"[-\xad\u2010][ \t]*\r?\n[ \t]*([^\W\d_]+)")
_WORD_END = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}$")
_WORD_CHARS = re.compile(r"[\W\d_]+")
_CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u31c0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uff61-\uff9f\U00020000-\U0003134f]"
)
"""Han ideographs, kana and their punctuation and full-width forms; not Hangul."""

TITLE_MAX = 200
_TOP_WINDOW = 8


@dataclass(frozen=True, slots=True)
class TextMeta:
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


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text, whether separated by blank lines or one per line.

    Hard-wrapped text (every line about the same width, lines running on without
    a full stop) is re-joined; text with one paragraph per line is split per line.
    """
    lines = [line.strip() for line in text.split("\n")]
    nonblank = [line for line in lines if line]
    if not nonblank:
        return []
    width = _wrap_width(nonblank)  # once: per paragraph, a long report took minutes
    wrapped = _looks_hard_wrapped(nonblank, width)
    vocabulary = _KnownWords(text)
    chunks = [c for c in _BLANK_LINES.split(text.strip()) if c.strip()]
    paragraphs: list[str] = []
    for chunk in chunks:
        chunk_lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if all(_BULLET.match(line) for line in chunk_lines) or not wrapped:
            paragraphs.extend(chunk_lines)
        else:
            paragraphs.extend(_rejoin(chunk_lines, width, vocabulary))
    return _across_pages(paragraphs, width, vocabulary) if wrapped else paragraphs


def _across_pages(paragraphs: list[str], width: int, vocabulary: Container[str]) -> list[str]:
    """Paragraphs a page break cut, whole again: a copy of several pages of a PDF
    breaks a sentence at the page's number, alone between blank lines ("...which reach
    more", "12", "villages in the north."). Where a paragraph stops mid-sentence, a page
    number follows and the next paragraph goes on in lower case, the number goes and
    the halves are one. Without the number nothing is joined: two paragraphs in lower
    case (a chat, a list, a reply under a quoted line) are two."""
    groups: list[list[str]] = []
    i = 0
    while i < len(paragraphs):
        group = [paragraphs[i]]
        while _cut_by_a_page(paragraphs, i, width):
            i += 2  # past the page's number, to the paragraph going on
            group.append(paragraphs[i])
        groups.append(group)
        i += 1
    return [join_wrapped(group, vocabulary) if len(group) > 1 else group[0] for group in groups]


def _cut_by_a_page(paragraphs: list[str], i: int, width: int) -> bool:
    """Whether paragraph ``i`` stops mid-sentence, a page number alone follows it and
    the paragraph after that goes on in lower case."""
    if i + 2 >= len(paragraphs):
        return False
    paragraph, after = paragraphs[i], paragraphs[i + 2]
    return bool(
        len(paragraph) >= 0.6 * width and not _is_row(paragraph)
        and not _SENTENCE_END.search(paragraph) and not _NOTED_END.search(paragraph)
        and _PAGE_NUMBER.fullmatch(paragraphs[i + 1]) and _goes_on(after) and not _is_row(after)
    )  # fmt: skip


class _KnownWords:
    """The words broken with a hyphen at a line's end ("consulta-" "tion") that the text
    also uses whole, casefolded; found the first time one is asked about, so text with
    no word broken so never lists its words."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._known: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._known is None:
            self._known = self._find()
        return word in self._known

    def _find(self) -> set[str]:
        text = self._text
        broken = set()
        for found in _HYPHEN_BREAK.finditer(text):
            before = _WORD_END.search(text, max(found.start() - 64, 0), found.start())
            if before is not None:
                broken.add((before[0] + found[1]).casefold())
        if not broken:
            return set()
        return broken & set(_WORD.findall(text.casefold()))


def _looks_hard_wrapped(lines: list[str], width: int) -> bool:
    if len(lines) < 3:
        return False
    rows = _row_flags(lines, width)
    run_on = [
        i for i, line in enumerate(lines)
        if len(line) >= 0.7 * width and not _SENTENCE_END.search(line) and not rows[i]
    ]  # fmt: skip
    # Wrapped prose runs on into the next line's lower-case words (or words of a script
    # without capitals). A list of headlines, one per line, never does, however wide.
    continued = sum(1 for i in run_on if i + 1 < len(lines) and _continues(lines[i + 1]))
    # Text in capitals (wire copy) has no lower case to run on into.
    capitals = not any(ch.islower() for line in lines[:200] for ch in line)
    if (
        width <= 100 and len(run_on) >= 0.3 * len(lines)
        and (continued >= 0.1 * len(lines) or capitals)
    ):  # fmt: skip
        return True
    # Text copied out of a PDF runs up to 150 characters a line: there, ask for more.
    return width <= _PDF_COPY_WIDTH and continued >= 0.2 * len(lines)


def _is_row(line: str) -> bool:
    """Whether ``line`` may be a table's row: cells set apart by runs of spaces or a
    tab, or two figures or more to end it ("of which wheat 301.2 350.9"). Only a line
    beside another such is taken for one (``_row_flags``): a sentence may end a line
    with "in 2024, 2025" or "PO Box 12, 4006"."""
    if ("   " in line or "\t" in line) and _CELL_GAP.search(line):
        return True
    return (line[-1:].isdigit() or line[-1:] == "%") and bool(_FIGURES_END.search(line[-80:]))


def _row_flags(lines: list[str], width: int) -> list[bool]:
    """Per line, whether it is a table's row: it may be one and so may a line beside it;
    one set apart by figures alone is shorter than ``width`` (a full line ending "en
    2024, 2025" is prose wrapped there), and one set apart by spaces lines its cells up
    with that line's (justified text spreads its spaces anywhere)."""
    shaped = [_is_row(line) for line in lines]
    maybe = [
        row and ("   " in line or "\t" in line or len(line) < 0.8 * width)
        for line, row in zip(lines, shaped, strict=True)
    ]
    starts = [
        {edge for m in _CELL_GAP.finditer(line) for edge in m.span()}
        if row and "   " in line
        else set()
        for line, row in zip(lines, maybe, strict=True)
    ]
    flags = []
    for i, row in enumerate(maybe):
        beside = [j for j in (i - 1, i + 1) if 0 <= j < len(lines) and shaped[j]]
        if not row or not beside:
            flags.append(False)
        elif starts[i]:
            flags.append(any(_aligned(starts[i], starts[j]) for j in beside))
        else:
            flags.append(True)
    return flags


def _aligned(edges: set[int], others: set[int]) -> bool:
    """Whether two rows' cells line up: an edge of a cell of one within two characters of
    one of the other's (figures set flush right end together), or the other's cells are
    set apart by figures alone."""
    return not others or any(abs(a - b) <= 2 for a in edges for b in others)


def _goes_on(paragraph: str) -> bool:
    """Whether ``paragraph`` opens with a word in lower case ("villages in the north"),
    not a note's mark glued to a capital ("iThe fuel quay ...", a PDF's endnote)."""
    first = _FIRST_WORD.match(paragraph)
    return first is not None and first[0].islower()


def _continues(line: str) -> bool:
    """Whether ``line`` reads as the rest of a sentence: it opens with a letter that is
    not a capital (lower case, or a script with no capitals: Chinese, Korean, ...)."""
    first = line[:1]
    return first.isalpha() and not first.isupper()


def _wrap_width(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines)
    return lengths[int(0.9 * (len(lengths) - 1))]


def _rejoin(lines: list[str], width: int, vocabulary: Container[str]) -> list[str]:
    """Joins wrapped lines. A line ends its paragraph where it is short and ends a
    sentence, or where the next line's first word would have fitted on it: the
    writer (or the PDF) broke the line there, the wrapping did not. A line ending a
    sentence also ends its paragraph before a heading (a short line without a stop,
    the next line's first word fitting on it too)."""
    out: list[str] = []
    current: list[str] = []
    room = _room_after(lines, width)
    rows = _row_flags(lines, width)
    for i, line in enumerate(lines):
        row = rows[i]
        clause = _CLAUSE.match(line) and i > 0 and _CLAUSE_BEFORE.search(lines[i - 1])
        if (_BULLET.match(line) or clause or row) and current:
            out.append(join_wrapped(current, vocabulary))
            current = []
        current.append(line)
        short = row or (len(line) < 0.6 * width and _SENTENCE_END.search(line))
        heading = (
            room[i + 1] and _FULL_STOP.search(line)
            and not _SENTENCE_END.search(lines[i + 1]) and not _CJK.match(lines[i + 1][:1])
        )  # fmt: skip
        if short or room[i] or heading:
            out.append(join_wrapped(current, vocabulary))
            current = []
    if current:
        out.append(join_wrapped(current, vocabulary))
    return out


def _room_after(lines: list[str], width: int) -> list[bool]:
    """Per line, whether the next line's first word would have fitted on it (False for
    the last, and one more False after it), as wide as the widest line around it.
    A line far wider than the text's usual lines is left out: a PDF copy may hold two
    lines in one, where it rejoined a hyphenated word."""
    capped = [n if n <= 1.25 * width else 0 for n in map(len, lines)]
    count, padded = len(capped), [0, 0, *capped, 0, 0]
    windows = (padded[k : k + count] for k in range(5))
    arounds = list(map(max, *windows))  # the widest of the line and two each side
    room = [False] * (len(lines) + 1)
    # Most lines of wrapped text are full: only a line with room for two letters more
    # is worth a closer look.
    for i in [
        i
        for i, (n, a) in enumerate(zip(capped, arounds, strict=True))
        if n + 2 < _ROOM_AFTER_STOP * (a or width)
    ]:
        if i + 1 >= len(lines) or _CJK.match(lines[i + 1][:1]) or _BROKEN_WORD.search(lines[i]):
            continue  # a word broken at the line's end ("kept up-") goes on in the next
        following, around = lines[i + 1], arounds[i] or width
        space = following.find(" ")
        needed = len(lines[i]) + 1 + (space if space >= 0 else len(following))
        if needed < _ROOM_LEFT * around or (
            needed < _ROOM_AFTER_STOP * around and _FULL_STOP.search(lines[i])
        ):
            room[i] = True
    return room


def join_wrapped(lines: list[str], vocabulary: Container[str] = ()) -> str:
    """Lines a writer's editor wrapped, as the one line they typed.

    Chinese and Japanese put no spaces between words, so a line break between two
    of their characters stands for nothing; anywhere else it stands for a space.
    Korean is written with spaces between words, so Hangul keeps the space.
    A word broken with a hyphen at a line's end ("consulta-" "tion") is made whole
    when the text uses the whole word elsewhere; otherwise the hyphen is kept
    ("two-" "year" is "two-year").
    """
    if not lines:
        return ""
    pieces = [lines[0]]
    for line in lines[1:]:
        last = pieces[-1]
        broken = _BROKEN_WORD.search(last[-64:]) if last[-1:] in _HYPHENS else None
        if broken and line[:1].islower():
            whole = broken.group(1) + line.split(" ", 1)[0]
            drop = last.endswith("\xad") or _WORD_CHARS.sub("", whole).casefold() in vocabulary
            suspended = not drop and line.split(" ", 1)[0].casefold() in _CONJUNCTIONS
            pieces[-1] = last[:-1] if drop else last
            pieces += [" ", line] if suspended else [line]
            continue
        glue = "" if last and line and _CJK.match(last[-1]) and _CJK.match(line[0]) else " "
        pieces += [glue, line]
    return "".join(pieces)


def _words(line: str) -> int:
    """How many words ``line`` holds, counting Chinese or Japanese text as about
    two characters a word, since it has no spaces to count."""
    cjk = len(_CJK.findall(line))
    return len(line.split()) + cjk // 2 if cjk else len(line.split())


def _is_title_candidate(line: str) -> bool:
    if len(line) > TITLE_MAX:  # before splitting: a one-line 60 MB file is one "line"
        return False
    return _words(line) >= 3 and not line.endswith((".", ",", ";", ":", "。", "，", "："))


def _is_section_label(line: str) -> bool:
    return len(line) <= 30 and _words(line) <= 3 and not _SENTENCE_END.search(line)


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
    if not 1 <= len(words) <= 14 or len(line) > 120 or _SENTENCE_END.search(line):
        return False
    return not _BULLET.match(line) and (line[0].isupper() or line[0].isdigit())


def is_prose(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


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
    every = split_paragraphs(text)
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
    prose = sum(1 for p in kept if _SENTENCE_END.search(p))
    allow_headings = prose >= 0.5 * max(1, len(kept))
    for index, paragraph in enumerate(kept):
        checkpoint()
        bullet = _BULLET.match(paragraph)
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
        builder = ArticleBuilder()
        meta = text_to_blocks(text, builder)
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
