"""The Note menu and File > Export: drafting, details, checks, figures, templates, export.

Each action works on the note open in the Composer. Edits become session
commands on the window's undo stack; dialogs only gather choices.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from briefer.core.templates import TemplateError, template_from_note
from briefer.session import (
    Command,
    CommandError,
    DeleteNoteCommand,
    ProjectError,
    RecordNotFound,
    UpdateNoteCommand,
    citation_styles,
    draft_command,
    load_templates,
    note_figures,
    save_user_template,
)
from briefer.ui.export_flow import ExportFlow
from briefer.ui.figures_dialog import FiguresDialog
from briefer.ui.note_dialogs import DraftDialog, NoteDetailsDialog, SaveTemplateDialog, marking_of
from briefer.ui.problems_dialog import ProblemsDialog
from briefer.ui.undo import run_command

if TYPE_CHECKING:
    from briefer.ui.project_window import ProjectWindow


class NoteActions:
    def __init__(self, window: ProjectWindow) -> None:
        self.window = window
        self.export_flow = ExportFlow(window)
        self.dialog: QDialog | None = None  # the last one shown, for tests to reach

    # -- menus -----------------------------------------------------------------

    def add_menus(self, file_menu: QMenu, before: QAction) -> QMenu:
        w = self.window
        writable = not w.session.read_only
        self.export_action = self._make("&Export Note…", "Ctrl+E", self.export_note)
        file_menu.insertAction(before, self.export_action)
        menu = w.menuBar().addMenu("&Note")
        self.new_action = self._make("&New Note from Template…", "Ctrl+Shift+N", self.new_note)
        self.details_action = self._make("Note &Details…", "", self.edit_details)
        self.check_action = self._make("&Check Quotations and Sources…", "", self.check_note)
        self.figures_action = self._make("Key &Figures…", "Ctrl+Shift+K", self.key_figures)
        self.template_action = self._make("Save as &Template…", "", self.save_as_template)
        self.delete_action = self._make("De&lete Note", "", self.delete_note)
        for action in (self.new_action, self.details_action, self.delete_action):
            action.setEnabled(writable)
        menu.addActions([self.new_action, self.details_action])
        menu.addSeparator()
        menu.addActions([self.check_action, self.figures_action, self.template_action])
        menu.addSeparator()
        menu.addAction(self.delete_action)
        w.composer.newNoteRequested.connect(self.new_note)
        w.composer.detailsRequested.connect(lambda _note_id: self.edit_details())
        return menu

    def _make(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _note_id(self) -> int | None:
        note_id = self.window.composer.current_note_id()
        if note_id is None:
            self.window.report("There is no note yet: use Note > New Note from Template…")
        return note_id

    # -- actions -----------------------------------------------------------------

    def new_note(self) -> None:
        w = self.window
        catalog = load_templates(w.paths.templates_dir if w.paths else None)
        project = w.session.project
        dialog = DraftDialog(
            catalog.templates, project.list_themes(), project.theme_passage_counts(),
            default_template=w.settings.default_template, author=w.settings.author,
            marking=w.settings.default_marking, problems=catalog.problems, parent=w,
        )  # fmt: skip
        self.dialog = dialog
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self.draft_from(dialog):
                return

    def draft_from(self, dialog: DraftDialog) -> bool:
        """Draft the note the dialog describes; False (with the reason shown) if refused."""
        template = dialog.template()
        if template is None:
            dialog.show_error("Choose a template.")
            return False
        w = self.window
        try:
            command = draft_command(
                w.session.project, template, title=dialog.title.text(),
                theme_names=dialog.chosen_themes(), author=dialog.author.text(),
                marking=marking_of(dialog.marking), date=dialog.chosen_date(),
            )  # fmt: skip
            w.composer.flush()
            run_command(w.undo_stack, w.session, command, w.report)
        except (CommandError, ProjectError) as exc:
            dialog.show_error(str(exc))
            return False
        if command.note_id is not None:
            w.show_note(command.note_id)
        return True

    def edit_details(self) -> None:
        note_id = self._note_id()
        if note_id is None:
            return
        note = self.window.session.project.get_note(note_id)
        styles = [(style.name, style.title) for style in citation_styles()]
        dialog = NoteDetailsDialog(note, self.window, styles=styles)
        self.dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.changes():
            self._run(UpdateNoteCommand(note_id, **dialog.changes()))

    def delete_note(self) -> None:
        note_id = self._note_id()
        if note_id is None:
            return
        note = self.window.session.project.get_note(note_id)
        answer = QMessageBox.question(
            self.window,
            "Delete note",
            f'Delete the note "{note.title}"? Edit > Undo brings it back.',
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(DeleteNoteCommand(note_id))

    def check_note(self) -> None:
        note_id = self._note_id()
        if note_id is None:
            return
        self.window.composer.flush()
        job = self.export_flow.prepare(note_id)
        if job is None:
            return
        dialog = ProblemsDialog(job.problems, self.window, exporting=False)
        dialog.passageActivated.connect(self.window.open_passage)
        self.dialog = dialog
        dialog.open()

    def key_figures(self) -> None:
        note_id = self._note_id()
        if note_id is None:
            return
        w = self.window
        w.composer.flush()
        try:
            figures = note_figures(w.session.project, note_id)
        except (CommandError, ProjectError, RecordNotFound) as exc:
            w.report(str(exc))
            return
        titles = {a.id: a.title for a in w.session.project.list_articles()}
        can_insert = w.composer.editor.isEnabled()
        dialog = FiguresDialog(figures, titles, can_insert=can_insert, parent=w)
        dialog.insertRequested.connect(
            lambda table: w.composer.insert_markdown(table, "Insert key figures")
        )
        self.dialog = dialog
        dialog.open()

    def save_as_template(self) -> None:
        note_id = self._note_id()
        w = self.window
        if note_id is None or w.paths is None:
            return
        w.composer.flush()
        note = w.session.project.get_note(note_id)
        dialog = SaveTemplateDialog(note, w)
        self.dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.save_template(note_id, dialog.name.text(), dialog.description.toPlainText())

    def save_template(self, note_id: int, name: str, description: str) -> bool:
        w = self.window
        assert w.paths is not None
        note = w.session.project.get_note(note_id)
        try:
            template = template_from_note(note, name, description)
            try:
                target = save_user_template(template, w.paths.templates_dir)
            except CommandError:
                answer = QMessageBox.question(
                    w,
                    "Replace template",
                    f'You already have a template called "{name}". Replace it?',
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return False
                target = save_user_template(template, w.paths.templates_dir, replace=True)
        except (TemplateError, CommandError) as exc:
            QMessageBox.warning(w, "Could not save the template", str(exc))
            return False
        w.report(f'Saved template "{template.name}" in {target}')
        return True

    def export_note(self) -> None:
        w = self.window
        w.composer.flush()
        self.export_flow.start(w.composer.current_note_id())

    def _run(self, command: Command) -> None:
        w = self.window
        try:
            run_command(w.undo_stack, w.session, command, w.report)
        except (CommandError, ProjectError) as exc:
            w.report(str(exc))
