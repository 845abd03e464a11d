"""`make bench`: every benchmark in its own process, figures printed beside targets.

Generates the large project once (bench/out/large.briefer) and reuses it;
delete bench/out to regenerate. Set BENCH_SMALL=1 for a quick smoke run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def run(*args: str) -> int:
    print(f"\n$ {' '.join(args)}", flush=True)
    return subprocess.call([sys.executable, *args])


def main() -> int:
    OUT.mkdir(exist_ok=True)
    small = os.environ.get("BENCH_SMALL") == "1"
    project = OUT / ("small.briefer" if small else "large.briefer")
    failures = 0
    if not project.exists():
        sizes = ["--articles", "200", "--passages", "2000"] if small else []
        failures += run(str(HERE / "gen_project.py"), str(project), *sizes) != 0
    failures += run(str(HERE / "bench_store.py"), str(project)) != 0
    for extra in sorted(HERE.glob("bench_*.py")):
        if extra.name != "bench_store.py":
            failures += run(str(extra)) != 0
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
