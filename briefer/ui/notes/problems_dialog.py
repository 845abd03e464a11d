"""What the pre-export check found, one line each, before anything is written.

Blocking problems (a changed quotation, a deleted source) come first with
an error icon; missing dates or publishers are warnings. Activating a line
that names a passage opens it in the Reader, where it can be checked.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
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

PASSAGE_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsDialog(QDialog):
    passageActivated = Signal(int)

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
                f"Fix {'them' if blocking != 1 else 'it'} (double-click to see the passage), "
                "or export anyway."
                if exporting
                else f"{blocking} problem{'s' if blocking != 1 else ''} to fix before export."
            )
        else:
            summary = "Only warnings: the note can go out, but a reader may want these details."
        heading = QLabel(summary)
        heading.setWordWrap(True)
        self.list = QListWidget()
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
            self.list.addItem(item)
        self.list.itemActivated.connect(self._open)
        buttons = QDialogButtonBox()
        if exporting:
            go = buttons.addButton("Export &Anyway", QDialogButtonBox.ButtonRole.AcceptRole)
            go.setEnabled(True)
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
        self.resize(620, 360 if ordered else 120)

    def _open(self, item: QListWidgetItem) -> None:
        passage_id = item.data(PASSAGE_ROLE)
        if passage_id is not None:
            self.passageActivated.emit(int(passage_id))
