"""The domain objects every room shares: articles, themes, passages, notes.

Plain frozen records (core.record: defined at no cost, where a dataclass compiles its
methods at every start). Ids are ``None`` until the
store gives them one; ``uuid`` is ``""`` until then too, and then never changes, so
two copies of a project recognise what they share whatever ids each gave. Colours
are ``"#RRGGBB"`` strings; offsets are ``int`` indexes into an article's canonical
text, half-open ``[start, end)``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re

from briefer.core.record import Record, field
from briefer.core.words import count_text_words

BLOCK_SEPARATOR = "\n\n"
"""What stands between two blocks in an article's canonical text.

Importers join blocks with it, so a block never spans a blank line and a
passage copied across two paragraphs reads as two paragraphs.
"""

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class BlockKind(enum.StrEnum):
    """The structural roles a stretch of article text can play."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    CAPTION = "caption"
    PREFORMATTED = "preformatted"
    TABLE_ROW = "table_row"


class Block(Record, frozen=True):
    """One structural unit of an article, as a span over its canonical text.

    ``level`` is the heading level (1-6) for headings and the nesting depth
    (1 = top) for list items and for paragraphs that hold their own list number
    (Word's "2.", "a.": see the DOCX importer); 0 otherwise. ``ordered`` marks
    numbered lists.
    """

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    ordered: bool = False

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad block span [{self.start}, {self.end})")


class ArticleImage(Record, frozen=True):
    """An image that came with the article and exists locally (never fetched).

    ``data`` is already normalised by the importer (PNG or JPEG, size-capped);
    ``offset`` is where in the canonical text it stood.
    """

    media_type: str
    data: bytes
    width: int
    height: int
    offset: int = 0
    caption: str = ""
    name: str = ""


class Original(Record, frozen=True):
    """The bytes an article was imported from, kept so it can be re-extracted."""

    filename: str
    media_type: str
    data: bytes


class Article(Record, frozen=True):
    """An imported source: its canonical plain text, structure and metadata.

    ``text`` never changes after import, so passage offsets stay valid.
    ``published`` is a date when the source says one (a time of day adds
    nothing to a briefing); ``imported_at`` is when it entered the project.
    """

    title: str
    text: str
    blocks: tuple[Block, ...] = ()
    publisher: str = ""
    author: str = ""
    published: dt.date | None = None
    url: str = ""
    language: str = ""
    source_format: str = ""
    source_name: str = ""
    images: tuple[ArticleImage, ...] = ()
    imported_at: dt.datetime | None = None
    id: int | None = None
    uuid: str = ""

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    @property
    def word_count(self) -> int:
        return count_text_words(self.text)  # a Chinese article has words too


class ArticleSummary(Record, frozen=True):
    """What a library listing needs of an article, without its text."""

    id: int
    title: str
    publisher: str
    author: str
    published: dt.date | None
    url: str
    source_format: str
    word_count: int
    passage_count: int
    imported_at: dt.datetime | None = None
    uuid: str = ""
    source_name: str = ""
    """The name of the file it was imported from ("" if none was given)."""


class Theme(Record, frozen=True):
    """An analyst's category for passages (Trade, Defence, ...).

    ``keywords`` are the rules behind suggestions: each is a word or phrase,
    matched case-insensitively on whole words by stem (``tariff`` finds tariffs);
    a trailing ``*`` matches any ending (``export*`` finds exporters). See
    ``core.keywords`` and ``core.suggest`` for how matches are scored.
    """

    name: str
    colour: str
    shortcut: str = ""
    parent_id: int | None = None
    description: str = ""
    keywords: tuple[str, ...] = ()
    position: int = 0
    id: int | None = None
    uuid: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a theme needs a name")
        if not _COLOUR.match(self.colour):
            raise ValueError(f"colour must look like #RRGGBB, not {self.colour!r}")


class Passage(Record, frozen=True):
    """A tagged span of one article, with enough context to re-anchor it.

    ``text`` is a copy of the quoted words, and ``prefix``/``suffix`` the few
    characters around them (the W3C text-quote selector idea), so a citation
    can always be checked against its source even if offsets ever drift.
    """

    article_id: int
    start: int
    end: int
    text: str
    prefix: str = ""
    suffix: str = ""
    theme_ids: tuple[int, ...] = ()
    comment: str = ""
    created_at: dt.datetime | None = None
    id: int | None = None
    uuid: str = ""

    def __post_init__(self) -> None:
        if self.start < 0 or self.end <= self.start:
            raise ValueError(f"a passage needs a non-empty span, not [{self.start}, {self.end})")


class Section(Record, frozen=True):
    """One part of a note: a heading and a CommonMark body with citation tokens.

    ``guidance`` is the template's advice for the section ("State the main judgement in
    two or three sentences"): shown greyed while the body is empty, never exported.
    """

    heading: str
    body: str = ""
    level: int = 1
    position: int = 0
    id: int | None = None
    guidance: str = ""


class Note(Record, frozen=True):
    """A briefing note: metadata and ordered sections.

    ``citation_style`` is the CSL style its exports use (a built-in name or a .csl path);
    empty means the one the settings name.
    """

    title: str
    author: str = ""
    date: dt.date | None = None
    recipient: str = ""
    reference: str = ""
    marking: str = ""
    template: str = ""
    sections: tuple[Section, ...] = ()
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    id: int | None = None
    uuid: str = ""
    citation_style: str = ""


class Citation(Record, frozen=True):
    """A reference from a note's text to a passage; exported as a footnote."""

    passage_id: int


class SearchHit(Record, frozen=True):
    """One full-text search result: which article, how well, and where.

    ``rank`` is larger for better hits. ``offsets`` are spans of the matched
    words in the article's text, first hit first, so a view can open there.
    """

    article_id: int
    title: str
    snippet: str
    rank: float
    offsets: tuple[tuple[int, int], ...] = field(default=())
