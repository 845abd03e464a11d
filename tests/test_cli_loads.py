"""`briefer export` loads only what exporting needs: no window, no importers.

Start-up is most of a short export's time (Qt alone would be several times
pandoc's whole run), so each export here runs as its own `python -m briefer`
process, as an analyst runs it, and the modules it ended with are read back.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Original, Passage, Section
from briefer.session import AddNoteCommand, Session
from tests.private_store import store_of

ROOT = Path(__file__).resolve().parent.parent
MENDS = sorted((ROOT / "briefer" / "exporters").glob("csl_patches*.py"))
"""The modules that mend citeproc-py (exporters/csl_patches.py and its parts)."""

# Runs `python -m briefer ARGS` in this process, then writes the modules it loaded.
CHILD = """
import json, runpy, sys
report, args = sys.argv[1], sys.argv[2:]
sys.argv = ["briefer", *args]
code = 0
try:
    runpy.run_module("briefer", run_name="__main__", alter_sys=True)
except SystemExit as exc:
    code = exc.code
with open(report, "w", encoding="utf-8") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""

NEVER_FOR_EXPORT = ("PySide6", "shiboken6", "trafilatura", "pypdfium2", "briefer.ui",
                    "briefer.app", "briefer.importers",
                    # a read-only open backs nothing up and creates nothing
                    "briefer.store.backups", "briefer.store.creating",
                    # and an export searches nothing (full-text search and its word rules)
                    "briefer.store.search", "briefer.core.spaceless")  # fmt: skip


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "loads.briefer"
    text = "The harbour deal was signed on Tuesday. Grain exports will rise by 40%."
    with Session.create(path, title="Loads") as session:
        project = store_of(session)
        article = Article(
            title="Harbour deal signed",
            text=text,
            publisher="The Northland Times",
            author="Jane Smith",
            published=dt.date(2025, 3, 4),
            url="https://example.org/harbour",
        )
        article_id = project.add_article(article, Original("a.txt", "text/plain", text.encode()))
        first = project.add_passage(Passage(article_id, 0, 39, text[:39]))
        body = quotation_markdown(text[:39], first)
        session.do(AddNoteCommand(Note(title="Harbour", sections=(Section("Summary", body),))))
    return path


def loaded_by(tmp_path: Path, *args: object) -> set[str]:
    report = tmp_path / "modules.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_PLATFORM", None)
    subprocess.run(
        [sys.executable, "-c", CHILD, str(report), *map(str, args)],
        check=True,
        env=env,
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
    )
    found = json.loads(report.read_text("utf-8"))
    assert found["code"] in (0, None)
    return set(found["modules"])


def _offending(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_word_export_loads_neither_qt_nor_importers(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "note.docx"
    modules = loaded_by(tmp_path, "export", project, "--note", 1, "-o", target)
    assert target.stat().st_size > 0
    # what it does need, it loaded; without a reference document that is not python-docx
    assert "briefer.exporters.docx_plain" in modules and "citeproc" in modules
    # a body of quotations and prose is read without markdown-it (exporters/plain_body.py),
    # and Markdown's escaping rules are for Markdown exports only
    not_needed = ("docx", "markdown_it", "briefer.exporters.markdown_flavours")
    # and the font metrics that size a table's columns are for notes with tables
    not_needed += ("briefer.exporters.font_widths", "briefer.exporters.table_layout")
    # the style's <info> is read with expat; ElementTree reads the locale file of a note
    # in another language than English (exporters/csl_locale_file.py)
    not_needed += ("xml.etree",)
    assert _offending(modules, (*NEVER_FOR_EXPORT, *not_needed)) == []


def test_markdown_export_does_not_load_python_docx(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "note.md"
    modules = loaded_by(tmp_path, "export", project, "--note", 1, "-o", target)
    assert "Harbour" in target.read_text("utf-8")
    assert "briefer.exporters.markdown_flavours" in modules
    assert _offending(modules, (*NEVER_FOR_EXPORT, "docx", "markdown_it")) == []


def test_a_body_with_markup_is_read_by_markdown_it(tmp_path: Path) -> None:
    path = tmp_path / "markup.briefer"
    body = "Grain exports will *rise* this year, **sharply**."
    with Session.create(path, title="Markup") as session:
        session.do(AddNoteCommand(Note(title="Grain", sections=(Section("Outlook", body),))))
    target = tmp_path / "note.docx"
    modules = loaded_by(tmp_path, "export", path, "--note", 1, "-o", target)
    assert "markdown_it" in modules
    import docx  # the test reads the file back; the export itself must not need it

    runs = [r for p in docx.Document(str(target)).paragraphs for r in p.runs]
    assert [r.text for r in runs if r.italic] == ["rise"]
    assert [r.text for r in runs if r.bold] == ["sharply"]


def _footnotes(docx_file: Path) -> str:
    with zipfile.ZipFile(docx_file) as package:
        return package.read("word/footnotes.xml").decode("utf-8")


def test_an_export_whose_renderings_are_kept_loads_no_citation_engine(
    project: Path, tmp_path: Path
) -> None:
    first, again = tmp_path / "first.docx", tmp_path / "again.docx"
    rendered = loaded_by(tmp_path, "export", project, "--note", 1, "-o", first)
    assert "citeproc" in rendered and "briefer.exporters.csl_patches" in rendered
    # the first export kept its renderings in the project; the next one reads them back
    modules = loaded_by(tmp_path, "export", project, "--note", 1, "-o", again)
    assert "The Northland Times" in _footnotes(again)
    assert _footnotes(again) == _footnotes(first)
    # citeproc-py, and the mends Briefer makes to it, are for rendering only
    mends = tuple(f"briefer.exporters.{p.stem}" for p in MENDS)
    assert len(mends) > 1 and all(m in rendered for m in mends)
    # and, with nothing new to keep, the project is only read: no lock names user and computer
    not_needed = ("citeproc", "lxml", *mends, "getpass", "socket", "xml.etree")
    # the table of HTML's named references, for kept notes that hold no "&"
    not_needed += ("html",)
    # nor OpenSSL: kept renderings are found by BLAKE2 digests (core/digests.py)
    not_needed += ("hashlib", "_hashlib")
    # nor logging, with the traceback, tokenize and textwrap it brings: nothing was logged
    not_needed += ("logging", "traceback", "tokenize")
    # nor typing: annotations are for type checkers, and records' types are read without it
    not_needed += ("typing",)
    # nor the commands that edit notes: an export only reads one
    not_needed += ("briefer.session.note_commands", "briefer.core.outline")
    assert _offending(modules, (*NEVER_FOR_EXPORT, *not_needed)) == []
