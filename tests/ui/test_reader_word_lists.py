"""A Word list's numbers, kept in the imported text, are drawn by the Reader only once.

The DOCX importer writes "(a) first lettered point" into the article (the number is
content an analyst cites); the Reader must then not put a list number of its own in
front of it, while a bulleted item under it still gets its bullet.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from briefer.importers.registry import import_path
from briefer.ui.reader.view import ReaderView

DATA = Path(__file__).parents[1] / "data" / "importers" / "docx"


def test_word_numbers_show_once_and_bullets_keep_their_bullet(qtbot: QtBot) -> None:
    article = import_path(DATA / "numbered-clauses.docx").article
    view = ReaderView()
    qtbot.addWidget(view)
    view.set_article(article, [], [])
    lists: dict[str, bool] = {}
    block = view.document().begin()
    while block.isValid():
        lists[block.text()] = block.textList() is not None
        block = block.next()
    assert lists["(a) first lettered point"] is False  # its number is its text, not Qt's
    assert lists["(b) second lettered point"] is False
    assert lists["a bullet under it"] is True
    assert view.toPlainText().count("(a) first lettered point") == 1


def test_a_numbered_item_is_indented_by_its_depth_as_word_shows_it(qtbot: QtBot) -> None:
    from briefer.core.model import Article, Block, BlockKind

    lines = ["Steps agreed", "1. Reopen the corridor", "a. War-risk cover", "2. Ease rates"]
    text = "\n\n".join(lines)
    spans, at = [], 0
    for line in lines:
        spans.append((at, at + len(line)))
        at += len(line) + 2
    levels = [0, 1, 2, 1]
    article = Article("Steps", text, tuple(
        Block(BlockKind.PARAGRAPH, start, end, level=level)
        for (start, end), level in zip(spans, levels, strict=True)
    ))  # fmt: skip
    view = ReaderView()
    qtbot.addWidget(view)
    view.set_article(article, [], [])
    margins: dict[str, float] = {}
    block = view.document().begin()
    while block.isValid():
        margins[block.text()] = block.blockFormat().leftMargin()
        assert block.textList() is None  # the number is the text's, never drawn again
        block = block.next()
    assert margins["Steps agreed"] == 0
    assert 0 < margins["1. Reopen the corridor"] == margins["2. Ease rates"]
    assert margins["a. War-risk cover"] == 2 * margins["1. Reopen the corridor"]
