"""Word's altChunk: a whole document (HTML, MIME HTML, plain text, another .docx) that
Word merges into the body where ``w:altChunk`` stands, when it opens the file.

Report generators and HTML-to-Word converters write them rather than WordprocessingML,
so their body can be nothing else. Each is read with the reader of its own format,
into pieces placed where the element stands; RTF and XML chunks are not read and are
counted for the import report. Imports core, the importers' HTML and text helpers and
docx_body's Piece; never store, session or ui.
"""

from __future__ import annotations

import email
import email.policy
import logging
import posixpath
import zipfile
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ArticleBuilder, Deadline, ImportLimits, ImportRejected
from briefer.importers.docx_body import Piece
from briefer.importers.docx_parts import Relationship, read_part
from briefer.importers.encoding import decode_text
from briefer.importers.htmlconvert import html_to_article_blocks

log = logging.getLogger(__name__)
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_TYPES = "[Content_Types].xml"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_HTML = frozenset({"text/html", "application/xhtml+xml"})
_MIME_HTML = frozenset({"message/rfc822", "multipart/related", "application/x-mimearchive"})
_TEXT = frozenset({"text/plain"})
_WORD = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-word.document.macroenabled.main+xml",  # lower case, as compared
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    }
)
_BY_EXTENSION = {
    ".htm": "text/html",
    ".html": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".mht": "message/rfc822",
    ".mhtml": "message/rfc822",
    ".txt": "text/plain",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
"""What a chunk is when [Content_Types].xml does not say: generators name them well."""

ReadWord = Callable[[bytes], Article | None]
"""Reads a .docx chunk (one level deeper); None when it may not or cannot be read."""


class ChunkReader:
    """The pieces of each altChunk of one document part, or None for one not read."""

    def __init__(
        self,
        archive: zipfile.ZipFile,
        relationships: dict[str, Relationship],
        limits: ImportLimits,
        deadline: Deadline,
        read_word: ReadWord,
    ) -> None:
        self._archive = archive
        self._relationships = relationships
        self._limits = limits
        self._deadline = deadline
        self._read_word = read_word
        self._types: dict[str, str] | None = None
        self._read: dict[str, list[Piece] | None] = {}

    def __call__(self, node: Any) -> list[Piece] | None:
        self._deadline.check()
        rel = self._relationships.get(node.get(_R_ID) or "")
        if rel is None or rel.external:
            return None  # never fetched
        if rel.target not in self._read:  # each part read once, however often merged
            self._read[rel.target] = self._chunk(rel)
        return self._read[rel.target]

    def _chunk(self, rel: Relationship) -> list[Piece] | None:
        try:
            data = self._archive.read(rel.target)
        except KeyError:
            return None
        kind = self._content_type(rel.target)
        if kind in _HTML:
            return self._html(data, None)
        if kind in _MIME_HTML:
            return self._mime_html(data)
        if kind in _TEXT:
            text = decode_text(data)[0]
            builder = ArticleBuilder()
            for paragraph in text.split("\n\n"):
                builder.add(BlockKind.PARAGRAPH, paragraph)
            return _pieces(builder.text(), builder)
        if kind in _WORD:
            article = self._read_word(data)
            return None if article is None else _pieces(article.text, article)
        return None  # RTF, Flat OPC XML: not read, and the report says so

    def _html(self, data: bytes | str, charset: str | None) -> list[Piece] | None:
        builder = ArticleBuilder()
        try:
            html_to_article_blocks(
                data,
                builder,
                limits=self._limits,
                deadline=self._deadline,
                base_encoding=charset,
                name="An HTML part merged into the Word document",
            )
        except ImportRejected as error:
            self._deadline.check()  # out of time: the whole import stops, as it would anyway
            log.warning("an HTML part merged into a Word document was left out: %s", error)
            return None  # markup no parser should be given: left out, the rest still reads
        return _pieces(builder.text(), builder)

    def _mime_html(self, data: bytes) -> list[Piece] | None:
        """The first HTML part of a MIME HTML (.mht) chunk, as html-docx-js writes them."""
        message = email.message_from_bytes(data, policy=email.policy.default)
        for part in message.walk():
            if part.get_content_type() in _HTML and isinstance(part, EmailMessage):
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes):
                    return self._html(payload, part.get_content_charset())
        return None

    def _content_type(self, member: str) -> str:
        if self._types is None:
            self._types = _content_types(self._archive)
        extension = posixpath.splitext(member)[1].lower()
        found = self._types.get("/" + member) or self._types.get(extension)
        return (found or _BY_EXTENSION.get(extension, "")).split(";")[0].strip().lower()


def _content_types(archive: zipfile.ZipFile) -> dict[str, str]:
    """ "/word/x.html" (an Override) or ".html" (a Default) -> content type."""
    root = read_part(archive, _TYPES)
    if root is None:
        return {}
    types: dict[str, str] = {}
    for node in root:
        kind = str(node.get("ContentType", ""))
        if node.tag == f"{_CT}Override":
            types[str(node.get("PartName", ""))] = kind
        elif node.tag == f"{_CT}Default":
            types["." + str(node.get("Extension", "")).lower()] = kind
    return types


def _pieces(text: str, source: ArticleBuilder | Article) -> list[Piece]:
    return [
        Piece(block.kind, text[block.start : block.end], block.level, block.ordered)
        for block in source.blocks
    ]
