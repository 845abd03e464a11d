"""Article > Edit Article Details…: the five things a citation of the article is made of.

The dialog only collects them; ``ArticleDetails.checked`` says what is wrong (shown
under the fields, the dialog stays open) and the caller runs the undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from briefer.core.model import Article
from briefer.core.typed_dates import DateNotRead
from briefer.session import ArticleDetails, CommandError
from briefer.ui.common.date_field import DateField
from briefer.ui.notes.dialogs import fit_line_edit, ok_cancel_buttons


class ArticleDetailsDialog(QDialog):
    """Title, author, publisher, date and address of one article, as its citations use them."""

    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article Details")
        self.before = ArticleDetails.of(article)
        self.title = QLineEdit(article.title)
        self.author = QLineEdit(article.author)
        self.author.setPlaceholderText("Jane Smith; Omar Ali")
        self.publisher = QLineEdit(article.publisher)
        self.publisher.setPlaceholderText("The site, paper or body that published it")
        self.date = DateField(article.published)
        self.url = QLineEdit(article.url)
        self.url.setPlaceholderText("https://…")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B00020")
        self.error.hide()
        day = article.imported_at
        imported = f"{day.day} {day:%B %Y}" if day else ""  # %-d is not on Windows
        self.origin = origin = QLabel(
            f"Imported from {article.source_name or 'pasted text'}"
            + (f" on {imported}" if imported else "")
            + ". Its text stays as imported; passages keep their places."
        )
        origin.setWordWrap(True)
        origin.setEnabled(False)  # greyed: context, not a field
        form = QFormLayout(self)
        for label, widget in (("&Title:", self.title), ("&Author:", self.author),
                              ("&Publisher:", self.publisher), ("Publication &date:", self.date),
                              ("&Web address:", self.url)):  # fmt: skip
            if label:
                widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        form.addRow(origin)
        form.addRow(self.error)
        form.addRow(ok_cancel_buttons(self, "Save"))
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._fit_fields()

    def _fit_fields(self) -> None:
        for edit in (self.title, self.author, self.publisher, self.url):
            fit_line_edit(edit)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_fields()

    def details(self) -> ArticleDetails:
        """What the fields say, tidied; ``CommandError`` if a citation could not use it."""
        try:
            published = self.date.date()
        except DateNotRead as exc:
            raise CommandError(str(exc)) from None
        return ArticleDetails(
            self.title.text(), self.publisher.text(), self.author.text(), published,
            self.url.text(),
        ).checked(self.before)  # fmt: skip

    def changed(self) -> ArticleDetails | None:
        """The new details, or None when nothing changed (call after ``exec`` accepted)."""
        details = self.details()
        return None if details == self.before else details

    def accept(self) -> None:
        try:
            self.details()
        except CommandError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.adjustSize()  # room for the message, never drawn over the lines above it
            return
        super().accept()
