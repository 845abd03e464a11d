"""The Reader's keyword suggestions: how they look, the keys that accept or dismiss
them, and what the keys' words say for the status bar and a screen reader."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from briefer.core.model import Article, Theme
from briefer.core.suggest import Suggestion
from briefer.ui.reader.view import ReaderView
from tests.ui.test_reader import (
    ALT,
    ENERGY,
    TRADE,
    colours_in,
    make_article,
    near,
    over,
    place_cursor,
    shown_reader,
    suggestion,
    viewport_rects,
)


@pytest.fixture
def article() -> Article:
    return make_article()


@pytest.fixture
def reader(qtbot: QtBot, article: Article) -> ReaderView:
    return shown_reader(qtbot, article)


def test_suggestions_are_dotted_lines_without_fill(reader: ReaderView, article: Article) -> None:
    hint = suggestion(article, "The operator plans a gas-fired backup plant,", ENERGY.id, "gas")
    reader.set_suggestions([hint])
    image = reader.viewport().grab().toImage()
    rect = viewport_rects(reader, hint.start, hint.end)[0]
    base = reader.palette().color(QPalette.ColorRole.Base)
    inside = colours_in(image, rect.adjusted(0, 2, 0, -2))
    assert not near(inside, over(ENERGY.colour, base, 0.26), 6)
    line = [
        image.pixelColor(x, y)
        for y in range(rect.bottom() + 1, rect.bottom() + 6)
        for x in range(rect.left(), rect.right())
    ]
    coloured = [c for c in line if c.saturation() > 120]
    assert coloured, "a line in the theme colour under the sentence"
    assert len(coloured) < 0.6 * len(line) / 4, "dotted, not solid"


def test_suggestion_enter_accepts_and_escape_dismisses(
    qtbot: QtBot, reader: ReaderView, article: Article
) -> None:
    first = suggestion(article, "The operator plans a gas-fired backup plant,", ENERGY.id, "gas")
    second = suggestion(article, "publish annual figures on exports and tariffs.", TRADE.id)
    reader.set_suggestions([second, first])
    assert reader.next_suggestion()
    with qtbot.waitSignal(reader.suggestionAccepted) as accepted:
        qtbot.keyClick(reader, Qt.Key.Key_Return)
    assert accepted.args == [first.start, first.end, ENERGY.id]
    qtbot.keyClick(reader, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier | ALT)
    assert reader.cursor_offset() == second.start
    with qtbot.waitSignal(reader.suggestionDismissed) as dismissed:
        qtbot.keyClick(reader, Qt.Key.Key_Escape)
    assert dismissed.args == [second.start, second.end, TRADE.id]
    assert not reader.next_suggestion()


def test_two_suggestions_in_one_sentence_are_both_said_and_enters_one_named(
    reader: ReaderView, article: Article
) -> None:
    """The keys' words for the status bar: plain text ('&' and '<' as written), every
    suggestion there, and which theme Enter applies when there are several."""
    hint = suggestion(article, "The operator plans a gas-fired backup plant,", ENERGY.id, "gas")
    trade = Theme("Sanctions & <tariffs>", "#1565C0", "t", id=TRADE.id)
    reader.set_passages([], [trade, ENERGY])
    reader.set_suggestions([hint, Suggestion(hint.start, hint.end, TRADE.id, "plan*")])
    place_cursor(reader, 0)
    assert reader.next_suggestion()
    assert reader.accessibleDescription() == (
        "Suggested for Sanctions & <tariffs> (keyword “plan*”); Suggested for Energy "
        "(keyword “gas”): Enter accepts it for Sanctions & <tariffs>, Esc dismisses that one"
    )
    assert reader.at_cursor()[1][0].theme_id == TRADE.id  # the one Enter accepts


def test_right_click_on_or_just_under_a_suggestion_offers_accept_and_dismiss(
    qtbot: QtBot, reader: ReaderView, article: Article
) -> None:
    """NEWUSER s22 #10: a right-click under a paragraph's last line, where the dotted line
    is drawn, gave only a greyed Copy: Qt put the cursor at the next paragraph's start.
    The menu's items are the Tag menu's, worded alike, and do what Enter and Esc do."""
    hint = suggestion(
        article, "The agreement, worth 2.5 billion euros, was welcomed by exporters.", TRADE.id
    )
    reader.set_suggestions([hint])
    last_line = viewport_rects(reader, hint.start, hint.end)[-1]
    next_line = viewport_rects(reader, hint.end + 2, hint.end + 10)[0]
    assert next_line.top() - last_line.bottom() > 6, "a gap between the paragraphs"
    for y in (last_line.center().y(), last_line.bottom() + 2, last_line.bottom() + 5):
        place_cursor(reader, 0)
        menu = reader.menu_at(QPoint(last_line.center().x(), y))
        labels = [a.text() for a in menu.actions() if a.isEnabled() and not a.isSeparator()]
        assert labels == ["Accept Suggestion for Trade", "Dismiss Suggestion for Trade"], y
    with qtbot.waitSignal(reader.suggestionAccepted) as accepted:
        menu.actions()[0].trigger()
    assert accepted.args == [hint.start, hint.end, TRADE.id]
    with qtbot.waitSignal(reader.suggestionDismissed) as dismissed:
        menu.actions()[1].trigger()
    assert dismissed.args == [hint.start, hint.end, TRADE.id]
    # Just above the next paragraph's words the pointer is on that paragraph.
    menu = reader.menu_at(QPoint(next_line.center().x(), next_line.top() - 2))
    assert "Accept Suggestion for Trade" not in [a.text() for a in menu.actions()]


def test_the_menu_key_shows_the_menu_for_the_cursor_without_moving_it(
    reader: ReaderView, article: Article
) -> None:
    """Shift+F10 or the Menu key: Qt says "the middle of the view", which would move the
    cursor there; the menu is for the suggestion the cursor is in."""
    hint = suggestion(article, "The operator plans a gas-fired backup plant,", ENERGY.id, "gas")
    reader.set_suggestions([hint])
    place_cursor(reader, hint.start + 4)
    menu = reader.menu_at(None)
    assert reader.cursor_offset() == hint.start + 4
    assert menu.actions()[0].text() == "Accept Suggestion for Energy"
