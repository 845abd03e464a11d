"""One file imported in a child process, so its peak memory is its own.

VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork and exec, so a child of a 600 MB
pytest would report at least 600 MB whatever it did itself.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIMIT_MB = 500
needs_proc = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="peak memory is read from /proc"
)

_CHILD = """
import json, sys
from pathlib import Path
from briefer.importers.base import ImportRejected
from briefer.importers.registry import import_path
try:
    article = import_path(Path(sys.argv[1])).article
    result = {"chars": len(article.text), "blocks": len(article.blocks), "reason": ""}
except ImportRejected as error:
    result = {"chars": 0, "blocks": 0, "reason": error.reason}
status = Path("/proc/self/status").read_text()
peak_kb = int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM:")))
print(json.dumps({**result, "peak_mb": peak_kb / 1024}))
"""


def import_in_child(path: Path) -> dict[str, float | str]:
    """What the import of ``path`` gave: its text's length, its blocks, the reason it was
    refused ("" if imported) and the child's peak memory in MB."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, float | str] = json.loads(done.stdout)
    return result
