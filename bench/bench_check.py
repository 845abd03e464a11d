"""The note check on crafted sections: one paragraph, or one block quote, of 1,000, 5,000
and 20,000 run-in quotations, and a paragraph of as many quotation marks before one
citation. It runs on every export, on Check Quotations and Sources, and under the
Composer after each pause in typing, so its time must grow with the text, not its
square or cube (a paragraph of 1,000 once took a minute). Prints figures.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from briefer.core.integrity import check_note
from briefer.core.model import Article, Note, Passage, Section

TARGET_SECONDS = 2.0  # for the largest of each kind (20,000 quotations in one section)


def _note(body: str) -> Note:
    return Note("Crafted", sections=(Section("Trade", body, 1, 0),))


def _material(count: int) -> tuple[dict[int, Passage], dict[int, Article]]:
    text = " ".join(f"Word{n}" for n in range(count))
    article = Article("Crafted", text, publisher="Wire", published=dt.date(2026, 1, 2), id=1)
    passages, at = {}, 0
    for n in range(count):
        word = f"Word{n}"
        passages[n + 1] = Passage(1, at, at + len(word), word, theme_ids=(1,), id=n + 1)
        at += len(word) + 1
    return passages, {1: article}


def _run_in(count: int, joiner: str) -> str:
    return joiner.join(f'"Word{n}"[@p{n + 1}]' for n in range(count))


def main() -> None:
    print("Note check on crafted sections (target: the largest of each under "
          f"{TARGET_SECONDS:.0f} s, growing with the size)")  # fmt: skip
    cases: dict[str, Callable[[int], str]] = {
        "run-in quotations in one paragraph": lambda n: _run_in(n, " and "),
        "quotations in one block quote": lambda n: "> " + _run_in(n, "\n> "),
        "quotation marks before one citation": lambda n: ' "x"' * n + ' "Word0"[@p1]',
    }
    for label, make in cases.items():
        for count in (1_000, 5_000, 20_000):
            passages, articles = _material(count)
            note = _note(make(count))
            started = time.perf_counter()
            problems = check_note(note, passages, articles)
            seconds = time.perf_counter() - started
            verdict = "" if count < 20_000 else ("ok" if seconds < TARGET_SECONDS else "OVER")
            print(f"  {label:40} {count:>6}: {seconds * 1000:8.0f} ms  "
                  f"{len(problems)} problems  {verdict}")  # fmt: skip


if __name__ == "__main__":
    main()
