"""Writes wordendnotes.docx: a memo with Word's own endnotes (python-docx and raw WordprocessingML).

python-docx has no endnote API, so the endnotes part, its relationship, its content
type and the reference runs are written as Word writes them. No numbering is set in
settings.xml, so the notes take Word's default for endnotes: i, ii, iii. Then
`soffice --headless --convert-to pdf wordendnotes.docx` lays it out.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Pt

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NOTES = [
    "Pilotage fees in the three neighbouring ports were compared by the clerk in a paper"
    " for the board's meeting of 4 June, which set out the fee for each band of draught.",
    "Harbour master's log, November to February.",
    "The exemption would be claimed by the master on the arrival form and checked against"
    " the coastguard's weather log for the hour of the crossing.",
]
BODY = [
    ("The pilotage service has charged the same fee for every vessel since the harbour was"
     " deepened, whatever its draught. Members have asked whether the fee should rise with"
     " the size of the vessel, as it does in the neighbouring ports.", 1,
     " The clerk was asked to set out what each operator would pay under three bands."),
    ("Night arrivals cost the service more than day arrivals, because two pilots must be on"
     " call. A third of the arrivals last winter came after dark,", 2,
     " most of them ferries running late because of the weather."),
    ("The board agreed that ferries should be exempt from any surcharge for arrivals delayed"
     " by the weather.", 3, " The board then turned to the accounts."),
]  # fmt: skip


def _reference(number: int) -> str:
    return (
        f'<w:r {W}><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr>'
        f'<w:endnoteReference w:id="{number}"/></w:r>'
    )


def _endnotes() -> bytes:
    notes = "".join(
        f'<w:endnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="EndnoteText"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text.replace("&", "&amp;")}</w:t></w:r>'
        "</w:p></w:endnote>"
        for n, text in enumerate(NOTES, 1)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:endnotes {W}>'
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
        '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        f"</w:r></w:p></w:endnote>{notes}</w:endnotes>"
    ).encode()


def main(out: Path) -> None:
    document = Document()
    document.core_properties.title = "Pilotage charges"
    styles = document.styles
    text_style = styles.add_style("Endnote Text", 1)
    text_style.element.set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}styleId", "EndnoteText"
    )
    text_style.base_style = styles["Normal"]
    text_style.font.size = Pt(10)
    mark = styles.add_style("Endnote Reference", 2)
    mark.element.set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}styleId",
        "EndnoteReference",
    )
    mark.font.superscript = True
    document.add_heading("Pilotage charges", level=1)
    for before, number, after in BODY:
        paragraph = document.add_paragraph(before)
        paragraph._p.append(parse_xml(_reference(number)))
        paragraph.add_run(after)
    package_part = document.part
    part = Part(
        PackURI("/word/endnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
        _endnotes(),
        package_part.package,
    )
    package_part.relate_to(part, RT.ENDNOTES)
    document.save(str(out))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "wordendnotes.docx"))
