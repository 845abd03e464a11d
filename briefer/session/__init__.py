"""The open project as the UI and the CLI both see it: commands, undo, change news, imports.

Imports store, importers and exporters; never Qt, never ui. Re-exports the
errors callers must handle, so the UI and CLI need not reach past it.
"""

from briefer.exporters import ExportError
from briefer.importers.base import ImportRejected
from briefer.session.command import Change, Command, CommandError, Entity, UndoHistory
from briefer.session.imports import ImportOutcome, ImportReport, ImportStatus
from briefer.session.note_commands import (
    AddNoteCommand,
    AddSectionCommand,
    DeleteNoteCommand,
    EditSectionBodyCommand,
    MoveSectionCommand,
    RemoveSectionCommand,
    UpdateNoteCommand,
    UpdateSectionCommand,
)
from briefer.session.notes import (
    ExportJob,
    ExportRefused,
    ExportResult,
    draft_command,
    note_figures,
    prepare_export,
    run_export,
)
from briefer.session.passage_commands import (
    DeleteArticleCommand,
    DeletePassageCommand,
    DismissSuggestionCommand,
    SetCommentCommand,
    TagPassageCommand,
    TagPassagesCommand,
    ToggleThemeCommand,
)
from briefer.session.preview import PASSAGE_LINK, NotePreview
from briefer.session.samples import ensure_sample_project
from briefer.session.session import Session, default_themes
from briefer.session.templates import TemplateCatalog, load_templates, save_user_template
from briefer.session.theme_commands import (
    AddThemeCommand,
    DeleteThemeCommand,
    MergeThemesCommand,
    ReorderThemesCommand,
    UpdateThemeCommand,
)
from briefer.store import (
    NewerFormatError,
    ProjectError,
    ProjectLocked,
    ProjectReadOnly,
    RecordNotFound,
)

__all__ = [
    "PASSAGE_LINK",
    "AddNoteCommand",
    "AddSectionCommand",
    "AddThemeCommand",
    "Change",
    "Command",
    "CommandError",
    "DeleteArticleCommand",
    "DeleteNoteCommand",
    "DeletePassageCommand",
    "DeleteThemeCommand",
    "DismissSuggestionCommand",
    "EditSectionBodyCommand",
    "Entity",
    "ExportError",
    "ExportJob",
    "ExportRefused",
    "ExportResult",
    "ImportOutcome",
    "ImportRejected",
    "ImportReport",
    "ImportStatus",
    "MergeThemesCommand",
    "MoveSectionCommand",
    "NewerFormatError",
    "NotePreview",
    "ProjectError",
    "ProjectLocked",
    "ProjectReadOnly",
    "RecordNotFound",
    "RemoveSectionCommand",
    "ReorderThemesCommand",
    "Session",
    "SetCommentCommand",
    "TagPassageCommand",
    "TagPassagesCommand",
    "TemplateCatalog",
    "ToggleThemeCommand",
    "UndoHistory",
    "UpdateNoteCommand",
    "UpdateSectionCommand",
    "UpdateThemeCommand",
    "default_themes",
    "draft_command",
    "ensure_sample_project",
    "load_templates",
    "note_figures",
    "prepare_export",
    "run_export",
    "save_user_template",
]
