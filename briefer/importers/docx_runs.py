"""How a run's formatting changes the text a reader sees: hidden text and symbol fonts.

Split from docx_body, which streams the parts: this reads one run's (and paragraph's)
properties against the document's styles. Imports docx_parts and symbol_font; never
store, session or ui.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefer.importers.docx_parts import Styles, toggle, w
from briefer.importers.symbol_font import symbol_table

P, _PPR, _RUN = w("p"), w("pPr"), w("r")
_RPR, _VANISH, _RSTYLE, _PSTYLE = w("rPr"), w("vanish"), w("rStyle"), w("pStyle")
_FONTS, _ASCII, _HANSI, _VAL = w("rFonts"), w("ascii"), w("hAnsi"), w("val")
_SPEC_VANISH = w("specVanish")


@dataclass(frozen=True, slots=True)
class Look:
    """What of a run's formatting changes its text: hidden, or set in a symbol font."""

    hidden: bool = False
    fonts: tuple[str, str] | None = None
    """(w:ascii, w:hAnsi) when either names a symbol font, for ``recoded``."""


PLAIN = Look()


class RunLooks:
    """The look of each run of one paragraph, read once per run.

    Hidden (``w:vanish``): the run's own setting, else its character style's (through
    basedOn), else its paragraph style's; ``w:val="0"`` switches it off. ``w:webHidden``
    (hidden in web view only) and ``w:specVanish`` (a style separator) are not hidden
    text. Fonts are the run's own ``w:rFonts``: symbol fonts are set on the run itself.
    """

    def __init__(self, styles: Styles) -> None:
        self._styles = styles
        self._run: Any = None
        self._look = PLAIN
        self._paragraph_hides: bool | None = None

    def of(self, node: Any) -> Look:
        run = node.getparent()
        if run is None or run.tag != _RUN:
            return PLAIN
        if run is not self._run:
            self._run, self._look = run, self._read(run)
        return self._look

    def _read(self, run: Any) -> Look:
        rpr = run.find(_RPR)
        hidden = toggle(rpr.find(_VANISH)) if rpr is not None else None
        if hidden is None and rpr is not None:
            style = rpr.find(_RSTYLE)
            if style is not None:
                hidden = self._styles.hidden_characters.get(style.get(_VAL, ""))
        if hidden is None:
            if self._paragraph_hides is None:
                paragraph = next(run.iterancestors(P), None)
                self._paragraph_hides = paragraph is not None and paragraph_style_hides(
                    paragraph, self._styles
                )
            hidden = self._paragraph_hides
        fonts = rpr.find(_FONTS) if rpr is not None else None
        names = (fonts.get(_ASCII, ""), fonts.get(_HANSI, "")) if fonts is not None else None
        if names is not None and not any(symbol_table(name) for name in names):
            names = None  # a text font: the run's text is what it says
        if not hidden and names is None:
            return PLAIN
        return Look(hidden, names)


def paragraph_style_hides(paragraph: Any, styles: Styles) -> bool:
    ppr = paragraph.find(_PPR)
    name = ppr.find(_PSTYLE) if ppr is not None else None
    style = styles.get(name.get(_VAL) if name is not None else None)
    return style is not None and style.hidden


def hidden_mark(paragraph: Any, styles: Styles) -> bool:
    """Word hides the paragraph mark (``w:pPr/w:rPr/w:vanish``, else its style's): with no
    text shown either, the paragraph is not there for a reader. A style separator's mark
    (``w:specVanish``) joins two paragraphs rather than hiding one."""
    mark = ppr.find(_RPR) if (ppr := paragraph.find(_PPR)) is not None else None
    if mark is not None and mark.find(_SPEC_VANISH) is not None:
        return False
    own = toggle(mark.find(_VANISH)) if mark is not None else None
    return own if own is not None else paragraph_style_hides(paragraph, styles)
