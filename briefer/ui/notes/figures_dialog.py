"""Key figures: the numbers in the passages a note quotes, to check and put in a table.

Each figure is listed with its sentence and source; the ticked ones go into
the current section as a table (a real Word table, a pipe table in
Markdown), each row citing its passage.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.core.figures import KeyFigure, figures_table_markdown
from briefer.ui.common.screens import bounded_size
from briefer.ui.common.tables import tab_leaves


class FiguresDialog(QDialog):
    insertRequested = Signal(str)  # the Markdown table

    def __init__(
        self,
        figures: Sequence[KeyFigure],
        titles: Mapping[int, str],
        *,
        can_insert: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Key Figures")
        self.setObjectName("figuresDialog")
        self.figures = list(figures)
        intro = QLabel(
            f"{len(self.figures)} figure{'s' if len(self.figures) != 1 else ''} in the passages "
            "this note quotes. Untick any you do not want in the table."
            if self.figures
            else "The passages this note quotes hold no sums, percentages, dates or quantities."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.figures), 4)
        self.table.setAccessibleName("Key figures")
        self.table.setHorizontalHeaderLabels(["Figure", "Kind", "Sentence", "Source"])
        self.table.verticalHeader().hide()
        tab_leaves(self.table)  # Tab goes on to the buttons, arrows move between rows
        self.table.setWordWrap(True)
        for row, figure in enumerate(self.figures):
            first = QTableWidgetItem(figure.figure.text)
            # A figure is quoted as its source prints it (the table cites the source), so
            # it is chosen or not, never edited here: an edit was silently dropped.
            editable = Qt.ItemFlag.ItemIsEditable
            first.setFlags((first.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~editable)
            first.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, 0, first)
            for column, text in enumerate(
                (figure.figure.kind.value, figure.sentence, titles.get(figure.article_id, "")),
                start=1,
            ):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 260))
        self.table.setColumnWidth(3, 200)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox()
        self.insert_button = buttons.addButton(
            "&Insert Table", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.insert_button.setEnabled(can_insert and bool(self.figures))
        if not can_insert:
            self.insert_button.setToolTip("Choose a section in the Composer first.")
        copy = buttons.addButton("&Copy", QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)  # last, as shown: Tab's order
        copy.setEnabled(bool(self.figures))
        self.insert_button.clicked.connect(self._insert)
        copy.clicked.connect(self._copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(bounded_size(self, 820, 460))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # the stretched column's width is known only now

    def chosen(self) -> list[KeyFigure]:
        ticks = (self.table.item(row, 0) for row in range(len(self.figures)))
        return [
            figure
            for figure, tick in zip(self.figures, ticks, strict=True)
            if tick is not None and tick.checkState() == Qt.CheckState.Checked
        ]

    def markdown(self) -> str:
        return figures_table_markdown(self.chosen())

    def _insert(self) -> None:
        if self.chosen():
            self.insertRequested.emit(self.markdown())
            self.accept()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.markdown())
