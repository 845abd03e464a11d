"""Dark mode and light mode: text and controls meet WCAG AA, computed from the palette.

The ratios come from the very palettes the app installs (``palette_for``), and the
check box outline is measured on pixels the style really paints, so a palette edit or a
style change that makes text or controls faint fails here.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QCheckBox, QRadioButton, QWidget

from briefer.core.contrast import CONTROL_AA, TEXT_AA, contrast_ratio
from briefer.ui.common.style import (
    TEXT_PAIRS,
    BrieferStyle,
    accents_for,
    colours_for,
    palette_for,
)
from briefer.ui.composer.editor import MarkdownHighlighter

MODES = pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])


def _hex(palette: QPalette, role: str) -> str:
    return palette.color(QPalette.ColorRole[role]).name()


def test_the_ratio_is_wcags() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)


@MODES
def test_every_text_colour_is_readable_on_its_background(dark: bool) -> None:
    palette = palette_for(dark)
    failing = [
        (fg, bg, round(contrast_ratio(_hex(palette, fg), _hex(palette, bg)), 2))
        for fg, bg in TEXT_PAIRS
        if contrast_ratio(_hex(palette, fg), _hex(palette, bg)) < TEXT_AA
    ]
    assert failing == []


@MODES
def test_composer_chips_and_quotations_are_readable(qapp: object, dark: bool) -> None:
    palette = palette_for(dark)
    highlighter = MarkdownHighlighter(QTextDocument(), palette)
    chip_text = highlighter.citation.foreground().color().name()
    chip_base = highlighter.citation.background().color().name()
    assert contrast_ratio(chip_text, chip_base) >= TEXT_AA
    quotation = highlighter.quote.foreground().color().name()
    assert contrast_ratio(quotation, _hex(palette, "Base")) >= TEXT_AA


@MODES
def test_control_outlines_stand_out_from_every_surface_they_sit_on(dark: bool) -> None:
    border = accents_for(dark).control_border
    for surface in ("Window", "Base", "Button", "AlternateBase"):
        assert contrast_ratio(border, colours_for(dark)[surface]) >= CONTROL_AA, surface


def _darkest_contrast_in(image_widget: QWidget, background: str) -> float:
    image = image_widget.grab().toImage()
    best = 1.0
    for y in range(image.height()):
        for x in range(min(image.width(), 24)):  # the indicator sits at the left
            best = max(best, contrast_ratio(QColor(image.pixel(x, y)).name(), background))
    return best


@MODES
@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton], ids=["check", "radio"])
def test_check_boxes_and_radio_buttons_are_drawn_with_a_visible_outline(
    qtbot: object, dark: bool, kind: type[QCheckBox] | type[QRadioButton]
) -> None:
    window = colours_for(dark)["Window"]
    style = BrieferStyle(dark)
    control = kind("")  # no label: only the indicator is painted
    control.setStyle(style)
    control.setPalette(palette_for(dark))
    control.setAutoFillBackground(True)
    control.resize(40, 24)
    assert _darkest_contrast_in(control, window) >= CONTROL_AA
