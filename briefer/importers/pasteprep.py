"""Clipboard HTML as the program that copied it showed it, before it is read as blocks.

Each program writes its own dialect to the clipboard. Word writes a numbered or bulleted
list as paragraphs styled ``mso-list`` whose number ("1.", "·") is typed into a span
Word itself hides from other readers (``mso-list:Ignore``); read as paragraphs, the list
lost its structure and kept a stray "·". LibreOffice marks its footnotes with bare
figures in links ("April.1 The", "1Board minutes"). A browser's copy of a page's share
bar puts its links side by side with nothing between them ("Share on TwitterShare on
Facebook"), which no furniture filter recognises.

Used by the paste importer; imports only lxml.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_MSO_LIST = re.compile(r"mso-list\s*:\s*(?!ignore)(\S*?)\s*level(\d)", re.IGNORECASE)
_MSO_MARKER = re.compile(r"mso-list\s*:\s*ignore", re.IGNORECASE)
_NUMBERED = re.compile(r"^\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]$")
_LO_NOTE = re.compile(r"\bsd(?:footnote|endnote)(?:anc|sym)\b")
_MAX_ELEMENTS = 200_000
"""Elements looked at; a pasted selection has a few thousand."""


def prepare_clipboard(root: lxml.html.HtmlElement) -> None:
    """Word's typed lists as lists, LibreOffice's note marks as "[n]", links side by side
    kept apart, in place."""
    elements = [el for el in root.iter() if isinstance(el.tag, str)][:_MAX_ELEMENTS]
    _word_lists(elements)
    for el in elements:
        if el.tag == "a":
            _note_mark(el)
            following = el.getnext()
            if following is not None and following.tag == "a" and not (el.tail or "").strip():
                el.tail = (el.tail or "") + " "


def _word_lists(elements: list[lxml.html.HtmlElement]) -> None:
    """Paragraphs Word styled as list items, as ``<ol>``/``<ul>`` of ``<li>``, nested by
    their ``level``; the typed number or bullet goes."""
    stack: list[tuple[int, etree._Element]] = []  # (level, list element), outermost first
    current = ""  # Word's list id ("l0"): another id is another list
    for el in elements:
        found = _MSO_LIST.search(el.get("style", "")) if el.tag == "p" else None
        marker = _take_marker(el) if found is not None else None
        if found is None or marker is None:
            continue
        level = int(found.group(2))
        if not stack or el.getprevious() is not stack[0][1] or found.group(1) != current:
            stack = []  # not straight after the list being built: a new list
        current = found.group(1)
        while stack and stack[-1][0] > level:
            stack.pop()
        if not stack or stack[-1][0] < level:
            lst = el.makeelement("ol" if _NUMBERED.match(marker) else "ul", {})
            if stack:
                stack[-1][1][-1].append(lst)  # inside the outer list's last item
            else:
                el.addprevious(lst)
            stack.append((level, lst))
        stack[0][1].tail, el.tail = el.tail, None
        item = el.makeelement("li", {})
        stack[-1][1].append(item)
        item.append(el)


def _take_marker(paragraph: etree._Element) -> str | None:
    """The number or bullet Word typed into the paragraph, removed from it."""
    for span in paragraph.iter("span"):
        if not _MSO_MARKER.search(span.get("style", "")):
            continue
        marker = " ".join(span.text_content().replace("\xa0", " ").split())
        span.drop_tree()  # lxml.html keeps the span's tail in place
        return marker
    return None


def _note_mark(anchor: lxml.html.HtmlElement) -> None:
    """LibreOffice's footnote mark ("1", in the text and before the note) as "[1]", as the
    Word and PDF importers write note marks."""
    if not _LO_NOTE.search(anchor.get("class", "")):
        return
    mark = anchor.text_content().strip()
    if not mark or len(mark) > 6:
        return
    for child in list(anchor):
        anchor.remove(child)
    anchor.text = f"[{mark}]"
    if "sym" in anchor.get("class", "") and not (anchor.tail or "").startswith(" "):
        anchor.tail = " " + (anchor.tail or "")
