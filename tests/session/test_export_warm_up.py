"""session.export.warm_up: what the window loads ahead of the first export, in a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

CHILD = """
import json, sys
from briefer.exporters import csl_kept
from briefer.session.export import warm_up
before = "docx" in sys.modules, "citeproc" in sys.modules, len(csl_kept._styles)
warm_up(sys.argv[1], word=sys.argv[2] == "word")
after = "docx" in sys.modules, "citeproc" in sys.modules, len(csl_kept._styles)
print(json.dumps({"before": before, "after": after}))
"""


def warmed(home: Path, style: str, word: bool) -> dict[str, list[object]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BRIEFER_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, style, "word" if word else "markdown"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, list[object]] = json.loads(done.stdout)
    return result


def test_it_loads_the_writer_and_parses_the_style_and_writes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    found = warmed(home, "chicago-notes-bibliography", word=True)
    assert found["before"] == [False, False, 0]
    assert found["after"] == [True, True, 1]
    assert not home.exists() or not any(home.rglob("*"))  # no cache, no log, nothing


def test_a_style_it_cannot_read_is_left_for_the_export_to_report(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csl"
    broken.write_text("<style>not a citation style", "utf-8")
    found = warmed(tmp_path / "home", str(broken), word=False)
    assert found["after"][0] is False  # a Markdown-only warm-up leaves python-docx alone
    assert found["after"][2] == 0
