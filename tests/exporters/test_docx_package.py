"""The Word package around the body, read back from the zip: what makes it look born in Word."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Pt

import briefer
from briefer.core.record import replace
from briefer.exporters.document import (
    Block,
    BlockKind,
    ExportDocument,
    Footnote,
    Run,
    RunKind,
)
from briefer.exporters.docx import export_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
APP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


def _xml(path: Path, name: str) -> ET.Element:
    with zipfile.ZipFile(path) as archive:
        return ET.fromstring(archive.read(name))


def _names(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as archive:
        return set(archive.namelist())


def _export(document: ExportDocument, tmp_path: Path, name: str = "note.docx", **kw) -> Path:
    target = tmp_path / name
    export_docx(document, target, **kw)
    return target


def _compat_mode(path: Path) -> str | None:
    settings = _xml(path, "word/settings.xml")
    for setting in settings.iter(f"{W}compatSetting"):
        if setting.get(f"{W}name") == "compatibilityMode":
            return setting.get(f"{W}val")
    return None


def test_word_opens_it_in_its_current_mode_and_names_briefer(
    document: ExportDocument, tmp_path: Path
) -> None:
    exported = _export(document, tmp_path)
    assert _compat_mode(exported) == "15"
    app = _xml(exported, "docProps/app.xml")
    assert app.findtext(f"{APP}Application") == f"Briefer {briefer.__version__}"
    # The template's counts (1 page, 0 words) would be wrong for any note.
    assert app.find(f"{APP}Words") is None and app.find(f"{APP}Pages") is None


def test_no_blank_thumbnail_and_content_types_match_the_parts(
    document: ExportDocument, tmp_path: Path
) -> None:
    exported = _export(document, tmp_path)
    names = _names(exported)
    assert not any("thumbnail" in n for n in names)
    root_rels = _xml(exported, "_rels/.rels")
    assert RT.THUMBNAIL not in {r.get("Type") for r in root_rels.iter(f"{RELS}Relationship")}
    types = _xml(exported, "[Content_Types].xml")
    overrides = {o.get("PartName").lstrip("/") for o in types.iter(f"{CT}Override")}
    defaults = {d.get("Extension").lower() for d in types.iter(f"{CT}Default")}
    assert overrides <= names  # no content type for a part that is not there
    for name in names - {"[Content_Types].xml"}:
        assert name in overrides or name.rsplit(".", 1)[-1].lower() in defaults, name
    # Every relationship points at a part that is in the zip.
    for rels_name in (n for n in names if n.endswith(".rels")):
        folder = posixpath.dirname(posixpath.dirname(rels_name))
        for rel in _xml(exported, rels_name).iter(f"{RELS}Relationship"):
            if rel.get("TargetMode") != "External":
                target = posixpath.normpath(posixpath.join(folder, rel.get("Target")))
                assert target.lstrip("/") in names, (rels_name, rel.get("Target"))


def test_table_of_contents_is_updated_on_open(document: ExportDocument, tmp_path: Path) -> None:
    settings = _xml(_export(document, tmp_path, table_of_contents=True), "word/settings.xml")
    update = settings.find(f"{W}updateFields")
    assert update is not None and update.get(f"{W}val") == "true"
    # Without a TOC nothing needs updating, and Word would ask the analyst for nothing.
    plain = _xml(_export(document, tmp_path, "plain.docx"), "word/settings.xml")
    assert plain.find(f"{W}updateFields") is None
    # Schema order: updateFields before compat, which Word (not LibreOffice) insists on.
    tags = [child.tag for child in settings]
    assert tags.index(f"{W}updateFields") < tags.index(f"{W}compat")


def _page(path: Path) -> tuple[str | None, str | None]:
    size = _xml(path, "word/document.xml").find(f"{W}body/{W}sectPr/{W}pgSz")
    assert size is not None
    return size.get(f"{W}w"), size.get(f"{W}h")


def _language(path: Path) -> str | None:
    lang = _xml(path, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    return None if lang is None else lang.get(f"{W}val")


def test_a4_and_british_english_by_default(document: ExportDocument, tmp_path: Path) -> None:
    exported = _export(document, tmp_path)
    assert _page(exported) == ("11906", "16838")
    assert _language(exported) == "en-GB"
    theme = _xml(exported, "word/settings.xml").find(f"{W}themeFontLang")
    assert theme is not None and theme.get(f"{W}val") == "en-GB"


def test_letter_and_another_language_when_asked(document: ExportDocument, tmp_path: Path) -> None:
    exported = _export(document, tmp_path, page_size="Letter", language="en-US")
    assert _page(exported) == ("12240", "15840")
    assert _language(exported) == "en-US"


def test_a_reference_document_keeps_its_page_and_language_unless_told(
    document: ExportDocument, tmp_path: Path
) -> None:
    reference = docx.Document()
    section = reference.sections[0]
    section.page_width, section.page_height = docx.shared.Mm(176), docx.shared.Mm(250)  # B5
    reference_path = tmp_path / "b5.docx"
    reference.save(str(reference_path))
    kept = _export(document, tmp_path, reference_doc=reference_path)
    assert _page(kept) == _page(reference_path)
    assert _language(kept) == _language(reference_path)
    told = _export(document, tmp_path, "a4.docx", reference_doc=reference_path, page_size="A4")
    assert _page(told) == ("11906", "16838")


def _paragraph_with(body: ET.Element, text: str) -> ET.Element:
    for p in body.iter(f"{W}p"):
        if text in "".join(t.text or "" for t in p.iter(f"{W}t")):
            return p
    raise AssertionError(f"no paragraph holds {text!r}")


def test_right_to_left_paragraphs_are_marked_bidi(document: ExportDocument, tmp_path: Path) -> None:
    extra = (
        Block(BlockKind.PARAGRAPH, (Run(RunKind.TEXT, "قال الوزير إن الاتفاق جيد"),)),
        Block(BlockKind.QUOTE, (Run(RunKind.TEXT, "«2025» שלום עולם"),), level=1),
        Block(BlockKind.PARAGRAPH, (Run(RunKind.TEXT, "The minister said قال الوزير"),)),
    )
    arabic_source = Footnote(number=9, passage_id=1, article_id=3, text="صحيفة الخليج، ٢٠٢٥")
    extra += (
        Block(BlockKind.PARAGRAPH, (Run(RunKind.TEXT, "نص"), Run(RunKind.FOOTNOTE, footnote=9))),
    )
    mixed = replace(
        document, blocks=document.blocks + extra, footnotes=(*document.footnotes, arabic_source)
    )
    exported = _export(mixed, tmp_path)
    body = _xml(exported, "word/document.xml")
    notes = _xml(exported, "word/footnotes.xml")
    assert _paragraph_with(notes, "صحيفة").find(f"{W}pPr/{W}bidi") is not None
    assert _paragraph_with(notes, "The Courier").find(f"{W}pPr/{W}bidi") is None
    for text, rtl in (("قال الوزير إن", True), ("שלום", True), ("The minister said", False)):
        bidi = _paragraph_with(body, text).find(f"{W}pPr/{W}bidi")
        assert (bidi is not None) is rtl, text
    assert _paragraph_with(body, "good news").find(f"{W}pPr/{W}bidi") is None


def _style(path: Path, style_id: str) -> ET.Element:
    for style in _xml(path, "word/styles.xml").iter(f"{W}style"):
        if style.get(f"{W}styleId") == style_id:
            return style
    raise AssertionError(f"no style {style_id}")


def test_footnote_text_is_compact(document: ExportDocument, tmp_path: Path) -> None:
    spacing = _style(_export(document, tmp_path), "FootnoteText").find(f"{W}pPr/{W}spacing")
    assert spacing is not None
    assert (spacing.get(f"{W}after"), spacing.get(f"{W}line")) == ("0", "240")


def test_a_reference_documents_footnote_text_is_kept(
    document: ExportDocument, tmp_path: Path
) -> None:
    reference = docx.Document()
    style = reference.styles.add_style("Footnote Text", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), "FootnoteText")
    style.paragraph_format.space_after = Pt(6)
    reference_path = tmp_path / "house.docx"
    reference.save(str(reference_path))
    exported = _export(document, tmp_path, reference_doc=reference_path)
    spacing = _style(exported, "FootnoteText").find(f"{W}pPr/{W}spacing")
    assert spacing is not None and spacing.get(f"{W}after") == "120"


def test_parts_a_reference_brings_but_the_note_does_not_use_are_dropped(
    document: ExportDocument, tmp_path: Path
) -> None:
    reference = docx.Document()
    paragraph = reference.add_paragraph("See ")
    paragraph.add_run("the example")
    reference.add_comment(paragraph.runs, text="Delete before sending", author="Template")
    reference.part.relate_to("https://example.com/boilerplate", RT.HYPERLINK, is_external=True)
    section = reference.sections[0]
    section.header.add_paragraph("HOUSE HEADER")  # used: its section points at it
    section.even_page_header.add_paragraph("EVEN HEADER")
    for ref in section._sectPr.findall(qn("w:headerReference")):
        if ref.get(qn("w:type")) == "even":
            section._sectPr.remove(ref)  # a header part nothing points at any more
    reference_path = tmp_path / "house.docx"
    reference.save(str(reference_path))
    assert any("comments" in n for n in _names(reference_path))

    linked = Block(
        BlockKind.PARAGRAPH, (Run(RunKind.TEXT, "source", link="https://example.org/steel"),)
    )
    with_link = replace(document, blocks=(*document.blocks, linked))
    exported = _export(with_link, tmp_path, reference_doc=reference_path)
    names = _names(exported)
    assert not any("comments" in n or "stylesWithEffects" in n for n in names)
    rels = _xml(exported, "word/_rels/document.xml.rels")
    targets = [r.get("Target") for r in rels.iter(f"{RELS}Relationship")]
    assert "https://example.com/boilerplate" not in targets
    assert "https://example.org/steel" in targets  # the note's own link stays
    headers = [n for n in names if n.startswith("word/header")]
    assert len(headers) == 1
    with zipfile.ZipFile(exported) as archive:
        header = archive.read(headers[0]).decode("utf-8")
    assert "HOUSE HEADER" in header and "OFFICIAL-SENSITIVE" in header
    assert _compat_mode(exported) == "15"


def test_table_of_contents_lists_the_headings_it_links_to(
    document: ExportDocument, tmp_path: Path
) -> None:
    body = _xml(_export(document, tmp_path, table_of_contents=True), "word/document.xml")
    bookmarks = {b.get(f"{W}name"): b for b in body.iter(f"{W}bookmarkStart")}
    entries = []
    for p in body.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if (
            style is not None
            and style.get(f"{W}val", "").startswith("TOC")
            and p.find(f"{W}hyperlink") is not None
        ):
            link = p.find(f"{W}hyperlink")
            assert link is not None
            anchor = link.get(f"{W}anchor")
            assert anchor in bookmarks
            entries.append(
                (style.get(f"{W}val"), "".join(t.text or "" for t in link.iter(f"{W}t")))
            )
    assert entries == [
        ("TOC1", "Summary"),
        ("TOC2", "Ports"),
        ("TOC1", "Key figures"),
        ("TOC1", "Sources"),
    ]
    ids = [b.get(f"{W}id") for b in bookmarks.values()]
    assert len(ids) == len(set(ids))  # footnote bookmarks and TOC bookmarks never collide


@pytest.mark.parametrize("toc", [False, True])
def test_python_docx_still_reads_it(document: ExportDocument, tmp_path: Path, toc: bool) -> None:
    word = docx.Document(str(_export(document, tmp_path, table_of_contents=toc)))
    assert word.paragraphs[0].text == "Steel and ports: the week ahead"


def test_a_previous_export_as_reference_keeps_one_marking_and_one_page_number(
    document: ExportDocument, tmp_path: Path
) -> None:
    """Last week's note as this week's template: its header and footer are not doubled."""
    first = _export(document, tmp_path, "last-week.docx")
    again = _export(document, tmp_path, "this-week.docx", reference_doc=first)
    section = docx.Document(str(again)).sections[0]
    header = [p.text for p in section.header.paragraphs if p.text.strip()]
    footer = [p.text for p in section.footer.paragraphs if p.text.strip()]
    assert header == ["OFFICIAL-SENSITIVE"]
    assert footer == ["Page 1 of 1", "OFFICIAL-SENSITIVE"]
