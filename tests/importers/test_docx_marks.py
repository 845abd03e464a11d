"""Tracked changes to a paragraph's mark, read as Word shows the document with them accepted.

Each document is a python-docx file whose body (and numbering part) is replaced by the
raw WordprocessingML Word writes when a reviewer deletes or moves whole paragraphs.
"""

from __future__ import annotations

from pathlib import Path

from briefer.core.model import Article, BlockKind
from tests.importers.word_markup import W as _W
from tests.importers.word_markup import import_markup, shape

_NAMESPACES = (
    f'xmlns:w="{_W}"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"'
)
_BY = 'w:author="Ann Editor" w:date="2026-01-10T10:00:00Z"'
_NUMBERING = (
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)
_NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'


def _paragraph(text: str, properties: str = "", mark: str = "", change: str = "") -> str:
    """``mark`` is the change on the paragraph mark (``del``, ``moveFrom``, ``moveTo``);
    ``change`` wraps the text in one (``del`` writes it as ``w:delText``)."""
    tag = "delText" if change == "del" else "t"
    run = f'<w:r><w:{tag} xml:space="preserve">{text}</w:{tag}></w:r>'
    if change:
        run = f'<w:{change} w:id="2" {_BY}>{run}</w:{change}>'
    marked = f'<w:rPr><w:{mark} w:id="1" {_BY}/></w:rPr>' if mark else ""
    return f"<w:p><w:pPr>{properties}{marked}</w:pPr>{run}</w:p>"


def _import(tmp_path: Path, body: str) -> Article:
    return import_markup(tmp_path, body, _NUMBERING, namespaces=_NAMESPACES)


def test_a_deleted_paragraph_mark_joins_the_text_to_the_next_paragraph(tmp_path: Path) -> None:
    """Accepted, the deletion leaves one paragraph, with the next paragraph's properties."""
    body = (
        _paragraph("Harbour dredging", '<w:pStyle w:val="Heading1"/>')
        + _paragraph("The dredger arrives on", '<w:pStyle w:val="Heading2"/>', mark="del")
        + _paragraph(" 3 March and leaves in May.")
        + _paragraph("Silt goes to the tip", mark="del")
        + _paragraph("at Brenna.", mark="del")
        + _paragraph(" Trucks run at night.")
    )
    assert shape(_import(tmp_path, body)) == [
        (BlockKind.HEADING, 1, "Harbour dredging"),
        (BlockKind.PARAGRAPH, 0, "The dredger arrives on 3 March and leaves in May."),
        (BlockKind.PARAGRAPH, 0, "Silt goes to the tipat Brenna. Trucks run at night."),
    ]


def test_a_deleted_mark_with_nothing_after_it_to_join_keeps_its_text(tmp_path: Path) -> None:
    """Before a table, at a cell's end or the body's: no next paragraph, nothing lost."""
    cell = "<w:tc>" + _paragraph("Fuel", mark="del") + "</w:tc>"
    body = (
        _paragraph("Costs follow.", mark="del")
        + f"<w:tbl><w:tr>{cell}<w:tc>{_paragraph('2.1 m')}</w:tc></w:tr></w:tbl>"
        + _paragraph("The board agreed.", mark="del")
    )
    assert [article_text for _, _, article_text in shape(_import(tmp_path, body))] == [
        "Costs follow.",
        "Fuel | 2.1 m",
        "The board agreed.",
    ]


def test_a_deleted_numbered_item_is_not_counted(tmp_path: Path) -> None:
    body = (
        _paragraph("Conditions of the permit:")
        + _paragraph("Work stops during the herring season.", _NUMBERED)
        + _paragraph("Silt is taken to the tip at Brenna.", _NUMBERED, "del", "del")
        + _paragraph("Noise stays below 70 dB.", _NUMBERED)
        + _paragraph("The contractor reports every month.", _NUMBERED)
    )
    assert [text for _, _, text in shape(_import(tmp_path, body))] == [
        "Conditions of the permit:",
        "1. Work stops during the herring season.",
        "2. Noise stays below 70 dB.",
        "3. The contractor reports every month.",
    ]


def test_a_moved_numbered_item_is_counted_where_it_went(tmp_path: Path) -> None:
    moved = "Any other business"
    body = (
        _paragraph("Agenda")
        + _paragraph(moved, _NUMBERED, "moveFrom", "moveFrom")
        + _paragraph("Minutes of the last meeting", _NUMBERED)
        + _paragraph("Ferry contract", _NUMBERED)
        + _paragraph(moved, _NUMBERED, "moveTo", "moveTo")
    )
    assert [text for _, _, text in shape(_import(tmp_path, body))] == [
        "Agenda",
        "1. Minutes of the last meeting",
        "2. Ferry contract",
        f"3. {moved}",
    ]


def _text_box(*paragraphs: str) -> str:
    """A run holding a text box as Word writes it: DrawingML, with a VML copy for older
    readers in mc:Fallback."""
    content = f"<w:txbxContent>{''.join(paragraphs)}</w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wp:anchor>"
        "<a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_a_text_box_in_deleted_or_moved_away_text_is_gone(tmp_path: Path) -> None:
    """Accepted, a deletion or move takes the run anchoring a text box, and the box with it;
    a moved box shows once, where it went, and a numbered item in a deleted box is not counted."""
    deleted = _text_box(
        _paragraph("Old sidebar: fares rose 9 percent."),
        _paragraph("Refunds are paid in cash.", _NUMBERED),
    )
    moved = _text_box(_paragraph("Sidebar: a crew of twelve."))
    kept = _text_box(_paragraph("Sidebar: the timetable is unchanged."))
    body = (
        "<w:p><w:r><w:t xml:space='preserve'>The operator kept the route. </w:t></w:r>"
        f"<w:del w:id='1' {_BY}>{deleted}</w:del><w:r><w:t>Fares stayed level.</w:t></w:r></w:p>"
        f"<w:p><w:moveFrom w:id='2' {_BY}>{moved}</w:moveFrom>"
        "<w:r><w:t>Crew numbers are unchanged.</w:t></w:r></w:p>"
        f"<w:p><w:r><w:t>Staffing is stable.</w:t></w:r><w:moveTo w:id='3' {_BY}>{moved}</w:moveTo>"
        f"<w:ins w:id='4' {_BY}>{kept}</w:ins></w:p>"
        + _paragraph("Tickets are sold on board.", _NUMBERED)
    )
    assert [text for _, _, text in shape(_import(tmp_path, body))] == [
        "The operator kept the route. Fares stayed level.",
        "Crew numbers are unchanged.",
        "Staffing is stable.",
        "Sidebar: a crew of twelve.",
        "Sidebar: the timetable is unchanged.",
        "1. Tickets are sold on board.",
    ]


def test_a_run_in_heading_made_with_a_style_separator_stays_a_heading(tmp_path: Path) -> None:
    """Word draws "Scope. This review..." on one line because the heading's mark is hidden
    (``w:specVanish``), yet lists "Scope." in the navigation pane and the table of contents:
    the separator exists to keep it a heading, so Briefer keeps it one."""
    run_in = '<w:pStyle w:val="Heading2"/><w:rPr><w:vanish/><w:specVanish/></w:rPr>'
    body = f"<w:p><w:pPr>{run_in}</w:pPr><w:r><w:t>Scope.</w:t></w:r></w:p>" + _paragraph(
        " This review covers the inner harbour only."
    )
    assert shape(_import(tmp_path, body)) == [
        (BlockKind.HEADING, 2, "Scope."),
        (BlockKind.PARAGRAPH, 0, "This review covers the inner harbour only."),
    ]
