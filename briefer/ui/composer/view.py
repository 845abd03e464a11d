"""The Composer: write a note from its outline, with the passages beside and a live preview.

The section shows as the page it will print (RichSectionEditor), or as its
Markdown source at the analyst's choice, or when it holds Markdown the page
view cannot show exactly. A section opened and left is never rewritten: the
page is written back to Markdown only once the analyst has changed it.
The editor's text is committed to the project as a command after a short
pause in typing (and at once before an undo, a section switch or closing),
so typing stays fluid, every edit is saved, and Ctrl+Z undoes typing,
quotations and outline changes alike from the window's one undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QWidget,
)

from briefer.core.citations import find_citations, quotation_markdown
from briefer.core.integrity import check_note, sections_to_export
from briefer.core.model import ArticleSummary, Note, Passage, Theme
from briefer.core.note_titles import distinct_titles
from briefer.core.record import replace
from briefer.core.words import note_word_count
from briefer.session import (
    AddSectionCommand,
    Change,
    Command,
    CommandError,
    EditSectionBodyCommand,
    Entity,
    MoveSectionCommand,
    NotePreview,
    ProjectError,
    RecordNotFound,
    RemoveSectionCommand,
    Session,
    UpdateSectionCommand,
)
from briefer.session.export import cited_material
from briefer.session.pages import PageCounter
from briefer.ui.common.find_bar import FindBar
from briefer.ui.common.splitters import ShareSplitter
from briefer.ui.common.undo import run_command
from briefer.ui.composer.arrangement import SIDE_SHARE, arrange, default_sizes, keep_usable
from briefer.ui.composer.caret_moves import CaretMoves
from briefer.ui.composer.chips import SourceLabels
from briefer.ui.composer.edit_menu import History
from briefer.ui.composer.editor import FormattingBar, LineEditing, SectionEditor
from briefer.ui.composer.note_template import quoted_as_block, target_words
from briefer.ui.composer.outline import OutlinePanel
from briefer.ui.composer.page_count import PageCountWorker, length_text
from briefer.ui.composer.passages import PassagePickerPanel
from briefer.ui.composer.preview import PreviewPanel
from briefer.ui.composer.quote_alert import QuoteAlert, status_row
from briefer.ui.composer.rich_editor import RichSectionEditor
from briefer.ui.composer.rich_markdown import Unsupported
from briefer.ui.composer.section_editors import SectionEditors

COMMIT_DELAY_MS = 400
STATUS_DELAY_MS = 250


class ComposerView(QWidget):
    passageOpenRequested = Signal(int)
    sourceDetailsRequested = Signal(int)  # article id, from a citation's menu
    newNoteRequested = Signal()
    detailsRequested = Signal(int)

    def __init__(
        self,
        session: Session,
        undo_stack: QUndoStack,
        report: Callable[[str], None],
        templates_dir: Path | None = None,
        page_size: str | None = None,
        citation_style: str | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("composer")
        self.setAccessibleName("Composer")
        self.session = session
        self.undo_stack = undo_stack
        self.report = report
        self.templates_dir = templates_dir
        self._note: Note | None = None
        self._section_id: int | None = None
        self._page_size, self._language = page_size, language
        self._target_words = 0

        self.notes = QComboBox()
        self.notes.setAccessibleName("Note")
        self.notes.setMinimumContentsLength(24)
        self.new_button = QPushButton("Ne&w Note…")
        self.details_button = QPushButton("Note &Details…")
        self.outline_panel = OutlinePanel()
        self.outline_model = self.outline_panel.model
        self.outline = self.outline_panel.view
        query = session.query
        self.editor = RichSectionEditor(SourceLabels(query.get_passages, query.list_articles))
        self.source_editor = SectionEditor()
        self.find_bar = FindBar(self.editor, what="section")
        self.editors = SectionEditors(self.editor, self.source_editor, report)
        self.toolbar = FormattingBar(
            self.active_editor, self._insert_current_passage, self.show_source
        )
        preview = NotePreview(session.query, citation_style=citation_style, language=language)
        self.preview = PreviewPanel(preview, self._current_note)
        self.passages = PassagePickerPanel(self._passage_material, self._used)
        self.status = QLabel()
        # Pages of the Word export, laid out on its real page (the settings' size).
        self.page_count = PageCountWorker(
            PageCounter(page_size=page_size, citation_style=citation_style, language=language),
            self,
        )
        self.page_count.counted.connect(self._pages_counted)
        self._pages_shown = ""  # "about 2.4 pages", once a count has come back
        self._words = 0
        self.status.setAccessibleName("Length of the note")
        self.quote_alert = QuoteAlert()
        self._build_layout()
        # Their shortcuts work wherever the focus is in the Composer, the editor included.
        for action in (*self.toolbar.actions(), *self.outline_panel.actions()):
            if not action.isSeparator():
                self.addAction(action)

        self.commit_timer = QTimer(self, singleShot=True, interval=COMMIT_DELAY_MS)
        self.commit_timer.timeout.connect(self.flush)
        self.status_timer = QTimer(self, singleShot=True, interval=STATUS_DELAY_MS)
        self.status_timer.timeout.connect(self._update_status)
        self.editor.document().contentsChanged.connect(self._page_typed)
        self.source_editor.textChanged.connect(self._typed)
        self._typing_run = 0  # a new one, and a new undo step, after each caret move
        for editor in (self.editor, self.source_editor):
            CaretMoves(editor).moved.connect(self._caret_moved)
        self.source_editor.source_of = self.editor.labels.article_of
        for editor in (self.editor, self.source_editor):
            editor.citationActivated.connect(self.passageOpenRequested)
            editor.sourceDetailsRequested.connect(self.sourceDetailsRequested)
            editor.passageDropped.connect(self.insert_passage)
        self.editor.pasteReported.connect(lambda text: text and self.report(text))
        self.editor.fontChanged.connect(lambda: self.source_editor.setFont(self.editor.font()))
        self.notes.activated.connect(lambda _row: self.show_note(self.notes.currentData()))
        self.new_button.clicked.connect(self.newNoteRequested)
        self.details_button.clicked.connect(self._details)
        panel = self.outline_panel
        panel.sectionChosen.connect(self._section_chosen)
        panel.addRequested.connect(self._add_section_at)
        panel.removeRequested.connect(
            lambda sid, whole: self._run(
                RemoveSectionCommand(self._id(), sid, with_subsections=whole)
            )
        )
        panel.levelRequested.connect(
            lambda sid, level: self._run(UpdateSectionCommand(self._id(), sid, level=level))
        )
        self.outline_model.renameRequested.connect(
            lambda sid, name: self._run(UpdateSectionCommand(self._id(), sid, heading=name))
        )
        self.outline_model.moveRequested.connect(
            lambda sid, row: self._run(MoveSectionCommand(self._id(), sid, row))
        )
        self.passages.tree.insertRequested.connect(self.insert_passage)
        self.passages.tree.showRequested.connect(self.passageOpenRequested)
        self.preview.passageOpenRequested.connect(self.passageOpenRequested)
        self.reload_notes()

    def _build_layout(self) -> None:
        parts = arrange(
            self,
            top=(QLabel("Note:"), self.notes, self.details_button, self.new_button),
            writing=(self.toolbar, self.editors, self.find_bar),
            outline=self.outline_panel,
            tabs=((self.passages, "Passages"), (self.preview, "Preview")),
            status=status_row(self.status, self.quote_alert),
        )
        self.arrangement = parts
        self.writing, self.side_tabs = parts.writing, parts.side_tabs
        self.side, self.split = parts.side, parts.split
        self.lay_out(1100, 720)

    @property
    def layout_splitters(self) -> tuple[ShareSplitter, ShareSplitter]:
        """The splitters a window layout saves and restores with the Compose mode."""
        return self.split, self.side

    def lay_out(self, width: int, height: int, side_share: float = SIDE_SHARE) -> None:
        """The default proportions for a Composer ``width`` × ``height`` pixels: the side
        column takes ``side_share`` of the width, the outline a third of its height."""
        default_sizes(self.arrangement, width, height, side_share)
        self.show_passages()

    def show_preview(self) -> None:
        """Bring the Preview tab to the front (it renders only while it shows)."""
        self.side_tabs.setCurrentWidget(self.preview)

    def show_passages(self) -> None:
        """Bring the Passages tab to the front (it too refreshes only while it shows)."""
        self.side_tabs.setCurrentWidget(self.passages)

    def showEvent(self, event: QShowEvent) -> None:
        # Never narrower than the formatting bar, so no button goes into an overflow menu;
        # measured on show, when the style and fonts are final.
        self.writing.setMinimumWidth(self.toolbar.sizeHint().width())
        keep_usable(self.arrangement, self.outline_panel.bar, self.outline)
        super().showEvent(event)

    # -- which note and section ------------------------------------------------

    def current_section_id(self) -> int | None:
        return self._section_id

    def current_note_id(self) -> int | None:
        return None if self._note is None else self._note.id

    def _id(self) -> int:
        return self._note.id if self._note is not None and self._note.id is not None else -1

    def reload_notes(self) -> None:
        notes = self.session.query.list_notes()
        self.notes.blockSignals(True)
        self.notes.clear()
        for note, label in zip(notes, distinct_titles(notes), strict=True):
            self.notes.addItem(label, note.id)
        self.notes.blockSignals(False)
        if not notes:
            self.notes.setPlaceholderText("No notes yet: use Note > New Note from Template…")
            self._note = None
            self._show_section(None)
            self.outline_panel.set_sections(())
            self.preview.refresh()
            self._update_status()
        keep = self.current_note_id()
        ids = [n.id for n in notes]
        if keep in ids:
            self.notes.setCurrentIndex(ids.index(keep))
        elif notes:
            self._load_note(notes[-1].id)
        self.passages.refresh_used()

    def set_note_settings(self, style: str, page_size: str, language: str) -> None:
        """New defaults from Preferences (citation style, page size, note language): the
        preview and the page count follow them."""
        self._page_size, self._language = page_size, language
        query = self.session.query
        self.preview.preview_source = NotePreview(query, citation_style=style, language=language)
        self.page_count.counter = PageCounter(
            page_size=self._page_size, citation_style=style, language=language
        )
        self.preview.refresh()
        self._update_status()

    def reveal(self, section_id: int, passage_id: int = -1, occurrence: int = 0) -> bool:
        """Show ``section_id`` with a citation of ``passage_id`` selected (the first, or the
        ``occurrence``-th: the place a check line names); False if the section is not in
        the note shown."""
        self.flush()
        if self._note is None or all(s.id != section_id for s in self._note.sections):
            return False
        self._select_section(section_id)
        self.editors.reveal(passage_id, occurrence, self._passage_words(passage_id))
        return True

    def _passage_words(self, passage_id: int) -> str:
        """The passage's text, which Go to compares its quotation with; empty if gone."""
        if passage_id < 0:
            return ""
        try:
            return self.session.query.get_passage(passage_id).text
        except (RecordNotFound, ProjectError):
            return ""

    def show_note(self, note_id: int | None) -> None:
        """Open ``note_id``, saving what was typed in the note shown before."""
        self.flush()
        self._load_note(note_id)

    def _load_note(self, note_id: int | None) -> None:
        """Show the stored state of ``note_id`` (never commits: called while changes arrive)."""
        if note_id is None:
            return
        try:
            note = self.session.query.get_note(note_id)
        except RecordNotFound:
            self.reload_notes()
            return
        changed = self._note is None or self._note.id != note.id
        self._note = note
        index = self.notes.findData(note_id)
        if index >= 0:
            self.notes.setCurrentIndex(index)
        self.outline_panel.set_sections(note.sections)
        if changed:
            self._target_words = target_words(self.templates_dir, note)
            first = note.sections[0].id if note.sections else None
            self._select_section(first)
        else:
            self._select_section(self._section_id)
        self.passages.refresh_used()
        if changed:  # the page first; the preview of a long note follows a moment later
            self.preview.schedule()
        else:
            self.preview.refresh()

    def _select_section(self, section_id: int | None) -> None:
        self._section_chosen(self.outline_panel.select(section_id))

    def _section_chosen(self, section_id: int | None) -> None:
        if section_id != self._section_id:
            self.flush()
        self._show_section(section_id)

    def _show_section(self, section_id: int | None) -> None:
        self._section_id = section_id
        body = self._stored_body()
        # The template's guidance shows greyed in an empty section and goes as the
        # analyst types: Qt's placeholder does exactly that, and it is never the text.
        enabled = section_id is not None and not self.session.read_only
        for editor in (self.editor, self.source_editor):
            editor.setPlaceholderText(self._stored_guidance())
            editor.setEnabled(enabled)
        self._show_body(body)
        self.preview.follow(section_id)
        # Counting the pages sets every citation in the note's style: for a long note
        # that is the slowest part of opening it, so the count follows a moment later.
        self.status_timer.start()

    def _show_body(self, body: str | None, *, again: bool = False) -> None:
        """Put the stored ``body`` in the editor in use, unless it shows it already."""
        source = self.editors.show_body(body, again=again)
        self.toolbar.source_action.blockSignals(True)  # it shows what is on screen
        self.toolbar.source_action.setChecked(source)
        self.toolbar.source_action.blockSignals(False)

    def active_editor(self) -> LineEditing:
        """The editor on screen: the page, or the Markdown source."""
        return self.editors.active()

    def show_source(self, on: bool) -> None:
        """The "Markdown source" toggle: what was typed is saved, then the other editor shows."""
        self.flush()
        self.editors.source_wanted = on
        self._show_body(self._stored_body(), again=True)
        self.editor.setFocus()

    def editor_markdown(self) -> str:
        """The section's Markdown as the editor in use holds it now, committed or not."""
        return self.editors.markdown()

    def _stored_guidance(self) -> str:
        if self._note is None:
            return ""
        return next((s.guidance for s in self._note.sections if s.id == self._section_id), "")

    def _stored_body(self) -> str | None:
        if self._note is None:
            return None
        for section in self._note.sections:
            if section.id == self._section_id:
                return section.body
        return None

    # -- edits -------------------------------------------------------------------

    def _page_typed(self) -> None:
        if not self.editors.loading and self.editors.currentWidget() is self.editor:
            self.editors.dirty = True
            self._typed()

    def _typed(self) -> None:
        if self.editors.loading:
            return
        self.commit_timer.start()
        self.preview.schedule()
        self.status_timer.start()  # counting pages on every key would slow typing

    def set_history(self, undo: QAction, redo: QAction) -> None:
        """The window's Undo and Redo, which the editors' right-click menus offer (their
        own undo is off: the window's stack holds every edit of the note)."""
        for editor in (self.editor, self.source_editor):
            editor.history = History(undo, redo, self.flush)

    def _caret_moved(self) -> None:
        """The analyst moved the caret: what was typed is one undo step, what comes next
        another (Word's rule), however quickly the two follow."""
        if self.editors.loading:
            return
        self.flush()
        self._typing_run += 1

    def flush(self) -> None:
        """Save what was typed, now (before undo, a switch, an insert or closing)."""
        self.commit_timer.stop()
        body = self.editor_markdown()
        stored = self._stored_body()
        if self._note is None or self._section_id is None or stored is None or body == stored:
            return
        if self.editors.currentWidget() is self.editor:
            self.editors.shown, self.editors.dirty = body, False
        command = EditSectionBodyCommand(self._id(), self._section_id, body, run=self._typing_run)
        self._run(command, flush=False)
        # The change notice has reloaded the note; if it could not (read-only,
        # an error), the stored text stays behind and the next flush tries again.

    def _run(self, command: Command, *, flush: bool = True) -> bool:
        """Run an edit of this note; typing not yet saved is saved first, as its own step."""
        if flush:
            self.flush()
        if self.session.read_only:
            self.report("This project is open read-only; the note cannot be changed.")
            return False
        try:
            run_command(self.undo_stack, self.session, command, self.report)
        except (CommandError, ProjectError) as exc:
            self.report(str(exc))
            return False
        return True

    def insert_markdown(self, markdown: str, label: str) -> bool:
        """Put ``markdown`` at the cursor as paragraphs of their own, as one undo step."""
        if self._note is None or self._section_id is None:
            self.report("Open a note and choose a section first.")
            return False
        self.flush()
        try:
            body = self.editors.insert_block(markdown)
        except Unsupported as exc:
            self.report(f"That cannot be inserted as it is: {exc}.")
            return False
        command = EditSectionBodyCommand(self._id(), self._section_id, body, label=label)
        ok = self._run(command, flush=False)  # flushed above, before the insert
        self.preview.refresh()
        return ok

    def insert_passage(self, passage_id: int) -> None:
        try:
            passage = self.session.query.get_passage(passage_id)
        except RecordNotFound:
            self.report("That passage no longer exists.")
            return
        block = quoted_as_block(self.templates_dir, self._note, passage)  # as drafting does
        markdown = quotation_markdown(passage.text, passage_id, block=block)
        if self.insert_markdown(markdown, "Insert quotation"):
            self.editor.setFocus()

    def _insert_current_passage(self) -> None:
        passage_id = self.passages.tree.current_passage()
        if passage_id is None:
            self.report("Choose a passage in the list on the right first.")
            return
        self.insert_passage(passage_id)

    def add_section(self) -> None:
        """A new section after the current one, at its level, named for renaming at once."""
        if self._note is None:
            self.report("Create a note first: Note > New Note from Template…")
            return
        self.outline_panel.request_add()

    def _add_section_at(self, index: int, level: int) -> None:
        command = AddSectionCommand(self._id(), "New section", level=level, index=index)
        if self._run(command):
            self._select_section(command.section_id)
            self.outline_panel.rename_current()

    def remove_section(self) -> None:
        self.outline_panel.request_remove()

    def move_section(self, step: int) -> None:
        self.outline_panel.request_move(step)

    def change_level(self, step: int) -> None:
        self.outline_panel.request_level(step)

    def _details(self) -> None:
        if self._note is not None and self._note.id is not None:
            self.detailsRequested.emit(self._note.id)

    # -- keeping up with the project -------------------------------------------

    def on_changes(self, changes: list[Change]) -> None:
        entities = {c.entity for c in changes}
        if entities & {Entity.PASSAGE, Entity.ARTICLE}:
            self.preview.sources_changed()
            self.editor.sources_changed()
        if Entity.NOTE in entities:
            added = [i for c in changes if c.entity is Entity.NOTE for i in c.added]
            self.reload_notes()
            if added:
                self._load_note(max(added))
            elif self._note is not None and self._note.id is not None:
                self._load_note(self._note.id)
        elif entities & {Entity.PASSAGE, Entity.THEME, Entity.ARTICLE}:
            self.passages.refresh()
            self.preview.schedule()

    def _used(self) -> set[int]:
        sections = self._note.sections if self._note else ()
        return {pid for s in sections for pid in find_citations(s.body)}

    def _passage_material(self) -> tuple[list[Theme], list[Passage], list[ArticleSummary]]:
        query = self.session.query
        return query.list_themes(), query.list_passages(), query.list_articles()

    def refresh_preview(self) -> None:
        self.preview.refresh()

    def _current_note(self) -> Note | None:
        return None if self._note is None else self._edited_note(self._note)

    def _edited_note(self, note: Note) -> Note:
        """The note with what is in the editor now, committed or not."""
        if self._section_id is None:
            return note
        body = self.editor_markdown()
        sections = tuple(
            replace(s, body=body) if s.id == self._section_id else s for s in note.sections
        )
        return replace(note, sections=sections)

    def _update_status(self) -> None:
        if self._note is None:
            self.status.setText("")
            self.quote_alert.show_problems([])  # about a note no longer shown
            return
        note = self._edited_note(self._note)
        try:
            passages, articles = cited_material(self.session.query, note)
        except ProjectError:  # closed while the count waited: nothing left to count
            return
        # what the reader gets: a heading with nothing written under it is not exported
        self._words = note_word_count(replace(note, sections=sections_to_export(note)))
        self.quote_alert.show_problems(check_note(note, passages, articles))
        self.page_count.request(note, passages, articles)
        self._show_status()

    def _pages_counted(self, number: int, pages: float) -> None:
        if number == self.page_count.latest:
            self._pages_shown = f"about {pages:.1f} pages" if pages >= 0 else "pages not counted"
            self._show_status()

    def _show_status(self) -> None:
        if self._note is not None:
            self.status.setText(length_text(self._words, self._pages_shown, self._target_words))
