"""The Note menu and File > Export: drafting, details, checks, figures, templates, export.

Each action works on the note open in the Composer. Edits become session
commands on the window's undo stack; dialogs only gather choices. It is given
what it uses (a WindowContext and ComposerHooks), never the window, so the
window can import it without a cycle.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from briefer.core.record import Record
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
from briefer.ui.common.context import WindowContext
from briefer.ui.common.undo import run_command
from briefer.ui.notes.dialogs import DraftDialog, NoteDetailsDialog, SaveTemplateDialog, marking_of
from briefer.ui.notes.exporting import ExportController
from briefer.ui.notes.figures_dialog import FiguresDialog
from briefer.ui.notes.problems_dialog import ProblemsDialog


class ComposerHooks(Record, frozen=True):
    """What the Note menu needs from the Composer, and nothing more."""

    current_note_id: Callable[[], int | None]
    flush: Callable[[], None]  # commit pending typing, so what is read is what is shown
    show_note: Callable[[int], None]  # bring the Composer forward with this note open
    can_insert: Callable[[], bool]  # whether the editor takes text (a note open, writable)
    insert_markdown: Callable[[str, str], object]  # (markdown, undo label) at the cursor


class NoteActions:
    def __init__(self, context: WindowContext, composer: ComposerHooks) -> None:
        self.context = context
        self.composer = composer
        self.exporter = ExportController(context)
        self.dialog: QDialog | None = None  # the last one shown, for tests to reach
        writable = not context.session.read_only
        self.export_action = self._make("&Export Note…", "Ctrl+E", self.export_note)
        self.new_action = self._make("&New Note from Template…", "Ctrl+Shift+N", self.new_note)
        self.details_action = self._make("Note &Details…", "", self.edit_details)
        self.check_action = self._make("&Check Quotations and Sources…", "", self.check_note)
        self.figures_action = self._make("Key &Figures…", "Ctrl+Shift+K", self.key_figures)
        self.template_action = self._make("Save as &Template…", "", self.save_as_template)
        self.delete_action = self._make("De&lete Note", "", self.delete_note)
        for action in (self.new_action, self.details_action, self.delete_action):
            action.setEnabled(writable)

    # -- menus -----------------------------------------------------------------

    def fill_menu(self, menu: QMenu) -> None:
        """The Note menu's items; Export goes in the File menu, placed by the menus."""
        menu.addActions([self.new_action, self.details_action])
        menu.addSeparator()
        menu.addActions([self.check_action, self.figures_action, self.template_action])
        menu.addSeparator()
        menu.addAction(self.delete_action)

    def _make(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.context.parent)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _note_id(self) -> int | None:
        note_id = self.composer.current_note_id()
        if note_id is None:
            self.context.report("There is no note yet: use Note > New Note from Template…")
        return note_id

    # -- actions -----------------------------------------------------------------

    def new_note(self) -> None:
        c = self.context
        catalog = load_templates(c.paths.templates_dir if c.paths else None)
        project = c.session.query
        dialog = DraftDialog(
            catalog.templates, project.list_themes(), project.theme_passage_counts(),
            default_template=c.settings.default_template, author=c.settings.author,
            marking=c.settings.default_marking, problems=catalog.problems, parent=c.parent,
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
        c = self.context
        try:
            command = draft_command(
                c.session.query, template, title=dialog.title.text(),
                theme_names=dialog.chosen_themes(), author=dialog.author.text(),
                marking=marking_of(dialog.marking), date=dialog.chosen_date(),
            )  # fmt: skip
            self.composer.flush()
            run_command(c.undo_stack, c.session, command, c.report)
        except (CommandError, ProjectError) as exc:
            dialog.show_error(str(exc))
            return False
        if command.note_id is not None:
            self.composer.show_note(command.note_id)
        return True

    def edit_details(self) -> None:
        note_id = self._note_id()
        if note_id is None:
            return
        note = self.context.session.query.get_note(note_id)
        styles = [(style.name, style.title) for style in citation_styles()]
        dialog = NoteDetailsDialog(note, self.context.parent, styles=styles)
        self.dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.changes():
            self._run(UpdateNoteCommand(note_id, **dialog.changes()))

    def delete_note(self) -> None:
        note_id = self._note_id()
        if note_id is None:
            return
        note = self.context.session.query.get_note(note_id)
        answer = QMessageBox.question(
            self.context.parent,
            "Delete note",
            f'Delete the note "{note.title}"? Edit > Undo brings it back.',
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(DeleteNoteCommand(note_id))

    def check_note(self) -> None:
        note_id = self._note_id()
        if note_id is None:
            return
        self.composer.flush()
        job = self.exporter.prepare(note_id)
        if job is None:
            return
        dialog = ProblemsDialog(job.problems, self.context.parent, exporting=False)
        dialog.passageActivated.connect(self.context.open_passage)
        dialog.placeActivated.connect(self.context.reveal_in_note)
        dialog.sourceActivated.connect(lambda article_id: self._fix_source(dialog, article_id))
        self.dialog = dialog
        dialog.open()

    def _fix_source(self, dialog: ProblemsDialog, article_id: int) -> None:
        """The source's details, then the check again: the list shows what is left."""
        self.context.edit_article(article_id)  # modal: returns once saved or cancelled
        dialog.close()
        self.check_note()

    def key_figures(self) -> None:
        note_id = self._note_id()
        if note_id is None:
            return
        c = self.context
        self.composer.flush()
        try:
            figures = note_figures(c.session.query, note_id)
        except (CommandError, ProjectError, RecordNotFound) as exc:
            c.report(str(exc))
            return
        titles = {a.id: a.title for a in c.session.query.list_articles()}
        can_insert = self.composer.can_insert()
        dialog = FiguresDialog(figures, titles, can_insert=can_insert, parent=c.parent)
        dialog.insertRequested.connect(
            lambda table: self.composer.insert_markdown(table, "Insert key figures")
        )
        self.dialog = dialog
        dialog.open()

    def save_as_template(self) -> None:
        note_id = self._note_id()
        c = self.context
        if note_id is None or c.paths is None:
            return
        self.composer.flush()
        note = c.session.query.get_note(note_id)
        dialog = SaveTemplateDialog(note, c.parent)
        self.dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.save_template(note_id, dialog.name.text(), dialog.description.toPlainText())

    def save_template(self, note_id: int, name: str, description: str) -> bool:
        c = self.context
        assert c.paths is not None
        note = c.session.query.get_note(note_id)
        try:
            template = template_from_note(note, name, description)
            try:
                target = save_user_template(template, c.paths.templates_dir)
            except CommandError:
                answer = QMessageBox.question(
                    c.parent,
                    "Replace template",
                    f'You already have a template called "{name}". Replace it?',
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return False
                target = save_user_template(template, c.paths.templates_dir, replace=True)
        except (TemplateError, CommandError) as exc:
            QMessageBox.warning(c.parent, "Could not save the template", str(exc))
            return False
        c.report(f'Saved template "{template.name}" in {target}')
        return True

    def export_note(self) -> None:
        self.composer.flush()
        self.exporter.start(self.composer.current_note_id())

    def _run(self, command: Command) -> None:
        c = self.context
        try:
            run_command(c.undo_stack, c.session, command, c.report)
        except (CommandError, ProjectError) as exc:
            c.report(str(exc))
