"""Project-file figures on a large generated project (run in its own process).

    python bench/bench_store.py PROJECT.briefer

Prints: open + list all articles, full-text search median, adding one passage
(as the app does it: a command in one transaction), file size, peak memory,
each beside its target. Figures, not a pass/fail test.
"""

from __future__ import annotations

import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefer.session import Session, TagPassageCommand

QUERIES = [
    "crude oil", "India", "submarines", "visa programme", "sanctions relief", "pipeline capacity",
    "rare earths", "framework agreement", "labour shortages", "\"currency swap\"", "refiner*",
    "defence cooperation", "Kazakhstan wheat", "price cap", "fighter jets", "migration",
]  # fmt: skip


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def row(name: str, value: str, target: str, ok: bool | None) -> None:
    mark = "" if ok is None else ("ok" if ok else "MISSED")
    print(f"  {name:38} {value:>12}   target {target:>10}  {mark}")


def main(path: Path) -> None:
    print(f"store benchmark on {path} ({path.stat().st_size / 1e6:.1f} MB)")

    def open_and_list() -> None:
        with Session.open(path, read_only=True) as session:
            session.query.list_articles()

    open_and_list()  # warm the OS file cache, as a second open in a day would be
    t = statistics.median(timed(open_and_list, 7))
    row("open project + list all articles", f"{t * 1000:.0f} ms", "< 300 ms", t < 0.3)

    with Session.open(path) as session:
        project = session.query
        count = len(project.list_articles())
        for q in QUERIES:
            project.search(q)
        times = [timed(partial(project.search, q), 3)[-1] for q in QUERIES]
        t = statistics.median(times)
        row(
            f"full-text search, median of {len(QUERIES)}", f"{t * 1000:.1f} ms", "< 50 ms", t < 0.05
        )
        row("  slowest query", f"{max(times) * 1000:.1f} ms", "", None)

        rng = random.Random(7)
        theme = project.list_themes()[0].id
        assert theme is not None
        summaries = project.list_articles()
        texts = {a.id: len(project.get_article(a.id).text) for a in rng.sample(summaries, 20)}
        ids = list(texts)

        def add_one() -> None:
            article_id = rng.choice(ids)
            start = rng.randrange(0, texts[article_id] - 200)
            session.do(TagPassageCommand(article_id, start, start + 120, [theme]))

        times = timed(add_one, 50)
        t = statistics.median(times)
        row("add one passage (command + commit)", f"{t * 1000:.1f} ms", "< 10 ms", t < 0.01)
        for _ in range(50):
            session.undo()

    row("articles in project", f"{count}", "", None)
    row("project file size", f"{path.stat().st_size / 1e6:.1f} MB", "", None)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    row("peak memory (this process)", f"{peak:.0f} MB", "< 200 MB", peak < 200)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
