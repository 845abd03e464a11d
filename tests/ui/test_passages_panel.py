"""The Passages panel at the window's first size: every column in reach, cut text whole in
its tooltip, copies of one story told apart, and the analyst's column widths kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
)
from pytestqt.qtbot import QtBot

from briefer.core.model import Article, Block, BlockKind, Theme
from briefer.session import (
    AddThemeCommand,
    ArticleDetails,
    DeleteArticleCommand,
    EditArticleDetailsCommand,
    Session,
    TagPassageCommand,
    UpdateThemeCommand,
)
from briefer.ui.common.rows import ID_ROLE
from briefer.ui.passages.columns import share_widths
from briefer.ui.passages.panel import PassagesPanel
from briefer.ui.shell.project_window import ProjectWindow
from tests.private_store import store_of

STORY = "India and Russia to boost strategic ties as trade pressure from US grows"
INDIA = (
    "India and Russia are using a closely watched meeting in New Delhi to reinforce their "
    "strategic and economic partnership at a time when pressure from the US is increasing. "
    "Higher US tariffs on Indian goods took effect on 1 August. "
    "Economic planners expect nuclear cooperation to expand. "
    "One key item is the supply of S-400 systems. "
    "The US doubled tariffs in August. Trade rose."
)
PORT = (
    "Port authorities in Chennai signed a framework agreement with a Russian operator on "
    "Tuesday to expand the container terminal, doubling capacity by 2028 and adding a rail "
    "spur to the inland depot. Officials said the deal was the largest of its kind. Oil "
    "flows grew. Grain exports through the Northern Sea Route were discussed."
)
LONG = INDIA[: INDIA.index(" at a time")]
COMMENT = "Largest such deal in a decade; ask the ministry for the tonnage figure"
HTML, PDF, WORD = 0, 1, 2  # the articles, in the order added


def article(title: str, text: str, fmt: str, name: str, published: dt.date | None) -> Article:
    return Article(
        title, text, (Block(BlockKind.PARAGRAPH, 0, len(text)),), publisher="Invezz",
        published=published, source_format=fmt, source_name=name,
    )  # fmt: skip


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    """A dozen passages, short and long, in three articles: two copies of one story (its
    saved page and its PDF) and a Word file; one new theme; three comments."""
    s = Session.create(tmp_path / "passages.briefer")
    store = store_of(s)
    store.add_article(article(STORY, INDIA, "html", "india.html", dt.date(2025, 12, 4)))
    store.add_article(article(STORY, INDIA, "pdf", "india.pdf", None))
    store.add_article(article("Chennai port deal", PORT, "docx", "chennai.docx", None))
    s.do(AddThemeCommand(Theme("Nuclear energy", "#C2185B", shortcut="m")))
    themes = {t.name: t.id for t in s.query.list_themes()}
    ids = [a.id for a in s.query.list_articles()]

    def tag(which: int, words: str, names: list[str], comment: str = "") -> None:
        text = PORT if which == WORD else INDIA
        start = text.index(words)
        chosen = [themes[n] for n in names]
        s.do(TagPassageCommand(ids[which], start, start + len(words), chosen, comment))

    tag(HTML, LONG, ["Diplomacy"])
    tag(HTML, "Higher US tariffs on Indian goods took effect on 1 August.", ["Trade"], "Gazette?")
    tag(
        HTML,
        "Economic planners expect nuclear cooperation to expand.",
        ["Energy", "Nuclear energy"],
    )
    tag(HTML, "One key item is the supply of S-400 systems.", ["Defence"])
    tag(HTML, "The US doubled tariffs in August.", ["Sanctions & tariffs"])
    tag(HTML, "Trade rose.", ["Trade"])
    tag(PDF, "India and Russia are using a closely watched meeting", ["Diplomacy"])
    tag(PDF, "One key item is the supply of S-400 systems.", ["Defence", "Sanctions & tariffs"])
    tag(WORD, PORT[: PORT.index(" Officials")], ["Trade", "Mobility"], COMMENT)
    tag(WORD, "Officials said the deal was the largest of its kind.", ["Trade"])
    tag(WORD, "Oil flows grew.", ["Energy"])
    tag(WORD, "Grain exports through the Northern Sea Route were discussed.", ["Trade"])
    assert len(s.query.list_passages()) == 12
    yield s
    s.close()


@pytest.fixture
def window(qtbot: QtBot, session: Session) -> ProjectWindow:
    """The project window at its first size, Passages in front as Alt+4 brings it."""
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    qtbot.waitExposed(window)
    window.focus_panel(window.passages_panel.view, "passagesDock")
    dock = window.findChild(QDockWidget, "passagesDock")
    assert dock is not None
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
    for _ in range(3):
        QApplication.processEvents()
    return window


def text_room(view: QTableView, index: QModelIndex) -> int:
    """How wide a text the cell shows whole, as Qt's item painting measures it."""
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index)
    option.widget = view
    delegate = view.itemDelegateForIndex(index)
    delegate.initStyleOption(option, index)  # type: ignore[attr-defined]
    style = view.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return rect.width() - 2 * margin


def shown_text(view: QTableView, index: QModelIndex) -> str:
    """The cell's text as painted: the delegate's, cut at the right as Qt cuts it."""
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index)
    option.widget = view
    view.itemDelegateForIndex(index).initStyleOption(option, index)  # type: ignore[attr-defined]
    room = text_room(view, index)
    return view.fontMetrics().elidedText(option.text, Qt.TextElideMode.ElideRight, room)


def plain(tooltip: str) -> str:
    return QTextDocumentFragment.fromHtml(tooltip).toPlainText()


def row_of(view: QTableView, words: str) -> int:
    proxy = view.model()
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == words)


def test_at_the_first_window_size_every_column_is_in_reach(window: ProjectWindow) -> None:
    """1100x720, the panels' column about 200 pixels: the words and the themes fill it and
    Article, Date and Comment are there past the right edge, with a scroll bar to reach
    them (they were hidden, with no way to see which copy a passage came from)."""
    view = window.passages_panel.view
    header, bar = view.horizontalHeader(), view.horizontalScrollBar()
    room = view.viewport().width()
    assert 150 <= room <= 260, "the default panels' column"
    assert header.length() > room and bar.isVisible() and bar.maximum() > 0
    for column in range(5):
        name = view.model().headerData(column, Qt.Orientation.Horizontal)
        assert not view.isColumnHidden(column), name
        assert header.sectionSize(column) >= header.sectionSizeHint(column), name  # readable
        end = header.sectionPosition(column) + header.sectionSize(column)
        assert end <= room + bar.maximum(), f"{name} ends past the scroll bar's reach"
    # The words come first: most of what is in sight, and the themes start beside them.
    assert header.sectionSize(0) >= 0.55 * room
    assert header.sectionPosition(1) < room
    # The themes column holds a usual theme's name whole: it was "Sanctions & …".
    proxy = view.model()
    for words in ("The US doubled tariffs in August.", "Oil flows grew."):
        index = proxy.index(row_of(view, words), 1)
        assert shown_text(view, index) == index.data(), index.data()

    bar.setValue(bar.maximum())  # scrolled to the end: the comment column is in sight
    comment = header.sectionViewportPosition(4)
    assert comment >= 0 and comment + header.sectionSize(4) <= room


def test_a_cut_cell_holds_its_whole_text_in_its_tooltip(window: ProjectWindow) -> None:
    view = window.passages_panel.view
    proxy = view.model()
    long_row = row_of(view, LONG)
    cut = proxy.index(long_row, 0)
    assert view.fontMetrics().horizontalAdvance(cut.data()) > text_room(view, cut)
    tip = cut.data(Qt.ItemDataRole.ToolTipRole)
    assert QtGui.Qt.mightBeRichText(tip), "rich text, so that Qt wraps a long passage"
    assert plain(tip) == LONG

    port = row_of(view, PORT[: PORT.index(" Officials")])
    tip = proxy.index(port, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert plain(tip).split("\n") == [PORT[: PORT.index(" Officials")], COMMENT]
    assert plain(proxy.index(port, 4).data(Qt.ItemDataRole.ToolTipRole)) == COMMENT
    assert plain(proxy.index(port, 1).data(Qt.ItemDataRole.ToolTipRole)) == "Trade, Mobility"
    title = proxy.index(long_row, 2)
    assert "…" in shown_text(view, title)
    assert plain(title.data(Qt.ItemDataRole.ToolTipRole)) == f"{STORY} \u2014 HTML"
    bare = proxy.index(row_of(view, "Trade rose."), 4)
    assert bare.data(Qt.ItemDataRole.ToolTipRole) is None  # no comment, no empty tooltip


def test_two_copies_of_one_story_say_which_copy_a_passage_is_in(
    window: ProjectWindow, session: Session
) -> None:
    """The Article column ends a shared title in the Library's own suffix, kept in sight
    when the title is cut; the filter matches the title as written."""
    view, panel = window.passages_panel.view, window.passages_panel
    proxy = view.model()
    library = window.library_model
    said = {
        library.index(r, 0).data(ID_ROLE): library.index(r, 0).data()
        for r in range(library.rowCount())
    }
    ids = [a.id for a in session.query.list_articles()]
    html_row, pdf_row = row_of(view, LONG), row_of(view, INDIA[: INDIA.index(" in New")])
    assert proxy.index(html_row, 2).data() == said[ids[HTML]] == f"{STORY} \u2014 HTML"
    assert proxy.index(pdf_row, 2).data() == said[ids[PDF]] == f"{STORY} \u2014 PDF"
    assert proxy.index(row_of(view, "Oil flows grew."), 2).data() == "Chennai port deal"
    assert shown_text(view, proxy.index(html_row, 2)).endswith("… \u2014 HTML")
    assert shown_text(view, proxy.index(pdf_row, 2)).endswith("… \u2014 PDF")

    panel.search.setText("pdf")  # "— PDF" is not in any title
    assert proxy.rowCount() == 0
    panel.search.setText("chennai deal")
    assert proxy.rowCount() == 4
    panel.search.clear()

    # Retitled, the PDF copy stands alone: neither copy needs a suffix any more.
    session.do(EditArticleDetailsCommand(ids[PDF], ArticleDetails("India-Russia ties (PDF)")))
    assert proxy.index(html_row, 2).data() == STORY
    assert proxy.index(pdf_row, 2).data() == "India-Russia ties (PDF)"
    session.undo()
    assert proxy.index(pdf_row, 2).data() == f"{STORY} \u2014 PDF"
    session.do(DeleteArticleCommand(ids[PDF]))  # its passages go, and the HTML copy is alone
    assert proxy.index(row_of(view, LONG), 2).data() == STORY


def test_a_wide_panel_shares_its_width_with_the_words_first(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    panel = PassagesPanel(window.passages_model, window.themes_model)
    qtbot.addWidget(panel)
    panel.resize(1000, 400)
    panel.show()
    qtbot.waitExposed(panel)
    view, header = panel.view, panel.view.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() == view.viewport().width())
    assert view.horizontalScrollBar().maximum() == 0  # all in sight, no scroll bar
    widths = [header.sectionSize(c) for c in range(5)]
    assert widths[0] == max(widths) and widths[0] < 0.5 * sum(widths), widths
    panel.resize(800, 400)
    qtbot.waitUntil(lambda: header.length() == view.viewport().width())
    narrow = [header.sectionSize(c) for c in range(5)]
    grown = [w - n for w, n in zip(widths, narrow, strict=True)]
    assert grown[0] > grown[2] > 0 and grown[4] > 0, grown  # the words most, not all


def test_a_width_the_analyst_drags_is_kept_and_renamed_themes_widen_theirs(
    qtbot: QtBot, window: ProjectWindow, session: Session
) -> None:
    view = window.passages_panel.view
    header = view.horizontalHeader()
    header.resizeSection(2, 300)  # what dragging the Article column's edge does
    words = header.sectionSize(0)
    window.resize(1400, 720)  # the panels' column widens: the words take the room
    qtbot.waitUntil(lambda: header.sectionSize(0) > words)
    assert header.sectionSize(2) == 300

    energy = session.theme_named("Energy")
    assert energy is not None and energy.id is not None
    before = header.sectionSize(1)
    session.do(UpdateThemeCommand(energy.id, name="Critical infrastructure"))
    qtbot.waitUntil(lambda: header.sectionSize(1) > before)
    index = view.model().index(row_of(view, "Oil flows grew."), 1)
    assert shown_text(view, index) == "Critical infrastructure"


def test_share_widths_fills_the_room_or_leaves_the_rest_in_reach() -> None:
    natural = [240, 120, 156, 84, 144]  # 744 in all
    assert share_widths(1000, natural, {}, 600) == [382, 145, 194, 84, 195]
    assert sum(share_widths(1000, natural, {2: 300}, 600)) == 1000
    # Too narrow for all: the passage and as many as fit beside it, then the scroll bar.
    assert share_widths(600, natural, {}, 200) == [240, 120, 156, 84, 144]  # then comment
    assert share_widths(400, natural, {}, 240) == [280, 120, 156, 84, 144]
    assert share_widths(216, natural, {}, 130) == [130, 120, 156, 84, 144]
    assert share_widths(216, natural, {0: 90}, 130) == [90, 120, 156, 84, 144]
