"""Word documents (.docx): the ZIP checked for bombs, then the body streamed with lxml.

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
import logging
import posixpath
import zipfile
import zlib
from pathlib import PurePath
from typing import Any

from lxml import etree

from briefer.core.model import Article, ArticleImage, BlockKind
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
    ENDNOTE,
    ID,
    DoctypeFound,
    ElementTooLarge,
    PartReader,
    Piece,
)
from briefer.importers.docx_chunks import ChunkReader
from briefer.importers.docx_classify import Classifier
from briefer.importers.docx_diagrams import chart_title, diagram_items
from briefer.importers.docx_notes import NoteNumbers, read_note_numbers
from briefer.importers.docx_numbers import read_numbering
from briefer.importers.docx_parts import (
    PartTooLarge,
    Relationship,
    main_document,
    part_for,
    read_core_properties,
    read_relationships,
    read_styles,
    relationships_part,
    w,
)
from briefer.importers.docx_runs import hidden_mark
from briefer.importers.images import normalise_image
from briefer.importers.text import title_from_filename

log = logging.getLogger(__name__)

MAX_MEMBERS = 5000
_BOMB_RATIO = 100
_BOMB_MIN_SIZE = 10 * 1024 * 1024
_XML_PARTS = (
    "_rels/.rels",
    "docProps/core.xml",
    "word/styles.xml",
    "word/numbering.xml",
    "word/footnotes.xml",
    "word/endnotes.xml",
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
"""The stream an encrypted Office file keeps its real (ZIP) package in, as its
compound-file directory entry spells it."""
_WORD_EXTENSIONS = frozenset({".docx", ".docm", ".dotx", ".dotm", ""})
_NOTE_TYPES_SKIPPED = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_OPENING_BLOCKS = 10
"""Paragraphs of a title page searched for the date its author printed."""
_TITLE_PAGE_KINDS = frozenset({BlockKind.HEADING, BlockKind.PARAGRAPH})
_NOTES_HEADING = "Notes"
_DOCTYPE_REFUSED = (
    "{label} contains a document type declaration{where}, which Word never writes and which"
    " can hide an attack; it was not opened."
)


def check_docx_zip(data: bytes, limits: ImportLimits, label: str) -> None:
    """Refuses ZIP bombs, non-Word ZIPs and XML with a DTD before any parser sees them.

    Declared sizes are checked without inflating anything, so a 300 MB member is
    refused in microseconds; DTDs are refused because Word never writes one and
    they are how entity-expansion and external-entity attacks arrive.
    """
    really = _really(data)
    if really:
        raise ImportRejected(
            f"{label} is really {really}, not a Word document (.docx), though it is named"
            " like one; open it in Word or LibreOffice, save it as .docx, and import it again."
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportRejected(
            f"{label} is damaged or is not really a Word document (.docx): {error}. Open it"
            " in Word or LibreOffice and save it again as .docx."
        ) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise ImportRejected(
                f"{label} holds {len(members):,} files inside it, far more than a Word"
                f" document has (limit {MAX_MEMBERS:,}); it was not opened."
            )
        total = sum(info.file_size for info in members)
        if total > limits.max_unpacked_bytes:
            raise ImportRejected(
                f"{label} would unpack to {total / 1024 / 1024:,.0f} MB, more than the"
                f" {limits.max_unpacked_bytes / 1024 / 1024:,.0f} MB limit; it was not opened."
            )
        for info in members:
            ratio = info.file_size / max(1, info.compress_size)
            if info.file_size > _BOMB_MIN_SIZE and ratio > _BOMB_RATIO:
                raise ImportRejected(
                    f"{label} contains {info.filename!r}, compressed {ratio:,.0f} to 1, which"
                    " is how a ZIP bomb looks; it was not opened."
                )
        names = {info.filename for info in members}
        document = main_document(archive)
        if document not in names:
            raise ImportRejected(
                f"{label} is a ZIP archive but not a Word document (it has no"
                " word/document.xml). If it is another format, convert it to .docx first."
            )
        for name in (document, relationships_part(document), *_XML_PARTS):
            if name in names:
                with archive.open(name) as part:
                    head = part.read(65536)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise ImportRejected(_DOCTYPE_REFUSED.format(label=label, where=f" in {name}"))


_RENAMED = (
    (b"{\\rtf", "a Rich Text Format (.rtf) file"),
    (b"<?xml", "an XML file (perhaps a Word 2003 XML or flat OpenDocument file)"),
    (b"%PDF-", "a PDF file"),
)
"""What Word and others save under a .docx name: Word opens them by content, so
people send them on; saying what they are tells the reader how to convert them."""


def _really(data: bytes) -> str:
    head = data[:16].lstrip(b"\xef\xbb\xbf \t\r\n")
    for magic, what in _RENAMED:
        if head.startswith(magic):
            return what
    return ""


def is_password_protected(data: bytes) -> bool:
    """An OLE compound file holding an EncryptedPackage stream: Office's encrypted format.

    A byte search for the directory entry's UTF-16 name is enough: the name
    cannot be scrambled, and no ZIP-based .docx is an OLE file.
    """
    return data.startswith(_OLE_MAGIC) and _ENCRYPTED_PACKAGE in data


def check_not_compound_file(data: bytes, filename: str, label: str) -> None:
    """Says what an OLE compound file is (encrypted, or an older Word file), not "damaged"."""
    if not data.startswith(_OLE_MAGIC):
        return
    word = PurePath(filename).suffix.lower() in _WORD_EXTENSIONS
    if is_password_protected(data):
        if word:
            raise ImportRejected(
                f"{label} is protected with a password; open it in Word, remove the password"
                " (File > Info > Protect Document), save, and import it again."
            )
        raise ImportRejected(
            f"{label} is protected with a password; open it in the program that made it,"
            " remove the password, save, and import it again."
        )
    raise ImportRejected(
        f"{label} is an older Word 97-2003 (.doc) or other Office file, not a .docx; open it"
        " in Word or LibreOffice, save it as .docx, and import it again."
    )


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
        check_docx_zip(data, limits, label)
        deadline = Deadline(limits.max_seconds, label)
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return _read_package(archive, filename, label, limits, deadline)
        except DoctypeFound:
            raise ImportRejected(_DOCTYPE_REFUSED.format(label=label, where="")) from None
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
            raise ImportRejected(
                f"{label} could not be read as a Word document ({error}). Open it in Word"
                " or LibreOffice and save it again as .docx."
            ) from None


def _read_package(
    archive: zipfile.ZipFile,
    filename: str,
    label: str,
    limits: ImportLimits,
    deadline: Deadline,
    depth: int = 0,
) -> tuple[Article, tuple[str, ...]]:
    core = read_core_properties(archive)
    document = main_document(archive)
    relationships = read_relationships(archive, document)
    styles = read_styles(archive, part_for(relationships, "styles", "word/styles.xml"))
    numbering = read_numbering(archive, part_for(relationships, "numbering", "word/numbering.xml"))
    title = meaningful(core.title)  # not "Microsoft Word - memo_v2.doc"
    classifier = Classifier(styles, numbering, title)
    body = _BodyReader(deadline, classifier, archive, relationships, limits)
    merged: list[str] = []  # the report's sentences on what merged-in documents left out
    body.chunks = ChunkReader(
        archive,
        relationships,
        limits,
        deadline,
        lambda data: _merged_word(data, label, limits, deadline, depth + 1, merged),
    )
    members = set(archive.namelist())
    notes = {
        part_for(relationships, kind, f"word/{kind}.xml") for kind in ("footnotes", "endnotes")
    }
    # Only a document with notes pays for the second look at its body (its sections).
    body.note_numbers = read_note_numbers(
        archive,
        part_for(relationships, "settings", "word/settings.xml"),
        document if notes & members else None,
        deadline.check,
    )
    with archive.open(document) as stream:
        body.read(stream)
    _add_notes(body, archive, relationships, deadline)
    warnings: tuple[str, ...] = ()
    if body.alt_chunks:
        count = body.alt_chunks
        what = "an embedded document" if count == 1 else f"{count} embedded documents"
        warnings = (
            f"{PurePath(label).name}: {what} in RTF or XML, or nested too deep (Word's"
            " altChunk, merged in when Word opens the file) left out; open the file in Word"
            " and save it again to keep that text.",
        )
    if body.hidden_paragraphs:
        count = body.hidden_paragraphs
        where = "a paragraph" if count == 1 else f"{count} paragraphs"
        warnings += (
            f"{PurePath(label).name}: hidden text in {where} left out, as Word neither shows"
            " nor prints it; to keep it, clear Hidden in Word's Font dialog and import it again.",
        )
    warnings += tuple(dict.fromkeys(merged))
    if body.builder.is_empty():
        if body.alt_chunks:
            raise ImportRejected(
                f"{label} holds its text only in embedded RTF or XML documents (Word's"
                " altChunk), which Briefer does not read; open it in Word, save it again, and"
                " import it again."
            )
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
    return article, warnings


_MAX_CHUNK_DEPTH = 3
"""Word documents merged into merged ones read before the rest are left out: a real
merge is one or two deep, and a ZIP can be made to contain itself."""


def _merged_word(
    data: bytes,
    label: str,
    limits: ImportLimits,
    deadline: Deadline,
    depth: int,
    warnings: list[str],
) -> Article | None:
    """A .docx merged in through altChunk, checked like the file itself; None when it may
    not be read (too deep, a bomb, damaged, empty), so the report says it was left out.
    What the report says of its own content goes to ``warnings``."""
    if depth > _MAX_CHUNK_DEPTH:
        return None
    try:
        check_docx_zip(data, limits, label)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            article, found = _read_package(archive, "", label, limits, deadline, depth)
        warnings.extend(found)
        return article
    except (ImportRejected, DoctypeFound, ElementTooLarge, PartTooLarge) as error:
        log.warning("a Word document merged into %s was left out: %s", label, error)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, EOFError) as error:
        log.warning("a Word document merged into %s could not be read: %s", label, error)
    return None


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
    ) -> None:
        super().__init__(deadline)
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
        self._drawn: dict[tuple[str, tuple[tuple[str, str], ...]], list[Piece]] = {}

    def chunk(self, node: Any) -> list[Piece] | None:
        return self.chunks(node) if self.chunks is not None else None

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
        if custom is not None:
            self.notes.setdefault(key, custom or "*")
            return ""
        if key not in self.notes:
            self.notes[key] = self.note_numbers.mark(kind)
        return f"[{self.notes[key]}]"

    def _paragraph(self, paragraph: Any) -> None:
        # A paragraph holding w:sectPr closes its section, its own notes included.
        closes = not self._box_depths and paragraph.find(_SECTION_BREAK) is not None
        super()._paragraph(paragraph)
        if closes:
            self.note_numbers.section_end()

    def drawn(self, diagrams: list[Any]) -> list[Piece]:
        """A SmartArt diagram's boxes as a bulleted list (top boxes, the points under them),
        a chart's title as its caption."""
        pieces: list[Piece] = []
        for reference in diagrams:
            # Each part is parsed once: a hostile body may point at one large part often.
            key = (reference.tag, tuple(sorted(reference.attrib.items())))
            if key not in self._drawn:
                self.deadline.check()
                self._drawn[key] = self._read_drawn(reference)
            pieces += self._drawn[key]
        return pieces

    def _read_drawn(self, reference: Any) -> list[Piece]:
        if reference.tag == CHART:
            title = chart_title(self.archive, self.relationships, reference)
            return [Piece(BlockKind.CAPTION, title)] if title else []
        items = diagram_items(self.archive, self.relationships, reference)
        return [Piece(BlockKind.LIST_ITEM, text, level=depth) for depth, text in items]

    def images(self, nodes: list[Any]) -> None:
        for blip in nodes:
            if blip.tag != BLIP:
                continue
            if len(self.images_found) >= self.limits.max_images:
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
            image = normalise_image(
                data, self.limits, name=posixpath.basename(rel.target), offset=self.builder.offset
            )
            if image is not None:
                self.images_found.append(image)


_SECTION_BREAK = f"{w('pPr')}/{w('sectPr')}"
_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"


class _NotesReader(PartReader):
    """footnotes.xml or endnotes.xml: the text of each referenced note, by (kind, id)."""

    def __init__(self, deadline: Deadline, wanted: dict[tuple[str, str], str]) -> None:
        super().__init__(deadline)
        self.wanted = wanted
        self.found: dict[tuple[str, str], list[str]] = {}
        self._current: tuple[str, str] | None = None

    def note_start(self, node: Any) -> None:
        kind = "endnote" if node.tag == ENDNOTE else "footnote"
        key = (kind, node.get(ID, ""))
        skipped = node.get(w("type"), "") in _NOTE_TYPES_SKIPPED
        self._current = key if key in self.wanted and not skipped else None

    def note_end(self) -> None:
        self._current = None

    def emit(self, piece: Piece) -> None:
        if self._current is not None:
            self.found.setdefault(self._current, []).append(piece.text)


def _add_notes(
    body: _BodyReader,
    archive: zipfile.ZipFile,
    relationships: dict[str, Relationship],
    deadline: Deadline,
) -> None:
    """Footnotes and endnotes under a "Notes" heading, each opening with its "[n]" marker."""
    if not body.notes:
        return
    found: dict[tuple[str, str], list[str]] = {}
    for kind, default in (("footnote", "word/footnotes.xml"), ("endnote", "word/endnotes.xml")):
        if not any(key[0] == kind for key in body.notes):
            continue
        reader = _NotesReader(deadline, body.notes)
        reader.styles = body.styles
        try:
            stream = archive.open(part_for(relationships, kind + "s", default))
        except KeyError:
            log.warning("the document cites %ss but has no %ss part; left out", kind, kind)
            continue
        with stream:
            reader.read(stream)
        found.update(reader.found)
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
