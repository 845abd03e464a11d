"""Changes a parsed web page needs before its article is extracted, so that it reads as a
browser shows it: framed text in place, paragraphs split at blank lines, notes kept, the
standfirst with the story; and whether the page shows anything but its site's furniture.

Used by html.py; imports only lxml, core and briefer.importers helpers, never store/session/ui.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from briefer.core.words import at_most_words
from briefer.importers.cleanup import is_boilerplate_line
from briefer.importers.htmlbounds import check_markup
from briefer.importers.htmlcaptions import STANDFIRST_MARK
from briefer.importers.htmlheadline import headline_element
from briefer.importers.htmlteasers import remove_story_lists

_MIN_FRAME_WORDS = 40
"""A ``srcdoc`` frame with fewer words holds a widget, not the article."""


def prepare_page(tree: lxml.etree._Element, name: str = "the page") -> None:
    """What the page needs before extraction: its framed text in place, its paragraphs split
    where a blank line divides them, its notes as paragraphs, its standfirst with the story,
    lists of other stories out.
    ``name`` names the page in a refusal of the framed pages' markup."""
    inline_srcdoc_frames(tree, name)
    split_at_blank_lines(tree)
    keep_notes(tree)
    keep_standfirst(tree)
    remove_story_lists(tree)


# Where pages keep their footnotes: pandoc's and markdown-it's <section class="footnotes"
# role="doc-endnotes">, WordPress footnote plugins' lists, a plain id="footnotes".
_NOTES = (
    "//*[@role='doc-endnotes' or @role='doc-footnotes' or @id='footnotes' or @id='endnotes'"
    " or contains(concat(' ', normalize-space(@class), ' '), ' footnotes ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' endnotes ')]"
)
_MAX_NOTES = 2000
_MAX_CONTAINERS = 50
_MAX_FRAMES = 20
_NOTES_HEADING = "Notes"
_BACK_LINK = re.compile(r"^[\W_]{0,3}$|^(?:back|return|jump up)\b", re.IGNORECASE)


def _inside_another(
    item: lxml.etree._Element, items: set[lxml.etree._Element], container: lxml.etree._Element
) -> bool:
    for ancestor in item.iterancestors():
        if ancestor is container:
            return False
        if ancestor in items:
            return True
    return False


def keep_notes(tree: lxml.etree._Element) -> None:
    """Footnotes at the end of a page as paragraphs under a "Notes" heading, each opening
    with its "[n]" mark, and the marks in the text as "[n]", as the Word importer gives
    them.

    Extractors drop a section classed "footnotes" as furniture, so a report lost its
    sources; its superscript links ran into the text as a bare "silting.1".
    """
    found = tree.xpath(_NOTES)[:_MAX_CONTAINERS]  # a crafted page may class everything so
    # The outermost only: <section class="footnotes"><ol class="footnotes-list">.
    marked = set(found)
    containers = [c for c in found if not any(a in marked for a in c.iterancestors())][:5]
    if not containers:
        return
    anchors: dict[str, list[lxml.etree._Element]] = {}
    for anchor in tree.xpath("//a[starts-with(@href, '#')]"):
        anchors.setdefault(anchor.get("href", "")[1:], []).append(anchor)
    for container in containers:
        every = container.xpath(".//li | .//*[@role='doc-endnote' or @role='doc-footnote']")
        if len(every) > _MAX_NOTES:
            continue  # left as it is, rather than cut short
        notes: list[tuple[str, str]] = []
        # A note's own list (its sources, say) is part of that note, not notes of their own.
        listed = set(every)
        items = [item for item in every if not _inside_another(item, listed, container)]
        for number, item in enumerate(items, start=1):
            name = item.get("id") or ""  # no id, no references: href="#" is a menu's link
            references = [
                a for a in anchors.get(name, []) if name and container not in a.iterancestors()
            ]
            mark = _mark(references[0] if references else None, number)
            for reference in references:
                _replace_with_text(_marker_element(reference), f"[{mark}]")
            for back in item.xpath(".//a[starts-with(@href, '#')]"):
                if (
                    _BACK_LINK.match(" ".join(back.text_content().split()))
                    or back.get("role") == "doc-backlink"
                ):
                    _replace_with_text(back, "")
            text = " ".join(" ".join(item.itertext()).split())
            if text:
                notes.append((mark, text))
        if not notes:
            continue
        heading = next(
            (
                " ".join(h.text_content().split())
                for h in container.xpath(".//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6")
            ),
            "",
        )
        replacement = container.makeelement("div", {})
        title = lxml.etree.SubElement(replacement, "h2")
        title.text = heading or _NOTES_HEADING
        for mark, text in notes:
            paragraph = lxml.etree.SubElement(replacement, "p")
            paragraph.text = f"[{mark}] {text}"
        replacement.tail = container.tail
        parent = container.getparent()
        if parent is not None:
            parent.replace(container, replacement)


def _mark(reference: lxml.etree._Element | None, number: int) -> str:
    """The mark the text shows for a note ("1", "a", "*"), else its place in the list."""
    shown = (
        " ".join(reference.text_content().split()).strip("[]() ") if reference is not None else ""
    )
    return shown if shown and len(shown) <= 4 else str(number)


def _marker_element(reference: lxml.etree._Element) -> lxml.etree._Element:
    """The superscript around a note's link, when the link is all it holds."""
    parent = reference.getparent()
    if (
        parent is not None
        and parent.tag == "sup"
        and len(parent) == 1
        and not (parent.text or "").strip()
        and not (reference.tail or "").strip()
    ):
        return parent
    return reference


def _replace_with_text(element: lxml.etree._Element, text: str) -> None:
    """Put ``text`` (and the element's tail) where ``element`` was."""
    parent = element.getparent()
    if parent is None:
        return
    joined = text + (element.tail or "")
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + joined
    else:
        parent.text = (parent.text or "") + joined
    parent.remove(element)


# A standfirst (dek, strapline): the paragraph under the headline that sums the story up.
_STANDFIRST_CLASSES = (
    "standfirst", "dek", "deck", "subheadline", "sub-headline", "subtitle", "sub-title",
    "strapline", "article-summary", "article__summary", "article-standfirst",
    "article__standfirst", "article-dek", "article__dek", "c-article-standfirst",
)  # fmt: skip
_STANDFIRST_WORDS = (8, 80)
_BODY_PARAGRAPH_WORDS = 20


def _first_long_paragraph(start: lxml.etree._Element) -> lxml.etree._Element | None:
    return next(
        (
            p
            for p in start.xpath("following::p[position() <= 20]")
            if len(p.text_content().split()) >= _BODY_PARAGRAPH_WORDS
        ),
        None,
    )


def keep_standfirst(tree: lxml.etree._Element) -> None:
    """Move the standfirst under the headline to the head of the story's text.

    News pages set it in the headline's block, apart from the story's body, and the
    extractor leaves it out with the headline; a reader reads it as the story's opening.
    """
    headline = headline_element(tree)
    if headline is None:
        return
    test = " or ".join(
        f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"
        for name in _STANDFIRST_CLASSES
    )
    # schema.org's microdata names it too (Libération's <h2 itemprop="description">)
    test += (
        " or (@itemprop='description'"
        " and not(self::meta or self::link or self::figcaption or ancestor-or-self::figure))"
    )
    standfirst = next(iter(headline.xpath(f"following::*[{test}][position() <= 1]")), None)
    if standfirst is None or standfirst.xpath("ancestor::nav or ancestor::aside or .//a[@href]"):
        return
    words = len(standfirst.text_content().split())
    if not _STANDFIRST_WORDS[0] <= words <= _STANDFIRST_WORDS[1]:
        return
    # Only a standfirst between the headline and the story's first long paragraph.
    body = _first_long_paragraph(standfirst)
    if body is None:
        return
    right_under_headline = body is _first_long_paragraph(headline)
    if not right_under_headline:
        return
    container = body.getparent()
    if container is None or container in standfirst.iterancestors():
        return  # already inside the story's own container
    paragraph = body.makeelement("p", {STANDFIRST_MARK: ""})
    paragraph.text = " ".join(standfirst.text_content().split())
    container.insert(container.index(body), paragraph)
    _replace_with_text(standfirst, "")


def inline_srcdoc_frames(tree: lxml.etree._Element, name: str = "the page") -> None:
    """Put the page an <iframe srcdoc="..."> carries in place of the frame, as a browser
    shows it, when it holds text enough to be the article (a widget's few words stay out).

    The frame's page is written into the attribute, so nothing is fetched; frames inside
    it are left as they are.
    """
    frames = [f for f in tree.iter("iframe") if (f.get("srcdoc") or "").strip()][:_MAX_FRAMES]
    # The page's own markup was bounded before it was parsed; the framed pages, written
    # into an attribute, were not: bounded together, before libxml2 (which cannot be
    # interrupted) reads any of them.
    check_markup("".join(frame.get("srcdoc") or "" for frame in frames), name)
    parser = lxml.html.HTMLParser(
        remove_comments=True, no_network=True, huge_tree=False, recover=True
    )
    for frame in frames:
        source = frame.get("srcdoc") or ""
        try:
            framed = lxml.html.document_fromstring(source, parser=parser)
        except (lxml.etree.ParserError, ValueError):
            continue
        body = framed.find("body")
        parent = frame.getparent()
        if body is None or parent is None:
            continue
        if at_most_words(body.text_content(), _MIN_FRAME_WORDS - 1):
            continue
        for junk in body.xpath(".//script | .//style | .//noscript | .//template"):
            junk.drop_tree()
        body.tag = "div"
        body.attrib.clear()
        body.tail = frame.tail
        parent.replace(frame, body)


def split_at_blank_lines(tree: lxml.etree._Element) -> None:
    """Split each <p> at a run of two or more <br> ("a<br><br>b"), as a browser shows it: a
    blank line between two paragraphs.

    Trafilatura keeps one <lb/> of such a run, the same as for a single <br>, and a line
    break reads as a space; so without this, a page that separates its paragraphs so
    runs them all into one. A single <br> (an address, a verse) stays inside its paragraph.
    """
    for paragraph in list(tree.iter("p")):
        ends = _blank_line_ends(paragraph)
        parent = paragraph.getparent()
        if not ends or parent is None:
            continue
        position = parent.index(paragraph)
        pieces: list[lxml.etree._Element] = []
        for end in reversed(ends):
            piece = paragraph.makeelement(paragraph.tag, paragraph.attrib)
            piece.text, end.tail = end.tail, None
            for sibling in list(end.itersiblings()):
                piece.append(sibling)  # moves it, its tail with it
            _drop_break_run(end)
            pieces.insert(0, piece)
        pieces[-1].tail, paragraph.tail = paragraph.tail, None
        for offset, piece in enumerate(pieces, start=1):
            parent.insert(position + offset, piece)


def _blank_line_ends(paragraph: lxml.etree._Element) -> list[lxml.etree._Element]:
    """The last <br> of each run of two or more among the paragraph's children."""
    ends: list[lxml.etree._Element] = []
    run = 0
    for child in paragraph:
        if child.tag != "br":
            run = 0
            continue
        run += 1
        after = child.getnext()
        if after is None or after.tag != "br" or (child.tail or "").strip():
            if run >= 2:
                ends.append(child)
            run = 0
    return ends


def _drop_break_run(end: lxml.etree._Element) -> None:
    """Remove ``end`` and the <br> before it that make one run with it."""
    parent = end.getparent()
    if parent is None:
        return
    while True:
        before = end.getprevious()
        parent.remove(end)
        if before is None or before.tag != "br" or (before.tail or "").strip():
            return
        before.tail, end = None, before


# Where a page's own words are not: its menus, masthead, footer, buttons and fields, and
# the headline (a shell shows one too); not <form>, as ASP.NET pages wrap all they show
# in one. Links count only when they are short, as menu entries are; a teaser paragraph
# that is one long link is text.
_FURNITURE = (
    "ancestor::nav or ancestor::header or ancestor::footer or ancestor::button"
    " or ancestor::select or ancestor::label or ancestor::h1"
    " or ancestor::title or ancestor::head"
    " or ancestor::*[@role='navigation' or @role='banner' or @role='contentinfo'"
    " or @role='menu' or @role='menubar' or @role='button']"
)
_MENU_LINK_WORDS = 4
_PLACEHOLDER = re.compile(
    r"^(?:loading|please wait|just a moment|one moment|getting (?:the )?(?:story|article)"
    r"|(?:please )?(?:enable|turn on) javascript|javascript is (?:required|disabled))"
    r"(?: ?(?:[.…!]+|\w+(?:\s\w+){0,3}[.…]*))?$",
    re.IGNORECASE,
)
_MAX_SHELL_TEXTS = 2000
_MAX_SHELL_WORDS = 2000
"""A page of more words than this shows more than a shell, whatever its menus hold."""


def shows_only_furniture(tree: lxml.etree._Element) -> bool:
    """Whether the page shows nothing but its site's furniture: menus, masthead, a headline,
    short links and a "Loading…" placeholder.

    That is an app's shell saved before (or without) the script that fills in the story,
    which lives in a data script no reader sees. Any sentence of the page's own, even a
    one-line note, is not furniture, so short pages still import.
    """
    body = tree.find("body") if tree.tag == "html" else tree
    if body is None or not at_most_words(body.text_content(), _MAX_SHELL_WORDS):
        return False
    texts = body.xpath(f".//text()[normalize-space()][not({_FURNITURE})]")
    if len(texts) > _MAX_SHELL_TEXTS:
        return False
    for text in texts:
        line = " ".join(str(text).split())
        # A tail's element is the one before it, not the one it is in.
        parent = text.getparent()
        if parent is not None and text.is_tail:
            parent = parent.getparent()
        in_link = parent is not None and any(a.tag == "a" for a in _ancestors_and_self(parent))
        if in_link and len(line.split()) <= _MENU_LINK_WORDS:
            continue
        if _PLACEHOLDER.match(line) or is_boilerplate_line(line):
            continue
        if any(ch.isalnum() for ch in line):
            return False
    return True


def _ancestors_and_self(element: lxml.etree._Element) -> list[lxml.etree._Element]:
    return [element, *element.iterancestors()]
