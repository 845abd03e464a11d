"""Drafting a note from themes: order, no repeats, gaps shown, and every quotation exact."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.core.citations import find_citations
from briefer.core.draft import draft_note
from briefer.core.integrity import ProblemKind, check_note
from briefer.core.model import Article, Passage, Theme
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
    assert find_citations(bodies["Energy"]) == [2]
    assert find_citations(bodies["Energy watch"]) == [2]
    # The template's guidance is a placeholder beside the body, never part of it.
    assert bodies["Summary"] == ""
    assert note.sections[0].guidance == "Say what matters."
    assert all("Say what matters" not in body for body in bodies.values())


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
    always = dataclasses.replace(template, block_quotation_words=0)
    body = (
        draft_note(always, title="T", themes=[TRADE], passages=passages, published=PUBLISHED)
        .sections[0]
        .body
    )
    assert body.startswith('> "Exports rose 40%."[@p1]')
