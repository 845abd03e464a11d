"""Reads REFI-QDA codebooks (.qdc) and projects (.qdpx) into a ``QdaProject``.

Elements are matched by local name, so the namespaced ``Project`` ATLAS.ti writes, the
older ``urn:QDA-XML:project:0:10`` of Transana and un-namespaced files all read alike.
Optional parts may be missing; what Briefer cannot hold is counted in ``left_out``.
A file that contradicts itself (a selection outside its text, a coding of a code the
codebook lacks) is refused with ``ExchangeError``: nothing half-read reaches a project.
Imports core and lxml only.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeAlias

from lxml import etree

from briefer.exchange.qda_archive import Archive, parse_xml
from briefer.exchange.qda_model import (
    ExchangeError,
    LeftOut,
    QdaCode,
    QdaLimits,
    QdaProject,
    QdaSelection,
    QdaSource,
)

_COLOUR6 = re.compile(r"^#[0-9A-Fa-f]{6}$")
_COLOUR3 = re.compile(r"^#[0-9A-Fa-f]{3}$")
_METADATA_NAMES = {
    "author": "author", "authors": "author", "publisher": "publisher", "source": "publisher",
    "published": "published", "date": "published", "publication date": "published",
    "url": "url", "link": "url", "language": "language", "title": "title",
}  # fmt: skip
_OTHER_SOURCES = {
    "PictureSource": ("picture sources", ("PictureSelection", "picture selections")),
    "PDFSource": ("PDF sources", ("PDFSelection", "PDF-region selections")),
    "AudioSource": ("audio sources", ("AudioSelection", "audio selections")),
    "VideoSource": ("video sources", ("VideoSelection", "video selections")),
}
_PROJECT_PARTS = {
    "Users": "users", "Cases": "cases", "Sets": "sets", "Graphs": "graphs", "Links": "links",
}  # fmt: skip

Element: TypeAlias = Any  # lxml has no type information here: etree._Element


def _local(element: Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _kids(element: Element, name: str) -> Iterator[Element]:
    return (child for child in element if _local(child) == name)


def _kid(element: Element, name: str) -> Element | None:
    return next(_kids(element, name), None)


def _text(element: Element | None) -> str:
    return "".join(element.itertext()) if element is not None else ""


def normal_guid(value: str) -> str:
    """GUIDs compare without braces and case: ATLAS.ti writes upper case, others lower."""
    return value.strip().strip("{}").lower()


def _guid(element: Element, what: str) -> str:
    value = normal_guid(element.get("guid", ""))
    if not value:
        raise ExchangeError(f"A {what} in the file has no guid, which REFI-QDA requires.")
    return value


def _colour(value: str) -> str:
    value = value.strip()
    if _COLOUR6.match(value):
        return value.upper()
    if _COLOUR3.match(value):
        return "#" + "".join(c * 2 for c in value[1:]).upper()
    return ""


def _stamp(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _codes(holder: Element | None, limits: QdaLimits, depth: int = 0) -> tuple[QdaCode, ...]:
    if holder is None:
        return ()
    if depth > limits.max_depth:
        raise ExchangeError(f"Codes nest more than {limits.max_depth} deep; the file was not read.")
    return tuple(
        QdaCode(
            guid=_guid(code, "code"),
            name=code.get("name", "").strip() or "Unnamed code",
            colour=_colour(code.get("color", "")),
            description=_text(_kid(code, "Description")).strip(),
            children=_codes(code, limits, depth + 1),
            codable=code.get("isCodable", "true").strip().lower() not in ("false", "0"),
        )
        for code in _kids(holder, "Code")
    )


def _normalise_newlines(text: str) -> tuple[str, Callable[[int], int]]:
    """Text with CRLF and lone CR as LF, as Briefer keeps articles, and the map from the
    file's code-point offsets to offsets in that text; a leading BOM is not text."""
    if text.startswith("\ufeff"):
        text = text[1:]
    removed = [m.start() for m in re.finditer("\r\n", text)]
    clean = text.replace("\r\n", "\n").replace("\r", "\n")
    return clean, lambda offset: offset - bisect.bisect_left(removed, offset)


class _ProjectReader:
    """One pass over ``project.qde``, counting what is left out as it goes."""

    def __init__(self, root: Element, archive: Archive | None, limits: QdaLimits) -> None:
        self.root = root
        self.archive = archive
        self.limits = limits
        self.left: Counter[str] = Counter()
        self.notes: dict[str, str] = {}
        self.used_notes: set[str] = set()
        self.variables: dict[str, str] = {}
        self.code_guids: set[str] = set()

    def read(self) -> QdaProject:
        root = self.root
        book = _kid(root, "CodeBook")
        codes = _codes(_kid(book, "Codes") if book is not None else None, self.limits)
        self.code_guids = {c.guid for top in codes for c in top.walk()}
        self._read_variables()
        self._read_notes()
        sources: list[QdaSource] = []
        sources_holder = _kid(root, "Sources")
        for element in sources_holder if sources_holder is not None else ():
            kind = _local(element)
            if kind == "TextSource":
                source = self._text_source(element)
                if source is not None:
                    sources.append(source)
            elif kind in _OTHER_SOURCES:
                what, (selection, selection_what) = _OTHER_SOURCES[kind]
                self.left[what] += 1
                self.left[selection_what] += len(list(element.iter(f"{{*}}{selection}")))
                self.left["selections in PDF text representations"] += sum(
                    len(list(_kids(r, "PlainTextSelection")))
                    for r in element.iter("{*}Representation")
                )
        for part, what in _PROJECT_PARTS.items():
            holder = _kid(root, part)
            if holder is not None:
                self.left[what] += len([c for c in holder if isinstance(c.tag, str)])
        if _text(_kid(root, "Description")).strip():
            self.left["project descriptions"] += 1
        self.left["notes not attached to a coded selection (memos)"] += len(
            set(self.notes) - self.used_notes
        )
        return QdaProject(
            name=root.get("name", "").strip(),
            codes=codes,
            sources=tuple(sources),
            origin=root.get("origin", "").strip(),
            left_out=tuple(LeftOut(what, n) for what, n in self.left.items() if n),
        )

    def _read_variables(self) -> None:
        holder = _kid(self.root, "Variables")
        for variable in holder if holder is not None else ():
            if _local(variable) == "Variable":
                name = variable.get("name", "").strip().casefold()
                self.variables[_guid(variable, "variable")] = _METADATA_NAMES.get(name, "")

    def _read_notes(self) -> None:
        holder = _kid(self.root, "Notes")
        for note in holder if holder is not None else ():
            if _local(note) == "Note":
                text = self._source_text(note, f'note "{note.get("name", "")}"')
                self.notes[_guid(note, "note")] = (text or "").strip()

    def _source_text(self, element: Element, what: str) -> str | None:
        """Inline ``PlainTextContent`` or the ``internal://`` file; None when the text is
        outside the archive (relative:// and absolute:// paths are never followed)."""
        inline = _kid(element, "PlainTextContent")
        if inline is not None:
            return _text(inline)
        path = element.get("plainTextPath", "").strip()
        if not path.lower().startswith("internal://") or self.archive is None:
            return None
        name = path[len("internal://") :].lstrip("/")
        member = self.archive.find(f"sources/{name}") or self.archive.find(name)
        if member is None:
            raise ExchangeError(f"The text of {what} ({name}) is missing from {self.archive.name}.")
        data = self.archive.read(member, self.limits.max_text_bytes)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ExchangeError(
                f"The text of {what} ({name}) is not UTF-8, as REFI-QDA requires."
            ) from exc

    def _text_source(self, element: Element) -> QdaSource | None:
        guid = _guid(element, "text source")
        name = element.get("name", "").strip() or "Untitled source"
        raw = self._source_text(element, f'source "{name}"')
        if raw is None:
            self.left["text sources whose text is outside the file"] += 1
            self.left["selections in those sources"] += len(
                list(_kids(element, "PlainTextSelection"))
            )
            return None
        text, to_briefer = _normalise_newlines(raw)
        length = len(raw.removeprefix("\ufeff"))
        selections = []
        for selection in _kids(element, "PlainTextSelection"):
            found = self._selection(selection, name, length, to_briefer)
            if found is not None:
                selections.append(found)
        self.left["codings of whole sources"] += len(list(_kids(element, "Coding")))
        self._note_refs(element, attached=False)
        if _text(_kid(element, "Description")).strip():
            self.left["source descriptions"] += 1
        if element.get("richTextPath"):
            self.left["formatted (DOCX) versions of text sources"] += 1
        return QdaSource(
            guid=guid,
            name=name,
            text=text,
            metadata=self._metadata(element),
            selections=tuple(selections),
            created=_stamp(element.get("creationDateTime")),
        )

    def _metadata(self, element: Element) -> tuple[tuple[str, str], ...]:
        found: dict[str, str] = {}
        for value in _kids(element, "VariableValue"):
            ref = _kid(value, "VariableRef")
            key = (
                self.variables.get(normal_guid(ref.get("targetGUID", "")), "")
                if ref is not None
                else ""
            )
            content = next((_text(c).strip() for c in value if _local(c).endswith("Value")), "")
            if key and content and key not in found:
                found[key] = content
            elif content:
                self.left["variable values"] += 1
        return tuple(found.items())

    def _note_refs(self, element: Element, *, attached: bool) -> list[str]:
        texts = []
        for ref in _kids(element, "NoteRef"):
            target = normal_guid(ref.get("targetGUID", ""))
            if target not in self.notes:
                self.left["references to notes the file lacks"] += 1
            elif attached:
                self.used_notes.add(target)
                if self.notes[target]:
                    texts.append(self.notes[target])
        return texts

    def _selection(
        self, element: Element, source: str, length: int, to_briefer: Callable[[int], int]
    ) -> QdaSelection | None:
        guid = _guid(element, "selection")
        try:
            start = int(element.get("startPosition", ""))
            end = int(element.get("endPosition", ""))
        except ValueError:
            raise ExchangeError(
                f'Selection {guid} in source "{source}" lacks a whole-number start or end position.'
            ) from None
        if not 0 <= start <= end <= length:
            raise ExchangeError(
                f'Selection {guid} in source "{source}" runs from {start} to {end}, outside '
                f"its text of {length} characters; the file was not imported."
            )
        codes: list[str] = []
        for coding in _kids(element, "Coding"):
            ref = _kid(coding, "CodeRef")
            target = normal_guid(ref.get("targetGUID", "")) if ref is not None else ""
            if target not in self.code_guids:
                raise ExchangeError(
                    f'Selection {guid} in source "{source}" is coded with {target or "no code"}, '
                    "which the file's codebook does not have; the file was not imported."
                )
            if target not in codes:
                codes.append(target)
            self.left["notes on codings"] += len(list(_kids(coding, "NoteRef")))
        if not codes or start == end:
            self.left["empty selections" if start == end else "selections without a code"] += 1
            self._note_refs(element, attached=False)
            return None
        comments = [_text(_kid(element, "Description")).strip()]
        comments += self._note_refs(element, attached=True)
        return QdaSelection(
            guid=guid,
            start=to_briefer(start),
            end=to_briefer(end),
            code_guids=tuple(codes),
            note="\n\n".join(dict.fromkeys(c for c in comments if c)),
            name=element.get("name", ""),
            created=_stamp(element.get("creationDateTime")),
        )


def _codebook(root: Element, limits: QdaLimits) -> QdaProject:
    sets = _kid(root, "Sets")
    left = len([c for c in sets if isinstance(c.tag, str)]) if sets is not None else 0
    return QdaProject(
        name="",
        codes=_codes(_kid(root, "Codes"), limits),
        origin=root.get("origin", "").strip(),
        left_out=(LeftOut("code sets", left),) if left else (),
    )


def read_codebook(
    data: bytes, what: str = "The codebook", limits: QdaLimits | None = None
) -> QdaProject:
    """A ``.qdc`` (root ``CodeBook``); a bare ``Project`` document's codebook also reads."""
    limits = limits or QdaLimits()
    if len(data) > limits.max_xml_bytes:
        raise ExchangeError(
            f"{what} is larger than {limits.max_xml_bytes:,} bytes; it was not read."
        )
    root = parse_xml(data, what)
    if _local(root) == "Project":
        return _ProjectReader(root, None, limits).read()
    if _local(root) != "CodeBook":
        raise ExchangeError(
            f"{what} is XML but not a REFI-QDA codebook (its root is {_local(root)})."
        )
    return _codebook(root, limits)


def read_project(path: Path, limits: QdaLimits | None = None) -> QdaProject:
    """A ``.qdpx`` archive: ``project.qde`` and the text files it names."""
    limits = limits or QdaLimits()
    with Archive(path, limits) as archive:
        member = archive.find("project.qde")
        if member is None:
            candidates = archive.root_files(".qde")
            member = candidates[0] if len(candidates) == 1 else None
        if member is None:
            raise ExchangeError(
                f"{path.name} has no project.qde inside, so it is not a REFI-QDA project archive."
            )
        root = parse_xml(archive.read(member, limits.max_xml_bytes), f"{member} in {path.name}")
        if _local(root) != "Project":
            raise ExchangeError(
                f"{member} in {path.name} is not a REFI-QDA project (its root is {_local(root)})."
            )
        return _ProjectReader(root, archive, limits).read()


def read_exchange_file(path: Path, limits: QdaLimits | None = None) -> QdaProject:
    """A ``.qdpx`` or ``.qdc``, told apart by content (a zip or XML), not the name."""
    limits = limits or QdaLimits()
    try:
        with path.open("rb") as stream:
            head = stream.read(4)
    except OSError as exc:
        raise ExchangeError(f"Cannot read {path.name}: {exc.strerror or exc}.") from exc
    if head.startswith(b"PK"):
        return read_project(path, limits)
    if path.suffix.lower() == ".qdpx":
        raise ExchangeError(
            f"{path.name} is not a .qdpx archive (a .qdpx is a zip file); it may be damaged "
            "or not a REFI-QDA export."
        )
    try:
        if path.stat().st_size > limits.max_xml_bytes:
            raise ExchangeError(
                f"{path.name} is larger than {limits.max_xml_bytes:,} bytes; it was not read."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ExchangeError(f"Cannot read {path.name}: {exc.strerror or exc}.") from exc
    return read_codebook(data, path.name, limits)
