"""The composition root: builds settings, logging, the session and the windows.

Nothing else creates the QApplication or reads settings for the GUI; the
pieces get what they need through their constructors.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import logging.handlers
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
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
from briefer.ui.common.style import apply_appearance
from briefer.ui.shell.crash import CrashReporter
from briefer.ui.shell.lock_dialog import LockChoice, ask_locked
from briefer.ui.shell.signals import SignalCloser

log = logging.getLogger("briefer")


class Controller:
    """Decides which window is showing and turns store errors into dialogs."""

    def __init__(self, paths: Paths, settings: Settings) -> None:
        self.paths = paths
        self.settings = settings
        self.window: QWidget | None = None
        self.ask_locked = ask_locked  # a seam for tests: the modal question

    def show_welcome(self) -> None:
        from briefer.ui.shell.welcome import WelcomeView

        self._replace(
            WelcomeView(
                self.settings.recent_projects,
                self.open_project,
                self.new_project,
                self.open_sample,
                self.open_preferences,
            )
        )

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
        try:
            session = Session.open(
                path,
                read_only=read_only,
                backup_dir=None if read_only else self.paths.backups_dir,
                backup_policy=backup_policy(self.settings),
                break_lock=break_lock,
            )
        except (ProjectLocked, ProjectReadOnly) as exc:
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

    def _show_project(self, session: Session) -> None:
        from briefer.ui.shell.project_window import ProjectWindow

        self.settings.add_recent(session.path)
        self._save_settings()
        window = ProjectWindow(session, self.settings, self.paths, self._save_settings)
        window.preferencesRequested.connect(self.open_preferences)
        window.openProjectRequested.connect(self.open_project)
        window.restore_layout(self.settings.window_geometry, self.settings.window_state)
        window.closing.connect(self._remember_layout)
        self._replace(window)

    def _remember_layout(self, geometry: str, state: str) -> None:
        self.settings.window_geometry = geometry
        self.settings.window_state = state
        self._save_settings()

    def _replace(self, window: QWidget) -> None:
        old, self.window = self.window, window
        window.show()
        if old is not None:
            old.close()

    def open_preferences(self) -> None:
        from briefer.ui.shell.preferences import PreferencesDialog

        names = load_templates(self.paths.templates_dir).names
        dialog = PreferencesDialog(self.settings, names, self.apply_settings, self.window)
        dialog.exec()

    def apply_settings(self, chosen: Settings) -> None:
        """Take the Preferences dialog's choices: save them and show them at once."""
        for field in dataclasses.fields(Settings):
            setattr(self.settings, field.name, getattr(chosen, field.name))
        self._save_settings()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_appearance(app, self.settings.appearance)
        apply_text_size = getattr(self.window, "apply_text_size", None)
        if apply_text_size is not None:
            apply_text_size(self.settings.editor_font_size)
        apply_suggestion_limit = getattr(self.window, "apply_suggestion_limit", None)
        if apply_suggestion_limit is not None:
            apply_suggestion_limit(self.settings.suggestions_per_article)
        apply_citation_style = getattr(self.window, "apply_citation_style", None)
        if apply_citation_style is not None:
            apply_citation_style(self.settings.citation_style)

    def _save_settings(self) -> None:
        try:
            save_settings(self.paths, self.settings)
        except OSError:
            log.exception("could not save settings")

    def stop(self, signum: int) -> None:
        """The system asked Briefer to stop: close the window (and with it the project
        and its lock), then leave the event loop."""
        log.info("stopping on signal %d", signum)
        if self.window is not None:
            self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.exit(128 + signum)

    def _error(self, title: str, exc: Exception) -> None:
        log.warning("%s: %s", title, exc)
        QMessageBox.warning(self.window, title, str(exc))


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
    return app.exec()
