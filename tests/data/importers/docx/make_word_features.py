"""Writes word-features.docx and alt-chunk.docx: Word markup found in a sweep of real files.

    /work/main/.venv/bin/python tests/data/importers/docx/make_word_features.py

python-docx plus raw XML (helpers from make_docx.py). word-features.docx holds an
inline equation and a display fraction (OMML, ``m:t``), a text box anchored in a
table cell, a table inside a text box, simple and complex fields with results,
smart tags, custom XML, bidi elements, a symbol, ruby, tabs and a tracked change.
alt-chunk.docx holds an ``w:altChunk`` (an HTML part Word merges in on opening),
which Briefer leaves out and says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_docx import (
    HERE,
    add_parts,
    append_xml,
    cell,
    new_document,
    para,
    run,
    table,
    text_box,
)

MATH = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'


def field(instruction: str, result: str) -> str:
    """A complex field: begin, instruction, separate, the result Word shows, end."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'{result}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def math_run(text: str) -> str:
    return f"<m:r><m:t>{text}</m:t></m:r>"


def word_features(path: Path) -> None:
    document = new_document("Dredging cost model")
    document.add_paragraph("The cost model for the northern channel is set out below.")
    inline = (
        f"<m:oMath {MATH}>{math_run('C')}{math_run('=')}{math_run('k')}"
        f"<m:sSup><m:e>{math_run('volume')}</m:e><m:sup>{math_run('2')}</m:sup></m:sSup>"
        "</m:oMath>"
    )
    display = (
        f"<w:p><m:oMathPara {MATH}><m:oMath><m:f><m:num>{math_run('tonnage')}</m:num>"
        f"<m:den>{math_run('berths')}</m:den></m:f></m:oMath></m:oMathPara></w:p>"
    )
    box_in_cell = text_box([para(run("Boxed note on silt"))], 11)
    box_with_table = text_box(
        [
            para(run("Sidebar heading gull")),
            table("<w:tr>" + cell(para(run("sidebar cell tern"))) + "</w:tr>", columns=1),
        ],
        12,
    )
    for xml in (
        para(run("Cost follows "), inline, run(" for each cubic metre.")),
        display,
        table(
            "<w:tr>"
            + cell(para(run("Anchor cell words "), box_in_cell))
            + cell(para(run("Neighbour cell")))
            + "</w:tr>"
        ),
        para(run("Sidebar follows "), box_with_table),
        para(
            run("See "),
            '<w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>',
            run(" and "),
            field('HYPERLINK "https://example.org/registry"', run("the maritime registry")),
            run("."),
        ),
        para(
            run("Meet in "),
            '<w:smartTag w:element="City">' + run("Rotterdam") + "</w:smartTag>",
            '<w:customXml w:element="party">' + run(" with Vandermeer") + "</w:customXml>",
            '<w:r><w:sym w:font="Wingdings" w:char="F0E0"/></w:r>',
            '<w:dir w:val="rtl">' + run(" مرحبا") + "</w:dir>",
        ),
        para(
            run("Port of "),
            '<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/></w:rubyPr>'
            "<w:rt><w:r><w:t>こうべ</w:t></w:r></w:rt>"
            "<w:rubyBase><w:r><w:t>神戸</w:t></w:r></w:rubyBase></w:ruby></w:r>",
            run(" in Japan"),
        ),
        para(
            run("Budget"),
            "<w:r><w:tab/></w:r>",
            '<w:del w:id="1" w:author="a"><w:r><w:delText>nine</w:delText></w:r></w:del>',
            '<w:ins w:id="2" w:author="a">' + run("four") + "</w:ins>",
            run(" million"),
        ),
    ):
        append_xml(document, xml)
    document.save(path)


def alt_chunk(path: Path) -> None:
    document = new_document("Merged annex")
    document.add_paragraph("The annex below was pasted in from a web page.")
    append_xml(document, '<w:altChunk r:id="rIdExtra1"/>')
    document.add_paragraph("Text after the annex stays.")
    document.save(path)
    html = b"<html><body><p>Annex sturgeon paragraph.</p></body></html>"
    add_parts(path, [("word/annex.html", "text/html", "aFChunk", html)])


def main() -> None:
    word_features(HERE / "word-features.docx")
    alt_chunk(HERE / "alt-chunk.docx")
    print("wrote word-features.docx, alt-chunk.docx")


if __name__ == "__main__":
    main()
