"""Window figures (issue targets), printed, not asserted.

Launch to a usable project window on a small project, and on the large
generated project: open the window, filter the library, scroll it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

LAUNCH = """
import time, sys
started = time.perf_counter()
from pathlib import Path
from PySide6.QtWidgets import QApplication
from briefer.session import Session
from briefer.ui.shell.project_window import ProjectWindow
app = QApplication([])
window = ProjectWindow(Session.open(Path(sys.argv[1])))
window.show()
app.processEvents()
print(time.perf_counter() - started)
window.close()
"""


def row(name: str, seconds: float, target_ms: float) -> None:
    ms = seconds * 1000
    mark = "ok" if ms < target_ms else "MISSED"
    print(f"  {name:48} {ms:8.0f} ms   target < {target_ms:.0f} ms  {mark}")


def launch_time(project: Path) -> float:
    """A fresh process each time: imports, Qt start-up, opening, first paint."""
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", LAUNCH, str(project)], capture_output=True, text=True, check=True
        )
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(runs)


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from briefer.session import Session
    from briefer.ui.shell.project_window import ProjectWindow

    print("window benchmark")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BRIEFER_HOME"] = str(Path(tmp) / "home")
        small = Path(tmp) / "sample.briefer"
        with Session.create(small) as session:
            session.import_all(sorted((HERE.parent / "resources" / "samples").glob("*.txt")))
        row("launch to usable window (sample project)", launch_time(small), 1000)

    large = HERE / "out" / "large.briefer"
    if not large.exists():
        print("  (no bench/out/large.briefer: run `make bench` once to generate it)")
        return
    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    window = ProjectWindow(Session.open(large, read_only=True))
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    row("open the 2,000-article project window", time.perf_counter() - started, 1000)

    panel = window.library_panel
    typed = []
    for text in ("I", "In", "Ind", "Indi", "India", ""):
        started = time.perf_counter()
        panel.filter.setText(text)
        app.processEvents()
        typed.append(time.perf_counter() - started)
    row("library filter, per keystroke (worst)", max(typed), 100)

    bar = panel.view.verticalScrollBar()
    started = time.perf_counter()
    for value in range(0, bar.maximum(), max(1, bar.maximum() // 50)):
        bar.setValue(value)
        panel.view.viewport().repaint()
    steps = max(1, len(range(0, bar.maximum(), max(1, bar.maximum() // 50))))
    row("library scroll, per page repaint", (time.perf_counter() - started) / steps, 16)

    started = time.perf_counter()
    window.show_composer()  # first time: the list of all 20,000 passages is built
    app.processEvents()
    row("first switch to the Composer (20,000 passages)", time.perf_counter() - started, 1000)
    window.show_reader()
    app.processEvents()
    started = time.perf_counter()
    window.show_composer()
    app.processEvents()
    row("switch back to the Composer", time.perf_counter() - started, 100)
    window.close()


if __name__ == "__main__":
    main()
