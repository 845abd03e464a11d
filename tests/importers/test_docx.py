"""Word documents built with python-docx come back as ordered blocks, metadata and images."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
from docx.shared import Inches
from PIL import Image

from briefer.core.model import BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.docx import DocxImporter


def picture_png() -> bytes:
    image = Image.new("RGB", (320, 200), (30, 90, 160))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def build_report(path: Path, *, core_title: str = "Coastal trade outlook") -> bytes:
    document = docx.Document()
    document.core_properties.title = core_title
    document.core_properties.author = "Lena Marsh"
    document.core_properties.created = dt.datetime(2025, 11, 3, 9, 30)
    document.add_paragraph("Coastal trade outlook", style="Title")
    document.add_paragraph("Container traffic rose in the third quarter.")
    document.add_heading("Key figures", level=1)
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(
        table.rows, (("Port", "TEU", "Change"), ("Arvel", "1.2m", "+4%")), strict=True
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("After the table, the analysis continues.")
    document.add_heading("Risks", level=2)
    document.add_paragraph("Labour shortages", style="List Bullet")
    document.add_paragraph("Ice on the northern route", style="List Bullet")
    document.add_paragraph("Publish the outlook", style="List Number")
    document.add_paragraph("We expect a calmer winter.", style="Quote")
    document.add_picture(io.BytesIO(picture_png()), width=Inches(2))
    document.add_paragraph("Figure 1: the Arvel quays", style="Caption")
    document.save(str(path))
    return path.read_bytes()


def test_blocks_in_body_order_with_tables_lists_quotes_and_captions(tmp_path: Path) -> None:
    data = build_report(tmp_path / "outlook.docx")
    article = DocxImporter().extract(data, "outlook.docx", ImportLimits())
    assert article.title == "Coastal trade outlook"
    assert article.author == "Lena Marsh"
    assert article.published is None  # the file's date alone: the day it was made
    assert article.source_format == "docx"
    shape = [(b.kind, b.level, b.ordered, article.block_text(b)) for b in article.blocks]
    assert shape == [
        (BlockKind.HEADING, 1, False, "Coastal trade outlook"),  # the Title paragraph
        (BlockKind.PARAGRAPH, 0, False, "Container traffic rose in the third quarter."),
        (BlockKind.HEADING, 1, False, "Key figures"),
        (BlockKind.TABLE_ROW, 0, False, "Port | TEU | Change"),
        (BlockKind.TABLE_ROW, 0, False, "Arvel | 1.2m | +4%"),
        (BlockKind.PARAGRAPH, 0, False, "After the table, the analysis continues."),
        (BlockKind.HEADING, 2, False, "Risks"),
        (BlockKind.LIST_ITEM, 1, False, "Labour shortages"),
        (BlockKind.LIST_ITEM, 1, False, "Ice on the northern route"),
        (BlockKind.PARAGRAPH, 1, False, "1. Publish the outlook"),  # Word's number, in the text
        (BlockKind.QUOTE, 0, False, "We expect a calmer winter."),
        (BlockKind.CAPTION, 0, False, "Figure 1: the Arvel quays"),
    ]


def test_embedded_picture_is_normalised_and_placed(tmp_path: Path) -> None:
    data = build_report(tmp_path / "outlook.docx")
    article = DocxImporter().extract(data, "outlook.docx", ImportLimits(max_image_side=100))
    assert len(article.images) == 1
    image = article.images[0]
    assert image.media_type == "image/jpeg"
    assert max(image.width, image.height) == 100
    caption = next(b for b in article.blocks if b.kind is BlockKind.CAPTION)
    assert image.offset <= caption.start
    assert Image.open(io.BytesIO(image.data)).size == (image.width, image.height)


def test_title_style_becomes_the_title_when_properties_have_none(tmp_path: Path) -> None:
    data = build_report(tmp_path / "outlook.docx", core_title="")
    article = DocxImporter().extract(data, "outlook.docx", ImportLimits())
    assert article.title == "Coastal trade outlook"
    # The words stay in the text, as its first heading (the Reader shows them once).
    first = article.blocks[0]
    assert first.kind is BlockKind.HEADING
    assert article.block_text(first) == "Coastal trade outlook"


def test_placeholder_properties_give_way_to_the_document_itself(tmp_path: Path) -> None:
    """A script's python-docx template signs every file "python-docx"; Word's own
    placeholders and file names are no title or author either."""
    path = tmp_path / "memo.docx"
    build_report(path, core_title="Microsoft Word - memo_v2.doc")
    document = docx.Document(str(path))
    for author in ("python-docx", "Microsoft Office User", "Windows User"):
        document.core_properties.author = author
        document.save(str(path))
        article = DocxImporter().extract(path.read_bytes(), "memo.docx", ImportLimits())
        assert (article.title, article.author) == ("Coastal trade outlook", ""), author


def test_a_date_printed_on_the_title_page_beats_the_file_s_creation_date(
    tmp_path: Path,
) -> None:
    """The core properties' date is often the template's; the author's is printed."""
    path = tmp_path / "memo.docx"
    build_report(path)  # created 3 November 2025 in its properties
    document = docx.Document(str(path))
    document.paragraphs[0].insert_paragraph_before("Date: 4 December 2025")
    document.save(str(path))
    article = DocxImporter().extract(path.read_bytes(), "memo.docx", ImportLimits())
    assert article.published == dt.date(2025, 12, 4)
    plain = DocxImporter().extract(build_report(tmp_path / "plain.docx"), "plain.docx",
                                   ImportLimits())  # fmt: skip
    assert plain.published is None  # nothing printed: the properties' date is the file's


def test_sniff_knows_a_docx_whatever_its_name(tmp_path: Path) -> None:
    data = build_report(tmp_path / "outlook.docx")
    assert DocxImporter().sniff(data, "report.bin") >= 90
    assert DocxImporter().sniff(b"PK\x03\x04not really", "x.zip") < 50
    assert DocxImporter().sniff(b"plain text", "x.docx") == 0


def test_a_date_inherited_from_the_python_docx_template_is_not_a_publication_date(
    tmp_path: Path,
) -> None:
    plain = docx.Document()  # carries python-docx's template stamp, 23 December 2013
    plain.add_paragraph("Ferry timetables change in spring.")
    plain.save(str(tmp_path / "plain.docx"))
    article = DocxImporter().extract(
        (tmp_path / "plain.docx").read_bytes(), "plain.docx", ImportLimits()
    )
    assert article.published is None

    path = tmp_path / "r.docx"
    build_report(path)  # created 3 November 2025 in its properties
    dated = docx.Document(str(path))
    dated.paragraphs[0].insert_paragraph_before("November 2025")  # the cover's month
    dated.save(str(path))
    article = DocxImporter().extract(path.read_bytes(), "r.docx", ImportLimits())
    assert article.published == dt.date(2025, 11, 3)  # the month printed, the file's day
