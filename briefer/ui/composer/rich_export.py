"""The page back to Markdown: QTextDocument to the section's CommonMark, citations as tokens.

The inverse of rich_markdown for everything it builds: a body loaded and saved
unchanged comes back byte for byte when written the way the composer writes
(``**`` or ``__`` and ``*`` or ``_`` as found, list markers as found, tables as
``| a | b |``). Text is escaped with core.mdtext, so whatever the analyst types
renders as itself. Qt only; reads the properties rich_format names.
"""

from __future__ import annotations

import re

from PySide6.QtGui import (
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
    QTextTable,
)

from briefer.core.citations import citation_token
from briefer.core.mdtext import escape_inline, protect_line_start
from briefer.ui.composer import rich_format as rf


def document_markdown(document: QTextDocument) -> str:
    """The whole document as Markdown, blocks separated by blank lines."""
    chunks: list[str] = []
    tables = {
        frame.firstPosition(): frame
        for frame in document.rootFrame().childFrames()
        if isinstance(frame, QTextTable)
    }
    block = document.begin()
    while block.isValid():
        block = _chunk(block, chunks, tables)
    return "\n\n".join(c for c in chunks if c)


def _chunk(block: QTextBlock, chunks: list[str], tables: dict[int, QTextTable]) -> QTextBlock:
    """Append the Markdown of the construct starting at ``block``; return the block after it."""
    table = tables.get(block.position()) if tables else None
    if table is None and tables and block.position() > 0:
        table = QTextCursor(block).currentTable()  # a table the root frame does not list
    if table is not None:
        chunks.append(_table(table))
        after = block.document().findBlock(table.lastPosition() + 1)
        return after if after.position() > block.position() else block.next()
    if block.textList() is not None:
        return _list(block, chunks, tables)
    fmt = block.blockFormat()
    group = fmt.property(rf.QUOTE_GROUP)
    if group:
        paragraphs: list[str] = []
        while block.isValid() and block.blockFormat().property(rf.QUOTE_GROUP) == group:
            if block.position() in tables or block.textList() is not None:
                break
            text = _inline(block)
            if text:
                paragraphs.append(text)
            block = block.next()
        if paragraphs:
            chunks.append(
                "\n>\n".join(
                    "\n".join(("> " + line) if line else ">" for line in p.split("\n"))
                    for p in paragraphs
                )
            )
        return block
    text = _inline(block)
    level = fmt.headingLevel()
    if level and text:
        # A heading is one line: a line break in it (Shift+Enter) would end it there.
        text = re.sub(r"(?<!\\)((?:\\\\)*)\\\n", r"\1 ", text).replace("\n", " ")
        # A closing run of # would be read as the heading's optional end marker.
        text = re.sub(r"(^|[ \t])(#+)$", lambda m: m.group(1) + "\\" + m.group(2), text)
        chunks.append("#" * min(level, 6) + " " + text)
    else:
        chunks.append(text)
    return block.next()


def _list(block: QTextBlock, chunks: list[str], tables: dict[int, QTextTable]) -> QTextBlock:
    """A list and the lists nested in it, as one chunk; returns the block after."""
    lines: list[str] = []
    top = block.textList()
    assert top is not None
    loose = bool(top.format().property(rf.LIST_LOOSE))
    # The indent of each nesting depth: the marker widths of the items above.
    widths: dict[int, int] = {}
    # Items written so far in each list (by its first block), numbered from them: an
    # emptied item is left out, and "1. aa / 3. cc" would print the next one as 2.
    written: dict[int, int] = {}
    while block.isValid():
        the_list = block.textList()
        if the_list is None or block.position() in tables:
            break
        fmt = the_list.format()
        depth = max(1, fmt.indent())
        if depth == 1 and the_list != top:
            break
        text = _inline(block)
        if not text and not _has_children(block, depth):
            # An empty item is left out: "  -" or "   1." under an item's words is read
            # as a heading's underline or as more of its words, never as an item.
            block = block.next()
            continue
        key = the_list.item(0).position()
        marker = _marker(fmt, written.get(key, 0))
        written[key] = written.get(key, 0) + 1
        lead = " " * sum(widths.get(d, 0) for d in range(1, depth))
        widths[depth] = len(marker) + 1
        for d in [d for d in widths if d > depth]:
            del widths[d]
        pad = " " * (len(lead) + len(marker) + 1)
        body = "\n".join(
            (pad + line) if line and n else line for n, line in enumerate(text.split("\n"))
        )
        item = lead + marker + (" " + body if body else "")
        if lines and loose:
            lines.append("")
        lines.append(item)
        block = block.next()
    chunks.append("\n".join(lines))
    return block


def _has_children(block: QTextBlock, depth: int) -> bool:
    """Whether the item after ``block`` is nested deeper than ``depth`` (under it)."""
    after = block.next()
    the_list = after.textList() if after.isValid() else None
    return the_list is not None and the_list.format().indent() > depth


def _marker(fmt: QTextListFormat, index: int) -> str:
    mark = str(fmt.property(rf.LIST_MARKER) or "")
    if fmt.style() in (
        QTextListFormat.Style.ListDecimal,
        QTextListFormat.Style.ListLowerAlpha,
        QTextListFormat.Style.ListUpperAlpha,
        QTextListFormat.Style.ListLowerRoman,
        QTextListFormat.Style.ListUpperRoman,
    ):
        return f"{fmt.start() + index}{mark if mark in ('.', ')') else '.'}"
    return mark if mark in ("-", "*", "+") else "-"


def _table(table: QTextTable) -> str:
    columns = table.columns()
    aligns = str(table.format().property(rf.TABLE_ALIGN) or "")
    aligns = (aligns + "-" * columns)[:columns]
    lines = []
    for r in range(table.rows()):
        cells = []
        for c in range(columns):
            cell = table.cellAt(r, c)
            texts = []
            block = cell.firstCursorPosition().block()
            while block.isValid() and block.position() <= cell.lastPosition():
                texts.append(_inline(block, in_table=True))
                block = block.next()
            cells.append(" ".join(t for t in texts if t))
        lines.append("| " + " | ".join(cells) + " |")
        if r == 0:
            rule = {"l": ":---", "c": ":---:", "r": "---:"}
            lines.append("| " + " | ".join(rule.get(a, "---") for a in aligns) + " |")
    return "\n".join(lines)


# -- inline -------------------------------------------------------------------


def _attrs(fmt: QTextCharFormat) -> tuple[str, str, str]:
    """(link, strong, emphasis) markers of a run; "" where it has none."""
    link = fmt.anchorHref() if fmt.isAnchor() else ""
    if link and fmt.property(rf.AUTOLINK):
        link = "<" + link
    return link, str(fmt.property(rf.STRONG) or ""), str(fmt.property(rf.EMPHASIS) or "")


def _inline(block: QTextBlock, *, in_table: bool = False) -> str:
    """One block's runs as inline Markdown; soft and hard breaks become lines."""
    out: list[str] = []
    open_: list[tuple[int, str]] = []  # (kind 0 link / 1 strong / 2 emphasis, marker)
    pending_space = ""
    line_start = True

    def emit(piece: str) -> None:
        nonlocal line_start
        if piece:
            out.append(piece)
            line_start = piece.endswith("\n")

    def spaces(piece: str) -> None:
        emit(_entities(piece) if line_start else piece)

    def close_to(keep: int) -> None:
        while len(open_) > keep:
            emit(_closer(*open_.pop()))

    def open_all(wanted: list[tuple[int, str]], common: int) -> None:
        for item in wanted[common:]:
            emit(_opener(*item))
            open_.append(item)

    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        fmt = fragment.charFormat()
        text = fragment.text()
        if rf.is_chip(fmt):
            wanted = _wanted(fmt, chip=True)
            common = _common(open_, wanted)
            close_to(common)
            spaces(pending_space)
            pending_space = ""
            open_all(wanted, common)
            pid = int(fmt.property(rf.PASSAGE_ID) or 0)
            emit(citation_token(pid) * text.count(rf.OBJECT_CHAR))
            continue
        if fmt.property(rf.SOFT_BREAK) and not text.strip():
            pending_space = ""
            emit(" " if in_table else "\n" * len(text))
            continue
        wanted = _wanted(fmt)
        common = _common(open_, wanted)
        if wanted[common:] or common < len(open_):
            close_to(common)
            stripped = text.lstrip(" ")
            if not stripped:
                pending_space += text
                continue
            spaces(pending_space + text[: len(text) - len(stripped)])
            pending_space = ""
            open_all(wanted, common)
            text = stripped
        else:
            spaces(pending_space)
            pending_space = ""
        if fmt.property(rf.CODE):
            emit(_code(text))
            continue
        body = text.rstrip(" ") if open_ else text
        pending_space = text[len(body) :]
        autolink = bool(open_) and open_[0][0] == 0 and open_[0][1].startswith("<")
        emit(body if autolink else _escape(body, in_table, line_start))
    close_to(0)
    # Spaces at the block's end go: Markdown ignores them, and kept as "&#32;" they
    # put "bite.&#32;" in the project and the .md file for a space typed after "bite.".
    # So do line breaks there: a hard break (Shift+Enter) at a paragraph's end was
    # written "A\\" and read back as a visible backslash.
    body = _without_trailing_breaks("".join(out))
    if not in_table:
        body = _LIST_MARKER_LINE.sub(r"\1\\\2", body)
    return body


def _without_trailing_breaks(body: str) -> str:
    """``body`` less the spaces and the soft or hard line breaks at its end; a backslash
    before the last newline is a hard break's only when it is not itself escaped."""
    while True:
        body = body.rstrip(" ")
        if not body.endswith("\n"):
            return body
        head = body[:-1]
        slashes = len(head) - len(head.rstrip("\\"))
        body = head[:-1] if slashes % 2 else head


def _entities(spaces: str) -> str:
    """White space kept where Markdown would eat it (a line's start)."""
    return "".join(f"&#{ord(ch)};" for ch in spaces)


def _wanted(fmt: QTextCharFormat, *, chip: bool = False) -> list[tuple[int, str]]:
    link, strong, emphasis = _attrs(fmt)
    wanted = []
    if link:
        wanted.append((0, link))
    if strong and not chip:
        wanted.append((1, strong))
    if emphasis and not chip:
        wanted.append((2, emphasis))
    return wanted


def _common(open_: list[tuple[int, str]], wanted: list[tuple[int, str]]) -> int:
    n = 0
    while n < len(open_) and n < len(wanted) and open_[n] == wanted[n]:
        n += 1
    return n


def _opener(kind: int, marker: str) -> str:
    return "[" if kind == 0 and not marker.startswith("<") else ("<" if kind == 0 else marker)


def _closer(kind: int, marker: str) -> str:
    if kind != 0:
        return marker
    if marker.startswith("<"):
        return ">"
    href = marker
    if re.search(r"[\s()<>]", href):
        return f"](<{href.replace('>', '%3E')}>)"
    return f"]({href})"


_BARE_MARKER = re.compile(r"[0-9]{1,9}[.)]")
"""A run that is only "2024." or "0)": whether it opens a list depends on what follows."""
_LIST_MARKER_LINE = re.compile(r"^([0-9]{1,9})([.)])(?=[ \t]|$)", re.MULTILINE)
"""A line of the finished block that still opens an ordered list (see ``_escape``)."""


def _escape(text: str, in_table: bool, line_start: bool) -> str:
    """Plain text escaped; where it opens a line, unable to open a block construct.

    A run that ends right after "0)" is left for ``_inline`` to judge on the whole
    line: before a citation or emphasis it is plain text, and escaping it anyway
    rewrote "0)[@p1]" as "0\\)[@p1]" each time a section was saved.
    """
    parts = text.split(rf.LINE_SEPARATOR)
    escaped = [
        protect_line_start(escape_inline(part), trailing=False)
        if (n or line_start) and not in_table and not _BARE_MARKER.fullmatch(part)
        else escape_inline(part)
        for n, part in enumerate(parts)
    ]
    return (" " if in_table else "\\\n").join(escaped)


def _code(text: str) -> str:
    runs = [len(m) for m in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or (
        text.startswith(" ") and text.endswith(" ") and text.strip()
    ) else ""  # fmt: skip
    return f"{fence}{pad}{text}{pad}{fence}"
