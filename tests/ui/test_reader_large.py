"""A long article in the reader: built slice by slice with the event loop running,
offsets exact to its last character, and another article picked mid-build cancels it.

The threshold for the incremental build is lowered so a few hundred kilobytes take the
path a 20 MB file takes; the article is imported from a real .txt into a real project.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPalette, QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from briefer.core.model import BLOCK_SEPARATOR, Article, Block, BlockKind
from briefer.session import Session
from briefer.ui.reader.document import DocumentBuilder, ReaderStyle, render_article
from briefer.ui.reader.view import INCREMENTAL_FROM, ReaderView
from briefer.ui.shell.project_window import ProjectWindow

WORDS = [
    "the", "port", "authority", "signed", "concession", "terminal", "consortium", "shipping",
    "officials", "said", "grain", "fertiliser", "would", "double", "berth", "agreement",
    "worth", "billion", "euros", "welcomed", "critics", "warned", "schedule", "favours",
    "bulk", "carriers", "local", "fishing", "fleets", "regional", "council",
]  # fmt: skip
HAIFA = "\u05d7\u05d9\u05e4\u05d4"  # in Hebrew, written right to left
LAST = f"The last frigate \U0001f6a2 sailed from Haifa \u2014 {HAIFA} \u2014 at dawn."
PORT = "\u0645\u064a\u0646\u0627\u0621 \u0627\u0644\u0645\u062f\u064a\u0646\u0629"  # Arabic
SMALL = "A short note on the harbour.\n\nThe navy kept its berth. Exports rose."


def long_text(paragraphs: int) -> str:
    """News paragraphs with emoji and right-to-left lines among them; ``LAST`` near the end."""
    rng = random.Random(11)
    parts = ["Harbour files\n"]
    for i in range(paragraphs):
        words = [rng.choice(WORDS) for _ in range(rng.randint(60, 150))]
        if i % 7 == 3:
            words.insert(rng.randrange(len(words)), "\U0001f30a\U0001f3d7\ufe0f")
        if i % 11 == 5:
            words.append(PORT)
        paragraph = " ".join(words).capitalize() + "."
        if i % 40 == 9:  # a sentence for the Trade theme's keywords, now and then
            paragraph += " Exports and tariffs rose after the bilateral trade talks."
        parts.append(paragraph)
    parts.insert(len(parts) - 3, LAST)
    return "\n\n".join(parts) + "\n"


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, int, int]:
    """A project holding a long article (about 300 kB) and a short one: their ids."""
    big, small = tmp_path / "long.txt", tmp_path / "short.txt"
    big.write_text(long_text(450), encoding="utf-8")
    small.write_text(SMALL, encoding="utf-8")
    path = tmp_path / "large.briefer"
    with Session.create(path) as session:
        outcomes = list(session.import_files([big, small]))
        ids = [o.article_id for o in outcomes]
    assert None not in ids, outcomes
    return path, ids[0] or 0, ids[1] or 0


def open_window(qtbot: QtBot, path: Path) -> ProjectWindow:
    window = ProjectWindow(Session.open(path))
    qtbot.addWidget(window)
    window.reader.incremental_from = 20_000
    window.show()
    return window


def doc_text(document: QTextDocument, start: int, end: int) -> str:
    """The document's text between two positions (Qt counts UTF-16 units)."""
    raw = document.toRawText().encode("utf-16-le")
    return raw[2 * start : 2 * end].decode("utf-16-le")


def check_every_block(reader: ReaderView, article: Article) -> None:
    offsets = reader._rendering.offsets if reader._rendering else None
    assert offsets is not None and len(offsets.canon_starts) == len(article.blocks)
    document = reader.document()
    for block in article.blocks:
        start, end = reader.canonical_to_doc(block.start), reader.canonical_to_doc(block.end)
        assert doc_text(document, start, end) == article.block_text(block)
        assert reader.doc_to_canonical(start) == block.start
        assert reader.doc_to_canonical(end) == block.end


def test_a_long_article_loads_in_slices_and_tags_exactly_near_its_end(
    qtbot: QtBot, project: tuple[Path, int, int]
) -> None:
    path, big_id, small_id = project
    window = open_window(qtbot, path)
    reader = window.reader
    window.library_panel.select_id(small_id)
    assert not reader.is_loading()
    with qtbot.waitSignal(reader.loaded, timeout=30_000):
        window.library_panel.select_id(big_id)
        assert reader.is_loading()  # the window went back to its event loop mid-build
        assert reader.progress_label.isVisible()
        assert "Opening the article" in reader.progress_label.text()
        assert not reader.empty_hint.isVisible()  # not "select an article" meanwhile
    assert not reader.is_loading() and not reader.progress_label.isVisible()
    article = window.session.query.get_article(big_id)
    check_every_block(reader, article)
    # Its sentences are scored on a worker once it is in; the suggestions follow.
    qtbot.waitUntil(lambda: bool(window.tagging.suggestions_for(1)), timeout=30_000)
    first = window.tagging.suggestions_for(1)[0]
    assert [s.theme_id for s in reader.suggestions_at(first.start)] == [1]

    start = article.text.index("frigate \U0001f6a2")
    end = article.text.index(" at dawn")
    cursor = reader.textCursor()
    cursor.setPosition(reader.canonical_to_doc(start))
    cursor.setPosition(reader.canonical_to_doc(end), QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    assert cursor.selectedText() == article.text[start:end]
    qtbot.keyClick(reader, "1")
    with Session.open(path, read_only=True) as session:
        stored = [(p.start, p.end, p.text) for p in session.query.list_passages()]
    expected = f"frigate \U0001f6a2 sailed from Haifa \u2014 {HAIFA} \u2014"
    assert stored == [(start, end, expected)]
    assert [p.text for p in reader.passages_at(end - 2)] == [expected]
    window.close()


def test_picking_another_article_mid_build_cancels_it_cleanly(
    qtbot: QtBot, project: tuple[Path, int, int]
) -> None:
    path, big_id, small_id = project
    window = open_window(qtbot, path)
    reader = window.reader
    window.library_panel.select_id(small_id)
    window.library_panel.select_id(big_id)
    assert reader.is_loading()  # its first slice is in, the rest waits for the event loop
    window.library_panel.select_id(small_id)
    assert not reader.is_loading() and not reader.progress_label.isVisible()
    small = window.session.query.get_article(small_id)
    shown = reader.document().toPlainText()
    qtbot.wait(200)  # no slice of the long article arrives late
    assert reader.document().toPlainText() == shown
    assert "Exports rose." in shown and "frigate" not in shown
    check_every_block(reader, small)

    start = small.text.index("navy")
    cursor = reader.textCursor()
    cursor.setPosition(reader.canonical_to_doc(start))
    cursor.setPosition(reader.canonical_to_doc(start + 4), QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    qtbot.keyClick(reader, "2")
    with Session.open(path, read_only=True) as session:
        assert [p.text for p in session.query.list_passages()] == ["navy"]

    with qtbot.waitSignal(reader.loaded, timeout=30_000):  # and back: it loads whole
        window.library_panel.select_id(big_id)
    check_every_block(reader, window.session.query.get_article(big_id))
    # Its scoring waited for the build left behind; back again, it is scored after all.
    qtbot.waitUntil(lambda: bool(window.tagging.suggestions_for(1)), timeout=30_000)
    window.close()


def test_slices_and_one_go_build_the_same_document(qtbot: QtBot) -> None:
    """Runs of blocks share one insert; slicing cuts them anywhere: same text, same map."""
    parts = [
        (BlockKind.HEADING, 1, "Harbour \U0001f6a2 deal"),
        (BlockKind.PARAGRAPH, 0, "First \U0001f30a paragraph, with a wave."),
        (BlockKind.PARAGRAPH, 0, "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd and more."),
        (BlockKind.PARAGRAPH, 0, "Third one."),
        (BlockKind.QUOTE, 0, "A quote \U0001f600 here."),
        (BlockKind.QUOTE, 0, "And a second quote."),
        (BlockKind.LIST_ITEM, 1, "one item"),
        (BlockKind.LIST_ITEM, 2, "a nested \U0001f600 item"),
        (BlockKind.LIST_ITEM, 1, "two item"),
        (BlockKind.PREFORMATTED, 0, "code line one\ncode \U0001f600 two"),
        (BlockKind.PARAGRAPH, 2, "b. a numbered paragraph"),
        (BlockKind.CAPTION, 0, "A caption."),
    ]
    text = BLOCK_SEPARATOR.join(p[2] for p in parts)
    blocks, at = [], 0
    for kind, level, part in parts:
        blocks.append(Block(kind, at, at + len(part), level=level, ordered=True))
        at += len(part) + len(BLOCK_SEPARATOR)
    article = Article("Harbour \U0001f6a2 deal", text, tuple(blocks), id=3)
    view = ReaderView()
    qtbot.addWidget(view)
    style = ReaderStyle.from_palette(view.palette(), view.font())
    whole = QTextDocument()
    at_once = render_article(whole, article, style)
    sliced_doc = QTextDocument()
    builder = DocumentBuilder(sliced_doc, article, style)
    steps = 0
    while not builder.step(1):
        steps += 1
    assert steps > 3
    assert sliced_doc.toRawText() == whole.toRawText()
    assert builder.rendering.quotes == at_once.quotes and len(at_once.quotes) == 2
    a, b = at_once.offsets, builder.rendering.offsets
    assert (a.canon_starts, a.canon_ends, a.doc_starts) == (
        b.canon_starts,
        b.canon_ends,
        b.doc_starts,
    )
    for offset in range(len(text) + 1):
        assert a.canonical_to_doc(offset) == b.canonical_to_doc(offset)
    for block in article.blocks:
        start, end = a.canonical_to_doc(block.start), a.canonical_to_doc(block.end)
        shown = article.block_text(block).replace("\n", "\u2028")
        assert doc_text(whole, start, end) == shown
        for offset in range(block.start, block.end + 1):
            assert a.doc_to_canonical(a.canonical_to_doc(offset)) == offset
    lists = {whole.findBlock(a.canonical_to_doc(b.start)).textList() is not None for b in blocks}
    assert lists == {True, False}


def test_an_article_looks_the_same_built_in_slices_as_at_once(qtbot: QtBot) -> None:
    """The swapped-in document of a long article carries the same fonts, margins, lists,
    quotes and highlights as one built in place: the two readers grab the same pixels."""
    from tests.ui.test_reader import THEMES, make_article, passage

    article = make_article()
    passages = [
        passage(article, "port authority signed", 1, pid=1),
        passage(article, "navy would keep a berth", 2, 3, pid=2, comment="Check."),
    ]
    images = []
    for threshold in (10**9, 0):
        view = ReaderView()
        qtbot.addWidget(view)
        view.incremental_from = threshold
        view.resize(760, 900)
        view.show()
        if threshold:
            view.set_article(article, passages, THEMES)
        else:
            with qtbot.waitSignal(view.loaded, timeout=10_000):
                view.set_article(article, passages, THEMES)
        qtbot.wait(100)  # Qt lays a newly set document out between events
        view.setCursorWidth(0)  # the text cursor blinks on its own clock
        images.append(view.grab().toImage())
    assert images[0] == images[1]


def test_highlights_scrolled_into_view_are_painted_whole(qtbot: QtBot) -> None:
    """Scrolling repaints only the strip that comes into view: the highlights there must
    be what a full repaint draws (a cut at the strip's edge painted a sliver of them)."""
    from PySide6.QtWidgets import QApplication

    from tests.ui.test_reader import THEMES, make_article, passage

    article = make_article()
    passages = [passage(article, article.text[article.text.index("port") :], 1, pid=1)]
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(700, 260)
    view.show()
    view.set_article(article, passages, THEMES)
    qtbot.wait(100)
    view.setCursorWidth(0)
    bar = view.verticalScrollBar()
    assert bar.maximum() > 40  # the article runs below the window
    for step in range(0, bar.maximum(), 4):
        bar.setValue(step)
        QApplication.processEvents()
    qtbot.wait(50)
    port = view.viewport()
    screen = QApplication.primaryScreen().grabWindow(view.winId()).toImage()
    shown = screen.copy(QRect(port.mapTo(view.window(), QPoint(0, 0)), port.size()))
    fresh = port.grab().toImage()
    rows = [
        y
        for y in range(fresh.height())
        if any(shown.pixel(x, y) != fresh.pixel(x, y) for x in range(0, fresh.width(), 2))
    ]
    assert len(rows) <= 2, rows  # an antialiased pixel where two strips meet, no more


def first_visible(reader: ReaderView) -> int | None:
    """The canonical offset of the first text at the top of the Reader's window."""
    bar = reader.verticalScrollBar()
    point = QPointF(reader.viewport().width() / 2, bar.value() + 2)
    layout = reader.document().documentLayout()
    return reader.doc_to_canonical(layout.hitTest(point, Qt.HitTestAccuracy.FuzzyHit))


def test_a_palette_change_while_a_long_article_builds_keeps_the_place(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Light to dark rebuilds the article (its colours are in the text's formats); a long
    one is rebuilt in slices, and a second change may come mid-build (the window's and the
    application's). The analyst is left where they were reading, not at the top."""
    # At the real threshold's size: Qt sets the scroll range of a document swapped in this
    # long only between events, after the place is put back (smaller ones are in range).
    big, small = tmp_path / "long.txt", tmp_path / "short.txt"
    big.write_text(long_text(1300), encoding="utf-8")
    small.write_text(SMALL, encoding="utf-8")
    path = tmp_path / "million.briefer"
    with Session.create(path) as session:
        big_id, small_id = (o.article_id for o in session.import_files([big, small]))
    window = open_window(qtbot, path)
    reader = window.reader
    reader.incremental_from = INCREMENTAL_FROM
    window.library_panel.select_id(small_id)
    with qtbot.waitSignal(reader.loaded, timeout=60_000):
        window.library_panel.select_id(big_id)
    assert reader.document().characterCount() > INCREMENTAL_FROM
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum() * 4 // 5)
    qtbot.wait(50)
    before = first_visible(reader)
    article = window.session.query.get_article(big_id)
    assert before is not None and before > len(article.text) // 3
    seen = article.text[before : before + 40]

    dark = QPalette(reader.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1f22"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    with qtbot.waitSignal(reader.loaded, timeout=60_000):
        reader.setPalette(dark)
        assert reader.is_loading()  # rebuilt in slices, the event loop running
        assert reader.document().isEmpty()  # meanwhile the page shows the progress
        reader.setPalette(QPalette(window.palette()))  # and back, mid-build
        assert reader.is_loading()
    qtbot.wait(100)  # Qt lays the swapped-in document out between events
    after = first_visible(reader)
    assert after == before, (seen, None if after is None else article.text[after : after + 40])
    window.close()


@pytest.mark.parametrize("points", [10, 18])
def test_a_text_size_change_in_a_long_article_keeps_the_place(
    qtbot: QtBot, tmp_path: Path, points: int
) -> None:
    """Preferences > text size rebuilds a long article too. The place must be read before the
    view takes the new font: after it, the old scroll value lands near the new layout's top."""
    big = tmp_path / "long.txt"
    big.write_text(long_text(1300), encoding="utf-8")
    path = tmp_path / "million.briefer"
    with Session.create(path) as session:
        [outcome] = session.import_files([big])
    window = open_window(qtbot, path)
    reader = window.reader
    reader.incremental_from = INCREMENTAL_FROM
    window.apply_text_size(14)
    with qtbot.waitSignal(reader.loaded, timeout=60_000):
        window.library_panel.select_id(outcome.article_id)
    assert reader.document().characterCount() > INCREMENTAL_FROM
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.wait(50)
    before = first_visible(reader)
    article = window.session.query.get_article(outcome.article_id)
    assert before is not None and before > len(article.text) // 3

    with qtbot.waitSignal(reader.loaded, timeout=60_000):
        window.apply_text_size(points)
    qtbot.wait(100)  # Qt lays the swapped-in document out between events
    after = first_visible(reader)
    # The same line at the top (a larger size may put the line's start a little above).
    assert after is not None and abs(after - before) < 200, (before, after)
    window.close()
