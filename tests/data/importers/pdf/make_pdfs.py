"""Generates the PDF fixtures beside this file from the ``*.expected.txt`` texts.

A development tool, not a test dependency: run ``.venv/bin/python make_pdfs.py``
with reportlab installed; the tests read the committed PDFs. Text is laid out
line by line here (not by reportlab's flowables) so the fixtures contain exactly
what the importer must undo: two columns, running headers, page numbers and
words broken with a hyphen at line ends.
"""

from __future__ import annotations

import io
import math
import sys
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from briefer.core.record import Record

HERE = Path(__file__).parent
REPORT_PAGE = (380.0, 540.0)
BODY_FONT, BOLD_FONT = "Helvetica", "Helvetica-Bold"


class Style(Record):
    font: str
    size: float
    leading: float
    space_before: float


BODY = Style(BODY_FONT, 10.5, 14, 5)
HEADING = Style(BOLD_FONT, 13, 16, 10)
TITLE = Style(BOLD_FONT, 19, 23, 0)
# Headings many memos and reports use: bold, but no larger than the body text.
BOLD_HEADING = Style(BOLD_FONT, 10.5, 14, 9)


def blocks(text: str) -> Iterator[tuple[str, str]]:
    """("title" | "heading" | "bold" | "para", text) from the marked-up expected text."""
    for chunk in text.split("\n\n"):
        chunk = " ".join(chunk.split())
        if chunk.startswith("### "):
            yield "bold", chunk[4:]
        elif chunk.startswith("# "):
            yield "title", chunk[2:]
        elif chunk.startswith("## "):
            yield "heading", chunk[3:]
        elif chunk:
            yield "para", chunk


def wrap(text: str, style: Style, width: float) -> list[str]:
    """Greedy line breaking that hyphenates long words, as a word processor would."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if stringWidth(candidate, style.font, style.size) <= width:
            line = candidate
            continue
        head, tail = _split_word(word, line, style, width)
        if head:
            lines.append(f"{line} {head}".strip())
            line = tail
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _split_word(word: str, line: str, style: Style, width: float) -> tuple[str, str]:
    """Break ``word`` after a hyphen it has, or hyphenate it if it is long and alphabetic."""
    if "-" in word.strip("-"):
        first, _, rest = word.partition("-")
        head = first + "-"
        if stringWidth(f"{line} {head}".strip(), style.font, style.size) <= width:
            return head, rest
        return "", word
    core = word.rstrip(".,;:")
    if len(core) < 8 or not core.isalpha():
        return "", word
    for cut in range(len(core) - 3, 3, -1):
        head = word[:cut] + "-"
        if stringWidth(f"{line} {head}".strip(), style.font, style.size) <= width:
            return head, word[cut:]
    return "", word


class Layout(Record):
    page_size: tuple[float, float]
    margin: float
    columns: int
    gutter: float
    header: str = ""
    footer: str = "Page {n} of {total}"

    @property
    def column_width(self) -> float:
        usable = self.page_size[0] - 2 * self.margin - (self.columns - 1) * self.gutter
        return usable / self.columns


def paginate(text: str, layout: Layout) -> list[list[tuple[float, float, Style, str]]]:
    """Pages of positioned lines (x, baseline y, style, text); the title spans all columns."""
    width, height = layout.page_size
    top = height - layout.margin - (12 if layout.header else 0)
    bottom = layout.margin + 10
    pages: list[list[tuple[float, float, Style, str]]] = [[]]
    column, y = 0, top
    top_after_title = top
    for kind, content in blocks(text):
        style = {"title": TITLE, "heading": HEADING, "bold": BOLD_HEADING, "para": BODY}[kind]
        if kind == "title":
            full = width - 2 * layout.margin
            for line in wrap(content, style, full):
                y -= style.leading
                pages[-1].append((layout.margin, y, style, line))
            y -= 12
            top_after_title = y
            continue
        lines = wrap(content, style, layout.column_width)
        y -= style.space_before
        for index, line in enumerate(lines):
            # Keep a heading with the first lines of its section.
            heading = kind in ("heading", "bold")
            needed = style.leading * (3 if heading else 1)
            if y - needed < bottom or (heading and index == 0 and y - 60 < bottom):
                column += 1
                if column >= layout.columns:
                    pages.append([])
                    column, top_after_title = 0, top
                y = top_after_title
            y -= style.leading
            x = layout.margin + column * (layout.column_width + layout.gutter)
            pages[-1].append((x, y, style, line))
    return pages


def render(
    text: str,
    layout: Layout,
    *,
    title: str = "",
    author: str = "",
    date: str = "",
    encrypt_with: str = "",
) -> bytes:
    out = io.BytesIO()
    encrypt = None
    if encrypt_with:
        from reportlab.lib.pdfencrypt import StandardEncryption

        encrypt = StandardEncryption(encrypt_with, canPrint=0)
    canvas = Canvas(out, pagesize=layout.page_size, invariant=True, encrypt=encrypt)
    if title:
        canvas.setTitle(title)
    if author:
        canvas.setAuthor(author)
    if date:
        stamp = "" if date == "-" else f"D:{date}090000+00'00'"
        canvas._doc.info._dateFormatter = lambda *args: stamp
    pages = paginate(text, layout)
    width, height = layout.page_size
    for number, lines in enumerate(pages, start=1):
        if layout.header:
            canvas.setFont(BODY_FONT, 7.5)
            canvas.drawString(layout.margin, height - layout.margin + 6, layout.header)
            canvas.drawRightString(width - layout.margin, height - layout.margin + 6, "Q1 2026")
        canvas.setFont(BODY_FONT, 8)
        canvas.drawCentredString(
            width / 2, layout.margin - 14, layout.footer.format(n=number, total=len(pages))
        )
        for x, y, style, line in lines:
            canvas.setFont(style.font, style.size)
            canvas.drawString(x, y, line)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def render_scaled(text: str) -> bytes:
    """Every word placed on its own at font size 1, scaled up by the text matrix.

    What many print drivers and typesetters write: ``1 Tf`` and a text matrix
    of ``10.5 0 0 10.5 x y`` per word, no space characters (the gaps are only
    positions), justified lines, and a title spread out with character spacing.
    Sizes taken from the font size alone all read as 1 point.
    """
    out = io.BytesIO()
    width, height = A4
    canvas = Canvas(out, pagesize=A4, invariant=True)
    canvas.setTitle("Microsoft Word - minutes_13jan.doc")
    canvas.setAuthor("ARRAY(0x55d0c8a1f2e8)")
    canvas._doc.info._dateFormatter = lambda *args: "D:20110302101500+01'00'"
    margin, column = 72.0, A4[0] - 144.0
    y = height - margin
    page = 1

    def words_at(words: list[str], style: Style, y: float, justify: bool, spacing: float) -> None:
        text = canvas.beginText()
        text.setFont(style.font, 1)
        text.setCharSpace(spacing / style.size)
        widths = [stringWidth(w, style.font, style.size) + spacing * len(w) for w in words]
        space = stringWidth(" ", style.font, style.size) + spacing
        if justify and len(words) > 1:
            space = (column - sum(widths)) / (len(words) - 1)
        x = margin
        for word, word_width in zip(words, widths, strict=True):
            text.setTextTransform(style.size, 0, 0, style.size, x, y)
            text.textOut(word)
            x += word_width + space
        canvas.drawText(text)

    def footer() -> None:
        text = canvas.beginText()
        text.setFont(BODY_FONT, 1)
        text.setTextTransform(8, 0, 0, 8, width / 2 - 3, margin - 30)
        text.textOut(str(page))
        canvas.drawText(text)

    for kind, content in blocks(text):
        style = {"title": TITLE, "heading": HEADING, "bold": BOLD_HEADING, "para": BODY}[kind]
        spacing = 3.0 if kind == "title" else 0.0
        if kind == "para" and len(content.split()) <= 4:
            spacing = 0.0  # the date line
        lines = wrap(content, style, column - (40 if kind == "title" else 0))
        y -= style.space_before
        for index, line in enumerate(lines):
            if y - style.leading < margin:
                footer()
                canvas.showPage()
                page += 1
                y = height - margin
            y -= style.leading
            last = index == len(lines) - 1
            words_at(line.split(), style, y, kind == "para" and not last, spacing)
    footer()
    canvas.showPage()
    canvas.save()
    return out.getvalue()


# The paragraph of compounds.fodt as LibreOffice broke it: five lines end at a compound's hyphen.
GLYPH_LINES = (
    "The state-owned operator and the so-",
    "called harbour alliance published a cost-",
    "benefit analysis of the ice-free",
    "approaches, which twenty-three harbour",
    "masters had requested after the decision-",
    "making process stalled. Their e-mail to",
    "the ministry described a fast-growing",
    "trade in Russian-built coasters, and a",
    "three-year trial of the pilot-sharing",
    "scheme was agreed. A well-known",
    "shipbroker called the plan a much-needed",
    "and long-overdue step, while the cash-",
    "strapped northern boards asked for a",
    "region-wide review of the fee-setting",
    "rules and a follow-up meeting on tug-",
    "boat contracts, deep-water berths and",
    "cross-border freight.",
)


def render_by_glyph(lines: tuple[str, ...]) -> bytes:
    """Every glyph drawn as a text object of its own, as some print drivers write.

    A hyphen alone in its object means nothing in such a file, so a compound's
    line-end hyphen must not be read as an author's soft hyphen.
    """
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(260.0, 360.0), invariant=True)
    canvas.setTitle("Compounds")
    canvas.setCreator("Microsoft\u00ae Word for Microsoft 365")
    canvas.setProducer("Microsoft: Print To PDF")
    y = 320.0
    for line in lines:
        x = 24.0
        for char in line:
            if char != " ":
                canvas.setFont(BODY_FONT, 11)
                canvas.drawString(x, y, char)
            x += stringWidth(char, BODY_FONT, 11)
        y -= 14
    canvas.save()
    return out.getvalue()


def _raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF file from numbered object bodies (object 1 is the catalog), with a valid xref."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def broken_encoding(text: str, garbled_pages: set[int], pages: int = 3) -> bytes:
    """Pages of Helvetica text; on ``garbled_pages`` the font's ToUnicode map points
    every code into the private-use area, as subset fonts with a broken map do, so
    the page looks right but its text is junk (pages numbered from 1)."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Junk-UCS def /CMapType 2 def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"1 beginbfrange <20> <7E> <E020> endbfrange\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    body = [p for p in text.split("\n\n") if p.strip() and not p.startswith("#")]
    lines = wrap(" ".join(" ".join(body).split()), BODY, 430)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(pages)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        b"",  # fonts and map follow the pages
    ]
    first_font = 4 + 2 * pages
    for number in range(1, pages + 1):
        font = b"/F2" if number in garbled_pages else b"/F1"
        body = b"BT %s 10.5 Tf 14 TL 72 760 Td " % font
        body += b"(Part %s of the notice.) Tj T* " % [b"one", b"two", b"three"][number - 1]
        for line in lines:
            body += b"(%s) Tj T* " % line.replace("(", "[").replace(")", "]").encode("latin-1")
        body += b"ET"
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
            b" /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>"
            % (len(objects) + 2, first_font, first_font + 1)
        )
        objects.append(_stream(body))
    objects[2] = b"<< >>"
    helvetica = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"
    objects.append(helvetica + b" >>")
    objects.append(helvetica + b" /ToUnicode %d 0 R >>" % (first_font + 2))
    objects.append(_stream(cmap))
    return _raw_pdf(objects)


def part_scanned(text: str) -> bytes:
    """Two pages of text around a page that is only a picture (a scanned insert)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=True)
    picture = ImageReader(io.BytesIO(_scan_png()))
    paragraphs = [p for p in text.split("\n\n") if p and not p.startswith("#")]
    for number, paragraph in enumerate(paragraphs[:3], start=1):
        if number == 2:
            canvas.drawImage(picture, 0, 0, *A4)
        else:
            y = 760.0
            canvas.setFont(BODY_FONT, 10.5)
            for line in wrap(" ".join(paragraph.split()), BODY, 450):
                canvas.drawString(72, y, line)
                y -= 14
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def draft(text: str) -> bytes:
    """Two pages under a diagonal "DRAFT" watermark, with a heading in fake bold.

    Word processors fake bold for fonts without a bold face by drawing the text
    twice a quarter point apart; the watermark is text at 45 degrees on every page.
    """
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=True)
    title, *paragraphs = [p for p in text.split("\n\n") if p.strip()]
    halves = [paragraphs[: len(paragraphs) // 2], paragraphs[len(paragraphs) // 2 :]]
    for number, half in enumerate(halves):
        canvas.saveState()
        canvas.setFillGray(0.85)
        canvas.setFont(BOLD_FONT, 60)
        canvas.translate(A4[0] / 2, A4[1] / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, 0, "DRAFT - NOT FOR CIRCULATION")
        canvas.restoreState()
        y = 780.0
        if number == 0:
            canvas.setFont(BODY_FONT, 16)
            for dx in (0.0, 0.25):  # fake bold: the same line twice
                canvas.drawString(72 + dx, y, title.lstrip("# ").strip())
            y -= 30
        canvas.setFont(BODY_FONT, 10.5)
        for paragraph in half:
            for line in wrap(" ".join(paragraph.split()), BODY, 450):
                canvas.drawString(72, y, line)
                y -= 14
            y -= 8
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _scan_png() -> bytes:
    image = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    for row in range(40):
        draw.text(
            (40, 40 + row * 19),
            f"Scanned letter line {row}: the text exists only as pixels.",
            fill=0,
            font=font,
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def scan_like() -> bytes:
    """A page that is only a picture of text, as a scanner without OCR produces."""
    image = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    for row in range(40):
        draw.text(
            (40, 40 + row * 19),
            f"Scanned letter line {row}: the text exists only as pixels.",
            fill=0,
            font=font,
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=True)
    canvas.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, *A4)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def long_report(pages: int) -> bytes:
    """A two-column A4 report of at least ``pages`` pages (~3,500 characters each)."""
    body = (HERE / "report.expected.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
    layout = Layout(
        A4,
        margin=50,
        columns=2,
        gutter=18,
        header="Valmora Institute for Trade Research | Coastal Trade Outlook",
    )
    per_copy = len(paginate("\n\n".join([body] * 10), layout)) / 10
    copies = max(1, math.ceil(pages / per_copy))
    while True:
        text = "# Coastal Trade Outlook: collected quarters\n\n" + "\n\n".join([body] * copies)
        got = len(paginate(text, layout))
        if got >= pages:
            break
        copies = math.ceil(copies * pages / got)
    return render(text, layout, title="Coastal Trade Outlook", author="Bench")


def _report_layout() -> Layout:
    return Layout(
        REPORT_PAGE,
        margin=34,
        columns=2,
        gutter=14,
        header="Valmora Institute for Trade Research | Coastal Trade Outlook",
    )


def main() -> int:
    report = (HERE / "report.expected.txt").read_text(encoding="utf-8")
    (HERE / "report.pdf").write_bytes(
        render(
            report,
            _report_layout(),
            title="Coastal Trade Outlook: First Quarter 2026",
            author="Hana Ibsen",
            date="20260415",
        )
    )
    article = (HERE / "article.expected.txt").read_text(encoding="utf-8")
    one_column = Layout(A4, margin=60, columns=1, gutter=0, footer="{n}")
    # No title, author or date of its own: reportlab writes "untitled" and "anonymous",
    # placeholders the importer must see through; the empty date stands for none.
    (HERE / "article.pdf").write_bytes(render(article, one_column, date="-"))
    memo = (HERE / "memo.expected.txt").read_text(encoding="utf-8")
    (HERE / "memo.pdf").write_bytes(render(memo, one_column, title="Ferry link options", date="-"))
    (HERE / "scan.pdf").write_bytes(scan_like())
    (HERE / "garbled.pdf").write_bytes(broken_encoding(article, {2}))
    (HERE / "garbled-all.pdf").write_bytes(broken_encoding(article, {1, 2}, pages=2))
    (HERE / "part-scanned.pdf").write_bytes(part_scanned(article))
    (HERE / "draft.pdf").write_bytes(draft(article))
    scaled = (HERE / "scaled.expected.txt").read_text(encoding="utf-8")
    (HERE / "scaled.pdf").write_bytes(render_scaled(scaled))
    (HERE / "glyphs.pdf").write_bytes(render_by_glyph(GLYPH_LINES))
    (HERE / "encrypted.pdf").write_bytes(
        render(article, one_column, title="Locked", encrypt_with="secret")
    )
    for name in ("report", "article"):
        print(
            name,
            len(
                paginate(
                    (HERE / f"{name}.expected.txt").read_text(),
                    _report_layout() if name == "report" else one_column,
                )
            ),
            "pages",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
