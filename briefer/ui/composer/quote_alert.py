"""The Composer's live warning that a quotation no longer matches its source, or lost its citation.

Typing inside a drafted quotation is allowed (an analyst may trim it by mistake, or on
purpose before inserting it again), but until now nothing said so before Check or
Export. The note check's own rule (core/integrity.py) runs with the page count, after a
pause in typing, and this line names what it found, in the warning colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from briefer.core.integrity import Problem, ProblemKind
from briefer.ui.common.style import accents_of

CHECK = "Note > Check Quotations and Sources names them"
_ALERTED = (ProblemKind.QUOTE_CHANGED, ProblemKind.UNCITED_QUOTE)


def alert_text(problems: Sequence[Problem]) -> str:
    """One line about the note's changed or uncited quotations; empty when there are none."""
    changed = [p for p in problems if p.kind in _ALERTED]
    if not changed:
        return ""
    if len(changed) == 1:
        problem = changed[0]
        where = f' in "{problem.section}"' if problem.section.strip() else ""
        if problem.kind is ProblemKind.UNCITED_QUOTE:
            return (
                f"A quotation{where} has no citation: undo the edit, or insert the passage again."
            )
        at = f" at footnote {problem.footnote}" if problem.footnote is not None else ""
        return (
            f"The quotation{at}{where} no longer matches its source: undo the edit or insert"
            " the passage again."
        )
    sections = list(dict.fromkeys(f'"{p.section}"' for p in changed if p.section.strip()))
    where = f" (in {', '.join(sections)})" if sections else ""
    if all(p.kind is ProblemKind.QUOTE_CHANGED for p in changed):
        return f"{len(changed)} quotations no longer match their sources{where}: {CHECK}."
    return f"{len(changed)} quotations are changed or lack a citation{where}: {CHECK}."


class QuoteAlert(QLabel):
    """Hidden while every quotation matches its passage."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("quoteAlert")
        self.setAccessibleName("Quotation warning")
        self.setWordWrap(True)
        self.hide()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Called after every pause in typing: restyled only when the words change (and
        the colour then read from the palette in force, light or dark)."""
        text = alert_text(problems)
        if text == self.text():
            return
        self.setText(text)
        self._colour()
        self.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light to dark or back
            self._colour()

    def _colour(self) -> None:
        style = f"color: {accents_of(self.palette()).comment_mark}; font-weight: bold"
        if style != self.styleSheet():  # setting it again would change the palette again
            self.setStyleSheet(style)


def status_row(status: QLabel, alert: QuoteAlert) -> QWidget:
    """The Composer's bottom line: the note's length, then any quotation warning."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(status)
    layout.addWidget(alert, 1)
    return row
