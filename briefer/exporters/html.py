"""HTML for the composer's live preview, rendered from the same ExportDocument as Word.

The preview must show exactly what the export will contain, so it renders
the export IR (never the Markdown itself): the same headings, lists,
quotations, tables, footnote numbers and Sources. The HTML is the subset
Qt's rich text engine draws (QTextBrowser), every text escaped. Footnote
numbers link to ``passage:N`` so the view can open the source.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from briefer.core.record import Record
from briefer.exporters.document import (
    Block,
    BlockKind,
    ExportDocument,
    Run,
    RunKind,
    Table,
)
from briefer.exporters.export_words import export_words, note_date
from briefer.exporters.typography import (
    AMERICAN,
    QuoteStyle,
    curly_quotes,
    typeset,
    typeset_text,
)

PASSAGE_LINK = "passage:"


def section_anchor(section_id: int) -> str:
    """The name of the anchor at a section's heading, for the preview to scroll to."""
    return f"section-{section_id}"


class _Context(Record, frozen=True):
    passages: dict[int, int]  # footnote number -> the passage it cites, for links
    quotes: QuoteStyle


def render_html(
    document: ExportDocument, quotes: QuoteStyle = AMERICAN, language: str | None = None
) -> str:
    """The note as HTML for the Composer's preview; ``quotes`` as the Word export nests
    quotation marks for the note's language, and the Sources heading in ``language``
    (the note's, a tag like "de-DE"; English without one) as the export writes it."""
    meta = document.metadata
    parts = ['<html><body style="font-size: 11pt">']
    if meta.marking.strip():
        parts.append(f'<p align="center"><b>{escape(meta.marking.strip())}</b></p>')
    parts.append(f"<h1>{escape(typeset_text(meta.title, quotes))}</h1>")
    words = export_words(language)
    details = [
        (words.author, meta.author),
        (words.date, note_date(meta.date, language) if meta.date else ""),
        (words.recipient, meta.recipient),
        (words.reference, meta.reference),
    ]
    rows = "".join(
        f"<tr><td><b>{label}</b>&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>"
        for label, value in details
        if value.strip()
    )
    if rows:
        parts.append(f"<table>{rows}</table>")
    context = _Context({f.number: f.passage_id for f in document.footnotes}, quotes)
    parts.append(_blocks(document.blocks, context))
    if document.sources:
        parts.append(f"<h2>{escape(words.sources)}</h2><ul>")
        parts += [f"<li>{escape(curly_quotes(s.text))}</li>" for s in document.sources]
        parts.append("</ul>")
    if document.footnotes:
        parts.append('<hr/><ol style="font-size: 9pt">')
        parts += [f"<li>{escape(curly_quotes(f.text))}</li>" for f in document.footnotes]
        parts.append("</ol>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _blocks(blocks: Sequence[Block], ctx: _Context) -> str:
    out: list[str] = []
    open_lists: list[tuple[str, int]] = []  # (tag, list id) per nesting level

    def close_to(level: int) -> None:
        while len(open_lists) > level:
            out.append(f"</{open_lists.pop()[0]}>")

    for block in blocks:
        if block.kind is not BlockKind.LIST_ITEM:
            close_to(0)
            out.append(_block(block, ctx))
            continue
        tag = "ol" if block.ordered else "ul"
        close_to(block.level)
        if len(open_lists) == block.level and open_lists[-1][1] != block.list_id:
            close_to(block.level - 1)  # another list at the same depth starts here
        while len(open_lists) < block.level:
            open_lists.append((tag, block.list_id))
            start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            out.append(f"<{tag}{start}>")
        body = _runs(block.runs, ctx)
        out.append(f"<p>{body}</p>" if block.continuation else f"<li>{body}</li>")
    close_to(0)
    return "\n".join(out)


def _block(block: Block, ctx: _Context) -> str:
    kind = block.kind
    if kind is BlockKind.HEADING:
        level = min(block.level + 1, 4)  # h1 is the note's title
        anchor = (
            "" if block.section_id is None else f'<a name="{section_anchor(block.section_id)}"></a>'
        )
        return f"<h{level}>{anchor}{_runs(block.runs, ctx)}</h{level}>"
    if kind is BlockKind.QUOTE:
        return (
            '<blockquote style="margin-left: 24px; margin-right: 24px">'
            f"<i>{_runs(block.runs, ctx)}</i></blockquote>"
        )
    if kind is BlockKind.TABLE and block.table is not None:
        return _table(block.table, ctx)
    if kind is BlockKind.RULE:
        return "<hr/>"
    if kind is BlockKind.CODE:
        return f"<pre>{escape(block.text)}</pre>"
    return f"<p>{_runs(block.runs, ctx)}</p>"


def _table(table: Table, ctx: _Context) -> str:
    rows = ['<table border="1" cellspacing="0" cellpadding="4" width="100%">']
    for index, cells in enumerate((table.header, *table.rows)):
        tag = "th" if index == 0 else "td"
        rows.append(
            "<tr>" + "".join(f"<{tag}>{_runs(cell, ctx)}</{tag}>" for cell in cells) + "</tr>"
        )
    rows.append("</table>")
    return "".join(rows)


def _runs(runs: Sequence[Run], ctx: _Context) -> str:
    out = []
    for run in typeset(runs, ctx.quotes):  # marks as in the Word export
        if run.kind is RunKind.FOOTNOTE:
            target = ctx.passages.get(run.footnote)
            out.append(f'<sup><a href="{PASSAGE_LINK}{target}">{run.footnote}</a></sup>')
            continue
        if run.kind is RunKind.LINE_BREAK:
            out.append("<br/>")
            continue
        text = escape(run.text)
        if run.kind is RunKind.CODE:
            text = f"<code>{text}</code>"
        if run.kind is RunKind.MISSING_SOURCE:
            text = f'<span style="color: #B00020"><b>{text}</b></span>'
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.link:
            text = f'<a href="{escape(run.link)}">{text}</a>'
        out.append(text)
    return "".join(out)
