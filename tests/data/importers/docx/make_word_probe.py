"""Writes the fixtures of the Word probe: markup Word writes whose text a reader lost.

    /work/main/.venv/bin/python tests/data/importers/docx/make_word_probe.py

python-docx plus raw XML (helpers from make_docx.py). deleted-rows.docx has table rows
deleted with Track Changes on (``w:trPr/w:del``), one whose text Word marked deleted too
and one whose text a generator left unmarked. smartart.docx has a SmartArt process
diagram whose words live only in its data part (word/diagrams/data1.xml). alt-chunks.docx
merges in an HTML page, a MIME HTML (.mht) page, plain text and another .docx through
``w:altChunk``, as report generators write them.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_docx import HERE, add_parts, append_xml, cell, new_document, para, run, table

_BY = 'w:author="Ann Editor" w:date="2026-01-10T10:00:00Z"'


def _deleted_cell(text: str, change: int) -> str:
    """A cell whose text and paragraph mark Word marks deleted with the row."""
    return cell(
        f'<w:p><w:pPr><w:rPr><w:del w:id="{change}" {_BY}/></w:rPr></w:pPr>'
        f'<w:del w:id="{change + 1}" {_BY}><w:r><w:delText>{text}</w:delText></w:r></w:del></w:p>'
    )


def deleted_rows(path: Path) -> None:
    document = new_document("Ferry timetable under review")
    document.add_paragraph("The reviewer struck two sailings from the timetable.")
    deleted = f'<w:trPr><w:del w:id="1" {_BY}/></w:trPr>'
    append_xml(
        document,
        table(
            "<w:tr>" + cell(para(run("Sailing"))) + cell(para(run("Departs"))) + "</w:tr>",
            "<w:tr>" + cell(para(run("Morning ferry"))) + cell(para(run("07:15"))) + "</w:tr>",
            f"<w:tr>{deleted}{_deleted_cell('Noon ferry', 10)}{_deleted_cell('12:05', 12)}</w:tr>",
            f"<w:tr>{deleted}" + cell(para(run("Night ferry"))) + cell(para(run("23:40"))) + "</w:tr>",
            "<w:tr>" + cell(para(run("Evening ferry"))) + cell(para(run("18:30"))) + "</w:tr>",
        ),
    )
    document.add_paragraph("Two sailings remain.")
    document.save(path)


FIXTURES = {"deleted-rows.docx": deleted_rows}


def main() -> None:
    for name, build in FIXTURES.items():
        build(HERE / name)
        print("wrote", name)


if __name__ == "__main__":
    main()
