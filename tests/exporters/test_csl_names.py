"""Who wrote a source, as every bundled style prints it: a body's name whole, a person's split.

A report by "Policy Unit" cut to "Unit" in its short notes reads as an error to the
head of that unit; a person filed under their given name sorts the Sources wrongly.
The exports are read back as a reader sees them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from briefer.core.model import Article, Note, Passage, Section
from briefer.core.record import replace
from briefer.exporters import export_note
from briefer.exporters.csl_names import parse_names
from briefer.exporters.csl_styles import StyleInfo, bundled_styles
from briefer.importers.registry import import_bytes
from briefer.resources import resource_path
from tests.exporters.word_reading import bibliography_entries, footnote_texts

DATA = Path(__file__).parent.parent / "data" / "importers" / "docx"
STYLES = bundled_styles(resource_path("csl"))


@pytest.mark.parametrize(
    "byline",
    [
        "Policy Unit",
        "Reuters Staff",
        "Ministry of Defence",
        "Foreign Affairs Committee",
        "IEA",
        "Bloomberg News",
        "The Economist Intelligence Unit",
        "AP",
        "BBC Monitoring",
        "Chatham House",
        "Crisis Group",
        "Energy Policy Research",
        "Le Monde",
        "Banque de France",
        "Al Jazeera",
        "FT Reporters",
        "Strategic Studies Programme",
        "S&P Global",
        "Fox Business",
        "Министерство обороны",
        "Ernst & Young",
        "Food and Agriculture Organization",
        "Department for Environment, Food and Rural Affairs",
        "Médecins Sans Frontières",
        "JANE SMITH",  # all capitals: "JANE" could be initials; kept whole, nothing lost
    ],
)
def test_a_body_named_as_author_stays_whole(byline: str) -> None:
    assert parse_names(byline) == [{"literal": byline}]


@pytest.mark.parametrize(
    ("byline", "family", "given"),
    [
        ("Jane Smith", "Smith", "Jane"),
        ("Smith, Jane", "Smith", "Jane"),
        ("Jean-Luc Picard", "Picard", "Jean-Luc"),
        ("Ursula von der Leyen", "von der Leyen", "Ursula"),
        ("Charles de Gaulle", "de Gaulle", "Charles"),
        ("Marine Le Pen", "Le Pen", "Marine"),
        ("Mary Anne O'Neill", "O'Neill", "Mary Anne"),
        ("Jean DUPONT", "DUPONT", "Jean"),
        ("Élodie Durand", "Durand", "Élodie"),  # a capital of any script opens a name
        ("Łukasz Nowak", "Nowak", "Łukasz"),
        ("Ирина Соколова", "Соколова", "Ирина"),
    ],
)
def test_a_persons_name_splits_into_family_and_given(byline: str, family: str, given: str) -> None:
    assert parse_names(byline) == [{"family": family, "given": given}]


def test_a_person_and_their_unit_is_the_person() -> None:
    assert parse_names("Jane Smith, Policy Unit") == [{"family": "Smith", "given": "Jane"}]
    assert parse_names("Jane Smith & Ali Khan") == [
        {"family": "Smith", "given": "Jane"},
        {"family": "Khan", "given": "Ali"},
    ]


def test_a_suffix_is_not_the_family_name() -> None:
    for byline in ("Martin Luther King Jr.", "Martin Luther King, Jr."):
        assert parse_names(byline) == [
            {"family": "King", "given": "Martin Luther", "suffix": "Jr."}
        ], byline


@pytest.mark.parametrize("joined", ["Jane Smith and Ali Khan", "Jane Smith & Ali Khan"])
def test_and_between_two_people_makes_two_authors(joined: str) -> None:
    assert parse_names(joined) == [
        {"family": "Smith", "given": "Jane"},
        {"family": "Khan", "given": "Ali"},
    ]


@pytest.fixture
def sources() -> tuple[dict[int, Article], dict[int, Passage]]:
    """The ferry report the new-user trial imported ("Policy Unit", no date, no publisher)
    and a signed newspaper article."""
    path = DATA / "ferry-report.docx"
    ferry = import_bytes(path.read_bytes(), path.name).article
    assert ferry.author == "Policy Unit"
    articles = {
        1: replace(ferry, id=1),
        2: Article(
            title="Ports brace for a hard winter",
            text="...",
            publisher="Harbour Weekly",
            author="Jane Smith",
            published=dt.date(2025, 11, 20),
            url="https://example.org/ports",
            id=2,
        ),
    }
    passages = {
        11: Passage(article_id=1, start=0, end=5, text="The council voted.", id=11),
        21: Passage(article_id=2, start=0, end=5, text="Queues will grow.", id=21),
        12: Passage(article_id=1, start=9, end=20, text="Twice a day.", id=12),
    }
    return articles, passages


def _note() -> Note:
    body = "The council voted [@p11].\n\nQueues will grow [@p21].\n\nTwice a day [@p12]."
    return Note(title="Ferries", sections=(Section("Summary", body, level=1),))


def _read_back(path: Path, style: StyleInfo) -> tuple[list[str], list[str]]:
    """The three citations (footnotes, or the paragraphs' in-text cites) and the Sources."""
    word = docx.Document(str(path))
    listed = [p.style is not None and p.style.name == "Bibliography" for p in word.paragraphs]
    entries = bibliography_entries(path)
    if style.note_style:
        return footnote_texts(path), entries
    body = [
        p.text
        for p, entry in zip(word.paragraphs, listed, strict=True)
        if not entry and "(" in p.text
    ]
    return body, entries


@pytest.mark.parametrize("style", STYLES, ids=[s.name for s in STYLES])
def test_every_bundled_style_names_the_body_whole_and_the_person_by_family_name(
    tmp_path: Path, style: StyleInfo, sources: tuple[dict[int, Article], dict[int, Passage]]
) -> None:
    articles, passages = sources
    target = tmp_path / "note.docx"
    export_note(_note(), passages, articles, target, "docx", style=style)
    cites, entries = _read_back(target, style)
    assert len(cites) == 3, cites
    ferry_first, ports, ferry_again = cites
    for cite in (ferry_first, ferry_again):  # the short note too: never "Unit"
        assert "Policy Unit" in cite, cite
    assert "Unit, P" not in " ".join(cites)
    assert "Smith" in ports
    ferry_entry = next(e for e in entries if "Lisvik" in e)
    ports_entry = next(e for e in entries if "Ports" in e or "ports" in e)
    assert ferry_entry.startswith("Policy Unit"), ferry_entry
    assert ports_entry.startswith("Smith"), ports_entry  # filed under her family name


def test_the_short_note_in_markdown_names_the_unit(
    tmp_path: Path, sources: tuple[dict[int, Article], dict[int, Passage]]
) -> None:
    articles, passages = sources
    target = tmp_path / "note.md"
    chicago = next(s for s in STYLES if s.name == "chicago-notes-bibliography")
    export_note(_note(), passages, articles, target, "markdown", style=chicago)
    text = target.read_text(encoding="utf-8")
    footnotes = [line for line in text.splitlines() if line.startswith("[^")]
    assert footnotes[2] == "[^3]: Policy Unit, “Harbourside Restores the Ferry.”"
