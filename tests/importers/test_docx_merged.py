"""Merged-in documents (altChunk), SmartArt, charts and WordArt in hostile or unusual Word
files: each part's words once, within the file's limits; a damaged drawing costs only its
own words; merged notes in the one Notes section; hidden drawings and deleted rows gone;
the import report says why a chunk was left out.

Each file is built here with zipfile, its body exactly the WordprocessingML given.
"""

from __future__ import annotations

import io
import logging
import zipfile
from typing import Any

import pytest
from PIL import Image

import briefer.importers.docx as docx_module
from briefer.core.model import Article, BlockKind
from briefer.importers.base import Deadline, ImportLimits, ImportRejected
from briefer.importers.docx import DocxImporter
from tests.importers.word_markup import shape

_NS = " ".join(
    f'xmlns:{prefix}="{uri}"'
    for prefix, uri in (
        ("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
        ("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
        ("v", "urn:schemas-microsoft-com:vml"),
        ("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        ("dgm", "http://schemas.openxmlformats.org/drawingml/2006/diagram"),
        ("c", "http://schemas.openxmlformats.org/drawingml/2006/chart"),
    )
)
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_HTML = '<Default Extension="html" ContentType="text/html"/>'
_DOCX = f'<Default Extension="docx" ContentType="{_DOCX_TYPE}"/>'
_DEL_MARK = (
    '<w:pPr><w:rPr><w:del w:id="9" w:author="R" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr>'
)
_DEL_ROW = '<w:trPr><w:del w:id="5" w:author="R" w:date="2026-01-01T00:00:00Z"/></w:trPr>'
_HIDDEN = "<w:rPr><w:vanish/></w:rPr>"


def p(text: str, inside: str = "") -> str:
    return f'<w:p>{inside}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def docx(
    body: str,
    rels: tuple[tuple[str, str, str, bool], ...] = (),
    parts: dict[str, bytes | str] | None = None,
    types: str = "",
    footnotes: str | None = None,
) -> bytes:
    """A .docx of ``body``; ``rels`` (id, type, target, external) from the document."""
    buffer = io.BytesIO()
    rels += (("rIdFn", "footnotes", "footnotes.xml", False),) if footnotes is not None else ()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{types}</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1"'
            f' Type="{_OFFICE}/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/document.xml", f"<w:document {_NS}><w:body>{body}</w:body></w:document>"
        )
        listed = "".join(
            f'<Relationship Id="{rel_id}" Type="{_OFFICE}/{kind}" Target="{target}"'
            + (' TargetMode="External"/>' if external else "/>")
            for rel_id, kind, target, external in rels
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            f'<Relationships xmlns="{_PACKAGE}">{listed}</Relationships>',
        )
        if footnotes is not None:
            archive.writestr("word/footnotes.xml", f"<w:footnotes {_NS}>{footnotes}</w:footnotes>")
        for name, data in (parts or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def read(data: bytes, limits: ImportLimits | None = None) -> tuple[Article, tuple[str, ...]]:
    return DocxImporter().extract_with_warnings(data, "report.docx", limits or ImportLimits())


def chunk_at(rel_id: str) -> str:
    return f'<w:altChunk r:id="{rel_id}"/>'


def footnote(note_id: int, text: str) -> str:
    return f'<w:footnote w:id="{note_id}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'


def cite(note_id: int) -> str:
    return f'<w:r><w:footnoteReference w:id="{note_id}"/></w:r>'


def diagram(rel_id: str, extra: str = "", run_properties: str = "") -> str:
    return f'<w:r>{run_properties}<w:drawing><dgm:relIds r:dm="{rel_id}"{extra}/></w:drawing></w:r>'


def chart(rel_id: str, run_properties: str = "") -> str:
    return f'<w:r>{run_properties}<w:drawing><c:chart r:id="{rel_id}"/></w:drawing></w:r>'


def word_art(words: str, run_properties: str = "") -> str:
    shape = f'<v:shape><v:textpath string="{words}"/></v:shape>'
    return f"<w:r>{run_properties}<w:pict>{shape}</w:pict></w:r>"


def picture(rel_id: str) -> str:
    return f'<w:r><w:drawing><a:blip r:embed="{rel_id}"/></w:drawing></w:r>'


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 40), (30, 90, 160)).save(out, format="PNG")
    return out.getvalue()


def diagram_data(*boxes: str) -> str:
    points = "".join(
        f'<dgm:pt modelId="{n}"><dgm:t><a:p><a:r><a:t>{text}</a:t></a:r></a:p></dgm:t></dgm:pt>'
        for n, text in enumerate(boxes)
    )
    return f"<dgm:dataModel {_NS}><dgm:ptLst>{points}</dgm:ptLst></dgm:dataModel>"


def chart_part(title: str) -> str:
    return (
        f"<c:chartSpace {_NS}><c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>{title}</a:t>"
        "</a:r></a:p></c:rich></c:tx></c:title></c:chart></c:chartSpace>"
    )


# 1. Each part's words once, however often it is referenced.


def test_a_chunk_referenced_again_and_again_is_merged_in_once() -> None:
    """300 references to one 100 kB page would add 30 million characters."""
    page = "<p>" + "berth " * 20_000 + "</p>"
    body = p("Intro.") + chunk_at("rC") * 300 + p("End.")
    article, warnings = read(
        docx(body, (("rC", "aFChunk", "annex.html", False),), {"word/annex.html": page}, _HTML)
    )
    assert [article.block_text(b).count("berth") for b in article.blocks] == [0, 20_000, 0]
    assert warnings == ()


def test_a_diagram_referenced_again_even_with_other_attributes_gives_its_words_once() -> None:
    """The part is what counts: references differing in an unused attribute (``r:lo``)
    are the same diagram."""
    refs = "".join(diagram("rD", f' r:lo="x{n}"') for n in range(40)) + diagram("rD") * 40
    body = p("Steps:") + f"<w:p>{refs}</w:p>" + p("End.")
    data = diagram_data("Survey", "Dredge")
    article, _ = read(
        docx(
            body,
            (("rD", "diagramData", "diagrams/data1.xml", False),),
            {"word/diagrams/data1.xml": data},
        )
    )
    assert shape(article) == [
        (BlockKind.PARAGRAPH, 0, "Steps:"),
        (BlockKind.LIST_ITEM, 1, "Survey"),
        (BlockKind.LIST_ITEM, 1, "Dredge"),
        (BlockKind.PARAGRAPH, 0, "End."),
    ]


class _Counting(Deadline):
    """A deadline that counts how often it is checked."""

    checks = 0

    def check(self) -> None:
        _Counting.checks += 1


def test_the_time_limit_is_checked_at_every_reference_to_a_part_read_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A part read once is not re-read at its other references, but each one still checks
    the time: a hostile body may hold millions of them."""
    monkeypatch.setattr(docx_module, "Deadline", _Counting)
    checks = []
    for references in (10, 50):
        file = docx(
            p("Intro.") + f"<w:p>{diagram('rD') * references}</w:p>" + chunk_at("rC") * references,
            (
                ("rD", "diagramData", "diagrams/data1.xml", False),
                ("rC", "aFChunk", "annex.html", False),
            ),
            {"word/diagrams/data1.xml": diagram_data("Survey"), "word/annex.html": "<p>Annex</p>"},
            _HTML,
        )
        _Counting.checks = 0
        read(file)
        checks.append(_Counting.checks)
    assert checks[1] - checks[0] >= 2 * 40


def test_text_merged_in_beyond_what_the_file_may_unpack_to_refuses_it() -> None:
    """Text a merged .docx adds counts against one budget for the whole import: the
    words of its own chunks, then the merged document as a whole (so twice here)."""
    inner = docx(
        p("Inner.") + chunk_at("rC"),
        (("rC", "aFChunk", "annex.html", False),),
        {"word/annex.html": "<p>" + "quay " * 20_000 + "</p>"},
        _HTML,
    )
    rels = (("rD", "aFChunk", "c.docx", False),)
    file = docx(p("Intro.") + chunk_at("rD"), rels, {"word/c.docx": inner}, _DOCX)
    article, _ = read(file, ImportLimits(max_unpacked_bytes=250_000))
    assert article.text.count("quay") == 20_000
    with pytest.raises(ImportRejected, match="merges in more text from embedded documents"):
        read(file, ImportLimits(max_unpacked_bytes=150_000))


# 2. Merged parts within the file's limits.


def test_a_merged_part_larger_than_a_whole_file_may_be_is_left_out() -> None:
    page = "<p>" + "quay " * 30_000 + "</p>"
    body = p("Intro.") + chunk_at("rC") + p("End.")
    file = docx(body, (("rC", "aFChunk", "annex.html", False),), {"word/annex.html": page}, _HTML)
    article, warnings = read(file, ImportLimits(max_bytes=100_000))
    assert article.text == "Intro.\n\nEnd."
    (warning,) = warnings
    assert "an embedded document larger than a whole file may be" in warning


def test_merged_documents_share_one_unpacking_limit_with_the_file() -> None:
    """Each merged .docx fits the limit on its own; together they may not unpack past it."""
    inner = docx(p("Merged line.") * 4_000)
    with zipfile.ZipFile(io.BytesIO(inner)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    rels = tuple((f"r{n}", "aFChunk", f"c{n}.docx", False) for n in range(4))
    parts: dict[str, bytes | str] = {f"word/c{n}.docx": inner for n in range(4)}
    file = docx(p("Intro.") + "".join(chunk_at(f"r{n}") for n in range(4)), rels, parts, _DOCX)
    article, warnings = read(file, ImportLimits(max_unpacked_bytes=int(unpacked * 2.5)))
    assert article.text.count("Merged line.") == 2 * 4_000
    (warning,) = warnings
    assert warning.startswith("report.docx: 2 embedded documents larger than a whole file may be")


# 3. A damaged drawing part costs only its own words.


@pytest.mark.parametrize(
    ("reference", "kind", "member", "damaged"),
    [
        (chart("rX"), "chart", "word/charts/chart1.xml", b"<c:chartSpace xmlns:c='x'><c:chart>"),
        (diagram("rX"), "diagramData", "word/diagrams/data1.xml", b"<dgm:dataModel"),
        (
            diagram("rX"),
            "diagramData",
            "word/diagrams/data1.xml",
            b"<?xml version='1.0'?><a>\xff\xfe</a>",
        ),
    ],
    ids=["truncated chart", "undefined prefix", "bad encoding"],
)
def test_a_damaged_chart_or_diagram_part_leaves_the_rest_of_the_document(
    reference: str, kind: str, member: str, damaged: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    body = p("Freight rose.") + f"<w:p>{reference}</w:p>" + p("Ten pages of analysis follow.")
    target = member.removeprefix("word/")
    with caplog.at_level(logging.WARNING):
        article, _ = read(docx(body, (("rX", kind, target, False),), {member: damaged}))
    assert article.text == "Freight rose.\n\nTen pages of analysis follow."
    assert "could not be read" in caplog.text


# 4. A merged document's notes.


def test_a_merged_document_s_notes_continue_the_numbering_in_the_one_notes_section() -> None:
    inner = docx(
        f"<w:p><w:r><w:t>Merged claim.</w:t></w:r>{cite(1)}</w:p>" + p("Merged closing line."),
        footnotes=footnote(1, "Merged source note."),
    )
    body = (
        f"<w:p><w:r><w:t>Outer claim.</w:t></w:r>{cite(1)}</w:p>"
        + chunk_at("rC")
        + f"<w:p><w:r><w:t>Outer conclusion.</w:t></w:r>{cite(2)}</w:p>"
    )
    article, _ = read(
        docx(
            body,
            (("rC", "aFChunk", "chunk.docx", False),),
            {"word/chunk.docx": inner},
            _DOCX,
            footnotes=footnote(1, "Outer source note.") + footnote(2, "Outer closing note."),
        )
    )
    assert shape(article) == [
        (BlockKind.PARAGRAPH, 0, "Outer claim.[1]"),
        (BlockKind.PARAGRAPH, 0, "Merged claim.[2]"),
        (BlockKind.PARAGRAPH, 0, "Merged closing line."),
        (BlockKind.PARAGRAPH, 0, "Outer conclusion.[3]"),
        (BlockKind.HEADING, 1, "Notes"),
        (BlockKind.PARAGRAPH, 0, "[1] Outer source note."),
        (BlockKind.PARAGRAPH, 0, "[2] Merged source note."),
        (BlockKind.PARAGRAPH, 0, "[3] Outer closing note."),
    ]


def test_a_merged_document_s_pictures_are_kept_where_it_is_merged_in() -> None:
    """Where the merged document begins (after "Intro.", as a picture of the file's own
    there would be): its own offsets count in the merged text, not the article's."""
    inner = docx(
        p("Merged text.") + f"<w:p>{picture('rP')}</w:p>",
        (("rP", "image", "media/image1.png", False),),
        {"word/media/image1.png": png()},
    )
    rels = (("rC", "aFChunk", "chunk.docx", False),)
    file = docx(p("Intro.") + chunk_at("rC") + p("End."), rels, {"word/chunk.docx": inner}, _DOCX)
    article, _ = read(file)
    assert [(image.width, image.offset) for image in article.images] == [(64, len("Intro."))]


# 5. Order around a paragraph whose mark is deleted.


def test_a_chunk_after_a_paragraph_with_a_deleted_mark_comes_after_its_text() -> None:
    """With nothing to join before the merged document, the paragraph stays one of its own,
    where it stands, as before a table."""
    page = "<p>Annex: berth counts by quay.</p>"
    body = (
        p("Before.")
        + p("The annex below was checked twice.", _DEL_MARK)
        + chunk_at("rC")
        + p("After.")
    )
    article, _ = read(
        docx(body, (("rC", "aFChunk", "annex.html", False),), {"word/annex.html": page}, _HTML)
    )
    assert article.text.split("\n\n") == [
        "Before.",
        "The annex below was checked twice.",
        "Annex: berth counts by quay.",
        "After.",
    ]


_TEXT_BOX = (
    "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
    + p("Sidebar: the strike ended.")
    + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
)


def _joined(anchored: str) -> str:
    return (
        p("Before.")
        + f"<w:p>{_DEL_MARK}"
        + f'<w:r><w:t xml:space="preserve">Port talks resume on</w:t></w:r>{anchored}</w:p>'
        + p(" 3 March.")
        + p("After.")
    )


def test_a_text_box_in_a_paragraph_joined_to_the_next_follows_the_joined_text() -> None:
    """Accepted, the deleted mark joins the two paragraphs; the text box floats beside them."""
    article, _ = read(docx(_joined(_TEXT_BOX)))
    assert article.text.split("\n\n") == [
        "Before.",
        "Port talks resume on 3 March.",
        "Sidebar: the strike ended.",
        "After.",
    ]


def test_drawings_in_a_paragraph_joined_to_the_next_follow_the_joined_text() -> None:
    article, _ = read(docx(_joined(_TEXT_BOX + word_art("URGENT"))))
    assert article.text.split("\n\n") == [
        "Before.",
        "Port talks resume on 3 March.",
        "URGENT",
        "Sidebar: the strike ended.",
        "After.",
    ]


# 6. Hidden drawings.


def test_drawings_formatted_hidden_are_not_read() -> None:
    """Word neither shows nor prints WordArt, a chart or a diagram in a hidden run."""
    body = (
        p("Visible text.")
        + f"<w:p>{word_art('DRAFT ONLY', _HIDDEN)}{chart('rCh', _HIDDEN)}"
        + diagram("rD", run_properties=_HIDDEN)
        + f"{word_art('SHOWN')}</w:p>"
        + p("End.")
    )
    rels = (
        ("rCh", "chart", "charts/chart1.xml", False),
        ("rD", "diagramData", "diagrams/data1.xml", False),
    )
    parts: dict[str, bytes | str] = {
        "word/charts/chart1.xml": chart_part("Old forecast"),
        "word/diagrams/data1.xml": diagram_data("Hidden step"),
    }
    article, _ = read(docx(body, rels, parts))
    assert article.text.split("\n\n") == ["Visible text.", "SHOWN", "End."]


# 7. A deleted table row has no side effects.


def _row(*cells: str, properties: str = "") -> str:
    return "<w:tr>" + properties + "".join(f"<w:tc>{cell}</w:tc>" for cell in cells) + "</w:tr>"


def test_a_deleted_row_s_footnote_is_neither_numbered_nor_listed() -> None:
    table = (
        "<w:tbl>"
        + _row(p("Sailing"), p("Departs"))
        + _row(
            f"<w:p><w:r><w:t>Night ferry</w:t></w:r>{cite(1)}</w:p>",
            p("23:40"),
            properties=_DEL_ROW,
        )
        + _row(p("Evening ferry"), p("18:30"))
        + "</w:tbl>"
    )
    body = table + f"<w:p><w:r><w:t>Two sailings remain.</w:t></w:r>{cite(2)}</w:p>"
    article, _ = read(
        docx(body, footnotes=footnote(1, "Night ferry cancelled.") + footnote(2, "Timetable."))
    )
    assert shape(article) == [
        (BlockKind.TABLE_ROW, 0, "Sailing | Departs"),
        (BlockKind.TABLE_ROW, 0, "Evening ferry | 18:30"),
        (BlockKind.PARAGRAPH, 0, "Two sailings remain.[1]"),
        (BlockKind.HEADING, 1, "Notes"),
        (BlockKind.PARAGRAPH, 0, "[1] Timetable."),
    ]


def test_a_deleted_row_s_picture_is_not_kept() -> None:
    table = (
        "<w:tbl>"
        + _row(p("Map"), f"<w:p>{picture('rP')}</w:p>", properties=_DEL_ROW)
        + _row(p("Quay"), p("North"))
        + "</w:tbl>"
    )
    rels = (("rP", "image", "media/image1.png", False),)
    article, _ = read(docx(table + p("Body."), rels, {"word/media/image1.png": png()}))
    assert article.images == ()
    assert article.text == "Quay | North\n\nBody."


def test_a_deleted_row_s_title_is_not_the_article_s() -> None:
    styles = (
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>'
    )
    title = '<w:pPr><w:pStyle w:val="Title"/></w:pPr>'
    table = (
        "<w:tbl>"
        + _row(p("Draft title withdrawn by legal", title), properties=_DEL_ROW)
        + _row(p("Harbour board, March 2026"))
        + "</w:tbl>"
    )
    body = table + p("Body text of the report.")
    article, _ = read(
        docx(body, (("rS", "styles", "styles.xml", False),), {"word/styles.xml": styles})
    )
    assert "withdrawn" not in article.title + article.text
    assert article.text == "Harbour board, March 2026\n\nBody text of the report."


# 8. The report's reasons.


def test_the_report_names_each_reason_chunks_were_left_out() -> None:
    """Linked or missing, damaged .docx, RTF: each its own sentence; a merged .docx with
    no text loses nothing and is not mentioned."""
    rels = (
        ("r1", "aFChunk", "file:///etc/passwd", True),
        ("r2", "aFChunk", "missing.html", False),
        ("r3", "aFChunk", "broken.docx", False),
        ("r4", "aFChunk", "empty.docx", False),
        ("r5", "aFChunk", "old.rtf", False),
    )
    parts: dict[str, bytes | str] = {
        "word/broken.docx": b"PK\x03\x04garbage",
        "word/empty.docx": docx(""),
        "word/old.rtf": r"{\rtf1 Sturgeon}",
    }
    body = p("Text.") + "".join(chunk_at(f"r{n}") for n in range(1, 6))
    article, warnings = read(docx(body, rels, parts, _DOCX))
    assert article.text == "Text."
    assert [warning.split(" (Word's")[0] for warning in warnings] == [
        "report.docx: 2 embedded documents linked from outside the file or missing from it",
        "report.docx: an embedded document that is a damaged Word document",
        "report.docx: an embedded document in RTF or XML",
    ]


def test_a_body_of_chunks_left_out_is_refused_with_the_true_reason() -> None:
    body = chunk_at("r1")
    with pytest.raises(ImportRejected, match=r"left out \(one that is a damaged Word document\)"):
        read(
            docx(
                body,
                (("r1", "aFChunk", "broken.docx", False),),
                {"word/broken.docx": b"PK\x03\x04x"},
                _DOCX,
            )
        )


class _Expiring(Deadline):
    """A deadline that has passed while a merged document is being read (and only then, so
    that only the merged document's reading can notice it)."""

    expired = False

    def check(self) -> None:
        if _Expiring.expired:
            raise ImportRejected("Reading report.docx took too long.")


def test_running_out_of_time_in_a_merged_document_stops_the_whole_import(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    merged_word = docx_module._merged_word

    def timed(*args: Any) -> Any:
        _Expiring.expired = True
        found = merged_word(*args)
        _Expiring.expired = False  # reached only when the merged reading swallowed it
        return found

    monkeypatch.setattr(docx_module, "Deadline", _Expiring)
    monkeypatch.setattr(docx_module, "_merged_word", timed)
    _Expiring.expired = False
    inner = docx(p("Merged line."))
    rels = (("rC", "aFChunk", "c.docx", False),)
    file = docx(p("Intro.") + chunk_at("rC") + p("End."), rels, {"word/c.docx": inner}, _DOCX)
    with pytest.raises(ImportRejected, match="took too long"):
        read(file)
