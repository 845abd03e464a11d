"""Typographic quotes for the exports: "straight" becomes “curly”, as Word itself types them.

Pure string code over the export IR. The Word and Markdown writers and the
preview curl a paragraph's runs (never code) and set each quotation's marks
by its depth in the note's language (``typeset``), so a quote at the edge of
a bold or linked run still turns the right way and every export agrees.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefer.core.record import Record, replace
from briefer.exporters.csl_locale_file import locale_file
from briefer.exporters.csl_styles import citeproc_locale
from briefer.exporters.document import Run, RunKind

# After one of these (or at the start of a paragraph) a quote mark opens.
_OPENS_AFTER = frozenset(" \t\n\u00a0([{<“‘—–-/")
_MARK = re.compile("['\"]")


def curly_quotes(text: str, before: str = "", after: str = " ") -> str:
    """``text`` with ' and " turned into ‘ ’ “ ”; ``before`` is what precedes it, if
    anything, and ``after`` what follows ("" at the end of the paragraph or before a
    footnote mark).

    An apostrophe inside or at the end of a word (don't, exporters') closes;
    one before a digit ('90s) is an apostrophe too, not an opening quote. A mark with
    nothing or white space after it closes, whatever precedes it ("… up to -"¹).
    Only the quote marks are visited: a long quotation has two of them.
    """
    if '"' not in text and "'" not in text:
        return text
    pieces: list[str] = []
    done = 0
    previous_index, previous_mark = -1, ""
    for match in _MARK.finditer(text):
        index = match.start()
        if index == 0:
            previous = before[-1:]
        elif index - 1 == previous_index:
            previous = previous_mark  # a quote right after a quote: "'nested'"
        else:
            previous = text[index - 1]
        following = text[index + 1 : index + 2] or after
        opening = (not previous or previous in _OPENS_AFTER) and not (
            following == "" or following.isspace()
        )
        if match.group() == '"':
            mark = "“" if opening else "”"
        else:
            mark = "‘" if opening and not text[index + 1 : index + 2].isdigit() else "’"
        pieces += (text[done:index], mark)
        done = index + 1
        previous_index, previous_mark = index, mark
    pieces.append(text[done:])
    return "".join(pieces)


def curled_runs(runs: Sequence[Run]) -> list[Run]:
    """A paragraph's runs with the quotes in their text curled, code left as typed."""
    out: list[Run] = []
    before = ""
    for index, run in enumerate(runs):
        if run.kind is RunKind.LINE_BREAK:
            before = "\n"
        elif run.kind is not RunKind.FOOTNOTE:
            following = runs[index + 1] if index + 1 < len(runs) else None
            after = following.text[:1] if following is not None and following.text else ""
            if following is not None and following.kind is RunKind.LINE_BREAK:
                after = "\n"
            text = run.text if run.kind is RunKind.CODE else curly_quotes(run.text, before, after)
            before = text[-1:] or before
            if text != run.text:
                run = replace(run, text=text)
        out.append(run)
    return out


class QuoteStyle(Record, frozen=True):
    """The marks of the outermost quotation and of the one inside it; deeper levels
    alternate between the two."""

    outer: tuple[str, str] = ("“", "”")
    inner: tuple[str, str] = ("‘", "’")


AMERICAN = QuoteStyle()
BRITISH = QuoteStyle(outer=("‘", "’"), inner=("“", "”"))


def quote_style(language: str | None) -> QuoteStyle:
    """The note's quotation marks in its language, as its citations print them.

    English: British quotes with single marks outside and double inside; American
    English the other way round. Each English dialect quotes as its citations
    render (csl_styles.AMERICAN_USAGE): Australian, Irish, South African, Indian
    English ... are British, Canadian and Philippine English and "en" alone
    (which names no region) American. Any other language takes the marks of the CSL locale its
    citations render in ("de" → de-DE: „outer“ and ‚inner‘; "fr" → « outer » with
    no-break spaces and “inner”), so a quoted passage and a quoted title in its
    footnote never disagree; a language with no locale is American, as its
    citations are (en-US).
    """
    tag = (language or "").strip().replace("_", "-").lower()
    if not tag:
        return AMERICAN
    if tag == "en" or tag.startswith("en-"):
        return BRITISH if citeproc_locale(tag) == "en-GB" else AMERICAN
    return _locale_quotes(citeproc_locale(tag))


def _locale_quotes(locale: str) -> QuoteStyle:
    """The open/close quote terms of a CSL locale file; American if any is missing."""
    found = locale_file(locale)
    marks = found.quotes() if found is not None else None
    if marks is None:
        return AMERICAN
    return QuoteStyle(outer=(marks[0], marks[1]), inner=(marks[2], marks[3]))


_CLOSERS = {
    "“": "”", "‘": "’", "„": "“”", "‚": "‘’", "«": "»", "‹": "›", "»": "«", "›": "‹",
}  # fmt: skip
"""What closes each opening mark: English “…” and ‘…’, German „…“ and ‚…‘ (Polish and
Hungarian close „ with ”), guillemets « » and ‹ ›, and the reversed »…« and ›…‹ of
Danish and of German books."""
_MARKS = frozenset("“‘„‚”’«‹»›")
_OPENED_BY = {
    mark: tuple(opener for opener, closers in _CLOSERS.items() if mark in closers)
    for mark in _MARKS
}
"""The opening marks each mark closes."""
_GUILLEMET_SPACE = " \u00a0\u202f"
"""The space French sets inside guillemets: the language's pair brings its own."""


def nest_quotes(runs: Sequence[Run], style: QuoteStyle) -> list[Run]:
    """Curled runs with each quotation's marks set by its depth: the outer pair, then
    the inner, alternating. A ’ closes only a quotation opened with ‘ and is an
    apostrophe otherwise. Each paragraph starts at depth 0, so a quotation of several
    paragraphs opens with the outer mark on each.

    Quotations a passage already carries in another language's marks („so“, « ainsi »,
    »godt«) are quotations too: a German “ closes the „ before it rather than opening
    one, so a German article quoted in any note, or a note typeset twice, nests right.
    A low or angled mark that stands where no quotation opens (a breadcrumb's ›, a
    decimal comma ‚ in "3‚5") is left as it is."""
    out: list[Run] = []
    stack = _OpenQuotes()
    before = ""
    for run in runs:
        if run.kind in (RunKind.FOOTNOTE, RunKind.CODE, RunKind.LINE_BREAK) or not run.text:
            before = "\n" if run.kind is RunKind.LINE_BREAK else before
            out.append(run)
            continue
        chars = list(run.text)
        for i, ch in enumerate(chars):
            if not ch or ch not in _MARKS:  # ("" is a guillemet's space, emptied)
                continue
            role = _role(ch, _previous(chars, i, before), chars[i + 1 : i + 2] or [""], stack)
            if role == "close":
                stack.close(ch)
                pair = style.outer if stack.depth % 2 == 0 else style.inner
                chars[i] = pair[1]
                if ch in "»›«‹":
                    _trim(chars, i, -1)
            elif role == "open":
                pair = style.outer if stack.depth % 2 == 0 else style.inner
                stack.open(ch)
                chars[i] = pair[0]
                if ch in "«‹»›":
                    _trim(chars, i, 1)
        text = "".join(chars)
        before = text[-1:] or before
        out.append(replace(run, text=text) if text != run.text else run)
    return out


class _OpenQuotes:
    """The quotations open at a point of a paragraph, innermost last, with a count of
    each opening mark, so whether a mark closes any of them is one look (a crafted
    passage of 100,000 unclosed „ was quadratic)."""

    def __init__(self) -> None:
        self.marks: list[str] = []
        self.counts: dict[str, int] = {}

    @property
    def depth(self) -> int:
        return len(self.marks)

    @property
    def top(self) -> str:
        return self.marks[-1] if self.marks else ""

    def closes(self, ch: str) -> bool:
        return any(self.counts.get(mark) for mark in _OPENED_BY.get(ch, ()))

    def open(self, ch: str) -> None:
        self.marks.append(ch)
        self.counts[ch] = self.counts.get(ch, 0) + 1

    def close(self, ch: str) -> None:
        """Close the innermost quotation ``ch`` closes, and any left open inside it."""
        while True:
            mark = self.marks.pop()
            self.counts[mark] -= 1
            if ch in _CLOSERS[mark]:
                return


def _role(ch: str, previous: str, following: list[str], stack: _OpenQuotes) -> str:
    """Whether the mark ``ch`` opens a quotation, closes one on ``stack``, or neither."""
    closes = stack.closes(ch)
    word_start = not previous or previous.isspace() or previous in _OPENS_AFTER
    next_char = following[0]
    if ch in "“‘":
        if stack.top and ch in _CLOSERS[stack.top]:
            return "close"  # German „…“ and ‚…‘
        return "open"
    if ch == "„":
        return "open"
    if ch == "‚":
        return "open" if word_start and next_char.isalpha() else ""
    if ch == "”":
        return "close" if closes else ""
    if ch == "’":
        if previous.isalpha() and next_char.isalpha():
            return ""  # "It’s" inside ‘…’: an apostrophe, never the closing mark
        return "close" if stack.top and stack.top in "‘‚" else ""
    # Guillemets: « opens at a word's start (French « ainsi », «ainsi»); » at a word's
    # start, before a word, opens a reversed quotation (Danish »godt«).
    before_word = next_char.isalnum()
    if ch in "«‹":
        if closes and not before_word:
            return "close"  # the end of a reversed »…«
        return "open" if word_start and (ch == "«" or before_word) else ""
    if closes:
        return "close"
    return "open" if word_start and before_word else ""


def _previous(chars: list[str], at: int, before: str) -> str:
    """The character before ``at``, past emptied guillemet spaces; ``before`` at the
    start of the run (the end of the run before it)."""
    for i in range(at - 1, -1, -1):
        if chars[i]:
            return chars[i][-1]
    return before[-1:]


def _trim(chars: list[str], at: int, step: int) -> None:
    """Empty the spaces a guillemet at ``at`` set inside its quotation (``step`` -1:
    before a closing one, 1: after an opening one)."""
    i = at + step
    while 0 <= i < len(chars) and chars[i] in _GUILLEMET_SPACE:
        chars[i] = ""
        i += step


def typeset(runs: Sequence[Run], style: QuoteStyle) -> list[Run]:
    """Runs as every export prints them: quotes curled, each quotation's marks by depth."""
    return nest_quotes(curled_runs(runs), style)


def typeset_text(text: str, style: QuoteStyle) -> str:
    """One line (a note's title, a contents entry) as ``typeset`` sets a paragraph."""
    return "".join(run.text for run in typeset([Run(RunKind.TEXT, text)], style))
