"""Importing from the window: off the GUI thread, with a summary, cancel, drop and paste."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from briefer.session import ImportOutcome, ImportReport, ImportStatus, Session
from briefer.settings import resolve_paths
from briefer.ui.library.importing import describe
from briefer.ui.library.model import FORMAT
from briefer.ui.shell.project_window import ProjectWindow
from tests.private_store import store_of

DATA = Path(__file__).parent.parent / "data" / "cli"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> ProjectWindow:
    path = tmp_path / "import.briefer"
    Session.create(path).close()
    win = ProjectWindow(Session.open(path))
    qtbot.addWidget(win)
    win.show()
    return win


def titles(window: ProjectWindow) -> list[str]:
    return window.library_panel.titles()


def paste(qtbot: QtBot, window: ProjectWindow) -> None:
    """Ctrl+V, then wait for the paste's worker to end, as the analyst waits for the Library."""
    window.menu_actions.paste_action.trigger()
    qtbot.waitUntil(lambda: not window.paster.busy, timeout=20_000)


def many_files(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(count):
        path = folder / f"story-{i:03}.txt"
        path.write_text(
            f"Story number {i}\n\nGrain exports rose by {i}% in week {i}, traders said.\n"
        )
        paths.append(path)
    return paths


def test_import_reports_each_file_and_fills_the_library(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 but nothing else")
    with qtbot.waitSignal(window.importer.done, timeout=20_000) as blocker:
        assert window.import_paths([DATA / "harbour-deal.txt", DATA / "visa-reform.md", broken])
    report: ImportReport = blocker.args[0]
    assert [o.status for o in report.outcomes].count(ImportStatus.IMPORTED) == 2
    assert report.count(ImportStatus.FAILED) == 1
    assert sorted(titles(window)) == [
        "Eastmark eases visas for skilled professionals",
        "Port Authority Signs Harbour Expansion Deal With Northland",
    ]
    summary = window.findChild(QMessageBox)
    assert (
        summary is not None and summary.text() == "2 imported, 0 already in the project, 1 failed."
    )
    assert "Failed: broken.pdf" in summary.informativeText()
    window.close()


def test_cancel_keeps_what_was_imported_and_nothing_half_done(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path
) -> None:
    files = many_files(tmp_path / "batch", 60)
    window.importer.show_summary = False
    with qtbot.waitSignal(window.importer.done, timeout=30_000) as blocker:
        window.import_paths(files)
        window.importer.cancel()
    report: ImportReport = blocker.args[0]
    imported = report.count(ImportStatus.IMPORTED)
    assert report.count(ImportStatus.CANCELLED) > 0
    assert imported + report.count(ImportStatus.CANCELLED) == 60
    assert len(window.session.query.list_articles()) == imported == window.library_panel.count()
    window.close()


def test_the_progress_dialogs_cancel_button_stops_the_import_while_it_runs(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path
) -> None:
    files = many_files(tmp_path / "batch", 60)
    window.importer.show_summary = False
    with qtbot.waitSignal(window.importer.done, timeout=30_000) as blocker:
        window.import_paths(files)
        dialog = window.importer._dialog
        assert dialog is not None
        button = dialog.findChild(QPushButton)
        assert button is not None and button.text() == "Cancel"
        button.click()
    report: ImportReport = blocker.args[0]
    assert report.count(ImportStatus.CANCELLED) > 0  # it stopped while files were left
    window.close()


def test_after_cancel_the_dialog_stays_up_until_the_file_in_hand_is_done(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancel lets the file being read finish (a big PDF takes seconds): meanwhile the
    dialog stays up saying so, and the window takes no edit under the import."""
    files = many_files(tmp_path / "batch", 3)
    release = threading.Event()
    real = window.session.import_files

    def slow_first_file(plan: object, cancelled: Callable[[], bool]) -> Iterator[ImportOutcome]:
        while not cancelled():
            threading.Event().wait(0.01)
        assert release.wait(10)  # the file in hand, as long as the test says
        yield from real(plan, cancelled=cancelled)  # type: ignore[arg-type]

    monkeypatch.setattr(window.session, "import_files", slow_first_file)
    window.importer.show_summary = False
    window.import_paths(files)
    dialog = window.importer._dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    button = dialog.findChild(QPushButton)
    button.click()
    qtbot.wait(50)
    assert dialog.isVisible() and window.importer.busy
    assert dialog.labelText().startswith("Cancelling")
    assert not button.isEnabled()
    dialog.reject()  # what Escape does
    dialog.close()  # what the title bar's close button does
    assert dialog.isVisible()
    with qtbot.waitSignal(window.importer.done, timeout=30_000) as blocker:
        release.set()
    report: ImportReport = blocker.args[0]
    assert report.count(ImportStatus.CANCELLED) == 3 and window.importer._dialog is None
    window.close()


def test_a_file_finished_after_cancel_is_named_as_kept(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One big file, cancelled while it is read: it is finished and kept (never half an
    article), and the summary says so rather than a plain "1 imported"."""
    (big,) = many_files(tmp_path / "one", 1)
    real = window.session.import_files

    def read_until_cancelled(
        plan: object, cancelled: Callable[[], bool]
    ) -> Iterator[ImportOutcome]:
        while not cancelled():  # the analyst presses Cancel while the file is read
            threading.Event().wait(0.01)
        yield from real(plan, cancelled=lambda: False)  # type: ignore[arg-type]

    monkeypatch.setattr(window.session, "import_files", read_until_cancelled)
    window.import_paths([big])
    dialog = window.importer._dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    with qtbot.waitSignal(window.importer.done, timeout=30_000):
        dialog.findChild(QPushButton).click()
    summary = window.findChild(QMessageBox)
    assert summary is not None
    assert summary.text() == "Cancelled: 1 imported, 0 already in the project, 0 failed."
    lines = summary.informativeText().splitlines()
    assert lines[0].startswith(f"Imported: {big.name}")
    assert "being read when you cancelled, so it was finished and kept" in lines[1]
    assert len(titles(window)) == 1
    window.close()


def test_dropping_files_and_folders_imports_them(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "dropped"
    many_files(folder, 3)
    mime = QMimeData()
    mime.setUrls(
        [QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(DATA / "visa-reform.md"))]
    )
    event = QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.importer.show_summary = False
    with qtbot.waitSignal(window.importer.done, timeout=20_000):
        window.dropEvent(event)
    assert window.library_panel.count() == 4
    window.close()


def test_paste_text_and_html_as_new_articles(qtbot: QtBot, window: ProjectWindow) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("Ferry strike ends\n\nThe ferry workers' strike ended on Friday after talks.")
    paste(qtbot, window)
    assert titles(window) == ["Ferry strike ends"]
    assert "ended on Friday" in window.reader.toPlainText()

    mime = QMimeData()
    mime.setHtml(
        "<h1>Grid upgrade approved</h1><p>The regulator approved a <b>grid</b> upgrade.</p>"
    )
    mime.setText("Grid upgrade approved The regulator approved a grid upgrade.")
    clipboard.setMimeData(mime)
    paste(qtbot, window)
    assert titles(window) == ["Ferry strike ends", "Grid upgrade approved"]
    assert window.library_panel.current_title() == "Grid upgrade approved"

    paste(qtbot, window)  # the same again: reported, not added twice
    assert window.library_panel.count() == 2
    assert "already in the project" in window.statusBar().currentMessage()
    window.close()
    # The clipboard owns the QMimeData now; emptying it here, while Qt and Python agree
    # on who frees what, avoids a double free when the interpreter exits.
    clipboard.clear()


def test_closing_during_an_import_stops_it_cleanly(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path
) -> None:
    files = many_files(tmp_path / "big", 80)
    path = window.session.path
    window.import_paths(files)
    window.close()
    assert not window.importer.busy
    qtbot.wait(50)  # let any late, queued news arrive: it must be ignored
    assert window.findChild(QMessageBox) is None
    with Session.open(path, read_only=True) as session:
        assert len(session.query.list_articles()) <= 80
        assert store_of(session).check_integrity() == []


def test_the_summary_names_skipped_links_and_pages_read_badly(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path
) -> None:
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    pdf = Path(__file__).parents[1] / "data" / "importers" / "pdf" / "part-scanned.pdf"
    (chosen / "part-scanned.pdf").write_bytes(pdf.read_bytes())
    (chosen / "secret.txt").symlink_to(DATA / "harbour-deal.txt")
    with qtbot.waitSignal(window.importer.done, timeout=20_000):
        assert window.import_paths([chosen])
    summary = window.findChild(QMessageBox)
    assert summary is not None
    assert summary.text() == (
        "1 imported, 0 already in the project, 0 failed, "
        "1 skipped (links, special files, formats not read)."
    )
    details = summary.informativeText()
    assert "Skipped: secret.txt — This file is a link" in details
    assert "Warning: part-scanned.pdf: page 2 has no text layer" in details
    window.close()


def test_an_unexpected_import_failure_logs_the_traceback_and_points_at_the_log(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "import.briefer"
    Session.create(path).close()
    paths = resolve_paths(tmp_path / "home")
    window = ProjectWindow(Session.open(path), paths=paths)
    qtbot.addWidget(window)
    session = window.session

    def broken(*_args: object, **_kwargs: object) -> Iterator[ImportOutcome]:
        raise RuntimeError("a bug in the importer")
        yield  # a generator, as the real one is

    monkeypatch.setattr(session, "import_files", broken)  # stands in for a bug
    window.importer.show_summary = False
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(window.importer.done) as blocker:
        assert window.import_paths([DATA / "harbour-deal.txt"])
    report: ImportReport = blocker.args[0]
    tracebacks = [r.exc_info[1] for r in caplog.records if r.exc_info is not None]
    assert any("a bug in the importer" in str(error) for error in tracebacks)
    _summary, details = describe(report)
    assert "a bug in the importer" in details and str(paths.log_file) in details
    assert session.query.list_articles() == []
    window.close()


def test_a_batch_import_updates_the_views_without_listing_every_article_per_file(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefer.core.model import ArticleSummary
    from briefer.store import Project

    calls = {"n": 0}
    real = Project.list_articles

    def counting(self: Project) -> list[ArticleSummary]:
        calls["n"] += 1
        return real(self)

    monkeypatch.setattr(Project, "list_articles", counting)
    files = many_files(tmp_path / "batch", 30)
    with qtbot.waitSignal(window.importer.done, timeout=30_000):
        assert window.import_paths(files)
    assert len(titles(window)) == 30
    assert calls["n"] < 10  # was two full listings per imported file (60 for this batch)
    window.close()


def test_file_import_starts_in_the_folder_of_the_last_import(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    story = downloads / "harbour-deal.txt"
    story.write_bytes((DATA / "harbour-deal.txt").read_bytes())
    offered: list[str] = []

    def pick(_parent: object, _title: str, folder: str, _filter: str) -> tuple[list[str], str]:
        offered.append(folder)
        return ([str(story)] if len(offered) == 1 else []), ""

    monkeypatch.setattr("briefer.ui.shell.project_window.QFileDialog.getOpenFileNames", pick)
    with qtbot.waitSignal(window.importer.done, timeout=20_000):
        window.choose_import()
    window.choose_import()  # cancelled: nothing imported twice
    assert offered == [str(Path.home()), str(downloads)]
    assert window.settings.last_import_dir == str(downloads)
    assert len(titles(window)) == 1


def test_the_summary_says_what_a_duplicate_filled_in() -> None:
    filled = ImportOutcome(
        "/tmp/odesa.html", ImportStatus.DUPLICATE, 1, "Odesa port to reopen",
        "Already in the project as article 1. Filled in its publisher from this copy.",
        filled=("publisher",), note="Filled in its publisher from this copy.",
    )  # fmt: skip
    plain = ImportOutcome("/tmp/copy.txt", ImportStatus.DUPLICATE, 1, "Odesa port to reopen",
                          "Already in the project as article 1.")  # fmt: skip
    _summary, details = describe(ImportReport([filled, plain]))
    assert details.splitlines() == [  # no article listed to name it by: its number
        "Already in the project: odesa.html — Odesa port to reopen (article 1)",
        "    Filled in its publisher from this copy.",
        "Already in the project: copy.txt — Odesa port to reopen (article 1)",
    ]


def test_the_summary_names_which_copy_a_duplicate_matched(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    """Two articles of one title (the saved page and the Word file): a file already in the
    project is named with the copy it matched, as the Library names it, on one line."""
    likeness = DATA.parent / "likeness"
    title = "Varna reopens grain terminal after three-month closure"
    window.importer.show_summary = False
    with qtbot.waitSignal(window.importer.done, timeout=20_000):
        assert window.import_paths([likeness / "varna-web.html", likeness / "varna.docx"])
    window.importer.show_summary = True
    with qtbot.waitSignal(window.importer.done, timeout=20_000):
        assert window.import_paths([likeness / "varna.docx", DATA / "harbour-deal.txt"])
    summary = window.findChild(QMessageBox)
    assert summary is not None
    assert summary.informativeText().splitlines()[0] == (
        f"Already in the project: varna.docx — {title} \u2014 Word"
    )
    assert f"{title} \u2014 Word" in window.library_panel.titles()
    # A title of its own needs nothing more.
    report = window.session.import_all([DATA / "harbour-deal.txt"])
    _summary, details = describe(report, window.session.query.list_articles())
    assert details == (
        "Already in the project: harbour-deal.txt — "
        "Port Authority Signs Harbour Expansion Deal With Northland"
    )
    window.close()


def test_a_near_copy_is_named_in_the_summary_and_the_library_tells_the_copies_apart(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    likeness = DATA.parent / "likeness"
    title = "Varna reopens grain terminal after three-month closure"
    window.resize(1300, 700)
    window.read_split.setSizes([700, 600])
    with qtbot.waitSignal(window.importer.done, timeout=20_000):
        assert window.import_paths([likeness / "varna-web.html", likeness / "varna.docx"])
    summary = window.findChild(QMessageBox)
    assert summary is not None
    assert summary.text().startswith("2 imported (1 much like an article already there)")
    assert summary.informativeText().splitlines()[-2:] == [
        f"Imported: varna.docx — {title}",
        f"    Much like “{title}” (article 1), already in the project: 97% of this text is in it.",
    ]

    library = window.library_panel
    qtbot.waitUntil(lambda: not library.view.isColumnHidden(FORMAT))
    library.view.sortByColumn(FORMAT, Qt.SortOrder.DescendingOrder)
    rows = [[library.proxy.index(r, c).data() for c in (0, FORMAT)] for r in range(2)]
    # Same title: each says which copy it is, for when the Format column is out of sight.
    assert rows == [[f"{title} \u2014 Word", "Word"], [f"{title} \u2014 HTML", "HTML"]]
    tips = [library.proxy.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(2)]
    assert "\nWord file: varna.docx" in tips[0] and "\nHTML file: varna-web.html" in tips[1]
    qtbot.keyClicks(library.filter, "word")  # the filter matches titles, not formats
    assert library.count() == 0
    library.filter.setText("Varna")
    assert library.count() == 2


def test_a_paste_of_part_of_an_article_already_there_says_so(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    story = Path(__file__).parent.parent / "data" / "likeness" / "speech-feature.txt"
    window.session.import_all([story])
    paragraphs = [p for p in story.read_text(encoding="utf-8").split("\n\n") if len(p) > 150]
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("\n\n".join(paragraphs[1:3]))
    paste(qtbot, window)
    assert window.library_panel.count() == 2
    message = window.statusBar().currentMessage()
    assert message.startswith("Pasted as a new article: ")
    assert "Part of “" in message and "(article 1), already in the project" in message
    window.close()
    clipboard.clear()


def test_a_paste_much_like_an_article_already_there_says_so(
    qtbot: QtBot, window: ProjectWindow
) -> None:
    story = Path(__file__).parent.parent / "data" / "likeness" / "smelter-herald.txt"
    window.session.import_all([story])
    text = story.read_text(encoding="utf-8")
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text + "\n\nThe union will put the deal to its members on Monday.")
    paste(qtbot, window)
    assert window.library_panel.count() == 2  # imported: the analyst chose to paste it
    message = window.statusBar().currentMessage()
    assert message.startswith("Pasted as a new article: ")
    assert "Much like “" in message and "(article 1), already in the project" in message
    window.close()
    clipboard.clear()
