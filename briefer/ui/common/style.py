"""Briefer's look: Fusion with a calm, designed palette in light and dark.

Fusion draws the same on every OS and honours a palette fully, so one
palette per mode gives a consistent, quiet look; "system" follows the
desktop's colour scheme (Qt 6.5+ reports it) with the same palettes.

Every text colour meets WCAG AA (4.5:1) on the background it is drawn on, and the
outlines of check boxes and radio buttons meet 3:1 (tests/ui/test_contrast.py computes
the ratios). Fusion derives those outlines from the window colour (darker by 40%), which
on a dark window is nearly invisible, so ``BrieferStyle`` draws its own outline over
Fusion's indicator in ``control_border``.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from briefer.core.record import Record

APPEARANCES = ("system", "light", "dark")

_LIGHT = {
    "Window": "#F4F5F7", "WindowText": "#1F2328", "Base": "#FFFFFF", "AlternateBase": "#F0F2F5",
    "Text": "#1F2328", "Button": "#ECEEF1", "ButtonText": "#1F2328", "Highlight": "#2F6FD0",
    "HighlightedText": "#FFFFFF", "ToolTipBase": "#FFFFF0", "ToolTipText": "#1F2328",
    "PlaceholderText": "#646B75", "Link": "#1F5FBF", "Mid": "#C9CED6", "Dark": "#A6ADB8",
    "Light": "#FFFFFF", "Midlight": "#E3E6EA", "Shadow": "#7A828C", "BrightText": "#B00020",
}  # fmt: skip
_DARK = {
    "Window": "#23262B", "WindowText": "#E3E6EA", "Base": "#1A1C20", "AlternateBase": "#262A30",
    "Text": "#E3E6EA", "Button": "#2D3137", "ButtonText": "#E3E6EA", "Highlight": "#2F6AC8",
    "HighlightedText": "#FFFFFF", "ToolTipBase": "#2D3137", "ToolTipText": "#E3E6EA",
    "PlaceholderText": "#8B939E", "Link": "#7FB0FF", "Mid": "#3A3F46", "Dark": "#15171A",
    "Light": "#3E434B", "Midlight": "#33383F", "Shadow": "#0B0C0E", "BrightText": "#FF7A85",
}  # fmt: skip


class Accents(Record, frozen=True):
    """Colours the palette has no role for: control outlines, citation chips, comment marks."""

    control_border: str
    chip_base: str
    chip_text: str
    quotation: str
    comment_mark: str


LIGHT_ACCENTS = Accents("#767E8A", "#E6ECF5", "#2B4766", "#3B5B7A", "#B25E00")
DARK_ACCENTS = Accents("#8B939E", "#2E3A4A", "#D5E2F2", "#A8C4E0", "#F0A848")

TEXT_PAIRS = (
    ("Text", "Base"), ("Text", "AlternateBase"), ("WindowText", "Window"),
    ("ButtonText", "Button"), ("HighlightedText", "Highlight"), ("ToolTipText", "ToolTipBase"),
    ("Link", "Base"), ("PlaceholderText", "Base"), ("PlaceholderText", "AlternateBase"),
    ("BrightText", "Base"),
)  # fmt: skip
"""(foreground, background) palette roles that carry text the analyst must read."""


def colours_for(dark: bool) -> dict[str, str]:
    """The palette's colours by role name, for one mode."""
    return dict(_DARK if dark else _LIGHT)


def accents_for(dark: bool) -> Accents:
    return DARK_ACCENTS if dark else LIGHT_ACCENTS


def accents_of(palette: QPalette) -> Accents:
    """The accents that go with a palette (a dark base means the dark set)."""
    return accents_for(palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5)


def palette_for(dark: bool) -> QPalette:
    palette = QPalette()
    for name, colour in colours_for(dark).items():
        palette.setColor(QPalette.ColorRole[name], QColor(colour))
    disabled = QColor("#6B7280" if dark else "#A0A6AE")
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):  # fmt: skip
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


class BrieferStyle(QProxyStyle):
    """Fusion, with check box and radio button outlines a person can see in both modes."""

    def __init__(self, dark: bool) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.dark = dark

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        radio = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if not radio and element != QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            return
        if not option.state & QStyle.StateFlag.State_Enabled:
            return  # WCAG exempts inactive controls; Fusion's faint outline says "disabled"
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(accents_for(self.dark).control_border), 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(option.rect).adjusted(0.6, 0.6, -0.6, -0.6)
        if radio:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 1.5, 1.5)
        painter.restore()


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return bool(scheme is not None and scheme() == Qt.ColorScheme.Dark)


def apply_appearance(app: QApplication, appearance: str) -> bool:
    """Set Briefer's style and the palette for ``appearance``; returns whether it is dark."""
    dark = system_is_dark() if appearance not in ("light", "dark") else appearance == "dark"
    app.setStyle(BrieferStyle(dark))
    app.setPalette(palette_for(dark))
    # A visible keyboard focus on every widget, in the highlight colour.
    accent = colours_for(dark)["Highlight"]
    app.setStyleSheet(
        f"QAbstractItemView:focus, QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus,"
        f" QComboBox:focus, QSpinBox:focus {{ border: 1px solid {accent}; }}"
    )
    return dark
