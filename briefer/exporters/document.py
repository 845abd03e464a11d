"""The export intermediate representation and the one builder that makes it from a Note.

Parses section bodies with markdown-it-py (the only place an exporter parses
Markdown), except plain ones (prose, block quotes, citations), which
plain_body reads without it: importing markdown-it is a sixth of a short
export's run. The DOCX and Markdown writers render the result. Imports
briefer.core, the standard library, markdown-it-py only when a body needs it
and, only when a note is built with a citation style, the exporters' CSL
modules (citeproc).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence

from briefer.core.citations import CITATION_PATTERN, missing_marker, opens_citation_label
from briefer.core.integrity import sections_to_export
from briefer.core.model import Article, Note, Passage
from briefer.core.record import Record, field, replace
from briefer.exporters.plain_body import BodyToken, plain_tokens

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_inline import StateInline

    from briefer.exporters.citations_csl import Rendered
    from briefer.exporters.csl_styles import StyleInfo

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MAX_HEADING_LEVEL = 3
SOURCES_HEADING = "Sources"
"""The English heading of the list of sources every export ends with; the writers print
the note's language's (export_words.export_words(language).sources)."""


class RunKind(enum.StrEnum):
    TEXT = "text"
    CODE = "code"
    LINE_BREAK = "line_break"
    FOOTNOTE = "footnote"
    MISSING_SOURCE = "missing_source"


class Run(Record, frozen=True):
    """A stretch of inline content with one formatting.

    ``link`` is the target when the run is (part of) a hyperlink;
    ``footnote`` is the footnote number for ``FOOTNOTE`` runs.
    """

    kind: RunKind
    text: str = ""
    bold: bool = False
    italic: bool = False
    link: str = ""
    footnote: int = 0


class BlockKind(enum.StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    TABLE = "table"
    RULE = "rule"
    CODE = "code"


Cell = tuple[Run, ...]


class Table(Record, frozen=True):
    """A table with one header row; ``align`` holds left, center, right or "" per column."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    align: tuple[str, ...]


class Block(Record, frozen=True):
    """One block of the exported body.

    ``level`` is the heading level (1-3), the list nesting depth (1 = top)
    or the quote depth. List items of one list share ``list_id`` so a writer
    knows where numbering restarts; ``start`` is that list's first number.
    A ``continuation`` list item is a further paragraph of the item above.
    """

    kind: BlockKind
    runs: tuple[Run, ...] = ()
    level: int = 0
    ordered: bool = False
    list_id: int = 0
    start: int = 1
    continuation: bool = False
    table: Table | None = None
    text: str = ""
    section_id: int | None = None  # a note section's own heading: where the preview goes


class Footnote(Record, frozen=True):
    """Footnote ``number`` names the source of ``passage_id``; numbers run 1..n.

    ``text`` is the plain text; ``runs`` the same with its italics and links
    when a citation style formatted it (empty otherwise: then use ``text``).
    """

    number: int
    passage_id: int
    article_id: int
    text: str
    runs: tuple[Run, ...] = ()


class Source(Record, frozen=True):
    """One cited article in the Sources list: the style's order, else first citation's.

    ``runs`` as for :class:`Footnote`.
    """

    article_id: int
    title: str
    text: str
    runs: tuple[Run, ...] = ()


class Metadata(Record, frozen=True):
    title: str
    author: str = ""
    date: dt.date | None = None
    recipient: str = ""
    reference: str = ""
    marking: str = ""
    created: dt.datetime | None = None
    modified: dt.datetime | None = None


class ExportDocument(Record, frozen=True):
    """Everything a writer needs, already resolved: no Markdown, no lookups left.

    ``problems`` are sentences for the analyst (a missing source, ...); the
    export still happened, with a visible marker where the problem is.
    ``citation_style`` names the CSL style the citations were formatted in
    ("" for Briefer's plain form); with a style, the Sources list is a
    bibliography (hanging indent in Word).
    """

    metadata: Metadata
    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...] = ()
    sources: tuple[Source, ...] = ()
    problems: tuple[str, ...] = field(default=())
    citation_style: str = ""


def format_date(day: dt.date) -> str:
    """``4 December 2025``: unambiguous in every English-speaking office, locale-free."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def describe_source(article: Article) -> str:
    """How a footnote and the Sources list name an article: title, publisher, date, URL."""
    parts = [article.title.strip() or "Untitled article", article.publisher.strip()]
    if article.published is not None:
        parts.append(format_date(article.published))
    parts.append(article.url.strip())
    return ", ".join(p for p in parts if p) + "."


def make_parser() -> MarkdownIt:
    """CommonMark plus tables plus the citation token, exactly as the exporters read notes."""
    from markdown_it import MarkdownIt  # here only: most exports never need it

    md = MarkdownIt("commonmark").enable("table")
    md.inline.ruler.before("link", "citation", _citation_rule)
    md.block.ruler.at("reference", _reference_unless_citation)
    return md


def _reference_unless_citation(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    # "[@p3]: Kyiv" opening a block is a citation and text, not a hidden link definition.
    from markdown_it.rules_block import reference

    if opens_citation_label(state.src, state.bMarks[start] + state.tShift[start]):
        return False
    return reference(state, start, end, silent)


def _citation_rule(state: StateInline, silent: bool) -> bool:
    # Runs after the escape and backtick rules, so \[@p1] and `[@p1]` never get here.
    if state.src[state.pos] != "[":
        return False
    match = CITATION_PATTERN.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.meta = {"passage_id": int(match.group(1))}
        token.content = match.group(0)
    state.pos = match.end()
    return True


def build_document(
    note: Note,
    passages: Mapping[int, Passage],
    articles: Mapping[int, Article],
    style: StyleInfo | None = None,
) -> ExportDocument:
    """Turn a note and what it cites into an :class:`ExportDocument`.

    Without ``style`` (the preview), citation tokens become footnotes
    numbered in order of first appearance, citing a passage again reuses
    its number, and each names its source in Briefer's plain form. With a
    CSL ``style``, every token (or run of tokens side by side) is one
    citation formatted by the style: a footnote of its own in a note style
    (full, then short, or "Ibid."), a run of text such as "(Smith 2025)" in
    an author-date style; the Sources list is the style's bibliography. A token whose passage or
    article cannot be found becomes a visible ``[missing source: passage
    N]`` marker and a line in ``problems``.
    """
    document, cites = _parse(note, passages, articles, csl=style is not None)
    if style is None:
        return document
    return apply_style(document, cites, articles, style)


Cites = tuple[tuple[tuple[int, int], ...], ...]
"""Each citation's (passage id, article id)s, in order: citation n is FOOTNOTE run n."""


def build_cited(
    note: Note, passages: Mapping[int, Passage], articles: Mapping[int, Article]
) -> tuple[ExportDocument, Cites]:
    """The document a style will format: each citation a FOOTNOTE run numbered in order.

    :func:`apply_style` then formats it; the page estimate keeps each section's
    part and formats the joined whole, since a style's forms (short note,
    "Ibid.") depend on every citation before.
    """
    return _parse(note, passages, articles, csl=True)


def _parse(
    note: Note, passages: Mapping[int, Passage], articles: Mapping[int, Article], *, csl: bool
) -> tuple[ExportDocument, Cites]:
    builder = _Builder(passages, articles, csl=csl)
    md: MarkdownIt | None = None
    for section in sections_to_export(note):  # unwritten ones leave no bare heading
        level = min(max(section.level, 1), MAX_HEADING_LEVEL)
        if section.heading.strip():
            builder.blocks.append(
                Block(
                    BlockKind.HEADING,
                    (Run(RunKind.TEXT, section.heading.strip()),),
                    level,
                    section_id=section.id,
                )
            )
        tokens: Sequence[BodyToken] | None = plain_tokens(section.body)
        if tokens is None:
            md = md or make_parser()
            tokens = md.parse(section.body)
        builder.add_tokens(tokens, base_level=level)
    metadata = Metadata(
        title=note.title,
        author=note.author,
        date=note.date,
        recipient=note.recipient,
        reference=note.reference,
        marking=note.marking,
        created=note.created_at,
        modified=note.modified_at,
    )
    document = ExportDocument(
        metadata=metadata,
        blocks=tuple(builder.blocks),
        footnotes=tuple(builder.footnotes),
        sources=tuple(builder.sources),
        problems=tuple(builder.problems),
    )
    return document, tuple(tuple(group) for group in builder.cites)


def apply_style(
    document: ExportDocument,
    cites: Sequence[Sequence[tuple[int, int]]],
    articles: Mapping[int, Article],
    style: StyleInfo,
) -> ExportDocument:
    """Format the citations in ``style``; ``cites`` holds each citation's (passage, article)s."""
    from briefer.exporters.citations_csl import plain_text, render
    from briefer.exporters.csl_position import Citation, Cite

    cited = {str(aid): articles[aid] for group in cites for _, aid in group}
    citations = [
        Citation(tuple(Cite(str(aid)) for _, aid in group), n) for n, group in enumerate(cites, 1)
    ]
    output = render(style, cited, citations)
    # An item the style leaves out of its bibliography keeps its place in Briefer's
    # plain form: a briefing lists every source it quotes.
    sources = tuple(
        Source(int(key), articles[int(key)].title, plain_text(entry), _runs_of(entry))
        if entry
        else Source(
            int(key),
            articles[int(key)].title,
            describe_source(articles[int(key)]),
            (Run(RunKind.TEXT, describe_source(articles[int(key)])),),
        )
        for key, entry in output.bibliography
    )
    if not output.has_bibliography:  # a style without one: Briefer's plain list
        sources = tuple(
            Source(int(key), article.title, describe_source(article))
            for key, article in cited.items()
        )
    if style.note_style:
        footnotes = tuple(
            Footnote(n, group[0][0], group[0][1], plain_text(text), _runs_of(text))
            for n, (group, text) in enumerate(zip(cites, output.citations, strict=True), 1)
        )
        blocks = document.blocks
    else:
        in_text = {n: _runs_of(text) for n, text in enumerate(output.citations, 1)}
        blocks = tuple(_cited_in_text(block, in_text) for block in document.blocks)
        footnotes = ()
    return replace(
        document,
        blocks=blocks,
        footnotes=footnotes,
        sources=sources,
        citation_style=style.name,
    )


def _runs_of(spans: Rendered) -> tuple[Run, ...]:
    return tuple(Run(RunKind.TEXT, s.text, s.bold, s.italic, s.link) for s in spans)


def _cited_in_text(block: Block, in_text: Mapping[int, tuple[Run, ...]]) -> Block:
    """``block`` with each citation mark replaced by the style's text, e.g. "(Smith 2025)"."""

    def swap(runs: tuple[Run, ...]) -> tuple[Run, ...]:
        if all(r.kind is not RunKind.FOOTNOTE for r in runs):
            return runs
        out: list[Run] = []
        for run in runs:
            if run.kind is not RunKind.FOOTNOTE:
                out.append(run)
                continue
            if out and out[-1].text and not out[-1].text[-1].isspace():
                out.append(Run(RunKind.TEXT, " "))
            out.extend(in_text[run.footnote])
        return _merge(out)

    if block.table is not None:
        table = block.table
        table = Table(
            tuple(swap(c) for c in table.header),
            tuple(tuple(swap(c) for c in row) for row in table.rows),
            table.align,
        )
        return replace(block, table=table)
    return replace(block, runs=swap(block.runs))


class _ListState(Record):
    ordered: bool
    list_id: int
    start: int
    paragraphs_in_item: int = 0


class _Builder(Record):
    passages: Mapping[int, Passage]
    articles: Mapping[int, Article]
    csl: bool = False
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    cites: list[list[tuple[int, int]]] = field(default_factory=list)
    """(passage, article)s of each citation, in order, when a style formats them: tokens
    side by side ("[@p1][@p2]") are one citation, one footnote or "(A, 2025; B, 2024)"."""
    _numbers: dict[int, int] = field(default_factory=dict)
    _lists_made: int = 0

    def add_tokens(self, tokens: Sequence[BodyToken], base_level: int) -> None:
        lists: list[_ListState] = []
        quote_depth = 0
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                self._lists_made += 1
                start = int(token.attrGet("start") or 1)
                lists.append(_ListState(kind == "ordered_list_open", self._lists_made, start))
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif kind == "list_item_open":
                lists[-1].paragraphs_in_item = 0
            elif kind == "blockquote_open":
                quote_depth += 1
            elif kind == "blockquote_close":
                quote_depth -= 1
            elif kind == "heading_open":
                level = min(base_level + int(token.tag[1:]), MAX_HEADING_LEVEL)
                self.blocks.append(Block(BlockKind.HEADING, self._runs(tokens[i + 1]), level))
                i += 2
            elif kind == "paragraph_open":
                self.blocks.append(self._paragraph(tokens[i + 1], lists, quote_depth))
                i += 2
            elif kind in ("fence", "code_block"):
                self.blocks.append(Block(BlockKind.CODE, text=token.content.rstrip("\n")))
            elif kind == "html_block":
                text = token.content.strip()
                self.blocks.append(Block(BlockKind.PARAGRAPH, (Run(RunKind.TEXT, text),)))
            elif kind == "hr":
                self.blocks.append(Block(BlockKind.RULE))
            elif kind == "table_open":
                i = self._table(tokens, i)
            i += 1

    def _paragraph(self, inline: BodyToken, lists: list[_ListState], quote_depth: int) -> Block:
        runs = self._runs(inline)
        if lists:
            current = lists[-1]
            current.paragraphs_in_item += 1
            return Block(
                BlockKind.LIST_ITEM,
                runs,
                level=len(lists),
                ordered=current.ordered,
                list_id=current.list_id,
                start=current.start,
                continuation=current.paragraphs_in_item > 1,
            )
        if quote_depth:
            return Block(BlockKind.QUOTE, runs, level=quote_depth)
        return Block(BlockKind.PARAGRAPH, runs)

    def _table(self, tokens: Sequence[BodyToken], i: int) -> int:
        header: list[Cell] = []
        rows: list[tuple[Cell, ...]] = []
        align: list[str] = []
        row: list[Cell] = []
        in_head = False
        while tokens[i].type != "table_close":
            token = tokens[i]
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                row = []
            elif token.type == "tr_close":
                if in_head:
                    header = row
                else:
                    rows.append(tuple(row))
            elif token.type in ("th_open", "td_open"):
                if in_head:
                    style = str(token.attrGet("style") or "")
                    align.append(style.removeprefix("text-align:"))
                row.append(self._runs(tokens[i + 1]))
            i += 1
        width = len(header)
        rows = [tuple(r[:width]) + ((),) * (width - len(r)) for r in rows]
        table = Table(tuple(header), tuple(rows), tuple(align))
        self.blocks.append(Block(BlockKind.TABLE, table=table))
        return i

    def _runs(self, inline: BodyToken) -> tuple[Run, ...]:
        runs: list[Run] = []
        bold = italic = 0
        link = ""
        for child in inline.children or ():
            kind = child.type
            if kind in ("text", "text_special", "html_inline"):
                runs.append(Run(RunKind.TEXT, child.content, bold > 0, italic > 0, link))
            elif kind == "softbreak":
                runs.append(Run(RunKind.TEXT, " ", bold > 0, italic > 0, link))
            elif kind == "hardbreak":
                runs.append(Run(RunKind.LINE_BREAK))
            elif kind == "code_inline":
                runs.append(Run(RunKind.CODE, child.content, bold > 0, italic > 0, link))
            elif kind == "strong_open":
                bold += 1
            elif kind == "strong_close":
                bold -= 1
            elif kind == "em_open":
                italic += 1
            elif kind == "em_close":
                italic -= 1
            elif kind == "link_open":
                link = str(child.attrGet("href") or "")
            elif kind == "link_close":
                link = ""
            elif kind == "image":
                alt = "".join(c.content for c in child.children or ())
                runs.append(Run(RunKind.TEXT, alt, bold > 0, italic > 0, link))
            elif kind == "citation":
                passage_id = int(child.meta["passage_id"])
                if not (self.csl and self._join_citation(runs, passage_id)):
                    runs.append(self._cite(passage_id))
        return _merge(runs)

    def _join_citation(self, runs: list[Run], passage_id: int) -> bool:
        """Add the passage to the citation just before, when only spaces lie between."""
        end = len(runs)
        while end and runs[end - 1].kind is RunKind.TEXT and not runs[end - 1].text.strip():
            end -= 1
        last = runs[end - 1] if end else None
        if last is None or last.kind is not RunKind.FOOTNOTE or last.footnote != len(self.cites):
            return False
        passage = self.passages.get(passage_id)
        if passage is None or passage.article_id not in self.articles:
            return False  # _cite marks it and says why
        del runs[end:]
        self.cites[-1].append((passage_id, passage.article_id))
        return True

    def _cite(self, passage_id: int) -> Run:
        if passage_id in self._numbers and not self.csl:
            return Run(RunKind.FOOTNOTE, footnote=self._numbers[passage_id])
        passage = self.passages.get(passage_id)
        article = self.articles.get(passage.article_id) if passage is not None else None
        if passage is None or article is None:
            marker = missing_marker(passage_id)
            if passage is None:
                problem = f"Passage {passage_id} is cited but no longer exists in the project"
            else:
                problem = (
                    f"Passage {passage_id} is cited but its article "
                    f"({passage.article_id}) no longer exists in the project"
                )
            problem += f"; the export shows {marker} where it is cited. Re-insert the quotation."
            if problem not in self.problems:
                self.problems.append(problem)
            return Run(RunKind.MISSING_SOURCE, marker)
        if self.csl:
            self.cites.append([(passage_id, passage.article_id)])
            return Run(RunKind.FOOTNOTE, footnote=len(self.cites))
        number = len(self.footnotes) + 1
        self._numbers[passage_id] = number
        self.footnotes.append(
            Footnote(number, passage_id, passage.article_id, describe_source(article))
        )
        if all(s.article_id != passage.article_id for s in self.sources):
            self.sources.append(Source(passage.article_id, article.title, describe_source(article)))
        return Run(RunKind.FOOTNOTE, footnote=number)


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    """Join neighbouring text runs of the same formatting, so writers make fewer pieces."""
    merged: list[Run] = []
    for run in runs:
        if not run.text and run.kind is RunKind.TEXT:
            continue
        last = merged[-1] if merged else None
        if (
            last is not None
            and run.kind is RunKind.TEXT
            and last.kind is RunKind.TEXT
            and (last.bold, last.italic, last.link) == (run.bold, run.italic, run.link)
        ):
            merged[-1] = Run(RunKind.TEXT, last.text + run.text, run.bold, run.italic, run.link)
        else:
            merged.append(run)
    return tuple(merged)
