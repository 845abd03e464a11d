"""Word-level precision and recall of extracted text against the expected body.

The measure the importers issue sets: bag of words (multiset), case-folded,
punctuation stripped, so layout differences do not count but lost or extra
words do.
"""

from __future__ import annotations

import re
from collections import Counter

from briefer.core.record import Record

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def words(text: str) -> Counter[str]:
    return Counter(w.casefold().replace("’", "'") for w in _WORD.findall(text))


class Score(Record, frozen=True):
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


def score(extracted: str, expected: str) -> Score:
    got, want = words(extracted), words(expected)
    common = sum((got & want).values())
    precision = common / max(1, sum(got.values()))
    recall = common / max(1, sum(want.values()))
    return Score(precision, recall)
