"""Suggestion figures, printed, not asserted: how often they are right, and what they cost.

Precision and recall against the labelled articles of tests/data/suggest, for the
keyword rule Briefer used before (every sentence holding a keyword, raw prefixes)
and for the ranked suggestions; then the time to compute suggestions for a
30,000-word article, and a theme key to the visible highlight in the project
window (which recomputes them), old rule against new. The target for both times
is the old figure plus 10%.
"""

from __future__ import annotations

import bisect
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from briefer.core.model import Article, BlockKind, Passage, Theme  # noqa: E402
from briefer.core.spans import Span, merge  # noqa: E402
from briefer.core.suggest import (  # noqa: E402
    COVERED_FRACTION,
    DEFAULT_LIMIT,
    Suggestion,
    article_blocks,
    sentences,
    suggest,
)
from briefer.importers.base import ArticleBuilder  # noqa: E402
from tests.core.suggest_fixtures import HELD_OUT, Labelled, agreement, load_all  # noqa: E402
from tests.private_store import store_of  # noqa: E402

# ---- The rule before ranking, kept here to compare against (briefer 0.x, suggest.py) ----


def _old_pattern(keywords: Iterable[str]) -> tuple[re.Pattern[str], list[str]] | None:
    pairs = []
    for keyword in dict.fromkeys(keywords):
        word = keyword.strip()
        star = word.endswith("*")
        word = word.rstrip("*").strip()
        if word:
            body = r"\s+".join(re.escape(part) for part in word.split())
            pairs.append((keyword, body + (r"\w*" if star else "")))
    if not pairs:
        return None
    pairs.sort(key=lambda kp: -len(kp[0]))
    groups = "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(pairs))
    return re.compile(rf"(?<!\w)(?:{groups})(?!\w)", re.IGNORECASE), [k for k, _ in pairs]


class _OldIndex:
    def __init__(self, article: Article) -> None:
        self.text = article.text
        self.blocks = sorted(
            (b for b in article_blocks(article) if b.kind is not BlockKind.HEADING),
            key=lambda b: b.start,
        )
        self.starts = [b.start for b in self.blocks]
        self.cache: dict[int, tuple[list[int], list[Span]]] = {}

    def sentence_at(self, offset: int) -> Span | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0 or offset >= self.blocks[i].end:
            return None
        if i not in self.cache:
            found = sentences(self.text, self.blocks[i].start, self.blocks[i].end)
            self.cache[i] = ([s for s, _ in found], found)
        starts, found = self.cache[i]
        j = bisect.bisect_right(starts, offset) - 1
        return found[j] if j >= 0 and offset < found[j][1] else None

    def block_end(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset)
        return self.starts[i] if i < len(self.starts) else len(self.text)


def _old_covered(sentence: Span, tagged: list[Span], starts: list[int]) -> bool:
    covered = 0
    i = bisect.bisect_left(starts, sentence[1]) - 1
    while i >= 0 and tagged[i][1] > sentence[0]:
        covered += min(sentence[1], tagged[i][1]) - max(sentence[0], tagged[i][0])
        i -= 1
    return covered > COVERED_FRACTION * (sentence[1] - sentence[0])


def old_suggest(
    article: Article,
    themes: Sequence[Theme],
    passages: Sequence[Passage] = (),
    dismissed: set[tuple[int, int, int]] | frozenset[tuple[int, int, int]] = frozenset(),
    limit: int | None = None,
) -> list[Suggestion]:
    """Every sentence with a keyword match, raw prefixes, no ranking (``limit`` ignored)."""
    index = _OldIndex(article)
    found: list[Suggestion] = []
    for theme in themes:
        compiled = _old_pattern(theme.keywords) if theme.id is not None else None
        if compiled is None or theme.id is None:
            continue
        pattern, names = compiled
        tagged = merge((p.start, p.end) for p in passages if theme.id in p.theme_ids)
        starts = [s for s, _ in tagged]
        pos = 0
        while (match := pattern.search(article.text, pos)) is not None:
            sentence = index.sentence_at(match.start())
            if sentence is None:
                pos = max(match.start() + 1, index.block_end(match.start()))
                continue
            if match.end() > sentence[1]:
                pos = match.start() + 1
                continue
            pos = sentence[1]
            if (*sentence, theme.id) in dismissed or _old_covered(sentence, tagged, starts):
                continue
            keyword = names[int(match.lastgroup[1:])] if match.lastgroup else ""
            found.append(Suggestion(sentence[0], sentence[1], theme.id, keyword))
    found.sort(key=lambda s: (s.start, s.theme_id))
    return found


# ---- Precision and recall ----

Suggest = Callable[..., list[Suggestion]]
Span3 = tuple[int, int, int]


def spans_of(fn: Suggest, **options: object) -> Callable[[Article, list[Theme]], list[Span3]]:
    def run(article: Article, themes: list[Theme]) -> list[Span3]:
        return [(s.start, s.end, s.theme_id) for s in fn(article, themes, **options)]

    return run


def quality(fixtures: list[Labelled]) -> None:
    print(f"suggestion quality ({len(fixtures)} labelled articles, tests/data/suggest)")
    rules = [
        ("before: every sentence with a keyword", spans_of(old_suggest)),
        ("every sentence with a keyword, stemmed", spans_of(suggest, limit=None, min_score=0.0)),
        (f"ranked, {DEFAULT_LIMIT} per article (default)", spans_of(suggest)),
        ("ranked, 5 per article", spans_of(suggest, limit=5)),
    ]
    held = [f for f in fixtures if f.name[:2] in HELD_OUT]
    seen = [f for f in fixtures if f.name[:2] not in HELD_OUT]
    print(f"  {'precision / recall':44} {'all':>13}  {'held out':>13}  {'looked at':>13}")
    for name, rule in rules:
        cells = []
        for part in (fixtures, held, seen):
            a = agreement(part, rule)
            cells.append(f"{a.precision:.2f} / {a.recall:.2f}")
        print(f"  {name:44} " + "  ".join(f"{c:>13}" for c in cells))


# ---- Speed ----


def long_trade_story(fixtures: list[Labelled], words: int, seed: int) -> Article:
    """The labelled paragraphs shuffled into one long article with headings, like a dossier."""
    rng = random.Random(seed)
    paragraphs = [
        item.article.text[b.start : b.end]
        for item in fixtures
        for b in item.article.blocks
        if b.kind is BlockKind.PARAGRAPH
    ]
    builder = ArticleBuilder()
    count = 0
    while count < words:
        if rng.random() < 0.1:
            builder.add(BlockKind.HEADING, "A section heading", level=2)
        paragraph = rng.choice(paragraphs)
        builder.add(BlockKind.PARAGRAPH, paragraph)
        count += len(paragraph.split())
    return Article("Dossier", builder.text(), builder.blocks, id=1)


def default_themes() -> list[Theme]:
    import json

    data = json.loads((HERE.parent / "resources" / "themes" / "default-themes.json").read_text())
    return [
        Theme(t["name"], t["colour"], t["shortcut"], keywords=tuple(t["keywords"]), id=i + 1)
        for i, t in enumerate(data["themes"])
    ]


Job = Callable[[], object]


def timed(old: Job, new: Job, runs: int = 21) -> tuple[float, float]:
    """Median ms of each, run in turn so that a busy machine slows both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for fn, out in ((old, times[0]), (new, times[1])):
            started = time.perf_counter()
            fn()
            out.append(time.perf_counter() - started)
    return statistics.median(times[0]) * 1000, statistics.median(times[1]) * 1000


def compare(name: str, old_ms: float, new_ms: float) -> None:
    target = old_ms * 1.1
    mark = "ok" if new_ms <= target else "MISSED"
    print(f"  {name:44} {old_ms:6.1f} -> {new_ms:6.1f} ms   target <= {target:.1f} ms  {mark}")


def speed(fixtures: list[Labelled]) -> None:
    sys.path.insert(0, str(HERE))
    from bench_reader import long_article

    themes = default_themes()
    articles = {
        "random words": long_article(random.Random(3), 30_000, 1),
        "news paragraphs": long_trade_story(fixtures, 30_000, 5),
    }
    print("suggestion speed (30,000 words, six default themes, 300 passages; old -> new)")
    for label, article in articles.items():
        rng = random.Random(7)
        passages = []
        for i in range(300):
            start = rng.randrange(0, len(article.text) - 400)
            end = start + rng.randint(20, 300)
            passages.append(Passage(1, start, end, "", theme_ids=(rng.randint(1, 6),), id=i + 1))
        old, new = timed(
            partial(old_suggest, article, themes, passages),
            partial(suggest, article, themes, passages),
        )
        compare(f"compute suggestions ({label})", old, new)
        before = len(old_suggest(article, themes, passages))
        scoring = len(suggest(article, themes, passages, limit=None))
        print(f"    underlined before: {before}; scoring now: {scoring}, of which shown: "
              f"{min(scoring, DEFAULT_LIMIT)}")  # fmt: skip
    key_to_highlight(articles["news paragraphs"])


def key_to_highlight(article: Article) -> None:
    """The theme key in the project window: tag, store, recompute suggestions, repaint."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    import briefer.ui.reader.tagging as tagging
    from briefer.session import Session
    from briefer.ui.shell.project_window import ProjectWindow

    app = QApplication.instance() or QApplication([])
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BRIEFER_HOME"] = str(Path(tmp) / "home")
        for name, fn in (("old", old_suggest), ("new", suggest)):
            path = Path(tmp) / f"{name}.briefer"
            with Session.create(path) as session:
                store_of(session).add_article(
                    Article(article.title, article.text, article.blocks)
                )  # fmt: skip
            vars(tagging)["suggest"] = fn  # the controller looks it up at each refresh
            window = ProjectWindow(Session.open(path))
            window.resize(1400, 900)
            window.show()
            app.processEvents()
            reader = window.reader
            rng = random.Random(11)
            presses = []
            for _ in range(15):
                at = rng.randrange(len(article.text) // 4, len(article.text) * 3 // 4)
                cursor = reader.textCursor()
                cursor.setPosition(reader.canonical_to_doc(at))
                cursor.setPosition(
                    reader.canonical_to_doc(at + 20), QTextCursor.MoveMode.KeepAnchor
                )  # fmt: skip
                reader.setTextCursor(cursor)
                reader.ensureCursorVisible()
                app.processEvents()
                started = time.perf_counter()
                QTest.keyClick(reader, Qt.Key.Key_1)
                reader.viewport().repaint()
                presses.append(time.perf_counter() - started)
            results[name] = statistics.median(presses) * 1000
            window.close()
            window.session.close()
    vars(tagging)["suggest"] = suggest
    compare("theme key to highlight (window, news)", results["old"], results["new"])


def main() -> None:
    fixtures = load_all()
    quality(fixtures)
    speed(fixtures)


if __name__ == "__main__":
    main()
