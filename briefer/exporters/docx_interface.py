"""What the Word writer asks of the package it fills: one writer, two packages.

The writer (exporters/docx.py) turns a note into WordprocessingML markup and
asks the package only for what needs the package: a hyperlink's relationship
id, a restarted list, footnotes, headers and footers, properties, saving.
Two packages answer: python-docx's, which reads a reference document's
styles and layout (docx_pydocx), and Briefer's own prebuilt one spliced as
text (docx_plain), which spares an export without a reference the import of
python-docx and lxml. Standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from briefer import __version__
from briefer.core.record import Record
from briefer.exporters import docx_xml
from briefer.exporters.export_words import ExportWords

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import BinaryIO, Literal, Protocol

    PageSize = Literal["A4", "Letter"]
else:
    Protocol = object  # an interface for type checkers; a plain class to the interpreter
    PageSize = str
PAGE_SIZES: dict[str, tuple[int, int]] = {"A4": (11906, 16838), "Letter": (12240, 15840)}
"""Portrait width and height in twentieths of a point, as Word writes them."""
EMU_PER_CM = 360_000
EMU_PER_TWIP = 635
APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def twips(emu: int) -> int:
    """EMU to twentieths of a point, rounded as python-docx rounds them."""
    return round(emu / float(EMU_PER_TWIP))


class PageSetup(Record, frozen=True):
    """What the analyst's settings say about the page; ``None`` keeps the template's."""

    page_size: PageSize | None = None
    language: str | None = None


class StyleSpec(Record, frozen=True):
    """A Word built-in style to find in the template, or to create if it is only latent there."""

    style_id: str
    name: str
    kind: Literal["paragraph", "character", "table"]
    based_on: str = "Normal"
    size: float | None = None
    bold: bool = False
    italic: bool = False
    superscript: bool = False
    font: str = ""
    colour: str = ""
    underline: bool = False
    outline_level: int | None = None
    indent_pt: float | None = None
    space_after_pt: float | None = None
    """Space after the paragraph, whatever Normal says; with it, single line spacing."""
    hanging_pt: float | None = None
    """With ``indent_pt``: the first line starts this far left of the rest (a bibliography)."""


class CoreProperties(Record, frozen=True):
    """docProps/core.xml: what Word shows under File > Info. Times are naive UTC."""

    title: str
    author: str
    subject: str
    content_status: str
    created: dt.datetime
    modified: dt.datetime


class WordPackage(Protocol):
    """The package the writer's markup goes into; calls come in the writer's order, which
    is the order relationship ids and numbering instances are given out in."""

    def styles(self, specs: Mapping[str, StyleSpec]) -> dict[str, str]:
        """The style id to use for each spec, defining what the template lacks (and the
        list styles' numbering)."""
        ...

    def text_width(self) -> int:
        """The width between the margins, in EMU."""
        ...

    def cell_font(self, table_style: str) -> tuple[str, float]:
        """The font and size (points) of a table cell's text in a ``table_style`` table, as
        the package's styles and theme resolve them: the table's columns are measured in it."""
        ...

    def first_footnote_id(self) -> int:
        """The id the first of the note's footnotes takes (after the separators)."""
        ...

    def add_footnotes(self, markup: str) -> None:
        """Append ``w:footnote`` elements (see docx_xml.footnotes) to the footnotes part."""
        ...

    def hyperlink(self, url: str, *, in_footnotes: bool = False) -> str:
        """The relationship id of an external link from the body (or the footnotes)."""
        ...

    def restart_numbering(self, style_id: str, start: int) -> int | None:
        """A new numbering instance of ``style_id``'s list starting at ``start``; its numId."""
        ...

    def add_body(self, markup: str) -> None:
        """Put the body's paragraphs and tables before the section properties."""
        ...

    def headers_and_footers(
        self, marking: str, header_style: str, footer_style: str, words: ExportWords
    ) -> None:
        """The marking centred in every header and footer, and "Page X of Y" in the footers,
        in ``words``' language, its numbers PAGE and NUMPAGES fields."""
        ...

    def core_properties(self, properties: CoreProperties) -> None: ...

    def finish(self, *, update_fields: bool) -> None:
        """Everything outside the body, once the body is written."""
        ...

    def save(self, stream: BinaryIO) -> None: ...


def app_xml(company: str = "") -> bytes:
    """The extended properties Briefer writes; Word recounts pages and words itself."""
    esc = docx_xml.escaped
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<Properties xmlns="{APP_NS}" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        "<Template>Normal.dotm</Template>"
        f"<Application>Briefer {esc(__version__)}</Application>"
        "<DocSecurity>0</DocSecurity>"
        + (f"<Company>{esc(company)}</Company>" if company else "")
        + "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()
