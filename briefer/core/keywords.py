"""Theme keywords as rules over whole words: where each keyword occurs in a text.

Standard library only. A keyword is a word or a phrase. Each word matches any word
of the text with the same stem (``tariff`` finds tariffs, ``export`` finds exported);
a trailing ``*`` lets the last word end in anything (``relocat*`` finds relocation),
but still only from the start of a whole word. The words of a phrase must follow one
another, with only white space or one joining mark (``-``, ``/``, ``.``, ``'``)
between them, so "U.S." and "S-400" keep working as keywords.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from briefer.core.record import Record
from briefer.core.stem import stem

WORD = re.compile(r"\w+")
_NEXT = re.compile(r"(?:\s+|\s*[-/.'’]\s*)(\w+)")
# Only the first letters of a keyword are used to pick the words worth stemming:
# stemming every word of a long article would cost more than the rest together.
_KEY = 3

Test = tuple[str, bool, str]
"""What one word of a keyword asks of a word of the text: (stem, False, key) or
(prefix, True, key), where every word that passes starts with ``key``."""


class KeywordRule(Record, frozen=True):
    """One keyword of one theme, ready to match: a test per word of the text it spans."""

    keyword: str
    tests: tuple[Test, ...]
    words: int
    """How many words the analyst wrote (``fighter jet*`` is 2, ``S-400`` is 1)."""
    star: bool


def keyword_rule(keyword: str) -> KeywordRule | None:
    """The rule for one keyword as the analyst typed it, or None when it has no word."""
    text = keyword.strip()
    star = text.endswith("*")
    tokens = WORD.findall(text.rstrip("*").lower())
    if not tokens:
        return None
    tests = [_stem_test(t) for t in tokens[:-1]]
    tests.append((tokens[-1], True, tokens[-1][:_KEY]) if star else _stem_test(tokens[-1]))
    words = len(text.rstrip("*").split())
    return KeywordRule(text, tuple(tests), words, star)


def _stem_test(word: str) -> Test:
    # The key is what the word and its stem share: "day" stems to "dai", and "days"
    # must still be looked at.
    value = stem(word)
    shared = 0
    while shared < min(len(word), len(value), _KEY) and word[shared] == value[shared]:
        shared += 1
    return value, False, value[:shared]


Hit = tuple[int, int, KeywordRule, int]
"""Where a rule matched: start and end in the text (first word to last), the rule, and
which of the rule groups given to ``KeywordMatcher`` it came from."""


class KeywordMatcher:
    """Every rule of several groups (one group per theme), found in one pass over the words.

    Words are read once each; only those starting like some keyword are stemmed,
    and each distinct spelling is looked at once per matcher.
    """

    def __init__(self, groups: Sequence[Iterable[KeywordRule]]) -> None:
        self._test_ids: dict[Test, int] = {}
        self._tests: list[Test] = []
        # First test id -> the rules that start with it, with their group.
        self._starts: dict[int, list[tuple[KeywordRule, tuple[int, ...], int]]] = {}
        # Key length -> first letters -> the test ids that may match words starting so.
        self._by_key: dict[int, dict[str, list[int]]] = {}
        for group, rules in enumerate(groups):
            for rule in rules:
                ids = tuple(self._test_id(t) for t in rule.tests)
                self._starts.setdefault(ids[0], []).append((rule, ids, group))
        self._seen: dict[str, frozenset[int]] = {}

    def _test_id(self, test: Test) -> int:
        found = self._test_ids.get(test)
        if found is not None:
            return found
        found = self._test_ids[test] = len(self._tests)
        self._tests.append(test)
        key = test[2]
        self._by_key.setdefault(len(key), {}).setdefault(key, []).append(found)
        return found

    def _tests_of(self, word: str) -> frozenset[int]:
        """The tests a word of the text passes (cached per spelling)."""
        found = self._seen.get(word)
        if found is not None:
            return found
        low = word.lower()
        ids: set[int] = set()
        for length, table in self._by_key.items():
            for test_id in table.get(low[:length], ()):
                if self._passes(low, test_id):
                    ids.add(test_id)
        found = self._seen[word] = frozenset(ids)
        return found

    def _passes(self, low: str, test_id: int) -> bool:
        value, prefix, _ = self._tests[test_id]
        if prefix:
            return low.startswith(value)
        # Stems of one- and two-letter words say nothing ("ga" is the stem of gas).
        return low == value if len(low) <= 2 else stem(low) == value

    def hits(self, text: str, start: int, end: int) -> list[Hit]:
        """Every match of every rule in ``text[start:end]``, in text order.

        This loop runs once per word of every article shown, so it stays plain.
        """
        found: list[Hit] = []
        if not self._starts:
            return found
        seen, tests_of, starts = self._seen, self._tests_of, self._starts
        for word in WORD.finditer(text, start, end):
            spelling = word[0]
            first = seen.get(spelling)
            if first is None:
                first = tests_of(spelling)
            if not first:
                continue
            for test_id in first:
                for rule, ids, group in starts.get(test_id, ()):
                    last = word.end() if len(ids) == 1 else self._rest(text, word.end(), end, ids)
                    if last is not None:
                        found.append((word.start(), last, rule, group))
        if len(found) > 1:
            found.sort(key=lambda h: (h[0], -h[1]))
        return found

    def _rest(self, text: str, at: int, end: int, ids: tuple[int, ...]) -> int | None:
        """Where a phrase ends when its words after the first follow ``at``, else None."""
        for test_id in ids[1:]:
            step = _NEXT.match(text, at, end)
            if step is None or test_id not in self._tests_of(step[1]):
                return None
            at = step.end()
        return at
