"""Reading a plain note body without markdown-it: paragraphs, block quotes, citations.

Why: importing markdown-it-py is a sixth of a short ``briefer export`` run, and most
section bodies are only prose, quotations (``core.citations.quotation_markdown``) and
``[@p42]`` tokens. :func:`plain_tokens` gives, for such a body, the token stream
``document._Builder`` reads, equal to what ``document.make_parser().parse`` gives as
far as the builder reads it. For anything it is not certain about it returns None and
the caller parses with markdown-it, so an export never changes. The rules are
conservative by design; tests/exporters/test_plain_body.py checks them against
markdown-it itself. Standard library and core only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefer.core.citations import CITATION_PATTERN

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any, Protocol
else:
    Protocol = object  # an interface for type checkers; a plain class to the interpreter

_QUOTE_MARKERS = re.compile(r"(?:> ?)*")
_NOT_PLAIN_CHARACTER = re.compile(r"[\x00-\x09\x0b-\x1f]|[^\S \n]")
"""A control character other than the line feed, or white space other than the space and
the line feed (the regex class is str.isspace): markdown-it-py strips any str.isspace
white space off a paragraph's ends, where CommonMark strips only spaces and tabs."""
_INLINE_MARKUP = frozenset("\\`*_<|[]")
"""Characters that may start inline markup (escape, code, emphasis, HTML, link) or a
table row; brackets are allowed only as whole citation tokens."""
_ENTITY_OR_IMAGE = re.compile(r"&(?:#|[A-Za-z0-9]+;)|!\[")
"""What may be a character reference or an image; any other "&" or "!" is text, and
prose has plenty of both ("R&D", "Now!")."""
_BLOCK_START = frozenset("#-+=~>")
"""A line starting with one of these may open a heading, list, setext underline,
thematic break or fence."""
_ORDERED_MARKER = re.compile(r"[0-9]+[.)](?: |$)")


class BodyToken(Protocol):
    """What ``document._Builder`` reads of a token: markdown-it's Token and PlainToken."""

    @property
    def type(self) -> str: ...
    @property
    def content(self) -> str: ...
    @property
    def tag(self) -> str: ...
    @property
    def meta(self) -> dict[Any, Any]: ...
    @property
    def children(self) -> Sequence[BodyToken] | None: ...
    def attrGet(self, name: str) -> str | int | float | None: ...  # noqa: N802 (markdown-it's name)


class PlainToken:
    """The few attributes of a markdown-it Token the export builder reads."""

    __slots__ = ("children", "content", "meta", "tag", "type")

    def __init__(
        self,
        type: str,
        content: str = "",
        meta: dict[Any, Any] | None = None,
        children: list[PlainToken] | None = None,
        tag: str = "",
    ) -> None:
        self.type = type
        self.content = content
        self.meta: dict[Any, Any] = meta if meta is not None else {}
        self.children = children
        self.tag = tag

    def attrGet(self, name: str) -> None:  # noqa: N802 (markdown-it's name)
        """No plain token has attributes (markdown-it's give a list's start, a link's href)."""
        return None

    def __repr__(self) -> str:
        return f"PlainToken({self.type!r}, {self.content!r})"


def plain_tokens(body: str) -> list[PlainToken] | None:
    """The builder's tokens for ``body``, or None unless it is certainly plain.

    Plain: lines split on "\\n" only, each ``>`` quote markers (an optional space
    after each, none before the first) then text; a line with no text is blank
    and ends a paragraph. All lines of a paragraph have the same quote depth (no
    lazy continuation). No white space but " " and "\\n", no control characters,
    no text starting or ending with a space, no character that can start inline
    markup (an "&" only before what may be a character reference, a "!" only
    before "[") except whole ``[@p42]`` tokens (not followed by ":", which could make a
    link reference definition), no line opening a heading, list, fence, setext
    underline or thematic break.
    """
    if not _characters_plain(body):
        return None
    paragraphs: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    depth_of_current = 0
    for line in body.split("\n"):
        markers = _QUOTE_MARKERS.match(line)
        assert markers is not None  # the pattern matches the empty string
        depth = markers.group().count(">")
        text = line[markers.end() :]
        if not text:
            current = None
            continue
        if not _line_plain(text):
            return None
        if current is not None:
            if depth != depth_of_current:
                return None  # a lazy continuation or a quote interrupting: markdown-it's call
            current.append(text)
            continue
        current = [text]
        depth_of_current = depth
        paragraphs.append((depth, current))
    return _tokens(paragraphs)


def _characters_plain(body: str) -> bool:
    return _NOT_PLAIN_CHARACTER.search(body) is None


def _line_plain(text: str) -> bool:
    if text[0] == " " or text[-1] == " " or text[0] in _BLOCK_START:
        return False
    if _ORDERED_MARKER.match(text):
        return False
    if not _INLINE_MARKUP.isdisjoint(CITATION_PATTERN.sub("", text)):
        return False
    if _ENTITY_OR_IMAGE.search(text):
        return False
    return all(not text.startswith(":", m.end()) for m in CITATION_PATTERN.finditer(text))


def _tokens(paragraphs: list[tuple[int, list[str]]]) -> list[PlainToken]:
    tokens: list[PlainToken] = []
    open_quotes = 0
    for depth, lines in paragraphs:
        while open_quotes > depth:
            tokens.append(PlainToken("blockquote_close", tag="blockquote"))
            open_quotes -= 1
        while open_quotes < depth:
            tokens.append(PlainToken("blockquote_open", tag="blockquote"))
            open_quotes += 1
        content = "\n".join(lines)
        tokens.append(PlainToken("paragraph_open", tag="p"))
        tokens.append(PlainToken("inline", content, children=_inline_children(lines)))
        tokens.append(PlainToken("paragraph_close", tag="p"))
    tokens.extend(PlainToken("blockquote_close", tag="blockquote") for _ in range(open_quotes))
    return tokens


def _inline_children(lines: list[str]) -> list[PlainToken]:
    children: list[PlainToken] = []
    for n, line in enumerate(lines):
        if n:
            children.append(PlainToken("softbreak", tag="br"))
        start = 0
        for match in CITATION_PATTERN.finditer(line):
            if match.start() > start:
                children.append(PlainToken("text", line[start : match.start()]))
            meta = {"passage_id": int(match.group(1))}
            children.append(PlainToken("citation", match.group(0), meta=meta))
            start = match.end()
        if start < len(line):
            children.append(PlainToken("text", line[start:]))
    return children
