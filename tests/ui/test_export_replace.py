"""File > Export Note asks before it replaces a file that is already there.

Driven as test_note_flows drives the export: the real window on a real project,
the options dialog and the question answered from inside their own exec() loops;
only the file picker, which is the operating system's, is monkeypatched.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from briefer.ui.notes.exporting import ExportOptions
from briefer.ui.notes.problems_dialog import ProblemsDialog
from tests.ui.driving import Modals, keep_picture, menu_action, press, shown
from tests.ui.test_note_flows import (
    QUOTE,
    _controllers,
    make_project,
    misquote,
    open_window,
    wait_for_export,
)

EDITED = b"The analyst's own edits, made in Word after the last export."


@pytest.fixture(autouse=True)
def _release_controllers() -> Iterator[None]:
    yield
    _controllers.clear()


@pytest.fixture
def modals() -> Iterator[Modals]:
    answering = Modals()
    yield answering
    answering.stopped = True


@pytest.fixture
def drafted(tmp_path: Path) -> Path:
    return make_project(tmp_path / "drafted.briefer", with_note=True)


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    target = tmp_path / "out" / "note.docx"
    target.parent.mkdir()
    target.write_bytes(EDITED)
    return target


def export_to(target: Path) -> object:
    """Type ``target`` in the options dialog and press Export once its exec() is free."""

    def answer(dialog: ExportOptions) -> None:
        dialog.target.setText(str(target))
        keep_picture(dialog, "export-options")
        # Export may open a question of its own: press it from the dialog's own loop, so
        # the polling that answers that question keeps running.
        QTimer.singleShot(0, lambda: press(dialog, "Export"))

    return answer


@pytest.mark.parametrize("how", ["Cancel", "Escape"])
def test_an_existing_file_is_asked_about_and_cancel_leaves_it_as_it_was(
    qtbot: QtBot, drafted: Path, existing: Path, modals: Modals, how: str
) -> None:
    window = open_window(qtbot, drafted)
    asked: list[str] = []

    def question(box: QMessageBox) -> None:
        asked.append(box.text())
        assert box.defaultButton() is box.escapeButton()  # a stray Enter keeps the file
        assert box.defaultButton().text().replace("&", "") == "Cancel"
        keep_picture(box, "export-replace")
        if how == "Escape":
            QTest.keyClick(box, Qt.Key.Key_Escape)
        else:
            press(box, "Cancel")

    def still_open(dialog: ExportOptions) -> None:
        asked.append(dialog.target.text())  # back in the dialog, the name as typed
        press(dialog, "Cancel")

    modals.expect(ExportOptions, export_to(existing)).expect(QMessageBox, question)
    modals.expect(ExportOptions, still_open)
    menu_action(window, "File", "Export Note…").trigger()
    modals.check()
    qtbot.wait(100)
    assert asked == [f"note.docx already exists in {existing.parent}. Replace it?", str(existing)]
    assert existing.read_bytes() == EDITED
    assert shown(QMessageBox, "Note exported") is None
    assert list(existing.parent.iterdir()) == [existing]  # no temporary file left either


def test_replace_writes_the_new_export(
    qtbot: QtBot, drafted: Path, existing: Path, modals: Modals
) -> None:
    window = open_window(qtbot, drafted)
    modals.expect(ExportOptions, export_to(existing))
    modals.expect(QMessageBox, lambda box: press(box, "Replace"))
    menu_action(window, "File", "Export Note…").trigger()
    modals.check()
    wait_for_export(qtbot, existing)
    assert any(QUOTE in p.text for p in docx.Document(str(existing)).paragraphs)


def test_a_new_file_is_written_without_a_question(
    qtbot: QtBot, drafted: Path, tmp_path: Path, modals: Modals, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    window = open_window(qtbot, drafted)
    target = tmp_path / "fresh.docx"
    modals.expect(ExportOptions, export_to(target))
    menu_action(window, "File", "Export Note…").trigger()
    modals.check()
    wait_for_export(qtbot, target)
    assert asked == []


@pytest.mark.parametrize("picked", ["note.docx", "note"])
def test_a_file_the_picker_confirmed_is_not_asked_about_twice(
    qtbot: QtBot,
    drafted: Path,
    existing: Path,
    modals: Modals,
    monkeypatch: pytest.MonkeyPatch,
    picked: str,
) -> None:
    """The picker asks about the name it hands back; "note" made "note.docx" it never saw."""
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    chosen = str(existing.parent / picked)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (chosen, ""))
    window = open_window(qtbot, drafted)

    def browse(dialog: ExportOptions) -> None:
        press(dialog, "Browse…")
        assert dialog.target.text() == str(existing)
        QTimer.singleShot(0, lambda: press(dialog, "Export"))
        if picked == "note":  # asked, and the stand-in answered as Escape would
            QTimer.singleShot(50, lambda: press(dialog, "Cancel"))

    modals.expect(ExportOptions, browse)
    menu_action(window, "File", "Export Note…").trigger()
    modals.check()
    if picked == "note.docx":
        wait_for_export(qtbot, existing)
        assert asked == []
        assert any(QUOTE in p.text for p in docx.Document(str(existing)).paragraphs)
    else:
        qtbot.waitUntil(lambda: not window.note_actions.exporter.options.isVisible())
        assert asked == [f"note.docx already exists in {existing.parent}. Replace it?"]
        assert existing.read_bytes() == EDITED


@pytest.mark.parametrize("go_ahead", [False, True])
def test_the_check_comes_before_the_question_about_replacing(
    qtbot: QtBot, drafted: Path, existing: Path, modals: Modals, go_ahead: bool
) -> None:
    """A quotation that no longer matches stops the export before the file is asked
    about: "Replace it?" comes only once the export will really write."""
    misquote(drafted)
    window = open_window(qtbot, drafted)
    seen: list[str] = []

    def check(dialog: ProblemsDialog) -> None:
        seen.append(dialog.windowTitle())
        press(dialog, "Export Anyway…" if go_ahead else "Cancel")

    def question(box: QMessageBox) -> None:
        seen.append(box.text())
        press(box, "Replace")

    modals.expect(ProblemsDialog, check)
    if go_ahead:
        modals.expect(ExportOptions, export_to(existing)).expect(QMessageBox, question)
    menu_action(window, "File", "Export Note…").trigger()
    modals.check()
    replace = f"note.docx already exists in {existing.parent}. Replace it?"
    if go_ahead:
        wait_for_export(qtbot, existing)
        assert seen == ["Check the note before export", replace]
        assert any("$5 billion" in p.text for p in docx.Document(str(existing)).paragraphs)
    else:
        qtbot.wait(50)
        assert seen == ["Check the note before export"]  # never asked about the file
        assert existing.read_bytes() == EDITED
