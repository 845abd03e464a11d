"""The Tag menu: the Reader's tagging keys where an analyst new to Briefer looks for them.

One "Tag as <theme>" per theme, in the themes' order, then the Reader's own actions.
Each item shows its key after a tab, where a menu shows a shortcut, but binds none:
ReaderView's key handler answers the keys, so a theme's letter, Enter or Esc never
becomes a window-wide shortcut firing while the analyst types in the Composer or a
filter field. Imports the reader's parts only, never the window.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from briefer.core.model import Theme
from briefer.session import Change, Entity, Session
from briefer.ui.common.session_bridge import SessionBridge
from briefer.ui.reader.menu import colour_icon
from briefer.ui.reader.tagging import TaggingController

KEYS_AFTER_TAB = sys.platform != "darwin"
"""Whether a menu item's keys go after a tab, where menus show shortcuts. Qt's macOS menu
bar makes the text after a tab the item's real shortcut, which would bind Enter, Esc and
the themes' keys window-wide: there the keys go in brackets after the label instead."""

SELECT_FIRST = "Select words in the article first, then choose a theme or press its key."
WHY_OFF = {
    "read_only": "Read-only project: tagging is off",
    "no_article": "Open an article in the Reader to tag it",
    "composing": "Switch to Read and Tag to tag the open article",
    "no_selection": "Select words in the Reader to tag them",
}
"""The Tag menu's first line while its "Tag as" items are greyed: why they are.
A status tip does not show for a disabled item, and a tooltip waits for a hover."""
ON_PASSAGE = "Add or remove a theme of the passage at the cursor"
"""The first line while the "Tag as" items act on the passage under the cursor (nothing
selected), as the themes' keys then do: each item is checked if the passage has its theme."""


def theme_keys(session: Session) -> list[tuple[str, str]]:
    """(key, theme name) for the help page: the project's themes as they are now."""
    return [(t.shortcut, t.name) for t in session.query.list_themes() if t.shortcut]


def shown_key(key: str) -> str:
    """A theme's key as menus show keys: "t" as "T" (Qt's own shortcuts are upper case)."""
    upper = key.upper()
    return upper if len(upper) == 1 else key


def native(keys: str) -> str:
    """Portable key names ("Del", "Alt+Down") as this platform's menus write them."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def item_text(prefix: str, label: str, keys: str, used: set[str], prefer: str = "") -> str:
    """``prefix`` + ``label``, a tab and ``keys``, with an access key (&) on a character no
    item in ``used`` has (which it joins): ``prefer`` (a theme's key) where the label has
    it, else on the keys when they are just that; else a word's first letter; else any
    letter or digit of the label. '&' in the label or keys shows as itself."""
    candidates: list[tuple[str, int]] = []
    if prefer:
        candidates += [
            ("label", i) for i, c in enumerate(label) if c.casefold() == prefer.casefold()
        ]
        if keys.casefold() == prefer.casefold():
            candidates.append(("keys", 0))
    starts = [
        i for i, c in enumerate(label) if c.isalnum() and (i == 0 or not label[i - 1].isalnum())
    ]
    candidates += [("label", i) for i in starts]
    candidates += [("label", i) for i, c in enumerate(label) if c.isalnum() and i not in starts]
    chosen = next(
        (
            (part, i)
            for part, i in candidates
            if (c := (label if part == "label" else keys)[i]).isalnum() and c.casefold() not in used
        ),
        None,
    )

    def marked(part: str, text: str) -> str:
        return "".join(
            ("&" if chosen == (part, i) else "") + ("&&" if c == "&" else c)
            for i, c in enumerate(text)
        )

    if chosen is not None:
        used.add((label if chosen[0] == "label" else keys)[chosen[1]].casefold())
    text = prefix.replace("&", "&&") + marked("label", label)
    if not keys:
        return text
    return (
        f"{text}\t{marked('keys', keys)}" if KEYS_AFTER_TAB else f"{text} ({marked('keys', keys)})"
    )


def with_theme(text: str, theme: str) -> str:
    """A suggestion item's text (from ``item_text``) naming the theme it is for: "Accept
    Suggestion for Trade", its access key and keys kept; ``text`` itself without one."""
    if not theme:
        return text
    cut = text.find("\t") if KEYS_AFTER_TAB else text.rfind(" (")
    cut = len(text) if cut < 0 else cut
    return f"{text[:cut]} for {theme.replace('&', '&&')}{text[cut:]}"


class TagActions(QObject):
    """The Tag menu of a project window: built from the themes, rebuilt when they change,
    each item enabled only when the Reader can do it now."""

    def __init__(
        self, tagging: TaggingController, bridge: SessionBridge, manage_themes: QAction
    ) -> None:
        super().__init__(tagging)
        self.tagging = tagging
        self.reader = tagging.reader
        self.session = tagging.session
        self.manage_themes = manage_themes
        self.menu = QMenu("&Tag", self.reader)
        self.menu.setObjectName("tagMenu")
        self.theme_actions: dict[int, QAction] = {}  # theme id -> its "Tag as" item
        self.hint: QAction  # the first line: why the "Tag as" items are off, or what they do
        self.reader_actions: dict[str, QAction] = {}  # label -> the Reader's item
        self._texts: dict[str, str] = {}  # label -> its item's text, access key and keys
        self._names: dict[int, str] = {}  # theme id -> name, for the suggestion items
        self.menu.aboutToShow.connect(self.update_state)
        self.reader.selectionChanged.connect(self.update_state)
        self.reader.cursorPositionChanged.connect(self.update_state)
        bridge.changed.connect(self.on_changes)
        self.rebuild()

    def _reader_items(self) -> list[tuple[str, str, Callable[[], object]]]:
        """(label, keys, what it does): the keys ReaderView._handle_key answers."""
        reader = self.reader
        return [
            ("Accept Suggestion", "Enter", lambda: self._suggestion(reader.accept_suggestion)),
            ("Dismiss Suggestion", "Esc", lambda: self._suggestion(reader.dismiss_suggestion)),
            ("Remove Passage", "Del", lambda: self._passage(reader.deleteRequested.emit)),
            ("Edit Comment…", "F2", lambda: self._passage(reader.commentRequested.emit)),
            ("Next Passage", "Alt+Down", reader.next_passage),
            ("Previous Passage", "Alt+Up", reader.previous_passage),
            ("Next Suggestion", "Ctrl+Alt+Down", reader.next_suggestion),
            ("Previous Suggestion", "Ctrl+Alt+Up", reader.previous_suggestion),
        ]

    def rebuild(self) -> None:
        """Every item again, from the themes as the project has them now."""
        self.menu.clear()  # deletes the items it owns
        self.theme_actions = {}
        self.reader_actions = {}
        themes = [t for t in self.session.query.list_themes() if t.id is not None]
        self._names = {t.id: t.name for t in themes if t.id is not None}
        self.hint = QAction(self.menu)
        self.hint.setObjectName("tagMenuHint")
        self.hint.setEnabled(False)
        italic = self.menu.font()
        italic.setItalic(True)  # a note about the items, not one more of them
        self.hint.setFont(italic)
        if themes:  # with none, "No Themes Yet" says it
            self.menu.addAction(self.hint)
        used: set[str] = set()
        # Access keys: each theme's own key first (pressed in the open menu it tags, as
        # in the Reader), then the Reader's items, then themes without a key, then the rest.
        texts = {t.id: self._theme_text(t, used) for t in themes if t.shortcut}
        reader_items = [
            (label, item_text("", label, native(keys), used), act)
            for label, keys, act in self._reader_items()
        ]
        texts |= {t.id: self._theme_text(t, used) for t in themes if not t.shortcut}
        for theme in themes:
            assert theme.id is not None
            action = QAction(colour_icon(theme.colour), texts[theme.id], self.menu)
            action.triggered.connect(lambda _checked=False, t=theme.id: self.tag(t))
            self.menu.addAction(action)
            self.theme_actions[theme.id] = action
        if not themes:
            empty = self.menu.addAction(item_text("", "No Themes Yet", "", used))
            empty.setEnabled(False)
        self.menu.addSeparator()
        self._texts = {label: text for label, text, _act in reader_items}
        for label, text, act in reader_items:
            action = QAction(text, self.menu)
            action.triggered.connect(lambda _checked=False, act=act: self._in_reader(act))
            self.menu.addAction(action)
            self.reader_actions[label] = action
        self.menu.addSeparator()
        keys = self.manage_themes.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        manage = QAction(item_text("", "Manage Themes…", keys, used), self.menu)
        manage.triggered.connect(lambda _checked=False: self.manage_themes.trigger())
        self.menu.addAction(manage)
        self.update_state()

    @staticmethod
    def _theme_text(theme: Theme, used: set[str]) -> str:
        key = shown_key(theme.shortcut) if theme.shortcut else ""
        return item_text("Tag as ", theme.name, key, used, prefer=theme.shortcut)

    def on_changes(self, changes: list[Change]) -> None:
        if any(c.entity is Entity.THEME for c in changes):
            self.rebuild()
        elif any(c.entity in (Entity.PASSAGE, Entity.SUGGESTION, Entity.ARTICLE) for c in changes):
            self.update_state()

    def _showing(self) -> bool:
        """Whether the Reader shows an article (in Compose it is out of sight)."""
        return self.tagging.article is not None and self.reader.isVisible()

    def update_state(self) -> None:
        """Each item enabled when the Reader could do it now: the "Tag as" items as the
        themes' keys act, on the selection, else on the passage under the cursor (checked
        for the themes it has)."""
        writable = not self.session.read_only
        showing = self._showing()
        selected = showing and self.reader.textCursor().hasSelection()
        passage, suggestions = self.reader.at_cursor() if showing else (None, [])
        on_passage = passage if not selected else None
        for theme_id, action in self.theme_actions.items():
            action.setEnabled(writable and (selected or on_passage is not None))
            action.setCheckable(on_passage is not None)
            action.setChecked(on_passage is not None and theme_id in on_passage.theme_ids)
        why = (
            "read_only" if not writable
            else "no_article" if self.tagging.article is None
            else "composing" if not showing
            else "no_selection" if not selected and on_passage is None
            else ""
        )  # fmt: skip
        hint = WHY_OFF.get(why, "") or (ON_PASSAGE if on_passage is not None else "")
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        items = self.reader_actions
        theme = self._names.get(suggestions[0].theme_id, "") if suggestions else ""
        for label in ("Accept Suggestion", "Dismiss Suggestion"):
            items[label].setEnabled(writable and bool(suggestions))
            items[label].setText(with_theme(self._texts[label], theme))
        for label in ("Remove Passage", "Edit Comment…"):
            items[label].setEnabled(writable and passage is not None)
        for label in ("Next Passage", "Previous Passage", "Next Suggestion", "Previous Suggestion"):
            items[label].setEnabled(showing)

    def tag(self, theme_id: int) -> None:
        """Tag as <theme>: what the theme's key does in the Reader, by the key's own code: tag
        the selection (the same undoable command, the selection collapsed to the passage's
        end after), or with nothing selected toggle the theme on the passage there."""
        if self.session.read_only or not self._showing():
            return
        if not self.reader.theme_key(theme_id):
            self.tagging.report(SELECT_FIRST)
        self.reader.setFocus()  # the next key acts on the passage just tagged

    def _in_reader(self, act: Callable[[], object]) -> None:
        if self._showing():
            act()
            self.reader.setFocus()

    def _suggestion(self, act: Callable[..., object]) -> None:
        _passage, suggestions = self.reader.at_cursor()
        if suggestions:
            act(suggestions[0])

    def _passage(self, act: Callable[[int], object]) -> None:
        passage, _suggestions = self.reader.at_cursor()
        if passage is not None and passage.id is not None:
            act(passage.id)
