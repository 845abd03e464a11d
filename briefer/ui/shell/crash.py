"""An unexpected error: log it, tell the analyst, keep running.

Every edit is already saved when it returns, so an error in some slot
loses nothing; the dialog says so, shows the error and where the log is,
and the app carries on. Python's hooks (sys.excepthook for the GUI thread,
threading.excepthook for workers) route here; errors raised on a worker
thread are shown on the GUI thread through a queued signal.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import shiboken6
from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from briefer.core.logs import get_logger
from briefer.session import ProjectError

log = get_logger("briefer.crash")

SysHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
ThreadHook = Callable[[threading.ExceptHookArgs], object]

REPEAT_SECONDS = 5.0
"""The same error again within this time is logged but not shown again."""


def log_hint(log_file: Path | None) -> str:
    """Where an unexpected error's traceback went, for a message asking the analyst to
    report it: the log file (None when the caller has no settings paths, as in tests)."""
    where = f"the log file {log_file}" if log_file is not None else "Briefer's log file"
    return f"The details are in {where}; please send it to your support contact."


class CrashDialog(QMessageBox):
    def __init__(self, summary: str, details: str, log_file: Path,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Briefer hit an unexpected error")
        self.setText(f"Something went wrong: {summary}")
        self.setInformativeText(
            "Everything you did before this was already saved; Briefer keeps running. "
            f"The details are in the log file:\n{log_file}\n"
            "If it happens again, please send that file to your support contact."
        )
        self.setDetailedText(details)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copy = self.addButton("&Copy Details", QMessageBox.ButtonRole.ActionRole)
        folder = self.addButton("Open &Log Folder", QMessageBox.ButtonRole.ActionRole)
        self.addButton(QMessageBox.StandardButton.Ok)
        # Action buttons close a QMessageBox by default; these must not.
        copy.clicked.disconnect()
        folder.clicked.disconnect()
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file.parent)))
        )
        self.setWindowModality(Qt.WindowModality.NonModal)


class ProblemDialog(QMessageBox):
    """A known problem (``ProjectError``) that stopped an action: its one sentence."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Briefer could not finish that")
        self.setText(message)
        self.addButton(QMessageBox.StandardButton.Ok)
        self.setWindowModality(Qt.WindowModality.NonModal)


class CrashReporter(QObject):
    """Installs the hooks; shows at most one dialog per distinct error in a short time."""

    reported = Signal(str, str)  # summary, details: queued to the GUI thread

    def __init__(self, log_file: Path, parent_window: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self.log_file = log_file
        self.parent_window = parent_window
        self.dialog: QMessageBox | None = None
        self._last: tuple[str, float] = ("", 0.0)
        self._previous_hooks: tuple[SysHook, ThreadHook] | None = None
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(
            args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback
        )

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks
            self._previous_hooks = None

    def handle(self, kind: type[BaseException], error: BaseException,
               tb: TracebackType | None) -> None:  # fmt: skip
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if not shiboken6.isValid(self):  # the window is gone: Qt's teardown at exit
            sys.__excepthook__(kind, error, tb)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        if isinstance(error, ProjectError):
            # A full disk or a lost file, not a bug: its message says what to do, and
            # "unexpected error, please report it" would only alarm.
            log.warning("could not finish an action: %s\n%s", error, details)
            self.reported.emit(str(error), "")
            return
        log.error("unexpected error\n%s", details)
        summary = f"{kind.__name__}: {error}"
        self.reported.emit(summary, details)

    def _show(self, summary: str, details: str) -> None:
        try:
            now = time.monotonic()
            if summary == self._last[0] and now - self._last[1] < REPEAT_SECONDS:
                return  # a storm of the same error: one dialog is enough
            self._last = (summary, now)
            if self.dialog is not None and self.dialog.isVisible():
                self.dialog.close()
            if details:
                self.dialog = CrashDialog(summary, details, self.log_file, self.parent_window())
            else:
                self.dialog = ProblemDialog(summary, self.parent_window())
            self.dialog.show()
        except Exception:  # the dialog itself failed: the log has the first error
            log.exception("could not show the error dialog")
