"""The page view of the Composer driven by keys, clicks and pastes, as an analyst would.

A real project on disk, the real window offscreen; what is asserted is the
Markdown stored in the note and what the page shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QMenu,
    QPlainTextEdit,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Block, BlockKind, Note, Section
from briefer.session import (
    AddNoteCommand,
    EditSectionBodyCommand,
    Session,
    TagPassageCommand,
    prepare_export,
    run_export,
)
from briefer.ui.composer.rich_editor import MARKDOWN_MIME, RichSectionEditor
from briefer.ui.composer.rich_format import OBJECT_CHAR
from briefer.ui.composer.rich_paste import MAX_PASTE_CHARS
from briefer.ui.library.details_dialog import ArticleDetailsDialog
from briefer.ui.shell.project_window import ProjectWindow
from tests.private_store import store_of
from tests.ui.driving import Modals, keep_picture, press

TEXT = "Harbour deal signed.\n\nThe deal, worth $2 billion, covers new berths."
QUOTE = "The deal, worth $2 billion, covers new berths."
HAND_WRITTEN = "Title\n=====\n\n* one\n* two\n\nSome _emphasis_ and __strong__ words\nwrapped."


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ProjectWindow]:
    session = Session.create(tmp_path / "rich.briefer")
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
    pid = session.query.list_passages()[0].id
    assert pid is not None
    session.do(AddNoteCommand(Note("Brief", sections=(
        Section("Summary", "Main point."),
        Section("Hand", HAND_WRITTEN),
        Section("Quoted", quotation_markdown(QUOTE, pid)),
        Section("Code", "Run this:\n\n```\nmake test\n```"),
        Section("Empty", ""),
    ))))  # fmt: skip
    session.history.clear()
    w = ProjectWindow(session)
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


def editor_of(window: ProjectWindow) -> RichSectionEditor:
    return window.composer.editor


def test_a_section_opened_and_left_is_never_rewritten(qtbot: QtBot, window: ProjectWindow) -> None:
    select(window, "Hand")
    editor = editor_of(window)
    assert window.composer.active_editor() is editor  # shown as the page, not as source
    assert editor.toPlainText().startswith("Title\none\ntwo\nSome emphasis")
    select(window, "Summary")
    select(window, "Hand")
    window.composer.flush()
    assert bodies(window)["Hand"] == HAND_WRITTEN
    assert window.undo_stack.count() == 0  # no command at all


def test_an_edited_section_is_written_the_composer_s_way(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Hand")
    editor = editor_of(window)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " Later.")
    window.composer.flush()
    assert bodies(window)["Hand"] == (
        "# Title\n\n* one\n* two\n\nSome _emphasis_ and __strong__ words\nwrapped. Later."
    )
    window.undo()
    assert bodies(window)["Hand"] == HAND_WRITTEN


def test_a_citation_is_a_chip_that_opens_its_source_and_names_it_on_hover(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Quoted")
    editor = editor_of(window)
    text = editor.toPlainText()
    assert text == f"“{QUOTE}”{OBJECT_CHAR}" or text == f'"{QUOTE}"{OBJECT_CHAR}'
    at = text.index(OBJECT_CHAR)
    rect = editor.cursorRect(_cursor(editor, at))
    point = QPoint(rect.right() + 6, rect.center().y())
    assert editor._chip_under(point) is not None

    event = QHelpEvent(QEvent.Type.ToolTip, point, editor.viewport().mapToGlobal(point))
    QApplication.sendEvent(editor, event)
    assert "Harbour deal, Wire" in QToolTip.text() and QUOTE in QToolTip.text()
    assert editor.labels.short(editor.chip_at(at) or 0) == "Wire"

    with qtbot.waitSignal(editor.citationActivated) as opened:
        qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened.args == [window.session.query.list_passages()[0].id]
    assert window.workspace.currentIndex() == 0  # the Reader shows the source


def _cursor(editor: RichSectionEditor, position: int) -> QTextCursor:
    cursor = editor.textCursor()
    cursor.setPosition(position)
    return cursor


def test_a_chip_cannot_be_typed_into_and_goes_whole(qtbot: QtBot, window: ProjectWindow) -> None:
    select(window, "Quoted")
    editor = editor_of(window)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " More")
    markdown = window.composer.editor_markdown()
    assert markdown.endswith("[@p1] More")
    for _ in range(5):  # back over " More"
        qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # the whole chip, not a piece of a token
    assert window.composer.editor_markdown().endswith('." More')
    assert "[@p" not in window.composer.editor_markdown()


def test_enter_continues_a_list_and_an_empty_item_ends_it(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Empty")
    editor = editor_of(window)
    editor.setFocus()
    qtbot.keyClicks(editor, "First")
    window.composer.toolbar.actions()[3].trigger()  # • List
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Second")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # an empty item nests under the one above
    qtbot.keyClicks(editor, "Nested")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # empty nested item: back out of the list
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "After the list.")
    window.composer.flush()
    assert bodies(window)["Empty"] == "- First\n- Second\n  - Nested\n\nAfter the list."


def test_an_emptied_numbered_item_leaves_the_others_numbered_in_order(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    """Review: "1. aa / 2. (emptied) / 3. cc" was written "1. aa\n3. cc"; emptying the
    first item made the list start at 2."""
    select(window, "Empty")
    editor = editor_of(window)
    editor.setFocus()
    qtbot.keyClicks(editor, "1. Brief ministers.")
    for words in ("Track the lease.", "Report back."):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, words)
    for emptied, expected in (
        ("Track the lease.", "1. Brief ministers.\n2. Report back."),
        ("Brief ministers.", "1. Report back."),
    ):
        cursor = editor.document().find(emptied)
        cursor.removeSelectedText()
        editor.setTextCursor(cursor)
        window.composer.flush()
        assert bodies(window)["Empty"] == expected


def test_typing_a_list_marker_starts_a_list_as_in_word(qtbot: QtBot, window: ProjectWindow) -> None:
    """ "1. " typed at the start of a paragraph made the literal "1\\." and the next line
    was not numbered; in Word it starts a numbered list ("- " a bulleted one)."""
    select(window, "Empty")
    editor = editor_of(window)
    editor.setFocus()
    qtbot.keyClicks(editor, "1. Brief ministers.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Track the lease.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # an empty item ends the list
    qtbot.keyClicks(editor, "- A point")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Not 1. a list, nor - this.")
    window.composer.flush()
    assert bodies(window)["Empty"] == (
        "1. Brief ministers.\n2. Track the lease.\n\n- A point\n\nNot 1. a list, nor - this."
    )


def test_headings_bold_italic_and_enter_after_a_heading(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Empty")
    editor = editor_of(window)
    editor.setFocus()
    qtbot.keyClicks(editor, "Outlook")
    qtbot.keyClick(
        editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "Ports")
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, " will ")
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "grow")
    window.composer.flush()
    assert bodies(window)["Empty"] == "## Outlook\n\n**Ports** will *grow*"
    assert window.undo_stack.count() == 1  # one typing step


def test_tab_moves_between_table_cells_and_adds_a_row_at_the_end(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Empty")
    window.composer.insert_markdown("| Figure | Source |\n| --- | --- |\n| 5% | Wire |", "Table")
    editor = editor_of(window)
    editor.setFocus()
    table = editor.textCursor().currentTable() or _first_table(editor)
    editor.setTextCursor(table.cellAt(1, 0).firstCursorPosition())
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor, "Reuters")  # the cell's text was selected: replaced
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # past the last cell: a new row
    qtbot.keyClicks(editor, "7%")
    qtbot.keyClick(editor, Qt.Key.Key_Backtab)
    qtbot.keyClick(editor, Qt.Key.Key_Backtab)
    qtbot.keyClicks(editor, "6%")
    window.composer.flush()
    assert bodies(window)["Empty"] == (
        "| Figure | Source |\n| --- | --- |\n| 6% | Reuters |\n| 7% |  |"
    )


def _first_table(editor: RichSectionEditor):  # type: ignore[no-untyped-def]
    cursor = editor.textCursor()
    block = editor.document().begin()
    while block.isValid():
        cursor.setPosition(block.position())
        if cursor.currentTable() is not None:
            return cursor.currentTable()
        block = block.next()
    raise AssertionError("no table")


def test_a_section_the_page_cannot_show_opens_as_source(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Code")
    composer = window.composer
    assert composer.active_editor() is composer.source_editor
    assert composer.source_editor.toPlainText() == "Run this:\n\n```\nmake test\n```"
    assert "shown as its source" in window.statusBar().currentMessage()
    assert composer.toolbar.source_action.isChecked()  # the toggle says what is on screen
    composer.source_editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(composer.source_editor, Qt.Key.Key_Return)
    qtbot.keyClick(composer.source_editor, Qt.Key.Key_Return)
    qtbot.keyClicks(composer.source_editor, "Then check.")
    select(window, "Summary")  # saved on the way out, as typed
    assert bodies(window)["Code"] == "Run this:\n\n```\nmake test\n```\n\nThen check."
    assert composer.active_editor() is composer.editor
    assert not composer.toolbar.source_action.isChecked()


def _paste(editor: RichSectionEditor, mime: QMimeData) -> None:
    editor.insertFromMimeData(mime)


def test_paste_from_a_web_page_keeps_structure_and_drops_junk(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Empty")
    editor = editor_of(window)
    mime = QMimeData()
    mime.setHtml(
        "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
        '<h2 class="x" style="font-family:Comic Sans">Ports</h2>'
        '<p style="color:red">Trade <b>rose</b> <i>fast</i>, says '
        '<a href="https://port.example/news">the port</a>.'
        '<img src="https://tracker.example/p.gif"></p>'
        "<ul><li>one</li><li>two</li></ul>"
        '<a href="javascript:alert(1)">bad link</a></body></html>'
    )
    mime.setText("plain version")
    with qtbot.waitSignal(editor.pasteReported) as reported:
        _paste(editor, mime)
    markdown = window.composer.editor_markdown()
    assert "## Ports" in markdown
    assert "Trade **rose** *fast*, says [the port](https://port.example/news)." in markdown
    assert "- one\n- two" in markdown
    assert "javascript" not in markdown and "alert" not in markdown and "color" not in markdown
    assert "bad link" in markdown and "tracker" not in markdown
    assert (
        reported.args[0]
        == "Pasted the text; left out 1 image and 1 script (a note holds text only)."
    )


def test_paste_from_word_makes_its_typed_bullets_a_real_list(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Empty")
    editor = editor_of(window)
    item = (
        "<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
        "<![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt'>"
        "&nbsp;&nbsp;</span></span><![endif]>{}</p>"
    )
    mime = QMimeData()
    mime.setHtml(
        "<p class=MsoNormal>Key points:</p>" + item.format("Berths") + item.format("Cranes")
    )
    _paste(editor, mime)
    assert window.composer.editor_markdown() == "Key points:\n\n- Berths\n- Cranes"


def test_a_huge_paste_is_cut_with_a_message_saying_what_was_left_out(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Empty")
    editor = editor_of(window)
    assert MAX_PASTE_CHARS == 300_000  # the window's bound; tightened here to stay quick
    editor.paste_limit = 20_000
    mime = QMimeData()
    mime.setHtml("<p>" + "<b>x</b> " * 5_000 + "</p>")
    mime.setText("words and more words\n" * 1_000)
    with qtbot.waitSignal(editor.pasteReported) as reported:
        _paste(editor, mime)
    assert len(editor.toPlainText()) == 20_000
    assert reported.args[0] == (
        "Pasted the first 20,000 characters; the remaining 1,000 were left out "
        "(one paste holds 20,000 characters at most)."
    )


def test_copy_and_paste_inside_the_page_keeps_chips_and_emphasis(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Quoted")
    editor = editor_of(window)
    editor.selectAll()
    mime = editor.createMimeDataFromSelection()
    assert bytes(mime.data(MARKDOWN_MIME).data()).decode().endswith("[@p1]")
    select(window, "Empty")
    _paste(editor_of(window), mime)
    window.composer.flush()
    assert bodies(window)["Empty"] == bodies(window)["Quoted"]


def test_quote_passage_inserts_markdown_in_the_source_view_too(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Empty")
    composer = window.composer
    composer.toolbar.source_action.trigger()
    passage = window.session.query.list_passages()[0]
    assert passage.id is not None
    composer.insert_passage(passage.id)
    quoted = quotation_markdown(QUOTE, passage.id, block=False)  # short: it runs in
    assert bodies(window)["Empty"] == quoted
    assert composer.source_editor.toPlainText() == quoted
    composer.toolbar.source_action.trigger()
    assert editor_of(window).toPlainText().endswith(OBJECT_CHAR)  # a chip on the page


def test_backspace_at_the_start_of_a_quotation_makes_it_a_paragraph(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Quoted")
    editor = editor_of(window)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    window.composer.flush()
    assert bodies(window)["Quoted"] == quotation_markdown(QUOTE, 1, block=False)
    window.undo()
    assert bodies(window)["Quoted"] == quotation_markdown(QUOTE, 1)


def test_a_space_typed_at_a_paragraph_s_end_is_not_stored_nor_exported(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path
) -> None:
    """ "…bite. " was stored and exported as "bite.&#32;"; the space means nothing there."""
    select(window, "Empty")
    editor = window.composer.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Ties deepen as US tariffs bite. ")
    window.composer.flush()
    assert bodies(window)["Empty"] == "Ties deepen as US tariffs bite."
    qtbot.keyClicks(editor, "Talks  resume.")  # the space stayed under the caret
    window.composer.flush()
    assert bodies(window)["Empty"] == "Ties deepen as US tariffs bite. Talks  resume."
    keep_picture(editor, "typed-trailing-space")
    note_id = window.composer.current_note_id()
    assert note_id is not None
    target = tmp_path / "brief.md"
    run_export(prepare_export(window.session.query, note_id), target, "md")
    exported = target.read_text(encoding="utf-8")
    assert "Ties deepen as US tariffs bite. Talks  resume." in exported
    assert "&#32;" not in exported


def test_a_body_saved_with_a_space_entity_at_its_end_still_shows_as_a_page(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    composer = window.composer
    section = next(s for s in note(window).sections if s.heading == "Empty")
    assert section.id is not None
    window.session.do(EditSectionBodyCommand(note(window).id or 0, section.id, "Bite.&#32;"))
    select(window, "Empty")
    assert composer.editors.currentWidget() is composer.editor  # not forced to its source
    assert composer.editor.toPlainText() == "Bite. "
    composer.flush()
    assert bodies(window)["Empty"] == "Bite.&#32;"  # unchanged on screen: not rewritten
    composer.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(composer.editor, "Then more.")
    composer.flush()
    assert bodies(window)["Empty"] == "Bite. Then more."


def _menu_texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def right_click(qtbot: QtBot, editor: QWidget, point: QPoint) -> list[tuple[str, bool]]:
    """Right-click ``editor`` at ``point`` (viewport coordinates): the menu's items and
    whether each is enabled, read while the menu is open, then the menu closed."""
    seen: list[tuple[str, bool]] = []

    def read_and_close() -> bool:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu) and menu.isVisible():
            seen.extend((a.text().replace("&", ""), a.isEnabled()) for a in menu.actions())
            menu.close()
            return True
        return False

    QTimer.singleShot(100, read_and_close)  # if the menu runs its own loop
    viewport = editor.viewport() if isinstance(editor, QAbstractScrollArea) else editor
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(lambda: bool(seen) or read_and_close(), timeout=3000)
    return [(text, on) for text, on in seen if text]


def test_the_right_click_menu_undoes_as_the_edit_menu_does(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    """Qt's stock menu had Undo and Redo greyed while Edit > Undo Typing was there."""
    select(window, "Summary")
    editor = editor_of(window)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " More.")
    assert right_click(qtbot, editor, editor.cursorRect().center())[:2] == [
        ("Undo Typing", True),
        ("Redo", False),
    ]
    menu = editor.context_menu(editor.cursorRect().center())
    undo, redo = menu.actions()[:2]
    assert _menu_texts(menu)[:2] == ["Undo Typing", "Redo"]  # as the Edit menu says
    assert undo is window.menu_actions.undo_action and redo is window.menu_actions.redo_action
    assert undo.isEnabled() and not redo.isEnabled()
    assert {"Cut", "Copy", "Paste", "Select All"} <= {t.split("\t")[0] for t in _menu_texts(menu)}
    assert not any(t.startswith("Open Source Passage") for t in _menu_texts(menu))
    menu.popup(editor.viewport().mapToGlobal(editor.cursorRect().center()))
    qtbot.waitExposed(menu)
    keep_picture(menu, "typing-context-menu")
    menu.close()
    undo.trigger()
    assert bodies(window)["Summary"] == "Main point."
    menu = editor.context_menu(editor.cursorRect().center())
    assert menu.actions()[1].isEnabled()  # Redo Typing, as the Edit menu has it now
    assert _menu_texts(menu)[1].startswith("Redo Typing")


def test_right_click_on_a_citation_offers_to_open_its_source(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Quoted")
    editor = editor_of(window)
    at = editor.toPlainText().index(OBJECT_CHAR)
    rect = editor.cursorRect(_cursor(editor, at))
    point = QPoint(rect.right() + 6, rect.center().y())
    assert right_click(qtbot, editor, point)[0] == ("Open Source Passage\tCtrl+Enter", True)
    menu = editor.context_menu(point)
    assert _menu_texts(menu)[:4] == [
        "Open Source Passage\tCtrl+Enter",
        "Source Details…",
        "Undo",
        "Redo",
    ]
    menu.popup(editor.viewport().mapToGlobal(point))
    qtbot.waitExposed(menu)
    keep_picture(menu, "chip-context-menu")
    menu.close()
    with qtbot.waitSignal(editor.citationActivated) as opened:
        menu.actions()[0].trigger()
    assert opened.args == [window.session.query.list_passages()[0].id]
    assert window.workspace.currentIndex() == 0  # the Reader shows the source
    seen: list[str] = []

    def change_publisher(dialog: ArticleDetailsDialog) -> None:
        seen.append(dialog.title.text())
        dialog.publisher.setText("Harbour Wire")
        press(dialog, "Save")

    modals = Modals().expect(ArticleDetailsDialog, change_publisher)
    menu.actions()[1].trigger()  # the export check's Source Details…, for this source
    modals.check()
    assert seen == ["Harbour deal"]
    assert editor.labels.short(editor.chip_at(at) or 0) == "Harbour Wire"  # the chip follows


def test_the_markdown_source_has_the_same_right_click_menu(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    select(window, "Quoted")
    window.composer.toolbar.source_action.trigger()
    source = window.composer.source_editor
    at = source.toPlainText().index("[@p")
    point = source.cursorRect(_plain_cursor(source, at + 2)).center()
    assert right_click(qtbot, source, point)[:2] == [
        ("Open Source Passage\tCtrl+Enter", True),
        ("Source Details…", True),
    ]
    source.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(source, " More")
    assert right_click(qtbot, source, QPoint(2, 2))[0] == ("Undo Typing", True)


def _plain_cursor(editor: QPlainTextEdit, position: int) -> QTextCursor:
    cursor = editor.textCursor()
    cursor.setPosition(position)
    return cursor
