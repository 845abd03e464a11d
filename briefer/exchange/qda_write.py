"""Writes REFI-QDA files: a codebook (.qdc) or a project archive (.qdpx).

A ``.qdpx`` is a zip holding ``project.qde`` (QDA-XML, namespace urn:QDA-XML:project:1.0)
and each text source as ``sources/<guid>.txt`` in UTF-8, named by ``internal://`` paths,
as section 9 of the specification asks. Writes are atomic: a temp file beside the
target, fsync, replace. Imports core and lxml only.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
import zipfile
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from briefer.core.atomic import write_atomically
from briefer.exchange.qda_model import ExchangeError, QdaCode, QdaProject, QdaSelection, QdaSource

NS_PROJECT = "urn:QDA-XML:project:1.0"
NS_CODEBOOK = "urn:QDA-XML:codebook:1.0"

VARIABLES: tuple[tuple[str, str, str], ...] = (
    ("author", "Author", "Text"),
    ("publisher", "Publisher", "Text"),
    ("published", "Published", "Date"),
    ("url", "URL", "Text"),
    ("language", "Language", "Text"),
)
"""Briefer's article metadata as REFI-QDA variables: (metadata key, variable name, type)."""

_GUIDS = uuid.UUID("6f1d3c9e-8a57-4f0b-9d3a-2b7e1c4a5f60")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def derived_guid(*parts: str) -> str:
    """A stable GUID for something Briefer has no record of its own for (a coding, the
    note holding a comment, a variable), so exporting twice gives the same file."""
    return str(uuid.uuid5(_GUIDS, "/".join(parts)))


def variable_guid(key: str) -> str:
    return derived_guid("variable", key)


def _safe(text: str) -> str:
    """XML 1.0 cannot carry most control characters; labels and comments lose them."""
    return _NOT_XML.sub("", text)


def _stamp(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is not None:
        return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment.isoformat(timespec="seconds")


def _code(parent: etree._Element, ns: str, code: QdaCode) -> None:
    element = etree.SubElement(parent, f"{{{ns}}}Code")
    element.set("guid", code.guid)
    element.set("name", _safe(code.name))
    element.set("isCodable", "true" if code.codable else "false")
    if code.colour:
        element.set("color", code.colour)
    if code.description:
        etree.SubElement(element, f"{{{ns}}}Description").text = _safe(code.description)
    for child in code.children:
        _code(element, ns, child)


def _codes(parent: etree._Element, ns: str, codes: tuple[QdaCode, ...]) -> None:
    holder = etree.SubElement(parent, f"{{{ns}}}Codes")
    for code in codes:
        _code(holder, ns, code)


def codebook_xml(project: QdaProject) -> bytes:
    """The ``.qdc`` document: the codes alone, in the codebook namespace."""
    if not project.codes:
        raise ExchangeError("This project has no themes, so there is no codebook to export.")
    root = etree.Element(f"{{{NS_CODEBOOK}}}CodeBook", nsmap={None: NS_CODEBOOK})
    if project.origin:
        root.set("origin", project.origin)
    _codes(root, NS_CODEBOOK, project.codes)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _q(name: str) -> str:
    return f"{{{NS_PROJECT}}}{name}"


def _selection(
    parent: etree._Element, selection: QdaSelection, notes: list[tuple[str, str]]
) -> None:
    element = etree.SubElement(parent, _q("PlainTextSelection"))
    element.set("guid", selection.guid)
    if selection.name:
        element.set("name", _safe(selection.name))
    element.set("startPosition", str(selection.start))
    element.set("endPosition", str(selection.end))
    created = _stamp(selection.created)
    if created:
        element.set("creationDateTime", created)
    for code_guid in selection.code_guids:
        coding = etree.SubElement(element, _q("Coding"))
        coding.set("guid", derived_guid("coding", selection.guid, code_guid))
        etree.SubElement(coding, _q("CodeRef")).set("targetGUID", code_guid)
    if selection.note:
        note_guid = derived_guid("note", selection.guid)
        notes.append((note_guid, selection.note))
        etree.SubElement(element, _q("NoteRef")).set("targetGUID", note_guid)


def _source(parent: etree._Element, source: QdaSource, notes: list[tuple[str, str]]) -> None:
    element = etree.SubElement(parent, _q("TextSource"))
    element.set("guid", source.guid)
    element.set("name", _safe(source.name))
    element.set("plainTextPath", f"internal://{source.guid}.txt")
    created = _stamp(source.created)
    if created:
        element.set("creationDateTime", created)
    for selection in source.selections:
        _selection(element, selection, notes)
    for key, _name, kind in VARIABLES:
        value = source.meta(key)
        if not value:
            continue
        holder = etree.SubElement(element, _q("VariableValue"))
        etree.SubElement(holder, _q("VariableRef")).set("targetGUID", variable_guid(key))
        etree.SubElement(holder, _q(f"{kind}Value")).text = _safe(value)


def project_xml(project: QdaProject) -> bytes:
    """``project.qde``: codebook, the variables in use, text sources and comment notes,
    in the order the schema's sequence demands."""
    root = etree.Element(_q("Project"), nsmap={None: NS_PROJECT})
    root.set("name", _safe(project.name) or "Briefer project")
    if project.origin:
        root.set("origin", project.origin)
    if project.codes:
        _codes(etree.SubElement(root, _q("CodeBook")), NS_PROJECT, project.codes)
    used = [v for v in VARIABLES if any(s.meta(v[0]) for s in project.sources)]
    if used:
        holder = etree.SubElement(root, _q("Variables"))
        for key, name, kind in used:
            variable = etree.SubElement(holder, _q("Variable"))
            variable.set("guid", variable_guid(key))
            variable.set("name", name)
            variable.set("typeOfVariable", kind)
    notes: list[tuple[str, str]] = []
    if project.sources:
        holder = etree.SubElement(root, _q("Sources"))
        for source in project.sources:
            _source(holder, source, notes)
    if notes:
        holder = etree.SubElement(root, _q("Notes"))
        for guid, text in notes:
            note = etree.SubElement(holder, _q("Note"))
            note.set("guid", guid)
            note.set("name", "Comment")
            etree.SubElement(note, _q("PlainTextContent")).text = _safe(text)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def write_codebook(project: QdaProject, target: Path) -> None:
    data = codebook_xml(project)
    write_atomically(target, lambda stream: stream.write(data), ExchangeError, "save again")


def write_project(project: QdaProject, target: Path) -> None:
    """The ``.qdpx`` archive; every source's text goes in as a UTF-8 file without BOM,
    so its code points are exactly the ones the selections count."""
    qde = project_xml(project)

    def write(stream: BinaryIO) -> None:
        with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("project.qde", qde)
            for source in project.sources:
                archive.writestr(f"sources/{source.guid}.txt", source.text.encode("utf-8"))

    write_atomically(target, write, ExchangeError, "save again")
