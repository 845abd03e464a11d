"""Packages that are Word documents though not laid out as Word itself lays them out.

Both variants are made from a python-docx file by rewriting it the way the writers
that produce them do: Word's "Strict Open XML Document" renames every namespace, and
pandoc and other tools may name the main part something other than word/document.xml.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import docx

from briefer.importers.registry import import_path

_STRICT = (
    (b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
     b"http://purl.oclc.org/ooxml/wordprocessingml/main"),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     b"http://purl.oclc.org/ooxml/officeDocument/relationships"),
    (b"http://schemas.openxmlformats.org/drawingml/2006/main",
     b"http://purl.oclc.org/ooxml/drawingml/main"),
)  # fmt: skip


def _rewritten(tmp_path: Path, change: Callable[[str, bytes], tuple[str, bytes]]) -> Path:
    source_path, path = tmp_path / "source.docx", tmp_path / "rewritten.docx"
    document = docx.Document()
    document.add_heading("Harbour report", level=1)
    document.add_paragraph("Gannets nest on the northern mole.")
    document.add_paragraph("Dredge the channel", style="List Number")
    document.save(str(source_path))
    with zipfile.ZipFile(source_path) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            name, data = change(item.filename, source.read(item))
            target.writestr(name, data)
    return path


def _texts(path: Path) -> list[str]:
    article = import_path(path).article
    return [article.block_text(block) for block in article.blocks]


_EXPECTED = ["Harbour report", "Gannets nest on the northern mole.", "1. Dredge the channel"]


def test_a_strict_open_xml_document_reads_like_a_transitional_one(tmp_path: Path) -> None:
    def strict(name: str, data: bytes) -> tuple[str, bytes]:
        for usual, renamed in _STRICT:
            data = data.replace(usual, renamed)
        return name, data

    assert _texts(_rewritten(tmp_path, strict)) == _EXPECTED


def test_the_main_part_is_found_where_the_package_relationships_point(tmp_path: Path) -> None:
    def moved(name: str, data: bytes) -> tuple[str, bytes]:
        if name in ("_rels/.rels", "[Content_Types].xml"):
            data = data.replace(b"word/document.xml", b"word/main.xml")
        renamed = {
            "word/document.xml": "word/main.xml",
            "word/_rels/document.xml.rels": "word/_rels/main.xml.rels",
        }
        return renamed.get(name, name), data

    assert _texts(_rewritten(tmp_path, moved)) == _EXPECTED
