"""From tagged passages to a note: draft from a template and themes, list its key figures,
find the notes that quote a passage.

Exporting the note lives in export.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from briefer.core.draft import draft_note
from briefer.core.figures import KeyFigure, key_figures
from briefer.core.model import Theme
from briefer.core.templates import Template
from briefer.session.command import CommandError
from briefer.session.export import cited_material
from briefer.session.note_commands import AddNoteCommand
from briefer.session.queries import ProjectQueries
from briefer.session.reads import read_note


def chosen_themes(project: ProjectQueries, names: Sequence[str] | None) -> list[Theme]:
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
    project: ProjectQueries,
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


def note_figures(project: ProjectQueries, note_id: int) -> list[KeyFigure]:
    """The key figures in the passages this note cites, in the order it cites them."""
    note = read_note(project, note_id)
    passages, _ = cited_material(project, note)
    return key_figures(passages.values())
