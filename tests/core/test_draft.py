"""Drafting a note from themes: order, no repeats, gaps shown, and every quotation exact."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.core.citations import find_citations
from briefer.core.draft import draft_note
from briefer.core.integrity import ProblemKind, check_note
from briefer.core.model import Article, Passage, Theme
from briefer.core.record import replace
from briefer.core.templates import Template, TemplateSection

TEMPLATE = Template(
    "Briefing note",
    sections=(
        TemplateSection("Summary", body="Say what matters."),
        TemplateSection("Key developments", per_theme=True),
        TemplateSection("Energy watch", themes=("energy",)),
    ),
    marking="OFFICIAL",
)
TRADE = Theme("Trade", "#1F77B4", id=1)
ENERGY = Theme("Energy", "#FF7F0E", id=2)
DEFENCE = Theme("Defence", "#2CA02C", id=3)


def passage(pid: int, article: int, start: int, text: str, *themes: int) -> Passage:
    return Passage(article, start, start + len(text), text, theme_ids=themes, id=pid)


PASSAGES = [
    passage(1, 10, 50, "Exports rose 40%.", 1),
    passage(2, 20, 0, "Gas terminal approved.", 1, 2),
    passage(3, 10, 5, "Tariffs cut on grain.", 1),
    passage(4, 30, 0, "Undated report on trade.", 1),
]
PUBLISHED = {10: dt.date(2026, 3, 1), 20: dt.date(2025, 12, 4), 30: None}


def sections_of(themes: list[Theme]) -> dict[str, str]:
    note = draft_note(
        TEMPLATE, title=" Harbour ", themes=themes, passages=PASSAGES, published=PUBLISHED
    )
    return {s.heading: s.body for s in note.sections}


def test_each_theme_gets_a_sub_section_in_date_order_without_repeats() -> None:
    note = draft_note(
        TEMPLATE, title=" Harbour ", themes=[TRADE, ENERGY], passages=PASSAGES + PASSAGES,
        published=PUBLISHED, author="A. Analyst", date=dt.date(2026, 11, 24),
    )  # fmt: skip
    assert note.title == "Harbour" and note.marking == "OFFICIAL" and note.template == TEMPLATE.name
    assert [(s.heading, s.level, s.position) for s in note.sections] == [
        ("Summary", 1, 0), ("Key developments", 1, 1), ("Trade", 2, 2), ("Energy", 2, 3),
        ("Energy watch", 1, 4),
    ]  # fmt: skip
    bodies = {s.heading: s.body for s in note.sections}
    # oldest source first (20 is 2025, 10 is 2026: start 5 before start 50), undated last
    assert find_citations(bodies["Trade"]) == [2, 3, 1, 4]
    assert bodies["Trade"].count("[@p2]") == 1
    # Passage 2 is tagged Trade and Energy: quoted once, under Trade, which comes first.
    assert bodies["Energy"] == bodies["Energy watch"] == ""
    # The template's guidance is a placeholder beside the body, never part of it.
    assert bodies["Summary"] == ""
    assert note.sections[0].guidance == "Say what matters."
    assert all("Say what matters" not in body for body in bodies.values())


def test_a_passage_with_two_themes_is_quoted_once_under_the_first_theme_in_note_order() -> None:
    nuclear = Theme("Nuclear energy", "#C2185B", parent_id=ENERGY.id, id=4)
    both = passage(5, 10, 90, "The reactor deal was signed.", 2, 4)
    only_nuclear = passage(6, 20, 40, "Fuel arrives in May.", 4)
    gas = PASSAGES[1]  # Trade and Energy
    note = draft_note(TEMPLATE, title="T", themes=[ENERGY, nuclear, TRADE],
                      passages=[*PASSAGES, both, only_nuclear], published=PUBLISHED)  # fmt: skip
    bodies = {s.heading: s.body for s in note.sections}
    cited = [pid for s in note.sections for pid in find_citations(s.body)]
    assert sorted(cited) == [1, 2, 3, 4, 5, 6], "each passage once in the whole note"
    assert find_citations(bodies["Energy"]) == [gas.id, 5]  # Energy comes first here
    assert find_citations(bodies["Nuclear energy"]) == [6]  # the sub-theme keeps the rest
    assert find_citations(bodies["Trade"]) == [3, 1, 4]
    # The template's own Energy section comes after them all: everything is quoted above,
    # and its guidance says where, instead of an empty heading or "nothing tagged".
    watch = next(s for s in note.sections if s.heading == "Energy watch")
    assert watch.body == ""
    assert watch.guidance == (
        "The passages tagged Energy are already quoted under Energy (a note quotes each "
        "passage once): write this section yourself, or remove it."
    )
    # In the other order the shared passage goes under Trade, and Energy says so.
    note = draft_note(TEMPLATE, title="T", themes=[TRADE, ENERGY], passages=PASSAGES,
                      published=PUBLISHED)  # fmt: skip
    energy = next(s for s in note.sections if s.heading == "Energy")
    assert energy.body == "" and "tagged Energy are already quoted under Trade" in energy.guidance
    assert "No passages are tagged" not in energy.guidance


def test_a_section_drawing_themes_directly_claims_its_passages_before_later_sections() -> None:
    template = Template("Energy first", sections=(
        TemplateSection("Energy watch", themes=("Energy",)),
        TemplateSection("By theme", per_theme=True),
    ))  # fmt: skip
    note = draft_note(template, title="T", themes=[TRADE, ENERGY], passages=PASSAGES,
                      published=PUBLISHED)  # fmt: skip
    bodies = {s.heading: s.body for s in note.sections}
    assert find_citations(bodies["Energy watch"]) == [2]
    assert find_citations(bodies["Trade"]) == [3, 1, 4]
    assert bodies["Energy"] == ""


def test_a_passage_left_out_by_a_cap_is_quoted_under_its_next_theme() -> None:
    capped = Template(
        "One page", sections=(TemplateSection("Key points", per_theme=True, max_passages=2),)
    )
    note = draft_note(capped, title="T", themes=[TRADE, ENERGY], passages=PASSAGES,
                      published=PUBLISHED)  # fmt: skip
    bodies = {s.heading: s.body for s in note.sections}
    assert find_citations(bodies["Trade"]) == [2, 3]
    assert bodies["Energy"] == ""  # its one passage is already under Trade
    late = passage(7, 30, 99, "Gas prices fell.", 1, 2)  # undated: Trade's cap leaves it out
    note = draft_note(capped, title="T", themes=[TRADE, ENERGY], passages=[*PASSAGES, late],
                      published=PUBLISHED)  # fmt: skip
    bodies = {s.heading: s.body for s in note.sections}
    assert find_citations(bodies["Trade"]) == [2, 3]
    assert find_citations(bodies["Energy"]) == [7]


def test_a_theme_without_passages_says_so_in_guidance_that_is_never_exported() -> None:
    note = draft_note(TEMPLATE, title="T", themes=[TRADE, DEFENCE], passages=PASSAGES,
                      published=PUBLISHED)  # fmt: skip
    defence = next(s for s in note.sections if s.heading == "Defence")
    assert defence.body == "" and "No passages are tagged Defence yet" in defence.guidance
    problems = check_note(note, {}, {})
    assert any(p.kind is ProblemKind.GUIDANCE_ONLY and p.section == "Defence" for p in problems)
    assert sections_of([TRADE, DEFENCE])["Energy watch"] == ""  # Energy was not chosen


def test_max_passages_caps_each_sub_section() -> None:
    capped = Template(
        "One page", sections=(TemplateSection("Key points", per_theme=True, max_passages=2),)
    )
    note = draft_note(capped, title="T", themes=[TRADE], passages=PASSAGES, published=PUBLISHED)
    assert find_citations(note.sections[1].body) == [2, 3]


PIECES = [*'ab *_#<>[]`\\|-1.&"\n', "&amp;", "1. ", "- ", "> ", "word "]
markdown_text = (
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=25)
    .map("".join)
    .filter(lambda t: bool(t.split()))
)


@settings(max_examples=150, deadline=None)
@given(st.lists(markdown_text, min_size=1, max_size=6))
def test_any_drafted_note_passes_the_integrity_check(texts: list[str]) -> None:
    article_text = "\n\n".join(texts)
    passages, start = [], 0
    for number, text in enumerate(texts, start=1):
        passages.append(passage(number, 1, start, text, 1))
        start += len(text) + 2
    article = Article("Source", article_text, publisher="Wire", published=dt.date(2026, 1, 1), id=1)
    note = draft_note(TEMPLATE, title="T", themes=[TRADE], passages=passages, published={1: None})
    problems = check_note(note, {p.id: p for p in passages if p.id}, {1: article})
    assert [p for p in problems if p.blocking] == []


def test_short_quotations_run_in_and_long_ones_stand_apart() -> None:
    long_text = " ".join(["Exports through the port rose again this week."] * 6)  # 48 words
    passages = [passage(1, 10, 0, "Exports rose 40%.", 1), passage(5, 10, 99, long_text, 1)]
    template = Template("T", sections=(TemplateSection("Trade", themes=("trade",)),))
    note = draft_note(template, title="T", themes=[TRADE], passages=passages, published=PUBLISHED)
    short, long = note.sections[0].body.split("\n\n", 1)
    assert short == '"Exports rose 40%."[@p1]'  # run in: a paragraph of its own
    assert long.startswith('> "Exports through the port')  # a block quotation
    always = replace(template, block_quotation_words=0)
    body = (
        draft_note(always, title="T", themes=[TRADE], passages=passages, published=PUBLISHED)
        .sections[0]
        .body
    )
    assert body.startswith('> "Exports rose 40%."[@p1]')


def test_sub_themes_are_drafted_under_their_parent_one_level_down() -> None:
    tariffs = Theme("Tariffs", "#9467BD", parent_id=TRADE.id, id=4)
    shipping = Theme("Shipping", "#8C564B", parent_id=TRADE.id, id=5)
    tagged = [*PASSAGES, passage(6, 10, 90, "Duties on steel doubled.", 4)]
    note = draft_note(
        TEMPLATE, title="Harbour", themes=[tariffs, ENERGY, TRADE, shipping],
        passages=tagged, published=PUBLISHED,
    )  # fmt: skip
    assert [(s.heading, s.level) for s in note.sections] == [
        ("Summary", 1), ("Key developments", 1), ("Energy", 2), ("Trade", 2),
        ("Tariffs", 3), ("Shipping", 3), ("Energy watch", 1),
    ]  # fmt: skip
    assert "Duties on steel doubled." in next(
        s.body for s in note.sections if s.heading == "Tariffs"
    )
    # chosen without its parent, a sub-theme stands on its own
    alone = draft_note(TEMPLATE, title="H", themes=[tariffs], passages=tagged, published=PUBLISHED)
    assert ("Tariffs", 2) in [(s.heading, s.level) for s in alone.sections]


def test_a_parent_loop_from_a_merged_file_still_drafts_every_theme_once() -> None:
    first = Theme("First", "#1F77B4", parent_id=8, id=7)
    second = Theme("Second", "#FF7F0E", parent_id=7, id=8)
    note = draft_note(
        TEMPLATE, title="H", themes=[first, second], passages=PASSAGES, published=PUBLISHED
    )
    assert [(s.heading, s.level) for s in note.sections][2:4] == [("First", 2), ("Second", 3)]


def test_a_passage_inside_a_longer_one_of_its_theme_is_not_quoted_twice() -> None:
    sentence = "Gas terminal approved after a long inquiry."
    longer = passage(7, 20, 0, sentence, 1)
    inner = passage(8, 20, 0, "Gas terminal approved", 1)
    later = passage(9, 20, 4, "terminal approved after", 2)  # Energy, inside it too
    note = draft_note(
        TEMPLATE, title="H", themes=[TRADE, ENERGY], passages=[inner, later, longer],
        published=PUBLISHED,
    )  # fmt: skip
    bodies = {s.heading: s for s in note.sections}
    assert find_citations(bodies["Trade"].body) == [7]  # the sentence, once
    assert bodies["Energy"].body == ""
    assert "already quoted under Trade" in bodies["Energy"].guidance
