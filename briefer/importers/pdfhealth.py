"""Which pages of a PDF cannot be read well, and how to tell the analyst in one sentence.

A page whose glyphs are mostly control or private-use characters has a font
without a usable text encoding: its text is junk and is left out, never stored.
A page with images and no text is a scan. Pure rules over counts; standard
library only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

_JUNK_SHARE = 0.3  # of a page's glyphs: above this the page's text is left out
_MIN_JUNK = 10


@dataclass(frozen=True, slots=True)
class PageState:
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
