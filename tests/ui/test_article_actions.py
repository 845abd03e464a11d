"""The Article menu as an analyst uses it: details put right, an article deleted, both undone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from briefer.core.citations import citation_token
from briefer.core.model import Article, Block, BlockKind, Note, Section
from briefer.core.record import replace
from briefer.session import (
    AddNoteCommand,
    ArticleDetails,
    EditArticleDetailsCommand,
    Session,
    TagPassageCommand,
)
from briefer.ui.library.details_dialog import ArticleDetailsDialog
from briefer.ui.notes.problems_dialog import ProblemsDialog
from briefer.ui.shell.project_window import ProjectWindow
from tests.private_store import store_of
from tests.ui.driving import Modals, menu_action, press, shown

TEXT = "The port authority signed a framework agreement on Tuesday. Grain exports rose."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """One article as a PDF leaves it (no publisher, date or address), quoted in a note."""
    path = tmp_path / "articles.briefer"
    with Session.create(path) as session:
        blocks = (Block(BlockKind.PARAGRAPH, 0, len(TEXT)),)
        pdf = Article("harbour-deal.pdf", TEXT, blocks, source_name="harbour-deal.pdf")
        article_id = store_of(session).add_article(pdf)
        theme = session.query.list_themes()[0].id
        assert theme is not None
        session.do(TagPassageCommand(article_id, 4, 58, [theme]))
        passage = session.query.list_passages()[0].id
        assert passage is not None
        body = f"> Signed {citation_token(passage)}"
        session.do(AddNoteCommand(Note("Weekly brief", sections=(Section("Summary", body),))))
    return path


@pytest.fixture
def window(qtbot: QtBot, project: Path) -> ProjectWindow:
    window = ProjectWindow(Session.open(project))
    qtbot.addWidget(window)
    window.show()
    window.library_panel.select_row(0)
    return window


@pytest.fixture
def modals() -> Iterator[Modals]:
    answering = Modals()
    yield answering
    answering.stopped = True


def on_disk(path: Path) -> list[Article]:
    with Session.open(path, read_only=True) as session:
        return [session.query.get_article(a.id) for a in session.query.list_articles()]


def test_details_are_put_right_in_the_dialog_and_undo_puts_them_back(
    window: ProjectWindow, project: Path, modals: Modals
) -> None:
    def fill(dialog: ArticleDetailsDialog) -> None:
        today = dt.datetime.now(dt.UTC).date()
        assert f"Imported from harbour-deal.pdf on {today.day} {today:%B %Y}" in (
            dialog.origin.text()
        )
        dialog.title.setText("Port signs framework deal")
        dialog.publisher.setText("Harbour Gazette")
        dialog.author.setText("Ana Costa")
        dialog.date.setText("14 March 2025")
        dialog.url.setText("javascript:alert(1)")
        press(dialog, "Save")  # refused in the dialog, which stays open and says why
        assert dialog.isVisible() and "not a web address" in dialog.error.text()
        dialog.url.setText("https://gazette.example/deal")
        press(dialog, "Save")

    modals.expect(ArticleDetailsDialog, fill)
    menu_action(window, "Article", "Edit Article Details…").trigger()
    modals.check()

    [article] = on_disk(project)
    assert (article.title, article.publisher, article.author, article.published, article.url) == (
        "Port signs framework deal", "Harbour Gazette", "Ana Costa", dt.date(2025, 3, 14),
        "https://gazette.example/deal",
    )  # fmt: skip
    assert window.library_panel.titles() == ["Port signs framework deal"]
    window.menu_actions.undo_action.trigger()
    [article] = on_disk(project)
    assert (article.title, article.publisher, article.url) == ("harbour-deal.pdf", "", "")
    assert window.library_panel.titles() == ["harbour-deal.pdf"]
    window.close()


def test_delete_in_the_library_asks_names_the_note_and_undo_brings_it_back(
    window: ProjectWindow, project: Path, modals: Modals, qtbot: QtBot
) -> None:
    asked: list[str] = []

    def answer(box: QMessageBox) -> None:
        asked.append(box.text())
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        press(box, "Delete Article")

    modals.expect(QMessageBox, answer)
    window.library_panel.view.setFocus()
    qtbot.keyClick(window.library_panel.view, Qt.Key.Key_Delete)
    modals.check()
    assert asked == [
        "Delete “harbour-deal.pdf” and its 1 passage? 1 note quotes it (Weekly brief) and "
        "will show [missing source] there. Edit > Undo brings it back."
    ]
    assert on_disk(project) == []
    assert window.library_panel.count() == 0
    window.menu_actions.undo_action.trigger()
    assert [a.title for a in on_disk(project)] == ["harbour-deal.pdf"]
    window.close()


def test_cancel_keeps_the_article(window: ProjectWindow, project: Path, modals: Modals) -> None:
    modals.expect(QMessageBox, lambda box: press(box, "Cancel"))
    menu_action(window, "Article", "Delete Article…").trigger()
    modals.check()
    assert [a.title for a in on_disk(project)] == ["harbour-deal.pdf"]
    assert not window.undo_stack.canUndo()
    window.close()


def test_a_read_only_project_offers_neither(qtbot: QtBot, project: Path) -> None:
    window = ProjectWindow(Session.open(project, read_only=True))
    qtbot.addWidget(window)
    assert not menu_action(window, "Article", "Edit Article Details…").isEnabled()
    assert not menu_action(window, "Article", "Delete Article…").isEnabled()
    window.close()


def test_the_checks_missing_publisher_opens_its_sources_details(
    window: ProjectWindow, project: Path, modals: Modals, qtbot: QtBot
) -> None:
    menu_action(window, "Note", "Check Quotations and Sources…").trigger()
    dialog = shown(ProblemsDialog)
    assert isinstance(dialog, ProblemsDialog)
    lines = [dialog.list.item(row) for row in range(dialog.list.count())]
    missing = next(item for item in lines if "has no publisher" in item.text())
    dialog.list.setCurrentItem(missing)
    assert dialog.source_button.isEnabled()

    def fill(details: ArticleDetailsDialog) -> None:
        assert details.title.text() == "harbour-deal.pdf"
        details.publisher.setText("Harbour Gazette")
        press(details, "Save")

    modals.expect(ArticleDetailsDialog, fill)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # Enter on the line, as a double-click
    modals.check()
    assert [a.publisher for a in on_disk(project)] == ["Harbour Gazette"]
    assert not dialog.isVisible()  # the check ran again: its new list shows what is left
    again = window.note_actions.dialog
    assert isinstance(again, ProblemsDialog) and again is not dialog and again.isVisible()
    left = [again.list.item(row).text() for row in range(again.list.count())]
    assert any("no publication date" in line for line in left)
    assert not any("has no publisher" in line for line in left)
    press(again, "Close")
    window.close()


def test_the_librarys_context_menu_offers_both_at_the_row(window: ProjectWindow) -> None:
    view = window.library_panel.view
    row = view.visualRect(view.currentIndex()).center()
    view.customContextMenuRequested.emit(row)
    menu = window.article_actions.menu
    assert menu.isVisible()
    assert [a.text() for a in menu.actions()] == ["Edit Article &Details…", "De&lete Article…"]
    assert menu.geometry().contains(view.viewport().mapToGlobal(row) + QPoint(1, 1))
    menu.close()
    window.close()


def test_the_library_says_what_a_source_lacks_and_where_to_add_it(
    window: ProjectWindow,
) -> None:
    model = window.library_panel.proxy
    tips = [model.index(0, column).data(Qt.ItemDataRole.ToolTipRole) for column in (0, 1, 2)]
    hint = "No publisher or date yet: Article > Edit Article Details… (Ctrl+Shift+D) adds it."
    assert tips[0].endswith("\n" + hint) and tips[1] == tips[2] == hint
    article_id = window.library_panel.current_id()
    assert article_id is not None
    window.session.do(EditArticleDetailsCommand(article_id, ArticleDetails(
        "harbour-deal.pdf", "Harbour Gazette", "", dt.date(2025, 3, 14)
    )))  # fmt: skip
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) is None
    assert "No " not in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    window.close()


def test_the_reader_says_what_a_source_lacks_until_it_has_it(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    hint = "No publisher or date yet: Article > Edit Article Details… (Ctrl+Shift+D) adds it."
    document = window.reader.document()
    qtbot.waitUntil(lambda: "port authority" in document.toPlainText())
    assert hint in document.toPlainText().splitlines()[:3]  # in the header, under the title
    article_id = window.library_panel.current_id()
    assert article_id is not None
    window.session.do(EditArticleDetailsCommand(article_id, ArticleDetails(
        "harbour-deal.pdf", "Harbour Gazette", "", None
    )))  # fmt: skip
    qtbot.waitUntil(lambda: "Harbour Gazette" in window.reader.document().toPlainText())
    lines = window.reader.document().toPlainText().splitlines()
    assert "No date yet: Article > Edit Article Details… (Ctrl+Shift+D) adds it." in lines[:3]
    window.session.do(EditArticleDetailsCommand(article_id, ArticleDetails(
        "harbour-deal.pdf", "Harbour Gazette", "", dt.date(2025, 3, 14)
    )))  # fmt: skip
    qtbot.waitUntil(lambda: "14 March 2025" in window.reader.document().toPlainText())
    assert "yet: Article" not in window.reader.document().toPlainText()
    window.close()


def test_details_of_an_article_deleted_meanwhile_are_a_status_line_not_a_crash(
    window: ProjectWindow, modals: Modals
) -> None:
    article_id = window.library_panel.current_id()
    assert article_id is not None
    modals.expect(QMessageBox, lambda box: press(box, "Delete Article"))
    menu_action(window, "Article", "Delete Article…").trigger()
    modals.check()
    reports: list[str] = []
    window.article_actions.context = replace(window.article_actions.context, report=reports.append)
    window.article_actions.edit_details(article_id)  # as the check's list would ask
    assert len(reports) == 1 and str(article_id) in reports[0]
    window.close()


def test_the_reader_shows_new_details_at_once_and_keeps_its_place(
    qtbot: QtBot, tmp_path: Path
) -> None:
    text = "\n\n".join(
        f"Paragraph {n} of the harbour report, on grain and ports." for n in range(300)
    )
    path = tmp_path / "long.briefer"
    with Session.create(path) as session:
        blocks, start = [], 0
        for paragraph in text.split("\n\n"):
            blocks.append(Block(BlockKind.PARAGRAPH, start, start + len(paragraph)))
            start += len(paragraph) + 2
        store_of(session).add_article(Article("report.pdf", text, tuple(blocks)))
    window = ProjectWindow(Session.open(path))
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    window.library_panel.select_row(0)
    reader = window.reader
    qtbot.waitUntil(lambda: "Paragraph 299" in reader.toPlainText())
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    middle = bar.value()
    article_id = window.session.query.list_articles()[0].id
    assert article_id is not None
    details = ArticleDetails("Grain report", "Harbour Gazette", "Ana Costa", dt.date(2025, 3, 14))
    window.session.do(EditArticleDetailsCommand(article_id, details))
    shown_text = reader.toPlainText()
    assert "Grain report" in shown_text and "report.pdf" not in shown_text
    assert "Harbour Gazette" in shown_text and "14 March 2025" in shown_text
    assert abs(bar.value() - middle) < bar.pageStep()  # still where the analyst was reading
    window.close()


def test_an_undated_article_is_dated_by_typing_the_date_as_written(
    window: ProjectWindow, project: Path, modals: Modals
) -> None:
    def date_it(dialog: ArticleDetailsDialog) -> None:
        assert dialog.date.text() == ""  # undated, and no date put in on its own
        [label] = [w for w in dialog.findChildren(QLabel) if w.text() == "Publication &date:"]
        assert label.buddy() is dialog.date and dialog.date.isEnabled()  # Alt+D reaches it
        QTest.keyClicks(dialog.date, "31/02/2025")
        press(dialog, "Save")
        assert dialog.isVisible() and "There is no such day" in dialog.error.text()
        dialog.date.selectAll()
        QTest.keyClicks(dialog.date, "Nov 15, 2025")
        dialog.date.editingFinished.emit()  # as leaving the field does
        assert dialog.date.text() == "15 November 2025"  # what it understood, shown back
        press(dialog, "Save")

    modals.expect(ArticleDetailsDialog, date_it)
    menu_action(window, "Article", "Edit Article Details…").trigger()
    modals.check()
    [article] = on_disk(project)
    assert article.published == dt.date(2025, 11, 15)

    def undate_it(dialog: ArticleDetailsDialog) -> None:
        assert dialog.date.text() == "15 November 2025"
        dialog.date.clear()
        press(dialog, "Save")

    modals.expect(ArticleDetailsDialog, undate_it)
    menu_action(window, "Article", "Edit Article Details…").trigger()
    modals.check()
    [article] = on_disk(project)
    assert article.published is None
