"""Word's list numbers as Word shows them, wherever the numbered paragraph stands.

Each document is a python-docx file whose body and numbering.xml are replaced by
raw WordprocessingML, the markup Word itself writes for these lists.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx

from briefer.core.model import BlockKind
from briefer.importers.registry import import_path

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _level(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def _numbered(text: str, num_id: int, ilvl: int = 0) -> str:
    run = f"<w:r><w:t>{text}</w:t></w:r>" if text else ""
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/>'
        f"</w:numPr></w:pPr>{run}</w:p>"
    )


def _document(tmp_path: Path, body: str, numbering: str) -> Path:
    """A real .docx whose body and numbering part are exactly the markup given."""
    path = tmp_path / "lists.docx"
    base = tmp_path / "base.docx"
    document = docx.Document()
    document.add_paragraph("Placeholder", style="List Number")  # makes python-docx add numbering
    document.save(str(base))
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = (
                    f'<w:document xmlns:w="{_W}"><w:body>{body}<w:sectPr/></w:body></w:document>'
                ).encode()
            elif item.filename == "word/numbering.xml":
                data = f'<w:numbering xmlns:w="{_W}">{numbering}</w:numbering>'.encode()
            target.writestr(item, data)
    return path


def _texts(path: Path) -> list[str]:
    article = import_path(path).article
    return [article.block_text(block) for block in article.blocks]


_DECIMAL = (
    f'<w:abstractNum w:abstractNumId="0">{_level(0, "decimal", "%1.")}</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)


def test_a_numbered_item_is_a_paragraph_that_holds_its_number(tmp_path: Path) -> None:
    body = _numbered("Dredge the channel", 1) + _numbered("Open the berth", 1)
    article = import_path(_document(tmp_path, body, _DECIMAL)).article
    assert [(b.kind, article.block_text(b)) for b in article.blocks] == [
        (BlockKind.PARAGRAPH, "1. Dredge the channel"),
        (BlockKind.PARAGRAPH, "2. Open the berth"),
    ]


def test_an_empty_numbered_paragraph_shows_and_counts_its_number(tmp_path: Path) -> None:
    """As in Word (and LibreOffice's export): "2." stands alone and the next item is 3."""
    body = _numbered("First step", 1) + _numbered("", 1) + _numbered("Third step", 1)
    assert _texts(_document(tmp_path, body, _DECIMAL)) == ["1. First step", "2.", "3. Third step"]


def test_numbered_paragraphs_in_table_cells_keep_their_numbers(tmp_path: Path) -> None:
    cell = "<w:tc>{}</w:tc>"
    row = "<w:tr>" + cell.format(_numbered("Survey", 1)) + cell.format("<w:p/>") + "</w:tr>"
    row2 = "<w:tr>" + cell.format(_numbered("Dredge", 1)) + "</w:tr>"
    body = f"<w:tbl>{row}{row2}</w:tbl>" + _numbered("Report", 1)
    assert _texts(_document(tmp_path, body, _DECIMAL)) == ["1. Survey", "2. Dredge", "3. Report"]


def test_a_list_that_uses_a_list_style_takes_the_levels_the_style_links_to(
    tmp_path: Path,
) -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="Clauses"/>'
        f"{_level(0, 'lowerLetter', '(%1)')}</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Clauses"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    body = _numbered("first point", 1) + _numbered("second point", 1)
    assert _texts(_document(tmp_path, body, numbering)) == ["(a) first point", "(b) second point"]


def test_an_instance_that_redefines_a_level_shows_its_own_format(tmp_path: Path) -> None:
    numbering = (
        f'<w:abstractNum w:abstractNumId="0">{_level(0, "decimal", "%1.")}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="1"/>'
        f"{_level(0, 'upperRoman', 'Part %1:')}</w:lvlOverride></w:num>"
    )
    body = _numbered("Scope", 1) + _numbered("Access", 2) + _numbered("Fees", 2)
    assert _texts(_document(tmp_path, body, numbering)) == [
        "1. Scope",
        "Part I: Access",
        "Part II: Fees",
    ]


def test_legal_numbering_shows_every_level_as_a_decimal(tmp_path: Path) -> None:
    numbering = (
        f'<w:abstractNum w:abstractNumId="0">{_level(0, "upperRoman", "%1.")}'
        f"{_level(1, 'decimal', '%1.%2', '<w:isLgl/>')}"
        f"{_level(2, 'ordinal', '%3 item')}</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = (
        _numbered("Ports", 1)
        + _numbered("Quays", 1, 1)
        + "".join(_numbered(f"step {n}", 1, 2) for n in range(1, 13))
    )
    texts = _texts(_document(tmp_path, body, numbering))
    assert texts[:4] == ["I. Ports", "1.1 Quays", "1st item step 1", "2nd item step 2"]
    assert texts[-2:] == ["11th item step 11", "12th item step 12"]


def test_a_custom_format_word_wraps_for_older_readers_is_read(tmp_path: Path) -> None:
    """Word 2010+ writes "001, 002, ..." as a w14 choice with a plain decimal fallback."""
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    def wrapped(choice: str, fallback: str) -> str:
        return (
            f'<mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="w14">{choice}'
            f"</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>"
        )

    padded = wrapped(
        '<w:numFmt w:val="custom" w:format="001, 002, 003, ..."/>', '<w:numFmt w:val="decimal"/>'
    )
    other = wrapped('<w:numFmt w:val="custom" w:format="A-1"/>', '<w:numFmt w:val="upperRoman"/>')
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'{padded}<w:lvlText w:val="%1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
        f'{other}<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = _numbered("Berths", 1) + _numbered("Quays", 1) + _numbered("North quay", 1, 1)
    assert _texts(_document(tmp_path, body, numbering)) == [
        "001 Berths",
        "002 Quays",
        "I. North quay",
    ]


def test_a_numbered_item_keeps_its_depth_so_the_reader_can_indent_it(tmp_path: Path) -> None:
    """ "a." under "2." is one level deeper, as Word indents it; its number stays in its text."""
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        f"{_level(0, 'decimal', '%1.')}{_level(1, 'lowerLetter', '%2.')}</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = (
        _numbered("Reopen the corridor", 1) + _numbered("Cut premiums", 1)
        + _numbered("War-risk cover", 1, ilvl=1) + _numbered("Hull cover", 1, ilvl=1)
        + _numbered("Ease freight rates", 1)
    )  # fmt: skip
    article = import_path(_document(tmp_path, body, numbering)).article
    assert [(b.kind, b.level, article.block_text(b)) for b in article.blocks] == [
        (BlockKind.PARAGRAPH, 1, "1. Reopen the corridor"),
        (BlockKind.PARAGRAPH, 1, "2. Cut premiums"),
        (BlockKind.PARAGRAPH, 2, "a. War-risk cover"),
        (BlockKind.PARAGRAPH, 2, "b. Hull cover"),
        (BlockKind.PARAGRAPH, 1, "3. Ease freight rates"),
    ]
