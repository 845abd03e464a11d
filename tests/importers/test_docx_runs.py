"""What a run's markup shows a reader: field codes.

Each document is made with python-docx plus raw WordprocessingML for the runs, in the
shapes Word and LibreOffice write; each assertion is the text Word shows.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from briefer.core.model import Article
from briefer.importers.base import ImportLimits
from briefer.importers.docx import DocxImporter


def _run(text: str, properties: str = "") -> str:
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _import(tmp_path: Path, document: docx.document.Document, *paragraphs: str) -> Article:
    """The document with each raw paragraph appended to its body, imported as a .docx."""
    body = document.element.body
    for xml in paragraphs:
        (node,) = parse_xml(f"<w:root {nsdecls('w')}>{xml}</w:root>")
        body.sectPr.addprevious(node) if body.sectPr is not None else body.append(node)
    path = tmp_path / "runs.docx"
    document.save(str(path))
    return DocxImporter().extract(path.read_bytes(), path.name, ImportLimits())


def _texts(article: Article) -> list[str]:
    return [article.block_text(block) for block in article.blocks]


def _field(code: str, *result: str) -> str:
    """A complex field; ``code`` may hold nested fields, whose results Word keeps there."""
    separate = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' if result else ""
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>{code}{separate}{"".join(result)}'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _code(text: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'


def test_only_the_outermost_field_s_result_is_shown(tmp_path: Path) -> None:
    gender = _field(_code(" MERGEFIELD Gender "), _run("«Gender»"))
    pages = _field(_code(" NUMPAGES "), _run("12"))
    page_ref = _field(_code(" PAGEREF _Toc1 \\h "), _run("4"))
    article = _import(
        tmp_path,
        docx.Document(),
        "<w:p>"
        + _run("Dear ")
        + _field(_code(" IF ") + gender + _code(' = "F" "Ms" "Mr" '), _run("Mr"))
        + _run(" Lindqvist,")
        + "</w:p>",
        "<w:p>"
        + _run("This report has ")
        + _field(_code(" = ") + pages + _code(" - 2 "), _run("10"))
        + _run(" pages.")
        + "</w:p>",
        "<w:p>"  # a field inside a result (a TOC line's page number) shows its own result
        + _field(_code(' HYPERLINK \\l "_Toc1" '), _run("Traffic "), page_ref)
        + "</w:p>",
    )
    assert _texts(article) == ["Dear Mr Lindqvist,", "This report has 10 pages.", "Traffic 4"]
