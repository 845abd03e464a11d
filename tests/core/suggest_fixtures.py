"""The labelled articles of tests/data/suggest, and how well a suggester agrees with them.

Shared by the precision test and bench/bench_suggest.py, so both read the labels alike.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from briefer.core.model import BLOCK_SEPARATOR, Article, Block, BlockKind, Theme
from briefer.core.record import Record

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "suggest"
HELD_OUT = ("07", "08", "09", "10", "11", "12")
"""Files not looked at while the scoring rules were chosen (see the folder's README)."""


class Labelled(Record, frozen=True):
    name: str
    article: Article
    themes: list[Theme]
    tagged: frozenset[tuple[str, int]]
    """(sentence, theme id) for every sentence the analyst would tag."""


class Agreement(Record, frozen=True):
    right: int
    wrong: int
    missed: int

    @property
    def precision(self) -> float:
        offered = self.right + self.wrong
        return self.right / offered if offered else 1.0

    @property
    def recall(self) -> float:
        wanted = self.right + self.missed
        return self.right / wanted if wanted else 1.0


def load(path: Path) -> Labelled:
    data = json.loads(path.read_text(encoding="utf-8"))
    parts = [(BlockKind.HEADING, data["title"])]
    parts += [(BlockKind.PARAGRAPH, p) for p in data["paragraphs"]]
    blocks, at = [], 0
    for kind, part in parts:
        blocks.append(Block(kind, at, at + len(part), level=1 if kind is BlockKind.HEADING else 0))
        at += len(part) + len(BLOCK_SEPARATOR)
    text = BLOCK_SEPARATOR.join(part for _, part in parts)
    article = Article(data["title"], text, tuple(blocks), id=1)
    themes = [
        Theme(name, "#000000", keywords=tuple(keywords), id=i + 1)
        for i, (name, keywords) in enumerate(data["themes"].items())
    ]
    ids = {name: i + 1 for i, name in enumerate(data["themes"])}
    tagged = frozenset(
        (sentence, ids[name]) for name, found in data["tagged"].items() for sentence in found
    )
    return Labelled(path.stem, article, themes, tagged)


def load_all(prefixes: Iterable[str] | None = None) -> list[Labelled]:
    wanted = tuple(prefixes) if prefixes is not None else None
    return [
        load(path)
        for path in sorted(FIXTURES.glob("*.json"))
        if wanted is None or path.name[:2] in wanted
    ]


Suggester = Callable[[Article, list[Theme]], Iterable[tuple[int, int, int]]]
"""Article and themes in, (start, end, theme id) of each suggested sentence out."""


def agreement(fixtures: Iterable[Labelled], suggester: Suggester) -> Agreement:
    right = wrong = missed = 0
    for item in fixtures:
        text = item.article.text
        offered = {(text[s:e], theme) for s, e, theme in suggester(item.article, item.themes)}
        right += len(offered & item.tagged)
        wrong += len(offered - item.tagged)
        missed += len(item.tagged - offered)
    return Agreement(right, wrong, missed)
