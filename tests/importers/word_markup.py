"""Real .docx files whose body and numbering part are exactly the WordprocessingML given,
for tests of markup python-docx cannot write (tracked changes, layout tables, text boxes,
notes and their numbering)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx

from briefer.core.model import Article, BlockKind
from briefer.importers.registry import import_path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def import_markup(
    folder: Path,
    body: str,
    numbering: str,
    *,
    namespaces: str = f'xmlns:w="{W}"',
    section: str = "<w:sectPr/>",
    notes: dict[str, str] | None = None,
    settings: str = "",
) -> Article:
    """Imports a python-docx file (its numbering part added by a list paragraph) with its
    body replaced by ``body`` closed by ``section`` (the body's own w:sectPr) and its
    numbering definitions by ``numbering``. ``notes`` maps "footnotes" or "endnotes" to
    that part's notes, added with their relationship and content type; ``settings`` is
    put first in settings.xml (its w:footnotePr, w:endnotePr)."""
    base, path = folder / "base.docx", folder / "markup.docx"
    document = docx.Document()
    document.add_paragraph("Placeholder", style="List Number")  # adds a numbering part
    document.save(str(base))
    notes = notes or {}
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                markup = f"<w:document {namespaces}><w:body>{body}{section}</w:body></w:document>"
                data = markup.encode()
            elif item.filename == "word/numbering.xml":
                data = f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>'.encode()
            elif item.filename == "word/settings.xml" and settings:
                start = data.index(b">", data.index(b"<w:settings")) + 1
                data = data[:start] + settings.encode() + data[start:]
            elif item.filename == "word/_rels/document.xml.rels":
                for kind in notes:
                    rel = f'<Relationship Id="N{kind}" Type="{_REL}/{kind}" Target="{kind}.xml"/>'
                    data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                for kind in notes:
                    override = (
                        f'<Override PartName="/word/{kind}.xml" ContentType="{_TYPE}.{kind}+xml"/>'
                    )
                    data = data.replace(b"</Types>", override.encode() + b"</Types>")
            target.writestr(item, data)
        for kind, inner in notes.items():
            target.writestr(f"word/{kind}.xml", f"<w:{kind} {namespaces}>{inner}</w:{kind}>")
    return import_path(path).article


def shape(article: Article) -> list[tuple[BlockKind, int, str]]:
    return [(b.kind, b.level, article.block_text(b)) for b in article.blocks]
