"""The open project as the UI and the CLI both see it: commands, undo, change news, imports.

Imports store, importers and exporters; never Qt, never ui. The UI and the CLI read
through ``Session.query`` (a ``ProjectQueries``) and write through commands (a
``CommandRunner``); the store's ``Project`` never leaves this package. Re-exports the
errors and result types callers must handle, so the UI and CLI need not reach past it.

The names load on first use (PEP 562): a CLI command that only exports
should not pay for the importers, the commands and the sample builder at
start-up. Type checkers see ordinary imports.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any

    from briefer.exchange import ExchangeError
    from briefer.exporters import ExportError
    from briefer.importers.base import ImportRejected
    from briefer.session.article_commands import (
        ArticleDetails,
        EditArticleDetailsCommand,
        date_from_text,
    )
    from briefer.session.backups import (
        BackupEntry,
        backup_policy,
        find_backup,
        project_backups,
        restore_from_backup,
    )
    from briefer.session.command import (
        BackupReason,
        Change,
        Command,
        CommandError,
        Entity,
        UndoHistory,
    )
    from briefer.session.export import (
        ExportJob,
        ExportRefused,
        ExportResult,
        citation_styles,
        find_citation_style,
        keep_renderings_in,
        note_languages,
        note_style,
        page_sizes,
        prepare_export,
        run_export,
        warm_up,
    )
    from briefer.session.imports import ImportOutcome, ImportReport, ImportStatus
    from briefer.session.merge import (
        MergeCancelled,
        MergePlan,
        MergeProjectCommand,
        MergeReport,
        ThemeChoice,
        ThemeMatch,
        merge_command,
        merge_project,
        plan_merge,
        preview_merge,
    )
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
    from briefer.session.notes import draft_command, note_figures
    from briefer.session.passage_commands import (
        DeleteArticleCommand,
        DeletePassageCommand,
        DismissSuggestionCommand,
        SetCommentCommand,
        TagPassageCommand,
        TagPassagesCommand,
        ToggleThemeCommand,
    )
    from briefer.session.preview import PASSAGE_LINK, NotePreview, section_anchor
    from briefer.session.qda import (
        QdaExportResult,
        export_qda,
        import_qda,
        import_qda_command,
    )
    from briefer.session.qda_commands import ImportQdaCommand, QdaImportCancelled, QdaImportReport
    from briefer.session.queries import CommandRunner, ProjectQueries
    from briefer.session.quoting import notes_quoting, notes_quoting_any
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
        DiskFull,
        NewerFormatError,
        ProjectError,
        ProjectExists,
        ProjectInfo,
        ProjectLocked,
        ProjectReadOnly,
        RecordNotFound,
    )

_WHERE: dict[str, str] = {
    "ArticleDetails": "briefer.session.article_commands",
    "BackupEntry": "briefer.session.backups",
    "BackupReason": "briefer.session.command",
    "AddNoteCommand": "briefer.session.note_commands",
    "AddSectionCommand": "briefer.session.note_commands",
    "AddThemeCommand": "briefer.session.theme_commands",
    "Change": "briefer.session.command",
    "CommandRunner": "briefer.session.queries",
    "Command": "briefer.session.command",
    "CommandError": "briefer.session.command",
    "DeleteArticleCommand": "briefer.session.passage_commands",
    "DeleteNoteCommand": "briefer.session.note_commands",
    "DeletePassageCommand": "briefer.session.passage_commands",
    "DeleteThemeCommand": "briefer.session.theme_commands",
    "DiskFull": "briefer.store",
    "DismissSuggestionCommand": "briefer.session.passage_commands",
    "EditArticleDetailsCommand": "briefer.session.article_commands",
    "EditSectionBodyCommand": "briefer.session.note_commands",
    "Entity": "briefer.session.command",
    "ExchangeError": "briefer.exchange",
    "ExportError": "briefer.exporters",
    "ImportQdaCommand": "briefer.session.qda_commands",
    "QdaImportCancelled": "briefer.session.qda_commands",
    "QdaExportResult": "briefer.session.qda",
    "QdaImportReport": "briefer.session.qda_commands",
    "export_qda": "briefer.session.qda",
    "import_qda": "briefer.session.qda",
    "import_qda_command": "briefer.session.qda",
    "ExportJob": "briefer.session.export",
    "ExportRefused": "briefer.session.export",
    "ExportResult": "briefer.session.export",
    "citation_styles": "briefer.session.export",
    "find_citation_style": "briefer.session.export",
    "ImportOutcome": "briefer.session.imports",
    "ImportRejected": "briefer.importers.base",
    "ImportReport": "briefer.session.imports",
    "ImportStatus": "briefer.session.imports",
    "MergeThemesCommand": "briefer.session.theme_commands",
    "MergeCancelled": "briefer.session.merge_commands",
    "MergePlan": "briefer.session.merge",
    "MergeProjectCommand": "briefer.session.merge_commands",
    "MergeReport": "briefer.session.merge_commands",
    "ThemeChoice": "briefer.session.merge_match",
    "ThemeMatch": "briefer.session.merge_match",
    "merge_command": "briefer.session.merge",
    "merge_project": "briefer.session.merge",
    "plan_merge": "briefer.session.merge",
    "preview_merge": "briefer.session.merge",
    "MoveSectionCommand": "briefer.session.note_commands",
    "NewerFormatError": "briefer.store",
    "NotePreview": "briefer.session.preview",
    "PASSAGE_LINK": "briefer.session.preview",
    "section_anchor": "briefer.session.preview",
    "ProjectError": "briefer.store",
    "ProjectExists": "briefer.store",
    "ProjectInfo": "briefer.store",
    "ProjectQueries": "briefer.session.queries",
    "ProjectLocked": "briefer.store",
    "ProjectReadOnly": "briefer.store",
    "RecordNotFound": "briefer.store",
    "RemoveSectionCommand": "briefer.session.note_commands",
    "ReorderThemesCommand": "briefer.session.theme_commands",
    "Session": "briefer.session.session",
    "SetCommentCommand": "briefer.session.passage_commands",
    "TagPassageCommand": "briefer.session.passage_commands",
    "TagPassagesCommand": "briefer.session.passage_commands",
    "TemplateCatalog": "briefer.session.templates",
    "ToggleThemeCommand": "briefer.session.passage_commands",
    "UndoHistory": "briefer.session.command",
    "UpdateNoteCommand": "briefer.session.note_commands",
    "UpdateSectionCommand": "briefer.session.note_commands",
    "UpdateThemeCommand": "briefer.session.theme_commands",
    "backup_policy": "briefer.session.backups",
    "date_from_text": "briefer.session.article_commands",
    "default_themes": "briefer.session.session",
    "draft_command": "briefer.session.notes",
    "ensure_sample_project": "briefer.session.samples",
    "find_backup": "briefer.session.backups",
    "load_templates": "briefer.session.templates",
    "keep_renderings_in": "briefer.session.export",
    "note_figures": "briefer.session.notes",
    "note_languages": "briefer.session.export",
    "note_style": "briefer.session.export",
    "page_sizes": "briefer.session.export",
    "notes_quoting": "briefer.session.quoting",
    "notes_quoting_any": "briefer.session.quoting",
    "prepare_export": "briefer.session.export",
    "project_backups": "briefer.session.backups",
    "restore_from_backup": "briefer.session.backups",
    "run_export": "briefer.session.export",
    "warm_up": "briefer.session.export",
    "save_user_template": "briefer.session.templates",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'briefer.session' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "PASSAGE_LINK",
    "AddNoteCommand",
    "AddSectionCommand",
    "AddThemeCommand",
    "ArticleDetails",
    "BackupEntry",
    "BackupReason",
    "Change",
    "Command",
    "CommandError",
    "CommandRunner",
    "DeleteArticleCommand",
    "DeleteNoteCommand",
    "DeletePassageCommand",
    "DeleteThemeCommand",
    "DiskFull",
    "DismissSuggestionCommand",
    "EditArticleDetailsCommand",
    "EditSectionBodyCommand",
    "Entity",
    "ExchangeError",
    "ExportError",
    "ExportJob",
    "ExportRefused",
    "ExportResult",
    "ImportOutcome",
    "ImportQdaCommand",
    "ImportRejected",
    "ImportReport",
    "ImportStatus",
    "MergeCancelled",
    "MergePlan",
    "MergeProjectCommand",
    "MergeReport",
    "MergeThemesCommand",
    "MoveSectionCommand",
    "NewerFormatError",
    "NotePreview",
    "ProjectError",
    "ProjectExists",
    "ProjectInfo",
    "ProjectLocked",
    "ProjectQueries",
    "ProjectReadOnly",
    "QdaExportResult",
    "QdaImportCancelled",
    "QdaImportReport",
    "RecordNotFound",
    "RemoveSectionCommand",
    "ReorderThemesCommand",
    "Session",
    "SetCommentCommand",
    "TagPassageCommand",
    "TagPassagesCommand",
    "TemplateCatalog",
    "ThemeChoice",
    "ThemeMatch",
    "ToggleThemeCommand",
    "UndoHistory",
    "UpdateNoteCommand",
    "UpdateSectionCommand",
    "UpdateThemeCommand",
    "backup_policy",
    "citation_styles",
    "date_from_text",
    "default_themes",
    "draft_command",
    "ensure_sample_project",
    "export_qda",
    "find_backup",
    "find_citation_style",
    "import_qda",
    "import_qda_command",
    "keep_renderings_in",
    "load_templates",
    "merge_command",
    "merge_project",
    "note_figures",
    "note_languages",
    "note_style",
    "notes_quoting",
    "notes_quoting_any",
    "page_sizes",
    "plan_merge",
    "prepare_export",
    "preview_merge",
    "project_backups",
    "restore_from_backup",
    "run_export",
    "save_user_template",
    "section_anchor",
    "warm_up",
]
