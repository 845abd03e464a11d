"""PDF documents: text in reading order, headings and paragraphs, via pypdfium2.

Reads characters and their boxes with PDFium, then leaves layout to pdflayout.
Imports only briefer.core, briefer.importers.* and pypdfium2; never store/session/ui.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import re
import threading
from pathlib import PurePosixPath

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from briefer.core.model import Article
from briefer.importers.base import (
    ArticleBuilder,
    Deadline,
    ImportLimits,
    ImportRejected,
    LocalFileReader,
)
from briefer.importers.pdflayout import (
    Line,
    Page,
    build_blocks,
    largest_text,
    reading_order,
    remove_furniture,
)

# PDFium may not be entered by two threads at once, even for different documents
# (it corrupts the process), and the app imports in a thread pool: one lock for all.
_PDFIUM_LOCK = threading.Lock()
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_PLACEHOLDERS = frozenset({"untitled", "anonymous", "unknown", "none", "user", "admin", "author"})
_FILE_NAME = re.compile(r"\.(docx?|pdf|indd|odt|rtf|pages|pptx?|xlsx?|txt|tex)$", re.IGNORECASE)
_APP_PREFIX = re.compile(r"^(microsoft (word|powerpoint|excel) - |untitled-?\d*$)", re.IGNORECASE)
_SOFT_HYPHENS = str.maketrans({"\ufffe": "-", "\xad": "-", "\x02": "-"})
_ERR_PASSWORD = getattr(pdfium_c, "FPDF_ERR_PASSWORD", 4)
_ERR_SECURITY = getattr(pdfium_c, "FPDF_ERR_SECURITY", 6)
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|demi\b", re.IGNORECASE)
_FORCE_BOLD = 1 << 18  # PDF font descriptor flag
_FONT_NAME_BYTES = 256


class PdfImporter:
    """PDF files with a text layer: reports, printed web pages, papers."""

    name = "pdf"
    extensions = (".pdf",)

    def sniff(self, data: bytes, filename: str) -> int:
        head = data[:1024]
        if head.startswith(b"%PDF-"):
            return 100
        if b"%PDF-" in head:
            return 90  # some producers put junk before the header; PDF readers allow it
        return 0

    def extract(
        self,
        data: bytes,
        filename: str,
        limits: ImportLimits,
        read_local: LocalFileReader | None = None,
    ) -> Article:
        del read_local  # a PDF carries everything it shows
        name = filename or "the PDF"
        if len(data) > limits.max_bytes:
            raise ImportRejected(
                f"{name} is {len(data) / 1048576:.0f} MB, more than the"
                f" {limits.max_bytes // 1048576} MB Briefer imports. Split it into smaller"
                " PDFs (most PDF viewers can print a page range to PDF) and import those."
            )
        if b"%PDF-" not in data[:1024]:
            raise ImportRejected(
                f"{name} is not a PDF (it does not start like one). Check that it is the"
                " file you meant; if it is a PDF that a program refused too, re-download it."
            )
        deadline = Deadline(limits.max_seconds, name)
        with _PDFIUM_LOCK:
            pages, info = _read(data, name, limits, deadline)
        if not any(page.lines for page in pages):
            raise ImportRejected(
                f"{name} has no text layer (it is probably a scan or a set of images), so"
                ' there is nothing to quote. Run OCR first (for example "Recognise text" in'
                " your PDF program, or ocrmypdf) and import the result."
            )
        cleaned = remove_furniture(pages)
        ordered = [reading_order(lines) for lines in cleaned]
        builder = ArticleBuilder()
        build_blocks(ordered, builder, deadline)
        if builder.is_empty():
            raise ImportRejected(
                f"{name} has no text to import once page headers and numbers are removed."
            )
        title = _meaningful(info.get("Title", "")) or largest_text(ordered[0] if ordered else [])
        return Article(
            title=title or PurePosixPath(filename).stem or "Untitled PDF",
            text=builder.text(),
            blocks=builder.blocks,
            author=_meaningful(info.get("Author", "")),
            published=pdf_date(info.get("CreationDate", "")),
            source_format=self.name,
            source_name=filename,
        )


def _read(
    data: bytes, name: str, limits: ImportLimits, deadline: Deadline
) -> tuple[list[Page], dict[str, str]]:
    """Every page's text lines and the document information, with PDFium closed afterwards."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code in (_ERR_PASSWORD, _ERR_SECURITY):
            raise ImportRejected(
                f"{name} is protected with a password. Open it in your PDF program with the"
                " password, save or print it as a new PDF without protection, and import that."
            ) from None
        raise ImportRejected(
            f"{name} could not be read as a PDF: it is damaged or incomplete ({error})."
            " Download or export it again."
        ) from None
    try:
        count = len(document)
        if count == 0:
            raise ImportRejected(f"{name} has no pages. Download or export it again.")
        if count > limits.max_pages:
            raise ImportRejected(
                f"{name} has {count} pages, more than the {limits.max_pages} Briefer imports"
                " from one PDF. Split it into parts and import the parts you need."
            )
        info = _info(document)
        pages = []
        for index in range(count):
            deadline.check()
            pages.append(_page_lines(document, index))
        return pages, info
    finally:
        document.close()


def _info(document: pdfium.PdfDocument) -> dict[str, str]:
    try:
        return {k: str(v) for k, v in document.get_metadata_dict(skip_empty=True).items()}
    except (pdfium.PdfiumError, ValueError, UnicodeDecodeError):
        return {}


def _page_lines(document: pdfium.PdfDocument, index: int) -> Page:
    """The page's text as lines: PDFium's line breaks, split again at jumps and wide gaps.

    PDFium orders characters as the content stream draws them and marks line
    breaks; a baseline jump or a gap of two ems within its "line" means a new
    column or a header's right-hand part, so it starts a new line here too.
    """
    try:
        page = document[index]
    except pdfium.PdfiumError:
        return Page((), 0.0, 0.0)
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            lines = _lines(textpage, text, index)
        finally:
            textpage.close()
    except pdfium.PdfiumError:
        return Page((), 0.0, 0.0)
    finally:
        page.close()
    return Page(tuple(lines), width, height)


def _lines(textpage: pdfium.PdfTextPage, text: str, page: int) -> list[Line]:
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    lines: list[Line] = []
    start = -1  # index of the current line's first visible character
    chars: list[str] = []
    x0 = x1 = baseline = size = last_bottom = 0.0

    last = -1  # index of the current line's last visible character

    def flush() -> None:
        nonlocal start
        content = "".join(chars).strip()
        if start >= 0 and content:
            # Bold where it starts and where it ends: a bold lead-in ("Note:") is not enough.
            bold = _is_bold(textpage, start) and _is_bold(textpage, last)
            text = content.translate(_SOFT_HYPHENS)
            lines.append(Line(text, x0, x1, baseline, size, page, bold))
        chars.clear()
        start = -1

    for i, char in enumerate(text):
        if char in "\r\n":
            flush()
            continue
        if char.isspace():
            if start >= 0:
                chars.append(" ")
            continue
        pdfium_c.FPDFText_GetCharBox(textpage, i, left, right, bottom, top)
        if start >= 0:
            char_size = size or 1.0
            jumped = (
                abs(bottom.value - last_bottom) > char_size * 0.9
                and abs(_origin_y(textpage, i, origin_x, origin_y) - baseline) > char_size * 0.5
            )
            if jumped or left.value - x1 > char_size * 2.0 or left.value < x0 - char_size:
                flush()
        if start < 0:
            start = i
            x0 = left.value
            baseline = _origin_y(textpage, i, origin_x, origin_y)
            size = pdfium_c.FPDFText_GetFontSize(textpage, i) or (top.value - bottom.value)
        chars.append(char)
        last = i
        x1 = max(x1, right.value) if len(chars) > 1 else right.value
        last_bottom = bottom.value
    flush()
    return lines


def _is_bold(textpage: pdfium.PdfTextPage, index: int) -> bool:
    """Whether the character's font is bold, by its weight, its name or its descriptor flags.

    Fonts that are not embedded (the standard Helvetica-Bold) report no
    weight, so the name ("ABCDEF+Calibri-Bold") is usually what tells.
    """
    if pdfium_c.FPDFText_GetFontWeight(textpage, index) >= 600:
        return True
    name = ctypes.create_string_buffer(_FONT_NAME_BYTES)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage, index, name, _FONT_NAME_BYTES, ctypes.byref(flags))
    return bool(flags.value & _FORCE_BOLD) or bool(_BOLD_NAME.search(name.value.decode("latin-1")))


def _origin_y(
    textpage: pdfium.PdfTextPage, index: int, x: ctypes.c_double, y: ctypes.c_double
) -> float:
    pdfium_c.FPDFText_GetCharOrigin(textpage, index, x, y)
    return y.value


def _meaningful(value: str) -> str:
    """Document information minus the placeholders producers write ("untitled", "Word - x.docx")."""
    value = " ".join(value.replace("\x00", "").split())
    if not value or value.casefold() in _PLACEHOLDERS or _FILE_NAME.search(value):
        return ""
    if _APP_PREFIX.match(value):
        return ""
    return value


def pdf_date(value: str) -> dt.date | None:
    """The date in a PDF date string ("D:20260415090000+00'00'"), if it is a real one."""
    match = _PDF_DATE.match(value.strip())
    if not match or not match.group(2) or not match.group(3):
        return None
    try:
        date = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return date if 1990 <= date.year <= 2200 else None
