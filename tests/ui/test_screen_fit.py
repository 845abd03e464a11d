"""The project window and its dialogs open on the screen, whole: at 200% scaling on a
1600x1000 screen the window opened at 2200x1440 device pixels, the Themes panel and the
status bar off the screen, and a geometry saved on a larger monitor that is gone put it
where nothing showed it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from briefer.app import Controller
from briefer.session import Session
from briefer.session.samples import ensure_sample_project
from briefer.settings import Settings, resolve_paths
from briefer.ui.shell.project_window import ProjectWindow

ROOT = Path(__file__).resolve().parents[2]


def on_screen(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def available() -> QRect:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def open_with(qtbot: QtBot, project: Path, settings: Settings) -> ProjectWindow:
    controller = Controller(resolve_paths(), settings)
    assert controller.open_project(project)
    window = controller.window
    assert isinstance(window, ProjectWindow)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def test_the_first_window_fits_a_screen_smaller_than_its_default(
    qtbot: QtBot, tmp_path: Path
) -> None:
    area = available()
    assert area.width() < 1100, "the test screen is smaller than the default window"
    window = open_with(qtbot, ensure_sample_project(tmp_path), Settings())
    assert area.contains(window.frameGeometry()), f"{window.frameGeometry()} on {area}"
    assert area.contains(on_screen(window.statusBar()))
    assert area.contains(on_screen(window.docks[0]))
    window.close()


def test_a_geometry_saved_on_a_monitor_that_is_gone_opens_on_this_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    project = ensure_sample_project(tmp_path)
    big = ProjectWindow(Session.open(project))
    big.setGeometry(2600, 1300, 1900, 1150)  # the right half of a large second monitor
    saved = bytes(big.saveGeometry().toBase64().data()).decode("ascii")
    big.close()
    window = open_with(qtbot, project, Settings(window_geometry=saved))
    area = available()
    assert area.contains(window.frameGeometry()), f"{window.frameGeometry()} on {area}"
    window.close()


SCREEN = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1600, "height": 1000,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}  # fmt: skip

CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication
from briefer.app import Controller
from briefer.settings import Settings, resolve_paths
app = QApplication([])
controller = Controller(resolve_paths(), Settings())
assert controller.open_project(Path(sys.argv[1]))
window = controller.window
for _ in range(5):
    app.processEvents()
def rect(r):
    return [r.x(), r.y(), r.width(), r.height()]
def on_screen(w):
    return rect(QRect(w.mapToGlobal(QPoint(0, 0)), w.size()))
dialog = window.manage_themes()
for _ in range(5):
    app.processEvents()
print(json.dumps({
    "ratio": window.devicePixelRatioF(),
    "available": rect(window.screen().availableGeometry()),
    "window": rect(window.frameGeometry()),
    "status": on_screen(window.statusBar()),
    "themes": on_screen(window.docks[0]),
    "dialog": rect(dialog.frameGeometry()),
}))
window.close()
"""


def test_at_200_percent_the_window_and_its_dialogs_fit_a_1600x1000_screen(
    tmp_path: Path, briefer_home: Path
) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": "2",
        "BRIEFER_HOME": str(briefer_home),
    }
    project = ensure_sample_project(tmp_path)
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(project)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    seen = json.loads(child.stdout.strip().splitlines()[-1])
    assert seen["ratio"] == 2 and seen["available"] == [0, 0, 800, 500]
    area = QRect(*seen["available"])
    for part in ("window", "status", "themes", "dialog"):
        assert area.contains(QRect(*seen[part])), f"the {part} lies at {seen[part]} on {area}"


def test_a_dialog_wider_than_the_screen_is_narrowed_to_it(qtbot: QtBot) -> None:
    from briefer.ui.notes.figures_dialog import FiguresDialog

    area = available()
    dialog = FiguresDialog([], {}, can_insert=False)  # 820 pixels wide where there is room
    qtbot.addWidget(dialog)
    assert area.width() < 820
    dialog.show()
    qtbot.waitExposed(dialog)
    assert area.contains(dialog.frameGeometry()), f"{dialog.frameGeometry()} on {area}"


MODES_CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from briefer.app import Controller
from briefer.settings import Settings, resolve_paths
app = QApplication([])
controller = Controller(resolve_paths(), Settings())
assert controller.open_project(Path(sys.argv[1]))
window = controller.window
def settle():
    for _ in range(5):
        app.processEvents()
seen = []
def look(mode):
    settle()
    r = window.frameGeometry()
    reader = window.reader.width() / window.reader.fontMetrics().averageCharWidth()
    seen.append([mode, window.minimumSizeHint().width(), [r.x(), r.y(), r.width(), r.height()],
                 reader])
look("read")
window.show_composer()
look("compose")
window.show_reader()
look("read after compose")
window.resize(100, 100)  # as narrow as it goes
look("read, narrowest")
window.show_composer()
look("compose, narrowest")
print(json.dumps({"available": [0, 0, 800, 500], "seen": seen}))
window.close()
"""


def test_at_200_percent_read_mode_fits_after_compose_was_shown(
    tmp_path: Path, briefer_home: Path
) -> None:
    """The hidden Composer page's minimum (its formatting bar, its side column) counted in
    Read and Tag once Compose had been shown: 906 pixels with the panels, past the 800
    a 1600x1000 screen has at 200%."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": "2",
        "BRIEFER_HOME": str(briefer_home),
    }
    project = ensure_sample_project(tmp_path)
    child = subprocess.run(
        [sys.executable, "-c", MODES_CHILD, str(project)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    result = json.loads(child.stdout.strip().splitlines()[-1])
    area = QRect(0, 0, 800, 500)
    for mode, least, frame, reader in result["seen"]:
        assert least <= 760, f"{mode}: the window is at least {least} wide"
        assert area.contains(QRect(*frame)), f"{mode}: the window lies at {frame} on {area}"
        if mode.startswith("read"):  # not one letter a line, however narrow the window
            assert reader >= 25, f"{mode}: the Reader is {reader:.0f} characters wide"
    read = [least for mode, least, _, _ in result["seen"] if mode.startswith("read")]
    assert max(read) <= 650, f"Read and Tag needs {read}: the Composer's minimum counts"
