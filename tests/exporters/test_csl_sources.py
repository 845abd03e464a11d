"""The Sources list and short notes of the new-user trial's note, read back from Word and
Markdown: every entry in the style's bibliography form, every short title a few words.

The trial cited a dated web article, a report with no date or publisher ("Policy Unit")
and a text file with a 250-character title and nothing else; the Sources list then
mixed full stops (the bibliography's) with commas (the notes'), and the long title's
short notes ran to three lines.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefer.core.model import Article, Note, Passage, Section
from briefer.core.record import replace
from briefer.exporters import export_note
from briefer.exporters.csl_styles import StyleInfo, bundled_styles, in_language
from briefer.importers.registry import import_bytes
from briefer.resources import resource_path
from tests.exporters.word_reading import bibliography_entries, footnote_texts

DATA = Path(__file__).parent.parent / "data" / "importers" / "docx"
STYLES = bundled_styles(resource_path("csl"))
LONG_TITLE = (
    "Regional Energy Security, Cross-Border Electricity Interconnectors and the Future of"
    " Gas Transit Agreements Between Neighbouring States in the Context of Accelerated"
    " Decarbonisation Targets and Shifting Geopolitical Alliances: A Comprehensive Review"
)


def _style(name: str, language: str = "en-GB") -> StyleInfo:
    return in_language(next(s for s in STYLES if s.name == name), language)


@pytest.fixture
def sources() -> tuple[dict[int, Article], dict[int, Passage]]:
    path = DATA / "ferry-report.docx"
    ferry = import_bytes(path.read_bytes(), path.name).article
    imported = dt.datetime(2025, 12, 6, 9, 0, tzinfo=dt.UTC)
    articles = {
        1: Article(
            title="India and Russia to boost strategic ties as trade pressure from US grows",
            text="...",
            publisher="Invezz",
            author="Invezz Newsroom",
            published=dt.date(2025, 12, 4),
            url="https://invezz.com/news/2025/12/04/india-and-russia",
            imported_at=imported,
            id=1,
        ),
        2: replace(ferry, id=2, imported_at=imported),
        3: Article(title=LONG_TITLE, text="...", imported_at=imported, id=3),
    }
    passages = {
        11: Passage(article_id=1, start=0, end=5, text="Ties will grow.", id=11),
        21: Passage(article_id=2, start=0, end=5, text="The council voted.", id=21),
        31: Passage(article_id=3, start=0, end=5, text="Ministers met.", id=31),
        22: Passage(article_id=2, start=9, end=20, text="Twice a day.", id=22),
        32: Passage(article_id=3, start=9, end=20, text="Grids link by 2030.", id=32),
    }
    return articles, passages


def _note() -> Note:
    body = "\n\n".join(
        f"Quoted [@p{n}]." for n in (11, 21, 31, 22, 32)
    )  # first notes, then a short note for the report and the long title
    return Note(title="Energy", sections=(Section("Summary", body, level=1),))


def _docx(path: Path) -> tuple[list[str], list[str]]:
    return footnote_texts(path), bibliography_entries(path)


def _markdown(path: Path) -> tuple[list[str], list[str]]:
    text = path.read_text(encoding="utf-8")
    lines = text.split("# Sources", 1)[1].splitlines()
    entries = [line[2:] for line in lines if line.startswith("- ")]
    notes = [line.split(": ", 1)[1] for line in lines if line.startswith("[^")]
    return notes, entries


def _export(tmp_path: Path, sources: tuple[dict[int, Article], dict[int, Passage]],
            style: StyleInfo, kind: str) -> tuple[list[str], list[str]]:  # fmt: skip
    articles, passages = sources
    target = tmp_path / ("note.docx" if kind == "docx" else "note.md")
    export_note(_note(), passages, articles, target, kind, style=style, language="en-GB")
    return _docx(target) if kind == "docx" else _markdown(target)


@pytest.mark.parametrize("kind", ["docx", "markdown"])
def test_every_sources_entry_is_punctuated_as_the_chicago_bibliography(
    tmp_path: Path, sources: tuple[dict[int, Article], dict[int, Passage]], kind: str
) -> None:
    notes, entries = _export(tmp_path, sources, _style("chicago-notes-bibliography"), kind)
    url = "https://invezz.com/news/2025/12/04/india-and-russia"
    assert entries[0] == (
        "Invezz Newsroom. ‘India and Russia to Boost Strategic Ties as Trade Pressure from US"
        f" Grows’. {'*Invezz*' if kind == 'markdown' else 'Invezz'}, 4 December 2025."
        f" {f'[{url}](<{url}>)' if kind == 'markdown' else url}."
    )
    # Full stops between the parts, as above; not the notes' commas ("Policy Unit, ‘...’, n.d.")
    assert entries[1] == "Policy Unit. ‘Harbourside Restores the Ferry Link to Lisvik’. n.d."
    assert entries[2] == f"‘{LONG_TITLE}’. n.d."
    assert notes[1] == "Policy Unit, ‘Harbourside Restores the Ferry Link to Lisvik’, n.d."


def test_the_american_bibliography_too(
    tmp_path: Path, sources: tuple[dict[int, Article], dict[int, Passage]]
) -> None:
    chicago = _style("chicago-notes-bibliography", "en-US")
    _, entries = _export(tmp_path, sources, chicago, "docx")
    assert entries[1] == "Policy Unit. “Harbourside Restores the Ferry Link to Lisvik.” n.d."


def test_mhra_lists_a_report_in_its_bibliography_form(
    tmp_path: Path, sources: tuple[dict[int, Article], dict[int, Passage]]
) -> None:
    """MHRA leaves documents out too; its bibliography ends an entry with no full stop."""
    articles, passages = sources
    articles[2] = replace(articles[2], published=dt.date(2025, 3, 12))
    notes, entries = _export(tmp_path, (articles, passages), _style("mhra-notes"), "docx")
    assert (
        notes[1] == "Policy Unit, ‘Harbourside Restores the Ferry Link to Lisvik’, 12 March 2025."
    )
    assert "Policy Unit, ‘Harbourside Restores the Ferry Link to Lisvik’, 12 March 2025" in entries


@pytest.mark.parametrize("style", STYLES, ids=[s.name for s in STYLES])
def test_every_bundled_style_lists_every_source(
    tmp_path: Path, sources: tuple[dict[int, Article], dict[int, Passage]], style: StyleInfo
) -> None:
    _, entries = _export(tmp_path, sources, in_language(style, "en-GB"), "docx")
    assert len(entries) == 3 and all(entries), entries
    assert sum("Lisvik" in e for e in entries) == sum("Regional Energy" in e for e in entries) == 1


@pytest.mark.parametrize("kind", ["docx", "markdown"])
def test_a_long_titles_short_note_is_its_first_few_words(
    tmp_path: Path, sources: tuple[dict[int, Article], dict[int, Passage]], kind: str
) -> None:
    """CMOS 13.32: a short title of "usually no more than four words" (not the 27 before
    the colon, three lines of footnote)."""
    notes, _ = _export(tmp_path, sources, _style("chicago-notes-bibliography"), kind)
    assert notes[3] == "Policy Unit, ‘Harbourside Restores the Ferry’."
    assert notes[4] == "‘Regional Energy Security’."
