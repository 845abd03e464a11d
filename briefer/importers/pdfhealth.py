"""Which pages of a PDF cannot be read well, and how to tell the analyst in one sentence.

A page whose glyphs are mostly control or private-use characters has a font
without a usable text encoding: its text is junk and is left out, never stored.
A page with images and no text is a scan. A re-distilled PDF whose ligatures
read as Chinese letters is repaired where the evidence is plain (below); its
curly quotes read as "<" and "=" cannot be, and the analyst is told. Pure
rules over counts and text; imports only the standard library and pdflayout's
plain data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefer.core.record import Record, replace
from briefer.importers.pdflayout import Page

_JUNK_SHARE = 0.3  # of a page's glyphs: above this the page's text is left out
_MIN_JUNK = 10
# Ghostscript 10.00's pdfwrite spoils every ToUnicode entry of more than one UTF-16 unit:
# each letter of a ligature reads as its code shifted a byte up ("f" U+0066 as U+6600,
# "fi" as U+6600 U+6900), a third letter summed into the second ("ffi" as U+6600 U+CF00,
# "ffl" U+6600 U+D200), and a single character's two bytes summed ("“" U+201C as
# U+003C "<", "”" as "="). Those codes are real CJK and Hangul letters.
_SUMMED = {0xCC: "ff", 0xCF: "fi", 0xD2: "fl"}
_LETTERS = re.compile(r"[^\W\d_]+")
_FAR_SCRIPT = 0x2E80  # CJK, Hangul and beyond
_SHIFTABLE = re.compile("[\u4100-\ud200]")  # where the shifted codes lie: most text has none
_QUOTED = re.compile(r"(?:^|[\s(\[])<[^\W\d_][^<>=\n]*?[^\s<>=]=(?=$|[\s.,;:!?)\]])")


class PageState(Record, frozen=True):
    """What one page's text layer is like: glyphs drawn, junk glyphs, whether it has images."""

    glyphs: int
    junk: int
    has_image: bool

    @property
    def garbled(self) -> bool:
        """Mostly control or private-use characters: a font without a text encoding."""
        return self.junk >= _MIN_JUNK and self.junk > _JUNK_SHARE * (self.glyphs + self.junk)

    @property
    def scanned(self) -> bool:
        return self.glyphs == 0 and self.junk == 0 and self.has_image


def page_list(numbers: Sequence[int]) -> str:
    """1-based page numbers as a person writes them: "page 3", "pages 2, 4 and 7–9"."""
    ranges: list[tuple[int, int]] = []
    for number in sorted(set(numbers)):
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], number)
        else:
            ranges.append((number, number))
    parts = [str(a) if a == b else f"{a}–{b}" for a, b in ranges]
    words = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"page {words}" if _single(numbers) else f"pages {words}"


def _single(numbers: Sequence[int]) -> bool:
    return len(set(numbers)) == 1


def warnings(name: str, states: Sequence[PageState]) -> tuple[str, ...]:
    """One sentence per kind of trouble, naming the pages; nothing when every page is fine."""
    garbled = [i + 1 for i, state in enumerate(states) if state.garbled]
    scanned = [i + 1 for i, state in enumerate(states) if state.scanned]
    out: list[str] = []
    if garbled:
        out.append(
            f"{name}: {page_list(garbled)} {'uses' if _single(garbled) else 'use'} a font"
            " without a usable text encoding, so the text came out as unreadable symbols and"
            " was left out; open the PDF to read it, or run OCR on it and import the result."
        )
    if scanned:
        out.append(
            f"{name}: {page_list(scanned)} {'has' if _single(scanned) else 'have'} no text"
            " layer (scanned images), so nothing there was imported; run OCR on the PDF to"
            " include it."
        )
    return tuple(out)


def rejection(name: str, states: Sequence[PageState]) -> str:
    """Why a PDF with no usable text at all is refused, in one actionable sentence."""
    if any(state.garbled for state in states):
        return (
            f"{name} uses fonts without a usable text encoding, so its text comes out as"
            " unreadable symbols. Run OCR on it (for example ocrmypdf --force-ocr) or ask"
            " the sender for a PDF exported again from the original document."
        )
    return (
        f"{name} has no text layer (it is probably a scan or a set of images), so"
        ' there is nothing to quote. Run OCR first (for example "Recognise text" in'
        " your PDF program, or ocrmypdf) and import the result."
    )


def _shifted(char: str) -> str:
    """The letters a Ghostscript-shifted code stands for, or "" when it is no such code."""
    code = ord(char)
    if code & 0xFF or not 0x4100 <= code <= 0xD200:
        return ""
    high = code >> 8
    if 0x41 <= high <= 0x5A or 0x61 <= high <= 0x7A:
        return chr(high)
    return _SUMMED.get(high, "")


def _latin(char: str) -> bool:
    return ord(char) < 0x250 and char.isalpha()


def _shifted_words(texts: Sequence[str]) -> tuple[int, int]:
    """Shifted codes inside Latin words, and other far-script letters (real CJK text)."""
    inside = other = 0
    for text in texts:
        for word in _LETTERS.findall(text):
            shifted = sum(1 for char in word if _shifted(char))
            if shifted and any(_latin(char) for char in word):
                inside += shifted
                other += sum(1 for c in word if ord(c) >= _FAR_SCRIPT and not _shifted(c))
            else:
                other += sum(1 for char in word if ord(char) >= _FAR_SCRIPT)
    return inside, other


def _unshift(text: str) -> str:
    def repair(found: re.Match[str]) -> str:
        word = found.group(0)
        if not any(_latin(char) for char in word):
            return word
        return "".join(_shifted(char) or char for char in word)

    return _LETTERS.sub(repair, text)


def unshifted_ligatures(pages: Sequence[Page]) -> list[Page]:
    """Pages with Ghostscript's shifted ligatures spelled out, when the document shows the fault.

    "o昀케ce" is "office": such a code inside a Latin word is the evidence, and
    the document must have more of them than other CJK or Hangul letters, so
    a Chinese or Korean text (where these codes are ordinary letters, one in
    256) is never touched.
    """
    texts = [line.text for page in pages for line in (*page.lines, *page.extra)]
    if not any(_SHIFTABLE.search(text) for text in texts):
        return list(pages)
    inside, other = _shifted_words(texts)
    if not inside or inside <= other:
        return list(pages)
    return [
        replace(
            page,
            lines=tuple(replace(line, text=_unshift(line.text)) for line in page.lines),
            extra=tuple(replace(line, text=_unshift(line.text)) for line in page.extra),
        )
        for page in pages
    ]


def text_warnings(name: str, pages: Sequence[Page]) -> tuple[str, ...]:
    """A sentence when quotation marks read as "<" and "=": Ghostscript's fault, not repaired.

    A "<" or "=" the fault made cannot be told from a real one, and other
    characters it touched may read as ordinary letters or figures, so no repair
    could be trusted: the analyst is asked to check quotations.
    """
    found = sum(
        len(_QUOTED.findall(line.text)) for page in pages for line in (*page.lines, *page.extra)
    )
    if not found:
        return ()
    return (
        f'{name}: its quotation marks came out as "<" and "=" (the program that last'
        " rewrote the PDF, often Ghostscript, broke its text encoding), so quotations read"
        " <like this=; check quoted words against the PDF before citing them.",
    )
