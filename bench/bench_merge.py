"""Merging two 2,000-article projects, as `briefer merge` does it (run in its own process).

    python bench/bench_merge.py

Generates two projects once (bench/out/merge-a.briefer, merge-b.briefer: different sites
and seeds, so they share no article), then, each in a child process of its own so the
peak memory (VmHWM) is the merge's: merges B into a copy of A (everything added: articles
with originals, passages, themes matched), then merges B into the result again (all of it
recognised, nothing added). Prints figures beside targets, not pass/fail.
Set BENCH_SMALL=1 for a quick smoke run (200 articles).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

OUT = HERE / "out"
TARGET_SECONDS = 10.0
TARGET_MB = 500.0


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(project: Path, other: Path) -> None:
    """One merge, timed from opening to closing; prints "seconds peak_mb added"."""
    from briefer.session import Session, merge_project

    started = time.perf_counter()
    with Session.open(project) as session:
        report = merge_project(session, other)
    elapsed = time.perf_counter() - started
    print(f"{elapsed:.3f} {_peak_mb():.1f} {report.articles_added} {report.passages_added}"
          f" {report.articles_matched} {report.passages_merged}")  # fmt: skip


def row(name: str, value: str, target: str, ok: bool | None) -> None:
    mark = "" if ok is None else ("ok" if ok else "MISSED")
    print(f"  {name:44} {value:>12}   target {target:>10}  {mark}")


def run_child(project: Path, other: Path) -> list[float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(project), str(other)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return [float(x) for x in done.stdout.split()]


def main() -> int:
    from gen_project import generate

    OUT.mkdir(exist_ok=True)
    small = os.environ.get("BENCH_SMALL") == "1"
    articles, passages = (200, 2000) if small else (2000, 20_000)
    a = OUT / f"merge-a-{articles}.briefer"
    b = OUT / f"merge-b-{articles}.briefer"
    for path, seed, site in ((a, 1, "news.example"), (b, 2, "other.example")):
        if not path.exists():
            generate(path, articles, passages, seed, site=site)
    work = OUT / "merge-work.briefer"
    for extra in (work, work.with_name(work.name + "-wal"), work.with_name(work.name + "-shm")):
        extra.unlink(missing_ok=True)
    shutil.copyfile(a, work)
    print(f"merge benchmark: two projects of {articles} articles and {passages} passages")
    for label in ("merge B into A (all new)", "merge B again (all recognised)"):
        seconds, peak, added, p_added, matched, p_merged = run_child(work, b)
        row(label, f"{seconds:.2f} s", f"< {TARGET_SECONDS:.0f} s", seconds < TARGET_SECONDS)
        row("  peak memory (VmHWM)", f"{peak:.0f} MB", f"< {TARGET_MB:.0f} MB", peak < TARGET_MB)
        print(f"    articles added {added:.0f}, matched {matched:.0f}; "
              f"passages added {p_added:.0f}, matched {p_merged:.0f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        raise SystemExit(main())
