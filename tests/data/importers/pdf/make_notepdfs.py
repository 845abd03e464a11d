"""Generates the fixtures where notes meet page furniture and page breaks (reportlab).

A development tool, not a test dependency: run ``.venv/bin/python make_notepdfs.py``
with reportlab installed (the ``fixtures`` extra); the tests read the committed PDFs.
Lines are laid out here one by one, so each fixture holds exactly the case it stands
for (see README.md):

* ``annexnote.pdf`` from ``annexnote.expected.txt``: the last body paragraph ends with
  a raised mark, its note at the page's foot ends with a web address that fills its
  line and has no full stop; page 2 is an annex set all in small print, no marks.
* ``chapterfeet.pdf`` from ``report.expected.txt``: each section opens a page, and
  every page's footer is its number, a tab, and the section's name, which changes.
* ``notesragged.pdf`` from ``notesragged.expected.txt``: ragged-right notes under a
  "Notes" heading; note 3's first line wraps before the wide capitalised "MINUSMA".
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from reportlab.lib.pagesizes import A5, A6
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).parent
SERIF, SERIF_BOLD = "Times-Roman", "Times-Bold"
SANS, SANS_BOLD = "Helvetica", "Helvetica-Bold"


def _source(name: str) -> list[str]:
    """The paragraphs of a ``*.expected.txt`` text, each on one line, "#" marks kept."""
    text = (HERE / name).read_text(encoding="utf-8")
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy ragged-right lines: each takes words while they fit."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and stringWidth(candidate, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _canvas(out: io.BytesIO, size: tuple[float, float], title: str) -> Canvas:
    canvas = Canvas(out, pagesize=size, invariant=True)
    canvas.setTitle(title)
    return canvas


def annex_note() -> bytes:
    """A report page whose footnote ends with a full-line address, then an annex page."""
    paragraphs = _source("annexnote.expected.txt")
    title = paragraphs[0].lstrip("# ")
    at = next(i for i, p in enumerate(paragraphs) if p.startswith("1 "))
    body, note, annex = paragraphs[1:at], paragraphs[at], paragraphs[at + 1 :]
    width, height = A5
    margin = 56.0
    column = width - 2 * margin
    out = io.BytesIO()
    canvas = _canvas(out, A5, title)
    y = height - margin
    canvas.setFont(SERIF_BOLD, 14)
    canvas.drawString(margin, y, title)
    y -= 28
    for number, paragraph in enumerate(body, start=1):
        last = number == len(body)
        text = paragraph.removesuffix("1") if last else paragraph
        lines = wrap(text, SERIF, 11, column - (8 if last else 0))
        for index, line in enumerate(lines):
            draw = canvas.beginText(margin, y)
            draw.setFont(SERIF, 11)
            draw.textOut(line)
            if last and index == len(lines) - 1:  # the raised mark after the full stop
                draw.setFont(SERIF, 7)
                draw.setRise(4)
                draw.textOut("1")
                draw.setRise(0)
            canvas.drawText(draw)
            y -= 14
        y -= 6
    # The note's size makes its address exactly as wide as the text: a full line.
    address = note.split()[-1]
    size = 8 * column / stringWidth(address, SERIF, 8)
    assert 7 < size < 8.6, size
    lines = wrap(note, SERIF, size, column + 0.01)
    assert lines[-1] == address, lines
    y = margin + 10 + size * 1.2 * len(lines)
    canvas.setLineWidth(0.5)
    canvas.line(margin, y + 2, margin + 90, y + 2)
    for line in lines:
        y -= size * 1.2
        canvas.setFont(SERIF, size)
        canvas.drawString(margin, y, line)
    canvas.setFont(SERIF, 8)
    canvas.drawCentredString(width / 2, margin - 24, "1")
    canvas.showPage()
    y = height - margin
    for paragraph in annex:
        for line in wrap(paragraph, SERIF, 8, column):
            canvas.setFont(SERIF, 8)
            canvas.drawString(margin, y, line)
            y -= 10
        y -= 4
    canvas.setFont(SERIF, 8)
    canvas.drawCentredString(width / 2, margin - 24, "2")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def chapter_feet() -> bytes:
    """The report on small pages, each section from a new page, footers "n <tab> Section"."""
    paragraphs = _source("report.expected.txt")
    width, height = A6
    margin = 40.0
    column = width - 2 * margin
    out = io.BytesIO()
    canvas = _canvas(out, A6, paragraphs[0].lstrip("# "))
    page = 1
    section = ""
    y = height - margin

    def footer() -> None:
        canvas.setFont(SERIF, 8)
        canvas.drawString(margin, margin - 20, str(page))
        canvas.drawString(margin + 16, margin - 20, section)  # a tab two ems on

    def new_page() -> None:
        nonlocal page, y
        footer()
        canvas.showPage()
        page += 1
        y = height - margin

    for paragraph in paragraphs:
        if paragraph.startswith("# "):
            canvas.setFont(SERIF_BOLD, 14)
            canvas.drawString(margin, y, paragraph[2:])
            y -= 26
            continue
        if paragraph.startswith("## "):
            if section:
                new_page()
            section = paragraph[3:]
            canvas.setFont(SERIF_BOLD, 11.5)
            canvas.drawString(margin, y, section)
            y -= 20
            continue
        for line in wrap(paragraph, SERIF, 10, column):
            if y < margin:
                new_page()
            canvas.setFont(SERIF, 10)
            canvas.drawString(margin, y, line)
            y -= 12.5
        y -= 5
    footer()
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def notes_ragged(check: bool = False) -> bytes:
    """A short report and its notes, ragged right under a bold "Notes" heading."""
    paragraphs = _source("notesragged.expected.txt")
    width, height = A5
    margin = 50.0
    column = width - 2 * margin
    out = io.BytesIO()
    canvas = _canvas(out, A5, paragraphs[0].lstrip("# "))
    y = height - margin
    for paragraph in paragraphs:
        if paragraph.startswith("#"):
            size = 15 if paragraph.startswith("# ") else 12
            canvas.setFont(SANS_BOLD, size)
            y -= 6
            canvas.drawString(margin, y, paragraph.lstrip("# "))
            y -= size + 8
            continue
        size, leading = (8.5, 10.5) if paragraph[0].isdigit() else (10, 13)
        lines = wrap(paragraph, SANS, size, column)
        for index, line in enumerate(lines):
            canvas.setFont(SANS, size)
            canvas.drawString(margin, y, line)
            if check and index + 1 < len(lines):
                after = lines[index + 1]
                word = after.split()[0]
                gap = column - stringWidth(line, SANS, size)
                average = stringWidth(after, SANS, size) / len(after)
                print(f"{gap:6.1f} {average * (len(word) + 2):6.1f} {word}")
            y -= leading
        y -= 4
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def main() -> int:
    if sys.argv[1:] == ["--check"]:
        notes_ragged(check=True)  # the room each wrapped line left, and the old guess
        return 0
    (HERE / "annexnote.pdf").write_bytes(annex_note())
    (HERE / "chapterfeet.pdf").write_bytes(chapter_feet())
    (HERE / "notesragged.pdf").write_bytes(notes_ragged())
    return 0


if __name__ == "__main__":
    sys.exit(main())
