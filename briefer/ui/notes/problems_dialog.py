"""What the pre-export check found, one line each, before anything is written.

Blocking problems (a changed quotation, a deleted source) come first with
an error icon; missing dates or publishers are warnings. Activating a line
that names a passage opens it in the Reader, where it can be checked; "Go to"
takes the analyst to the section and the footnote the line names, in the Composer;
"Source Details…" (or activating a source's line) opens the article's details, where
a missing date or publisher is put right.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefer.core.integrity import Problem
from briefer.ui.common.screens import bounded_size

PASSAGE_ROLE = Qt.ItemDataRole.UserRole + 1
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 3
OCCURRENCE_ROLE = Qt.ItemDataRole.UserRole + 4
"""The article of a line about a source itself (no date, no publisher), else None."""


class _ProblemList(QListWidget):
    """Enter opens the current line and goes no further: a list view passes the key on
    to the dialog's default button, which in the export check would write the note
    over the very problem the analyst meant to look at."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.currentItem()
            if item is not None:
                self.itemActivated.emit(item)
            event.accept()
            return
        super().keyPressEvent(event)


class ProblemsDialog(QDialog):
    passageActivated = Signal(int)
    placeActivated = Signal(int, int, int)  # section, passage (-1: none), which citation of it
    sourceActivated = Signal(int)  # article_id: its details, to fill in what is missing

    def __init__(
        self, problems: Sequence[Problem], parent: QWidget | None = None, *, exporting: bool
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check the note before export" if exporting else "Check Note")
        self.setObjectName("problemsDialog")
        ordered = sorted(problems, key=lambda p: not p.blocking)
        blocking = sum(p.blocking for p in ordered)
        if not ordered:
            summary = (
                "No problems: every quotation matches its source, and every source is complete."
            )
        elif blocking:
            summary = (
                f"{blocking} problem{'s' if blocking != 1 else ''} would mislead a reader. "
                f"Fix {'them' if blocking != 1 else 'it'} (Go to shows the place in the note; "
                "double-click shows the passage), "
                "or export anyway."
                if exporting
                else f"{blocking} problem{'s' if blocking != 1 else ''} to fix before export."
            )
        else:
            summary = "Only warnings: the note can go out, but a reader may want these details."
        heading = QLabel(summary)
        heading.setWordWrap(True)
        self.list = _ProblemList()
        self.list.setAccessibleName("Problems found")
        self.list.setWordWrap(True)
        style = self.style()
        for problem in ordered:
            icon = style.standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if problem.blocking
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            item = QListWidgetItem(icon, problem.message)
            item.setData(PASSAGE_ROLE, problem.passage_id)
            item.setData(SECTION_ROLE, problem.section_id)
            item.setData(OCCURRENCE_ROLE, problem.occurrence)
            about_source = problem.passage_id is None and problem.article_id is not None
            item.setData(SOURCE_ROLE, problem.article_id if about_source else None)
            if problem.footnote is not None:
                item.setToolTip(f"Go to footnote {problem.footnote} in the Composer")
            self.list.addItem(item)
        self.list.itemActivated.connect(self._open)
        buttons = QDialogButtonBox()
        self.go_button = buttons.addButton("&Go to", QDialogButtonBox.ButtonRole.ActionRole)
        self.go_button.setToolTip("Show this place in the Composer: the section and the footnote")
        self.go_button.clicked.connect(self._go)
        self.passage_button = buttons.addButton(
            "Open &Passage", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.passage_button.setToolTip("Show the quoted passage in its article")
        self.passage_button.clicked.connect(self._open_passage)
        self.source_button = buttons.addButton(
            "Source &Details…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.source_button.setToolTip("Fill in the source's missing date or publisher")
        self.source_button.clicked.connect(self._open_source)
        for button in (self.go_button, self.passage_button, self.source_button):
            button.setAutoDefault(False)  # Enter on a line opens that line, nothing else
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        if exporting:
            # The check comes before the file is chosen: the button goes on to that choice.
            go = buttons.addButton("Export &Anyway…", QDialogButtonBox.ButtonRole.AcceptRole)
            go.setAutoDefault(False)  # writing over a problem takes a deliberate press
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if ordered:
            layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(bounded_size(self, 620, 360 if ordered else 120))
        if ordered:
            self.list.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        item = self.list.currentItem()
        for button in (self.go_button, self.passage_button, self.source_button):
            button.setVisible(self.list.count() > 0)
        self.go_button.setEnabled(item is not None and item.data(SECTION_ROLE) is not None)
        self.passage_button.setEnabled(item is not None and item.data(PASSAGE_ROLE) is not None)
        self.source_button.setEnabled(item is not None and item.data(SOURCE_ROLE) is not None)

    def _open(self, item: QListWidgetItem) -> None:
        """Double-click or Enter: the passage, in its article, to compare; on a line about
        a source itself, that source's details; on one about a section alone (not written
        yet), that section in the Composer."""
        self.list.setCurrentItem(item)
        if item.data(SOURCE_ROLE) is not None:
            self._open_source()
        elif item.data(PASSAGE_ROLE) is not None:
            self._open_passage()
        elif item.data(SECTION_ROLE) is not None:
            self._go()

    def _open_source(self) -> None:
        item = self.list.currentItem()
        article_id = item.data(SOURCE_ROLE) if item is not None else None
        if article_id is not None:
            self.sourceActivated.emit(int(article_id))

    def _go(self) -> None:
        item = self.list.currentItem()
        if item is None or item.data(SECTION_ROLE) is None:
            return
        passage_id = item.data(PASSAGE_ROLE)
        self.placeActivated.emit(
            int(item.data(SECTION_ROLE)),
            -1 if passage_id is None else int(passage_id),
            int(item.data(OCCURRENCE_ROLE) or 0),
        )

    def _open_passage(self) -> None:
        item = self.list.currentItem()
        passage_id = item.data(PASSAGE_ROLE) if item is not None else None
        if passage_id is not None:
            self.passageActivated.emit(int(passage_id))
