"""Finding things from the window: project search, find in article, article navigation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from briefer.core.model import Article, Block, BlockKind, Note, Section
from briefer.session import AddNoteCommand, Change, Entity, ImportStatus, Session
from briefer.ui.shell.project_window import ProjectWindow
from tests.private_store import store_of

ARTICLES = [
    ("Grain corridor reopens", "Ukraine resumed grain exports on Monday. Insurers cut premiums."),
    ("Frigate order", "The navy ordered two frigates. The yard expects grain ships later."),
    ("Grid upgrade", "The regulator approved a grid upgrade for the northern region."),
]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> ProjectWindow:
    session = Session.create(tmp_path / "search.briefer")
    for title, text in ARTICLES:
        block = (Block(BlockKind.PARAGRAPH, 0, len(text)),)
        store_of(session).add_article(Article(title, text, block))
    win = ProjectWindow(session)
    qtbot.addWidget(win)
    win.show()
    return win


def selected_text(window: ProjectWindow) -> str:
    return window.reader.textCursor().selectedText()


def test_search_all_articles_opens_the_hit_with_the_words_selected(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    window.menu_actions.search_action.trigger()
    assert window.search_dock.isVisible() and not window.search_dock.visibleRegion().isEmpty()
    panel = window.search_panel
    qtbot.keyClicks(panel.query, "frigates")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.results.count() == 1 and "1 article matches" in panel.status.text()
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert window.library_panel.current_title() == "Frigate order"
    assert selected_text(window) == "frigates"

    panel.query.setText('"no such phrase"')
    panel.run()
    assert panel.results.count() == 0 and panel.status.text() == "No article matches."


def never_modal(*_args: object, **_kwargs: object) -> tuple[str, bool]:
    raise AssertionError("find must not open a modal box")


def count_of(window: ProjectWindow) -> str:
    return window.find_bar.count.text()


def test_find_bar_is_inline_counts_and_highlights_every_match(
    qtbot: QtBot, window: ProjectWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", never_modal)
    window.step_article(1)
    assert window.library_panel.current_title() == "Frigate order"
    window.menu_actions.find_action.trigger()
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "the")
    shown = window.reader.document().toPlainText().casefold()
    total = shown.count("the")
    assert total >= 2
    assert count_of(window) == f"1 of {total}"
    assert len(window.reader.extraSelections()) == total  # every match painted
    first = window.reader.textCursor().selectionStart()
    assert selected_text(window).casefold() == "the"

    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert count_of(window) == f"2 of {total}"
    assert window.reader.textCursor().selectionStart() > first
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert count_of(window) == f"1 of {total}"
    assert window.reader.textCursor().selectionStart() == first
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert count_of(window) == f"{total} of {total}"  # wraps to the last
    window.menu_actions.find_next_action.trigger()  # F3 steps too, and wraps to the first
    assert count_of(window) == f"1 of {total}"

    bar.field.setText("tariffs")
    assert count_of(window) == "No matches"
    assert window.reader.extraSelections() == []

    bar.field.setText("grain")
    assert count_of(window) == "1 of 1"
    window.step_article(1)  # another article: the count follows what is shown
    assert window.library_panel.current_title() == "Grid upgrade"
    assert count_of(window) == "No matches"

    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.reader.extraSelections() == []
    assert window.reader.hasFocus()


def test_search_status_stays_true_when_the_query_or_the_articles_change(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    window.menu_actions.search_action.trigger()
    panel = window.search_panel
    qtbot.keyClicks(panel.query, "grain")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.status.text() == "2 articles match"
    qtbot.keyClicks(panel.query, " corridor")
    assert panel.status.text() == "Press Enter to search."  # not the old count
    panel.query.setText("grain")
    panel.run()
    window.session.import_paste(text="Grain barges\n\nGrain barges sailed at dawn.")
    qtbot.waitUntil(lambda: panel.status.text() == "3 articles match")
    assert panel.results.count() == 3


def test_next_and_previous_article_stop_at_the_ends(window: ProjectWindow) -> None:
    assert window.library_panel.current_row() == 0
    window.menu_actions.previous_article_action.trigger()
    assert window.library_panel.current_row() == 0
    window.menu_actions.next_article_action.trigger()
    window.menu_actions.next_article_action.trigger()
    window.menu_actions.next_article_action.trigger()
    assert window.library_panel.current_row() == 2
    assert "regulator approved" in window.reader.toPlainText()


def test_in_compose_find_looks_in_the_section_being_written(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    window.show_composer()
    composer = window.composer
    composer.editor.setPlainText("Grain exports rose. Grain prices fell.")
    window.menu_actions.find_action.trigger()
    assert composer.find_bar.isVisible() and not window.find_bar.isVisible()
    qtbot.keyClicks(composer.find_bar.field, "grain")
    assert composer.find_bar.count.text() == "1 of 2"
    window.menu_actions.find_next_action.trigger()
    assert composer.find_bar.count.text() == "2 of 2"
    assert composer.editor.textCursor().selectedText() == "Grain"


def test_typing_with_the_find_bar_open_recounts_but_never_moves_the_cursor(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    window.session.do(
        AddNoteCommand(Note("Brief", sections=(Section("S", "Grain exports rose."),)))
    )
    note_id = window.session.query.list_notes()[0].id
    assert note_id is not None
    window.show_note(note_id)
    editor = window.composer.editor
    assert editor.isEnabled() and editor.toPlainText() == "Grain exports rose."
    bar = window.composer.find_bar
    window.menu_actions.find_action.trigger()
    qtbot.keyClicks(bar.field, "grain")
    assert bar.count.text() == "1 of 1"
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, " Grain prices fell.")
    assert editor.toPlainText() == "Grain exports rose. Grain prices fell."  # typed at the end
    assert editor.textCursor().position() == len(editor.toPlainText())
    assert bar.count.text() == "2 matches"
    assert len(editor.extraSelections()) == 2


def test_a_batch_of_imports_searches_again_once_not_per_file(
    qtbot: QtBot, window: ProjectWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = window.search_panel
    panel.query.setText("grain")
    panel.run()
    runs: list[bool] = []
    monkeypatch.setattr(panel, "run", lambda take_focus=True: runs.append(take_focus))
    for _ in range(50):  # what 50 imported files announce, one by one
        panel.on_changes([Change.of(Entity.ARTICLE, added=[1])])
    qtbot.waitUntil(lambda: runs == [False], timeout=2000)
    qtbot.wait(400)
    assert runs == [False]


def test_search_results_say_which_copy_of_one_story_each_is(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    """The saved page and the Word file of one story have one title: each hit ends in what
    the Library calls it ("— HTML", "— Word"), so the analyst opens the copy to cite."""
    likeness = Path(__file__).parent.parent / "data" / "likeness"
    report = window.session.import_all([likeness / "varna-web.html", likeness / "varna.docx"])
    assert report.count(ImportStatus.IMPORTED) == 2
    panel = window.search_panel
    window.menu_actions.search_action.trigger()
    qtbot.keyClicks(panel.query, "Varna grain terminal")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    title = "Varna reopens grain terminal after three-month closure"
    shown = [panel.results.item(r).data(Qt.ItemDataRole.AccessibleTextRole) for r in range(2)]
    assert sorted(text.partition(":")[0] for text in shown) == [
        f"{title} \u2014 HTML",
        f"{title} \u2014 Word",
    ]
    labels = [panel.results.itemWidget(panel.results.item(r)).text() for r in range(2)]
    assert sorted(label.partition("<br>")[0] for label in labels) == [
        f"<b>{title} \u2014 HTML</b>",
        f"<b>{title} \u2014 Word</b>",
    ]
    panel.grab().save(str(Path(window.session.path).with_name("search-copies.png")))
    library = [t for t in window.library_panel.titles() if t.startswith("Varna")]
    # The same words as the Library's rows.
    assert sorted(library) == [f"{title} \u2014 HTML", f"{title} \u2014 Word"]
    panel.query.setText("frigates")  # a title of its own: the title alone
    panel.run()
    assert (
        panel.results.item(0).data(Qt.ItemDataRole.AccessibleTextRole).startswith("Frigate order: ")
    )
