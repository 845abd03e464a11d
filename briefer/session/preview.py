"""The composer's live preview: the note as the export will render it, as HTML.

Built from the same ExportDocument the Word and Markdown writers use, so
what the analyst sees is what leaves. Passages and articles are cached
between keystrokes (a note of 320 quotations would otherwise read them all
again on every pause in typing); the composer clears the cache when
passages or articles change.
"""

from __future__ import annotations

from briefer.core.citations import find_citations
from briefer.core.model import Article, Note, Passage
from briefer.exporters import (
    CitationStyleError,
    StyleInfo,
    build_document,
)
from briefer.exporters.html import PASSAGE_LINK, render_html, section_anchor
from briefer.exporters.typography import quote_style
from briefer.session.export import style_or_plain
from briefer.session.queries import ProjectQueries
from briefer.store import RecordNotFound

__all__ = ["PASSAGE_LINK", "NotePreview", "section_anchor"]


class NotePreview:
    """``citation_style`` and ``language`` as the export will use them (the settings'; a
    note's own style wins), so the preview's footnotes and quotation marks are the
    exported ones."""

    def __init__(
        self,
        project: ProjectQueries,
        *,
        citation_style: str | None = None,
        language: str | None = None,
    ) -> None:
        self._project = project
        self._citation_style = citation_style
        self._language = language
        self._quotes = quote_style(language)
        self._styles: dict[str | None, StyleInfo | None] = {}
        self._passages: dict[int, Passage | None] = {}
        self._articles: dict[int, Article | None] = {}

    def invalidate(self) -> None:
        self._passages.clear()
        self._articles.clear()

    def html(self, note: Note) -> str:
        passages: dict[int, Passage] = {}
        articles: dict[int, Article] = {}
        for section in note.sections:
            for passage_id in find_citations(section.body):
                passage = self._passage(passage_id)
                if passage is None:
                    continue
                passages[passage_id] = passage
                article = self._article(passage.article_id)
                if article is not None:
                    articles[passage.article_id] = article
        choice = note.citation_style or self._citation_style
        if choice not in self._styles:
            self._styles[choice] = style_or_plain(choice, self._language)
        try:
            document = build_document(note, passages, articles, self._styles[choice])
        except CitationStyleError:  # the style cannot be applied: the export will say why
            document = build_document(note, passages, articles)
        return render_html(document, self._quotes, self._language)

    def _passage(self, passage_id: int) -> Passage | None:
        if passage_id not in self._passages:
            try:
                self._passages[passage_id] = self._project.get_passage(passage_id)
            except RecordNotFound:
                self._passages[passage_id] = None
        return self._passages[passage_id]

    def _article(self, article_id: int) -> Article | None:
        if article_id not in self._articles:
            try:
                self._articles[article_id] = self._project.get_article(article_id)
            except RecordNotFound:
                self._articles[article_id] = None
        return self._articles[article_id]
