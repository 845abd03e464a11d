"""Where the analyst is in a project window: kept as they move, put back when the project
opens again. Gathers and applies only, through the window's own "show" methods; the
record, its file and its bounds are core.places'.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from briefer.core.places import COMPOSE, READ, Place, recall, remember
from briefer.ui.reader.place import ReadingPlace

if TYPE_CHECKING:
    from briefer.ui.shell.project_window import ProjectWindow

SAVE_DELAY_MS = 1500
"""A change of article, note, section, view or scroll is kept once things are quiet this
long: a crash loses at most that, and scrolling or paging through articles writes once."""


class PlaceKeeper(QObject):
    """One project window's place: ``start`` puts the last one back, then keeps it."""

    def __init__(self, window: ProjectWindow, file: Path) -> None:
        super().__init__(window)
        self.window = window
        self.file = file
        self.project_path = window.session.path
        # (article, top, cursor) for the Reader, until it shows with that article built:
        # where it was left, and what is kept if the analyst never looks at it this time.
        self._reading: tuple[int, int, int] | None = None
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self._closed = False

    def start(self) -> None:
        """Put the project's last place back (what no longer exists is skipped), then
        follow the analyst's moves."""
        place = recall(self.file, self.project_path)
        if place is not None:
            self.apply(place)
        window = self.window
        window.workspace.currentChanged.connect(self.soon)
        window.library_panel.articleSelected.connect(self._article_chosen)
        window.composer.notes.currentIndexChanged.connect(self.soon)
        window.composer.outline_panel.sectionChosen.connect(self.soon)
        window.reader.verticalScrollBar().valueChanged.connect(self.soon)
        window.reader.loaded.connect(self._put_reading_back)
        window.reader.installEventFilter(self)
        window.closing.connect(self._closing)

    def apply(self, place: Place) -> None:
        window, composer = self.window, self.window.composer
        if place.note_id is not None and composer.notes.findData(place.note_id) >= 0:
            composer.show_note(place.note_id)
            if place.section_id is not None and composer.reveal(place.section_id):
                editor = composer.editors.currentWidget()
                if isinstance(editor, (QTextEdit, QPlainTextEdit)):
                    cursor = editor.textCursor()
                    last = max(editor.document().characterCount() - 1, 0)
                    cursor.setPosition(min(place.note_cursor, last))
                    editor.setTextCursor(cursor)
        article = place.article_id
        shown = article is not None and window.library_panel.select_id(article)
        if shown and article is not None and (place.article_top or place.article_cursor):
            self._reading = (article, place.article_top, place.article_cursor)
        if place.view == COMPOSE:
            window.show_composer()
        else:
            window.reader.setFocus()  # not the Composer's editor, which revealing focused

    def place(self) -> Place:
        """Where the analyst is now."""
        window, reader, composer = self.window, self.window.reader, self.window.composer
        article = window.library_panel.current_id()
        top = cursor = 0
        if self._reading is not None and self._reading[0] == article:
            _, top, cursor = self._reading
        elif article is not None and not reader.is_loading():
            reading = ReadingPlace.of(reader)
            top = reader.doc_to_canonical(reading.top) or 0
            cursor = reader.doc_to_canonical(reading.position) or 0
        editor = composer.editors.currentWidget()
        editing = editor if isinstance(editor, (QTextEdit, QPlainTextEdit)) else None
        return Place(
            view=COMPOSE if window.workspace.currentWidget() is composer else READ,
            article_id=article,
            article_top=top,
            article_cursor=cursor,
            note_id=composer.current_note_id(),
            section_id=composer.current_section_id(),
            note_cursor=editing.textCursor().position() if editing is not None else 0,
        )

    def soon(self, *_args: object) -> None:
        if not self._closed:
            self._timer.start()

    def save(self) -> None:
        if not self._closed:
            remember(self.file, self.project_path, self.place())

    def _closing(self, *_args: object) -> None:
        self._timer.stop()
        self.save()
        self._closed = True

    def _article_chosen(self, article_id: int) -> None:
        if self._reading is not None and self._reading[0] != article_id:
            self._reading = None  # the analyst went elsewhere first
        self.soon()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched is self.window.reader and self._reading:
            QTimer.singleShot(0, self, self._put_reading_back)  # once the window is laid out
        return False

    def _put_reading_back(self) -> None:
        view = self.window.reader
        if self._reading is None or not view.isVisible():
            return  # the Reader's Show comes back here
        if view.is_loading() or view.is_settling():
            return  # and its long article's ``loaded``
        article, top, cursor = self._reading
        self._reading = None
        if self.window.library_panel.current_id() != article:
            return
        doc_top = view.canonical_to_doc(top) if top else 0
        doc_cursor = view.canonical_to_doc(cursor)
        view.go_to_place(ReadingPlace(doc_top, 0.0, doc_cursor, doc_cursor))
