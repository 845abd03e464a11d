"""Reader figures on a long article (issue targets), printed, not asserted.

Opening a 30,000-word article with 300 passages, key press to visible
highlight, and switching articles, on the offscreen platform.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from briefer.core.model import Article, BlockKind, Passage, Theme
from briefer.importers.base import ArticleBuilder
from briefer.ui.reader.view import ReaderView

THEMES = [
    Theme("Trade", "#2E86DE", "1", id=1),
    Theme("Defence", "#C0392B", "2", id=2),
    Theme("Energy", "#E67E22", "3", id=3),
]
WORDS = ["the", "port", "authority", "signed", "export", "tariff", "navy",
         "frigate", "grid", "gas", "deal", "with", "officials"]  # fmt: skip


def long_article(rng: random.Random, words: int, article_id: int) -> Article:
    builder = ArticleBuilder()
    count = 0
    while count < words:
        if rng.random() < 0.1:
            builder.add(BlockKind.HEADING, "A section heading", level=2)
        n = rng.randint(40, 120)
        builder.add(BlockKind.PARAGRAPH, " ".join(rng.choice(WORDS) for _ in range(n)) + ".")
        count += n
    return Article(f"Long article {article_id}", builder.text(), builder.blocks, id=article_id)


def passages_for(rng: random.Random, article: Article, n: int) -> list[Passage]:
    out = []
    for i in range(n):
        start = rng.randrange(0, len(article.text) - 400)
        end = start + rng.randint(20, 300)
        theme = rng.choice([1, 2, 3])
        out.append(Passage(article.id or 0, start, end, "", theme_ids=(theme,), id=i + 1))
    return out


def row(name: str, values: list[float], target: float) -> None:
    median = statistics.median(values) * 1000
    mark = "ok" if median < target else "MISSED"
    print(f"  {name:44} {median:8.1f} ms   target < {target:.0f} ms  {mark}")


def main() -> None:
    app = QApplication.instance() or QApplication([])
    rng = random.Random(3)
    articles = [long_article(rng, 30_000, i) for i in (1, 2)]
    passages = {a.id: passages_for(rng, a, 300) for a in articles}
    view = ReaderView()
    view.resize(1100, 800)
    view.show()
    app.processEvents()

    opens = []
    for i in range(6):
        article = articles[i % 2]
        started = time.perf_counter()
        view.set_article(article, passages[article.id], THEMES)
        view.viewport().repaint()
        opens.append(time.perf_counter() - started)
    print("reader benchmark (30,000 words, 300 passages)")
    row("open an article (set_article + paint)", opens, 150)
    row("switch between two articles", opens[1:], 100)

    article = articles[1]
    current = list(passages[article.id])

    def tag(start: int, end: int, theme: int) -> None:  # what the window's command would do
        current.append(
            Passage(article.id or 0, start, end, "", theme_ids=(theme,), id=len(current) + 1)
        )
        view.set_passages(current, THEMES)

    view.tagRequested.connect(tag)
    presses = []
    for _ in range(15):
        at = rng.randrange(len(article.text) // 4, len(article.text) * 3 // 4)
        cursor = view.textCursor()
        cursor.setPosition(view.canonical_to_doc(at))
        cursor.setPosition(view.canonical_to_doc(at + 20), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        view.ensureCursorVisible()
        app.processEvents()
        started = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_2)
        view.viewport().repaint()
        presses.append(time.perf_counter() - started)
    row("key press to visible highlight", presses, 50)


if __name__ == "__main__":
    main()
