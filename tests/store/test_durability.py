"""Kill a writer at random moments: every edit it acknowledged must survive, intact."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefer.store import Project
from briefer.store.lock import lock_path, read_lock

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("durability_child.py")
RUNS = 25


def _run_and_kill(path: Path, run: int, delay: float) -> list[str]:
    process = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), str(run)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == "ready":
                ready.set()
            lines.append(line.strip())
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(timeout=20), "the child never started editing"
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)  # reaped, so its pid is really gone
    reader.join(timeout=10)
    errors = process.stderr.read() if process.stderr else ""
    assert process.returncode == -signal.SIGKILL, f"child died on its own: {errors}"
    return [line for line in lines if line.startswith("ok ")]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_acknowledged_edits_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "durable.briefer"
    Project.create(path).close()
    rng = random.Random(20240305)
    acknowledged: list[str] = []
    for run in range(RUNS):
        acknowledged += _run_and_kill(path, run, rng.uniform(0.0, 0.25))
        holder = read_lock(lock_path(path))
        assert holder is not None, "a killed writer leaves its lock behind"
    assert len(acknowledged) > RUNS * 3, "the children barely edited; the test proves little"

    with Project.open(path) as project:  # the stale lock of the last child is cleared
        assert read_lock(lock_path(path)).pid == os.getpid()  # type: ignore[union-attr]
        assert project.check_integrity() == []
        themes = {t.name for t in project.list_themes()}
        titles = {a.title for a in project.list_articles()}
        comments = {p.comment for p in project.list_passages()}
        for line in acknowledged:
            _, kind, key = line.split(" ", 2)
            present = {"theme": themes, "article": titles, "passage": comments}[kind]
            assert key in present, f"acknowledged {kind} {key} was lost"
        for article in project.list_articles():
            assert project.get_article(article.id).text  # every body survived with its row
        # atomic transactions: an article and its passage were committed together
        quoted = {c for c in comments if c.startswith("q")}
        assert {f"q{t[1:]}" for t in titles if "-base" not in t} == quoted
    assert not lock_path(path).exists()
