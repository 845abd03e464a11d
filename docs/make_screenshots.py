"""`make screenshots`: render Briefer's main views to docs/screenshots/ for the README.

Builds a real project from resources/samples through the session (import,
tag), then grabs each view on Qt's offscreen platform, so the pictures show
exactly what the code draws today.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QPainter, QPixmap, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget  # noqa: E402

from briefer.core.typed_words import find_words  # noqa: E402
from briefer.session import (  # noqa: E402
    EditSectionBodyCommand,
    Session,
    TagPassageCommand,
    UpdateThemeCommand,
    load_templates,
)
from briefer.settings import resolve_paths  # noqa: E402
from briefer.ui.common.style import apply_appearance  # noqa: E402
from briefer.ui.notes.dialogs import DraftDialog  # noqa: E402
from briefer.ui.notes.problems_dialog import ProblemsDialog  # noqa: E402
from briefer.ui.shell.project_window import ProjectWindow  # noqa: E402
from briefer.ui.shell.welcome import WelcomeView  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SAMPLES = ROOT / "resources" / "samples"
TAGS = [
    ("double bilateral trade to $40 billion by the end of the decade", ["Trade"]),
    (
        "Northland will cut tariffs on Eastmark machinery from 12% to 5% from 1 July",
        ["Trade", "Sanctions & tariffs"],
    ),
    ("a 25-year supply agreement for liquefied natural gas, worth about $12 billion", ["Energy"]),
    ("supply agreement for liquefied natural gas", ["Trade"]),
    ("Eastmark will lease two frigates to Northland for five years", ["Defence"]),
    (
        "up to 20,000 skilled professionals from Northland work in Eastmark's hospitals",
        ["Mobility"],
    ),
]


def build_project(folder: Path) -> Session:
    session = Session.create(folder / "Eastmark brief.briefer", title="Eastmark brief")
    session.import_all(sorted(SAMPLES.glob("*.txt")))
    article = next(a for a in session.query.list_articles() if a.title.startswith("Eastmark"))
    text = session.query.get_article(article.id).text
    for words, themes in TAGS:
        span = find_words(text, words)
        assert span is not None, words
        ids = [session.theme_named(name).id for name in themes]  # type: ignore[union-attr]
        session.do(TagPassageCommand(article.id, span[0], span[1], ids))
    return session


def save(pixmap: QPixmap, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    pixmap.save(str(OUT / name))
    print(f"wrote {OUT / name}")


def settle(app: QApplication, widget: QWidget) -> None:
    widget.show()
    for _ in range(5):
        app.processEvents()


def shoot_composing(app: QApplication, window: ProjectWindow) -> None:
    """The New Note dialog, the Composer on a drafted note, key figures and the export check."""
    session = window.session
    project = session.query
    window.settings.author = "A. Analyst"
    dialog = DraftDialog(
        load_templates().templates, project.list_themes(), project.theme_passage_counts(),
        default_template="Briefing note", author="A. Analyst", marking="OFFICIAL", parent=window,
    )  # fmt: skip
    dialog.title.setText("Eastmark–Northland pact")
    settle(app, dialog)
    save(dialog.grab(), "new-note.png")
    assert window.note_actions.draft_from(dialog)
    dialog.close()
    for name in ("passagesDock", "searchDock"):
        dock = window.findChild(QDockWidget, name)
        if dock is not None:
            dock.hide()
    composer = window.composer
    headings = [s.heading for s in project.get_note(composer.current_note_id() or 0).sections]
    composer.outline.setCurrentIndex(composer.outline_model.index(headings.index("Trade")))
    composer.editor.moveCursor(QTextCursor.MoveOperation.Start)
    composer.editor.insert_block("Both sides want **more trade**, led by energy.")
    composer.flush()
    settle(app, window)
    save(window.grab(), "composer.png")

    window.note_actions.key_figures()
    figures = window.note_actions.dialog
    assert figures is not None
    settle(app, figures)
    save(figures.grab(), "key-figures.png")
    figures.close()

    note_id = composer.current_note_id() or 0
    job = window.note_actions.exporter.prepare(note_id)
    assert job is not None
    trade = next(s for s in job.note.sections if s.heading == "Trade")
    assert trade.id is not None
    session.do(EditSectionBodyCommand(note_id, trade.id, trade.body.replace("$40", "$45")))
    job = window.note_actions.exporter.prepare(note_id)
    assert job is not None
    check = ProblemsDialog(job.problems, window, exporting=True)
    settle(app, check)
    save(check.grab(), "export-check.png")
    check.close()


# Laptop screens, at 100% scaling, whose names the README shows.
LAPTOP_SIZES = ((1366, 768), (1280, 720))


def shoot_laptops(app: QApplication, window: ProjectWindow, article_id: int) -> None:
    """Read and Tag and Compose at each laptop size, in the default layout for that size."""
    for width, height in LAPTOP_SIZES:
        window.resize(width, height)
        window.show_reader()
        window.reset_layout()
        window.library_panel.select_id(article_id)
        passage = window.session.query.list_passages()[1]
        window.reader.select_passage(passage.id or 0)
        settle(app, window)
        save(window.grab(), f"main-window-{width}x{height}.png")
        window.show_composer()
        window.reset_layout()
        settle(app, window)
        save(window.grab(), f"composer-{width}x{height}.png")


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_appearance(app, "light")  # what the app shows by default on a light desktop
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BRIEFER_HOME"] = str(Path(tmp) / "home")
        session = build_project(Path(tmp))
        path = session.path

        recent = [str(path), str(Path(tmp) / "Grain corridor.briefer")]
        welcome = WelcomeView(recent, print, print, lambda: None)
        settle(app, welcome)
        save(welcome.grab(), "welcome.png")
        welcome.close()

        window = ProjectWindow(session, paths=resolve_paths())
        window.resize(1440, 900)
        settle(app, window)
        article = next(a for a in session.query.list_articles() if a.title.startswith("Eastmark"))
        window.library_panel.select_id(article.id)
        passage = session.query.list_passages()[1]
        window.reader.select_passage(passage.id or 0)
        settle(app, window)
        save(window.grab(), "main-window.png")

        trade = session.theme_named("Trade")
        assert trade is not None
        menu = window.theme_menu(trade.id)
        menu.popup(window.mapToGlobal(QPoint(120, 140)))
        settle(app, menu)
        composite = window.grab()
        painter = QPainter(composite)
        painter.drawPixmap(QPoint(120, 140), menu.grab())
        painter.end()
        menu.close()
        save(composite, "themes-menu.png")

        energy = session.theme_named("Energy")
        assert energy is not None and energy.id is not None
        session.do(UpdateThemeCommand(energy.id, parent_id=trade.id))
        themes = window.manage_themes()
        themes.list.setCurrentRow(3)
        settle(app, themes)
        save(themes.grab(), "themes-dialog.png")
        themes.close()
        session.undo()

        passages_dock = window.findChild(QDockWidget, "passagesDock")
        assert passages_dock is not None
        passages_dock.raise_()
        panel = window.passages_panel
        panel.theme_filter.setCurrentIndex(panel.theme_filter.findText("Trade"))
        settle(app, window)
        save(window.grab(), "passages.png")

        window.show_search()
        window.search_panel.query.setText("gas")
        window.search_panel.run()
        settle(app, window)
        save(window.grab(), "search.png")
        shoot_composing(app, window)
        shoot_laptops(app, window, article.id)
        window.close()


if __name__ == "__main__":
    main()
