"""An error inside a slot is logged, shown once, and the app keeps working."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from briefer.session import DiskFull
from briefer.settings import resolve_paths, setup_logging
from briefer.ui.shell.crash import CrashReporter


@pytest.fixture
def reporter(tmp_path: Path) -> Iterator[CrashReporter]:
    paths = resolve_paths(tmp_path / "home")
    root = logging.getLogger()
    before = list(root.handlers)
    setup_logging(paths)
    crash = CrashReporter(paths.log_file, lambda: None)
    crash.install()
    yield crash
    crash.uninstall()
    for handler in root.handlers[len(before) :]:
        handler.close()
        root.removeHandler(handler)
    if crash.dialog is not None:
        crash.dialog.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_a_dialog_and_the_app_goes_on(
    qtbot: QtBot, reporter: CrashReporter
) -> None:
    broken = QPushButton("Broken")
    qtbot.addWidget(broken)
    broken.clicked.connect(lambda: 1 / 0)
    working = QPushButton("Working")
    qtbot.addWidget(working)
    clicks: list[bool] = []
    working.clicked.connect(lambda: clicks.append(True))

    broken.click()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert dialog is not None
    assert "ZeroDivisionError: division by zero" in dialog.text()
    assert "already saved" in dialog.informativeText()
    assert str(reporter.log_file) in dialog.informativeText()
    assert "Traceback" in dialog.detailedText()
    logged = reporter.log_file.read_text(encoding="utf-8")
    assert "unexpected error" in logged and "ZeroDivisionError" in logged

    broken.click()  # the same error again at once: logged, not a second dialog
    qtbot.wait(50)
    assert reporter.dialog is dialog
    assert reporter.log_file.read_text(encoding="utf-8").count("ZeroDivisionError: division") == 2

    working.click()
    assert clicks == [True]


@pytest.mark.qt_no_exception_capture
def test_an_error_on_a_worker_thread_is_shown_on_the_gui_thread(
    qtbot: QtBot, reporter: CrashReporter
) -> None:
    def work() -> None:
        raise RuntimeError("disk vanished")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog is not None and "disk vanished" in reporter.dialog.text()


def test_logs_rotate(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "home")
    root = logging.getLogger()
    before = list(root.handlers)
    setup_logging(paths)
    try:
        line = "x" * 1000
        for _ in range(1100):
            logging.getLogger("briefer.test").info(line)
    finally:
        for handler in root.handlers[len(before) :]:
            handler.close()
            root.removeHandler(handler)
    rotated = paths.log_file.with_name(paths.log_file.name + ".1")
    assert rotated.exists() and paths.log_file.exists()
    assert paths.log_file.stat().st_size < 1_000_000


@pytest.mark.qt_no_exception_capture
def test_a_full_disk_in_a_slot_says_so_plainly(
    qtbot: QtBot, reporter: CrashReporter, tmp_path: Path
) -> None:
    button = QPushButton("Tag")
    qtbot.addWidget(button)

    def fail() -> None:
        raise DiskFull(tmp_path)

    button.clicked.connect(fail)
    button.click()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog is not None
    assert reporter.dialog.objectName() == "problemDialog"
    assert reporter.dialog.text() == (
        f"The disk holding {tmp_path} is full; free some space and try again. Nothing was lost."
    )
    assert "report" not in reporter.dialog.text() and not reporter.dialog.detailedText()


EXIT_WITH_THE_WINDOW_OPEN = """
import os, sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from briefer.core.model import Theme
from briefer.session import AddThemeCommand, Session
from briefer.ui.common.undo import run_command
from briefer.ui.shell.crash import CrashReporter
from briefer.ui.shell.project_window import ProjectWindow
window = ProjectWindow(Session.create(Path(sys.argv[1]) / "p.briefer"))
reporter = CrashReporter(Path(sys.argv[1]) / "crash.log", lambda: window)
reporter.install()
window.show()
run_command(window.undo_stack, window.session, AddThemeCommand(Theme("Ports", "#336699")), print)
app.processEvents()
"""


def test_a_process_ending_with_its_window_open_prints_no_tracebacks(tmp_path: Path) -> None:
    """Python and Qt then tear the window down in their own order: the undo stack announced
    its clearing to menu actions whose stack was gone, and the crash hook tried to report
    that through a deleted window (eight tracebacks on stderr)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFER_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", EXIT_WITH_THE_WINDOW_OPEN, str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
