"""The WordprocessingML fragments the DOCX writer parses: well-formed and faithful for any text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefer.exporters import docx_xml
from briefer.exporters.document import (
    Block,
    BlockKind,
    ExportDocument,
    Footnote,
    Metadata,
    Run,
    RunKind,
)
from briefer.exporters.docx import export_docx
from briefer.exporters.docx_parts import parse_fragment

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _shown(paragraph: object) -> str:
    """What Word shows of a paragraph: text, tabs and line breaks in order.

    Word shows a tab or a newline inside w:t as a space, so one there is a bug.
    """
    out = []
    for element in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br"):  # type: ignore[attr-defined]
        if element.tag == f"{W}t":
            text = element.text or ""
            assert "\n" not in text and "\t" not in text, f"unshown break in {text!r}"
            out.append(text)
        else:
            out.append("\t" if element.tag == f"{W}tab" else "\n")
    return "".join(out)


@settings(max_examples=200, deadline=None)
@given(st.text())
@example("\r\x1f\n")  # the property test's find: a character XML drops inside a CRLF
def test_any_text_parses_and_reads_back_as_itself(text: str) -> None:
    (paragraph,) = parse_fragment(docx_xml.paragraph(docx_xml.run(text, bold=True)))

    expected = docx_xml.xml_text(text).replace("\r\n", "\n").replace("\r", "\n")
    assert _shown(paragraph) == expected


def test_markup_characters_and_blank_runs_survive() -> None:
    markup = docx_xml.run('a < b & "c" > d') + docx_xml.run("   ") + docx_xml.run("x\ty\nz")
    (paragraph,) = parse_fragment(docx_xml.paragraph(markup, style="Quote"))

    assert _shown(paragraph) == 'a < b & "c" > d   x\ty\nz'
    assert paragraph.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Quote"


def test_control_characters_from_pdfs_are_dropped() -> None:
    (paragraph,) = parse_fragment(docx_xml.paragraph(docx_xml.run("form\x0cfeed\x00 \ufffe")))
    assert _shown(paragraph) == "formfeed "


def test_field_is_begin_instruction_separate_result_end() -> None:
    runs = parse_fragment(
        docx_xml.field("NOTEREF _Note1 \\f \\h", "1", run_style="FootnoteReference")
    )

    kinds = [
        r.find(f"{W}fldChar").get(f"{W}fldCharType")
        if r.find(f"{W}fldChar") is not None
        else ("instr" if r.find(f"{W}instrText") is not None else "result")
        for r in runs
    ]
    assert kinds == ["begin", "instr", "separate", "result", "end"]
    assert runs[1].find(f"{W}instrText").text == " NOTEREF _Note1 \\f \\h "
    assert all(r.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference" for r in runs)


def test_footnotes_are_numbered_from_the_first_id() -> None:
    notes = parse_fragment(
        docx_xml.footnotes(3, ["One & two", "<three>"], text_style="FT", mark_style="FR")
    )
    assert [n.get(f"{W}id") for n in notes] == ["3", "4"]
    assert [_shown(n) for n in notes] == [" One & two", " <three>"]


def test_hostile_text_in_a_whole_export_reads_back_in_word(tmp_path: Path) -> None:
    hostile = 'Tariffs <b>rose</b> & "fell"\tby 5%   \x07then'
    document = ExportDocument(
        metadata=Metadata(title="T & <C>", author="", date=dt.date(2026, 1, 2)),
        blocks=(
            Block(BlockKind.PARAGRAPH, (Run(RunKind.TEXT, hostile, italic=True),)),
            Block(
                BlockKind.QUOTE,
                (Run(RunKind.TEXT, "Quoted"), Run(RunKind.FOOTNOTE, footnote=1)),
            ),
            Block(BlockKind.CODE, text='print("as typed")'),
        ),
        footnotes=(Footnote(1, 7, 3, "Source <one> & co"),),
    )
    target = tmp_path / "hostile.docx"

    export_docx(document, target)

    word = docx.Document(str(target))
    texts = [p.text for p in word.paragraphs]
    assert "T & <C>" in texts
    assert "Tariffs <b>rose</b> & ‘fell’\tby 5%   then" in texts
    assert any(p.style.name == "Quote" and p.text == "Quoted" for p in word.paragraphs)
    assert 'print("as typed")' in texts  # code keeps its straight quotes


def _allowed_in_xml(char: str) -> bool:
    """XML 1.0's Char production, as its specification writes it."""
    code = ord(char)
    return (
        char in "\t\n\r"
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None)))
@example("Grain “rose” 40%\u00a0in March\ufffe\ud800\x0b")
def test_xml_text_keeps_exactly_the_characters_xml_allows(text: str) -> None:
    assert docx_xml.xml_text(text) == "".join(c for c in text if _allowed_in_xml(c))
