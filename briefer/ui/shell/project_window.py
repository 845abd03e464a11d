"""The project window: articles on the left, the Reader with tagging on the right.

The themes, passages and search panels share one tabbed dock column beside them, and
Read and Tag and Compose each keep their own layout (shell.layouts); the menus live in
shell.menus, the Tag menu in reader.tag_menu. It reads through the session and changes
the project only through commands on its undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
    QTextCursor,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefer.session import (
    Change,
    Entity,
    ProjectError,
    RecordNotFound,
    Session,
)
from briefer.settings import Paths, Settings
from briefer.ui.common.context import WindowContext
from briefer.ui.common.file_drops import ImportsDroppedFiles, pass_file_drops_on
from briefer.ui.common.find_bar import FindBar
from briefer.ui.common.screens import fit_on_screen, only_current_page_counts
from briefer.ui.common.session_bridge import SessionBridge
from briefer.ui.common.splitters import ShareSplitter
from briefer.ui.composer.arrangement import rebalance
from briefer.ui.composer.view import ComposerView
from briefer.ui.library.article_actions import ArticleActions
from briefer.ui.library.importing import BUSY, ImportController
from briefer.ui.library.model import LibraryModel
from briefer.ui.library.panel import LibraryPanel
from briefer.ui.library.qda_actions import QdaActions
from briefer.ui.library.search_panel import SearchPanel
from briefer.ui.notes.actions import ComposerHooks, NoteActions
from briefer.ui.passages.actions import PassageActions
from briefer.ui.passages.model import PassagesModel
from briefer.ui.passages.panel import PassagesPanel
from briefer.ui.reader.tag_menu import TagActions, theme_keys
from briefer.ui.reader.tagging import TaggingController
from briefer.ui.reader.view import ReaderView
from briefer.ui.shell.file_menu import AppSlots
from briefer.ui.shell.layouts import (
    COMPOSE,
    LIBRARY_SHARE,
    LIBRARY_SPLIT_SHARE,
    READ,
    READ_PANELS_SHARE,
    ModeLayouts,
    ModeParts,
    keep_usable,
    tabify,
    tabs_width,
)
from briefer.ui.shell.menus import IMPORT_KEYS, MenuSlots, build_menus
from briefer.ui.shell.paste_import import PasteController
from briefer.ui.shell.restore_dialog import RestoreDialog
from briefer.ui.shell.undo_in_sight import step_in_sight
from briefer.ui.themes.actions import ThemeActions
from briefer.ui.themes.dialog import ThemesDialog
from briefer.ui.themes.model import ThemesModel
from briefer.ui.themes.panel import ThemesPanel

IMPORT_FILTER = (
    "Articles (*.html *.htm *.xhtml *.mhtml *.mht *.pdf *.docx *.eml *.md *.markdown *.txt);;"
    "All files (*)"
)


class ProjectWindow(ImportsDroppedFiles, QMainWindow):
    closing = Signal(str, str)  # geometry and dock layout, base64, for the settings
    preferencesRequested = Signal()
    openProjectRequested = Signal(object)  # Path: a restored backup the analyst wants open

    def __init__(
        self,
        session: Session,
        settings: Settings | None = None,
        paths: Paths | None = None,
        save_settings: Callable[[], None] | None = None,
        app_slots: AppSlots | None = None,  # New, Open, Close Project, Quit: the Controller's
    ) -> None:
        super().__init__()
        # The analyst's defaults (author, marking, folders); tests may leave them out.
        self.settings = settings if settings is not None else Settings()
        self.paths = paths
        self.save_settings = save_settings or (lambda: None)
        self.setObjectName("projectWindow")
        self.session = session
        title = session.info().title
        suffix = " (read-only)" if session.read_only else ""
        self.setWindowTitle(f"{title}{suffix} — Briefer")

        self.library_model = LibraryModel(session)
        self.library_panel = LibraryPanel(self.library_model)
        self.library = self.library_panel.view
        self.reader = ReaderView()
        self.reader.setPlaceholderText(
            "No articles yet. Import some with File > Import (Ctrl+I), drop files or "
            "folders here, or paste an article with Ctrl+V."
        )
        self.undo_stack = QUndoStack(self)
        limit = self.settings.suggestions_per_article
        self.tagging = TaggingController(session, self.reader, self.undo_stack, self.report, limit)
        self.read_split = splitter = ShareSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("readSplit")
        self.find_bar = FindBar(self.reader)
        reading = QWidget()
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.setSpacing(0)
        reading_layout.addWidget(self.reader, 1)
        reading_layout.addWidget(self.find_bar)
        splitter.addWidget(self.library_panel)
        splitter.addWidget(reading)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 0)  # a wider window widens the Reader, not the list
        splitter.setStretchFactor(1, 1)
        self.composer = ComposerView(
            session,
            self.undo_stack,
            self.report,
            paths.templates_dir if paths else None,
            page_size=self.settings.page_size,
            citation_style=self.settings.citation_style,
            language=self.settings.language,
        )
        self.workspace = QTabWidget()
        self.workspace.setObjectName("workspace")
        self.workspace.setAccessibleName("Read or compose")
        self.workspace.setDocumentMode(True)
        self.workspace.addTab(splitter, "&Read and Tag")
        self.workspace.addTab(self.composer, "&Compose")
        only_current_page_counts(self.workspace)  # or Read and Tag is as wide as Compose
        self.workspace.currentChanged.connect(self._workspace_changed)
        self.setCentralWidget(self.workspace)
        self.composer.passageOpenRequested.connect(self.open_passage)
        for editor in (self.composer.editor, self.composer.source_editor):
            editor.filesDropped.connect(self.import_paths)  # files dropped there import too
        self.apply_text_size(self.settings.editor_font_size)

        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        self.status.setText(
            f"{session.path}  ·  "
            + ("Opened read-only" if session.read_only else "All changes saved")
        )
        self.themes_model = ThemesModel(session)
        self.passages_model = PassagesModel(session)
        self.themes_panel = ThemesPanel(self.themes_model)
        self.passages_panel = PassagesPanel(self.passages_model, self.themes_model)
        self.themes_panel.themeActivated.connect(self._theme_clicked)
        self.theme_actions = ThemeActions(session, self, self.tagging.run)
        self.themes_dialog: ThemesDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.themes_panel.menuRequested.connect(
            lambda theme_id, at: self.theme_menu(theme_id).popup(at)
        )
        self.passages_panel.passageActivated.connect(self.open_passage)
        self.passage_actions = PassageActions(self.passages_panel, self.tagging, self.open_passage)
        self.search_panel = SearchPanel(session)
        self.search_panel.hitActivated.connect(self.open_hit)
        # The side panels share one tabbed column right of the Reader, never a strip under it.
        self.docks = [
            self._dock("Themes", "themesDock", self.themes_panel),
            self._dock("Passages", "passagesDock", self.passages_panel),
            self._dock("Search", "searchDock", self.search_panel),
        ]
        self.search_dock = self.docks[2]
        tabify(self, self.docks, Qt.DockWidgetArea.RightDockWidgetArea)
        library = (LIBRARY_SPLIT_SHARE, 1 - LIBRARY_SPLIT_SHARE)  # of the splitter, by default
        self.layouts = ModeLayouts(self, {
            READ: ModeParts((splitter,), (), self._default_read_layout,
                            partial(splitter.rebalance, library, (0,))),
            COMPOSE: ModeParts(self.composer.layout_splitters, (self.composer.side_tabs,),
                               self._default_compose_layout,
                               partial(rebalance, self.composer.arrangement)),
        }, READ)  # fmt: skip
        self.layouts.load(self.settings)
        self.importer = ImportController(session, self, paths.log_file if paths else None)
        self.paster = PasteController(
            session, self, self.report, self._select_article, lambda: self.importer.busy
        )
        # The Note menu, export and the menus get what they use, never the window itself.
        context = WindowContext(
            session=session, undo_stack=self.undo_stack, settings=self.settings, paths=paths,
            parent=self, report=self.report, save_settings=self.save_settings,
            open_passage=self.open_passage, reveal_in_note=self.reveal_in_note,
            edit_article=lambda article_id: self.article_actions.edit_details(article_id),
        )  # fmt: skip
        self.note_actions = NoteActions(context, ComposerHooks(
            current_note_id=self.composer.current_note_id, flush=self.composer.flush,
            show_note=self.show_note, can_insert=self.composer.editor.isEnabled,
            insert_markdown=self.composer.insert_markdown,
        ))  # fmt: skip
        self.composer.newNoteRequested.connect(self.note_actions.new_note)
        self.composer.detailsRequested.connect(lambda _note_id: self.note_actions.edit_details())
        self.qda_actions = QdaActions(context)
        self.article_actions = ArticleActions(context, self.library_panel.current_id)
        self.article_actions.add_to(self.library_panel.view)
        self.menu_actions = build_menus(
            self, context, self._menu_slots(), self.note_actions, self.qda_actions,
            self.article_actions, app_slots, self.library_panel.sort_menu,
        )  # fmt: skip
        self.composer.set_history(self.menu_actions.undo_action, self.menu_actions.redo_action)
        self.composer.sourceDetailsRequested.connect(self.article_actions.edit_details)
        self.setAcceptDrops(not session.read_only)  # files dropped anywhere are imported
        pass_file_drops_on(self)  # text fields included, never typed in as paths
        self.library_panel.articleSelected.connect(self.tagging.show_article)
        self.bridge: SessionBridge | None = SessionBridge(session, self)
        self.bridge.changed.connect(self._on_changes)
        self.bridge.changed.connect(self.search_panel.on_changes)
        self.tag_actions = TagActions(self.tagging, self.bridge, self.menu_actions.themes_action)
        self.menuBar().insertMenu(self.menu_actions.note_menu.menuAction(), self.tag_actions.menu)
        self.reload_articles()
        self.resize(1100, 720)  # within the screen once placed: restore_layout
        for warning in session.take_warnings():  # a backup not written on open
            self.warn(warning)

    def _menu_slots(self) -> MenuSlots:
        return MenuSlots(
            import_articles=self.choose_import, save_copy=self.save_copy,
            restore_from_backup=self.restore_from_backup, close=self.close,
            step_article=self.step_article, show_reader=self.show_reader,
            show_composer=self.show_composer,
            go_to_library=partial(self.focus_panel, self.library_panel.filter, None),
            go_to_reader=partial(self.focus_panel, self.reader, None),
            go_to_themes=partial(self.focus_panel, self.themes_panel.view, "themesDock"),
            go_to_passages=partial(self.focus_panel, self.passages_panel.view, "passagesDock"),
            undo=self.undo, redo=self.redo, find=self.ask_find, find_next=self.find_next,
            search=self.show_search, paste_article=self.paste_article,
            manage_themes=self.manage_themes, preferences=self.preferencesRequested.emit,
            theme_keys=partial(theme_keys, self.session),
            composer_actions=lambda: self.composer.findChildren(QAction),
        )  # fmt: skip

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    # -- layouts (see shell.layouts) --------------------------------------------

    def _default_read_layout(self, width: int, _height: int) -> None:
        """The Library narrow on the left, the panels tabbed on the right, the Reader
        between them with the rest (60% of the width or more)."""
        tabify(self, self.docks, Qt.DockWidgetArea.RightDockWidgetArea)
        panels = max(round(width * READ_PANELS_SHARE), tabs_width(self, self.docks))
        self.resizeDocks([self.docks[0]], [panels], Qt.Orientation.Horizontal)
        library = max(self.library_panel.minimumSizeHint().width(), round(width * LIBRARY_SHARE))
        self.read_split.setSizes([library, max(1, width - panels - library)])

    def _default_compose_layout(self, width: int, height: int) -> None:
        """No docks: the Composer has its own outline, passages and preview beside the editor."""
        for dock in self.docks:
            dock.hide()
        self.composer.lay_out(width, height)

    def reset_layout(self) -> None:
        """The current mode's default layout, for the window's size now."""
        self.layouts.reset()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.layouts.applied:  # laid out once the window has its real size
            layout = self.layout()
            if layout is not None:  # docks placed first, or Qt resizes them after us
                layout.activate()
            keep_usable(self.library_panel, self.reader)
            self.layouts.apply()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.layouts.fit()  # the panels keep their share of the window, not their pixels

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.MouseButtonRelease and self.layouts.applied:
            # The end of dragging a panel's edge (the window's own separator): the
            # panels' new sizes are the analyst's shares from now on.
            QTimer.singleShot(0, self, self.layouts.learn)  # not once the window is gone
        return handled

    # -- finding -------------------------------------------------------------

    def _shown_find_bar(self) -> FindBar:
        """The Reader's bar in Read and Tag, the page's in Compose."""
        if self.workspace.currentWidget() is self.composer:
            return self.composer.find_bar
        return self.find_bar

    def ask_find(self) -> None:
        """Edit > Find: the inline bar under what is shown (not ``find``, which would hide
        QWidget.find())."""
        self._shown_find_bar().open()

    def find_next(self) -> None:
        bar = self._shown_find_bar()
        if not bar.query():
            bar.open()
        elif not bar.isVisible():
            bar.show()
            bar.refresh()
        else:
            bar.step(forward=True)

    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.focus_query()

    def open_hit(self, article_id: int, start: int, end: int) -> None:
        """Open a search hit: its article, with the matched words selected."""
        self._select_article(article_id)
        if start >= 0:
            cursor = self.reader.textCursor()
            cursor.setPosition(self.reader.canonical_to_doc(start))
            cursor.setPosition(self.reader.canonical_to_doc(end), QTextCursor.MoveMode.KeepAnchor)
            self.reader.setTextCursor(cursor)
            self.reader.ensureCursorVisible()
        self.reader.setFocus()

    def step_article(self, step: int) -> None:
        self.library_panel.select_row(self.library_panel.current_row() + step)

    def theme_menu(self, theme_id: int | None) -> QMenu:
        """The theme's editing menu, led by accepting its suggestions in this article."""
        menu = self.theme_actions.menu(theme_id)
        if theme_id is not None:
            count = len(self.tagging.suggestions_for(theme_id))
            accept = QAction(f"&Accept All Suggestions in This Article ({count})", menu)
            accept.setEnabled(count > 0 and not self.session.read_only)
            accept.triggered.connect(lambda: self.tagging.accept_all(theme_id))
            first = menu.actions()[0]
            menu.insertAction(first, accept)
            menu.insertSeparator(first)
        return menu

    def focus_panel(self, widget: QWidget, dock_name: str | None) -> None:
        """Keyboard-only use: jump to a panel, showing its dock if it was closed."""
        if dock_name is not None:
            dock = self.findChild(QDockWidget, dock_name)
            if dock is not None:
                dock.show()
                dock.raise_()
        widget.setFocus()

    def _theme_clicked(self, theme_id: int) -> None:
        if not self.reader.tag_selection(theme_id):
            self.report("Select words in the article first, then click a theme or press its key.")

    def open_passage(self, passage_id: int) -> None:
        """Show a passage in the Reader: its article, scrolled to it, with the cursor there."""
        try:
            passage = self.session.query.get_passage(passage_id)
        except RecordNotFound:
            self.report("That passage no longer exists.")
            return
        self.show_reader()
        self._select_article(passage.article_id)
        self.reader.select_passage(passage_id)
        self.reader.setFocus()

    def reveal_in_note(self, section_id: int, passage_id: int, occurrence: int = 0) -> None:
        """A check line's "Go to": the Composer, at that section and citation."""
        self.workspace.setCurrentWidget(self.composer)
        if not self.composer.reveal(section_id, passage_id, occurrence):
            self.report("That section is no longer in the note.")

    # -- importing -----------------------------------------------------------

    def choose_import(self) -> None:
        """File > Import: starts in the folder of the last import (else the home folder)."""
        last = Path(self.settings.last_import_dir) if self.settings.last_import_dir else None
        folder = last if last is not None and last.is_dir() else Path.home()
        names, _ = QFileDialog.getOpenFileNames(self, "Import articles", str(folder), IMPORT_FILTER)
        if not names:
            return
        paths = [Path(n) for n in names]
        self.settings.last_import_dir = str(paths[0].parent)
        self.save_settings()
        self.import_paths(paths)

    def import_paths(self, paths: list[Path]) -> bool:
        if self.importer.busy or self.paster.busy:
            self.report(BUSY)
            return False
        return self.importer.start(paths)

    def paste_article(self) -> bool:
        """Ctrl+V: the clipboard as a new article, off the GUI thread (shell.paste_import)."""
        return self.paster.paste()

    def _select_article(self, article_id: int | None) -> None:
        if not self.library_panel.select_id(article_id):
            self.library_panel.filter.clear()  # it may be hidden by the filter
            self.library_panel.select_id(article_id)

    def apply_text_size(self, points: int) -> None:
        """The analyst's reading and writing size; the Reader sets its body 1.2x its font."""
        reader_font = QFont(self.reader.font())
        reader_font.setPointSizeF(points / 1.2)
        self.reader.setFont(reader_font)
        editor_font = QFont(self.composer.editor.font())
        editor_font.setPointSizeF(points)
        self.composer.editor.setFont(editor_font)

    def apply_note_settings(self, citation_style: str, page_size: str, language: str) -> None:
        """The analyst's default citation style, page size and note language: the Composer's
        preview and page count follow them (an export reads the settings when it starts)."""
        self.composer.set_note_settings(citation_style, page_size, language)

    def apply_suggestion_limit(self, count: int) -> None:
        """The analyst's cap on suggestions per article, applied to the open article too."""
        self.tagging.set_limit(count)

    def manage_themes(self) -> ThemesDialog:
        """The Manage Themes dialog, modeless so the Reader stays usable beside it."""
        if self.themes_dialog is None:
            self.themes_dialog = ThemesDialog(
                self.session, self.theme_actions, self.tagging.run, self
            )
        self.themes_dialog.reload()
        self.themes_dialog.show()
        self.themes_dialog.raise_()
        self.themes_dialog.activateWindow()  # Ctrl+T again brings it back, keys included
        return self.themes_dialog

    def _workspace_changed(self, _index: int) -> None:
        self.composer.flush()
        # In the Composer Ctrl+I is italic, as in every editor; Import keeps its menu item.
        composing = self.workspace.currentWidget() is self.composer
        keys = QKeySequence() if composing else QKeySequence(IMPORT_KEYS)
        self.menu_actions.import_action.setShortcut(keys)
        self.layouts.switch(COMPOSE if composing else READ)

    def show_reader(self) -> None:
        self.workspace.setCurrentIndex(0)

    def show_composer(self) -> None:
        self.workspace.setCurrentWidget(self.composer)
        self.composer.editor.setFocus()

    def show_note(self, note_id: int) -> None:
        """Open ``note_id`` in the Composer (after drafting it, say)."""
        self.show_composer()
        self.composer.show_note(note_id)

    def undo(self) -> None:
        composing = self.workspace.currentWidget() is self.composer
        step_in_sight(self.undo_stack, self.composer, redo=False, composing=composing)

    def redo(self) -> None:
        composing = self.workspace.currentWidget() is self.composer
        step_in_sight(self.undo_stack, self.composer, redo=True, composing=composing)

    def report(self, message: str) -> None:
        """Refusals and failures of edits, shown where the analyst is looking, without a modal."""
        self.statusBar().showMessage(message, 10_000)

    def warn(self, message: str) -> None:
        """A problem beside the work (no backup written): shown until the next message,
        never a modal, since the project itself is fine."""
        self.statusBar().showMessage(f"Warning: {message[:1].upper()}{message[1:]}.")
        self.status.setToolTip(message)

    def restore_from_backup(self) -> RestoreDialog | None:
        """File > Restore from Backup…: pick a backup, restore it into a new file, and
        maybe open that (after the dialog closes, since opening replaces this window)."""
        if self.paths is None:
            return None
        self.composer.flush()
        dialog = RestoreDialog(self.session.path, self.paths.backups_dir, self)
        self.restore_dialog = dialog

        def finished(_result: int) -> None:
            self.restore_dialog = None
            if dialog.restored is not None and dialog.open_restored:
                self.openProjectRequested.emit(dialog.restored)
            elif dialog.restored is not None:
                self.report(f"Restored the backup as {dialog.restored}")
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def save_copy(self) -> None:
        """A consistent copy of the open project (for e-mail, a USB stick, an archive)."""
        suggested = str(self.session.path.with_name(f"{self.session.path.stem} copy.briefer"))
        target, _ = QFileDialog.getSaveFileName(
            self, "Save a copy as", suggested, "Briefer projects (*.briefer)"
        )
        if not target:
            return
        try:
            self.session.save_copy(Path(target))
        except (ProjectError, OSError) as exc:
            QMessageBox.warning(self, "Could not save the copy", str(exc))
            return
        self.statusBar().showMessage(f"Saved a copy as {target}", 5000)

    def reload_articles(self) -> None:
        """Keep a current article: the first one when nothing (or a deleted one) was shown."""
        if self.library_panel.current_id() is None and self.library_panel.count():
            self.library_panel.select_row(0)
        if not self.library_panel.count():
            self.tagging.show_article(None)

    def _on_changes(self, changes: list[Change]) -> None:
        self.library_model.apply_changes(changes)
        if any(c.entity is Entity.ARTICLE and (c.added or c.removed) for c in changes):
            self.reload_articles()
        self.themes_model.apply_changes(changes)
        self.passages_model.apply_changes(changes)
        self.tagging.on_changes(changes)
        self.composer.on_changes(changes)
        dialog = self.themes_dialog
        if (
            dialog is not None
            and dialog.isVisible()
            and any(c.entity in (Entity.THEME, Entity.PASSAGE) for c in changes)
        ):
            dialog.reload()

    def restore_layout(self, geometry: str, state: str = "") -> None:
        """Put the size back as the analyst left it (silently ignores junk), within the
        screen it opens on: a geometry saved on a larger monitor, or at another scaling,
        would leave the panels and the status bar off the screen. The panels come back
        per mode from the settings when the window shows; ``state``, one layout for both
        modes (Settings.window_state), is no longer used."""
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        fit_on_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:

        # Qt may deliver more than one close (the user, then application exit);
        # an exception escaping a Qt override can take the whole process down.
        if self.bridge is not None:
            if self.themes_dialog is not None:  # its field being edited applies now, while
                self.themes_dialog.close()  # the project is open, not on focus loss after
            self.layouts.store(self.settings)  # saved with the settings by whoever hears closing
            self.closing.emit(
                bytes(self.saveGeometry().toBase64().data()).decode("ascii"),
                bytes(self.saveState().toBase64().data()).decode("ascii"),
            )
            self.composer.flush()
            self.tagging.keep_open_comment()  # typed, not yet saved: kept, as the above
            self.composer.page_count.shutdown()
            self.importer.shutdown()
            self.paster.shutdown()
            self.menu_actions.merge_actions.runner.shutdown()  # waits for a running merge
            self.qda_actions.runner.shutdown()  # waits for a running QDA import or export
            self.note_actions.exporter.shutdown()
            self.bridge.detach()
            self.bridge = None
            self.undo_stack.clear()
            self.session.close()
        super().closeEvent(event)
