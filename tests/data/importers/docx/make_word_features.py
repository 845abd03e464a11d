"""Writes word-features.docx and alt-chunk.docx: Word markup found in a sweep of real files.

    /work/main/.venv/bin/python tests/data/importers/docx/make_word_features.py

python-docx plus raw XML (helpers from make_docx.py). word-features.docx holds an
inline equation and a display fraction (OMML, ``m:t``), a text box anchored in a
table cell, a table inside a text box, simple and complex fields with results,
smart tags, custom XML, bidi elements, a symbol, ruby, tabs and a tracked change.
alt-chunk.docx holds an ``w:altChunk`` (an HTML part Word merges in on opening),
which Briefer reads where it stands. numbered-clauses.docx has headings and
clauses numbered by Word (numbering.xml patterns "%1.%2", "Article %1", "(%1)"),
whose numbers exist only once a reader counts them.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_docx import (
    DECL,
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


def numbering_part() -> bytes:
    """A legal outline (1. / 1.1 / 1.1.1, Article I) and a lettered list ((a), (b))."""

    def level(ilvl: int, fmt: str, text: str) -> str:
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>'
        )

    outline = (
        '<w:abstractNum w:abstractNumId="7"><w:multiLevelType w:val="multilevel"/>'
        + level(0, "decimal", "%1.")
        + level(1, "decimal", "%1.%2")
        + level(2, "decimal", "%1.%2.%3")
        + "</w:abstractNum>"
    )
    articles = (
        '<w:abstractNum w:abstractNumId="8">'
        + level(0, "upperRoman", "Article %1")
        + level(1, "lowerRoman", "%1.%2")
        + "</w:abstractNum>"
    )
    letters = (
        '<w:abstractNum w:abstractNumId="9">'
        + level(0, "lowerLetter", "(%1)")
        + level(1, "bullet", "\u2022")
        + "</w:abstractNum>"
    )
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="9"/></w:num>'
        '<w:num w:numId="4"><w:abstractNumId w:val="9"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {DECL}>'
        f"{outline}{articles}{letters}{nums}</w:numbering>"
    )
    return xml.encode("utf-8")


def numbered(text: str, num_id: int | None, ilvl: int, style: str = "") -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None:
        props += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return f"<w:p><w:pPr>{props}</w:pPr>{run(text)}</w:p>"


def numbered_clauses(path: Path) -> None:
    """A policy paper whose headings and clauses carry Word's automatic numbers."""
    document = new_document("Harbour access policy")
    document.add_paragraph("This policy sets the rules for access to the inner harbour.")
    items = [
        ("Scope", 1, 0, "Heading1"),
        ("The policy covers all berths.", 1, 2, ""),
        ("Definitions", 1, 1, "Heading2"),
        ("A vessel is any craft over ten metres.", 1, 2, ""),
        ("A berth is a mooring place.", 1, 2, ""),
        ("Access", 1, 0, "Heading1"),
        ("Permits", 1, 1, "Heading2"),
        ("Inspections", None, 0, "Heading3"),  # numbered by its style, not by itself
        ("Fees", 2, 0, "Heading1"),
        ("Fees fall due monthly.", 2, 1, ""),
        ("first lettered point", 3, 0, ""),
        ("second lettered point", 3, 0, ""),
        ("a bullet under it", 3, 1, ""),
        ("restarted lettered point", 4, 0, ""),
    ]
    for text, num_id, ilvl, style in items:
        append_xml(document, numbered(text, num_id, ilvl, style))
    document.save(path)
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    members["word/numbering.xml"] = numbering_part()
    # Heading 3 numbered through its style, as Word's outline-numbered templates do.
    styles = members["word/styles.xml"].decode("utf-8")
    heading = styles.index('w:styleId="Heading3"')
    at = styles.index("<w:pPr>", heading) + len("<w:pPr>")
    link = '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'
    members["word/styles.xml"] = (styles[:at] + link + styles[at:]).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member, data in members.items():
            target.writestr(member, data)


def main() -> None:
    word_features(HERE / "word-features.docx")
    alt_chunk(HERE / "alt-chunk.docx")
    numbered_clauses(HERE / "numbered-clauses.docx")
    print("wrote word-features.docx, alt-chunk.docx, numbered-clauses.docx")


if __name__ == "__main__":
    main()
