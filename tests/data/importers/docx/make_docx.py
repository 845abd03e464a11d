"""Writes the Word fixtures the DOCX importer tests read: python-docx plus the raw XML it lacks.

    /work/main/.venv/bin/python tests/data/importers/docx/make_docx.py [--libreoffice]

Each fixture stands for one thing Word (or a template) writes that a naive
reader loses: content controls, text boxes written twice, footnotes and
endnotes, merged cells, tracked changes with comments, headers and footers.
``--libreoffice`` also converts harbour-survey.fodt to harbour-survey.docx with
LibreOffice and refreshes every NAME.lo.txt: LibreOffice's own text export of
NAME.docx after accepting all tracked changes, the reference the recall test
scores against. Needs soffice.
README.md says what each file is.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.document import Document
from docx.oxml import parse_xml

HERE = Path(__file__).resolve().parent
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
}
DECL = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NS.items())
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."


# --- raw WordprocessingML ------------------------------------------------------------------


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*content: str, style: str = "") -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{''.join(content)}</w:p>"


def sdt(content: str, tag: str, *, date: bool = False) -> str:
    """A content control (rich text, or a date picker) around ``content``."""
    kind = '<w:date w:fullDate="2025-03-12T00:00:00Z"/>' if date else "<w:richText/>"
    props = f'<w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/>{kind}</w:sdtPr>'
    return f"<w:sdt>{props}<w:sdtContent>{content}</w:sdtContent></w:sdt>"


def cell(*paragraphs: str, props: str = "") -> str:
    width = '<w:tcW w:w="4500" w:type="dxa"/>'
    return f"<w:tc><w:tcPr>{width}{props}</w:tcPr>{''.join(paragraphs)}</w:tc>"


def table(*rows: str, columns: int = 2) -> str:
    grid = "".join('<w:gridCol w:w="4500"/>' for _ in range(columns))
    return (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def text_box(paragraphs: list[str], shape_id: int) -> str:
    """A run holding a text box the way Word 2010+ writes it: DrawingML, then VML again."""
    body = "".join(paragraphs)
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0"'
        ' relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>3657600</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2286000" cy="1143000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="bothSides"/>'
        f'<wp:docPr id="{shape_id}" name="Text Box {shape_id}"/>'
        "<wp:cNvGraphicFramePr/><a:graphic>"
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="2286000" cy="1143000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f"</a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t"><a:noAutofit/></wps:bodyPr>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict>"
        f'<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"'
        ' path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
        '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        f'<v:shape id="Text Box {shape_id}" o:spid="_x0000_s10{shape_id}" type="#_x0000_t202"'
        ' style="position:absolute;margin-left:4in;margin-top:0;width:180pt;height:90pt;z-index:1">'
        f"<v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def vml_text_box(paragraphs: list[str]) -> str:
    """A text box as Word 2003 wrote it: VML only, no alternative."""
    return (
        '<w:r><w:pict><v:shape id="Legacy box" type="#_x0000_t202"'
        ' style="position:absolute;width:180pt;height:60pt"><v:textbox><w:txbxContent>'
        f"{''.join(paragraphs)}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )


def note_ref(kind: str, note_id: int) -> str:
    style = "FootnoteReference" if kind == "footnote" else "EndnoteReference"
    return (
        f'<w:r><w:rPr><w:rStyle w:val="{style}"/><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:{kind}Reference w:id="{note_id}"/></w:r>'
    )


def notes_part(kind: str, notes: dict[int, list[str]]) -> bytes:
    """footnotes.xml or endnotes.xml: Word's two separators, a continuation notice, the notes."""
    mark = (
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Ref/></w:r>'
        '<w:r><w:t xml:space="preserve"> </w:t></w:r>'
    )
    out = [
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{kind}>",
        f'<w:{kind} w:type="continuationNotice" w:id="99"><w:p>'
        f"{run('Notes continue on the next page')}</w:p></w:{kind}>",
    ]
    for note_id, paragraphs in notes.items():
        body = "".join(
            para(mark + run(text) if index == 0 else run(text))
            for index, text in enumerate(paragraphs)
        )
        out.append(f'<w:{kind} w:id="{note_id}">{body}</w:{kind}>')
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s {DECL}>'
    xml += "".join(out) + f"</w:{kind}s>"
    return xml.encode("utf-8")


# --- building on python-docx ---------------------------------------------------------------


def new_document(title: str) -> Document:
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "Briefer test fixtures"
    document.core_properties.created = dt.datetime(2025, 3, 12, 9, 0)
    return document


def append_xml(document: Document, xml: str) -> None:
    """Adds a raw block (paragraph, table, content control) at the end of the body."""
    element = parse_xml(f"<w:wrap {DECL}>{xml}</w:wrap>")[0]
    document.element.body.sectPr.addprevious(element)


def add_parts(path: Path, parts: list[tuple[str, str, str, bytes]]) -> None:
    """Adds package parts python-docx cannot write: (member, content type, relationship, bytes)."""
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    types = members["[Content_Types].xml"].decode("utf-8")
    rels = members["word/_rels/document.xml.rels"].decode("utf-8")
    for index, (member, content_type, relation, data) in enumerate(parts, start=1):
        members[member] = data
        types = types.replace(
            "</Types>", f'<Override PartName="/{member}" ContentType="{content_type}"/></Types>'
        )
        target = member.removeprefix("word/")
        rels = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rIdExtra{index}" Type="{REL}{relation}" Target="{target}"/>'
            "</Relationships>",
        )
    members["[Content_Types].xml"] = types.encode("utf-8")
    members["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target_zip:
        for member, data in members.items():
            target_zip.writestr(member, data)


# --- the fixtures ----------------------------------------------------------------------------


def content_controls(path: Path) -> None:
    """A CV template: nearly every word in a content control (body, table, row, cell, inline)."""
    document = new_document("Curriculum vitae of Maria Lindqvist")
    append_xml(
        document,
        sdt(
            para(run("Maria Lindqvist"), style="Heading1")
            + para(run("Port logistics analyst, Kessling harbour authority"))
            + para(run("maria.lindqvist@example.org, +46 31 555 0199")),
            "Contact",
        ),
    )
    append_xml(
        document,
        para(
            run("Prepared for "),
            sdt(run("the Arvel ferry tender board"), "Recipient"),
            run(" on "),
            sdt(run("12 March 2025"), "Date", date=True),
            run(", at their request."),
        ),
    )
    append_xml(document, para(run("Experience"), style="Heading2"))
    append_xml(
        document,
        table(
            "<w:tr>"
            + cell(para(run("2019 to now")))
            + cell(sdt(para(run("Senior analyst, freight forecasting for the quays")), "Role"))
            + "</w:tr>",
            sdt(
                "<w:tr>"
                + cell(para(run("2015 to 2019")))
                + cell(para(run("Planner, container yard scheduling in Lisvik")))
                + "</w:tr>",
                "Repeating role",
            ),
            "<w:tr>"
            + sdt(cell(para(run("2012 to 2015"))), "Years")
            + sdt(cell(para(run("Trainee, customs clearance at Port Arvel"))), "Trainee role")
            + "</w:tr>",
        ),
    )
    append_xml(document, para(run("Skills"), style="Heading2"))
    append_xml(
        document,
        sdt(
            para(run("Demand forecasting with seasonal models"), style="ListBullet")
            + para(run("Negotiating berth schedules with shipping lines"), style="ListBullet")
            + para(run("Swedish, Norwegian and English"), style="ListBullet"),
            "Skills",
        ),
    )
    document.add_paragraph("References are available on request.")
    document.save(str(path))


def text_boxes(path: Path) -> None:
    """A newsletter with two sidebars (DrawingML with a VML fallback) and one old VML box."""
    document = new_document("Harbour newsletter, spring edition")
    document.add_heading("Harbour newsletter", level=1)
    append_xml(
        document,
        para(
            text_box(
                [
                    para(run("At a glance"), style="Heading3"),
                    para(run("Forty-two vessels called at the northern quays in March.")),
                ],
                1,
            ),
            run("Spring brought the busiest month since the dredging works ended."),
        ),
    )
    document.add_paragraph(
        "Pilots report that the new channel markers make night arrivals far easier."
    )
    append_xml(
        document,
        para(text_box([para(run("Tide tables for April are pinned at the pilot station."))], 2)),
    )
    append_xml(
        document,
        para(
            vml_text_box([para(run("Archive note: the old lighthouse keeper retired in 1987."))]),
            run("The museum will reopen the lighthouse to visitors in June."),
        ),
    )
    document.save(str(path))


def notes(path: Path) -> None:
    """A briefing with two footnotes (one of two paragraphs) and an endnote, plus separators."""
    document = new_document("Ferry subsidy briefing")
    document.add_heading("Ferry subsidy briefing", level=1)
    append_xml(
        document,
        para(
            run("The regional council approved a subsidy for the Lisvik ferry on Tuesday."),
            note_ref("footnote", 1),
            run(" The subsidy covers two thirds of the operating cost for three years, and"),
            run(" the remaining third falls to the island municipality."),
        ),
    )
    append_xml(
        document,
        para(
            run("Critics argue that the"),
            run(" electric vessel"),
            note_ref("footnote", 2),
            run(" is untested in winter ice, while supporters point to a successful trial"),
            run(" on the Kessling route last year."),
            note_ref("endnote", 1),
        ),
    )
    document.add_paragraph(
        "The first sailing is planned for April, weather and crew training permitting, and"
        " the timetable will be reviewed after the first summer season."
    )
    document.save(str(path))
    add_parts(
        path,
        [
            (
                "word/footnotes.xml",
                WML + "footnotes+xml",
                "footnotes",
                notes_part(
                    "footnote",
                    {
                        1: ["Council minutes, item 14, published on the regional website."],
                        2: [
                            "Built by Lindmark Marine Engineering and leased for ten years.",
                            "The lease includes a replacement battery after five years.",
                        ],
                    },
                ),
            ),
            (
                "word/endnotes.xml",
                WML + "endnotes+xml",
                "endnotes",
                notes_part("endnote", {1: ["Kessling trial report, operator's summary, October."]}),
            ),
        ],
    )


def merged_cells(path: Path) -> None:
    """A schedule whose port names span rows (vMerge) and whose heading spans columns (gridSpan)."""
    document = new_document("Ferry schedule by port")
    document.add_paragraph("Sailings from each port this summer:")
    grid = document.add_table(rows=6, cols=3)
    grid.style = "Table Grid"
    grid.cell(0, 0).merge(grid.cell(0, 2)).text = "Summer sailings, June to August"
    rows = [
        ("Port", "Route", "Departures"),
        ("Lisvik", "to Arvel", "07:10 and 16:40"),
        ("", "to Kessling", "09:30"),
        ("Arvel", "to Lisvik", "08:20 and 18:00"),
        ("", "to Rugenholm", "12:15"),
    ]
    for row_index, values in enumerate(rows, start=1):
        for column, value in enumerate(values):
            if value:
                grid.cell(row_index, column).text = value
    grid.cell(2, 0).merge(grid.cell(3, 0))
    grid.cell(4, 0).merge(grid.cell(5, 0))
    document.add_paragraph("Timetables may change at short notice in bad weather.")
    document.save(str(path))


def revisions(path: Path) -> None:
    """A draft under review: insertions, deletions, a moved sentence, a comment, header, footer."""
    document = new_document("Draft statement on port tariffs")
    section = document.sections[0]
    section.header.paragraphs[0].text = "DRAFT, not for circulation"
    section.footer.paragraphs[0].text = "Lindmark port authority, internal review copy"
    document.add_heading("Statement on port tariffs", level=1)
    attrs = 'w:author="Ines Okafor" w:date="2025-03-10T10:00:00Z"'
    append_xml(
        document,
        para(
            run("The port authority will raise tariffs by "),
            f'<w:del w:id="1" {attrs}><w:r><w:delText>nine</w:delText></w:r></w:del>',
            f'<w:ins w:id="2" {attrs}>{run("four")}</w:ins>',
            run(" percent from the first of May."),
        ),
    )
    append_xml(
        document,
        para(
            f'<w:moveFrom w:id="3" {attrs}>{run("Fishing boats are exempt until autumn.")}'
            "</w:moveFrom>",
            run("Container lines were consulted in February."),
        ),
    )
    append_xml(
        document,
        para(
            run("Passenger ferries pay the old rate for one more year."),
            f'<w:moveTo w:id="4" {attrs}>{run(" Fishing boats are exempt until autumn.")}'
            "</w:moveTo>",
        ),
    )
    closing = document.add_paragraph()
    reviewed = closing.add_run("The board will review the tariffs in December.")
    document.add_comment(
        reviewed, text="Check whether the board meets in November instead.", author="Ines Okafor"
    )
    document.save(str(path))


FIXTURES = {
    "content-controls.docx": content_controls,
    "text-boxes.docx": text_boxes,
    "notes.docx": notes,
    "merged-cells.docx": merged_cells,
    "revisions.docx": revisions,
}
LIBREOFFICE_SOURCES = {
    "harbour-survey.docx": "harbour-survey.fodt",
    "chapter-notes.docx": "chapter-notes.fodt",
}
NO_TEXT_REFERENCE = {"chapter-notes.docx"}
"""Fixtures whose LibreOffice text export is no fair reference: LibreOffice re-reads
chapter-notes.docx's restarted footnotes as "0" and glues each mark to its word."""


ACCEPT_AND_EXPORT = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub AcceptedText(sIn As String, sOut As String)
  Dim aLoad(0) As New com.sun.star.beans.PropertyValue
  aLoad(0).Name = &quot;Hidden&quot;
  aLoad(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sIn), &quot;_blank&quot;, 0, aLoad())
  oDispatch = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  oDispatch.executeDispatch(oDoc.getCurrentController().getFrame(), _
    &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Dim aSave(1) As New com.sun.star.beans.PropertyValue
  aSave(0).Name = &quot;FilterName&quot;
  aSave(0).Value = &quot;Text (encoded)&quot;
  aSave(1).Name = &quot;FilterOptions&quot;
  aSave(1).Value = &quot;UTF8&quot;
  oDoc.storeToURL(ConvertToURL(sOut), aSave())
  oDoc.close(True)
End Sub
</script:module>
"""
"""LibreOffice Basic: open a document, accept all tracked changes, save it as UTF-8 text.

Its plain ``--convert-to txt`` keeps deleted text beside inserted text
("ninefour"); accepting first gives the document as Word shows it with No Markup."""


def soffice(profile: Path, *args: str) -> None:
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", *args],
        check=True,
        capture_output=True,
        timeout=300,
    )


def refresh_libreoffice_outputs() -> None:
    """harbour-survey.docx from its FODT, then every fixture's text export (NAME.lo.txt)."""
    with tempfile.TemporaryDirectory() as tmp:
        out, profile = Path(tmp), Path(tmp) / "profile"
        for target, source in LIBREOFFICE_SOURCES.items():
            soffice(profile, "--convert-to", "docx", "--outdir", str(out), str(HERE / source))
            (HERE / target).write_bytes((out / target).read_bytes())
        # A throw-away profile holding the macro, so the user's own is never touched.
        soffice(profile, "--terminate_after_init")
        (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(ACCEPT_AND_EXPORT)
        for name in [*FIXTURES, *LIBREOFFICE_SOURCES]:
            if name in NO_TEXT_REFERENCE:
                continue
            exported = out / Path(name).with_suffix(".txt").name
            macro = f'macro:///Standard.Module1.AcceptedText("{HERE / name}","{exported}")'
            soffice(profile, macro)
            text = exported.read_text("utf-8-sig")
            (HERE / name).with_suffix(".lo.txt").write_text(
                re.sub(r"[ \t]+\n", "\n", text), "utf-8"
            )


def main() -> None:
    for name, build in FIXTURES.items():
        build(HERE / name)
        print("wrote", name)
    if "--libreoffice" in sys.argv[1:]:
        refresh_libreoffice_outputs()
        print("refreshed the LibreOffice conversions and text exports")


if __name__ == "__main__":
    main()
