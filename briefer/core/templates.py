"""Note templates: the sections a kind of note starts with, and how a draft fills them.

A template is plain data, stored as JSON (built-ins in resources/templates,
the analyst's own in the user data folder)::

    {"format": 1, "name": "Briefing note", "description": "...",
     "target_words": 1200, "marking": "", "block_quotation_words": 40,
     "sections": [{"heading": "Summary", "level": 1, "body": "guidance",
                   "per_theme": false, "themes": [], "max_passages": 0}]}

``per_theme`` sections get one sub-section per chosen theme when a note is
drafted; ``themes`` names themes whose passages a section draws directly;
``max_passages`` caps the quotations per (sub-)section (0 = no cap).
``block_quotation_words``: a quotation of at least this many words is set as a block
quotation, a shorter one run in as a paragraph of its own (0 = always a block). Only
``name`` and each section's ``heading`` are required.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefer.core.citations import CITATION_PATTERN
from briefer.core.model import Note
from briefer.core.record import Record

FORMAT = 1
MAX_LEVEL = 3
DEFAULT_BLOCK_QUOTATION_WORDS = 40
"""Style guides set quotations of about 40 words or more apart (APA); shorter ones run in."""


class TemplateError(ValueError):
    """A template file that cannot be used; the message names the field and the fix."""


class TemplateSection(Record, frozen=True):
    heading: str
    level: int = 1
    body: str = ""
    per_theme: bool = False
    themes: tuple[str, ...] = ()
    max_passages: int = 0


class Template(Record, frozen=True):
    name: str
    description: str = ""
    sections: tuple[TemplateSection, ...] = ()
    target_words: int = 0
    marking: str = ""
    builtin: bool = False
    block_quotation_words: int = DEFAULT_BLOCK_QUOTATION_WORDS


def template_from_data(data: object, *, builtin: bool = False) -> Template:
    """Validate a parsed JSON object into a Template, naming the first thing wrong."""
    if not isinstance(data, Mapping):
        raise TemplateError("A template must be a JSON object with a name and sections.")
    version = data.get("format", FORMAT)
    if not isinstance(version, int) or version > FORMAT:
        raise TemplateError(
            f"This template is from a newer Briefer (format {version}); update Briefer to use it."
        )
    name = _text(data, "name", required=True).strip()
    raw_sections = data.get("sections", [])
    if not isinstance(raw_sections, list):
        raise TemplateError(f'Template "{name}": "sections" must be a list.')
    sections = tuple(_section(name, i, item) for i, item in enumerate(raw_sections, start=1))
    return Template(
        name=name,
        description=_text(data, "description"),
        sections=sections,
        target_words=_count(data, "target_words", name),
        marking=_text(data, "marking").strip(),
        builtin=builtin,
        block_quotation_words=_count(
            data, "block_quotation_words", name, default=DEFAULT_BLOCK_QUOTATION_WORDS
        ),
    )


def template_to_data(template: Template) -> dict[str, object]:
    return {
        "format": FORMAT,
        "name": template.name,
        "description": template.description,
        "target_words": template.target_words,
        "marking": template.marking,
        "block_quotation_words": template.block_quotation_words,
        "sections": [
            {
                "heading": s.heading,
                "level": s.level,
                "body": s.body,
                "per_theme": s.per_theme,
                "themes": list(s.themes),
                "max_passages": s.max_passages,
            }
            for s in template.sections
        ],
    }


def template_from_note(note: Note, name: str, description: str = "") -> Template:
    """A note's structure as a template: headings, levels and the analyst's own guidance.

    Quotations (block quotes that end with a citation) and any other citation
    tokens are dropped: a template must not carry one project's sources.
    """
    if not name.strip():
        raise TemplateError("A template needs a name.")
    sections = tuple(
        TemplateSection(
            heading=s.heading,
            level=s.level,
            body=s.guidance or _without_quotations(s.body),
        )
        for s in sorted(note.sections, key=lambda s: s.position)
    )
    return Template(name=name.strip(), description=description.strip(), sections=sections,
                    marking=note.marking)  # fmt: skip


_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_RUN_IN_QUOTATION = re.compile(r'^"[^\n]*"\s*\[@p[0-9]+\]$')


def _without_quotations(body: str) -> str:
    kept = []
    for block in _BLANK_LINES.split(body):
        is_quote = all(line.lstrip().startswith(">") for line in block.splitlines() if line.strip())
        if is_quote and CITATION_PATTERN.search(block):
            continue
        if _RUN_IN_QUOTATION.match(block.strip()):  # a short quotation set as a paragraph
            continue
        cleaned = CITATION_PATTERN.sub("", block).rstrip()
        if cleaned.strip() and cleaned.strip() != ">":
            kept.append(cleaned)
    return "\n\n".join(kept)


def _text(data: Mapping[str, object], key: str, *, required: bool = False) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        where = f'"{key}"'
        raise TemplateError(f"A template needs {where} as {'non-empty ' if required else ''}text.")
    return value


def _count(data: Mapping[str, object], key: str, name: str, *, default: int = 0) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TemplateError(f'Template "{name}": "{key}" must be a whole number, 0 or more.')
    return value


def _section(name: str, number: int, item: object) -> TemplateSection:
    where = f'Template "{name}", section {number}'
    if not isinstance(item, Mapping):
        raise TemplateError(f"{where} must be an object with a heading.")
    heading = item.get("heading")
    if not isinstance(heading, str) or not heading.strip():
        raise TemplateError(f'{where} needs a "heading".')
    level = item.get("level", 1)
    if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= MAX_LEVEL:
        raise TemplateError(f'{where}: "level" must be 1, 2 or 3.')
    body = item.get("body", "")
    if not isinstance(body, str):
        raise TemplateError(f'{where}: "body" must be text.')
    per_theme = item.get("per_theme", False)
    if not isinstance(per_theme, bool):
        raise TemplateError(f'{where}: "per_theme" must be true or false.')
    themes = item.get("themes", [])
    if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
        raise TemplateError(f'{where}: "themes" must be a list of theme names.')
    return TemplateSection(
        heading=heading.strip(),
        level=level,
        body=body,
        per_theme=per_theme,
        themes=tuple(t.strip() for t in themes if t.strip()),
        max_passages=_count(item, "max_passages", name),
    )
