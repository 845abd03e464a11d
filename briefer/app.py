"""The composition root: builds settings, logging, the session and the windows.

Nothing else creates the QApplication or reads settings for the GUI; the
pieces get what they need through their constructors.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefer import __version__
from briefer.resources import resource_path
from briefer.session import (
    ProjectError,
    ProjectLocked,
    ProjectReadOnly,
    Session,
    backup_policy,
    ensure_sample_project,
    load_templates,
)
from briefer.settings import (
    Paths,
    Settings,
    load_settings,
    resolve_paths,
    save_settings,
    setup_logging,
)
from briefer.ui.common.screens import fit_on_screen
from briefer.ui.common.style import apply_appearance
from briefer.ui.shell.crash import CrashReporter
from briefer.ui.shell.file_menu import AppSlots
from briefer.ui.shell.last_place import PlaceKeeper
from briefer.ui.shell.lock_dialog import LockChoice, ask_locked
from briefer.ui.shell.signals import SignalCloser

if TYPE_CHECKING:
    from briefer.ui.shell.project_window import ProjectWindow

log = logging.getLogger("briefer")
CASCADE = 32
"""Pixels down and right a second project window opens from the last one."""


class Controller:
    """Decides which windows are showing and turns store errors into dialogs.

    One window per open project, or the welcome window when none is open. Opening a
    project from a project window gives it a window of its own, as a word processor
    does with a document: the analyst may be comparing two projects, and nothing they
    were looking at disappears. Opening a project that already has a window brings
    that window forward (a second window would find its own lock).
    """

    def __init__(self, paths: Paths, settings: Settings) -> None:
        self.paths = paths
        self.settings = settings
        self.windows: list[QWidget] = []  # open, least recently active first
        self.welcome: QWidget | None = None
        self._closed: list[QWidget] = []  # kept until their close events are over
        self._watcher = _WindowWatcher(self)
        self.ask_locked = ask_locked  # a seam for tests: the modal question
        # The exit status once the system asked Briefer to stop. A question open then
        # (the project is in use, say) ends with the event loop it ran, and the start
        # must not carry on to the welcome window and a new event loop.
        self.stopped: int | None = None

    @property
    def window(self) -> QWidget | None:
        """The window the analyst used last: the parent for questions and errors."""
        return self.windows[-1] if self.windows else None

    @window.setter
    def window(self, window: QWidget) -> None:
        """Take ``window`` as the one in use, without showing it (a window built elsewhere,
        as tests do, then gets Preferences applied like one the controller opened)."""
        self._activated(window)

    @property
    def project_windows(self) -> list[ProjectWindow]:
        from briefer.ui.shell.project_window import ProjectWindow

        return [w for w in self.windows if isinstance(w, ProjectWindow)]

    def show_welcome(self) -> None:
        from briefer.ui.shell.welcome import WelcomeView

        if self.stopped is not None:  # asked to stop while a question was open
            return
        if self.welcome is not None:
            self._add(self.welcome)
            return
        self.welcome = WelcomeView(
            self.settings.recent_projects,
            self.open_project,
            self.new_project,
            self.open_sample,
            self.open_preferences,
        )
        self._add(self.welcome)

    def open_sample(self) -> None:
        """Build the sample project on first use (in the data folder), then open it."""
        try:
            path = ensure_sample_project(self.paths.data_dir)
        except (ProjectError, OSError) as exc:
            self._error("Could not build the sample project", exc)
            return
        self.open_project(path)

    def new_project(self, path: Path) -> None:
        try:
            session = Session.create(path)
        except (ProjectError, OSError) as exc:
            self._error("Could not create the project", exc)
            return
        self._show_project(session)

    def open_project(
        self, path: Path, *, read_only: bool = False, break_lock: bool = False
    ) -> bool:
        shown = self._window_of(path)
        if shown is not None:
            self._add(shown)
            return True
        try:
            session = Session.open(
                path,
                read_only=read_only,
                backup_dir=None if read_only else self.paths.backups_dir,
                backup_policy=backup_policy(self.settings),
                break_lock=break_lock,
            )
        except (ProjectLocked, ProjectReadOnly) as exc:
            log.info("asking what to do with a project in use: %s", exc)
            choice = self.ask_locked(self.window, exc)
            if choice is LockChoice.READ_ONLY:
                return self.open_project(path, read_only=True)
            if choice is LockChoice.OPEN_ANYWAY:
                log.warning("breaking the lock of %s on the user's word: %s", path, exc)
                return self.open_project(path, break_lock=True)
            return False
        except (ProjectError, OSError) as exc:
            self._error("Could not open the project", exc)
            return False
        self._show_project(session)
        return True

    def _window_of(self, path: Path) -> ProjectWindow | None:
        try:
            wanted = path.resolve()
        except OSError:
            return None
        return next((w for w in self.project_windows if w.session.path.resolve() == wanted), None)

    def _show_project(self, session: Session) -> None:
        from briefer.ui.shell.project_window import ProjectWindow

        self.settings.add_recent(session.path)
        self._save_settings()
        slots = AppSlots(
            new_project=self.new_project, open_project=self.open_project,
            recent_projects=lambda: list(self.settings.recent_projects),
            close_project=self.close_project, quit=self.quit,
        )  # fmt: skip
        window = ProjectWindow(
            session, self.settings, self.paths, self._save_settings, app_slots=slots
        )
        window.preferencesRequested.connect(self.open_preferences)
        window.openProjectRequested.connect(self.open_project)
        window.restore_layout(self.settings.window_geometry, self.settings.window_state)
        beside = self.project_windows
        if beside:  # cascade, so the new window does not hide exactly behind the last
            window.move(beside[-1].pos() + QPoint(CASCADE, CASCADE))
            fit_on_screen(window)  # the cascade may reach past the screen's edge
        window.closing.connect(self._remember_layout)
        PlaceKeeper(window, self.paths.places_file).start()  # where the analyst left it
        self._add(window)
        if self.welcome is not None:  # its work is done; the project window is up first
            self.welcome.close()

    def close_project(self, window: QWidget) -> None:
        """File > Close Project: close this window; back to the welcome window if no
        project is left open (shown first, so the app does not quit on its last window)."""
        if not [w for w in self.project_windows if w is not window]:
            self.show_welcome()
        window.close()

    def quit(self) -> None:
        """File > Quit: close every window, newest first. Each project window saves what
        the Composer holds and waits for its import or export worker, then the loop ends."""
        for window in reversed(list(self.windows)):
            window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def _add(self, window: QWidget) -> None:
        """Show ``window`` (or bring it forward) as the one in use."""
        self._closed.clear()  # their close events finished long ago
        if window not in self.windows:
            window.installEventFilter(self._watcher)
        self._activated(window)
        window.show()
        window.raise_()
        window.activateWindow()

    def _activated(self, window: QWidget) -> None:
        if window in self.windows:
            self.windows.remove(window)
        self.windows.append(window)

    def _closed_window(self, window: QWidget) -> None:
        if window in self.windows:
            self.windows.remove(window)
            self._closed.append(window)  # not freed inside its own close event
        if window is self.welcome:
            self.welcome = None

    def _remember_layout(self, geometry: str, state: str) -> None:
        self.settings.window_geometry = geometry
        self.settings.window_state = state
        self._save_settings()

    def open_preferences(self) -> None:
        from briefer.ui.shell.preferences import PreferencesDialog

        names = load_templates(self.paths.templates_dir).names
        dialog = PreferencesDialog(self.settings, names, self.apply_settings, self.window)
        dialog.exec()

    def apply_settings(self, chosen: Settings) -> None:
        """Take the Preferences dialog's choices: save them and show them at once."""
        for name in Settings.__struct_fields__:
            setattr(self.settings, name, getattr(chosen, name))
        self._save_settings()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_appearance(app, self.settings.appearance)
        for window in self.project_windows:
            window.apply_text_size(self.settings.editor_font_size)
            window.apply_suggestion_limit(self.settings.suggestions_per_article)
            window.apply_note_settings(
                self.settings.citation_style, self.settings.page_size, self.settings.language
            )

    def _save_settings(self) -> None:
        try:
            save_settings(self.paths, self.settings)
        except OSError:
            log.exception("could not save settings")

    def stop(self, signum: int) -> None:
        """The system asked Briefer to stop: close the windows (and with them the
        projects and their locks), then leave the event loop."""
        log.info("stopping on signal %d", signum)
        self.stopped = 128 + signum
        for window in reversed(list(self.windows)):
            window.close()
        app = QApplication.instance()
        if app is not None:
            app.exit(128 + signum)

    def _error(self, title: str, exc: Exception) -> None:
        log.warning("%s: %s", title, exc)
        QMessageBox.warning(self.window, title, str(exc))


class _WindowWatcher(QObject):
    """Tells the controller which of its windows the analyst is using, and which closed."""

    def __init__(self, controller: Controller) -> None:
        super().__init__()
        self.controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QWidget):
            if event.type() == QEvent.Type.WindowActivate:
                self.controller._activated(watched)
            elif event.type() == QEvent.Type.Close:
                self.controller._closed_window(watched)
        return False


class FileOpenFilter(QObject):
    """macOS hands a double-clicked project to a running app as a FileOpen event."""

    def __init__(self, controller: Controller) -> None:
        super().__init__()
        self.controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            self.controller.open_project(Path(event.file()))
            return True
        return False


def run_app(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="briefer", add_help=False)
    parser.add_argument("project", nargs="?", type=Path)
    parser.add_argument("--home", type=Path)
    args, qt_args = parser.parse_known_args(list(argv))
    paths = resolve_paths(args.home)
    setup_logging(paths)
    loaded = load_settings(paths)

    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("Briefer")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Briefer")
    app.setDesktopFileName("org.briefer.Briefer")  # matches packaging/linux/*.desktop
    apply_appearance(app, loaded.settings.appearance)
    try:
        app.setWindowIcon(QIcon(str(resource_path("icons", "briefer-1024.png"))))
    except FileNotFoundError:
        log.warning("application icon missing from resources")

    controller = Controller(paths, loaded.settings)
    reporter = CrashReporter(paths.log_file, lambda: controller.window)
    reporter.install()  # an error in any slot: logged, shown, and the app keeps running
    closer = SignalCloser(controller.stop, app)
    closer.install()
    file_open = FileOpenFilter(controller)
    app.installEventFilter(file_open)
    if loaded.problem:
        QMessageBox.information(None, "Settings reset", loaded.problem)
    if args.project is None or not controller.open_project(args.project):
        controller.show_welcome()
    if controller.stopped is not None:  # stopped while the opening asked a question
        return controller.stopped
    return app.exec()
