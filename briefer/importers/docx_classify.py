"""Block kind and Word's list number of a body paragraph, from its style and numbering.

Split from docx_body, which streams the parts; this decides what one paragraph is.
Imports core, docx_numbers and docx_parts (Piece among them); never store, session or ui.
"""

from __future__ import annotations

import re
from typing import Any

from briefer.core.model import BlockKind
from briefer.core.record import Record
from briefer.importers.docx_numbers import Numbering
from briefer.importers.docx_parts import ParagraphStyle, Piece, Styles, w

_PPR, _PSTYLE, _NUMPR, _NUMID, _ILVL = w("pPr"), w("pStyle"), w("numPr"), w("numId"), w("ilvl")
_OUTLINE, _VAL = w("outlineLvl"), w("val")
_HEADING = re.compile(r"^heading\s*([1-9])$")
_TRAILING_LEVEL = re.compile(r"\s([2-9])$")
_UNORDERED_FORMATS = frozenset({"bullet", "none", ""})
_MAX_HEADING = 6


class Classifier(Record):
    """Block kind of a body paragraph from its style, numbering and outline level.

    Every paragraph Word numbers keeps Word's number in its text: headings ("2.1
    Scope"), clauses ("4.1.7 The ...") and simple lists alike ("(a) first point",
    "iv. ..."), since analysts cite them ("see point (a)") and only Word's own
    counting (continued across other paragraphs, restarted by overrides, "(a)" not
    "1.") gives the number the author saw. A numbered list item therefore becomes a
    paragraph that starts with its number, never a list item the Reader would number
    a second time; its ``level`` is its depth in the list (1 = top), so the Reader
    indents "a." under "2." as Word does. Bulleted items stay list items: a bullet is
    not content.
    """

    styles: Styles
    numbering: Numbering
    core_title: str
    title_style_text: str = ""
    first_heading: str = ""

    def __call__(self, paragraph: Any, text: str) -> Piece | None:
        ppr, style, number, label = self._counted(paragraph)
        name = style.name if style is not None else ""
        depth = number[1] + 1 if label and number is not None else 0  # the Reader indents
        if not text.strip():
            # Word shows (and counts) an empty numbered paragraph's number: "3." alone.
            return Piece(BlockKind.PARAGRAPH, label, level=depth) if label else None
        if name == "title" or (style is not None and style.title):
            folded = " ".join(text.split())
            if not self.title_style_text and self.core_title in ("", folded):
                # It names the article, and it stays in the text as the document's first
                # heading: its words are the author's (a reader counting them finds them),
                # and the Reader shows a first heading that repeats the title only once.
                self.title_style_text = folded
            return Piece(BlockKind.HEADING, text, level=1)
        level = _heading_level(ppr, name, style)
        if level:
            self.first_heading = self.first_heading or " ".join(text.split())
            return Piece(BlockKind.HEADING, f"{label} {text}" if label else text, level=level)
        if name in ("quote", "intense quote"):
            return Piece(BlockKind.QUOTE, text)
        if name == "caption":
            return Piece(BlockKind.CAPTION, text)
        if label:  # "4.1.7 The ...", "(a) ...": at its list's depth, its number in its text
            return Piece(BlockKind.PARAGRAPH, f"{label} {text}", level=depth)
        listing = self._list_info(number, name)
        if listing is not None:
            return Piece(BlockKind.LIST_ITEM, text, level=listing[0], ordered=listing[1])
        return Piece(BlockKind.PARAGRAPH, text)

    def labelled(self, paragraph: Any, text: str) -> str:
        """A paragraph read as plain text (in a table cell): its number, if any, before it."""
        label = self._counted(paragraph)[3]
        return f"{label} {text}" if label else text

    def _counted(
        self, paragraph: Any
    ) -> tuple[Any, ParagraphStyle | None, tuple[int, int] | None, str]:
        """Properties, style, (numId, ilvl) and Word's label; counts the paragraph once."""
        ppr = paragraph.find(_PPR)
        style_node = ppr.find(_PSTYLE) if ppr is not None else None
        style = self.styles.get(style_node.get(_VAL) if style_node is not None else None)
        number = self._number(ppr, style)
        label = self.numbering.label(*number) if number is not None else ""
        return ppr, style, number, label

    def _number(self, ppr: Any, style: ParagraphStyle | None) -> tuple[int, int] | None:
        """(numId, ilvl) from the paragraph's own numPr, else its style's; None if unnumbered."""
        num_pr = ppr.find(_NUMPR) if ppr is not None else None
        num_id = _val(num_pr.find(_NUMID)) if num_pr is not None else None
        ilvl = _val(num_pr.find(_ILVL)) if num_pr is not None else None
        if num_id is None and style is not None:
            num_id = style.num_id
        if not num_id:  # absent, or 0: "no numbering here"
            return None
        if ilvl is None and style is not None:
            ilvl = style.ilvl
            if ilvl is None:
                ilvl = self.numbering.level_for_style(num_id, style.style_id)
        return num_id, max(0, ilvl or 0)

    def _list_info(self, number: tuple[int, int] | None, name: str) -> tuple[int, bool] | None:
        if number is not None:
            fmt = self.numbering.format(*number)
            ordered = fmt not in _UNORDERED_FORMATS if fmt is not None else "number" in name
            return number[1] + 1, ordered
        if name.startswith("list") and name != "list paragraph":
            level = _TRAILING_LEVEL.search(name)
            return (int(level.group(1)) if level else 1), "number" in name
        return None


def _heading_level(ppr: Any, name: str, style: ParagraphStyle | None) -> int:
    """1-6 for a heading (by its style name, or Word's outline level), else 0."""
    own = _val(ppr.find(_OUTLINE)) if ppr is not None else None
    by_name = _HEADING.match(name)
    if by_name and own is None:
        return min(int(by_name.group(1)), _MAX_HEADING)
    outline = own if own is not None else (style.outline if style is not None else None)
    if outline is not None and 0 <= outline <= 8:
        return min(outline + 1, _MAX_HEADING)
    return 0


def _val(node: Any) -> int | None:
    if node is None:
        return None
    try:
        return int(node.get(_VAL, ""))
    except ValueError:
        return None
