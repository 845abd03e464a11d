"""Paragraphs of plain text: split at blank lines or per line, hard-wrapped lines rejoined.

Split from text, whose news-structure logic reads these paragraphs: this decides where
one paragraph ends (a short line ending a sentence, room left for the next word, a
table's row, a page's number between the halves of a sentence) and how wrapped lines
join again (Chinese and Japanese without spaces, words broken with a hyphen made
whole). Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container

BULLET = re.compile(r"^(?:[-*•–·▪◦]\s+|(?P<num>\d{1,3}|[a-z])[.)]\s+)")
SENTENCE_END = re.compile(r"[.!?…:;,\"”’')\]。！？」』）：；，]$")
_BLANK_LINES = re.compile(r"\n[ \t\xa0]*\n")
_CHECK_EVERY = 1000
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
CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u31c0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uff61-\uff9f\U00020000-\U0003134f]"
)
"""Han ideographs, kana and their punctuation and full-width forms; not Hangul."""


def split_paragraphs(text: str, checkpoint: Callable[[], None] = lambda: None) -> list[str]:
    """Paragraphs of plain text, whether separated by blank lines or one per line.

    Hard-wrapped text (every line about the same width, lines running on without
    a full stop) is re-joined; text with one paragraph per line is split per line.
    ``checkpoint`` is called between blank-line-separated chunks and every
    ``_CHECK_EVERY`` lines, to stop a long text by raising.
    """
    lines = [line.strip() for line in text.split("\n")]
    nonblank = [line for line in lines if line]
    if not nonblank:
        return []
    width = _wrap_width(nonblank)  # once: per paragraph, a long report took minutes
    wrapped = _looks_hard_wrapped(nonblank, width)
    vocabulary = _KnownWords(text)
    chunks = [c for c in _BLANK_LINES.split(text.strip()) if c.strip()]
    checkpoint()
    paragraphs: list[str] = []
    for chunk in chunks:
        checkpoint()
        chunk_lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if all(BULLET.match(line) for line in chunk_lines) or not wrapped:
            paragraphs.extend(chunk_lines)
        else:
            paragraphs.extend(_rejoin(chunk_lines, width, vocabulary, checkpoint))
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
        and not SENTENCE_END.search(paragraph) and not _NOTED_END.search(paragraph)
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
        if len(line) >= 0.7 * width and not SENTENCE_END.search(line) and not rows[i]
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


def _rejoin(
    lines: list[str],
    width: int,
    vocabulary: Container[str],
    checkpoint: Callable[[], None] = lambda: None,
) -> list[str]:
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
        if i % _CHECK_EVERY == 0:
            checkpoint()
        row = rows[i]
        clause = _CLAUSE.match(line) and i > 0 and _CLAUSE_BEFORE.search(lines[i - 1])
        if (BULLET.match(line) or clause or row) and current:
            out.append(join_wrapped(current, vocabulary))
            current = []
        current.append(line)
        short = row or (len(line) < 0.6 * width and SENTENCE_END.search(line))
        heading = (
            room[i + 1] and _FULL_STOP.search(line)
            and not SENTENCE_END.search(lines[i + 1]) and not CJK.match(lines[i + 1][:1])
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
        if i + 1 >= len(lines) or CJK.match(lines[i + 1][:1]) or _BROKEN_WORD.search(lines[i]):
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
        glue = "" if last and line and CJK.match(last[-1]) and CJK.match(line[0]) else " "
        pieces += [glue, line]
    return "".join(pieces)
