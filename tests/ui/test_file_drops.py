"""Files dropped on a text field of the project window are imported, never typed in.

Qt's own text field takes a file manager's drag as text and types "file:///…/x.pdf"
into the Library's filter or a find bar. The events go through QApplication as a real
drag's do: the enter goes to the widget under the pointer and on up its parents until
one takes it, and the drop goes to the one that did. Shift proposes a move; an import
copies, so the drag must say copy wherever it is over the window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from briefer.core.model import Note, Section
from briefer.session import AddNoteCommand, Session
from briefer.ui.shell.project_window import ProjectWindow
from tests.ui.driving import keep_picture

STORY = "Grain corridor reopens\n\nShips left Odesa on Tuesday, the port authority said.\n"
TITLE = "Grain corridor reopens"
COPY = Qt.DropAction.CopyAction
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
ACTIONS = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction | Qt.DropAction.LinkAction


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ProjectWindow]:
    session = Session.create(tmp_path / "drops.briefer")
    session.do(AddNoteCommand(Note("Brief", sections=(Section("Summary", "Grain."),))))
    session.history.clear()
    win = ProjectWindow(session)
    qtbot.addWidget(win)
    win.resize(1100, 720)
    win.show()
    win.importer.show_summary = False
    yield win
    win.close()


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "grain-corridor.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def file_drag(path: Path, *, with_text: bool) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    if with_text:  # as Nautilus, Dolphin and Thunar give it too
        mime.setText(QUrl.fromLocalFile(str(path)).toString())
    return mime


def enter_and_move(
    target: QWidget, mime: QMimeData, modifiers: Qt.KeyboardModifier
) -> QDragMoveEvent:
    at = QPoint(target.width() // 2, target.height() // 2)
    buttons = Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(at, ACTIONS, mime, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted(), "nothing on the window takes the drag"
    assert enter.dropAction() == COPY, "the drag does not say it copies"
    move = QDragMoveEvent(at, ACTIONS, mime, buttons, modifiers)
    move.setDropAction(enter.dropAction())  # as Qt sends it: taken as the enter was
    move.accept()
    QApplication.sendEvent(target, move)
    return move


def drop(target: QWidget, mime: QMimeData, modifiers: Qt.KeyboardModifier) -> QDropEvent:
    at = QPointF(target.width() / 2, target.height() / 2)
    event = QDropEvent(at, ACTIONS, mime, Qt.MouseButton.LeftButton, modifiers)
    QApplication.sendEvent(target, event)
    return event


def library_filter(window: ProjectWindow) -> QLineEdit:
    return window.library_panel.filter


def reader_find(window: ProjectWindow) -> QLineEdit:
    window.ask_find()
    return window.find_bar.field


def search_query(window: ProjectWindow) -> QLineEdit:
    window.search_dock.raise_()
    return window.search_panel.query


def passages_search(window: ProjectWindow) -> QLineEdit:
    window.docks[1].raise_()
    return window.passages_panel.search


def compose_filter(window: ProjectWindow) -> QLineEdit:
    window.show_composer()
    return window.composer.passages.filter


def compose_find(window: ProjectWindow) -> QLineEdit:
    window.show_composer()
    window.ask_find()
    return window.composer.find_bar.field


FIELDS: dict[str, Callable[[ProjectWindow], QLineEdit]] = {
    "library-filter": library_filter,
    "reader-find": reader_find,
    "search-all": search_query,
    "passages-search": passages_search,
    "compose-passages-filter": compose_filter,
    "compose-find": compose_find,
}


@pytest.mark.parametrize("with_text", [True, False], ids=["urls-and-text", "urls"])
@pytest.mark.parametrize("field_of", FIELDS.values(), ids=FIELDS.keys())
def test_a_file_dropped_on_a_text_field_is_imported_not_typed_in(
    qtbot: QtBot,
    window: ProjectWindow,
    story: Path,
    field_of: Callable[[ProjectWindow], QLineEdit],
    with_text: bool,
) -> None:
    field = field_of(window)
    qtbot.waitUntil(field.isVisible)
    before = field.text()
    mime = file_drag(story, with_text=with_text)

    move = enter_and_move(field, mime, NONE)
    assert move.isAccepted() and move.dropAction() == COPY
    with qtbot.waitSignal(window.importer.done, timeout=20_000):
        done = drop(field, mime, NONE)
    assert done.isAccepted() and done.dropAction() == COPY
    assert field.text() == before  # no "file:///…" typed in
    assert [a.title for a in window.session.query.list_articles()] == [TITLE]
    assert window.library_panel.titles() == [TITLE]


def test_the_library_after_a_drop_on_its_filter(
    qtbot: QtBot, window: ProjectWindow, story: Path
) -> None:
    field = window.library_panel.filter
    mime = file_drag(story, with_text=True)
    enter_and_move(field, mime, NONE)
    with qtbot.waitSignal(window.importer.done, timeout=20_000):
        drop(field, mime, NONE)
    qtbot.waitUntil(lambda: window.library_panel.current_title() == TITLE)
    keep_picture(window, "drop-on-library-filter")
    assert field.text() == "" and window.library_panel.count() == 1


def test_a_file_dropped_on_a_section_being_renamed_is_imported(
    qtbot: QtBot, window: ProjectWindow, story: Path
) -> None:
    """The outline's rename box is a text field opened later, in a panel of the window."""
    window.show_composer()
    outline = window.composer.outline
    qtbot.waitUntil(lambda: outline.model().rowCount() == 1)
    outline.edit(outline.model().index(0, 0))
    editor = outline.viewport().findChild(QLineEdit)
    assert editor is not None and editor.isVisible() and editor.text() == "Summary"
    mime = file_drag(story, with_text=True)
    enter_and_move(editor, mime, SHIFT)
    with qtbot.waitSignal(window.importer.done, timeout=20_000):
        drop(editor, mime, SHIFT)
    assert editor.text() == "Summary"
    assert [a.title for a in window.session.query.list_articles()] == [TITLE]


def test_text_dragged_onto_a_text_field_is_typed_in(qtbot: QtBot, window: ProjectWindow) -> None:
    field = window.library_panel.filter
    plain = QMimeData()
    plain.setText("grain")
    link = QMimeData()  # a browser's link is text too: there is nothing to import
    link.setUrls([QUrl("https://example.org/grain")])
    link.setText("https://example.org/grain")
    for mime, typed in ((plain, "grain"), (link, "https://example.org/grain")):
        field.clear()
        at = QPoint(field.width() // 2, field.height() // 2)
        buttons, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        enter = QDragEnterEvent(at, COPY, mime, buttons, none)
        QApplication.sendEvent(field, enter)
        assert enter.isAccepted()
        QApplication.sendEvent(field, QDragMoveEvent(at, COPY, mime, buttons, none))
        QApplication.sendEvent(field, QDropEvent(QPointF(at), COPY, mime, buttons, none))
        assert field.text() == typed
    assert window.session.query.list_articles() == []


@pytest.mark.parametrize("where", ["library", "reader", "library-filter"])
def test_a_shift_drag_of_files_over_the_window_says_copy(
    qtbot: QtBot, window: ProjectWindow, story: Path, where: str
) -> None:
    """Shift proposes a move, and a file manager moves the file away on a move's drop."""
    target = {
        "library": window.library.viewport(),
        "reader": window.reader.viewport(),
        "library-filter": window.library_panel.filter,
    }[where]
    mime = file_drag(story, with_text=True)
    move = enter_and_move(target, mime, SHIFT)
    assert move.isAccepted() and move.dropAction() == COPY
    with qtbot.waitSignal(window.importer.done, timeout=20_000):
        done = drop(target, mime, SHIFT)
    assert done.isAccepted() and done.dropAction() == COPY
    assert window.library_panel.titles() == [TITLE]


def test_a_read_only_window_takes_no_file_on_a_text_field(
    qtbot: QtBot, tmp_path: Path, story: Path
) -> None:
    path = tmp_path / "shared.briefer"
    Session.create(path).close()
    window = ProjectWindow(Session.open(path, read_only=True))
    qtbot.addWidget(window)
    window.show()
    field = window.library_panel.filter
    mime = file_drag(story, with_text=True)
    at = QPoint(field.width() // 2, field.height() // 2)
    enter = QDragEnterEvent(at, ACTIONS, mime, Qt.MouseButton.LeftButton, SHIFT)
    QApplication.sendEvent(field, enter)
    assert not enter.isAccepted()  # the pointer says no: nothing would be imported
    QApplication.sendEvent(field, QDragLeaveEvent())
    assert field.text() == "" and window.library_panel.count() == 0
    window.close()
