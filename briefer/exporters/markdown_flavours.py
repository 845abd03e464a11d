"""The two Markdowns Briefer writes: CommonMark with footnotes, and pandoc's Markdown.

Each flavour is the escaping a reader needs so that text reads back as
itself. CommonMark (GitHub, markdown-it, pandoc -f gfm) is the default;
pandoc's own Markdown reads more as markup — ``$x$`` as maths, ``@name``
as a citation, straight quotes, ``--`` and ``...`` as typography, ``Mr. X``
with a non-breaking space, ``a.`` or ``(1)`` as list markers — so its
flavour escapes those too. Curly quotes are escaped there as pandoc allows
(a backslash before the mark), which a CommonMark reader would show: each flavour is for its
readers. Standard library and briefer.core only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from briefer.core.mdtext import escape_inline, protect_line_start
from briefer.core.record import Record
from briefer.exporters.flavours import FLAVOURS, Flavour, flavour_named

__all__ = ["FLAVOURS", "SYNTAX", "Flavour", "Syntax", "flavour_named", "yaml_string"]


_YAML_UNSAFE = re.compile("[\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")
# GitHub (and pandoc -f gfm) turn :name: into an emoji. Names are lower case with a letter
# in them, or one of a few numbers; a time like 10:30:45 is left alone.
_EMOJI_COLON = re.compile(r":(?=(?:[a-z0-9_+\-]*[a-z][a-z0-9_+\-]*|[+\-]1|100|1234):)")
# What pandoc's Markdown reads as markup anywhere in a line. Backslashes in
# escape_inline's output are all escapes, so these characters there are literal.
_PANDOC_ANYWHERE = re.compile(r"""[$@^"'{}]|(?<=-)-|(?<=\.)\.""")
# pandoc --print-default-data-file abbreviations: a space after one of these becomes
# a non-breaking space unless its full stop is escaped.
_ABBREVIATIONS = frozenset(
    str.split(
        """aet. aetat. al. Apr. Aug. bk. Bros. c. Capt. cf. ch. chap. chs. Co. col. Corp. cp.
    d. Dec. Dr. e.g. ed. eds. esp. f. fasc. Feb. ff. fig. fl. fol. fols. Fr. Gen. Gov. Hon.
    i.e. ill. Inc. incl. Jan. Jr. Jul. Jun. Ltd. M.A. M.D. Mar. Mr. Mrs. Ms. n. n.b. nn.
    No. Nov. Oct. p. Ph.D. pp. Pres. Prof. pt. q.v. Rep. Rev. s.v. s.vv. saec. sec. Sen.
    Sep. Sept. Sgt. Sr. St. univ. viz. vol. vs."""
    )
)
_WORD_BEFORE_STOP = re.compile(r"(\S+)\.(?=\s)")
# Line starts pandoc reads as a list (fancy_lists, example_lists), a definition, a div.
_PANDOC_LIST_MARKER = re.compile(r"^([0-9]+|[A-Za-z]|[ivxlcdmIVXLCDM]+)([.)])(?=\s|$)")
_PANDOC_LINE_START = frozenset(":(%")
_INITIAL = re.compile(r"[A-Z]\. \S")
# Curly quotes stay as typed, but escaped: pandoc reads a pair as a quotation, trimming
# white space inside it and pairing marks across a passage. An apostrophe inside a word
# (don’t) is left alone: pandoc never reads that as a quote.
_CURLY_QUOTE = re.compile(r"[“”]|(?<!\w)[‘’]|[‘’](?!\w)")


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``value``.

    JSON string syntax is valid YAML; characters YAML forbids unescaped
    (C1 controls, BOM, non-characters) are escaped too.
    """
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)


class Syntax(Record, frozen=True):
    """How one flavour escapes: text within a line, a line's start and end, a metadata value."""

    inline: Callable[[str], str]
    line_start: Callable[[str, bool, bool], str]
    meta: Callable[[str], str]


def _commonmark_inline(text: str) -> str:
    return _EMOJI_COLON.sub(r"\\:", escape_inline(text))


def _commonmark_line_start(line: str, leading: bool, trailing: bool) -> str:
    return protect_line_start(line, leading=leading, trailing=trailing)


def _pandoc_inline(text: str) -> str:
    escaped = _commonmark_inline(text)
    escaped = _WORD_BEFORE_STOP.sub(_abbreviation, escaped)
    escaped = _PANDOC_ANYWHERE.sub(lambda m: "\\" + m.group(0), escaped)
    return _CURLY_QUOTE.sub(lambda m: "\\" + m.group(0), escaped)


def _abbreviation(match: re.Match[str]) -> str:
    word = match.group(1)
    return word + ("\\." if _is_abbreviation(word) else ".")


def _is_abbreviation(word: str) -> bool:
    # The word as pandoc's Str sees it may carry opening punctuation: "(Mr." or "“Dr.".
    stripped = word.lstrip("\"'([{“‘\\")
    return f"{stripped}." in _ABBREVIATIONS or f"{word}." in _ABBREVIATIONS


def _pandoc_line_start(line: str, leading: bool, trailing: bool) -> str:
    protected = protect_line_start(line, leading=leading, trailing=trailing)
    if not leading or not protected or protected.startswith(("\\", "&#")):
        return protected
    if protected[0] in _PANDOC_LINE_START:
        return "\\" + protected
    if _INITIAL.match(protected):  # "A. Analyst": pandoc wants two spaces after "A."
        return protected
    return _PANDOC_LIST_MARKER.sub(r"\1\\\2", protected, count=1)


def _pandoc_meta(value: str) -> str:
    # pandoc reads a metadata value as Markdown: "- me" would be a list, "*x*" emphasis.
    return yaml_string(_pandoc_line_start(_pandoc_inline(value), True, True))


SYNTAX: dict[Flavour, Syntax] = {
    "commonmark": Syntax(_commonmark_inline, _commonmark_line_start, yaml_string),
    "pandoc": Syntax(_pandoc_inline, _pandoc_line_start, _pandoc_meta),
}
