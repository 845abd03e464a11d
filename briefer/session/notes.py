"""From tagged passages to a note, and from a note to a file: draft, check, export, figures.

Exporting is split in two so the GUI can run the slow half off its thread:
``prepare_export`` reads everything the note cites from the project (on
the thread that owns the database connection) and checks it; ``run_export``
writes the file from that snapshot and touches no database at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefer.core.citations import find_citations
from briefer.core.draft import draft_note
from briefer.core.figures import KeyFigure, key_figures
from briefer.core.integrity import Problem, check_note
from briefer.core.model import Article, Note, Passage, Theme
from briefer.core.templates import Template
from briefer.exporters import ExportError, export_note
from briefer.session.command import CommandError
from briefer.session.note_commands import AddNoteCommand, read_note
from briefer.store import Project, RecordNotFound

FORMAT_SUFFIXES = {"docx": ".docx", "markdown": ".md"}


class ExportRefused(Exception):
    """A strict export found problems that would mislead a reader; nothing was written."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        blocking = [p for p in problems if p.blocking]
        super().__init__(
            f"The note was not exported: {len(blocking)} problem(s) to fix first. "
            + " ".join(p.message for p in blocking[:3])
        )
        self.problems = list(problems)


@dataclass(frozen=True)
class ExportJob:
    """A note and everything it cites, read from the project, plus what is wrong with it."""

    note: Note
    passages: dict[int, Passage]
    articles: dict[int, Article]
    problems: list[Problem] = field(default_factory=list)

    @property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]


@dataclass(frozen=True)
class ExportResult:
    target: Path
    format: str
    problems: list[Problem]
    footnotes: int


def cited_material(project: Project, note: Note) -> tuple[dict[int, Passage], dict[int, Article]]:
    """The passages a note cites and their articles; a deleted one is simply absent."""
    passages: dict[int, Passage] = {}
    for section in note.sections:
        for passage_id in find_citations(section.body):
            if passage_id in passages:
                continue
            try:
                passages[passage_id] = project.get_passage(passage_id)
            except RecordNotFound:
                continue
    articles: dict[int, Article] = {}
    for passage in passages.values():
        if passage.article_id not in articles:
            try:
                articles[passage.article_id] = project.get_article(passage.article_id)
            except RecordNotFound:
                continue
    return passages, articles


def prepare_export(project: Project, note_id: int) -> ExportJob:
    note = read_note(project, note_id)
    passages, articles = cited_material(project, note)
    return ExportJob(note, passages, articles, check_note(note, passages, articles))


def run_export(
    job: ExportJob,
    target: Path,
    format: str,
    *,
    reference_doc: Path | None = None,
    table_of_contents: bool = False,
    strict: bool = False,
) -> ExportResult:
    """Write the file. ``strict`` refuses (ExportRefused) when a quotation or source is wrong.

    Raises ExportError for an unwritable target or a bad reference document;
    the target is then untouched (the exporters write to a temporary file).
    """
    kind = normalised_format(format)
    if strict and job.blocking:
        raise ExportRefused(job.problems)
    document = export_note(
        job.note,
        job.passages,
        job.articles,
        target,
        kind,
        reference_doc=reference_doc,
        table_of_contents=table_of_contents,
    )
    return ExportResult(target, kind, job.problems, len(document.footnotes))


def normalised_format(format: str) -> str:
    kind = format.lower().strip().lstrip(".")
    kind = {"md": "markdown", "word": "docx"}.get(kind, kind)
    if kind not in FORMAT_SUFFIXES:
        raise ExportError(
            f"Briefer cannot export to {format!r}. Choose docx (Word) or md (Markdown)."
        )
    return kind


def chosen_themes(project: Project, names: Sequence[str] | None) -> list[Theme]:
    """The themes named (in that order), or every theme in panel order when none are."""
    themes = project.list_themes()
    if not names:
        return themes
    chosen = []
    for name in names:
        theme = project.theme_by_name(name.strip())
        if theme is None:
            raise CommandError(
                f'There is no theme called "{name.strip()}". The themes are: '
                + ", ".join(t.name for t in themes)
                + "."
            )
        chosen.append(theme)
    return chosen


def draft_command(
    project: Project,
    template: Template,
    *,
    title: str,
    theme_names: Sequence[str] | None = None,
    author: str = "",
    marking: str = "",
    date: dt.date | None = None,
) -> AddNoteCommand:
    """The command that adds a note drafted from ``template`` and the chosen themes' passages."""
    if not title.strip():
        raise CommandError("A note needs a title.")
    themes = chosen_themes(project, theme_names)
    published = {a.id: a.published for a in project.list_articles()}
    note = draft_note(
        template,
        title=title.strip(),
        themes=themes,
        passages=project.list_passages(),
        published=published,
        author=author,
        marking=marking,
        date=date,
    )
    command = AddNoteCommand(note)
    command.label = f'Draft note "{title.strip()}"'
    return command


def note_figures(project: Project, note_id: int) -> list[KeyFigure]:
    """The key figures in the passages this note cites, in the order it cites them."""
    note = read_note(project, note_id)
    passages, _ = cited_material(project, note)
    return key_figures(passages.values())
