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
