"""The reader's context menu and tooltips, built from what lies under the pointer.

Menus only call back (``ReaderMenuCallbacks``); they never change data. Tooltip
text is HTML with every user string escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QWidget

from briefer.core.model import Passage, Theme
from briefer.core.record import Record
from briefer.core.suggest import Suggestion


def menu_text(label: str) -> str:
    """A label shown as written: Qt reads '&' in menu text as a keyboard-accelerator marker."""
    return label.replace("&", "&&")


def colour_icon(colour: str, size: int = 14) -> QIcon:
    """A small rounded swatch of a theme colour, for menus."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(colour).darker(130))
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


def theme_names(ids: Sequence[int], themes: dict[int, Theme]) -> list[str]:
    return [themes[t].name if t in themes else f"Theme {t}" for t in ids]


def passage_tooltip(passages: Sequence[Passage], themes: dict[int, Theme]) -> str:
    """Theme names (with colour swatches) and comment of each passage under the pointer."""
    parts = []
    for passage in passages:
        swatches = ", ".join(
            f"<span style='color:{themes[t].colour if t in themes else '#888888'}'>■</span> "
            f"{html.escape(name)}"
            for t, name in zip(
                passage.theme_ids, theme_names(passage.theme_ids, themes), strict=True
            )
        )
        body = f"<b>{swatches or 'No theme'}</b>"
        if passage.comment.strip():
            comment = html.escape(passage.comment.strip()).replace("\n", "<br>")
            body += f"<br><i>{comment}</i>"
        parts.append(body)
    return "<hr>".join(parts)


def _suggested(s: Suggestion, themes: dict[int, Theme], rich: bool) -> str:
    """ "Suggested for Trade (keywords “tariff”, “export”)": as HTML (the theme bold) when
    ``rich``, else as plain text for the status bar and screen readers."""
    escape = html.escape if rich else str
    name = escape(theme_names([s.theme_id], themes)[0])
    words = ", ".join(f"“{escape(k)}”" for k in s.keywords or (s.keyword,))
    plural = "s" if len(s.keywords) > 1 else ""
    return f"Suggested for {f'<b>{name}</b>' if rich else name} (keyword{plural} {words})"


def suggestion_tooltip(suggestions: Sequence[Suggestion], themes: dict[int, Theme]) -> str:
    lines = [_suggested(s, themes, rich=True) for s in suggestions]
    return "<br>".join(lines) + "<br><small>Enter accepts, Esc dismisses</small>"


def suggestion_status(suggestions: Sequence[Suggestion], themes: dict[int, Theme]) -> str:
    """The tooltip's words as one plain line, for a caret that reached a suggestion by
    keyboard, where no tooltip shows: Enter and Esc act on the first suggestion."""
    lines = [_suggested(s, themes, rich=False) for s in suggestions]
    if len(lines) < 2:
        return "".join(lines) + ": Enter accepts, Esc dismisses"
    first = theme_names([suggestions[0].theme_id], themes)[0]
    return "; ".join(lines) + f": Enter accepts it for {first}, Esc dismisses that one"


class ReaderMenuCallbacks(Record):
    """What the menu may ask the reader to announce."""

    tag: Callable[[int], object]  # what it returns (was anything selected?) is not used
    toggle: Callable[[int, int], None]
    comment: Callable[[int], None]
    delete: Callable[[int], None]
    accept: Callable[[Suggestion], None]
    dismiss: Callable[[Suggestion], None]
    copy: Callable[[], None]


def build_menu(
    parent: QWidget,
    themes: Sequence[Theme],
    has_selection: bool,
    passage: Passage | None,
    suggestions: Sequence[Suggestion],
    actions: ReaderMenuCallbacks,
) -> QMenu:
    """The context menu for a selection, a passage and/or suggestions under the pointer."""
    menu = QMenu(parent)
    by_id = {t.id: t for t in themes if t.id is not None}
    if has_selection:
        tag_menu = menu.addMenu("Tag as")
        tag_menu.setEnabled(bool(by_id))
        for theme in by_id.values():
            action = tag_menu.addAction(colour_icon(theme.colour), menu_text(theme.name))
            if theme.shortcut:
                action.setShortcut(QKeySequence(theme.shortcut))
            action.triggered.connect(lambda _=False, t=theme.id: actions.tag(t))
        menu.addAction("Copy", actions.copy)
    if passage is not None and passage.id is not None:
        if has_selection:
            menu.addSeparator()
        pid = passage.id
        themes_menu = menu.addMenu("Themes of This Passage")
        for theme in by_id.values():
            action = themes_menu.addAction(colour_icon(theme.colour), menu_text(theme.name))
            action.setCheckable(True)
            action.setChecked(theme.id in passage.theme_ids)
            if theme.shortcut:
                action.setShortcut(QKeySequence(theme.shortcut))
            action.triggered.connect(lambda _=False, t=theme.id: actions.toggle(pid, t))
        menu.addAction("Edit Comment…", lambda: actions.comment(pid)).setShortcut(
            QKeySequence(Qt.Key.Key_F2)
        )
        menu.addAction("Delete Passage", lambda: actions.delete(pid)).setShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete)
        )
    for suggestion in suggestions:
        if not menu.isEmpty():
            menu.addSeparator()
        name = theme_names([suggestion.theme_id], by_id)[0]
        colour = by_id[suggestion.theme_id].colour if suggestion.theme_id in by_id else "#888888"
        # Worded as the Tag menu's items, which do the same (the reader's own methods).
        accept = menu.addAction(colour_icon(colour), f"Accept Suggestion for {menu_text(name)}")
        accept.triggered.connect(lambda _=False, s=suggestion: actions.accept(s))
        dismiss = menu.addAction(f"Dismiss Suggestion for {menu_text(name)}")
        dismiss.triggered.connect(lambda _=False, s=suggestion: actions.dismiss(s))
    if menu.isEmpty():
        menu.addAction("Copy", actions.copy).setEnabled(False)
    return menu
