"""A Word package checked before any parser sees it: ZIP bombs, other formats named .docx,
encrypted and older Office files, and DTDs (Word never writes one; entity attacks need
one). Declared sizes are read without inflating anything. Imports the importers' base,
docx_parts, zipfile and lxml (for its errors); never store, session or ui.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import PurePath

from lxml import etree

from briefer.importers.base import ImportLimits, ImportRejected
from briefer.importers.docx_parts import main_document, relationships_part

MAX_MEMBERS = 5000
_BOMB_RATIO = 100
_BOMB_MIN_SIZE = 10 * 1024 * 1024
_XML_PARTS = (
    "_rels/.rels",
    "docProps/core.xml",
    "word/styles.xml",
    "word/numbering.xml",
    "word/footnotes.xml",
    "word/endnotes.xml",
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
"""The stream an encrypted Office file keeps its real (ZIP) package in, as its
compound-file directory entry spells it."""
_UNPACKABLE = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)
"""The compression methods Python's zipfile reads (Word writes only the first two)."""
_ENCRYPTED_MEMBER = 0x1
_WORD_EXTENSIONS = frozenset({".docx", ".docm", ".dotx", ".dotm", ""})
DOCTYPE_REFUSED = (
    "{label} contains a document type declaration{where}, which Word never writes and which"
    " can hide an attack; it was not opened."
)


def check_docx_zip(data: bytes, limits: ImportLimits, label: str) -> int:
    """Refuses ZIP bombs, non-Word ZIPs and XML with a DTD before any parser sees them;
    gives the bytes the package unpacks to.

    Declared sizes are checked without inflating anything, so a 300 MB member is
    refused in microseconds; DTDs are refused because Word never writes one and
    they are how entity-expansion and external-entity attacks arrive.
    """
    really = _really(data)
    if really:
        raise ImportRejected(
            f"{label} is really {really}, not a Word document (.docx), though it is named"
            " like one; open it in Word or LibreOffice, save it as .docx, and import it again."
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportRejected(
            f"{label} is damaged or is not really a Word document (.docx): {error}. Open it"
            " in Word or LibreOffice and save it again as .docx."
        ) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise ImportRejected(
                f"{label} holds {len(members):,} files inside it, far more than a Word"
                f" document has (limit {MAX_MEMBERS:,}); it was not opened."
            )
        total = sum(info.file_size for info in members)
        if total > limits.max_unpacked_bytes:
            raise ImportRejected(
                f"{label} would unpack to {total / 1024 / 1024:,.0f} MB, more than the"
                f" {limits.max_unpacked_bytes / 1024 / 1024:,.0f} MB limit; it was not opened."
            )
        for info in members:
            ratio = info.file_size / max(1, info.compress_size)
            if info.file_size > _BOMB_MIN_SIZE and ratio > _BOMB_RATIO:
                raise ImportRejected(
                    f"{label} contains {info.filename!r}, compressed {ratio:,.0f} to 1, which"
                    " is how a ZIP bomb looks; it was not opened."
                )
        for info in members:
            if info.compress_type not in _UNPACKABLE or info.flag_bits & _ENCRYPTED_MEMBER:
                raise ImportRejected(
                    f"{label} is damaged: {info.filename!r} inside it is encrypted or compressed"
                    " in a way Briefer cannot unpack. Open it in Word or LibreOffice and save it"
                    " again as .docx."
                )
        try:
            _check_parts(archive, {info.filename for info in members}, label)
        except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise unreadable(label, error) from None
    return total


def unreadable(label: str, error: Exception) -> ImportRejected:
    """The refusal of a package or part that does not parse, in the analyst's words: the
    XML parser's own advice ("use XML_PARSE_HUGE option") is for programmers."""
    if "Excessive depth" in str(error):
        return ImportRejected(
            f"{label} nests its content more than 256 levels deep, far beyond what Word"
            " writes; it was not opened. Open it in Word or LibreOffice and save it again"
            " as .docx."
        )
    return ImportRejected(
        f"{label} could not be read as a Word document ({error}). Open it in Word"
        " or LibreOffice and save it again as .docx."
    )


def _check_parts(archive: zipfile.ZipFile, names: set[str], label: str) -> None:
    """Refuses a package with no main document, or with a DTD in a part read whole."""
    document = main_document(archive)
    if document not in names:
        raise ImportRejected(
            f"{label} is a ZIP archive but not a Word document (it has no"
            " word/document.xml). If it is another format, convert it to .docx first."
        )
    for name in (document, relationships_part(document), *_XML_PARTS):
        if name in names:
            with archive.open(name) as part:
                head = part.read(65536)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise ImportRejected(DOCTYPE_REFUSED.format(label=label, where=f" in {name}"))


_RENAMED = (
    (b"{\\rtf", "a Rich Text Format (.rtf) file"),
    (b"<?xml", "an XML file (perhaps a Word 2003 XML or flat OpenDocument file)"),
    (b"%PDF-", "a PDF file"),
)
"""What Word and others save under a .docx name: Word opens them by content, so
people send them on; saying what they are tells the reader how to convert them."""


def _really(data: bytes) -> str:
    head = data[:16].lstrip(b"\xef\xbb\xbf \t\r\n")
    for magic, what in _RENAMED:
        if head.startswith(magic):
            return what
    return ""


def is_password_protected(data: bytes) -> bool:
    """An OLE compound file holding an EncryptedPackage stream: Office's encrypted format.

    A byte search for the directory entry's UTF-16 name is enough: the name
    cannot be scrambled, and no ZIP-based .docx is an OLE file.
    """
    return data.startswith(_OLE_MAGIC) and _ENCRYPTED_PACKAGE in data


def check_not_compound_file(data: bytes, filename: str, label: str) -> None:
    """Says what an OLE compound file is (encrypted, or an older Word file), not "damaged"."""
    if not data.startswith(_OLE_MAGIC):
        return
    word = PurePath(filename).suffix.lower() in _WORD_EXTENSIONS
    if is_password_protected(data):
        if word:
            raise ImportRejected(
                f"{label} is protected with a password; open it in Word, remove the password"
                " (File > Info > Protect Document), save, and import it again."
            )
        raise ImportRejected(
            f"{label} is protected with a password; open it in the program that made it,"
            " remove the password, save, and import it again."
        )
    raise ImportRejected(
        f"{label} is an older Word 97-2003 (.doc) or other Office file, not a .docx; open it"
        " in Word or LibreOffice, save it as .docx, and import it again."
    )
