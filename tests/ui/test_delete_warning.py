"""Deleting a passage that notes quote names those notes and asks first; Cancel is the default."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefer.core.citations import citation_token
from briefer.core.model import Article, Block, BlockKind, Note, Section
from briefer.session import AddNoteCommand, Session, TagPassageCommand
from briefer.ui.shell.project_window import ProjectWindow
from tests.private_store import store_of

TEXT = "The port authority signed a framework agreement on Tuesday. Grain exports rose."
QUOTED = "port authority signed a framework agreement"
PLAIN = "Grain exports rose."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "warn.briefer"
    with Session.create(path) as session:
        article_id = store_of(session).add_article(
            Article(
                title="Harbour deal", text=TEXT, blocks=(Block(BlockKind.PARAGRAPH, 0, len(TEXT)),)
            )
        )
        theme = session.query.list_themes()[0].id
        assert theme is not None
        ids = []
        for words in (QUOTED, PLAIN):
            start = TEXT.index(words)
            session.do(TagPassageCommand(article_id, start, start + len(words), [theme]))
            ids.append(max(p.id or 0 for p in session.query.list_passages()))
        token = citation_token(ids[0])
        for title in ("Weekly brief", "Trade note"):
            session.do(
                AddNoteCommand(
                    Note(title=title, sections=(Section("Summary", f"> Quote {token}"),))
                )
            )
    return path


def passage_texts(path: Path) -> list[str]:
    with Session.open(path, read_only=True) as session:
        return sorted(p.text for p in session.query.list_passages())


class Answer:
    """Stands in for the modal exec(): records the real box, then clicks one of its buttons."""

    def __init__(self, button: QMessageBox.StandardButton | None) -> None:
        self.button = button
        self.boxes: list[QMessageBox] = []

    def __call__(self, box: QMessageBox) -> int:
        self.boxes.append(box)
        if self.button is not None:
            box.button(self.button).click()
        return 0


def press_delete_in(qtbot: QtBot, window: ProjectWindow, words: str) -> None:
    cursor = window.reader.textCursor()
    cursor.setPosition(window.reader.canonical_to_doc(TEXT.index(words) + 2))
    window.reader.setTextCursor(cursor)
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)


@pytest.fixture
def window(qtbot: QtBot, project: Path) -> ProjectWindow:
    window = ProjectWindow(Session.open(project))
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_warning_names_the_notes_and_cancel_keeps_the_passage(
    window: ProjectWindow, project: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = Answer(QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box))
    press_delete_in(qtbot, window, QUOTED)
    [box] = answer.boxes
    assert box.text() == (
        f"“{QUOTED}” is quoted in 2 notes: Weekly brief, Trade note. Delete it anyway? "
        "The notes will show [missing source] where they quote it."
    )
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert passage_texts(project) == [PLAIN, QUOTED]
    assert not window.undo_stack.canUndo()
    window.close()


def test_the_warning_counts_the_quotations_when_a_note_quotes_it_twice(
    qtbot: QtBot, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Session.open(project) as session:
        quoted = next(p for p in session.query.list_passages() if p.text == QUOTED)
        token = citation_token(quoted.id or 0)
        sections = (Section("Energy", f"> Quote {token}"), Section("Nuclear", f"> Quote {token}"))
        session.do(AddNoteCommand(Note(title="Energy note", sections=sections)))
    window = ProjectWindow(Session.open(project))
    qtbot.addWidget(window)
    window.show()
    answer = Answer(QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box))
    press_delete_in(qtbot, window, QUOTED)
    assert (
        answer.boxes[-1]
        .text()
        .startswith(
            f"“{QUOTED}” is quoted 4 times in 3 notes: Weekly brief, Trade note, Energy note. "
        )
    )
    window.close()
    from briefer.ui.reader.tagging import delete_warning

    assert delete_warning(quoted, [Note(title="Energy note", sections=sections)]).startswith(
        f"“{QUOTED}” is quoted twice in 1 note: Energy note. Delete it anyway? "
    )


def test_delete_removes_it_and_undo_brings_it_back(
    window: ProjectWindow, project: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = Answer(QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box))
    press_delete_in(qtbot, window, QUOTED)
    assert len(answer.boxes) == 1
    assert passage_texts(project) == [PLAIN]
    window.menu_actions.undo_action.trigger()
    assert passage_texts(project) == [PLAIN, QUOTED]
    window.close()


def test_an_unquoted_passage_deletes_without_asking(
    window: ProjectWindow, project: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = Answer(None)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box))
    press_delete_in(qtbot, window, PLAIN)
    assert answer.boxes == []
    assert passage_texts(project) == [QUOTED]
    window.close()


def test_the_message_shortens_long_words_and_long_lists() -> None:
    from briefer.core.model import Passage
    from briefer.ui.reader.tagging import NAMED_NOTES, QUOTED_WORDS, delete_warning

    long = Passage(article_id=1, start=0, end=90, text=TEXT, theme_ids=(1,))
    one = delete_warning(long, [Note(title="Weekly brief")])
    quoted = one[1 : one.index("”")]
    assert quoted.endswith("…") and len(quoted) <= QUOTED_WORDS + 1
    assert TEXT.startswith(quoted[:-1]) and TEXT[len(quoted) - 1] == " ", "cut at a word's end"
    assert "is quoted in 1 note: Weekly brief." in one
    assert one.endswith("The note will show [missing source] where it quotes it.")
    many = [Note(title=f"Note {n}") for n in range(NAMED_NOTES + 3)]
    text = delete_warning(long, many)
    assert f"in {NAMED_NOTES + 3} notes: Note 0, Note 1" in text and ", and 3 more." in text
    assert f"Note {NAMED_NOTES}" not in text
