"""Exporters: a Note (+ the passages and articles it cites) to DOCX or Markdown.

Import only briefer.core, python-docx, markdown-it-py and the standard
library here; never briefer.store, briefer.session or briefer.ui.

The writers are imported by ``export_note`` when a format is chosen: python-docx
alone costs a CLI run or the Composer's first preview some 60 ms, which a
Markdown export or a preview should not pay.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from briefer.core.model import Article, Note, Passage
from briefer.exporters.csl_styles import (
    DEFAULT_STYLE,
    CitationStyleError,
    StyleInfo,
    bundled_styles,
    resolve_style,
)
from briefer.exporters.document import ExportDocument, build_document
from briefer.exporters.errors import ExportError

FORMATS = ("docx", "markdown")

__all__ = [
    "DEFAULT_STYLE",
    "FORMATS",
    "CitationStyleError",
    "ExportDocument",
    "ExportError",
    "StyleInfo",
    "build_document",
    "bundled_styles",
    "export_note",
    "resolve_style",
]


def export_note(
    note: Note,
    passages: Mapping[int, Passage],
    articles: Mapping[int, Article],
    target: Path,
    format: str,
    reference_doc: Path | None = None,
    table_of_contents: bool = False,
    style: StyleInfo | None = None,
) -> ExportDocument:
    """Export ``note`` to ``target`` in one call.

    Returns the built document, so the caller can show its ``problems``.

    ``format`` is ``"docx"`` or ``"markdown"`` (``"md"`` also accepted).
    ``reference_doc`` and ``table_of_contents`` only apply to DOCX.
    ``style`` is the CSL style the citations and Sources are formatted in
    (see :func:`resolve_style`); without one, Briefer's plain form.
    """
    kind = format.lower().lstrip(".")
    if kind == "md":
        kind = "markdown"
    if kind not in FORMATS:
        raise ExportError(
            f"Briefer cannot export to {format!r}. Choose one of: Word (.docx) or Markdown (.md)."
        )
    document = build_document(note, passages, articles, style)
    if kind == "docx":
        from briefer.exporters.docx import export_docx

        export_docx(
            document, target, reference_doc=reference_doc, table_of_contents=table_of_contents
        )
    else:
        from briefer.exporters.markdown import export_markdown

        export_markdown(document, target)
    return document
