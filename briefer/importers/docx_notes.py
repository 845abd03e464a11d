"""Footnote and endnote numbers as Word prints them, section by section.

A report that restarts its footnotes in each chapter prints "2" where a count over
the whole document says "14", and a reader checking a quotation against the
original looks for the note Word prints. Each section may set its own format,
first number and restart rule (w:footnotePr / w:endnotePr in its w:sectPr), over
the defaults settings.xml gives. A section's properties close it (a paragraph's
w:sectPr, the body's own at the end), so they are gathered by a cheap byte scan of
the body before it is streamed. Imports lxml through docx_parts; never store,
session or ui.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree

from briefer.core.record import Record, replace
from briefer.importers.docx_numbers import formatted
from briefer.importers.docx_parts import read_part, safe_parser, transitional, w

_VAL = w("val")
_KINDS = ("footnote", "endnote")
_CHUNK = 1024 * 1024
_MAX_HEAD = 1024 * 1024
_MAX_SECTION = 64 * 1024
"""A section's properties are a few kilobytes (page size, margins, header references);
an open w:sectPr longer than this is abandoned, its section taking the defaults."""
_OVERLAP = 4096
"""Bytes kept between chunks so a tag cut in two is still found."""
_ROOT_TAG = re.compile(rb"<[A-Za-z_][^>]*>")
_DECLARATION = re.compile(rb"""\sxmlns(?::[\w.-]+)?\s*=\s*(?:"[^"]*"|'[^']*')""")
_SECTION_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?sectPr(?=[\s/>])[^>]*>")


class NoteFormat(Record, frozen=True):
    """One kind of note in one section: how its numbers look and when they start again."""

    fmt: str
    """numFmt: "decimal", "lowerRoman", "upperLetter", "chicago" (*, †, ‡, §), ..."""
    start: int = 1
    restart: str = "continuous"
    """numRestart: "continuous", "eachSect" or "eachPage"."""


_DEFAULTS = {"footnote": NoteFormat("decimal"), "endnote": NoteFormat("lowerRoman")}
"""Word's own: footnotes 1, 2, 3 and endnotes i, ii, iii, numbered through the document."""

Section = dict[str, NoteFormat]


class NoteNumbers:
    """Counts notes as Word does while the body is read, one section after another.

    Numbering starts at the first section's w:numStart and starts again, at the
    section's own numStart, in each section whose restart is "eachSect"; otherwise
    it runs on, whatever later sections' numStart say, as Word's does. A restart
    on each page ("eachPage") needs the pages, which Briefer does not lay out: those
    notes are numbered through the document, so each mark still names one note."""

    def __init__(self, sections: list[Section] | None = None) -> None:
        self._sections = sections or [dict(_DEFAULTS)]
        self._at = 0
        self._next = {kind: self._sections[0][kind].start for kind in _KINDS}

    def mark(self, kind: str) -> str:
        """The next note of ``kind``'s mark in the current section, counting it."""
        style = self._sections[self._at][kind]
        value = self._next[kind]
        self._next[kind] = value + 1
        return _chicago(value) if style.fmt == "chicago" else formatted(value, style.fmt)

    def section_end(self) -> None:
        """A section break was read: the notes after it are the next section's."""
        if self._at + 1 >= len(self._sections):
            return  # more breaks than the scan found: the last section's rules go on
        self._at += 1
        for kind in _KINDS:
            style = self._sections[self._at][kind]
            if style.restart == "eachSect":
                self._next[kind] = style.start


def read_note_numbers(
    archive: zipfile.ZipFile, settings: str, document: str | None, check: Callable[[], None]
) -> NoteNumbers:
    """Each section's note formats: settings.xml's for the whole document, each part of
    them overridden by the section's own. ``document`` None skips the body's scan (a
    document without notes parts needs no numbers)."""
    defaults = _read_formats(read_part(archive, settings), _DEFAULTS)
    if document is None:
        return NoteNumbers([defaults])
    return NoteNumbers(_sections(archive, document, check, defaults))


def _read_formats(source: Any | None, base: Section) -> Section:
    if source is None:
        return base
    found = dict(base)
    for kind in _KINDS:
        properties = source.find(w(f"{kind}Pr"))
        if properties is None:
            continue
        style = found[kind]
        given = properties.find(w("numFmt"))
        if given is not None and given.get(_VAL):
            style = replace(style, fmt=str(given.get(_VAL)))
        given = properties.find(w("numStart"))
        start = _int(given.get(_VAL)) if given is not None else None
        if start is not None:
            style = replace(style, start=start)
        given = properties.find(w("numRestart"))
        if given is not None and given.get(_VAL):
            style = replace(style, restart=str(given.get(_VAL)))
        found[kind] = style
    return found


def _sections(
    archive: zipfile.ZipFile, document: str, check: Callable[[], None], defaults: Section
) -> list[Section]:
    """Every section's note formats, in order, the body's own (the last) included."""
    head = b""
    declarations: bytes | None = None
    sections: list[Section] = []
    known: dict[bytes, Section] = {}
    carry, scan_from, opened, depth = b"", 0, -1, 0

    def found(element: bytes) -> None:
        section = known.get(element)
        if section is None:
            section = _read_formats(_parse(element, declarations or b""), defaults)
            if len(known) < 64:  # LibreOffice repeats one section's properties verbatim
                known[element] = section
        sections.append(section)

    with archive.open(document) as stream:
        while chunk := stream.read(_CHUNK):
            check()
            if declarations is None:
                head += chunk[: _MAX_HEAD - len(head)]
                root = _ROOT_TAG.search(head)  # "<?xml" is no element: "?" is not a letter
                if root is not None or len(head) >= _MAX_HEAD:
                    declarations = b"".join(_DECLARATION.findall(root.group())) if root else b""
                    head = b""
            data = carry + chunk
            last = scan_from
            if depth or b"sectPr" in data:
                for match in _section_tags(data, scan_from):
                    last = match.end()
                    if match.group(1):  # </w:sectPr>
                        depth = max(depth - 1, 0)
                        if depth == 0 and opened >= 0:
                            found(data[opened : match.end()])
                            opened = -1
                    elif match.group().endswith(b"/>"):
                        if depth == 0:
                            found(match.group())
                    else:  # a sectPrChange holds the old properties: a w:sectPr inside one
                        if depth == 0:
                            opened = match.start()
                        depth += 1
            if opened >= 0 and len(data) - opened > _MAX_SECTION:
                sections.append(defaults)
                opened, depth = -1, 0
            if opened >= 0:
                carry, scan_from = data[opened:], last - opened
                opened = 0
            else:
                keep = max(last, len(data) - _OVERLAP)
                carry, scan_from = data[keep:], 0
    return sections or [defaults]


def _section_tags(data: bytes, start: int) -> Iterator[re.Match[bytes]]:
    """The w:sectPr tags in ``data`` from ``start``: found by their name, which C finds
    fast, then read from their "<", rather than a pattern tried at every tag."""
    at = data.find(b"sectPr", start)
    while at >= 0:
        opening = data.rfind(b"<", max(start, at - 64), at)
        match = _SECTION_TAG.match(data, opening) if opening >= 0 else None
        if match is not None:
            yield match
        at = data.find(b"sectPr", match.end() if match is not None else at + 6)


def _parse(element: bytes, declarations: bytes) -> Any | None:
    wrapped = b"<sections" + declarations + b">" + element + b"</sections>"
    try:
        parsed = etree.fromstring(transitional(wrapped), safe_parser())
    except etree.XMLSyntaxError:
        return None
    return parsed[0] if len(parsed) == 1 and parsed[0].tag == w("sectPr") else None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _chicago(value: int) -> str:
    """*, †, ‡, §, then doubled: **, ††, ..."""
    if value <= 0:
        return str(value)
    return "*†‡§"[(value - 1) % 4] * ((value - 1) // 4 + 1)
