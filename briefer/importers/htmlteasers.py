"""Lists of other stories a page sets under or beside its article ("Other Opinion
Columns", "More from Business", "Most read"), taken out before extraction.

Each entry is a linked headline over a short summary, so an extractor reads the
list as more of the story: a real Herald Sun column (Mozilla Readability's test
set) ended with 180 words of five other columns' teasers. A list is known by its
heading, which names it as one, and by what follows the heading: only entries,
each holding a linked headline (a story's own subheadings carry no links) and
little else. Only the heading and what follows it go, never what precedes it, so
a list set at the end of the story's own container takes no story text with it.
Imports only lxml.
"""

from __future__ import annotations

import itertools
import re

import lxml.etree

_LIST_HEADING = re.compile(
    r"^(?:more (?:stories|news|articles|headlines|coverage|to read|like this|from|on|in)\b"
    r"(?:\s+\S+){0,3}"
    r"|other (?:\S+\s+){0,2}(?:stories|news|articles|headlines|columns|reads|voices)"
    r"|related(?: stories| articles| news| coverage| content| reading)?"
    r"|recommended(?: for you| stories| reading)?|read next|up next|what to read next"
    r"|most (?:read|popular|viewed|shared|commented)(?: stories| articles)?"
    r"|you (?:may|might) (?:also )?(?:like|be interested in)|trending(?: now| stories)?"
    r"|top stories|latest (?:news|stories|articles)|editor'?s'? picks"
    r"|à lire aussi|sur le même sujet|dans la même rubrique|mehr zum thema|lesen sie auch"
    r"|te puede interesar|leggi anche|leia também)[:.]?$",
    re.IGNORECASE,
)
_HEADINGS = "self::h2 or self::h3 or self::h4 or self::h5 or self::h6"
_LINKED = f".//*[{_HEADINGS}]//a[@href and not(starts-with(normalize-space(@href), '#'))]"
_MIN_ENTRIES = 2
_ENTRY_WORDS = 80  # an entry: a linked headline and a summary of a few lines
_MAX_LISTS = 20
_MAX_LIFT = 2  # levels from the heading to the element whose later siblings are the entries
_MAX_ENTRIES = 200


def names_story_list(heading: str) -> bool:
    """Whether ``heading`` names a list of other stories ("Related stories", "Most read")."""
    return bool(_LIST_HEADING.match(" ".join(heading.split())))


def remove_story_lists(tree: lxml.etree._Element) -> None:
    """Take out each list of other stories whose heading names it as one: the heading
    (or the element wrapping it) and the entries after it."""
    headings = [
        heading
        for heading in tree.xpath("//*[self::h2 or self::h3 or self::h4]")
        if names_story_list(heading.text_content())
    ][:_MAX_LISTS]
    for heading in headings:
        found = _list_of(heading)
        if found is not None:
            for element in found:
                parent = element.getparent()
                if parent is not None:
                    parent.remove(element)


def _list_of(heading: lxml.etree._Element) -> list[lxml.etree._Element] | None:
    """The heading's wrapper and the entries after it, when all that follows the wrapper
    in its parent is entries; None otherwise."""
    wrapper = heading
    for _ in range(_MAX_LIFT + 1):
        siblings = (e for e in wrapper.itersiblings() if isinstance(e.tag, str))
        following = list(itertools.islice(siblings, _MAX_ENTRIES + 1))
        if len(following) > _MAX_ENTRIES:  # a page's worth of elements, not a list
            return None
        if following:
            counts = [_entries(element) for element in following]
            if sum(counts) >= _MIN_ENTRIES and all(map(_is_entry, following, counts)):
                return [wrapper, *following]
            return None
        parent = wrapper.getparent()
        if parent is None or parent.tag in ("body", "article", "main"):
            return None
        wrapper = parent
    return None


def _entries(element: lxml.etree._Element) -> int:
    """How many linked headlines ``element`` is or holds."""
    return len(element.xpath(f"self::*[{_HEADINGS}][.//a] | {_LINKED}"))


def _is_entry(element: lxml.etree._Element, entries: int) -> bool:
    """A linked headline, a few (``entries``), or a short summary between them; never a
    heading without a link, the story's headline or a paragraph a story has."""
    if element.xpath(
        f"descendant-or-self::h1 | descendant-or-self::*[{_HEADINGS}][not(.//a[@href])]"
    ):
        return False
    words = len(element.text_content().split())
    return words <= _ENTRY_WORDS * max(1, entries)
