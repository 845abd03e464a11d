"""Real .docx files whose body and numbering part are exactly the WordprocessingML given,
for tests of markup python-docx cannot write (tracked changes, layout tables, text boxes)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx

from briefer.core.model import Article, BlockKind
from briefer.importers.registry import import_path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def import_markup(
    folder: Path, body: str, numbering: str, *, namespaces: str = f'xmlns:w="{W}"'
) -> Article:
    """Imports a python-docx file (its numbering part added by a list paragraph) with its
    body replaced by ``body`` and its numbering definitions by ``numbering``."""
    base, path = folder / "base.docx", folder / "markup.docx"
    document = docx.Document()
    document.add_paragraph("Placeholder", style="List Number")  # adds a numbering part
    document.save(str(base))
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                markup = f"<w:document {namespaces}><w:body>{body}<w:sectPr/></w:body></w:document>"
                data = markup.encode()
            elif item.filename == "word/numbering.xml":
                data = f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>'.encode()
            target.writestr(item, data)
    return import_path(path).article


def shape(article: Article) -> list[tuple[BlockKind, int, str]]:
    return [(b.kind, b.level, article.block_text(b)) for b in article.blocks]
