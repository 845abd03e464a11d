"""Templates: the built-ins load, bad files are refused with a reason, and a note becomes one."""

from __future__ import annotations

import json
from typing import Any

import pytest

from briefer.core.citations import quotation_markdown
from briefer.core.model import Note, Section
from briefer.core.templates import (
    Template,
    TemplateError,
    TemplateSection,
    template_from_data,
    template_from_note,
    template_to_data,
)
from briefer.resources import resource_path

BUILT_INS = sorted(resource_path("templates").glob("*.json"))


def test_the_three_built_ins_load_with_their_sections() -> None:
    loaded = {
        t.name: t
        for t in (
            template_from_data(json.loads(p.read_text("utf-8")), builtin=True) for p in BUILT_INS
        )
    }
    assert set(loaded) == {"Briefing note", "Situation report", "One-page brief"}
    briefing = loaded["Briefing note"]
    assert [s.heading for s in briefing.sections] == [
        "Summary", "Background", "Key developments", "Implications", "Recommendations",
    ]  # fmt: skip
    assert [s.per_theme for s in briefing.sections] == [False, False, True, False, False]
    assert all(t.builtin and t.target_words > 0 for t in loaded.values())
    one_page = loaded["One-page brief"]
    assert one_page.target_words < briefing.target_words
    assert any(s.max_passages for s in one_page.sections)


def test_round_trip_through_json() -> None:
    template = Template(
        "Port watch", "weekly", (TemplateSection("Ports", 2, "Say *what*", True, ("Trade",), 3),),
        target_words=600, marking="OFFICIAL",
    )  # fmt: skip
    data = json.loads(json.dumps(template_to_data(template)))
    assert template_from_data(data) == template


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "JSON object"),
        ({"sections": []}, '"name"'),
        ({"name": "X", "format": 2}, "newer Briefer"),
        ({"name": "X", "sections": {"heading": "A"}}, "must be a list"),
        ({"name": "X", "sections": [{"body": "no heading"}]}, 'section 1 needs a "heading"'),
        ({"name": "X", "sections": [{"heading": "A", "level": 4}]}, "1, 2 or 3"),
        ({"name": "X", "sections": [{"heading": "A", "per_theme": "yes"}]}, "true or false"),
        ({"name": "X", "sections": [{"heading": "A", "themes": "Trade"}]}, "list of theme names"),
        ({"name": "X", "target_words": -5}, "whole number"),
    ],
)
def test_bad_templates_name_what_is_wrong(data: Any, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        template_from_data(data)


def test_a_note_saved_as_template_keeps_guidance_but_not_sources() -> None:
    quote = quotation_markdown("Ports will grow by 40%.", 12)
    note = Note(
        "Harbour deal",
        marking="OFFICIAL",
        sections=(
            Section("Summary", "State the judgement.\n\n" + quote, 1, 0),
            Section("Trade", quote + "\n\nSee also [@p13] for the *context*.", 2, 1),
        ),
    )
    template = template_from_note(note, "Port watch", "weekly")
    assert [(s.heading, s.level) for s in template.sections] == [("Summary", 1), ("Trade", 2)]
    assert template.sections[0].body == "State the judgement."
    assert template.sections[1].body == "See also  for the *context*."
    assert "[@p" not in json.dumps(template_to_data(template))
    with pytest.raises(TemplateError):
        template_from_note(note, "  ")


def test_a_template_from_a_note_drops_run_in_quotations_too() -> None:
    from briefer.core.citations import quotation_markdown
    from briefer.core.model import Note, Section

    body = "Why it matters.\n\n" + quotation_markdown("Exports rose 5%.", 4, block=False)
    template = template_from_note(Note("N", sections=(Section("Summary", body),)), "Weekly")
    assert template.sections[0].body == "Why it matters."


def test_block_quotation_threshold_comes_from_the_template() -> None:
    data = {"name": "Short", "block_quotation_words": 12, "sections": [{"heading": "A"}]}
    assert template_from_data(data).block_quotation_words == 12
    assert template_from_data({"name": "Plain"}).block_quotation_words == 40
    with pytest.raises(TemplateError, match="block_quotation_words"):
        template_from_data({"name": "Bad", "block_quotation_words": -1})
