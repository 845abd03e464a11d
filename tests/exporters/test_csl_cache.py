"""What a style rendered is kept for the next export in the process, and never goes stale.

The window exports (and estimates pages) many times with one style: the parsed
style and its renderings are kept, keyed by the sources' data, so an edited
article or an edited .csl file shows at the next export, and a kept rendering
is the very one a fresh process would make.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.core.record import replace
from briefer.exporters import csl_kept
from briefer.exporters.citations_csl import forget_styles, keep_on_disk, warm
from briefer.exporters.csl_kept import kept_style
from briefer.exporters.csl_styles import bundled_styles, resolve_style
from briefer.exporters.document import ExportDocument, build_document
from briefer.resources import resource_path
from briefer.session.export import ExportJob, run_export
from tests.exporters.test_csl import USER_STYLE

STYLES = resource_path("csl")


def _articles() -> dict[int, Article]:
    imported = dt.datetime(2025, 12, 6, 9, 0, tzinfo=dt.UTC)
    return {
        1: Article(title="Steel deal signed after night of talks", text="...",
                   publisher="The Courier", author="Zoe Young", published=dt.date(2025, 12, 4),
                   url="https://example.org/steel", imported_at=imported, id=1),
        2: Article(title="Ports brace for a hard winter", text="...", publisher="Harbour Weekly",
                   author="Ann Adams", published=dt.date(2025, 11, 20),
                   url="https://example.org/ports", imported_at=imported, id=2),
        3: Article(title="Minutes of the port board", text="...", author="Port Board",
                   imported_at=imported, id=3),  # no publisher, no URL: another type
    }  # fmt: skip


PASSAGES = {
    11: Passage(article_id=1, start=0, end=5, text="Tariffs fall to zero.", id=11),
    21: Passage(article_id=2, start=0, end=5, text="Queues will grow.", id=21),
    31: Passage(article_id=3, start=0, end=5, text="The board met.", id=31),
    12: Passage(article_id=1, start=9, end=20, text="Quotas stay.", id=12),
}
NOTE = Note(
    title="Steel and ports",
    sections=(
        Section(
            "Summary",
            "\n\n".join([
                quotation_markdown("Tariffs fall to zero.", 11),
                quotation_markdown("Queues will grow.", 21),
                "Both [@p31][@p12].",
                "Quotas stay [@p12].",
                "The board met [@p31].",
            ]),
            level=1,
        ),
    ),
)  # fmt: skip


def _texts(document: ExportDocument) -> tuple[list[str], list[str], list[str]]:
    blocks = ["".join(r.text for r in b.runs) for b in document.blocks]
    return [f.text for f in document.footnotes], [s.text for s in document.sources], blocks


@pytest.mark.parametrize("name", [s.name for s in bundled_styles(STYLES)])
def test_a_kept_rendering_is_what_a_fresh_process_makes(name: str) -> None:
    chosen = resolve_style(name, STYLES)
    forget_styles()
    fresh = _texts(build_document(NOTE, PASSAGES, _articles(), chosen))
    again = _texts(build_document(NOTE, PASSAGES, _articles(), chosen))
    assert again == fresh
    assert fresh[1] and (fresh[0] or any("(" in b for b in fresh[2]))


@pytest.mark.parametrize("name", [s.name for s in bundled_styles(STYLES)])
def test_after_the_warm_up_an_export_is_what_a_fresh_process_makes(name: str) -> None:
    """The warm-up's made-up sources share shapes with these: nothing of theirs may show."""
    chosen = resolve_style(name, STYLES)
    forget_styles()
    fresh = _texts(build_document(NOTE, PASSAGES, _articles(), chosen))
    forget_styles()
    warm(chosen)
    assert kept_style(chosen).citations  # it rendered, and kept what it rendered
    warmed = _texts(build_document(NOTE, PASSAGES, _articles(), chosen))
    assert warmed == fresh


def test_an_edited_article_shows_at_the_next_export() -> None:
    chosen = resolve_style("chicago", STYLES)
    before = build_document(NOTE, PASSAGES, _articles(), chosen)
    edited = _articles()
    edited[1] = replace(edited[1], publisher="The Evening Courier", author="Zoe Old")
    after = build_document(NOTE, PASSAGES, edited, chosen)
    assert "The Courier" in before.footnotes[0].text
    assert after.footnotes[0].text.startswith("Zoe Old,")
    assert "The Evening Courier" in after.footnotes[0].text
    assert any("Evening Courier" in s.text for s in after.sources)
    assert after.footnotes[1].text == before.footnotes[1].text  # Adams is unchanged


def test_an_edited_csl_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "house.csl"
    path.write_text(USER_STYLE, encoding="utf-8")
    first = build_document(NOTE, PASSAGES, _articles(), resolve_style(str(path), STYLES))
    path.write_text(USER_STYLE.replace(" / ", " | "), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = build_document(NOTE, PASSAGES, _articles(), resolve_style(str(path), STYLES))
    assert " / " in first.footnotes[0].text
    assert second.footnotes[0].text == first.footnotes[0].text.replace(" / ", " | ")


def test_two_threads_exporting_with_one_style_get_the_same_notes() -> None:
    chosen = resolve_style("chicago", STYLES)
    forget_styles()
    expected = _texts(build_document(NOTE, PASSAGES, _articles(), chosen))
    forget_styles()
    results: list[object] = []

    def export() -> None:
        for _ in range(3):
            results.append(_texts(build_document(NOTE, PASSAGES, _articles(), chosen)))

    threads = [threading.Thread(target=export) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 9


@pytest.fixture
def on_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "kept"
    keep_on_disk(folder)
    forget_styles()
    yield folder
    keep_on_disk(None)
    forget_styles()


def test_a_new_process_reads_what_the_last_one_rendered_without_parsing_the_style(
    on_disk: Path,
) -> None:
    chosen = resolve_style("chicago", STYLES)
    fresh = _texts(build_document(NOTE, PASSAGES, _articles(), chosen))
    assert len(list(on_disk.glob("csl-*.json"))) == 1
    forget_styles()  # as a new process starts
    again = _texts(build_document(NOTE, PASSAGES, _articles(), chosen))
    assert again == fresh
    assert kept_style(chosen).csl is None  # every rendering was read, none made
    edited = _articles()
    edited[2] = replace(edited[2], title="Ports brace for a long winter")
    changed = _texts(build_document(NOTE, PASSAGES, edited, chosen))
    assert "Long Winter" in changed[0][1] and changed[0][0] == fresh[0][0]


def test_a_damaged_kept_file_is_ignored(on_disk: Path) -> None:
    chosen = resolve_style("apa", STYLES)
    fresh = _texts(build_document(NOTE, PASSAGES, _articles(), chosen))
    for path in on_disk.glob("csl-*.json"):
        path.write_text('{"options": {"near_note_distance": "x"}, "citations": [1]}', "utf-8")
    forget_styles()
    assert _texts(build_document(NOTE, PASSAGES, _articles(), chosen)) == fresh
    forget_styles()  # the damaged file was replaced by a good one
    assert _texts(build_document(NOTE, PASSAGES, _articles(), chosen)) == fresh
    assert kept_style(chosen).csl is None


def test_nothing_of_a_note_leaves_the_project_unless_the_setting_says_so(
    briefer_home: Path,
) -> None:
    forget_styles()
    cache = briefer_home / "cache" / "citations"
    try:
        job = ExportJob(NOTE, PASSAGES, _articles())
        run_export(job, briefer_home / "note.md", "markdown")
        assert not list(cache.glob("csl-*.json"))  # sources' titles stay in the project
        forget_styles()
        run_export(job, briefer_home / "again.md", "markdown", keep_on_disk_too=True)
        assert list(cache.glob("csl-*.json"))
    finally:
        keep_on_disk(None)
        forget_styles()


def test_the_cache_folder_keeps_only_the_latest_styles(
    on_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csl_kept, "MAX_FILES", 2)
    for name in ("chicago", "apa", "mhra"):
        build_document(NOTE, PASSAGES, _articles(), resolve_style(name, STYLES))
    kept = sorted(on_disk.glob("csl-*.json"))
    assert len(kept) == 2
    assert kept_style(resolve_style("mhra", STYLES)).digest in " ".join(p.name for p in kept)
