"""The Word package without python-docx writes what python-docx writes.

An export without a reference document fills resources/word/base.docx as
text (exporters/docx_plain); the same writer through python-docx
(``python_docx=True``) is the reference. Every part of a range of notes is
compared pretty-printed, as the golden files are; the shipped base is
compared with a fresh build of it, so it cannot drift from python-docx or
from the writer; and a fresh process shows the plain export never imports
python-docx.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from lxml import etree

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.core.record import replace
from briefer.exporters import ExportError, docx_plain
from briefer.exporters.csl_styles import resolve_style
from briefer.exporters.document import ExportDocument, build_document
from briefer.exporters.docx import export_docx
from briefer.exporters.docx_base import BASE_PARTS, write_base
from briefer.exporters.docx_zip import ZipParts
from briefer.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
FIXED = dt.datetime(2025, 12, 5, 9, 30, tzinfo=dt.UTC)
RTL = "قال الوزير إن الاتفاق جيد"


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def _pretty(xml: bytes) -> str:
    root = etree.fromstring(xml, etree.XMLParser(remove_blank_text=True))
    return str(etree.tostring(root, pretty_print=True, encoding="unicode"))


def _both(tmp_path: Path, document: ExportDocument, **options: object) -> tuple[Path, Path]:
    plain, through = tmp_path / "plain.docx", tmp_path / "python-docx.docx"
    export_docx(document, plain, **options)  # type: ignore[arg-type]
    export_docx(document, through, python_docx=True, **options)  # type: ignore[arg-type]
    return plain, through


def _assert_same_package(plain: Path, through: Path) -> None:
    assert _names(plain) == _names(through)  # the same parts, in the same order
    mine, theirs = _parts(plain), _parts(through)
    for name in theirs:
        assert _pretty(mine[name]) == _pretty(theirs[name]), f"{name} differs"


def _note(*sections: Section, **metadata: object) -> Note:
    return Note(
        title=str(metadata.pop("title", "A note")),
        sections=sections,
        created_at=FIXED,
        modified_at=FIXED,
        **metadata,  # type: ignore[arg-type]
    )


LISTS = (
    "1. one\n2. two\n   1. nested\n   2. nested too\n3. three\n\nBetween.\n\n"
    "3. three again\n4. four\n\n- bullet\n  - inner\n    - innermost\n- out\n\n"
    "1. restarted\n\n   continued paragraph\n2. next\n"
)
TABLES = (
    "| Measure | Value | Note |\n|:--|--:|:-:|\n| Tariff | 0% | [link](https://example.org/t) |\n"
    f"| {RTL} | 1.2 Mt |\n| short |\n\n"
    "| Only | header |\n|---|---|\n"
)
LINKS = (
    "See [the deal](https://example.org/deal) and [it again](https://example.org/deal), "
    "[another](https://example.org/other?a=1&b=2) and [a heading](#summary).\n\n"
    f"{RTL}\n\n---\n\n```\ncode\tblock\n```\n\nInline `code` and a line  \nbreak.\n"
)

CASES: dict[str, Callable[[dict[int, Passage], dict[int, Article]], ExportDocument]] = {}


def case(name: str) -> Callable[..., object]:
    def register(
        build: Callable[[dict[int, Passage], dict[int, Article]], ExportDocument],
    ) -> Callable[[dict[int, Passage], dict[int, Article]], ExportDocument]:
        CASES[name] = build
        return build

    return register


@case("empty")
def _empty(passages: dict[int, Passage], articles: dict[int, Article]) -> ExportDocument:
    return build_document(_note(title=""), {}, {})


@case("lists")
def _lists(passages: dict[int, Passage], articles: dict[int, Article]) -> ExportDocument:
    return build_document(_note(Section("Steps", LISTS, level=1)), passages, articles)


@case("tables, links, a marking")
def _tables(passages: dict[int, Passage], articles: dict[int, Article]) -> ExportDocument:
    body = TABLES + "\n" + LINKS + "\n" + quotation_markdown("Tariffs fall.", 42) + "\n"
    note = _note(
        Section("Summary", body, level=1),
        Section("Again", quotation_markdown("Tariffs fall.", 42) + "\n", level=3),
        author="A. Analyst\twith a tab",
        recipient="  Head of Policy  ",
        marking="OFFICIAL & SENSITIVE",
        reference="BR-1",
    )
    return build_document(note, passages, articles)


@case("links in CSL footnotes")
def _csl(passages: dict[int, Passage], articles: dict[int, Article]) -> ExportDocument:
    body = (
        quotation_markdown("Tariffs fall.", 42)
        + "\n\nAs said [@p42] and [@p7], see [the deal](https://example.org/deal).\n"
    )
    note = _note(Section("Summary", body, level=1), marking="SECRET")
    style = resolve_style("chicago", resource_path("csl"))
    return build_document(note, passages, articles, style)


# What each case must contain, so a case that stopped exercising its feature fails.
MARKS = {
    "empty": ("word/footer1.xml", b"NUMPAGES"),
    "lists": ("word/numbering.xml", b'<w:startOverride w:val="3"/>'),
    "tables, links, a marking": ("word/_rels/document.xml.rels", b"b=2"),
    "links in CSL footnotes": ("word/_rels/footnotes.xml.rels", b"example.org/steel"),
}


@pytest.fixture
def cited() -> tuple[dict[int, Passage], dict[int, Article]]:
    articles = {
        1: Article(
            title="Steel deal",
            text="...",
            publisher="The Courier",
            author="Zoe Young",
            published=dt.date(2025, 12, 4),
            url="https://example.org/steel?x=1&y=2",
            imported_at=FIXED,
            id=1,
        ),
        2: Article(
            title="Ports",
            text="...",
            url="https://example.org/ports",
            imported_at=FIXED,
            id=2,
        ),
    }
    passages = {
        42: Passage(article_id=1, start=0, end=5, text="Tariffs fall.", id=42),
        7: Passage(article_id=2, start=0, end=5, text="Queues grow.", id=7),
    }
    return passages, articles


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize(
    "options",
    [{}, {"table_of_contents": True, "page_size": "Letter", "language": "en-US"}],
    ids=["A4 en-GB", "TOC Letter en-US"],
)
def test_both_packages_write_the_same_parts(
    tmp_path: Path,
    cited: tuple[dict[int, Passage], dict[int, Article]],
    name: str,
    options: dict[str, object],
) -> None:
    document = CASES[name](*cited)
    plain, through = _both(tmp_path, document, **options)
    _assert_same_package(plain, through)
    part, mark = MARKS[name]
    assert mark in _parts(plain)[part]
    assert docx.Document(str(plain)).paragraphs  # python-docx reads the plain one


def test_the_golden_note_is_the_same_both_ways(
    tmp_path: Path, note: Note, passages: dict[int, Passage], articles: dict[int, Article]
) -> None:
    extra = Section("Right to left", RTL + "\n", level=1, position=3)
    fixed = replace(note, sections=(*note.sections, extra))
    document = build_document(fixed, passages, articles)
    plain, through = _both(tmp_path, document, table_of_contents=True, language="fr-FR")
    _assert_same_package(plain, through)
    parts = _parts(plain)
    assert b'w:val="fr-FR"' in parts["word/styles.xml"]  # the language did change
    assert b"<w:updateFields" in parts["word/settings.xml"]
    assert b"word/header1.xml" in parts["[Content_Types].xml"]


def test_the_shipped_base_package_is_what_python_docx_writes_now(tmp_path: Path) -> None:
    """Fails after a python-docx upgrade or a change to the writer: run `make word-base`."""
    fresh = tmp_path / "base.docx"
    write_base(fresh)
    shipped = resource_path(*BASE_PARTS)
    assert _names(shipped) == _names(fresh), "run `make word-base` and review"
    shipped_parts = _parts(shipped)
    for name, data in _parts(fresh).items():
        assert _unversioned(shipped_parts[name]) == _unversioned(data), (
            f"{name} drifted: run `make word-base` and review"
        )


def test_rebuilding_an_unchanged_base_writes_the_same_bytes(tmp_path: Path) -> None:
    """`make word-base` after no change must leave git nothing to show."""
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    write_base(first)
    write_base(second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def _unversioned(part: bytes) -> bytes:
    """app.xml names Briefer's version, which the plain package writes itself."""
    return re.sub(rb"<Application>Briefer [^<]*</Application>", b"<Application/>", part)


def test_an_export_without_a_reference_imports_neither_python_docx_nor_lxml(
    tmp_path: Path,
) -> None:
    target = tmp_path / "note.docx"
    script = (
        "import sys, datetime as dt\n"
        "from pathlib import Path\n"
        "from briefer.core.citations import quotation_markdown\n"
        "from briefer.core.model import Article, Note, Passage, Section\n"
        "from briefer.exporters import export_note\n"
        "a = {1: Article(title='Steel', text='...', url='https://example.org/s', id=1)}\n"
        "p = {42: Passage(article_id=1, start=0, end=5, text='Tariffs fall.', id=42)}\n"
        "table = '\\n\\n| a | b |\\n|---|---|\\n| 1 | 2 |\\n'\n"
        "body = quotation_markdown('Tariffs fall.', 42) + table\n"
        "note = Note(title='T', marking='M', sections=(Section('S', body, level=1),))\n"
        f"export_note(note, p, a, Path({str(target)!r}), 'docx', table_of_contents=True)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'lxml')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.strip() == "[]", done.stdout
    assert "Tariffs fall" in "\n".join(p.text for p in docx.Document(str(target)).paragraphs)


def test_unchanged_parts_are_copied_and_the_zip_is_as_zipfile_writes_it(tmp_path: Path) -> None:
    source = io.BytesIO()
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.xml", "<a>" + "text " * 1000 + "</a>")
        archive.writestr("b/c.xml", "<c/>")
    parts = ZipParts(source.getvalue())
    assert parts["b/c.xml"] == "<c/>"
    parts["b/c.xml"] = "<c>é</c>"
    parts.insert_after("a.xml", "new.xml", "<new/>")
    out = io.BytesIO()
    parts.write(out)
    with zipfile.ZipFile(out) as written, zipfile.ZipFile(source) as original:
        assert written.testzip() is None  # every member's CRC checks
        assert written.namelist() == ["a.xml", "new.xml", "b/c.xml"]
        assert written.read("a.xml") == original.read("a.xml")
        assert written.read("b/c.xml").decode("utf-8") == "<c>é</c>"
        theirs = original.getinfo("a.xml")
        for info in written.infolist():
            for field in ("compress_type", "create_system", "create_version", "external_attr"):
                assert getattr(info, field) == getattr(theirs, field), field
        assert written.getinfo("a.xml").compress_size == theirs.compress_size


def test_a_missing_base_package_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "base.docx"
    broken.write_bytes(b"not a zip")
    monkeypatch.setattr(docx_plain, "resource_path", lambda *parts: broken)
    with pytest.raises(ExportError, match="reinstall Briefer"):
        export_docx(build_document(_note(), {}, {}), tmp_path / "note.docx")
    assert not (tmp_path / "note.docx").exists()
