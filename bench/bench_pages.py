"""Page estimate figures: the Composer's estimate for a note of 320 quotations (target < 50 ms).

    python bench/bench_pages.py [--rounds N]

Times the parts the Composer pays on each pause in typing: building the export
document from the note, laying it out on the page (page_estimate), and both
together; and, once per window, the profile of the export's page and styles
(a probe note exported and read back). Uses the calibration note "long-320"
from tests/data/exporters/pages (eight sections, 320 quotations and footnotes).
Figures, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "data" / "exporters" / "pages"))

from notes import CASES  # noqa: E402

from briefer.exporters.document import build_document  # noqa: E402
from briefer.exporters.page_estimate import LayoutCache, estimate_pages  # noqa: E402
from briefer.session.pages import page_profile  # noqa: E402

TARGET_MS = 50


def _ms(seconds: list[float]) -> str:
    return f"median {statistics.median(seconds) * 1000:6.1f} ms, max {max(seconds) * 1000:6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    case = CASES["long-320"]()
    started = time.perf_counter()
    profile = page_profile(None)
    first_profile = time.perf_counter() - started
    build, cold, layout, both = [], [], [], []
    cache = LayoutCache()  # as the Composer keeps one: only what changed is measured again
    result = None
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        document = build_document(case.note, case.passages, case.articles)
        t1 = time.perf_counter()
        result = estimate_pages(document, profile)
        t2 = time.perf_counter()
        estimate_pages(document, profile, cache)
        t3 = time.perf_counter()
        build.append(t1 - t0)
        cold.append(t2 - t1)
        layout.append(t3 - t2)
        both.append(t1 - t0 + t3 - t2)
    print(f"page estimate, note of 320 quotations ({result.length} pages), {args.rounds} rounds:")
    print(f"  export profile (once per window, python-docx load included): "
          f"{first_profile * 1000:.0f} ms")  # fmt: skip
    print(f"  build export document: {_ms(build)}")
    print(f"  lay out, first time:   {_ms(cold)}")
    print(f"  lay out, after an edit:{_ms(layout)}")
    print(f"  estimate per edit:     {_ms(both)}   (target < {TARGET_MS} ms)")


if __name__ == "__main__":
    main()
