"""Dialogs and hints sized to their content: every field's text and every hint shows whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QStyle
from pytestqt.qtbot import QtBot

from briefer.core.model import Note
from briefer.session import Session
from briefer.ui.notes.dialogs import NoteDetailsDialog, SaveTemplateDialog
from briefer.ui.shell.project_window import ProjectWindow
from briefer.ui.shell.welcome import WelcomeView

NOTE = Note(
    title="Northern harbour deal: what the port authority signed",
    author="Alex Morgan-Whitfield",
    date=dt.date(2026, 11, 30),
    recipient="Director, Trade and Economic Security",
    reference="BRF/2026/0117-TRADE",
    marking="OFFICIAL-SENSITIVE",
)


def text_room(edit: QLineEdit) -> int:
    """The pixels a line edit has for its text: its width less frame and margins."""
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    margins = edit.textMargins()
    return edit.width() - 2 * frame - margins.left() - margins.right() - 2 * 2


@pytest.mark.parametrize("points", [None, 14.0])
def test_note_details_shows_each_field_whole(qtbot: QtBot, points: float | None) -> None:
    dialog = NoteDetailsDialog(NOTE)
    if points is not None:  # a larger text size widens the fields with it
        font = QFont(dialog.font())
        font.setPointSizeF(points)
        dialog.setFont(font)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.adjustSize()
    edits = {e.accessibleName(): e for e in dialog.findChildren(QLineEdit) if e.accessibleName()}
    assert set(edits) == {"Title", "Author", "Date", "Recipient", "Reference"}
    for name, edit in edits.items():
        needed = edit.fontMetrics().horizontalAdvance(edit.text())
        assert text_room(edit) >= needed, f"{name}: {text_room(edit)} px for {needed} px of text"
    marking = dialog.marking
    assert marking.width() >= marking.fontMetrics().horizontalAdvance("OFFICIAL-SENSITIVE")


def test_an_empty_field_still_has_room_for_a_typical_value(qtbot: QtBot) -> None:
    dialog = NoteDetailsDialog(Note(title="X"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.adjustSize()
    typical = dialog.recipient.fontMetrics().horizontalAdvance(NOTE.recipient)
    assert text_room(dialog.recipient) >= typical


def hint_fits(label: QLabel) -> bool:
    return (
        label.isVisible()
        and label.wordWrap()
        and label.height() >= label.heightForWidth(label.width())
        and label.parentWidget().rect().contains(label.geometry())
    )


def test_the_empty_library_hint_wraps_and_shows_whole(qtbot: QtBot, tmp_path: Path) -> None:
    window = ProjectWindow(Session.create(tmp_path / "empty.briefer"))
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    hint = window.reader.empty_hint
    assert "paste an article with Ctrl+V" in hint.text()
    qtbot.waitUntil(lambda: hint_fits(hint))
    line = hint.fontMetrics().horizontalAdvance(hint.text())
    assert hint.width() < line, "the Reader is narrower than the hint, so it must wrap"
    wide = hint.width()
    window.resize(700, 600)  # narrower still (the side panes keep their share): more lines
    qtbot.waitUntil(lambda: hint_fits(hint) and hint.width() < wide - 150)
    window.close()


def test_the_hint_goes_when_an_article_shows(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "one.briefer"
    with Session.create(path) as session:
        session.import_paste(text="Harbour deal signed\n\nThe port authority signed a deal.")
    window = ProjectWindow(Session.open(path))
    qtbot.addWidget(window)
    window.show()
    assert "port authority" in window.reader.toPlainText()
    assert not window.reader.empty_hint.isVisible()
    window.close()


def test_the_welcome_hint_wraps(qtbot: QtBot) -> None:
    view = WelcomeView([], print, print)
    qtbot.addWidget(view)
    view.show()
    [hint] = [w for w in view.findChildren(QLabel) if w.text().startswith("No recent")]
    assert hint_fits(hint)


def test_save_as_template_shows_the_notes_title_whole(qtbot: QtBot) -> None:
    dialog = SaveTemplateDialog(NOTE)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.adjustSize()
    assert text_room(dialog.name) >= dialog.name.fontMetrics().horizontalAdvance(NOTE.title)
