"""How many pages a note fills in Word: the estimate the Composer and `briefer notes` show.

The page setup and styles are read from what the DOCX writer really produces (a
probe note exported once to a temporary folder and read back), so a reference
document, a page size or a writer that changes its styles is followed without
restating any of it here; the footnotes are those the export writes in the
chosen citation style; the layout itself is pure (exporters.page_estimate).
"""

from __future__ import annotations

import contextlib
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from briefer.core.citations import find_citations
from briefer.core.integrity import sections_to_export
from briefer.core.model import Article, Note, Passage, Section
from briefer.core.record import replace
from briefer.exporters import DEFAULT_STYLE, CitationStyleError, ExportError, StyleInfo
from briefer.exporters.document import (
    Block,
    Cites,
    ExportDocument,
    Footnote,
    Metadata,
    Run,
    RunKind,
    Source,
    apply_style,
    build_cited,
    build_document,
    describe_source,
)
from briefer.exporters.page_estimate import LayoutCache, PageEstimate, estimate_pages
from briefer.exporters.page_profile import PageProfile, probe_document, read_profile
from briefer.session.export import cited_material, keep_renderings, style_or_plain
from briefer.session.queries import ProjectQueries

__all__ = ["PageCounter", "PageEstimate", "page_profile"]


def page_profile(reference_doc: Path | None = None, page_size: str | None = None) -> PageProfile:
    """The page and styles of a Word export (on ``reference_doc``, if given).

    Exports the probe note with the real writer (a few ms; tens through python-docx
    for a reference document), so call it once and keep the result; raises
    ExportError for a reference that is not Word.
    ``page_size`` is passed on to a writer that takes one (the analyst's setting).
    """
    from briefer.exporters.docx import export_docx

    options: dict[str, Any] = {"page_size": page_size} if page_size else {}
    with tempfile.TemporaryDirectory(prefix="briefer-pages-") as folder:
        target = Path(folder) / "probe.docx"
        export_docx(probe_document(), target, reference_doc=reference_doc, **options)
        return read_profile(target.read_bytes())


def _profile_or_default(reference_doc: Path | None, page_size: str | None) -> PageProfile:
    """The export's profile; python-docx's own page and styles if the probe cannot be made
    (a full disk, a reference that went missing): a status line must never fail."""
    try:
        return page_profile(reference_doc, page_size)
    except (ExportError, OSError, zipfile.BadZipFile, ET.ParseError):
        return PageProfile()


_SectionKey = tuple[object, ...]
_MAX_SECTIONS = 2_000


class PageCounter:
    """Estimates notes' pages against one page profile, made on first use and kept.

    A keystroke changes one section, so each section's part of the export document
    is kept (keyed by its text and what it cites) and only a changed one is parsed
    again; parsing Markdown is most of an estimate's time for a long note. The
    citations are then laid out as the export writes them in ``citation_style``
    (a built-in name or a .csl path; None for Briefer's plain form): short notes,
    "Ibid.", or author-date text in the body, in the note's ``language`` where
    the style has no locale of its own ("2 December 2026" is shorter than
    "December 2, 2026"). The style's renderings are kept per process
    (exporters.citations_csl), so a keystroke re-renders none.
    """

    def __init__(
        self,
        reference_doc: Path | None = None,
        page_size: str | None = None,
        citation_style: str | Path | None = DEFAULT_STYLE,
        language: str | None = None,
        profile: PageProfile | None = None,
    ) -> None:
        """``profile``: one already made for ``reference_doc`` and ``page_size`` (made on
        first use otherwise)."""
        self.reference_doc = reference_doc
        self.page_size = page_size
        self.citation_style = citation_style
        self.language = language
        self._profile = profile
        self._cache = LayoutCache()
        self._sections: dict[_SectionKey, ExportDocument] = {}
        self._cited: dict[_SectionKey, tuple[ExportDocument, Cites]] = {}
        self._placed: dict[tuple[object, ...], tuple[Block, ...]] = {}
        self._style: StyleInfo | None = None
        self._style_known = False
        self._others: dict[str, PageCounter] = {}

    @property
    def profile(self) -> PageProfile:
        if self._profile is None:
            self._profile = _profile_or_default(self.reference_doc, self.page_size)
        return self._profile

    @property
    def style(self) -> StyleInfo | None:
        """The style the export would use; None (plain form) if it cannot be found or read."""
        if not self._style_known:
            self._style_known = True
            self._style = style_or_plain(self.citation_style, self.language)
            if self._style is not None:
                keep_renderings(on_disk=False)  # the composer keeps them in memory
        return self._style

    def estimate(self, project: ProjectQueries, note: Note) -> PageEstimate:
        """The pages ``note`` (as given, saved or not) fills once exported to Word, in its
        own citation style when it has one."""
        passages, articles = cited_material(project, note)
        return self.estimate_with(note, passages, articles)

    def estimate_with(
        self, note: Note, passages: Mapping[int, Passage], articles: Mapping[int, Article]
    ) -> PageEstimate:
        """``estimate`` from material already read: what a worker thread, which must not
        touch the project's connection, is handed by the thread that read it."""
        if note.citation_style and note.citation_style != self.citation_style:
            other = self._others.get(note.citation_style)
            if other is None:
                other = PageCounter(
                    reference_doc=self.reference_doc,
                    page_size=self.page_size,
                    citation_style=note.citation_style,
                    language=self.language,
                )
                self._others[note.citation_style] = other
            return other.estimate_with(note, passages, articles)
        document = self.document(note, passages, articles)
        return estimate_pages(document, self.profile, self._cache, self.language)

    def document(
        self, note: Note, passages: Mapping[int, Passage], articles: Mapping[int, Article]
    ) -> ExportDocument:
        """What build_document makes of ``note``, from its sections' kept parts."""
        if len(self._sections) + len(self._cited) + len(self._placed) > _MAX_SECTIONS:
            self._sections.clear()
            self._cited.clear()
            self._placed.clear()
        style = self.style
        if style is not None:
            with contextlib.suppress(CitationStyleError):
                return self._styled(note, passages, articles, style)
        blocks: list[Block] = []
        footnotes: list[Footnote] = []
        sources: list[Source] = []
        numbers: dict[int, int] = {}  # passage id -> its number in the whole note
        lists = 0  # lists in the sections before, as the builder numbers them note-wide
        for section in sections_to_export(note):
            key = _section_key(section, passages, articles)
            part = self._sections.get(key)
            if part is None:
                alone = Note(note.title, sections=(_alone(section),))
                part = self._sections[key] = build_document(alone, passages, articles)
            renumber: dict[int, int] = {}
            for footnote in part.footnotes:
                if footnote.passage_id not in numbers:
                    numbers[footnote.passage_id] = len(footnotes) + 1
                    footnotes.append(replace(footnote, number=len(footnotes) + 1))
                renumber[footnote.number] = numbers[footnote.passage_id]
            if lists or any(old != new for old, new in renumber.items()):
                blocks.extend(_renumbered(block, renumber, lists) for block in part.blocks)
            else:
                blocks.extend(part.blocks)
            lists += max((b.list_id for b in part.blocks), default=0)
            sources.extend(s for s in part.sources if all(s.article_id != o.article_id
                                                          for o in sources))  # fmt: skip
        metadata = _metadata(note)
        return ExportDocument(metadata, tuple(blocks), tuple(footnotes), tuple(sources))

    def _styled(
        self,
        note: Note,
        passages: Mapping[int, Passage],
        articles: Mapping[int, Article],
        style: StyleInfo,
    ) -> ExportDocument:
        """The export document in ``style``: sections' kept parts joined, then formatted whole.

        A style's form of a citation depends on every citation before it, so
        only the parse is kept per section; citation n of a section becomes
        citation n + (citations before) of the note.
        """
        blocks: list[Block] = []
        cites: list[tuple[tuple[int, int], ...]] = []
        lists = 0
        for section in sections_to_export(note):
            key = _section_key(section, passages, articles, named=False)
            kept = self._cited.get(key)
            if kept is None:
                alone = Note(note.title, sections=(_alone(section),))
                kept = self._cited[key] = build_cited(alone, passages, articles)
            part, part_cites = kept
            if cites or lists:
                # Where it sits only changes when an earlier section gains a citation or list.
                placed_key = (key, len(cites), lists)
                placed = self._placed.get(placed_key)
                if placed is None:
                    renumber = {n: n + len(cites) for n in range(1, len(part_cites) + 1)}
                    placed = tuple(_renumbered(b, renumber, lists) for b in part.blocks)
                    self._placed[placed_key] = placed
                blocks.extend(placed)
            else:
                blocks.extend(part.blocks)
            cites.extend(part_cites)
            lists += max((b.list_id for b in part.blocks), default=0)
        cited = ExportDocument(_metadata(note), tuple(blocks))
        return apply_style(cited, cites, articles, style)


def _alone(section: Section) -> Section:
    """``section`` as a note of its own, printed whole: its guidance goes, which is never
    printed, so a parent kept for the sub-sections after it is not left out alone."""
    return replace(section, position=0, guidance="")


def _metadata(note: Note) -> Metadata:
    """The metadata build_document gives ``note`` (no created/modified: an estimate)."""
    return Metadata(note.title, note.author, note.date, note.recipient, note.reference,
                    note.marking)  # fmt: skip


def _section_key(
    section: Section,
    passages: Mapping[int, Passage],
    articles: Mapping[int, Article],
    named: bool = True,
) -> _SectionKey:
    """A section's text and how each passage it cites would be named in a footnote.

    Without ``named`` (a style formats the citations later) only whether the
    passage and its article are there counts.
    """
    cited = []
    for passage_id in find_citations(section.body):
        passage = passages.get(passage_id)
        article = articles.get(passage.article_id) if passage is not None else None
        if named:
            name = describe_source(article) if article is not None else ""
        else:
            name = "found" if article is not None else ""
        cited.append((passage_id, passage.article_id if passage else None, name))
    return (section.heading, section.level, section.body, tuple(cited))


def _renumbered(block: Block, renumber: Mapping[int, int], lists: int) -> Block:
    """``block`` with its footnotes and list numbered as in the whole note."""

    def runs(found: tuple[Run, ...]) -> tuple[Run, ...]:
        if all(r.kind is not RunKind.FOOTNOTE for r in found):
            return found
        return tuple(
            replace(r, footnote=renumber.get(r.footnote, r.footnote))
            if r.kind is RunKind.FOOTNOTE
            else r
            for r in found
        )

    table = block.table
    if table is not None:
        table = replace(
            table,
            header=tuple(runs(cell) for cell in table.header),
            rows=tuple(tuple(runs(cell) for cell in row) for row in table.rows),
        )
    list_id = block.list_id + lists if block.list_id else 0
    return replace(block, runs=runs(block.runs), table=table, list_id=list_id)
