"""The menus are built from what they are handed, not from the window.

build_menus runs here on a bare QMainWindow with a WindowContext and recording
MenuSlots, so a menu item wired to the wrong slot, or a menu that still needs
ProjectWindow, fails; the window's own wiring of the Composer's requests to
the Note menu is checked on a real window.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QDialog, QDockWidget, QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from briefer.core.model import Note
from briefer.session import AddNoteCommand, Session
from briefer.settings import Settings
from briefer.ui.common.context import WindowContext
from briefer.ui.library.article_actions import ArticleActions
from briefer.ui.library.qda_actions import QdaActions
from briefer.ui.notes.actions import ComposerHooks, NoteActions
from briefer.ui.notes.dialogs import DraftDialog, NoteDetailsDialog
from briefer.ui.shell.menus import MenuSlots, WindowActions, build_menus
from briefer.ui.shell.project_window import ProjectWindow


def built(
    qtbot: QtBot, session: Session
) -> tuple[QMainWindow, WindowActions, NoteActions, list[object], list[str]]:
    host = QMainWindow()
    qtbot.addWidget(host)
    dock = QDockWidget("Themes", host)
    dock.setObjectName("themesDock")
    dock.setWidget(QLabel("themes"))
    host.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    reports: list[str] = []
    context = WindowContext(
        session=session, undo_stack=QUndoStack(host), settings=Settings(), paths=None,
        parent=host, report=reports.append, save_settings=lambda: None,
        open_passage=lambda _passage_id: None, reveal_in_note=lambda _section, _passage: None,
        edit_article=lambda _article_id: None,
    )  # fmt: skip
    notes = NoteActions(context, ComposerHooks(
        current_note_id=lambda: None, flush=lambda: None, show_note=lambda _note_id: None,
        can_insert=lambda: False, insert_markdown=lambda _text, _label: None,
    ))  # fmt: skip
    calls: list[object] = []

    def record(name: str) -> object:
        return lambda *args: calls.append((name, *args) if args else name)

    slots = MenuSlots(**{
        name: record(name) for name in MenuSlots.__struct_fields__
        if name not in ("theme_keys", "composer_actions")
    }, theme_keys=lambda: [("1", "Trade")], composer_actions=list)  # fmt: skip
    articles = ArticleActions(context, lambda: None)
    actions = build_menus(host, context, slots, notes, QdaActions(context), articles)
    return host, actions, notes, calls, reports


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    with Session.create(tmp_path / "menus.briefer") as opened:
        yield opened


def test_each_menu_item_calls_its_own_slot_on_a_bare_main_window(
    qtbot: QtBot, session: Session
) -> None:
    host, actions, _notes, calls, _reports = built(qtbot, session)
    assert [a.text() for a in host.menuBar().actions()] == [
        "&File", "&Article", "&Note", "&Edit", "&View", "&Help",
    ]  # fmt: skip
    expected = {
        actions.import_action: "import_articles",
        actions.save_copy_action: "save_copy",
        actions.restore_action: "restore_from_backup",
        actions.close_action: "close",
        actions.undo_action: "undo",
        actions.redo_action: "redo",
        actions.find_action: "find",
        actions.find_next_action: "find_next",
        actions.search_action: "search",
        actions.paste_action: "paste_article",
        actions.themes_action: "manage_themes",
        actions.preferences_action: "preferences",
        actions.next_article_action: ("step_article", 1),
        actions.previous_article_action: ("step_article", -1),
        actions.reader_view_action: "show_reader",
        actions.composer_view_action: "show_composer",
    }
    for action, slot in expected.items():
        calls.clear()
        action.setEnabled(True)  # undo and redo start disabled, restore without paths
        action.trigger()
        assert calls == [slot], action.text()
    go_to = {a.text(): a for a in actions.view_menu.actions() if a.text().startswith("Go to")}
    for text, slot in [
        ("Go to &Library", "go_to_library"),
        ("Go to &Reader", "go_to_reader"),
        ("Go to T&hemes", "go_to_themes"),
        ("Go to P&assages", "go_to_passages"),
    ]:
        calls.clear()
        go_to[text].trigger()
        assert calls == [slot]
    assert "Show Th&emes Panel" in [a.text() for a in actions.view_menu.actions()]


def test_the_note_menu_and_export_report_when_no_note_is_open(
    qtbot: QtBot, session: Session
) -> None:
    _host, actions, notes, _calls, reports = built(qtbot, session)
    assert notes.export_action in actions.file_menu.actions()
    assert actions.note_menu.actions()[0] is notes.new_action
    notes.details_action.trigger()
    notes.export_action.trigger()
    assert reports == [
        "There is no note yet: use Note > New Note from Template…",
        "There is no note to export yet: use Note > New Note from Template…",
    ]


def test_a_read_only_project_offers_no_edits(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "ro.briefer"
    Session.create(path).close()
    with Session.open(path, read_only=True) as session:
        _host, actions, notes, _calls, _reports = built(qtbot, session)
        for action in (actions.import_action, actions.paste_action, notes.new_action,
                       notes.details_action, notes.delete_action):  # fmt: skip
            assert not action.isEnabled(), action.text()
        assert notes.export_action.isEnabled() and notes.check_action.isEnabled()


def test_the_composers_requests_open_the_note_menus_dialogs(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window, not NoteActions, connects the Composer's New Note and Details."""
    shown: list[QDialog] = []

    def cancel(dialog: QDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(QDialog, "exec", cancel)
    window = ProjectWindow(Session.create(tmp_path / "wired.briefer"))
    qtbot.addWidget(window)
    window.composer.detailsRequested.emit(0)  # no note yet: reported, no dialog
    assert shown == [] and "There is no note yet" in window.statusBar().currentMessage()
    window.composer.newNoteRequested.emit()
    assert len(shown) == 1 and isinstance(shown[0], DraftDialog)
    assert window.note_actions.dialog is shown[0]
    command = AddNoteCommand(Note("Harbour brief"))
    window.session.do(command)
    note_id = window.session.query.list_notes()[0].id
    assert note_id is not None
    window.show_note(note_id)
    window.composer.detailsRequested.emit(note_id)
    assert len(shown) == 2 and isinstance(shown[1], NoteDetailsDialog)
    window.close()


def test_menu_actions_replace_the_attributes_menus_used_to_hang_on_the_window(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = ProjectWindow(Session.create(tmp_path / "one.briefer"))
    qtbot.addWidget(window)
    assert isinstance(window.menu_actions, WindowActions)
    assert not hasattr(window, "undo_action") and not hasattr(window, "note_menu")
    owned = set(window.findChildren(QAction))
    assert {window.menu_actions.import_action, window.note_actions.export_action} <= owned
    window.close()
