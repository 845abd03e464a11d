"""Writes the fixtures of the Word probe: markup Word writes whose text a reader lost.

    /work/main/.venv/bin/python tests/data/importers/docx/make_word_probe.py

python-docx plus raw XML (helpers from make_docx.py). deleted-rows.docx has table rows
deleted with Track Changes on (``w:trPr/w:del``), one whose text Word marked deleted too
and one whose text a generator left unmarked. smartart.docx has a SmartArt process
diagram whose words live only in its data part (word/diagrams/data1.xml). alt-chunks.docx
merges in an HTML page, a MIME HTML (.mht) page, plain text and another .docx through
``w:altChunk``, as report generators write them. word-art.docx has a cover titled in
WordArt, Word 2007's VML text path and Word 2010's DrawingML with a VML fallback.
equation-symbols.docx has equations whose brackets and n-ary signs are properties.
charts.docx has Word charts whose titles live in their chart parts.
"""

from __future__ import annotations

import io
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
            f"<w:tr>{deleted}"
            + cell(para(run("Night ferry")))
            + cell(para(run("23:40")))
            + "</w:tr>",
            "<w:tr>" + cell(para(run("Evening ferry"))) + cell(para(run("18:30"))) + "</w:tr>",
        ),
    )
    document.add_paragraph("Two sailings remain.")
    document.save(path)


_DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_DIAGRAM_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.diagram"


def _point(model: str, text: str | None, kind: str = "") -> str:
    """A SmartArt point as Word writes it; ``text`` None for one with no text body."""
    typed = f' type="{kind}"' if kind else ""
    runs = (
        f'<a:r><a:rPr lang="en-GB"/><a:t>{text}</a:t></a:r>'
        if text
        else '<a:endParaRPr lang="en-GB"/>'
    )
    body = f"<dgm:t><a:bodyPr/><a:lstStyle/><a:p>{runs}</a:p></dgm:t>" if text is not None else ""
    settings = '<dgm:prSet phldrT="[Text]"/><dgm:spPr/>'
    return f'<dgm:pt modelId="{{{model}}}"{typed}>{settings}{body}</dgm:pt>'


def _link(source: str, target: str, order: int, kind: str = "") -> str:
    typed = f' type="{kind}"' if kind else ""
    return (
        f'<dgm:cxn modelId="{{c{source}{target}}}"{typed} srcId="{{{source}}}"'
        f' destId="{{{target}}}" srcOrd="{order}" destOrd="0"/>'
    )


def smartart_parts() -> tuple[bytes, bytes]:
    """A "Basic Process" diagram with a bullet under its second step: the data part (in
    Word's order of creation, not the diagram's) and the drawing part Word caches."""
    points = (
        _point("0", None, "doc")
        + _point("3", "Pay the contractor")
        + _point("1", "Survey the basin")
        + _point("2", "Dredge the channel")
        + _point("4", "Night shifts only")
        + _point("5", "")  # a box left empty: Word shows "[Text]" only while editing
        + _point("6", None, "parTrans")
        + _point("7", None, "sibTrans")
        + _point("8", None, "pres")
    )
    links = (
        _link("0", "1", 0)
        + _link("0", "2", 1)
        + _link("0", "3", 2)
        + _link("0", "5", 3)
        + _link("2", "4", 0)
        + _link("1", "8", 0, "presOf")
    )
    data = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<dgm:dataModel xmlns:dgm="{_DGM}" xmlns:a="{_A}"><dgm:ptLst>{points}</dgm:ptLst>'
        f"<dgm:cxnLst>{links}</dgm:cxnLst>"
        "<dgm:bg/><dgm:whole/></dgm:dataModel>"
    )
    shapes = "".join(
        f'<dsp:sp modelId="{{s{n}}}"><dsp:txBody><a:bodyPr/><a:p><a:r><a:t>{text}</a:t></a:r></a:p>'
        "</dsp:txBody></dsp:sp>"
        for n, text in enumerate(["Survey the basin", "Dredge the channel", "Pay the contractor"])
    )
    drawing = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<dsp:drawing'
        ' xmlns:dsp="http://schemas.microsoft.com/office/drawing/2008/diagram"'
        f' xmlns:a="{_A}"><dsp:spTree>{shapes}</dsp:spTree></dsp:drawing>'
    )
    return data.encode(), drawing.encode()


def smartart(path: Path) -> None:
    document = new_document("Channel works")
    document.add_paragraph("The works run in three steps.")
    diagram = (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        '<wp:extent cx="5486400" cy="3200400"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:docPr id="1" name="Diagram 1"/><wp:cNvGraphicFramePr/><a:graphic>'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">'
        f'<dgm:relIds xmlns:dgm="{_DGM}" r:dm="rIdExtra1" r:lo="rIdExtra2" r:qs="rIdExtra3"'
        ' r:cs="rIdExtra4"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    )
    append_xml(document, para(diagram))
    append_xml(
        document,
        table(
            "<w:tr>"
            + cell(para(run("Step")))
            # Word copies a diagram with its own parts: this one's data is data2.xml
            + cell(
                para(
                    diagram.replace('id="1" name="Diagram 1"', 'id="2" name="Diagram 2"').replace(
                        'r:dm="rIdExtra1"', 'r:dm="rIdExtra6"'
                    )
                )
            )
            + "</w:tr>"
        ),
    )
    document.add_paragraph("Each step is costed below.")
    document.save(path)
    data, drawing = smartart_parts()
    kinds = ("Layout", "Style", "Colors")
    add_parts(
        path,
        [
            ("word/diagrams/data1.xml", f"{_DIAGRAM_TYPE}Data+xml", "diagramData", data),
            *(
                (
                    f"word/diagrams/{kind.lower()}1.xml",
                    f"{_DIAGRAM_TYPE}{kind}+xml",
                    f"diagram{kind}",
                    b"<x/>",
                )
                for kind in kinds
            ),
            (
                "word/diagrams/drawing1.xml",
                "application/vnd.ms-office.drawingml.diagramDrawing+xml",
                "diagramDrawing",
                drawing,
            ),
            ("word/diagrams/data2.xml", f"{_DIAGRAM_TYPE}Data+xml", "diagramData", data),
        ],
    )


_MHT = """MIME-Version: 1.0
Content-Type: multipart/related;
    type="text/html";
    boundary="----=mhtDocumentPart"


------=mhtDocumentPart
Content-Type: text/html;
    charset="utf-8"
Content-Transfer-Encoding: quoted-printable
Content-Location: file:///C:/fake/document.html

<!DOCTYPE html><html><head><meta charset=3D"utf-8"><title>Export</title></head><body>=
<h2>Pilotage fees</h2><p>Fees rise by four per cent from May, the board =
decided.</p></body></html>

------=mhtDocumentPart--
"""
"""A chunk as html-docx-js writes one: MIME HTML, quoted-printable."""


def alt_chunks(path: Path) -> None:
    """A generated report: a Word heading, then chunks in each format generators write."""
    inner = new_document("Appendix")
    inner.add_paragraph("Appendix: berth counts by quay were checked twice.")
    inner.add_table(rows=1, cols=2)
    inner.tables[0].rows[0].cells[0].text = "North quay"
    inner.tables[0].rows[0].cells[1].text = "14 berths"
    nested = io.BytesIO()
    inner.save(nested)
    document = new_document("Port report")
    document.add_heading("Port report", level=1)
    for index in range(1, 6):
        append_xml(document, f'<w:altChunk r:id="rIdExtra{index}"/>')
    append_xml(
        document,
        table("<w:tr>" + cell('<w:altChunk r:id="rIdExtra6"/>', para()) + "</w:tr>", columns=1),
    )
    document.add_paragraph("End of the generated report.")
    document.save(path)
    html = (
        "<html><body><h1>Harbour traffic</h1><p>Calls rose to 412 in March.</p>"
        "<table><tr><td>Ferries</td><td>301</td></tr><tr><td>Cargo</td><td>111</td></tr>"
        "</table></body></html>"
    )
    word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    add_parts(
        path,
        [
            ("word/chunk1.html", "text/html", "aFChunk", html.encode()),
            ("word/afchunk.mht", "message/rfc822", "aFChunk", _MHT.encode()),
            ("word/notes.txt", "text/plain", "aFChunk", b"Plain note one.\n\nPlain note two."),
            ("word/appendix.docx", word, "aFChunk", nested.getvalue()),
            ("word/legacy.rtf", "application/rtf", "aFChunk", rb"{\rtf1\ansi Sturgeon text.}"),
            ("word/cell.htm", "text/html", "aFChunk", b"<p>Chunk in a cell.</p>"),
        ],
    )


def _word_art_vml(text: str, shape: int) -> str:
    """WordArt as Word 2007 (or a later Word in compatibility mode) writes it: VML only."""
    return (
        '<w:r><w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136"'
        ' adj="10800" path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t"'
        ' o:connecttype="custom"/><v:textpath on="t" fitshape="t"/></v:shapetype>'
        f'<v:shape id="_x0000_s10{shape}" type="#_x0000_t136" style="position:absolute;'
        'width:396pt;height:51pt;z-index:1" fillcolor="#1f3864" stroked="f">'
        '<v:textpath style="font-family:&quot;Arial Black&quot;;v-text-kern:t" trim="t"'
        f' fitpath="t" string="{text}"/></v:shape></w:pict></w:r>'
    )


def word_art(path: Path) -> None:
    """A cover page titled in WordArt, twice: Word 2007's VML shape, and Word 2010's
    DrawingML one (a text box) whose VML fallback repeats the words as a text path."""
    document = new_document("")
    append_xml(document, para(_word_art_vml("Coastal Shipping Outlook", 1)))
    modern = text_box([para(run("Second Edition"))], 2).replace(
        "<v:textbox><w:txbxContent>",
        '<v:textpath string="Second Edition"/><v:textbox><w:txbxContent>',
    )
    append_xml(document, para(modern, run("Prepared for the harbour board.")))
    document.add_paragraph("Freight volumes held steady through the winter.")
    document.save(path)


_OMML = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'


def _m(text: str) -> str:
    return f"<m:r><m:t>{text}</m:t></m:r>"


def equation_symbols(path: Path) -> None:
    """Equations whose brackets and signs Word keeps as properties, not text: a default
    bracket, a sum with limits, an interval in square brackets with a comma between, a
    square root."""
    document = new_document("Growth model")
    power = (
        f"<m:oMath {_OMML}><m:sSup><m:e><m:d><m:dPr/><m:e>{_m('1+g')}</m:e></m:d></m:e>"
        f"<m:sup>{_m('t')}</m:sup></m:sSup></m:oMath>"
    )
    total = (
        f'<m:oMath {_OMML}>{_m("T=")}<m:nary><m:naryPr><m:chr m:val="\u2211"/></m:naryPr>'
        f"<m:sub>{_m('i=1')}</m:sub><m:sup>{_m('n')}</m:sup><m:e>{_m('q')}</m:e></m:nary></m:oMath>"
    )
    interval = (
        f'<m:oMath {_OMML}><m:d><m:dPr><m:begChr m:val="["/><m:sepChr m:val=","/>'
        f'<m:endChr m:val="]"/></m:dPr><m:e>{_m("a")}</m:e><m:e>{_m("b")}</m:e></m:d></m:oMath>'
    )
    append_xml(document, para(run("Capacity grows as "), power, run(" each year.")))
    append_xml(document, para(run("Traffic sums to "), total, run(" over the berths.")))
    root = (
        f'<m:oMath {_OMML}><m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/>'
        f"<m:e>{_m('2A')}</m:e></m:rad></m:oMath>"
    )
    append_xml(document, para(run("Draughts lie in "), interval, run(" metres.")))
    append_xml(document, para(run("The side is "), root, run(" metres.")))
    document.save(path)


_CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def _chart_part(title: str, series: list[str]) -> bytes:
    """A bar chart part; ``title`` is its c:title: "" none, "auto" one with no text."""
    rich = (
        f"<c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>{title}</a:t></a:r></a:p></c:rich></c:tx>"
        if title not in ("", "auto")
        else ""
    )
    heading = f'<c:title>{rich}<c:overlay val="0"/></c:title>' if title else ""
    deleted = '<c:autoTitleDeleted val="1"/>' if not title else ""
    bars = "".join(
        f'<c:ser><c:idx val="{n}"/><c:order val="{n}"/><c:tx><c:strRef><c:f>Sheet1!$B$1</c:f>'
        f'<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{name}</c:v></c:pt></c:strCache>'
        "</c:strRef></c:tx></c:ser>"
        for n, name in enumerate(series)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{_CHART_NS}" xmlns:a="{_A}"><c:chart>{heading}{deleted}'
        f'<c:plotArea><c:barChart><c:barDir val="col"/>{bars}</c:barChart></c:plotArea>'
        "</c:chart></c:chartSpace>"
    ).encode()


def _chart(index: int) -> str:
    return (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="5486400" cy="3200400"/><wp:docPr id="{index}" name="Chart {index}"/>'
        "<wp:cNvGraphicFramePr/><a:graphic>"
        f'<a:graphicData uri="{_CHART_NS}"><c:chart xmlns:c="{_CHART_NS}"'
        f' r:id="rIdExtra{index}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    )


def charts(path: Path) -> None:
    """Charts made in Word (Insert > Chart): one with its own title, one whose title Word
    takes from its only series, one with its title deleted."""
    document = new_document("Freight charts")
    document.add_paragraph("Freight by quay is charted below.")
    for index in (1, 2, 3):
        append_xml(document, para(_chart(index)))
    document.add_paragraph("The charts use harbour data.")
    document.save(path)
    kind = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    parts = [
        _chart_part("Containers by quay, 2025", ["North", "South"]),
        _chart_part("auto", ["Bulk tonnage"]),
        _chart_part("", ["Ferries", "Tankers"]),
    ]
    add_parts(
        path,
        [(f"word/charts/chart{n}.xml", kind, "chart", data) for n, data in enumerate(parts, 1)],
    )


FIXTURES = {
    "deleted-rows.docx": deleted_rows,
    "smartart.docx": smartart,
    "alt-chunks.docx": alt_chunks,
    "word-art.docx": word_art,
    "equation-symbols.docx": equation_symbols,
    "charts.docx": charts,
}


def main() -> None:
    for name, build in FIXTURES.items():
        build(HERE / name)
        print("wrote", name)


if __name__ == "__main__":
    main()
