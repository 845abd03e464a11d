"""The Reader's keyword suggestions: how they look, the keys that accept or dismiss
them, and what the keys' words say for the status bar and a screen reader."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
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
