"""Golden files: a fixed note's DOCX parts and Markdown, compared byte for byte.

A change to what the exporters write shows up here as a failing test and,
once regenerated, as a diff in git that a reviewer reads. Volatile parts are
normalised first: rsids, Word's document id, Briefer's version.

To regenerate after an intended change::

    BRIEFER_UPDATE_GOLDEN=1 python -m pytest tests/exporters/test_golden.py
    git diff tests/data/exporters/golden/    # the review step

The note is conftest's realistic note plus a right-to-left paragraph and a
quotation full of characters Markdown readers treat as markup.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import briefer
from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.core.record import replace
from briefer.exporters.document import ExportDocument, build_document
from briefer.exporters.docx import export_docx
from briefer.exporters.markdown import render_markdown

GOLDEN = Path(__file__).parents[1] / "data" / "exporters" / "golden"
UPDATE = os.environ.get("BRIEFER_UPDATE_GOLDEN") == "1"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
HOSTILE_QUOTE = "Costs rose from $5 to $10, said @minister -- 'it's \"fine\"...' ~40%~ [x]"
RTL_TEXT = "قال الوزير إن الاتفاق جيد"


@pytest.fixture
def golden_document(
    note: Note, passages: dict[int, Passage], articles: dict[int, Article]
) -> ExportDocument:
    hostile = Passage(article_id=2, start=40, end=50, text=HOSTILE_QUOTE, id=99)
    extra = Section(
        "Hostile: *text* & more",
        quotation_markdown(HOSTILE_QUOTE, 99) + "\n\n" + RTL_TEXT + "\n",
        level=1,
        position=3,
    )
    fixed = replace(note, sections=(*note.sections, extra))
    return build_document(fixed, {**passages, 99: hostile}, articles)


def _check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"no golden file {name}; run with BRIEFER_UPDATE_GOLDEN=1 and review"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its golden file; see the module docstring"


def _pretty(xml: bytes) -> str:
    parser = etree.XMLParser(remove_blank_text=True)
    root = etree.fromstring(xml, parser)
    for element in root.iter():
        for attribute in list(element.attrib):
            if re.fullmatch(r"\{[^}]*\}rsid\w*", attribute):
                del element.attrib[attribute]
    for volatile in root.findall(f".//{W}rsids") + root.findall(
        ".//{http://schemas.microsoft.com/office/word/2010/wordml}docId"
    ):
        volatile.getparent().remove(volatile)
    text = etree.tostring(root, pretty_print=True, encoding="unicode")
    return text.replace(f"Briefer {briefer.__version__}", "Briefer VERSION")


def _used_styles(styles_xml: bytes, *parts: bytes) -> str:
    """styles.xml cut down to its defaults and the styles the parts use (and what they are
    based on): the template's hundreds of latent styles are not the exporter's doing."""
    root = etree.fromstring(styles_xml)
    by_id = {s.get(f"{W}styleId"): s for s in root.iter(f"{W}style")}
    wanted: set[str] = set()
    for part in parts:
        for element in etree.fromstring(part).iter(f"{W}pStyle", f"{W}rStyle", f"{W}tblStyle"):
            wanted.add(element.get(f"{W}val"))
    queue = list(wanted)
    while queue:
        style = by_id.get(queue.pop())
        based = style.find(f"{W}basedOn") if style is not None else None
        if based is not None and based.get(f"{W}val") not in wanted:
            wanted.add(based.get(f"{W}val"))
            queue.append(based.get(f"{W}val"))
    for child in list(root):
        if child.tag == f"{W}latentStyles" or (
            child.tag == f"{W}style" and child.get(f"{W}styleId") not in wanted
        ):
            root.remove(child)
    return _pretty(etree.tostring(root))


def test_docx_parts_match_their_golden_files(
    golden_document: ExportDocument, tmp_path: Path
) -> None:
    target = tmp_path / "note.docx"
    export_docx(golden_document, target, table_of_contents=True)
    with zipfile.ZipFile(target) as archive:
        part = {name: archive.read(name) for name in archive.namelist()}
    _check("docx/document.xml", _pretty(part["word/document.xml"]))
    _check("docx/footnotes.xml", _pretty(part["word/footnotes.xml"]))
    _check("docx/settings.xml", _pretty(part["word/settings.xml"]))
    _check("docx/app.xml", _pretty(part["docProps/app.xml"]))
    _check(
        "docx/styles-used.xml",
        _used_styles(
            part["word/styles.xml"], part["word/document.xml"], part["word/footnotes.xml"]
        ),
    )
    _check("docx/parts.txt", "\n".join(sorted(part)) + "\n")


@pytest.mark.parametrize("flavour", ["commonmark", "pandoc"])
def test_markdown_matches_its_golden_file(golden_document: ExportDocument, flavour: str) -> None:
    _check(f"note.{flavour}.md", render_markdown(golden_document, flavour))  # type: ignore[arg-type]
