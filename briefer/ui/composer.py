"""The Composer: write a note from its outline, with the passages beside and a live preview.

The editor's text is committed to the project as a command after a short
pause in typing (and at once before an undo, a section switch or closing),
so typing stays fluid, every edit is saved, and Ctrl+Z undoes typing,
quotations and outline changes alike from the window's one undo stack.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from briefer.core.citations import CITATION_PATTERN, find_citations, quotation_markdown
from briefer.core.model import Note
from briefer.core.templates import estimated_pages
from briefer.session import (
    PASSAGE_LINK,
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
    load_templates,
)
from briefer.ui.composer_editor import SectionEditor
from briefer.ui.composer_outline import OutlineModel
from briefer.ui.composer_passages import PassagesPane
from briefer.ui.undo import run_command

COMMIT_DELAY_MS = 400
PREVIEW_DELAY_MS = 300
_MARKUP = re.compile(r"[#>*_`|\\\[\]]|^\s*(?:[-+]|\d+[.)])\s", re.MULTILINE)


def word_count(note: Note) -> int:
    """Words a reader will read: headings and text, without markup or citation tokens."""
    total = 0
    for section in note.sections:
        body = CITATION_PATTERN.sub(" ", section.body)
        total += len(section.heading.split()) + len(_MARKUP.sub(" ", body).split())
    return total


class ComposerView(QWidget):
    passageOpenRequested = Signal(int)
    newNoteRequested = Signal()
    detailsRequested = Signal(int)

    def __init__(
        self,
        session: Session,
        undo_stack: QUndoStack,
        report: Callable[[str], None],
        templates_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("composer")
        self.setAccessibleName("Composer")
        self.session = session
        self.undo_stack = undo_stack
        self.report = report
        self.templates_dir = templates_dir
        self.preview_source = NotePreview(session.project)
        self._note: Note | None = None
        self._section_id: int | None = None
        self._loading = False
        self._target_words = 0
        self._passages_stale = True
        self._preview_stale = True

        self.notes = QComboBox()
        self.notes.setAccessibleName("Note")
        self.notes.setMinimumContentsLength(24)
        self.new_button = QPushButton("&New Note…")
        self.details_button = QPushButton("Note &Details…")
        self.outline_model = OutlineModel()
        self.outline = QListView()
        self.outline.setObjectName("outline")
        self.outline.setAccessibleName("Outline of the note")
        self.outline.setModel(self.outline_model)
        self.outline.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.outline.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.outline.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.editor = SectionEditor()
        self.toolbar = QToolBar("Formatting")
        self.toolbar.setAccessibleName("Formatting")
        self.preview = QTextBrowser()
        self.preview.setObjectName("preview")
        self.preview.setAccessibleName("Preview of the exported note")
        self.preview.setOpenLinks(False)
        self.passages = PassagesPane()
        self.status = QLabel()
        self.status.setAccessibleName("Length of the note")
        self._build_layout()
        self._build_actions()

        self.commit_timer = QTimer(self, singleShot=True, interval=COMMIT_DELAY_MS)
        self.commit_timer.timeout.connect(self.flush)
        self.preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.refresh_preview)
        self.editor.textChanged.connect(self._typed)
        self.editor.citationActivated.connect(self.passageOpenRequested)
        self.editor.passageDropped.connect(self.insert_passage)
        self.notes.activated.connect(lambda _row: self.show_note(self.notes.currentData()))
        self.new_button.clicked.connect(self.newNoteRequested)
        self.details_button.clicked.connect(self._details)
        self.outline.selectionModel().currentChanged.connect(
            lambda current, _previous: self._select_row(current.row())
        )
        self.outline_model.renameRequested.connect(
            lambda sid, name: self._run(UpdateSectionCommand(self._id(), sid, heading=name))
        )
        self.outline_model.moveRequested.connect(
            lambda sid, row: self._run(MoveSectionCommand(self._id(), sid, row))
        )
        self.passages.tree.insertRequested.connect(self.insert_passage)
        self.passages.tree.showRequested.connect(self.passageOpenRequested)
        self.preview.anchorClicked.connect(self._link)
        self.reload_notes()

    # -- building --------------------------------------------------------------

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Note:"))
        top.addWidget(self.notes, 1)
        top.addWidget(self.details_button)
        top.addWidget(self.new_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("Outline"))
        left_layout.addWidget(self.outline)
        self.outline_bar = QToolBar("Outline")
        left_layout.addWidget(self.outline_bar)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.toolbar)
        middle_layout.addWidget(self.editor)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.preview)
        right.addWidget(self.passages)
        right.setSizes([420, 300])
        split = QSplitter(Qt.Orientation.Horizontal)
        for widget in (left, middle, right):
            split.addWidget(widget)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setSizes([200, 520, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def _action(
        self, bar: QToolBar, text: str, keys: str, slot: Callable[[], object], tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        tip = tip or text.replace("&", "")
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        bar.addAction(action)
        return action

    def _build_actions(self) -> None:
        e = self.editor
        self.bold_action = self._action(self.toolbar, "Bold", "Ctrl+B", lambda: e.toggle_wrap("**"))
        self.italic_action = self._action(self.toolbar, "Italic", "Ctrl+I",
                                          lambda: e.toggle_wrap("*"))  # fmt: skip
        self.toolbar.addSeparator()
        self._action(self.toolbar, "• List", "Ctrl+Shift+8", lambda: e.set_line_prefix("bullet"))
        self._action(self.toolbar, "1. List", "Ctrl+Shift+7", lambda: e.set_line_prefix("number"))
        self._action(
            self.toolbar, "H2", "Ctrl+Alt+2", lambda: e.set_line_prefix("h2"), "Sub-heading"
        )
        self._action(
            self.toolbar, "H3", "Ctrl+Alt+3", lambda: e.set_line_prefix("h3"), "Minor heading"
        )
        self._action(self.toolbar, "Quote", "Ctrl+Shift+.", lambda: e.set_line_prefix("quote"))
        self.toolbar.addSeparator()
        self._action(
            self.toolbar,
            "Quote Passage",
            "",
            self._insert_current_passage,
            "Quote the passage chosen on the right at the cursor (Insert)",
        )
        o = self.outline_bar
        self.add_section_action = self._action(
            o, "+", "Ctrl+Shift+Return", self.add_section, "Add a section after this one"
        )
        self._action(o, "−", "", self.remove_section, "Remove this section")
        self.move_up_action = self._action(
            o, "↑", "Alt+Up", lambda: self.move_section(-1), "Move up"
        )
        self._action(o, "↓", "Alt+Down", lambda: self.move_section(1), "Move down")
        self._action(o, "◂", "Alt+Left", lambda: self.change_level(-1), "Raise the heading level")
        self._action(o, "▸", "Alt+Right", lambda: self.change_level(1), "Make it a sub-section")

    # -- which note and section ------------------------------------------------

    def current_note_id(self) -> int | None:
        return None if self._note is None else self._note.id

    def _id(self) -> int:
        return self._note.id if self._note is not None and self._note.id is not None else -1

    def reload_notes(self) -> None:
        notes = self.session.project.list_notes()
        self.notes.blockSignals(True)
        self.notes.clear()
        for note in notes:
            self.notes.addItem(note.title, note.id)
        self.notes.blockSignals(False)
        if not notes:
            self.notes.setPlaceholderText("No notes yet: use Note > New Note from Template…")
            self._note = None
            self._show_section(None)
            self.outline_model.set_sections(())
            self.preview.setHtml("")
            self._update_status()
        keep = self.current_note_id()
        ids = [n.id for n in notes]
        if keep in ids:
            self.notes.setCurrentIndex(ids.index(keep))
        elif notes:
            self._load_note(notes[-1].id)
        self._refresh_used()

    def show_note(self, note_id: int | None) -> None:
        """Open ``note_id``, saving what was typed in the note shown before."""
        self.flush()
        self._load_note(note_id)

    def _load_note(self, note_id: int | None) -> None:
        """Show the stored state of ``note_id`` (never commits: called while changes arrive)."""
        if note_id is None:
            return
        try:
            note = self.session.project.get_note(note_id)
        except RecordNotFound:
            self.reload_notes()
            return
        changed = self._note is None or self._note.id != note.id
        self._note = note
        index = self.notes.findData(note_id)
        if index >= 0:
            self.notes.setCurrentIndex(index)
        self.outline_model.set_sections(note.sections)
        if changed:
            self._target_words = self._target_for(note)
            first = note.sections[0].id if note.sections else None
            self._select_section(first)
        else:
            self._select_section(self._section_id)
        self._refresh_used()
        self.refresh_preview()

    def _target_for(self, note: Note) -> int:
        try:
            return load_templates(self.templates_dir).named(note.template).target_words
        except CommandError:
            return 0

    def _select_section(self, section_id: int | None) -> None:
        row = self.outline_model.row_of(section_id)
        if row < 0 and self.outline_model.rowCount():
            row = 0
        if row >= 0:
            self.outline.setCurrentIndex(self.outline_model.index(row))
        self._select_row(row)

    def _select_row(self, row: int) -> None:
        section = self.outline_model.section(row)
        new_id = section.id if section is not None else None
        if new_id != self._section_id:
            self.flush()
        self._show_section(new_id)

    def _show_section(self, section_id: int | None) -> None:
        self._section_id = section_id
        body = self._stored_body()
        self.editor.setEnabled(section_id is not None and not self.session.read_only)
        if body is not None and body != self.editor.toPlainText():
            position = self.editor.textCursor().position()
            self._loading = True
            self.editor.setPlainText(body)
            cursor = self.editor.textCursor()
            cursor.setPosition(min(position, len(body)))
            self.editor.setTextCursor(cursor)
            self._loading = False
        elif body is None:
            self._loading = True
            self.editor.clear()
            self._loading = False
        self._update_status()

    def _stored_body(self) -> str | None:
        if self._note is None:
            return None
        for section in self._note.sections:
            if section.id == self._section_id:
                return section.body
        return None

    # -- edits -------------------------------------------------------------------

    def _typed(self) -> None:
        if self._loading:
            return
        self.commit_timer.start()
        self.preview_timer.start()
        self._update_status()

    def flush(self) -> None:
        """Save what was typed, now (before undo, a switch, an insert or closing)."""
        self.commit_timer.stop()
        body = self.editor.toPlainText()
        stored = self._stored_body()
        if self._note is None or self._section_id is None or stored is None or body == stored:
            return
        self._run(EditSectionBodyCommand(self._id(), self._section_id, body), flush=False)
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
        self._loading = True
        self.editor.insert_block(markdown)
        self._loading = False
        body = self.editor.toPlainText()
        command = EditSectionBodyCommand(self._id(), self._section_id, body, label=label)
        ok = self._run(command, flush=False)  # flushed above, before the insert
        self.refresh_preview()
        return ok

    def insert_passage(self, passage_id: int) -> None:
        try:
            passage = self.session.project.get_passage(passage_id)
        except RecordNotFound:
            self.report("That passage no longer exists.")
            return
        if self.insert_markdown(quotation_markdown(passage.text, passage_id), "Insert quotation"):
            self.editor.setFocus()

    def _insert_current_passage(self) -> None:
        passage_id = self.passages.tree.current_passage()
        if passage_id is None:
            self.report("Choose a passage in the list on the right first.")
            return
        self.insert_passage(passage_id)

    def add_section(self) -> None:
        if self._note is None:
            self.report("Create a note first: Note > New Note from Template…")
            return
        row = self.outline_model.row_of(self._section_id)
        level = self.outline_model.section(row).level if row >= 0 else 1  # type: ignore[union-attr]
        command = AddSectionCommand(self._id(), "New section", level=level,
                                    index=row + 1 if row >= 0 else None)  # fmt: skip
        if self._run(command):
            self._select_section(command.section_id)
            self.outline.edit(self.outline.currentIndex())

    def remove_section(self) -> None:
        if self._section_id is not None:
            self._run(RemoveSectionCommand(self._id(), self._section_id))

    def move_section(self, step: int) -> None:
        row = self.outline_model.row_of(self._section_id)
        if self._section_id is not None and 0 <= row + step < self.outline_model.rowCount():
            self._run(MoveSectionCommand(self._id(), self._section_id, row + step))

    def change_level(self, step: int) -> None:
        section = self.outline_model.section(self.outline_model.row_of(self._section_id))
        if section is None or section.id is None:
            return
        level = max(1, min(3, section.level + step))
        if level != section.level:
            self._run(UpdateSectionCommand(self._id(), section.id, level=level))

    def _details(self) -> None:
        if self._note is not None and self._note.id is not None:
            self.detailsRequested.emit(self._note.id)

    # -- keeping up with the project -------------------------------------------

    def on_changes(self, changes: list[Change]) -> None:
        entities = {c.entity for c in changes}
        if entities & {Entity.PASSAGE, Entity.ARTICLE}:
            self.preview_source.invalidate()
        if Entity.NOTE in entities:
            added = [i for c in changes if c.entity is Entity.NOTE for i in c.added]
            self.reload_notes()
            if added:
                self._load_note(max(added))
            elif self._note is not None and self._note.id is not None:
                self._load_note(self._note.id)
        elif entities & {Entity.PASSAGE, Entity.THEME, Entity.ARTICLE}:
            self._reload_passages()
            self.preview_timer.start()

    def _used(self) -> set[int]:
        sections = self._note.sections if self._note else ()
        return {pid for s in sections for pid in find_citations(s.body)}

    def _refresh_used(self) -> None:
        if self._passages_stale or not self.isVisible():
            self._passages_stale = True
            return
        self.passages.mark_used(self._used())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._passages_stale:
            self._reload_passages()
        if self._preview_stale:
            self.refresh_preview()

    def _reload_passages(self) -> None:
        """Refill the passages list, or only note that it is stale while nobody sees it.

        A large project has tens of thousands of passages; building the list
        while the Compose tab is hidden would slow every window opening.
        """
        if not self.isVisible():
            self._passages_stale = True
            return
        self._passages_stale = False
        project = self.session.project
        used = self._used()
        self.passages.load(project.list_themes(), project.list_passages(),
                           project.list_articles(), used)  # fmt: skip

    def refresh_preview(self) -> None:
        self.preview_timer.stop()
        if not self.isVisible():
            self._preview_stale = True  # rendered when the Compose tab shows, not at start-up
            return
        self._preview_stale = False
        if self._note is None:
            self.preview.setHtml("")
            return
        note = self._edited_note(self._note)
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(self.preview_source.html(note))
        self.preview.verticalScrollBar().setValue(scroll)

    def _edited_note(self, note: Note) -> Note:
        """The note with what is in the editor now, committed or not."""
        if self._section_id is None:
            return note
        body = self.editor.toPlainText()
        sections = tuple(
            dataclasses.replace(s, body=body) if s.id == self._section_id else s
            for s in note.sections
        )
        return dataclasses.replace(note, sections=sections)

    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(PASSAGE_LINK):
            try:
                self.passageOpenRequested.emit(int(text[len(PASSAGE_LINK) :]))
            except ValueError:
                self.report("That citation's passage no longer exists.")

    def _update_status(self) -> None:
        if self._note is None:
            self.status.setText("")
            return
        note = self._edited_note(self._note)
        words = word_count(note)
        text = f"{words:,} words · about {estimated_pages(words):.1f} pages"
        if self._target_words:
            text += f" · target {self._target_words:,} words"
            if words > self._target_words * 1.1:
                text += " (over)"
        else:
            text += " · no target length"
        self.status.setText(text)
