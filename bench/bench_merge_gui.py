"""How long the window's GUI thread is blocked by File > Merge Project… on 2,000 articles.

    python bench/bench_merge_gui.py

Uses the two projects bench_merge.py generates (run it first). A 10 ms QTimer ticks on
the GUI thread while the dry run and the merge run; the longest gap between two ticks
is the longest the window could not paint or answer. "before" runs the dry run and the
command on the GUI thread, as File > Merge Project… did; "after" is the window's own
flow (a worker with a progress dialog). Prints figures, not pass/fail.
Set BENCH_SMALL=1 to use the 200-article pair.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

TARGET_MS = 100.0


class Gaps:
    """The longest wait between two ticks of a 10 ms timer on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.last = time.perf_counter()
        self.longest = 0.0
        self.ticks = 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now
        self.ticks += 1


def wait(app: object, until: object, limit: float = 600.0) -> None:
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication) and callable(until)
    started = time.perf_counter()
    while not until() and time.perf_counter() - started < limit:
        app.processEvents()
        time.sleep(0.002)


def run(label: str, a: Path, b: Path, threaded: bool) -> None:
    from PySide6.QtWidgets import QApplication

    from briefer.session import Session, merge_command, plan_merge
    from briefer.ui.common.undo import run_command
    from briefer.ui.shell.project_window import ProjectWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / "work.briefer"
        shutil.copyfile(a, work)
        window = ProjectWindow(Session.open(work))
        window.show()
        app.processEvents()
        actions = window.menu_actions.merge_actions
        gaps = Gaps()
        started = time.perf_counter()
        if threaded:
            actions.plan(b)
            wait(app, lambda: actions.dialog is not None)
            assert actions.dialog is not None
            planned = time.perf_counter()
            actions.dialog.accept()
            wait(app, lambda: not actions.runner.busy)
        else:
            app.processEvents()
            plan = plan_merge(window.session, b)
            planned = time.perf_counter()
            command = merge_command(window.session, plan.other, {})
            run_command(window.undo_stack, window.session, command, window.report)
            app.processEvents()
        done = time.perf_counter()
        gaps.timer.stop()
        added = len(window.session.query.list_articles())
        window.close()
    print(f"  {label:8} dry run {planned - started:6.2f} s, merge {done - planned:6.2f} s;"
          f" longest GUI-thread block {gaps.longest * 1000:8.0f} ms (target < {TARGET_MS:.0f});"
          f" {gaps.ticks} ticks; {added} articles after")  # fmt: skip


def main() -> int:
    small = os.environ.get("BENCH_SMALL") == "1"
    articles = 200 if small else 2000
    a = HERE / "out" / f"merge-a-{articles}.briefer"
    b = HERE / "out" / f"merge-b-{articles}.briefer"
    if not (a.exists() and b.exists()):
        print(f"run bench/bench_merge.py first: it generates {a.name} and {b.name}")
        return 1
    print(f"Merge Project… in the window: {articles} articles merged into {articles}")
    run("before", a, b, threaded=False)
    run("after", a, b, threaded=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
