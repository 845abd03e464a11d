"""Footnote and endnote marks numbered as Word prints them, section by section.

A reader checks a quotation against the original by its note number: a report that
restarts its footnotes in each chapter prints "2" where a count through the whole
document would say "14". Fixtures: raw WordprocessingML (word_markup) and
chapter-notes.docx, written by LibreOffice (see tests/data/importers/docx/README.md).
"""

from __future__ import annotations

from pathlib import Path

from briefer.core.model import Article
from briefer.importers.registry import import_path
from tests.importers.word_markup import W, import_markup

DATA = Path(__file__).parents[1] / "data" / "importers" / "docx"


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _ref(kind: str, note_id: int) -> str:
    return f'<w:r><w:{kind}Reference w:id="{note_id}"/></w:r>'


def _para(*parts: str, section: str = "") -> str:
    properties = f"<w:pPr>{section}</w:pPr>" if section else ""
    return f"<w:p>{properties}{''.join(parts)}</w:p>"


def _notes(kind: str, count: int) -> str:
    label = kind.capitalize()
    return "".join(
        f'<w:{kind} w:id="{n}"><w:p>{_run(f"{label} {n}.")}</w:p></w:{kind}>'
        for n in range(1, count + 1)
    )


def _import(tmp_path: Path, body: str, section: str, settings: str, count: int) -> Article:
    return import_markup(
        tmp_path,
        body,
        "",
        section=section,
        notes={"footnotes": _notes("footnote", count), "endnotes": _notes("endnote", count)},
        settings=settings,
    )


def _notes_listed(article: Article) -> list[str]:
    texts = [article.block_text(block) for block in article.blocks]
    return texts[texts.index("Notes") + 1 :]


def test_each_section_numbers_its_notes_in_its_own_format_and_restarts(tmp_path: Path) -> None:
    """Word's Footnote and Endnote dialog, "Apply changes to: This section": the first
    chapter letters its footnotes, the second restarts them at V, the third runs on in
    decimal; settings.xml restarts endnotes in every section."""
    first = (
        "<w:sectPr><w:footnotePr><w:numFmt w:val='lowerLetter'/></w:footnotePr>"
        # A tracked change keeps the section's old properties inside: not in force.
        "<w:sectPrChange w:id='7' w:author='Ann'><w:sectPr><w:footnotePr>"
        "<w:numFmt w:val='upperRoman'/></w:footnotePr></w:sectPr></w:sectPrChange></w:sectPr>"
    )
    second = (
        "<w:sectPr><w:footnotePr><w:numFmt w:val='upperRoman'/><w:numStart w:val='5'/>"
        "<w:numRestart w:val='eachSect'/></w:footnotePr></w:sectPr>"
    )
    cell = f"<w:tbl><w:tr><w:tc><w:p>{_run('In a cell')}{_ref('footnote', 3)}</w:p></w:tc>"
    cell += f"<w:tc><w:p>{_run('Beside it')}</w:p></w:tc></w:tr></w:tbl>"
    body = (
        _para(_run("Chapter one cites"), _ref("footnote", 1), _run(" twice"))
        + _para(_run("And again"), _ref("footnote", 2), _ref("endnote", 1), section=first)
        + cell
        + _para(_run("Chapter two"), _ref("footnote", 4), _ref("endnote", 2), section=second)
        + _para(_run("Chapter three"), _ref("footnote", 5), _ref("endnote", 3))
    )
    last = "<w:sectPr><w:footnotePr><w:numFmt w:val='decimal'/></w:footnotePr></w:sectPr>"
    settings = "<w:endnotePr><w:numRestart w:val='eachSect'/></w:endnotePr>"
    article = _import(tmp_path, body, last, settings, 5)
    texts = [article.block_text(block) for block in article.blocks]
    assert texts[:5] == [
        "Chapter one cites[a] twice",
        "And again[b][i]",
        "In a cell[V] | Beside it",
        "Chapter two[VI][i]",
        "Chapter three[7][i]",  # continuous: it runs on from the section before
    ]
    assert _notes_listed(article) == [
        "[a] Footnote 1.",
        "[b] Footnote 2.",
        "[V] Footnote 3.",
        "[VI] Footnote 4.",
        "[7] Footnote 5.",
        "[i] Endnote 1.",
        "[i] Endnote 2.",
        "[i] Endnote 3.",
    ]


def test_a_restart_on_each_page_numbers_through_the_document(tmp_path: Path) -> None:
    """Briefer lays out no pages, so it cannot know where Word restarts; numbers that run
    on keep each mark naming one note, in each section's own format."""
    first = (
        "<w:sectPr><w:footnotePr><w:numFmt w:val='lowerLetter'/>"
        "<w:numRestart w:val='eachPage'/></w:footnotePr></w:sectPr>"
    )
    body = _para(_run("Page one"), _ref("footnote", 1), _ref("footnote", 2), section=first) + _para(
        _run("Page two"), _ref("footnote", 3)
    )
    settings = "<w:footnotePr><w:numRestart w:val='eachPage'/></w:footnotePr>"
    article = _import(tmp_path, body, "<w:sectPr/>", settings, 3)
    assert [article.block_text(block) for block in article.blocks][:2] == [
        "Page one[a][b]",
        "Page two[3]",
    ]


def test_a_section_break_read_across_the_scan_s_chunks_still_counts(tmp_path: Path) -> None:
    """The sections are found by a scan of the body read a megabyte at a time: a w:sectPr
    cut by that boundary is still read whole."""
    head = f'<w:document xmlns:w="{W}"><w:body>'
    opening = _para(_run("Chapter one"), _ref("footnote", 1))
    closing = _para(_run("Last of chapter one"), section="<w:sectPr>")
    before = len(head) + len(opening) + closing.index("<w:sectPr>")
    filler = _para(_run("x" * (1024 * 1024 - before - len(_para(_run(""))) - 8)))
    section = (
        "<w:sectPr><w:footnotePr><w:numRestart w:val='eachSect'/>"
        "<w:numFmt w:val='upperLetter'/></w:footnotePr></w:sectPr>"
    )
    body = (
        opening
        + filler
        + _para(_run("Last of chapter one"), section=section)
        + _para(_run("Chapter two"), _ref("footnote", 2))
    )
    last = "<w:sectPr><w:footnotePr><w:numRestart w:val='eachSect'/></w:footnotePr></w:sectPr>"
    article = _import(tmp_path, body, last, "", 2)
    assert "Chapter two[1]" in article.text
    assert _notes_listed(article) == ["[A] Footnote 1.", "[1] Footnote 2."]


def test_libreoffice_notes_restarted_in_each_chapter_keep_the_printed_numbers() -> None:
    """LibreOffice's "Start at: Chapter" becomes w:numRestart eachSect in each section;
    its endnotes run through the document."""
    article = import_path(DATA / "chapter-notes.docx").article
    text = article.text
    assert "grew by a fifth[1] while passenger numbers fell[2]." in text
    assert "carried the most cars[3] in the summer[i]." in text
    assert "held steady[1] and the new pontoon opened in May[ii][2]." in text
    assert _notes_listed(article) == [
        "[1] Port Arvel tonnage returns, 2024.",
        "[2] Ferry operators' annual statements.",
        "[3] Counted at the Lisvik ramp in July.",
        "[1] Kessling harbour board minutes.",
        "[2] Opening notice, regional gazette.",
        "[i] Survey method described in the annex.",
        "[ii] Costs are given in the annex.",
    ]
