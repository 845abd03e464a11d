"""Word's altChunk: a whole document (HTML, MIME HTML, plain text, another .docx) that
Word merges into the body where ``w:altChunk`` stands, when it opens the file.

Report generators and HTML-to-Word converters write them rather than WordprocessingML,
so their body can be nothing else. Each is read with the reader of its own format,
into pieces placed where the element stands; chunks not read (RTF and XML, linked or
missing, too large, damaged) are counted by reason for the import report.

A part is read and its words placed at its first reference only. Word shows a chunk
again at each reference, but a real document merges a part in once, and a file
repeating one part hundreds of times is hostile: each repeat would add the whole part's
text again (300 references to a 1 MB page: 300 million characters). Imports core, the
importers' HTML and text helpers and docx_parts' Piece; never store, session or ui.
"""

from __future__ import annotations

import email
import email.policy
import posixpath
import zipfile
from collections import Counter
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

from briefer.core.logs import get_logger
from briefer.core.model import Article, BlockKind
from briefer.importers.base import ArticleBuilder, Deadline, ImportLimits, ImportRejected
from briefer.importers.docx_parts import Piece, Relationship, read_part
from briefer.importers.encoding import decode_text
from briefer.importers.htmlconvert import html_to_article_blocks

log = get_logger(__name__)
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

MISSING, HTML, WORD, TOO_LARGE, FORMAT, TOO_DEEP = (
    "missing",
    "html",
    "word",
    "large",
    "format",
    "deep",
)
"""Why a chunk was left out: linked from outside the file or missing from it, HTML no
parser should be given, a damaged .docx, larger than the file limits allow, RTF or XML
(not read), a .docx nested too deep."""

ReadWord = Callable[[bytes], Article | str]
"""Reads a .docx chunk (one level deeper): its article, or why it was left out (one of
the reasons above, or "" for one that holds no text, which loses nothing)."""


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
        self._read: set[str] = set()
        self.left_out: Counter[str] = Counter()
        """Chunks not read, by reason, for the import report."""

    def __call__(self, node: Any) -> list[Piece] | None:
        """The chunk's pieces at its part's first reference; [] at a later one; None (its
        reason counted) for one not read."""
        self._deadline.check()  # at every reference, read or not
        rel = self._relationships.get(node.get(_R_ID) or "")
        if rel is None or rel.external:
            self.left_out[MISSING] += 1
            return None  # never fetched
        if rel.target in self._read:
            return []  # placed at its first reference (see the module's docstring)
        self._read.add(rel.target)
        pieces = self._chunk(rel)
        if isinstance(pieces, str):
            if pieces:
                self.left_out[pieces] += 1
            return None
        return pieces

    def _chunk(self, rel: Relationship) -> list[Piece] | str:
        try:
            info = self._archive.getinfo(rel.target)
        except KeyError:
            return MISSING
        if info.file_size > self._limits.max_bytes:
            # no merged part may be larger than a whole file may be
            log.warning("a %d-byte part merged into a Word document was left out", info.file_size)
            return TOO_LARGE
        data = self._archive.read(info)
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
            return article if isinstance(article, str) else _pieces(article.text, article)
        return FORMAT  # RTF, Flat OPC XML: not read, and the report says so

    def _html(self, data: bytes | str, charset: str | None) -> list[Piece] | str:
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
            return HTML  # markup no parser should be given: left out, the rest still reads
        return _pieces(builder.text(), builder)

    def _mime_html(self, data: bytes) -> list[Piece] | str:
        """The first HTML part of a MIME HTML (.mht) chunk, as html-docx-js writes them."""
        message = email.message_from_bytes(data, policy=email.policy.default)
        for part in message.walk():
            if part.get_content_type() in _HTML and isinstance(part, EmailMessage):
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes):
                    return self._html(payload, part.get_content_charset())
        return HTML

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


_WHY = {
    MISSING: (
        "linked from outside the file or missing from it",
        "Briefer fetches nothing from outside a file",
    ),
    HTML: ("in HTML that could not be read", "open the file in Word and save it again to keep it"),
    WORD: (
        "that is a damaged Word document",
        "open the file in Word and save it again to keep that text",
    ),
    TOO_LARGE: (
        "larger than a whole file may be (or than what is left of the unpacking limit)",
        "open the file in Word and save the merged text as a document of its own",
    ),
    FORMAT: ("in RTF or XML", "open the file in Word and save it again to keep that text"),
    TOO_DEEP: ("nested too deep", "open the file in Word and save it again to keep that text"),
}
"""Per reason: what the left-out chunks were, and what a person can do about it."""


def left_out_sentences(name: str, left_out: Counter[str]) -> tuple[str, ...]:
    """One sentence of the import report per reason chunks were left out."""
    sentences: list[str] = []
    for reason, (what, advice) in _WHY.items():
        count = left_out.get(reason, 0)
        if count:
            chunks = "an embedded document" if count == 1 else f"{count} embedded documents"
            sentences.append(
                f"{name}: {chunks} {what} (Word's altChunk, merged in when Word opens the"
                f" file) left out; {advice}."
            )
    return tuple(sentences)


def only_chunks_refused(label: str, left_out: Counter[str]) -> str:
    """Why a body made only of chunks that were left out has nothing to import."""
    whats = [what for reason, (what, _) in _WHY.items() if left_out.get(reason)]
    advice = next(advice for reason, (_, advice) in _WHY.items() if left_out.get(reason))
    ones = "; ".join(f"one {what}" for what in whats)
    return (
        f"{label} holds its text only in embedded documents (Word's altChunk) that were left"
        f" out ({ones}); {advice}."
    )
