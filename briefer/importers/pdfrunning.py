"""Running heads and footers told from footnotes that repeat from page to page.

A line at the same height on many pages whose words repeat while its figures
change is a running head or footer ("Report 2026 | 3", "Page 3 of 12") or a
footnote ("2 Ibid., p. 12.", "3 See Annex 2."): LibreOffice, Word and LaTeX
set a page's last note on one baseline on every page. A note marked with a
symbol may repeat word for word ("* Figures are provisional." under each
table). pdffurniture finds the repeated lines; this module says which of them
are furniture. Pure rules over plain lines; standard library and
briefer.importers.pdflayout only.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence

from briefer.core.record import Record
from briefer.importers.pdflayout import Line

# A note's mark opening words: a number ("2 Ibid.", "12Interview", "3. See", "[4] Ibid."),
# never a year ("2026 Annual report"), or a symbol ("* Figures are provisional.", "†Data"),
# never a section sign before a figure ("§ 12 Definitions", a legal running head).
NOTE_SYMBOLS = "*†‡§¶‖"  # the marks of notes not numbered, in their usual order
_OPENING = re.compile(
    rf"^(?:\[(\d{{1,3}})\]|(\d{{1,3}})\.?|([{NOTE_SYMBOLS}]{{1,3}}))(?!\d)\s*"
    r"(?=[\"“‘'(\[]?[^\W\d_])"
)
# A symbol glued to the end of a word ("metres*", "the year.†"): a reference to a note
# whatever its type, where a figure there is a word's own ("2026", "B52").
_GLUED = re.compile(rf"(?<=[^\s{NOTE_SYMBOLS}])([{NOTE_SYMBOLS}]{{1,3}})(?=[\s,.;:)\]]|$)")
_DIGITS = re.compile(r"\d+")
_SMALLER = 0.9  # times the words' size: a note's number set as a superscript or a label
_RAISED = 0.2  # of the words' size above their baseline: a raised number
_UNDER = 1.0  # points below the line carrying a mark where its note may begin


class Edge(Record, frozen=True):
    """A line at a page's top or bottom with what it is compared by across pages."""

    line: Line
    key: Hashable  # the text with figures blurred, and the height: one key, one running line
    text: str  # the row's text: a number a tab before the line ("6", "Ibid.") put before it
    note: bool  # the mark opening it shows it is a note's (``note_marks``)


def row_text(line: Line, label: Line | None) -> str:
    """The line as its row reads: a number set apart before it ("6", a tab, "Ibid.") first."""
    return f"{label.text} {line.text}" if label is not None else line.text


def opening_mark(text: str) -> str | None:
    """The note's mark opening the words of ``text`` ("2 Ibid., p. 12." and "[2] Ibid." give
    "2", "* Figures are provisional." gives "*"), if any."""
    found = _OPENING.match(text)
    return (found.group(1) or found.group(2) or found.group(3)) if found else None


def note_marks(lines: Sequence[Line], before: dict[int, Line], rows: Sequence[Line]) -> set[int]:
    """The ids of ``rows`` whose opening mark (a number or a symbol, "*", "†") is a
    note's, not a page's number or a running footer's first character, by evidence no
    running footer gives (``lines``: the page's lines; ``before``: the mark a tab before
    a line, by the line's id):

    * its type: raised (a mark opening the line) or set smaller than the words after it;
    * the page's text refers to it with a raised mark, or with a symbol glued to a
      word's end ("metres*") where something is printed below the note, and it is the
      first line under that mark that opens with that mark. The text refers to a note
      once: when note 2 falls on page 2, a footer
      "2 <tab> Annual Report" under note 2 is not referred to (the note above it is),
      nor is a head "2 <tab> Annual Report" over the text.

    Its place is no evidence (a page's last note sits at one height on every page, as a
    footer does), nor is a page number elsewhere on the page (a page may carry its number
    at the head and at the foot, "Page 3 of 12" over "3 <tab> Annual Report"), nor is its
    repeating word for word ("* Figures are provisional." under each page's table).
    """
    referred: dict[str, float] = {}  # each mark the text refers to: its lowest baseline
    raised: set[str] = set()  # the marks it refers to with a raised mark
    for line in lines:
        marks = line.marks
        if marks and line.text.startswith(marks[0]):
            marks = marks[1:]  # a note's own mark, not a reference to one
        raised.update(marks)
        for mark in (*marks, *_GLUED.findall(line.text)):
            referred[mark] = min(referred.get(mark, line.baseline), line.baseline)
    first: set[int] = set()  # the first line under each mark opening with that mark
    labels = {id(label) for label in before.values()}
    lowest = min((line.baseline for line in lines), default=0.0)
    for line in sorted(lines, key=lambda line: -line.baseline) if referred else ():
        label = before.get(id(line))
        mark = label.text if label is not None else opening_mark(line.text)
        if mark in referred and id(line) not in labels and line.baseline < referred[mark] - _UNDER:
            # A symbol glued to a word at the text's size is no raised mark: a search
            # term "harbour*", a price flagged "EUR 190 000*", "Marsh†". It shows a note
            # above the page's foot, not the foot itself, where a running footer opening
            # with that symbol stands ("* Confidential").
            if mark in raised or line.baseline > lowest + _UNDER:
                first.add(id(line))
            del referred[mark]
    notes: set[int] = set()
    for line in rows:
        label = before.get(id(line))
        mark = label.text if label is not None else opening_mark(line.text)
        if mark is None:
            continue
        if label is not None:
            typeset = label.size < line.size * _SMALLER or (
                label.baseline > line.baseline + line.size * _RAISED
            )
        else:
            typeset = bool(line.marks) and line.marks[0] == mark
        if typeset or id(line) in first:
            notes.add(id(line))
    return notes


def running_lines(edges: Sequence[Sequence[Edge]], needed: int) -> list[set[int]]:
    """Each page's ids of edge lines that run over the pages as a head or footer.

    Lines of one key (text with figures blurred, height) on ``needed`` pages or
    more run over the pages, unless the figures tell otherwise:

    * when a mark opens each line and at least half of them show it is a note's
      (``note_marks``), they are notes, however their text repeats ("2 Ibid.",
      "3 Ibid.", the same note restarting at 1 on each page, or "* Figures are
      provisional." under each page's table);
    * otherwise each figure that changes between the pages must change with them:
      count with the page (its value less the page's index the same as on another
      page: "Report 2026 | 3", "Page 3 of 12", even and odd pages apart, pages
      without it skipped), or stay as on the page before or after it in the run (a
      chapter's number, "Chapter 2 | 14"). A figure that does neither is a note's
      text ("Ibid., p. 12." then "p. 14.", "See Annex 2." then "Annex 4."): the
      line is no furniture. Figures that never change ("2026", a date) say nothing.

    A footnote whose one changing figure is its number, counting with the pages
    (one note a page, note n on page n), is told only by the evidence of
    ``note_marks``; a footer with its page number first ("3 <tab> Annual Report")
    shows none and goes.
    """
    groups: defaultdict[Hashable, list[tuple[int, Edge, tuple[int, ...]]]] = defaultdict(list)
    for index, page in enumerate(edges):
        for edge in page:
            values = tuple(int(found) for found in _DIGITS.findall(edge.text))
            groups[edge.key].append((index, edge, values))
    out: list[set[int]] = [set() for _ in edges]
    for group in groups.values():
        if len({index for index, _, _ in group}) < needed:
            continue
        if all(opening_mark(edge.text) is not None for _, edge, _ in group) and 2 * sum(
            edge.note for _, edge, _ in group
        ) >= len(group):
            continue
        width = min(len(values) for _, _, values in group)
        varying = [p for p in range(width) if len({values[p] for _, _, values in group}) > 1]
        seen = {(p, values[p] - index, index) for index, _, values in group for p in varying}
        counting = Counter((p, offset) for p, offset, _ in seen)  # pages per figure's offset
        group.sort(key=lambda entry: entry[0])
        for at, (index, edge, values) in enumerate(group):
            neighbours = [
                group[near][2]
                for near in (at - 1, at + 1)
                if 0 <= near < len(group) and group[near][0] != index
            ]
            if all(
                counting[p, values[p] - index] >= 2
                or any(other[p] == values[p] for other in neighbours)
                for p in varying
            ):
                out[index].add(id(edge.line))
    return out
