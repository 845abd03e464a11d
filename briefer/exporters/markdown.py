"""Markdown writer: renders an ExportDocument as CommonMark or pandoc Markdown, ``[^n]`` footnotes.

Renders the IR only (never parses Markdown). Imports briefer.core, the
exporters' own modules and the standard library; no Qt, no store.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from briefer.core.record import replace
from briefer.core.safetext import is_link_target
from briefer.exporters.atomic import write_atomically
from briefer.exporters.document import (
    Block,
    BlockKind,
    ExportDocument,
    Run,
    RunKind,
    Table,
)
from briefer.exporters.export_words import export_words
from briefer.exporters.markdown_flavours import SYNTAX, Flavour, Syntax, yaml_string
from briefer.exporters.typography import QuoteStyle, quote_style, typeset

__all__ = ["export_markdown", "render_markdown", "yaml_string"]


def export_markdown(
    document: ExportDocument,
    target: Path,
    *,
    flavour: Flavour = "commonmark",
    language: str | None = None,
) -> None:
    """Write ``document`` to ``target`` as UTF-8 Markdown of ``flavour``, atomically."""
    data = render_markdown(document, flavour, language).encode("utf-8", errors="replace")

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    write_atomically(target, write)


def render_markdown(
    document: ExportDocument, flavour: Flavour = "commonmark", language: str | None = None
) -> str:
    """The whole note as Markdown: YAML front matter, body, Sources, footnote definitions.

    With ``language`` (the note's, "en-GB"), the body's quotation marks are set as the
    Word export sets them: curled, and each quotation's by its depth in that language's
    pairs (‘outer “inner”’ in British English), so a note reads alike in both files and
    its quotations match the citations' marks, which the style's locale set. Without
    one, the marks stay as written. The Sources heading is in ``language`` too
    ("Quellen" in German; English without one).
    """
    syn = SYNTAX[flavour]
    parts = [_front_matter(document, syn)]
    meta = document.metadata
    if meta.marking.strip():
        parts.append("**" + syn.inline(meta.marking.strip()) + "**")
    blocks: Sequence[Block] = document.blocks
    if language is not None:
        blocks = _typeset(blocks, quote_style(language))
    parts.append(_render_blocks(blocks, syn))
    if document.sources:
        lines = [f"# {syn.inline(export_words(language).sources)}", ""]
        lines += ["- " + _source_line(syn, s.text, s.runs) for s in document.sources]
        parts.append("\n".join(lines))
    if document.footnotes:
        parts.append(
            "\n".join(
                f"[^{f.number}]: " + _source_line(syn, f.text, f.runs) for f in document.footnotes
            )
        )
    return "\n\n".join(p for p in parts if p) + "\n"


def _typeset(blocks: Sequence[Block], quotes: QuoteStyle) -> list[Block]:
    """``blocks`` with typographic quotation marks, table cells included (code is left)."""

    def marked(runs: Sequence[Run]) -> tuple[Run, ...]:
        return tuple(typeset(runs, quotes))

    out: list[Block] = []
    for block in blocks:
        table = block.table
        if table is not None:
            table = replace(
                table,
                header=tuple(marked(cell) for cell in table.header),
                rows=tuple(tuple(marked(cell) for cell in row) for row in table.rows),
            )
        out.append(replace(block, runs=marked(block.runs), table=table))
    return out


def _line(syn: Syntax, text: str) -> str:
    return syn.line_start(syn.inline(text), True, True)


def _source_line(syn: Syntax, text: str, runs: Sequence[Run]) -> str:
    """A footnote or Sources entry: the style's formatted runs (links kept) when a CSL
    style made them, else Briefer's plain text.

    Runs are protected as a paragraph's are, the first plain run at the line's start:
    protecting the whole line again escaped the style's own emphasis when an entry
    opens with it (Chicago's "*The Times*. “Title.”" read "\\*The Times*.")."""
    if runs:
        return _inline(runs, syn)
    return _line(syn, text)


def _front_matter(document: ExportDocument, syn: Syntax) -> str:
    """YAML with every value quoted (and, for pandoc, Markdown-escaped, as pandoc reads it)."""
    meta = document.metadata
    lines = ["---", f"title: {syn.meta(meta.title)}"]
    if meta.author:
        lines.append(f"author: {syn.meta(meta.author)}")
    if meta.date is not None:
        lines.append(f"date: {meta.date.isoformat()}")
    for key in ("recipient", "reference", "marking"):
        value = getattr(meta, key)
        if value:
            lines.append(f"{key}: {syn.meta(value)}")
    lines.append("---")
    return "\n".join(lines)


def _render_blocks(blocks: Sequence[Block], syn: Syntax) -> str:
    out: list[str] = []
    list_indents: list[tuple[int, int]] = []  # (list_id, content indent) per nesting level
    numbers: dict[int, int] = {}
    previous: Block | None = None
    for block in blocks:
        if block.kind is not BlockKind.LIST_ITEM:
            list_indents.clear()
        text, separator = _render_block(block, previous, list_indents, numbers, syn)
        if out:
            out.append(separator)
        out.append(text)
        previous = block
    return "".join(out)


def _render_block(
    block: Block,
    previous: Block | None,
    list_indents: list[tuple[int, int]],
    numbers: dict[int, int],
    syn: Syntax,
) -> tuple[str, str]:
    """The Markdown for ``block`` and what must separate it from the block before."""
    if block.kind is BlockKind.HEADING:
        line = "\n".join(_inline_lines(block.runs, syn))
        return "#" * block.level + " " + _heading_safe(line), "\n\n"
    if block.kind is BlockKind.QUOTE:
        prefix = "> " * block.level
        lines = [(prefix + line).rstrip() for line in _inline_lines(block.runs, syn)]
        if previous is not None and previous.kind is BlockKind.QUOTE:
            joint = ">" + " >" * (min(block.level, previous.level) - 1)
            return "\n".join(lines), "\n" + joint + "\n"
        return "\n".join(lines), "\n\n"
    if block.kind is BlockKind.LIST_ITEM:
        return _list_item(block, previous, list_indents, numbers, syn)
    if block.kind is BlockKind.TABLE and block.table is not None:
        return _table(block.table, syn), "\n\n"
    if block.kind is BlockKind.RULE:
        return "---", "\n\n"
    if block.kind is BlockKind.CODE:
        fence = "`" * max(3, _longest_run(block.text, "`") + 1)
        return f"{fence}\n{block.text}\n{fence}", "\n\n"
    return "\n".join(_inline_lines(block.runs, syn)), "\n\n"


def _heading_safe(line: str) -> str:
    # An ATX heading's trailing #s are a closing sequence; keep a real one.
    if line.endswith("#") and not line.endswith("\\#"):
        return line[:-1] + "\\#"
    return line


def _list_item(
    block: Block,
    previous: Block | None,
    list_indents: list[tuple[int, int]],
    numbers: dict[int, int],
    syn: Syntax,
) -> tuple[str, str]:
    new_top_list = block.level == 1 and (not list_indents or list_indents[0][0] != block.list_id)
    del list_indents[block.level :]
    if len(list_indents) == block.level and list_indents[-1][0] != block.list_id:
        list_indents.pop()
    outer = list_indents[block.level - 2][1] if block.level > 1 and list_indents else 0
    lines = _inline_lines(block.runs, syn)
    if block.continuation and len(list_indents) == block.level:
        indent = " " * list_indents[-1][1]
        return "\n".join(indent + line for line in lines), "\n\n"
    if block.ordered:
        number = numbers.get(block.list_id, block.start - 1) + 1
        numbers[block.list_id] = number
        marker = f"{number}. "
    else:
        marker = "- "
    if len(list_indents) < block.level:
        list_indents.append((block.list_id, outer + len(marker)))
    indent = " " * (outer + len(marker))
    text = (
        " " * outer
        + marker
        + "\n".join((indent + line if i else line) for i, line in enumerate(lines))
    )
    if previous is None or previous.kind is not BlockKind.LIST_ITEM:
        return text, "\n\n"
    if new_top_list:
        # Two lists in a row would merge into one; an empty comment keeps them apart.
        return text, "\n\n<!-- -->\n\n"
    return text, "\n"


def _table(table: Table, syn: Syntax) -> str:
    def row(cells: Sequence[tuple[Run, ...]]) -> str:
        return "| " + " | ".join(" ".join(_inline_lines(c, syn)) or " " for c in cells) + " |"

    rule = {"left": ":---", "center": ":---:", "right": "---:"}
    align = [rule.get(a, "---") for a in table.align] or ["---"] * len(table.header)
    lines = [row(table.header), "| " + " | ".join(align) + " |"]
    lines += [row(r) for r in table.rows]
    return "\n".join(lines)


def _inline_lines(runs: Sequence[Run], syn: Syntax) -> list[str]:
    """Render runs as lines (hard breaks end a line), each safe at the start of a line."""
    lines: list[list[Run]] = [[]]
    for run in runs:
        if run.kind is RunKind.LINE_BREAK:
            lines.append([])
        else:
            lines[-1].append(run)
    rendered = [_inline(line, syn) for line in lines]
    return [line + "\\" for line in rendered[:-1]] + rendered[-1:]


def _inline(runs: Sequence[Run], syn: Syntax) -> str:
    pieces: list[str] = []
    i = 0
    while i < len(runs):
        run = runs[i]
        if run.link and is_link_target(run.link):  # never file:, javascript: or relative
            j = i
            while j < len(runs) and runs[j].link == run.link:
                j += 1
            label = "".join(_styled(r, False, False, syn) for r in runs[i:j])
            pieces.append(f"[{label}]({_link_target(run.link)})")
            i = j
            continue
        pieces.append(_styled(run, i == 0, i == len(runs) - 1, syn))
        i += 1
    return "".join(pieces)


def _styled(run: Run, first: bool, last: bool, syn: Syntax) -> str:
    if run.kind is RunKind.FOOTNOTE:
        return f"[^{run.footnote}]"
    body = _code_span(run.text) if run.kind is RunKind.CODE else syn.inline(run.text)
    if not (run.bold or run.italic):
        if run.kind is RunKind.CODE:
            return body
        return syn.line_start(body, first, last)
    # Emphasis markers must touch non-space text, so white space moves outside them.
    core = body.strip(" ")
    if not core:
        return body
    lead = body[: len(body) - len(body.lstrip(" "))]
    tail = body[len(body.rstrip(" ")) :]
    marker = ("**" if run.bold else "") + ("*" if run.italic else "")
    return lead + marker + core + marker[::-1] + tail


def _code_span(text: str) -> str:
    ticks = "`" * (_longest_run(text, "`") + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _link_target(url: str) -> str:
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">"


def _longest_run(text: str, ch: str) -> int:
    runs = re.findall(re.escape(ch) + "+", text)
    return max((len(r) for r in runs), default=0)
