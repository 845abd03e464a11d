"""Briefer's look: Fusion with a calm, designed palette in light and dark.

Fusion draws the same on every OS and honours a palette fully, so one
palette per mode gives a consistent, quiet look; "system" follows the
desktop's colour scheme (Qt 6.5+ reports it) with the same palettes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

APPEARANCES = ("system", "light", "dark")

_LIGHT = {
    "Window": "#F4F5F7", "WindowText": "#1F2328", "Base": "#FFFFFF", "AlternateBase": "#F0F2F5",
    "Text": "#1F2328", "Button": "#ECEEF1", "ButtonText": "#1F2328", "Highlight": "#2F6FD0",
    "HighlightedText": "#FFFFFF", "ToolTipBase": "#FFFFF0", "ToolTipText": "#1F2328",
    "PlaceholderText": "#7A828C", "Link": "#1F5FBF", "Mid": "#C9CED6", "Dark": "#A6ADB8",
    "Light": "#FFFFFF", "Midlight": "#E3E6EA", "Shadow": "#7A828C", "BrightText": "#B00020",
}  # fmt: skip
_DARK = {
    "Window": "#23262B", "WindowText": "#E3E6EA", "Base": "#1A1C20", "AlternateBase": "#262A30",
    "Text": "#E3E6EA", "Button": "#2D3137", "ButtonText": "#E3E6EA", "Highlight": "#3D7BE0",
    "HighlightedText": "#FFFFFF", "ToolTipBase": "#2D3137", "ToolTipText": "#E3E6EA",
    "PlaceholderText": "#8B939E", "Link": "#7FB0FF", "Mid": "#3A3F46", "Dark": "#15171A",
    "Light": "#3E434B", "Midlight": "#33383F", "Shadow": "#0B0C0E", "BrightText": "#FF7A85",
}  # fmt: skip


def palette_for(dark: bool) -> QPalette:
    palette = QPalette()
    for name, colour in (_DARK if dark else _LIGHT).items():
        palette.setColor(QPalette.ColorRole[name], QColor(colour))
    disabled = QColor("#6B7280" if dark else "#A0A6AE")
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):  # fmt: skip
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return bool(scheme is not None and scheme() == Qt.ColorScheme.Dark)


def apply_appearance(app: QApplication, appearance: str) -> bool:
    """Set Fusion and the palette for ``appearance``; returns whether it is dark."""
    dark = system_is_dark() if appearance not in ("light", "dark") else appearance == "dark"
    app.setStyle("Fusion")
    app.setPalette(palette_for(dark))
    # A visible keyboard focus on every widget, in the highlight colour.
    accent = _DARK["Highlight"] if dark else _LIGHT["Highlight"]
    app.setStyleSheet(
        f"QAbstractItemView:focus, QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus,"
        f" QComboBox:focus, QSpinBox:focus {{ border: 1px solid {accent}; }}"
    )
    return dark
