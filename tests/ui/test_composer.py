"""The Composer driven as an analyst drives it: typing, formatting, quoting, outline, undo.

A real project file on disk, the real window offscreen; what is asserted
is what the analyst would see stored in the note and in the preview.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent, QTextCursor
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser, QTextEdit
from pytestqt.qtbot import QtBot

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Block, BlockKind, Note, Section
from briefer.core.words import note_word_count as word_count
from briefer.session import (
    AddNoteCommand,
    DeleteNoteCommand,
    DeletePassageCommand,
    Session,
    TagPassageCommand,
)
from briefer.settings import Settings
from briefer.ui.composer.outline import SECTION_MIME
from briefer.ui.composer.rich_editor import RichSectionEditor
from briefer.ui.composer.rich_format import OBJECT_CHAR
from briefer.ui.shell.project_window import ProjectWindow
from tests.private_store import store_of

TEXT = "Harbour deal signed.\n\nThe deal, worth $2 billion, covers new berths & <cranes>."
QUOTE = "The deal, worth $2 billion, covers new berths & <cranes>."


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ProjectWindow]:
    session = Session.create(tmp_path / "compose.briefer")
    article_id = store_of(session).add_article(
        Article(
            "Harbour deal",
            TEXT,
            (Block(BlockKind.PARAGRAPH, 0, 20), Block(BlockKind.PARAGRAPH, 22, len(TEXT))),
            publisher="Wire",
            published=dt.date(2026, 3, 1),
        ),
    )
    trade = session.theme_named("Trade")
    assert trade is not None and trade.id is not None
    start = TEXT.index(QUOTE)
    session.do(TagPassageCommand(article_id, start, start + len(QUOTE), [trade.id]))
    session.do(AddNoteCommand(Note("Brief", sections=(
        Section("Summary", "Main point."),
        Section("Background", "", guidance="Only the context the reader needs."),
        Section("Outlook", ""),
    ))))  # fmt: skip
    session.history.clear()
    # A British note, whatever the machine's locale: the quotation marks and the dates of a
    # style without a locale of its own (Chicago) follow the settings' language.
    w = ProjectWindow(session, settings=Settings(language="en-GB"))
    qtbot.addWidget(w)
    w.show()
    w.show_composer()
    yield w
    w.close()


def note(window: ProjectWindow) -> Note:
    note_id = window.composer.current_note_id()
    assert note_id is not None
    return window.session.query.get_note(note_id)


def select(window: ProjectWindow, heading: str) -> None:
    composer = window.composer
    row = [s.heading for s in note(window).sections].index(heading)
    composer.outline.setCurrentIndex(composer.outline_model.index(row))


def bodies(window: ProjectWindow) -> dict[str, str]:
    return {s.heading: s.body for s in note(window).sections}


def test_typing_is_saved_after_a_pause_and_undone_in_one_step(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Outlook")
    editor = window.composer.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Ports will grow")
    qtbot.waitUntil(lambda: bodies(window)["Outlook"] == "Ports will grow", timeout=3000)
    qtbot.keyClicks(editor, " fast")
    window.composer.flush()
    assert bodies(window)["Outlook"] == "Ports will grow fast"
    assert window.menu_actions.undo_action.text() == "&Undo Typing"
    window.menu_actions.undo_action.trigger()
    assert bodies(window)["Outlook"] == ""
    assert editor.toPlainText() == ""
    window.menu_actions.redo_action.trigger()
    assert editor.toPlainText() == "Ports will grow fast"


def test_ctrl_z_right_after_typing_undoes_the_typing(qtbot: QtBot, window: ProjectWindow) -> None:
    select(window, "Summary")
    editor = window.composer.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " More.")
    window.undo()  # before the pause: the typing is saved first, then undone
    assert bodies(window)["Summary"] == "Main point."
    assert editor.toPlainText() == "Main point."


def test_bold_and_a_bulleted_list_from_the_toolbar(qtbot: QtBot, window: ProjectWindow) -> None:
    select(window, "Summary")
    editor = window.composer.editor
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    window.composer.toolbar.bold_action.trigger()
    assert editor.toPlainText() == "Main point."  # the page shows bold, not asterisks
    assert window.composer.editor_markdown() == "**Main** point."
    editor.selectAll()
    editor.set_line_prefix("bullet")
    window.composer.flush()
    assert bodies(window)["Summary"] == "- **Main** point."
    assert "<li><b>Main</b> point.</li>" in window.composer.preview.preview_source.html(
        note(window)
    )
    window.composer.show_preview()
    assert "Main point." in window.composer.preview.toPlainText()
    assert "**" not in window.composer.preview.toPlainText()


def test_the_markdown_source_toggle_edits_the_same_section_as_markup(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Summary")
    window.composer.toolbar.source_action.trigger()
    source = window.composer.source_editor
    assert window.composer.active_editor() is source and source.toPlainText() == "Main point."
    cursor = source.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
    source.setTextCursor(cursor)
    window.composer.toolbar.bold_action.trigger()
    assert source.toPlainText() == "**Main** point."
    window.composer.toolbar.source_action.trigger()  # back to the page: saved first
    assert bodies(window)["Summary"] == "**Main** point."
    assert window.composer.active_editor() is window.composer.editor
    assert window.composer.editor.toPlainText() == "Main point."


def test_formatting_and_outline_shortcuts_work_while_typing_in_the_editor(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    qtbot.waitExposed(window)
    select(window, "Summary")
    editor = window.composer.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)

    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.composer.editor_markdown() == "**Main** point."
    cursor.setPosition(len("Main "))
    cursor.setPosition(len("Main point"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # not File > Import
    assert window.composer.editor_markdown() == "**Main** *point*."
    assert editor.toPlainText() == "Main point."

    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [s.heading for s in note(window).sections] == ["Background", "Summary", "Outlook"]
    assert bodies(window)["Summary"] == "**Main** *point*."  # saved before the move
    window.show_reader()
    assert window.menu_actions.import_action.shortcut().toString() == "Ctrl+I"


def test_insert_on_a_passage_quotes_it_exactly_with_a_footnote(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Background")
    tree = window.composer.passages.tree
    passage = window.session.query.list_passages()[0]
    assert passage.id is not None
    child = tree.topLevelItem(0).child(0)
    tree.setCurrentItem(child)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Insert)
    # Short, it runs in, as drafting sets a quotation under the template's 40 words.
    assert bodies(window)["Background"] == quotation_markdown(QUOTE, passage.id, block=False)
    assert window.menu_actions.undo_action.text() == "&Undo Insert quotation"
    assert tree.topLevelItem(0).child(0).text(0).startswith("✓ ")
    window.composer.show_preview()  # a tab beside the passages, rendered while it shows
    preview = window.composer.preview.toPlainText()
    # The preview shows what the export writes: the settings' style (Chicago), in the
    # settings' language (en-GB: Chicago declares no locale), and marks.
    assert QUOTE in preview and "Sources" in preview and "‘Harbour Deal’, Wire, 1 March" in preview
    window.composer.show_passages()
    window.menu_actions.undo_action.trigger()
    assert bodies(window)["Background"] == ""
    assert not tree.topLevelItem(0).child(0).text(0).startswith("✓ ")


def test_themes_without_passages_are_listed_as_gaps(window: ProjectWindow) -> None:
    tree = window.composer.passages.tree
    labels = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert labels[0] == "Trade  (1)"
    assert "Energy  — no passages yet" in labels


def test_outline_rename_move_by_drag_and_keys_with_undo(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    composer = window.composer
    model = composer.outline_model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.setData(model.index(2), "Implications")
    assert [s.heading for s in note(window).sections] == ["Summary", "Background", "Implications"]

    mime = model.mimeData([model.index(0)])
    assert mime.hasFormat(SECTION_MIME)
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, model.index(-1))
    assert [s.heading for s in note(window).sections] == ["Background", "Implications", "Summary"]

    select(window, "Summary")
    assert composer.outline_panel.move_up_action.shortcut().toString() == "Alt+Up"
    composer.outline_panel.move_up_action.trigger()
    assert [s.heading for s in note(window).sections] == ["Background", "Summary", "Implications"]
    window.menu_actions.undo_action.trigger()
    window.menu_actions.undo_action.trigger()
    window.menu_actions.undo_action.trigger()
    assert [s.heading for s in note(window).sections] == ["Summary", "Background", "Outlook"]


def test_add_remove_and_indent_sections(window: ProjectWindow) -> None:
    composer = window.composer
    select(window, "Summary")
    composer.add_section()
    headings = [(s.heading, s.level) for s in note(window).sections]
    assert headings[1] == ("New section", 1)
    composer.change_level(1)
    assert note(window).sections[1].level == 2
    composer.remove_section()
    assert [s.heading for s in note(window).sections] == ["Summary", "Background", "Outlook"]


def test_a_citation_to_a_deleted_passage_is_marked_not_a_crash(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Background")
    passage = window.session.query.list_passages()[0]
    assert passage.id is not None
    window.composer.insert_passage(passage.id)
    window.session.do(DeletePassageCommand(passage.id))
    window.composer.show_preview()
    window.composer.refresh_preview()
    assert f"[missing source: passage {passage.id}]" in window.composer.preview.toPlainText()


def test_a_long_passage_is_quoted_as_a_block_and_a_short_one_runs_in_as_drafts_do(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    """Quote Passage (and a drop) sets a quotation as drafting from the template does:
    a block from the template's block_quotation_words (40 by default), else run in, so
    the exported note does not mix indented italics and plain paragraphs at random."""
    long_text = " ".join(["Berth eleven will take the larger container ships."] * 6)
    session = window.session
    article_id = store_of(session).add_article(Article("Berths", long_text))
    trade = session.theme_named("Trade")
    assert trade is not None and trade.id is not None
    session.do(TagPassageCommand(article_id, 0, len(long_text), [trade.id]))
    long_id = max(p.id or 0 for p in session.query.list_passages())
    short_id = min(p.id or 0 for p in session.query.list_passages())
    select(window, "Outlook")
    window.composer.insert_passage(long_id)
    assert bodies(window)["Outlook"].startswith('> "Berth eleven')
    select(window, "Background")
    window.composer.insert_passage(short_id)
    assert bodies(window)["Background"] == quotation_markdown(QUOTE, short_id, block=False)


def test_ctrl_enter_on_a_citation_opens_its_passage_in_the_reader(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Background")
    passage = window.session.query.list_passages()[0]
    assert passage.id is not None
    window.composer.insert_passage(passage.id)
    editor = window.composer.editor
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index(OBJECT_CHAR))  # on the citation chip
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.currentIndex() == 0
    assert window.reader.cursor_offset() == TEXT.index(QUOTE)


def test_word_count_and_target(qtbot: QtBot, window: ProjectWindow) -> None:
    counted = Note("x", sections=(Section("Two words", "- **Bold** text [@p3] and `code`"),))
    assert word_count(counted) == 6
    # The count follows opening a note by a moment (counting pages sets every citation).
    qtbot.waitUntil(lambda: "no target length" in window.composer.status.text(), timeout=2000)


def test_the_word_count_leaves_out_headings_the_export_leaves_out(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    """Background holds only the template's guidance, so its heading is not exported and
    not counted; Outlook, emptied by the analyst, keeps its heading (as the export does):
    "Summary", "Main point." and "Outlook" are four words until Outlook gets some."""
    status = window.composer.status
    qtbot.waitUntil(lambda: status.text().startswith("4 words"), timeout=3000)
    select(window, "Outlook")
    window.composer.editor.insertPlainText("Prices will ease.")
    window.composer.flush()
    qtbot.waitUntil(lambda: status.text().startswith("7 words"), timeout=3000)


def test_dropping_a_passage_on_the_editor_inserts_it(qtbot: QtBot, window: ProjectWindow) -> None:
    select(window, "Outlook")
    tree = window.composer.passages.tree
    mime: QMimeData = tree.mimeData([tree.topLevelItem(0).child(0)])
    passage_id = int(bytes(mime.data("application/x-briefer-passage").data()).decode())
    window.composer.editor.passageDropped.emit(passage_id)
    assert bodies(window)["Outlook"].endswith(f"[@p{passage_id}]")


@pytest.mark.parametrize("view", ["page", "source"])
def test_a_real_drop_on_either_editor_quotes_the_passage(
    qtbot: QtBot, window: ProjectWindow, view: str
) -> None:
    select(window, "Outlook")
    composer = window.composer
    composer.show_source(view == "source")
    editor = composer.editor if view == "page" else composer.source_editor
    tree = composer.passages.tree
    mime: QMimeData = tree.mimeData([tree.topLevelItem(0).child(0)])
    passage_id = int(bytes(mime.data("application/x-briefer-passage").data()).decode())
    assert editor.canInsertFromMimeData(mime)
    drop = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    editor.dropEvent(drop)
    assert drop.isAccepted()
    composer.flush()
    assert f"[@p{passage_id}]" in bodies(window)["Outlook"]


def test_guidance_is_a_grey_placeholder_never_the_text(qtbot: QtBot, window: ProjectWindow) -> None:
    select(window, "Background")
    editor = window.composer.editor
    assert editor.toPlainText() == ""
    assert editor.placeholderText() == "Only the context the reader needs."
    editor.setFocus()
    qtbot.keyClicks(editor, "Talks began in May.")
    window.composer.flush()
    assert bodies(window)["Background"] == "Talks began in May."  # the guidance is not in it
    select(window, "Outlook")
    assert editor.placeholderText() == ""  # a section without guidance shows none


def test_long_guidance_wraps_inside_the_editor(qtbot: QtBot) -> None:
    """Qt's own QTextEdit placeholder stays on one line; a template's guidance must not be cut."""
    from briefer.ui.composer.rich_editor import RichSectionEditor

    editor = RichSectionEditor(labels=lambda _pid: None)
    qtbot.addWidget(editor)
    editor.resize(320, 200)
    editor.show()
    qtbot.waitExposed(editor)
    paper = editor.palette().base().color().lightness()

    def grey_rows() -> set[int]:  # rows with ink, right of where the text cursor blinks
        image = editor.viewport().grab().toImage()
        return {
            y for y in range(image.height()) for x in range(24, image.width(), 2)
            if abs(image.pixelColor(x, y).lightness() - paper) > 60
        }  # fmt: skip

    assert grey_rows() == set()
    editor.setPlaceholderText("What this means for us: the likely next steps, the risks and "
                              "the opportunities, and how sure we are of each.")  # fmt: skip
    rows = grey_rows()
    line = editor.fontMetrics().height()
    assert rows and max(rows) - min(rows) > 1.5 * line  # three lines or so, not one
    qtbot.keyClicks(editor, "Talks")
    typed = grey_rows()  # the guidance goes as soon as the analyst types: one short line left
    assert typed and max(typed) - min(typed) < line


def test_two_notes_of_one_title_are_told_apart_in_the_note_list(window: ProjectWindow) -> None:
    window.session.do(AddNoteCommand(Note("Brief", date=dt.date(2026, 12, 2))))
    notes = window.composer.notes
    labels = [notes.itemText(row) for row in range(notes.count())]
    assert labels == ["Brief", "Brief (2)"]


def long_summary_in_preview(window: ProjectWindow) -> QTextBrowser:
    """The Preview tab, showing a note whose summary is longer than the panel."""
    long_text = "\n\n".join(
        f"Paragraph {n} of the summary, long enough to fill a line." for n in range(60)
    )
    select(window, "Summary")
    window.composer.editor.setPlainText(long_text)
    window.composer.flush()
    window.composer.show_preview()
    preview = window.composer.preview
    preview.refresh()
    return preview


def test_the_preview_follows_the_section_being_written(qtbot: QtBot, window: ProjectWindow) -> None:
    """Writing the last section of a long note, the preview showed the note's title: the
    analyst scrolled to what they were writing every time."""
    preview = long_summary_in_preview(window)
    assert preview.verticalScrollBar().maximum() > 0  # the note is longer than the panel
    bar = preview.verticalScrollBar()
    select(window, "Outlook")
    qtbot.waitUntil(lambda: bar.value() > 0)
    cursor = preview.document().find("Outlook")
    top = preview.cursorRect(cursor).top()
    assert 0 <= top < preview.viewport().height()  # its heading is in sight
    top = bar.value()
    select(window, "Summary")
    qtbot.waitUntil(lambda: bar.value() < top)  # back up, to the summary's heading
    cursor = preview.document().find("Summary")
    assert 0 <= preview.cursorRect(cursor).top() < preview.viewport().height()


def test_the_preview_follows_a_section_once_its_first_words_put_it_there(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    """An unwritten section is not exported, so the preview had no heading to follow;
    typing its first words showed it, but the preview stayed at the title (a trial)."""
    preview = long_summary_in_preview(window)
    bar = preview.verticalScrollBar()
    bar.setValue(0)
    select(window, "Background")  # only its guidance: not in the preview yet
    editor = window.composer.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Ports grew.")
    window.composer.flush()
    preview.refresh()
    qtbot.waitUntil(lambda: bar.value() > 0)
    cursor = preview.document().find("Background")
    assert 0 <= preview.cursorRect(cursor).top() < preview.viewport().height()


def test_an_edit_inside_a_quotation_is_flagged_as_the_analyst_types(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    """Changing words inside a quotation gave no sign until Check or Export; the line
    under the editor now says so after the pause in typing, and goes when it is undone."""
    select(window, "Background")
    passage = window.session.query.list_passages()[0]
    assert passage.id is not None
    window.composer.insert_passage(passage.id)
    alert = window.composer.quote_alert
    window.composer._update_status()
    assert alert.isHidden()
    editor = window.composer.editor
    found = editor.document().find("$2 billion")
    assert not found.isNull()
    editor.setTextCursor(found)
    qtbot.keyClicks(editor, "$5 billion")
    qtbot.waitUntil(alert.isVisible, timeout=5_000)
    assert alert.text().startswith('The quotation at footnote 1 in "Background" no longer matches')
    window.composer.flush()
    window.menu_actions.undo_action.trigger()
    qtbot.waitUntil(alert.isHidden, timeout=5_000)
    window.menu_actions.redo_action.trigger()
    window.composer._update_status()
    assert alert.isVisible()
    note_id = window.composer.current_note_id()
    assert note_id is not None
    window.session.do(DeleteNoteCommand(note_id))  # the last note: none shown now
    qtbot.waitUntil(lambda: window.composer.current_note_id() is None, timeout=5_000)
    window.composer._update_status()
    assert alert.isHidden()


def test_typing_over_a_quotations_citation_is_flagged(qtbot: QtBot, window: ProjectWindow) -> None:
    """A new user selected the citation chip and typed: the chip went, and the quotation
    left behind (misquoted, too) passed every check with no footnote. The line under the
    editor now says that a block quotation has no citation."""
    select(window, "Background")
    passage = window.session.query.list_passages()[0]
    assert passage.id is not None
    window.composer.insert_passage(passage.id)
    editor = window.composer.editor
    at = editor.chip_position(passage.id)
    assert at is not None
    cursor = editor.textCursor()
    cursor.setPosition(at)
    cursor.setPosition(at + 1, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "so")
    alert = window.composer.quote_alert
    qtbot.waitUntil(alert.isVisible, timeout=5_000)
    assert alert.text().startswith('A quotation in "Background" has no citation')


@pytest.mark.parametrize("view", ["page", "source"])
def test_alt_and_a_letter_nothing_answers_types_nothing(
    qtbot: QtBot, window: ProjectWindow, view: str
) -> None:
    """On X11, Alt+K typed "k" into the note (a new user's trial); AltGr-free letters
    and Shift still type."""
    select(window, "Summary")
    window.composer.show_source(view == "source")
    editor = window.composer.editors.active()
    assert isinstance(editor, QTextEdit | QPlainTextEdit)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for key in (Qt.Key.Key_K, Qt.Key.Key_J, Qt.Key.Key_Q):
        qtbot.keyClick(editor, key, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(editor, " Ok")
    window.composer.flush()
    assert bodies(window)["Summary"] == "Main point. Ok"


def test_typing_in_two_places_is_two_undo_steps(qtbot: QtBot, window: ProjectWindow) -> None:
    """A lead sentence at the top and a closing one at the bottom, typed within a second
    or two, were one undo step: Ctrl+Z took both. Moving the caret ends a step, as in Word."""
    select(window, "Summary")
    editor = window.composer.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "Lead. ")
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, " Closing.")
    window.undo()
    assert bodies(window)["Summary"] == "Lead. Main point."
    assert editor.toPlainText() == "Lead. Main point."
    window.undo()
    assert bodies(window)["Summary"] == "Main point."
    window.redo()
    assert bodies(window)["Summary"] == "Lead. Main point."


def test_undo_of_typing_in_another_section_shows_that_section(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    """Ctrl+Z after moving to another section undid the typing there, out of sight, and
    the analyst saw nothing change (a new user's trial). Undo and redo now show it."""
    select(window, "Summary")
    editor = window.composer.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " Ports grow.")
    select(window, "Background")
    background = window.composer.current_section_id()
    summary = next(s.id for s in note(window).sections if s.heading == "Summary")
    window.workspace.setCurrentWidget(window.composer)
    window.undo()
    assert bodies(window)["Summary"] == "Main point."
    assert window.composer.current_section_id() == summary
    assert editor.toPlainText() == "Main point."
    select(window, "Background")
    assert window.composer.current_section_id() == background
    window.redo()
    assert window.composer.current_section_id() == summary
    assert editor.toPlainText() == "Main point. Ports grow."


def test_a_click_elsewhere_ends_the_typing_step(qtbot: QtBot, window: ProjectWindow) -> None:
    select(window, "Summary")
    editor = window.composer.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " Ports")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # a fix at the same place: the same step
    qtbot.keyClicks(editor, "s grow.")
    start = editor.cursorRect(_at(editor, 0))
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=start.center())
    qtbot.keyClicks(editor, "Now: ")
    window.undo()
    assert bodies(window)["Summary"] == "Main point. Ports grow."
    window.undo()
    assert bodies(window)["Summary"] == "Main point."


def _at(editor: RichSectionEditor, position: int) -> QTextCursor:
    cursor = editor.textCursor()
    cursor.setPosition(position)
    return cursor
