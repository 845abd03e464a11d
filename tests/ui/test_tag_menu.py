"""The Tag menu: the Reader's keys where a new analyst looks, in a real window on a real file.

Each theme is a "Tag as" item showing its key, doing what the key does in the Reader
(the same undoable command); the Reader's own keys are items too. None of them binds its
key: a theme's letter typed in the Composer or a filter field is text, never a tag.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from briefer.core.model import Note, Section
from briefer.session import AddNoteCommand, Session, UpdateThemeCommand
from briefer.ui.shell.help import SHORTCUTS
from briefer.ui.shell.project_window import ProjectWindow
from tests.ui.test_tagging import TEXT, add_harbour_deal, select
from tests.ui.test_tagging import open_window as open_tagging_window


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "tag-menu.briefer"
    with Session.create(path) as session:
        add_harbour_deal(session)
        session.do(AddNoteCommand(Note("Brief", sections=(Section("Summary", ""),))))
    return path


def open_window(qtbot: QtBot, path: Path, *, read_only: bool = False) -> ProjectWindow:
    window = open_tagging_window(qtbot, path, read_only=read_only)
    qtbot.waitExposed(window)
    return window


def tag_menu(window: ProjectWindow) -> QMenu:
    """The menu bar's Tag menu, opened as a click on it opens it."""
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == "Tag" and isinstance(top.menu(), QMenu):
            menu = top.menu()
            assert isinstance(menu, QMenu)
            window.menuBar().setActiveAction(top)
            QApplication.processEvents()
            assert menu.isVisible()
            return menu
    raise AssertionError("no Tag menu in the menu bar")


def items(menu: QMenu) -> list[tuple[str, str, bool]]:
    """(label, key shown, enabled) of each item, as the analyst reads them."""
    found = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        label, _tab, keys = action.text().partition("\t")
        plain = label.replace("&&", "\0").replace("&", "").replace("\0", "&")
        found.append((plain, keys.replace("&&", "\0").replace("&", "").replace("\0", "&"),
                      action.isEnabled()))  # fmt: skip
    return found


def item(menu: QMenu, label: str):
    for action in menu.actions():
        text = action.text().partition("\t")[0]
        if text.replace("&&", "\0").replace("&", "").replace("\0", "&") == label:
            return action
    raise AssertionError(f"no {label!r} in the Tag menu")


def passages(window: ProjectWindow) -> list[tuple[str, tuple[str, ...]]]:
    query = window.session.query
    names = {t.id: t.name for t in query.list_themes()}
    return [(p.text, tuple(names[t] for t in p.theme_ids)) for p in query.list_passages()]


def test_the_tag_menu_sits_after_article_and_lists_each_theme_with_its_key(
    qtbot: QtBot, project: Path
) -> None:
    window = open_window(qtbot, project)
    assert [a.text() for a in window.menuBar().actions()] == [
        "&File", "&Article", "&Tag", "&Note", "&Edit", "&View", "&Help",
    ]  # fmt: skip
    menu = tag_menu(window)
    themes = window.session.query.list_themes()
    hint, *shown = items(menu)  # nothing selected yet: the first line says what to do
    assert hint == ("Select words in the Reader to tag them", "", False)
    assert [(label, keys) for label, keys, _on in shown[: len(themes)]] == [
        (f"Tag as {t.name}", t.shortcut) for t in themes
    ]
    assert shown[len(themes) - 1][0] == "Tag as Sanctions & tariffs"  # '&' shown as written
    assert [(label, keys) for label, keys, _on in shown[len(themes) :]] == [
        ("Accept Suggestion", "Enter"),
        ("Dismiss Suggestion", "Esc"),
        ("Remove Passage", "Del"),
        ("Edit Comment…", "F2"),
        ("Next Passage", "Alt+Down"),
        ("Previous Passage", "Alt+Up"),
        ("Next Suggestion", "Ctrl+Alt+Down"),
        ("Previous Suggestion", "Ctrl+Alt+Up"),
        ("Manage Themes…", "Ctrl+T"),
    ]
    # Shown, not bound: the Reader answers the keys itself, so none is a window shortcut.
    assert all(not action.shortcuts() for action in menu.actions())
    window.grab()  # laid out whole before the menu is drawn over it
    menu.grab().save(str(project.with_name("tag-menu.png")))
    window.close()


def test_tag_as_tags_the_readers_selection_as_the_key_does_and_undo_removes_it(
    qtbot: QtBot, project: Path
) -> None:
    window = open_window(qtbot, project)
    start = TEXT.index("ort authority")  # a partial word: snapped to "port authority"
    select(window, start, start + len("ort authority"))
    menu = tag_menu(window)
    assert item(menu, "Tag as Defence").isEnabled()
    item(menu, "Tag as Defence").trigger()
    assert passages(window) == [("port authority", ("Defence",))]
    assert window.reader.passages_at(TEXT.index("authority"))[0].text == "port authority"
    assert not window.reader.textCursor().hasSelection()  # collapsed, as after the key
    assert window.menu_actions.undo_action.text() == "&Undo Tag passage"

    menu = tag_menu(window)  # the cursor is in the passage now: its actions are on
    assert item(menu, "Remove Passage").isEnabled() and item(menu, "Edit Comment…").isEnabled()
    window.menu_actions.undo_action.trigger()
    assert passages(window) == []
    assert window.reader.passages_at(TEXT.index("authority")) == []
    window.close()


def test_with_the_cursor_in_a_passage_tag_as_toggles_its_theme_as_the_key_does(
    qtbot: QtBot, project: Path
) -> None:
    """Nothing selected, the cursor in a passage: a theme's key adds or removes that theme,
    and so does its item, checked for the themes the passage has; the first line says so."""
    window = open_window(qtbot, project)
    start = TEXT.index("port authority")
    select(window, start, start + len("port authority"))
    qtbot.keyClick(window.reader, "2")  # Defence
    select(window, start + 3)  # the cursor inside the passage, nothing selected
    menu = tag_menu(window)
    assert hint_shown(menu) == "Add or remove a theme of the passage at the cursor"
    shown = {label: on for label, _keys, on in items(menu) if label.startswith("Tag as")}
    assert all(shown.values()), shown
    checked = [a.text().partition("\t")[0].replace("&", "") for a in menu.actions()
               if a.isChecked()]  # fmt: skip
    assert checked == ["Tag as Defence"]

    item(menu, "Tag as Trade").trigger()
    assert passages(window) == [("port authority", ("Defence", "Trade"))]
    by_menu = window.menu_actions.undo_action.text()
    assert item(tag_menu(window), "Tag as Trade").isChecked()
    item(tag_menu(window), "Tag as Defence").trigger()  # checked: taken off
    assert passages(window) == [("port authority", ("Trade",))]
    assert not item(tag_menu(window), "Tag as Defence").isChecked()
    assert window.reader.hasFocus() or not window.isActiveWindow()

    window.menu_actions.undo_action.trigger()
    window.menu_actions.undo_action.trigger()
    assert passages(window) == [("port authority", ("Defence",))]
    select(window, start + 3)
    qtbot.keyClick(window.reader, "1")  # the key: the same command, the same undo step
    assert passages(window) == [("port authority", ("Defence", "Trade"))]
    assert window.menu_actions.undo_action.text() == by_menu
    window.grab()
    menu = tag_menu(window)
    menu.grab().save(str(project.with_name("tag-menu-passage.png")))
    window.close()


def test_a_theme_key_pressed_in_the_open_menu_tags_with_that_theme(
    qtbot: QtBot, project: Path
) -> None:
    window = open_window(qtbot, project)
    start = TEXT.index("Officials met")
    select(window, start, start + len("Officials met"))
    menu = tag_menu(window)
    QTest.keyClick(menu, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: passages(window) == [("Officials met", ("Defence",))])
    window.close()


def test_the_readers_own_items_act_on_the_reader(qtbot: QtBot, project: Path) -> None:
    window = open_window(qtbot, project)
    exports = TEXT.index("Exports of grain")
    assert window.reader.suggestions_at(exports), "Trade's keyword suggests the sentence"
    menu = tag_menu(window)
    assert not item(menu, "Accept Suggestion").isEnabled()  # the cursor is at the start
    item(menu, "Next Suggestion").trigger()
    assert window.reader.cursor_offset() == exports
    menu = tag_menu(window)
    assert item(menu, "Accept Suggestion for Trade").isEnabled()
    item(menu, "Accept Suggestion for Trade").trigger()
    assert passages(window) == [("Exports of grain are expected to rise.", ("Trade",))]

    select(window, 0)
    item(tag_menu(window), "Next Passage").trigger()
    assert window.reader.cursor_offset() == exports
    item(tag_menu(window), "Remove Passage").trigger()
    assert passages(window) == []
    window.menu_actions.undo_action.trigger()
    assert passages(window) == [("Exports of grain are expected to rise.", ("Trade",))]
    window.close()


def test_a_suggestion_reached_by_keyboard_is_named_in_the_status_bar_and_the_menu(
    qtbot: QtBot, project: Path
) -> None:
    """Its tooltip shows only under the mouse: Ctrl+Alt+Down says in words which theme
    Enter will apply and which keywords matched, and the Tag menu's items name it."""
    window = open_window(qtbot, project)
    reader = window.reader
    reader.setFocus()
    alt_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    QTest.keyClick(reader, Qt.Key.Key_Down, alt_ctrl)
    assert reader.cursor_offset() == TEXT.index("Exports of grain")
    said = "Suggested for Trade (keyword “export*”): Enter accepts, Esc dismisses"
    assert window.statusBar().currentMessage() == said
    assert reader.accessibleDescription() == said
    qtbot.wait(50)  # the status bar lays a new message out on the next turn of the loop
    window.statusBar().grab().save(str(project.with_name("suggestion-status.png")))
    menu = tag_menu(window)
    assert item(menu, "Accept Suggestion for Trade").isEnabled()
    assert item(menu, "Dismiss Suggestion for Trade").isEnabled()
    menu.close()

    QTest.keyClick(reader, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    # Said of a suggestion the caret has left: no longer true, so gone.
    assert reader.accessibleDescription() == window.statusBar().currentMessage() == ""
    menu = tag_menu(window)
    assert not item(menu, "Accept Suggestion").isEnabled()
    menu.close()

    QTest.keyClick(reader, Qt.Key.Key_Down, alt_ctrl)
    assert window.statusBar().currentMessage() == said
    QTest.keyClick(reader, Qt.Key.Key_Return)  # accepted: "Enter accepts" is said no more
    assert passages(window) == [("Exports of grain are expected to rise.", ("Trade",))]
    assert reader.accessibleDescription() == window.statusBar().currentMessage() == ""
    window.close()


def test_tagging_items_are_off_without_a_selection_read_only_or_an_article(
    qtbot: QtBot, project: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, project)
    select(window, 4)  # a cursor, nothing selected
    menu = tag_menu(window)
    assert not item(menu, "Tag as Trade").isEnabled()
    item(menu, "Tag as Trade").trigger()  # a disabled item does nothing
    assert passages(window) == []
    window.close()

    window = open_window(qtbot, project, read_only=True)
    select(window, 4, 18)
    menu = tag_menu(window)
    assert [on for label, _keys, on in items(menu) if label.startswith("Tag as")] == [False] * 6
    assert not item(menu, "Remove Passage").isEnabled()
    assert item(menu, "Next Passage").isEnabled()  # moving about changes nothing
    window.close()

    empty = tmp_path / "empty.briefer"
    Session.create(empty).close()
    window = open_window(qtbot, empty)
    menu = tag_menu(window)
    assert not any(on for label, _keys, on in items(menu) if label != "Manage Themes…")
    window.close()


def hint_shown(menu: QMenu) -> str:
    """The text of the menu's first line if it is a greyed line drawn in the open menu."""
    first = next(a for a in menu.actions() if a.isVisible())
    drawn = menu.actionGeometry(first)
    if first.isEnabled() or first.isSeparator() or drawn.height() <= 0:
        return ""
    assert menu.rect().contains(drawn)
    return first.text()


def test_greyed_tag_as_items_say_why_in_the_menus_first_line(
    qtbot: QtBot, project: Path, tmp_path: Path
) -> None:
    """A status tip does not show for a disabled item: the menu says it in a line."""
    window = open_window(qtbot, project)
    select(window, 4)  # a cursor, nothing selected
    menu = tag_menu(window)
    assert hint_shown(menu) == "Select words in the Reader to tag them"
    assert items(menu)[1][0] == "Tag as Trade" and not items(menu)[1][2]
    menu.close()

    select(window, 4, 18)
    menu = tag_menu(window)
    assert hint_shown(menu) == ""  # on: the themes come first, nothing to explain
    assert items(menu)[0][0] == "Tag as Trade" and items(menu)[0][2]
    menu.close()

    window.show_composer()  # the article is still open, out of sight behind the Composer
    assert hint_shown(tag_menu(window)) == "Switch to Read and Tag to tag the open article"
    window.close()

    window = open_window(qtbot, project, read_only=True)
    select(window, 4, 18)
    assert hint_shown(tag_menu(window)) == "Read-only project: tagging is off"
    window.close()


def test_themes_added_renamed_rekeyed_in_manage_themes_show_in_the_menu(
    qtbot: QtBot, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, project)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Logistics", True))
    dialog = window.manage_themes()
    dialog.new_button.click()
    assert ("Tag as Logistics", "7") in [(label, keys) for label, keys, _on in items(tag_menu(
        window))]  # fmt: skip
    assert dialog.name.text() == "Logistics"
    dialog.name.setText("Freight")
    dialog.name.editingFinished.emit()
    dialog.shortcut.setText("f")
    dialog.shortcut.editingFinished.emit()
    shown = [(label, keys) for label, keys, _on in items(tag_menu(window))]
    assert ("Tag as Freight", "F") in shown and ("Tag as Logistics", "7") not in shown
    assert "Tag as &Freight\tF" in [a.text() for a in tag_menu(window).actions()]
    dialog.close()

    start = TEXT.index("grain")
    select(window, start, start + len("grain"))
    item(tag_menu(window), "Tag as Freight").trigger()
    assert passages(window) == [("grain", ("Freight",))]
    window.menu_actions.undo_action.trigger()  # the tag
    window.menu_actions.undo_action.trigger()  # the key
    window.menu_actions.undo_action.trigger()  # the name
    window.menu_actions.undo_action.trigger()  # the theme
    assert "Tag as Logistics" not in [label for label, _k, _on in items(tag_menu(window))]
    window.close()


def type_into(qtbot: QtBot, window: ProjectWindow, widget: QWidget, text: str) -> None:
    """Keys as the analyst types them: to the window, where the shortcut map sees them."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    handle = window.windowHandle()
    assert handle is not None
    for char in text:
        QTest.keyClick(handle, char)


def test_a_theme_letter_typed_in_the_composer_or_a_filter_is_text_not_a_tag(
    qtbot: QtBot, project: Path
) -> None:
    window = open_window(qtbot, project)
    trade = window.session.theme_named("Trade")
    assert trade is not None and trade.id is not None
    window.tagging.run(UpdateThemeCommand(trade.id, shortcut="t"))
    assert ("Tag as Trade", "T") in [(label, keys) for label, keys, _on in items(tag_menu(window))]
    tag_menu(window).close()
    start = TEXT.index("port authority")
    select(window, start, start + len("port authority"))  # a selection a stray key would tag

    type_into(qtbot, window, window.library_panel.filter, "t")
    assert window.library_panel.filter.text() == "t"
    assert passages(window) == []
    window.library_panel.filter.clear()
    type_into(qtbot, window, window.library, "t")  # a list, which takes no text either
    assert passages(window) == []
    assert window.reader.textCursor().hasSelection()

    window.show_composer()
    editor = window.composer.editor
    assert editor.isEnabled()
    type_into(qtbot, window, editor, "at t")
    assert editor.toPlainText() == "at t"
    assert passages(window) == []

    window.show_reader()
    select(window, start, start + len("port authority"))
    type_into(qtbot, window, window.reader, "t")  # in the Reader the key tags, once
    assert passages(window) == [("port authority", ("Trade",))]
    window.close()


def test_the_shortcuts_page_lists_each_reader_and_theme_key_once(
    qtbot: QtBot, project: Path
) -> None:
    window = open_window(qtbot, project)
    text = window.menu_actions.help_actions.open(SHORTCUTS).browser.toPlainText()
    for words in ("Tag the selection with Trade,", "Tag the selection with Sanctions & tariffs",
                  "Accept the suggestion under the cursor", "Next / previous suggestion",
                  "Manage Themes…"):  # fmt: skip
        assert text.count(words) == 1, words
    assert "(Tag)" not in text  # the Tag menu's items are the Reader's keys, listed there
    assert "Tag menu" in text
    window.close()


def test_each_item_keeps_its_own_access_key_whatever_the_themes_keys(
    qtbot: QtBot, project: Path
) -> None:
    """A theme's own key is its access key (in its name, else on the key shown); the
    Reader's items and themes without a key take letters nobody else has."""
    window = open_window(qtbot, project)
    themes = {t.name: t.id for t in window.session.query.list_themes()}
    window.tagging.run(UpdateThemeCommand(themes["Trade"], shortcut="p"))  # Previous's P
    window.tagging.run(UpdateThemeCommand(themes["Energy"], shortcut=""))
    menu = tag_menu(window)
    texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.isEnabled()]
    assert "Tag as Trade\t&P" not in texts  # nothing selected: off, but keys all the same
    select(window, 4, 18)
    menu = tag_menu(window)
    texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    assert "Tag as Trade\t&P" in texts and "Tag as Defence\t&2" in texts
    letters = []
    for text in texts:
        at = text.replace("&&", "").find("&")
        assert at >= 0, f"{text!r} has no access key"
        letters.append(text.replace("&&", "")[at + 1].lower())
    assert len(letters) == len(set(letters)), texts
    assert ("Tag as Energy", "") in [(label, keys) for label, keys, _on in items(tag_menu(window))]
    window.close()


def test_on_macos_no_key_follows_a_tab_where_the_menu_bar_would_bind_it(
    qtbot: QtBot, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt's macOS menu bar takes the text after a tab for the item's shortcut: Enter, Esc,
    Del and the themes' keys would then fire in every text field. There the keys are
    written in brackets after the label."""
    from briefer.ui.reader import tag_menu as module

    monkeypatch.setattr(module, "KEYS_AFTER_TAB", False)
    window = open_window(qtbot, project)
    texts = [a.text() for a in tag_menu(window).actions() if not a.isSeparator()]
    assert not any("\t" in text for text in texts)
    plain = [text.replace("&", "") for text in texts]
    assert "Tag as Trade (1)" in plain
    assert "Accept Suggestion (Enter)" in plain
    window.close()
