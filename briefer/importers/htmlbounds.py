"""A linear pre-scan of HTML markup that refuses what the C parser cannot read in bounded time
or memory, before it sees a byte: one element with thousands of attributes, or millions of elements.

libxml2 compares each new attribute with every earlier one of the same element, so an
element of 60,000 attributes takes seconds to parse and one of 300,000 took over ten
minutes, inside C code no deadline can interrupt. A parsed element costs about 400
bytes, so a page of a million elements needs more memory than an import may use.
Imports only the standard library and briefer.importers.base.
"""

from __future__ import annotations

import functools
import re

from briefer.importers.base import ImportRejected

MAX_ATTRIBUTES = 500
"""Attributes on one element. Real pages have a few dozen at most (framework markup,
``data-*`` attributes); 500 parse in about a millisecond, a 60,000-attribute element in 5 s."""
MAX_ELEMENTS = 750_000
"""Start tags in one page. A saved news page has a few thousand, a 10 MB page of flat
tables about 530,000; each costs about 400 bytes once parsed, so a million `<span>`s
took 1.1 GB. Past this the page is a data dump, not an article."""

# The tokens that matter, as the HTML tokenizer meets them: comments and the raw text of
# script and style (whose "<" open no tags), and start tags with their attribute run, read
# as HTML5 reads them (quoted values may hold ">"; no space is needed after a quoted
# value). Every quantifier is possessive, so a token matches one way only, the scan
# never backtracks, and it resumes after each token: each character is read a bounded
# number of times.
_ATTRIBUTE = r"""[\s/]*+[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?+"""
_TOKEN = re.compile(
    r"<!--(?:-?>|.*?--!?>|.*+)"  # a comment, closed as HTML5 closes one, or to the end
    rf"|<[A-Za-z][^\s/>]*+(?:{_ATTRIBUTE})*+",
    re.DOTALL,
)
_NAME = re.compile(r"<[A-Za-z][^\s/>]*+")
_RAW_TEXT = re.compile(r"<(script|style)\b", re.IGNORECASE)
_RAW_END = {tag: re.compile(rf"</{tag}[\s/>]", re.IGNORECASE) for tag in ("script", "style")}


@functools.cache
def _attributes(count: int) -> re.Pattern[str]:
    """Matches a start tag's name and at least ``count`` attributes after it."""
    return re.compile(rf"<[A-Za-z][^\s/>]*+(?>{_ATTRIBUTE}){{{count}}}", re.DOTALL)


def check_markup(
    text: str,
    name: str,
    *,
    max_attributes: int = MAX_ATTRIBUTES,
    max_elements: int = MAX_ELEMENTS,
) -> None:
    """Raises ``ImportRejected`` when ``text`` has an element with more than
    ``max_attributes`` attributes or more than ``max_elements`` start tags.

    One pass over the text: a 60 MB page takes about a second.
    """
    elements = 0
    position = 0
    too_many = _attributes(max_attributes + 1)
    while match := _TOKEN.search(text, position):
        position = match.end()
        if text.startswith("<!", match.start()):
            continue
        elements += 1
        if elements > max_elements:
            raise ImportRejected(
                f"{name} has more than {max_elements:,} elements, far more than an article"
                " (a saved news page has a few thousand), so Briefer cannot read it in"
                " bounded memory. Save only the article, or print it to PDF, and import that."
            )
        # An attribute takes at least two characters, so only a long tag can hold too many.
        if position - match.start() > 2 * max_attributes and too_many.match(text, match.start()):
            tag = _NAME.match(text, match.start())
            shown = tag.group(0)[:40] if tag else "<"
            raise ImportRejected(
                f"{name} has an element ({shown}>) with more than {max_attributes:,}"
                " attributes, where real pages have a few dozen, so it cannot be read"
                " safely. Open it in a browser and save it again, or print it to PDF and"
                " import that."
            )
        raw = _RAW_TEXT.match(text, match.start())
        if raw:  # script and style hold text, not markup: go on after their end tag
            close = _RAW_END[raw.group(1).lower()].search(text, position)
            position = close.end() if close else len(text)
