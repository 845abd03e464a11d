"""What the rich section editor stores in a QTextDocument besides the text, in one place.

The page view keeps the meaning of the Markdown (which run is emphasis, which
character is a citation, which blocks form one block quotation) in custom
format properties, separate from how it looks: a heading's bold is not
``**``, and a quotation may be styled without becoming emphasis. Both the
loader (rich_markdown) and the writer (rich_export) read these; Qt only.
"""

from __future__ import annotations

from PySide6.QtGui import QTextFormat

CHIP_SCHEME = "briefer-chip"
"""A chip is an image character named ``briefer-chip:<passage id>``."""
OBJECT_CHAR = "\ufffc"
LINE_SEPARATOR = "\u2028"  # a hard line break inside a paragraph

_BASE = QTextFormat.Property.UserProperty
PASSAGE_ID = _BASE + 1  # int: the cited passage (on a chip's character format)
EMPHASIS = _BASE + 2  # str: "*" or "_" as written
STRONG = _BASE + 3  # str: "**" or "__"
CODE = _BASE + 4  # bool: an inline code span
SOFT_BREAK = _BASE + 5  # bool: this space stands for a line break in the source
AUTOLINK = _BASE + 6  # bool: the link was written <https://...>
QUOTE_GROUP = _BASE + 7  # int > 0 on a block: blocks with one number are one quotation
LIST_MARKER = _BASE + 8  # str on a list format: "-", "*", "+", "." or ")"
LIST_LOOSE = _BASE + 9  # bool on a list format: blank lines between its items
TABLE_ALIGN = _BASE + 10  # str on a table format: "l", "c", "r" or "-" per column

HEADING_SIZE = {1: 2, 2: 1, 3: 0}
"""Font size adjustment (Qt's relative steps) of heading levels; deeper ones are 0."""


def is_chip(fmt: QTextFormat) -> bool:
    """Whether a character with this format is a citation chip."""
    return fmt.hasProperty(PASSAGE_ID) and fmt.isImageFormat()
