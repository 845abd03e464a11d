"""Title, author and date: junk information refused, page one's title and printed date used."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ArticleBuilder, ImportLimits
from briefer.importers.docinfo import file_date, meaningful, printed_date
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdfprint import browser_printed, byline_author, headline_and_site

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


@pytest.mark.parametrize(
    "junk",
    [
        "Microsoft Word - minutes_13jan.doc",
        "ARRAY(0x55d0c8a1f2e8)",
        "10811.exe",
        "report_final_v2.pdf",
        "arXiv:1234.5678v1 [cs.CL] 1 Jan 2020",
        "C:\\Users\\hana\\Desktop\\draft.docx",
        "/tmp/tmpx8d2/out",
        "untitled",
        "Untitled-3",
        "Slide 1",
        "PowerPoint Presentation",
        "Microsoft Office User",
        "2020",
        "---",
    ],
)
def test_junk_information_is_refused(junk: str) -> None:
    assert meaningful(junk) == ""


@pytest.mark.parametrize(
    "real",
    ["Coastal Trade Outlook: First Quarter 2026", "Hana Ibsen", "COVID-19 and ferries", "G7"],
)
def test_real_information_is_kept(real: str) -> None:
    assert meaningful(real) == real


@pytest.mark.parametrize(
    ("lines", "date"),
    [
        (["Minutes", "January 13, 2009"], dt.date(2009, 1, 13)),
        (["Published 3 March 2026 by the institute"], dt.date(2026, 3, 3)),
        (["Date: 2025-11-30"], dt.date(2025, 11, 30)),
        (["Sept. 4th, 2019"], dt.date(2019, 9, 4)),
        # A date inside a sentence of the body is an event, not the document's date.
        (["The committee first met in Lisvik on January 13, 2009 and agreed to go on."], None),
        (["February 30, 2020"], None),
        # Sources in other languages print their dates in their own words.
        (["17 сентября 2024"], dt.date(2024, 9, 17)),
        (["Berlin, 17. März 2024"], dt.date(2024, 3, 17)),
        (["Madrid, 17 de septiembre de 2024"], dt.date(2024, 9, 17)),
        (["Paris, le 1er octobre 2025"], dt.date(2025, 10, 1)),
        (["Roma, 3 dicembre 2025"], dt.date(2025, 12, 3)),
        (["October 2025"], None),  # a month is not a day
        # A news page's by-line row: its separators are no words.
        (
            ["By Kari Nordvik · Published 3 June 2025, 14:20 · Updated 4 June 2025"],
            dt.date(2025, 6, 3),
        ),
    ],
)
def test_printed_date(lines: list[str], date: dt.date | None) -> None:
    assert printed_date(lines) == date


@pytest.mark.parametrize(
    ("created", "cover", "kept"),
    [
        (dt.date(2026, 12, 2), ["Sharing the tide", "Ports Institute", "October 2025"], None),
        (dt.date(2025, 10, 14), ["Sharing the tide", "October 2025"], dt.date(2025, 10, 14)),
        (dt.date(2024, 10, 2), ["Сентябрь 2024"], None),
        (dt.date(2026, 12, 2), ["Sharing the tide"], None),  # nothing vouches for it
        (dt.date(1601, 1, 1), ["Sharing the tide"], None),  # a zeroed Windows time
        # A month in a sentence of the body says nothing about the file.
        (dt.date(2024, 3, 9), ["The survey ran from March 2024 until the ferries stopped."],
         None),
    ],
)  # fmt: skip
def test_a_files_date_is_kept_only_where_its_cover_prints_its_month(
    created: dt.date, cover: list[str], kept: dt.date | None
) -> None:
    """A file's date is the day the file was made: a report re-exported a year on, a
    document saved as PDF. "October 2025" on the cover vouches for 14 October 2025;
    another month, or none, and no date beats a wrong one."""
    assert file_date(created, cover) == kept


@pytest.fixture(scope="module")
def paper() -> Article:
    """pdfTeX: two columns, running head, the arXiv stamp sideways and as the info title."""
    return PdfImporter().extract((PDF / "paper.pdf").read_bytes(), "paper.pdf", ImportLimits())


def test_paper_metadata_from_page_one(paper: Article) -> None:
    assert paper.title == "Ferry subsidies and island labour markets"
    assert paper.author == ""  # ARRAY(0x...)
    assert paper.published == dt.date(2026, 3, 3)  # printed; the file says 2026-04-02


def test_paper_reads_as_written_without_stamp_or_running_head(paper: Article) -> None:
    expected = (PDF / "paper.expected.txt").read_text(encoding="utf-8")
    want = [" ".join(p.lstrip("#").split()) for p in expected.split("\n\n")]
    body = [paper.block_text(b) for b in paper.blocks]
    # Authors and the date are set larger than the text, so they read as minor headings.
    assert body[:3] == [want[0], "Hana Ibsen Tomas Lind", "March 3, 2026"]
    assert body[3:] == want[1:]
    assert "arXiv" not in paper.text and "Valmora" not in paper.text
    assert not re.search(r"\w- \w", paper.text)  # TeX's hyphenation undone
    headings = [paper.block_text(b) for b in paper.blocks if b.kind is BlockKind.HEADING]
    assert headings[3:] == ["Introduction", "Data", "Results", "Conclusion"]


def test_a_browser_print_is_cited_as_the_web_page_it_printed() -> None:
    """browser-site.pdf: Chromium's "Save as PDF" of a page titled "Headline | Site", served
    over HTTP, with a dateline and a by-line under the headline; printed a year after."""
    article = PdfImporter().extract(
        (PDF / "browser-site.pdf").read_bytes(), "browser-site.pdf", ImportLimits()
    )
    assert article.title == "Ferry fares rise as fuel costs bite"
    assert article.publisher == "The Northland Courier"
    assert article.author == "Mara Quist"  # "By Mara Quist, transport correspondent"
    assert article.published == dt.date(2025, 12, 4)  # the dateline, not the day it was printed
    assert article.url == "http://127.0.0.1:8765/ferry-fares.html"  # the address at its foot


def test_a_browser_prints_creation_date_is_never_the_articles() -> None:
    """browser.pdf prints no date of its own: its creation date is when it was printed."""
    article = PdfImporter().extract(
        (PDF / "browser.pdf").read_bytes(), "browser.pdf", ImportLimits()
    )
    assert article.published is None
    assert article.url == ""  # printed from a file: its file:// address is no citation


@pytest.mark.parametrize(
    ("producer", "creator", "browser"),
    [
        ("Skia/PDF m120", "Mozilla/5.0 (Windows NT 10.0) Chrome/120.0 Safari/537.36", True),
        ("cairo 1.16.0 (https://cairographics.org)", "Mozilla Firefox 128.0", True),
        ("macOS Version 14.2 (Build 23C64) Quartz PDFContext", "Safari", True),
        ("Microsoft: Print To PDF", "Microsoft Edge", True),
        ("LibreOffice 7.4", "Writer", False),
        ("Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365", False),
        ("Acrobat Distiller 23.0 (Windows)", "PScript5.dll Version 5.2.2", False),
        ("pdfTeX-1.40.25", "LaTeX with hyperref", False),
        ("Acrobat PDFMaker 23 for Word", "Safari Books Online production", False),
        ("PDFlib+PDI 9.0", "Knowledge Exchange Edge report builder", False),
    ],
)
def test_a_browser_is_known_by_its_name_in_the_information(
    producer: str, creator: str, browser: bool
) -> None:
    assert browser_printed({"Producer": producer, "Creator": creator}) is browser


@pytest.mark.parametrize(
    ("title", "headline", "split"),
    [
        ("Ferry fares rise | The Courier", "Ferry fares rise", ("Ferry fares rise", "The Courier")),
        ("The Courier - Ferry fares rise", "Ferry fares rise", ("Ferry fares rise", "The Courier")),
        ("Ferry fares rise | Opinion", "Ferry fares rise", ("Ferry fares rise | Opinion", "")),
        ("Ferry fares: the winter ahead", "Ferry fares", ("Ferry fares: the winter ahead", "")),
        ("The Courier: Ferry fares rise", "Ferry fares rise", ("Ferry fares rise", "The Courier")),
        ("Opinion: Ferry fares rise", "Ferry fares rise", ("Opinion: Ferry fares rise", "")),
        ("Ferry fares rise", "", ("Ferry fares rise", "")),
    ],
)
def test_a_printed_pages_title_is_split_as_a_web_pages(
    title: str, headline: str, split: tuple[str, str]
) -> None:
    assert headline_and_site(title, headline) == split


@pytest.mark.parametrize(
    ("lines", "author"),
    [
        (["By Jane Smith"], "Jane Smith"),
        (["4 December 2025", "BY JANE SMITH and ALI KHAN"], "Jane Smith and Ali Khan"),
        (["By Mara Quist, transport correspondent"], "Mara Quist"),
        (["By Ana de la Cruz in Manila"], "Ana de la Cruz"),
        (["By Ana de la Cruz, Manila"], "Ana de la Cruz"),
        (["BY JANE SMITH and ALI KHAN, WASHINGTON"], "Jane Smith and Ali Khan"),
        (["By the time the ferry left, the strike was over."], ""),
        (["By Tuesday the union had agreed to talks with the operator"], ""),
        (["by-election results are due"], ""),
        (["Ferry operators will raise fares.", "By Jane Smith"], "Jane Smith"),
        (["by: Laurie Oakes From: The Courier"], "Laurie Oakes"),
        (["Par Jean Dupont"], "Jean Dupont"),
        (["Von Anna Müller und Jonas Weber"], "Anna Müller und Jonas Weber"),
        (["Por María López"], "María López"),
        (["Par exemple, les tarifs augmentent"], ""),
        (["Von Montag an fahren weniger Fähren"], ""),
        (["Von der Leyen in Kyiv"], ""),
        (["Di Maio Says Talks Failed"], ""),
        (["di Mario Rossi"], "Mario Rossi"),
    ],
)
def test_a_printed_pages_by_line_names_its_writer(lines: list[str], author: str) -> None:
    built = ArticleBuilder()
    built.add(BlockKind.HEADING, "Ferry fares rise", level=1)
    for line in lines:
        built.add(BlockKind.PARAGRAPH, line)
    assert byline_author(built, "The Courier") == author


def test_an_office_pdfs_by_line_names_the_writer_before_the_files_account() -> None:
    """LibreOffice: the file's Author is the account that saved it ("jsmith"); the page
    prints "By Laura Kask, Tallinn — 9 February 2025" over the story, with no space
    between, and the by-line was glued to the first paragraph (a new user's trial)."""
    name = "byline-office.pdf"
    article = PdfImporter().extract((PDF / name).read_bytes(), name, ImportLimits())
    assert (article.author, article.published) == ("Laura Kask", dt.date(2025, 2, 9))
    body = [article.block_text(b) for b in article.blocks]
    assert body[1] == "By Laura Kask, Tallinn — 9 February 2025"
    assert body[2].startswith("Estonia, Latvia and Lithuania") and body[2].endswith("Soviet era.")
    assert body[3].startswith("By the time the switch was made")  # a sentence, no by-line
