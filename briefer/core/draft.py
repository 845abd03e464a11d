"""Draft a note from a template and the chosen themes' passages.

The draft is where the analyst starts writing, not the finished note: each
theme's passages appear as quotations with their citations, oldest source
first, so the story reads in order; a theme with nothing tagged yet keeps its
section, empty with guidance that says so, so the gap is seen rather than
silently left out (and never exported as if written). Each passage is quoted
once, under the first section that draws it: a passage tagged with two of the
note's themes would otherwise reach the reader twice, with two footnotes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from briefer.core.citations import quotation_markdown
from briefer.core.model import Note, Passage, Section, Theme
from briefer.core.record import replace
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
    block_words = template.block_quotation_words
    # Each passage quoted so far, with the heading it went under. Sections draw in the
    # note's order, so a passage tagged with two of its themes goes under the first
    # section that quotes it, and the later one quotes only what is left.
    quoted: dict[int, str] = {}
    quoted_spans: dict[int, list[tuple[int, int, str]]] = {}
    sections: list[Section] = []
    for spec in template.sections:
        own = [t for t in themes if t.name.casefold() in {n.casefold() for n in spec.themes}]
        drawn = _sorted([p for theme in own for p in by_theme.get(theme.id or -1, [])], published)
        body = _body(spec.heading, drawn, spec, block_words, quoted, quoted_spans)
        guidance = spec.body.strip() or ("" if body else _quoted_above(own, drawn, quoted))
        sections.append(Section(spec.heading, body, spec.level, guidance=guidance))
        if spec.per_theme:
            for theme, depth in outline_order(themes):
                level = min(spec.level + 1 + depth, MAX_LEVEL)
                found = by_theme.get(theme.id or -1, [])
                body = _body(theme.name, found, spec, block_words, quoted, quoted_spans)
                above = "" if body else _quoted_above([theme], found, quoted)
                guidance = above or _nothing_yet(theme)
                sections.append(Section(theme.name, body, level, guidance=guidance))
    return Note(
        title=title.strip(),
        author=author.strip(),
        date=date,
        marking=marking.strip() or template.marking,
        template=template.name,
        sections=tuple(replace(s, position=i) for i, s in enumerate(sections)),
    )


def outline_order(themes: Sequence[Theme]) -> list[tuple[Theme, int]]:
    """The chosen themes as an outline: each sub-theme right after its parent, one deeper.

    A note on Trade with its sub-themes Tariffs and Shipping reads as Trade, then
    Tariffs and Shipping under it, as the Themes panel shows them, not as three equal
    sections in whatever order they were made. A sub-theme whose parent was not
    chosen stands at the top level; themes keep their given order among siblings;
    a parent loop (which the project refuses, but a merged file might hold) is cut
    where it closes.
    """
    chosen = {t.id for t in themes if t.id is not None}
    children: dict[int, list[Theme]] = {}
    roots: list[Theme] = []
    for theme in themes:
        parent = theme.parent_id
        if parent is not None and parent in chosen and parent != theme.id:
            children.setdefault(parent, []).append(theme)
        else:
            roots.append(theme)
    ordered: list[tuple[Theme, int]] = []
    placed: set[int] = set()

    def place(theme: Theme, depth: int) -> None:
        key = id(theme)
        if key in placed:
            return
        placed.add(key)
        ordered.append((theme, depth))
        for child in children.get(theme.id, []) if theme.id is not None else []:
            place(child, depth + 1)

    for theme in roots:
        place(theme, 0)
    for theme in themes:  # only themes in a parent loop are left
        place(theme, 0)
    return ordered


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


def _quoted_above(
    themes: Sequence[Theme], passages: Sequence[Passage], quoted: Mapping[int, str]
) -> str:
    """The guidance of a section whose passages are all quoted in sections above it, saying
    where ("" when it has none): without it the section would sit empty and unexplained,
    or say that nothing is tagged when something is."""
    ids = [p.id for p in passages if p.id is not None]
    headings = list(dict.fromkeys(quoted[i] for i in ids if i in quoted))
    if not headings:
        return ""
    where = " and ".join(filter(None, [", ".join(headings[:-1]), headings[-1]]))
    return (
        f"The passages tagged {' or '.join(t.name for t in themes)} are already quoted under "
        f"{where} (a note quotes each passage once): write this section yourself, or remove it."
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
    """Oldest source first (undated last), then by article, then by place in the article
    (of two starting together, the longer first: it holds the other's words)."""
    return sorted(
        passages,
        key=lambda p: (published.get(p.article_id) or _UNKNOWN_DATE, p.article_id, p.start, -p.end),
    )


def is_block_quotation(passage: Passage, block_words: int) -> bool:
    """Long quotations stand apart as block quotations; short ones run in (the template's
    ``block_quotation_words``; 0 sets every quotation as a block)."""
    return block_words <= 0 or len(passage.text.split()) >= block_words


def _body(
    heading: str,
    passages: list[Passage],
    spec: TemplateSection,
    block_words: int,
    quoted: dict[int, str],
    quoted_spans: dict[int, list[tuple[int, int, str]]],
) -> str:
    """The quotations a section starts with, leaving out those quoted above (``quoted``,
    which gains this section's); its guidance is kept apart (Section.guidance).

    A passage lying within one already quoted (``quoted_spans``, per article) counts as
    quoted there: a project may hold a passage inside a longer one of the same theme
    (tagged before a suggestion took the whole sentence), and the reader would see the
    same words twice in a row. The longer comes first (see ``_sorted``).
    """
    parts: list[str] = []
    for passage in passages:
        if passage.id is None or passage.id in quoted:
            continue
        around = quoted_spans.setdefault(passage.article_id, [])
        inside = next((h for s, e, h in around if s <= passage.start and passage.end <= e), None)
        if inside is not None:
            quoted[passage.id] = inside
            continue
        if spec.max_passages and len(parts) >= spec.max_passages:
            break
        quoted[passage.id] = heading
        around.append((passage.start, passage.end, heading))
        parts.append(
            quotation_markdown(
                passage.text, passage.id, block=is_block_quotation(passage, block_words)
            )
        )
    return "\n\n".join(parts)
