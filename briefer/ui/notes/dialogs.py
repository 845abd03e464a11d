"""Dialogs around notes: draft a new one from a template, edit its details, save as template.

Each dialog only collects what the analyst chooses; the caller turns that
into a session command, so the edit lands on the undo stack like any other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefer.core.model import Note, Theme
from briefer.core.templates import Template
from briefer.core.typed_dates import DateNotRead
from briefer.ui.common.date_field import DateField
from briefer.ui.common.screens import bounded_size

MARKINGS = ("OFFICIAL", "OFFICIAL-SENSITIVE", "CONFIDENTIAL", "SECRET", "")
TYPICAL_VALUE = "Northern harbour deal: what the port authority signed"
"""A title-block value of the length analysts write; fields are at least this wide."""
WIDEST_FIELD_CHARS = 80
"""A longer value scrolls in its field rather than widening the dialog past the screen."""


def fit_line_edit(edit: QLineEdit) -> None:
    """Wide enough to show a typical value, or the field's own text up to a limit, whole.

    Measured with the field's font (so it follows the text size and the platform)
    plus the frame and the margins QLineEdit keeps around its text.
    """
    metrics = edit.fontMetrics()
    widest = metrics.averageCharWidth() * WIDEST_FIELD_CHARS
    text = min(metrics.horizontalAdvance(edit.text()), widest)
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    margins = edit.textMargins()
    chrome = 2 * frame + margins.left() + margins.right() + 2 * LINE_EDIT_MARGIN
    edit.setMinimumWidth(max(metrics.horizontalAdvance(TYPICAL_VALUE), text) + chrome + 1)


LINE_EDIT_MARGIN = 2
"""QLineEdit's own horizontal margin around its text (horizontalMargin in Qt's source)."""


def marking_box(current: str) -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.addItems([m or "(no marking)" for m in MARKINGS])
    box.setCurrentText(current or "(no marking)")
    box.setAccessibleName("Handling marking")
    return box


def marking_of(box: QComboBox) -> str:
    text = box.currentText().strip()
    return "" if text == "(no marking)" else text


def ok_cancel_buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class DraftDialog(QDialog):
    """New Note from Template: template, title, themes (with their counts), author, marking."""

    def __init__(
        self,
        templates: list[Template],
        themes: list[Theme],
        counts: dict[int, int],
        *,
        default_template: str,
        author: str,
        marking: str,
        problems: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New Note from Template")
        self.setObjectName("draftDialog")
        self.templates = templates
        self.template_box = QComboBox()
        self.template_box.setAccessibleName("Template")
        for template in templates:
            kind = "" if template.builtin else "  (yours)"
            self.template_box.addItem(template.name + kind, template.name)
        index = self.template_box.findData(default_template)
        self.template_box.setCurrentIndex(max(index, 0))
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setAccessibleName("About this template")
        self.title = QLineEdit()
        self.title.setPlaceholderText("e.g. Northern harbour deal")
        self.title.setAccessibleName("Title")
        self.themes = QListWidget()
        self.themes.setAccessibleName("Themes to quote")
        for theme in themes:
            count = counts.get(theme.id or -1, 0)
            label = f"{theme.name}  ({count} passage{'s' if count != 1 else ''})"
            item = QListWidgetItem(label if count else f"{theme.name}  (no passages yet)")
            item.setData(Qt.ItemDataRole.UserRole, theme.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            if not count:
                item.setForeground(self.palette().placeholderText())
            self.themes.addItem(item)
        self.author = QLineEdit(author)
        self.author.setAccessibleName("Author")
        self.marking = marking_box(marking)
        self.date = DateField(dt.date.today())
        self.date.setAccessibleName("Date")
        self.error = QLabel()
        self.error.setStyleSheet("color: #B00020")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Template:", self.template_box)
        form.addRow("", self.description)
        form.addRow("T&itle:", self.title)
        form.addRow("T&hemes:", self.themes)
        form.addRow("&Author:", self.author)
        form.addRow("&Marking:", self.marking)
        form.addRow("&Date:", self.date)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if problems:
            warning = QLabel("\n".join(problems))
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #8A6D00")
            layout.addWidget(warning)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel_buttons(self, "Draft Note"))
        self.template_box.currentIndexChanged.connect(self._describe)
        self._describe()
        self.title.setFocus()
        self.resize(bounded_size(self, 480, 520))

    def _describe(self) -> None:
        template = self.template()
        if template is None:
            return
        target = f" About {template.target_words:,} words." if template.target_words else ""
        sections = ", ".join(s.heading for s in template.sections)
        self.description.setText(f"{template.description}{target}\nSections: {sections}.")

    def template(self) -> Template | None:
        name = self.template_box.currentData()
        return next((t for t in self.templates if t.name == name), None)

    def chosen_themes(self) -> list[str]:
        return [
            self.themes.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.themes.count())
            if self.themes.item(i).checkState() == Qt.CheckState.Checked
        ]

    def chosen_date(self) -> dt.date | None:
        """The note's date, None for an undated note (call after ``exec`` accepted)."""
        return self.date.date()

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def accept(self) -> None:
        if not self.title.text().strip():
            self.show_error("Give the note a title.")
            self.title.setFocus()
            return
        if not self.chosen_themes():
            self.show_error("Tick at least one theme whose passages the draft should quote.")
            return
        try:
            self.date.date()
        except DateNotRead as exc:
            self.show_error(str(exc))
            self.date.setFocus()
            return
        super().accept()


DEFAULT_STYLE_TEXT = "Default (from Preferences)"


def style_box(current: str, styles: Sequence[tuple[str, str]]) -> QComboBox:
    """The note's citation style: the default first (data ""), then ``styles`` as
    ``(name, title)``; a style the list lacks (a .csl file) is kept as its own item."""
    box = QComboBox()
    box.setAccessibleName("Citation style")
    box.addItem(DEFAULT_STYLE_TEXT, "")
    for name, title in styles:
        box.addItem(title, name)
    if current and box.findData(current) < 0:
        box.addItem(current, current)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


class NoteDetailsDialog(QDialog):
    """The note's title block (title, author, date, recipient, reference, marking) and the
    citation style its exports use; ``styles`` are the built-in ones, ``(name, title)``."""

    def __init__(
        self,
        note: Note,
        parent: QWidget | None = None,
        *,
        styles: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note Details")
        self.note = note
        self.title = QLineEdit(note.title)
        self.author = QLineEdit(note.author)
        self.date = DateField(note.date)
        self.recipient = QLineEdit(note.recipient)
        self.reference = QLineEdit(note.reference)
        self.marking = marking_box(note.marking)
        self.citation_style = style_box(note.citation_style, styles)
        form = QFormLayout(self)
        for label, widget in (("&Title:", self.title), ("&Author:", self.author),
                              ("&Date:", self.date),
                              ("&Recipient:", self.recipient), ("Re&ference:", self.reference),
                              ("&Marking:", self.marking),
                              ("Citation &style:", self.citation_style)):  # fmt: skip
            if label:
                widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        self.error = QLabel()
        self.error.setStyleSheet("color: #B00020")
        self.error.setWordWrap(True)
        self.error.hide()
        form.addRow(self.error)
        form.addRow(ok_cancel_buttons(self, "Save"))
        # Fields widen with the dialog on every platform (macOS keeps them at their hint).
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._fit_fields()  # now they are children, measured in the dialog's font

    def _fit_fields(self) -> None:
        for edit in (self.title, self.author, self.recipient, self.reference):
            fit_line_edit(edit)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a new text size: measure again
            self._fit_fields()

    def accept(self) -> None:
        try:
            self.date.date()
        except DateNotRead as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.date.setFocus()
            return
        super().accept()

    def changes(self) -> dict[str, object]:
        """Only what the analyst changed, so undo names and reverts just that (call after
        ``exec`` accepted: the date is then readable)."""
        values: dict[str, object] = {
            "title": self.title.text().strip() or self.note.title,
            "author": self.author.text().strip(),
            "date": self.date.date(),
            "recipient": self.recipient.text().strip(),
            "reference": self.reference.text().strip(),
            "marking": marking_of(self.marking),
            "citation_style": str(self.citation_style.currentData() or ""),
        }
        return {k: v for k, v in values.items() if getattr(self.note, k) != v}


class SaveTemplateDialog(QDialog):
    def __init__(self, note: Note, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Save Note as Template")
        self.name = QLineEdit(note.title)
        self.name.setAccessibleName("Template name")
        self.description = QPlainTextEdit()
        self.description.setAccessibleName("Template description")
        self.description.setPlaceholderText("What this kind of note is for (optional)")
        self.description.setMaximumHeight(80)
        note_text = QLabel(
            "Keeps the sections, their levels and your guidance text; "
            "leaves out quotations and citations."
        )
        note_text.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("&Name:", self.name)
        form.addRow("&Description:", self.description)
        form.addRow(note_text)
        form.addRow(ok_cancel_buttons(self, "Save Template"))
        fit_line_edit(self.name)  # the note's title, whole
