"""Reading a page's metadata (its by-line and dateline among it) on crafted pages of
dates: 1, 5 and 10 MB of date elements, dated paragraphs, or one text of dates after the
headline. The time must grow with the size, not its square. Prints figures.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from lxml import html

from briefer.importers.htmlmeta import read_metadata

_HEAD = "<html lang='en-US'><head><title>Crafted</title></head><body><h1>Crafted page</h1>"


def _spans(size: int) -> str:
    unit = "<span class='date'>03/04/2015</span> "
    return _HEAD + "<div class='byline'>" + unit * (size // len(unit)) + "</div></body></html>"


def _paragraphs(size: int) -> str:
    unit = "<p>Updated: 03/01/2015 | Posted: 02/26/2015 | By Ann Lee | From: Sun</p>"
    return _HEAD + unit * (size // len(unit)) + "</body></html>"


def _one_text(size: int) -> str:
    unit = "Feb. 26, 2015 02/26/2015 2015/02/26 26.02.2015 "
    return _HEAD + "<p>" + unit * (size // len(unit)) + "</p></body></html>"


def _undated(size: int) -> str:
    """No headline, so every numeric date on the page is checked for a misreading."""
    unit = "<p>03/04/2015 or 4-5-15, 2/26/2015</p>"
    return "<html lang='en'><body>" + unit * (size // len(unit)) + "</body></html>"


def _nested(size: int) -> str:
    unit = "<div><span>2/26/2015</span>"
    count = min(size // len(unit), 5000)  # deeper than this, lxml flattens the page
    return _HEAD + unit * count + "</div>" * count + "</body></html>"


def main() -> int:
    makers: dict[str, Callable[[int], str]] = {
        "date spans": _spans,
        "dated paragraphs": _paragraphs,
        "one text of dates": _one_text,
        "nested dates": _nested,
        "undated, ambiguous": _undated,
    }
    print(f"{'page':<20}{'MB':>4}{'parse s':>10}{'metadata s':>12}")
    for name, make in makers.items():
        for megabytes in (1, 5, 10):
            page = make(megabytes * 1_000_000)
            start = time.perf_counter()
            tree = html.fromstring(page)
            parsed = time.perf_counter()
            meta = read_metadata(tree)
            done = time.perf_counter()
            print(
                f"{name:<20}{megabytes:>4}{parsed - start:>10.2f}{done - parsed:>12.3f}"
                f"  ({meta.published}, {meta.author!r})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
