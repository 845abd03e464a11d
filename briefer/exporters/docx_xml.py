"""WordprocessingML fragments as text: paragraphs, runs, fields, footnotes.

A long note is hundreds of paragraphs and footnotes. Writing them as markup
and parsing it once is several times faster than creating every element
through python-docx or lxml one call at a time, and it keeps the markup for
one construct (a footnote, a field) in one readable place. Standard library
only: the DOCX writer parses the text with python-docx's parser.

Every function returns well-formed markup whatever the text holds: XML's
special characters are escaped and the characters XML 1.0 cannot hold
(stray controls from PDFs) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
"""The declarations a fragment needs when wrapped in one element to be parsed."""

_INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_TAB_OR_BREAK = re.compile(r"(\t|\r\n|\r|\n)")


def xml_text(text: str) -> str:
    """Drop the characters XML 1.0 cannot hold, keep the rest."""
    return _INVALID_XML_CHARS.sub("", text)


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


def line_break() -> str:
    return "<w:r><w:br/></w:r>"


def paragraph(
    content: str = "", *, style: str = "", num_id: int | None = None, border: bool = False
) -> str:
    """A ``w:p`` holding ``content`` (runs, hyperlinks, bookmarks, fields).

    ``num_id`` puts it in that numbering instance at level 0; ``border``
    draws the single bottom rule of a horizontal line.
    """
    props = ""
    if style or num_id is not None or border:  # schema order: pStyle, numPr, pBdr
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
            + "</w:pPr>"
        )
    return f"<w:p>{props}{content}</w:p>"


def hyperlink(content: str, *, relationship_id: str = "", anchor: str = "") -> str:
    """A ``w:hyperlink`` to an external target (by relationship id) or a bookmark."""
    target = (
        f'r:id="{escaped(relationship_id)}"' if relationship_id else f'w:anchor="{escaped(anchor)}"'
    )
    return f"<w:hyperlink {target}>{content}</w:hyperlink>"


def field(instruction: str, placeholder: str, *, run_style: str = "") -> str:
    """A complex field (begin, instruction, separate, shown result, end), as Word writes them.

    The placeholder shows until the reader updates fields (Word does PAGE
    and NUMPAGES by itself; a TOC needs "Update field").
    """
    props = f'<w:rPr><w:rStyle w:val="{escaped(run_style)}"/></w:rPr>' if run_style else ""
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
        f'<w:r><w:rPr><w:rStyle w:val="{escaped(style)}"/></w:rPr>'
        f'<w:footnoteReference w:id="{footnote_id}"/></w:r>'
        f'<w:bookmarkEnd w:id="{bookmark_id}"/>'
    )


def footnotes(first_id: int, texts: Iterable[str], *, text_style: str, mark_style: str) -> str:
    """``w:footnote`` elements numbered from ``first_id``, each a styled mark and its text."""
    return "".join(
        f'<w:footnote w:id="{first_id + i}"><w:p>'
        f'<w:pPr><w:pStyle w:val="{escaped(text_style)}"/></w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="{escaped(mark_style)}"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {escaped(text)}</w:t></w:r>'
        "</w:p></w:footnote>"
        for i, text in enumerate(texts)
    )


def footnotes_markup(
    first_id: int, contents: Iterable[str], *, text_style: str, mark_style: str
) -> str:
    """As :func:`footnotes`, each footnote's content already markup (runs, hyperlinks)."""
    return "".join(
        f'<w:footnote w:id="{first_id + i}"><w:p>'
        f'<w:pPr><w:pStyle w:val="{escaped(text_style)}"/></w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="{escaped(mark_style)}"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{content}'
        "</w:p></w:footnote>"
        for i, content in enumerate(contents)
    )
