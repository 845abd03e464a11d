"""Memory stays bounded on the huge inputs the stated limits allow (README, "Limits").

Each import runs in a child process so its peak resident memory can be read on its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="peak memory is read from /proc"
)
LIMIT_MB = 500

# VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork and exec, so a child of a
# 600 MB pytest would report at least 600 MB whatever it did itself.
CHILD = """
import json, sys
from pathlib import Path
from briefer.importers.registry import import_path
imported = import_path(Path(sys.argv[1]))
status = Path("/proc/self/status").read_text()
peak_kb = int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM:")))
print(json.dumps({
    "chars": len(imported.article.text),
    "blocks": len(imported.article.blocks),
    "peak_mb": peak_kb / 1024,
}))
"""


def _import_in_child(path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, float] = json.loads(done.stdout)
    return result


@pytest.mark.slow
def test_a_10_mb_page_of_flat_tables_stays_under_500_mb(tmp_path: Path) -> None:
    page = tmp_path / "table-dump.html"
    with page.open("w", encoding="utf-8") as out:
        out.write("<html><head><title>Port calls</title></head><body><table>")
        row = 0
        while out.tell() < 10 * 1024 * 1024:
            out.write("<tr>" + "".join(f"<td>call {row} {c}</td>" for c in range(8)) + "</tr>")
            row += 1
        out.write("</table></body></html>")
    result = _import_in_child(page)
    assert result["blocks"] >= row  # every row kept
    assert result["peak_mb"] < LIMIT_MB, result


@pytest.mark.slow
def test_60_mb_of_one_line_text_stays_under_500_mb(tmp_path: Path) -> None:
    source = tmp_path / "one-line.txt"
    sentence = "Harbour workers in Oranmore agreed a contract after talks on Tuesday. "
    with source.open("w", encoding="utf-8") as out:
        chunk = sentence * 10_000
        while out.tell() < 60 * 1024 * 1024:
            out.write(chunk)
    result = _import_in_child(source)
    assert result["chars"] > 60 * 1024 * 1024 - 1000
    assert result["peak_mb"] < LIMIT_MB, result
