"""PDFium to plain data: every page's glyphs as runs in their text's own frame, and page health.

The only module that calls PDFium's C API for text; the caller holds the lock
(PDFium may not be entered by two threads at once). Imports only pypdfium2,
briefer.importers.base and the PDF layout modules; never store/session/ui.
"""

from __future__ import annotations

import ctypes
import functools
import math
import re
from collections.abc import Callable, Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from briefer.core.logs import get_logger
from briefer.core.record import Record, replace
from briefer.importers.base import Deadline, ImportLimits, ImportRejected
from briefer.importers.pdfglyphs import (
    TEX_LIGATURES,
    Glyph,
    clean_char,
    direction_key,
    frame,
    tex_ligatures,
)
from briefer.importers.pdfhealth import PageState
from briefer.importers.pdflayout import Line, Page
from briefer.importers.pdfwords import runs

log = get_logger(__name__)

_ERR_PASSWORD = getattr(pdfium_c, "FPDF_ERR_PASSWORD", 4)
_ERR_SECURITY = getattr(pdfium_c, "FPDF_ERR_SECURITY", 6)
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|demi\b", re.IGNORECASE)
_FORCE_BOLD = 1 << 18  # PDF font descriptor flag
_FONT_NAME_BYTES = 256
_IMAGE_OBJECT = getattr(pdfium_c, "FPDF_PAGEOBJ_IMAGE", 3)
_ASCII = [chr(code) for code in range(128)]
_PLAUSIBLE = (0.4, 2.5)  # font size over loose box height, for fonts that report sizes sanely
_SIDE_MARGIN = 0.12  # text in another direction this close to an edge is a stamp or a margin note
# PDFium's code for a hyphen ending a line (0xFFFE in older builds), whatever the PDF drew.
_LINE_END_HYPHENS = (0x02, 0xFFFE)
# A page must draw this many glyphs per text object on average before a hyphen alone in its
# object says anything: a producer that places every glyph by itself draws all hyphens so.
_RUN_GLYPHS = 3.0
_INVISIBLE = getattr(pdfium_c, "FPDF_TEXTRENDERMODE_INVISIBLE", 3)


class Document(Record, frozen=True):
    pages: list[Page]
    health: list[PageState]
    info: dict[str, str]


def read_document(data: bytes, name: str, limits: ImportLimits, deadline: Deadline) -> Document:
    """Every page's runs and the document information, with PDFium closed afterwards."""
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
        pages: list[Page] = []
        health: list[PageState] = []
        for index in range(count):
            deadline.check()
            page, state = _read_page(document, index)
            pages.append(page)
            health.append(state)
        return Document(pages, health, info)
    finally:
        document.close()


def _info(document: pdfium.PdfDocument) -> dict[str, str]:
    try:
        return {k: str(v) for k, v in document.get_metadata_dict(skip_empty=True).items()}
    except (pdfium.PdfiumError, ValueError, UnicodeDecodeError) as error:
        log.warning("the PDF's document information is unreadable: %s", error)
        return {}


def _read_page(document: pdfium.PdfDocument, index: int) -> tuple[Page, PageState]:
    try:
        page = document[index]
    except pdfium.PdfiumError as error:
        log.warning("PDF page %d cannot be opened and is left out: %s", index + 1, error)
        return Page((), 0.0, 0.0), PageState(0, 0, False)
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            groups, junk = _glyphs(textpage, width, height)
            drawn = sum(1 for glyphs in groups.values() for g in glyphs if not g.space)
            result = _lay_out(textpage, groups, width, height, index)
        finally:
            textpage.close()
        has_image = drawn == 0 and junk == 0 and _has_image(page)
    except pdfium.PdfiumError as error:
        log.warning("PDF page %d is unreadable and is left out: %s", index + 1, error)
        return Page((), 0.0, 0.0), PageState(0, 0, False)
    finally:
        page.close()
    return result, PageState(drawn, junk, has_image)


def _glyphs(
    textpage: pdfium.PdfTextPage, width: float, height: float
) -> tuple[dict[int, list[Glyph]], int]:
    """The page's glyphs grouped by text direction, in drawing order, and the junk count."""
    raw = textpage.raw
    text_object = _text_object_reader()
    get_unicode = pdfium_c.FPDFText_GetUnicode
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    matrix = pdfium_c.FS_MATRIX()
    rect = pdfium_c.FS_RECTF()
    frames: dict[tuple[float, float, float, float], tuple[int, float, float, float, float, float]]
    frames = {}
    groups: dict[int, list[Glyph]] = {}
    junk = 0
    coded = False  # a TeX ligature's raw code was read
    lone: list[tuple[int, int]] = []  # line-end hyphens drawn alone: direction, place in group
    objects = 0
    owner = None
    fresh = False
    high = 0
    direction, cos, sin, du, dv, size, baseline = 0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0
    count = pdfium_c.FPDFText_CountChars(raw)
    # Every character's UTF-16 unit in one call; PDFium indexes characters by unit.
    codes = (ctypes.c_ushort * (count + 1))()
    if count > 0 and pdfium_c.FPDFText_GetText(raw, 0, count, codes) < count:
        codes = None
    for i in range(count):
        # The text object drawing the character; PDFium's guessed spaces and breaks have none.
        # Matrix, size and baseline are the object's, so they are read once per object.
        obj = text_object(raw, i)
        if obj is None:
            continue
        code = codes[i] if codes is not None else get_unicode(raw, i)
        if 32 <= code < 127:
            char = _ASCII[code]
        elif 0xD800 <= code < 0xDC00:
            high = code  # PDFium answers in UTF-16: the next index holds the low surrogate
            continue
        else:
            if 0xDC00 <= code < 0xE000 and high:
                code = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
            high = 0
            char, bad = clean_char(code)
            if not char:
                if chr(code) not in TEX_LIGATURES:
                    junk += bad
                    continue
                char, coded = chr(code), True  # resolved by tex_ligatures below
        alone = False
        if obj != owner:
            alone = (
                (code in _LINE_END_HYPHENS or (code == 0x2D and _before_gap(raw, i, count)))
                and text_object(raw, i + 1) != obj
                and i > 0
                and _font_of(raw, i) == _font_of(raw, i - 1)  # no style change at the hyphen
            )
            owner, fresh, objects = obj, True, objects + 1
            direction, cos, sin, du, dv, size, baseline = _object_frame(
                raw, i, matrix, frames, width, height
            )
            groups.setdefault(direction, [])
        get_box(raw, i, rect)
        if direction == 0:
            x0, x1, bottom, top = rect.left, rect.right, rect.bottom, rect.top
        else:
            left, right, low, high = rect.left, rect.right, rect.bottom, rect.top
            us = (left * cos + low * sin, right * cos + high * sin,
                  left * cos + high * sin, right * cos + low * sin)  # fmt: skip
            vs = (high * cos - left * sin, low * cos - right * sin,
                  high * cos - right * sin, low * cos - left * sin)  # fmt: skip
            x0, x1, bottom, top = min(us) - du, max(us) - du, min(vs) - dv, max(vs) - dv
        if fresh and char.isalnum():
            # Type 3 and broken fonts can report sizes far from what is drawn: trust the box.
            # A letter's: a Type 3 font's box is the glyph's own, and a dot's is a speck.
            height = top - bottom
            if height > 0.5 and not _PLAUSIBLE[0] < size / height < _PLAUSIBLE[1]:
                size = height / 1.15
            fresh = False
        glyph_size = size if size > 0.1 else (top - bottom) / 1.15
        if alone:
            lone.append((direction, len(groups[direction])))
        groups[direction].append(
            Glyph(char, x0, x1, bottom, top, baseline, glyph_size, i, char.isspace())
        )
    _mark_soft_hyphens(groups, lone, objects)
    if coded:
        for direction, glyphs in groups.items():
            groups[direction], dropped = tex_ligatures(glyphs)
            junk += dropped
    return groups, junk


def _mark_soft_hyphens(
    groups: dict[int, list[Glyph]], lone: list[tuple[int, int]], objects: int
) -> None:
    """Line-end hyphens drawn as text objects of their own become soft hyphens (U+00AD).

    An author's soft hyphen (U+00AD) and a compound's own hyphen look alike in
    the text: LibreOffice maps both glyphs to "-" and PDFium reports any hyphen
    ending a line as one code. Where they differ is how the hyphen is drawn.
    LibreOffice sets the text between soft hyphens as portions of their own and
    draws the hyphen of the one it breaks at alone, after the word's last
    portion; a compound's hyphen ("cash-" / "strapped") is drawn with its word.
    pdfTeX, Chromium (whose soft break is U+2010) and reportlab draw no hyphen
    alone, so their text is unchanged. A page that draws glyphs one by one
    tells nothing this way and is left alone. Ghostscript (``pdfwrite``) merges
    a LibreOffice file's text objects into one per line, so a re-distilled file
    carries no sign left: its soft hyphens stay hyphens there. (Microsoft
    Word's own export was not at hand to check.)
    """
    drawn = sum(len(glyphs) for glyphs in groups.values())
    if not lone or drawn < _RUN_GLYPHS * objects:
        return
    for direction, place in lone:
        glyphs = groups[direction]
        glyphs[place] = glyphs[place]._replace(char="\xad")


@functools.cache
def _text_object_reader() -> Callable[[object, int], int | None]:
    """FPDFText_GetTextObject answering with the object's address, so objects compare by value."""
    address = ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value
    if address is None:
        raise ImportRejected("The PDF library is incomplete; reinstall Briefer.")
    prototype = ctypes.CFUNCTYPE(ctypes.c_void_p, pdfium_c.FPDF_TEXTPAGE, ctypes.c_int)
    reader: Callable[[object, int], int | None] = prototype(address)
    return reader


def _object_frame(
    raw: object,
    index: int,
    matrix: pdfium_c.FS_MATRIX,
    frames: dict[tuple[float, float, float, float], tuple[int, float, float, float, float, float]],
    width: float,
    height: float,
) -> tuple[int, float, float, float, float, float, float]:
    """Direction, frame rotation and offset, effective size and baseline of a glyph's object."""
    pdfium_c.FPDFText_GetMatrix(raw, index, matrix)
    key = (matrix.a, matrix.b, matrix.c, matrix.d)
    known = frames.get(key)
    if known is None:
        angle = math.atan2(matrix.b, matrix.a)
        cos, sin = frame(angle)
        du, dv = _frame_offset(cos, sin, width, height)
        known = (direction_key(angle), cos, sin, du, dv, math.hypot(matrix.c, matrix.d))
        frames[key] = known
    direction, cos, sin, du, dv, scale = known
    ox, oy = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(raw, index, ox, oy)
    size = pdfium_c.FPDFText_GetFontSize(raw, index) * scale
    return direction, cos, sin, du, dv, size, oy.value * cos - ox.value * sin - dv


def _frame_offset(cos: float, sin: float, width: float, height: float) -> tuple[float, float]:
    """How far the page's corner lies from the rotated frame's origin, so frames start at 0."""
    corners = ((0.0, 0.0), (width, 0.0), (0.0, height), (width, height))
    return (
        min(x * cos + y * sin for x, y in corners),
        min(y * cos - x * sin for x, y in corners),
    )


def _lay_out(
    textpage: pdfium.PdfTextPage,
    groups: dict[int, list[Glyph]],
    width: float,
    height: float,
    index: int,
) -> Page:
    """The page in its main text direction; other directions go to ``extra`` unless marginal."""
    if not groups:
        return Page((), width, height)
    main = max(groups, key=lambda d: sum(1 for g in groups[d] if not g.space))
    page_size = _frame_size(main, width, height)
    lines = tuple(_with_weight(textpage, line) for line in runs(groups[main], index))
    extra: list[Line] = []
    for direction, glyphs in sorted(groups.items()):
        if direction == main:
            continue
        frame_height = _frame_size(direction, width, height)[1]
        for line in runs(glyphs, index):
            marginal = (
                line.baseline < frame_height * _SIDE_MARGIN
                or line.baseline > frame_height * (1 - _SIDE_MARGIN)
            )
            if not marginal:
                extra.append(_with_weight(textpage, line))
    extra.sort(key=lambda line: (-round(line.baseline), line.x0))
    return Page(lines, page_size[0], page_size[1], tuple(extra))


def _frame_size(direction: int, width: float, height: float) -> tuple[float, float]:
    cos, sin = frame(math.radians(direction))
    corners = ((0.0, 0.0), (width, 0.0), (0.0, height), (width, height))
    us = [x * cos + y * sin for x, y in corners]
    vs = [y * cos - x * sin for x, y in corners]
    return max(us) - min(us), max(vs) - min(vs)


def _with_weight(textpage: pdfium.PdfTextPage, line: Line) -> Line:
    # Bold where it starts and where it ends: a bold lead-in ("Note:") is not enough.
    bold = _is_bold(textpage, line.first) and _is_bold(textpage, line.last)
    scanned = _invisible(textpage, line.first) and _invisible(textpage, line.last)
    return replace(line, bold=bold, scanned=scanned) if bold or scanned else line


def _invisible(textpage: pdfium.PdfTextPage, index: int) -> bool:
    """Whether the character is drawn invisibly (text render mode 3), as the text an OCR
    layer lays over a scanned picture is (pdfocr): its size is the engine's estimate."""
    obj = pdfium_c.FPDFText_GetTextObject(textpage.raw, index) if index >= 0 else None
    return bool(obj) and pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == _INVISIBLE


def _before_gap(textpage: object, index: int, count: int) -> bool:
    """Whether the hyphen at ``index`` ends the text before a wide gap on its own baseline.

    Text flowing on both sides of a frame breaks a word at the frame's near
    side: PDFium sees no line end there, so the hyphen keeps its own code and a
    space it adds stands before the text past the frame.
    """
    if index + 2 >= count or pdfium_c.FPDFText_GetUnicode(textpage, index + 1) != 0x20:
        return False
    here, after = pdfium_c.FS_RECTF(), pdfium_c.FS_RECTF()
    pdfium_c.FPDFText_GetLooseCharBox(textpage, index, here)
    pdfium_c.FPDFText_GetLooseCharBox(textpage, index + 2, after)
    height: float = here.top - here.bottom
    level = abs(after.bottom - here.bottom) < 0.3 * height
    return height > 0 and level and after.left - here.right > 2 * height


def _font_of(textpage: object, index: int) -> tuple[bytes, int, int, float]:
    """The character's font as PDFium names it, its flags, weight and size.

    A soft hyphen LibreOffice breaks at is drawn alone in the word's own style; a
    compound's hyphen after a styled first half ("*so*-called") is alone too, because
    the style changes there, and must stay.
    """
    name = ctypes.create_string_buffer(_FONT_NAME_BYTES)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage, index, name, _FONT_NAME_BYTES, ctypes.byref(flags))
    weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
    return name.value, flags.value, weight, round(pdfium_c.FPDFText_GetFontSize(textpage, index), 1)


def _is_bold(textpage: pdfium.PdfTextPage, index: int) -> bool:
    """Whether the character's font is bold, by its weight, its name or its descriptor flags.

    Fonts that are not embedded (the standard Helvetica-Bold) report no
    weight, so the name ("ABCDEF+Calibri-Bold") is usually what tells.
    """
    if index < 0:
        return False
    name, flags, weight, _ = _font_of(textpage, index)
    return (
        weight >= 600
        or bool(flags & _FORCE_BOLD)
        or bool(_BOLD_NAME.search(name.decode("latin-1")))
    )


def _has_image(page: pdfium.PdfPage) -> bool:
    return any(obj.type == _IMAGE_OBJECT for obj in _objects(page))


def _objects(page: pdfium.PdfPage) -> Iterator[pdfium.PdfObject]:
    try:
        yield from page.get_objects(max_depth=2)
    except pdfium.PdfiumError:
        return
