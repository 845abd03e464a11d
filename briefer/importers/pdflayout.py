"""The PDF pipeline's plain data (Line, Page) and its last step: ordered lines to blocks.

Headings by effective size and weight, paragraphs by line pitch and indents,
hyphenation repaired. Pure geometry and text rules over plain data, so it can be
tested without a PDF library; imports only the standard library and
briefer.core / briefer.importers.base.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from briefer.core.model import BlockKind
from briefer.core.numerals import roman_value
from briefer.core.record import Record
from briefer.importers.base import ArticleBuilder, Deadline

_BULLET = re.compile(r"^[•▪◦●■‣∙·]\s*")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Words that, before a line-end hyphen, usually start a real compound ("long-term").
_COMPOUND_PREFIXES = frozenset(
    {
        "anti", "co", "cross", "ex", "full", "half", "high", "long", "low", "mid", "multi",
        "non", "post", "pre", "self", "short", "well", "all", "year",
    }
)  # fmt: skip
# A hyphen a producer draws only where it broke a word itself (Chromium's soft and automatic
# hyphens are U+2010; "\xad" is a soft hyphen, as pdfread marks LibreOffice's): always a
# break, never a compound.
_SOFT_HYPHENS = ("\u2010", "\xad")
_INNER_HYPHEN = re.compile(r"[^\W\d_]-(?=[^\W\d_])")
# Producers that hyphenate words by themselves (TeX and its drivers), and those that, as
# they are set up out of the box, break lines only at spaces and a compound's own hyphens.
_HYPHENATING = re.compile(r"(?:^|[^a-z])(?:pdf|lua|xe|la|mik)?tex(?:[^a-z]|$)|dvips|dvipdfm", re.I)
_NOT_HYPHENATING = re.compile(
    r"libreoffice|openoffice|microsoft|\bwriter\b|\bfor word\b|skia/pdf|google", re.I
)
# The end of a web address broken at a line end, and what may come before the break.
_URL_TAIL = re.compile(r"(?:https?:|www\.)\S*[/.\-_?=&]$", re.I)
# A numbered list item's label: "1.", "2)", "(a)", "iv." and the text after it.
_ENUMERATED = re.compile(r"^(\(?)(\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})([.)])\s+\S")
_MAX_ROMAN_LABEL = 20
# A float's caption: its label, its number, then a colon, a full stop or a dash ("Figure 1:",
# "Table 2.", "Fig. 3 –"), never "Table 2 shows".
_CAPTION = re.compile(
    r"^(?:Figure|Fig\.|Table|Tab\.|Chart|Exhibit|Graph|Map|Plate|Box|Illustration|Abbildung"
    r"|Abb\.|Tabelle|Tableau|Tabla|Figura)\s+(?:[A-Z]?\d+(?:[.-]\d+)*[a-z]?|[IVXLC]+)"
    r"\s*(?:[:.|–—]|$)"
)
HEADING_RATIO = 1.12
_OCR_NOISE = 1.5  # points an OCR layer's size for one line of a paragraph may be off by
_PROSE_SHARE = 0.1  # prose in proportional fonts, against typewriter text, to set the body size
# A dot leader folded by pdfwords and what it leads to: a page number or a figure.
_ENTRY = re.compile(r" …(?: \(?\d[\d\s,.:/%–-]{0,10}[^\W\d_]{0,3}\)?| [ivxlcIVXLC]{1,6})?$")


class Line(Record, frozen=True):
    """A run of text on one baseline, in PDF points (origin bottom-left, y grows upwards)."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    page: int
    bold: bool = False
    first: int = -1  # PDFium's index of the run's first and last glyph (for font lookups)
    last: int = -1
    cells: bool = False  # a table row: runs far apart on one baseline, joined with " | "
    marks: tuple[str, ...] = ()  # raised, smaller marks in the run (footnote references)
    aside: bool = False  # a margin note, read between paragraphs (pdfmargin)
    boxed: bool = False  # in a box the text flows around (pdfboxes): paragraphs, no headings
    mono: bool = False  # set in a typewriter font (code, a transcript)
    scanned: bool = False  # an OCR layer's, drawn invisibly over a scan: its size an estimate

    @property
    def top(self) -> float:
        return self.baseline + self.size * 0.8


class Page(Record, frozen=True):
    """The lines of one page as the PDF library read them, and the page's size."""

    lines: tuple[Line, ...]
    width: float
    height: float
    extra: tuple[Line, ...] = ()  # text in other directions, each in its own frame, in order


def body_size(lines: Iterable[Line]) -> float:
    """The font size most characters are set in: the body text.

    Text in a typewriter font counts only when there is little else: a
    software manual's listings, set smaller, outweigh its prose, which then
    read as headings.
    """
    sizes: Counter[float] = Counter()
    code: Counter[float] = Counter()
    for line in lines:
        (code if line.mono else sizes)[round(line.size * 2) / 2] += len(line.text)
    if sum(sizes.values()) < _PROSE_SHARE * sum(code.values()):
        sizes += code
    return sizes.most_common(1)[0][0] if sizes else 0.0


def heading_levels(lines: Iterable[Line], body: float) -> dict[float, int]:
    """Heading level by font size: the largest size is level 1, the next level 2, ..."""
    sizes = sorted(
        {round(line.size * 2) / 2 for line in lines if line.size > body * HEADING_RATIO},
        reverse=True,
    )
    return {size: min(6, rank) for rank, size in enumerate(sizes, start=1)}


class _Paragraph(Record):
    kind: BlockKind
    lines: list[Line]
    level: int = 0


def build_blocks(
    pages: Sequence[Sequence[Line]],
    builder: ArticleBuilder,
    deadline: Deadline | None = None,
    notes: Sequence[Sequence[Sequence[Line]]] = (),
    producer_breaks_words: bool | None = None,
) -> None:
    """Adds the pages' text to ``builder`` as headings, list items and paragraphs.

    ``notes`` holds each page's footnotes (pdfnotes), each a list of lines:
    they follow the paragraph that carries on past their page, so that
    paragraph reads whole, and otherwise close their page. ``producer_breaks_words``
    is what the producer's name says of its hyphenation (``breaks_words``).
    """
    flat = [line for page in pages for line in page]
    flat += [line for page in notes for note in page for line in note]
    if not flat:
        return
    body = body_size(flat)
    levels = heading_levels(flat, body)
    bold_level = min(6, max(levels.values(), default=1) + 1)  # below every sized heading
    vocabulary = _vocabulary(flat)
    leading = _typical_leading(pages, body)
    paragraphs: list[_Paragraph] = []
    pending: list[_Paragraph] = []
    floating: tuple[_Paragraph, _Paragraph] | None = None  # a paragraph and the caption after it
    head: Line | None = None  # a box's heading, which the next line does not carry on
    for number, page in enumerate(pages):
        if deadline is not None:
            deadline.check()
        previous: Line | None = None
        for index, line in enumerate(page):
            level = 0 if line.boxed else levels.get(round(line.size * 2) / 2, 0)
            following = page[index + 1] if index + 1 < len(page) else None
            lone = not level and is_bold_heading(line, previous, following, body)
            if lone and not line.boxed:
                level = bold_level
            if level and len(line.text) <= 200:
                current = paragraphs[-1] if paragraphs else None
                if (
                    current is not None
                    and current.kind is BlockKind.HEADING
                    and current.level == level
                    and previous is not None
                    and current.lines[-1] is previous
                    # the line below, or on its baseline; higher up is the next column
                    and -0.35 * line.size < previous.baseline - line.baseline < line.size * 1.6
                    and not _ENTRY.search(line.text)  # contents entries, each on its own
                    and not _ENTRY.search(previous.text)
                ):
                    current.lines.append(line)
                else:
                    paragraphs += pending
                    pending = []
                    paragraphs.append(_Paragraph(BlockKind.HEADING, [line], level))
            elif not (caption := bool(_CAPTION.match(line.text))) or not _at_break(
                paragraphs, previous, line
            ):
                if lone or (previous is not None and previous is head):
                    # A box's bold heading: a paragraph of its own, not the page's heading.
                    head = line if lone else None
                    floating = _start(paragraphs, pending, line, caption)
                elif _continues(paragraphs, previous, line, leading):
                    paragraphs[-1].lines.append(line)
                elif floating and paragraphs[-1] is floating[1] and _resumes(floating[0], line):
                    paragraphs.pop()  # the caption follows the paragraph it interrupted
                    pending.append(floating[1])
                    floating[0].lines.append(line)
                    floating = None
                else:
                    floating = _start(paragraphs, pending, line, caption)
            else:  # a caption atop a column or page never carries on the text before it
                floating = _start(paragraphs, pending, line, caption)
            previous = line
        if number < len(notes):
            pending += [_Paragraph(BlockKind.PARAGRAPH, list(note)) for note in notes[number]]
    paragraphs += pending
    hyphenated = _document_breaks_words(paragraphs, producer_breaks_words)
    for paragraph in paragraphs:
        text = join_lines([line.text for line in paragraph.lines], vocabulary, hyphenated)
        if paragraph.kind is BlockKind.LIST_ITEM:
            text = _BULLET.sub("", text)
        builder.add(paragraph.kind, text, level=paragraph.level)


def is_bold_heading(line: Line, previous: Line | None, following: Line | None, body: float) -> bool:
    """A short line set in bold at the body size, standing alone: a memo's or report's heading.

    Alone means the lines around it are not bold (a larger title above may
    be), so a bold paragraph (a standfirst, a warning) stays a paragraph; a
    heading ends without a full stop, which tells it from a one-line bold
    sentence.
    """
    return (
        line.bold
        and not line.cells  # a table's header row
        and line.size <= body * HEADING_RATIO
        and len(line.text) <= 120
        and len(line.text.split()) <= 14
        and not _SENTENCE_END.search(line.text)
        and not _BULLET.match(line.text)
        and (previous is None or not previous.bold or previous.size > body * HEADING_RATIO)
        and (following is None or not following.bold)
    )


def _continues(
    paragraphs: list[_Paragraph], previous: Line | None, line: Line, leading: float
) -> bool:
    """Whether ``line`` carries on the paragraph before it rather than starting one."""
    if not paragraphs or paragraphs[-1].kind is BlockKind.HEADING:
        return False
    last = paragraphs[-1].lines[-1]
    # An OCR layer sizes each line by its scanned height, in whole points: a line below
    # one as wide (a paragraph running on) may differ by one; a heading is shorter. A
    # short line after a sentence's end is a heading, not a paragraph's last line.
    noisy = (
        last.scanned
        and line.scanned
        and last.x1 >= line.x1 - line.size * 3
        and (line.x1 >= last.x1 - line.size * 3 or not _SENTENCE_END.search(last.text))
    )
    if _BULLET.match(line.text) or abs(last.size - line.size) > (_OCR_NOISE if noisy else 0.6):
        return False
    if line.cells or last.cells:
        return False  # a table row is a paragraph of its own
    first = paragraphs[-1].lines[0]
    if _next_item(first, line):
        return False  # "2. Tender jointly" under "1. Pool the rosters from 2026"
    if (
        _ENUMERATED.match(first.text)
        and line.x0 < first.x0 - line.size * 0.5
        and last.x1 < line.x1 - line.size * 3
    ):
        return False  # back left of the item's label under its short last line: the list is over
    if line.aside != last.aside:
        return False  # a margin note is a paragraph of its own
    if _ENTRY.search(last.text) or _ENTRY.search(line.text):
        return False  # a contents entry or a form's line: a title, a leader, a figure
    text = last.text
    if last.marks and text.endswith(last.marks[-1]):
        text = text[: -len(last.marks[-1])]  # "... alike.²": the sentence ends before the mark
    ends_sentence = bool(_SENTENCE_END.search(text)) and not (
        text.endswith("?")
        and _in_address(text, line.text)
        and line.text[:1].isalnum()
        and not line.text[:1].isupper()
    )  # "https://maps.example.org/valley?" over "layer=flood&zoom=12": a query goes on
    if previous is None or previous is not last:
        # A column or page break: only an unfinished sentence carries over.
        return not ends_sentence or last.text.endswith(("-", *_SOFT_HYPHENS))
    same_column = line.x0 < last.x1 and last.x0 < line.x1
    gap = last.baseline - line.baseline
    if not same_column and (gap > leading * 1.2 + 0.5 or (gap > 0 and line.x1 <= last.x0)):
        # Down and across past a gap, or down and back left: the next row of a
        # form or a table, not a column break (that goes up to the next column's top).
        return False
    if not same_column or last.baseline <= line.baseline:
        return not ends_sentence
    if gap > leading * 1.2 + 0.5:
        return False
    if line.x0 > last.x0 + line.size * 0.9 and ends_sentence:
        return False  # first-line indent
    lead = paragraphs[-1].lines[0]
    if ends_sentence and len(paragraphs[-1].lines) > 1 and line.x0 < last.x0 - line.size * 0.9:
        return abs(line.x0 - lead.x0) > line.size * 0.5  # hanging indent: back at the start
    if (
        len(paragraphs[-1].lines) == 1
        and not ends_sentence
        and not text.endswith(("-", *_SOFT_HYPHENS))
        and _room_for(last, line)
    ):
        return False  # a line of its own: a by-line, a dateline
    return not (ends_sentence and last.x1 < line.x1 - line.size * 3)


def _room_for(last: Line, line: Line) -> bool:
    """Whether ``line``'s first word would have fitted at the end of ``last``, with a
    space and an em to spare. A typesetter moves a word down only when it does not fit,
    so such a break was made by hand ("By Laura Kask, Tallinn — 9 February 2025" over
    the story's first line), however unfinished the sentence looks. The edge is the
    line below's own end, from the same left edge."""
    words = line.text.split(maxsplit=1)
    if not words or len(line.text) < 2 or abs(line.x0 - last.x0) > line.size * 0.5:
        return False  # an indent (a hanging one, say) moves the line below's end too
    per_character = (line.x1 - line.x0) / len(line.text)
    return line.x1 - last.x1 > (len(words[0]) + 1) * per_character + line.size


def _item_values(label: str) -> set[tuple[str, int]]:
    """What a list label counts as: ("1", 3) for "3", ("a", 2) for "b", ("i", 4) for "iv"."""
    values: set[tuple[str, int]] = set()
    if label.isdigit():
        values.add(("1", int(label)))
    if len(label) == 1 and label.isalpha():
        values.add(("a" if label.islower() else "A", ord(label.casefold()) - ord("a") + 1))
    value = roman_value(label.casefold())
    if 0 < value <= _MAX_ROMAN_LABEL:
        values.add(("i" if label.islower() else "I", value))
    return values


def _next_item(first: Line, line: Line) -> bool:
    """Whether ``line`` starts the list item after the one ``first`` starts.

    The same label style at the same indent, counting on by one ("1." then
    "2.", "a)" then "b)"): an item that ends without a full stop does not run
    into the next.
    """
    this, that = _ENUMERATED.match(first.text), _ENUMERATED.match(line.text)
    if this is None or that is None or abs(first.x0 - line.x0) > line.size * 0.5:
        return False
    if (this.group(1), this.group(3)) != (that.group(1), that.group(3)):
        return False  # "(a)" and "a." are different lists
    before = _item_values(this.group(2))
    return any((kind, value - 1) in before for kind, value in _item_values(that.group(2)))


def _start(
    paragraphs: list[_Paragraph], pending: list[_Paragraph], line: Line, caption: bool
) -> tuple[_Paragraph, _Paragraph] | None:
    """Starts a paragraph with ``line``; a float's caption that cuts a sentence is "floating".

    Pending footnotes are the paragraph before's, which is done, unless a
    caption interrupted it: then they wait for it to finish. The pair
    returned is the unfinished paragraph and the caption, which follows that
    paragraph if the next line carries it on.
    """
    last = paragraphs[-1] if paragraphs else None
    cut = caption and last is not None and last.kind is not BlockKind.HEADING and _unfinished(last)
    if not cut:
        paragraphs += pending
        pending.clear()
    kind = BlockKind.LIST_ITEM if _BULLET.match(line.text) else BlockKind.PARAGRAPH
    paragraphs.append(_Paragraph(kind, [line], 1 if kind is BlockKind.LIST_ITEM else 0))
    return (last, paragraphs[-1]) if cut and last is not None else None


def _at_break(paragraphs: Sequence[_Paragraph], previous: Line | None, line: Line) -> bool:
    """Whether ``line`` starts a new column or page after the last paragraph's last line."""
    if not paragraphs:
        return False
    last = paragraphs[-1].lines[-1]
    return previous is None or previous is not last or line.baseline >= last.baseline


def _unfinished(paragraph: _Paragraph) -> bool:
    text = paragraph.lines[-1].text
    return text.endswith(("-", *_SOFT_HYPHENS)) or not _SENTENCE_END.search(text)


def _resumes(paragraph: _Paragraph, line: Line) -> bool:
    """Whether ``line``, after a caption, carries on the sentence the caption interrupted."""
    last = paragraph.lines[-1]
    if abs(last.size - line.size) > 0.6 or line.cells or _BULLET.match(line.text):
        return False
    return line.text[:1].islower() or last.text.endswith(("-", *_SOFT_HYPHENS))


def _typical_leading(pages: Sequence[Sequence[Line]], body: float) -> float:
    """The distance between the lines of a paragraph: the commonest gap between body lines,
    unless that is a paragraph's spacing (below)."""
    gaps: Counter[float] = Counter()
    flush: Counter[float] = Counter()  # gaps between lines both at the page's left edge
    for page in pages:
        lefts = Counter(round(line.x0) for line in page if abs(line.size - body) < 0.6)
        left = lefts.most_common(1)[0][0] if lefts else 0
        for above, below in itertools.pairwise(page):
            gap = above.baseline - below.baseline
            if abs(above.size - body) < 0.6 and abs(below.size - body) < 0.6 and 0 < gap < body * 3:
                gaps[round(gap * 2) / 2] += 1
                if abs(above.x0 - left) <= body * 0.5 and abs(below.x0 - left) <= body * 0.5:
                    flush[round(gap * 2) / 2] += 1
    if not gaps:
        return body * 1.2
    common = gaps.most_common(1)[0][0]
    if common >= body * 1.6:
        # A web page printed to PDF sets single-spaced paragraphs a blank line apart; when
        # most of them are a line or two long, the commonest gap is between paragraphs.
        # Wrapped lines at the left edge then show the real leading. (Double spacing has
        # no such lines, or few: a single-spaced quotation is indented.)
        wrapped = [(n, gap) for gap, n in flush.items() if body * 0.95 <= gap <= body * 1.45]
        if wrapped:
            count, gap = max(wrapped)
            if count >= 0.3 * gaps[common]:
                return gap
    return common


def _vocabulary(lines: Iterable[Line]) -> set[str]:
    """Words as the document writes them within lines, hyphenated compounds included."""
    words: set[str] = set()
    for line in lines:
        words.update(w.casefold() for w in _WORD.findall(line.text.rstrip("-\u2010\xad")))
    return words


def join_lines(
    lines: Sequence[str],
    vocabulary: set[str] | frozenset[str] = frozenset(),
    breaks_words: bool = True,
) -> str:
    """Lines of one paragraph as one string, repairing words hyphenated at line ends.

    "eco-" + "nomic" becomes "economic"; the hyphen stays when the next part starts
    with a capital ("India-" + "Russia"), when the document writes the compound with
    a hyphen elsewhere, or when the first part is a usual compound prefix ("long-term").
    When the producer does not break words (``breaks_words`` false: an office
    document), a line-end hyphen is a compound's own ("cost-" + "benefit") unless the
    document writes the word whole elsewhere. A hyphen only a producer's own break
    draws (U+2010, a soft hyphen) always goes. A web address broken after "/", ".",
    "-" and the like carries on without a space.
    """
    out = ""
    for raw in lines:
        text = raw.strip()
        if not text:
            continue
        if out.endswith(_SOFT_HYPHENS) and len(out) > 1 and out[-2].isalpha() and text[0].isalpha():
            out = out[:-1] + text
        elif out and _in_address(out, text):
            out += text
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and text[0].isalpha():
            head = _WORD.findall(out[:-1])
            first = head[-1].split("-")[-1] if head else ""
            second = _WORD.match(text)
            rest = second.group(0).split("-")[0] if second else ""
            if _keep_hyphen(first, rest, vocabulary, breaks_words):
                out += text
            else:
                out = out[:-1] + text
        else:
            out = f"{out} {text}" if out else text
    return out


def _in_address(out: str, text: str) -> bool:
    """Whether a line ends inside a web address that ``text`` carries on.

    After a "." the address goes on only into a lower-case letter, a figure or
    a "/": "example.org." then "The" is the end of a sentence.
    """
    tail = out[out.rfind(" ") + 1 :]
    if not _URL_TAIL.search(tail) or text[0] in "([{\"“‘'":
        return False
    return not tail.endswith(".") or text[0].islower() or text[0].isdigit() or text[0] == "/"


def _keep_hyphen(
    first: str, rest: str, vocabulary: set[str] | frozenset[str], breaks_words: bool = True
) -> bool:
    if not first or not rest or rest[0].isupper():
        return True
    joined, hyphenated = (first + rest).casefold(), f"{first}-{rest}".casefold()
    if hyphenated in vocabulary:
        return True
    if joined in vocabulary:
        return False
    return not breaks_words or first.casefold() in _COMPOUND_PREFIXES


def breaks_words(info: Mapping[str, str]) -> bool | None:
    """Whether the PDF's producer hyphenates words by itself, by its name; None when unknown.

    TeX always does. Word processors and browsers do not unless asked (and
    then often lack the dictionaries), so their line-end hyphens are usually
    a compound's own. A re-distilled file keeps the first producer as Creator.
    """
    made = f"{info.get('Producer', '')} {info.get('Creator', '')}"
    if _HYPHENATING.search(made):
        return True
    if _NOT_HYPHENATING.search(made):
        return False
    return None


def _document_breaks_words(paragraphs: Sequence[_Paragraph], producer: bool | None) -> bool:
    """Whether line-end hyphens in these paragraphs mark the producer's own word breaks.

    Where a producer breaks lines only at spaces and hyphens, a compound's hyphen
    falls at a line end about as often as a space does; a producer that
    hyphenates ends many more lines with one. The count overrules a producer
    believed not to hyphenate (it was asked to), and decides for an unknown one
    only when it is clear; otherwise line-end hyphens are taken as breaks.
    """
    spaces = joins = inner = ends = 0
    for paragraph in paragraphs:
        if paragraph.kind is BlockKind.HEADING:
            continue
        for above, below in itertools.pairwise(paragraph.lines):
            joins += 1
            text = above.text
            ends += (
                len(text) > 1
                and text[-1] == "-"
                and text[-2].isalpha()
                and below.text[:1].isalpha()
            )
        for line in paragraph.lines:
            spaces += line.text.count(" ")
            inner += len(_INNER_HYPHEN.findall(line.text))
    expected = joins / max(1, joins + spaces) * (inner + ends)
    if producer is True:
        return True
    if producer is False:
        return ends > expected + 2 * math.sqrt(expected) + 1
    return not 3 <= ends <= expected + math.sqrt(expected)


def largest_text(lines: Sequence[Line]) -> str:
    """The text set in the largest size on a page (its title, usually), lines joined."""
    if not lines:
        return ""
    top_size = max(round(line.size * 2) / 2 for line in lines)
    if top_size <= body_size(lines) * HEADING_RATIO:
        return ""
    parts = [line.text for line in lines if round(line.size * 2) / 2 == top_size]
    return join_lines(parts)[:300]
