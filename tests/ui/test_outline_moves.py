"""The outline moves and removes a section with its sub-sections, as Word's outline does.

A new user's trial: Alt+Up on "Implications" handed "Diplomacy" and "Sanctions" to
it, the "−" button on "Key developments" re-parented its six theme sections under
"Background" without a word, and removing a section of quotations asked nothing and
left the outline on the note's first section.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from briefer.core.model import Note, Section
from briefer.session import AddNoteCommand, Session
from briefer.ui.composer.outline import SECTION_MIME
from briefer.ui.shell.project_window import ProjectWindow

OUTLINE = (
    ("Summary", 1, "Main point."),
    ("Key developments", 1, ""),
    ("Trade", 2, "Ports grew."),
    ("Defence", 2, ""),
    ("Implications", 1, ""),
    ("Diplomacy", 2, ""),
    ("Outlook", 1, ""),
)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ProjectWindow]:
    session = Session.create(tmp_path / "outline.briefer")
    sections = tuple(Section(heading, body, level) for heading, level, body in OUTLINE)
    session.do(AddNoteCommand(Note("Brief", sections=sections)))
    session.history.clear()
    w = ProjectWindow(session)
    qtbot.addWidget(w)
    w.show()
    w.show_composer()
    yield w
    w.close()


def outline(window: ProjectWindow) -> list[tuple[str, int]]:
    note_id = window.composer.current_note_id()
    assert note_id is not None
    return [(s.heading, s.level) for s in window.session.query.get_note(note_id).sections]


def select(window: ProjectWindow, heading: str) -> None:
    row = [h for h, _ in outline(window)].index(heading)
    composer = window.composer
    composer.outline.setCurrentIndex(composer.outline_model.index(row))


def test_alt_up_and_down_move_a_section_with_its_sub_sections(window: ProjectWindow) -> None:
    select(window, "Implications")
    panel = window.composer.outline_panel
    panel.move_up_action.trigger()
    assert outline(window) == [
        ("Summary", 1), ("Implications", 1), ("Diplomacy", 2), ("Key developments", 1),
        ("Trade", 2), ("Defence", 2), ("Outlook", 1),
    ]  # fmt: skip
    assert window.composer.current_section_id() == window.composer.outline_panel.current_id()
    window.composer.move_section(1)  # Alt+Down: back past Key developments and its two
    assert [h for h, _ in outline(window)][1:4] == ["Key developments", "Trade", "Defence"]
    select(window, "Defence")
    window.composer.move_section(1)  # past Implications' heading: now under it
    assert [h for h, _ in outline(window)][3:6] == ["Implications", "Defence", "Diplomacy"]
    window.menu_actions.undo_action.trigger()
    window.menu_actions.undo_action.trigger()
    window.menu_actions.undo_action.trigger()
    assert [h for h, _ in outline(window)] == [h for h, _, _ in OUTLINE]


def test_a_drag_takes_the_sub_sections_and_not_into_themselves(window: ProjectWindow) -> None:
    model = window.composer.outline_model
    mime = model.mimeData([model.index(1)])  # Key developments
    assert mime.hasFormat(SECTION_MIME)
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, model.index(-1))  # onto Defence
    assert [h for h, _ in outline(window)] == [h for h, _, _ in OUTLINE]
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 7, 0, model.index(-1))  # to the end
    assert [h for h, _ in outline(window)][-3:] == ["Key developments", "Trade", "Defence"]


@pytest.mark.parametrize(
    ("button", "left"),
    [
        ("Remove &All", ["Summary", "Implications", "Diplomacy", "Outlook"]),
        (
            "Remove &Heading Only",
            ["Summary", "Trade", "Defence", "Implications", "Diplomacy", "Outlook"],
        ),
        ("Cancel", [h for h, _, _ in OUTLINE]),
    ],
)
def test_removing_a_section_with_sub_sections_asks_what_goes(
    window: ProjectWindow, monkeypatch: pytest.MonkeyPatch, button: str, left: list[str]
) -> None:
    asked: list[QMessageBox] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box)
        for candidate in box.findChildren(QPushButton):
            if candidate.text() == button:
                candidate.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    select(window, "Key developments")
    window.composer.remove_section()
    box = asked[0]
    assert box.text() == "Remove “Key developments” and its 2 sub-sections? Ctrl+Z brings it back."
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert [h for h, _ in outline(window)] == left
    current = window.composer.current_section_id()
    headings = {s.id: s.heading for s in window.session.query.get_note(
        window.composer.current_note_id() or 0).sections}  # fmt: skip
    # The outline stays where the section was, not on the note's first section.
    assert headings[current] == ("Key developments" if button == "Cancel" else left[1])


def test_a_section_with_text_asks_an_empty_one_goes_at_once(
    window: ProjectWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    select(window, "Summary")
    window.composer.remove_section()  # Cancel: nothing clicked
    assert asked == ["Remove “Summary”? Its text goes with it. Ctrl+Z brings it back."]
    assert outline(window)[0] == ("Summary", 1)
    select(window, "Outlook")
    window.composer.remove_section()
    assert len(asked) == 1 and [h for h, _ in outline(window)][-1] == "Diplomacy"
    assert window.composer.current_section_id() is not None
