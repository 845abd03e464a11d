"""Editing themes from the Themes panel: a context menu whose entries become commands.

Every change is a session command run through the window's undo stack, so a
rename, recolour, merge or delete is one Ctrl+Z away.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMenu, QMessageBox, QWidget

from briefer.core.model import Theme
from briefer.core.palette import spare_colour, spare_shortcut
from briefer.core.words import counted
from briefer.session import (
    AddThemeCommand,
    Command,
    DeleteThemeCommand,
    MergeThemesCommand,
    ReorderThemesCommand,
    Session,
    UpdateThemeCommand,
    notes_quoting_any,
)
from briefer.ui.reader.menu import menu_text


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class ThemeActions:
    """Builds the menu for one theme (or none) and turns choices into commands."""

    def __init__(self, session: Session, parent: QWidget, run: Callable[[Command], None]) -> None:
        self.session = session
        self.parent = parent
        self.run = run

    def menu(self, theme_id: int | None) -> QMenu:
        menu = QMenu(self.parent)
        menu.addAction("&New Theme…", lambda: self.new_theme())
        theme = self._theme(theme_id)
        if theme is None or theme.id is None:
            return menu
        tid = theme.id
        menu.addSeparator()
        menu.addAction("&Rename…", lambda: self.rename(tid))
        menu.addAction("Change &Colour…", lambda: self.recolour(tid))
        menu.addAction("Set &Shortcut Key…", lambda: self.set_shortcut(tid))
        menu.addAction("Edit &Keywords…", lambda: self.edit_keywords(tid))
        menu.addSeparator()
        menu.addAction("Move &Up", lambda: self.move(tid, -1))
        menu.addAction("Move &Down", lambda: self.move(tid, 1))
        merge = menu.addMenu("&Merge Into")
        for other in self.session.query.list_themes():
            if other.id is not None and other.id != tid:
                target = other.id
                merge.addAction(
                    swatch(other.colour), menu_text(other.name), lambda t=target: self.merge(tid, t)
                )
        menu.addSeparator()
        menu.addAction("&Delete…", lambda: self.delete(tid))
        return menu

    def _theme(self, theme_id: int | None) -> Theme | None:
        return self.session.theme(theme_id)

    def new_theme(self, parent: QWidget | None = None) -> int | None:
        """Ask for a name and add the theme; its id, or None if cancelled or refused.
        ``parent`` is the window asking (Manage Themes, say), so the question shows over it."""
        name, ok = QInputDialog.getText(parent or self.parent, "New theme", "Name:")
        if not ok or not name.strip():
            return None
        themes = self.session.query.list_themes()
        theme = Theme(name.strip(), spare_colour(themes), spare_shortcut(themes))
        command = AddThemeCommand(theme)
        self.run(command)
        return command.theme_id

    def rename(self, theme_id: int) -> None:
        theme = self._theme(theme_id)
        if theme is None:
            return
        name, ok = QInputDialog.getText(self.parent, "Rename theme", "Name:", text=theme.name)
        if ok and name.strip() and name.strip() != theme.name:
            self.run(UpdateThemeCommand(theme_id, name=name.strip()))

    def recolour(self, theme_id: int) -> None:
        theme = self._theme(theme_id)
        if theme is None:
            return
        colour = QColorDialog.getColor(QColor(theme.colour), self.parent, f"Colour of {theme.name}")
        if colour.isValid() and colour.name().upper() != theme.colour.upper():
            self.run(UpdateThemeCommand(theme_id, colour=colour.name().upper()))

    def set_shortcut(self, theme_id: int) -> None:
        theme = self._theme(theme_id)
        if theme is None:
            return
        key, ok = QInputDialog.getText(
            self.parent, "Shortcut key", "One key (1-9 or a letter), or empty for none:",
            text=theme.shortcut,
        )  # fmt: skip
        if ok and key.strip() != theme.shortcut:
            self.run(UpdateThemeCommand(theme_id, shortcut=key.strip()))

    def edit_keywords(self, theme_id: int) -> None:
        theme = self._theme(theme_id)
        if theme is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self.parent, "Keywords",
            f"Words and phrases that suggest {theme.name}, one per line (end with * for any "
            "ending, e.g. export*):",
            "\n".join(theme.keywords),
        )  # fmt: skip
        if ok:
            keywords = tuple(k.strip() for k in text.replace(",", "\n").splitlines() if k.strip())
            if keywords != theme.keywords:
                self.run(UpdateThemeCommand(theme_id, keywords=keywords))

    def move(self, theme_id: int, step: int) -> None:
        order = [t.id for t in self.session.query.list_themes() if t.id is not None]
        at = order.index(theme_id)
        to = at + step
        if 0 <= to < len(order):
            order[at], order[to] = order[to], order[at]
            self.run(ReorderThemesCommand(order))

    def merge(self, source_id: int, target_id: int) -> None:
        self.run(MergeThemesCommand(source_id, target_id))

    def delete(self, theme_id: int, over: QWidget | None = None) -> None:
        """Delete after asking, over ``over`` (Manage Themes, say: focus goes back there,
        not to the note behind), with No the default: it breaks the notes' citations."""
        theme = self._theme(theme_id)
        if theme is None:
            return
        query = self.session.query
        count = query.theme_passage_counts().get(theme_id, 0)
        going = [
            p.id
            for p in query.list_passages(theme_id=theme_id)
            if p.id is not None and p.theme_ids == (theme_id,)
        ]
        quoting = notes_quoting_any(query, going)
        quoted = ""
        if quoting:
            titles = ", ".join(f"“{n.title}”" for n in quoting[:5])
            more = f" and {len(quoting) - 5} more" if len(quoting) > 5 else ""
            quoted = (
                f" Notes quote some of those: {titles}{more}; they will show [missing source]"
                " where they do."
            )
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Delete theme?",
            f"Delete the theme “{theme.name}”? It is on {counted(count, 'passage')}; passages "
            f"tagged only with it are deleted too.{quoted} You can undo this with Ctrl+Z.",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            over or self.parent,
        )  # fmt: skip
        box.button(QMessageBox.StandardButton.Discard).setText("&Delete Theme")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # a stray Enter keeps it
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Discard):
            self.run(DeleteThemeCommand(theme_id))
