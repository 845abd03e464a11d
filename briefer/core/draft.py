"""Draft a note from a template and the chosen themes' passages.

The draft is where the analyst starts writing, not the finished note: each
theme's passages appear as quotations with their citations, oldest source
first, so the story reads in order; a theme with nothing tagged yet keeps its
section, empty with guidance that says so, so the gap is seen rather than
silently left out (and never exported as if written).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from briefer.core.citations import quotation_markdown
from briefer.core.model import Note, Passage, Section, Theme
from briefer.core.templates import MAX_LEVEL, Template, TemplateSection

_UNKNOWN_DATE = dt.date.max


def draft_note(
    template: Template,
    *,
    title: str,
    themes: Sequence[Theme],
    passages: Iterable[Passage],
    published: Mapping[int, dt.date | None],
    author: str = "",
    marking: str = "",
    date: dt.date | None = None,
) -> Note:
    """An unsaved note following ``template``, quoting the passages of ``themes``."""
    by_theme = _passages_by_theme(passages, published)
    sections: list[Section] = []
    for spec in template.sections:
        own = [t for t in themes if t.name.casefold() in {n.casefold() for n in spec.themes}]
        drawn = [p for theme in own for p in by_theme.get(theme.id or -1, [])]
        sections.append(
            Section(
                spec.heading,
                _body(_sorted(drawn, published), spec, template.block_quotation_words),
                spec.level,
                guidance=spec.body.strip(),
            )
        )
        if spec.per_theme:
            level = min(spec.level + 1, MAX_LEVEL)
            for theme in themes:
                found = by_theme.get(theme.id or -1, [])
                body = _body(found, spec, template.block_quotation_words) if found else ""
                sections.append(Section(theme.name, body, level, guidance=_nothing_yet(theme)))
    return Note(
        title=title.strip(),
        author=author.strip(),
        date=date,
        marking=marking.strip() or template.marking,
        template=template.name,
        sections=tuple(dataclasses.replace(s, position=i) for i, s in enumerate(sections)),
    )


def _nothing_yet(theme: Theme) -> str:
    """A theme section's placeholder: shown greyed while it is empty, never exported.

    It was the section's text, so a draft exported as it stood told the reader "No
    passages tagged Defence yet." under a heading; as guidance the composer shows the
    gap and the check names the section as not written.
    """
    return (
        f"No passages are tagged {theme.name} yet: tag some in Read and Tag and quote "
        "them here, write this section yourself, or remove it."
    )


def _passages_by_theme(
    passages: Iterable[Passage], published: Mapping[int, dt.date | None]
) -> dict[int, list[Passage]]:
    grouped: dict[int, list[Passage]] = {}
    for passage in passages:
        if passage.id is None or not passage.text.split():
            continue
        for theme_id in passage.theme_ids:
            grouped.setdefault(theme_id, []).append(passage)
    return {theme_id: _sorted(found, published) for theme_id, found in grouped.items()}


def _sorted(passages: list[Passage], published: Mapping[int, dt.date | None]) -> list[Passage]:
    """Oldest source first (undated last), then by article, then by place in the article."""
    return sorted(
        passages,
        key=lambda p: (published.get(p.article_id) or _UNKNOWN_DATE, p.article_id, p.start),
    )


def is_block_quotation(passage: Passage, block_words: int) -> bool:
    """Long quotations stand apart as block quotations; short ones run in (the template's
    ``block_quotation_words``; 0 sets every quotation as a block)."""
    return block_words <= 0 or len(passage.text.split()) >= block_words


def _body(passages: list[Passage], spec: TemplateSection, block_words: int) -> str:
    """The quotations a section starts with; its guidance is kept apart (Section.guidance)."""
    seen: set[int] = set()
    parts: list[str] = []
    for passage in passages:
        if passage.id is None or passage.id in seen:
            continue
        if spec.max_passages and len(seen) >= spec.max_passages:
            break
        seen.add(passage.id)
        parts.append(
            quotation_markdown(
                passage.text, passage.id, block=is_block_quotation(passage, block_words)
            )
        )
    return "\n\n".join(parts)
