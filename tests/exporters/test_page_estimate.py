"""The page estimate against LibreOffice's renders of the same DOCX, and its parts.

The calibration notes and their rendered page counts live in
tests/data/exporters/pages (notes.py makes the notes, render.py re-renders them);
the main test needs no LibreOffice. One test re-renders a note live where
LibreOffice and the metric-compatible fonts are installed (always on CI).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from briefer.core.model import Article, Note, Passage, Section
from briefer.core.record import replace
from briefer.exporters.document import ExportDocument, build_document
from briefer.exporters.docx import export_docx
from briefer.exporters.page_estimate import PageEstimate, estimate_pages, family
from briefer.exporters.page_profile import PageProfile
from briefer.session.pages import page_profile

DATA = Path(__file__).resolve().parents[1] / "data" / "exporters" / "pages"
RE_RENDER = "re-render the counts: python tests/data/exporters/pages/render.py"


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("page_calibration_notes", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


NOTES = _load(DATA / "notes.py")
EXPECTED: dict[str, list[dict[str, object]]] = json.loads(
    (DATA / "expected.json").read_text("utf-8")
)


def tolerance(pages: int) -> float:
    """What the brief asks of the estimate: within 15 %, or one page."""
    return max(0.15 * pages, 1.0)


def _estimate(name: str, folder: Path) -> tuple[PageEstimate, PageProfile, ExportDocument]:
    case = NOTES.CASES[name]()
    reference = case.reference(folder) if case.reference else None
    profile = page_profile(reference)
    document = build_document(case.note, case.passages, case.articles)
    return estimate_pages(document, profile), profile, document


def test_every_calibration_note_has_a_rendered_count() -> None:
    assert set(NOTES.CASES) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_estimate_is_within_15_percent_or_a_page_of_libreoffice(name: str, tmp_path: Path) -> None:
    estimate, profile, document = _estimate(name, tmp_path)
    # A count describes one note's text on one page setup of the writer.
    matching = [
        e
        for e in EXPECTED[name]
        if e["setup"] == NOTES.setup(profile) and e["digest"] == NOTES.digest(document)
    ]
    assert matching, f"{name}: no LibreOffice count for this writer's page or note; {RE_RENDER}"
    rendered = matching[0]["pages"]
    assert isinstance(rendered, int)
    assert abs(estimate.pages - rendered) <= tolerance(rendered), (estimate, rendered)
    assert abs(estimate.length - rendered) <= tolerance(rendered), (estimate, rendered)


def test_the_old_words_over_500_figure_misses_most_renders() -> None:
    """The check above has teeth: the figure it replaces fails it for most notes."""
    renders = [(int(str(e["words"])), int(str(e["pages"]))) for es in EXPECTED.values() for e in es]
    misses = [(w, p) for w, p in renders if abs(w / 500 - p) > tolerance(p)]
    assert len(misses) > len(renders) / 2, misses


def test_profile_reads_the_page_and_styles_of_the_document_exported() -> None:
    default = page_profile(None)
    # Letter (python-docx's template) or A4 (the writer's own default once it sets one)
    page = (round(default.page_width, 1), round(default.page_height, 1))
    assert page in {(612.0, 792.0), (595.3, 841.9)}
    assert default.format("heading1").keep_next and default.format("heading1").bold
    assert default.format("quote").italic and default.format("quote").left > 0
    assert default.format("bullet2").left > default.format("bullet1").left > 0
    assert default.footnote.size < default.format("paragraph").size


def test_profile_follows_a_reference_documents_page_and_font(tmp_path: Path) -> None:
    a4 = page_profile(NOTES._a4_reference(tmp_path))
    assert round(a4.page_width, 1) == 595.3 and round(a4.page_height, 1) == 841.9
    assert round(a4.left, 1) == 56.7 and round(a4.text_width, 1) == 481.9
    times = page_profile(NOTES._times_reference(tmp_path)).format("paragraph")
    assert (times.font, times.size, times.after, times.line) == ("Times New Roman", 12, 6, 1)
    assert family(times.font) == "liberation-serif"


def _note(body: str, paragraphs: int = 1) -> Note:
    sections = tuple(Section(f"Part {i}", body, position=i) for i in range(paragraphs))
    return Note("A note", sections=sections)


def _pages(note: Note, profile: PageProfile, cited: int = 0) -> float:
    title = "A long article title that fills a footnote line"
    url = "https://example.org/" + "x" * 40
    articles = {1: Article(title, "...", publisher="The Courier", url=url, id=1)}
    passages = {i: Passage(1, 0, 1, "x", id=i) for i in range(1, cited + 1)}
    return estimate_pages(build_document(note, passages, articles), profile).length


def test_more_text_narrower_pages_and_wider_letters_take_more_pages() -> None:
    profile = page_profile(None)
    text = "The minister said the talks would resume next week. " * 12
    one, three = _pages(_note(text, 2), profile), _pages(_note(text, 12), profile)
    assert 0 < one < 1 < 2 < three and three > 2.5 * one
    narrow = replace(profile, left=180.0, right=180.0)
    assert _pages(_note(text, 12), narrow) > three * 1.3  # headings do not grow
    assert _pages(_note("mmmmmm " * 700), profile) > 1.5 * _pages(_note("iiiiii " * 700), profile)


def test_footnotes_take_room_at_the_foot_of_the_page() -> None:
    profile = page_profile(None)
    plain = "The talks resume next week, officials said, and the quotas stay."
    cited = "\n\n".join(f"{plain} [@p{i}]" for i in range(1, 41))
    uncited = "\n\n".join(plain for _ in range(40))
    assert _pages(_note(cited), profile, cited=40) > _pages(_note(uncited), profile) + 1


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is not installed; CI must install LibreOffice and poppler-utils")
    pytest.skip(f"{name} is not installed")


def _metric_fonts() -> None:
    """LibreOffice lays Cambria text out in Caladea only where that font is installed."""
    found = subprocess.run(["fc-match", "Cambria"], capture_output=True, text=True).stdout
    if "Caladea" not in found:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must install fonts-crosextra-caladea and fonts-crosextra-carlito")
        pytest.skip("the metric-compatible fonts (Caladea, Carlito) are not installed")


def _rendered_pages(document: ExportDocument, tmp_path: Path) -> int:
    """The pages LibreOffice lays ``document``'s Word export out on."""
    soffice, pdfinfo = _tool("soffice"), _tool("pdfinfo")
    _tool("fc-match")
    _metric_fonts()
    source = tmp_path / "brief.docx"
    export_docx(document, source)
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    info = subprocess.run([pdfinfo, str(tmp_path / "brief.pdf")], capture_output=True, text=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    assert match, info.stderr
    return int(match.group(1))


def test_live_libreoffice_render_agrees_with_the_estimate(tmp_path: Path) -> None:
    case = NOTES.CASES["one-page-brief"]()
    document = build_document(case.note, case.passages, case.articles)
    rendered = _rendered_pages(document, tmp_path)
    estimate = estimate_pages(document, page_profile(None))
    assert abs(estimate.pages - rendered) <= tolerance(rendered), (estimate, rendered)


def test_a_tables_columns_are_laid_out_as_the_word_file_sizes_them(tmp_path: Path) -> None:
    """A key-figures table: short Figure and Source columns beside long sentences. The
    Word file gives the sentences most of the width (table_layout.fit_columns); laid out
    in equal thirds, the estimate said 8 pages where LibreOffice renders 4."""
    sentence = (
        "Officials said grain exports through the southern ports rose by {n} per cent in the"
        " quarter, the largest rise since the corridor reopened after the winter storms."
    )
    rows = "\n".join(f"| {n}% | {n % 9 + 1} | {sentence.format(n=n)} |" for n in range(10, 70))
    body = "| Figure | Source | Sentence |\n| --- | --- | --- |\n" + rows
    note = Note(title="Figures", sections=(Section("Key figures", body),))
    document = build_document(note, {}, {})
    rendered = _rendered_pages(document, tmp_path)
    estimate = estimate_pages(document, page_profile(None))
    assert rendered >= 3 and abs(estimate.pages - rendered) <= tolerance(rendered), (
        estimate,
        rendered,
    )
