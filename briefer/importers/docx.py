"""Word documents (.docx) read with python-docx, after the ZIP has been checked for bombs.

Imports core, briefer.importers helpers, zipfile and python-docx; never store, session or ui.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import PurePath
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from briefer.core.model import Article, ArticleImage, BlockKind
from briefer.importers.base import (
    ArticleBuilder,
    Deadline,
    ImportLimits,
    ImportRejected,
    LocalFileReader,
)
from briefer.importers.images import normalise_image
from briefer.importers.text import title_from_filename

MAX_MEMBERS = 5000
_BOMB_RATIO = 100
_BOMB_MIN_SIZE = 10 * 1024 * 1024
_XML_PARTS = ("word/document.xml", "docProps/core.xml", "word/styles.xml", "word/numbering.xml")
_HEADING = re.compile(r"^heading\s*([1-9])$", re.I)
_TRAILING_LEVEL = re.compile(r"\s([2-9])$")
_UNORDERED_FORMATS = frozenset({"bullet", "none", ""})
_BLIP = qn("a:blip")
_EMBED = qn("r:embed")


def check_docx_zip(data: bytes, limits: ImportLimits, label: str) -> None:
    """Refuses ZIP bombs, non-Word ZIPs and XML with a DTD before any parser sees them.

    Declared sizes are checked without inflating anything, so a 300 MB member is
    refused in microseconds; DTDs are refused because Word never writes one and
    they are how entity-expansion and external-entity attacks arrive.
    """
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
        if "word/document.xml" not in names:
            raise ImportRejected(
                f"{label} is a ZIP archive but not a Word document (it has no"
                " word/document.xml). If it is another format, convert it to .docx first."
            )
        for name in _XML_PARTS:
            if name in names:
                with archive.open(name) as part:
                    head = part.read(65536)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise ImportRejected(
                        f"{label} contains a document type declaration in {name}, which Word"
                        " never writes and which can hide an attack; it was not opened."
                    )


_PYTHON_DOCX_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15, tzinfo=dt.UTC)
"""Every document python-docx creates from its default template carries this date."""


class DocxImporter:
    """Word documents: reports, press releases and articles saved from Word."""

    name = "docx"
    extensions: tuple[str, ...] = (".docx", ".docm")

    def sniff(self, data: bytes, filename: str) -> int:
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
        label = filename or "the Word document"
        check_docx_zip(data, limits, label)
        deadline = Deadline(limits.max_seconds, label)
        try:
            document = Document(io.BytesIO(data))
        except Exception as error:  # python-docx raises many types for bad packages
            raise ImportRejected(
                f"{label} could not be opened as a Word document ({error}). Open it in Word"
                " or LibreOffice and save it again as .docx."
            ) from None
        reader = _DocxReader(document, limits, deadline)
        reader.read()
        props = document.core_properties
        title = (props.title or "").strip() or reader.title_style_text
        if reader.builder.is_empty():
            raise ImportRejected(f"{label} has no text in it; there is nothing to import.")
        created = props.created
        if created == _PYTHON_DOCX_TEMPLATE_CREATED:
            created = None  # a stamp inherited from python-docx's template, not a real date
        return Article(
            title=title or reader.first_heading or title_from_filename(filename),
            text=reader.builder.text(),
            blocks=reader.builder.blocks,
            author=(props.author or "").strip(),
            published=created.date() if isinstance(created, dt.datetime) else None,
            source_format=self.name,
            source_name=PurePath(filename).name if filename else "",
            images=tuple(reader.images),
        )


class _DocxReader:
    """Walks the body in order, so tables and images stay where the author put them."""

    def __init__(self, document: DocxDocument, limits: ImportLimits, deadline: Deadline) -> None:
        self.document = document
        self.limits = limits
        self.deadline = deadline
        self.builder = ArticleBuilder()
        self.images: list[ArticleImage] = []
        self.title_style_text = ""
        self.first_heading = ""
        self._formats = _numbering_formats(document)

    def read(self) -> None:
        for item in self.document.iter_inner_content():
            self.deadline.check()
            if isinstance(item, Paragraph):
                self._paragraph(item)
            elif isinstance(item, Table):
                self._table(item)

    def _paragraph(self, paragraph: Paragraph) -> None:
        self._images(paragraph)
        text = paragraph.text
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        lowered = style.lower()
        heading = _HEADING.match(style)
        if lowered == "title":
            folded = " ".join(text.split())
            core_title = " ".join((self.document.core_properties.title or "").split())
            if not self.title_style_text and (not core_title or core_title == folded):
                # The title is shown apart from the body; do not repeat it as a block.
                self.title_style_text = folded
                return
            self.builder.add(BlockKind.HEADING, text, level=1)
        elif heading:
            self.builder.add(BlockKind.HEADING, text, level=int(heading.group(1)))
            self.first_heading = self.first_heading or " ".join(text.split())
        elif lowered in ("quote", "intense quote"):
            self.builder.add(BlockKind.QUOTE, text)
        elif lowered == "caption":
            self.builder.add(BlockKind.CAPTION, text)
        else:
            listing = self._list_info(paragraph, lowered)
            if listing is not None:
                level, ordered = listing
                self.builder.add(BlockKind.LIST_ITEM, text, level=level, ordered=ordered)
            else:
                self.builder.add(BlockKind.PARAGRAPH, text)

    def _list_info(self, paragraph: Paragraph, style: str) -> tuple[int, bool] | None:
        ppr = paragraph._p.pPr
        # python-docx declares numPr through a descriptor its type hints do not follow.
        num_pr: Any = ppr.numPr if ppr is not None else None
        if num_pr is not None and num_pr.numId is not None and num_pr.numId.val != 0:
            ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
            fmt = self._formats.get((num_pr.numId.val, ilvl))
            ordered = fmt not in _UNORDERED_FORMATS if fmt is not None else "number" in style
            return ilvl + 1, ordered
        if style.startswith("list") and style != "list paragraph":
            level = _TRAILING_LEVEL.search(style)
            return (int(level.group(1)) if level else 1), "number" in style
        return None

    def _table(self, table: Table) -> None:
        for row in table.rows:
            self.deadline.check()
            cells: list[str] = []
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue  # merged cells repeat; quote them once
                seen.add(id(cell._tc))
                cells.append(" ".join(cell.text.split()))
            while cells and not cells[-1]:
                cells.pop()
            if any(cells):
                self.builder.add(BlockKind.TABLE_ROW, " | ".join(cells))

    def _images(self, paragraph: Paragraph) -> None:
        related = self.document.part.related_parts
        for blip in paragraph._p.iter(_BLIP):
            if len(self.images) >= self.limits.max_images:
                return
            rid = blip.get(_EMBED)
            part = related.get(rid) if rid else None
            if part is None:
                continue  # linked (external) pictures are never fetched
            image = normalise_image(
                part.blob,
                self.limits,
                name=PurePath(str(part.partname)).name,
                offset=self.builder.offset,
            )
            if image is not None:
                self.images.append(image)


def _numbering_formats(document: DocxDocument) -> dict[tuple[int, int], str]:
    """(numId, level) → numFmt ("decimal", "bullet", ...), to tell numbered lists from bullets."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for node in numbering.findall(qn("w:abstractNum")):
        levels: dict[int, str] = {}
        for lvl in node.findall(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                fmt.get(qn("w:val"), "") if fmt is not None else ""
            )
        abstract[node.get(qn("w:abstractNumId"), "")] = levels
    formats: dict[tuple[int, int], str] = {}
    for num in numbering.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        if ref is None:
            continue
        for ilvl, fmt in abstract.get(ref.get(qn("w:val"), ""), {}).items():
            formats[(int(num.get(qn("w:numId"), "0")), ilvl)] = fmt
    return formats
