"""Footnotes and endnotes taken out of the flow, so a paragraph crossing a page joins up.

A footnote is set smaller than the body text, below it, and opens with the
mark (a number or a symbol) that a raised mark in the page's body points to.
Read in place, a page's notes cut the paragraph that runs on to the next page
in two; pdflayout puts them after that paragraph instead. On a page of two
columns each column may have notes of its own (LaTeX, LibreOffice), read
after that column and before the next: the page is cut there, so the
paragraph that runs on into the next column reads whole and the column's
notes follow it. A note too long for its page goes on at the top of the next
page's notes, before any mark, and is read whole; a note ends where its line
ends short of the column's edge, so it never takes the next page's text. A
page of endnotes (all small print, each note opening with
the next mark: 1, 2 or i, ii or I, II) is cut into its notes. So is a section
of notes an author typed under a heading ("Notes", "Endnotes"), in any size,
numbered 1, 2 or 1., 2. or [1], [2]: each note reads whole however its lines
wrap (a web address on a line of its own, a note running into the next column
or onto the next page), where the
paragraph rules would cut it at a short line or run "12 Ibid." into the note
before. Pure rules over plain lines; standard library, briefer.core.numerals
and briefer.importers.pdflayout only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from briefer.core.numerals import roman_value
from briefer.core.record import Record, replace
from briefer.importers.pdflayout import Line

# A note's own mark; "1." and "[1]" open a numbered list or a reference instead.
_MARK = re.compile(r"^(\d{1,3}|[*†‡§¶‖]{1,3})(?![.)\]\d])\s*(?=\S)")
# An endnote's mark in small roman figures, glued to the note ("iThe") or set apart ("i The"),
# or in capitals ("I", "II" as LibreOffice's "I" numbering sets them), glued to a capital that
# a small letter follows ("IIThe", "IVMinutes") so that "Ivan" and "IVF" are no marks.
_ROMAN_MARK = re.compile(r"^([ivxl]{1,7})(?=[^\W\d_a-z]|\d|\s+\S)")
_CAPITAL_MARK = re.compile(r"^([IVXL]{1,7})(?=[^\W\d_a-z][^\W\d_A-Z]|\d|\s+\S)")
_SYMBOLS = "*†‡§¶‖"
_SMALLER = 0.95  # a footnote is set at most this share of the body size ...
_POINTS = 0.5  # ... and at least this many points smaller
_APART = 1.4  # body sizes from the text's last baseline to the first note's: the notes' gap

_ENDED = re.compile(r"[.!?][\"”’)]?$")  # a sentence's end

Piece = tuple[list[Line], list[list[Line]]]


class OpenNote(Record):
    """The last note at a page's foot, which the next page's notes may carry on."""

    lines: list[Line]
    right: float  # the right edge of its column


def open_note(pieces: Sequence[Piece], lines: Sequence[Line]) -> OpenNote | None:
    """The note that closes the page ``lines`` as ``pieces`` cut it, if notes close it."""
    if not pieces or not pieces[-1][1]:
        return None
    note = pieces[-1][1][-1]
    return OpenNote(note, _right(lines, note[-1]))


def split_notes(lines: Sequence[Line], body: float) -> tuple[list[Line], list[list[Line]]]:
    """The page's lines in reading order without its notes, and the notes' lines."""
    pieces = note_pieces(lines, body)
    return [line for kept, _ in pieces for line in kept], [n for _, notes in pieces for n in notes]


def note_pieces(lines: Sequence[Line], body: float, carried: OpenNote | None = None) -> list[Piece]:
    """The page's reading order cut after each set of notes: each stretch's lines and notes.

    A set of notes is a run of small lines that ends the page's order or a
    column (the next line stands higher: the next column's top), below every
    line of text over it, and only from the first line whose mark the body
    refers to and that white space sets apart from the text above: small
    print above it (a caption, a source line, a list of references) stays
    where it is. A page of nothing but small print is a page of endnotes
    when its lines open with marks counting up. The previous page's last
    note (``carried``) takes the lines that open this page's notes before
    any mark, when its sentence is unfinished and its last line full: the
    rest of a note too long for its page. Notes never take the body's lines,
    nor a page of small print that has no notes of its own (an annex).
    """
    if not lines:
        return [([], [])]
    if all(_small(line, body) for line in lines):
        # The note's rest opens a page of endnotes, never a page without a mark of its own
        # (an annex, a list of officials in small print): that is the text's, not the note's.
        lead = _carried_on(lines, carried, set())
        notes = _endnotes(lines[lead:]) if lead < len(lines) else []
        if carried is not None and lead and notes:
            carried.lines.extend(lines[:lead])
        else:
            lead, notes = 0, _endnotes(lines)
        rest = lines[lead:]
        return [([], notes)] if notes or not rest else [(list(rest), [])]
    runs = _runs(lines, body)
    inside = {index for start, end in runs for index in range(start, end)}
    outside = [line for index, line in enumerate(lines) if index not in inside]
    referred = {mark for line in outside for mark in line.marks}
    areas = [(start, end) for start, end in runs if _under(lines[start:end], outside, body)]
    if carried is not None and areas:  # the page's first notes may open with the note's rest
        start, end = areas[0]
        lead = _carried_on(lines[start:end], carried, referred)
        if lead:
            carried.lines.extend(lines[start : start + lead])
            return note_pieces([*lines[:start], *lines[start + lead :]], body)
    pieces: list[Piece] = []
    begin = 0
    for start, end in runs:
        kept, notes = _notes(lines[start:end], outside, referred, body)
        if notes:
            pieces.append(([*lines[begin:start], *kept], notes))
            begin = end
    if begin < len(lines) or not pieces:
        pieces.append((list(lines[begin:]), []))
    return pieces


def _runs(lines: Sequence[Line], body: float) -> list[tuple[int, int]]:
    """Where runs of small lines end the page's order or a column: (start, end) indices."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, line in enumerate([*lines, None]):
        if line is not None and _small(line, body):
            start = index if start is None else start
            continue
        if start is not None:
            top = max(small.top for small in lines[start:index])
            if line is None or line.baseline > top:
                runs.append((start, index))
        start = None
    return runs


def _bottom(run: Sequence[Line], outside: Sequence[Line]) -> float | None:
    """The lowest baseline of the text over the run of small lines, if any text is over it."""
    left, right = min(line.x0 for line in run), max(line.x1 for line in run)
    above = [line for line in outside if line.x0 < right and left < line.x1]
    return min(line.baseline for line in above) if above else None


def _under(run: Sequence[Line], outside: Sequence[Line], body: float) -> bool:
    """Whether the run opens below the text over it, white space between: a notes area."""
    bottom = _bottom(run, outside)
    return (
        bottom is not None
        and max(line.top for line in run) < bottom
        and bottom - run[0].baseline > _APART * body
    )


def _carried_on(run: Sequence[Line], carried: OpenNote | None, referred: set[str]) -> int:
    """How many lines opening ``run`` carry on the note ``carried``: those before the first
    that opens a note (a mark the body refers to, or any mark on a page of endnotes), when
    the note stopped mid-sentence or goes on in lower case, at a full line's end."""
    if carried is None or not run:
        return 0
    last, first = carried.lines[-1], run[0]
    if _room_for(first, last, carried.right):
        return 0  # the note's last line ended short: the note was over
    if _ENDED.search(last.text.rstrip()) and not first.text[:1].islower():
        return 0
    for index, line in enumerate(run):
        mark = _mark(line) if referred else (_mark(line) or _roman_mark(line))
        if mark is not None and (mark in referred or not referred):
            return index
    return len(run)


def _notes(
    run: Sequence[Line], outside: Sequence[Line], referred: set[str], body: float
) -> tuple[list[Line], list[list[Line]]]:
    """A run of small lines as the lines that stay in the text and the notes after them."""
    bottom = _bottom(run, outside)
    if bottom is None or not referred:
        return list(run), []
    if max(line.top for line in run) >= bottom:
        return list(run), []  # beside the text, not below it
    notes: list[list[Line]] = []
    kept: list[Line] = []
    for line in run:
        mark = _mark(line)
        if (
            mark is not None
            and mark in referred
            and (notes or bottom - line.baseline > _APART * body)
        ):
            notes.append([_apart(line, mark)])
        elif notes:
            notes[-1].append(line)
        else:
            kept.append(line)
    return kept, notes


def _endnotes(lines: Sequence[Line]) -> list[list[Line]]:
    """A page of small print as its notes, when it opens with a mark and the marks count up.

    The body's marks may be on other pages, or letters PDF text does not tell
    from the words around them (a raised "ii"), so the count is the evidence:
    two notes or more, unless the one note's mark is raised.
    """
    notes: list[list[Line]] = []
    last = ""
    if not lines:
        return notes
    for line in lines:
        if line.cells:
            return []  # a table in small print: each row is its own paragraph already
        mark = _mark(line) or _roman_mark(line)
        if mark is not None and (not notes or _follows(last, mark)):
            notes.append([_apart(line, mark)])
            last = mark
        elif notes:
            notes[-1].append(line)
        else:
            return []
    raised = bool(lines[0].marks) and lines[0].text.startswith(lines[0].marks[0])
    return notes if len(notes) >= 2 or raised else []


def _follows(last: str, mark: str) -> bool:
    """Whether ``mark`` is the one after ``last``: 2 after 1, ii after i, II after I, † after *."""
    if last.isdigit():
        return mark.isdigit() and int(mark) == int(last) + 1
    if last[0] in _SYMBOLS:
        return mark[0] in _SYMBOLS and mark != last
    number = roman_value(last.lower())
    return (
        number > 0 and last.islower() == mark.islower() and roman_value(mark.lower()) == number + 1
    )


def _apart(line: Line, mark: str) -> Line:
    """The note's first line with its mark set a space apart from its text ("1 The ...")."""
    return replace(line, text=f"{mark} {line.text[len(mark) :].lstrip()}")


def _small(line: Line, body: float) -> bool:
    return line.size < body * _SMALLER and line.size < body - _POINTS


def _mark(line: Line) -> str | None:
    if line.marks and line.text.startswith(line.marks[0]):
        return line.marks[0]
    found = _MARK.match(line.text)
    return found.group(1) if found else None


def _roman_mark(line: Line) -> str | None:
    found = _ROMAN_MARK.match(line.text) or _CAPITAL_MARK.match(line.text)
    return found.group(1) if found and roman_value(found.group(1).lower()) else None


# A notes section's heading, as authors type it above their notes (Word, think tanks, LaTeX).
_SECTION = re.compile(
    r"^(?:\d{1,2}\.?\s+)?(?:end\s?notes|notes(?: and (?:references|sources))?|references"
    r"|sources(?: and notes)?)\s*:?$",
    re.I,
)
_LABEL = r"(?:\d{1,3}|[ivxlc]{1,7}|[IVXLC]{1,7})"
# A note's number in such a section, at text size: "1.", "12 Ibid.", "iv. Ibid.", "IV Ibid.",
# "[3] Smith" (a reference): the opening bracket, the number, and "]", "." or nothing.
_NUMBER = re.compile(rf"^(\[)?({_LABEL})((?(1)\]|\.?))\s+(?=\S)")
_BARE = re.compile(rf"^(?:\[{_LABEL}\]|{_LABEL}\.?)$")
# A table row of two cells, a note's number and words: "6 | Ibid.".
_CELLED = re.compile(rf"^(\[{_LABEL}\]|{_LABEL}\.?) \| (?=\W{{0,2}}[^\W\d_])(?!.* \| )")
_LEADING = 1.7  # a note's lines stand at most this many sizes apart: farther is what follows
_ROW = 2.0  # points between the baselines of a note's number and its text after a tab
_LOOK = 8  # lines after a bare number in the reading order where its text may be
_EM_PER_CHARACTER = 0.75  # the widest a word's characters are set on average (capitals)


class _Section(Record):
    """An open notes section: the numbering, where its numbers stand, the note being read."""

    style: tuple[str, str]  # "1", "i" or "I", and "." or "" or "]" ("[1]")
    following: int  # the next note's number
    x0: float
    size: float
    last: list[Line]
    right: float = 0.0  # the right edge of the column the note's last line ended
    moved: bool = False  # read on in another column: where its numbers stand is not known yet


def notes_by_page(pages: Sequence[Sequence[Line]], body: float) -> list[list[Piece]]:
    """Each page as note_pieces cuts it, and a section of notes under its heading as notes.

    A heading "Notes" (or "Endnotes", "References", "Sources") set larger or
    bold, then lines that open with numbers counting up from 1 (or i, I; "1.",
    "[1]"), each number at the same place in its column: each note is read
    whole, however its lines wrap and whatever size it is set in, until a line
    that no note carries on (a heading, a paragraph after a gap, a line after
    a note that ended short). The section may run on over columns and pages.
    """
    out: list[list[Piece]] = []
    section: _Section | None = None
    carried: OpenNote | None = None  # the footnote that closed the page before
    for lines in pages:
        page = list(lines)
        pieces: list[Piece] = []
        begin = 0
        if section is not None:
            paired = _paired(page)
            begin, notes, section = _read(paired, 0, section)
            if begin:
                page = paired
                pieces.append(([], notes))
        while section is None:
            start = _heading(page, begin, body)
            if start is None:
                break
            paired = [*page[: start + 1], *_paired(page[start + 1 :])]
            end, notes, section = _read(paired, start + 1, _open(paired[start + 1]))
            if len(notes) < 2 and (section is None or end < len(paired)):
                section = None  # one note is no section, unless the next page carries on
                pieces += note_pieces(page[begin : start + 1], body, carried if not begin else None)
                begin = start + 1
                continue
            page = paired
            pieces.append((page[begin : start + 1], notes))
            begin = end
        if begin < len(page) or not pieces:
            pieces += note_pieces(page[begin:], body, carried if not begin else None)
        carried = open_note(pieces, page) if section is None else None
        out.append(pieces)
    return out


def _heading(lines: Sequence[Line], begin: int, body: float) -> int | None:
    """The index of the next notes heading with a first note under it, if any."""
    for index in range(begin, len(lines) - 1):
        line = lines[index]
        if (
            _SECTION.match(line.text.strip())
            and (line.bold or line.size > body * 1.1)
            and _number(_paired(lines[index + 1 : index + _LOOK])[0])
            in {("1", "1"), ("1", "i"), ("1", "I")}
        ):
            return index
    return None


def _number(line: Line) -> tuple[str, str] | None:
    """A section note's number and its style ("1", "i" or "I") when ``line`` opens with one."""
    found = _NUMBER.match(line.text)
    if found is None or line.cells:
        return None
    label = found.group(2)
    if label.isdigit():
        return str(int(label)), "1"
    value = roman_value(label.lower())
    return (str(value), "i" if label.islower() else "I") if value else None


def _open(first: Line) -> _Section:
    """A section whose first note ``first`` opens (``_heading`` found its number)."""
    found = _NUMBER.match(first.text)
    style = _number(first)
    marker = found.group(3) if found else ""
    return _Section((style[1] if style else "1", marker), 1, first.x0, first.size, [])


def _read(
    lines: Sequence[Line], begin: int, section: _Section
) -> tuple[int, list[list[Line]], _Section | None]:
    """The section's notes from ``begin``: where they end, the notes begun, the open section.

    At the top of a page or of the next column (a line higher than the last,
    to its right) the next note may stand anywhere; its number then tells
    where the column's numbers stand.
    """
    notes: list[list[Line]] = []
    for index in range(begin, len(lines)):
        line = lines[index]
        number = _number(line)
        found = _NUMBER.match(line.text)
        last = section.last[-1] if section.last else None
        turned = index == 0 or (
            last is not None
            and line.baseline > last.baseline + line.size * 0.5
            and line.x0 > last.x0 + line.size
        )
        if (
            number is not None
            and found is not None
            and (number[1], found.group(3)) == section.style
            and int(number[0]) == section.following
            and (abs(line.x0 - section.x0) <= line.size or turned or section.moved)
            and abs(line.size - section.size) <= 0.6
        ):
            section.last = [_numbered(line, found)]
            section.following += 1
            section.x0, section.moved = line.x0, False
            notes.append(section.last)
        elif section.last and _carries_on(section, line, lines, turned, index == 0):
            section.last.append(line)
        else:
            return index, notes, None
    if begin < len(lines):  # the note left open ends this page: how wide could its line be?
        # The widest of the section's pages: a page of short notes shows no column edge.
        section.right = max(section.right, _right(lines, section.last[-1]))
    return len(lines), notes, section


def _paired(lines: Sequence[Line]) -> list[Line]:
    """The lines with each bare number joined to the text a tab sets after it on its row.

    Read as two runs, the number may come lines before its text in the
    reading order ("6", "7", "Ibid.", "Minutes ..."): the text is the next run
    on the number's baseline, to its right, in its size. Read as a table row
    of two cells, the number and its words are one line already.
    """
    out = [_uncelled(line) for line in lines]
    index = 0
    while index < len(out):
        line = out[index]
        if _BARE.match(line.text):
            for later in range(index + 1, min(len(out), index + _LOOK)):
                text = out[later]
                if (
                    abs(text.baseline - line.baseline) < _ROW
                    and line.x1 < text.x0 < line.x1 + text.size * 5
                    and abs(text.size - line.size) <= 0.6
                    and not text.cells
                    and not _BARE.match(text.text)
                ):
                    out[index] = replace(line, text=f"{line.text} {text.text}", x1=text.x1)
                    del out[later]
                    break
        index += 1
    return out


def _uncelled(line: Line) -> Line:
    """A two-cell row of a number and words as the note it is ("6 | Ibid." is "6 Ibid."):
    a page of nothing but notes, each number a tab from its text, reads as a table."""
    found = _CELLED.match(line.text) if line.cells else None
    if found is None:
        return line
    return replace(line, text=f"{found.group(1)} {line.text[found.end() :]}", cells=False)


def _carries_on(
    section: _Section, line: Line, lines: Sequence[Line], turned: bool, page_top: bool
) -> bool:
    """Whether ``line`` is the note's next line: its size, under the number or indented past
    it, and its first word too long for the room left after the note's last line (a note
    that ends short of the column's edge is over, whatever its last character). Over a
    column or page break into another column it goes on an unfinished sentence."""
    last = section.last[-1]
    if line.cells or line.bold or abs(line.size - section.size) > 0.6:
        return False
    right = section.right if page_top else _right(lines, last)
    if _room_for(line, last, right):
        return False
    if turned and not section.x0 - line.size * 0.5 <= line.x0 < right:
        # Another column: where its numbers stand is unknown until the next note.
        section.moved = not _ENDED.search(last.text.rstrip()) or line.text[:1].islower()
        return section.moved
    if line.x0 < section.x0 - line.size * 0.5 and not section.moved:
        return False
    if turned:  # over a page break: an unfinished sentence, or text indented as the note's
        return line.x0 > section.x0 + line.size * 0.5 or not last.text.rstrip().endswith(".")
    return 0 < last.baseline - line.baseline <= line.size * _LEADING


def _right(lines: Sequence[Line], last: Line) -> float:
    """The right edge of the column ``last`` stands in: the farthest the lines over or
    under it reach, short of the next column's (or a margin note's) left edge."""
    beyond = min((line.x0 for line in lines if line.x0 >= last.x1), default=math.inf)
    return max(
        (line.x1 for line in lines if line.x0 < last.x1 and last.x0 < line.x1 <= beyond),
        default=last.x1,
    )


def _room_for(line: Line, last: Line, right: float) -> bool:
    """Whether ``line``'s first word, after a space, would surely have fitted at the end of
    ``last``: then ``last`` ended a paragraph rather than wrapped.

    The word's width is not known (a line's glyphs are not kept), and a line's average
    character is narrower than a capital's ("MINUSMA" is half as wide again as
    "mission"), so the word is taken as wide as it could be set: three quarters of an em
    a character, and an em for the space and slack, or the line's average if wider.
    Too narrow a guess cuts a ragged note in two where it wrapped before a wide word.
    """
    words = line.text.split()
    if not words:
        return False
    average = (line.x1 - line.x0) / max(1, len(line.text))
    width = max(average * (len(words[0]) + 2), line.size * (_EM_PER_CHARACTER * len(words[0]) + 1))
    return last.x1 + width <= right


def _numbered(line: Line, found: re.Match[str]) -> Line:
    """The note's first line, its number set a space apart as printed ("1. Smith", "12 Ibid.")."""
    number = f"{found.group(1) or ''}{found.group(2)}{found.group(3)}"
    return replace(line, text=f"{number} {line.text[found.end() :]}")
