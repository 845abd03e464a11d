"""Writes grid.fodt from grid.expected.txt and has LibreOffice Writer export it to grid.pdf.

A development tool, not a test dependency (CI reads the committed PDF):
``python make_office.py`` with ``soffice`` on the PATH. The document is what
office users send: a one-column title, then a three-column and a two-column
section, justified text, and a running header and "Page n of m" footer on every
page, so the importer must undo columns and repeated furniture from a real producer;
and table.pdf, a bordered table of figures between two paragraphs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).parent

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>grid_review_final.odt</dc:title>
<meta:initial-creator>Wintergrid Desk</meta:initial-creator></office:meta>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.15cm"/>
  <style:text-properties fo:font-size="9pt" style:font-name="Liberation Serif"
   fo:font-family="'Liberation Serif'"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/>
  <style:text-properties fo:font-size="18pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="start" fo:margin-top="0.2cm"
   fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="12pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Furniture" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="7.5pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Three" style:family="section"><style:section-properties>
  <style:columns fo:column-count="3" fo:column-gap="0.45cm"/>
 </style:section-properties></style:style>
 <style:style style:name="Two" style:family="section"><style:section-properties>
  <style:columns fo:column-count="2" fo:column-gap="0.6cm"/>
 </style:section-properties></style:style>
 <style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="14.8cm"
   fo:page-height="21cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm"
   fo:margin-left="1.4cm" fo:margin-right="1.4cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="Page">
  <style:header><text:p text:style-name="Furniture">Northern Grid Review · Winter edition</text:p>
  </style:header>
  <style:footer><text:p text:style-name="Furniture">Page <text:page-number
   text:select-page="current">1</text:page-number> of <text:page-count>1</text:page-count></text:p>
  </style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""


def sections(text: str) -> list[list[tuple[str, str]]]:
    """The title, then sections of (kind, text) blocks starting at each "## " heading."""
    out: list[list[tuple[str, str]]] = [[]]
    for chunk in text.split("\n\n"):
        chunk = " ".join(chunk.split())
        if chunk.startswith("# "):
            out[0].append(("Title", chunk[2:]))
        elif chunk.startswith("## "):
            out.append([("Heading", chunk[3:])])
        elif chunk:
            out[-1].append(("Standard", chunk))
    return out


def fodt(text: str) -> str:
    parts = [HEAD]
    title, *rest = sections(text)
    parts += [f'<text:p text:style-name="{k}">{escape(t)}</text:p>\n' for k, t in title]
    # The first two sections in three columns, the others in two.
    for name, style, group in (("A", "Three", rest[:2]), ("B", "Two", rest[2:])):
        parts.append(f'<text:section text:style-name="{style}" text:name="{name}">\n')
        for section in group:
            parts += [f'<text:p text:style-name="{k}">{escape(t)}</text:p>\n' for k, t in section]
        parts.append("</text:section>\n")
    parts.append("</office:text></office:body></office:document>\n")
    return "".join(parts)


TABLE_STYLES = """ <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="Tbl" style:family="table">
  <style:table-properties style:width="12cm" table:align="left"/></style:style>
</office:automatic-styles>"""


def table_fodt(text: str) -> str:
    """A title, a paragraph, a bordered table (rows written "a | b | c"), a paragraph."""
    head = re.sub(r"<style:header>.*</style:footer>", "", HEAD, flags=re.DOTALL)
    head = head.replace("</office:automatic-styles>", TABLE_STYLES).replace(
        'xmlns:meta="',
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"\n xmlns:meta="',
    )
    parts = [head]
    rows: list[list[str]] = []
    chunks = [" ".join(c.split()) for c in text.split("\n\n") if c.strip()]
    for index, chunk in enumerate(chunks):
        if " | " in chunk:
            rows.append(chunk.split(" | "))
            if index + 1 < len(chunks) and " | " in chunks[index + 1]:
                continue
            parts.append('<table:table table:name="Traffic" table:style-name="Tbl">\n')
            parts.append(f'<table:table-column table:number-columns-repeated="{len(rows[0])}"/>\n')
            for row in rows:
                cells = "".join(
                    f'<table:table-cell table:style-name="Cell"><text:p>{escape(cell)}</text:p>'
                    "</table:table-cell>"
                    for cell in row
                )
                parts.append(f"<table:table-row>{cells}</table:table-row>\n")
            parts.append("</table:table>\n")
            rows = []
        elif chunk.startswith("# "):
            parts.append(f'<text:p text:style-name="Title">{escape(chunk[2:])}</text:p>\n')
        else:
            parts.append(f'<text:p text:style-name="Standard">{escape(chunk)}</text:p>\n')
    parts.append("</office:text></office:body></office:document>\n")
    return "".join(parts)


def main() -> int:
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice (LibreOffice) is needed", file=sys.stderr)
        return 1
    for name, make in (("grid", fodt), ("table", table_fodt)):
        text = (HERE / f"{name}.expected.txt").read_text(encoding="utf-8")
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / f"{name}.fodt"
            source.write_text(make(text), encoding="utf-8")
            subprocess.run(
                [soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless",
                 "--convert-to", "pdf", "--outdir", folder, str(source)],
                check=True, capture_output=True, timeout=180,
            )  # fmt: skip
            shutil.copyfile(Path(folder) / f"{name}.pdf", HERE / f"{name}.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
