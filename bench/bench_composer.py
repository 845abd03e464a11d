"""Composer figures (issue 13 targets), printed, not asserted, on a note with 320 quotations.

The note's first section holds all 320 block quotations (the worst case for the
page view: 320 chips, 320 quotation blocks) among headings, prose, a list and a
key-figures table. Measured: a keystroke in the page view (to the repaint),
opening the note in the Composer, and switching between Read and Tag and
Compose. The Markdown source view's keystroke is printed for comparison.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

QUOTATIONS = 320


def row(name: str, seconds: float, target_ms: float | None) -> None:
    ms = seconds * 1000
    if target_ms is None:
        print(f"  {name:52} {ms:8.1f} ms")
        return
    mark = "ok" if ms < target_ms else "MISSED"
    print(f"  {name:52} {ms:8.1f} ms   target < {target_ms:.0f} ms  {mark}")


def build(path: Path) -> int:
    """A project of 40 generated articles, 320 passages, and the note quoting them all."""
    from gen_project import make_article

    from briefer.core.anchoring import quote_at
    from briefer.core.citations import quotation_markdown
    from briefer.core.model import Note, Original, Passage, Section
    from briefer.session import AddNoteCommand, Session
    from briefer.store import Project

    rng = random.Random(7)
    Session.create(path, title="Composer benchmark").close()
    with Project.open(path) as project, project.transaction():
        theme = next(t.id for t in project.list_themes() if t.id is not None)
        texts = []
        for index in range(40):
            article = make_article(rng, index, 900)
            original = Original(f"a{index}.html", "text/html", article.text.encode())
            texts.append((project.add_article(article, original), article.text))
        for _ in range(QUOTATIONS):
            article_id, text = rng.choice(texts)
            start = rng.randrange(0, len(text) - 300)
            quote = quote_at(text, (start, start + rng.randint(60, 260)))
            project.add_passage(
                Passage(article_id, start, start + len(quote.exact), quote.exact, quote.prefix,
                        quote.suffix, (theme,))
            )  # fmt: skip
    with Session.open(path) as session:
        passages = session.query.list_passages()
        parts = ["## Where things stand", "The talks moved **faster** than *expected*."]
        for n, passage in enumerate(passages[:QUOTATIONS]):
            assert passage.id is not None
            if n % 40 == 0:
                parts.append(f"### Strand {n // 40 + 1}")
                parts.append("- one point\n- another point\n- a third")
            parts.append(quotation_markdown(passage.text, passage.id))
            if n % 10 == 0:
                parts.append("What this means for the **ports** is *unclear*.")
        parts.append("| Figures | Context | Source |\n| --- | --- | --- |\n| 5% | rose | [@p1] |")
        body = "\n\n".join(parts)
        big = Note("Quoted brief", sections=(Section("Evidence", body), Section("Outlook", "")))
        session.do(AddNoteCommand(big))
        # The window opens the last note: the small one, so the first open below is cold.
        session.do(AddNoteCommand(Note("Small", sections=(Section("One", "A line."),))))
        return next(n.id or 0 for n in session.query.list_notes() if n.title == "Quoted brief")


def timed(action: Callable[[], object], app: object) -> float:
    started = time.perf_counter()
    action()
    app.processEvents()  # type: ignore[attr-defined]
    return time.perf_counter() - started


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit

    from briefer.session import Session
    from briefer.ui.shell.project_window import ProjectWindow

    print(f"composer benchmark (a note with {QUOTATIONS} quotations in one section)")
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BRIEFER_HOME"] = str(Path(tmp) / "home")
        path = Path(tmp) / "composer.briefer"
        note_id = build(path)
        window = ProjectWindow(Session.open(path))
        window.resize(1366, 768)
        window.show()
        app.processEvents()
        composer = window.composer
        window.show_composer()
        small = next(n.id for n in window.session.query.list_notes() if n.title == "Small")
        assert composer.current_note_id() == small

        def open_note() -> None:
            composer.show_note(note_id)

        row("open the note in the Composer, first time", timed(open_note, app), 300)
        opens = []
        for _ in range(5):
            composer.show_note(small)
            app.processEvents()
            opens.append(timed(open_note, app))
        row("open it again (median of 5)", statistics.median(opens), 300)
        row("  worst of 5", max(opens), None)
        asking = timed(composer._update_status, app)
        row("  then asking for the page count (GUI thread)", asking, None)
        started = time.perf_counter()
        while composer.page_count.busy:  # counted on the Composer's worker thread
            app.processEvents()
            time.sleep(0.002)
        row("  the count itself, on its worker thread", time.perf_counter() - started, None)
        row("  and the preview of the whole note", timed(composer.preview.refresh, app), None)

        shown: tuple[tuple[str, QTextEdit | QPlainTextEdit | None], ...] = (
            ("page view", composer.editor),
            ("Markdown source", None),
        )
        for label, editor in shown:
            if editor is None:
                composer.show_source(True)
                app.processEvents()
                editor = composer.source_editor
            editor.setFocus()
            cursor = editor.textCursor()
            cursor.setPosition(editor.document().characterCount() // 2)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            editor.setTextCursor(cursor)
            app.processEvents()
            keys = []
            for ch in "and the ports grew fast":
                keys.append(timed(partial(QTest.keyClicks, editor, ch), app))
                editor.viewport().repaint()
            target = 16 if label == "page view" else None
            row(f"keystroke in the {label} (median)", statistics.median(keys), target)
            row(f"  worst of {len(keys)}", max(keys), None)
            row(f"  save after the pause ({label})", timed(composer.flush, app), None)
        composer.show_source(False)
        app.processEvents()

        switches = []
        for _ in range(5):
            switches.append(timed(window.show_reader, app))
            switches.append(timed(window.show_composer, app))
        row("switch Read and Tag <-> Compose (median)", statistics.median(switches), 100)
        row("  worst of 10", max(switches), None)
        QTest.keyClick(composer.editor, Qt.Key.Key_End)
        window.close()


if __name__ == "__main__":
    main()
