"""WordprocessingML fragments as text: paragraphs, runs, fields, footnotes.

A long note is hundreds of paragraphs and footnotes. Writing them as markup
and parsing it once is several times faster than creating every element
through python-docx or lxml one call at a time, and it keeps the markup for
one construct (a footnote, a field) in one readable place. Standard library
only: the package without python-docx splices the text in as it is
(docx_plain); python-docx's parses it (docx_pydocx).

Every function returns well-formed markup whatever the text holds: XML's
special characters are escaped and the characters XML 1.0 cannot hold
(stray controls from PDFs) are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from briefer.core.patterns import compiled

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
"""The declarations a fragment needs when wrapped in one element to be parsed."""

_NOT_IN_XML = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
"""Compiled at first use (core.patterns): most text is all printable and never needs it."""
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_TAB_OR_BREAK = re.compile(r"(\t|\r\n|\r|\n)")


def xml_text(text: str) -> str:
    """Drop the characters XML 1.0 cannot hold, keep the rest."""
    if text.isprintable():  # no control character, surrogate, U+FFFE or U+FFFF among them
        return text
    return compiled(_NOT_IN_XML).sub("", text)


def escaped(text: str) -> str:
    """``text`` made safe as XML character data or a quoted attribute value."""
    return xml_text(text).translate(_ESCAPES)


def run(
    text: str, *, style: str = "", bold: bool = False, italic: bool = False, first: str = ""
) -> str:
    """A ``w:r``; tabs become ``w:tab`` and line breaks ``w:br``, as Word stores them.

    ``first`` is markup put before the text (a break, a footnote reference).
    """
    props = ""
    if style or bold or italic:  # schema order: rStyle, b, i
        props = (
            "<w:rPr>"
            + (f'<w:rStyle w:val="{escaped(style)}"/>' if style else "")
            + ("<w:b/>" if bold else "")
            + ("<w:i/>" if italic else "")
            + "</w:rPr>"
        )
    return f"<w:r>{props}{first}{_run_content(text)}</w:r>"


def _run_content(text: str) -> str:
    # Characters XML cannot hold go first: "\r\x1f\n" is one line break, not two.
    text = xml_text(text)
    if not text:
        return ""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return f'<w:t xml:space="preserve">{escaped(text)}</w:t>'
    parts = []
    for piece in _TAB_OR_BREAK.split(text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\n", "\r", "\r\n"):
            parts.append("<w:br/>")
        elif piece:
            parts.append(f'<w:t xml:space="preserve">{escaped(piece)}</w:t>')
    return "".join(parts)


_TAB_OR_NEWLINE = re.compile(r"(\t|\r|\n)")


def text_run(text: str, *, bold: bool = False) -> str:
    """A ``w:r`` as python-docx's ``add_run`` writes one: each ``\r`` or ``\n`` a break,
    space preserved only where the text starts or ends with it.

    For the few runs Word-made templates also hold (header and footer lines, the
    title block), so the package without python-docx writes what python-docx did.
    """
    parts = []
    for piece in _TAB_OR_NEWLINE.split(xml_text(text)):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            parts.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            parts.append(f"<w:t{space}>{escaped(piece)}</w:t>")
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f"<w:r>{props}{''.join(parts)}</w:r>"


def table(
    rows: Sequence[Sequence[str]], widths: Sequence[int], *, style: str = "", heads: bool = False
) -> str:
    """A ``w:tbl`` as python-docx's ``add_table`` writes one, laid out fixed at ``widths``.

    ``rows`` hold each cell's content (its paragraphs); ``widths`` are the
    columns' in twips. ``heads``: no row breaks across pages and the first
    repeats at the top of every page the table spans, as a data table's should.
    """
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    out = [
        "<w:tbl><w:tblPr>"
        + (f'<w:tblStyle w:val="{escaped(style)}"/>' if style else "")
        + '<w:tblW w:type="auto" w:w="0"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
        'w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    ]
    for r, cells in enumerate(rows):
        out.append("<w:tr>")
        if heads:
            head = "<w:tblHeader/>" if r == 0 else ""
            out.append(f"<w:trPr><w:cantSplit/>{head}</w:trPr>")
        for content, width in zip(cells, widths, strict=True):
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>{content}</w:tc>'
            )
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def line_break() -> str:
    return "<w:r><w:br/></w:r>"


def paragraph(
    content: str = "",
    *,
    style: str = "",
    num_id: int | None = None,
    border: bool = False,
    bidi: bool = False,
    align: str = "",
) -> str:
    """A ``w:p`` holding ``content`` (runs, hyperlinks, bookmarks, fields).

    ``num_id`` puts it in that numbering instance at level 0; ``border``
    draws the single bottom rule of a horizontal line; ``bidi`` makes it a
    right-to-left paragraph (see :func:`is_right_to_left`); ``align`` is
    "left", "center" or "right".
    """
    props = ""
    if style or num_id is not None or border or bidi or align:
        # the schema's order: pStyle, numPr, pBdr, bidi, jc
        props = (
            "<w:pPr>"
            + (f'<w:pStyle w:val="{escaped(style)}"/>' if style else "")
            + (
                f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
                if num_id is not None
                else ""
            )
            + (
                '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
                if border
                else ""
            )
            + ("<w:bidi/>" if bidi else "")
            + (f'<w:jc w:val="{escaped(align)}"/>' if align else "")
            + "</w:pPr>"
        )
    return f"<w:p>{props}{content}</w:p>"


def hyperlink(content: str, *, relationship_id: str = "", anchor: str = "") -> str:
    """A ``w:hyperlink`` to an external target (by relationship id) or a bookmark."""
    target = (
        f'r:id="{escaped(relationship_id)}"' if relationship_id else f'w:anchor="{escaped(anchor)}"'
    )
    return f"<w:hyperlink {target}>{content}</w:hyperlink>"


UPRIGHT = '<w:i w:val="0"/><w:iCs w:val="0"/>'
"""A footnote mark inside an italic quotation stays upright, as a publisher sets it."""


def field(instruction: str, placeholder: str, *, run_style: str = "", upright: bool = False) -> str:
    """A complex field (begin, instruction, separate, shown result, end), as Word writes them.

    The placeholder shows until the reader updates fields (Word does PAGE
    and NUMPAGES by itself; a TOC needs "Update field").
    """
    style = f'<w:rStyle w:val="{escaped(run_style)}"/>' if run_style else ""
    props = f"<w:rPr>{style}{UPRIGHT if upright else ''}</w:rPr>" if style or upright else ""
    return "".join(
        f"<w:r>{props}{content}</w:r>"
        for content in (
            '<w:fldChar w:fldCharType="begin"/>',
            f'<w:instrText xml:space="preserve"> {escaped(instruction)} </w:instrText>',
            '<w:fldChar w:fldCharType="separate"/>',
            f'<w:t xml:space="preserve">{escaped(placeholder)}</w:t>',
            '<w:fldChar w:fldCharType="end"/>',
        )
    )


def footnote_reference(footnote_id: int, *, style: str, bookmark_id: int, bookmark: str) -> str:
    """The mark in the text that opens a footnote, inside a bookmark for later cross-references."""
    return (
        f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{escaped(bookmark)}"/>'
        f'<w:r><w:rPr><w:rStyle w:val="{escaped(style)}"/>{UPRIGHT}</w:rPr>'
        f'<w:footnoteReference w:id="{footnote_id}"/></w:r>'
        f'<w:bookmarkEnd w:id="{bookmark_id}"/>'
    )


def footnotes(first_id: int, texts: Iterable[str], *, text_style: str, mark_style: str) -> str:
    """``w:footnote`` elements numbered from ``first_id``, each a styled mark and its text."""
    return "".join(
        f'<w:footnote w:id="{first_id + i}"><w:p>'
        f'<w:pPr><w:pStyle w:val="{escaped(text_style)}"/>'
        + ("<w:bidi/>" if is_right_to_left(text) else "")
        + "</w:pPr>"
        f'<w:r><w:rPr><w:rStyle w:val="{escaped(mark_style)}"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {escaped(text)}</w:t></w:r>'
        "</w:p></w:footnote>"
        for i, text in enumerate(texts)
    )


def is_right_to_left(text: str) -> bool:
    """Whether ``text``'s first strong character is right-to-left (Arabic, Hebrew, ...).

    Unicode's own rule (P2) for a paragraph's direction; Word needs it said
    with ``w:bidi``, or an Arabic paragraph is laid out from the left.
    """
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


def bookmarked(content: str, *, bookmark_id: int, name: str) -> str:
    """``content`` inside a bookmark, for a TOC entry or a cross-reference to point at."""
    return (
        f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{escaped(name)}"/>'
        f'{content}<w:bookmarkEnd w:id="{bookmark_id}"/>'
    )


def table_of_contents(
    instruction: str,
    entries: Sequence[tuple[int, str, str]],
    *,
    styles: Sequence[str],
    placeholder: str,
) -> str:
    """A TOC field whose shown result already lists ``entries`` (level, text, bookmark).

    Word writes a TOC as one field spanning its entry paragraphs, each a
    link to a heading's bookmark. Filling the result ourselves lets a reader
    that never updates fields (LibreOffice converting to PDF) show the
    entries; Word rebuilds the field, page numbers and all, on open
    (``updateFields``). Page numbers are left out rather than guessed:
    LibreOffice would print a guess as it stands. ``styles`` are the
    TOC 1..3 paragraph styles.
    """
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escaped(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    if not entries:
        return paragraph(begin + run(placeholder) + end)
    out = []
    for i, (level, text, bookmark) in enumerate(entries):
        style = styles[min(level, len(styles)) - 1]
        head = begin if i == 0 else ""
        tail = end if i == len(entries) - 1 else ""
        link = hyperlink(run(text), anchor=bookmark)
        out.append(paragraph(head + link + tail, style=style, bidi=is_right_to_left(text)))
    return "".join(out)


def footnotes_markup(
    first_id: int,
    contents: Sequence[str],
    *,
    text_style: str,
    mark_style: str,
    right_to_left: Sequence[bool] = (),
) -> str:
    """As :func:`footnotes`, each footnote's content already markup (runs, hyperlinks);
    ``right_to_left`` says which are Arabic or Hebrew notes (markup cannot tell)."""
    rtl = list(right_to_left) or [False] * len(contents)
    return "".join(
        f'<w:footnote w:id="{first_id + i}"><w:p>'
        f'<w:pPr><w:pStyle w:val="{escaped(text_style)}"/>'
        + ("<w:bidi/>" if rtl[i] else "")
        + "</w:pPr>"
        f'<w:r><w:rPr><w:rStyle w:val="{escaped(mark_style)}"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{content}'
        "</w:p></w:footnote>"
        for i, content in enumerate(contents)
    )
