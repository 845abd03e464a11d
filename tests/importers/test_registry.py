"""The registry: content decides the importer, folders expand sensibly, local reads stay local."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import docx
import pytest

from briefer.importers import registry
from briefer.importers.base import ImportLimits, ImportRejected
from briefer.importers.registry import (
    detect,
    expand_paths,
    import_bytes,
    import_path,
    local_reader,
)

DATA = Path(__file__).parents[1] / "data" / "importers"
DOCX_SAMPLE = DATA / "docx" / "chapter-notes.docx"
PDF_SAMPLE = DATA / "pdf" / "article.pdf"


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("The quay reopened on Monday after repairs.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_every_listed_importer_follows_the_protocol() -> None:
    names = [importer.name for importer in registry.all_importers()]
    assert {"text", "markdown", "email", "docx"} <= set(names)
    assert names[-1] == "text"  # the catch-all is asked last
    assert {".txt", ".md", ".eml", ".docx"} <= registry.SUPPORTED_EXTENSIONS
    assert len(registry.IMPORTERS) == len(names)


@pytest.mark.parametrize(
    ("data_path", "wrong_name", "expected"),
    [
        ("eml/news-alert.eml", "alert.txt", "email"),
        ("eml/colleague-plain.eml", "forwarded", "email"),
        ("text/port-tariffs.md", "tariffs.txt", "text"),
        ("text/port-tariffs.md", "tariffs", "markdown"),
        ("text/harbour-strike.txt", "strike.md", "markdown"),
    ],
)
def test_content_first_extension_second(data_path: str, wrong_name: str, expected: str) -> None:
    assert detect((DATA / data_path).read_bytes(), wrong_name).name == expected


def test_a_word_document_with_a_wrong_name_is_still_word() -> None:
    imported = import_bytes(docx_bytes(), "report.txt")
    assert imported.article.source_format == "docx"
    assert imported.article.text == "The quay reopened on Monday after repairs."


def test_import_path_keeps_the_original(tmp_path: Path) -> None:
    source = DATA / "text" / "harbour-strike.txt"
    imported = import_path(source)
    assert imported.original.filename == "harbour-strike.txt"
    assert imported.original.media_type == "text/plain"
    assert imported.original.data == source.read_bytes()
    assert imported.article.source_name == "harbour-strike.txt"


def test_local_reader_stays_inside_the_pages_own_files_folder(tmp_path: Path) -> None:
    page = tmp_path / "site"
    (page / "page_files" / "img").mkdir(parents=True)
    (page / "page_files" / "photo one.png").write_bytes(b"PNG")
    (page / "page_files" / "img" / "deep.png").write_bytes(b"DEEP")
    (page / "other_files").mkdir()
    (page / "other_files" / "x.png").write_bytes(b"OTHER")
    (page / "passport_scan.jpg").write_bytes(b"PASSPORT")
    (tmp_path / "outside.txt").write_bytes(b"SECRET")
    (page / "link").symlink_to(tmp_path / "outside.txt")
    (page / "page_files" / "linked.png").symlink_to(page / "passport_scan.jpg")
    (page / "page_files" / "linkdir").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(page / "page_files" / "pipe.png")
    read = local_reader(page / "page.html", ImportLimits())
    assert read("page_files/photo%20one.png?v=2#top") == b"PNG"
    assert read("./page_files/photo one.png") == b"PNG"
    assert read("page_files/img/deep.png") == b"DEEP"
    for hostile in (
        "passport_scan.jpg",  # beside the page, but not saved with it
        "other_files/x.png",  # another page's folder
        "page_files/linked.png",  # a link inside the folder, to a file outside it
        "page_files/linkdir/outside.txt",  # a linked folder on the way
        "page_files/pipe.png",  # a FIFO would block the read for ever
        "../outside.txt",
        "page_files/../passport_scan.jpg",
        "page_files/../../outside.txt",
        str(tmp_path / "outside.txt"),
        "file:///etc/passwd",
        "https://example.com/x.png",
        "C:\\Windows\\win.ini",
        "link",
        "page_files",
        "missing.png",
        "",
    ):
        assert read(hostile) is None, hostile


def test_a_saved_page_never_embeds_a_file_outside_its_files_folder(tmp_path: Path) -> None:
    downloads = tmp_path / "Downloads"
    (downloads / "Report_files").mkdir(parents=True)
    png = _png_bytes()
    (downloads / "passport_scan.png").write_bytes(png)
    (downloads / "Report_files" / "chart.png").write_bytes(png)
    body = "<p>" + "Grain exports through the port rose again this week. " * 12 + "</p>"
    (downloads / "Report.html").write_text(
        "<html><head><title>Grain report</title></head><body><article><h1>Grain report</h1>"
        f'<img src="passport_scan.png" alt="scan">{body}'
        f'<img src="Report_files/chart.png" alt="chart">{body}</article></body></html>',
        encoding="utf-8",
    )
    imported = import_path(downloads / "Report.html")
    assert [image.name for image in imported.article.images] == ["chart.png"]


def _png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


def test_expand_paths(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "A.md").write_text("a")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / "photo.jpg").write_bytes(b"x")
    (tmp_path / "page.html").write_text("<p>x</p>")
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "frame.html").write_text("<p>y</p>")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("g")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.eml").write_text("From: x")
    chosen = tmp_path / "odd.xyz"
    chosen.write_text("z")

    found = expand_paths([tmp_path, tmp_path / "b.txt", chosen])
    names = [p.relative_to(tmp_path).as_posix() for p in found]
    expected = ["A.md", "b.txt", "sub/c.eml", "odd.xyz"]
    if ".html" in registry.SUPPORTED_EXTENSIONS:
        expected.insert(2, "page.html")
    assert names == expected
    flat = expand_paths([tmp_path], recursive=False)
    assert all(p.parent == tmp_path for p in flat)


def test_a_document_briefer_does_not_read_says_what_to_do_named_or_in_a_folder(
    tmp_path: Path,
) -> None:
    """A .doc named directly is refused with advice; in a folder it is listed as skipped
    with the same advice (it used to be passed over without a word); a picture stays
    unmentioned, and a supported file still comes in."""
    from briefer.importers.registry import import_path, scan_paths

    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "memo.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    (folder / "deck.pptx").write_bytes(b"PK\x03\x04" + b"\0" * 64)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)
    (folder / "note.txt").write_text("Grain exports rose by a third in March, officials said.")
    # a Word document and a PDF under names of formats Briefer does not read come in, as
    # they do when named alone: the reader is chosen by content
    shutil.copy(DOCX_SAMPLE, folder / "saved-as.doc")
    shutil.copy(PDF_SAMPLE, folder / "printed.xps")
    with pytest.raises(ImportRejected, match=r"cannot read \.doc files: open it in Word"):
        import_path(folder / "memo.doc")
    assert import_path(folder / "saved-as.doc").article.text
    plan = scan_paths([folder])
    assert [p.name for p in plan.files] == ["note.txt", "printed.xps", "saved-as.doc"]
    assert all(import_path(p).article.text for p in plan.files)
    assert [(s.path.name, s.reason) for s in plan.skipped] == [
        ("deck.pptx", "Briefer cannot read .pptx files: export or print it to PDF and "
                      "import that."),
        ("memo.doc", "Briefer cannot read .doc files: open it in Word or LibreOffice, save it as "
                     ".docx and import that."),
    ]  # fmt: skip
