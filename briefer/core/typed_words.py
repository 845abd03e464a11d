"""Words as a user types them, found in an article's text: whole words only, forgiving
case, runs of white space and the typography a keyboard cannot type.

This is how `briefer tag` (and the sample project's list of passages) names a passage.
Standard library only.

What a word boundary is: a word is a run of letters, marks and digits of any script
(``_`` too, as ``\\w`` has it). A match must not start or end between two such
characters, nor just before a mark (an accent or a vowel sign belongs to the letter
before it). Scripts written without spaces are the exception: in Chinese and Japanese
(core/spaceless.py) each character counts as a word, as search and the near-copy check
count them, and Thai, Lao, Khmer and Burmese, whose word ends only a dictionary knows,
are treated the same way; so 统计局 is found inside 国家统计局周一发布数据. Korean puts
spaces between words and follows the general rule. Invisible characters inside words
(soft hyphen, zero-width joiners, word joiner, BOM) are looked through, and skipped when
matching; a zero-width space is a space.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from briefer.core.spaceless import SPACELESS
from briefer.core.spans import Span

# Thai, Lao, Burmese and Khmer: written without spaces between words, like SPACELESS.
_NO_SPACES = SPACELESS + "\u0e01-\u0e5b\u0e81-\u0edf\u1000-\u109f\u1780-\u17ff"

# Keyboard characters and the typographic ones they stand for, either way round.
_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b\u2032`\u00b4\u02bc"
_DOUBLE_QUOTES = '"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e\u301f\uff02'
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_ELLIPSIS = r"(?:\u2026|\.[ \u00a0]?\.[ \u00a0]?\.)"
_LOOSE_CHARS = _DOUBLE_QUOTES + ":;!?"
"""Characters spaces before which are optional: French sets a (narrow) non-breaking
space inside « » and before : ; ! ?, which a keyboard user leaves out."""
_INSIDE_WORDS = "\u00ad\u200c\u200d\u2060\ufeff"
"""Invisible characters that sit inside a word: a boundary is judged past them."""
_INVISIBLE = _INSIDE_WORDS + "\u200b"
_SKIP = f"[{_INVISIBLE}]*"
_SPACE = f"[\\s{_INVISIBLE}]+"
_LOOSE_SPACE = f"[\\s{_INVISIBLE}]*"

_TOKENS = re.compile(
    rf"(?P<space>\s+)|(?P<dash>[{_DASHES}]+)|(?P<dots>\.\.\.|\u2026)|(?P<char>.)", re.DOTALL
)
_DROPPED = re.compile(f"[{_INVISIBLE}]")
_LOOKAROUND_LIMIT = 8
_HINT_LIMIT = 60
"""How far a hint's whole-word stretch reaches past the typed words, either side."""


def find_words(text: str, words: str, start: int = 0) -> Span | None:
    """First whole-word occurrence of ``words`` in ``text`` at or after ``start``.

    An exact occurrence anywhere wins over a forgiving one: case, runs of white space
    (line breaks, non-breaking and thin spaces), straight or curly quotes and
    apostrophes, hyphens or dashes (and the spaces around them), three dots or an
    ellipsis. The span is in ``text`` itself, so its characters are the article's own.
    """
    words = words.strip()
    if not words:
        return None
    for forgiving in (False, True):
        pattern = _pattern(words, forgiving=forgiving)
        span = _whole(pattern, text, start) if pattern is not None else None
        if span is not None:
            return span
    return None


def find_inside_words(text: str, words: str) -> Span | None:
    """Where ``words`` occur only as parts of longer words: the first such place widened
    to whole words ("ndia and Russia" gives the span of "India and Russia"), so an error
    can show what to type. ``None`` when they do not occur even that way."""
    pattern = _pattern(words.strip(), forgiving=True, whole=False) if words.strip() else None
    match = pattern.search(text) if pattern is not None else None
    if match is None:
        return None
    begin, end = match.span()
    floor, ceiling = max(0, begin - _HINT_LIMIT), min(len(text), end + _HINT_LIMIT)
    while begin > floor and not is_boundary(text, begin):
        begin -= 1
    while end < ceiling and not is_boundary(text, end):
        end += 1
    return (begin, end)


def is_boundary(text: str, at: int) -> bool:
    """Whether a passage may start or end at ``at``: not inside a word (see above)."""
    before = _visible(text, at - 1, -1)
    after = _visible(text, at, 1)
    if before is None or after is None:
        return True
    if unicodedata.category(after).startswith("M"):
        return False
    if not (_is_word(before) and _is_word(after)):
        return True
    return _no_spaces().match(before) is not None or _no_spaces().match(after) is not None


def _visible(text: str, at: int, step: int) -> str | None:
    """The character at ``at``, or the first past it going ``step`` that is not an
    invisible inside a word; ``None`` at either end of the text."""
    for _ in range(_LOOKAROUND_LIMIT):
        if not 0 <= at < len(text):
            return None
        if text[at] not in _INSIDE_WORDS:
            return text[at]
        at += step
    return None


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


def _whole(pattern: re.Pattern[str], text: str, start: int) -> Span | None:
    """The first match of ``pattern`` from ``start`` that starts and ends on boundaries.

    The pattern's own lookarounds already refuse most matches inside words; the rest,
    by marks and invisible characters, are judged here. After a refusal the search goes
    on one character later, so a match overlapping the refused one is not missed."""
    at = start
    while (match := pattern.search(text, at)) is not None:
        if is_boundary(text, match.start()) and is_boundary(text, match.end()):
            return match.span()
        at = match.start() + 1
    return None


@functools.lru_cache(maxsize=32)
def _pattern(words: str, *, forgiving: bool, whole: bool = True) -> re.Pattern[str] | None:
    """``words`` as a compiled pattern; ``None`` when the forgiving form has nothing left
    (only invisible characters were typed).

    ``whole`` refuses, inside the engine, a start or end between two letters (the common
    case), so a short word in a long article does not cost a Python step per letter. It
    is a necessary condition only, never refusing what is_boundary allows. The check
    before the first character is made after matching it: a lookbehind at the pattern's
    head would be tried at every position of the text, some ten times slower."""
    if forgiving:
        words = _DROPPED.sub("", words).strip()
        if not words:
            return None
        pieces = _forgiving_pieces(words)
    else:
        pieces = [re.escape(words[0]), re.escape(words[1:])]
    if whole and _word_not_spaceless(words[0]):
        pieces.insert(1, f"(?<![^\\W{_NO_SPACES}][\\s\\S])")
    if whole and _word_not_spaceless(words[-1]):
        pieces.append(f"(?![^\\W{_NO_SPACES}])")
    return re.compile("".join(pieces), re.IGNORECASE if forgiving else 0)


def _word_not_spaceless(char: str) -> bool:
    return _is_word(char) and _no_spaces().match(char) is None


def _forgiving_pieces(words: str) -> list[str]:
    """The pattern's pieces: each typed character, or run of dashes, dots or spaces, as
    what it may stand for, with what may lie between two of them.

    Typed spaces match any run of white space. Around dashes, an ellipsis and double
    quotes, and before ``: ; ! ?``, spaces are optional whether typed or not: "2024-2025"
    finds "2024 – 2025", and "Inde:" the French "Inde :" (a space the keyboard does
    not make). Elsewhere only invisible characters may come between two pieces."""
    pieces: list[str] = []
    loose_after = spaced = False
    for match in _TOKENS.finditer(words):
        kind, value = match.lastgroup, match.group()
        if kind == "space":
            spaced = True
            continue
        loose_before = kind in ("dash", "dots") or (kind == "char" and value in _LOOSE_CHARS)
        if pieces:
            if loose_before or loose_after:
                pieces.append(_LOOSE_SPACE)
            else:
                pieces.append(_SPACE if spaced else _SKIP)
        pieces.append(_piece(kind, value))
        loose_after = kind in ("dash", "dots") or (kind == "char" and value in _DOUBLE_QUOTES)
        spaced = False
    return pieces


def _piece(kind: str | None, value: str) -> str:
    if kind == "dash":
        return f"[{_DASHES}]+"
    if kind == "dots":
        return _ELLIPSIS
    if value in _SINGLE_QUOTES:
        return f"[{_SINGLE_QUOTES}]"
    if value in _DOUBLE_QUOTES:
        return f"[{_DOUBLE_QUOTES}]"
    return re.escape(value)


@functools.cache
def _no_spaces() -> re.Pattern[str]:
    """One character of a script written without spaces; compiled on first use (see
    core/spaceless.py for why)."""
    return re.compile(f"[{_NO_SPACES}]")
