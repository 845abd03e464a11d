"""A section that holds only its template's guidance leaves no bare heading in the export.

Read back as the reader gets it: the Word file through python-docx, the Markdown as text,
in Briefer's plain form and in a citation style (Chicago, the default).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters import export_note
from briefer.session import find_citation_style

QUOTE = "Defence cooperation is moving from purchases to co-production."
PASSAGES = {5: Passage(article_id=1, start=0, end=len(QUOTE), text=QUOTE, id=5)}
ARTICLES = {1: Article("Ties deepen", QUOTE, publisher="Wire", id=1)}


def half_written() -> Note:
    """A drafted Briefing note with Background, Diplomacy, Implications and
    Recommendations unwritten, as the new-user trial exported it."""
    sections = [
        Section("Summary", "Ties are deepening.", guidance="State the judgement."),
        Section("Background", "", guidance="What led here."),
        Section("Key developments", "", guidance="Theme by theme."),
        Section("Defence", quotation_markdown(QUOTE, 5), level=2),
        Section("Diplomacy", "", level=2, guidance="No passages tagged Diplomacy yet."),
        Section("Implications", "", guidance="So what for us."),
        Section("Recommendations", "", guidance="What to do."),
        Section("Annex", ""),  # emptied by the analyst, with no guidance: kept
    ]
    return Note("India-Russia ties", sections=tuple(
        Section(s.heading, s.body, s.level, i, guidance=s.guidance) for i, s in
        enumerate(sections)
    ))  # fmt: skip


EXPORTED = ["Summary", "Key developments", "Defence", "Annex", "Sources"]
LEFT_OUT = ("Background", "Diplomacy", "Implications", "Recommendations")


@pytest.mark.parametrize("style", [None, "chicago"])
def test_word_leaves_out_unwritten_sections_heading_and_all(
    tmp_path: Path, style: str | None
) -> None:
    target = tmp_path / "note.docx"
    export_note(half_written(), PASSAGES, ARTICLES, target, "docx",
                style=find_citation_style(style) if style else None)  # fmt: skip
    word = docx.Document(str(target))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings == EXPORTED
    texts = "\n".join(p.text for p in word.paragraphs)
    assert "Ties are deepening." in texts and "co-production" in texts
    assert not any(name in texts for name in LEFT_OUT)


def test_markdown_leaves_out_unwritten_sections_heading_and_all(tmp_path: Path) -> None:
    target = tmp_path / "note.md"
    export_note(half_written(), PASSAGES, ARTICLES, target, "md")
    text = target.read_text(encoding="utf-8")
    headings = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
    assert headings == EXPORTED
    assert not any(name in text for name in LEFT_OUT)
    assert "What led here" not in text  # the guidance never goes, as before
