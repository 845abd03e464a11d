"""Files dropped or pasted on a section editor are imported, never written into the note.

A file manager's drag carries ``file:`` URLs (often the same list as text); the
window imports them wherever they land, the Compose editors included. The events
go through QApplication as a real drag's do: the enter picks the widget that takes
the drop, and the drop goes to it. A passage, text or a web link still goes in.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
)
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from briefer.core.model import Note, Section
from briefer.session import AddNoteCommand, Session
from briefer.ui.shell.project_window import ProjectWindow
from tests.ui.driving import keep_picture

BODY = "India and Russia are deepening ties as US tariffs bite."
STORY = "India-Russia ties\n\nTrade between India and Russia grew in October, officials said.\n"
COPY = Qt.DropAction.CopyAction


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ProjectWindow]:
    session = Session.create(tmp_path / "drops.briefer")
    session.do(AddNoteCommand(Note("Brief", sections=(Section("Summary", BODY),))))
    session.history.clear()
    win = ProjectWindow(session)
    qtbot.addWidget(win)
    win.resize(900, 600)
    win.show()
    win.show_composer()
    win.importer.show_summary = False
    yield win
    win.close()


def body(window: ProjectWindow) -> str:
    window.composer.flush()
    note_id = window.composer.current_note_id()
    assert note_id is not None
    return window.session.query.get_note(note_id).sections[0].body


def the_editor(window: ProjectWindow, view: str) -> QWidget:
    window.composer.show_source(view == "source")
    return window.composer.editor if view == "page" else window.composer.source_editor


def file_drag(path: Path, *, with_text: bool) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    if with_text:  # as Nautilus, Dolphin and Thunar give it too
        mime.setText(QUrl.fromLocalFile(str(path)).toString())
    return mime


def drag_over(target: QWidget, mime: QMimeData, at: QPoint) -> QDragMoveEvent:
    """Enter and move over ``target`` as a drag from another application does."""
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction | Qt.DropAction.LinkAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, actions, mime, buttons, mods)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted(), "nothing on the window takes the drag"
    move = QDragMoveEvent(at, actions, mime, buttons, mods)
    QApplication.sendEvent(target, move)
    return move


def drop(target: QWidget, mime: QMimeData, at: QPoint) -> QDropEvent:
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction | Qt.DropAction.LinkAction
    event = QDropEvent(
        QPointF(at), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, event)
    return event


@pytest.mark.parametrize("with_text", [False, True], ids=["urls", "urls-and-text"])
@pytest.mark.parametrize("view", ["page", "source"])
def test_a_file_dropped_on_the_editor_is_imported_not_written_into_the_note(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path, view: str, with_text: bool
) -> None:
    story = tmp_path / "india-russia-ties.txt"
    story.write_text(STORY, encoding="utf-8")
    editor = the_editor(window, view)
    port = editor.viewport()  # type: ignore[attr-defined]
    at = QPoint(port.width() // 2, 20)
    mime = file_drag(story, with_text=with_text)

    move = drag_over(port, mime, at)
    assert move.isAccepted() and move.dropAction() == COPY  # an import, not a move
    with qtbot.waitSignal(window.importer.done, timeout=20_000):
        done = drop(port, mime, at)
    assert done.isAccepted() and done.dropAction() == COPY
    assert [a.title for a in window.session.query.list_articles()] == ["India-Russia ties"]
    assert body(window) == BODY  # the path went nowhere near the note
    assert "file:" not in editor.toPlainText()  # type: ignore[attr-defined]


def test_a_file_dragged_over_the_page_shows_no_insertion_caret(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path
) -> None:
    """Nothing will be inserted where the pointer is, so no caret may say it will."""
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    editor = window.composer.editor
    editor.clearFocus()  # no blinking caret of its own to tell apart
    port = editor.viewport()
    keep_picture(editor, "drop-before")
    before = port.grab().toImage()
    at = QPoint(200, 24)  # on the first line of text
    drag_over(port, file_drag(story, with_text=True), at)
    qtbot.wait(20)
    keep_picture(editor, "drop-hovering-file")
    hovering: QImage = port.grab().toImage()
    QApplication.sendEvent(port, QDragLeaveEvent())
    assert hovering == before
    assert editor.toPlainText() == BODY


def test_text_and_web_links_dropped_on_the_editor_stay_text(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    editor = window.composer.editor
    port = editor.viewport()

    def at_the_end() -> QPoint:
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        return editor.cursorRect(cursor).center() + QPoint(2, 0)

    link = QMimeData()
    link.setUrls([QUrl("https://example.org/india-russia")])
    drag_over(port, link, at_the_end())
    assert drop(port, link, at_the_end()).isAccepted()
    text = QMimeData()
    text.setText(" Talks resume in May.")
    drag_over(port, text, at_the_end())
    assert drop(port, text, at_the_end()).isAccepted()
    assert "https://example.org/india-russia" in body(window)
    assert body(window).endswith("Talks resume in May.")
    assert window.session.query.list_articles() == []


@pytest.mark.parametrize("view", ["page", "source"])
def test_pasting_copied_files_in_the_editor_imports_them(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path, view: str
) -> None:
    story = tmp_path / "copied.txt"
    story.write_text(STORY, encoding="utf-8")
    editor = the_editor(window, view)
    QGuiApplication.clipboard().setMimeData(file_drag(story, with_text=True))
    assert editor.canPaste()  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.importer.done, timeout=20_000):
        editor.paste()  # type: ignore[attr-defined]
    assert [a.title for a in window.session.query.list_articles()] == ["India-Russia ties"]
    assert body(window) == BODY


def test_a_pasted_web_link_stays_text(qtbot: QtBot, window: ProjectWindow) -> None:
    editor = window.composer.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    link = QMimeData()
    link.setUrls([QUrl("https://example.org/india-russia")])
    QGuiApplication.clipboard().setMimeData(link)
    editor.paste()
    assert body(window).endswith("https://example.org/india-russia")
    assert window.session.query.list_articles() == []


def file_and_link(path: Path) -> QMimeData:
    """A local file and a web link in one drag (a browser's and a file manager's selection)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)), QUrl("https://example.org/india-russia")])
    mime.setText(f"{QUrl.fromLocalFile(str(path)).toString()}\nhttps://example.org/india-russia")
    return mime


@pytest.mark.parametrize("view", ["page", "source"])
def test_a_web_link_dropped_with_a_file_stays_text_and_the_file_is_imported(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path, view: str
) -> None:
    """The file went to the import and the link was dropped without a word."""
    story = tmp_path / "india-russia-ties.txt"
    story.write_text(STORY, encoding="utf-8")
    editor = the_editor(window, view)
    port = editor.viewport()  # type: ignore[attr-defined]
    cursor = editor.textCursor()  # type: ignore[attr-defined]
    cursor.movePosition(cursor.MoveOperation.End)
    at = editor.cursorRect(cursor).center() + QPoint(2, 0)  # type: ignore[attr-defined]
    mime = file_and_link(story)
    drag_over(port, mime, at)
    with qtbot.waitSignal(window.importer.done, timeout=20_000):
        assert drop(port, mime, at).isAccepted()
    keep_picture(editor, f"drop-file-and-link-{view}")
    assert [a.title for a in window.session.query.list_articles()] == ["India-Russia ties"]
    assert body(window) == BODY + "https://example.org/india-russia"
    assert "file:" not in editor.toPlainText()  # type: ignore[attr-defined]


def test_a_web_link_pasted_with_a_file_stays_text_and_the_file_is_imported(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path
) -> None:
    story = tmp_path / "copied.txt"
    story.write_text(STORY, encoding="utf-8")
    editor = window.composer.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    QGuiApplication.clipboard().setMimeData(file_and_link(story))
    with qtbot.waitSignal(window.importer.done, timeout=20_000):
        editor.paste()
    assert [a.title for a in window.session.query.list_articles()] == ["India-Russia ties"]
    assert body(window) == BODY + "https://example.org/india-russia"
