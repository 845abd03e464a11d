"""The passages beside the composer: by theme, with what the note already uses marked.

Themes with nothing tagged are listed too ("no passages yet"), so a gap in
the evidence is seen while writing, not after. Insert or Enter puts the
selected passage into the section at the cursor; dragging does the same
wherever it is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.core.model import ArticleSummary, Passage, Theme
from briefer.ui.composer.passage_drop import PASSAGE_MIME
from briefer.ui.themes.actions import swatch

PASSAGE_ROLE = Qt.ItemDataRole.UserRole + 1
EXCERPT_ROLE = Qt.ItemDataRole.UserRole + 2
INFO_ROLE = Qt.ItemDataRole.UserRole + 3
USED_NOTE = "Already quoted in this note.\n\n"
EXCERPT = 110

Material = Callable[[], tuple[list[Theme], list[Passage], list[ArticleSummary]]]
"""Reads the themes, passages and articles to list, when the list is rebuilt."""


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    found = (item.child(j) for j in range(item.childCount()))
    return [child for child in found if child is not None]


class PassageTree(QTreeWidget):
    insertRequested = Signal(int)
    showRequested = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("composerPassages")
        self.setAccessibleName("Passages to quote")
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemDoubleClicked.connect(lambda item, _col: self._insert(item))

    def current_passage(self) -> int | None:
        item = self.currentItem()
        value = item.data(0, PASSAGE_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def _insert(self, item: QTreeWidgetItem | None) -> None:
        value = item.data(0, PASSAGE_ROLE) if item is not None else None
        if value is not None:
            self.insertRequested.emit(int(value))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = (Qt.Key.Key_Insert, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if event.key() in keys and self.current_passage() is not None:
            self._insert(self.currentItem())
            return
        super().keyPressEvent(event)

    def mimeData(self, items: Sequence[QTreeWidgetItem]) -> QMimeData:
        mime = QMimeData()
        ids = [i.data(0, PASSAGE_ROLE) for i in items if i.data(0, PASSAGE_ROLE) is not None]
        if ids:
            mime.setData(PASSAGE_MIME, QByteArray(str(ids[0]).encode("ascii")))
        return mime

    def mimeTypes(self) -> list[str]:
        return [PASSAGE_MIME]

    def top_items(self) -> list[QTreeWidgetItem]:
        """The theme rows (Qt's topLevelItem() may answer None, never for i < count)."""
        found = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in found if item is not None]

    def _menu(self, at: QPoint) -> None:
        passage_id = self.current_passage()
        if passage_id is None:
            return
        menu = QMenu(self)
        insert = QAction("&Insert Quotation at Cursor", menu)
        insert.setShortcut("Ins")
        insert.triggered.connect(lambda _checked=False: self.insertRequested.emit(passage_id))
        show = QAction("&Show in Reader", menu)
        show.triggered.connect(lambda _checked=False: self.showRequested.emit(passage_id))
        menu.addActions([insert, show])
        menu.popup(self.viewport().mapToGlobal(at))


class PassagePickerPanel(QWidget):
    """A filter line above the tree; ``refresh`` rebuilds it from ``material()``, when seen.

    A large project has tens of thousands of passages; building the list
    while the Compose tab is hidden would slow every window opening, so a
    refresh while hidden only marks the list stale until it shows.
    """

    def __init__(
        self,
        material: Material | None = None,
        used: Callable[[], set[int]] = set,
    ) -> None:
        super().__init__()
        self._material = material
        self._used_now = used
        self._stale = True
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter passages…")
        self.filter.setAccessibleName("Filter passages")
        self.filter.setClearButtonEnabled(True)
        self.tree = PassageTree()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.filter.textChanged.connect(self._apply_filter)
        self._items: dict[int, list[QTreeWidgetItem]] = {}
        self._used: set[int] = set()

    def refresh(self) -> None:
        if self._material is None:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        themes, passages, articles = self._material()
        self.load(themes, passages, articles, self._used_now())

    def refresh_used(self) -> None:
        """Tick what the note quotes now, unless the list is stale and will be rebuilt anyway."""
        if self._stale or not self.isVisible():
            self._stale = True
            return
        self.mark_used(self._used_now())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def mark_used(self, used: set[int]) -> None:
        """Tick the passages the note now quotes; only items that change are touched.

        Called after every saved edit of the note, so it must not rebuild a
        list that may hold tens of thousands of passages.
        """
        for passage_id in used ^ self._used:
            for item in self._items.get(passage_id, []):
                self._style(item, passage_id in used)
        self._used = set(used)

    def _style(self, item: QTreeWidgetItem, used: bool) -> None:
        item.setText(0, ("✓ " if used else "") + item.data(0, EXCERPT_ROLE))
        item.setToolTip(0, (USED_NOTE if used else "") + item.data(0, INFO_ROLE))
        item.setForeground(
            0, QBrush(self.palette().placeholderText().color()) if used else QBrush()
        )

    def load(
        self,
        themes: Iterable[Theme],
        passages: Iterable[Passage],
        articles: Iterable[ArticleSummary],
        used: set[int],
    ) -> None:
        current = self.tree.current_passage()
        expanded = {
            top.text(0).split("  (")[0] for top in self.tree.top_items() if not top.isExpanded()
        }
        by_article = {a.id: a for a in articles}
        by_theme: dict[int | None, list[Passage]] = {}
        for passage in passages:
            for theme_id in passage.theme_ids:
                by_theme.setdefault(theme_id, []).append(passage)
        self.tree.clear()
        self._items = {}
        self._used = set(used)
        dim = QBrush(self.palette().placeholderText().color())
        for theme in themes:
            found = by_theme.get(theme.id, [])
            label = f"{theme.name}  ({len(found)})" if found else f"{theme.name}  — no passages yet"
            top = QTreeWidgetItem([label])
            top.setIcon(0, swatch(theme.colour))
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if not found:
                top.setForeground(0, dim)
                font = QFont(top.font(0))
                font.setItalic(True)
                top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            for passage in sorted(found, key=lambda p: (p.article_id, p.start)):
                article = by_article.get(passage.article_id)
                text = " ".join(passage.text.split())
                excerpt = text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"
                child = QTreeWidgetItem()
                child.setData(0, PASSAGE_ROLE, passage.id)
                child.setData(0, EXCERPT_ROLE, excerpt)
                source = article.title if article else "deleted article"
                when = article.published.isoformat() if article and article.published else ""
                child.setData(0, INFO_ROLE, f"{text}\n\n{source} {when}".strip())
                child.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                self._style(child, passage.id in used)
                if passage.id is not None:
                    self._items.setdefault(passage.id, []).append(child)
                top.addChild(child)
                if passage.id == current:
                    self.tree.setCurrentItem(child)
            top.setExpanded(theme.name not in expanded)
        self._apply_filter(self.filter.text())

    def _apply_filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for top in self.tree.top_items():
            shown = 0
            for child in _children(top):
                hidden = bool(needle) and needle not in child.toolTip(0).casefold()
                child.setHidden(hidden)
                shown += not hidden
            top.setHidden(bool(needle) and shown == 0)
