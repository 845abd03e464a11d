"""What looking for near copies adds to an import (run in its own process).

    python bench/bench_near_copies.py [--articles N]

Stores N generated articles (bench/gen_project.py's news-like prose, whose stock
phrases make many articles share sampled phrases: a hard case for the candidate
look-up) one import at a time into a new project, once as imports do now and once
with the near-copy check left out, then times one more import into the full project.
Extraction is left out: these are the store's and the check's costs alone, in CPU
time (a machine busy with other work stretches wall time, not this). Figures, not a
pass/fail test.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gen_project import make_article  # bench/, beside this script

from briefer.core.model import Article, Original
from briefer.importers.base import Imported
from briefer.session import imports
from briefer.store import Project


def articles(count: int) -> list[Imported]:
    rng = random.Random(7)
    made: list[Article] = [make_article(rng, i, rng.randint(300, 1200)) for i in range(count)]
    return [Imported(a, Original(a.source_name, "text/html", a.text.encode())) for a in made]


def store_all(folder: Path, name: str, batch: list[Imported]) -> tuple[float, list[float], int]:
    """Total seconds, each import's seconds, and how many were called near copies."""
    each, near = [], 0
    with Project.create(folder / name) as project:
        for imported in batch:
            started = time.process_time()
            outcome = imports.store_imported(project, imported, imported.article.source_name)
            each.append(time.process_time() - started)
            near += outcome.like is not None
    return sum(each), each, near


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=500)
    count = parser.parse_args().articles
    batch = articles(count + 20)
    fill, extra = batch[:count], batch[count:]
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        total, each, near = store_all(folder, "with.briefer", fill)
        original = imports.near_copy
        imports.near_copy = lambda project, text, cancelled=None: None
        try:
            bare, bare_each, _ = store_all(folder, "without.briefer", fill)
        finally:
            imports.near_copy = original
        with Project.open(folder / "with.briefer") as project:
            checks = []
            for imported in extra:
                started = time.process_time()
                imports.near_copy(project, imported.article.text)
                checks.append(time.process_time() - started)
    added = (statistics.median(each) - statistics.median(bare_each)) * 1000
    check, slowest = statistics.median(checks) * 1000, max(checks) * 1000
    rows = [
        (f"Store {count} articles, one import each", f"{total:.1f} s", ""),
        ("  the same without the near-copy check", f"{bare:.1f} s", ""),
        ("  added per import, median", f"{added:.1f} ms", "< 20 ms"),
        (f"Near-copy check, {count}-article project, median", f"{check:.1f} ms", "< 20 ms"),
        ("  slowest of 20", f"{slowest:.1f} ms", "< 100 ms"),
        ("Generated articles called near copies", str(near), "0"),
    ]  # fmt: skip
    width = max(len(name) for name, _, _ in rows)
    print(f"{'near copies (CPU time)':<{width}}  {'measured':<12}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:<12}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
