"""How a run's formatting and its special characters change the text a reader sees:
hidden text, symbol fonts, symbols, note marks, ruby and equation text.

Split from docx_body, which streams the parts: this reads one run's (and paragraph's)
properties against the document's styles. Imports docx_parts, symbol_font and lxml;
never store, session or ui.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from briefer.core.record import Record
from briefer.importers.docx_parts import Styles, toggle, w
from briefer.importers.symbol_font import UNMAPPED, symbol_character, symbol_table

P, _PPR, _RUN = w("p"), w("pPr"), w("r")
_DEEP = frozenset(
    {
        "{http://schemas.openxmlformats.org/drawingml/2006/main}blip",
        "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds",
        "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart",
        "{urn:schemas-microsoft-com:vml}textpath",
    }
)
"""Drawings (pictures, SmartArt, charts, WordArt): their run is an ancestor, not the parent."""
_RPR, _VANISH, _RSTYLE, _PSTYLE = w("rPr"), w("vanish"), w("rStyle"), w("pStyle")
_FONTS, _ASCII, _HANSI, _VAL = w("rFonts"), w("ascii"), w("hAnsi"), w("val")
_SPEC_VANISH = w("specVanish")
_T, _CHAR, _FONT, _CUSTOM_MARK = w("t"), w("char"), w("font"), w("customMarkFollows")
_RUBY_BASE = w("rubyBase")
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MATH_SYMBOLS = (f"{_M}d", f"{_M}nary", f"{_M}rad")
"""Equation parts whose symbols are properties, not text: a bracket's (``m:d``: "(",
")", "|" by default), a sum's or integral's sign (``m:nary``: "∫" by default) and a
root's sign (``m:rad``, always "√")."""
_BEGIN, _END, _SEPARATOR = f"{_M}dPr/{_M}begChr", f"{_M}dPr/{_M}endChr", f"{_M}dPr/{_M}sepChr"
_SIGN, _ARGUMENT, _MATH_VAL = f"{_M}naryPr/{_M}chr", f"{_M}e", f"{_M}val"


class Look(Record, frozen=True):
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
        if run is not None and run.tag != _RUN and node.tag in _DEEP:
            run = next(node.iterancestors(_RUN), None)  # a drawing deep in its run
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


def symbol_text(node: Any) -> str:
    """Insert > Symbol: a character by its code. In a text font it is that character ("é",
    "€"); in Symbol or Wingdings it is the character the font draws for the code ("μ" for
    F06D in Symbol). A private-use code in another font is a picture with no character:
    a space, so the words either side of it stay apart."""
    try:
        code = int(node.get(_CHAR, ""), 16)
    except ValueError:
        return ""
    table = symbol_table(node.get(_FONT))
    if table is not None:
        return symbol_character(table, code)
    if 0xE000 <= code < 0xF900:
        return UNMAPPED
    return chr(code) if 0x20 <= code < 0xD800 or 0xF900 <= code <= 0x10FFFF else ""


def custom_mark(reference: Any) -> str | None:
    """The mark typed after a note reference with ``w:customMarkFollows`` ("*", "†")."""
    if reference.get(_CUSTOM_MARK, "0") not in ("1", "true", "on"):
        return None
    run = reference.getparent()
    following = run.getnext() if run is not None else None
    texts = [*reference.itersiblings(_T), *(following.iter(_T) if following is not None else ())]
    marks = [str(node.text or "").strip() for node in texts]
    return next((mark for mark in marks if mark), "")


def ruby_after_base(reading: Any) -> None:
    """ "漢字 (かんじ)": the base as shown, its reading after it rather than fused before it."""
    ruby = reading.getparent()
    if ruby is None:
        return
    text = "".join(node.text or "" for node in reading.iter(_T))
    ruby.remove(reading)
    base = ruby.find(_RUBY_BASE)
    if base is not None and text.strip():
        etree.SubElement(etree.SubElement(base, _RUN), _T).text = f" ({text})"


def math_text(node: Any, parts: list[str]) -> str:
    """An equation's text run, spaced from the previous one when it is another argument.

    OMML keeps a fraction's numerator and denominator, a power's base and exponent,
    in separate elements; read back to back they would fuse into one false word.
    """
    text = node.text or ""
    run = node.getparent()
    argument = run.getparent() if run is not None else None
    previous = run.getprevious() if run is not None else None
    joined = previous is not None and previous.tag == run.tag and argument is not None
    return text if joined or not parts or parts[-1].endswith(" ") else " " + text


def math_symbols(node: Any) -> None:
    """Writes a bracket's or an n-ary sign's symbols into the equation as text, where they
    show: "(1+x)" and "∑ i=1 n x", not "1+x" and "i=1 n x"."""
    if node.tag == MATH_SYMBOLS[2]:
        radicand = node.find(_ARGUMENT)
        if radicand is not None:  # after the degree, if any: "3 √x" for a cube root
            radicand.insert(0, _math_run("\u221a"))
        return
    if node.tag == MATH_SYMBOLS[1]:
        properties = node.find(f"{_M}naryPr")
        sign = _math_symbol(node, _SIGN, "\u222b")
        if sign:
            node.insert(0 if properties is None else node.index(properties) + 1, _math_run(sign))
        return
    arguments = node.findall(_ARGUMENT)
    if not arguments:
        return
    separator = _math_symbol(node, _SEPARATOR, "|")
    for argument in arguments[:-1]:
        if separator:
            argument.append(_math_run(separator))
    begin, end = _math_symbol(node, _BEGIN, "("), _math_symbol(node, _END, ")")
    if begin:
        arguments[0].insert(0, _math_run(begin))
    if end:
        arguments[-1].append(_math_run(end))


def _math_symbol(node: Any, path: str, default: str) -> str:
    setting = node.find(path)
    return default if setting is None else str(setting.get(_MATH_VAL, default))


def _math_run(text: str) -> Any:
    run = etree.Element(f"{_M}r")
    etree.SubElement(run, f"{_M}t").text = text
    return run
