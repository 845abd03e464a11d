"""A project reopens where the analyst left it: the view, the article and how far into it,
the note and its section; what is gone since, or a bad places file, leaves the defaults.

A real project on disk, opened and reopened through the app's Controller as the
analyst does, each time in a new window.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from briefer.app import Controller
from briefer.core.model import Article, Block, BlockKind, Note, Section
from briefer.core.places import recall
from briefer.session import AddNoteCommand, DeleteArticleCommand, DeleteNoteCommand, Session
from briefer.settings import Paths, load_settings, resolve_paths
from briefer.ui.shell.project_window import ProjectWindow
from tests.private_store import store_of
from tests.ui.driving import keep_picture


def _article(title: str, paragraphs: int) -> Article:
    parts = [
        f"{title}: paragraph {n} on the port, the berths and the cranes." for n in range(paragraphs)
    ]
    text, blocks, at = "", [], 0
    for part in parts:
        blocks.append(Block(BlockKind.PARAGRAPH, at, at + len(part)))
        text += part + "\n\n"
        at += len(part) + 2
    return Article(title, text.rstrip("\n"), tuple(blocks), publisher="Test Wire")


@pytest.fixture
def project(tmp_path: Path) -> Iterator[dict[str, int | Path]]:
    path = tmp_path / "brief.briefer"
    with Session.create(path) as session:
        first = store_of(session).add_article(_article("Harbour deal signed", 3))
        second = store_of(session).add_article(_article("Rail link delayed", 300))
        sections = (Section("Summary", "Main point."), Section("Background", "The context here."),
                    Section("Outlook", ""))  # fmt: skip
        session.do(AddNoteCommand(Note("First brief", sections=sections)))
        session.do(AddNoteCommand(Note("Second brief", sections=(Section("Only", "x"),))))
        notes = session.query.list_notes()
        listed = next(n for n in notes if n.title == "First brief")
        assert listed.id is not None
        note = session.query.get_note(listed.id)
        assert note.id is not None and note.sections[1].id is not None
        ids = {"first": first, "second": second, "note": note.id, "section": note.sections[1].id}
    yield {"path": path, **ids}


def _open(qtbot: QtBot, paths: Paths, project: Path, **how: bool) -> ProjectWindow:
    controller = Controller(paths, load_settings(paths).settings)
    assert controller.open_project(project, **how)
    window = controller.window
    assert isinstance(window, ProjectWindow)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def _top_offset(window: ProjectWindow) -> int:
    """The article offset of the first text in sight in the Reader."""
    reader = window.reader
    point = QPointF(reader.viewport().width() / 2, reader.verticalScrollBar().value())
    position = reader.document().documentLayout().hitTest(point, Qt.HitTestAccuracy.FuzzyHit)
    offset = reader.doc_to_canonical(position)
    assert offset is not None
    return offset


def _leave_mid_work(qtbot: QtBot, window: ProjectWindow, ids: dict[str, int | Path]) -> int:
    """Article 2 scrolled well down, then Compose on note 1, section 2, cursor inside it;
    returns the offset of the first text in sight in the Reader."""
    assert window.library_panel.select_id(ids["second"])
    bar = window.reader.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 2000)
    bar.setValue(bar.maximum() * 3 // 5)
    top = _top_offset(window)
    assert top > 5000  # well into the article
    window.show_note(ids["note"])  # type: ignore[arg-type]
    assert window.composer.reveal(ids["section"])  # type: ignore[arg-type]
    cursor = window.composer.editor.textCursor()
    cursor.setPosition(7)
    window.composer.editor.setTextCursor(cursor)
    assert window.workspace.currentWidget() is window.composer
    return top


def test_a_project_reopens_where_it_was_left(qtbot: QtBot, project: dict[str, int | Path]) -> None:
    paths = resolve_paths()
    path = project["path"]
    assert isinstance(path, Path)
    window = _open(qtbot, paths, path)
    top = _leave_mid_work(qtbot, window, project)
    window.close()

    again = _open(qtbot, paths, path)
    keep_picture(again, "lastplace-reopened-compose")
    composer = again.composer
    assert again.workspace.currentWidget() is composer
    assert composer.current_note_id() == project["note"]
    assert composer.current_section_id() == project["section"]
    assert composer.notes.currentText() == "First brief"
    assert composer.editor.toPlainText() == "The context here."
    assert composer.editor.textCursor().position() == 7
    again.show_reader()
    assert again.library_panel.current_title() == "Rail link delayed"
    qtbot.waitUntil(lambda: abs(_top_offset(again) - top) < 200, timeout=3000)
    keep_picture(again, "lastplace-reopened-read")
    again.close()


def test_the_place_is_kept_while_working_not_only_at_close(
    qtbot: QtBot, project: dict[str, int | Path]
) -> None:
    """A crash must not lose it: an article change is written within moments."""
    paths = resolve_paths()
    path = project["path"]
    assert isinstance(path, Path)
    window = _open(qtbot, paths, path)
    assert window.library_panel.select_id(project["second"])
    qtbot.waitUntil(
        lambda: (recall(paths.places_file, path) or _no).article_id == project["second"]
    )
    window.show_composer()
    qtbot.waitUntil(lambda: (recall(paths.places_file, path) or _no).view == "compose")
    window.close()


class _No:
    article_id = view = None


_no = _No()


def test_what_was_deleted_since_leaves_the_defaults(
    qtbot: QtBot, project: dict[str, int | Path]
) -> None:
    paths = resolve_paths()
    path = project["path"]
    assert isinstance(path, Path)
    window = _open(qtbot, paths, path)
    _leave_mid_work(qtbot, window, project)
    window.close()
    with Session.open(path) as session:
        session.do(DeleteArticleCommand(project["second"]))  # type: ignore[arg-type]
        session.do(DeleteNoteCommand(project["note"]))  # type: ignore[arg-type]

    again = _open(qtbot, paths, path)
    assert again.library_panel.current_title() == "Harbour deal signed"  # the first
    assert again.composer.notes.currentText() == "Second brief"  # the Composer's default
    assert again.composer.current_section_id() is not None
    again.show_reader()
    qtbot.wait(50)
    assert again.reader.verticalScrollBar().value() == 0
    assert "Harbour deal signed: paragraph 0" in again.reader.toPlainText()
    again.close()


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xffnot json",
        json.dumps(
            {
                "projects": [
                    {"path": "{}", "place": {"view": "compose", "article_id": "2", "note_id": [1]}}
                ]
            }
        ).encode(),
        b'{"projects": [' + b"[" * 50_000 + b"]" * 50_000 + b"]}",
        b"{" + b" " * 2_000_000 + b"}",
    ],
    ids=["binary", "wrong-types", "deep", "huge"],
)
def test_a_bad_places_file_is_ignored_and_the_window_opens(
    qtbot: QtBot, project: dict[str, int | Path], content: bytes
) -> None:
    paths = resolve_paths()
    path = project["path"]
    assert isinstance(path, Path)
    paths.places_file.parent.mkdir(parents=True, exist_ok=True)
    paths.places_file.write_bytes(content.replace(b"{}", str(path.resolve()).encode()))
    window = _open(qtbot, paths, path)
    assert window.workspace.currentWidget() is not window.composer
    assert window.library_panel.current_title() == "Harbour deal signed"
    window.close()
    assert recall(paths.places_file, path) is not None  # a good file took its place


def test_a_read_only_opening_remembers_without_touching_the_project(
    qtbot: QtBot, project: dict[str, int | Path]
) -> None:
    paths = resolve_paths()
    path = project["path"]
    assert isinstance(path, Path)
    before = path.read_bytes()
    window = _open(qtbot, paths, path, read_only=True)
    assert window.session.read_only
    assert window.library_panel.select_id(project["second"])
    window.show_composer()
    window.close()
    assert path.read_bytes() == before

    again = _open(qtbot, paths, path, read_only=True)
    assert again.workspace.currentWidget() is again.composer
    assert again.library_panel.current_title() == "Rail link delayed"
    again.close()
    assert path.read_bytes() == before


def test_a_long_article_built_in_slices_reopens_at_its_place(
    qtbot: QtBot, project: dict[str, int | Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long article goes in slice by slice after the window shows: the place waits for it."""
    import briefer.ui.reader.view as reader_view

    monkeypatch.setattr(reader_view, "INCREMENTAL_FROM", 5_000)
    monkeypatch.setattr(reader_view, "FIRST_SLICE", 2_000)  # more than one slice
    paths = resolve_paths()
    path = project["path"]
    assert isinstance(path, Path)
    window = _open(qtbot, paths, path)
    assert window.library_panel.select_id(project["second"])
    qtbot.waitUntil(lambda: not window.reader.is_loading() and not window.reader.is_settling())
    bar = window.reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top = _top_offset(window)
    assert top > 5000
    window.close()

    again = _open(qtbot, paths, path)
    assert again.workspace.currentWidget() is not again.composer
    qtbot.waitUntil(lambda: not again.reader.is_loading() and not again.reader.is_settling())
    qtbot.waitUntil(lambda: abs(_top_offset(again) - top) < 200, timeout=3000)
    again.close()
