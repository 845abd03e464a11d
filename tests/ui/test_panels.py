"""Themes and Passages panels: models stay consistent under real edits; the panels act."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from briefer.core.model import Article, Block, BlockKind, Theme
from briefer.session import (
    AddThemeCommand,
    Command,
    DeleteArticleCommand,
    DeleteThemeCommand,
    ReorderThemesCommand,
    Session,
    TagPassageCommand,
    UpdateThemeCommand,
)
from briefer.ui.common.rows import ID_ROLE
from briefer.ui.library.model import LibraryModel
from briefer.ui.passages.model import PassagesModel
from briefer.ui.shell.project_window import ProjectWindow
from briefer.ui.themes.model import ThemesModel
from tests.private_store import store_of

TEXT = "Oil imports rose sharply in March.\n\nThe navy ordered two frigates from a local yard."


@pytest.fixture
def session(tmp_path: Path) -> Session:
    s = Session.create(tmp_path / "panels.briefer")
    store_of(s).add_article(
        Article(
            "Ports and oil",
            TEXT,
            (Block(BlockKind.PARAGRAPH, 0, 34), Block(BlockKind.PARAGRAPH, 36, len(TEXT))),
        )
    )
    yield s
    s.close()


def theme_id(session: Session, name: str) -> int:
    theme = session.theme_named(name)
    assert theme is not None and theme.id is not None
    return theme.id


class RowsSeenByAView:
    """Counts rows only from the model's signals, as a view does; must match rowCount()."""

    def __init__(self, model: ThemesModel | PassagesModel) -> None:
        self.model = model
        self.count = model.rowCount()
        model.rowsInserted.connect(lambda _p, first, last: self._add(last - first + 1))
        model.rowsRemoved.connect(lambda _p, first, last: self._add(first - last - 1))
        model.modelReset.connect(lambda: setattr(self, "count", model.rowCount()))

    def _add(self, n: int) -> None:
        self.count += n

    def agrees(self) -> bool:
        return self.count == self.model.rowCount()


def column(model: ThemesModel | PassagesModel, col: int) -> list[object]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_models_follow_every_kind_of_edit(qtbot: QtBot, session: Session) -> None:
    themes, passages = ThemesModel(session), PassagesModel(session)
    fatal = QAbstractItemModelTester.FailureReportingMode.Fatal
    testers = [QAbstractItemModelTester(m, fatal) for m in (themes, passages)]  # watch every edit
    session.subscribe(themes.apply_changes)
    session.subscribe(passages.apply_changes)
    seen = [RowsSeenByAView(themes), RowsSeenByAView(passages)]

    def do(command: Command) -> None:
        session.do(command)
        for tracker in seen:
            assert_agrees(tracker)

    energy, defence = theme_id(session, "Energy"), theme_id(session, "Defence")

    do(TagPassageCommand(1, 0, 11, [energy]))
    do(TagPassageCommand(1, 40, 70, [defence, energy]))
    assert column(passages, 0) == ["Oil imports", TEXT[40:70]]
    assert column(passages, 1) == ["Energy", "Defence, Energy"]
    assert dict(zip(column(themes, 0), column(themes, 2), strict=True))["Energy"] == 2

    do(UpdateThemeCommand(energy, name="Oil & gas"))
    assert "Oil & gas" in column(themes, 0)
    assert column(passages, 1) == ["Oil & gas", "Defence, Oil & gas"]

    do(AddThemeCommand(Theme("Ports", "#123456", "7")))
    assert column(themes, 0)[-1] == "Ports"
    do(ReorderThemesCommand([t.id for t in reversed(session.query.list_themes())]))
    assert column(themes, 0)[0] == "Ports"

    do(DeleteThemeCommand(defence))
    assert "Defence" not in column(themes, 0)
    assert column(passages, 1) == ["Oil & gas", "Oil & gas"]
    for _ in range(6):
        session.undo()
        for tracker in seen:
            assert_agrees(tracker)
    assert column(passages, 0) == []
    assert column(themes, 0)[:2] == ["Trade", "Defence"]
    assert len(testers) == 2


def assert_agrees(seen: RowsSeenByAView) -> None:
    assert seen.agrees(), f"{type(seen.model).__name__} changed rows without telling its views"


def select(window: ProjectWindow, start: int, end: int) -> None:
    cursor = window.reader.textCursor()
    cursor.setPosition(window.reader.canonical_to_doc(start))
    cursor.setPosition(window.reader.canonical_to_doc(end), QTextCursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)


def test_click_a_theme_to_tag_and_double_click_a_passage_to_open_it(
    qtbot: QtBot, session: Session
) -> None:
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    window.show()
    themes_view = window.findChild(type(window.themes_panel.view), "themes")
    assert themes_view is window.themes_panel.view
    assert (
        window.findChild(type(window.passages_panel.view), "passages") is window.passages_panel.view
    )

    select(window, TEXT.index("navy"), TEXT.index("navy") + 4)
    defence_row = column(window.themes_model, 0).index("Defence")
    rect = themes_view.visualRect(window.themes_model.index(defence_row, 0))
    qtbot.mouseClick(themes_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [p.text for p in session.query.list_passages()] == ["navy"]
    assert window.passages_model.rowCount() == 1

    window.reader.moveCursor(QTextCursor.MoveOperation.Start)
    view = window.passages_panel.view
    index = view.model().index(0, 0)
    view.doubleClicked.emit(index)
    offset = window.reader.cursor_offset()
    assert offset is not None and TEXT.index("navy") <= offset <= TEXT.index("navy") + 4


def test_passages_filter_by_text_and_theme(qtbot: QtBot, session: Session) -> None:
    energy, defence = theme_id(session, "Energy"), theme_id(session, "Defence")
    session.do(TagPassageCommand(1, 0, 11, [energy]))
    session.do(TagPassageCommand(1, 40, 70, [defence]))
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    panel = window.passages_panel

    def shown() -> list[str]:
        proxy = panel.view.model()
        return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]

    assert len(shown()) == 2
    panel.search.setText("FRIGATES")
    assert shown() == [TEXT[40:70]]
    panel.search.setText("")
    panel.theme_filter.setCurrentIndex(panel.theme_filter.findData(energy))
    assert shown() == ["Oil imports"]
    panel.search.setText("navy")
    assert shown() == []
    ids = [
        panel.view.model().index(r, 0).data(ID_ROLE) for r in range(panel.view.model().rowCount())
    ]
    assert ids == []


def test_passages_start_in_reading_order(qtbot: QtBot, session: Session) -> None:
    energy = theme_id(session, "Energy")
    session.do(TagPassageCommand(1, 40, 70, [energy]))
    session.do(TagPassageCommand(1, 0, 11, [energy]))
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    proxy = window.passages_panel.view.model()
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == [
        "Oil imports",
        TEXT[40:70],
    ]


def test_library_filters_sorts_and_counts_passages(qtbot: QtBot, session: Session) -> None:
    for title, publisher in (
        ("Zinc prices fall", "Metal Bulletin"),
        ("Arctic route opens", "Polar Post"),
    ):
        text = f"{title}. More words follow here."
        store_of(session).add_article(
            Article(title, text, (Block(BlockKind.PARAGRAPH, 0, len(text)),), publisher=publisher)
        )
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    library = window.library_panel
    seen = RowsSeenByAView(window.library_model)
    assert library.titles() == ["Ports and oil", "Zinc prices fall", "Arctic route opens"]

    library.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert library.titles() == ["Arctic route opens", "Ports and oil", "Zinc prices fall"]
    qtbot.keyClicks(library.filter, "polar")  # matches the publisher column too
    assert library.titles() == ["Arctic route opens"]
    library.filter.clear()

    session.do(TagPassageCommand(1, 0, 11, [theme_id(session, "Energy")]))
    row = library.titles().index("Ports and oil")
    assert library.proxy.index(row, 3).data() == 1
    session.do(DeleteArticleCommand(1))
    assert "Ports and oil" not in library.titles() and seen.agrees()
    session.undo()
    assert "Ports and oil" in library.titles() and seen.agrees()


def test_a_narrow_library_keeps_titles_readable_and_names_the_rest_in_the_tooltip(
    qtbot: QtBot, session: Session
) -> None:
    text = "Grain exports rose. More words follow here."
    store_of(session).add_article(
        Article(
            "Grain corridor reopens after talks",
            text,
            (Block(BlockKind.PARAGRAPH, 0, len(text)),),
            publisher="Harbour Times",
            published=dt.date(2025, 12, 4),
        )
    )
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    library, view = window.library_panel, window.library_panel.view
    window.resize(1100, 700)
    window.show()
    window.read_split.setSizes([190, 900])  # a laptop's first layout
    qtbot.waitUntil(lambda: view.isColumnHidden(1))
    assert [view.isColumnHidden(c) for c in (1, 2, 3)] == [True, True, True]
    assert view.columnWidth(0) >= 120 and view.horizontalScrollBar().maximum() == 0
    row = library.titles().index("Grain corridor reopens after talks")
    tip = library.proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Harbour Times" in tip and "2025-12-04" in tip
    window.read_split.setSizes([280, 810])  # widened: the passage count comes back first
    qtbot.waitUntil(lambda: not view.isColumnHidden(3))
    assert [view.isColumnHidden(c) for c in (1, 2, 3)] == [True, True, False]
    window.read_split.setSizes([700, 390])
    qtbot.waitUntil(lambda: not view.isColumnHidden(1))
    assert not any(view.isColumnHidden(c) for c in (1, 2, 3))


def test_a_narrow_library_sorts_by_date_from_the_view_menu_and_its_header(
    qtbot: QtBot, session: Session
) -> None:
    """Only the Title column in sight: View > Sort Articles By (and a right-click on the
    header, the same menu) still sorts by date or publisher, and back to import order."""
    for title, day in (("Zinc prices fall", 3), ("Arctic route opens", 9)):
        text = f"{title}. More words follow here."
        store_of(session).add_article(Article(
            title, text, (Block(BlockKind.PARAGRAPH, 0, len(text)),),
            published=dt.date(2025, 12, day),
        ))  # fmt: skip
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    library, view = window.library_panel, window.library_panel.view
    window.resize(1100, 700)
    window.show()
    window.read_split.setSizes([190, 900])
    qtbot.waitUntil(lambda: view.isColumnHidden(2))
    imported = ["Ports and oil", "Zinc prices fall", "Arctic route opens"]
    assert library.titles() == imported

    view_menu = window.menu_actions.view_menu
    (sort,) = [a.menu() for a in view_menu.actions() if a.text() == "S&ort Articles By"]
    assert sort is library.sort_menu
    choices = {a.text(): a for a in sort.actions() if a.text()}
    assert list(choices) == ["&Title", "&Publisher", "&Date, Newest First",
                             "Passages, &Most First", "&Format", "&Import Order"]  # fmt: skip
    choices["&Date, Newest First"].trigger()
    assert library.titles() == ["Arctic route opens", "Zinc prices fall", "Ports and oil"]
    sort.aboutToShow.emit()
    assert [a.text() for a in sort.actions() if a.isChecked()] == ["&Date, Newest First"]
    choices["&Import Order"].trigger()
    assert library.titles() == imported
    sort.aboutToShow.emit()
    assert [a.text() for a in sort.actions() if a.isChecked()] == ["&Import Order"]

    header = view.horizontalHeader()  # the header's right-click opens the same menu
    assert header.contextMenuPolicy() is Qt.ContextMenuPolicy.CustomContextMenu
    header.customContextMenuRequested.emit(QPoint(5, 5))
    qtbot.waitUntil(sort.isVisible)
    sort.close()
    window.close()


def test_two_copies_of_one_story_read_apart_in_a_narrow_library(
    qtbot: QtBot, session: Session
) -> None:
    """The same story saved as a page and as a Word file: with the Title column alone in
    sight, each title says which copy it is; a title of its own says nothing more."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from briefer.session import ArticleDetails, EditArticleDetailsCommand

    story = "Grain corridor reopens after talks"
    text = "Grain exports rose. More words follow here."
    for fmt, name in (("html", "grain.html"), ("docx", "grain.docx")):
        store_of(session).add_article(
            Article(story, text, (Block(BlockKind.PARAGRAPH, 0, len(text)),),
                    source_format=fmt, source_name=name)
        )  # fmt: skip
    window = ProjectWindow(session)
    qtbot.addWidget(window)
    library, view = window.library_panel, window.library_panel.view
    QAbstractItemModelTester(
        window.library_model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    window.resize(1100, 700)
    window.show()
    window.read_split.setSizes([190, 900])
    qtbot.waitUntil(lambda: view.isColumnHidden(4))
    assert library.titles() == ["Ports and oil", f"{story} \u2014 HTML", f"{story} \u2014 Word"]

    # Cut to the column, the title gives way and the suffix stays in sight.
    shown = []
    for row in (1, 2):
        option = QStyleOptionViewItem()
        option.rect = view.visualRect(library.proxy.index(row, 0))
        option.widget = view
        library.title_delegate.initStyleOption(option, library.proxy.index(row, 0))
        shown.append(option.text)
    assert shown[0].endswith("\u2014 HTML") and shown[1].endswith("\u2014 Word"), shown
    assert all("…" in text for text in shown), shown

    qtbot.keyClicks(library.filter, "word")  # the real title: no "— Word" matches
    assert library.titles() == []
    library.filter.clear()
    library.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [t.split(" \u2014 ")[0] for t in library.titles()] == [story, story, "Ports and oil"]

    second = window.session.query.list_articles()[2]
    session.do(EditArticleDetailsCommand(second.id, ArticleDetails("Grain corridor: Word copy")))
    assert set(library.titles()) == {"Grain corridor: Word copy", story, "Ports and oil"}
    session.undo()
    assert f"{story} \u2014 Word" in library.titles()
    session.do(DeleteArticleCommand(second.id))
    assert sorted(library.titles()) == [story, "Ports and oil"]


def test_library_model_passes_the_model_tester_under_real_edits(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    library = LibraryModel(session)
    QAbstractItemModelTester(library, QAbstractItemModelTester.FailureReportingMode.Fatal)
    session.subscribe(library.apply_changes)
    seen = RowsSeenByAView(library)  # type: ignore[arg-type]
    energy = theme_id(session, "Energy")
    first = library.index(0, 0).data(ID_ROLE)

    source = tmp_path / "second.txt"
    source.write_text("Grain corridor reopens\n\nShips left the port on Monday.", encoding="utf-8")
    report = session.import_all([source])
    assert report.outcomes[0].article_id is not None
    assert library.rowCount() == 2 and seen.agrees()

    session.do(TagPassageCommand(first, 0, 11, [energy]))
    counts = {library.index(r, 0).data(ID_ROLE): library.index(r, 3).data() for r in range(2)}
    assert counts[first] in (1, "1")

    session.do(DeleteArticleCommand(first))
    assert library.rowCount() == 1 and seen.agrees()
    session.undo()
    assert library.rowCount() == 2 and seen.agrees()
    session.undo()
    assert library.rowCount() == 2 and seen.agrees()


def test_passage_filter_proxy_passes_the_model_tester_while_filtering(
    qtbot: QtBot, session: Session
) -> None:
    from briefer.ui.passages.panel import PassageFilter

    passages = PassagesModel(session)
    session.subscribe(passages.apply_changes)
    proxy = PassageFilter()
    proxy.setSourceModel(passages)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    energy, defence = theme_id(session, "Energy"), theme_id(session, "Defence")
    session.do(TagPassageCommand(1, 0, 11, [energy]))
    session.do(TagPassageCommand(1, 40, 70, [defence]))
    proxy.set_criteria("", defence)
    assert proxy.rowCount() == 1
    proxy.set_criteria("imports", None)
    assert proxy.rowCount() == 1
    session.do(TagPassageCommand(1, 12, 19, [energy]))
    proxy.set_criteria("", None)
    assert proxy.rowCount() == 3
    session.undo()
    assert proxy.rowCount() == 2


def test_copies_alike_in_all_but_their_number_say_it_and_times_are_local(
    qtbot: QtBot, session: Session
) -> None:
    """Two pastes of one story a minute apart share format, name and time: their numbers
    tell them apart. Same-named files of one format say when each came, in local time."""
    story, text = "Grain corridor reopens", "Grain exports rose. More words follow here."
    at = dt.datetime(2026, 12, 2, 23, 30, tzinfo=dt.UTC)
    ids = [
        store_of(session).add_article(
            Article(
                story,
                text + " " * n,
                (Block(BlockKind.PARAGRAPH, 0, len(text)),),
                source_format=fmt,
                source_name=name,
                imported_at=when,
            )
        )
        for n, (fmt, name, when) in enumerate(
            [
                ("paste", "Pasted text", at),
                ("paste", "Pasted text", at),
                ("html", "story.html", at),
                ("html", "story.html", at + dt.timedelta(hours=1)),
            ]
        )
    ]
    library = LibraryModel(session)
    shown = {
        library.data(library.index(row, 0), ID_ROLE): library.data(library.index(row, 0))
        for row in range(library.rowCount())
    }
    local = at.astimezone()
    pasted = f"{story} \u2014 Pasted, imported {local:%Y-%m-%d %H:%M}"
    assert shown[ids[0]] == f"{pasted}, article {ids[0]}"
    assert shown[ids[1]] == f"{pasted}, article {ids[1]}"
    assert shown[ids[2]] == f"{story} \u2014 HTML, imported {local:%Y-%m-%d %H:%M}"
    later = (at + dt.timedelta(hours=1)).astimezone()
    assert shown[ids[3]] == f"{story} \u2014 HTML, imported {later:%Y-%m-%d %H:%M}"
