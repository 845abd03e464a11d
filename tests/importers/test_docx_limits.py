"""Hostile and huge Word files: bounded memory, refused DTDs, protected files named as such."""

from __future__ import annotations

import base64
import io
import random
import re
import sys
import zipfile
from pathlib import Path

import pytest

from briefer.importers.base import ImportLimits, ImportRejected
from briefer.importers.docx import DocxImporter
from briefer.importers.registry import detect, import_bytes
from tests.importers.docx_big import (
    EMPTY_19_MB,
    empty_paragraphs,
    one_long_paragraph,
    run_measured,
    write_docx,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "importers" / "docx"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FREE, END_OF_CHAIN, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
PASSWORD_REASON = (
    "{name} is protected with a password; open it in Word, remove the password"
    " (File > Info > Protect Document), save, and import it again."
)


def compound_file(*streams: str) -> bytes:
    """A minimal OLE compound file (version 3, 512-byte sectors): header, one FAT sector,
    one directory sector holding a root entry and an empty stream entry per name."""
    header = bytearray(512)
    header[0:8] = OLE_MAGIC
    header[0x18:0x1A] = (0x3E).to_bytes(2, "little")  # minor version
    header[0x1A:0x1C] = (3).to_bytes(2, "little")  # major version
    header[0x1C:0x1E] = b"\xfe\xff"  # little-endian
    header[0x1E:0x20] = (9).to_bytes(2, "little")  # 2**9-byte sectors
    header[0x20:0x22] = (6).to_bytes(2, "little")  # 2**6-byte mini sectors
    header[0x2C:0x30] = (1).to_bytes(4, "little")  # one FAT sector
    header[0x30:0x34] = (1).to_bytes(4, "little")  # directory starts at sector 1
    header[0x38:0x3C] = (4096).to_bytes(4, "little")  # mini stream cutoff
    header[0x3C:0x40] = END_OF_CHAIN.to_bytes(4, "little")  # no mini FAT
    header[0x44:0x48] = END_OF_CHAIN.to_bytes(4, "little")  # no DIFAT sectors
    header[0x4C:0x200] = (0).to_bytes(4, "little") + FREE.to_bytes(4, "little") * 108
    fat = FAT_SECTOR.to_bytes(4, "little") + END_OF_CHAIN.to_bytes(4, "little")
    fat += FREE.to_bytes(4, "little") * 126
    entries = b""
    for index, (name, kind) in enumerate([("Root Entry", 5)] + [(s, 2) for s in streams]):
        encoded = name.encode("utf-16-le") + b"\0\0"
        entry = bytearray(128)
        entry[0 : len(encoded)] = encoded
        entry[64:66] = len(encoded).to_bytes(2, "little")
        entry[66] = kind
        entry[67] = 1  # black
        entry[68:80] = FREE.to_bytes(4, "little") * 3  # no siblings, no child
        if index == 0 and streams:
            entry[76:80] = (1).to_bytes(4, "little")  # the root's child: the first stream
        if 0 < index < len(streams):
            entry[72:76] = (index + 1).to_bytes(4, "little")  # right sibling
        entry[116:120] = END_OF_CHAIN.to_bytes(4, "little")  # start sector: none
        entries += entry
    directory = entries + b"\0" * (512 - len(entries))
    return bytes(header) + fat + directory


@pytest.mark.parametrize("name", ["board-minutes.docx", "board-minutes.dotx", "board-minutes"])
def test_a_password_protected_document_is_named_as_such(name: str) -> None:
    data = compound_file("\x06DataSpaces", "EncryptionInfo", "EncryptedPackage")
    assert len(data) == 1536
    with pytest.raises(ImportRejected) as caught:
        import_bytes(data, name)
    assert str(caught.value) == PASSWORD_REASON.format(name=name)


def test_content_finds_a_protected_file_whatever_its_name() -> None:
    data = compound_file("EncryptionInfo", "EncryptedPackage")
    assert DocxImporter().sniff(data, "minutes.bin") >= 50
    assert isinstance(detect(data, "minutes.bin"), DocxImporter)
    assert DocxImporter().sniff(compound_file("WordDocument"), "old.doc") == 0


def test_an_old_word_file_named_docx_is_not_called_damaged_or_protected() -> None:
    with pytest.raises(ImportRejected) as caught:
        import_bytes(compound_file("WordDocument", "1Table"), "minutes.docx")
    reason = str(caught.value)
    assert reason.startswith("minutes.docx is an older Word 97-2003 (.doc) or other Office file")
    assert "damaged" not in reason and "password" not in reason


def replace_member(source: Path, member: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, data if info.filename == member else old.read(info))
    return out.getvalue()


@pytest.mark.parametrize("padding", [0, 100_000])
@pytest.mark.parametrize("member", ["word/document.xml", "word/footnotes.xml"])
def test_a_document_type_declaration_is_refused(member: str, padding: int) -> None:
    """Near the top the ZIP check sees it; after a long comment the streaming parser does."""
    with zipfile.ZipFile(DATA / "notes.docx") as archive:
        xml = archive.read(member).decode("utf-8")
    prolog_end = xml.index("?>") + 2
    attack = (
        f'<!-- {"x" * padding} --><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    )
    data = replace_member(
        DATA / "notes.docx", member, (xml[:prolog_end] + attack + xml[prolog_end:]).encode()
    )
    with pytest.raises(ImportRejected) as caught:
        DocxImporter().extract(data, "notes.docx", ImportLimits())
    assert "contains a document type declaration" in str(caught.value)
    # Near the top the ZIP check names the part; further down the parser finds it.
    assert (f"declaration in {member}," in str(caught.value)) == (padding == 0)


def test_a_styles_part_far_larger_than_word_writes_is_refused_before_parsing() -> None:
    with zipfile.ZipFile(DATA / "notes.docx") as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
    padding = base64.b64encode(random.Random(1).randbytes(13 * 1024 * 1024)).decode()
    bloated = styles.replace("<w:docDefaults>", f"<!-- {padding} --><w:docDefaults>", 1)
    data = replace_member(DATA / "notes.docx", "word/styles.xml", bloated.encode())
    with pytest.raises(ImportRejected) as caught:
        DocxImporter().extract(data, "notes.docx", ImportLimits())
    assert re.fullmatch(
        r"notes\.docx has a word/styles\.xml of 1[78] MB, far larger than Word writes; it was"
        r" not opened\.",
        str(caught.value),
    ), str(caught.value)


def test_a_document_unpacking_past_the_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "long.docx"
    write_docx(path, empty_paragraphs(50_000))
    with pytest.raises(ImportRejected) as caught:
        DocxImporter().extract(
            path.read_bytes(), "long.docx", ImportLimits(max_unpacked_bytes=1024 * 1024)
        )
    assert "would unpack to" in str(caught.value)


IMPORT_SCRIPT = """
import sys
from pathlib import Path
from briefer.importers.base import ImportRejected
from briefer.importers.registry import import_path
try:
    article = import_path(Path(sys.argv[1])).article
except ImportRejected as error:
    print("rejected:", error)
else:
    print(len(article.blocks), article.text)
"""


def test_one_endless_paragraph_is_refused_before_it_fills_memory(tmp_path: Path) -> None:
    """The tree is freed paragraph by paragraph, so one that never closes is stopped."""
    path = tmp_path / "one-paragraph.docx"
    write_docx(path, one_long_paragraph(800_000))  # about 33 MB of XML
    code, output, peak_mb = run_measured([sys.executable, "-c", IMPORT_SCRIPT, str(path)], ROOT)
    assert code == 0, output
    assert output.strip() == (
        "rejected: one-paragraph.docx contains one paragraph (or other element) larger than"
        " 8 MB, far beyond what Word writes; it was not opened."
    )
    assert peak_mb < 500, f"peak RSS {peak_mb:.0f} MB"


@pytest.mark.slow
def test_a_19_mb_document_of_empty_paragraphs_imports_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "empty-paragraphs.docx"
    write_docx(path, empty_paragraphs(EMPTY_19_MB))
    assert 18 * 1024 * 1024 < path.stat().st_size < 21 * 1024 * 1024
    code, output, peak_mb = run_measured([sys.executable, "-c", IMPORT_SCRIPT, str(path)], ROOT)
    assert code == 0, output
    assert output.strip() == "1 The last paragraph is the only one with text."
    assert peak_mb < 500, f"peak RSS {peak_mb:.0f} MB"
