"""Edit > Cut, Copy, Paste and Select All, for whichever field has the keyboard focus.

Every text field already answers Ctrl+X/C/V/A itself; the menu items are for the
analyst who looks for them there (or reaches them with the mouse), and they act on
the field that had the focus when the menu opened, as in any desktop program. Their
enabled state follows that field: Cut and Copy need a selection, Cut and Paste an
editable field.

Ctrl+V outside a text field (the Library, the Reader's article, which is read-only)
has always pasted the clipboard as a new article, and still does: the one Paste
action takes the shortcut and decides by the focus, since two actions on one key
would make Qt fire neither. Edit > Paste as New Article does it from anywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMetaObject, QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

TextField = QLineEdit | QTextEdit | QPlainTextEdit


def text_field(widget: QWidget | None) -> TextField | None:
    """The text field a focus widget stands for: itself, or a spin or combo box's line."""
    if isinstance(widget, QAbstractSpinBox | QComboBox):
        widget = widget.lineEdit()
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        return widget
    return None


def _has_selection(field: TextField) -> bool:
    if isinstance(field, QLineEdit):
        return field.hasSelectedText() and field.echoMode() == QLineEdit.EchoMode.Normal
    return field.textCursor().hasSelection()


def _editable(field: TextField) -> bool:
    return not field.isReadOnly() and field.isEnabled()


class ClipboardActions(QObject):
    """The four clipboard items of the Edit menu, following the focused field."""

    def __init__(self, window: QWidget, paste_article: QAction) -> None:
        super().__init__(window)
        self._window = window
        self._paste_article = paste_article
        self._focus: QWidget | None = None
        self._links: list[QMetaObject.Connection] = []  # to the focused widget and its field
        self.cut_action = self._action("Cu&t", QKeySequence.StandardKey.Cut, self.cut)
        self.copy_action = self._action("&Copy", QKeySequence.StandardKey.Copy, self.copy)
        self.paste_action = self._action("&Paste", QKeySequence.StandardKey.Paste, self.paste)
        self.paste_action.setStatusTip(
            "Paste into the text field being edited; elsewhere, paste as a new article"
        )
        self.select_all_action = self._action(
            "Select &All", QKeySequence.StandardKey.SelectAll, self.select_all
        )
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        QGuiApplication.clipboard().dataChanged.connect(self.refresh)
        self._focus_changed(None, QApplication.focusWidget())

    def actions(self) -> list[QAction]:
        return [self.cut_action, self.copy_action, self.paste_action, self.select_all_action]

    def _action(
        self, text: str, key: QKeySequence.StandardKey, slot: Callable[[], None]
    ) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def field(self) -> TextField | None:
        """The field the items act on: the one with the focus in this window.

        Opening the menu bar from the keyboard (Alt+E) moves the focus to it for a
        moment; the field that had it before is still the one meant.
        """
        return text_field(self._focus)

    def cut(self) -> None:
        field = self.field()
        if field is not None and _editable(field):
            field.cut()

    def copy(self) -> None:
        field = self.field()
        if field is not None:
            field.copy()

    def paste(self) -> None:
        field = self.field()
        if field is not None and _editable(field):
            field.paste()
        elif self._paste_article.isEnabled():
            self._paste_article.trigger()

    def select_all(self) -> None:
        field = self.field()
        if field is not None:
            field.selectAll()

    def refresh(self) -> None:
        """Enable each item as the focused field allows it now."""
        field = self.field()
        selected = field is not None and _has_selection(field)
        editable = field is not None and _editable(field)
        self.cut_action.setEnabled(selected and editable)
        self.copy_action.setEnabled(selected)
        self.paste_action.setEnabled(
            _can_paste(field) if editable and field is not None else self._paste_article.isEnabled()
        )
        self.select_all_action.setEnabled(field is not None)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QMenuBar | QMenu):
            return
        self._let_go()
        self._focus = new if new is not None and new.window() is self._window else None
        if self._focus is not None:
            self._links.append(self._focus.destroyed.connect(self._forget))
            field = self.field()
            if field is not None:
                self._links.append(field.selectionChanged.connect(self.refresh))
        self.refresh()

    def _let_go(self) -> None:
        """Undo what ``_focus_changed`` connected, by the connections themselves: the field
        may be gone, or no longer its combo box's line edit, or mid-destruction as the
        window closes, and naming its signal again then made libpyside warn."""
        for link in self._links:
            QObject.disconnect(link)
        self._links.clear()

    def _forget(self) -> None:
        self._links.clear()  # gone with the widget
        self._focus = None
        self.refresh()


def _can_paste(field: TextField) -> bool:
    if isinstance(field, QLineEdit):
        return bool(QGuiApplication.clipboard().text())
    return field.canPaste()  # a rich field takes more than text (the Composer: files, links)
