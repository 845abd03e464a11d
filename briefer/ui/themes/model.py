"""The Themes table model: name, key, colour and how many passages each theme holds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from briefer.core.model import Theme
from briefer.session import Change, Entity
from briefer.ui.common.rows import ID_ROLE, Index, RowsById


class ThemesModel(RowsById):
    """Colour swatch and name, shortcut, passage count; ordered as the analyst ordered them."""

    entity = Entity.THEME
    headers = ("Theme", "Key", "Passages")

    def load_all(self) -> list[Theme]:
        self.counts = self.session.query.theme_passage_counts()
        return self.session.query.list_themes()

    def load_one(self, record_id: int) -> Theme | None:
        return self.session.theme(record_id)

    def insert_position(self, record: Any) -> int:
        return sum(1 for t in self.rows if (t.position, t.id) < (record.position, record.id))

    def after_changes(self, changes: list[Change]) -> None:
        if any(c.entity is Entity.PASSAGE for c in changes):
            self.counts = self.session.query.theme_passage_counts()
            self.refresh_column(2)
        if any(c.entity is Entity.THEME and c.updated for c in changes):
            order = [t.id for t in self.session.query.list_themes()]
            if order != [t.id for t in self.rows]:  # reordered: rows moved wholesale
                self.beginResetModel()
                self.rows = self.load_all()
                self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        theme: Theme = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return theme.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return theme.name
            if column == 1:
                return theme.shortcut
            return self.counts.get(theme.id or 0, 0)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QColor(theme.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return theme.description or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
