"""Lists of other stories a page sets under or beside its article ("Other Opinion
Columns", "More from Business", "Most read"), taken out before extraction.

Each entry is a linked headline over a short summary, so an extractor reads the
list as more of the story: a real Herald Sun column (Mozilla Readability's test
set) ended with 180 words of five other columns' teasers. A list is known by its
heading and by its entries' linked headlines; a story's own subheadings carry no
links. Imports only lxml.
"""

from __future__ import annotations

import re

import lxml.etree

_LIST_HEADING = re.compile(
    r"^(?:(?:other|more)(?:\s+\S+){0,3}"
    r"|related(?:\s+\S+){0,2}|recommended(?:\s+\S+){0,2}|read next|up next|what to read next"
    r"|most (?:read|popular|viewed|shared|commented)(?:\s+\S+){0,2}"
    r"|you (?:may|might) (?:also )?(?:like|be interested in)|trending(?:\s+\S+){0,2}"
    r"|top stories|latest (?:news|stories|articles)|editor'?s'? picks"
    r"|(?:à lire aussi|sur le même sujet|dans la même rubrique|mehr zum thema|lesen sie auch"
    r"|te puede interesar|leggi anche|leia também))[:.]?$",
    re.IGNORECASE,
)
_LINKED_HEADINGS = (
    ".//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
    "[.//a[@href and not(starts-with(normalize-space(@href), '#'))]]"
)
_MIN_ENTRIES = 2
_LONG_PARAGRAPH = 60  # words: a story's paragraph, not a teaser's summary
_MAX_LIFT = 4  # levels from the list's heading to the element holding its entries
_MAX_HEADINGS = 200


def remove_story_lists(tree: lxml.etree._Element) -> None:
    """Take out each list of other stories whose heading names it as one."""
    for heading in tree.xpath("//*[self::h2 or self::h3 or self::h4]")[:_MAX_HEADINGS]:
        if heading.getparent() is None:  # already taken out with an earlier list
            continue
        if not _LIST_HEADING.match(" ".join(heading.text_content().split())):
            continue
        box = _entries_box(heading)
        if box is not None and box.getparent() is not None:
            box.getparent().remove(box)


def _entries_box(heading: lxml.etree._Element) -> lxml.etree._Element | None:
    """The nearest element around ``heading`` holding the list's linked headlines, or None
    when it holds the story itself (its headline, or paragraphs a story has)."""
    box = heading.getparent()
    for _ in range(_MAX_LIFT):
        if box is None or box.tag in ("body", "html", "article", "main"):
            return None
        if box.xpath(".//h1 or .//*[@itemprop='articleBody']"):
            return None
        entries = [h for h in box.xpath(_LINKED_HEADINGS) if h is not heading]
        if len(entries) >= _MIN_ENTRIES:
            long_paragraphs = sum(
                1 for p in box.iter("p") if len(p.text_content().split()) >= _LONG_PARAGRAPH
            )
            return box if long_paragraphs <= 1 else None
        box = box.getparent()
    return None
