"""A date typed as it is written ("15 November 2025"), empty for none: see core.typed_dates.

It replaced a "Dated" box beside a date spin box, which took today's date when ticked,
misread dates typed over its month name, and could not be reached with its label's
Alt key while unticked. Leaving the field shows back the date it understood, or says
in red what to write; the dialog refuses to save a date it cannot read.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QWidget

from briefer.core.typed_dates import EXAMPLE, DateNotRead, read_typed_date, shown_date


class DateField(QLineEdit):
    """A line for an optional date; :meth:`date` reads it."""

    def __init__(self, day: dt.date | None, parent: QWidget | None = None) -> None:
        super().__init__(shown_date(day), parent)
        self.setPlaceholderText(f"No date (type one, e.g. {EXAMPLE})")
        self.hint = (
            f"Type the date as it is written, e.g. {EXAMPLE}, Nov 15, 2025 or 15/11/2025 "
            "(day first); leave it empty for none."
        )
        self.setToolTip(self.hint)
        self.editingFinished.connect(self.tidy)

    def date(self) -> dt.date | None:
        """The date typed, None when empty; :class:`DateNotRead` says what is wrong."""
        return read_typed_date(self.text())

    def tidy(self) -> None:
        """Show the date as understood, so a misreading is seen; leave unreadable text be."""
        try:
            day = self.date()
        except DateNotRead as exc:
            self.setToolTip(str(exc))
            self.setStyleSheet("QLineEdit { border: 1px solid #B00020; }")
            return
        self.setStyleSheet("")
        self.setToolTip(self.hint)
        if day is not None:
            self.setText(shown_date(day))
