"""The Note menu and File > Export, driven as an analyst drives them.

A real project file in tmp_path is opened the way the app opens one (the
composition root's Controller); each flow starts from its action in the menu
bar; modal dialogs run their own exec() loop and are answered by a timer that
fills in their widgets and presses their buttons (only the file pickers, which
are the operating system's, are monkeypatched). The outcome is read back from
the project file by a second, read-only session, from the template folder, or
from the exported DOCX (python-docx) and Markdown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from briefer.app import Controller
from briefer.core.model import Article, Block, BlockKind, Note, Original
from briefer.session import (
    EditSectionBodyCommand,
    ProjectQueries,
    Session,
    TagPassageCommand,
    draft_command,
    load_templates,
)
from briefer.settings import load_settings, resolve_paths

# The UI classes these flows touch are imported here and nowhere else in the file
# (with briefer.app's Controller): when briefer/ui moves, this is the block to update.
from briefer.ui.notes.dialogs import DraftDialog, NoteDetailsDialog, SaveTemplateDialog
from briefer.ui.notes.exporting import ExportOptions
from briefer.ui.notes.problems_dialog import ProblemsDialog
from briefer.ui.shell.project_window import ProjectWindow
from tests.private_store import store_of
from tests.ui.driving import Modals, menu_action, press, shown

TEXT = "Harbour deal.\n\nThe deal, worth $2 billion, covers new berths and 3,000 jobs."
QUOTE = "The deal, worth $2 billion, covers new berths and 3,000 jobs."
NOTE = "Harbour brief"


# -- the project file, and reading it back -------------------------------------


def make_project(path: Path, *, with_note: bool) -> Path:
    """An article with one passage tagged Trade, and perhaps a note drafted from it."""
    with Session.create(path) as session:
        article_id = store_of(session).add_article(
            Article("Harbour deal", TEXT, (Block(BlockKind.PARAGRAPH, 0, 13),
                    Block(BlockKind.PARAGRAPH, 15, len(TEXT))), publisher="Wire",
                    published=dt.date(2026, 3, 1)),
            Original("harbour.txt", "text/plain", TEXT.encode()),
        )  # fmt: skip
        trade = session.theme_named("Trade")
        assert trade is not None and trade.id is not None
        start = TEXT.index(QUOTE)
        session.do(TagPassageCommand(article_id, start, start + len(QUOTE), [trade.id]))
        if with_note:
            template = load_templates(None).templates[0]
            session.do(
                draft_command(session.query, template, title=NOTE, theme_names=["Trade"],
                              author="A. Analyst", marking="OFFICIAL")
            )  # fmt: skip
    return path


@contextmanager
def on_disk(path: Path) -> Iterator[ProjectQueries]:
    """The project as another reader of the file sees it, apart from the window's session."""
    with Session.open(path, read_only=True) as reader:
        yield reader.query


def notes_on_disk(path: Path) -> list[Note]:
    with on_disk(path) as project:
        return [project.get_note(n.id) for n in project.list_notes() if n.id is not None]


# -- the window, its menus and its dialogs --------------------------------------


def open_window(qtbot: QtBot, path: Path) -> ProjectWindow:
    """Open ``path`` as the app does: settings from the (test) home, backups, lock."""
    paths = resolve_paths()
    controller = Controller(paths, load_settings(paths).settings)
    assert controller.open_project(path)
    window = controller.window
    assert isinstance(window, ProjectWindow)
    _controllers.append(controller)  # the window's signals call it: keep it for the test
    qtbot.addWidget(window)
    return window


_controllers: list[Controller] = []


@pytest.fixture(autouse=True)
def _release_controllers() -> Iterator[None]:
    yield
    _controllers.clear()


@pytest.fixture
def modals() -> Iterator[Modals]:
    answering = Modals()
    yield answering
    answering.stopped = True  # a timer left over must not answer the next test's dialogs


@pytest.fixture
def blank(tmp_path: Path) -> Path:
    return make_project(tmp_path / "blank.briefer", with_note=False)


@pytest.fixture
def drafted(tmp_path: Path) -> Path:
    return make_project(tmp_path / "drafted.briefer", with_note=True)


# -- Note > New Note from Template… ---------------------------------------------


def test_new_note_drafts_from_the_dialog_into_the_file_and_opens_it(
    qtbot: QtBot, blank: Path, modals: Modals
) -> None:
    window = open_window(qtbot, blank)

    def fill(dialog: DraftDialog) -> None:
        press(dialog, "Draft Note")  # no title yet: refused in the dialog, which stays open
        assert dialog.isVisible() and "title" in dialog.error.text()
        dialog.template_box.setCurrentIndex(dialog.template_box.findData("One-page brief"))
        dialog.title.setText("Port expansion")
        dialog.author.setText("B. Analyst")
        dialog.marking.setCurrentText("OFFICIAL-SENSITIVE")
        for row in range(dialog.themes.count()):  # every theme is ticked; keep two
            item = dialog.themes.item(row)
            if not item.text().startswith(("Trade", "Defence")):
                item.setCheckState(Qt.CheckState.Unchecked)
        press(dialog, "Draft Note")

    modals.expect(DraftDialog, fill)
    menu_action(window, "Note", "New Note from Template…").trigger()
    modals.check()

    [note] = notes_on_disk(blank)
    template = next(t for t in load_templates(None).templates if t.name == "One-page brief")
    assert (note.title, note.author, note.marking) == (
        "Port expansion", "B. Analyst", "OFFICIAL-SENSITIVE",
    )  # fmt: skip
    assert note.date == dt.date.today()
    # The template's sections, and under "Key points" one per theme ticked.
    assert [s.heading for s in note.sections] == ["Bottom line", "Key points", "Trade",
                                                  "Defence", "Why it matters"]  # fmt: skip
    assert [s.heading for s in template.sections] == ["Bottom line", "Key points", "Why it matters"]
    trade = note.sections[2]
    assert QUOTE in trade.body and "[@p" in trade.body
    assert window.composer.current_note_id() == note.id

    menu_action(window, "Edit", 'Undo Draft note "Port expansion"').trigger()
    assert notes_on_disk(blank) == []


def test_cancelling_the_new_note_dialog_writes_nothing(
    qtbot: QtBot, blank: Path, modals: Modals
) -> None:
    window = open_window(qtbot, blank)
    modals.expect(DraftDialog, lambda dialog: press(dialog, "Cancel"))
    menu_action(window, "Note", "New Note from Template…").trigger()
    modals.check()
    assert notes_on_disk(blank) == []


# -- Note > Note Details… -------------------------------------------------------


def test_note_details_saves_what_was_changed_and_undo_restores_it(
    qtbot: QtBot, drafted: Path, modals: Modals
) -> None:
    window = open_window(qtbot, drafted)
    [before] = notes_on_disk(drafted)

    def edit(dialog: NoteDetailsDialog) -> None:
        assert dialog.title.text() == NOTE
        dialog.recipient.setText("The Minister")
        dialog.reference.setText("BR-2026-11")
        dialog.date.setText("24/11/2026")
        dialog.marking.setCurrentText("SECRET")
        press(dialog, "Save")

    modals.expect(NoteDetailsDialog, edit)
    menu_action(window, "Note", "Note Details…").trigger()
    modals.check()

    [after] = notes_on_disk(drafted)
    assert (after.recipient, after.reference, after.date, after.marking) == (
        "The Minister", "BR-2026-11", dt.date(2026, 11, 24), "SECRET",
    )  # fmt: skip
    assert (after.title, after.author, after.sections) == (
        before.title, before.author, before.sections,
    )  # fmt: skip

    menu_action(window, "Edit", "Undo Edit note details").trigger()
    [undone] = notes_on_disk(drafted)
    assert (undone.recipient, undone.reference, undone.date, undone.marking) == (
        before.recipient, before.reference, before.date, before.marking,
    )  # fmt: skip


def test_note_details_left_unchanged_adds_no_undo_step(
    qtbot: QtBot, drafted: Path, modals: Modals
) -> None:
    window = open_window(qtbot, drafted)
    [before] = notes_on_disk(drafted)
    modals.expect(NoteDetailsDialog, lambda dialog: press(dialog, "Save"))
    menu_action(window, "Note", "Note Details…").trigger()
    modals.check()
    assert notes_on_disk(drafted) == [before]
    assert not menu_action(window, "Edit", "Undo").isEnabled()


# -- Note > Delete Note -----------------------------------------------------------


def test_delete_note_asks_first_and_no_keeps_it(
    qtbot: QtBot, drafted: Path, modals: Modals
) -> None:
    window = open_window(qtbot, drafted)
    asked: list[str] = []

    def decline(box: QMessageBox) -> None:
        asked.append(box.text())
        press(box, "No")

    modals.expect(QMessageBox, decline)
    menu_action(window, "Note", "Delete Note").trigger()
    modals.check()
    assert asked == [f'Delete the note "{NOTE}"? Edit > Undo brings it back.']
    assert [n.title for n in notes_on_disk(drafted)] == [NOTE]


def test_delete_note_removes_it_from_the_file_and_undo_brings_it_back(
    qtbot: QtBot, drafted: Path, modals: Modals
) -> None:
    window = open_window(qtbot, drafted)
    [before] = notes_on_disk(drafted)
    modals.expect(QMessageBox, lambda box: press(box, "Yes"))
    menu_action(window, "Note", "Delete Note").trigger()
    modals.check()
    assert notes_on_disk(drafted) == []
    assert window.composer.current_note_id() is None

    menu_action(window, "Edit", f'Undo Delete note "{NOTE}"').trigger()
    [back] = notes_on_disk(drafted)
    assert (back.id, back.title, back.sections) == (before.id, before.title, before.sections)


def test_note_actions_without_a_note_say_so_and_open_nothing(qtbot: QtBot, blank: Path) -> None:
    window = open_window(qtbot, blank)
    for text in ("Note Details…", "Delete Note", "Check Quotations and Sources…"):
        menu_action(window, "Note", text).trigger()
        assert "There is no note yet" in window.statusBar().currentMessage()
    assert QApplication.activeModalWidget() is None
    assert notes_on_disk(blank) == []


# -- Note > Check Quotations and Sources… ----------------------------------------


def misquote(path: Path) -> None:
    """Change the quotation in the note's Trade section, as a slip of the keyboard would."""
    with Session.open(path) as session:
        [note] = session.query.list_notes()
        assert note.id is not None
        trade = next(s for s in session.query.get_note(note.id).sections if QUOTE in s.body)
        assert trade.id is not None
        body = trade.body.replace("$2 billion", "$5 billion")
        session.do(EditSectionBodyCommand(note.id, trade.id, body))


def test_check_note_lists_a_changed_quotation_and_opens_its_passage(
    qtbot: QtBot, drafted: Path
) -> None:
    misquote(drafted)
    window = open_window(qtbot, drafted)
    menu_action(window, "Note", "Check Quotations and Sources…").trigger()
    dialog = shown(ProblemsDialog)
    assert isinstance(dialog, ProblemsDialog)
    assert dialog.windowTitle() == "Check Note"
    first = dialog.list.item(0)
    assert "$2 billion" in first.text()  # the source's words, which the note no longer has
    with on_disk(drafted) as project:
        [passage] = project.list_passages()
    window.show_composer()
    assert not window.reader.isVisible()
    dialog.list.setCurrentItem(first)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # Enter on the line, as a double-click
    assert window.reader.isVisible()  # the Reader is shown, at the passage, to compare
    assert window.reader.cursor_offset() == passage.start
    press(dialog, "Close")
    assert not dialog.isVisible()


# -- Note > Save as Template… ------------------------------------------------------


def test_save_as_template_writes_a_template_that_new_note_offers(
    qtbot: QtBot, drafted: Path, modals: Modals
) -> None:
    window = open_window(qtbot, drafted)

    def name_it(dialog: SaveTemplateDialog) -> None:
        assert dialog.name.text() == NOTE
        dialog.name.setText("Port watch")
        dialog.description.setPlainText("Weekly watch on harbour deals.")
        press(dialog, "Save Template")

    modals.expect(SaveTemplateDialog, name_it)
    menu_action(window, "Note", "Save as Template…").trigger()
    modals.check()

    templates_dir = resolve_paths().templates_dir
    saved = next(t for t in load_templates(templates_dir).templates if t.name == "Port watch")
    [note] = notes_on_disk(drafted)
    assert saved.description == "Weekly watch on harbour deals."
    assert [s.heading for s in saved.sections] == [s.heading for s in note.sections]
    assert not saved.builtin
    assert "Saved template" in window.statusBar().currentMessage()
    written = list(templates_dir.iterdir())
    assert len(written) == 1 and QUOTE not in written[0].read_text(encoding="utf-8")

    # New Note now offers it, marked as the analyst's own.
    offered: list[str] = []
    modals.expect(DraftDialog, lambda dialog: (
        offered.extend(dialog.template_box.itemText(i) for i in range(dialog.template_box.count())),
        press(dialog, "Cancel"),
    ))  # fmt: skip
    menu_action(window, "Note", "New Note from Template…").trigger()
    modals.check()
    assert "Port watch  (yours)" in offered


@pytest.mark.parametrize("replace", [False, True])
def test_saving_a_template_under_a_taken_name_asks_before_replacing(
    qtbot: QtBot, drafted: Path, modals: Modals, replace: bool
) -> None:
    window = open_window(qtbot, drafted)

    def save(description: str) -> Callable[[SaveTemplateDialog], None]:
        def respond(dialog: SaveTemplateDialog) -> None:
            dialog.name.setText("Port watch")
            dialog.description.setPlainText(description)
            press(dialog, "Save Template")

        return respond

    action = menu_action(window, "Note", "Save as Template…")
    modals.expect(SaveTemplateDialog, save("first"))
    action.trigger()
    asked: list[str] = []
    modals.expect(SaveTemplateDialog, save("second")).expect(
        QMessageBox, lambda box: (asked.append(box.text()), press(box, "Yes" if replace else "No"))
    )
    action.trigger()
    modals.check()

    assert asked == ['You already have a template called "Port watch". Replace it?']
    templates_dir = resolve_paths().templates_dir
    saved = next(t for t in load_templates(templates_dir).templates if t.name == "Port watch")
    assert saved.description == ("second" if replace else "first")
    assert len(list(templates_dir.iterdir())) == 1


# -- File > Export Note… and the ExportOptions dialog ------------------------------


def wait_for_export(qtbot: QtBot, target: Path) -> QMessageBox:
    """The worker thread has written ``target`` and the window says so."""

    def told() -> bool:
        message = shown(QMessageBox, "Note exported")
        return message is not None and str(target) in message.text()

    qtbot.waitUntil(told, timeout=60_000)
    message = shown(QMessageBox, "Note exported")
    assert isinstance(message, QMessageBox)
    return message


def test_export_to_word_through_the_options_dialog(
    qtbot: QtBot, drafted: Path, tmp_path: Path, modals: Modals
) -> None:
    window = open_window(qtbot, drafted)
    target = tmp_path / "out" / "harbour.docx"
    target.parent.mkdir()
    proposed: list[str] = []

    def options(dialog: ExportOptions) -> None:
        proposed.append(dialog.target.text())
        assert dialog.word.isChecked() and dialog.contents.isEnabled()
        dialog.target.setText(str(target))
        dialog.contents.setChecked(True)
        press(dialog, "Export")

    modals.expect(ExportOptions, options)
    menu_action(window, "File", "Export Note…").trigger()
    modals.check()
    message = wait_for_export(qtbot, target)

    assert Path(proposed[0]).name == f"{NOTE}.docx"
    assert re.search(r"\b1 footnotes?\b", message.text())
    word = docx.Document(str(target))
    texts = [p.text for p in word.paragraphs]
    assert any(QUOTE in text for text in texts)
    assert any(r.reltype.endswith("/footnotes") for r in word.part.rels.values())
    assert 'TOC \\o "1-3"' in word.element.xml  # the table of contents asked for
    press(message, "OK")

    # The next export proposes the folder the last one went to.
    modals.expect(ExportOptions, lambda dialog: (proposed.append(dialog.target.text()),
                                                 press(dialog, "Cancel")))  # fmt: skip
    menu_action(window, "File", "Export Note…").trigger()
    modals.check()
    assert Path(proposed[1]) == target.parent / f"{NOTE}.docx"


def test_export_to_markdown_with_the_browse_button(
    qtbot: QtBot,
    drafted: Path,
    tmp_path: Path,
    modals: Modals,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(qtbot, drafted)
    picked = tmp_path / "picked"  # the file picker hands back a name without its suffix
    asked: list[str] = []

    def pick(_parent: object, _caption: str, start: str, filters: str) -> tuple[str, str]:
        asked.append(f"{Path(start).name} | {filters}")
        return str(picked), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", pick)

    def options(dialog: ExportOptions) -> None:
        dialog.markdown.click()
        assert dialog.target.text().endswith(".md")
        assert not dialog.reference.isEnabled() and not dialog.contents.isEnabled()
        press(dialog, "Browse…")
        assert dialog.target.text() == str(picked.with_suffix(".md"))
        press(dialog, "Export")

    modals.expect(ExportOptions, options)
    menu_action(window, "File", "Export Note…").trigger()
    modals.check()
    wait_for_export(qtbot, picked.with_suffix(".md"))

    assert asked == [f"{NOTE}.md | Markdown (*.md)"]
    markdown = picked.with_suffix(".md").read_text(encoding="utf-8")
    assert QUOTE in markdown and "[^1]" in markdown
    assert not picked.with_suffix(".docx").exists()


def test_export_with_a_reference_document_takes_its_page_size(
    qtbot: QtBot,
    drafted: Path,
    tmp_path: Path,
    modals: Modals,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reference = tmp_path / "house-style.docx"
    docx.Document().save(str(reference))  # python-docx's own template: US Letter
    assert round(docx.Document(str(reference)).sections[0].page_width.inches, 1) == 8.5
    window = open_window(qtbot, drafted)
    window.settings.page_size = "A4"  # the reference document wins over this
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(reference), ""))
    target = tmp_path / "styled.docx"

    def options(dialog: ExportOptions) -> None:
        press(dialog, "Choose…")
        assert dialog.reference.text() == str(reference)
        dialog.target.setText(str(target))
        press(dialog, "Export")

    modals.expect(ExportOptions, options)
    menu_action(window, "File", "Export Note…").trigger()
    modals.check()
    wait_for_export(qtbot, target)
    assert round(docx.Document(str(target)).sections[0].page_width.inches, 1) == 8.5


def test_cancelling_the_export_options_writes_nothing(
    qtbot: QtBot, drafted: Path, tmp_path: Path, modals: Modals
) -> None:
    window = open_window(qtbot, drafted)
    target = tmp_path / "never.docx"

    def cancel(dialog: ExportOptions) -> None:
        dialog.target.setText(str(target))
        press(dialog, "Cancel")

    modals.expect(ExportOptions, cancel)
    menu_action(window, "File", "Export Note…").trigger()
    modals.check()
    qtbot.wait(50)
    assert not target.exists() and shown(QMessageBox, "Note exported") is None


@pytest.mark.parametrize("go_ahead", [False, True])
def test_a_misquotation_is_shown_before_export_and_the_analyst_decides(
    qtbot: QtBot, drafted: Path, tmp_path: Path, modals: Modals, go_ahead: bool
) -> None:
    misquote(drafted)
    window = open_window(qtbot, drafted)
    target = tmp_path / "checked.docx"
    listed: list[str] = []

    def options(dialog: ExportOptions) -> None:
        dialog.target.setText(str(target))
        press(dialog, "Export")

    def problems(dialog: ProblemsDialog) -> None:
        assert dialog.windowTitle() == "Check the note before export"
        listed.append(dialog.list.item(0).text())
        press(dialog, "Export Anyway…" if go_ahead else "Cancel")

    # The check first: the file is chosen only for an export that will go ahead.
    modals.expect(ProblemsDialog, problems)
    if go_ahead:
        modals.expect(ExportOptions, options)
    menu_action(window, "File", "Export Note…").trigger()
    modals.check()
    assert "$2 billion" in listed[0]
    if go_ahead:
        wait_for_export(qtbot, target)
        word = docx.Document(str(target))
        assert any("$5 billion" in p.text for p in word.paragraphs)  # as the analyst chose
    else:
        qtbot.wait(50)
        assert not target.exists()
        assert window.note_actions.exporter.options is None  # no file was asked for
