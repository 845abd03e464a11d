"""Word documents (.docx): the ZIP checked for bombs (docx_package), then the body
streamed with lxml.

Memory and time follow the text, not the XML: word/document.xml is read with
iterparse and every finished paragraph is dropped (docx_body). Footnotes and
endnotes come back as a "Notes" section, marked with the numbers Word prints
(docx_notes: per section when a section restarts them); password-protected
files are named as such. Imports core, briefer.importers helpers, zipfile and
lxml; never store, session or ui.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

from lxml import etree

from briefer.core.logs import get_logger
from briefer.core.model import Article, ArticleImage, BlockKind
from briefer.core.record import Record
from briefer.importers.base import (
    ArticleBuilder,
    Deadline,
    ImportLimits,
    ImportRejected,
    LocalFileReader,
)
from briefer.importers.docinfo import file_date, meaningful, printed_date
from briefer.importers.docx_body import (
    BLIP,
    CHART,
    DoctypeFound,
    ElementTooLarge,
    PartReader,
)
from briefer.importers.docx_chunks import (
    TOO_DEEP,
    TOO_LARGE,
    WORD,
    ChunkReader,
    left_out_sentences,
    only_chunks_refused,
)
from briefer.importers.docx_classify import Classifier
from briefer.importers.docx_diagrams import chart_title, diagram_items
from briefer.importers.docx_note_texts import note_texts
from briefer.importers.docx_notes import NoteNumbers, read_note_numbers
from briefer.importers.docx_numbers import read_numbering
from briefer.importers.docx_package import (
    DOCTYPE_REFUSED,
    MAX_MEMBERS,
    check_docx_zip,
    check_not_compound_file,
    is_password_protected,
    unreadable,
)
from briefer.importers.docx_parts import (
    PartTooLarge,
    Piece,
    Relationship,
    main_document,
    part_for,
    read_core_properties,
    read_relationships,
    read_styles,
    w,
)
from briefer.importers.docx_runs import hidden_mark
from briefer.importers.images import normalise_image
from briefer.importers.text import title_from_filename

log = get_logger(__name__)
__all__ = ["MAX_MEMBERS", "DocxImporter", "check_docx_zip", "is_password_protected"]

_OPENING_BLOCKS = 10
"""Paragraphs of a title page searched for the date its author printed."""
_TITLE_PAGE_KINDS = frozenset({BlockKind.HEADING, BlockKind.PARAGRAPH})
_NOTES_HEADING = "Notes"


_PYTHON_DOCX_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15, tzinfo=dt.UTC)
"""Every document python-docx creates from its default template carries this date."""


class DocxImporter:
    """Word documents: reports, press releases and articles saved from Word."""

    name = "docx"
    extensions: tuple[str, ...] = (".docx", ".docm")

    def sniff(self, data: bytes, filename: str) -> int:
        if is_password_protected(data):
            return 60  # no other importer can even say what this is
        if not data.startswith(b"PK\x03\x04"):
            return 0
        if b"word/document.xml" in data[:65536] or b"word/" in data[-65536:]:
            return 90
        return 10

    def extract(
        self,
        data: bytes,
        filename: str,
        limits: ImportLimits,
        read_local: LocalFileReader | None = None,
    ) -> Article:
        return self.extract_with_warnings(data, filename, limits, read_local)[0]

    def extract_with_warnings(
        self,
        data: bytes,
        filename: str,
        limits: ImportLimits,
        read_local: LocalFileReader | None = None,
    ) -> tuple[Article, tuple[str, ...]]:
        """The article, and sentences for the import report on content left out."""
        label = filename or "the Word document"
        check_not_compound_file(data, filename, label)
        unpacked = check_docx_zip(data, limits, label)
        deadline = Deadline(limits.max_seconds, label)
        budget = _Budget(limits.max_unpacked_bytes - unpacked, limits.max_unpacked_bytes)
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                article, warnings, _ = _read_package(
                    archive, filename, label, limits, deadline, budget
                )
                return article, warnings
        except DoctypeFound:
            raise ImportRejected(DOCTYPE_REFUSED.format(label=label, where="")) from None
        except ElementTooLarge as error:
            raise ImportRejected(
                f"{label} contains one paragraph (or other element) larger than"
                f" {error.args[0] / 1024 / 1024:,.0f} MB, far beyond what Word writes; it was"
                " not opened."
            ) from None
        except PartTooLarge as error:
            name, size = error.args
            raise ImportRejected(
                f"{label} has a {name} of {size / 1024 / 1024:,.0f} MB, far larger than Word"
                " writes; it was not opened."
            ) from None
        except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise unreadable(label, error) from None


class _Budget(Record):
    """What the whole import may still spend, shared by the file and every document merged
    into it (at any depth), as the deadline is: bytes inner packages may unpack to, and
    characters merged documents and drawings may add."""

    unpacked: int
    text: int


class _MergedTooLarge(ImportRejected):
    """Merged documents and drawings add more text than the whole import may hold."""


def _read_package(
    archive: zipfile.ZipFile,
    filename: str,
    label: str,
    limits: ImportLimits,
    deadline: Deadline,
    budget: _Budget,
    depth: int = 0,
    root: _BodyReader | None = None,
) -> tuple[Article, tuple[str, ...], bool]:
    """The package's article, the report's sentences, and whether its body had text.

    A merged package (``root`` the outermost document's reader) gives its body only: its
    notes continue the outer document's numbering and join its one Notes section, and
    its pictures are kept where it is merged in."""
    core = read_core_properties(archive)
    document = main_document(archive)
    relationships = read_relationships(archive, document)
    styles = read_styles(archive, part_for(relationships, "styles", "word/styles.xml"))
    numbering = read_numbering(archive, part_for(relationships, "numbering", "word/numbering.xml"))
    title = meaningful(core.title)  # not "Microsoft Word - memo_v2.doc"
    classifier = Classifier(styles, numbering, title)
    body = _BodyReader(deadline, classifier, archive, relationships, limits, budget, label)
    body.root = root
    merged: list[str] = []  # the report's sentences on what merged-in documents left out
    outermost = root or body
    body.chunks = ChunkReader(
        archive,
        relationships,
        limits,
        deadline,
        lambda data: _merged_word(
            data, label, limits, deadline, budget, depth + 1, merged, outermost
        ),
    )
    members = set(archive.namelist())
    notes = {
        part_for(relationships, kind, f"word/{kind}.xml") for kind in ("footnotes", "endnotes")
    }
    # Only a document with notes pays for the second look at its body (its sections).
    body.note_numbers = read_note_numbers(
        archive,
        part_for(relationships, "settings", "word/settings.xml"),
        document if root is None and notes & members else None,
        deadline.check,
    )
    with archive.open(document) as stream:
        body.read(stream)
    found = note_texts(body.notes, styles, archive, relationships, deadline)
    if root is not None:
        root.merged_notes.update((body.outer_keys[key], texts) for key, texts in found.items())
    else:
        found.update(body.merged_notes)
        _add_notes(body, found)
    warnings = left_out_sentences(PurePath(label).name, body.chunks.left_out)
    if body.hidden_paragraphs:
        count = body.hidden_paragraphs
        where = "a paragraph" if count == 1 else f"{count} paragraphs"
        warnings += (
            f"{PurePath(label).name}: hidden text in {where} left out, as Word neither shows"
            " nor prints it; to keep it, clear Hidden in Word's Font dialog and import it again.",
        )
    warnings += tuple(dict.fromkeys(merged))
    has_text = not body.builder.is_empty()
    if not has_text and root is None:
        if body.chunks.left_out:
            raise ImportRejected(only_chunks_refused(label, body.chunks.left_out))
        raise ImportRejected(
            f"{label} has no text in its body (page headers and footers are left out);"
            " there is nothing to import."
        )
    created = core.created
    if created == _PYTHON_DOCX_TEMPLATE_CREATED:
        created = None  # a stamp inherited from python-docx's template, not a real date
    # A date printed on the first page ("4 December 2025", "Date: 2025-12-04") is the
    # one the author gave; the file's creation date is often the template's.
    text = body.builder.text()
    opening = body.builder.blocks[:_OPENING_BLOCKS]
    title_page = [text[b.start : b.end] for b in opening if b.kind in _TITLE_PAGE_KINDS]
    printed = printed_date(title_page)  # not a timeline's first row, nor a list of dates
    marks = {f"[{mark}]" for mark in body.notes.values()}  # "Dues review[1]": not the title's
    article = Article(
        title=title
        or _unmarked(classifier.title_style_text, marks)
        or _unmarked(classifier.first_heading, marks)
        or title_from_filename(filename),
        text=text,
        blocks=body.builder.blocks,
        author=meaningful(core.author),  # not "python-docx" or "Microsoft Office User"
        published=printed or file_date(created.date() if created else None, title_page),
        source_format=DocxImporter.name,
        source_name=PurePath(filename).name if filename else "",
        images=tuple(body.images_found),
    )
    return article, warnings, has_text


_MAX_CHUNK_DEPTH = 3
"""Word documents merged into merged ones read before the rest are left out: a real
merge is one or two deep, and a ZIP can be made to contain itself."""


def _merged_word(
    data: bytes,
    label: str,
    limits: ImportLimits,
    deadline: Deadline,
    budget: _Budget,
    depth: int,
    warnings: list[str],
    root: _BodyReader,
) -> Article | str:
    """A .docx merged in through altChunk, checked like the file itself, within what is
    left of the whole import's unpacking limit; else why it may not be read (too deep,
    too large, damaged), or "" for one with no text. What the report says of its own
    content goes to ``warnings``."""
    if depth > _MAX_CHUNK_DEPTH:
        return TOO_DEEP
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        log.warning("a Word document merged into %s could not be read: %s", label, error)
        return WORD
    if unpacked > budget.unpacked:
        log.warning("a Word document merged into %s would unpack past the limit", label)
        return TOO_LARGE
    budget.unpacked -= unpacked
    try:
        check_docx_zip(data, limits, label)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            article, found, has_text = _read_package(
                archive, "", label, limits, deadline, budget, depth, root
            )
        warnings.extend(found)
        return article if has_text else ""
    except _MergedTooLarge:
        raise  # the whole import is refused, as it would be anyway
    except (ImportRejected, DoctypeFound, ElementTooLarge, PartTooLarge) as error:
        deadline.check()  # out of time: the whole import stops, as it would anyway
        log.warning("a Word document merged into %s was left out: %s", label, error)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, EOFError) as error:
        log.warning("a Word document merged into %s could not be read: %s", label, error)
    return WORD


def _unmarked(text: str, marks: set[str]) -> str:
    """``text`` without the note marks Briefer set in it ("[1]", "[ii]")."""
    for mark in marks:
        text = text.replace(mark, " ")
    return " ".join(text.split())


class _BodyReader(PartReader):
    """The main document: classified blocks into the builder, images beside them."""

    def __init__(
        self,
        deadline: Deadline,
        classifier: Classifier,
        archive: zipfile.ZipFile,
        relationships: dict[str, Relationship],
        limits: ImportLimits,
        budget: _Budget,
        label: str,
    ) -> None:
        super().__init__(deadline)
        self.budget = budget
        self.label = label
        self.classifier = classifier
        self.styles = classifier.styles
        self.archive = archive
        self.relationships = relationships
        self.limits = limits
        self.builder = ArticleBuilder()
        self.images_found: list[ArticleImage] = []
        self.notes: dict[tuple[str, str], str] = {}
        """(kind, w:id) -> the mark shown at each note referenced, in order of first reference."""
        self.note_numbers = NoteNumbers()
        self.chunks: ChunkReader | None = None
        self.root: _BodyReader | None = None
        """The outermost document's reader, for a document merged into it (altChunk)."""
        self.outer_keys: dict[tuple[str, str], tuple[str, str]] = {}
        """A merged document's notes: its (kind, w:id) -> the key in the root's ``notes``."""
        self.merged_notes: dict[tuple[str, str], list[str]] = {}
        """The root's: the text of merged documents' notes, by their key in ``notes``."""
        self._drawn: set[str] = set()

    def chunk(self, node: Any) -> list[Piece] | None:
        pieces = self.chunks(node) if self.chunks is not None else None
        self._spend(pieces or [])
        return pieces

    def _spend(self, pieces: Sequence[Piece]) -> None:
        """Text merged in or drawn, counted against the whole import's limit: a file whose
        chunks and drawings add more text than it may unpack to is refused."""
        self.budget.text -= sum(len(piece.text) for piece in pieces)
        if self.budget.text < 0:
            raise _MergedTooLarge(
                f"{self.label} merges in more text from embedded documents and drawings than"
                f" the {self.limits.max_unpacked_bytes / 1024 / 1024:,.0f} MB a file may"
                " unpack to; it was not opened."
            )

    def emit(self, piece: Piece) -> None:
        self.builder.add(piece.kind, piece.text, level=piece.level, ordered=piece.ordered)

    def classify(self, paragraph: Any, text: str) -> Piece | None:
        piece = self.classifier(paragraph, text)
        # A hidden paragraph (all its text and its mark) shows no number but still counts
        # in Word's list: Word's "Set Numbering Value > Advance value" writes such ones.
        return None if not text.strip() and hidden_mark(paragraph, self.styles) else piece

    def labelled(self, paragraph: Any, text: str) -> str:
        label = self.classifier.labelled(paragraph, text)
        return "" if not text.strip() and hidden_mark(paragraph, self.styles) else label

    def remember(self) -> object:
        return (self.classifier.title_style_text, self.classifier.first_heading)

    def restore(self, learnt: object) -> None:
        if isinstance(learnt, tuple):
            self.classifier.title_style_text, self.classifier.first_heading = learnt

    def marker(self, kind: str, note_id: str, custom: str | None = None) -> str:
        """Word's marks: by default footnotes 1, 2, 3 and endnotes i, ii, iii, else the
        formats, starting numbers and restarts the document and its sections give.

        A note with its own mark ("*") shows that mark, which follows as text, and
        takes no number: the numbered notes after it keep the numbers Word shows."""
        key = (kind, note_id)
        if key not in self.notes:
            root = self.root or self
            mark = (custom or "*") if custom is not None else root.note_numbers.mark(kind)
            self.notes[key] = mark
            if self.root is not None:  # a merged document's note: in the root's Notes
                outer = (kind, f"\0{len(self.root.notes)}")  # no w:id holds a NUL
                self.root.notes[outer] = mark
                self.outer_keys[key] = outer
        return "" if custom is not None else f"[{self.notes[key]}]"

    def _paragraph(self, paragraph: Any) -> None:
        # A paragraph holding w:sectPr closes its section, its own notes included.
        closes = not self._box_depths and paragraph.find(_SECTION_BREAK) is not None
        super()._paragraph(paragraph)
        if closes:
            self.note_numbers.section_end()

    def drawn(self, diagrams: list[Any]) -> list[Piece]:
        """A SmartArt diagram's boxes as a bulleted list (top boxes, the points under them),
        a chart's title as its caption.

        A part's words come at its first reference only. Word draws a diagram or chart
        again wherever it is referenced, but a real document draws each of its own once,
        and a body pointing at one large part hundreds of times is hostile (300
        references to a 1 MB diagram: 300 million characters)."""
        pieces: list[Piece] = []
        for reference in diagrams:
            self.deadline.check()  # at every reference, read or not
            rel_id = reference.get(_CHART_ID if reference.tag == CHART else _DIAGRAM_DATA)
            rel = self.relationships.get(rel_id or "")
            if rel is None or rel.external or rel.target in self._drawn:
                continue
            self._drawn.add(rel.target)
            pieces += self._read_drawn(reference)
        self._spend(pieces)
        return pieces

    def _read_drawn(self, reference: Any) -> list[Piece]:
        if reference.tag == CHART:
            title = chart_title(self.archive, self.relationships, reference)
            return [Piece(BlockKind.CAPTION, title)] if title else []
        items = diagram_items(self.archive, self.relationships, reference)
        return [Piece(BlockKind.LIST_ITEM, text, level=depth) for depth, text in items]

    def images(self, nodes: list[Any]) -> None:
        """Pictures kept beside the text; a merged document's join the root's, where it is
        merged in (their own offsets are in the merged text, not the article's)."""
        root = self.root or self
        for blip in nodes:
            if blip.tag != BLIP:
                continue
            if len(root.images_found) >= self.limits.max_images:
                return
            rel = self.relationships.get(blip.get(_EMBED) or "")
            if rel is None or rel.external:
                continue  # linked (external) pictures are never fetched
            try:
                info = self.archive.getinfo(rel.target)
            except KeyError:
                log.warning("a picture is missing from the document (%s); skipped", rel.target)
                continue
            if info.file_size > self.limits.max_bytes:
                # no picture is worth more than a whole document may weigh
                log.warning("a %d-byte picture was skipped as too large", info.file_size)
                continue
            data = self.archive.read(info)
            name, offset = posixpath.basename(rel.target), root.builder.offset
            image = normalise_image(data, self.limits, name=name, offset=offset)
            if image is not None:
                root.images_found.append(image)


_SECTION_BREAK = f"{w('pPr')}/{w('sectPr')}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_EMBED, _CHART_ID, _DIAGRAM_DATA = f"{_R}embed", f"{_R}id", f"{_R}dm"


def _add_notes(body: _BodyReader, found: dict[tuple[str, str], list[str]]) -> None:
    """Footnotes and endnotes (merged documents' too) under one "Notes" heading, each
    opening with its "[n]" marker."""
    listed = [(key, mark) for key, mark in body.notes.items() if found.get(key)]
    if not listed:
        return
    body.builder.add(BlockKind.HEADING, _NOTES_HEADING, level=1)
    # Footnotes first, then endnotes, each in the order they are referenced.
    for key, mark in sorted(listed, key=lambda item: item[0][0] == "endnote"):
        first, *rest = found[key]
        body.builder.add(BlockKind.PARAGRAPH, f"[{mark}] {first}")
        for text in rest:
            body.builder.add(BlockKind.PARAGRAPH, text)
