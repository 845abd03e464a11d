"""Preferences: who you are, what new notes start with, how Briefer looks.

The dialog edits a copy of the settings; Apply and OK hand the copy to the
caller, which saves it and applies what shows (appearance, text size) at
once. Cancel leaves everything as it was.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefer.session import citation_styles
from briefer.settings import Settings
from briefer.ui.common.screens import bounded_size
from briefer.ui.notes.dialogs import marking_box, marking_of


class PreferencesDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        templates: Sequence[str],
        apply: Callable[[Settings], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferences")
        self._original = settings
        self._apply = apply
        self.author = QLineEdit(settings.author)
        self.author.setPlaceholderText("Your name, as it appears on notes")
        self.author.setAccessibleName("Author name")
        self.template = QComboBox()
        self.template.setAccessibleName("Default template")
        names = list(templates)
        if settings.default_template not in names:
            names.append(settings.default_template)
        self.template.addItems(names)
        self.template.setCurrentText(settings.default_template)
        self.marking = marking_box(settings.default_marking)
        self.marking.setAccessibleName("Default handling marking")
        self.appearance = {
            "system": QRadioButton("Follow the &system"),
            "light": QRadioButton("&Light"),
            "dark": QRadioButton("&Dark"),
        }
        self.appearance.get(settings.appearance, self.appearance["system"]).setChecked(True)
        self.font_size = QSpinBox()
        self.font_size.setRange(8, 28)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(settings.editor_font_size)
        self.font_size.setAccessibleName("Text size of the Reader and the Composer")
        self.backups = QSpinBox()
        self.backups.setRange(1, 100)
        self.backups.setValue(settings.keep_backups)
        self.backups.setAccessibleName("Backups of recent opens kept per project")
        self.backups.setToolTip(
            "Copies from the most recent opens. Briefer also keeps one an hour for a day,"
            " one a day for two weeks, and every copy taken before a delete for two weeks."
        )
        self.suggestions = QSpinBox()
        self.suggestions.setRange(0, 50)
        self.suggestions.setSpecialValueText("None")
        self.suggestions.setValue(settings.suggestions_per_article)
        self.suggestions.setAccessibleName("Keyword suggestions shown per article")
        self.suggestions.setToolTip(
            "The Reader underlines at most this many sentences per article that theme"
            " keywords point to, strongest first."
        )
        self.citation_style = QComboBox()
        self.citation_style.setAccessibleName("Citation style of exported notes")
        for style in citation_styles():
            self.citation_style.addItem(style.title, style.name)
        if self.citation_style.findData(settings.citation_style) < 0:  # a .csl file of yours
            self.citation_style.addItem(Path(settings.citation_style).name, settings.citation_style)
        self.citation_style.setCurrentIndex(self.citation_style.findData(settings.citation_style))
        self.citation_style.setToolTip(
            "How footnotes and the Sources list are written, for notes that do not choose"
            " a style of their own (briefer export --style overrides it for one export)."
        )
        form = QFormLayout()
        form.addRow("&Author:", self.author)
        form.addRow("Default &template:", self.template)
        form.addRow("Default &marking:", self.marking)
        form.addRow("&Citation style:", self.citation_style)
        looks = QWidget()
        looks_layout = QVBoxLayout(looks)
        looks_layout.setContentsMargins(0, 0, 0, 0)
        for button in self.appearance.values():
            looks_layout.addWidget(button)
        form.addRow("Appearance:", looks)
        form.addRow("Te&xt size:", self.font_size)
        form.addRow("&Recent backups kept:", self.backups)
        form.addRow("Su&ggestions per article:", self.suggestions)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(bounded_size(self, 460, 0))

    def chosen(self) -> Settings:
        appearance = next(k for k, b in self.appearance.items() if b.isChecked())
        return dataclasses.replace(
            self._original,
            author=self.author.text().strip(),
            default_template=self.template.currentText().strip() or "Briefing note",
            default_marking=marking_of(self.marking),
            appearance=appearance,
            editor_font_size=self.font_size.value(),
            keep_backups=self.backups.value(),
            suggestions_per_article=self.suggestions.value(),
            citation_style=str(self.citation_style.currentData()),
        )

    def apply(self) -> None:
        self._apply(self.chosen())

    def accept(self) -> None:
        self.apply()
        super().accept()
