"""The reader on the offscreen platform: offsets, highlights in pixels, keyboard tagging."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QTextCursor
from pytestqt.qtbot import QtBot

from briefer.core.contrast import contrast_ratio
from briefer.core.model import BLOCK_SEPARATOR, Article, Block, BlockKind, Passage, Theme
from briefer.core.record import replace
from briefer.core.suggest import Suggestion
from briefer.ui.reader import document as reader_document
from briefer.ui.reader.paint import line_rects
from briefer.ui.reader.view import ReaderView

ALT = Qt.KeyboardModifier.AltModifier

TRADE = Theme("Trade", "#C0392B", "1", keywords=("export*", "tariff*"), id=1, position=0)
DEFENCE = Theme("Defence", "#2471A3", "2", keywords=("navy", "frigate*"), id=2, position=1)
ENERGY = Theme("Energy", "#D4AC0D", "e", keywords=("gas", "grid"), id=3, position=2)
THEMES = [TRADE, DEFENCE, ENERGY]

SAMPLE = [
    (BlockKind.HEADING, 1, False, "Harbour deal reshapes the northern shipping lanes"),
    (
        BlockKind.PARAGRAPH,
        0,
        False,
        "The port authority signed a twenty-year concession on Tuesday, handing the deep-water "
        "terminal to a consortium led by a state shipping group. Officials said exports of "
        "grain and fertiliser would double by 2030, and that the navy would keep a berth for "
        "its frigates. The agreement, worth 2.5 billion euros, was welcomed by exporters.",
    ),
    (
        BlockKind.PARAGRAPH,
        0,
        False,
        "Critics warned that the tariff schedule attached to the deal favours bulk carriers "
        "over local fishing fleets. Mr. Hale, who chairs the regional council, called the "
        "terms \u201cgenerous to a fault\u201d and asked for the annexes to be published.",
    ),
    (BlockKind.HEADING, 2, False, "What changes for the grid"),
    (
        BlockKind.PARAGRAPH,
        0,
        False,
        "The terminal will draw up to 80 megawatts from the regional grid once cranes are "
        "electrified. The operator plans a gas-fired backup plant, which environmental groups "
        "oppose, and a battery park on reclaimed land south of the breakwater.",
    ),
    (
        BlockKind.QUOTE,
        0,
        False,
        "We are not selling the harbour; we are renting out its future, and the rent is too low.",
    ),
    (BlockKind.PARAGRAPH, 0, False, "The concession sets out three obligations for the operator:"),
    (BlockKind.LIST_ITEM, 1, True, "dredge the main channel to sixteen metres by 2027;"),
    (BlockKind.LIST_ITEM, 1, True, "keep a naval berth available at 48 hours' notice;"),
    (BlockKind.LIST_ITEM, 2, False, "including fuel and shore power for visiting frigates;"),
    (BlockKind.LIST_ITEM, 1, True, "publish annual figures on exports and tariffs."),
    (
        BlockKind.CAPTION,
        0,
        False,
        "The deep-water terminal seen from the breakwater (photo: port authority).",
    ),
]


def make_article(parts: list[tuple[BlockKind, int, bool, str]] = SAMPLE) -> Article:
    text = BLOCK_SEPARATOR.join(p[3] for p in parts)
    blocks, at = [], 0
    for kind, level, ordered, part in parts:
        blocks.append(Block(kind, at, at + len(part), level=level, ordered=ordered))
        at += len(part) + len(BLOCK_SEPARATOR)
    return Article(
        title="Port concession signed after months of talks",
        text=text,
        blocks=tuple(blocks),
        publisher="Northern Courier",
        author="Ana Lind",
        published=dt.date(2025, 3, 4),
        url="https://courier.example/ports/concession",
        id=5,
    )


def passage(article: Article, words: str, *themes: int, pid: int, comment: str = "") -> Passage:
    start = article.text.index(words)
    return Passage(
        article.id or 0,
        start,
        start + len(words),
        words,
        theme_ids=themes,
        comment=comment,
        id=pid,
    )


def suggestion(article: Article, words: str, theme: int, keyword: str = "") -> Suggestion:
    start = article.text.index(words)
    return Suggestion(start, start + len(words), theme, keyword)


# -- fixtures and helpers ---------------------------------------------------


@pytest.fixture
def article() -> Article:
    return make_article()


@pytest.fixture
def reader(qtbot: QtBot, article: Article) -> ReaderView:
    return shown_reader(qtbot, article)


def shown_reader(qtbot: QtBot, article: Article) -> ReaderView:
    """A Reader on screen showing ``article`` with THEMES and no passages yet."""
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(900, 1300)
    view.set_article(article, [], THEMES)
    view.show()
    qtbot.waitExposed(view)
    return view


def place_cursor(view: ReaderView, offset: int, end: int | None = None) -> None:
    """Put the text cursor at a canonical offset, selecting up to ``end`` when given."""
    cursor = view.textCursor()
    cursor.setPosition(view.canonical_to_doc(offset))
    if end is not None:
        cursor.setPosition(view.canonical_to_doc(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def viewport_rects(view: ReaderView, start: int, end: int) -> list[QRect]:
    """Where the canonical span is drawn, line by line, in viewport pixels."""
    dx, dy = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    rects = line_rects(view.document(), view.canonical_to_doc(start), view.canonical_to_doc(end))
    return [r.translated(-dx, -dy).toAlignedRect() for r in rects]


def colours_in(image: QImage, rect: QRect) -> set[tuple[int, int, int]]:
    found = set()
    for y in range(max(rect.top(), 0), min(rect.bottom() + 1, image.height())):
        for x in range(max(rect.left(), 0), min(rect.right() + 1, image.width())):
            c = image.pixelColor(x, y)
            found.add((c.red(), c.green(), c.blue()))
    return found


def near(found: set[tuple[int, int, int]], colour: QColor, tolerance: int = 8) -> bool:
    want = (colour.red(), colour.green(), colour.blue())
    return any(all(abs(a - b) <= tolerance for a, b in zip(c, want, strict=True)) for c in found)


def over(colour: str, base: QColor, alpha: float) -> QColor:
    c = QColor(colour)
    return QColor(
        round(c.red() * alpha + base.red() * (1 - alpha)),
        round(c.green() * alpha + base.green() * (1 - alpha)),
        round(c.blue() * alpha + base.blue() * (1 - alpha)),
    )


def contrast(a: QColor, b: QColor) -> float:
    return contrast_ratio(a.name(), b.name())


# -- the offset map ---------------------------------------------------------


def test_offset_map_at_every_block_boundary(reader: ReaderView, article: Article) -> None:
    document = reader.document()
    for block in article.blocks:
        start, end = reader.canonical_to_doc(block.start), reader.canonical_to_doc(block.end)
        shown = document.findBlock(start)
        assert shown.position() == start
        assert shown.text() == article.block_text(block)
        assert end == start + len(article.block_text(block))
        assert reader.doc_to_canonical(start) == block.start
        assert reader.doc_to_canonical(end) == block.end
        # Offsets inside the block separator lead on to the next block.
        assert reader.canonical_to_doc(block.end + 1) == reader.canonical_to_doc(block.end + 2)
    for pos in range(reader.canonical_to_doc(0)):
        assert reader.doc_to_canonical(pos) is None
    assert "Northern Courier" in document.toPlainText()


def test_offset_map_survives_line_breaks_and_emoji(qtbot: QtBot) -> None:
    parts = [
        (BlockKind.PARAGRAPH, 0, False, "Ships 🚢 and more ships 🚢🚢 arrived."),
        (BlockKind.PREFORMATTED, 0, False, "line one\nline two\rthree"),
        (BlockKind.PARAGRAPH, 0, False, "After 😀 the end."),
    ]
    article = make_article(parts)
    view = ReaderView()
    qtbot.addWidget(view)
    view.set_article(article, [], THEMES)
    assert view.document().blockCount() == 3 + len(parts)  # title, meta, url, then one per block
    cursor = QTextCursor(view.document())
    for block in article.blocks:
        for offset in range(block.start, block.end):
            cursor.setPosition(view.canonical_to_doc(offset))
            cursor.setPosition(view.canonical_to_doc(offset + 1), QTextCursor.MoveMode.KeepAnchor)
            shown = cursor.selectedText().replace("\u2028", "\n")
            assert shown == article.text[offset].replace("\r", "\n"), offset
            assert view.doc_to_canonical(view.canonical_to_doc(offset)) == offset


# -- keyboard tagging -------------------------------------------------------


def test_theme_key_on_a_partial_selection_tags_whole_words(
    qtbot: QtBot, reader: ReaderView, article: Article
) -> None:
    start = article.text.index("ficials said expo")
    place_cursor(reader, start, start + len("ficials said expo"))
    with qtbot.waitSignal(reader.tagRequested) as blocker:
        qtbot.keyClick(reader, "2")
    s, e, theme = blocker.args
    assert article.text[s:e] == "Officials said exports"
    assert theme == DEFENCE.id


def test_letter_shortcuts_ignore_case_and_blank_selections_do_nothing(
    qtbot: QtBot, reader: ReaderView, article: Article
) -> None:
    tagged: list[tuple[int, int, int]] = []
    reader.tagRequested.connect(lambda *args: tagged.append(args))
    at = article.text.index("regional grid")
    place_cursor(reader, at, at + len("regional gr"))
    qtbot.keyClick(reader, "E", Qt.KeyboardModifier.ShiftModifier)
    spaces = article.text.index(" ", at)
    place_cursor(reader, spaces, spaces + 1)
    qtbot.keyClick(reader, "1")
    place_cursor(reader, at)  # no selection, no passage
    qtbot.keyClick(reader, "1")
    assert tagged == [(at, at + len("regional grid"), ENERGY.id)]


def test_keys_inside_a_passage_toggle_delete_and_activate(
    qtbot: QtBot, reader: ReaderView, article: Article
) -> None:
    outer = passage(article, "Critics warned that the tariff schedule", TRADE.id, pid=10)
    inner = passage(article, "the tariff", DEFENCE.id, pid=11)
    reader.set_passages([outer, inner], THEMES)
    place_cursor(reader, article.text.index("tariff") + 2)
    with qtbot.waitSignal(reader.toggleThemeRequested) as toggled:
        qtbot.keyClick(reader, "2")
    assert toggled.args == [inner.id, DEFENCE.id]
    with qtbot.waitSignal(reader.deleteRequested) as deleted:
        qtbot.keyClick(reader, Qt.Key.Key_Delete)
    assert deleted.args == [inner.id]
    place_cursor(reader, outer.start + 1)
    with qtbot.waitSignal(reader.deleteRequested) as deleted:
        qtbot.keyClick(reader, Qt.Key.Key_Backspace)
    assert deleted.args == [outer.id]
    with qtbot.waitSignal(reader.passageActivated) as activated:
        qtbot.keyClick(reader, Qt.Key.Key_Return)
    assert activated.args == [outer.id]
    with qtbot.waitSignal(reader.commentRequested) as comment:
        qtbot.keyClick(reader, Qt.Key.Key_F2)
    assert comment.args == [outer.id]


def test_round_trip_tag_then_set_passages_paints_without_rebuilding(
    qtbot: QtBot, reader: ReaderView, article: Article
) -> None:
    """What the main window will do: take the signal, store a passage, hand it back."""
    document, revision = reader.document(), reader.document().revision()
    text = document.toPlainText()
    words = "regional grid once cranes"
    start = article.text.index(words)
    place_cursor(reader, start + 1, start + len(words) - 2)
    before = reader.viewport().grab().toImage()
    stored: list[Passage] = []

    def store(s: int, e: int, theme_id: int) -> None:
        stored.append(Passage(5, s, e, article.text[s:e], theme_ids=(theme_id,), id=99))
        reader.set_passages(stored, THEMES)

    reader.tagRequested.connect(store)
    qtbot.keyClick(reader, "1")
    assert [(p.start, p.end) for p in stored] == [(start, start + len(words))]
    assert reader.document() is document and document.revision() == revision
    assert document.toPlainText() == text
    tint = over(TRADE.colour, reader.palette().color(QPalette.ColorRole.Base), 0.26)
    rect = viewport_rects(reader, start, start + len(words))[0]
    assert not near(colours_in(before, rect), tint)
    assert near(colours_in(reader.viewport().grab().toImage(), rect), tint)


# -- what the analyst sees --------------------------------------------------


def test_overlaps_and_multi_theme_passages_show_every_colour(
    reader: ReaderView, article: Article
) -> None:
    trade = passage(article, "Officials said exports of grain and fertiliser", TRADE.id, pid=1)
    defence = passage(article, "grain and fertiliser would double", DEFENCE.id, pid=2)
    both = passage(article, "Critics warned", ENERGY.id, DEFENCE.id, pid=3)
    reader.set_passages([trade, defence, both], THEMES)
    place_cursor(reader, 0)
    image = reader.viewport().grab().toImage()
    base = reader.palette().color(QPalette.ColorRole.Base)

    def look(words: str) -> tuple[set[tuple[int, int, int]], set[tuple[int, int, int]]]:
        at = article.text.index(words)
        rect = viewport_rects(reader, at, at + len(words))[0]
        under = QRect(rect.left() + 2, rect.bottom() + 1, rect.width() - 4, 8)
        return colours_in(image, rect), colours_in(image, under)

    text, bars = look("grain and fertiliser")  # Trade and Defence overlap here
    assert near(text, over(TRADE.colour, base, 0.40))
    assert near(bars, QColor(DEFENCE.colour), 2)
    text, bars = look("Officials said")  # Trade alone
    assert near(text, over(TRADE.colour, base, 0.26))
    assert not near(bars, QColor(DEFENCE.colour), 30)
    text, bars = look("double")  # Defence alone
    assert near(text, over(DEFENCE.colour, base, 0.26))
    text, bars = look("Critics warned")  # one passage, two themes
    assert near(text, over(ENERGY.colour, base, 0.26))
    assert near(bars, QColor(DEFENCE.colour), 2)
    text, bars = look("over local fishing")  # untagged
    assert not any(near(text, QColor(t.colour), 40) for t in THEMES)


def test_passage_navigation_follows_document_order(
    qtbot: QtBot, reader: ReaderView, article: Article
) -> None:
    later = passage(article, "keep a naval berth", DEFENCE.id, pid=1)
    first = passage(article, "The port authority", TRADE.id, pid=2)
    nested_outer = passage(article, "Critics warned that", TRADE.id, pid=3)
    nested_inner = passage(article, "Critics warned", DEFENCE.id, pid=4)
    reader.set_passages([later, nested_inner, first, nested_outer], THEMES)
    place_cursor(reader, 0)
    seen = []
    while reader.next_passage():
        seen.append(reader._focus_id)
        assert reader.cursor_offset() == next(
            p.start for p in (later, first, nested_outer, nested_inner) if p.id == seen[-1]
        )
    assert seen == [2, 4, 3, 1]
    qtbot.keyClick(reader, Qt.Key.Key_Up, ALT)
    assert reader._focus_id == 3
    qtbot.keyClick(reader, Qt.Key.Key_Up, ALT)
    qtbot.keyClick(reader, Qt.Key.Key_Up, ALT)
    assert reader.cursor_offset() == first.start
    assert not reader.previous_passage()
    assert reader.select_passage(1) and reader.cursor_offset() == later.start
    assert not reader.select_passage(404)


def test_dark_palette_keeps_text_readable(qtbot: QtBot, article: Article) -> None:
    view = ReaderView()
    qtbot.addWidget(view)
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1E1F22"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#DFE1E5"))
    view.setPalette(dark)
    view.resize(900, 1300)
    view.set_article(article, [passage(article, "Critics warned", TRADE.id, pid=1)], THEMES)
    view.show()
    qtbot.waitExposed(view)
    base = QColor("#1E1F22")
    block = view.document().begin()
    while block.isValid():
        for fragment in (it.fragment() for it in block):
            brush = fragment.charFormat().foreground()
            colour = brush.color() if brush.style() != Qt.BrushStyle.NoBrush else QColor("#DFE1E5")
            assert contrast(colour, base) >= 4.5, fragment.text()
        block = block.next()
    image = view.viewport().grab().toImage()
    at = article.text.index("over local fishing")
    seen = colours_in(image, viewport_rects(view, at, at + 18)[0])
    assert max(QColor(*c).lightness() for c in seen) > 180  # light glyphs on a dark page
    assert near(colours_in(image, QRect(2, 2, 10, 10)), base, 2)


# -- mouse, tooltips, menus, find ------------------------------------------


def test_tooltip_names_themes_and_escapes_the_comment(reader: ReaderView, article: Article) -> None:
    tagged = passage(
        article, "Critics warned", TRADE.id, DEFENCE.id, pid=7, comment="<b>check</b> & verify"
    )
    reader.set_passages([tagged], THEMES)
    rect = viewport_rects(reader, tagged.start, tagged.end)[0]
    tip = reader.tooltip_at(rect.center())
    assert "Trade" in tip and "Defence" in tip
    assert "&lt;b&gt;check&lt;/b&gt; &amp; verify" in tip and "<b>check" not in tip
    hint = suggestion(article, "The operator plans a gas-fired backup plant,", ENERGY.id, "gas")
    reader.set_suggestions([hint])
    tip = reader.tooltip_at(viewport_rects(reader, hint.start, hint.end)[0].center())
    assert "Energy" in tip and "gas" in tip
    assert reader.tooltip_at(QPoint(3, reader.viewport().height() - 3)) == ""
    both = Suggestion(hint.start, hint.end, ENERGY.id, "gas", 2.0, ("gas", "plant*"))
    reader.set_suggestions([both])  # every keyword that counted, so the score can be judged
    tip = reader.tooltip_at(viewport_rects(reader, hint.start, hint.end)[0].center())
    assert "keywords “gas”, “plant*”" in tip


def test_double_click_on_a_passage_activates_it(
    qtbot: QtBot, reader: ReaderView, article: Article
) -> None:
    tagged = passage(article, "Critics warned", TRADE.id, pid=8)
    reader.set_passages([tagged], THEMES)
    point = viewport_rects(reader, tagged.start, tagged.end)[0].center()
    with qtbot.waitSignal(reader.passageActivated) as activated:
        qtbot.mouseDClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert activated.args == [8]


def test_context_menus_offer_tagging_and_passage_actions(
    qtbot: QtBot, reader: ReaderView, article: Article
) -> None:
    tagged = passage(article, "Critics warned", TRADE.id, pid=9)
    reader.set_passages([tagged], THEMES)
    at = article.text.index("local fish")
    place_cursor(reader, at, at + 8)
    menu = reader.menu_at(QPoint(5, 5))
    tag_menu = next(a.menu() for a in menu.actions() if a.text() == "Tag as")
    labels = [(a.text(), a.shortcut().toString()) for a in tag_menu.actions()]
    assert labels == [("Trade", "1"), ("Defence", "2"), ("Energy", "E")]
    with qtbot.waitSignal(reader.tagRequested) as tag:
        tag_menu.actions()[2].trigger()
    assert tag.args == [at, at + len("local fishing"), ENERGY.id]

    place_cursor(reader, tagged.start)
    menu = reader.menu_at(viewport_rects(reader, tagged.start, tagged.end)[0].center())
    by_text = {a.text(): a for a in menu.actions()}
    toggles = by_text["Themes of This Passage"].menu().actions()
    assert [a.isChecked() for a in toggles] == [True, False, False]
    with qtbot.waitSignal(reader.toggleThemeRequested) as toggled:
        toggles[1].trigger()
    assert toggled.args == [9, DEFENCE.id]
    with qtbot.waitSignal(reader.commentRequested) as comment:
        by_text["Edit Comment…"].trigger()
    assert comment.args == [9]
    with qtbot.waitSignal(reader.deleteRequested) as deleted:
        by_text["Delete Passage"].trigger()
    assert deleted.args == [9]


def test_accessible_names_and_read_only(reader: ReaderView, qtbot: QtBot) -> None:
    assert reader.objectName() == "reader"
    assert reader.accessibleName() == "Article reader"
    text = reader.document().toPlainText()
    qtbot.keyClick(reader, "x")
    assert reader.document().toPlainText() == text


def test_thirty_thousand_words_and_300_passages_tag_without_rebuilding(qtbot: QtBot) -> None:
    """On a long article a key press highlights in place (speed: bench/bench_reader.py)."""
    rng = random.Random(1)
    vocabulary = [
        "the",
        "port",
        "authority",
        "signed",
        "export",
        "tariff",
        "navy",
        "frigate",
        "grid",
        "gas",
        "deal",
    ]
    parts: list[tuple[BlockKind, int, bool, str]] = []
    words = 0
    while words < 30_000:
        if len(parts) % 10 == 0:
            parts.append((BlockKind.HEADING, 2, False, "A section heading"))
            continue
        count = rng.randint(40, 120)
        words += count
        body = " ".join(rng.choice(vocabulary) for _ in range(count))
        parts.append((BlockKind.PARAGRAPH, 0, False, body.capitalize() + "."))
    article = make_article(parts)
    passages = []
    for i in range(300):
        start = rng.randrange(0, len(article.text) - 400)
        end = start + rng.randint(20, 300)
        passages.append(Passage(5, start, end, "", theme_ids=(rng.choice([1, 2, 3]),), id=i + 1))
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(1000, 800)
    view.set_article(article, passages, THEMES)
    view.show()
    qtbot.waitExposed(view)
    at = article.text.index("signed", len(article.text) // 2)
    place_cursor(view, at + 1, at + 3)
    view.ensureCursorVisible()
    revision = view.document().revision()

    def store(s: int, e: int, theme_id: int) -> None:
        passages.append(Passage(5, s, e, "", theme_ids=(theme_id,), id=len(passages) + 1))
        view.set_passages(passages, THEMES)

    view.tagRequested.connect(store)
    qtbot.keyClick(view, "2")
    view.viewport().repaint()
    assert (passages[-1].start, passages[-1].end) == (at, at + len("signed"))
    assert view.document().revision() == revision
    rect = viewport_rects(view, at, at + 6)[0]
    base = view.palette().color(QPalette.ColorRole.Base)
    image = view.viewport().grab().toImage()
    assert near(colours_in(image, rect), over(DEFENCE.colour, base, 0.26), 12) or near(
        colours_in(image, rect), over(DEFENCE.colour, base, 0.40), 12
    )


def test_switching_to_a_dark_palette_later_recolours_the_header(
    reader: ReaderView, article: Article
) -> None:
    reader.set_passages([passage(article, "Critics warned", TRADE.id, pid=1)], THEMES)
    meta = reader.document().findBlock(0).next()
    assert "Northern Courier" in meta.text()
    light = meta.begin().fragment().charFormat().foreground().color()
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1E1F22"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#DFE1E5"))
    reader.setPalette(dark)
    meta = reader.document().findBlock(0).next()
    muted = meta.begin().fragment().charFormat().foreground().color()
    assert muted != light and contrast(muted, QColor("#1E1F22")) >= 4.5
    assert [p.id for p in reader.passages_at(article.text.index("warned"))] == [1]


def test_a_text_that_opens_with_its_title_shows_the_title_once(qtbot: QtBot) -> None:
    article = make_article(
        [
            (BlockKind.HEADING, 1, False, "Harbour deal signed"),
            (BlockKind.PARAGRAPH, 0, False, "The port authority signed a deal."),
        ]
    )
    article = Article(
        title="Harbour deal signed", text=article.text, blocks=article.blocks, id=article.id
    )
    view = ReaderView()
    qtbot.addWidget(view)
    view.set_article(article, [], THEMES)
    assert view.toPlainText().count("Harbour deal signed") == 1
    title_offset = view.doc_to_canonical(view.canonical_to_doc(3))
    assert title_offset == 3, "the title is the article's own heading, so it can be tagged"


def test_a_report_length_title_is_set_smaller_so_the_text_starts_on_screen(
    qtbot: QtBot, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_title = (
        "Regional energy security and the future of cross-border electricity, gas and "
        "hydrogen interconnection in the Baltic Sea region: an assessment of market design, "
        "infrastructure financing and geopolitical risk for the period 2025 to 2040"
    )
    assert len(long_title) > 200
    short = shown_reader(qtbot, article)
    long = shown_reader(qtbot, replace(article, title=long_title))
    long.resize(700, 500)  # a laptop's Reader beside the Library

    def title_lines(view: ReaderView) -> int:
        layout = view.document().firstBlock().layout()
        return layout.lineCount() if layout is not None else 0

    def title_size(view: ReaderView) -> float:
        return view.document().firstBlock().charFormat().font().pointSizeF()

    body_size = long.document().lastBlock().charFormat().font().pointSizeF()
    assert body_size < title_size(long) < title_size(short)
    qtbot.waitUntil(lambda: title_lines(long) > 0)
    assert long.document().firstBlock().text() == long_title
    monkeypatch.setattr(reader_document, "title_scale", lambda _length: reader_document.TITLE_SCALE)
    headline = shown_reader(qtbot, replace(article, title=long_title))
    headline.resize(700, 500)
    qtbot.waitUntil(lambda: title_lines(headline) > 0)
    assert title_lines(long) <= title_lines(headline) - 2  # 6 lines, not 8, at 700 pixels
