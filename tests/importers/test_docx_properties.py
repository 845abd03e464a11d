"""A Word file's own title, author and date, wherever its producer put them, when believable."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import pytest

from briefer.importers.base import ImportLimits
from briefer.importers.docinfo import meaningful
from briefer.importers.docx import DocxImporter

PSMDCP = "package/services/metadata/core-properties/3b1f0c2a9e8d4f6b.psmdcp"


def _memo(path: Path, *, author: str = "Kari Nordvik", created: dt.datetime | None = None) -> None:
    document = docx.Document()
    document.core_properties.title = "Ferry contract summary 2026"
    document.core_properties.author = author
    document.core_properties.created = created or dt.datetime(2026, 2, 1, 9, 30)
    document.add_paragraph("February 2026")  # the cover's month vouches for the file's day
    document.add_paragraph("The board signed the ferry contract on Tuesday.")
    document.save(str(path))


def _rewritten(path: Path, change: dict[str, tuple[str, bytes]]) -> bytes:
    """The package with members renamed or rewritten: {old name: (new name, new bytes)}."""
    with zipfile.ZipFile(path) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    out = path.with_suffix(".new.docx")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            target.writestr(*change.get(name, (name, data)))
    return out.read_bytes()


def test_properties_kept_where_net_packaging_writes_them(tmp_path: Path) -> None:
    """System.IO.Packaging, behind many report generators, names the part by an id."""
    path = tmp_path / "summary.docx"
    _memo(path)
    with zipfile.ZipFile(path) as package:
        rels = package.read("_rels/.rels").replace(b"docProps/core.xml", PSMDCP.encode())
        types = package.read("[Content_Types].xml").replace(
            b'PartName="/docProps/core.xml"', f'PartName="/{PSMDCP}"'.encode()
        )
        core = package.read("docProps/core.xml")
    data = _rewritten(
        path,
        {
            "docProps/core.xml": (PSMDCP, core),
            "_rels/.rels": ("_rels/.rels", rels),
            "[Content_Types].xml": ("[Content_Types].xml", types),
        },
    )
    with zipfile.ZipFile(tmp_path / "summary.new.docx") as package:
        assert "docProps/core.xml" not in package.namelist()

    article = DocxImporter().extract(data, "summary.docx", ImportLimits())

    assert (article.title, article.author, article.published) == (
        "Ferry contract summary 2026", "Kari Nordvik", dt.date(2026, 2, 1),
    )  # fmt: skip


@pytest.mark.parametrize("year", [1601, 1904, 1970])
def test_a_zeroed_creation_time_is_no_date(tmp_path: Path, year: int) -> None:
    """A zeroed Windows FILETIME reads as 1601, a zeroed Mac or Unix time as 1904 or 1970."""
    path = tmp_path / "figures.docx"
    _memo(path, created=dt.datetime(year, 1, 1))
    article = DocxImporter().extract(path.read_bytes(), "figures.docx", ImportLimits())
    assert article.published is None and article.title == "Ferry contract summary 2026"


@pytest.mark.parametrize(
    "placeholder",
    ["HP Authorized Customer", "Windows-Benutzer", "Utilisateur Windows", "Unknown Author",
     "Usuario de Windows", "Пользователь Windows", "Microsoft Office-Benutzer"],
)  # fmt: skip
def test_an_installers_placeholder_is_no_author(tmp_path: Path, placeholder: str) -> None:
    """Windows and Office fill in the author from the account a shop or installer set up."""
    assert meaningful(placeholder) == ""
    path = tmp_path / "memo.docx"
    _memo(path, author=placeholder)
    assert DocxImporter().extract(path.read_bytes(), "memo.docx", ImportLimits()).author == ""


def test_a_cover_month_overrules_a_later_file_date(tmp_path: Path) -> None:
    """Saved again a year on, the file says 2026; its cover says October 2025."""
    path = tmp_path / "review.docx"
    document = docx.Document()
    document.core_properties.created = dt.datetime(2026, 12, 2, 8, 0)
    document.add_paragraph("Sharing the tide", style="Title")
    document.add_paragraph("October 2025")
    document.add_paragraph("Eleven harbours keep eleven pilot rosters and one shared problem.")
    document.save(str(path))
    assert (
        DocxImporter().extract(path.read_bytes(), "review.docx", ImportLimits()).published is None
    )


def test_a_style_built_on_title_names_the_article(tmp_path: Path) -> None:
    """Organisations' templates restyle the cover: "Cover Title", based on Title."""
    from docx.enum.style import WD_STYLE_TYPE

    path = tmp_path / "review.docx"
    document = docx.Document()
    document.core_properties.title = ""
    cover = document.styles.add_style("Cover Title", WD_STYLE_TYPE.PARAGRAPH)
    cover.base_style = document.styles["Title"]
    document.add_paragraph("Lisvik Ferry Review 2026", style="Cover Title")
    document.add_heading("Executive summary", level=1)
    document.add_paragraph("The ferry contract ends in 2027.")
    document.save(str(path))
    article = DocxImporter().extract(path.read_bytes(), "review.docx", ImportLimits())
    assert article.title == "Lisvik Ferry Review 2026"
    assert article.block_text(article.blocks[0]) == "Lisvik Ferry Review 2026"
