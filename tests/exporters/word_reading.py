"""Reading an exported Word file back as a reader sees it: its footnotes and its Sources.

One reader for the tests that check citations, instead of one copy per test file.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def footnote_texts(path: Path) -> list[str]:
    """Each footnote's text, in order (Word's separator notes left out)."""
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("word/footnotes.xml"))
    return [
        "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
        for note in root.iter(f"{W}footnote")
        if note.get(f"{W}type") in (None, "normal")
    ]


def bibliography_entries(path: Path) -> list[str]:
    """The Sources list: the paragraphs in Word's Bibliography style."""
    word = docx.Document(str(path))
    return [
        p.text for p in word.paragraphs if p.style is not None and p.style.name == "Bibliography"
    ]
