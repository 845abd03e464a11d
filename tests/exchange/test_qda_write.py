"""The writer: every .qdc and .qdpx Briefer makes is valid against the REFI-QDA schemas."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from briefer.exchange import ExchangeError, QdaCode, QdaProject, QdaSelection, QdaSource
from briefer.exchange.qda_write import codebook_xml, write_codebook, write_project
from tests.exchange.qda_data import (
    TRICKY_TEXT,
    assert_valid,
    codebook_schema,
    project_schema,
)

NS = {"q": "urn:QDA-XML:project:1.0"}
GUID = "11111111-2222-4333-8444-{:012d}"


def sample() -> QdaProject:
    child = QdaCode(GUID.format(2), "Child & <co>", "#00FF00", "Has a description")
    parent = QdaCode(GUID.format(1), "Parent", "#FF0000", "", (child,))
    start = TRICKY_TEXT.index("🇫🇷")
    selection = QdaSelection(
        GUID.format(10), start, start + 2, (GUID.format(1), GUID.format(2)), "A comment\x01"
    )
    source = QdaSource(
        GUID.format(20),
        "Article \x0c one",
        TRICKY_TEXT,
        (("author", "Ann"), ("published", "2024-05-01")),
        (selection,),
    )
    return QdaProject("Brief", (parent,), (source,), "Briefer test")


def test_project_archive_is_valid_and_holds_the_text_as_utf8(tmp_path: Path) -> None:
    target = tmp_path / "out.qdpx"
    write_project(sample(), target)
    with zipfile.ZipFile(target) as archive:
        qde = archive.read("project.qde")
        text = archive.read(f"sources/{GUID.format(20)}.txt")
    assert_valid(project_schema(), qde)
    assert text == TRICKY_TEXT.encode("utf-8")  # no BOM, no newline translation
    root = etree.fromstring(qde)
    selection = root.find(".//q:PlainTextSelection", NS)
    assert selection is not None
    start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
    assert text.decode("utf-8")[start:end] == "🇫🇷"  # code points, end excluded
    assert root.find(".//q:TextSource", NS).get("plainTextPath") == (
        f"internal://{GUID.format(20)}.txt"
    )
    note = root.find(".//q:Notes/q:Note/q:PlainTextContent", NS)
    assert note is not None and note.text == "A comment"  # the control character could not go


def test_codebook_is_valid_and_nested(tmp_path: Path) -> None:
    target = tmp_path / "themes.qdc"
    write_codebook(sample(), target)
    data = target.read_bytes()
    assert_valid(codebook_schema(), data)
    root = etree.fromstring(data)
    child = root.find("{*}Codes/{*}Code/{*}Code")
    assert child is not None and child.get("name") == "Child & <co>"


def test_an_empty_codebook_is_refused_rather_than_written_invalid() -> None:
    with pytest.raises(ExchangeError, match="no themes"):
        codebook_xml(QdaProject("Empty"))


def test_a_project_without_codes_or_sources_is_still_valid(tmp_path: Path) -> None:
    target = tmp_path / "empty.qdpx"
    write_project(QdaProject("Empty"), target)
    with zipfile.ZipFile(target) as archive:
        assert_valid(project_schema(), archive.read("project.qde"))


def test_a_missing_folder_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match="does not exist") as caught:
        write_project(sample(), tmp_path / "nowhere" / "out.qdpx")
    assert "\n" not in str(caught.value)
