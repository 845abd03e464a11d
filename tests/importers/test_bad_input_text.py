"""Hostile and broken files are refused with a specific reason, quickly, without crashing."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import docx
import pytest

from briefer.importers.base import ImportLimits, ImportRejected
from briefer.importers.registry import import_bytes, import_path

JUNK = bytes((i * 7919 + 13) % 256 for i in range(20_000))


def rejected(data: bytes, filename: str, **limits: int) -> str:
    started = time.monotonic()
    with pytest.raises(ImportRejected) as caught:
        import_bytes(data, filename, limits=ImportLimits(**limits))
    assert time.monotonic() - started < 5
    return caught.value.reason


def small_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Ferry timetable", level=1)
    for n in range(40):
        document.add_paragraph(f"Sailing {n} leaves the north quay at dawn and returns by noon.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, replace.get(info.filename, source.read(info.filename)))
    return out.getvalue()


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.docx", "empty.eml", "x.xyz"])
def test_empty_files(name: str) -> None:
    assert "The file is empty" in rejected(b"", name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("junk.txt", "does not look like text"),
        ("junk.md", "does not look like text"),
        ("junk.docx", "not really a Word document"),
        ("junk.eml", "does not look like an e-mail"),
    ],
)
def test_binary_junk_with_a_text_extension(name: str, expected: str) -> None:
    assert expected in rejected(JUNK, name)


def test_unknown_extension_lists_what_is_supported() -> None:
    reason = rejected(b"some words", "notes.xyz")
    assert reason.startswith("Briefer cannot read .xyz files; supported:")
    assert ".docx" in reason and ".txt" in reason


def test_truncated_docx() -> None:
    data = small_docx()
    reason = rejected(data[: len(data) // 2], "cut.docx")
    assert "damaged" in reason and "cut.docx" in reason


def test_docx_zip_bomb_is_refused_before_inflating() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        bomb.writestr("word/document.xml", "<w:document/>")
        with bomb.open("word/media/zeros.bin", "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(300):
                member.write(chunk)
    data = out.getvalue()
    assert len(data) < 2 * 1024 * 1024
    reason = rejected(data, "bomb.docx")
    assert "ZIP bomb" in reason or "unpack" in reason
    # With a tighter unpack limit the declared total alone is enough.
    assert "would unpack to 300 MB" in rejected(data, "bomb.docx", max_unpacked_bytes=100 << 20)


def _patched_central_directory(data: bytes, member: str, offset: int, value: bytes) -> bytes:
    """``data`` with ``value`` written at ``offset`` of ``member``'s central directory entry."""
    raw = bytearray(data)
    at = raw.index(b"PK\x01\x02")
    while True:
        name_length = int.from_bytes(raw[at + 28 : at + 30], "little")
        if raw[at + 46 : at + 46 + name_length] == member.encode():
            raw[at + offset : at + offset + len(value)] = value
            return bytes(raw)
        at = raw.index(b"PK\x01\x02", at + 4)


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        ("torn package relationships", "could not be read as a Word document"),
        ("package relationships failing their checksum", "could not be read as a Word document"),
        ("a compression method no ZIP reader knows", "compressed in a way Briefer cannot unpack"),
        ("an encrypted main part", "compressed in a way Briefer cannot unpack"),
    ],
)
def test_a_package_damaged_where_it_is_first_read_is_named_damaged(how: str, expected: str) -> None:
    """The package's relationships are read before the document: their damage is the
    Word document's, said as such, not a crash turned into a parser's raw message."""
    data = small_docx()
    if how == "torn package relationships":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            rels = archive.read("_rels/.rels")
        data = rezip(data, {"_rels/.rels": rels[: len(rels) // 2]})
    elif how == "package relationships failing their checksum":
        data = _patched_central_directory(data, "_rels/.rels", 24, bytes(4))  # size 0
    elif how == "a compression method no ZIP reader knows":
        data = _patched_central_directory(data, "_rels/.rels", 10, (99).to_bytes(2, "little"))
    else:
        data = _patched_central_directory(data, "word/document.xml", 8, b"\x09")  # encrypted flag
    reason = rejected(data, "report.docx")
    assert expected in reason and "report.docx" in reason
    assert not reason.startswith("Could not read report.docx: it seems damaged"), reason


def test_zip_without_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("content.xml", "<office:document/>")
    assert "no word/document.xml" in rejected(out.getvalue(), "notes.docx")


def test_billion_laughs_docx_does_not_expand() -> None:
    lol = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    document_xml = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">' + lol + "]>"
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    data = rezip(small_docx(), {"word/document.xml": document_xml})
    assert "document type declaration" in rejected(data, "laughs.docx")


def test_external_entity_docx_does_not_read_local_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    document_xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    data = rezip(small_docx(), {"word/document.xml": document_xml})
    assert "document type declaration" in rejected(data, "xxe.docx")


def test_huge_file_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no disk used

    def refuse(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    started = time.monotonic()
    with pytest.raises(ImportRejected) as caught:
        import_path(big)
    assert time.monotonic() - started < 1
    assert "200.0 MB" in caught.value.reason and "64 MB" in caught.value.reason


def test_oversized_bytes_and_missing_path(tmp_path: Path) -> None:
    assert "larger than the 1 MB" in rejected(b"x" * (2 << 20), "big.txt", max_bytes=1 << 20)
    with pytest.raises(ImportRejected, match="was not found"):
        import_path(tmp_path / "gone.txt")


def test_missing_and_wrong_charsets_are_survived() -> None:
    russian = "Министр заявил, что переговоры продолжатся в пятницу."
    no_charset = (
        b"From: desk@news.example\nSubject: note\nDate: Mon, 1 Dec 2025 10:00:00 +0000\n"
        b"Content-Type: text/plain\n\n" + russian.encode("cp1251")
    )
    assert russian in import_bytes(no_charset, "note.eml").article.text
    unknown_charset = no_charset.replace(
        b"Content-Type: text/plain", b"Content-Type: text/plain; charset=x-klingon"
    )
    assert russian in import_bytes(unknown_charset, "note.eml").article.text
    assert import_bytes(russian.encode("cp1251"), "note.txt").article.text == russian


def test_a_crashing_importer_becomes_a_rejection(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefer.importers.markdown import MarkdownImporter

    def explode(*args: object, **kwargs: object) -> None:
        raise KeyError("table cell")

    monkeypatch.setattr(MarkdownImporter, "extract", explode)
    reason = rejected(b"# Title\n\nBody.\n", "notes.md")
    assert reason.startswith("Could not read notes.md: it seems damaged or is not really a")
    assert "Markdown" in reason


def test_the_rejection_reads_as_english_for_an_e_mail(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefer.importers.eml import EmlImporter

    def explode(*args: object, **kwargs: object) -> None:
        raise ValueError("bad header")

    monkeypatch.setattr(EmlImporter, "extract_with_warnings", explode)
    reason = rejected(b"From: a@b.example\nSubject: Hi\n\nBody.\n", "note.eml")
    assert "is not really an e-mail (.eml) file (bad header)." in reason


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (67_138_873, "huge.txt is 64.03 MB, larger than the 64 MB Briefer imports."),
        (64 * 1024 * 1024 + 4_000, "huge.txt is 64.004 MB, larger than the 64 MB Briefer imports."),
        (
            64 * 1024 * 1024 + 1,
            "huge.txt is 67,108,865 bytes, larger than the 67,108,864 bytes (64 MB) Briefer"
            " imports.",
        ),
        (200 * 1024 * 1024, "huge.txt is 200.0 MB, larger than the 64 MB Briefer imports."),
    ],
)
def test_the_size_refusal_never_reads_as_the_limit_itself(
    tmp_path: Path, size: int, shown: str
) -> None:
    """67,138,873 bytes read "64.0 MB, larger than the 64 MB": the numbers must differ."""
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(size)  # sparse: no disk used
    with pytest.raises(ImportRejected) as caught:
        import_path(big)
    assert str(caught.value).startswith(shown)
    assert str(caught.value).endswith("Split it, or save only the article you need.")


def test_a_word_file_nested_beyond_reading_says_so_without_the_parsers_advice() -> None:
    """lxml refuses XML nested over 256 levels and advises "use XML_PARSE_HUGE option":
    advice for programmers, which reached the analyst inside the refusal."""
    document = docx.Document()
    document.add_paragraph("Kept.")
    out = io.BytesIO()
    document.save(out)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    deep = "<w:sdt><w:sdtContent>" * 300 + "</w:sdtContent></w:sdt>" * 300
    crafted = io.BytesIO()
    with zipfile.ZipFile(crafted, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + deep.encode())
            target.writestr(info, data)
    reason = rejected(crafted.getvalue(), "deep.docx")
    assert "XML_PARSE_HUGE" not in reason and "\n" not in reason
    assert "nests its content" in reason and "deep.docx" in reason
