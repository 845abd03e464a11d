"""Passage comments: a dialog that saves on Ctrl+Enter and cancels on Esc only, and marks
that show which passages carry a comment, in the Reader and in the Passages panel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from briefer.core.model import Article, Block, BlockKind, Theme
from briefer.session import AddThemeCommand, Session
from briefer.ui.common.style import accents_of
from briefer.ui.passages.panel import PassagesPanel
from briefer.ui.reader.comment_dialog import CommentDialog
from briefer.ui.shell.project_window import ProjectWindow
from tests.private_store import store_of

TEXT = "The port authority signed a framework agreement on Tuesday. Exports of grain rose."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "comments.briefer"
    with Session.create(path) as session:
        store_of(session).add_article(
            Article(
                title="Harbour deal", text=TEXT, blocks=(Block(BlockKind.PARAGRAPH, 0, len(TEXT)),)
            )
        )
    return path


def open_window(qtbot: QtBot, path: Path) -> ProjectWindow:
    window = ProjectWindow(Session.open(path))
    qtbot.addWidget(window)
    window.show()
    return window


def tag(window: ProjectWindow, words: str) -> int:
    reader = window.reader
    cursor = reader.textCursor()
    start = TEXT.index(words)
    cursor.setPosition(reader.canonical_to_doc(start))
    cursor.setPosition(reader.canonical_to_doc(start + len(words)), cursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    trade = window.session.query.list_themes()[0].id
    assert trade is not None
    window.tagging._tag_selection(start, start + len(words), trade)
    (passage,) = [p for p in window.session.query.list_passages() if p.text == words]
    assert passage.id is not None
    return passage.id


def comment_on_disk(path: Path) -> list[str]:
    with Session.open(path, read_only=True) as session:
        return [p.comment for p in session.query.list_passages()]


def test_enter_is_a_new_line_and_ctrl_enter_saves(qtbot: QtBot) -> None:
    dialog = CommentDialog("", "the port authority")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.editor, "Check the date")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.editor, "with the ministry")
    assert dialog.isVisible()  # Enter did not close it
    assert dialog.text() == "Check the date\nwith the ministry"
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == CommentDialog.DialogCode.Accepted
    assert not dialog.isVisible()


def test_shift_tab_then_enter_never_discards_the_comment(qtbot: QtBot) -> None:
    dialog = CommentDialog("first thoughts", "the port authority")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Backtab)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "first thoughts" in dialog.text()


def test_esc_cancels_and_the_text_wraps(qtbot: QtBot) -> None:
    dialog = CommentDialog("", "words")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.editor.lineWrapMode() == dialog.editor.LineWrapMode.WidgetWidth
    qtbot.keyClicks(dialog.editor, "never mind")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)
    assert dialog.result() == CommentDialog.DialogCode.Rejected


def test_f2_ctrl_enter_saves_to_the_file_and_marks_the_passage(qtbot: QtBot, project: Path) -> None:
    window = open_window(qtbot, project)
    passage_id = tag(window, "port authority")

    def answer() -> None:
        dialog = window.tagging.comment_dialog
        assert dialog is not None
        qtbot.keyClicks(dialog.editor, "Ask the ministry")
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    QTimer.singleShot(0, answer)
    window.reader.commentRequested.emit(passage_id)
    assert comment_on_disk(project) == ["Ask the ministry"]

    # The Reader paints a bubble after the passage, in the comment colour.
    end = window.reader.canonical_to_doc(TEXT.index("port authority") + len("port authority"))
    assert window.reader._layer.comment_marks == [end]
    mark = window.reader._layer.mark_rect(window.reader.document(), end)
    assert mark is not None
    scroll = window.reader.verticalScrollBar().value()
    image = window.reader.viewport().grab().toImage()
    centre = mark.center().toPoint() - window.reader.viewport().rect().topLeft()
    centre.setY(centre.y() - scroll)
    painted = QColor(image.pixel(centre))
    wanted = QColor(accents_of(window.reader.palette()).comment_mark)
    assert abs(painted.red() - wanted.red()) + abs(painted.green() - wanted.green()) < 40

    # The Passages panel marks the row and shows the comment in its own column.
    model = window.passages_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "port authority")
    assert model.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Comment"
    assert model.index(row, 4).data() == "Ask the ministry"
    assert model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    window.passages_panel.search.setText("ministry")
    assert window.passages_panel.view.model().rowCount() == 1


def test_esc_keeps_the_comment_as_it_was(qtbot: QtBot, project: Path) -> None:
    window = open_window(qtbot, project)
    passage_id = tag(window, "framework agreement")

    def answer() -> None:
        dialog = window.tagging.comment_dialog
        assert dialog is not None
        qtbot.keyClicks(dialog.editor, "half a thought")
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer)
    window.reader.commentRequested.emit(passage_id)
    assert comment_on_disk(project) == [""]
    assert window.reader._layer.comment_marks == []
    assert window.passages_model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_in_a_narrow_column_the_passages_panel_shows_words_and_themes_first(
    qtbot: QtBot, project: Path
) -> None:
    """The words and themes fill a side column; the others follow, in the scroll bar's reach."""
    window = open_window(qtbot, project)
    tag(window, "port authority")
    panel = window.passages_panel
    panel.resize(300, 300)
    view, header = panel.view, panel.view.horizontalHeader()
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 0)
    assert not any(view.isColumnHidden(c) for c in range(5))
    assert view.columnWidth(0) > view.columnWidth(1)  # the words get the room
    assert header.sectionPosition(1) < view.viewport().width()  # the themes start in sight
    panel.resize(900, 300)
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0)  # all in sight


def test_in_a_narrow_column_the_filter_field_keeps_its_room(qtbot: QtBot, project: Path) -> None:
    window = open_window(qtbot, project)
    long_name = "Critical infrastructure and supply chains"
    window.session.do(AddThemeCommand(Theme(long_name, "#884400")))
    panel = PassagesPanel(window.passages_model, window.themes_model)  # free to resize
    qtbot.addWidget(panel)
    panel.resize(900, 300)
    panel.show()
    assert panel.theme_filter.findText(long_name) >= 0
    qtbot.waitUntil(lambda: panel.theme_filter.x() > panel.search.x())  # side by side
    assert panel.theme_filter.width() < panel.fontMetrics().horizontalAdvance(long_name)
    assert panel.search.width() > panel.width() // 2
    panel.resize(240, 300)
    qtbot.waitUntil(lambda: panel.theme_filter.x() == panel.search.x())  # stacked
    assert panel.search.width() == panel.theme_filter.width() >= 200


def test_a_comment_being_typed_is_kept_when_the_window_closes(qtbot: QtBot, project: Path) -> None:
    """A logout's stop signal closed the window with the comment dialog open, and what
    was typed there was lost (a new user's trial); typing in the Composer was kept."""
    window = open_window(qtbot, project)
    passage_id = tag(window, "port authority")

    def close_while_typing() -> None:
        dialog = window.tagging.comment_dialog
        assert dialog is not None
        qtbot.keyClicks(dialog.editor, "Ask the ministry")
        window.close()  # as Controller.stop does, from inside the dialog's own loop
        QTimer.singleShot(0, dialog.reject)  # and its exit then ends that loop

    QTimer.singleShot(0, close_while_typing)
    window.reader.commentRequested.emit(passage_id)
    assert comment_on_disk(project) == ["Ask the ministry"]
