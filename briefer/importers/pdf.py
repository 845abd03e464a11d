"""PDF documents: text in reading order, headings and paragraphs, via pypdfium2.

The pipeline: pdfread (PDFium's glyphs, per page and text direction) ->
pdfwords (glyphs to runs at their effective size) -> pdffurniture (headers,
footers, page and line numbers, stamps) -> pdforder (table rows via pdfrows,
columns, bands, keys beside wrapped values via pdfkeys) -> pdfnotes
(footnotes out of the flow) -> pdflayout (headings and paragraphs);
docinfo picks title, author and date and
pdfhealth names pages that cannot be read, spells out ligatures a Ghostscript
rewrite shifted into CJK letters and names quotation marks it broke. Imports only briefer.core,
briefer.importers.* and pypdfium2; never store/session/ui.
"""

from __future__ import annotations

import threading
from pathlib import PurePosixPath

from briefer.core.model import Article
from briefer.importers.base import (
    ArticleBuilder,
    Deadline,
    ImportLimits,
    ImportRejected,
    LocalFileReader,
)
from briefer.importers.docinfo import file_date, meaningful, pdf_date, printed_date
from briefer.importers.htmlmeta import url_date
from briefer.importers.pdffurniture import remove_furniture, remove_repeated_extra
from briefer.importers.pdfhealth import rejection, text_warnings, unshifted_ligatures, warnings
from briefer.importers.pdflayout import (
    Line,
    Page,
    body_size,
    breaks_words,
    build_blocks,
    largest_text,
)
from briefer.importers.pdfmargin import text_frames
from briefer.importers.pdfnotes import notes_by_page
from briefer.importers.pdfocr import snap_scanned_sizes
from briefer.importers.pdforder import reading_order
from briefer.importers.pdfprint import (
    browser_printed,
    byline_author,
    dateline,
    from_headline,
    headline_and_site,
    in_title,
    page_address,
    pull_quotes,
    sidebars_last,
    without_story_lists,
    without_web_furniture,
)
from briefer.importers.pdfread import read_document
from briefer.importers.pdfrows import without_repeated_heads

__all__ = ["PdfImporter", "pdf_date"]

# PDFium may not be entered by two threads at once, even for different documents
# (it corrupts the process), and the app imports in a thread pool: one lock for all.
_PDFIUM_LOCK = threading.Lock()


class PdfImporter:
    """PDF files with a text layer: reports, printed web pages, papers."""

    name = "pdf"
    extensions: tuple[str, ...] = (".pdf",)

    def sniff(self, data: bytes, filename: str) -> int:
        head = data[:1024]
        if head.startswith(b"%PDF-"):
            return 100
        if b"%PDF-" in head:
            return 90  # some producers put junk before the header; PDF readers allow it
        return 0

    def extract(
        self,
        data: bytes,
        filename: str,
        limits: ImportLimits,
        read_local: LocalFileReader | None = None,
    ) -> Article:
        return self.extract_with_warnings(data, filename, limits, read_local)[0]

    def extract_with_warnings(
        self,
        data: bytes,
        filename: str,
        limits: ImportLimits,
        read_local: LocalFileReader | None = None,
    ) -> tuple[Article, tuple[str, ...]]:
        """The article and one sentence per page range that could not be read well.

        Pages of junk symbols (a font without a text encoding) are left out and
        named; so are scanned pages. A file with no usable page is refused.
        """
        del read_local  # a PDF carries everything it shows
        name = filename or "the PDF"
        if len(data) > limits.max_bytes:
            raise ImportRejected(
                f"{name} is {len(data) / 1048576:.0f} MB, more than the"
                f" {limits.max_bytes // 1048576} MB Briefer imports. Split it into smaller"
                " PDFs (most PDF viewers can print a page range to PDF) and import those."
            )
        if b"%PDF-" not in data[:1024]:
            raise ImportRejected(
                f"{name} is not a PDF (it does not start like one). Check that it is the"
                " file you meant; if it is a PDF that a program refused too, re-download it."
            )
        deadline = Deadline(limits.max_seconds, name)
        with _PDFIUM_LOCK:
            document = read_document(data, name, limits, deadline)
        info, states = document.info, document.health
        pages = snap_scanned_sizes(
            unshifted_ligatures(
                [
                    Page((), page.width, page.height) if state.garbled else page
                    for page, state in zip(document.pages, states, strict=True)
                ]
            )
        )
        if not any(page.lines or page.extra for page in pages):
            raise ImportRejected(rejection(name, states))
        deadline.check()
        cleaned = remove_furniture(pages)
        deadline.check()
        frames = text_frames(cleaned, body_size(line for page in cleaned for line in page))
        ordered: list[list[Line]] = []
        for lines, extra, frame in zip(cleaned, remove_repeated_extra(pages), frames, strict=True):
            deadline.check()  # a hostile page (thousands of rows) may take long: per page
            ordered.append(reading_order(lines, frame) + extra)
        if browser_printed(info):  # a site's sidebar beside the article goes after it
            ordered = sidebars_last(ordered)
        body = body_size(line for page in ordered for line in page)
        # Each page cut after its columns' notes, so they follow the paragraph running on.
        split = notes_by_page(ordered, body)
        pieces = [piece for page in split for piece in page]
        ordered = [[line for lines, _ in page for line in lines] for page in split]
        builder = ArticleBuilder()
        build_blocks(
            without_repeated_heads([lines for lines, _ in pieces]),
            builder,
            deadline,
            [n for _, n in pieces],
            breaks_words(info),
        )
        first = next((page for page in ordered if page), [])
        headline = largest_text(first)
        browser = browser_printed(info)
        if browser:  # a web page: from its headline, less what its saved HTML would lose
            page_title = meaningful(info.get("Title", ""))
            builder, headline = from_headline(without_web_furniture(builder), headline, page_title)
            builder = pull_quotes(without_story_lists(builder))
        if builder.is_empty():
            raise ImportRejected(
                f"{name} has no text to import once page headers and numbers are removed."
            )
        title = meaningful(info.get("Title", "")) or headline
        opening = [line.text for line in first[:60]]
        published = printed_date(opening)
        publisher = url = ""
        author = meaningful(info.get("Author", ""))
        if browser:  # its creation date is the moment it was printed
            named = in_title(headline, title)  # "World - Headline - Site" too
            title, publisher = headline_and_site(title, headline)
            title = headline if named else title
            url = page_address(pages[0]) if pages else ""
            author = author or byline_author(builder, publisher)
            published = dateline(builder) or url_date(url) or published  # not the top bar's
        else:
            published = published or file_date(pdf_date(info.get("CreationDate", "")), opening)
            # The writer the page prints ("By Laura Kask, Tallinn") before the file's
            # Author, which is most often the account that saved it ("jsmith").
            author = byline_author(builder, publisher) or author
        article = Article(
            title=title or PurePosixPath(filename).stem or "Untitled PDF",
            text=builder.text(),
            blocks=builder.blocks,
            author=author,
            publisher=publisher,
            published=published,
            url=url,
            source_format=self.name,
            source_name=filename,
        )
        short = PurePosixPath(name).name
        return article, warnings(short, states) + text_warnings(short, pages)
