"""How a block the extractor kept is found again on the page: by its first letters.

The extractor (trafilatura) returns text, not the page's elements. What Briefer puts
back beside that text (pictures' captions, htmlcaptions; the headings it dropped,
htmlheadings) is placed by walking the page and recognising each kept paragraph by a
key: its first letters and digits, case-folded. Both walks key paragraphs alike.
"""

from __future__ import annotations

import re

from briefer.importers.base import ArticleBuilder

KEY_CHARS = 48
"""Letters and digits that identify a paragraph, as the extractor kept it."""
SHORTEST_KEY = 5
"""Fewer ("News", "Map") would match anywhere."""
KEY_READ = 600
"""Characters of an element read for its key and its word count."""
KEY_WINDOW = 200
"""Characters a key is taken from: 48 letters stand well within them."""
_NON_WORD = re.compile(r"\W+")


def key(text: str) -> str:
    """The key of a paragraph that opens with ``text``."""
    return _NON_WORD.sub("", text[:KEY_WINDOW]).casefold()[:KEY_CHARS]


def fold(text: str) -> str:
    """``text`` compared whole: case-folded, white space made single spaces."""
    return " ".join(text.casefold().split())


def block_keys(builder: ArticleBuilder) -> dict[str, int]:
    """The key of each of ``builder``'s blocks long enough to have one -> the first block
    with that key."""
    text = builder.text()
    keys: dict[str, int] = {}
    for index, block in enumerate(builder.blocks):
        found = key(text[block.start : block.end])
        if len(found) >= SHORTEST_KEY:
            keys.setdefault(found, index)
    return keys
