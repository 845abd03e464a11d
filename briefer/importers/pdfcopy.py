"""Text copied from a PDF viewer, put back into the paragraphs the page showed.

Evince, Okular, Acrobat and Chrome's viewer copy a PDF's text as it is set: a line
break at the end of every printed line, words hyphenated across lines ("consequ-" /
"ences"), the page number and running head of every page the selection crossed, the
typeface's ligatures ("ﬁ"), and, from a layout-preserving copy, two columns side by
side on each line. Pasted as it is, every printed line became a paragraph of the
article. The PDF importer knows the page's geometry; here only the characters are
left, so the signs are textual: a line that runs on into a lower-case word was
wrapped, a line much shorter than its neighbours ended a paragraph or a heading.

Used by the paste importer; imports only the standard library and the PDF importer's
line joiner (a word hyphenated at a line end is repaired as the PDF importer does).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from briefer.core.numerals import roman_value
from briefer.importers.pdflayout import join_lines

LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
}  # fmt: skip
"""Latin ligature characters a PDF's text layer gives for one glyph; a search for
"financial" never finds "ﬁnancial", so they are spelled out wherever pasted text holds them."""
_LIGATURE_TABLE = str.maketrans(LIGATURES)

_SENTENCE_END = re.compile(r"[.!?…:;\"”’')\]]$")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|seite|pág\.?)\s*)?[-–—]?\s*(?P<figure>\d{1,3}|[ivxlc]{1,6})\s*[-–—]?"
    r"(?:\s*(?:/|of|von|de|sur)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[-*•–·▪◦]\s+|(?:\d{1,3}|[a-z])[.)]\s+\S)")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_FUNCTION_WORDS = frozenset(
    {
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and",
        "or", "but", "as", "that", "which", "who", "its", "their", "his", "her", "our",
        "is", "are", "was", "were", "be", "has", "have", "had", "not", "this", "these",
        "than", "into", "over", "under", "between", "about", "de", "la", "le", "les", "des",
        "du", "et", "der", "die", "das", "und", "von", "zu", "mit",
    }
)  # fmt: skip
"""Words a paragraph or a title never ends on: a line ending on one runs on."""
_BREAK_MARKS = ("\x02", "\ufffe", "\u2010", "\xad")
_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
_MIN_LINES = 3
_RUN_ON_SHARE = 0.2
"""Share of lines that must run on into a lower-case word for the text to be a line-by-line copy."""
_WRAPPED_LINE = 40
"""Characters of a line that runs on into a lower-case word and so was surely wrapped."""
_SHORT = 0.7
"""A line under this share of the wrapped lines' width ended early: a paragraph or a heading."""
_FURNITURE_MAX = 100
_PAGE_LINES = 12
"""Lines between two prints of a running head at the least (a small page's worth);
a short line said twice within a few lines ("Yes.", "Agreed") is the text's own."""
_LONG = 1.15
_MAX_LINE = 400
"""Characters a printed line holds at most, on average: longer lines are paragraphs."""
_MAX_CHARS = 4_000_000
"""Beyond this (about a thousand pages) text is read as it is: unwrapping copies it a
few times over, and the 60 MB one-line file must stay in bounded memory."""
_GUTTER_SHARE = 0.4
_GUTTER_MIN = 20
_PROSE_WORDS = 3
"""Words a typical line holds on each side of the gutter, in columns of prose."""


def spell_ligatures(text: str) -> str:
    """``text`` with ligature characters ("ﬁ", "ﬂ") written as their letters."""
    return text.translate(_LIGATURE_TABLE)


def unwrap_pdf_copy(text: str) -> str | None:
    """The paragraphs of text copied line by line from a PDF, a blank line between each;
    None when ``text`` does not read as such a copy (its lines are its paragraphs).

    Page numbers and lines repeated on every page (running heads) go; a word hyphenated
    at a line end is joined; two columns set side by side are read one after the other.
    """
    breaks = text.count("\n")
    if breaks < _MIN_LINES - 1 or len(text) > _MAX_CHARS or len(text) > _MAX_LINE * breaks:
        return None  # a line per paragraph, or more than a selection: read as it is
    pages = [_columns(page.split("\n")) for page in text.split("\f")]
    lines = [_soft_hyphen(" ".join(line.split())) for page in pages for line in page]
    nonblank = [line for line in lines if line]
    if len(nonblank) < _MIN_LINES or not _copied_by_line(nonblank):
        return None
    furniture = _furniture(nonblank)
    lines = [line for line in lines if line not in furniture]
    width = _width(nonblank)
    vocabulary = {w.casefold() for line in nonblank for w in _WORD.findall(line.rstrip("-"))}
    paragraphs: list[list[str]] = []
    current: list[str] = []
    blank = False
    for line in lines:
        if not line:
            blank = True
            continue
        if current and _breaks(current[-1], line, width, blank):
            paragraphs.append(current)
            current = []
        current.append(line)
        blank = False
    if current:
        paragraphs.append(current)
    return "\n\n".join(
        "\n".join(p) if p[0].startswith(">") else join_lines(p, vocabulary) for p in paragraphs
    )


def _soft_hyphen(line: str) -> str:
    """A line ending in the mark a viewer copies for a hyphen the PDF's producer drew
    where it broke a word (Acrobat's U+0002, PDFium's U+FFFE, U+2010) as a soft hyphen,
    which the joiner always removes."""
    return line[:-1] + "\xad" if line.endswith(_BREAK_MARKS) else line


def _copied_by_line(lines: list[str]) -> bool:
    """Many lines run on into a lower-case word: the copy kept the page's line breaks."""
    own = [line for line in lines if not line.startswith(">")]  # a mail's quotation aside
    run_on = [len(a) for a, b in itertools.pairwise(own) if _runs_on(a, b)]
    # One long line running on is a wrapped paragraph (a short mail has one); short ones
    # may be a list's lower-case items, so they must be many.
    return any(n >= _WRAPPED_LINE for n in run_on) or len(run_on) >= max(
        2, _RUN_ON_SHARE * len(own)
    )


def _runs_on(line: str, following: str) -> bool:
    return following[0].islower() and not _SENTENCE_END.search(line)


def _width(lines: list[str]) -> int:
    """The width lines are wrapped at: the median length of lines that run on."""
    full = sorted(len(a) for a, b in itertools.pairwise(lines) if _runs_on(a, b))
    return full[len(full) // 2] if full else max(len(line) for line in lines)


def _furniture(lines: list[str]) -> set[str]:
    """Page numbers and running heads: bare numbers, and short lines that end no sentence
    set again a page further on (a heading is not printed twice; a page's head is)."""
    counts = Counter(lines)
    first: dict[str, int] = {}
    apart: set[str] = set()  # set again a page or more further on
    for index, line in enumerate(lines):
        if index - first.setdefault(line, index) >= _PAGE_LINES:
            apart.add(line)
        # A head printed beside the page's number ("Harbour minutes" / "14").
        near = lines[max(0, index - 1) : index + 2]
        if counts[line] > 1 and any(_is_page_number(other) for other in near if other != line):
            apart.add(line)
    return {
        line
        for line in counts
        if _is_page_number(line)
        or (line in apart and len(line) <= _FURNITURE_MAX and not _SENTENCE_END.search(line))
    }


def _is_page_number(line: str) -> bool:
    """ "14", "Page 2 of 3", "– 7 –", "iv"; not a word of Roman letters ("civil")."""
    found = _PAGE_NUMBER.match(line)
    if found is None:
        return False
    letters = "".join(ch for ch in found.group("figure") if ch.isalpha())
    return not letters or roman_value(letters.lower()) > 0


def _breaks(previous: str, line: str, width: int, blank: bool) -> bool:
    """Whether ``line`` starts a new paragraph after ``previous``."""
    if previous.startswith(">") or line.startswith(">"):
        # A mail's quotation is the text reader's to unwrap: kept whole, apart.
        return not (previous.startswith(">") and line.startswith(">"))
    if _BULLET.match(line):
        return True
    if previous.endswith(("-", "\xad")) or _runs_on(previous, line):
        return False  # a hyphenated or unfinished line, across a page break too
    if len(previous) > _LONG * width:
        return True  # longer than the lines are wrapped at: a paragraph of its own
    last = _LAST_WORD.search(previous)
    if last and last.group(1) in _FUNCTION_WORDS and not blank:
        return False  # a title wrapped after "to" ("link to" / "Lisvik")
    if blank or len(previous) < _SHORT * width:
        return True
    # Room left on the line for the next word: the writer broke the line there (a
    # sentence's end, or a title above its author's name).
    fits = len(previous) + 1 + len(line.split(" ", 1)[0]) <= width
    return fits and not line[0].islower()


def _columns(lines: list[str]) -> list[str]:
    """The lines of a page set in two columns side by side (a layout-preserving copy)
    as the left column's lines, then the right column's; other pages as they are."""
    starts: Counter[int] = Counter()
    texts = [line for line in lines if line.strip()]
    for line in texts:
        indent = len(line) - len(line.lstrip(" "))
        gap = _GAP.search(line)
        if gap is not None:
            starts[gap.end()] += 1
        elif indent >= _GUTTER_MIN:
            starts[indent] += 1
    if not starts:
        return lines
    column, _ = starts.most_common(1)[0]
    near = sum(n for start, n in starts.items() if abs(start - column) <= 2)
    if column < _GUTTER_MIN or near < max(_MIN_LINES, _GUTTER_SHARE * len(texts)):
        return lines
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        cut = _cut(line, column)
        left.append(line[:cut].rstrip())
        right.append(line[cut:].strip())
    # Columns of prose hold words on both sides; a table's cells (a mail's aligned
    # figures) hold a name and numbers.
    beside = sorted(
        min(len(_WORD.findall(a)), len(_WORD.findall(b)))
        for a, b in zip(left, right, strict=True)
        if a.strip() and b
    )
    if not beside or beside[len(beside) // 2] < _PROSE_WORDS:
        return lines
    return [*left, "", *right]


def _cut(line: str, column: int) -> int:
    """Where ``line`` passes from the left column into the right one."""
    for gap in _GAP.finditer(line):
        if abs(gap.end() - column) <= 2:
            return gap.end()
    indent = len(line) - len(line.lstrip(" "))
    return 0 if indent >= column - 2 and line.strip() else len(line)
