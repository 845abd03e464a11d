"""CSL 1.0.2 disambiguation ("Disambiguation", cs:citation's options), read back from real exports.

Two 2025 articles by one agency read "(Wire, 2025a)" and "(Wire, 2025b)" in
author-date styles, with the same suffix in the bibliography, given in
bibliography order; two different Smiths get initials or given names as the
style's ``givenname-disambiguation-rule`` says; names hidden by et-al are
added; ``disambiguate="true"`` holds only for a cite still ambiguous. The
small styles below are written here from the specification's text; the
cases follow the CSL test suite's disambiguate_YearSuffixAndSort and
disambiguate_ByCiteGivennameShortFormInitializeWith fixtures (not copied).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters import export_note
from briefer.exporters.citations_csl import forget_styles, keep_on_disk, plain_text, render
from briefer.exporters.csl_disambiguate import Rules, State, disambiguate, year_suffix
from briefer.exporters.csl_kept import kept_style
from briefer.exporters.csl_position import Citation, Cite
from briefer.exporters.csl_styles import StyleInfo, resolve_style
from briefer.exporters.document import build_document
from briefer.resources import resource_path

STYLES = resource_path("csl")
IMPORTED = dt.datetime(2025, 12, 6, 9, 0, tzinfo=dt.UTC)


def _article(id_: int, title: str, author: str = "", publisher: str = "Wire",
             published: dt.date | None = dt.date(2025, 3, 1)) -> Article:  # fmt: skip
    return Article(title=title, text="...", publisher=publisher, author=author,
                   published=published, url=f"https://example.org/{id_}",
                   imported_at=IMPORTED, id=id_)  # fmt: skip


def _note(*article_ids: int) -> tuple[Note, dict[int, Passage]]:
    passages = {
        10 * a + i: Passage(
            article_id=a, start=0, end=5, text=f"Point {a}.{i} holds.", id=10 * a + i
        )
        for i, a in enumerate(article_ids)
    }
    body = "\n\n".join(quotation_markdown(p.text, pid) for pid, p in passages.items())
    return Note(title="Grid", sections=(Section("Summary", body, level=1),)), passages


def _wire_pair() -> dict[int, Article]:
    # Cited "fall" first; APA sorts Wire's two 2025 entries by date: "climb" (February) first.
    return {
        1: _article(1, "Grid prices fall", "Wire", published=dt.date(2025, 8, 1)),
        2: _article(2, "Grid prices climb", "Wire", published=dt.date(2025, 2, 1)),
    }


def test_apa_docx_gives_year_suffixes_in_text_and_bibliography_in_bibliography_order(
    tmp_path: Path,
) -> None:
    articles = _wire_pair()
    note, passages = _note(1, 2, 1)
    target = tmp_path / "note.docx"
    export_note(note, passages, articles, target, "docx", style=resolve_style("apa", STYLES))
    word = docx.Document(str(target))
    body = [p.text for p in word.paragraphs if p.style.name != "Bibliography"]
    cites = [c for text in body for c in re.findall(r"\(Wire, 2025[a-z]?\)", text)]
    assert cites == ["(Wire, 2025b)", "(Wire, 2025a)", "(Wire, 2025b)"]
    entries = [p.text for p in word.paragraphs if p.style.name == "Bibliography"]
    assert entries[0].startswith("Wire. (2025a, February 1). Grid prices climb.")
    assert entries[1].startswith("Wire. (2025b, August 1). Grid prices fall.")


def test_markdown_export_matches_the_docx(tmp_path: Path) -> None:
    articles = _wire_pair()
    note, passages = _note(1, 2)
    target = tmp_path / "note.md"
    export_note(note, passages, articles, target, "md", style=resolve_style("apa", STYLES))
    text = target.read_text(encoding="utf-8")
    assert text.index("(Wire, 2025b)") < text.index("(Wire, 2025a)")
    assert "Wire. (2025a, February 1). Grid prices climb." in text
    assert "Wire. (2025b, August 1). Grid prices fall." in text
    assert "(Wire, 2025)" not in text


def test_unsigned_news_is_told_apart_by_the_publisher_the_style_prints() -> None:
    """Chicago author-date puts the paper where the author is missing, and names
    ``year-suffix`` itself; Harvard does not, so the suffix follows the first year."""
    articles = {
        1: _article(1, "Harbour strike ends", published=dt.date(2025, 1, 9)),
        2: _article(2, "Grain exports rise", published=dt.date(2025, 3, 4)),
        3: _article(3, "Grid prices fall", publisher="Courier", published=dt.date(2025, 3, 4)),
    }
    note, passages = _note(1, 2, 3)
    chicago = build_document(note, passages, articles, resolve_style("chicago-author-date", STYLES))
    text = "\n".join("".join(r.text for r in b.runs) for b in chicago.blocks)
    # The bibliography sorts the two by title: "Grain" before "Harbour".
    assert "(Wire 2025b)" in text and "(Wire 2025a)" in text and "(Courier 2025)" in text
    assert text.index("(Wire 2025b)") < text.index("(Wire 2025a)")
    sources = [s.text for s in chicago.sources]
    assert sources[1].startswith("Wire. 2025a. “Grain Exports Rise.”")
    assert sources[2].startswith("Wire. 2025b. “Harbour Strike Ends.”")
    harvard = build_document(note, passages, articles, resolve_style("harvard", STYLES))
    entries = [s.text for s in harvard.sources]
    assert entries[1].startswith("Wire (2025a) “Grain exports rise,”")
    assert entries[2].startswith("Wire (2025b)")
    assert "Accessed: December 6, 2025)" in entries[2]  # one suffix per entry: the first year


def test_two_smiths_get_initials_or_given_names_as_the_style_says() -> None:
    articles = {
        1: _article(1, "Steel deal", "John Smith", "Courier", dt.date(2025, 5, 1)),
        2: _article(2, "Ports brace", "Anna Smith", "Courier", dt.date(2025, 6, 1)),
        3: _article(3, "Grid", "Jane Smith", "Courier", dt.date(2024, 6, 1)),
        4: _article(4, "Other", "Zoe Young", "Courier", dt.date(2025, 6, 1)),
    }
    note, passages = _note(1, 2, 3, 4)

    def cites(name: str) -> list[str]:
        document = build_document(note, passages, articles, resolve_style(name, STYLES))
        text = " ".join("".join(r.text for r in b.runs) for b in document.blocks)
        return re.findall(r"\([^()]*\d{4}[a-z]?\)", text)

    # APA: primary-name-with-initials, over every cite (APA 7, 8.20): initials only.
    assert cites("apa") == ["(J. Smith, 2025)", "(A. Smith, 2025)", "(J. Smith, 2024)",
                            "(Young, 2025)"]  # fmt: skip
    # Chicago author-date: primary-name; John and Jane share an initial: whole given names.
    assert cites("chicago-author-date") == [
        "(John Smith 2025)", "(A. Smith 2025)", "(Jane Smith 2024)", "(Young 2025)",
    ]  # fmt: skip
    # Harvard: the default rule, by-cite: only the two cites that read alike.
    assert cites("harvard") == ["(J. Smith, 2025)", "(A. Smith, 2025)", "(Smith, 2024)",
                                "(Young, 2025)"]  # fmt: skip


def test_a_note_style_tells_short_notes_apart_only_as_it_says() -> None:
    """Chicago notes asks for no year suffix, but its short note tests
    ``disambiguate="true"``: two unsigned Wire pieces with one short title get
    the date in their short notes; first notes and the bibliography are as before."""
    articles = {
        1: _article(1, "Grid prices: the autumn review", published=dt.date(2025, 8, 1)),
        2: _article(2, "Grid prices: what comes next", published=dt.date(2025, 9, 1)),
    }
    note, passages = _note(1, 2, 1, 2)
    document = build_document(note, passages, articles, resolve_style("chicago", STYLES))
    notes = [f.text for f in document.footnotes]
    assert (
        notes[0] == "“Grid Prices: The Autumn Review,” Wire, August 1, 2025, https://example.org/1."
    )
    assert notes[2] == "Wire, “Grid Prices,” August 1, 2025."
    assert notes[3] == "Wire, “Grid Prices,” September 1, 2025."
    assert not any(re.search(r"2025[a-z]", t) for t in notes + [s.text for s in document.sources])
    alone = build_document(*_note(1, 1), {1: articles[1]}, resolve_style("chicago", STYLES))
    assert alone.footnotes[1].text == "Wire, “Grid Prices.”"  # nothing to tell apart


def test_year_suffixes_after_z_run_on_as_the_specification_says() -> None:
    assert [year_suffix(i) for i in (0, 1, 25, 26, 27, 51, 52)] == [
        "a", "b", "z", "aa", "ab", "az", "ba",
    ]  # fmt: skip


def test_the_steps_run_only_as_far_as_needed() -> None:
    """A pure run of the four steps over a made-up renderer: Doe/Doe by given name, the
    rest by year suffix in the order given (the bibliography's)."""
    people = {"a": [("Doe", "John")], "b": [("Doe", "Aloysius")], "c": [("Roe", "Jane")],
              "d": [("Roe", "Jane")]}  # fmt: skip

    def render(key: str, state: State) -> str:
        family, given = people[key][0]
        return f"{given[0] + ' ' if state.level(0) else ''}{family} 1990"

    outcome = disambiguate(["d", "c", "b", "a"], people, render,
                           Rules(add_givenname=True, add_year_suffix=True))  # fmt: skip
    assert outcome.states == {"a": State(expand=(1,)), "b": State(expand=(1,))}
    assert outcome.suffixes == {"d": "a", "c": "b"}


_BY_DATE_AND_TITLE = '<key variable="issued"/><key variable="title"/>'


def _style(tmp_path: Path, citation: str, layout: str, sort: str = "") -> StyleInfo:
    path = tmp_path / "test.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>Test</title><id>test</id><updated>2025-01-01T00:00:00+00:00</updated></info>"
        f'<citation {citation}><layout delimiter="; ">{layout}</layout></citation>'
        f"<bibliography><sort>{sort or _BY_DATE_AND_TITLE}"
        '</sort><layout><text variable="title"/></layout></bibliography></style>',
        encoding="utf-8",
    )
    return resolve_style(path, STYLES)


def _cites(style: StyleInfo, articles: dict[str, Article]) -> list[str]:
    citations = [Citation((Cite(key),), n) for n, key in enumerate(articles, 1)]
    return [plain_text(c) for c in render(style, articles, citations).citations]


def test_year_suffixes_follow_the_bibliography_sort_not_the_citing_order(tmp_path: Path) -> None:
    style = _style(tmp_path, 'disambiguate-add-year-suffix="true"',
                   '<date variable="issued"><date-part name="year"/></date>'
                   '<text variable="year-suffix" prefix="/"/>')  # fmt: skip
    titles = ["Book M", "Book L", "Book K", "Book J", "Book I"]
    articles = {t: _article(i, t, "Ann Asthma", published=dt.date(1990, 1, 1))
                for i, t in enumerate(titles)}  # fmt: skip
    articles["other"] = _article(9, "Book Z", "Ann Asthma", published=dt.date(1991, 1, 1))
    assert _cites(style, articles) == ["1990/e", "1990/d", "1990/c", "1990/b", "1990/a", "1991"]


def test_by_cite_given_names_initials_then_whole(tmp_path: Path) -> None:
    style = _style(
        tmp_path,
        'disambiguate-add-givenname="true" givenname-disambiguation-rule="by-cite"',
        '<names variable="author"><name form="short" initialize-with=""/></names>',
    )
    articles = {
        "roe": _article(1, "R", "Jane Roe"),
        "doe1": _article(2, "D1", "John Doe"),
        "doe2": _article(3, "D2", "Aloysius Doe"),
        "smith1": _article(4, "S1", "Thomas Smith"),
        "smith2": _article(5, "S2", "Ted Smith"),
    }
    assert _cites(style, articles) == ["Roe", "J Doe", "A Doe", "Thomas Smith", "Ted Smith"]


def test_names_hidden_by_et_al_are_added_until_the_cites_differ(tmp_path: Path) -> None:
    style = _style(
        tmp_path,
        'disambiguate-add-names="true" et-al-min="3" et-al-use-first="1"',
        '<names variable="author"><name form="short" delimiter=", "/></names>',
    )
    articles = {
        "one": _article(1, "A", "Alf Asthma and Bo Bronchitis and Cy Cold"),
        "two": _article(2, "B", "Alf Asthma and Bo Bronchitis and Di Dropsy"),
        "three": _article(3, "C", "Alf Asthma and Ed Ebola and Cy Cold"),
        "solo": _article(4, "D", "Fe Fever and Bo Bronchitis and Cy Cold"),
    }
    assert _cites(style, articles) == [
        "Asthma, Bronchitis, Cold", "Asthma, Bronchitis, Dropsy", "Asthma, Ebola, et al.",
        "Fever et al.",
    ]  # fmt: skip


def test_the_disambiguate_condition_holds_only_for_a_cite_still_ambiguous(tmp_path: Path) -> None:
    style = _style(
        tmp_path,
        "",
        '<names variable="author"><name form="short"/></names>'
        '<choose><if disambiguate="true"><text variable="title" prefix=", "/></if></choose>',
    )
    articles = {
        "a": _article(1, "Alpha", "Ann Adams"),
        "b": _article(2, "Beta", "Ann Adams"),
        "c": _article(3, "Gamma", "Bo Brown"),
    }
    assert _cites(style, articles) == ["Adams, Alpha", "Adams, Beta", "Brown"]


def test_a_new_process_reads_the_suffixed_renderings_without_parsing_the_style(
    tmp_path: Path,
) -> None:
    keep_on_disk(tmp_path / "cache")
    forget_styles()
    try:
        chosen = resolve_style("apa", STYLES)
        note, passages = _note(1, 2)
        fresh = build_document(note, passages, _wire_pair(), chosen)
        forget_styles()
        again = build_document(note, passages, _wire_pair(), chosen)
        assert [s.text for s in again.sources] == [s.text for s in fresh.sources]
        assert "2025a" in again.sources[0].text
        assert kept_style(chosen).csl is None  # every probe and cite was read, none rendered
    finally:
        keep_on_disk(None)
        forget_styles()


@pytest.mark.parametrize("name", ["apa", "chicago-author-date", "harvard"])
def test_one_source_alone_is_never_suffixed(name: str) -> None:
    note, passages = _note(1, 1)
    document = build_document(note, passages, {1: _wire_pair()[1]}, resolve_style(name, STYLES))
    assert not re.search(r"2025[a-z]", " ".join(s.text for s in document.sources))


def test_oscola_short_notes_name_the_first_note_and_add_the_title_only_when_needed() -> None:
    """OSCOLA's later note is the author and "(n X)", the note of the full citation
    (CSL's first-reference-note-number); its ``disambiguate="true"`` branch adds
    the short title only where two works by one author would read alike."""
    articles = {
        1: _article(1, "Grid prices fall", "Ann Lee", "Courier"),
        2: _article(2, "Grid prices climb again", "Ann Lee", "Courier"),
        3: _article(3, "Harbour strike ends", "Bo Chan", "Courier"),
    }
    note, passages = _note(1, 2, 3, 1, 3, 2)
    notes = [f.text for f in build_document(note, passages, articles,
                                            resolve_style("oscola", STYLES)).footnotes]  # fmt: skip
    assert notes[0].startswith("Ann Lee, ‘Grid Prices Fall’ Courier")
    assert notes[3:] == [
        "Lee, ‘Grid Prices Fall’ (n 1).",
        "Chan (n 3).",
        "Lee, ‘Grid Prices Climb Again’ (n 2).",
    ]
