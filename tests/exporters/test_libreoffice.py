"""The exported DOCX opened by a real word processor (LibreOffice) and read back from PDF.

Skipped where LibreOffice is not installed, except on CI (CI=true), which
installs libreoffice-writer-nogui and poppler-utils and must run it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters.document import ExportDocument, build_document
from briefer.exporters.docx import export_docx

from .conftest import PORTS_QUOTE, SECOND_STEEL_QUOTE, STEEL_QUOTE


def _tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    message = f"{' or '.join(names)} is not installed"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}; CI must install libreoffice-writer-nogui and poppler-utils")
    pytest.skip(message)


def _pdf_text(
    document: ExportDocument, tmp_path: Path, *, toc: bool = False, layout: bool = False
) -> str:
    """The PDF's words in one line, or with ``layout`` its lines as laid out on the page."""
    soffice = _tool("soffice", "libreoffice")
    pdftotext = _tool("pdftotext")
    source = tmp_path / "note.docx"
    export_docx(document, source, table_of_contents=toc)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "note.pdf"
    assert pdf.exists(), "LibreOffice produced no PDF"
    result = subprocess.run(
        [pdftotext, *(["-layout"] if layout else []), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.stdout if layout else " ".join(result.stdout.split())


def test_word_processor_shows_quotations_in_order_and_footnotes(
    document: ExportDocument, tmp_path: Path
) -> None:
    text = _pdf_text(document, tmp_path, toc=True)
    # The passage's own asterisks are words, not emphasis: they show as typed.
    positions = [text.find(f"‘{q}’") for q in (STEEL_QUOTE, PORTS_QUOTE, SECOND_STEEL_QUOTE)]
    assert -1 not in positions and positions == sorted(positions)
    assert "EU and UK agree steel deal, The Courier, 4 December 2025" in text
    assert "Ports brace for a hard winter." in text
    assert "Page 1 of" in text
    assert "OFFICIAL-SENSITIVE" in text
    # The table of contents shows its entries even in a reader that never updates fields.
    assert "Contents Summary Ports Key figures Sources Summary" in text
    assert "Right-click to update" not in text


def test_word_processor_sets_a_key_figures_tables_headings_whole(
    passages: dict[int, Passage], articles: dict[int, Article], tmp_path: Path
) -> None:
    sentence = (
        "Cargo volumes on the Northern Sea Route fell to 31.5 million tonnes in 2025, two "
        "thirds of them carrying Russian cargo to Chinese ports, the operator said."
    )
    body = (
        "| Figures | Context | Source |\n| --- | --- | --- |\n"
        f"| 31.5 million; 2025 | {sentence} | [@p42] |\n"
        "| 1 August | Higher US tariffs on Indian goods took effect on 1 August | [@p7] |\n\n"
        "| Figure | Source | Sentence |\n|---|---|---|\n"
        f"| 31.5 | 1 | {sentence} |\n| 50% | 2 | {sentence} |"
    )
    note = Note(title="Figures", sections=(Section("Key figures", body, level=1, position=0),))
    lines = _pdf_text(build_document(note, passages, articles), tmp_path, layout=True)
    # Each heading row is one line of whole words, however narrow its column.
    assert re.search(r"^\s*Figures\s+Context\s+Source\s*$", lines, re.MULTILINE), lines
    assert re.search(r"^\s*Figure\s+Source\s+Sentence\s*$", lines, re.MULTILINE), lines
    assert not re.search(r"^\s*(So|urc|e)\s*$", lines, re.MULTILINE)
