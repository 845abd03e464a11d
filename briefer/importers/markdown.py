"""Markdown files (CommonMark + tables + footnotes) with simple front matter, parsed by
markdown-it-py; footnotes (markdown_notes) end up as the Word importer shows them.

Imports core, briefer.importers helpers and markdown-it-py; never store, session or ui.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import PurePath

from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefer.core.model import Article, BlockKind
from briefer.core.record import Record, field
from briefer.importers.base import (
    ArticleBuilder,
    Deadline,
    ImportLimits,
    ImportRejected,
    LocalFileReader,
)
from briefer.importers.encoding import decode_text
from briefer.importers.htmlconvert import html_to_article_blocks
from briefer.importers.markdown_notes import (
    INLINE_NOTE,
    NOTE_CLOSE,
    NOTE_OPEN,
    NOTE_REFERENCE,
    Notes,
    footnotes,
)
from briefer.importers.text import check_lines, parse_date, title_from_filename

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_MARKDOWN_SIGNS = re.compile(
    rb"^(?:#{1,6} \S|[-*+] \S|\d+\. \S|> \S|```|\|.*\|\s*$)|\[[^\]\n]+\]\([^)\s]+\)", re.M
)
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# HTML blocks that a blank line does not end (CommonMark's kinds 1 to 5), and what ends each.
_RAW_OPEN = re.compile(
    r" {0,3}<(?:(script|pre|style|textarea)(?=[\s>]|$)|(!--)|(\?)|(!\[CDATA\[)|(![A-Za-z]))", re.I
)
_RAW_CLOSE = ("</{tag}>", "-->", "?>", "]]>", ">")
_REFERENCE_LINE = re.compile(r"^ {0,3}\[(?:[^\]\\\n]|\\.){1,999}\]:.*$", re.M)
_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_HTML_START = re.compile(r" {0,3}<")
CHUNK_LINES = 2000
"""Lines of Markdown parsed at a time: markdown-it builds every token of what it is given
before returning, about 500 bytes and 80 microseconds a block, so a whole file of
headings would take minutes and gigabytes before the first deadline check."""
_FORCED_LINES = 10 * CHUNK_LINES
"""Lines after which a piece ends at the next line at the margin even with no blank line
or heading before it (a table of a million rows): inexact, but bounded."""
_KEYS = {
    "title": "title",
    "author": "author",
    "authors": "author",
    "by": "author",
    "date": "date",
    "published": "date",
    "url": "url",
    "link": "url",
    "source_url": "url",
    "publisher": "publisher",
    "source": "publisher",
    "site": "publisher",
}


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The ``key: value`` pairs of a leading ``---`` block, and the text after it.

    Deliberately not YAML: only flat string values are read, which is all an
    article's metadata needs and keeps untrusted files from building objects.
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    values: dict[str, str] = {}
    for line in match.group("body").split("\n"):
        pair = _KEY_VALUE.match(line.strip())
        if pair is None:
            continue
        key = _KEYS.get(pair.group("key").lower())
        value = pair.group("value").strip().strip("\"'").strip()
        if key and value and key not in values:
            values[key] = value.strip("[]").strip("\"'")
    return values, text[match.end() :]


def _inline_text(token: Token, notes: Notes | None) -> str:
    """The text of an inline token; a footnote's reference is its "[n]" mark, or nothing
    without ``notes`` (a title is shown without its marks, as from Word)."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
        elif notes is not None and child.type == NOTE_REFERENCE:
            parts.append(notes.mark(child.meta["label"]))
        elif notes is not None and child.type == INLINE_NOTE:
            parts.append(notes.inline(_inline_text(child, notes)))
    return "".join(parts)


class _State(Record):
    lists: list[bool] = field(default_factory=list)
    quote: int = 0
    heading: int = 0
    cells: list[str] | None = None


def markdown_to_blocks(
    source: str,
    builder: ArticleBuilder,
    *,
    limits: ImportLimits,
    deadline: Deadline | None = None,
    title: str | None = None,
) -> str:
    """Appends the blocks of ``source`` to ``builder``; returns the text of the first H1.

    An H1 that opens the document is the title, shown apart from the body, so
    it is not repeated as a block, unless a different ``title`` was given.
    Footnotes' definitions, wherever they are written, are listed at the end.
    """
    parser = MarkdownIt("commonmark", {"html": True}).enable("table").use(footnotes)
    state = _State()
    outer: list[_State] = []  # the body's lists and quotes while a note is read
    notes = Notes()
    first_h1 = ""
    seen_block = False
    for index, token in enumerate(_tokens(parser, source, deadline)):
        if deadline is not None and index % 2000 == 0:
            deadline.check()
        kind = token.type
        out = notes.sink(builder)
        if kind == NOTE_OPEN:
            notes.open(token.meta["label"], builder)
            outer.append(state)
            state = _State()  # a note written in a list item is not itself a list item
        elif kind == NOTE_CLOSE:
            notes.close()
            state = outer.pop() if outer else state
        elif kind == "heading_open":
            state.heading = int(token.tag[1])
        elif kind == "heading_close":
            state.heading = 0
        elif kind in ("bullet_list_open", "ordered_list_open"):
            state.lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            state.lists.pop()
        elif kind == "blockquote_open":
            state.quote += 1
        elif kind == "blockquote_close":
            state.quote -= 1
        elif kind == "tr_open":
            state.cells = []
        elif kind == "tr_close":
            if state.cells is not None and any(state.cells):
                out.add(BlockKind.TABLE_ROW, " | ".join(state.cells))
            state.cells = None
        elif kind == "inline":
            text = _inline_text(token, notes)
            if state.cells is not None:
                state.cells.append(" ".join(text.split()))
            elif state.heading:
                h1 = state.heading == 1 and not notes.inside
                folded = " ".join(_inline_text(token, None).split()) if h1 else ""
                is_title = (
                    h1
                    and not seen_block
                    and (title is None or folded.casefold() == title.casefold())
                )
                if not is_title:
                    out.add(BlockKind.HEADING, text, level=state.heading)
                if h1 and not first_h1:
                    first_h1 = folded
            elif state.lists:
                out.add(BlockKind.LIST_ITEM, text, level=len(state.lists), ordered=state.lists[-1])
            elif state.quote:
                out.add(BlockKind.QUOTE, text)
            else:
                out.add(BlockKind.PARAGRAPH, text)
            seen_block = seen_block or not notes.inside
        elif kind in ("fence", "code_block"):
            out.add(BlockKind.PREFORMATTED, token.content)
            seen_block = seen_block or not notes.inside
        elif kind == "html_block":
            html_to_article_blocks(token.content, out, limits=limits, deadline=deadline)
    notes.add_to(builder)
    return first_h1


def _tokens(parser: MarkdownIt, source: str, deadline: Deadline | None) -> Iterator[Token]:
    """The tokens of ``source``, parsed a piece of about ``CHUNK_LINES`` lines at a time.

    A piece ends only before a line that starts at the margin, after a blank line or as
    a heading (not inside an HTML block), outside fenced code and the HTML blocks a
    blank line does not end: there every block has ended, except a loose list, whose
    items come out the same from two lists. Only past ``_FORCED_LINES`` lines with no
    such place does a piece end anyway. Link references are read first, so a link finds
    one defined in a later piece. A file of one piece is parsed whole, as before.
    """
    pieces = _pieces(source)
    first = next(pieces, None)
    second = next(pieces, None)
    if first is None:
        return
    if second is None:  # one piece: parsed whole, as it always was
        yield from parser.parse(first)
        return
    env: dict[str, object] = {}
    references = [m.group(0) for m in _REFERENCE_LINE.finditer(source)]
    if references:
        parser.parse("\n\n".join(references), env)
    for piece in (first, second):
        yield from parser.parse(piece, env)
    for piece in pieces:
        if deadline is not None:
            deadline.check()
        yield from parser.parse(piece, env)


def _pieces(source: str) -> Iterator[str]:
    """``source`` in pieces where ``_tokens`` says; runs of blank lines longer than a
    piece are cut to one piece's worth, and pieces of blank lines alone are left out."""
    lines: list[str] = []
    blank_run = 0
    fence = raw_close = ""
    html = False  # in an HTML block that the next blank line ends
    for line in io.StringIO(source):
        stripped = line.strip()
        if not stripped and blank_run >= CHUNK_LINES and not fence and not raw_close:
            continue  # a run of blank lines is one break, however long
        at_margin = bool(stripped) and not line[:1].isspace()
        if at_margin and not fence and not raw_close and len(lines) >= CHUNK_LINES:
            heading = _HEADING.match(line) is not None and not html
            if blank_run or heading or len(lines) >= _FORCED_LINES:
                if any(not piece.isspace() for piece in lines):
                    yield "".join(lines)
                lines = []
        lines.append(line)
        blank_run = 0 if stripped else blank_run + 1
        if fence:
            closing = _FENCE.match(line)
            if closing and closing.group(1).startswith(fence) and not line[closing.end() :].strip():
                fence = ""
        elif raw_close:
            raw_close = "" if raw_close in line.lower() else raw_close
        elif opening := _FENCE.match(line):
            fence = opening.group(1)
        elif raw := _RAW_OPEN.match(line):
            kind = next(i for i, group in enumerate(raw.groups()) if group)
            close = _RAW_CLOSE[kind].format(tag=(raw.group(1) or "").lower())
            raw_close = "" if close in line[raw.end() :].lower() else close
        else:
            html = bool(stripped) and (html or _HTML_START.match(line) is not None)
    if any(not piece.isspace() for piece in lines):
        yield "".join(lines)


class MarkdownImporter:
    """Markdown notes and articles saved by read-later tools and clippers."""

    name = "markdown"
    extensions: tuple[str, ...] = (".md", ".markdown", ".mdown", ".mkd")

    def sniff(self, data: bytes, filename: str) -> int:
        sample = data[:8192]
        if _FRONT_MATTER.match(sample.decode("utf-8", errors="replace").replace("\r\n", "\n")):
            return 40
        signs = len(_MARKDOWN_SIGNS.findall(sample))
        return 25 if signs >= 3 else (12 if signs else 0)

    def extract(
        self,
        data: bytes,
        filename: str,
        limits: ImportLimits,
        read_local: LocalFileReader | None = None,
    ) -> Article:
        text, _encoding = decode_text(data)
        meta, body = parse_front_matter(text)
        builder = ArticleBuilder()
        name = filename or "The Markdown file"
        check_lines(body, name)
        deadline = Deadline(limits.max_seconds, filename or "the Markdown file")
        h1 = markdown_to_blocks(
            body, builder, limits=limits, deadline=deadline, title=meta.get("title")
        )
        title = meta.get("title") or h1
        if builder.is_empty() and not title:
            raise ImportRejected(
                f"{filename or 'The Markdown file'} has no readable text in it. Check that it"
                " is the file you meant to import."
            )
        published = _date(meta.get("date", ""))
        return Article(
            title=title or title_from_filename(filename),
            text=builder.text(),
            blocks=builder.blocks,
            author=meta.get("author", ""),
            publisher=meta.get("publisher", ""),
            url=meta.get("url", ""),
            published=published,
            source_format=self.name,
            source_name=PurePath(filename).name if filename else "",
        )


def _date(value: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return parse_date(value)
