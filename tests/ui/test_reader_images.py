"""Images in the Reader: shown in place, scaled to the column, and never shifting the text."""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtGui import QTextCursor, QTextImageFormat
from pytestqt.qtbot import QtBot

from briefer.core.model import Article, ArticleImage, Block, BlockKind, Passage, Theme
from briefer.ui.reader.view import ReaderView

FIRST = "The port opened a new terminal on Monday."
SECOND = "Cranes worth 40 million euros arrived by ship."
TEXT = f"{FIRST}\n\n{SECOND}"
TRADE = Theme("Trade", "#C0392B", "1", id=1)


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def article(*images: ArticleImage) -> Article:
    return Article(
        "Port", TEXT,
        (Block(BlockKind.PARAGRAPH, 0, len(FIRST)),
         Block(BlockKind.PARAGRAPH, len(FIRST) + 2, len(TEXT))),
        images=images,
    )  # fmt: skip


def images_in(reader: ReaderView) -> list[QTextImageFormat]:
    found = []
    block = reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(fmt.toImageFormat())
            it += 1
        block = block.next()
    return found


def test_an_image_between_paragraphs_is_shown_and_text_after_it_tags_right(qtbot: QtBot) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(700, 600)
    wide = ArticleImage("image/png", png(3000, 1000), 3000, 1000, offset=len(FIRST) + 2,
                        caption="The new cranes")  # fmt: skip
    reader.set_article(article(wide), [], [TRADE], [])
    shown = images_in(reader)
    assert len(shown) == 1
    assert shown[0].width() < 3000  # scaled down to the text column
    assert shown[0].toolTip() == "The new cranes"

    start = TEXT.index("40 million euros")
    end = start + len("40 million euros")
    cursor = reader.textCursor()
    cursor.setPosition(reader.canonical_to_doc(start))
    cursor.setPosition(reader.canonical_to_doc(end), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "40 million euros"
    assert reader.doc_to_canonical(reader.canonical_to_doc(start)) == start
    reader.set_passages([Passage(1, start, end, "40 million euros", theme_ids=(1,), id=5)], [TRADE])


def test_a_broken_image_is_left_out_and_the_text_is_whole(qtbot: QtBot) -> None:
    reader = ReaderView()
    qtbot.addWidget(reader)
    broken = ArticleImage("image/png", b"not a png", 10, 10, offset=0)
    reader.set_article(article(broken), [], [TRADE], [])
    assert images_in(reader) == []
    assert SECOND in reader.toPlainText()
