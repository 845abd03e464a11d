"""Markdown footnotes read as the Word importer reads Word's: "[n]" marks in the text and
the notes under a "Notes" heading at the end, never the raw "[^1]" syntax.

``ferry-notes.pandoc.md`` and ``ferry-notes.gfm.md`` are pandoc 2.17's Markdown and GFM
of ``docx/notes.docx`` (``pandoc notes.docx -t markdown`` / ``-t gfm``); the other
fixtures are written as the pandoc manual and GitHub's docs show footnotes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.model import Article, BlockKind
from briefer.importers import markdown
from briefer.importers.base import ImportLimits
from briefer.importers.docx import DocxImporter
from briefer.importers.markdown import MarkdownImporter

DATA = Path(__file__).parents[1] / "data" / "importers"
TEXT = DATA / "text"
H, P, L, PRE = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.PREFORMATTED


def _import(name: str) -> Article:
    return MarkdownImporter().extract((TEXT / name).read_bytes(), name, ImportLimits())


def _read(source: str) -> list[tuple[BlockKind, str]]:
    article = MarkdownImporter().extract(source.encode(), "notes.md", ImportLimits())
    return [(b.kind, article.block_text(b)) for b in article.blocks]


def _shape(article: Article) -> list[tuple[BlockKind, str]]:
    return [(b.kind, article.block_text(b)) for b in article.blocks]


FERRY = [
    (
        P,
        "The regional council approved a subsidy for the Lisvik ferry on Tuesday.[1] The"
        " subsidy covers two thirds of the operating cost for three years, and the remaining"
        " third falls to the island municipality.",
    ),
    (
        P,
        "Critics argue that the electric vessel[2] is untested in winter ice, while supporters"
        " point to a successful trial on the Kessling route last year.[3]",
    ),
    (
        P,
        "The first sailing is planned for April, weather and crew training permitting, and the"
        " timetable will be reviewed after the first summer season.",
    ),
    (H, "Notes"),
    (P, "[1] Council minutes, item 14, published on the regional website."),
    (P, "[2] Built by Lindmark Marine Engineering and leased for ten years."),
    (P, "The lease includes a replacement battery after five years."),
    (P, "[3] Kessling trial report, operator's summary, October."),
]


@pytest.mark.parametrize("name", ["ferry-notes.pandoc.md", "ferry-notes.gfm.md"])
def test_pandocs_markdown_of_a_word_briefing_reads_as_the_word_file_does(name: str) -> None:
    article = _import(name)
    assert article.title == "Ferry subsidy briefing"
    assert _shape(article) == FERRY
    assert "[^" not in article.text
    # The Word file itself: the same body and notes (its endnote is Word's "i", which
    # pandoc numbers on as 3; its title heading is a block there).
    data = (DATA / "docx" / "notes.docx").read_bytes()
    word = DocxImporter().extract(data, "notes.docx", ImportLimits())
    assert [(k, t.replace("[i]", "[3]")) for k, t in _shape(word)[1:]] == FERRY


def test_pandoc_notes_named_multi_block_inline_and_never_cited() -> None:
    article = _import("quay-repairs.pandoc.md")
    assert article.title == "Arvel quay repairs fall behind schedule"
    assert _shape(article) == [
        (
            P,
            "Repairs to the corroded quays at Arvel are six months behind the timetable the"
            " harbour board set in spring.[1] The contractor blames the late delivery of steel"
            " piles from the mill in Lindmark.[2]",
        ),
        (
            P,
            "The ferry pontoon stays closed to heavy vehicles, and the board expects it to"
            " reopen in the spring.[3] Hauliers now use the north berth, which the 2024 survey"
            " judged sound.[1]",
        ),
        # No definition: the reference stays as typed, as pandoc leaves it.
        (P, "A final decision on the penalty clause is expected in December.[^tbd]"),
        (H, "Notes"),
        (P, "[1] Minutes of the Arvel harbour board, 12 March 2025, item 4."),
        (
            P,
            "[2] Letter from Kessling Marine Works to the harbour board, dated 2 October 2025.",
        ),
        (P, "The letter lists the delayed deliveries:"),
        (
            PRE,
            "pile batch  due        delivered\n"
            "A-14        June       September\n"
            "A-15        July       not yet",
        ),
        (
            P,
            "It asks for the penalty clause to be suspended until the last batch arrives.",
        ),
        (P, "[3] The board's spokesman said so at a press briefing on 14 November."),
        # Defined but never cited: kept, numbered on.
        (P, "[4] Harbour survey 2024, section 3, was never cited above."),
    ]
    assert [b.level for b in article.blocks if b.kind is H] == [1]


def test_github_notes_on_consecutive_lines_with_a_continued_line() -> None:
    article = _import("ferry-timetable.gfm.md")
    assert article.title == "Winter timetable for the Lisvik ferry"
    assert _shape(article) == [
        (
            P,
            "The electric ferry will sail eight times a day from January[1], two crossings"
            " fewer than in summer.",
        ),
        (
            P,
            "Islanders asked for a late sailing on Fridays[2], and the operator agreed to a"
            " trial until Easter[3].",
        ),
        (P, "A note that is never defined[^3] is left as written."),
        (H, "Notes"),
        (P, "[1] Lisvik Ferry Company, winter timetable, published 3 December."),
        (
            P,
            "[2] Petition of the island council, signed by 412 residents. Handed to the"
            " operator on 20 November.",
        ),
        (P, "[3] The trial ends on 5 April; passenger numbers decide whether it stays."),
    ]


def test_notes_read_in_pieces_come_out_as_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long file is parsed a piece at a time: a reference still finds a definition
    written pieces later, and the numbers run on across pieces."""
    whole = [_shape(_import(name)) for name in ("quay-repairs.pandoc.md", "ferry-notes.gfm.md")]
    monkeypatch.setattr(markdown, "CHUNK_LINES", 1)
    pieces = [_shape(_import(name)) for name in ("quay-repairs.pandoc.md", "ferry-notes.gfm.md")]
    assert pieces == whole
    assert (H, "Notes") in pieces[0] and (
        P,
        "[4] Harbour survey 2024, section 3, was never cited above.",
    ) in pieces[0]


def test_an_authors_heading_over_the_definitions_is_the_notes_heading() -> None:
    assert _read("Fees rose.[^1]\n\n## Sources\n\n[^1]: Port authority, annual report.\n") == [
        (P, "Fees rose.[1]"),
        (H, "Sources"),
        (P, "[1] Port authority, annual report."),
    ]
    # A heading with text under it is not: the notes get their own.
    assert _read("Fees rose.[^1]\n\n## Outlook\n\nFlat.\n\n[^1]: Annual report.\n")[2:] == [
        (P, "Flat."),
        (H, "Notes"),
        (P, "[1] Annual report."),
    ]


def test_what_only_looks_like_a_note_stays_text() -> None:
    source = (
        "# Fees[^1]\n\n"
        "Rates in `[^1]` code, escaped \\[^1], and a label with a space [^a b].\n\n"
        "```\n[^1]: inside a fence\n```\n\n"
        "    [^1]: indented code\n\n"
        "[^1]: The real note.\n"
    )
    article = MarkdownImporter().extract(source.encode(), "fees.md", ImportLimits())
    assert article.title == "Fees"  # the title is shown without its mark, as from Word
    assert _shape(article) == [
        (P, "Rates in [^1] code, escaped [^1], and a label with a space [^a b]."),
        (PRE, "[^1]: inside a fence"),
        (PRE, "[^1]: indented code"),
        (H, "Notes"),
        (P, "[1] The real note."),
    ]


def test_a_file_of_definitions_alone_loses_nothing() -> None:
    assert _read("[^a]: First.\n[^b]: Second.\n\n[^a]: First again.\n") == [
        (H, "Notes"),
        (P, "[1] First."),
        (P, "[2] Second."),
        (P, "[3] First again."),
    ]


def test_a_note_written_inside_a_list_item_or_quote_is_listed_as_a_plain_note() -> None:
    source = (
        "- Dredging[^1]\n\n  [^1]: Channel survey, table 4.\n\n- Berth fees\n\n"
        "> Fees rose.[^2]\n>\n> [^2]: Port authority.\n\nAfter.\n"
    )
    assert _read(source) == [
        (L, "Dredging[1]"),
        (L, "Berth fees"),
        (BlockKind.QUOTE, "Fees rose.[2]"),
        (P, "After."),
        (H, "Notes"),
        (P, "[1] Channel survey, table 4."),
        (P, "[2] Port authority."),
    ]
