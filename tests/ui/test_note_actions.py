"""The Note menu and File > Export from the window: draft, check, figures, template, export.

Dialogs are built as the actions build them and driven directly (no modal
loops in tests); the export runs on its real worker thread and the DOCX
is read back with python-docx.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from briefer.core.citations import citation_token
from briefer.core.model import Article, Block, BlockKind
from briefer.core.record import replace
from briefer.session import (
    EditSectionBodyCommand,
    ExportResult,
    Session,
    TagPassageCommand,
    load_templates,
)
from briefer.settings import resolve_paths
from briefer.ui.notes import exporting
from briefer.ui.notes.dialogs import DraftDialog, NoteDetailsDialog
from briefer.ui.notes.exporting import ExportOptions
from briefer.ui.notes.figures_dialog import FiguresDialog
from briefer.ui.notes.problems_dialog import SECTION_ROLE, ProblemsDialog
from briefer.ui.shell.project_window import ProjectWindow
from tests.private_store import store_of

TEXT = "Harbour deal.\n\nThe deal, worth $2 billion, covers new berths and 3,000 jobs."
QUOTE = "The deal, worth $2 billion, covers new berths and 3,000 jobs."


def harbour_session(path: Path) -> Session:
    """A project of one article, "Harbour deal" from Wire, its QUOTE tagged Trade."""
    session = Session.create(path)
    article_id = store_of(session).add_article(
        Article("Harbour deal", TEXT, (Block(BlockKind.PARAGRAPH, 0, 13),
                Block(BlockKind.PARAGRAPH, 15, len(TEXT))), publisher="Wire",
                published=dt.date(2026, 3, 1))
    )  # fmt: skip
    trade = session.theme_named("Trade")
    assert trade is not None and trade.id is not None
    start = TEXT.index(QUOTE)
    session.do(TagPassageCommand(article_id, start, start + len(QUOTE), [trade.id]))
    return session


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ProjectWindow]:
    session = harbour_session(tmp_path / "notes.briefer")
    session.history.clear()
    w = ProjectWindow(session, paths=resolve_paths())
    w.settings.author = "A. Analyst"
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def draft_dialog(window: ProjectWindow) -> DraftDialog:
    project = window.session.query
    return DraftDialog(
        load_templates().templates, project.list_themes(), project.theme_passage_counts(),
        default_template="Briefing note", author=window.settings.author,
        marking="OFFICIAL", parent=window,
    )  # fmt: skip


def drafted(window: ProjectWindow, title: str = "Harbour brief") -> int:
    dialog = draft_dialog(window)
    dialog.title.setText(title)
    assert window.note_actions.draft_from(dialog)
    note_id = window.composer.current_note_id()
    assert note_id is not None
    return note_id


def test_draft_from_the_dialog_opens_the_note_in_the_composer_and_undoes(
    window: ProjectWindow,
) -> None:
    dialog = draft_dialog(window)
    labels = [dialog.themes.item(i).text() for i in range(dialog.themes.count())]
    assert labels[0] == "Trade  (1 passage)" and "Energy  (no passages yet)" in labels
    note_id = drafted(window)
    note = window.session.query.get_note(note_id)
    assert (note.title, note.author, note.marking) == ("Harbour brief", "A. Analyst", "OFFICIAL")
    trade = next(s for s in note.sections if s.heading == "Trade")
    assert QUOTE in trade.body and "[@p" in trade.body
    assert window.workspace.currentWidget() is window.composer
    assert window.menu_actions.undo_action.text() == '&Undo Draft note "Harbour brief"'
    window.menu_actions.undo_action.trigger()
    assert window.session.query.list_notes() == []
    assert window.composer.current_note_id() is None


def test_the_dialog_refuses_a_draft_without_title_or_themes(window: ProjectWindow) -> None:
    dialog = draft_dialog(window)
    dialog.accept()
    assert dialog.result() == 0 and "title" in dialog.error.text()
    dialog.title.setText("T")
    for i in range(dialog.themes.count()):
        dialog.themes.item(i).setCheckState(dialog.themes.item(i).checkState().Unchecked)
    dialog.accept()
    assert "at least one theme" in dialog.error.text()


def test_note_details_change_only_what_was_edited(window: ProjectWindow) -> None:
    note_id = drafted(window)
    dialog = NoteDetailsDialog(window.session.query.get_note(note_id), window)
    dialog.recipient.setText("The Minister")
    dialog.marking.setCurrentText("SECRET")
    assert dialog.changes() == {"recipient": "The Minister", "marking": "SECRET"}


def test_note_details_choose_the_citation_style_as_an_undoable_edit(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    note_id = drafted(window)
    project = window.session.query
    chosen: list[list[str]] = []

    def choose_apa() -> None:
        dialog = window.note_actions.dialog
        assert isinstance(dialog, NoteDetailsDialog) and dialog.isVisible()
        box = dialog.citation_style
        chosen.append([box.itemText(i) for i in range(box.count())])
        assert box.currentData() == ""  # a new note follows Preferences
        box.setCurrentIndex(box.findData("apa"))
        dialog.accept()

    QTimer.singleShot(0, choose_apa)
    window.note_actions.edit_details()
    assert chosen and chosen[0][0] == "Default (from Preferences)"
    assert "APA Style 7th edition" in chosen[0] and len(chosen[0]) >= 7
    assert project.get_note(note_id).citation_style == "apa"
    assert window.menu_actions.undo_action.text() == "&Undo Set citation style"
    window.menu_actions.undo_action.trigger()
    assert project.get_note(note_id).citation_style == ""
    window.menu_actions.redo_action.trigger()
    assert project.get_note(note_id).citation_style == "apa"


def test_note_details_keep_a_style_file_the_list_lacks(window: ProjectWindow) -> None:
    note = replace(window.session.query.get_note(drafted(window)), citation_style="/x/house.csl")
    dialog = NoteDetailsDialog(note, window, styles=[("apa", "APA Style 7th edition")])
    assert dialog.citation_style.currentText() == "/x/house.csl"
    assert dialog.changes() == {}
    dialog.citation_style.setCurrentIndex(0)
    assert dialog.changes() == {"citation_style": ""}


def export(
    qtbot: QtBot, window: ProjectWindow, note_id: int, target: Path, reference: Path | None = None
) -> ExportResult | None:
    flow = window.note_actions.exporter
    job = flow.prepare(note_id)
    assert job is not None
    with qtbot.waitSignal(flow.finished, timeout=20_000) as done:
        assert flow.export_to(job, target, "docx", reference)
    result = done.args[0]
    assert result is None or isinstance(result, ExportResult)
    return result


def test_export_to_word_on_a_worker_thread(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path
) -> None:
    note_id = drafted(window)
    target = tmp_path / "brief.docx"
    result = export(qtbot, window, note_id, target)
    assert result is not None and result.footnotes == 1
    word = docx.Document(str(target))
    assert any(QUOTE in p.text for p in word.paragraphs)
    assert any(r.reltype.endswith("/footnotes") for r in word.part.rels.values())
    assert window.settings.last_export_dir == str(tmp_path)
    assert "Exported to" in window.statusBar().currentMessage()
    # What it formatted is kept in the project, for the note's next export (here or CLI).
    kept = window.session.query.kept_renderings(window.session.query.get_note(note_id).uuid)
    assert '"citations":{"' in kept  # at least one citation's rendering
    assert QUOTE not in kept  # its sources' data only, never the note's own text


def drafted_with_a_changed_quotation(window: ProjectWindow) -> tuple[int, int]:
    """A drafted note whose Trade quotation says "$5 billion" where its source says "$2
    billion": the note's id and the Trade section's."""
    note_id = drafted(window)
    note = window.session.query.get_note(note_id)
    trade = next(s for s in note.sections if s.heading == "Trade")
    assert trade.id is not None
    window.session.do(
        EditSectionBodyCommand(note_id, trade.id, trade.body.replace("$2 billion", "$5 billion"))
    )
    return note_id, trade.id


def test_an_edited_quotation_is_shown_before_export(window: ProjectWindow) -> None:
    note_id, _ = drafted_with_a_changed_quotation(window)
    job = window.note_actions.exporter.prepare(note_id)
    assert job is not None and len(job.blocking) == 1
    dialog = ProblemsDialog(job.problems, window, exporting=True)
    assert "$2 billion" in dialog.list.item(0).text()  # what would mislead comes first
    rest = [dialog.list.item(i).text() for i in range(1, dialog.list.count())]
    assert rest and all("not written yet" in text for text in rest)  # then unwritten sections


@pytest.mark.parametrize("exporting", [True, False])
def test_enter_on_a_problem_opens_it_and_neither_exports_nor_closes(
    qtbot: QtBot, window: ProjectWindow, exporting: bool
) -> None:
    """Enter is the key to open a line; it must not also press Export Anyway (writing a
    quotation that no longer matches its source) or close the check."""
    note_id, _ = drafted_with_a_changed_quotation(window)
    job = window.note_actions.exporter.prepare(note_id)
    assert job is not None
    dialog = ProblemsDialog(job.problems, window, exporting=exporting)
    opened: list[int] = []
    dialog.passageActivated.connect(opened.append)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.list.setFocus()
    dialog.list.setCurrentRow(0)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        qtbot.keyClick(dialog.list, key)
    assert dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected  # not accepted
    assert opened == [window.session.query.list_passages()[0].id] * 2
    dialog.close()


def test_enter_on_an_unwritten_section_goes_to_it(qtbot: QtBot, window: ProjectWindow) -> None:
    note_id = drafted(window)
    job = window.note_actions.exporter.prepare(note_id)
    assert job is not None
    dialog = ProblemsDialog(job.problems, window, exporting=False)
    places: list[tuple[int, int, int]] = []
    dialog.placeActivated.connect(lambda *place: places.append(place))
    qtbot.addWidget(dialog)
    dialog.show()
    row = next(i for i in range(dialog.list.count()) if "not written" in dialog.list.item(i).text())
    dialog.list.setFocus()
    dialog.list.setCurrentRow(row)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    section = dialog.list.item(row).data(SECTION_ROLE)
    assert section is not None and places == [(section, -1, 0)]
    dialog.close()


def test_check_names_the_footnote_and_go_to_lands_on_it(window: ProjectWindow) -> None:
    note_id, trade_id = drafted_with_a_changed_quotation(window)
    note = window.session.query.get_note(note_id)
    first = next(s for s in note.sections if s.id != trade_id)
    window.composer.reveal(first.id)  # the analyst is elsewhere in the note
    window.note_actions.check_action.trigger()
    dialog = window.note_actions.dialog
    assert isinstance(dialog, ProblemsDialog)
    line = dialog.list.item(0).text()
    assert 'In "Trade", the quotation at footnote 1' in line
    passage_id = window.session.query.list_passages()[0].id
    assert f"passage {passage_id}" not in line and f"citation {passage_id}" not in line
    dialog.list.setCurrentRow(0)
    assert dialog.go_button.isEnabled()
    dialog.go_button.click()
    assert window.workspace.currentWidget() is window.composer
    assert window.composer.current_section_id() == trade_id
    # The changed word is selected, not the citation: typing the source's word over it
    # mends the quotation and keeps its footnote.
    editor = window.composer.editor
    assert editor.textCursor().selectedText() == "$5"
    QTest.keyClicks(editor, "$2")
    window.composer.flush()
    body = next(s.body for s in window.session.query.get_note(note_id).sections if s.id == trade_id)
    assert citation_token(passage_id) in body and "$2 billion" in body
    job = window.note_actions.exporter.prepare(note_id)
    assert job is not None and not job.blocking


def test_go_to_in_the_markdown_source_selects_the_changed_words(window: ProjectWindow) -> None:
    note_id, trade_id = drafted_with_a_changed_quotation(window)
    window.composer.show_source(True)
    problem = next(
        p
        for p in window.note_actions.exporter.prepare(note_id).problems  # type: ignore[union-attr]
        if p.blocking
    )
    window.reveal_in_note(trade_id, problem.passage_id or -1, problem.occurrence)
    source = window.composer.editors.source_editor
    assert window.composer.editors.currentWidget() is source
    assert source.textCursor().selectedText() == "$5"


@pytest.mark.parametrize("case", ["unwritable", "bad reference"])
def test_export_failures_show_the_reason_and_leave_nothing(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path, case: str
) -> None:
    note_id = drafted(window)
    reference = None
    target = tmp_path / "missing" / "brief.docx"
    if case == "bad reference":
        reference = tmp_path / "styles.docx"
        reference.write_text("plain text")
        target = tmp_path / "brief.docx"
    assert export(qtbot, window, note_id, target, reference) is None
    assert not target.exists()
    message = window.note_actions.exporter.message
    assert message is not None and message.text()
    assert window.composer.isEnabled()  # the window is still there and usable


def test_an_unexpected_export_failure_logs_the_traceback_and_points_at_the_log(
    qtbot: QtBot,
    window: ProjectWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    note_id = drafted(window)

    def broken(*_args: object, **_kwargs: object) -> ExportResult:
        raise RuntimeError("a bug in the writer")

    monkeypatch.setattr(exporting, "run_export", broken)  # stands in for a bug
    target = tmp_path / "brief.docx"
    with caplog.at_level(logging.ERROR):
        assert export(qtbot, window, note_id, target) is None
    tracebacks = [r.exc_info[1] for r in caplog.records if r.exc_info is not None]
    assert any("a bug in the writer" in str(error) for error in tracebacks)
    message = window.note_actions.exporter.message
    assert window.paths is not None and message is not None
    assert "a bug in the writer" in message.text()
    assert str(window.paths.log_file) in message.text()
    assert "support contact" in message.text() and not target.exists()


def test_key_figures_dialog_inserts_a_table_into_the_section(window: ProjectWindow) -> None:
    note_id = drafted(window)
    window.note_actions.key_figures()
    dialog = window.note_actions.dialog
    assert isinstance(dialog, FiguresDialog)
    assert [f.figure.text for f in dialog.figures] == ["$2 billion", "3,000 jobs"]
    dialog.insert_button.click()
    body = next(
        s.body
        for s in window.session.query.get_note(note_id).sections
        if s.id == window.composer._section_id
    )
    assert "| Figures | Context | Source |" in body
    assert "| $2 billion; 3,000 jobs | The deal, worth $2 billion" in body  # one row
    assert window.menu_actions.undo_action.text() == "&Undo Insert key figures"


def key_figures_of_a_draft(window: ProjectWindow) -> FiguresDialog:
    """The Key Figures dialog over a note drafted from the project's passages."""
    drafted(window)
    window.note_actions.key_figures()
    dialog = window.note_actions.dialog
    assert isinstance(dialog, FiguresDialog)
    return dialog


def test_a_key_figure_is_quoted_as_found_so_its_cell_opens_no_editor(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    dialog = key_figures_of_a_draft(window)
    table = dialog.table
    table.setCurrentCell(0, 0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton,
                      pos=table.visualItemRect(table.item(0, 0)).center())  # fmt: skip
    assert table.state() is not QAbstractItemView.State.EditingState


def test_save_as_template_then_it_is_offered(window: ProjectWindow) -> None:
    note_id = drafted(window)
    assert window.note_actions.save_template(note_id, "Port watch", "weekly")
    assert window.paths is not None
    names = load_templates(window.paths.templates_dir).names
    assert "Port watch" in names
    project = window.session.query
    dialog = DraftDialog(
        load_templates(window.paths.templates_dir).templates, project.list_themes(), {},
        default_template="Port watch", author="", marking="",
    )  # fmt: skip
    assert dialog.template_box.currentData() == "Port watch"


def test_note_menu_lists_its_actions_with_shortcuts(window: ProjectWindow) -> None:
    texts = [a.text() for a in window.menu_actions.note_menu.actions() if a.text()]
    assert "&New Note from Template…" in texts and "Key &Figures…" in texts
    assert window.note_actions.export_action.shortcut().toString() == "Ctrl+E"
    assert window.note_actions.new_action.shortcut().toString() == "Ctrl+Shift+N"


def test_the_window_exports_with_the_settings_style_and_page_size(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path
) -> None:
    window.settings.citation_style = "apa"
    window.settings.page_size = "Letter"
    note_id = drafted(window)
    target = tmp_path / "brief.docx"
    result = export(qtbot, window, note_id, target)
    assert result is not None and result.footnotes == 0  # author-date: citations in the text
    word = docx.Document(str(target))
    assert round(word.sections[0].page_width.inches, 1) == 8.5
    cited = [p.text for p in word.paragraphs if QUOTE in p.text]
    assert cited and all(text.rstrip().endswith(")") for text in cited)  # "(Wire, 2026)"


@pytest.mark.parametrize(
    "flavour, dollar", [("commonmark", "$2 billion"), ("pandoc", "\\$2 billion")]
)
def test_the_export_dialog_offers_the_markdown_flavour_and_remembers_it(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    flavour: str, dollar: str,
) -> None:  # fmt: skip
    note_id = drafted(window)
    window.settings.last_export_dir = str(tmp_path)
    target = tmp_path / "brief.md"

    def choose(options: ExportOptions) -> int:
        assert not options.flavour.isEnabled()  # Word is the default: no flavour to pick
        options.markdown.setChecked(True)
        assert options.flavour.isEnabled()
        options.flavour.setCurrentIndex(options.flavour.findData(flavour))
        options.target.setText(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportOptions, "exec", choose)
    monkeypatch.setattr(ProblemsDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    flow = window.note_actions.exporter
    with qtbot.waitSignal(flow.finished, timeout=20_000):
        flow.start(note_id)
    text = target.read_text(encoding="utf-8")
    assert dollar in text
    assert (r"\$2" in text) == (flavour == "pandoc")  # pandoc would read $...$ as maths
    assert window.settings.markdown_flavour == flavour  # offered first next time
    reopened = ExportOptions(tmp_path, "x", flavour=window.settings.markdown_flavour)
    qtbot.addWidget(reopened)
    assert reopened.chosen_flavour() == flavour


def test_closing_during_an_export_waits_for_the_file(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path
) -> None:
    note_id = drafted(window)
    flow = window.note_actions.exporter
    job = flow.prepare(note_id)
    assert job is not None
    target = tmp_path / "closing.docx"
    assert flow.export_to(job, target, "docx")
    window.close()  # at once, with the worker thread writing
    assert flow.worker is None or flow.worker.isFinished()
    assert target.exists() and docx.Document(str(target)).paragraphs


def test_once_open_the_window_loads_the_export_off_its_thread(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path
) -> None:
    from briefer.exporters import csl_kept
    from briefer.exporters.csl_kept import forget_styles, kept_style
    from briefer.session import find_citation_style

    flow = window.note_actions.exporter
    qtbot.waitUntil(lambda: flow.warming is not None, timeout=5000)
    assert flow.warming is not None
    assert flow.warming.daemon and flow.warming.ident != threading.get_ident()
    flow.warming.join(timeout=60)
    forget_styles()  # the warm-up's own style is parsed: a fresh one parses again
    window.settings.citation_style = "apa"
    window.settings.language = "en-GB"
    flow._warm_up()
    assert flow.warming is not None
    flow.warming.join(timeout=60)
    style = find_citation_style("apa", "en-GB")  # as the export will: in the note's language
    assert style.rendering_locale == "en-GB"
    parsed = [k for k in csl_kept._styles if k[0] == str(style.path)]
    assert [k[-1] for k in parsed] == ["en-GB"]  # parsed by the warm-up, in that locale
    kept = kept_style(style)
    assert kept.csl is not None and kept.style.name == "apa"
    note_id = drafted(window)  # and the export that follows uses what it loaded
    result = export(qtbot, window, note_id, tmp_path / "warm.docx")
    assert result is not None and kept_style(style) is kept


def test_tab_leaves_the_key_figures_table_for_the_buttons(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    """Tab walked the table's cells and never reached the buttons; arrows move rows."""
    dialog = key_figures_of_a_draft(window)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    table = dialog.table
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.insert_button, "Tab is trapped in the table"
    qtbot.keyClick(dialog.insert_button, Qt.Key.Key_Tab)  # then the buttons as they are shown
    after = QApplication.focusWidget()
    assert isinstance(after, QPushButton) and after.text() == "&Copy"
    assert (table.currentRow(), table.currentColumn()) == (0, 0)  # no cell stepped through
    dialog.reject()


def test_go_to_a_repeated_quotation_selects_the_second_copy(window: ProjectWindow) -> None:
    """The quoted-again warning's Go to lands on the copy to delete; within one section it
    selected the passage's first quotation (review)."""
    note_id = drafted(window)
    note = window.session.query.get_note(note_id)
    trade = next(s for s in note.sections if s.heading == "Trade")
    assert trade.id is not None
    twice = trade.body + "\n\nAnd again:\n\n" + trade.body
    window.session.do(EditSectionBodyCommand(note_id, trade.id, twice))
    window.note_actions.check_action.trigger()
    dialog = window.note_actions.dialog
    assert isinstance(dialog, ProblemsDialog)
    row = next(
        i for i in range(dialog.list.count()) if "quoted twice" in dialog.list.item(i).text()
    )
    dialog.list.setCurrentRow(row)
    dialog.go_button.click()
    editor = window.composer.editor
    cursor = editor.textCursor()
    passage_id = window.session.query.list_passages()[0].id
    assert cursor.hasSelection() and editor.chip_at(cursor.selectionStart()) == passage_id
    text = editor.document().toPlainText()
    assert "And again" in text[: cursor.selectionStart()]  # the second quotation, not the first
