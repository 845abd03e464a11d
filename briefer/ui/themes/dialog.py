"""Manage Themes: every property of every theme in one place, each change undoable.

The Themes panel's context menu does the quick edits; this dialog is for
setting up a theme set: names, colours, keys, parents, descriptions and
keyword rules side by side. Each field is applied when it is left (or the
colour chosen), as one command on the window's undo stack, and the list
follows the project through its change notices, so Ctrl+Z shows here too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.core.model import Theme
from briefer.core.words import counted
from briefer.session import Command, Session, UpdateThemeCommand
from briefer.ui.common.screens import available_area, bounded_size, frame_allowance, inside
from briefer.ui.common.style import accents_of
from briefer.ui.themes.actions import ThemeActions, swatch

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ThemesDialog(QDialog):
    def __init__(
        self, session: Session, actions: ThemeActions,
        run: Callable[[Command, Callable[[str], None]], None], parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle("Manage Themes")
        self.setObjectName("themesDialog")
        self.session = session
        # not "actions": that would hide QWidget.actions(), which Qt and tests call
        self.theme_actions = actions
        self.run = run
        self._loading = False
        # After an edit the list is reloaded once control is back (not inside the signal
        # that applied it); a reload done sooner makes it moot, so it stops the timer.
        self.reload_soon = QTimer(self, singleShot=True, interval=0)
        self.reload_soon.timeout.connect(self.reload)
        self._keywords_shown: tuple[int | None, str] = (None, "")
        """The theme whose keywords the box was last filled with, and that text: typed
        keywords differ from it until they are applied."""
        self.list = QListWidget()
        self.list.setAccessibleName("Themes")
        self.name = QLineEdit()
        self.name.setAccessibleName("Theme name")
        self.colour = QPushButton()
        self.colour.setAccessibleName("Theme colour")
        self.shortcut = QLineEdit()
        self.shortcut.setMaxLength(1)
        self.shortcut.setMaximumWidth(48)
        self.shortcut.setAccessibleName("Shortcut key")
        self.parent_box = QComboBox()
        self.parent_box.setAccessibleName("Parent theme")
        self.description = QLineEdit()
        self.description.setAccessibleName("Description")
        self.keywords = QPlainTextEdit()
        self.keywords.setAccessibleName("Keywords, one per line")
        self.keywords.setPlaceholderText("One word or phrase per line; end with * for any ending")
        # One Alt letter per control: with two on N, Alt+N went to Name, never to New….
        form = QFormLayout()
        form.addRow("N&ame:", self.name)
        form.addRow("&Colour:", self.colour)
        form.addRow("&Key:", self.shortcut)
        form.addRow("Und&er:", self.parent_box)
        form.addRow("Descr&iption:", self.description)
        form.addRow("Key&words:", self.keywords)
        buttons = QHBoxLayout()
        self.new_button = QPushButton("&New…")
        self.up_button = QPushButton("Move &Up")
        self.down_button = QPushButton("Move &Down")
        self.merge_button = QPushButton("&Merge Into…")
        self.delete_button = QPushButton("De&lete…")
        for button in (self.new_button, self.up_button, self.down_button, self.merge_button,
                       self.delete_button):  # fmt: skip
            buttons.addWidget(button)
        close = QPushButton("Cl&ose")
        buttons.addStretch(1)
        buttons.addWidget(close)
        body = QHBoxLayout()
        # A long name ends in "…" (its tooltip is whole) rather than behind a scroll bar.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        body.addWidget(self.list, 2)
        body.addLayout(form, 3)
        # A refused edit (a key another theme has) is said here, where the analyst looks,
        # not in the main window's status bar behind the dialog.
        self.problem = QLabel()
        self.problem.setObjectName("themeProblem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Why the last change was not made")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

        self.list.currentItemChanged.connect(self._switched)
        self.name.editingFinished.connect(lambda: self._apply(name=self.name.text().strip()))
        self.shortcut.editingFinished.connect(
            lambda: self._apply(shortcut=self.shortcut.text().strip())
        )
        self.description.editingFinished.connect(
            lambda: self._apply(description=self.description.text().strip())
        )
        self.parent_box.activated.connect(
            lambda _i: self._apply(parent_id=self.parent_box.currentData())
        )
        self.colour.clicked.connect(self._choose_colour)
        self.new_button.clicked.connect(self.new_theme)
        self.up_button.clicked.connect(lambda: self._with_current(lambda t: actions.move(t, -1)))
        self.down_button.clicked.connect(lambda: self._with_current(lambda t: actions.move(t, 1)))
        self.delete_button.clicked.connect(
            lambda: self._with_current(lambda t: actions.delete(t, self))
        )
        self.merge_button.clicked.connect(self._merge_menu)
        close.clicked.connect(self.accept)
        self.resize(bounded_size(self, 720, 460))
        self.placed: QPoint | None = None  # where the analyst left it, for the next opening
        self.reload()

    # -- where it shows ------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Back where the analyst left it (on the screen): Qt would centre it again each
        time, and under a window manager land it a title bar lower than the last time."""
        if self.placed is not None and not event.spontaneous():
            area = available_area(self)
            size = self.size() + frame_allowance(self)
            self.move(self.placed if area is None else inside(QRect(self.placed, size), area))
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():
            self.placed = self.pos()
        super().hideEvent(event)

    # -- what is shown -----------------------------------------------------------

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        value = item.data(ID_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def reload(self) -> None:
        """The list and the fields as the project has them now."""
        self.reload_soon.stop()  # or it clears what is done after this (New's selection)
        keep = self.current_id()
        themes = self.session.query.list_themes()
        counts = self.session.query.theme_passage_counts()
        names = {t.id: t.name for t in themes}
        self.list.blockSignals(True)
        self.list.clear()
        for theme in themes:
            parent = names.get(theme.parent_id) if theme.parent_id is not None else None
            label = f"{parent} › {theme.name}" if parent else theme.name
            key = f"  [{theme.shortcut}]" if theme.shortcut else ""
            text = f"{label}{key}  · {counted(counts.get(theme.id or -1, 0), 'passage')}"
            item = QListWidgetItem(swatch(theme.colour), text)
            item.setData(ID_ROLE, theme.id)
            item.setToolTip(text)  # whole, where the list cuts a long name short
            self.list.addItem(item)
            if theme.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._show_current()

    def select(self, theme_id: int) -> bool:
        """Make ``theme_id`` the one shown and edited; False if it is not listed."""
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == theme_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def _theme(self) -> Theme | None:
        current = self.current_id()
        return self.session.theme(current)

    def _show_current(self) -> None:
        theme = self._theme()
        self._loading = True
        for widget in (self.name, self.colour, self.shortcut, self.parent_box, self.description,
                       self.keywords, self.up_button, self.down_button, self.merge_button,
                       self.delete_button):  # fmt: skip
            widget.setEnabled(theme is not None and not self.session.read_only)
        if theme is not None:
            self.name.setText(theme.name)
            self.colour.setIcon(swatch(theme.colour))
            self.colour.setText(theme.colour)
            self.shortcut.setText(theme.shortcut)
            self.description.setText(theme.description)
            self.description.setCursorPosition(0)
            shown = "\n".join(theme.keywords)
            typing = self._keywords_shown[0] == theme.id
            typing = typing and self.keywords.toPlainText() != self._keywords_shown[1]
            if not typing:  # another field's edit reloads the form: keep what is typed
                self.keywords.setPlainText(shown)
                self._keywords_shown = (theme.id, shown)
            self.parent_box.clear()
            self.parent_box.addItem("(top level)", None)
            for other in self.session.query.list_themes():
                if other.id != theme.id:
                    self.parent_box.addItem(swatch(other.colour), other.name, other.id)
            self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(theme.parent_id)))
        self._loading = False

    # -- edits -----------------------------------------------------------------

    def new_theme(self) -> None:
        """New…: the new theme becomes the one edited, its name ready to change, so what is
        typed next (keywords, say) goes to it and not to the theme that was selected."""
        self.apply_keywords()  # keywords typed for the current theme stay with it
        theme_id = self.theme_actions.new_theme(self)
        if theme_id is None:
            return
        self.reload()
        if self.select(theme_id):
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)
            self.name.selectAll()

    def _switched(self, _current: object, previous: QListWidgetItem | None) -> None:
        self.problem.hide()  # about the theme left, unless leaving it refuses its keywords
        if previous is not None and not self._loading:
            self.apply_keywords(previous.data(ID_ROLE))  # keywords have no "done" signal
        self._show_current()

    def _apply(self, theme_id: int | None = None, **changes: object) -> None:
        theme_id = self.current_id() if theme_id is None else theme_id
        theme = self.session.theme(theme_id)
        if self._loading or theme is None or theme.id is None:
            return
        changed = {k: v for k, v in changes.items() if getattr(theme, k) != v}
        if changed:
            self.problem.hide()
            self.run(UpdateThemeCommand(theme.id, **changed), self.say)
            self.reload_soon.start()  # also puts back a value the edit refused

    def say(self, text: str) -> None:
        """Why an edit was refused, under the fields, in the warning colour."""
        self.problem.setStyleSheet(f"color: {accents_of(self.palette()).comment_mark}")
        self.problem.setText(text)
        self.problem.show()

    def apply_keywords(self, theme_id: int | None = None) -> None:
        lines = self.keywords.toPlainText().replace(",", "\n").splitlines()
        self._keywords_shown = (None, "")  # applied (or refused): the next load shows the saved
        self._apply(theme_id, keywords=tuple(k.strip() for k in lines if k.strip()))

    def _choose_colour(self) -> None:
        theme = self._theme()
        if theme is None:
            return
        colour = QColorDialog.getColor(QColor(theme.colour), self, f"Colour of {theme.name}")
        if colour.isValid():
            self._apply(colour=colour.name().upper())

    def _with_current(self, act: Callable[[int], None]) -> None:
        current = self.current_id()
        if current is not None:
            act(current)
            self.reload()

    def _merge_menu(self) -> None:
        current = self.current_id()
        if current is None:
            return
        menu = QMenu(self)
        for other in self.session.query.list_themes():
            if other.id is not None and other.id != current:
                menu.addAction(
                    swatch(other.colour), other.name, lambda t=other.id: self.merge_into(t)
                )
        menu.popup(self.merge_button.mapToGlobal(self.merge_button.rect().bottomLeft()))

    def merge_into(self, target_id: int) -> None:
        """Merge the current theme into ``target_id`` (its passages get the target)."""
        current = self.current_id()
        if current is not None and current != target_id:
            self.theme_actions.merge(current, target_id)
            self.reload()

    def reject(self) -> None:
        self.apply_keywords()
        super().reject()

    def accept(self) -> None:
        self.apply_keywords()
        super().accept()
