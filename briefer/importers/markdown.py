"""Markdown files (CommonMark + tables) with simple front matter, parsed by markdown-it-py.

Imports core, briefer.importers helpers and markdown-it-py; never store, session or ui.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefer.core.model import Article, BlockKind
from briefer.importers.base import (
    ArticleBuilder,
    Deadline,
    ImportLimits,
    ImportRejected,
    LocalFileReader,
)
from briefer.importers.encoding import decode_text
from briefer.importers.htmlconvert import html_to_article_blocks
from briefer.importers.text import parse_date, title_from_filename

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_MARKDOWN_SIGNS = re.compile(
    rb"^(?:#{1,6} \S|[-*+] \S|\d+\. \S|> \S|```|\|.*\|\s*$)|\[[^\]\n]+\]\([^)\s]+\)", re.M
)
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


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


@dataclass
class _State:
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
    """
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    state = _State()
    first_h1 = ""
    seen_block = False
    for index, token in enumerate(parser.parse(source)):
        if deadline is not None and index % 2000 == 0:
            deadline.check()
        kind = token.type
        if kind == "heading_open":
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
                builder.add(BlockKind.TABLE_ROW, " | ".join(state.cells))
            state.cells = None
        elif kind == "inline":
            text = _inline_text(token)
            if state.cells is not None:
                state.cells.append(" ".join(text.split()))
            elif state.heading:
                folded = " ".join(text.split())
                is_title = (
                    state.heading == 1
                    and not seen_block
                    and (title is None or folded.casefold() == title.casefold())
                )
                if not is_title:
                    builder.add(BlockKind.HEADING, text, level=state.heading)
                if state.heading == 1 and not first_h1:
                    first_h1 = folded
            elif state.lists:
                builder.add(
                    BlockKind.LIST_ITEM, text, level=len(state.lists), ordered=state.lists[-1]
                )
            elif state.quote:
                builder.add(BlockKind.QUOTE, text)
            else:
                builder.add(BlockKind.PARAGRAPH, text)
            seen_block = True
        elif kind in ("fence", "code_block"):
            builder.add(BlockKind.PREFORMATTED, token.content)
            seen_block = True
        elif kind == "html_block":
            html_to_article_blocks(token.content, builder, limits=limits, deadline=deadline)
    return first_h1


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
