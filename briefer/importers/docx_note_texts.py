"""The text of the footnotes and endnotes a Word body references, from their own parts.

Kept apart from the body's reading: the notes part is streamed like the body, once
the body has said which notes it cites and with what marks. Imports the importers'
base, docx_body and docx_parts; never store, session or ui.
"""

from __future__ import annotations

import zipfile
from typing import Any

from briefer.core.logs import get_logger
from briefer.importers.base import Deadline
from briefer.importers.docx_body import ENDNOTE, ID, PartReader
from briefer.importers.docx_parts import Piece, Relationship, Styles, part_for, w

log = get_logger(__name__)
_NOTE_TYPES_SKIPPED = frozenset({"separator", "continuationSeparator", "continuationNotice"})


class _NotesReader(PartReader):
    """footnotes.xml or endnotes.xml: the text of each referenced note, by (kind, id)."""

    def __init__(self, deadline: Deadline, wanted: dict[tuple[str, str], str]) -> None:
        super().__init__(deadline)
        self.wanted = wanted
        self.found: dict[tuple[str, str], list[str]] = {}
        self._current: tuple[str, str] | None = None

    def note_start(self, node: Any) -> None:
        kind = "endnote" if node.tag == ENDNOTE else "footnote"
        key = (kind, node.get(ID, ""))
        skipped = node.get(w("type"), "") in _NOTE_TYPES_SKIPPED
        self._current = key if key in self.wanted and not skipped else None

    def note_end(self) -> None:
        self._current = None

    def emit(self, piece: Piece) -> None:
        if self._current is not None:
            self.found.setdefault(self._current, []).append(piece.text)


def note_texts(
    wanted: dict[tuple[str, str], str],
    styles: Styles,
    archive: zipfile.ZipFile,
    relationships: dict[str, Relationship],
    deadline: Deadline,
) -> dict[tuple[str, str], list[str]]:
    """The paragraphs of each note in ``wanted`` ((kind, w:id) -> its mark) found in the
    package's notes parts; a note cited but missing is left out."""
    found: dict[tuple[str, str], list[str]] = {}
    for kind, default in (("footnote", "word/footnotes.xml"), ("endnote", "word/endnotes.xml")):
        if not any(key[0] == kind for key in wanted):
            continue
        reader = _NotesReader(deadline, wanted)
        reader.styles = styles
        try:
            stream = archive.open(part_for(relationships, kind + "s", default))
        except KeyError:
            log.warning("the document cites %ss but has no %ss part; left out", kind, kind)
            continue
        with stream:
            reader.read(stream)
        found.update(reader.found)
    return found
