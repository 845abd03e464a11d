"""Preferences: who you are, what new notes start with and how they print, how Briefer looks.

The dialog edits a copy of the settings; Apply and OK hand the copy to the
caller, which saves it and applies what shows (appearance, text size, the
Composer's preview and page count) at once. Cancel leaves everything as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QLocale
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

from briefer.core.record import replace
from briefer.session import citation_styles, note_languages, page_sizes
from briefer.settings import Settings, default_language, default_page_size
from briefer.ui.common.screens import bounded_size
from briefer.ui.notes.dialogs import marking_box, marking_of

PAGE_NAMES = {"A4": "A4", "Letter": "US Letter"}
"""How the page sizes the settings take ("A4", "Letter") read in the dialog."""


def language_name(tag: str) -> str:
    """A language tag the list does not name, in words if Qt knows it ("de-AT": "German
    (Austria)"), else the tag itself."""
    locale = QLocale(tag.strip().replace("-", "_"))
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return tag
    name = QLocale.languageToString(locale.language())
    if "-" in tag.strip().replace("_", "-"):  # "en" alone names no region: Qt's default
        name += f" ({QLocale.territoryToString(locale.territory())})"
    return name


def _same_tag(a: str, b: str) -> bool:
    """Whether two language tags or page sizes are one ("en_gb" is "en-GB", "letter" Letter)."""
    return a.strip().replace("_", "-").casefold() == b.strip().replace("_", "-").casefold()


def _choose(box: QComboBox, value: str, fallback: str) -> None:
    """Show the item whose data is ``value`` (as written in the settings file), else
    ``fallback``'s, else the first."""
    for wanted in (value, fallback):
        found = [i for i in range(box.count()) if _same_tag(str(box.itemData(i)), wanted)]
        if found:
            box.setCurrentIndex(found[0])
            return
    box.setCurrentIndex(0)


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
        self.page_size = QComboBox()
        self.page_size.setAccessibleName("Page size of Word exports")
        for size in page_sizes():
            self.page_size.addItem(PAGE_NAMES.get(size, size), size)
        _choose(self.page_size, settings.page_size, default_page_size())
        self.page_size.setToolTip(
            "The paper of Word exports and of the Composer's page count. An export on a"
            " reference document (Styles from) keeps that document's page."
        )
        self.language = QComboBox()
        self.language.setAccessibleName("Language of exported notes")
        for tag, name in note_languages():
            self.language.addItem(name, tag)
        if settings.language.strip() and not any(
            _same_tag(tag, settings.language) for tag, _name in note_languages()
        ):  # a language of your own in settings.json: kept, never changed behind your back
            self.language.addItem(language_name(settings.language), settings.language)
        _choose(self.language, settings.language, default_language())
        self.language.setToolTip(
            "The quotation marks (‘British’ or “American”), the date under the title, the"
            " words Briefer writes (Sources, Page 1 of 2) and the citations' language, in"
            " exports, the preview and the page count."
        )
        form = QFormLayout()
        form.addRow("A&uthor:", self.author)  # Alt+A: Apply, where desktops mark it
        form.addRow("Default &template:", self.template)
        form.addRow("Default &marking:", self.marking)
        form.addRow("Citation st&yle:", self.citation_style)  # Alt+C: Cancel
        form.addRow("&Page size:", self.page_size)
        form.addRow("&Note language:", self.language)
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
        # Alt+O, Alt+C and Alt+A whatever the desktop: Qt's own labels carry no mnemonic
        # outside KDE, and the fields above leave these letters free for them.
        for standard, text in (
            (QDialogButtonBox.StandardButton.Ok, "&OK"),
            (QDialogButtonBox.StandardButton.Cancel, "&Cancel"),
            (QDialogButtonBox.StandardButton.Apply, "&Apply"),
        ):
            buttons.button(standard).setText(text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(bounded_size(self, 460, 0))

    def chosen(self) -> Settings:
        appearance = next(k for k, b in self.appearance.items() if b.isChecked())
        return replace(
            self._original,
            author=self.author.text().strip(),
            default_template=self.template.currentText().strip() or "Briefing note",
            default_marking=marking_of(self.marking),
            appearance=appearance,
            editor_font_size=self.font_size.value(),
            keep_backups=self.backups.value(),
            suggestions_per_article=self.suggestions.value(),
            citation_style=str(self.citation_style.currentData()),
            page_size=str(self.page_size.currentData()),
            language=str(self.language.currentData()),
        )

    def apply(self) -> None:
        self._apply(self.chosen())

    def accept(self) -> None:
        self.apply()
        super().accept()
