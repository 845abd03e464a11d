"""Full-text search: what an analyst types finds what they mean, and nothing typed can crash it."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.core.record import replace
from briefer.store import DuplicateId, Project
from briefer.store.search import parse_query, to_fts
from tests.store.conftest import sample_article

TEXTS = {
    "grain": (
        "Grain corridor reopens",
        "Ukraine resumed grain exports through the Black Sea corridor on Monday. Exporters"
        " in Odesa welcomed the news.",
    ),
    "insurance": (
        "Insurers cut premiums",
        "Shipping insurers in Zürich said premiums had fallen sharply since June, helped by"
        " the corridor.",
    ),
    "chips": (
        "Chip export controls",
        "New controls on chip exports were announced. The controls cover advanced chips.",
    ),
    "cafe": ("Café society", "A story about coffee houses and the people who run them."),
}


@pytest.fixture
def library(tmp_path: Path) -> dict[str, object]:
    project = Project.create(tmp_path / "search.briefer")
    ids = {
        key: project.add_article(sample_article(title, text=text, url=""))
        for key, (title, text) in TEXTS.items()
    }
    return {"project": project, "ids": ids}


def _found(project: Project, query: str) -> set[int]:
    return {hit.article_id for hit in project.search(query)}


def test_plain_words_are_anded_and_stemmed(library: dict[str, object]) -> None:
    project, ids = library["project"], library["ids"]
    assert isinstance(project, Project) and isinstance(ids, dict)
    assert _found(project, "corridor") == {ids["grain"], ids["insurance"]}
    assert _found(project, "corridor ukraine") == {ids["grain"]}
    assert _found(project, "export") == {ids["grain"], ids["chips"]}  # exports, exporters
    assert _found(project, "zurich") == {ids["insurance"]}  # diacritics ignored
    assert _found(project, "CAFE") == {ids["cafe"]}  # in the title only
    assert _found(project, "nothing matches this") == set()
    project.close()


def test_phrases_prefixes_or_and_not(library: dict[str, object]) -> None:
    project, ids = library["project"], library["ids"]
    assert isinstance(project, Project) and isinstance(ids, dict)
    assert _found(project, '"black sea corridor"') == {ids["grain"]}
    assert _found(project, '"sea black"') == set()
    assert _found(project, "insur*") == {ids["insurance"]}
    assert _found(project, "odesa OR zurich") == {ids["grain"], ids["insurance"]}
    assert _found(project, "corridor -ukraine") == {ids["insurance"]}
    assert _found(project, "corridor AND ukraine") == {ids["grain"]}
    assert _found(project, '"black sea') == {ids["grain"]}  # unbalanced quote: rest is a phrase
    project.close()


def test_hits_are_ranked_with_title_weighted(library: dict[str, object]) -> None:
    project, ids = library["project"], library["ids"]
    assert isinstance(project, Project) and isinstance(ids, dict)
    hits = project.search("controls")
    assert [h.article_id for h in hits] == [ids["chips"]]
    both = project.search("chip")
    assert both[0].article_id == ids["chips"]
    extra = project.add_article(sample_article("Weekly digest", text="chip " + "filler " * 40))
    ranked = project.search("chip")
    assert [h.article_id for h in ranked] == [ids["chips"], extra]
    assert ranked[0].rank > ranked[1].rank
    assert len(project.search("corridor", limit=1)) == 1
    project.close()


def test_snippet_marks_words_and_offsets_point_at_them(library: dict[str, object]) -> None:
    project, ids = library["project"], library["ids"]
    assert isinstance(project, Project) and isinstance(ids, dict)
    (hit,) = project.search("exports odesa")
    text = TEXTS["grain"][1]
    assert "«exports»" in hit.snippet and "«Odesa»" in hit.snippet
    assert [text[s:e] for s, e in hit.offsets] == ["exports", "Exporters", "Odesa"]
    long_text = "Opening words. " * 60 + "The embargo starts today. " + "Closing words. " * 60
    long_id = project.add_article(sample_article("Long read", text=long_text))
    (long_hit,) = project.search("embargo")
    assert long_hit.article_id == long_id
    assert long_hit.snippet.startswith("…") and long_hit.snippet.endswith("…")
    assert "«embargo»" in long_hit.snippet
    ((start, end),) = long_hit.offsets
    assert long_text[start:end] == "embargo"
    project.close()


def test_index_follows_deletes_and_restores(library: dict[str, object]) -> None:
    project, ids = library["project"], library["ids"]
    assert isinstance(project, Project) and isinstance(ids, dict)
    article = project.get_article(ids["chips"])
    project.delete_article(ids["chips"])
    assert _found(project, "controls") == set()
    project.add_article(article)
    assert _found(project, "controls") == {ids["chips"]}
    assert project.check_integrity() == []
    project.close()


def test_a_failed_import_leaves_no_index_entry(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.briefer") as project:
        taken = project.add_article(sample_article("First", text="alpha"))
        with pytest.raises(DuplicateId):
            project.add_article(replace(sample_article("Second", text="bravo"), id=taken))
        assert project.search("bravo") == []
        assert project.check_integrity() == []


NASTY = [
    '"',
    '""',
    "(",
    ")",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(corridor ukraine)",
    "*",
    "-",
    "--",
    "-corridor",
    "corridor OR",
    "OR corridor",
    "title:corridor",
    "{title}: x",
    "^corridor",
    "corridor + ukraine",
    "'",
    "corridor\x00",
    "🙂",
    "   ",
    "",
]


@pytest.mark.parametrize("query", NASTY)
def test_awkward_queries_never_raise(library: dict[str, object], query: str) -> None:
    project = library["project"]
    assert isinstance(project, Project)
    hits = project.search(query)
    assert isinstance(hits, list)
    project.close()


def test_operators_and_brackets_are_read_kindly(library: dict[str, object]) -> None:
    project, ids = library["project"], library["ids"]
    assert isinstance(project, Project) and isinstance(ids, dict)
    assert _found(project, "NEAR(corridor ukraine)") == {ids["grain"]}
    assert _found(project, "(odesa OR zurich) premiums") == {ids["insurance"]}
    assert _found(project, "corridor NOT ukraine") == {ids["insurance"]}
    assert _found(project, "-corridor") == set()  # nothing positive to look for
    project.close()


_QUERY_CHARS = st.text(
    alphabet=st.sampled_from(list(string.ascii_letters + string.punctuation + " é«»\t")),
    max_size=30,
)


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.one_of(_QUERY_CHARS, st.text(max_size=20)))
def test_any_typed_string_is_safe(tmp_path: Path, query: str) -> None:
    expression = to_fts(parse_query(query))
    path = tmp_path / "any.briefer"
    if not path.exists():
        Project.create(path).close()
    with Project.open(path) as project:
        if not project.list_articles():
            project.add_article(sample_article())
        project.search(query)  # must not raise
    if expression is not None:
        assert expression.count('"') % 2 == 0


def test_snippet_is_one_line_even_across_paragraphs(tmp_path: Path) -> None:
    with Project.create(tmp_path / "lines.briefer") as project:
        project.add_article(sample_article("Grain corridor reopens", url=""))
        hits = project.search("Monday insurers")
    assert len(hits) == 1
    assert "\n" not in hits[0].snippet and "«Monday»" in hits[0].snippet


def test_a_common_word_in_a_long_article_is_found_in_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FTS5's snippet() took 129 s on a 6 MB article full of the word; long articles
    are now matched in Python, linearly, with their spans capped."""
    from briefer.store import search as search_module

    monkeypatch.setattr(search_module, "LONG_TEXT_CHARS", 10_000)
    monkeypatch.setattr(search_module, "MAX_SPANS", 50)
    text = "Harbour workers met the port board on Friday. " * 2_000  # 94,000 characters
    with Project.create(tmp_path / "long.briefer") as project:
        article_id = project.add_article(sample_article("Long", text=text, blocks=()))
        short_id = project.add_article(
            sample_article("Short", text="The harbour board met.", blocks=(), url="")
        )
        hits = {hit.article_id: hit for hit in project.search("harbour")}
    long_hit = hits[article_id]
    assert len(long_hit.offsets) == 50
    assert all(text[a:b].lower() == "harbour" for a, b in long_hit.offsets)
    assert "«Harbour»" in long_hit.snippet
    assert hits[short_id].offsets and "«harbour»" in hits[short_id].snippet.lower()
