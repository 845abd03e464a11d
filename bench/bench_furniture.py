"""Page furniture on a crafted long PDF's lines: seconds for 500, 1,000 and 2,000 pages.

    python bench/bench_furniture.py

Every page has a footnote at one height whose number and figures change
("3 Ibid., p. 12."), a page number a tab before the report's title, and a
running head "Report 2026 | n": the rules that compare each page's edge lines
with every other page's. The time per page must stay flat as pages double
(linear or n log n); a square would double it each time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefer.importers.pdffurniture import remove_furniture
from briefer.importers.pdflayout import Line, Page

TARGET_RATIO = 1.5  # time per page at 2,000 pages over that at 500


def _page(n: int) -> Page:
    mark = str(n % 7 + 1)
    body = [
        Line(f"Line {row} of page {n} goes on.{mark if row == 3 else ''}", 72, 520,
             700 - 14 * row, 10, n, marks=(mark,) if row == 3 else ())
        for row in range(40)
    ]  # fmt: skip
    foot = [
        Line(mark, 72, 77, 60, 8, n),
        Line(f"Ibid., p. {n * 3 % 50}.", 84, 200, 60, 8, n),
        Line(str(n + 1), 72, 77, 40, 9, n),
        Line("Annual Report", 100, 190, 40, 9, n),
        Line(f"Report 2026 | {n + 1}", 300, 400, 800, 9, n),
    ]
    return Page(tuple(body + foot), 595, 842)


def main() -> int:
    per_page: dict[int, float] = {}
    for count in (500, 1000, 2000):
        pages = [_page(n) for n in range(count)]
        started = time.perf_counter()
        remove_furniture(pages)
        per_page[count] = (time.perf_counter() - started) / count
    ratio = per_page[2000] / per_page[500]
    rows = [
        *((f"Furniture, {count} pages", f"{seconds * 1000:.2f} ms/page", "")
          for count, seconds in per_page.items()),
        ("  per page at 2,000 over 500", f"{ratio:.2f}", f"< {TARGET_RATIO:g}"),
    ]  # fmt: skip
    width = max(len(name) for name, _, _ in rows)
    print(f"{'Page furniture':<{width}}  {'measured':<14}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:<14}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
