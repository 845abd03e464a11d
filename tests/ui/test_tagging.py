"""Tagging in the project window end to end: reader keys, commands, the file, highlights."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from briefer.core.model import Article, Block, BlockKind
from briefer.session import Session
from briefer.ui.shell.project_window import ProjectWindow
from tests.private_store import store_of

TEXT = (
    "The port authority signed a framework agreement on Tuesday.\n\n"
    "Exports of grain are expected to rise. Officials met in the capital."
)


def add_harbour_deal(session: Session) -> None:
    """The article of two paragraphs (``TEXT``) these tests tag."""
    store_of(session).add_article(
        Article(
            title="Harbour deal",
            text=TEXT,
            blocks=(Block(BlockKind.PARAGRAPH, 0, 59), Block(BlockKind.PARAGRAPH, 61, len(TEXT))),
        )
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "tagging.briefer"
    with Session.create(path) as session:
        add_harbour_deal(session)
    return path


def select(window: ProjectWindow, start: int, end: int | None = None) -> None:
    reader = window.reader
    cursor = reader.textCursor()
    cursor.setPosition(reader.canonical_to_doc(start))
    if end is not None:
        cursor.setPosition(reader.canonical_to_doc(end), QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)


def open_window(qtbot: QtBot, path: Path, *, read_only: bool = False) -> ProjectWindow:
    window = ProjectWindow(Session.open(path, read_only=read_only))
    qtbot.addWidget(window)
    window.show()
    return window


def passages_on_disk(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    with Session.open(path, read_only=True) as session:
        names = {t.id: t.name for t in session.query.list_themes()}
        return [
            (p.text, tuple(names[t] for t in p.theme_ids)) for p in session.query.list_passages()
        ]


def test_select_and_press_a_theme_key_then_undo_and_redo(qtbot: QtBot, project: Path) -> None:
    window = open_window(qtbot, project)
    start = TEXT.index("ort authority")  # a partial word: the tag snaps to "port authority"
    select(window, start, start + len("ort authority"))
    qtbot.keyClick(window.reader, "1")
    assert passages_on_disk(project) == [("port authority", ("Trade",))]
    assert [p.text for p in window.reader.passages_at(TEXT.index("authority"))] == [
        "port authority"
    ]
    assert window.menu_actions.undo_action.text() == "&Undo Tag passage"

    window.menu_actions.undo_action.trigger()
    assert passages_on_disk(project) == []
    assert window.reader.passages_at(TEXT.index("authority")) == []
    window.menu_actions.redo_action.trigger()
    assert passages_on_disk(project) == [("port authority", ("Trade",))]

    select(window, TEXT.index("authority"))
    qtbot.keyClick(window.reader, "2")  # no selection, cursor in the passage: toggle Defence
    assert passages_on_disk(project) == [("port authority", ("Trade", "Defence"))]
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    assert passages_on_disk(project) == []
    window.menu_actions.undo_action.trigger()
    window.menu_actions.undo_action.trigger()
    assert passages_on_disk(project) == [("port authority", ("Trade",))]
    window.close()


def test_two_theme_keys_on_one_selection_give_one_passage_with_both(
    qtbot: QtBot, project: Path
) -> None:
    """Issue 13: select a sentence, press 3, then 1: one passage, not two."""
    window = open_window(qtbot, project)
    reader = window.reader
    start = TEXT.index("Officials met")
    end = start + len("Officials met in the capital.")
    select(window, start, end)
    qtbot.keyClick(reader, "1")
    assert not reader.textCursor().hasSelection()  # collapsed to the passage's end
    assert reader.cursor_offset() == end
    qtbot.keyClick(reader, "2")
    assert passages_on_disk(project) == [("Officials met in the capital.", ("Trade", "Defence"))]
    assert not reader.textCursor().hasSelection()

    select(window, start, end)  # the same words again with a theme they have: it comes off
    qtbot.keyClick(reader, "1")
    assert passages_on_disk(project) == [("Officials met in the capital.", ("Defence",))]
    select(window, start + 3, start + 8)  # inside the passage: its last theme comes off
    qtbot.keyClick(reader, "2")
    assert passages_on_disk(project) == []
    assert not reader.textCursor().hasSelection()
    window.menu_actions.undo_action.trigger()
    assert passages_on_disk(project) == [("Officials met in the capital.", ("Defence",))]
    window.close()


def test_dismissed_suggestion_stays_dismissed_and_undo_brings_it_back(
    qtbot: QtBot, project: Path
) -> None:
    window = open_window(qtbot, project)
    exports = TEXT.index("Exports of grain")
    suggested = window.reader.suggestions_at(exports)
    assert [s.keyword for s in suggested] == ["export*"], "Trade's keyword suggests the sentence"
    select(window, exports + 2)
    qtbot.keyClick(window.reader, Qt.Key.Key_Escape)
    assert window.reader.suggestions_at(exports) == []
    window.close()

    window = open_window(qtbot, project)  # a reopened project remembers the dismissal
    assert window.reader.suggestions_at(exports) == []
    with Session.open(project, read_only=True) as session:
        assert len(session.query.dismissed_suggestions(1)) == 1
    window.close()


def test_accepting_a_suggestion_tags_its_sentence(qtbot: QtBot, project: Path) -> None:
    window = open_window(qtbot, project)
    exports = TEXT.index("Exports of grain")
    select(window, exports + 2)
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    assert passages_on_disk(project) == [("Exports of grain are expected to rise.", ("Trade",))]
    window.close()


def test_accepting_a_suggestion_over_a_passage_of_its_theme_extends_that_passage(
    qtbot: QtBot, project: Path
) -> None:
    """NEWUSER s22 #1: the sentence's first words tagged Trade by key, then Enter on the
    Trade suggestion still under the rest: one passage over the sentence, not two (a note
    drafted from it would quote the same words twice), said in the status bar, one undo."""
    window = open_window(qtbot, project)
    reader = window.reader
    exports = TEXT.index("Exports of grain")
    sentence = "Exports of grain are expected to rise."
    select(window, exports, exports + len("Exports of grain"))
    qtbot.keyClick(reader, "1")
    assert passages_on_disk(project) == [("Exports of grain", ("Trade",))]
    rest = TEXT.index("expected")
    assert [s.keyword for s in reader.suggestions_at(rest)] == ["export*"], "still suggested"
    select(window, rest)
    qtbot.keyClick(reader, Qt.Key.Key_Return)
    assert passages_on_disk(project) == [(sentence, ("Trade",))]
    assert [p.text for p in reader.passages_at(rest)] == [sentence]
    assert reader.suggestions_at(rest) == []
    message = window.statusBar().currentMessage()
    assert message == f"Extended the Trade passage to “{sentence}”."
    assert window.menu_actions.undo_action.text() == "&Undo Extend passage"
    window.menu_actions.undo_action.trigger()
    assert passages_on_disk(project) == [("Exports of grain", ("Trade",))]

    grain = TEXT.index("grain are")  # by key, over the passage's end: the same rule
    select(window, grain, grain + len("grain are expected to rise."))
    qtbot.keyClick(reader, "1")
    assert passages_on_disk(project) == [(sentence, ("Trade",))]
    assert window.statusBar().currentMessage().startswith("Extended the Trade passage")
    window.close()


def test_read_only_project_refuses_tagging_with_a_message(qtbot: QtBot, project: Path) -> None:
    window = open_window(qtbot, project, read_only=True)
    select(window, 4, 8)
    qtbot.keyClick(window.reader, "1")
    assert "read-only" in window.statusBar().currentMessage()
    assert passages_on_disk(project) == []
    window.close()


def test_accept_all_suggestions_of_a_theme_is_one_undo_step(qtbot: QtBot, project: Path) -> None:
    window = open_window(qtbot, project)
    trade = window.session.theme_named("Trade").id
    menu = window.theme_menu(trade)
    accept = menu.actions()[0]
    assert accept.text() == "&Accept All Suggestions in This Article (1)" and accept.isEnabled()
    accept.trigger()
    assert passages_on_disk(project) == [("Exports of grain are expected to rise.", ("Trade",))]
    assert window.theme_menu(trade).actions()[0].text().endswith("(0)")
    window.menu_actions.undo_action.trigger()
    assert passages_on_disk(project) == []
    window.close()


# Twelve sentences, each with a different default-theme keyword, so each scores alone.
MANY = (
    "Tariffs on steel rose. Exports of grain fell. Imports of cars grew. "
    "The trade deficit widened. The military held drills. Missiles were tested. "
    "A submarine was sighted. Oil prices fell. Gas flows resumed. The pipeline was closed. "
    "Crude stocks rose. Nuclear power plants reopened."
)


def underlined(window: ProjectWindow) -> list[str]:
    """The sentences the Reader shows a suggestion under, as the analyst sees them."""
    found = []
    for sentence in MANY.split(". "):
        at = MANY.index(sentence)
        if window.reader.suggestions_at(at + 1):
            found.append(sentence.rstrip("."))
    return found


def test_suggestions_per_article_follows_the_setting_and_preferences_change_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from briefer.app import Controller
    from briefer.settings import Settings, load_settings, resolve_paths
    from briefer.ui.shell.preferences import PreferencesDialog

    path = tmp_path / "many.briefer"
    with Session.create(path) as session:
        store_of(session).add_article(Article(title="Roundup", text=MANY))
    paths = resolve_paths(tmp_path / "home")
    control = Controller(paths, Settings(suggestions_per_article=3))
    window = ProjectWindow(Session.open(path), control.settings, paths, lambda: None)
    qtbot.addWidget(window)
    control.window = window
    window.show()
    shown = underlined(window)
    # The two phrases, then the earliest single word (listed here in text order).
    assert shown == [
        "Tariffs on steel rose",
        "The trade deficit widened",
        "Nuclear power plants reopened",
    ]

    dialog = PreferencesDialog(control.settings, ["Briefing note"], control.apply_settings)
    qtbot.addWidget(dialog)
    assert dialog.suggestions.value() == 3
    dialog.suggestions.setValue(5)
    dialog.accept()
    assert load_settings(paths).settings.suggestions_per_article == 5
    assert len(underlined(window)) == 5 and set(shown) <= set(underlined(window))

    window.tagging.set_limit(0)
    assert underlined(window) == []
    window.tagging.set_limit(100)
    assert len(underlined(window)) == 12
    window.close()
