"""Exporters: a Note (+ the passages and articles it cites) to DOCX or Markdown.

Import only briefer.core, python-docx, markdown-it-py and the standard
library here; never briefer.store, briefer.session or briefer.ui.

The writers are imported by ``export_note`` when a format is chosen: python-docx
alone costs a CLI run or the Composer's first preview some 60 ms, which a
Markdown export or a preview should not pay.
"""

from __future__ import annotations

import re
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
from briefer.exporters.flavours import FLAVOURS, flavour_named

FORMATS = ("docx", "markdown")
PAGE_SIZES = ("A4", "Letter")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")

__all__ = [
    "DEFAULT_STYLE",
    "FLAVOURS",
    "FORMATS",
    "PAGE_SIZES",
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
    *,
    flavour: str = "commonmark",
    page_size: str | None = None,
    language: str | None = None,
    style: StyleInfo | None = None,
    note_language: str | None = None,
) -> ExportDocument:
    """Export ``note`` to ``target`` in one call.

    Returns the built document, so the caller can show its ``problems``.

    ``format`` is ``"docx"`` or ``"markdown"`` (``"md"`` also accepted).
    ``reference_doc``, ``table_of_contents`` and ``page_size`` ("A4" or "Letter")
    only apply to DOCX; ``None`` keeps the reference document's, or A4 without one.
    ``language`` (a tag like "en-GB") sets the quotation marks of both and the Word
    file's language; ``None`` keeps the reference document's language, or en-GB,
    and leaves Markdown's marks as written. ``flavour``
    ("commonmark" or "pandoc") only applies to Markdown. ``style`` is the CSL
    style the citations and Sources are formatted in (see :func:`resolve_style`);
    without one, Briefer's plain form. ``note_language`` (default: ``language``) is
    the note's, which the words the export writes itself are in: the Sources and
    Contents headings and the Word footer's "Page 1 of 3" (English for a language
    Briefer does not know, see export_words).
    """
    kind = format.lower().lstrip(".")
    if kind == "md":
        kind = "markdown"
    if kind not in FORMATS:
        raise ExportError(
            f"Briefer cannot export to {format!r}. Choose one of: Word (.docx) or Markdown (.md)."
        )
    if page_size is not None and page_size not in PAGE_SIZES:
        raise ExportError(f"{page_size!r} is not a page size Briefer knows. Choose A4 or Letter.")
    if language is not None and not _LANGUAGE_TAG.fullmatch(language):
        raise ExportError(
            f"{language!r} is not a language tag. Use one like en-GB, en-US or fr-FR."
        )
    try:
        markdown_flavour = flavour_named(flavour)
    except ValueError:
        raise ExportError(
            f"{flavour!r} is not a Markdown flavour. Choose commonmark or pandoc."
        ) from None
    document = build_document(note, passages, articles, style)
    if kind == "docx":
        from briefer.exporters.docx import export_docx

        export_docx(
            document,
            target,
            reference_doc=reference_doc,
            table_of_contents=table_of_contents,
            page_size="Letter" if page_size == "Letter" else "A4" if page_size else None,
            language=language,
            note_language=note_language,
        )
    else:
        from briefer.exporters.markdown import export_markdown

        export_markdown(document, target, flavour=markdown_flavour, language=language)
    return document
